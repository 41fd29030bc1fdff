/* report_int.h - what the files of the report workbook share: the writer,
 * its formats, the cell helpers, the marks and the sheet writers.
 *
 * The model (report_model.h) is gathered first; then one ps_rep writes
 * it: xlsx_report.c adds the sheets and calls the writers, one file per
 * sheet (sheet_*.c), on the cell helpers of report_cells.c and the formats
 * of report_formats.c. Texts come from report_labels.h. Internal to export/.
 */
#ifndef PS_REPORT_INT_H
#define PS_REPORT_INT_H

#include "export/report_labels.h"
#include "export/report_model.h"
#include "export/summary_rows.h"
#include "export/xlsx_report.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include <xlsxwriter.h>

/* ========================================================================
 * The writer
 * ======================================================================== */

/* A chart as placed on a sheet: its top-left cell and its extent in
 * pixels from that cell's corner (offset included). */
typedef struct ps_rep_chart_box {
    int row, col;
    double x_px, y_px;
} ps_rep_chart_box;

/* Rows that print on one page when they fit on one. */
typedef struct ps_rep_rows {
    int first, last;
} ps_rep_rows;

/* One sheet, the widths of its columns and what its printing needs. */
typedef struct ps_rep_sheet {
    lxw_worksheet *ws;
    char name[PS_XLSX_SHEETNAME_BUFSZ];
    double *width;      /* widest content per column, in characters */
    double *minw, *maxw;
    int ncols;
    double *rowh;       /* heights set (points); 0: the default */
    int nrowh;
    ps_rep_chart_box *charts;
    int ncharts;
    ps_rep_rows *keep;
    int nkeep;
    int title0, title1; /* the rows repeated on every page, when has_titles */
    bool has_titles;
} ps_rep_sheet;

/* Format variants of a number cell. */
enum { V_ITALIC = 1, V_DASH = 2, V_BOLD = 4, NVAR = 8 };

/* The writer of one workbook: reads the model, owns the sheets' names. */
typedef struct ps_rep {
    const ps_report_model *m;    /* borrowed */
    const ps_catalog *cat;       /* m->cat */
    bool en;
    const char *path;
    ps_ctx *ctx;
    time_t created;
    long rows_per_sheet;
    bool cm;                     /* constant-memory mode */
    ps_xlsx_result res;

    lxw_workbook *wb;
    const char *names[64];       /* sheet names taken */
    size_t nnames;

    /* formats */
    lxw_format *f_title, *f_subtitle, *f_head, *f_group, *f_group_no, *f_text, *f_wrap, *f_center,
        *f_no, *f_text_bold, *f_note, *f_legend, *f_legend_bold, *f_plain, *f_int, *f_int_bold,
        *f_section;
    lxw_format *num[7][NVAR];
    lxw_format *data_num[7];     /* the Data sheets' values: the format alone */
    lxw_format *pct[NVAR];
    lxw_format *dxf_bad, *dxf_warn;
} ps_rep;

/* The text of label id in the report's language. */
#define L(r, id) ps_rep_label((r)->en, (id))

/* Records a libxlsxwriter error on sheet `where` as a ps_error; returns it. */
ps_error ps_rep_lx_fail(ps_rep *r, lxw_error le, const char *where);

/* Runs a libxlsxwriter call; on an error returns it from the caller (which
 * has a ps_rep *r). */
#define LX(where, call)                                                                            \
    do {                                                                                           \
        lxw_error le_ = (call);                                                                    \
        if (le_ != LXW_NO_ERROR)                                                                   \
            return ps_rep_lx_fail(r, le_, (where));                                                \
    } while (0)

/* ========================================================================
 * Formats (report_formats.c)
 * ======================================================================== */

/* A new format: Arial 10, centred vertically, thin borders when border. NULL
 * when out of memory. */
lxw_format *ps_rep_fmt_new(ps_rep *r, bool border);
/* The number format with dec decimals (0..6) and variant var (V_*), made on
 * first use. */
lxw_format *ps_rep_num_format(ps_rep *r, int dec, int var);
/* The number format with dec decimals (0..6) and nothing else (no font,
 * no border: a table's style shows), made on first use. */
lxw_format *ps_rep_data_num_format(ps_rep *r, int dec);
/* The "0.0" format of indices, percentages, shares and pace, variant var. */
lxw_format *ps_rep_pct_format(ps_rep *r, int var);
/* The fixed formats (f_*, dxf_*). */
ps_error ps_rep_make_formats(ps_rep *r);

/* ========================================================================
 * Text, sheets and cells (report_cells.c)
 * ======================================================================== */

/* Length of the UTF-8 sequence starting at s (1 for a bad byte). */
size_t ps_rep_u8len(const unsigned char *s);
/* UTF-16 units of one UTF-8 sequence of length n (Excel counts these). */
int ps_rep_u16units(size_t n);
/* Lines that s takes when wrapped at width columns (greedy, at spaces). */
int ps_rep_wrap_lines(const char *s, double width);

/* Makes room for ncols columns of widths. */
void ps_rep_sheet_cols(ps_rep_sheet *s, int ncols);
void ps_rep_sheet_free(ps_rep_sheet *s);
/* Notes that column col holds content `chars` characters wide. */
void ps_rep_need(ps_rep_sheet *s, int col, double chars);
/* The width a column will get (characters). */
double ps_rep_col_width(ps_rep_sheet *s, int col);
/* Adds a sheet named after want (cleaned, unique), set up for A4 landscape. */
ps_error ps_rep_add_sheet(ps_rep *r, ps_rep_sheet *s, const char *want);
/* Sets the columns' widths from what was written. */
ps_error ps_rep_sheet_finish(ps_rep *r, ps_rep_sheet *s);

