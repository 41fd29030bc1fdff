/* template.h - the blank form a reporter fills for a period (SPEC §3 "Templates").
 *
 * One row per value due from the reporter in the period, exactly the
 * values `status` expects (aggregate/expected.h): its units, its
 * indicators by their frequency (a quarterly one in the quarter's last
 * month, with the quarter as its period), in unit then indicator catalog
 * order (group, then order). The columns are those of a submission, then
 * two references that ingest recognises and ignores:
 *
 *   unit,unit_name,indicator,indicator_name,unit_measure,period,measure,
 *   value,status,note,prev_value,last_year_value
 *
 * headed so in an English template and, in a Vietnamese one (the default),
 *   Mã đơn vị,Tên đơn vị,Mã chỉ tiêu,Tên chỉ tiêu,Đơn vị tính,Kỳ,Loại,
 *   Giá trị,Trạng thái,Ghi chú,Kỳ trước,Cùng kỳ năm trước
 * with names and units of measure in the template's language. value,
 * status and note are empty; measure is `actual`.
 *
 * References, from the engine (aggregate/engine.h): for an actual template
 * the value stored for the unit in the previous period of the same type
 * and in the same period last year (empty where none is stored; `-` where
 * a '-' mark is). A plan template is for a year: the reporter's flow and
 * stock indicators, measure `plan`, with last year's annual plan (as the
 * engine gives it: submitted, else its units' plans rolled up) and last
 * year's actual value (the year's value by the indicator's time_agg); a
 * reference whose coverage is below 1 (a year not complete) is left empty,
 * never shown as if complete.
 *
 * The file:
 *   .csv   UTF-8 with a byte-order mark (so that Excel shows Vietnamese),
 *          RFC 4180, LF line ends, the header on the first line; the
 *          reference numbers in the shortest form that reads back.
 *   .xlsx  one sheet, "Dữ liệu" (vi) or "Data" (en): a title and a line
 *          of instructions above the header, the header frozen; codes,
 *          names and references locked (sheet protection without a
 *          password; columns may still be resized), the value, status
 *          and note cells open; each value cell validated by the
 *          indicator's min, max and decimals, also taking the marks `-`
 *          (`–`, `—`), `..`, `...` (`…`) and `x`; status a list of A, P,
 *          E; columns sized to their content.
 * Either is written whole or not at all (core/safefile.h).
 *
 * Library code: prints nothing; borrows the engine and its catalog.
 */
#ifndef PS_TEMPLATE_H
#define PS_TEMPLATE_H

#include "aggregate/engine.h"
#include "core/error.h"
#include "core/period.h"

#include <stdbool.h>
#include <time.h>

typedef enum ps_template_format { PS_TEMPLATE_CSV = 0, PS_TEMPLATE_XLSX = 1 } ps_template_format;

/* The format a path names by its ending, .csv or .xlsx in any letter
 * case; false for any other name. */
bool ps_template_format_of(const char *path, ps_template_format *out);

/* Options; a zeroed struct is an actual template in Vietnamese. */
typedef struct ps_template_opts {
    int measure;          /* PS_MEASURE_ACTUAL (0) or PS_MEASURE_PLAN (store/obs.h) */
    const char *lang;     /* "vi" (NULL: vi) or "en" */
    time_t created;       /* the workbook's date (document properties); 0: now */
} ps_template_opts;

/* Writes the template of reporter `reporter` (a catalog index) for period
 * p to path, in the format its ending names. *rows (may be NULL) gets the
 * number of rows below the header. Errors: PS_ERR_USAGE (a path that ends
 * in neither .csv nor .xlsx, a plan for a period that is not a year, an
 * unknown lang or measure, a reporter out of range), PS_ERR_REFUSED when
 * nothing is due from the reporter in p (no file is written; the message
 * says so), PS_ERR_IO (the file cannot be written: the message names it),
 * PS_ERR_DB from the engine. */
ps_error ps_template_write(ps_engine *e, int reporter, ps_period p, const char *path,
                           const ps_template_opts *o, long *rows, ps_ctx *ctx);

#endif
