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

#include <stdbool.h>

/* Closes (close true) or reopens period p for the unit of catalog index
 * unit, in its own transaction. *changed is false when p was already
 * closed (close: nothing written, PS_OK). Reopening a lock that does not
 * exist is refused (PS_ERR_REFUSED, ctx says how locks are named); a lock
 * is reopened with the unit and period it was closed with. */
ps_error ps_period_lock(ps_db *db, const ps_catalog *cat, int unit, ps_period p, bool close, bool *changed,
                        ps_change_warning *warn, ps_ctx *ctx);

#endif
