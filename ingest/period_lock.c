/* period_lock.c - closing and reopening periods (period_lock.h). */
#include "ingest/period_lock.h"

#include "store/obs.h"

ps_error ps_period_lock(ps_db *db, const ps_catalog *cat, int unit, ps_period p, bool close, bool *changed,
                        ps_change_warning *warn, ps_ctx *ctx)
{
    warn->msg[0] = '\0';
    *changed = false;
    ps_error err;
    if ((err = ps_db_begin(db, ctx)))
        return err;
    if ((err = ps_obs_close(db, cat->units[unit].id, ps_period_key(p), close, changed, ctx)))
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
