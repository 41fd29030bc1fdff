/* xlsx.h - reading the data sheet of an .xlsx submission, row by row.
 *
 * SPEC §3 "Workbook submissions". The caller hands over the whole file's
 * bytes (read once, hashed as they were read); the reader opens them as a
 * zip with libzip, picks the sheet (named `Dữ liệu` or `Data`, compared in
 * NFC without letter case, else the first visible worksheet), reads the
 * workbook's parts it needs (workbook.xml and its relationships, styles,
 * shared strings) and then streams the sheet's XML through expat, returning
 * one row at a time as a ps_csv_record, so that the code that reads a CSV
 * reads a sheet the same way.
 *
 * A row's record: line = the sheet's row number (1-based), fields = its
 * cells by column position (field i is column i+1; cells the sheet leaves
 * out are empty strings), up to its last cell with a value, or up to the
 * width given by ps_xlsx_set_width() when that is wider. Rows without any
 * value are skipped (they cost no allocation). Every field is UTF-8 in NFC:
 *   - numbers (no `t`, or t="n") as the shortest text that reads back to
 *     the double Excel shows (the value taken to 15 significant digits, as
 *     Excel does): 1234.5, 42, 0.3 for a formula's 0.30000000000000004;
 *   - a number whose cell style is a date format (built-in formats 14-22
 *     and 45-47, or a custom format with d, m or y outside quotes and
 *     brackets that is not a time of day) as its day, YYYY-MM-DD (the 1900
 *     or 1904 date system of the workbook), kind PS_XLSX_DATE;
 *   - text (shared strings, inline strings, a formula's text result
 *     t="str") as it is, leading zeros and spaces kept, rich-text runs
 *     joined, phonetic runs left out, `_xHHHH_` escapes decoded;
 *   - booleans as TRUE or FALSE, errors as Excel writes them (#DIV/0!);
 *   - a formula by its cached value (no cached value: empty).
 *
 * Memory: the caller's bytes (borrowed), the shared strings, the styles'
 * date flags and one row. Everything is bounded (ps_xlsx_opts): a part
 * that inflates beyond its limit or with a ratio no workbook has (a zip
 * bomb), too many shared strings, XML nested too deep, a DOCTYPE, a row or
 * column beyond Excel's 1,048,576 x 16,384, malformed XML, a missing part,
 * an encrypted or password-protected file or a zip with no workbook is
 * refused: PS_ERR_REFUSED with one line in ctx that names the file, says
 * what is wrong and, where it can, where (`(Dữ liệu!C12)`) and what to do.
 */
#ifndef PS_XLSX_H
#define PS_XLSX_H

#include "core/csv.h"
#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>

/* Excel's last column (XFD): a row is never wider. */
#define PS_XLSX_MAX_COLS 16384

/* Limits; a zero field takes the default named beside it. */
typedef struct ps_xlsx_opts {
    const char *label;            /* the file name for messages; copied; default "workbook" */
    size_t max_sheet_bytes;       /* the sheet's XML, inflated: 256 MiB */
    size_t max_strings_bytes;     /* sharedStrings.xml, inflated: 64 MiB */
    size_t max_part_bytes;        /* any other part read (workbook, styles, rels): 16 MiB */
    size_t max_strings;           /* entries of the shared-string table: 2,000,000 */
    unsigned max_ratio;           /* inflated/compressed bytes of a part, once it is past 1 MiB: 500 */
    unsigned max_depth;           /* XML element nesting: 32 */
    bool inflate_ahead;           /* inflate the sheet in a thread of its own
                                     (core/inflate_ahead.h); the rows are the same */
} ps_xlsx_opts;

typedef enum ps_xlsx_kind {
    PS_XLSX_EMPTY = 0,   /* no cell, or a cell without a value */
    PS_XLSX_NUMBER,
    PS_XLSX_TEXT,
    PS_XLSX_BOOL,
    PS_XLSX_ERROR,       /* a formula error such as #DIV/0! or #N/A */
    PS_XLSX_DATE         /* a number in a date format, given as YYYY-MM-DD */
} ps_xlsx_kind;

typedef struct ps_xlsx_cell {
    ps_xlsx_kind kind;
    char ref[12];        /* the cell reference, e.g. "C12" */
} ps_xlsx_cell;

typedef struct ps_xlsx_row {
    ps_csv_record rec;          /* line = row number, fields as described above */
    const ps_xlsx_cell *cells;  /* rec.nfields entries, one per field */
    const char *text;           /* the fields' bytes as one block: field i starts at */
    size_t text_len;            /* rec.fields[i] within text[0..text_len), in order,
                                   each NUL-terminated (a copy is one memcpy) */
} ps_xlsx_row;                  /* owned by the reader, valid until the next ps_xlsx_next */

typedef struct ps_xlsx ps_xlsx;

/* Opens the workbook in data[0..n) (borrowed: it must stay unchanged until
 * ps_xlsx_close) and reads what comes before the sheet's rows. opts may be
 * NULL. On success *out is an owned reader. PS_ERR_REFUSED with a message
 * when the bytes are not an .xlsx (the message then says what they are and
 * how to send them, from core/filetype), when a part is missing or
 * malformed, or a limit is passed. */
ps_error ps_xlsx_open(ps_xlsx **out, const void *data, size_t n, const ps_xlsx_opts *opts, ps_ctx *ctx);

/* The name of the sheet being read, e.g. "Dữ liệu" (NFC; owned by r). */
const char *ps_xlsx_sheet(const ps_xlsx *r);

/* From now on, fill every row with empty fields up to ncols fields (the
 * header row's width, once the caller has found its header). */
void ps_xlsx_set_width(ps_xlsx *r, size_t ncols);

/* Pulls the next row with a value into *row. Returns 1 with a row, 0 at the
 * end of the sheet, -1 when reading stopped: PS_ERR_REFUSED in ctx (and
 * from ps_xlsx_error) with a message naming the sheet and the cell or row.
 * Once it has returned 0 or -1 it keeps returning that. */
int ps_xlsx_next(ps_xlsx *r, ps_xlsx_row **row, ps_ctx *ctx);

/* PS_OK, or the error that stopped reading. */
ps_error ps_xlsx_error(const ps_xlsx *r);

/* Inflated bytes of the sheet read so far, and the sheet's declared
 * inflated size, for progress. */
long long ps_xlsx_bytes_read(const ps_xlsx *r);
long long ps_xlsx_sheet_size(const ps_xlsx *r);

/* Frees r; NULL does nothing. */
void ps_xlsx_close(ps_xlsx *r);

/* Writes the reference of column col (1-based) in row (1-based), e.g.
 * (3, 12) -> "C12", into buf (at least 12 bytes); returns buf. col must be
 * 1 to 16384 and row 1 to 1048576. */
char *ps_xlsx_cell_ref(int col, long row, char *buf);

#endif
