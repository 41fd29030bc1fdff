/* report_model.h - every number of the report workbook, gathered once.
 *
 * The model holds what the six sheets show (xlsx_report.h), in no
 * language: the Summary's rows with every comparison, the table of the
 * units below, the trend series of the key indicators, the reporting
 * counts, the long-form data rows with their notes. It is read through the
 * engine (aggregate/engine.h), the comparisons (indicators/compare.h), the
 * reporting counts (aggregate/status.h) and the notes of values
 * (aggregate/notes.h); the sheet writers only read it.
 */
#ifndef PS_REPORT_MODEL_H
#define PS_REPORT_MODEL_H

#include "aggregate/engine.h"
#include "aggregate/status.h"
#include "core/catalog.h"
#include "core/error.h"
#include "core/period.h"
#include "indicators/compare.h"

#include <stdbool.h>
#include <stddef.h>

/* One row of the Summary: an indicator in report order. */
typedef struct ps_report_srow {
    int ind;
    ps_row row;
    char *plan_note;     /* owned: the submitted plan's note; NULL when none */
} ps_report_srow;

/* One unit of the by-district table. */
typedef struct ps_report_krow {
    int unit;
    ps_row *rows;        /* one per key indicator */
    int *rank;           /* one per key indicator; 0: none */
} ps_report_krow;

/* One key indicator's values through the report's year, by its own periods. */
typedef struct ps_report_trend {
    int ind;
    int nparts;          /* periods of the year at the indicator's frequency (up to 12) */
    ps_period parts[12];
    ps_row this_year[12];   /* zeroed for a period after the report's year-to-date */
    ps_val last_year[12];   /* the same period of last year, on this year's boundaries */
} ps_report_trend;

/* One row of the Data sheet. */
typedef struct ps_report_drow {
    int unit, ind;
    ps_period p;
    bool plan;           /* the annual plan (p is the year), else the actual value */
    ps_val v;
    char *note;          /* owned; NULL when none */
} ps_report_drow;

typedef struct ps_report_model {
    const ps_catalog *cat;       /* borrowed */
    int unit;
    ps_period p, ytd;

    int *kids;                   /* the units below valid in p, catalog order */
    int nkids;
    ps_level kid_level;          /* their level (the level below when none) */
    int *keys;                   /* key indicators, report order */
    ps_period *key_period;       /* per key: the period the by-district sheet
                                    shows, p or, for an indicator of a longer
                                    frequency, its latest period that ends
                                    no later than p (ps_report_key_period) */
    int nkeys;

    ps_report_srow *sum;         /* every indicator, report order */
    int nsum;
    bool est_value, est_prev;    /* most values of the period / previous period are estimates */
    ps_report_krow *dist;        /* nkids + 1 rows: the unit itself first */
    int chart_key;               /* key (index into keys) of the district chart; -1: none */
    ps_report_trend *trends;     /* one per key indicator */
    ps_status_row *status;       /* cat->nreporters rows and the total */
    ps_report_drow *data;
    size_t ndata, capdata;
} ps_report_model;

/* The period a key indicator of frequency freq shows in the report of p: p
 * itself when freq is not longer than p (or p is a year-to-date), else the
 * latest period of freq that ends no later than p ends (2016-Q2 for July
 * 2016, 2016-Q1 for May, 2015-Q4 for January). */
ps_period ps_report_key_period(ps_period p, ps_period_type freq);

/* Gathers the report of unit `unit` (a catalog index, valid) for period p
 * (valid) into *m, which the caller frees with ps_report_model_free, also
 * after an error. Borrows e, db and cat. Errors: PS_ERR_DB from the engine
 * or the store. */
ps_error ps_report_model_gather(ps_report_model *m, ps_engine *e, ps_db *db, const ps_catalog *cat, int unit,
                                ps_period p, ps_ctx *ctx);
void ps_report_model_free(ps_report_model *m);

#endif
