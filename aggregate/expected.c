/* expected.c - the values a reporter is expected to send for a period (expected.h). */
#include "aggregate/expected.h"

#include "store/obs.h"

#include <stdio.h>

bool ps_expected_reports_for(const ps_catalog *cat, const ps_reporter *rep, int u)
{
    if (rep->report_level == PS_LEVEL_NONE)
        return u == rep->scope;
    return cat->units[u].level == rep->report_level && ps_catalog_unit_within(cat, u, rep->scope);
}

/* Whether rep sends indicator i at all (non-derived, in its list). */
static bool sends(const ps_catalog *cat, const ps_reporter *rep, int i)
{
    return cat->indicators[i].kind != PS_KIND_DERIVED && ps_reporter_allows(cat, rep, i);
}

/* The actual values of indicator i of unit u due in the months of p, in
 * month order: the period of i's frequency that ends in each month. */
static ps_error actual_items(const ps_catalog *cat, int u, int i, ps_period p, ps_expected_fn fn, void *arg,
                             ps_ctx *ctx)
{
    ps_period_type freq = cat->indicators[i].frequency;
    int len = ps_frequency_months(freq);
    for (int m = ps_period_first_month(p); m <= ps_period_last_month(p); m++) {
        ps_period month = ps_period_month(p.year, m);
        if (len <= 0 || m % len != 0 || !ps_unit_valid_in(&cat->units[u], month))
            continue;
        ps_expected x = {u, i, ps_period_containing(freq, p.year, m), month};
        ps_error err = fn(arg, &x, ctx);
        if (err)
            return err;
    }
    return PS_OK;
}

/* The plan of indicator i of unit u for year p: flow and stock indicators
 * of a unit valid in the whole year. */
static ps_error plan_item(const ps_catalog *cat, int u, int i, ps_period p, ps_expected_fn fn, void *arg,
                          ps_ctx *ctx)
{
    ps_ind_kind kind = cat->indicators[i].kind;
    if ((kind != PS_KIND_FLOW && kind != PS_KIND_STOCK) || !ps_unit_valid_in(&cat->units[u], p))
        return PS_OK;
    ps_expected x = {u, i, p, p};
    return fn(arg, &x, ctx);
}

ps_error ps_expected_each(const ps_catalog *cat, const ps_reporter *rep, int unit, ps_period p, int measure,
                          ps_expected_fn fn, void *arg, ps_ctx *ctx)
{
    char pb[PS_PERIOD_BUFSZ];
    if (measure != PS_MEASURE_ACTUAL && measure != PS_MEASURE_PLAN)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_EXPECT_BAD_MEASURE, measure);
    if (!ps_period_valid(p))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_EXPECT_NO_PERIOD);
    if (measure == PS_MEASURE_PLAN && p.type != PS_P_YEAR)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_EXPECT_PLAN_NEEDS_YEAR, ps_period_format(p, pb), p.year);
    for (size_t u = 0; u < cat->nunits; u++) {
        if ((unit >= 0 && (int)u != unit) || !ps_expected_reports_for(cat, rep, (int)u))
            continue;
        for (size_t k = 0; k < cat->nindicators; k++) {
            int i = cat->report_order[k];
            if (!sends(cat, rep, i))
                continue;
            ps_error err = measure == PS_MEASURE_PLAN ? plan_item(cat, (int)u, i, p, fn, arg, ctx)
                                                      : actual_items(cat, (int)u, i, p, fn, arg, ctx);
            if (err)
                return err;
        }
    }
    return PS_OK;
}

char *ps_expected_deadline(const ps_reporter *rep, ps_period due, char buf[PS_DATE_BUFSZ])
{
    unsigned m = (unsigned)ps_period_last_month(due) % 13;
    unsigned y = (unsigned)(m == 12 ? due.year + 1 : due.year) % 10000;
    snprintf(buf, PS_DATE_BUFSZ, "%04u-%02u-%02u", y, m == 12 ? 1 : m + 1, (unsigned)rep->deadline_day % 100);
    return buf;
}