/* A text cell (a blank one with f when text is NULL or empty), counted in
 * the column's width. */
ps_error ps_rep_put_text(ps_rep *r, ps_rep_sheet *s, int row, int col, const char *text, lxw_format *f);
/* A text cell not counted in the widths (a title, a legend line). */
ps_error ps_rep_put_label(ps_rep *r, ps_rep_sheet *s, int row, int col, const char *text, lxw_format *f);
/* Text over columns c0..c1, centred across them. Not counted in the widths. */
ps_error ps_rep_put_across(ps_rep *r, ps_rep_sheet *s, int row, int c0, int c1, const char *text, lxw_format *f);
/* A number shown with dec decimals. */
ps_error ps_rep_put_number(ps_rep *r, ps_rep_sheet *s, int row, int col, double v, lxw_format *f, int dec);
/* A value with the indicator's decimals: empty when missing, "-" when
 * nothing occurred, italic when estimated, provisional or incomplete. */
ps_error ps_rep_put_val(ps_rep *r, ps_rep_sheet *s, int row, int col, const ps_val *v, int dec, bool bold);
/* An index, percentage, share or pace ("0.0"); empty when absent. */
ps_error ps_rep_put_pct(ps_rep *r, ps_rep_sheet *s, int row, int col, ps_opt o, int var);
/* A cell comment; nothing when text is NULL or empty. */
ps_error ps_rep_put_comment(ps_rep *r, ps_rep_sheet *s, int row, int col, const char *text);
/* The height (points) of a header row of texts from column c0. */
double ps_rep_header_height(ps_rep_sheet *s, int c0, const char *const *texts, int n);
/* Header cells of one row (NULL: blank), the row high enough for them. */
ps_error ps_rep_put_header(ps_rep *r, ps_rep_sheet *s, int row, int c0, const char *const *texts, int n);
/* A minimum width for a header column, within [6, cap]. */
void ps_rep_header_min(ps_rep_sheet *s, int col, const char *text, double cap);
/* "A1"-style reference of a cell; '$' before the column, the row when asked. */
char *ps_rep_cell_ref(int row, int col, bool abs_col, bool abs_row, char *buf);
/* "='Sheet name'!$A$2:$A$13". */
char *ps_rep_range_ref(const char *sheetname, int r0, int c0, int r1, int c1, char *buf, size_t n);

/* ========================================================================
 * Printing (report_print.c): every sheet but Data prints on A4 landscape,
 * one page wide, at a print scale and with manual page breaks that keep
 * each chart and each kept block of rows on one page (Excel ignores manual
 * breaks when a sheet is "fit to pages", so the scale is set instead)
 * ======================================================================== */

/* The height of a row (points), recorded for the page breaks. */
ps_error ps_rep_set_row(ps_rep *r, ps_rep_sheet *s, int row, double height);
/* Rows first..last head every printed page. */
ps_error ps_rep_repeat_rows(ps_rep *r, ps_rep_sheet *s, int first, int last);
/* Rows first..last print on one page when they fit on one. */
void ps_rep_keep(ps_rep_sheet *s, int first, int last);
/* Inserts chart ch at row, col, recording the rows and columns it covers. */
ps_error ps_rep_insert_chart(ps_rep *r, ps_rep_sheet *s, int row, int col, lxw_chart *ch,
                             const lxw_chart_options *co);
/* Sets the print area (rows 0..last_row and every column written or under a
 * chart), the scale at which it is one page wide (and, when one_page, one
 * page tall) and the page breaks. Call after ps_rep_sheet_finish. A sheet
 * that would need more than Excel's 1,023 breaks is left to Excel's own,
 * one page wide. */
ps_error ps_rep_print_layout(ps_rep *r, ps_rep_sheet *s, int last_row, bool one_page);
/* The print scale (percent, 10..100) at which rows of height `height`
 * points fill one page. */
int ps_rep_one_page_scale(double height);

/* ========================================================================
 * Marks: estimates, incomplete values and the other data-quality flags
 * (report_marks.c)
 * ======================================================================== */

/* the marks: export/summary_rows.h (PS_MARK_*) */

/* The mark's word ("ước tính") and sentence, in the report's language. */
const char *ps_rep_mark_word(const ps_rep *r, int m);
const char *ps_rep_mark_long(const ps_rep *r, int m);
/* The comment of one cell: one line per mark (and an optional extra line);
 * owned, NULL when there is nothing to say. */
char *ps_rep_cell_comment(const ps_rep *r, const ps_val *v, unsigned extra_marks, const char *extra);

/* ========================================================================
 * The sheets (sheet_*.c)
 * ======================================================================== */

ps_error ps_rep_write_summary(ps_rep *r, ps_rep_sheet *s);
ps_error ps_rep_write_districts(ps_rep *r, ps_rep_sheet *s);
/* dist: the by-district sheet, the source of the districts' column chart. */
ps_error ps_rep_write_trends(ps_rep *r, ps_rep_sheet *s, const ps_rep_sheet *dist);
ps_error ps_rep_write_reporting(ps_rep *r, ps_rep_sheet *s);
/* Data rows from..to of the model on the n-th Data sheet (1-based). */
ps_error ps_rep_write_data(ps_rep *r, ps_rep_sheet *s, size_t from, size_t to, int n);
ps_error ps_rep_write_notes(ps_rep *r, ps_rep_sheet *s);

/* All the sheets, into the open workbook r->wb (xlsx_report.c). */
ps_error ps_rep_write_book(ps_rep *r);
/* Writes the workbook to a temporary file beside r->path and renames it
 * over r->path when complete (report_file.c). */
ps_error ps_rep_write_file(ps_rep *r);

#endif
