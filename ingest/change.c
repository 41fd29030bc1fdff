/* change.c - the end of every change of stored data: generation, kept
 * roll-ups, commit, with one failure policy (change.h). */
#include "ingest/change.h"

#include "store/dbcatalog.h"

#include <stdio.h>

ps_error ps_change_commit(ps_db *db, const ps_catalog *cat, const ps_change_set *set,
                          ps_change_warning *warn, ps_ctx *ctx)
{
    warn->msg[0] = '\0';
    ps_refresh rf = {false, set->max};
    ps_error err;
    if ((err = ps_refresh_begin(db, &rf, ctx)) || (err = ps_db_bump_generation(db, ctx)))
        return err;
    ps_ctx rctx = {0};
    if (!set->all && ps_refresh_finish(db, cat, &rf, set->series, set->n, set->first, set->last, &rctx))
        snprintf(warn->msg, sizeof warn->msg, "%s", ps_ctx_message(&rctx));
    return ps_db_commit(db, ctx);
}

ps_error ps_change_catalog(ps_db *db, ps_catalog *cat, const char *const paths[4], ps_diags *diags,
                           ps_ctx *ctx)
{
    ps_error err = ps_db_begin(db, ctx);
    if (err)
        return err;
    bool changed;
    if ((err = ps_db_catalog_save(db, cat, paths, diags, &changed, ctx))) {
        ps_db_rollback(db);
        return err;
    }
    if (!changed)
        return ps_db_commit(db, ctx);
    ps_change_set all = {NULL, 0, 0, -1, 0, true};
    ps_change_warning unused;
    if ((err = ps_change_commit(db, cat, &all, &unused, ctx)))
        ps_db_rollback(db);
    return err;
}
