/* stored.h - how the engine finds the values stored in the database.
 *
 * The engine's rules (aggregate/engine.c) ask one question of stored data:
 * "the value stored for unit u, indicator ind, period p and measure"
 * (ps_stored_value). Everything about how that is answered fast lives
 * behind it, in stored.c: stored values are read a window at a time (a
 * series' year and the year before), several series in one statement (an
 * indicator across the scope's units, a unit's indicators, or the whole
 * scope's year after a probe), and an indicator that a read found nowhere
 * in the scope is remembered as empty. The settings below only steer what
 * is read together; answers are the same whatever they are.
 *
 * A ps_stored reads inside the caller's read transaction (one snapshot for
 * the life of the engine) through store/obs.h; it borrows db and cat, which
 * must outlive it.
 */
#ifndef PS_STORED_H
#define PS_STORED_H

#include "aggregate/engine.h"
#include "core/catalog.h"
#include "core/period.h"
#include "store/db.h"

#include <stdbool.h>

typedef struct ps_stored ps_stored;

/* A reader of stored values of db under cat. Errors: PS_ERR_DB. */
ps_error ps_stored_new(ps_db *db, const ps_catalog *cat, ps_stored **out, ps_ctx *ctx);
/* Inside the caller's read transaction, before the first value: reads
 * which stored values were forced into closed periods (their values are
 * flagged PS_VF_FORCED_CLOSED). Errors: PS_ERR_DB. */
ps_error ps_stored_begin(ps_stored *s, ps_ctx *ctx);
void ps_stored_free(ps_stored *s);

/* The value stored for unit u, indicator ind (measure 0: actual, 1: plan)
 * and period p, flagged PS_VF_SUBMITTED (and as stored: none-occurred,
 * incomplete-source with its coverage, forced-closed); out->has false when
 * none is stored (always for a derived indicator). part tells what the
 * caller asks next, so that it is read in the same statement: true when
 * the value is a part of another one being computed (a roll-up's member,
 * a formula's operand: the other units of ind come next), false when it
 * was asked for directly (the unit's other indicators come next).
 * Errors: PS_ERR_DB, and *out is none. */
ps_error ps_stored_value(ps_stored *s, int u, int ind, ps_period p, int measure, bool part, ps_val *out,
                         ps_ctx *ctx);

/* True when a read already showed that no unit of the scope has a stored
 * value of ind in the months p covers, and u is in the scope: then u has no
 * value for p either, stored or rolled up over its units or months. */
bool ps_stored_none_in_scope(const ps_stored *s, int u, int ind, ps_period p);

/* Whether the stored values of (u, ind) for p's year up to p have been
 * read and are still held: then *has tells whether an actual value is
 * stored for p. False when answering would need a read
 * (ps_engine_stored). */
bool ps_stored_held(ps_stored *s, int u, int ind, ps_period p, bool *has);

/* Whether a --force override into a closed period is recorded for (u,
 * ind, p, measure) (ps_stored_begin read them): a stored value so forced
 * carries PS_VF_FORCED_CLOSED; one withdrawn so (retract --force) has no
 * value, and the engine marks what it computes above it. */
bool ps_stored_forced(const ps_stored *s, int u, int ind, ps_period p, int measure);

/* What is read together (engine.h: ps_engine_set_scope, _horizon, _range,
 * _scan). */
void ps_stored_set_scope(ps_stored *s, int unit);
void ps_stored_set_horizon(ps_stored *s, ps_period p);
void ps_stored_set_range(ps_stored *s, ps_period from, ps_period to);
void ps_stored_set_scan(ps_stored *s, bool allow);

#endif
