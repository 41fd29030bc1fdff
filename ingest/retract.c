/* retract.c - withdrawing stored values as empty revisions (retract.h). */
#include "ingest/retract.h"

#include "core/alloc.h"
#include "core/map.h"
#include "ingest/period_lock.h"
#include "store/obs.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

/* One retraction's context: who withdraws, the locks, the writer. */
typedef struct retraction {
    const ps_catalog *cat;
    const ps_reporter *rep;
    bool force;
    ps_closed *closed;
    size_t nclosed;
    ps_obs_writer *w;
    long long sub;          /* the retraction's submission, once made */
    ps_change *changes;     /* the series withdrawn from, once each */
    size_t nchanges;
    ps_set64 seen;          /* of changes: unit << 32 | indicator */
    int first, last;        /* months reached */
    ps_retract_result *res;
} retraction;

/* The catalog index of unit or indicator id; -1 when not in the catalog. */
static int unit_index(const ps_catalog *cat, long long id)
{
    for (size_t i = 0; i < cat->nunits; i++)
        if (cat->units[i].id == id)
            return (int)i;
    return -1;
}

static int indicator_index(const ps_catalog *cat, long long id)
{
    for (size_t i = 0; i < cat->nindicators; i++)
        if (cat->indicators[i].id == id)
            return (int)i;
    return -1;
}

/* ------------------------------------------------------------------------
 * What may be withdrawn
 * ------------------------------------------------------------------------ */

/* Scope and list, which force never overrides. */
static ps_error in_scope(const retraction *r, int u, int ind, const char *what, ps_ctx *ctx)
{
    const ps_catalog *cat = r->cat;
    if (!ps_catalog_unit_within(cat, u, r->rep->scope))
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_RET_OUT_OF_SCOPE, what, cat->units[u].code, r->rep->code,
                        cat->units[r->rep->scope].code);
    if (!ps_reporter_allows(cat, r->rep, ind))
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_RET_NOT_IN_LIST, what, r->rep->code, cat->indicators[ind].code,
                        r->rep->indicators_text);
    return PS_OK;
}

/* Whether value *cur of unit u, indicator ind, period p may be withdrawn;
 * *other / *closed: only through force over another reporter's value / a
 * closed period. */
static ps_error may_retract(const retraction *r, int u, int ind, ps_period p, const ps_obs *cur, bool *other,
                            bool *closed, ps_ctx *ctx)
{
    const ps_catalog *cat = r->cat;
    char pb[PS_PERIOD_BUFSZ], what[256];
    snprintf(what, sizeof what, "%s %s %s", cat->units[u].code, cat->indicators[ind].code,
             ps_period_format(p, pb));
    if (!cur->exists || !cur->has_value)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_RET_NO_VALUE, what);
    ps_error err = in_scope(r, u, ind, what, ctx);
    if (err)
        return err;
    *other = cur->reporter_id != r->rep->id;
    if (*other && !r->force) {
        const char *owner = ps_msg(PS_M_ROW_ANOTHER_REPORTER);
        for (size_t i = 0; i < cat->nreporters; i++)
            if (cat->reporters[i].id == cur->reporter_id)
                owner = cat->reporters[i].code;
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_RET_SENT_BY_OTHER, what, owner);
    }
    int lock = ps_period_lock_covering(cat, r->closed, r->nclosed, u, p, false);
    *closed = lock >= 0;
    if (*closed && !r->force) {
        char name[256];
        ps_period_lock_name(cat, &r->closed[lock], name, sizeof name);
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_RET_CLOSED, what, name);
    }
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Writing a retraction
 * ------------------------------------------------------------------------ */

/* Withdraws the value of key (unit u, indicator ind): checks it, stores
 * the empty revision and the overrides, and notes the series. */
static ps_error withdraw(retraction *r, const ps_obs_key *key, int u, int ind, ps_ctx *ctx)
{
    ps_period p = ps_period_from_key(key->period);
    ps_obs cur;
    bool other = false, closed = false;
    ps_error err;
    if ((err = ps_obs_get(r->w, key, &cur, ctx)) || (err = may_retract(r, u, ind, p, &cur, &other, &closed, ctx)))
        return err;
    if (!r->sub && (err = ps_obs_submission_new(r->w, r->rep->id, "(retract)", "", "retract", NULL, &r->sub, ctx)))
        return err;
    if ((err = ps_obs_revise(r->w, key, &cur, false, 0, cur.status, 0, 1, "", r->sub, 0, ctx)) ||
        (other && (err = ps_obs_override(r->w, r->sub, key, "other-reporter", 0, ctx))) ||
        (closed && (err = ps_obs_override(r->w, r->sub, key, "closed-period", 0, ctx))))
        return err;
    r->res->revision = cur.revision + 1;
    r->res->withdrawn++;
    r->res->forced += other || closed;
    if (ps_set64_add(&r->seen, 1ULL << 63 | (unsigned long long)(unsigned)u << 32 | (unsigned)ind)) {
        if ((r->nchanges & (r->nchanges - 1)) == 0) /* 0, 1, 2, 4, ...: capacity doubles */
            r->changes = ps_xrealloc(r->changes, (r->nchanges ? r->nchanges * 2 : 1) * sizeof *r->changes);
        r->changes[r->nchanges++] = (ps_change){u, ind};
    }
    int first, last;
    ps_period_month_span(p, &first, &last);
    r->first = first < r->first ? first : r->first;
    r->last = last > r->last ? last : r->last;
    return PS_OK;
}

