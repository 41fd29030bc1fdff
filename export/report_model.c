/* report_model.c - the report's numbers, gathered before the file is opened. */
#include "export/report_model.h"

#include "aggregate/notes.h"
#include "core/alloc.h"
#include "core/number.h"

#include <stdlib.h>
#include <string.h>

/* What the gathering borrows. */
typedef struct gatherer {
    ps_report_model *m;
    ps_engine *e;
    ps_notes *notes;
    ps_ctx *ctx;
} gatherer;

/* ========================================================================
 * Summary
 * ======================================================================== */

static ps_error gather_summary(gatherer *g)
{
    ps_report_model *m = g->m;
    const ps_catalog *cat = m->cat;
    m->sum = ps_xcalloc(cat->nindicators ? cat->nindicators : 1, sizeof *m->sum);
    int nval = 0, nval_e = 0, nprev = 0, nprev_e = 0;
    for (size_t k = 0; k < cat->nindicators; k++) {
        int ind = cat->report_order[k];
        ps_report_srow *s = &m->sum[m->nsum++];
        s->ind = ind;
        ps_error err = ps_compare_row(g->e, m->unit, ind, m->p, &s->row, g->ctx);
        if (err)
            return err;
        nval += s->row.value.has;
        nval_e += s->row.value.has && s->row.value.status == 'E';
        nprev += s->row.prev_period.has;
        nprev_e += s->row.prev_period.has && s->row.prev_period.status == 'E';
        if (s->row.plan.has && (s->row.plan.flags & PS_VF_SUBMITTED)) {
            err = ps_notes_get(g->notes, m->unit, ind, ps_period_make(PS_P_YEAR, m->p.year, 0), true,
                               &s->plan_note, g->ctx);
            if (err)
                return err;
        }
    }
    /* GSO's headers: "Ước tính tháng 7" when the column holds estimates,
     * "Thực hiện tháng 6" for the revised month; each cell is marked anyway */
    m->est_value = nval_e * 2 > nval;
    m->est_prev = nprev_e * 2 > nprev;
    return PS_OK;
}

/* ========================================================================
 * By district
 * ======================================================================== */

/* Competition ranking of the displayed values, largest first ("1, 2, 2, 4"). */
static void rank_column(ps_report_model *m, int key)
{
    int dec = m->cat->indicators[m->keys[key]].decimals;
    for (int i = 1; i <= m->nkids; i++) {
        const ps_val *vi = &m->dist[i].rows[key].value;
        if (!vi->has)
            continue;
        double a = ps_number_round(vi->v, dec);
        int better = 0;
        for (int j = 1; j <= m->nkids; j++) {
            const ps_val *vj = &m->dist[j].rows[key].value;
            if (vj->has && ps_number_round(vj->v, dec) > a)
                better++;
        }
        m->dist[i].rank[key] = better + 1;
    }
}

ps_period ps_report_key_period(ps_period p, ps_period_type freq)
{
    if (p.type == PS_P_YTD || ps_frequency_months(freq) <= ps_period_month_count(p))
        return p;
    int last = ps_period_last_month(p);
    ps_period q = ps_period_containing(freq, p.year, last);
    if (q.type != PS_P_NONE && ps_period_last_month(q) > last)
        q = ps_period_prev(q);
    return q.type != PS_P_NONE ? q : p;
}

static ps_error gather_districts(gatherer *g)
{
    ps_report_model *m = g->m;
    m->dist = ps_xcalloc((size_t)m->nkids + 1, sizeof *m->dist);
    for (int i = 0; i <= m->nkids; i++) {
        ps_report_krow *k = &m->dist[i];
        k->unit = i ? m->kids[i - 1] : m->unit;
        k->rows = ps_xcalloc((size_t)m->nkeys + 1, sizeof *k->rows);
        k->rank = ps_xcalloc((size_t)m->nkeys + 1, sizeof *k->rank);
        for (int j = 0; j < m->nkeys; j++) {
            ps_error err = ps_compare_row(g->e, k->unit, m->keys[j], m->key_period[j], &k->rows[j], g->ctx);
            if (err)
                return err;
        }
    }
    /* the district chart shows the first key indicator the units below have */
    m->chart_key = -1;
    for (int j = 0; j < m->nkeys; j++) {
        rank_column(m, j);
        for (int i = 1; i <= m->nkids && m->chart_key < 0; i++)
            if (m->dist[i].rows[j].value.has)
                m->chart_key = j;
    }
    return PS_OK;
}

/* ========================================================================
 * Trends
 * ======================================================================== */

/* The values of this year (to the report's year-to-date) and of last year
 * of one key indicator, by the indicator's own periods. */
