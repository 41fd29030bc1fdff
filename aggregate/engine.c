/* engine.c - SPEC §5, the rules that give every value a leader reads:
 * submitted, rolled up over units and time, derived, comparable, planned,
 * with coverage and status travelling. The sections follow SPEC §5's
 * order. How stored values are found is aggregate/stored.c, what is kept
 * between commands aggregate/kept.c; this file knows neither's insides. */
#include "aggregate/engine.h"

#include "aggregate/kept.h"
#include "aggregate/stored.h"
#include "core/alloc.h"
#include "core/cache.h"
#include "core/decsum.h"
#include "core/formula.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * The engine: its memo of computed values
 * ------------------------------------------------------------------------ */

/* What a memo key holds: a value, an annual plan, or a derived value of
 * December's year-to-date (ytd_value). */
enum { K_VALUE = 1, K_PLAN = 2, K_YTD12 = 5 };

/* The memo is a cache (core/cache.h): past this many entries it starts
 * again, so memory stays bounded (about 80 MB) on national-scale outputs;
 * only computed values live in it (stored ones are stored.c's). */
enum { MEMO_MAX = 1 << 20 };

struct ps_engine {
    ps_db *db;
    const ps_catalog *cat;
    ps_stored *stored;   /* how stored values are found (aggregate/stored.h) */
    ps_cache memo;       /* mkey -> ps_val */
    ps_error failed;     /* the first error a public function returned: nothing is kept */
    bool reading;        /* a read transaction is open */
    int depth;           /* of the computation: 1 for a value asked for directly */
    ps_kept *kept;       /* roll-ups kept between commands (aggregate/kept.h) */
};

/* A memo key: what, unit and indicator name a series (a group of the memo,
 * placed together: core/cache.h), the low 24 bits its period as year << 7 |
 * (type - 1) * 13 + num (below 64), so that within the series' block a
 * year's periods each have a place of their own and the year before sits
 * half a block away. p is valid (core/period.h makes no other). */
static uint64_t mkey(int what, int u, int ind, ps_period p)
{
    unsigned pcode = (unsigned)p.year << 7 | (unsigned)((p.type - 1) * 13 + p.num);
    return ((uint64_t)what << 60) | ((uint64_t)(unsigned)u << 38) | ((uint64_t)(unsigned)ind << 24) | pcode;
}

static bool memo_get(const ps_engine *e, uint64_t key, ps_val *out)
{
    const ps_val *v = ps_cache_get(&e->memo, key);
    if (v)
        *out = *v;
    return v != NULL;
}

static void memo_put(ps_engine *e, uint64_t key, const ps_val *v)
{
    *(ps_val *)ps_cache_put(&e->memo, key) = *v;
}

ps_error ps_engine_new(ps_db *db, const ps_catalog *cat, ps_engine **out, ps_ctx *ctx)
{
    ps_engine *e = ps_xcalloc(1, sizeof *e);
    /* a first size that a report's kept series fit in without a rehash;
     * its pages are not touched until used */
    ps_cache_init(&e->memo,
                  &(ps_cache_opts){.val_size = sizeof(ps_val), .max = MEMO_MAX, .group_bits = 24, .first_cap = 1024});
    e->db = db;
    e->cat = cat;
    ps_error err = ps_stored_new(db, cat, &e->stored, ctx);
    if (err) {
        free(e);
        return err;
    }
    /* one read transaction: every value of this engine comes from one snapshot */
    if ((err = ps_db_begin_read(db, ctx))) {
        ps_engine_free(e);
        return err;
    }
    e->reading = true;
    if ((err = ps_kept_open(db, cat, &e->kept, ctx)) || (err = ps_stored_begin(e->stored, ctx))) {
        ps_engine_free(e);
        return err;
    }
    *out = e;
    return PS_OK;
}

void ps_engine_free(ps_engine *e)
{
    if (!e)
        return;
    ps_stored_free(e->stored);
    ps_kept_free(e->kept);
    if (e->reading)
        ps_db_end_read(e->db);
    ps_cache_free(&e->memo);
    free(e);
}

static const ps_val NONE = {false, 0, 0, 'A', 0};

