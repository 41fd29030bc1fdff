/* status.h - who has reported what for a period (SPEC §6 status). */
#ifndef PS_STATUS_H
#define PS_STATUS_H

#include "aggregate/engine.h"
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
 * month × its non-derived indicators due that month by their frequency;
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

#endif
