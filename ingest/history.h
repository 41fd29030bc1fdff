/* history.h - warnings from a value's own history: outliers and big changes.
 *
 * After a file's rows are written (inside its transaction), each series it
 * touched is read once, in period order, and every value this submission
 * brought is compared with the unit's own earlier values:
 * - outlier: modified z-score 0.6745 × |x − median| / MAD above 3.5 over the
 *   earlier periods of the same type (at least 6; the latest 36 are used;
 *   none when MAD is 0);
 * - big change: more than 50% away from the same period of last year.
 */
#ifndef PS_HISTORY_H
#define PS_HISTORY_H

#include "core/catalog.h"
#include "core/diag.h"
#include "store/obs.h"

/* Adds warnings for the values of submission sub_id in the actual series of
 * unit index u and indicator index ind. value_col is the file's value column. */
ps_error ps_history_warnings(ps_obs_writer *w, const ps_catalog *cat, int u, int ind,
                             long long sub_id, const char *path, int value_col,
                             ps_diags *diags, ps_ctx *ctx);

/* Adds warnings for the value of period key `period` in the actual series
 * of unit u and indicator ind, when it was submitted (for `check`).
 * Diagnostics are labelled with path and line 0. */
ps_error ps_history_check_period(ps_obs_writer *w, const ps_catalog *cat, int u, int ind, int period,
                                 const char *path, ps_diags *diags, ps_ctx *ctx);

/* The same warnings from a series held in memory: pts[0..n) are all the
 * actual values of (u, ind) in period order, as the database would give
 * them; the points of submission sub_id (or, when sub_id is 0, of period
 * key `period`) are checked. */
void ps_history_check_points(const ps_catalog *cat, int u, int ind, const ps_obs_point *pts, size_t n,
                             long long sub_id, int period, const char *path, int value_col, ps_diags *diags);

#endif
