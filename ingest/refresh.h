/* refresh.h - the kept roll-ups carried through a change of data.
 *
 * Every change of data bumps the data generation, and roll-ups kept for an
 * older generation are not used (store/rollup.h). Thrown away whole, they
 * would make the first report after any file compute the nation again
 * from every district. Instead, inside the change's own transaction, the
 * kept series the change reaches are dropped and computed again from the
 * new data, and so are the kept reporting counts of the months it touched;
 * everything else stays valid for the new generation. A province's file
 * into a national database then costs its province, region and nation,
 * not the 63 provinces that did not change.
 *
 * A series (unit, indicator) is reached by a change of (u, x) when its
 * unit is u or above u and its indicator is x or depends on x: a derived
 * indicator naming x (at any depth, PREV, YTD and the like included), one
 * using PER_CAPITA when x is the population, a weighted mean weighted by
 * x. A derived indicator naming PARENT of such an indicator is reached at
 * every unit.
 */
#ifndef PS_REFRESH_H
#define PS_REFRESH_H

#include "core/catalog.h"
#include "store/db.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ps_refresh {
    bool valid;             /* the kept roll-ups belonged to the data before the change */
    size_t max;             /* kept values computed again at most (larger changes leave them all);
                               0: ps_refresh_begin sets the default, 2^18 */
} ps_refresh;

/* Inside the change's write transaction, before it bumps the generation:
 * notes whether the kept roll-ups are valid, and sets r->max when the
 * caller left it 0. */
ps_error ps_refresh_begin(ps_db *db, ps_refresh *r, ps_ctx *ctx);

/* A series whose stored values changed (catalog indexes). */
typedef struct ps_change {
    int unit, indicator;
} ps_change;

/* After the change and its generation bump, in the same transaction:
 * changes[0..n) are the series whose stored values changed, in months
 * first..last (counted as year * 12 + month - 1). When the kept roll-ups
 * were valid before the change (ps_refresh_begin), drops what the change
 * reaches, computes it again and marks the kept rows valid for the new
 * generation; with n 0 (a change no computed number depends on: closing
 * a period), only marks them valid. Otherwise, or when the change reaches
 * more than a bounded number of kept values, does nothing: the next query
 * computes what it asks. On an error the transaction is as before the
 * call, the kept roll-ups are left invalid, and the caller may still
 * commit its change. */
ps_error ps_refresh_finish(ps_db *db, const ps_catalog *cat, const ps_refresh *r, const ps_change *changes,
                           size_t n, int first, int last, ps_ctx *ctx);

#endif
