/* trend.c - series over a range, least-squares trend (GSL), CAGR and year-end projections. */
#include "indicators/trend_int.h"

#include "aggregate/latest.h"
#include "core/alloc.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------ */

static ps_opt opt_none(void)
{
    ps_opt o = {false, 0.0};
    return o;
}

/* A value when finite, else none. */
static ps_opt opt_of(double v)
{
    ps_opt o = {isfinite(v) != 0, isfinite(v) ? v : 0.0};
    return o;
}

static ps_opt opt_val(const ps_val *v)
{
    return v->has ? opt_of(v->v) : opt_none();
}

/* A value with full coverage (SPEC §5: an incomplete value is never shown
 * as if complete, and the fit's figures carry no flags). */
static bool complete(const ps_val *v)
{
    return v->has && isfinite(v->v) && v->coverage >= 1.0;
}

static ps_opt opt_complete(const ps_val *v)
{
    return complete(v) ? opt_of(v->v) : opt_none();
}

/* GSL's default handler calls abort(); turn it off once, before the first
 * GSL call, and check statuses instead. The handler is process-wide and
 * setting it twice is harmless. */
static void gsl_quiet(void)
{
    static bool done;
    if (!done) {
        gsl_set_error_handler_off();
        done = true;
    }
}

/* ------------------------------------------------------------------------
 * Pure arithmetic
 * ------------------------------------------------------------------------ */

bool ps_trend_fit(const double *y, const bool *has, size_t n, ps_trend_line *out)
{
    memset(out, 0, sizeof *out);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if ((!has || has[i]) && isfinite(y[i]))
            m++;
    out->npoints = m;
    if (m < 2)
        return false;

    double *xs = ps_xmalloc(m * sizeof *xs);
    double *ys = ps_xmalloc(m * sizeof *ys);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if ((!has || has[i]) && isfinite(y[i])) {
            xs[k] = (double)i;
            ys[k] = y[i];
            k++;
        }

    gsl_quiet();
    double c0, c1, c00, c01, c11, sumsq;
    int status = gsl_fit_linear(xs, 1, ys, 1, m, &c0, &c1, &c00, &c01, &c11, &sumsq);
    if (status != GSL_SUCCESS || !isfinite(c0) || !isfinite(c1)) {
        free(xs);
        free(ys);
        out->npoints = m;
        return false;
    }
    out->has = true;
    out->intercept = c0;
    out->slope = c1;
    out->sumsq = sumsq;

    /* R² = 1 − SSres / SStot, SStot around the mean of the fitted points. */
    double mean = 0.0;
    for (size_t i = 0; i < m; i++)
        mean += (ys[i] - mean) / (double)(i + 1);
    double sst = 0.0;
    for (size_t i = 0; i < m; i++)
        sst += (ys[i] - mean) * (ys[i] - mean);
    if (sst > 0.0 && isfinite(sst) && isfinite(sumsq)) {
        double r2 = 1.0 - sumsq / sst;
        if (r2 < 0.0) /* rounding only: least squares with an intercept never does worse than the mean */
            r2 = 0.0;
        if (r2 > 1.0)
            r2 = 1.0;
        out->r2 = opt_of(r2);
    }

    /* With 2 points GSL divides SSres by n − 2 = 0: no covariance. */
    if (m >= 3 && isfinite(c00) && isfinite(c01) && isfinite(c11)) {
        out->has_cov = true;
        out->c00 = c00;
        out->c01 = c01;
        out->c11 = c11;
    }
    free(xs);
    free(ys);
    return true;
}

ps_opt ps_trend_line_at(const ps_trend_line *f, double x)
{
    if (!f->has)
        return opt_none();
    return opt_of(f->intercept + f->slope * x);
}

ps_opt ps_trend_fitted_sum(const ps_trend_line *f, const double *x, size_t k, ps_opt *se)
{
    if (k == 0) {
        if (se)
            *se = opt_of(0.0);
        return opt_of(0.0);
    }
    if (se)
        *se = opt_none();
    if (!f->has)
        return opt_none();
    double sum = 0.0, sx = 0.0;
    for (size_t i = 0; i < k; i++) {
        sum += f->intercept + f->slope * x[i];
        sx += x[i];
    }
    if (se && f->has_cov) {
        /* Var(aᵀb) = aᵀ C a with a = (k, Σx); see trend.h. */
        double dk = (double)k;
        double var = dk * dk * f->c00 + 2.0 * dk * sx * f->c01 + sx * sx * f->c11;
        if (var < 0.0)
            var = 0.0;
        *se = opt_of(sqrt(var));
    }
    return opt_of(sum);
}

