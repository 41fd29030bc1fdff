/* writer.c - how a checked row is written (writer.h). */
#include "ingest/writer.h"

#include "core/alloc.h"
#include "core/map.h"
#include "ingest/history.h"

#include <limits.h>
#include <stdlib.h>

/* One series (unit, indicator, measure) the file touched. */
typedef struct touched_series {
    int unit, indicator, measure;
    int top;        /* the latest period key stored, by earlier files or this one; INT_MIN: none */
    bool fresh;     /* nothing stored before this file: its history is the file's own rows */
    bool checked;   /* history warnings done from its kept rows (in early) */
    long first, last; /* its kept rows, a list through kept_row.next; -1: none */
} touched_series;

/* A first value of a fresh actual series, kept for its history warnings. */
typedef struct kept_row {
    int period;
    int next;       /* the series' next kept row, -1 at its end */
    long line;
    double value;
} kept_row;

/* Kept rows at most (24 MB): a file ordered by period meets every series
 * again each month, and its series are checked from these rows at the
 * end instead of being read back. When full, every series with kept rows
 * is checked from them then and there, and the rows are dropped. */
enum { KEPT_MAX = 1 << 20 };

struct ps_writer {
    ps_obs_writer *w;
    const ps_catalog *cat;
    long long sub_id, reporter_id;
    const char *path;
    int value_col;
    unsigned char *unit_stored; /* by unit index: 0 not asked yet, 1 nothing stored before the file, 2 some */
    ps_set64 seen;              /* series key -> index in series */
    touched_series *series;
    size_t nseries;
    unsigned long long last;    /* the key of the current row's series */
    long cur;                   /* index of the current row's series, -1 before the first */
    kept_row *kept;
    size_t nkept, capkept;
    ps_obs_point *pts;          /* one series' kept rows, in period order */
    size_t cappts;
    ps_diags early;             /* warnings of series checked from kept rows */
    size_t *early_owner;        /* the series index of each */
    size_t capowner;
};

ps_writer *ps_writer_new(ps_obs_writer *w, const ps_catalog *cat, long long sub_id, long long reporter_id,
                         const char *path, int value_col)
{
    ps_writer *wr = ps_xcalloc(1, sizeof *wr);
    *wr = (ps_writer){.w = w, .cat = cat, .sub_id = sub_id, .reporter_id = reporter_id, .path = path,
                      .value_col = value_col, .cur = -1};
    wr->unit_stored = ps_xcalloc(cat->nunits ? cat->nunits : 1, 1);
    ps_set64_init(&wr->seen);
    ps_diags_init(&wr->early);
    return wr;
}

void ps_writer_free(ps_writer *wr)
{
    if (!wr)
        return;
    ps_set64_free(&wr->seen);
    free(wr->unit_stored);
    free(wr->series);
    free(wr->kept);
    free(wr->pts);
    ps_diags_free(&wr->early);
    free(wr->early_owner);
    free(wr);
}

/* ------------------------------------------------------------------------
 * Kept rows of fresh series
 * ------------------------------------------------------------------------ */

static int point_cmp(const void *a, const void *b)
{
    const ps_obs_point *x = a, *y = b;
    return (x->period > y->period) - (x->period < y->period);
}

/* The history warnings of series s from its kept rows, into early. */
static void check_kept_series(ps_writer *wr, size_t s)
{
    touched_series *t = &wr->series[s];
    size_t n = 0;
    bool sorted = true;
    for (long i = t->first; i >= 0; i = wr->kept[i].next) {
        if (n == wr->cappts) {
            wr->cappts = wr->cappts ? wr->cappts * 2 : 64;
            wr->pts = ps_xrealloc(wr->pts, wr->cappts * sizeof *wr->pts);
        }
        const kept_row *k = &wr->kept[i];
        sorted = sorted && (n == 0 || k->period > wr->pts[n - 1].period);
        wr->pts[n++] = (ps_obs_point){k->period, true, k->value, wr->sub_id, k->line};
    }
    if (!sorted)
        qsort(wr->pts, n, sizeof *wr->pts, point_cmp);
    size_t before = wr->early.n;
    ps_history_check_points(wr->cat, t->unit, t->indicator, wr->pts, n, wr->sub_id, 0, wr->path, wr->value_col,
                            &wr->early);
    if (wr->early.n > wr->capowner) {
        wr->capowner = wr->early.n * 2;
        wr->early_owner = ps_xrealloc(wr->early_owner, wr->capowner * sizeof *wr->early_owner);
    }
    for (size_t i = before; i < wr->early.n; i++)
        wr->early_owner[i] = s;
    t->checked = true;
    t->first = t->last = -1;
}

/* Every series with kept rows checked from them; the rows dropped. */
static void check_kept(ps_writer *wr)
{
    for (size_t s = 0; s < wr->nseries; s++)
        if (wr->series[s].first >= 0)
            check_kept_series(wr, s);
    wr->nkept = 0;
}

/* A first value of the current series was stored: its latest period, and
 * the row kept when the series is fresh. A fresh series met again after
 * it was checked loses that check (its warnings are dropped) and is read
 * back at the end. */
static void stored_first(ps_writer *wr, const ps_checked_row *row, int period)
{
    touched_series *t = &wr->series[wr->cur];
    if (period > t->top)
        t->top = period;
    if (!t->fresh || t->measure != PS_MEASURE_ACTUAL)
        return;
    if (t->checked) {
        t->fresh = false;
        return;
    }
    if (wr->nkept == wr->capkept) {
        wr->capkept = wr->capkept ? wr->capkept * 2 : 1024;
        wr->kept = ps_xrealloc(wr->kept, wr->capkept * sizeof *wr->kept);
    }
    wr->kept[wr->nkept] = (kept_row){period, -1, row->line, row->value};
    if (t->last >= 0)
        wr->kept[t->last].next = (int)wr->nkept;
    else
        t->first = (long)wr->nkept;
    t->last = (long)wr->nkept++;
    if (wr->nkept == KEPT_MAX)
        check_kept(wr);
}

