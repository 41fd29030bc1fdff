/* xlsx_report.h - the monthly report workbook (SPEC §6), written with libxlsxwriter.
 *
 * One call writes the six sheets of the report of one unit for one period:
 *   1. Summary      ("Tổng hợp"): the classic table, one row per indicator in
 *                   catalog group and order: plan for the year, previous
 *                   period (as revised), the period, year-to-date, index on
 *                   the same period of last year for both, year-to-date
 *                   against the annual plan, the pace beside it, and marks;
 *   2. By district  ("Theo huyện"; named after the level of the units below):
 *                   the units one level below × key indicators: value, share
 *                   of the unit (%), rank, and the unit itself as the total;
 *   3. Trends       ("Xu hướng"): for each key indicator the values of this
 *                   year and of last year by the indicator's own periods
 *                   (months, quarters…), a line chart each, and a column chart
 *                   of the units below for the first key indicator that has
 *                   values for them;
 *   4. Reporting    ("Tình hình báo cáo"): ps_status_compute's rows;
 *   5. Data         ("Dữ liệu"): every value used, in long form, as an Excel
 *                   table (continued on "Data 2", "Data 3"… past Excel's rows);
 *   6. Notes        ("Ghi chú"): column definitions, formulas of derived
 *                   indicators, data-quality marks, sources.
 *
 * Numbers are numeric cells at full precision; only display formats round
 * (the indicator's decimals; "0.0" for indices, percentages, shares and
 * pace). Highlights (index below 100, attainment behind pace) and ranks
 * follow the displayed value. A value flagged none-occurred is the number 0
 * with a format that shows "-"; a missing value is an empty cell. Estimates,
 * provisional and incomplete values are marked in the notes column, by a
 * cell comment and in italics, with a legend under the table. All text is
 * written as text (never as a formula, whatever its first character); texts
 * longer than Excel's 32,767 characters are shortened with "…" and counted
 * in the result.
 *
 * Every sheet prints on A4 landscape, one page wide: the Summary on one
 * page with its legend under the table (a Summary too long for one page at
 * 40% prints at its width, the legend above the table); the others at a print scale with manual page
 * breaks that never cut a chart or split a trend block from its chart
 * (export/report_print.c); the Data sheets fit to the width.
 *
 * The file is written whole or not at all (core/safefile.h): a temporary
 * file in the target's folder, renamed over `path` only when complete; on
 * any failure the temporary file is removed and an existing file at `path`
 * is left untouched. A `path` that is a folder, a device or a FIFO is
 * refused (PS_ERR_IO); a symbolic link is replaced, not written through.
 *
 * The numbers are gathered first (export/report_model.h), then each sheet
 * is written from them by its own file (export/sheet_*.c).
 *
 * Library code: prints nothing. Borrows e, db, cat; owns nothing after it
 * returns.
 */
#ifndef PS_XLSX_REPORT_H
#define PS_XLSX_REPORT_H

#include "aggregate/engine.h"
#include "core/catalog.h"
#include "core/error.h"
#include "core/period.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* Options; a zeroed struct gives the defaults. */
typedef struct ps_xlsx_opts {
    const char *lang;          /* "vi" (default when NULL) or "en" */
    time_t created;            /* the document's date (properties, Notes); 0: now.
                                  Pass SOURCE_DATE_EPOCH for reproducible files. */
    long data_rows_per_sheet;  /* data rows on one Data sheet before the next
                                  one starts; 0 or above the limit: Excel's
                                  1,048,575 (one row is the header) */
    long constant_memory_rows; /* from this many data rows on, write in
                                  libxlsxwriter's constant-memory mode (the
                                  Data sheets then get an autofilter instead
                                  of a table, which that mode cannot write);
                                  0: 200,000; negative: always */
} ps_xlsx_opts;

/* What was written. */
typedef struct ps_xlsx_result {
    long data_rows;            /* rows on the Data sheets (headers excluded) */
    int data_sheets;           /* 1 or more */
    long truncated;            /* texts shortened to Excel's cell limit */
    bool constant_memory;      /* written in constant-memory mode */
} ps_xlsx_result;

/* Writes the report of unit `unit` (a catalog index) for period p to path,
 * in opts->lang "vi" or "en" (NULL: "vi"). Errors: PS_ERR_CHECK when neither
 * the unit nor a unit below it has a value of period p (no file is written;
 * the message names the latest period of p's type that has data),
 * PS_ERR_USAGE (an unknown lang,
 * an invalid period or unit), PS_ERR_IO (the file cannot be written: the
 * message names the path and the reason), PS_ERR_LIMIT (a sheet other than
 * Data would exceed Excel's rows or columns), PS_ERR_DB from the engine or
 * the store. *res (may be NULL) receives what was written. */
ps_error ps_xlsx_report_opt(ps_engine *e, ps_db *db, const ps_catalog *cat, int unit, ps_period p,
                            const char *path, const ps_xlsx_opts *opts, ps_xlsx_result *res,
                            ps_ctx *ctx);

/* The report's title for p in lang ("vi" or "en"), e.g. "Báo cáo tình hình
 * kinh tế – xã hội tháng 7 và 7 tháng năm 2016" or "Socio-economic report,
 * July and the first 7 months of 2016". Returns buf (n bytes; 160 is
 * enough). */
char *ps_xlsx_title(ps_period p, const char *lang, char *buf, size_t n);

/* Bytes a cleaned sheet name may take, NUL included. */
#define PS_XLSX_SHEETNAME_BUFSZ 132

/* Cleans `name` to Excel's sheet-name rules and writes it to out
 * (PS_XLSX_SHEETNAME_BUFSZ bytes): each of []:*?/\ and control characters
 * becomes '_', leading and trailing apostrophes and spaces are removed, an
 * empty result becomes "Sheet", the reserved "History" becomes "History_",
 * and the name is cut to 31 characters (counted as Excel counts, in UTF-16
 * units, never inside a character). When the result equals one of
 * used[0..nused) (case-insensitively, Unicode case folding) a suffix " (2)",
 * " (3)"… is added, cutting the name further to stay within 31. name must
 * be valid UTF-8 (invalid bytes become '_'). Returns out. */
char *ps_xlsx_sheet_name(const char *name, const char *const *used, size_t nused, char *out);

#endif
