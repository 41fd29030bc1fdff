/* test_trend.c - the arithmetic of trend: least squares, standard errors, CAGR, projections.
 *
 * Every expected number is worked out by hand in the comments. The noisy
 * series used throughout is y = 1, 3, 2, 5, 4 at x = 0..4:
 *   x̄ = 2, ȳ = 3, Sxx = Σ(x−x̄)² = 10, Sxy = Σ(x−x̄)(y−ȳ) = 4+0+0+2+2 = 8
 *   slope = 0.8, intercept = 3 − 0.8·2 = 1.4
 *   fitted 1.4 2.2 3.0 3.8 4.6, residuals −0.4 0.8 −1.0 1.2 −0.6
 *   SSres = 0.16+0.64+1+1.44+0.36 = 3.6, SStot = 4+0+1+4+1 = 10, R² = 0.64
 *   s² = SSres/(n−2) = 1.2
 *   c11 = s²/Sxx = 0.12, c01 = −x̄ s²/Sxx = −0.24, c00 = s²(1/n + x̄²/Sxx) = 0.72
 */
#include "check.h"

#include "core/error_int.h"
#include "indicators/trend_int.h"

#include <math.h>
#include <stdbool.h>

static const double NOISY[5] = {1, 3, 2, 5, 4};

static ps_opt some(double v)
{
    ps_opt o = {true, v};
    return o;
}

static ps_opt none(void)
{
    ps_opt o = {false, 0};
    return o;
}

TEST(perfect_line)
{
    /* y = 2 + 3x exactly: slope 3, intercept 2, R² 1, no scatter. */
    double y[6] = {2, 5, 8, 11, 14, 17};
    ps_trend_line f;
    CHECK(ps_trend_fit(y, NULL, 6, &f));
    CHECK_INT(f.npoints, 6);
    CHECK_NEAR(f.slope, 3, 1e-12);
    CHECK_NEAR(f.intercept, 2, 1e-12);
    CHECK(f.r2.has);
    CHECK_NEAR(f.r2.v, 1, 1e-12);
    CHECK(f.has_cov);
    CHECK_NEAR(f.sumsq, 0, 1e-18);
    CHECK_NEAR(f.c11, 0, 1e-18);
    ps_opt at = ps_trend_line_at(&f, 10);
    CHECK(at.has);
    CHECK_NEAR(at.v, 32, 1e-12);
}

TEST(noisy_line_known_r2_and_covariance)
{
    ps_trend_line f;
    CHECK(ps_trend_fit(NOISY, NULL, 5, &f));
    CHECK_NEAR(f.slope, 0.8, 1e-12);
    CHECK_NEAR(f.intercept, 1.4, 1e-12);
    CHECK_NEAR(f.sumsq, 3.6, 1e-12);
    CHECK(f.r2.has);
    CHECK_NEAR(f.r2.v, 0.64, 1e-12);
    CHECK(f.has_cov);
    CHECK_NEAR(f.c00, 0.72, 1e-12);
    CHECK_NEAR(f.c01, -0.24, 1e-12);
    CHECK_NEAR(f.c11, 0.12, 1e-12);
}

TEST(missing_points_keep_their_position)
{
    /* y = 1 + 2x at x = 0, 2, 4; x = 1 and 3 have no value (their y is
     * garbage that must not count). Fitted on positions, not on a count:
     * slope 2 (a fit on 0,1,2 would give 4). */
    double y[5] = {1, 999, 5, -999, 9};
    bool has[5] = {true, false, true, false, true};
    ps_trend_line f;
    CHECK(ps_trend_fit(y, has, 5, &f));
    CHECK_INT(f.npoints, 3);
    CHECK_NEAR(f.slope, 2, 1e-12);
    CHECK_NEAR(f.intercept, 1, 1e-12);
    CHECK_NEAR(f.r2.v, 1, 1e-12);

    /* a non-finite y never enters the fit */
    double z[4] = {1, NAN, 3, INFINITY};
    CHECK(ps_trend_fit(z, NULL, 4, &f));
    CHECK_INT(f.npoints, 2);
    CHECK_NEAR(f.slope, 1, 1e-12);
}

