/* rollup.h - roll-ups kept between commands.
 *
 * Computing a national roll-up reads every district's values; a report asks
 * for the same roll-ups again and again between two ingests. The engine keeps
 * what it computed in the `rollup` table, stamped with the data generation
 * (meta 'generation', bumped in the same transaction as every change of data,
 * catalog or closed periods). The kept rows are used only while meta's
 * 'rollup_generation' equals 'generation', so no change can leave a stale
 * number behind: the first save after a change replaces them all. Each
 * save merges its rows into the series kept by earlier commands.
 */
#ifndef PS_ROLLUP_H
#define PS_ROLLUP_H

#include "store/db.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ps_rollup_row {
    long long unit_id, indicator_id;
    int measure;        /* 0 actual, 1 plan */
    int period;         /* ps_period_key */
    bool has;           /* false: computed, and there is no value */
    double value, coverage;
    char status;
    unsigned flags;     /* engine flags (aggregate/engine.h) */
} ps_rollup_row;

/* Inside a read transaction: the data generation of the snapshot, and
 * whether the kept roll-ups belong to it. A database without the table
 * (opened read-only before a migration) has none valid. */
ps_error ps_rollup_state(ps_db *db, long long *generation, bool *valid, ps_ctx *ctx);

/* Other numbers computed from the data are kept in the same table under
 * measure PS_ROLLUP_NUMBER, with indicator_id = -what and unit_id = key (the
 * reporting counts of `status`: what 1..3, key a reporter id or 0). */
enum { PS_ROLLUP_NUMBER = 2 };

typedef struct ps_rollup_reader ps_rollup_reader;

ps_error ps_rollup_reader_new(ps_db *db, ps_rollup_reader **out, ps_ctx *ctx);
void ps_rollup_reader_free(ps_rollup_reader *r);

/* Calls fn for every kept row of one series (unit, indicator), both
 * measures, in period order; fn returns false to stop. */
ps_error ps_rollup_series(ps_rollup_reader *r, long long unit_id, long long indicator_id,
                          void (*fn)(const ps_rollup_row *row, void *arg), void *arg, ps_ctx *ctx);

/* The same for every kept series of one unit (its kept numbers too, with
 * negative indicator ids), series by series in indicator id order. */
ps_error ps_rollup_unit(ps_rollup_reader *r, long long unit_id, void (*fn)(const ps_rollup_row *row, void *arg),
                        void *arg, ps_ctx *ctx);

/* One kept number (measure PS_ROLLUP_NUMBER); *found false when none. */
ps_error ps_rollup_number(ps_rollup_reader *r, long long key, int what, int period, bool *found, double *out,
                          ps_ctx *ctx);

/* Keeps rows computed from the snapshot of `generation` (outside any
 * transaction), sorted by series (unit_id, indicator_id). Does nothing, and says so in *saved, when the database is
 * read-only, another process is writing (it does not wait), or the data
 * changed since that snapshot. Replaces rows of an older generation. */
ps_error ps_rollup_save(ps_db *db, long long generation, const ps_rollup_row *rows, size_t n,
                        bool *saved, ps_ctx *ctx);

#endif