/* Opens the retraction's transaction and reads the locks. */
static ps_error start(ps_db *db, retraction *r, ps_ctx *ctx)
{
    ps_error err;
    if ((err = ps_db_begin(db, ctx)))
        return err;
    if ((err = ps_obs_writer_new(db, &r->w, ctx)) || (err = ps_obs_closed_list(db, &r->closed, &r->nclosed, ctx)))
        ps_db_rollback(db);
    return err;
}

/* Ends the retraction: its submission's counts, then the commit through
 * ps_change_commit (or the rollback of everything when err). */
static ps_error finish(ps_db *db, retraction *r, ps_error err, ps_ctx *ctx)
{
    ps_obs_counts counts = {0};
    counts.revised = r->res->withdrawn;
    counts.forced = r->res->forced;
    if (!err)
        err = ps_obs_submission_finish(r->w, r->sub, &counts, "retract", ctx);
    ps_obs_writer_free(r->w);
    free(r->closed);
    if (!err) {
        ps_change_set set = {r->changes, r->nchanges, r->first, r->last, 0, false};
        err = ps_change_commit(db, r->cat, &set, &r->res->kept, ctx);
    }
    if (err)
        ps_db_rollback(db);
    free(r->changes);
    ps_set64_free(&r->seen);
    r->res->submission = err ? 0 : r->sub;
    return err;
}

static void retraction_init(retraction *r, const ps_catalog *cat, int reporter, bool force,
                            ps_retract_result *res)
{
    *r = (retraction){0};
    r->cat = cat;
    r->rep = &cat->reporters[reporter];
    r->force = force;
    r->first = INT_MAX;
    r->last = INT_MIN;
    r->res = res;
    ps_set64_init(&r->seen);
    *res = (ps_retract_result){0};
}

ps_error ps_retract_value(ps_db *db, const ps_catalog *cat, const ps_retract_req *req,
                          ps_retract_result *res, ps_ctx *ctx)
{
    retraction r;
    retraction_init(&r, cat, req->reporter, req->force, res);
    ps_obs_key key = {cat->units[req->unit].id, cat->indicators[req->indicator].id, req->measure,
                      ps_period_key(req->period)};
    ps_error err = start(db, &r, ctx);
    if (err)
        return err;
    return finish(db, &r, withdraw(&r, &key, req->unit, req->indicator, ctx), ctx);
}

/* ------------------------------------------------------------------------
 * A whole submission
 * ------------------------------------------------------------------------ */

/* The reporter that sent submission n may withdraw it, or any with force. */
static ps_error submission_owner(const retraction *r, long long n, bool found, long long sender, ps_ctx *ctx)
{
    if (!found)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_RET_NO_SUCH_SUBMISSION, n);
    if (sender == r->rep->id || r->force)
        return PS_OK;
    const char *owner = ps_msg(PS_M_ROW_ANOTHER_REPORTER);
    for (size_t i = 0; i < r->cat->nreporters; i++)
        if (r->cat->reporters[i].id == sender)
            owner = r->cat->reporters[i].code;
    return ps_failm(ctx, PS_ERR_USAGE, PS_M_RET_SUBMISSION_OTHER, r->rep->code, n, owner, owner, r->rep->code);
}

ps_error ps_retract_submission(ps_db *db, const ps_catalog *cat, long long submission, int reporter, bool force,
                               ps_retract_result *res, ps_ctx *ctx)
{
    retraction r;
    retraction_init(&r, cat, reporter, force, res);
    ps_error err = start(db, &r, ctx);
    if (err)
        return err;
    bool found;
    long long sender = 0;
    ps_obs_key *keys = NULL;
    size_t n = 0;
    if (!(err = ps_obs_submission_values(db, submission, &found, &sender, &keys, &n, ctx)) &&
        !(err = submission_owner(&r, submission, found, sender, ctx)) && !n)
        err = ps_failm(ctx, PS_ERR_REFUSED, PS_M_RET_SUBMISSION_NOTHING, submission);
    for (size_t i = 0; i < n && !err; i++) {
        int u = unit_index(cat, keys[i].unit_id), ind = indicator_index(cat, keys[i].indicator_id);
        if (u < 0 || ind < 0)
            err = ps_failm(ctx, PS_ERR_INTERNAL, PS_M_RET_SUBMISSION_OUTSIDE, submission);
        else
            err = withdraw(&r, &keys[i], u, ind, ctx);
    }
    free(keys);
    return finish(db, &r, err, ctx);
}
