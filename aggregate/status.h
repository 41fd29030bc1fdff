/* status.h - who has reported what for a period (SPEC §6 status). */
#ifndef PS_STATUS_H
#define PS_STATUS_H

#include "aggregate/engine.h"
#include "aggregate/expected.h"
#include "core/catalog.h"
#include "core/period.h"
#include "store/db.h"

typedef struct ps_status_row {
    int reporter;        /* index, -1 for the province total row */
    long expected, received, missing, on_time, late;
    double rate;         /* received / expected × 100, capped at 100; NaN when nothing expected */
} ps_status_row;

/* For each reporter (catalog order) and then a total: for every month of
 * period p, expected = the units at the reporter's report level valid that
 * month × its non-derived indicators due that month by their frequency
 * (aggregate/expected.h, the one rule of what is expected);
 * received = values or '-' marks in force that it sent; on time = first
 * received by deadline_day of the following month. rows has
 * cat->nreporters + 1 entries, owned by the caller. e (may be NULL): an
 * engine on the same snapshot; a value it holds as not stored is not
 * looked up (ps_engine_stored). */
ps_error ps_status_compute(ps_db *db, const ps_catalog *cat, ps_engine *e, ps_period p, ps_status_row **rows,
                           ps_ctx *ctx);

/* The same, from the engine's snapshot: the counts kept with its roll-ups
 * when they are still valid, otherwise computed and noted to be kept. */
ps_error ps_status_compute_kept(ps_engine *e, ps_period p, ps_status_row **rows, ps_ctx *ctx);

/* One value still expected and not received (status --missing). */
typedef struct ps_missing_row {
    int reporter, unit, indicator;  /* catalog indexes */
    ps_period period;               /* the value's period */
    char deadline[PS_DATE_BUFSZ];   /* YYYY-MM-DD: deadline_day of the month after the one it is due in */
    long days_late;                 /* as_of − deadline in days; negative before the deadline */
} ps_missing_row;

/* Every value expected for period p (aggregate/expected.h: the rule the
 * counts above use) and not received, for reporter `reporter` (a catalog
 * index; -1: every reporter), in order: reporter, unit, indicator, period
 * (each in catalog order). as_of (YYYY-MM-DD, borrowed) is the day
 * lateness is counted from. *rows (owned by the caller; free()) gets *n
 * rows, NULL when none. Errors: PS_ERR_USAGE when as_of is not a date or
 * reporter is out of range; PS_ERR_DB. Reads through e's snapshot of db. */
ps_error ps_status_missing(ps_engine *e, ps_period p, int reporter, const char *as_of, ps_missing_row **rows,
                           size_t *n, ps_ctx *ctx);

/* Reads a calendar date YYYY-MM-DD (years 1900 to 2100, a day that exists)
 * into *day, a count of days on which dates subtract; false for anything
 * else. */
bool ps_status_day(const char *s, long *day);

#endif