/* The rules below call each other as SPEC §5 nests them. */
static ps_error value_of(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx);
static ps_error ytd_value(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx);
static ps_error space_rollup(ps_engine *e, int u, int ind, ps_period p, bool plan, ps_val *out, ps_ctx *ctx);
static ps_error time_rollup(ps_engine *e, int u, int ind, ps_period p, ps_val *res, ps_ctx *ctx);
static ps_error derived(ps_engine *e, int u, int ind, ps_period p, bool plan, int basis, bool ytd, ps_val *res,
                        ps_ctx *ctx);
static ps_error comparable_of(ps_engine *e, int u, int ind, ps_period p, ps_period basis, bool ytd, ps_val *out,
                              ps_ctx *ctx);
static ps_error plan_of(ps_engine *e, int u, int ind, int year, ps_val *out, ps_ctx *ctx);

/* What a roll-up takes from its parts (tally_part, with coverage and status
 * below): how many have a value, how many of those are '-', their
 * coverage summed. */
typedef struct parts_tally {
    int have, none_occurred;
    double cov;
} parts_tally;
static void tally_part(parts_tally *t, ps_val *out, const ps_val *c);
static char weakest(char a, char b);
static unsigned carry_flags(unsigned f);

/* ------------------------------------------------------------------------
 * A unit's value: the submitted value first
 *
 * SPEC §5: "For each period of the indicator's frequency, a unit's value is
 * its submitted value where one exists; otherwise, for a unit with
 * children, the roll-up of its children's values [...] A unit's value for
 * a longer period (quarter, half, year) and its year-to-date come from its
 * own values of the indicator's frequency by time_agg, unless a value for
 * that longer period (a year-to-date included) was submitted for that
 * unit."
 * ------------------------------------------------------------------------ */

/* The value submitted (stored) for u, ind, p and measure, or NONE. */
static ps_error submitted(ps_engine *e, int u, int ind, ps_period p, int measure, ps_val *out, ps_ctx *ctx)
{
    /* a part of a value being computed (depth > 1): its siblings come next */
    return ps_stored_value(e->stored, u, ind, p, measure, e->depth > 1, out, ctx);
}

/* The value of u, ind, p: submitted, else rolled up (compute_value). */
static ps_error compute_parts(ps_engine *e, int u, int ind, ps_period p, ps_val *v, ps_ctx *ctx)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    *v = NONE;
    if (ps_stored_none_in_scope(e->stored, u, ind, p))
        return PS_OK; /* kept like any computed answer: the next query need not read to know */
    if (x->kind == PS_KIND_DERIVED)
        return derived(e, u, ind, p, false, 0, false, v, ctx);
    ps_error err = submitted(e, u, ind, p, 0, v, ctx);
    if (err || v->has)
        return err;
    int pm = ps_period_month_count(p), fm = ps_frequency_months(x->frequency);
    if (p.type != PS_P_YTD && pm == fm)
        return space_rollup(e, u, ind, p, false, v, ctx);
    if (p.type == PS_P_YTD || pm > fm) {
        if ((err = time_rollup(e, u, ind, p, v, ctx)) || v->has)
            return err;
        return space_rollup(e, u, ind, p, false, v, ctx);
    }
    return PS_OK;
}

/* What value_of computes when nothing memoised or kept answers: a value
 * withdrawn from a closed period leaves none, with the mark roll-ups above
 * carry (carry_flags). */
static ps_error compute_value(ps_engine *e, int u, int ind, ps_period p, ps_val *v, ps_ctx *ctx)
{
    ps_error err = compute_parts(e, u, ind, p, v, ctx);
    if (!err && !v->has && ps_stored_forced(e->stored, u, ind, p, 0))
        v->flags |= PS_VF_FORCED_CLOSED;
    return err;
}

static ps_error value_of(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    *out = NONE;
    if (u < 0 || ind < 0 || p.type == PS_P_NONE)
        return PS_OK;
    /* a unit without children that submits is answered from its stored
     * values, which stored.c holds already: memoising it again would only
     * double the memo's traffic (most units are leaves) */
    bool leaf = e->cat->units[u].nchildren == 0 && e->cat->indicators[ind].kind != PS_KIND_DERIVED;
    ps_error err;
    if (leaf) {
        e->depth++;
        err = compute_value(e, u, ind, p, out, ctx);
        e->depth--;
        if (err)
            *out = NONE; /* nothing half computed is used */
        return err;
    }
    int pk = ps_period_key(p);
    uint64_t key = mkey(K_VALUE, u, ind, p);
    bool found;
    if (memo_get(e, key, out))
        return PS_OK;
    if ((err = ps_kept_value(e->kept, u, ind, 0, pk, out, &found, ctx)) || found)
        return err;
    e->depth++;
    err = compute_value(e, u, ind, p, out, ctx);
    e->depth--;
    if (err) {
        *out = NONE; /* nothing half computed is memoised or kept */
        return err;
    }
    memo_put(e, key, out);
    ps_kept_note_value(e->kept, u, ind, 0, pk, out);
    return PS_OK;
}

