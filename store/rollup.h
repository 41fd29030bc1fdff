/* rollup.h - the tables of what is kept between commands: roll-ups
 * (table rollup, one blob of records per series) and the reporting counts
 * of status (table status_count). Both are valid only while meta's
 * 'rollup_generation' equals the data generation 'generation'. What is
 * kept, when it is valid and how a change refreshes it are decided in one
 * place, aggregate/kept.h; this file only reads and writes the tables.
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

/* The reporting counts of `status` (aggregate/status.h) of one reporter
 * for one unit and period: expected, received, on time. unit_id 0 holds the
 * reporter's total over its units; reporter_id 0 with unit_id 0 the
 * total of every reporter. */
typedef struct ps_count_row {
    long long reporter_id, unit_id;
    int period;          /* ps_period_key */
    long c[3];
} ps_count_row;

typedef struct ps_rollup_reader ps_rollup_reader;

ps_error ps_rollup_reader_new(ps_db *db, ps_rollup_reader **out, ps_ctx *ctx);
void ps_rollup_reader_free(ps_rollup_reader *r);

/* Calls fn for every kept row of one series (unit, indicator), both
 * measures, in period order; fn returns false to stop. */
ps_error ps_rollup_series(ps_rollup_reader *r, long long unit_id, long long indicator_id,
                          void (*fn)(const ps_rollup_row *row, void *arg), void *arg, ps_ctx *ctx);

/* The same for every kept series of one unit, series by series in
 * indicator id order. */
ps_error ps_rollup_unit(ps_rollup_reader *r, long long unit_id, void (*fn)(const ps_rollup_row *row, void *arg),
                        void *arg, ps_ctx *ctx);

/* The kept counts of (reporter_id, unit_id, period) into c; *found false
 * when none are kept. */
ps_error ps_rollup_count(ps_rollup_reader *r, long long reporter_id, long long unit_id, int period, long c[3],
                         bool *found, ps_ctx *ctx);

/* Inside a write transaction (store/db.h ps_db_begin): drops the kept
 * series (unit, indicator), first calling fn (when not NULL) for each of
 * its records. */
ps_error ps_rollup_drop(ps_rollup_reader *r, long long unit_id, long long indicator_id,
                        void (*fn)(const ps_rollup_row *row, void *arg), void *arg, ps_ctx *ctx);

/* Inside a write transaction: drops the kept counts whose period shares a
 * month with first..last (months counted as year * 12 + month - 1), of the
 * totals (unit_id 0) and of the units unit_ids[0..n), calling fn (when not
 * NULL) with the period of each count dropped. */
ps_error ps_rollup_drop_counts(ps_rollup_reader *r, const long long *unit_ids, size_t n, int first, int last,
                               void (*fn)(int period, void *arg), void *arg, ps_ctx *ctx);

/* Inside a write transaction: the kept rows belong to `generation` from
 * now on (meta 'rollup_generation'). */
ps_error ps_rollup_set_valid(ps_db *db, long long generation, ps_ctx *ctx);

/* What one command computed, to keep: rows sorted by series (unit_id,
 * indicator_id), and counts. */
typedef struct ps_rollup_fresh {
    const ps_rollup_row *rows;
    size_t n;
    const ps_count_row *counts;
    size_t ncounts;
} ps_rollup_fresh;

/* Inside the caller's write transaction: merges f into what is kept, a
 * new row replacing a kept one of the same measure and period and new
 * counts kept ones of the same key. The caller answers for their validity. */
ps_error ps_rollup_merge(ps_db *db, const ps_rollup_fresh *f, ps_ctx *ctx);

/* Keeps f, computed from the snapshot of `generation` (outside any
 * transaction). Does nothing, and says so in *saved, when the database is
 * read-only, another process is writing (it does not wait), or the data
 * changed since that snapshot. Replaces everything kept for an older
 * generation. */
ps_error ps_rollup_save(ps_db *db, long long generation, const ps_rollup_fresh *f, bool *saved, ps_ctx *ctx);

#endif