static ps_error gather_trend(gatherer *g, ps_report_trend *t, int ind)
{
    ps_report_model *m = g->m;
    const ps_indicator *x = &m->cat->indicators[ind];
    t->ind = ind;
    t->nparts = ps_period_parts(ps_period_make(PS_P_YEAR, m->p.year, 0), x->frequency, t->parts, 12);
    if (t->nparts < 1)
        t->nparts = 0;
    for (int k = 0; k < t->nparts; k++) {
        ps_period part = t->parts[k];
        ps_error err;
        bool in_report = ps_period_contains(m->ytd, part) || ps_period_eq(m->ytd, part);
        if (in_report && (err = ps_compare_row(g->e, m->unit, ind, part, &t->this_year[k], g->ctx)))
            return err;
        ps_period lp = ps_period_prev_year(part);
        if (lp.type != PS_P_NONE &&
            (err = ps_engine_comparable(g->e, m->unit, ind, lp, part, &t->last_year[k], g->ctx)))
            return err;
    }
    return PS_OK;
}

static ps_error gather_trends(gatherer *g)
{
    ps_report_model *m = g->m;
    m->trends = ps_xcalloc((size_t)m->nkeys + 1, sizeof *m->trends);
    for (int j = 0; j < m->nkeys; j++) {
        ps_error err = gather_trend(g, &m->trends[j], m->keys[j]);
        if (err)
            return err;
    }
    return PS_OK;
}

/* ========================================================================
 * Data: every value used, in long form
 * ======================================================================== */

static void data_add(ps_report_model *m, int u, int ind, ps_period p, bool plan, const ps_val *v, char *note)
{
    if (m->ndata == m->capdata) {
        m->capdata = m->capdata ? m->capdata * 2 : 1024;
        m->data = ps_xrealloc(m->data, m->capdata * sizeof *m->data);
    }
    ps_report_drow *d = &m->data[m->ndata++];
    d->unit = u;
    d->ind = ind;
    d->p = p;
    d->plan = plan;
    d->v = *v;
    d->note = note;
}

/* The periods the report uses: P, its previous period, its year-to-date,
 * the same three a year earlier; sorted, without repeats. basis[i] is the
 * period of this year a last-year period is compared with (or itself). */
static int report_periods(const ps_report_model *m, ps_period *out, ps_period *basis)
{
    ps_period cand[6], base[6];
    int n = 0;
    ps_period prev = ps_period_prev(m->p);
    ps_period these[3] = {m->p, prev, m->ytd};
    for (int i = 0; i < 3; i++) {
        if (these[i].type == PS_P_NONE)
            continue;
        cand[n] = these[i];
        base[n++] = these[i];
        ps_period ly = ps_period_prev_year(these[i]);
        if (ly.type != PS_P_NONE) {
            cand[n] = ly;
            base[n++] = these[i];
        }
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        bool dup = false;
        for (int j = 0; j < k && !dup; j++)
            dup = ps_period_eq(out[j], cand[i]);
        if (!dup) {
            out[k] = cand[i];
            basis[k++] = base[i];
        }
    }
    /* sort by period, carrying the basis along */
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && ps_period_cmp(out[j - 1], out[j]) > 0; j--) {
            ps_period t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            t = basis[j];
            basis[j] = basis[j - 1];
            basis[j - 1] = t;
        }
    return k;
}

/* The unit and the units one level below valid in any of per[0..np). */
static int data_units(const ps_report_model *m, const ps_period *per, int np, int **out)
{
    const ps_unit *un = &m->cat->units[m->unit];
    int *units = ps_xmalloc(((size_t)un->nchildren + 1) * sizeof *units);
    int nu = 0;
    units[nu++] = m->unit;
    for (int c = 0; c < un->nchildren; c++) {
        bool valid = false;
        for (int i = 0; i < np && !valid; i++)
            valid = ps_unit_valid_in(&m->cat->units[un->children[c]], per[i]);
        if (valid)
            units[nu++] = un->children[c];
    }
    *out = units;
    return nu;
}

/* The annual plan of ind for u, when there is one. */
static ps_error data_plan(gatherer *g, int u, int ind)
{
    ps_report_model *m = g->m;
    ps_val v;
    ps_error err = ps_engine_plan(g->e, u, ind, m->p.year, &v, g->ctx);
    if (err || !v.has)
        return err;
    ps_period year = ps_period_make(PS_P_YEAR, m->p.year, 0);
    char *note = NULL;
    if (v.flags & PS_VF_SUBMITTED)
        err = ps_notes_get(g->notes, u, ind, year, true, &note, g->ctx);
    data_add(m, u, ind, year, true, &v, note);
    return err;
}

/* The actual value of ind for u in p on the boundaries of basis, when there is one. */
static ps_error data_actual(gatherer *g, int u, int ind, ps_period p, ps_period basis)
{
    ps_val v;
    ps_error err;
    if (ps_period_eq(p, basis))
        err = ps_engine_value(g->e, u, ind, p, &v, g->ctx);
    else
        err = ps_engine_comparable(g->e, u, ind, p, basis, &v, g->ctx);
    if (err || !v.has)
        return err;
    char *note = NULL;
    if (v.flags & PS_VF_SUBMITTED)
        err = ps_notes_get(g->notes, u, ind, p, false, &note, g->ctx);
    data_add(g->m, u, ind, p, false, &v, note);
    return err;
}

/* The key period of ind when it differs from the report's period, else
 * PS_P_NONE. */
