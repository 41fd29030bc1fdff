/* header.h - the columns of a submission, found by their header names
 * (SPEC §3: any order, any letter case, Vietnamese names too).
 *
 * Internal to ingest: ingest.c maps the header once, and the row checks
 * (ingest/row.h) read each row's fields through the map.
 */
#ifndef PS_HEADER_H
#define PS_HEADER_H

#include "core/csv.h"
#include "core/diag.h"

#include <stdbool.h>
#include <stddef.h>

/* The columns a submission may have; C_IGNORED are recognised and unused. */
enum { C_UNIT, C_INDICATOR, C_PERIOD, C_VALUE, C_MEASURE, C_STATUS, C_NOTE, C_FLAGS, C_COVERAGE,
       C_IGNORED, C_N };

typedef struct ps_header {
    int col[C_N];       /* field index of each column, -1 when absent */
    size_t nfields;     /* fields in the header row */
} ps_header;

/* Maps the header row rec. has_unit / has_period: --unit / --period was
 * given, so that column may be missing. Adds a diagnostic (to d, labelled
 * path) for an unknown column (a warning), a column named twice and a
 * required column missing (errors). Returns false when a row cannot be
 * read with this header (an error was added). */
bool ps_header_map(ps_header *h, const ps_csv_record *rec, bool has_unit, bool has_period, const char *path,
                   ps_diags *d);

/* The text of column c in rec ("" when the file has no such column). */
static inline const char *ps_header_field(const ps_header *h, const ps_csv_record *rec, int c)
{
    return h->col[c] >= 0 ? rec->fields[h->col[c]] : "";
}

/* The 1-based column number of c, for diagnostics; 0 when absent. */
static inline int ps_header_colno(const ps_header *h, int c)
{
    return h->col[c] >= 0 ? h->col[c] + 1 : 0;
}

#endif
