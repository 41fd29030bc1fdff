/* trend_int.h - the arithmetic behind a trend (trend.h), for trend.c and
 * its unit tests: no database, pure functions on arrays. */
#ifndef PS_TREND_INT_H
#define PS_TREND_INT_H

#include "indicators/trend.h"

/* Fits y[i] against x = i for every i < n with has[i] true (a point keeps
 * its position: x is the index, not a count of the points with values).
 * Borrows y and has (has may be NULL: every point counts; a non-finite y
 * never counts). Fills *out; returns out->has. Fewer than 2 points, or a
 * failed GSL call, give out->has false and every figure empty. */
bool ps_trend_fit(const double *y, const bool *has, size_t n, ps_trend_line *out);

/* The fitted value intercept + slope × x; none without a line. */
ps_opt ps_trend_line_at(const ps_trend_line *f, double x);

/* The sum S of the fitted values at x[0..k-1], and in *se (may be NULL) its
 * standard error from the fit's covariance C of b = (intercept, slope).
 *
 *   S = Σ_i (b0 + b1 x_i) = aᵀb  with  a = (k, Σ_i x_i)
 *   Var(S) = aᵀ C a = k² c00 + 2 k (Σx) c01 + (Σx)² c11
 *          = Σ_i Σ_j (c00 + c01 (x_i + x_j) + c11 x_i x_j)
 *
 * (the double sum is Var(Σ ŷ_i) = Σ_i Σ_j Cov(ŷ_i, ŷ_j) written out; for
 * k = 1 it is gsl_fit_linear_est's y_err²). It is the uncertainty of the
 * fitted line only (parameter uncertainty, as SPEC asks: "from the fit's
 * covariance"), not a prediction interval for new observations. A variance
 * that rounding leaves slightly negative is taken as 0.
 *
 * k = 0 gives S = 0 with standard error 0, with or without a line.
 * Otherwise S is none without a line, and the standard error is none
 * without a covariance (fewer than 3 points). */
ps_opt ps_trend_fitted_sum(const ps_trend_line *f, const double *x, size_t k, ps_opt *se);

/* The projection for a year made of k parts (months, quarters, halves or
 * the year itself, in order), part i at position x[i] on the fit's axis
 * (positions before the range are negative), with the observed value v[i]
 * where has[i] (borrowed arrays).
 *
 * summable (time_agg sum): the observed values plus the fitted values of
 * the parts without one (the parts still to come, and any gap), with the
 * standard error of that fitted part (ps_trend_fitted_sum). When every part
 * has a value the projection is their sum and its standard error 0.
 * Not summable: the fitted value of the last part (December, Q4, S2, the
 * year) and gsl_fit_linear_est's standard error.
 *
 * *value and *se are none when not computable. */
void ps_trend_year_end(const ps_trend_line *f, const double *x, const double *v, const bool *has,
                       size_t k, bool summable, ps_opt *value, ps_opt *se);

/* Compound annual growth in % over n consecutive yearly values x[0..n-1]
 * (borrowed; has may be NULL: all present):
 *   ((x[n-1] / x[0]) ^ (1 / (n − 1)) − 1) × 100.
 * None with fewer than 2 years, a missing first or last year, or a first or
 * last value that is not positive. */
ps_opt ps_trend_cagr(const double *x, const bool *has, size_t n);

/* Year-end projection by last year's seasonal pattern:
 * ytd × year_prev / ytd_prev (YTD(t) × Year(t−1y) / YTD(t−1y)).
 * None when an operand is missing or ytd_prev is 0. */
ps_opt ps_trend_seasonal(ps_opt ytd, ps_opt year_prev, ps_opt ytd_prev);

/* An index: num / den × 100; none when either is missing or den is 0. */
ps_opt ps_trend_index(ps_opt num, ps_opt den);

#endif