/* The year-to-date to p's last month. December's is written as the year
 * (core/period.h has no YTD12) and is the year's value, except for a
 * derived indicator: a year-to-date has no prev() (SPEC §5), while the
 * year's own value takes the year before, so December's derived
 * year-to-date is computed apart and memoised under a key of its own. */
static ps_error ytd_value(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    ps_period y = ps_period_ytd_of(p);
    if (u < 0 || ind < 0 || y.type != PS_P_YEAR || e->cat->indicators[ind].kind != PS_KIND_DERIVED)
        return value_of(e, u, ind, y, out, ctx);
    uint64_t key = mkey(K_YTD12, u, ind, y);
    if (memo_get(e, key, out))
        return PS_OK;
    e->depth++;
    ps_error err = derived(e, u, ind, y, false, 0, true, out, ctx);
    e->depth--;
    if (!err)
        memo_put(e, key, out);
    return err;
}

/* ------------------------------------------------------------------------
 * Space roll-up
 *
 * SPEC §5: "otherwise, for a unit with children, the roll-up of its
 * children's values for that period by space_agg (children valid in that
 * period only)." Sums are exact (core/decsum.h); "Means are that exact sum
 * divided by the count".
 * ------------------------------------------------------------------------ */

/* The value, or the annual plan when plan, of unit u for p. */
static ps_error member_value(ps_engine *e, int u, int ind, ps_period p, bool plan, ps_val *out, ps_ctx *ctx)
{
    return plan ? plan_of(e, u, ind, p.year, out, ctx) : value_of(e, u, ind, p, out, ctx);
}

/* The space aggregation of what combine gathered; false for none. */
static bool space_total(const ps_indicator *x, const ps_decsum *sum, const ps_decsum *wsum, double best,
                        int have, double *out)
{
    switch (x->space_agg) {
    case PS_AGG_SUM: *out = ps_decsum_total(sum); break;
    case PS_AGG_MEAN: *out = ps_decsum_total(sum) / have; break;
    case PS_AGG_WMEAN:
        if (ps_decsum_total(wsum) == 0)
            return false;
        *out = ps_decsum_total(sum) / ps_decsum_total(wsum);
        break;
    case PS_AGG_MIN:
    case PS_AGG_MAX: *out = best; break;
    default: return false;
    }
    return isfinite(*out);
}

/* Combines member values by a space aggregation into *res (NONE when
 * none). members[0..n) are unit indexes; weights come from the weight
 * indicator for wmean. */
static ps_error combine(ps_engine *e, const ps_indicator *x, const int *members, int n, int ind, ps_period p,
                        bool plan, ps_val *res, ps_ctx *ctx)
{
    ps_decsum sum, wsum;
    ps_decsum_init(&sum);
    ps_decsum_init(&wsum);
    double best = 0;
    parts_tally t = {0, 0, 0};
    ps_val out = NONE;
    out.status = 'A';
    *res = NONE;
    for (int k = 0; k < n; k++) {
        ps_val c, wv;
        ps_error err = member_value(e, members[k], ind, p, plan, &c, ctx);
        if (err)
            return err;
        if (!c.has) {
            out.flags |= carry_flags(c.flags) & PS_VF_REVISED_AFTER_CLOSE;
            continue;
        }
        if (x->space_agg == PS_AGG_WMEAN) {
            if ((err = member_value(e, members[k], x->weight, p, plan, &wv, ctx)))
                return err;
            if (!wv.has)
                continue;
            ps_decsum_add(&wsum, wv.v);
            ps_decsum_add(&sum, wv.v * c.v);
        } else {
            ps_decsum_add(&sum, c.v);
        }
        if (t.have == 0 || (x->space_agg == PS_AGG_MIN && c.v < best) || (x->space_agg == PS_AGG_MAX && c.v > best))
            best = c.v;
        tally_part(&t, &out, &c);
    }
    if (!t.have || !space_total(x, &sum, &wsum, best, t.have, &out.v))
        return PS_OK;
    if (t.none_occurred == t.have && x->space_agg == PS_AGG_SUM)
        out.flags |= PS_VF_NONE_OCCURRED;
    out.has = true;
    out.coverage = t.cov / n;
    *res = out;
    return PS_OK;
}