void ps_trend_year_end(const ps_trend_line *f, const double *x, const double *v, const bool *has,
                       size_t k, bool summable, ps_opt *value, ps_opt *se)
{
    *value = opt_none();
    *se = opt_none();
    if (k == 0)
        return;
    if (!summable) {
        if (!f->has)
            return;
        gsl_quiet();
        double y, yerr;
        int status = gsl_fit_linear_est(x[k - 1], f->intercept, f->slope, f->c00, f->c01, f->c11,
                                        &y, &yerr);
        if (status != GSL_SUCCESS)
            return;
        *value = opt_of(y);
        if (value->has && f->has_cov)
            *se = opt_of(yerr);
        return;
    }
    double observed = 0.0;
    double *fx = ps_xmalloc(k * sizeof *fx);
    size_t nf = 0;
    for (size_t i = 0; i < k; i++) {
        if (has[i] && isfinite(v[i]))
            observed += v[i];
        else
            fx[nf++] = x[i];
    }
    ps_opt fse;
    ps_opt fsum = ps_trend_fitted_sum(f, fx, nf, &fse);
    free(fx);
    if (!fsum.has)
        return;
    *value = opt_of(observed + fsum.v);
    if (value->has)
        *se = fse;
}

ps_opt ps_trend_cagr(const double *x, const bool *has, size_t n)
{
    if (n < 2)
        return opt_none();
    if (has && (!has[0] || !has[n - 1]))
        return opt_none();
    double first = x[0], last = x[n - 1];
    if (!isfinite(first) || !isfinite(last) || first <= 0.0 || last <= 0.0)
        return opt_none();
    return opt_of((pow(last / first, 1.0 / (double)(n - 1)) - 1.0) * 100.0);
}

ps_opt ps_trend_seasonal(ps_opt ytd, ps_opt year_prev, ps_opt ytd_prev)
{
    if (!ytd.has || !year_prev.has || !ytd_prev.has || ytd_prev.v == 0.0)
        return opt_none();
    /* year_prev / ytd_prev first: for December both are the year, and the
     * ratio is exactly 1. */
    return opt_of(ytd.v * (year_prev.v / ytd_prev.v));
}

ps_opt ps_trend_index(ps_opt num, ps_opt den)
{
    if (!num.has || !den.has || den.v == 0.0)
        return opt_none();
    return opt_of(num.v / den.v * 100.0);
}

/* ------------------------------------------------------------------------
 * Periods on the fit's axis
 * ------------------------------------------------------------------------ */

/* Periods of the type in a year: 12 months, 4 quarters, 2 halves, 1 year. */
static int per_year(ps_period_type t)
{
    int m = ps_frequency_months(t);
    return m > 0 ? 12 / m : 0;
}

/* A running number of periods of p's type: consecutive periods differ by 1. */
static long ordinal(ps_period p)
{
    int ppy = per_year((ps_period_type)p.type);
    return (long)p.year * ppy + (p.type == PS_P_YEAR ? 0 : p.num - 1);
}

/* ------------------------------------------------------------------------
 * The trend of one indicator for one unit
 * ------------------------------------------------------------------------ */

ps_error ps_trend_check_range(const ps_catalog *cat, int ind, ps_period from, ps_period to,
                              ps_ctx *ctx)
{
    char fb[PS_PERIOD_BUFSZ], tb[PS_PERIOD_BUFSZ];
    ps_period_format(from, fb);
    ps_period_format(to, tb);
    if (!ps_period_valid(from) || !ps_period_valid(to))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_TRD_FROM_MUST_BOTH_PERIODS);
    if (from.type != to.type)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_TRD_FROM_ARE_NOT_SAME, fb, tb);
    if (from.type == PS_P_YTD)
        return ps_failm(ctx, PS_ERR_USAGE,
                        PS_M_TRD_TREND_RUNS_OVER_MONTHS, fb);
    if (ps_period_cmp(from, to) > 0)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_TRD_FROM_AFTER, fb, tb);
    if (ind >= 0 && (size_t)ind < cat->nindicators) {
        const ps_indicator *x = &cat->indicators[ind];
        ps_period_type freq = x->frequency == PS_P_NONE ? PS_P_MONTH : x->frequency;
        if (ps_frequency_months((ps_period_type)from.type) < ps_frequency_months(freq))
            return ps_failm(ctx, PS_ERR_USAGE,
                            PS_M_TRD_REPORTED_TREND_RUNS_OVER,
                            x->code, ps_period_type_word(freq), ps_period_type_word(freq),
                            ps_period_type_word((ps_period_type)from.type));
    }
    return PS_OK;
}

/* The value of p on the boundaries of basis; none when p is not a period. */
static ps_error value_on(ps_engine *e, int u, int ind, ps_period p, ps_period basis, ps_val *out,
                         ps_ctx *ctx)
{
    memset(out, 0, sizeof *out);
    if (!ps_period_valid(p))
        return PS_OK;
    return ps_engine_comparable(e, u, ind, p, basis, out, ctx);
}

