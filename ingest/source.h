/* source.h - the rows of a submission, from a CSV or an .xlsx workbook.
 *
 * SPEC §3: a submission is a CSV or a workbook, told apart by its content,
 * never its name. ps_source_open looks at the first bytes of the input
 * (core/filetype): text is read as CSV (core/csv), a workbook whole into
 * memory (at most PS_SOURCE_WORKBOOK_MAX bytes, hashed and kept as it is
 * read, core/input) and then row by row (core/xlsx); an .xls, .ods, other
 * zip, PDF or other binary file is refused with a sentence that says what
 * it is and how to send it. Both give ps_csv_records: for a workbook the
 * line is the sheet's row number and the column the cell's column number,
 * so every check of SPEC §4 reads them alike.
 *
 * How fast rows are found is the readers' business (and read_ahead's); this
 * file only chooses between them.
 */
#ifndef PS_SOURCE_H
#define PS_SOURCE_H

#include "core/csv.h"
#include "core/diag.h"
#include "core/input.h"

#include <stdbool.h>

#define PS_SOURCE_WORKBOOK_MAX ((size_t)256 << 20)

typedef struct ps_source ps_source;

/* Chooses the reader for the input (borrowed; it must outlive the source).
 * A file that is neither a CSV nor a workbook, or a workbook its reader
 * refuses, is refused as data: an `unreadable-file` diagnostic in d with
 * what it is and how to send it, PS_OK and *out NULL (no rows). Errors of
 * the machine (reading, memory) are returned. On success *out is owned,
 * for ps_source_close. A workbook refused while its rows are read gets the
 * same diagnostic from ps_source_next. A workbook's rows are read ahead in
 * a thread of their own (ingest/read_ahead), its sheet inflated in another
 * (core/inflate_ahead), unless plain_read is true; the rows are the same
 * either way. */
ps_error ps_source_open(ps_source **out, ps_input *in, const ps_csv_opts *copts, bool plain_read, ps_diags *d,
                        ps_ctx *ctx);

/* True for a workbook. */
bool ps_source_workbook(const ps_source *s);
/* True when the rows are read ahead in another thread (a workbook, unless
 * plain_read). */
bool ps_source_reads_ahead(const ps_source *s);
/* The sheet read ("Dữ liệu"), or NULL for a CSV. */
const char *ps_source_sheet(const ps_source *s);

/* The next record: 1 with *rec, 0 at the end, -1 when reading stopped
 * (ps_source_error says why: PS_ERR_REFUSED means the reason is a
 * diagnostic in d or, for a workbook, the message in ctx). */
int ps_source_next(ps_source *s, ps_csv_record **rec, ps_diags *d, ps_ctx *ctx);
ps_error ps_source_error(const ps_source *s);

/* For the last record of a workbook: whether field i (0-based) was a
 * number cell or a date cell; false for a CSV. */
bool ps_source_number_cell(const ps_source *s, size_t i);
bool ps_source_date_cell(const ps_source *s, size_t i);

/* A workbook's rows are padded to the header's width once it is found. */
void ps_source_set_width(ps_source *s, size_t n);

/* The delimiter of a CSV (',' for a workbook: its numbers are plain). */
char ps_source_delimiter(const ps_source *s);
/* Progress: bytes read so far and in all (0 when unknown). */
long long ps_source_done(const ps_source *s);
long long ps_source_total(const ps_source *s);

/* Frees s (not the input); NULL does nothing. */
void ps_source_close(ps_source *s);

#endif