/* The roll-up of u's children valid in p (NONE when none). */
static ps_error space_rollup(ps_engine *e, int u, int ind, ps_period p, bool plan, ps_val *out, ps_ctx *ctx)
{
    const ps_unit *un = &e->cat->units[u];
    const ps_indicator *x = &e->cat->indicators[ind];
    *out = NONE;
    if (!un->nchildren || x->space_agg == PS_AGG_NONE)
        return PS_OK;
    int *members = ps_xmalloc((size_t)un->nchildren * sizeof *members);
    int n = 0;
    for (int k = 0; k < un->nchildren; k++)
        if (ps_unit_valid_in(&e->cat->units[un->children[k]], p))
            members[n++] = un->children[k];
    ps_error err = n ? combine(e, x, members, n, ind, p, plan, out, ctx) : PS_OK;
    free(members);
    return err;
}

/* ------------------------------------------------------------------------
 * Time roll-up
 *
 * SPEC §5: a longer period and the year-to-date "come from its own values
 * of the indicator's frequency by time_agg: sum: the total; mean: the
 * average of the periods with a value; last: the value of the period's
 * last sub-period, else the latest earlier one inside the period (then
 * flagged carried), with that sub-period's coverage; none: no longer
 * periods and no year-to-date."
 * ------------------------------------------------------------------------ */

/* time_agg last: the value of p's last sub-period, else the latest
 * earlier one inside p (carried); for a year-to-date that ends inside a
 * quarter, Q2 stands for July. */
static ps_error time_last(ps_engine *e, int u, int ind, ps_period p, const ps_period *parts, int n, ps_val *out,
                          ps_ctx *ctx)
{
    for (int k = n - 1; k >= 0; k--) {
        ps_val c;
        ps_error err = value_of(e, u, ind, parts[k], &c, ctx);
        if (err)
            return err;
        if (!c.has)
            continue;
        *out = c;
        out->flags = carry_flags(c.flags) | (c.flags & PS_VF_NONE_OCCURRED);
        if (ps_period_last_month(parts[k]) != ps_period_last_month(p))
            out->flags |= PS_VF_CARRIED;
        return PS_OK;
    }
    return PS_OK;
}

/* The time aggregate of u's values of the indicator's frequency inside p
 * (NONE when none). */
static ps_error time_rollup(ps_engine *e, int u, int ind, ps_period p, ps_val *res, ps_ctx *ctx)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    ps_period parts[12];
    int n = ps_period_parts(p, x->frequency, parts, 12);
    *res = NONE;
    if (n <= 0 || n > 12)
        return PS_OK;
    if (x->time_agg == PS_AGG_LAST)
        return time_last(e, u, ind, p, parts, n, res, ctx);
    if (n * ps_frequency_months(x->frequency) != ps_period_month_count(p))
        return PS_OK; /* a sum or mean needs a whole number of the indicator's periods */
    if (x->time_agg != PS_AGG_SUM && x->time_agg != PS_AGG_MEAN)
        return PS_OK;
    ps_decsum sum;
    ps_decsum_init(&sum);
    parts_tally t = {0, 0, 0};
    ps_val out = NONE;
    out.status = 'A';
    for (int k = 0; k < n; k++) {
        ps_val c;
        ps_error err = value_of(e, u, ind, parts[k], &c, ctx);
        if (err)
            return err;
        if (!c.has) {
            out.flags |= carry_flags(c.flags) & PS_VF_REVISED_AFTER_CLOSE;
            continue;
        }
        ps_decsum_add(&sum, c.v);
        tally_part(&t, &out, &c);
    }
    if (!t.have)
        return PS_OK;
    out.has = true;
    out.v = x->time_agg == PS_AGG_SUM ? ps_decsum_total(&sum) : ps_decsum_total(&sum) / t.have;
    out.coverage = t.cov / n;
    if (t.none_occurred == t.have && x->time_agg == PS_AGG_SUM)
        out.flags |= PS_VF_NONE_OCCURRED;
    *res = out;
    return PS_OK;
}
/* ------------------------------------------------------------------------
 * Derived values: a formula on aggregated components
 *
 * SPEC §5: "Derived indicators, for any period (a year-to-date included),
 * are their formula applied to their components' values for that same
 * period, computed from the aggregated components, never by averaging
 * children's ratios." Formulas: prev_year, prev (none for a year-to-date,
 * December's included), ytd, plan, parent, per_capita (POP of the same
 * unit and period, else the latest of the same or the previous year,
 * carried). "Division by zero, or any missing operand, gives no value."
 * A derived value has the smallest coverage among its operands.
 * ------------------------------------------------------------------------ */

