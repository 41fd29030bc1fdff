/* retract.c - withdrawing one stored value as an empty revision (retract.h). */
#include "ingest/retract.h"

#include "store/obs.h"

/* Whether the value in force may be withdrawn by req's reporter. */
static ps_error may_retract(const ps_catalog *cat, const ps_retract_req *req, const ps_obs *cur,
                            ps_ctx *ctx)
{
    const char *u = cat->units[req->unit].code, *x = cat->indicators[req->indicator].code;
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(req->period, pb);
    if (!cur->exists || !cur->has_value)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_RET_HAS_NO_VALUE_RETRACT, u, x, pb);
    if (cur->reporter_id == cat->reporters[req->reporter].id || req->force)
        return PS_OK;
    const char *owner = ps_msg(PS_M_ROW_ANOTHER_REPORTER);
    for (size_t i = 0; i < cat->nreporters; i++)
        if (cat->reporters[i].id == cur->reporter_id)
            owner = cat->reporters[i].code;
    return ps_failm(ctx, PS_ERR_REFUSED,
                    PS_M_RET_WAS_SENT_ONLY_THAT, u, x,
                    pb, owner);
}

/* The retraction's writes: its submission, the empty revision, the
 * override when it withdraws another reporter's value. */
static ps_error write_retraction(ps_obs_writer *w, const ps_obs_key *key, const ps_obs *cur,
                                 long long reporter_id, ps_ctx *ctx)
{
    long long sub;
    ps_obs_counts counts = {0};
    counts.revised = 1;
    ps_error err;
    if ((err = ps_obs_submission_new(w, reporter_id, "(retract)", "", "retract", NULL, &sub, ctx)) ||
        (err = ps_obs_revise(w, key, cur, false, 0, cur->status, 0, 1, "", sub, 0, ctx)))
        return err;
    if (cur->reporter_id != reporter_id && (err = ps_obs_override(w, sub, key, "other-reporter", 0, ctx)))
        return err;
    return ps_obs_submission_finish(w, sub, &counts, "retract", ctx);
}

ps_error ps_retract_value(ps_db *db, const ps_catalog *cat, const ps_retract_req *req,
                          ps_retract_result *res, ps_ctx *ctx)
{
    long long reporter_id = cat->reporters[req->reporter].id;
    ps_obs_key key = {cat->units[req->unit].id, cat->indicators[req->indicator].id, req->measure,
                      ps_period_key(req->period)};
    ps_obs_writer *w = NULL;
    ps_obs cur;
    ps_error err;
    if ((err = ps_db_begin(db, ctx)))
        return err;
    if ((err = ps_obs_writer_new(db, &w, ctx)) || (err = ps_obs_get(w, &key, &cur, ctx)) ||
        (err = may_retract(cat, req, &cur, ctx)) || (err = write_retraction(w, &key, &cur, reporter_id, ctx)))
        goto rollback;
    ps_obs_writer_free(w);
    w = NULL;
    int first, last;
    ps_period_month_span(req->period, &first, &last);
    ps_change change = {req->unit, req->indicator};
    ps_change_set set = {&change, 1, first, last, 0, false};
    if ((err = ps_change_commit(db, cat, &set, &res->kept, ctx)))
        goto rollback;
    res->revision = cur.revision + 1;
    return PS_OK;
rollback:
    ps_obs_writer_free(w);
    ps_db_rollback(db);
    return err;
}