/* ------------------------------------------------------------------------
 * Series
 * ------------------------------------------------------------------------ */

/* A series met for the first time: what is stored for it. A unit met for
 * the first time is asked whether anything is stored for it (before any
 * of its rows is written): when nothing is, none of its series is asked. */
static ps_error series_new(ps_writer *wr, int unit, int ind, int measure, ps_ctx *ctx)
{
    if ((wr->nseries & (wr->nseries - 1)) == 0)
        wr->series = ps_xrealloc(wr->series, (wr->nseries ? wr->nseries * 2 : 16) * sizeof *wr->series);
    long long unit_id = wr->cat->units[unit].id;
    bool any = false;
    int top = 0;
    ps_error err = PS_OK;
    if (!wr->unit_stored[unit] && !(err = ps_obs_unit_any(wr->w, unit_id, &any, ctx)))
        wr->unit_stored[unit] = any ? 2 : 1;
    if (!err && wr->unit_stored[unit] == 2)
        err = ps_obs_series_top(wr->w, unit_id, wr->cat->indicators[ind].id, measure, &any, &top, ctx);
    if (err)
        return err;
    wr->series[wr->nseries++] = (touched_series){unit, ind, measure, any ? top : INT_MIN, !any, false, -1, -1};
    return PS_OK;
}

/* The series of a row of (unit, ind, measure) becomes the current one. */
static ps_error series_enter(ps_writer *wr, int unit, int ind, int measure, ps_ctx *ctx)
{
    unsigned long long key = ((unsigned long long)(unsigned)unit << 33) |
                             ((unsigned long long)(unsigned)ind << 1) | (unsigned long long)measure | (1ULL << 63);
    if (key == wr->last)
        return PS_OK;
    size_t idx = wr->nseries;
    if (ps_set64_add_val(&wr->seen, key, &idx)) {
        ps_error err = series_new(wr, unit, ind, measure, ctx);
        if (err)
            return err;
    }
    wr->last = key;
    wr->cur = (long)idx;
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------ */

static ps_obs_key key_of(const ps_writer *wr, const ps_checked_row *row)
{
    return (ps_obs_key){wr->cat->units[row->unit].id, wr->cat->indicators[row->indicator].id, row->measure,
                        ps_period_key(row->period)};
}

ps_error ps_writer_lookup(ps_writer *wr, const ps_checked_row *row, ps_obs *cur, ps_ctx *ctx)
{
    ps_error err = series_enter(wr, row->unit, row->indicator, row->measure, ctx);
    if (err)
        return err;
    ps_obs_key k = key_of(wr, row);
    if (k.period > wr->series[wr->cur].top) {
        /* after every period stored for the series: nothing to read */
        cur->exists = false;
        cur->note = "";
        cur->coverage = 1;
        return PS_OK;
    }
    return ps_obs_get(wr->w, &k, cur, ctx);
}

ps_error ps_writer_store(ps_writer *wr, const ps_checked_row *row, const ps_obs *cur, ps_ctx *ctx)
{
    ps_obs_key k = key_of(wr, row);
    if (cur->exists)
        return ps_obs_revise(wr->w, &k, cur, true, row->value, row->status, row->flags, row->coverage, row->note,
                             wr->sub_id, row->line, ctx);
    ps_error err = ps_obs_append(wr->w, &k, row->value, row->status, row->flags, row->coverage, row->note,
                                 wr->reporter_id, wr->sub_id, row->line, ctx);
    if (!err)
        stored_first(wr, row, k.period);
    return err;
}

ps_error ps_writer_flush(ps_writer *wr, ps_ctx *ctx)
{
    return ps_obs_flush(wr->w, ctx);
}

/* ------------------------------------------------------------------------
 * After the rows
 * ------------------------------------------------------------------------ */

static bool early_kept(size_t i, void *arg)
{
    const ps_writer *wr = arg;
    return wr->series[wr->early_owner[i]].fresh;
}

void ps_writer_forget_kept(ps_writer *wr)
{
    for (size_t s = 0; s < wr->nseries; s++) {
        touched_series *t = &wr->series[s];
        if (t->first >= 0) {
            t->fresh = false;
            t->first = t->last = -1;
        }
    }
    wr->nkept = 0;
}

ps_error ps_writer_history(ps_writer *wr, ps_diags *diags, ps_ctx *ctx)
{
    check_kept(wr);
    ps_error err = PS_OK;
    for (size_t i = 0; i < wr->nseries && !err; i++) {
        const touched_series *t = &wr->series[i];
        if (t->measure == PS_MEASURE_ACTUAL && !t->fresh)
            err = ps_history_warnings(wr->w, wr->cat, t->unit, t->indicator, wr->sub_id, wr->path, wr->value_col,
                                      diags, ctx);
    }
    /* the warnings of series checked from their kept rows, unless they came back */
    ps_diags_move_if(diags, &wr->early, early_kept, wr);
    return err;
}

ps_change *ps_writer_changes(const ps_writer *wr, size_t *n)
{
    ps_change *changes = ps_xmalloc((wr->nseries ? wr->nseries : 1) * sizeof *changes);
    for (size_t i = 0; i < wr->nseries; i++)
        changes[i] = (ps_change){wr->series[i].unit, wr->series[i].indicator};
    *n = wr->nseries;
    return changes;
}
