/* check.c - rules and submitted totals against roll-ups, for a period. */
#include "aggregate/check.h"

#include "core/formula.h"
#include "core/number.h"

#include <math.h>
#include <string.h>

typedef struct cctx {
    int unit;
    ps_period period;
    bool plan;
} cctx;

typedef struct ceval {
    ps_engine *e;
    ps_ctx *ctx;
    ps_error err;
} ceval;

static bool c_value(void *self, const void *vctx, const char *code, double *out)
{
    ceval *ce = self;
    const cctx *c = vctx;
    int ind = ps_catalog_indicator(ps_engine_catalog(ce->e), code);
    if (ind < 0)
        return false;
    ps_val v;
    ps_error err = c->plan ? ps_engine_plan(ce->e, c->unit, ind, c->period.year, &v, ce->ctx)
                           : ps_engine_value(ce->e, c->unit, ind, c->period, &v, ce->ctx);
    if (err)
        ce->err = err;
    if (err || !v.has)
        return false;
    *out = v.v;
    return true;
}

static bool c_shift(void *self, const void *vctx, ps_ffn fn, void *out)
{
    ceval *ce = self;
    cctx c = *(const cctx *)vctx;
    if (fn == PS_FN_PER_CAPITA || !ps_formula_shift_period(fn, &c.period, &c.plan))
        return false;
    if (fn == PS_FN_PARENT && (c.unit = ps_engine_catalog(ce->e)->units[c.unit].parent) < 0)
        return false;
    memcpy(out, &c, sizeof c);
    return true;
}

/* POP of the rule's unit for p into *v; the error, if any, noted in ce. */
static bool c_pop_in(ceval *ce, const cctx *c, ps_period p, double *pop)
{
    ps_val v;
    ps_error err = ps_engine_value(ce->e, c->unit, ps_engine_catalog(ce->e)->pop, p, &v, ce->ctx);
    if (err && !ce->err)
        ce->err = err;
    if (err || !v.has)
        return false;
    *pop = v.v;
    return true;
}

static bool c_pop(void *self, const void *vctx, double *pop)
{
    ceval *ce = self;
    const cctx *c = vctx;
    if (ps_engine_catalog(ce->e)->pop < 0 || ce->err)
        return false;
    /* the period's own POP, else the latest of the same or the previous year */
    if (c_pop_in(ce, c, c->period, pop))
        return true;
    for (int y = c->period.year; y >= c->period.year - 1 && !ce->err; y--)
        if (c_pop_in(ce, c, ps_period_make(PS_P_YEAR, y, 0), pop))
            return true;
    return false;
}

ps_error ps_check_period(ps_engine *e, ps_period p, ps_diags *diags, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    ceval ce = {e, ctx, PS_OK};
    ps_feval_ops ops = {c_value, c_shift, c_pop, sizeof(cctx)};
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    for (size_t u = 0; u < cat->nunits; u++) {
        const ps_unit *un = &cat->units[u];
        if (!ps_unit_valid_in(un, p))
            continue;
        for (size_t r = 0; r < cat->nrules; r++) {
            const ps_rule *rule = &cat->rules[r];
            if (!rule->left || !rule->right)
                continue;
            cctx c = {(int)u, p, false};
            double l, rv;
            bool hl = ps_formula_eval(rule->left, &ops, &ce, &c, &l);
            bool hr = ps_formula_eval(rule->right, &ops, &ce, &c, &rv);
            if (ce.err)
                return ce.err;
            if (!hl || !hr || ps_rule_holds(rule->op, l, rv))
                continue;
            char msg[2048];
            ps_diag_add(diags, un->code, 0, 0, rule->severity, PS_D_RULE_FAILED, NULL, "%s",
                        ps_rule_failure_text(rule, un->code, pb, l, rv, msg, sizeof msg));
        }
        if (!un->nchildren)
            continue;
        for (size_t i = 0; i < cat->nindicators; i++) {
            const ps_indicator *x = &cat->indicators[i];
            if (x->kind == PS_KIND_DERIVED || x->space_agg == PS_AGG_NONE)
                continue;
            ps_val own, parts;
            ps_error err;
            if ((err = ps_engine_value(e, (int)u, (int)i, p, &own, ctx)))
                return err;
            if (!own.has || !(own.flags & PS_VF_SUBMITTED))
                continue;
            if ((err = ps_engine_children(e, (int)u, (int)i, p, &parts, ctx)))
                return err;
            if (!parts.has)
                continue;
            double m = fmax(fabs(own.v), fabs(parts.v));
            if (m > 0 && fabs(own.v - parts.v) > 0.005 * m) {
                char ob[PS_NUMBER_BUFSZ], qb[PS_NUMBER_BUFSZ];
                ps_diag_add(diags, un->code, 0, 0, PS_SEV_WARNING, PS_D_TOTAL_MISMATCH, NULL,
                            "%s %s: the submitted total %s differs from the roll-up of its parts %s by %.1f%%%s",
                            x->code, pb, ps_number_format(own.v, ob), ps_number_format(parts.v, qb),
                            (own.v - parts.v) / m * 100, parts.coverage < 1 ? " (the parts are incomplete)" : "");
            }
        }
    }
    return PS_OK;
}
