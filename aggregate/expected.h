/* expected.h - the values a reporter is expected to send for a period.
 *
 * The one rule of "expected" (SPEC §6 status, §3 templates), read by the
 * counts of `status` (aggregate/status.h), by `status --missing` and by the
 * template (export/template.h), so that all three agree:
 *
 *   actual: for each month m of period p, every unit the reporter reports
 *           for (its scope unit, or every unit of its report level within
 *           its scope) that is valid in m, times each of its non-derived
 *           indicators due in m by its frequency. An indicator of frequency
 *           F is due in the last month of each F period, with that period
 *           as the value's period: a monthly one every month, a quarterly
 *           one in March, June, September and December with the quarter
 *           (2016-Q2 in June), a half-yearly one in June and December, a
 *           yearly one in December.
 *   plan:   p is a year: every unit the reporter reports for that is valid
 *           in the whole year, times each of its flow and stock indicators,
 *           with the year as the period.
 *
 * Items come in a fixed order: unit (catalog order), indicator (group, then
 * order: the catalog's report order), period.
 *
 * Library code: prints nothing, reads no database; borrows the catalog.
 */
#ifndef PS_EXPECTED_H
#define PS_EXPECTED_H

#include "core/catalog.h"
#include "core/error.h"
#include "core/period.h"

#include <stdbool.h>

/* One value expected. */
typedef struct ps_expected {
    int unit;          /* catalog index */
    int indicator;     /* catalog index */
    ps_period period;  /* the value's period */
    ps_period due;     /* actual: the month it is due in (its deadline follows it);
                          plan: the year */
} ps_expected;

/* Called for each item; a non-zero return stops the enumeration and is
 * returned by ps_expected_each. */
typedef ps_error (*ps_expected_fn)(void *arg, const ps_expected *x, ps_ctx *ctx);

/* True when reporter rep reports for unit u: u is its scope unit (no
 * report level), or a unit of its report level within its scope. */
bool ps_expected_reports_for(const ps_catalog *cat, const ps_reporter *rep, int u);

/* Calls fn(arg, item, ctx) for every value reporter rep (borrowed) is
 * expected to send for period p, measure PS_MEASURE_ACTUAL or
 * PS_MEASURE_PLAN (core/measure.h), in the order above. unit >= 0 limits the
 * items to that unit (none when rep does not report for it); -1 gives
 * every unit. Errors: PS_ERR_USAGE for a plan whose p is not a year, or
 * an unknown measure; otherwise what fn returns. */
ps_error ps_expected_each(const ps_catalog *cat, const ps_reporter *rep, int unit, ps_period p, int measure,
                          ps_expected_fn fn, void *arg, ps_ctx *ctx);

/* Bytes of a date written as YYYY-MM-DD, NUL included. */
#define PS_DATE_BUFSZ 11

/* The deadline of a value due in month `due`: rep's deadline_day of the
 * following month, written as YYYY-MM-DD into buf; returns buf. */
char *ps_expected_deadline(const ps_reporter *rep, ps_period due, char buf[PS_DATE_BUFSZ]);

#endif
