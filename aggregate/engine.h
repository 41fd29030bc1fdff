/* engine.h - the values a leader reads: submitted, rolled up, derived.
 *
 * The engine answers "what is indicator X for unit U in period P" by SPEC §5:
 * a submitted value wins; otherwise, for the indicator's own frequency, the
 * roll-up of the unit's children by space_agg; for longer periods and
 * year-to-date, the unit's own values of its frequency by time_agg; for
 * derived indicators, the formula on the aggregated components. Coverage,
 * status and flags travel with every value. Results are memoised for the
 * life of the engine (one command), so open a new engine after a change;
 * ps_engine_save keeps the roll-ups in the database for later commands,
 * valid until the data next change (an ingest carries them over:
 * ingest/refresh.h).
 *
 * The engine reads the database through store/ (how stored values are
 * found: aggregate/stored.h) and owns nothing of the catalog it is given
 * (the catalog must outlive it).
 */
#ifndef PS_ENGINE_H
#define PS_ENGINE_H

#include "core/catalog.h"
#include "core/formula.h"
#include "core/period.h"
#include "store/db.h"

#include <stdbool.h>

/* Flags of a value (SPEC §6 words in ps_val_flags_text). */
enum {
    PS_VF_NONE_OCCURRED = 1 << 0,     /* the '-' mark: 0, nothing occurred */
    PS_VF_CARRIED = 1 << 1,           /* an earlier sub-period's or year's value stands in */
    PS_VF_COMPARABLE = 1 << 2,        /* put on today's boundaries (a merger) */
    PS_VF_REVISED_AFTER_CLOSE = 1 << 3, /* a roll-up over a value forced into a closed period */
    PS_VF_INCOMPLETE_SOURCE = 1 << 4, /* from an export row with coverage below 1 */
    PS_VF_DERIVED = 1 << 5,           /* computed by a formula */
    PS_VF_SUBMITTED = 1 << 6,         /* stored as sent (not computed); not printed */
    PS_VF_FORCED_CLOSED = 1 << 7      /* internal: a forced value into a closed period; not printed */
};

typedef struct ps_val {
    bool has;          /* false: no value (never 0) */
    double v;          /* finite when has */
    double coverage;   /* 0..1 */
    char status;       /* 'A', 'P' or 'E' (the weakest of the inputs) */
    unsigned flags;
} ps_val;

typedef struct ps_engine ps_engine;

/* A new engine over db and cat. */
ps_error ps_engine_new(ps_db *db, const ps_catalog *cat, ps_engine **out, ps_ctx *ctx);
void ps_engine_free(ps_engine *e);
const ps_catalog *ps_engine_catalog(const ps_engine *e);

/* The unit the caller asks about (with the units below it): the stored
 * values of its leaves are read an indicator at a time, in one statement
 * for all of them. Default: the top unit. Optional. */
void ps_engine_set_scope(ps_engine *e, int unit);

/* The latest period the caller will ask about (a report's month): stored
 * values after it are not read unless asked for after all. Optional. */
void ps_engine_set_horizon(ps_engine *e, ps_period p);
/* The same, for a caller that asks only about periods from..to (an
 * export): the year before from's year is not read either unless asked. */
void ps_engine_set_range(ps_engine *e, ps_period from, ps_period to);

/* Whether the engine may read a year of the whole scope in one statement
 * when a probe finds most of the scope's rows wanted (default true); false
 * reads by indicator or by unit only. Answers are the same either way. */
void ps_engine_set_scan(ps_engine *e, bool allow);

/* Whether the engine has read, and still holds, the stored values of unit
 * u and indicator ind for period p's year up to p: then *has tells whether
 * an actual value is stored for p. False when it would have to read. */
bool ps_engine_stored(ps_engine *e, int u, int ind, ps_period p, bool *has);

/* The actual value of indicator ind for unit u in period p. *out->has is
 * false when there is none. Errors only for database failures, met at any
 * depth of the computation (a derived value's components, their roll-ups,
 * the stored values they read): PS_ERR_DB and SQLite's words in ctx, and
 * *out is none. The same holds for every function below that takes a ctx. */
ps_error ps_engine_value(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx);

/* The year-to-date of ind for unit u to the last month of p: p's own
 * value for a year-to-date; December's (of a year, a half, a quarter or
 * December) is written as the year and is the year's value, except that
 * in a derived indicator's formula prev() gives nothing, as in every
 * year-to-date (SPEC §5), while the year's own value (ps_engine_value of
 * the year) takes the year before as prev. */
ps_error ps_engine_ytd(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx);

/* The annual plan of ind for unit u and year (SPEC §5). */
ps_error ps_engine_plan(ps_engine *e, int u, int ind, int year, ps_val *out, ps_ctx *ctx);

/* The value of u in p on the boundaries of period `basis` (a later period):
 * when units that later merged into u (its predecessors) existed in p but
 * not in basis, the roll-up over u and those predecessors, flagged
 * PS_VF_COMPARABLE; otherwise the same as ps_engine_value. */
ps_error ps_engine_comparable(ps_engine *e, int u, int ind, ps_period p, ps_period basis,
                              ps_val *out, ps_ctx *ctx);

/* ps_engine_comparable for the year-to-date to p's last month (as
 * ps_engine_ytd: December's included). */
ps_error ps_engine_comparable_ytd(ps_engine *e, int u, int ind, ps_period p, ps_period basis,
                                  ps_val *out, ps_ctx *ctx);

/* The roll-up of u's children valid in p by space_agg, ignoring any value
 * submitted for u itself (for `check`: submitted totals against parts). */
ps_error ps_engine_children(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx);

/* Formula f (borrowed; core/formula.h) for unit u in period p, evaluated
 * as a derived indicator's formula is (SPEC §5): on the aggregated values
 * of the codes it names, prev() none for a year-to-date, per_capita by
 * POP of the same period else of the same or the previous year (carried);
 * coverage, status and flags travel as for a derived value. *out->has is
 * false when an operand is missing or a division by zero happens. */
ps_error ps_engine_eval(ps_engine *e, const ps_fnode *f, int u, ps_period p, ps_val *out, ps_ctx *ctx);

/* What the engine keeps between commands (aggregate/kept.h), for a query
 * that keeps numbers of its own from the same snapshot (status). */
struct ps_kept;
struct ps_kept *ps_engine_kept(ps_engine *e);
ps_db *ps_engine_db(const ps_engine *e);

/* Ends the engine's read and keeps the roll-ups it computed for the next
 * command (store/rollup.h); afterwards the engine answers nothing new.
 * *saved is false when there was nothing to keep, a computation of this
 * engine failed, or the database could not take them now (read-only,
 * busy, or changed since); that is not an error. */
ps_error ps_engine_save(ps_engine *e, bool *saved, ps_ctx *ctx);

/* For an engine opened inside the caller's write transaction, after the
 * change it describes (ingest/refresh.h): merges the roll-ups computed into
 * the kept ones, in that transaction. The caller has made the kept rows
 * valid for this snapshot (ps_rollup_set_valid). After a computation of
 * this engine failed, keeps nothing and fails with that error's code. */
ps_error ps_engine_merge_kept(ps_engine *e, ps_ctx *ctx);

/* True when ind adds up over time: time_agg sum, or derived by + and -
 * from such indicators (budget revenue = domestic + import-export). */
bool ps_engine_summable(const ps_engine *e, int ind);

/* "incomplete;estimate;carried" for a value (coverage < 1 gives
 * incomplete, status E estimate, P provisional; then the flags). Writes
 * "" for none. Returns buf. */
char *ps_val_flags_text(const ps_val *v, char *buf, size_t n);

#endif