/* The point of a partial year (ps_trend_compute), or NULL. */
static ps_trend_point *partial_point(ps_trend *t)
{
    for (size_t i = 0; i < t->npoints; i++)
        if (t->points[i].partial_year)
            return &t->points[i];
    return NULL;
}

/* In a yearly series, the year of the latest month with data, when that
 * month is not December, becomes its year-to-date (SPEC §5). */
static ps_error mark_partial_year(ps_engine *e, ps_trend *t, ps_ctx *ctx)
{
    if (t->from.type != PS_P_YEAR)
        return PS_OK;
    ps_error err = ps_latest_month(e, t->unit, t->indicator, t->from.year, &t->latest, ctx);
    if (err || t->latest.type == PS_P_NONE || t->latest.num == 12 || t->latest.year > t->to.year)
        return err;
    ps_trend_point *pt = &t->points[t->latest.year - t->from.year];
    pt->partial_year = true;
    pt->period = ps_period_ytd_of(t->latest);
    return value_on(e, t->unit, t->indicator, pt->period, t->to, &pt->value, ctx);
}

static ps_error compute_series(ps_engine *e, ps_trend *t, bool has_index, ps_ctx *ctx)
{
    ps_error err;
    ps_period p = t->from;
    for (size_t i = 0; i < t->npoints; i++) {
        ps_trend_point *pt = &t->points[i];
        pt->period = p;
        if ((err = value_on(e, t->unit, t->indicator, p, t->to, &pt->value, ctx)))
            return err;
        p = ps_period_next(p);
    }
    if ((err = mark_partial_year(e, t, ctx)))
        return err;
    if (!has_index)
        return PS_OK;
    for (size_t i = 0; i < t->npoints; i++) {
        ps_trend_point *pt = &t->points[i];
        ps_val prev;
        /* Every value is on the boundaries of `to`, so the earlier one of
         * each index is on the basis of the later. A partial year's
         * year-to-date has no previous period, and its year before is the
         * same months of that year. */
        if (pt->partial_year) {
            prev.has = false;
        } else if (i > 0) {
            prev = t->points[i - 1].value;
        } else if ((err = value_on(e, t->unit, t->indicator, ps_period_prev(pt->period), t->to, &prev, ctx))) {
            return err;
        }
        pt->index_prev_period = ps_trend_index(opt_val(&pt->value), opt_val(&prev));

        ps_period py = ps_period_prev_year(pt->period);
        long back = (long)per_year((ps_period_type)pt->period.type);
        if (!pt->partial_year && (long)i >= back) {
            prev = t->points[i - (size_t)back].value;
        } else if ((err = value_on(e, t->unit, t->indicator, py, t->to, &prev, ctx))) {
            return err;
        }
        pt->index_prev_year = ps_trend_index(opt_val(&pt->value), opt_val(&prev));
    }
    return PS_OK;
}

static ps_error compute_cagr(ps_engine *e, ps_trend *t, ps_ctx *ctx)
{
    int y0 = t->from.year + (ps_period_first_month(t->from) == 1 ? 0 : 1);
    int y1 = t->to.year - (ps_period_last_month(t->to) == 12 ? 0 : 1);
    const ps_trend_point *partial = partial_point(t);
    if (partial && partial->period.year <= y1)
        y1 = partial->period.year - 1; /* a partial year and the years after it have no full year */
    if (y1 - y0 + 1 < 2)
        return PS_OK;
    size_t n = (size_t)(y1 - y0 + 1);
    double *x = ps_xcalloc(n, sizeof *x);
    bool *has = ps_xcalloc(n, sizeof *has);
    ps_error err = PS_OK;
    /* Only the first and last years enter the formula. */
    size_t ends[2] = {0, n - 1};
    for (int k = 0; k < 2; k++) {
        ps_val v;
        ps_period year = ps_period_make(PS_P_YEAR, y0 + (int)ends[k], 0);
        if ((err = value_on(e, t->unit, t->indicator, year, t->to, &v, ctx)))
            goto out;
        has[ends[k]] = complete(&v);
        x[ends[k]] = v.v;
    }
    t->cagr = ps_trend_cagr(x, has, n);
out:
    free(x);
    free(has);
    return err;
}

