/* report_labels.h - every text of the report workbook, in Vietnamese and English.
 *
 * Plain texts are a label id and a two-column table (report_labels.c);
 * phrases built around numbers and periods (titles, period names, the
 * Summary's headers) are functions beside that table, so that every word
 * the workbook shows in vi or en is in that one file. Internal to export/.
 */
#ifndef PS_REPORT_LABELS_H
#define PS_REPORT_LABELS_H

#include "core/catalog.h"
#include "core/period.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum ps_rep_label_id {
    /* Sheet names and the file */
    L_SHEET_SUMMARY,
    L_BY,
    L_SHEET_TRENDS,
    L_SHEET_REPORTING,
    L_SHEET_DATA,
    L_SHEET_NOTES,
    L_FOOTER,
    L_PROPS_COMMENTS,
    /* Words in titles and headers */
    L_CODE_WORD,
    L_PERIOD_WORD,
    L_BY_WORD,
    L_PLAN_WORD,
    L_VS_LAST_YEAR,
    L_PREV_PERIOD,
    L_PLAN_PREFIX,
    L_NO,
    L_CODE,
    L_UNIT,
    L_MEASURE_UNIT,
    L_INDICATOR,
    L_INDICATORS,
    L_FORMULA,
    L_VALUE,
    L_SHARE,
    L_RANK,
    L_TOTAL,
    L_PERIOD,
    L_INDEX_LAST_YEAR,
    L_WHOLE_YEAR,
    L_YEAR_PREFIX,
    L_COVERAGE,
    /* Levels of units (in ps_level order) */
    L_LEVEL_NATION,
    L_LEVEL_REGION,
    L_LEVEL_PROVINCE,
    L_LEVEL_DISTRICT,
    L_LEVEL_COMMUNE,
    L_LEVEL_UNIT,
    /* The Summary's legend, in order */
    L_LEGEND_HEAD,
    L_LEGEND_INDEX,
    L_LEGEND_RED_INDEX,
    L_LEGEND_RED_PLAN,
    L_LEGEND_ITALICS,
    L_LEGEND_ESTIMATE,
    L_LEGEND_INCOMPLETE,
    L_LEGEND_DASH,
    L_LEGEND_SEE_NOTES,
    /* Marks: a word each, in the marks' order */
    L_MARK_EST,
    L_MARK_PROV,
    L_MARK_INC,
    L_MARK_CARRIED,
    L_MARK_COMP,
    L_MARK_RAC,
    L_MARK_INCSRC,
    /* Marks: a sentence each, in the same order */
    L_MARK_EST_LONG,
    L_MARK_PROV_LONG,
    L_MARK_INC_LONG,
    L_MARK_CARRIED_LONG,
    L_MARK_COMP_LONG,
    L_MARK_RAC_LONG,
    L_MARK_INCSRC_LONG,
    /* By district */
    L_DIST_LEGEND,
    L_NO_UNITS_BELOW,
    /* Trends */
    L_NO_KEYS,
    L_UP_TO,
    /* Reporting */
    L_REPORTING_FOR,
    L_REP_REPORTER,
    L_REP_NAME,
    L_REP_EXPECTED,
    L_REP_RECEIVED,
    L_REP_MISSING,
    L_REP_ON_TIME,
    L_REP_LATE,
    L_REP_RATE,
    L_REP_LEGEND,
    /* Data: the column headers, in order */
    L_DATA_UNIT,
    L_DATA_UNIT_NAME,
    L_DATA_INDICATOR,
    L_DATA_INDICATOR_NAME,
    L_DATA_UNIT_MEASURE,
    L_DATA_PERIOD,
    L_DATA_MEASURE,
    L_DATA_VALUE,
    L_DATA_STATUS,
    L_DATA_COVERAGE,
    L_DATA_FLAGS,
    L_DATA_NOTE,
    /* Notes: section titles */
    L_NOTES_TITLE,
    L_NOTES_COLUMNS,
    L_NOTES_DERIVED,
    L_NOTES_MARKS,
    L_NOTES_SOURCES,
    L_NOTES_FILE,
    /* Notes: the Summary's columns, a name and a definition each, in order */
    L_COL_PLAN,
    L_COL_PLAN_DEF,
    L_COL_PREV,
    L_COL_PREV_DEF,
    L_COL_VALUE,
    L_COL_VALUE_DEF,
    L_COL_YTD,
    L_COL_YTD_DEF,
    L_COL_INDEX,
    L_COL_INDEX_DEF,
    L_COL_PCT_PLAN,
    L_COL_PCT_PLAN_DEF,
    L_COL_PACE,
    L_COL_PACE_DEF,
    L_COL_SHARE,
    L_COL_SHARE_DEF,
    L_COL_RANK,
    L_COL_RANK_DEF,
    L_COL_NOTES,
    L_COL_NOTES_DEF,
    /* Notes: the rest */
    L_NONE,
    L_FORMULA_FUNCTIONS,
    L_NONE_OCCURRED_DEF,
    L_EMPTY_CELL,
    L_EMPTY_CELL_DEF,
    L_DERIVED_DEF,
    L_ITALICS,
    L_ITALICS_DEF,
    L_REPORTER,
    L_SCOPE,
    L_ALL_INDICATORS,
    L_EACH_UNIT_OF_LEVEL,
    L_CREATED,
    L_PROGRAM,
    L_COUNT
} ps_rep_label_id;

/* The text of label id in English (en) or Vietnamese; never NULL. */
const char *ps_rep_label(bool en, ps_rep_label_id id);

/* The Summary's columns. */
enum {
    S_NO, S_NAME, S_UNIT, S_PLAN, S_PREV, S_VALUE, S_YTD, S_INDEX, S_YTD_INDEX, S_PCT_PLAN, S_PACE,
    S_NOTES, S_NCOLS
};
enum { PS_REP_HEAD_BUFSZ = 200 };

/* Roman numerals for group numbers (1..3999) into buf (24 bytes). */
char *ps_rep_roman(int n, char *buf);
/* "tháng 7", "quý III", "6 tháng đầu năm", "năm 2016", "7 tháng" (vi) or
 * "July", "Q3", "H1", "2016", "Jan–Jul" (en); with_year adds the year. */
char *ps_rep_period_name(ps_period p, bool en, bool with_year, char *buf, size_t n);
/* The year-to-date of p as a phrase: "7 tháng" / "Jan–Jul 2016". */
char *ps_rep_ytd_name(ps_period p, bool en, char *buf, size_t n);
/* A period within its year as a row label: "Tháng 7" / "Jul", "Quý III" / "Q3". */
const char *ps_rep_part_label(ps_period p, bool en, char *buf, size_t n);
/* "huyện" / "district" for a level of units. */
const char *ps_rep_level_word(ps_level l, bool en);
/* The Summary's column headers for period p; est_prev, est_value: most
 * values of the previous period, of the period, are estimates. */
void ps_rep_summary_heads(ps_period p, bool est_prev, bool est_value, bool en, char h[S_NCOLS][PS_REP_HEAD_BUFSZ]);
/* The title of the by-district sheet: units of level kids below, period p. */
void ps_rep_district_title(ps_level kids, ps_period p, bool en, char *buf, size_t n);
/* The title of the trends sheet: year against the year before. */
void ps_rep_trends_title(int year, bool en, char *buf, size_t n);

#endif