static ps_period key_period_of(const ps_report_model *m, int ind)
{
    for (int j = 0; j < m->nkeys; j++)
        if (m->keys[j] == ind && !ps_period_eq(m->key_period[j], m->p))
            return m->key_period[j];
    return (ps_period){0};
}

/* per[0..np) with the key period of ind (when it has one of its own and it
 * is not there yet) in its sorted place, into out and obasis; returns the
 * count. */
static int periods_for(const ps_report_model *m, int ind, const ps_period *per, const ps_period *basis, int np,
                       ps_period *out, ps_period *obasis)
{
    ps_period kp = key_period_of(m, ind);
    bool add = kp.type != PS_P_NONE;
    for (int i = 0; i < np && add; i++)
        add = !ps_period_eq(per[i], kp);
    int k = 0;
    for (int i = 0; i <= np; i++) {
        if (add && (i == np || ps_period_cmp(kp, per[i]) < 0)) {
            out[k] = kp;
            obasis[k++] = kp;
            add = false;
        }
        if (i < np) {
            out[k] = per[i];
            obasis[k++] = basis[i];
        }
    }
    return k;
}

static ps_error gather_data(gatherer *g)
{
    const ps_report_model *m = g->m;
    const ps_catalog *cat = m->cat;
    ps_period all[6], allbasis[6], per[7], basis[7];
    int nall = report_periods(m, all, allbasis);
    ps_period year = ps_period_make(PS_P_YEAR, m->p.year, 0);
    int *units;
    int nu = data_units(m, all, nall, &units);
    ps_error err = PS_OK;
    for (int a = 0; a < nu && !err; a++) {
        for (size_t k = 0; k < cat->nindicators && !err; k++) {
            int ind = cat->report_order[k];
            int np = periods_for(m, ind, all, allbasis, nall, per, basis);
            bool plan_done = false;
            for (int i = 0; i <= np && !err; i++) {
                /* the plan (period: the year) goes where the year sorts,
                 * after the actual value of the same period */
                if (!plan_done && (i == np || ps_period_cmp(year, per[i]) < 0)) {
                    plan_done = true;
                    if ((err = data_plan(g, units[a], ind)))
                        break;
                }
                if (i < np)
                    err = data_actual(g, units[a], ind, per[i], basis[i]);
            }
        }
    }
    free(units);
    return err;
}

/* ========================================================================
 * The model
 * ======================================================================== */

/* The units below valid in p and the key indicators. */
static void gather_axes(ps_report_model *m)
{
    const ps_catalog *cat = m->cat;
    const ps_unit *un = &cat->units[m->unit];
    m->kids = ps_xmalloc(((size_t)un->nchildren + 1) * sizeof *m->kids);
    for (int c = 0; c < un->nchildren; c++)
        if (ps_unit_valid_in(&cat->units[un->children[c]], m->p))
            m->kids[m->nkids++] = un->children[c];
    m->kid_level = m->nkids ? cat->units[m->kids[0]].level
                            : (un->level < PS_LEVEL_COMMUNE ? (ps_level)(un->level + 1) : PS_LEVEL_NONE);
    m->keys = ps_xmalloc((cat->nindicators + 1) * sizeof *m->keys);
    m->key_period = ps_xmalloc((cat->nindicators + 1) * sizeof *m->key_period);
    for (size_t k = 0; k < cat->nindicators; k++) {
        const ps_indicator *x = &cat->indicators[cat->report_order[k]];
        if (!x->key)
            continue;
        m->key_period[m->nkeys] = ps_report_key_period(m->p, x->frequency);
        m->keys[m->nkeys++] = cat->report_order[k];
    }
}

ps_error ps_report_model_gather(ps_report_model *m, ps_engine *e, ps_db *db, const ps_catalog *cat, int unit,
                                ps_period p, ps_ctx *ctx)
{
    memset(m, 0, sizeof *m);
    m->cat = cat;
    m->unit = unit;
    m->p = p;
    m->ytd = ps_period_ytd_of(p);
    m->chart_key = -1;
    gather_axes(m);
    gatherer g = {m, e, NULL, ctx};
    ps_error err;
    if (!(err = ps_notes_new(db, cat, &g.notes, ctx)) && !(err = gather_summary(&g)) &&
        !(err = gather_districts(&g)) && !(err = gather_trends(&g)) &&
        !(err = ps_status_compute_kept(e, p, &m->status, ctx)))
        err = gather_data(&g);
    ps_notes_free(g.notes);
    return err;
}

void ps_report_model_free(ps_report_model *m)
{
    for (int i = 0; i < m->nsum; i++)
        free(m->sum[i].plan_note);
    free(m->sum);
    if (m->dist)
        for (int i = 0; i <= m->nkids; i++) {
            free(m->dist[i].rows);
            free(m->dist[i].rank);
        }
    free(m->dist);
    free(m->trends);
    for (size_t i = 0; i < m->ndata; i++)
        free(m->data[i].note);
    free(m->data);
    free(m->kids);
    free(m->keys);
    free(m->key_period);
    free(m->status);
    memset(m, 0, sizeof *m);
}
