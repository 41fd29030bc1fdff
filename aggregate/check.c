/* check.c - rules and submitted totals against roll-ups, for a period. */
#include "aggregate/check.h"

#include "core/number.h"

#include <math.h>

ps_error ps_check_period(ps_engine *e, ps_period p, ps_diags *diags, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    ps_error err;
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
            /* both sides as derived values are computed (SPEC §5) */
            ps_val l, rv;
            if ((err = ps_engine_eval(e, rule->left, (int)u, p, &l, ctx)) ||
                (err = ps_engine_eval(e, rule->right, (int)u, p, &rv, ctx)))
                return err;
            if (!l.has || !rv.has || ps_rule_holds(rule->op, l.v, rv.v))
                continue;
            char msg[2048];
            ps_diag_add(diags, un->code, 0, 0, rule->severity, PS_D_RULE_FAILED, NULL, "%s",
                        ps_rule_failure_text(rule, un->code, pb, l.v, rv.v, msg, sizeof msg));
        }
        if (!un->nchildren)
            continue;
        for (size_t i = 0; i < cat->nindicators; i++) {
            const ps_indicator *x = &cat->indicators[i];
            if (x->kind == PS_KIND_DERIVED || x->space_agg == PS_AGG_NONE)
                continue;
            ps_val own, parts;
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
                ps_diag_msg(diags, un->code, 0, 0, PS_SEV_WARNING, PS_D_TOTAL_MISMATCH, NULL,
                            PS_M_CHK_SUBMITTED_TOTAL_DIFFERS_FROM,
                            x->code, pb, ps_number_format(own.v, ob), ps_number_format(parts.v, qb),
                            (own.v - parts.v) / m * 100, parts.coverage < 1 ? ps_msg(PS_M_CHK_PARTS_INCOMPLETE) : "");
            }
        }
    }
    return PS_OK;
}
