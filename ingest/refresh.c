/* refresh.c - the kept roll-ups a change reaches, computed again in its transaction. */
#include "ingest/refresh.h"

#include "aggregate/engine.h"
#include "aggregate/kept.h"
#include "core/alloc.h"
#include "core/formula.h"
#include "aggregate/status.h"
#include "store/rollup.h"

#include <stdlib.h>

/* Kept values computed again at most: a change that reaches more (a
 * national file sent again) leaves everything to the next query, which
 * reads the scope at once rather than series by series. */
enum { REFRESH_MAX = 1 << 18 };

ps_error ps_refresh_begin(ps_db *db, ps_refresh *r, ps_ctx *ctx)
{
    long long generation;
    if (!r->max)
        r->max = REFRESH_MAX;
    return ps_rollup_state(db, &generation, &r->valid, ctx);
}

/* The kept rows that stay belong to the generation of the change. */
static ps_error mark_valid(ps_db *db, ps_ctx *ctx)
{
    long long generation;
    bool valid;
    ps_error err = ps_rollup_state(db, &generation, &valid, ctx);
    return err ? err : ps_rollup_set_valid(db, generation, ctx);
}

typedef struct names_arg {
    const ps_catalog *cat;
    const bool *set;
    bool hit;
} names_arg;

static void name_in(const char *code, bool in_call, void *arg)
{
    (void)in_call;
    names_arg *a = arg;
    int i = ps_catalog_indicator(a->cat, code);
    if (i >= 0 && a->set[i])
        a->hit = true;
}

/* Whether indicator x's formula names an indicator of set. */
static bool names_any(const ps_catalog *cat, const ps_indicator *x, const bool *set)
{
    names_arg a = {cat, set, false};
    ps_formula_walk_refs(x->formula, name_in, &a);
    return a.hit;
}

/* reach[i] on entry: the changed indicators; on return, also every
 * indicator that depends on one; everywhere[i]: those reached at every unit
 * (through PARENT), not only at the changed units and above. */
static void reach_indicators(const ps_catalog *cat, bool *reach, bool *everywhere)
{
    for (bool more = true; more;) {
        more = false;
        for (size_t i = 0; i < cat->nindicators; i++) {
            const ps_indicator *x = &cat->indicators[i];
            bool weighted = x->space_agg == PS_AGG_WMEAN && x->weight >= 0;
            bool r = (x->formula && names_any(cat, x, reach)) ||
                     (x->formula && cat->pop >= 0 && reach[cat->pop] &&
                      ps_formula_uses(x->formula, PS_FN_PER_CAPITA)) ||
                     (weighted && reach[x->weight]);
            bool all = (x->formula && names_any(cat, x, everywhere)) ||
                       (r && ps_formula_uses(x->formula, PS_FN_PARENT)) || (weighted && everywhere[x->weight]);
            if ((r || all) && !reach[i])
                reach[i] = more = true;
            if (all && !everywhere[i])
                everywhere[i] = more = true;
        }
    }
}

typedef struct want {
    int unit, indicator, measure, period;
} want;

typedef struct collect {
    size_t max;             /* values to compute at most */
    int unit, indicator;    /* the series being dropped */
    want *v;
    size_t n, cap;
    int *periods;           /* of the reporting counts dropped, each once */
    size_t np, capp;
} collect;

static void want_row(const ps_rollup_row *row, void *arg)
{
    collect *c = arg;
    if (c->n > c->max)
        return; /* too many: none will be computed */
    if (c->n == c->cap)
        c->v = ps_xrealloc(c->v, (c->cap = c->cap ? c->cap * 2 : 256) * sizeof *c->v);
    c->v[c->n++] = (want){c->unit, c->indicator, row->measure, row->period};
}

static void want_period(int period, void *arg)
{
    collect *c = arg;
    for (size_t i = 0; i < c->np; i++)
        if (c->periods[i] == period)
            return;
    if (c->np == c->capp)
        c->periods = ps_xrealloc(c->periods, (c->capp = c->capp ? c->capp * 2 : 8) * sizeof *c->periods);
    c->periods[c->np++] = period;
}

/* The lowest unit that holds every changed unit. */
static int common_unit(const ps_catalog *cat, const ps_change *ch, size_t n)
{
    int top = n ? ch[0].unit : cat->top;
    for (size_t i = 1; i < n && top >= 0; i++)
        while (top >= 0 && !ps_catalog_unit_within(cat, ch[i].unit, top))
            top = cat->units[top].parent;
    return top >= 0 ? top : cat->top;
}