TEST(too_few_points_give_nulls)
{
    double y[3] = {7, 8, 9};
    bool one[3] = {false, true, false};
    ps_trend_line f;
    CHECK(!ps_trend_fit(y, one, 3, &f));
    CHECK(!f.has);
    CHECK(!f.r2.has);
    CHECK_INT(f.npoints, 1);
    CHECK(!ps_trend_line_at(&f, 1).has);
    CHECK(!ps_trend_fit(y, NULL, 0, &f));

    /* two points: a line and R² 1, but no covariance (s² = 0/0) */
    bool two[3] = {true, false, true};
    CHECK(ps_trend_fit(y, two, 3, &f));
    CHECK_NEAR(f.slope, 1, 1e-12);
    CHECK_NEAR(f.r2.v, 1, 1e-12);
    CHECK(!f.has_cov);
    double x[1] = {5};
    ps_opt se;
    ps_opt s = ps_trend_fitted_sum(&f, x, 1, &se);
    CHECK(s.has);
    CHECK_NEAR(s.v, 12, 1e-12);
    CHECK(!se.has);
}

TEST(constant_series_has_no_r2)
{
    /* every y equal: the line is flat, SStot = 0 and R² undefined */
    double y[4] = {5, 5, 5, 5};
    ps_trend_line f;
    CHECK(ps_trend_fit(y, NULL, 4, &f));
    CHECK_NEAR(f.slope, 0, 1e-15);
    CHECK_NEAR(f.intercept, 5, 1e-15);
    CHECK(!f.r2.has);
}

/* Var(Σ ŷ(x_i)) written out term by term. */
static double direct_var(const ps_trend_line *f, const double *x, size_t k)
{
    double v = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
            v += f->c00 + f->c01 * (x[i] + x[j]) + f->c11 * x[i] * x[j];
    return v;
}

TEST(standard_error_of_one_fitted_value)
{
    /* Var ŷ(5) = s² (1/n + (5−x̄)²/Sxx) = 1.2 (0.2 + 0.9) = 1.32 */
    ps_trend_line f;
    ps_trend_fit(NOISY, NULL, 5, &f);
    double x[1] = {5};
    ps_opt se;
    ps_opt s = ps_trend_fitted_sum(&f, x, 1, &se);
    CHECK_NEAR(s.v, 5.4, 1e-12);
    CHECK(se.has);
    CHECK_NEAR(se.v, sqrt(1.32), 1e-12);
    CHECK_NEAR(se.v * se.v, direct_var(&f, x, 1), 1e-12);

    /* the same as gsl_fit_linear_est, which the non-summable projection uses */
    double xs[1] = {5}, v[1] = {0};
    bool has[1] = {false};
    ps_opt val, se2;
    ps_trend_year_end(&f, xs, v, has, 1, false, &val, &se2);
    CHECK(val.has && se2.has);
    CHECK_NEAR(val.v, s.v, 1e-12);
    CHECK_NEAR(se2.v, se.v, 1e-12);
}

TEST(standard_error_of_a_sum_of_fitted_values)
{
    /* x = 5, 6, 7: S = 3·1.4 + 0.8·18 = 18.6
     * Var S = s² (k²/n + (Σ(x−x̄))²/Sxx) = 1.2 (9/5 + 12²/10) = 1.2 · 16.2 = 19.44
     * and by the covariance: 9·0.72 + 2·3·18·(−0.24) + 18²·0.12
     *                      = 6.48 − 25.92 + 38.88 = 19.44 */
    ps_trend_line f;
    ps_trend_fit(NOISY, NULL, 5, &f);
    double x[3] = {5, 6, 7};
    ps_opt se;
    ps_opt s = ps_trend_fitted_sum(&f, x, 3, &se);
    CHECK_NEAR(s.v, 18.6, 1e-12);
    CHECK(se.has);
    CHECK_NEAR(se.v * se.v, 19.44, 1e-12);
    CHECK_NEAR(se.v * se.v, direct_var(&f, x, 3), 1e-12);

    /* not as if the fitted values were independent (1.32 + 2.16 + 3.24 =
     * 6.72): they are correlated through the shared intercept and slope */
    double sum_of_var = 0;
    for (int i = 0; i < 3; i++) {
        ps_opt e1;
        ps_trend_fitted_sum(&f, &x[i], 1, &e1);
        sum_of_var += e1.v * e1.v;
    }
    CHECK_NEAR(sum_of_var, 6.72, 1e-12);
    CHECK(fabs(sum_of_var - se.v * se.v) > 10);

    /* nothing to fit: S = 0, exactly known */
    s = ps_trend_fitted_sum(&f, x, 0, &se);
    CHECK(s.has && se.has);
    CHECK_NEAR(s.v, 0, 0);
    CHECK_NEAR(se.v, 0, 0);
}

