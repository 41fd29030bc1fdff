/* period_lock.h - closing a period once its official figures are in, and
 * reopening it (SPEC §4, §7 close / reopen).
 *
 * A lock names a unit and a period and covers every unit below the unit
 * and every period inside the period. Ingest refuses rows into a closed
 * period unless forced; a forced value is recorded and flags the values
 * above it `revised-after-close`. No computed number depends on which
 * periods are closed, so the kept roll-ups are carried over whole.
 */
#ifndef PS_PERIOD_LOCK_H
#define PS_PERIOD_LOCK_H

#include "core/catalog.h"
#include "core/period.h"
#include "ingest/change.h"
#include "store/db.h"
#include "store/obs.h"

#include <stdbool.h>

/* The lock among closed[0..n) in force for unit u (catalog index) in
 * period p: a lock on u or a unit above it, for p or a period containing
 * p; -1 when none. With other, the lock on exactly (u, p) itself is not
 * counted. ps_period_lock_name writes "PERIOD for UNIT" of lock i. */
int ps_period_lock_covering(const ps_catalog *cat, const ps_closed *closed, size_t n, int u, ps_period p,
                            bool other);
void ps_period_lock_name(const ps_catalog *cat, const ps_closed *lock, char *buf, size_t size);

/* Closes (close true) or reopens period p for the unit of catalog index
 * unit, in its own transaction. *changed is false when p was already
 * closed (close: nothing written, PS_OK). Refused (PS_ERR_REFUSED, ctx
 * names the lock in force; nothing written): closing p for a unit a lock
 * on a unit above it, or for a period containing p, already covers, and
 * reopening p for a unit such a lock keeps closed. Reopening a lock that
 * does not exist is refused (PS_ERR_REFUSED, ctx says how locks are
 * named); a lock is reopened with the unit and period it was closed with. */
ps_error ps_period_lock(ps_db *db, const ps_catalog *cat, int unit, ps_period p, bool close, bool *changed,
                        ps_change_warning *warn, ps_ctx *ctx);

#endif
