/* trend.h - a series over a range of periods, its growth, linear trend and year-end projections.
 *
 * SPEC §5 "linear trend", "compound annual growth", "year-end projection by
 * last year's seasonal pattern" and "boundary changes"; §6 `trend --format
 * json`. Two layers:
 *
 *   - pure arithmetic on arrays (indicators/trend_int.h): no database,
 *     unit-tested with hand-computed numbers;
 *   - ps_trend_compute: reads the values through the engine and fills a
 *     ps_trend with the series and every figure of the fit.
 *
 * A figure that cannot be computed is a ps_opt with has == false (null in
 * JSON, empty in tables): never 0, inf or NaN. Every ps_opt with has == true
 * holds a finite double.
 *
 * GSL: the least-squares fit uses gsl_fit_linear / gsl_fit_linear_est. GSL's
 * default error handler aborts, so this module turns it off
 * (gsl_set_error_handler_off) the first time it fits, and checks every
 * status: a failed GSL call gives nulls, never an abort.
 *
 * Library code: prints nothing.
 */
#ifndef PS_TREND_H
#define PS_TREND_H

#include "aggregate/engine.h"
#include "indicators/compare.h"

#include <stdbool.h>
#include <stddef.h>

/* ------------------------------------------------------------------------
 * Pure arithmetic
 * ------------------------------------------------------------------------ */

/* A least-squares line y = intercept + slope × x. */
typedef struct ps_trend_line {
    bool has;            /* a line was fitted: at least 2 points */
    size_t npoints;      /* the points that entered the fit */
    double intercept, slope;
    ps_opt r2;           /* 1 − SSres/SStot; none when every y is equal (SStot 0) */
    bool has_cov;        /* at least 3 points: the covariance below is known */
    double c00, c01, c11;/* covariance of (intercept, slope), from the scatter
                            of the points around the line (GSL's estimate,
                            s² = SSres / (npoints − 2)) */
    double sumsq;        /* SSres, the sum of squared residuals */
} ps_trend_line;

/* The arithmetic on arrays behind the trend (the fit, the fitted sum and
 * its standard error, the year-end projection, CAGR, the seasonal
 * projection, an index) is trend.c's own; its tests reach it through
 * indicators/trend_int.h. */

/* ------------------------------------------------------------------------
 * The trend of one indicator for one unit
 * ------------------------------------------------------------------------ */

typedef struct ps_trend_point {
    ps_period period;         /* a partial year's is its year-to-date */
    ps_val value;             /* on the boundaries of `to`: for a period
                                 before a boundary change, the comparable
                                 value, flagged PS_VF_COMPARABLE */
    ps_opt index_prev_year;   /* value / same period a year earlier × 100 */
    ps_opt index_prev_period; /* value / previous period × 100 */
    bool partial_year;        /* a year whose data stop before December */
} ps_trend_point;

typedef struct ps_trend {
    int unit, indicator;
    ps_period from, to;
    ps_trend_point *points;   /* every period of from's type, from..to */
    size_t npoints;
    ps_trend_line line;       /* the fit over points (x = 0, 1, 2, …) */
    ps_opt slope, intercept, r2;
    ps_opt cagr;              /* over the full calendar years of the range */
    ps_opt year_end_linear, year_end_linear_se;
    ps_opt year_end_seasonal;
    bool summable;            /* ps_engine_summable for the indicator */
    ps_period latest;         /* a yearly series: the latest month with data
                                 of the series (aggregate/latest.h), type
                                 PS_P_NONE when none from `from` on; other
                                 series: PS_P_NONE (not looked for) */
} ps_trend;

/* Checks that from..to can carry a trend of indicator ind: both valid
 * periods of the same type, a month, quarter, half or year (no
 * year-to-date), from not after to, and no shorter than the indicator's
 * frequency (months of a quarterly indicator have no values). Returns
 * PS_OK, or PS_ERR_USAGE with a one-line reason in ctx, e.g.
 * "--from 2016-01 and --to 2016-Q4 are not the same kind of period". */
ps_error ps_trend_check_range(const ps_catalog *cat, int ind, ps_period from, ps_period to,
                              ps_ctx *ctx);

/* Computes the trend of indicator ind for unit u over from..to (SPEC §5):
 *
 * - series: every period of from's type from `from` to `to`, each value
 *   ps_engine_comparable(p, basis = to) (the value itself when no boundary
 *   changed; for periods before a change the comparable value, flagged),
 *   so the fit matches the table;
 * - index_prev_year: value / value of the same period a year earlier,
 *   index_prev_period: value / value of the previous period (for the first
 *   point, the period before `from`), × 100, the earlier value on the same
 *   basis as the later; both none when ps_compare_has_index is false;
 * - partial year (a yearly series only): the year of the series' latest
 *   month with data (t->latest), when that month is not December and the
 *   year is in the range, is shown as its year-to-date to that month
 *   (point.period the year-to-date, point.partial_year): the engine's
 *   year-to-date value by time_agg (the sum of a flow; for `last` the
 *   latest month's value, for `mean` the mean of the months so far), its
 *   index_prev_year against the same months of the year before, and no
 *   index_prev_period (a year-to-date has no previous period). It is left
 *   out of the fit and the CAGR;
 * - slope (per period), intercept, r2: least squares over the points with a
 *   value (an incomplete one included, as the table shows it; a partial
 *   year not), x = the point's position (0 for `from`);
 * - cagr: over the yearly values (on the basis of `to`) of the full
 *   calendar years in the range (all 12 months covered) before a partial
 *   year; none for indicators without an index (rates, derived %: read in
 *   points);
 * - year_end_linear and its standard error: ps_trend_year_end over the
 *   parts of the year of `to` (periods of the series' type; parts before
 *   the range read through the engine), summable when ps_engine_summable;
 *   a partial year counts as not observed, so its year end is the fit's
 *   value for it;
 * - year_end_seasonal (summable only): YTD(t) × Year(t−1y) / YTD(t−1y),
 *   t = `to` (a partial year: its year-to-date), the year-earlier values on
 *   the basis of `to`.
 *
 * The figures of the fit carry no flags, so what they are built from must
 * be complete (SPEC §5: an incomplete value is never shown as if
 * complete): cagr and year_end_seasonal are none when a value they use has
 * coverage below 1, and in year_end_linear an incomplete part counts as not
 * observed (its fitted value stands in, as for a part still to come).
 *
 * Returns an owned ps_trend in *out (free with ps_trend_free). Errors:
 * PS_ERR_USAGE as ps_trend_check_range, PS_ERR_NOT_FOUND for a unit or
 * indicator index out of range, and the engine's database errors. */
ps_error ps_trend_compute(ps_engine *e, int u, int ind, ps_period from, ps_period to,
                          ps_trend **out, ps_ctx *ctx);

/* The flags of a point, as the outputs show them: the value's
 * (ps_val_flags_text), then "partial-year" for a partial year; "" for
 * none. Returns buf. */
char *ps_trend_point_flags(const ps_trend_point *p, char *buf, size_t n);

/* Frees t; NULL does nothing. */
void ps_trend_free(ps_trend *t);

#endif