typedef struct fctx {
    int unit;
    ps_period period;
    bool plan;          /* components' plans (for a derived plan) */
    bool ytd;           /* period is a year-to-date, December's (a year) included */
    int basis;          /* period key of a comparable basis, 0 for none */
} fctx;

/* The evaluation of one formula: what its operands pass on, and the
 * first error a read of theirs met (the evaluation then gives no value,
 * and derived() returns the error). */
typedef struct feval {
    ps_engine *e;
    ps_ctx *ctx;
    ps_error err;
    double coverage;
    char status;
    unsigned flags;
} feval;

/* Takes an operand's coverage, status and flags into f; its value when
 * it has one (the formula's callbacks then give true). */
static bool absorb(feval *f, ps_error err, const ps_val *v, double *out)
{
    if (err && !f->err)
        f->err = err;
    if (err || !v->has)
        return false;
    if (v->coverage < f->coverage)
        f->coverage = v->coverage;
    f->status = weakest(f->status, v->status);
    f->flags |= carry_flags(v->flags);
    *out = v->v;
    return true;
}

static bool f_value(void *self, const void *vctx, const char *code, double *out)
{
    feval *f = self;
    const fctx *c = vctx;
    int ind = ps_catalog_indicator(f->e->cat, code);
    if (ind < 0 || f->err)
        return false;
    ps_val v;
    ps_error err;
    if (c->plan)
        err = plan_of(f->e, c->unit, ind, c->period.year, &v, f->ctx);
    else if (c->basis)
        err = comparable_of(f->e, c->unit, ind, c->period, ps_period_from_key(c->basis), c->ytd, &v, f->ctx);
    else if (c->ytd)
        err = ytd_value(f->e, c->unit, ind, c->period, &v, f->ctx);
    else
        err = value_of(f->e, c->unit, ind, c->period, &v, f->ctx);
    return absorb(f, err, &v, out);
}

static bool f_shift(void *self, const void *vctx, ps_ffn fn, void *out)
{
    feval *f = self;
    fctx c = *(const fctx *)vctx;
    /* a year-to-date has no previous period, December's included */
    if (fn == PS_FN_PER_CAPITA || (fn == PS_FN_PREV && c.ytd) || !ps_formula_shift_period(fn, &c.period, &c.plan))
        return false;
    if (fn == PS_FN_PARENT && (c.unit = f->e->cat->units[c.unit].parent) < 0)
        return false;
    if (fn == PS_FN_YTD)
        c.ytd = true;
    else if (fn == PS_FN_PLAN)
        c.ytd = false;
    memcpy(out, &c, sizeof c);
    return true;
}

/* POP of the formula's unit for p: on the comparable basis when the
 * formula is (the comparable revenue over the comparable population). */
static ps_error pop_value(ps_engine *e, const fctx *c, ps_period p, ps_val *out, ps_ctx *ctx)
{
    int popi = e->cat->pop;
    if (c->basis)
        return comparable_of(e, c->unit, popi, p, ps_period_from_key(c->basis), false, out, ctx);
    return value_of(e, c->unit, popi, p, out, ctx);
}

/* One look-up of per_capita's population (ps_formula_per_capita_pop). */
typedef struct pop_ask {
    feval *f;
    const fctx *c;
    ps_val v;        /* the last POP looked up */
    ps_error err;
} pop_ask;

static int pop_get(void *arg, ps_period q, bool fallback, double *pop)
{
    pop_ask *a = arg;
    (void)fallback;
    if ((a->err = pop_value(a->f->e, a->c, q, &a->v, a->f->ctx)))
        return -1;
    if (!a->v.has)
        return 0;
    *pop = a->v.v;
    return 1;
}

