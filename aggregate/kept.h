/* kept.h - what is kept between commands, and its one owner.
 *
 * Computing a national roll-up reads every district's values, and a report
 * asks for the same roll-ups again and again between two changes of data.
 * So a query keeps what it computed, for the next command:
 *
 * What is kept (ps_kept_keeps): a unit's values computed from its
 *   children, and every derived value, as series per (unit, indicator),
 *   both measures; and the reporting counts of `status` per reporter, unit
 *   and period (aggregate/status.h). A leaf's stored values are in obs
 *   already and are never kept. The tables are store/rollup.h's.
 *
 * When it is valid: while meta's 'rollup_generation' equals the data
 *   generation 'generation'. Every change of data moves the generation in
 *   its own transaction (ingest/change.h), so nothing kept for older data
 *   is ever used. A changed catalog (init) leaves everything unused, and
 *   the next save replaces it all.
 *
 * How a change refreshes it: inside the change's transaction,
 *   ingest/refresh.c drops what the change reaches, computes it again with
 *   an engine whose ps_kept merges it (ps_kept_merge), and marks the rest
 *   valid for the new generation. Close and reopen reach nothing.
 *
 * One command's view: ps_kept_open in the engine's read transaction;
 *   reads come from that snapshot; what is noted is saved by ps_kept_save
 *   after the read ends (or merged by ps_kept_merge inside a change).
 *   A failed computation spoils the command's notes: nothing is kept.
 *   Memory: at most about a million kept records are held at once (the
 *   oldest read are forgotten), and at most a million notes are kept.
 */
#ifndef PS_KEPT_H
#define PS_KEPT_H

#include "aggregate/engine.h"
#include "core/catalog.h"
#include "store/db.h"

#include <stdbool.h>

typedef struct ps_kept ps_kept;

/* Whether the value of indicator ind for unit u is worth keeping. */
bool ps_kept_keeps(const ps_catalog *cat, int u, int ind);

/* Inside the caller's read (or write) transaction: the kept rows of this
 * snapshot, valid or not. A database that cannot keep (opened read-only
 * before its tables existed) gives a ps_kept that holds and keeps nothing.
 * cat is borrowed and must outlive it. */
ps_error ps_kept_open(ps_db *db, const ps_catalog *cat, ps_kept **out, ps_ctx *ctx);
void ps_kept_free(ps_kept *k);

/* The kept value of (u, ind, measure, period key) into *out; *found false
 * when none is kept for this snapshot. */
ps_error ps_kept_value(ps_kept *k, int u, int ind, int measure, int period, ps_val *out, bool *found,
                       ps_ctx *ctx);

/* Notes a value computed from this snapshot, to keep. Ignored when
 * ps_kept_keeps says no. */
void ps_kept_note_value(ps_kept *k, int u, int ind, int measure, int period, const ps_val *v);

/* The kept reporting counts (expected, received, on time) of a reporter
 * (its id; 0: every reporter) for a unit (its id; 0: the reporter's
 * total) and a period key; *found false when none are kept. */
ps_error ps_kept_counts(ps_kept *k, long long reporter_id, long long unit_id, int period, long c[3], bool *found,
                        ps_ctx *ctx);
void ps_kept_note_counts(ps_kept *k, long long reporter_id, long long unit_id, int period, const long c[3]);

/* A computation from this snapshot failed: nothing noted is kept. */
void ps_kept_spoil(ps_kept *k);

/* After the read transaction ended: keeps what was noted, unless the data
 * changed since, the database is read-only, or a writer holds it (*saved
 * false; not an error). Afterwards k answers nothing new. */
ps_error ps_kept_save(ps_kept *k, bool *saved, ps_ctx *ctx);

/* Inside a change's write transaction (ingest/refresh.c), after the
 * caller made the kept rows valid for it: merges what was noted. */
ps_error ps_kept_merge(ps_kept *k, ps_ctx *ctx);

#endif
