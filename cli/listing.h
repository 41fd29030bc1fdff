/* listing.h - one writer for the rows a command lists, in the three
 * formats of --format: an aligned table, CSV (RFC 4180, header first) or a
 * JSON array of objects whose keys are the CSV header (SPEC §6).
 *
 * Columns are text unless listed otherwise: a number is written bare in
 * JSON (an empty cell as null), and a text that may be absent is null in
 * JSON when empty. Cells are borrowed for the call. Writes to stdout.
 */
#ifndef PS_LISTING_H
#define PS_LISTING_H

#include "cli/cli.h"
#include "cli/table.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum ps_col { PS_COL_TEXT = 0, PS_COL_NUMBER, PS_COL_TEXT_OR_NULL } ps_col;

typedef struct ps_listing {
    ps_outfmt fmt;
    int ncols;
    const char *const *header; /* borrowed: must outlive the listing */
    const ps_col *kinds;       /* NULL: every column is text */
    bool guard;                /* CSV: prefix text a spreadsheet reads as a formula */
    ps_table *t;               /* PS_OUT_TABLE: the rows so far */
    size_t rows;
} ps_listing;

/* Starts a listing: the table (l->t, whose columns the caller may align),
 * or the CSV header (after a byte-order mark when bom), or the JSON
 * array's opening. guard: CSV cells that a spreadsheet would read as a
 * formula get a leading ' (SPEC §6); off for files meant to load again. */
void ps_listing_begin(ps_listing *l, ps_outfmt fmt, int ncols, const char *const *header, const ps_col *kinds,
                      bool guard, bool bom);
/* The most columns a terminal table made by the two below has. */
enum { PS_LISTING_MAX_COLS = 16 };
/* A terminal table (--format table) whose header row is the texts of ids
 * (core/msg.h; formats without arguments) in the current language; the
 * texts are copied. ncols is at most PS_LISTING_MAX_COLS. */
ps_table *ps_listing_table_new(int ncols, const ps_msg_id *ids);
/* The same as ps_listing_begin for --format table, with the header row of
 * ps_listing_table_new (l->header stays NULL: a table copies its header). */
void ps_listing_begin_table(ps_listing *l, int ncols, const ps_msg_id *ids);
/* One row of l->ncols cells. */
void ps_listing_row(ps_listing *l, const char *const *cells);
/* Prints the table or closes the JSON array, and frees what l holds. */
void ps_listing_end(ps_listing *l);

#endif