static bool f_pop(void *self, const void *vctx, double *pop)
{
    feval *f = self;
    if (f->e->cat->pop < 0 || f->err)
        return false;
    pop_ask a = {f, vctx, NONE, PS_OK};
    double x;
    bool carried;
    ps_formula_per_capita_pop(a.c->period, pop_get, &a, &x, &carried);
    if (carried)
        a.v.flags |= PS_VF_CARRIED; /* a year's POP stands in */
    return absorb(f, a.err, &a.v, pop);
}

/* Formula f for u in p (ytd: p is a year-to-date, December's included),
 * on the components' plans when plan, on their comparable values on the
 * boundaries of period key basis when basis is not 0. */
static ps_error formula_value(ps_engine *e, const ps_fnode *fo, int u, ps_period p, bool plan, int basis, bool ytd,
                              ps_val *res, ps_ctx *ctx)
{
    feval f = {e, ctx, PS_OK, 1, 'A', 0};
    fctx c = {u, p, plan, ytd || p.type == PS_P_YTD, basis};
    ps_feval_ops ops = {f_value, f_shift, f_pop, sizeof(fctx)};
    double out;
    *res = NONE;
    bool has = ps_formula_eval(fo, &ops, &f, &c, &out);
    if (f.err)
        return f.err;
    if (has)
        *res = (ps_val){true, out, f.coverage, f.status, f.flags | PS_VF_DERIVED};
    return PS_OK;
}

/* The formula of ind for u in p (formula_value); no plan of a formula
 * that is not plain arithmetic (SPEC §5, plans). */
static ps_error derived(ps_engine *e, int u, int ind, ps_period p, bool plan, int basis, bool ytd, ps_val *res,
                        ps_ctx *ctx)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    *res = NONE;
    if (!x->formula || (plan && !ps_formula_is_arithmetic(x->formula)) || e->depth > 64)
        return PS_OK;
    return formula_value(e, x->formula, u, p, plan, basis, ytd, res, ctx);
}

/* ------------------------------------------------------------------------
 * Comparable basis
 *
 * SPEC §5, boundary changes: "For periods before a change, the successor's
 * comparable value is the space_agg roll-up over the successor and its
 * predecessors for that period. [...] A derived indicator's comparable
 * value is its formula applied to its components' comparable values."
 * Flagged comparable-basis; stored values are never rewritten.
 * ------------------------------------------------------------------------ */

/* The value of u in p (its year-to-date when ytd) on the boundaries of
 * the later period basis (ps_engine_comparable). */
static ps_error comparable_of(ps_engine *e, int u, int ind, ps_period p, ps_period basis, bool ytd, ps_val *out,
                              ps_ctx *ctx)
{
    const ps_catalog *cat = e->cat;
    *out = NONE;
    if (u < 0 || ind < 0)
        return PS_OK;
    if (ytd)
        p = ps_period_ytd_of(p);
    const ps_unit *un = &cat->units[u];
    const ps_indicator *x = &cat->indicators[ind];
    int members[64];
    int n = 0;
    members[n++] = u;
    for (int k = 0; k < un->npredecessors && n < 64; k++) {
        const ps_unit *pr = &cat->units[un->predecessors[k]];
        /* a predecessor that existed in (part of) p and no longer in basis */
        ps_period first = ps_period_month(p.year, ps_period_first_month(p));
        if (ps_unit_valid_in(pr, first) && !ps_unit_valid_in(pr, basis))
            members[n++] = un->predecessors[k];
    }
    /* a derived value is comparable when its components are */
    if (x->kind == PS_KIND_DERIVED && ((basis.type != PS_P_NONE && un->npredecessors) || n > 1))
        return derived(e, u, ind, p, false, ps_period_key(basis), ytd, out, ctx);
    if (n == 1)
        return ytd ? ytd_value(e, u, ind, p, out, ctx) : value_of(e, u, ind, p, out, ctx);
    ps_error err = combine(e, x, members, n, ind, p, false, out, ctx);
    if (!err && out->has)
        out->flags |= PS_VF_COMPARABLE;
    return err;
}

/* ------------------------------------------------------------------------
 * Plan
 *
 * SPEC §5: "The annual plan of a unit is its submitted plan for the year,
 * else the space_agg roll-up of its children's plans; for a derived
 * indicator whose formula uses only indicator codes, numbers and
 * arithmetic, that formula applied to its components' plans; otherwise
 * none unless one was submitted."
 * ------------------------------------------------------------------------ */

