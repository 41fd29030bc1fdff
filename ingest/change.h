/* change.h - how every change of stored data ends (SPEC §4, §5).
 *
 * A file ingested, a value retracted, a period closed or reopened, a
 * catalog loaded: each writes inside one write transaction (ps_db_begin)
 * and then calls ps_change_commit, the one place that moves the data
 * generation, carries the kept roll-ups over to it (ingest/refresh.h) and
 * commits. What is kept, and when it is valid: aggregate/kept.h.
 *
 * The failure policy, the same for every change:
 * - a failure to note the kept roll-ups' validity or to move the data
 *   generation is an error: nothing is committed, the caller rolls back;
 * - a failure to compute again what the change reaches loses no data: the
 *   change is committed, the kept roll-ups are left unused (the next query
 *   computes what it asks), and the reason comes back as a warning for the
 *   caller to show;
 * - a failed commit is an error.
 */
#ifndef PS_CHANGE_H
#define PS_CHANGE_H

#include "core/catalog.h"
#include "core/diag.h"
#include "ingest/refresh.h"
#include "store/db.h"

#include <stdbool.h>
#include <stddef.h>

/* What a change reached: the series whose stored values changed, in
 * months first..last (counted as year * 12 + month - 1). n 0: the change
 * reaches no computed number (closing or reopening a period). all: it
 * reaches every computed number (a changed catalog): nothing kept is
 * carried over, and the next query computes what it asks. */
typedef struct ps_change_set {
    const ps_change *series; /* borrowed */
    size_t n;
    int first, last;
    size_t max;              /* kept values computed again at most (0: ingest/refresh.h's default) */
    bool all;
} ps_change_set;

/* Why the kept roll-ups could not be carried over; "" when they were, or
 * when none were valid. */
typedef struct ps_change_warning {
    char msg[1024];
} ps_change_warning;

/* Loads cat into db (store/dbcatalog.h) in one transaction: refused with
 * diagnostics when it contradicts stored data (PS_ERR_REFUSED, nothing
 * changed); a catalog that differs from the stored one moves the data
 * generation (every kept roll-up is left unused), an unchanged one keeps
 * everything. */
ps_error ps_change_catalog(ps_db *db, ps_catalog *cat, const char *const paths[4], ps_diags *diags,
                           ps_ctx *ctx);

/* Inside the change's open write transaction, after its writes: moves the
 * data generation, carries the kept roll-ups over by set, and commits.
 * On an error nothing is committed and the caller rolls back; *warn says
 * why the kept roll-ups were left unused, when they were. */
ps_error ps_change_commit(ps_db *db, const ps_catalog *cat, const ps_change_set *set,
                          ps_change_warning *warn, ps_ctx *ctx);

#endif
