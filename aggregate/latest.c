/* latest.c - the latest month with data of a series: a stored bound, then the engine. */
#include "aggregate/latest.h"

#include "core/alloc.h"
#include "store/obs.h"

#include <stdlib.h>
#include <string.h>

/* The indicators a series is made of: ind when stored, else (derived) the
 * stored indicators its formula uses, directly or through other derived
 * ones. */
typedef struct ind_set {
    const ps_catalog *cat;
    bool *seen;            /* by indicator index */
    long long *ids;        /* stored indicators' ids */
    size_t n;
} ind_set;

static void add_ind(ind_set *s, int ind);

static void add_ref(const char *code, bool in_call, void *arg)
{
    (void)in_call;
    ind_set *s = arg;
    int ind = ps_catalog_indicator(s->cat, code);
    if (ind >= 0)
        add_ind(s, ind);
}

static void add_ind(ind_set *s, int ind)
{
    if (s->seen[ind])
        return; /* the catalog refuses cycles; this only skips repeats */
    s->seen[ind] = true;
    const ps_indicator *x = &s->cat->indicators[ind];
    if (x->kind == PS_KIND_DERIVED)
        ps_formula_walk_refs(x->formula, add_ref, s);
    else
        s->ids[s->n++] = x->id;
}

/* The latest year with a stored value of the series' units and indicators. */
static ps_error stored_bound(ps_engine *e, int u, int ind, int *year, bool *found, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    ind_set s = {cat, ps_xcalloc(cat->nindicators, sizeof(bool)),
                 ps_xmalloc(cat->nindicators * sizeof(long long)), 0};
    add_ind(&s, ind);
    long long *units = ps_xmalloc(cat->nunits * sizeof *units);
    size_t nu = 0;
    for (size_t k = 0; k < cat->nunits; k++)
        if (ps_catalog_unit_within(cat, (int)k, u))
            units[nu++] = cat->units[k].id;
    ps_error err = ps_obs_latest_year(ps_engine_db(e), units, nu, s.ids, s.n, PS_MEASURE_ACTUAL, year, found, ctx);
    free(units);
    free(s.seen);
    free(s.ids);
    return err;
}

ps_error ps_latest_month(ps_engine *e, int u, int ind, int not_before, ps_period *out, ps_ctx *ctx)
{
    memset(out, 0, sizeof *out);
    int last_year;
    bool found;
    ps_error err = stored_bound(e, u, ind, &last_year, &found, ctx);
    if (err || !found)
        return err;
    const ps_indicator *x = &ps_engine_catalog(e)->indicators[ind];
    ps_period_type freq = x->frequency == PS_P_NONE ? PS_P_MONTH : x->frequency;
    for (int y = last_year; y >= not_before; y--) {
        /* a value submitted for the year itself holds the whole year */
        ps_val year;
        if ((err = ps_engine_value(e, u, ind, ps_period_make(PS_P_YEAR, y, 0), &year, ctx)))
            return err;
        if (year.has && (year.flags & PS_VF_SUBMITTED)) {
            *out = ps_period_make(PS_P_MONTH, y, 12);
            return PS_OK;
        }
        ps_period parts[12];
        int k = ps_period_parts(ps_period_make(PS_P_YEAR, y, 0), freq, parts, 12);
        for (int i = k - 1; i >= 0; i--) {
            ps_val v;
            if ((err = ps_engine_value(e, u, ind, parts[i], &v, ctx)))
                return err;
            if (v.has) {
                *out = ps_period_make(PS_P_MONTH, y, ps_period_last_month(parts[i]));
                return PS_OK;
            }
        }
    }
    return PS_OK;
}