TEST(year_end_summable_adds_fitted_parts_to_come)
{
    /* Quarterly series 2015-Q1..2016-Q1 = NOISY at x = 0..4. The year 2016
     * is Q1..Q4 at x = 4..7; Q1 observed (4), Q2..Q4 fitted at 5, 6, 7
     * (18.6, SE² 19.44): year end 22.6. */
    ps_trend_line f;
    ps_trend_fit(NOISY, NULL, 5, &f);
    double x[4] = {4, 5, 6, 7}, v[4] = {4, 0, 0, 0};
    bool has[4] = {true, false, false, false};
    ps_opt val, se;
    ps_trend_year_end(&f, x, v, has, 4, true, &val, &se);
    CHECK(val.has && se.has);
    CHECK_NEAR(val.v, 22.6, 1e-12);
    CHECK_NEAR(se.v, sqrt(19.44), 1e-12);

    /* a gap is fitted too: Q1 = 4, Q3 = 6 observed, Q2 and Q4 fitted at
     * 5 and 7: 2·1.4 + 0.8·12 = 12.4; 10 + 12.4 = 22.4.
     * Var = 4·0.72 + 2·2·12·(−0.24) + 144·0.12 = 2.88 − 11.52 + 17.28 = 8.64 */
    double v2[4] = {4, 0, 6, 0};
    bool has2[4] = {true, false, true, false};
    ps_trend_year_end(&f, x, v2, has2, 4, true, &val, &se);
    CHECK_NEAR(val.v, 22.4, 1e-12);
    CHECK_NEAR(se.v * se.v, 8.64, 1e-12);

    /* every part observed: their sum, standard error 0, even without a fit */
    double v3[4] = {1, 2, 3, 4.5};
    bool all[4] = {true, true, true, true};
    ps_trend_line nofit;
    ps_trend_fit(NOISY, NULL, 1, &nofit);
    ps_trend_year_end(&nofit, x, v3, all, 4, true, &val, &se);
    CHECK(val.has && se.has);
    CHECK_NEAR(val.v, 10.5, 1e-15);
    CHECK_NEAR(se.v, 0, 0);

    /* parts to come and no fit: none */
    ps_trend_year_end(&nofit, x, v, has, 4, true, &val, &se);
    CHECK(!val.has && !se.has);
}

TEST(year_end_not_summable_is_the_fitted_last_part)
{
    /* ŷ(7) = 1.4 + 5.6 = 7.0; Var = 0.72 + 14·(−0.24) + 49·0.12 = 3.24, SE 1.8 */
    ps_trend_line f;
    ps_trend_fit(NOISY, NULL, 5, &f);
    double x[4] = {4, 5, 6, 7}, v[4] = {4, 9, 9, 9};
    bool has[4] = {true, true, true, true};
    ps_opt val, se;
    ps_trend_year_end(&f, x, v, has, 4, false, &val, &se);
    CHECK(val.has && se.has);
    CHECK_NEAR(val.v, 7.0, 1e-12);
    CHECK_NEAR(se.v, 1.8, 1e-12);

    /* two points: a value, no standard error */
    bool two[5] = {true, true, false, false, false};
    ps_trend_fit(NOISY, two, 5, &f);
    ps_trend_year_end(&f, x, v, has, 4, false, &val, &se);
    CHECK(val.has && !se.has);
    CHECK_NEAR(val.v, 1 + 2 * 7, 1e-12);
}

TEST(cagr)
{
    /* 100 -> 121 over two years: (1.21^(1/2) − 1) × 100 = 10 */
    double a[3] = {100, 110, 121};
    ps_opt c = ps_trend_cagr(a, NULL, 3);
    CHECK(c.has);
    CHECK_NEAR(c.v, 10, 1e-12);
    /* only the ends count: a missing middle year is fine */
    bool mid[3] = {true, false, true};
    c = ps_trend_cagr(a, mid, 3);
    CHECK(c.has);
    CHECK_NEAR(c.v, 10, 1e-12);
    /* one year: 100 -> 150 is 50% */
    double b[2] = {100, 150};
    c = ps_trend_cagr(b, NULL, 2);
    CHECK_NEAR(c.v, 50, 1e-12);
    /* decline: 200 -> 50 over 2 years: (0.25^0.5 − 1) × 100 = −50 */
    double d[3] = {200, 0, 50};
    c = ps_trend_cagr(d, NULL, 3);
    CHECK_NEAR(c.v, -50, 1e-12);

    CHECK(!ps_trend_cagr(b, NULL, 1).has);           /* fewer than two years */
    bool last_missing[2] = {true, false};
    CHECK(!ps_trend_cagr(b, last_missing, 2).has);
    double z[2] = {0, 10}, neg[2] = {100, -5};
    CHECK(!ps_trend_cagr(z, NULL, 2).has);           /* no growth from 0 */
    CHECK(!ps_trend_cagr(neg, NULL, 2).has);
}

