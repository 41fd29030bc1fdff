/* compare.c - index on last year, year-to-date, plan attainment, pace, share. */
#include "indicators/compare.h"

#include <string.h>

bool ps_compare_has_index(const ps_catalog *cat, int ind)
{
    const ps_indicator *x = &cat->indicators[ind];
    if (x->kind == PS_KIND_RATE)
        return false;
    if (x->kind == PS_KIND_DERIVED && x->percent)
        return false;
    return true;
}

static ps_opt ratio(const ps_val *a, const ps_val *b)
{
    ps_opt o = {false, 0};
    if (a->has && b->has && b->v != 0) {
        double r = a->v / b->v * 100;
        if (r == r && r - r == 0) { /* finite */
            o.has = true;
            o.v = r;
        }
    }
    return o;
}

ps_error ps_compare_row(ps_engine *e, int u, int ind, ps_period p, ps_row *row, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    const ps_indicator *x = &cat->indicators[ind];
    memset(row, 0, sizeof *row);
    row->unit = u;
    row->indicator = ind;
    row->period = p;
    ps_error err;
    if ((err = ps_engine_value(e, u, ind, p, &row->value, ctx)))
        return err;
    ps_period ytd = ps_period_ytd_of(p);
    if ((err = ps_engine_ytd(e, u, ind, p, &row->ytd, ctx)))
        return err;
    if ((err = ps_engine_plan(e, u, ind, p.year, &row->plan, ctx)))
        return err;
    ps_period prev = ps_period_prev(p);
    if (prev.type != PS_P_NONE && (err = ps_engine_value(e, u, ind, prev, &row->prev_period, ctx)))
        return err;
    row->flags = row->value.flags;
    if (ps_compare_has_index(cat, ind)) {
        ps_val last;
        ps_period py = ps_period_prev_year(p);
        if (py.type != PS_P_NONE) {
            if ((err = ps_engine_comparable(e, u, ind, py, p, &last, ctx)))
                return err;
            row->index_prev_year = ratio(&row->value, &last);
            if (row->index_prev_year.has && (last.flags & PS_VF_COMPARABLE))
                row->flags |= PS_VF_COMPARABLE;
        }
        ps_period ypy = ps_period_prev_year(ytd);
        if (ypy.type != PS_P_NONE) {
            if ((err = ps_engine_comparable_ytd(e, u, ind, ypy, ytd, &last, ctx)))
                return err;
            row->ytd_index_prev_year = ratio(&row->ytd, &last);
            if (row->ytd_index_prev_year.has && (last.flags & PS_VF_COMPARABLE))
                row->flags |= PS_VF_COMPARABLE;
        }
    }
    row->pct_of_plan = ratio(&row->ytd, &row->plan);
    if (ps_engine_summable(e, ind)) {
        row->pace.has = true;
        row->pace.v = ps_period_last_month(p) / 12.0 * 100;
    }
    int parent = cat->units[u].parent;
    if (x->kind != PS_KIND_DERIVED && x->space_agg == PS_AGG_SUM && parent >= 0) {
        ps_val pv;
        if ((err = ps_engine_value(e, parent, ind, p, &pv, ctx)))
            return err;
        row->share_of_parent = ratio(&row->value, &pv);
    }
    return PS_OK;
}
