/* rollup.h - roll-ups kept between commands.
 *
 * Computing a national roll-up reads every district's values; a report asks
 * for the same roll-ups again and again between two ingests. The engine keeps
 * what it computed in the `rollup` table, stamped with the data generation
 * (meta 'generation', bumped in the same transaction as every change of data,
 * catalog or closed periods). The kept rows are used only while meta's
 * 'rollup_generation' equals 'generation', so no change can leave a stale
 * number behind. A changed catalog leaves them all unused, and the first
 * save after it replaces them all. An ingest or a retraction carries them
 * over instead (ingest/refresh.h): in its own transaction it drops and
 * computes again what it reaches, and moves 'rollup_generation' with
 * 'generation'; close and reopen, which change no computed number, move it
 * alone. Each save merges its rows into the series kept by earlier
 * commands.
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

/* Other numbers computed from the data are kept in the same table, under
 * negative indicator ids:
 * - the reporting counts of `status` (aggregate/status.h) of a reporter:
 *   unit_id = its id (0 for the total), indicator_id = -what (1 expected,
 *   2 received, 3 on time), a record of measure PS_ROLLUP_NUMBER a period;
 * - the same three counts of one reporter for one unit: unit_id = the
 *   unit's id, indicator_id = -(PS_ROLLUP_COUNTS + the reporter's id),
 *   records of measure PS_ROLLUP_NUMBER + what - 1 a period, so that a
 *   change of one unit's values drops that unit's counts only. */
enum { PS_ROLLUP_NUMBER = 2, PS_ROLLUP_COUNTS = 16 };

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

/* Inside a write transaction (store/db.h ps_db_begin): drops the kept
 * series (unit, indicator), first calling fn (when not NULL) for each of
 * its records. */
ps_error ps_rollup_drop(ps_rollup_reader *r, long long unit_id, long long indicator_id,
                        void (*fn)(const ps_rollup_row *row, void *arg), void *arg, ps_ctx *ctx);

/* Inside a write transaction: drops from the kept series (unit,
 * indicator) the records whose period shares a month with first..last
 * (months counted as year * 12 + month - 1), calling fn (when not NULL)
 * for each. For kept numbers, whose records stand for their period only. */
ps_error ps_rollup_drop_periods(ps_rollup_reader *r, long long unit_id, long long indicator_id, int first,
                                int last, void (*fn)(const ps_rollup_row *row, void *arg), void *arg, ps_ctx *ctx);

/* Inside a write transaction: the kept rows belong to `generation` from
 * now on (meta 'rollup_generation'). */
ps_error ps_rollup_set_valid(ps_db *db, long long generation, ps_ctx *ctx);

/* Inside the caller's write transaction: merges rows (sorted by series)
 * into the kept series, a new row replacing a kept one of the same
 * measure and period. The caller answers for their validity. */
ps_error ps_rollup_merge(ps_db *db, const ps_rollup_row *rows, size_t n, ps_ctx *ctx);

/* Keeps rows computed from the snapshot of `generation` (outside any
 * transaction), sorted by series (unit_id, indicator_id). Does nothing, and says so in *saved, when the database is
 * read-only, another process is writing (it does not wait), or the data
 * changed since that snapshot. Replaces rows of an older generation. */
ps_error ps_rollup_save(ps_db *db, long long generation, const ps_rollup_row *rows, size_t n,
                        bool *saved, ps_ctx *ctx);

#endif