/* Drops what the change reaches into c; the kept rows are valid for the
 * new generation afterwards. */
static ps_error drop_reached(ps_db *db, const ps_catalog *cat, const ps_change *ch, size_t n, int first, int last,
                             collect *c, ps_ctx *ctx)
{
    bool *reach = ps_xcalloc(cat->nindicators, sizeof *reach);
    bool *everywhere = ps_xcalloc(cat->nindicators, sizeof *everywhere);
    bool *above = ps_xcalloc(cat->nunits, sizeof *above);
    for (size_t i = 0; i < n; i++) {
        reach[ch[i].indicator] = true;
        for (int u = ch[i].unit; u >= 0 && !above[u]; u = cat->units[u].parent)
            above[u] = true;
    }
    reach_indicators(cat, reach, everywhere);
    ps_rollup_reader *r;
    ps_error err = ps_rollup_reader_new(db, &r, ctx);
    for (size_t u = 0; u < cat->nunits && !err && c->n <= c->max; u++)
        for (size_t i = 0; i < cat->nindicators && !err; i++) {
            const ps_indicator *x = &cat->indicators[i];
            if (!ps_kept_keeps(cat, (int)u, (int)i) || !(everywhere[i] || (reach[i] && above[u])))
                continue;
            c->unit = (int)u;
            c->indicator = (int)i;
            err = ps_rollup_drop(r, cat->units[u].id, x->id, want_row, c, ctx);
        }
    /* the reporting counts of those months: the totals, and the changed
     * units' own */
    long long *ids = ps_xmalloc((n ? n : 1) * sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = cat->units[ch[i].unit].id;
    if (!err)
        err = ps_rollup_drop_counts(r, ids, n, first, last, want_period, c, ctx);
    free(ids);
    if (!err)
        err = mark_valid(db, ctx);
    ps_rollup_reader_free(r);
    free(reach);
    free(everywhere);
    free(above);
    return err;
}

/* Computes again what was dropped, and keeps it. */
static ps_error compute_again(ps_db *db, const ps_catalog *cat, const collect *c, int scope, ps_ctx *ctx)
{
    ps_engine *e;
    ps_error err = ps_engine_new(db, cat, &e, ctx);
    if (err)
        return err;
    ps_engine_set_scope(e, scope);
    for (size_t i = 0; i < c->n && !err; i++) {
        const want *w = &c->v[i];
        ps_period p = ps_period_from_key(w->period);
        ps_val v;
        if (p.type == PS_P_NONE)
            continue;
        if (w->measure == 0)
            err = ps_engine_value(e, w->unit, w->indicator, p, &v, ctx);
        else if (w->measure == 1)
            err = ps_engine_plan(e, w->unit, w->indicator, p.year, &v, ctx);
    }
    for (size_t i = 0; i < c->np && !err; i++) {
        ps_period p = ps_period_from_key(c->periods[i]);
        ps_status_row *rows;
        if (p.type != PS_P_NONE && !(err = ps_status_compute_kept(e, p, &rows, ctx)))
            free(rows);
    }
    if (!err)
        err = ps_engine_merge_kept(e, ctx);
    ps_engine_free(e);
    return err;
}

ps_error ps_refresh_finish(ps_db *db, const ps_catalog *cat, const ps_refresh *r, const ps_change *changes,
                           size_t n, int first, int last, ps_ctx *ctx)
{
    if (!r->valid)
        return PS_OK; /* nothing valid to carry: the next query computes what it asks */
    if (!n)
        return mark_valid(db, ctx); /* nothing reached: every kept row stays as it is */
    ps_error err = ps_db_savepoint(db, ctx);
    if (err)
        return err;
    collect c = {r->max, 0, 0, NULL, 0, 0, NULL, 0, 0};
    err = drop_reached(db, cat, changes, n, first, last, &c, ctx);
    bool over = c.n > c.max;
    if (!err && !over)
        err = compute_again(db, cat, &c, common_unit(cat, changes, n), ctx);
    if (err || over) {
        /* as before the call: the kept rows stay those of the old
         * generation, which no query uses */
        ps_db_undo_savepoint(db);
    } else {
        err = ps_db_release(db, ctx);
    }
    free(c.v);
    free(c.periods);
    return err;
}