static ps_error compute_year_end(ps_engine *e, ps_trend *t, ps_ctx *ctx)
{
    ps_period_type type = (ps_period_type)t->to.type;
    ps_period parts[12];
    int k = ps_period_parts(ps_period_make(PS_P_YEAR, t->to.year, 0), type, parts, 12);
    if (k <= 0 || k > 12)
        return PS_OK;
    double x[12], v[12];
    bool has[12];
    long base = ordinal(t->from), last = ordinal(t->to);
    for (int i = 0; i < k; i++) {
        long o = ordinal(parts[i]);
        x[i] = (double)(o - base);
        has[i] = false;
        v[i] = 0.0;
        if (o > last)
            continue; /* still to come */
        ps_val val;
        if (o >= base && t->points[o - base].partial_year) {
            continue; /* a partial year's year end is the fit's */
        } else if (o >= base) {
            val = t->points[o - base].value;
        } else {
            ps_error err = value_on(e, t->unit, t->indicator, parts[i], t->to, &val, ctx);
            if (err)
                return err;
        }
        /* an incomplete part (a late district) is projected like a gap */
        has[i] = complete(&val);
        v[i] = val.v;
    }
    ps_trend_year_end(&t->line, x, v, has, (size_t)k, t->summable, &t->year_end_linear,
                      &t->year_end_linear_se);
    return PS_OK;
}

static ps_error compute_seasonal(ps_engine *e, ps_trend *t, ps_ctx *ctx)
{
    ps_val ytd, year_prev, ytd_prev;
    ps_error err;
    const ps_trend_point *partial = partial_point(t);
    ps_period ytd_p = partial && partial->period.year == t->to.year ? partial->period : ps_period_ytd_of(t->to);
    if ((err = value_on(e, t->unit, t->indicator, ytd_p, t->to, &ytd, ctx)))
        return err;
    if ((err = value_on(e, t->unit, t->indicator, ps_period_make(PS_P_YEAR, t->to.year - 1, 0), t->to,
                        &year_prev, ctx)))
        return err;
    if ((err = value_on(e, t->unit, t->indicator, ps_period_prev_year(ytd_p), t->to, &ytd_prev, ctx)))
        return err;
    t->year_end_seasonal =
        ps_trend_seasonal(opt_complete(&ytd), opt_complete(&year_prev), opt_complete(&ytd_prev));
    return PS_OK;
}

ps_error ps_trend_compute(ps_engine *e, int u, int ind, ps_period from, ps_period to,
                          ps_trend **out, ps_ctx *ctx)
{
    *out = NULL;
    const ps_catalog *cat = ps_engine_catalog(e);
    if (u < 0 || (size_t)u >= cat->nunits)
        return ps_failm(ctx, PS_ERR_NOT_FOUND, PS_M_TRD_NO_UNIT_NUMBER_CATALOG, u);
    if (ind < 0 || (size_t)ind >= cat->nindicators)
        return ps_failm(ctx, PS_ERR_NOT_FOUND, PS_M_TRD_NO_INDICATOR_NUMBER_CATALOG, ind);
    ps_error err = ps_trend_check_range(cat, ind, from, to, ctx);
    if (err)
        return err;

    ps_trend *t = ps_xcalloc(1, sizeof *t);
    t->unit = u;
    t->indicator = ind;
    t->from = from;
    t->to = to;
    t->npoints = (size_t)(ordinal(to) - ordinal(from) + 1);
    t->points = ps_xcalloc(t->npoints, sizeof *t->points);
    t->summable = ps_engine_summable(e, ind);

    if ((err = compute_series(e, t, ps_compare_has_index(cat, ind), ctx)))
        goto fail;

    double *y = ps_xmalloc(t->npoints * sizeof *y);
    bool *has = ps_xmalloc(t->npoints * sizeof *has);
    for (size_t i = 0; i < t->npoints; i++) {
        has[i] = t->points[i].value.has && !t->points[i].partial_year;
        y[i] = t->points[i].value.v;
    }
    ps_trend_fit(y, has, t->npoints, &t->line);
    free(y);
    free(has);
    if (t->line.has) {
        t->slope = opt_of(t->line.slope);
        t->intercept = opt_of(t->line.intercept);
        t->r2 = t->line.r2;
    }

    /* Growth of a rate or of a percentage is read in points, not as an
     * index: no CAGR for them, as no index. */
    if (ps_compare_has_index(cat, ind) && (err = compute_cagr(e, t, ctx)))
        goto fail;
    if ((err = compute_year_end(e, t, ctx)))
        goto fail;
    if (t->summable && (err = compute_seasonal(e, t, ctx)))
        goto fail;
    *out = t;
    return PS_OK;
fail:
    ps_trend_free(t);
    return err;
}

char *ps_trend_point_flags(const ps_trend_point *p, char *buf, size_t n)
{
    ps_val_flags_text(&p->value, buf, n);
    if (p->partial_year) {
        size_t len = strlen(buf);
        if (len + 1 < n)
            snprintf(buf + len, n - len, "%spartial-year", len ? ";" : "");
    }
    return buf;
}

void ps_trend_free(ps_trend *t)
{
    if (!t)
        return;
    free(t->points);
    free(t);
}
