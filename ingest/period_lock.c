/* period_lock.c - closing and reopening periods, and which lock is in
 * force for a value (period_lock.h). */
#include "ingest/period_lock.h"

#include <stdio.h>
#include <stdlib.h>

int ps_period_lock_covering(const ps_catalog *cat, const ps_closed *closed, size_t n, int u, ps_period p,
                            bool other)
{
    int pk = ps_period_key(p);
    for (size_t i = 0; i < n; i++) {
        if (!ps_period_contains(ps_period_from_key(closed[i].period), p))
            continue;
        for (int x = u; x >= 0; x = cat->units[x].parent)
            if (cat->units[x].id == closed[i].unit_id && !(other && x == u && closed[i].period == pk))
                return (int)i;
    }
    return -1;
}

/* The code of the unit a lock is on. */
static const char *lock_unit(const ps_catalog *cat, const ps_closed *lock)
{
    for (size_t k = 0; k < cat->nunits; k++)
        if (cat->units[k].id == lock->unit_id)
            return cat->units[k].code;
    return "?";
}

void ps_period_lock_name(const ps_catalog *cat, const ps_closed *lock, char *buf, size_t size)
{
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(ps_period_from_key(lock->period), pb);
    ps_msg_format(buf, size, PS_M_LOCK_NAME, pb, lock_unit(cat, lock));
}

/* Refuses (PS_ERR_REFUSED) closing or reopening p for unit when another
 * lock, on a unit above it or for a period containing p, covers it. */
static ps_error other_lock(ps_db *db, const ps_catalog *cat, int unit, ps_period p, bool close, ps_ctx *ctx)
{
    ps_closed *closed;
    size_t n;
    ps_error err = ps_obs_closed_list(db, &closed, &n, ctx);
    if (err)
        return err;
    int i = ps_period_lock_covering(cat, closed, n, unit, p, true);
    if (i >= 0) {
        char pb[PS_PERIOD_BUFSZ], lock[256], lp[PS_PERIOD_BUFSZ];
        ps_period_format(p, pb);
        ps_period_lock_name(cat, &closed[i], lock, sizeof lock);
        ps_period_format(ps_period_from_key(closed[i].period), lp);
        err = close ? ps_failm(ctx, PS_ERR_REFUSED, PS_M_LOCK_ALREADY_CLOSED_BY, pb, cat->units[unit].code, lock)
                    : ps_failm(ctx, PS_ERR_REFUSED, PS_M_LOCK_STAYS_CLOSED, pb, cat->units[unit].code, lock, lp,
                               lock_unit(cat, &closed[i]));
    }
    free(closed);
    return err;
}

ps_error ps_period_lock(ps_db *db, const ps_catalog *cat, int unit, ps_period p, bool close, bool *changed,
                        ps_change_warning *warn, ps_ctx *ctx)
{
    warn->msg[0] = '\0';
    *changed = false;
    ps_error err;
    if ((err = ps_db_begin(db, ctx)))
        return err;
    if ((err = other_lock(db, cat, unit, p, close, ctx)) ||
        (err = ps_obs_close(db, cat->units[unit].id, ps_period_key(p), close, changed, ctx)))
        goto rollback;
    if (!*changed) {
        ps_db_rollback(db);
        if (close)
            return PS_OK;
        char pb[PS_PERIOD_BUFSZ];
        ps_period_format(p, pb);
        return ps_failm(ctx, PS_ERR_REFUSED,
                        PS_M_LOCK_WAS_NOT_CLOSED_NOTHING,
                        pb, cat->units[unit].code);
    }
    ps_change_set none = {NULL, 0, 0, -1, 0, false};
    if ((err = ps_change_commit(db, cat, &none, warn, ctx)))
        goto rollback;
    return PS_OK;
rollback:
    ps_db_rollback(db);
    return err;
}