/* What plan_of computes when nothing memoised or kept answers. */
static ps_error compute_plan(ps_engine *e, int u, int ind, ps_period y, ps_val *v, ps_ctx *ctx)
{
    *v = NONE;
    if (ps_stored_none_in_scope(e->stored, u, ind, y))
        return PS_OK;
    ps_error err = submitted(e, u, ind, y, 1, v, ctx);
    if (err || v->has)
        return err;
    if (e->cat->indicators[ind].kind == PS_KIND_DERIVED)
        return derived(e, u, ind, y, true, 0, false, v, ctx);
    return space_rollup(e, u, ind, y, true, v, ctx);
}

static ps_error plan_of(ps_engine *e, int u, int ind, int year, ps_val *out, ps_ctx *ctx)
{
    *out = NONE;
    ps_period y = ps_period_make(PS_P_YEAR, year, 0);
    if (u < 0 || ind < 0 || y.type == PS_P_NONE)
        return PS_OK;
    uint64_t key = mkey(K_PLAN, u, ind, y);
    ps_error err;
    bool found;
    if (memo_get(e, key, out))
        return PS_OK;
    if ((err = ps_kept_value(e->kept, u, ind, 1, ps_period_key(y), out, &found, ctx)) || found)
        return err;
    e->depth++;
    err = compute_plan(e, u, ind, y, out, ctx);
    e->depth--;
    if (err) {
        *out = NONE;
        return err;
    }
    memo_put(e, key, out);
    ps_kept_note_value(e->kept, u, ind, 1, ps_period_key(y), out);
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Coverage and status travel
 *
 * SPEC §5: "Coverage travels with every computed value, as a fraction from
 * 0 to 1: a submitted value has 1; a roll-up over children has the mean of
 * the children's coverage over the children valid in that period (a child
 * with nothing counts 0); a sum or mean over time has the mean of its
 * sub-periods' coverage over every sub-period it spans." "Status travels
 * too: the weakest among the inputs, in the order A (strongest), P, E
 * (weakest)." Flags travel with them (carried, comparable-basis,
 * revised-after-close, incomplete-source).
 * ------------------------------------------------------------------------ */

static int status_rank(char s)
{
    return s == 'E' ? 2 : s == 'P' ? 1 : 0;
}

static char weakest(char a, char b)
{
    return status_rank(a) >= status_rank(b) ? a : b;
}

/* Flags that travel from inputs to a computed value. */
static unsigned carry_flags(unsigned f)
{
    unsigned out = f & (PS_VF_CARRIED | PS_VF_COMPARABLE | PS_VF_REVISED_AFTER_CLOSE | PS_VF_INCOMPLETE_SOURCE);
    if (f & PS_VF_FORCED_CLOSED)
        out |= PS_VF_REVISED_AFTER_CLOSE;
    return out;
}

/* Takes part c of a roll-up into out and t: its coverage (summed in t, the
 * caller divides by the parts spanned), the weakest status, the flags that
 * travel, and whether the part was a '-' (nothing occurred). */
static void tally_part(parts_tally *t, ps_val *out, const ps_val *c)
{
    t->have++;
    t->cov += c->coverage;
    out->status = weakest(out->status, c->status);
    out->flags |= carry_flags(c->flags);
    if (c->flags & PS_VF_NONE_OCCURRED)
        t->none_occurred++;
}

/* ------------------------------------------------------------------------
 * The public functions (engine.h)
 * ------------------------------------------------------------------------ */

/* What a public function answers: the computation's error, remembered so
 * that roll-ups computed alongside a failure are never kept. */
static ps_error answer(ps_engine *e, ps_error err)
{
    if (err && !e->failed)
        e->failed = err;
    return err;
}

const ps_catalog *ps_engine_catalog(const ps_engine *e)
{
    return e->cat;
}

ps_kept *ps_engine_kept(ps_engine *e)
{
    return e->kept;
}

ps_db *ps_engine_db(const ps_engine *e)
{
    return e->db;
}

void ps_engine_set_scope(ps_engine *e, int unit)
{
    ps_stored_set_scope(e->stored, unit);
}

void ps_engine_set_horizon(ps_engine *e, ps_period p)
{
    ps_stored_set_horizon(e->stored, p);
}

void ps_engine_set_range(ps_engine *e, ps_period from, ps_period to)
{
    ps_stored_set_range(e->stored, from, to);
}

void ps_engine_set_scan(ps_engine *e, bool allow)
{
    ps_stored_set_scan(e->stored, allow);
}

