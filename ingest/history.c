/* history.c - outlier and big-change warnings against a unit's own history. */
#include "ingest/history.h"
#include "ingest/history_int.h"

#include "core/alloc.h"
#include "core/number.h"
#include "core/period.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MIN_HISTORY = 6, MAX_HISTORY = PS_HISTORY_MAX };

typedef struct series {
    ps_obs_point *v;
    size_t n, cap;
} series;

static bool collect(const ps_obs_point *p, void *arg)
{
    series *s = arg;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = ps_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = *p;
    return true;
}

bool ps_history_mzscore(double x, double *hist, size_t n, double *z)
{
    double stack[64];
    double *work = n <= 64 ? stack : ps_xmalloc(n * sizeof *work);
    double med = gsl_stats_median(hist, 1, n);
    double mad = gsl_stats_mad0(hist, 1, n, work);
    if (work != stack)
        free(work);
    if (!(mad > 0))
        return false;
    *z = 0.6745 * fabs(x - med) / mad;
    return isfinite(*z);
}

/* The window keeps the values sorted, so each point's median and MAD cost a
 * few dozen steps instead of two selections over a copy; the numbers are
 * those of ps_history_mzscore (the same elements are picked and the same
 * differences taken). */
void ps_history_window_push(ps_history_window *w, double x)
{
    if (w->n == MAX_HISTORY) {
        double old = w->ring[w->head];
        w->ring[w->head] = x;
        w->head = (w->head + 1) % MAX_HISTORY;
        int k = 0;
        while (k < w->n - 1 && w->sorted[k] != old)
            k++;
        memmove(&w->sorted[k], &w->sorted[k + 1], (size_t)(w->n - 1 - k) * sizeof(double));
        w->n--;
    } else {
        w->ring[(w->head + w->n) % MAX_HISTORY] = x;
    }
    int k = w->n;
    while (k > 0 && w->sorted[k - 1] > x) {
        w->sorted[k] = w->sorted[k - 1];
        k--;
    }
    w->sorted[k] = x;
    w->n++;
}

bool ps_history_window_mzscore(const ps_history_window *w, double x, double *z)
{
    const double *v = w->sorted;
    int n = w->n;
    double med = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    /* |v - med| falls then rises along v: merge the two rising runs up to
     * the middle one or two */
    int r = 0;
    while (r < n && v[r] < med)
        r++;
    int l = r - 1;
    int want = n / 2; /* the 0-based index of the upper middle */
    double prev = 0, cur = 0;
    for (int k = 0; k <= want; k++) {
        prev = cur;
        double dl = l >= 0 ? fabs(v[l] - med) : INFINITY, dr = r < n ? fabs(v[r] - med) : INFINITY;
        if (dl <= dr) {
            cur = dl;
            l--;
        } else {
            cur = dr;
            r++;
        }
    }
    double mad = n % 2 ? cur : 0.5 * (prev + cur);
    if (!(mad > 0))
        return false;
    *z = 0.6745 * fabs(x - med) / mad;
    return isfinite(*z);
}

/* Checks the points chosen by (sub_id, or period when sub_id is 0). */
static ps_error warn_series(ps_obs_writer *w, const ps_catalog *cat, int u, int ind, long long sub_id,
                            int period, const char *path, int value_col, ps_diags *diags, ps_ctx *ctx);

ps_error ps_history_warnings(ps_obs_writer *w, const ps_catalog *cat, int u, int ind,
                             long long sub_id, const char *path, int value_col,
                             ps_diags *diags, ps_ctx *ctx)
{
    return warn_series(w, cat, u, ind, sub_id, 0, path, value_col, diags, ctx);
}

ps_error ps_history_check_period(ps_obs_writer *w, const ps_catalog *cat, int u, int ind, int period,
                                 const char *path, ps_diags *diags, ps_ctx *ctx)
{
    return warn_series(w, cat, u, ind, 0, period, path, 0, diags, ctx);
}

static ps_error warn_series(ps_obs_writer *w, const ps_catalog *cat, int u, int ind, long long sub_id,
                            int period, const char *path, int value_col, ps_diags *diags, ps_ctx *ctx)
{
    series s = {0};
    ps_error err = ps_obs_series(w, cat->units[u].id, cat->indicators[ind].id, PS_MEASURE_ACTUAL,
                                 collect, &s, ctx);
    if (!err)
        ps_history_check_points(cat, u, ind, s.v, s.n, sub_id, period, path, value_col, diags);
    free(s.v);
    return err;
}

void ps_history_check_points(const ps_catalog *cat, int u, int ind, const ps_obs_point *pts, size_t npts,
                             long long sub_id, int period, const char *path, int value_col, ps_diags *diags)
{
    struct {
        const ps_obs_point *v;
        size_t n;
    } s = {pts, npts};
    const char *ucode = cat->units[u].code, *icode = cat->indicators[ind].code;
    /* earlier periods of the same type (same rank, smaller key): one window
     * per type, filled as the points go by in period order */
    ps_history_window win[PS_P_YTD + 1];
    for (size_t t = 0; t < sizeof win / sizeof *win; t++)
        win[t].head = win[t].n = 0; /* empty: the rest is written before it is read */
    for (size_t i = 0; i < s.n; i++) {
        const ps_obs_point *p = &s.v[i];
        if (!p->has_value)
            continue;
        ps_period per = ps_period_from_key(p->period);
        ps_history_window *hw = &win[per.type <= PS_P_YTD ? per.type : 0];
        if (sub_id ? p->submission_id != sub_id : p->period != period) {
            ps_history_window_push(hw, p->value);
            continue;
        }
        char pb[PS_PERIOD_BUFSZ], vb[PS_NUMBER_BUFSZ], ob[PS_NUMBER_BUFSZ];
        size_t n = (size_t)hw->n;
        double z;
        bool out = n >= MIN_HISTORY && ps_history_window_mzscore(hw, p->value, &z) && z > 3.5;
        ps_history_window_push(hw, p->value);
        if (out)
            ps_diag_msg(diags, path, sub_id ? p->line : 0, value_col, PS_SEV_WARNING, PS_D_OUTLIER,
                        ps_number_format(p->value, vb),
                        PS_M_HIS_OUTLIER_AGAINST_UNIT_EARLIER, ucode, icode,
                        ps_period_format(per, pb), vb, n, z);
        /* the same period one year earlier: its key is 1000 less */
        int want = p->period - 1000;
        for (size_t j = i; j-- > 0;) {
            if (s.v[j].period < want)
                break;
            if (s.v[j].period == want && s.v[j].has_value && s.v[j].value != 0) {
                double change = (p->value - s.v[j].value) / fabs(s.v[j].value);
                if (fabs(change) > 0.5)
                    ps_diag_msg(diags, path, sub_id ? p->line : 0, value_col, PS_SEV_WARNING, PS_D_BIG_CHANGE,
                                ps_number_format(p->value, vb),
                                PS_M_HIS_F_SAME_PERIOD_LAST,
                                ucode, icode, ps_period_format(per, pb), vb, change > 0 ? "+" : "",
                                change * 100, ps_number_format(s.v[j].value, ob));
                break;
            }
        }
    }
}
