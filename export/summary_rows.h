/* summary_rows.h - the Summary's rows as the workbook shows them, for every
 * reader of the month's table: the workbook's Summary sheet and the
 * portal's Summary page (SPEC §6, §9: the same numbers, marks and
 * highlights).
 *
 * A row's notes name its marks and the cells they are on ("ước tính
 * (tháng 7, 7 tháng)"); the highlights are an index below 100 and an
 * attainment of the plan behind the pace, each on the value as displayed
 * (rounded to one decimal). The workbook writes the same two rules as
 * conditional formats (export/sheet_summary.c) so that they follow an edit
 * in Excel; tests/portal/test_portal_browser.py checks that the page and
 * the workbook highlight the same cells.
 */
#ifndef PS_SUMMARY_ROWS_H
#define PS_SUMMARY_ROWS_H

#include "export/report_model.h"
#include "indicators/compare.h"

#include <stdbool.h>

/* The marks of a value, as bits 1u << PS_MARK_*; 0 when it has none or is missing. */
enum { PS_MARK_EST, PS_MARK_PROV, PS_MARK_INC, PS_MARK_CARRIED, PS_MARK_COMP, PS_MARK_RAC, PS_MARK_INCSRC,
       PS_MARK_COUNT };
unsigned ps_summary_val_marks(const ps_val *v);

/* "93%" (or "99.6%" near 100) of a coverage, in Vietnamese or English
 * notation, into buf (PS_NUMBER_BUFSZ + 2 bytes); returns buf. */
char *ps_summary_coverage_text(bool en, double cov, char *buf);

/* The notes of one Summary row of model m: owned, "" when none. */
char *ps_summary_marks(const ps_report_model *m, bool en, const ps_row *row);

/* An index highlighted as below 100 (on its value rounded to one decimal). */
bool ps_summary_low_index(ps_opt index);
/* The attainment of the plan highlighted as behind the pace. */
bool ps_summary_behind_pace(const ps_row *row);

#endif