bool ps_engine_stored(ps_engine *e, int u, int ind, ps_period p, bool *has)
{
    return ps_stored_held(e->stored, u, ind, p, has);
}

ps_error ps_engine_value(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    return answer(e, value_of(e, u, ind, p, out, ctx));
}

ps_error ps_engine_ytd(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    return answer(e, ytd_value(e, u, ind, p, out, ctx));
}

ps_error ps_engine_plan(ps_engine *e, int u, int ind, int year, ps_val *out, ps_ctx *ctx)
{
    return answer(e, plan_of(e, u, ind, year, out, ctx));
}

ps_error ps_engine_comparable(ps_engine *e, int u, int ind, ps_period p, ps_period basis,
                              ps_val *out, ps_ctx *ctx)
{
    return answer(e, comparable_of(e, u, ind, p, basis, false, out, ctx));
}

ps_error ps_engine_comparable_ytd(ps_engine *e, int u, int ind, ps_period p, ps_period basis,
                                  ps_val *out, ps_ctx *ctx)
{
    return answer(e, comparable_of(e, u, ind, p, basis, true, out, ctx));
}

ps_error ps_engine_children(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    return answer(e, space_rollup(e, u, ind, p, false, out, ctx));
}

ps_error ps_engine_eval(ps_engine *e, const ps_fnode *f, int u, ps_period p, ps_val *out, ps_ctx *ctx)
{
    *out = NONE;
    if (!f || u < 0 || (size_t)u >= e->cat->nunits || p.type == PS_P_NONE)
        return PS_OK;
    return answer(e, formula_value(e, f, u, p, false, 0, false, out, ctx));
}

ps_error ps_engine_save(ps_engine *e, bool *saved, ps_ctx *ctx)
{
    if (e->reading) {
        ps_db_end_read(e->db);
        e->reading = false;
    }
    if (e->failed)
        ps_kept_spoil(e->kept); /* nothing sure to keep */
    return ps_kept_save(e->kept, saved, ctx);
}

ps_error ps_engine_merge_kept(ps_engine *e, ps_ctx *ctx)
{
    if (e->failed)
        return ps_failm(ctx, e->failed, PS_M_ENG_ROLL_UPS_COMPUTED_AGAIN);
    return ps_kept_merge(e->kept, ctx);
}

bool ps_engine_summable(const ps_engine *e, int ind)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    if (x->kind != PS_KIND_DERIVED)
        return x->time_agg == PS_AGG_SUM;
    /* derived by + and - from summable indicators */
    const ps_fnode *stack[64];
    int sp = 0;
    if (!x->formula)
        return false;
    stack[sp++] = x->formula;
    while (sp) {
        const ps_fnode *f = stack[--sp];
        switch (f->kind) {
        case PS_FK_REF: {
            int j = ps_catalog_indicator(e->cat, f->code);
            if (j < 0 || j == ind || !ps_engine_summable(e, j))
                return false;
            break;
        }
        case PS_FK_ADD:
        case PS_FK_SUB:
            if (sp + 2 > 64)
                return false;
            stack[sp++] = f->a;
            stack[sp++] = f->b;
            break;
        case PS_FK_NEG:
            stack[sp++] = f->a;
            break;
        default:
            return false;
        }
    }
    return true;
}

char *ps_val_flags_text(const ps_val *v, char *buf, size_t n)
{
    static const struct { unsigned bit; const char *word; } words[] = {
        {PS_VF_CARRIED, "carried"}, {PS_VF_COMPARABLE, "comparable-basis"},
        {PS_VF_NONE_OCCURRED, "none-occurred"}, {PS_VF_REVISED_AFTER_CLOSE, "revised-after-close"},
        {PS_VF_INCOMPLETE_SOURCE, "incomplete-source"}, {PS_VF_DERIVED, "derived"}};
    size_t len = 0;
    buf[0] = '\0';
    if (!v->has)
        return buf;
#define ADD(w)                                                                               \
    do {                                                                                     \
        if (len < n)                                                                         \
            len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ";" : "", (w));        \
    } while (0)
    if (v->coverage < 1)
        ADD("incomplete");
    if (v->status == 'E')
        ADD("estimate");
    else if (v->status == 'P')
        ADD("provisional");
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (v->flags & words[i].bit)
            ADD(words[i].word);
#undef ADD
    if (len >= n && n)
        buf[n - 1] = '\0';
    return buf;
}