TEST(seasonal_projection)
{
    /* 7 months 70; last year 120 for the year, 60 in its first 7 months:
     * 70 × 120 / 60 = 140 */
    ps_opt p = ps_trend_seasonal(some(70), some(120), some(60));
    CHECK(p.has);
    CHECK_NEAR(p.v, 140, 1e-12);
    /* December: YTD is the year, the ratio is exactly 1 */
    p = ps_trend_seasonal(some(0.1 + 0.2), some(3.3), some(3.3));
    CHECK(p.has);
    CHECK_NEAR(p.v, 0.1 + 0.2, 0);
    CHECK(!ps_trend_seasonal(some(70), some(120), some(0)).has);
    CHECK(!ps_trend_seasonal(none(), some(120), some(60)).has);
    CHECK(!ps_trend_seasonal(some(70), none(), some(60)).has);
    CHECK(!ps_trend_seasonal(some(70), some(120), none()).has);
}

TEST(index)
{
    ps_opt i = ps_trend_index(some(109.2), some(100));
    CHECK(i.has);
    CHECK_NEAR(i.v, 109.2, 1e-14);
    CHECK(!ps_trend_index(some(5), some(0)).has);
    CHECK(!ps_trend_index(none(), some(1)).has);
    CHECK(!ps_trend_index(some(1), none()).has);
    CHECK(!ps_trend_index(some(1e300), some(1e-300)).has); /* inf is not a value */
}

TEST(range_checks)
{
    ps_indicator x[2] = {{0}, {0}};
    x[0].code = "M";
    x[0].frequency = PS_P_MONTH;
    x[1].code = "Q";
    x[1].frequency = PS_P_QUARTER;
    ps_catalog cat = {0};
    cat.indicators = x;
    cat.nindicators = 2;
    ps_ctx ctx = {0};
    ps_period m1 = ps_period_month(2015, 1), m12 = ps_period_month(2016, 12);
    ps_period q1 = ps_period_make(PS_P_QUARTER, 2015, 1), q4 = ps_period_make(PS_P_QUARTER, 2016, 4);
    CHECK_INT(ps_trend_check_range(&cat, 0, m1, m12, &ctx), PS_OK);
    CHECK_INT(ps_trend_check_range(&cat, 0, m1, m1, &ctx), PS_OK);
    CHECK_INT(ps_trend_check_range(&cat, 1, q1, q4, &ctx), PS_OK);
    CHECK_INT(ps_trend_check_range(&cat, 0, q1, q4, &ctx), PS_OK); /* quarters of a monthly one */

    CHECK_INT(ps_trend_check_range(&cat, 0, m1, q4, &ctx), PS_ERR_USAGE);
    CHECK_STR(ctx.msg, "--from 2015-01 and --to 2016-Q4 are not the same kind of period");
    ps_ctx_clear(&ctx);
    CHECK_INT(ps_trend_check_range(&cat, 0, m12, m1, &ctx), PS_ERR_USAGE);
    CHECK_STR(ctx.msg, "--from 2016-12 is after --to 2015-01");
    ps_ctx_clear(&ctx);
    CHECK_INT(ps_trend_check_range(&cat, 1, m1, m12, &ctx), PS_ERR_USAGE);
    CHECK_STR(ctx.msg, "Q is reported by quarter: a trend of it runs over quarters or longer periods, not months");
    ps_ctx_clear(&ctx);
    ps_period y1 = ps_period_make(PS_P_YTD, 2015, 7), y2 = ps_period_make(PS_P_YTD, 2016, 7);
    CHECK_INT(ps_trend_check_range(&cat, 0, y1, y2, &ctx), PS_ERR_USAGE);
}

int main(void)
{
    RUN(perfect_line);
    RUN(noisy_line_known_r2_and_covariance);
    RUN(missing_points_keep_their_position);
    RUN(too_few_points_give_nulls);
    RUN(constant_series_has_no_r2);
    RUN(standard_error_of_one_fitted_value);
    RUN(standard_error_of_a_sum_of_fitted_values);
    RUN(year_end_summable_adds_fitted_parts_to_come);
    RUN(year_end_not_summable_is_the_fitted_last_part);
    RUN(cagr);
    RUN(seasonal_projection);
    RUN(index);
    RUN(range_checks);
    return check_done();
}
