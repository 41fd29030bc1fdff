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
    bool checked;   /* history warnings done while reading (in early) */
} touched_series;

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
    unsigned long long last;    /* the key of the current run's series */
    long cur;                   /* index of the current run's series, -1 before the first */
    ps_obs_point *run;          /* the current run's rows, when its series is fresh */
    size_t nrun, caprun;
    int run_max;                /* the latest period in run */
    bool run_unsorted;          /* run is not in period order */
    ps_diags early;             /* warnings of series checked while reading */
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
    free(wr->run);
    ps_diags_free(&wr->early);
    free(wr->early_owner);
    free(wr);
}

/* ------------------------------------------------------------------------
 * Runs of rows of one series
 * ------------------------------------------------------------------------ */

static int point_cmp(const void *a, const void *b)
{
    const ps_obs_point *x = a, *y = b;
    return (x->period > y->period) - (x->period < y->period);
}

/* The end of a run of rows of one series: a fresh series seen for the
 * first time gets its history warnings now, from the rows just stored
 * (still in memory), instead of reading them back at the end of the file. */
static void finish_run(ps_writer *wr)
{
    if (wr->cur < 0)
        return;
    touched_series *t = &wr->series[wr->cur];
    if (!t->fresh || t->measure != PS_MEASURE_ACTUAL || t->checked)
        return;
    if (wr->run_unsorted)
        qsort(wr->run, wr->nrun, sizeof *wr->run, point_cmp);
    size_t before = wr->early.n;
    ps_history_check_points(wr->cat, t->unit, t->indicator, wr->run, wr->nrun, wr->sub_id, 0, wr->path,
                            wr->value_col, &wr->early);
    if (wr->early.n > wr->capowner) {
        wr->capowner = wr->early.n * 2;
        wr->early_owner = ps_xrealloc(wr->early_owner, wr->capowner * sizeof *wr->early_owner);
    }
    for (size_t i = before; i < wr->early.n; i++)
        wr->early_owner[i] = (size_t)wr->cur;
    t->checked = true;
}

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
    wr->series[wr->nseries++] = (touched_series){unit, ind, measure, any ? top : INT_MIN, !any, false};
    return PS_OK;
}

/* Before a row of (unit, ind, measure): a new run of rows ends the previous
 * one; a series met again after its run was checked loses that check (its
 * warnings are dropped) and is checked from the database at the end. */
static ps_error series_enter(ps_writer *wr, int unit, int ind, int measure, ps_ctx *ctx)
{
    unsigned long long key = ((unsigned long long)(unsigned)unit << 33) |
                             ((unsigned long long)(unsigned)ind << 1) | (unsigned long long)measure | (1ULL << 63);
    if (key == wr->last)
        return PS_OK;
    finish_run(wr);
    wr->last = key;
    wr->nrun = 0;
    wr->run_unsorted = false;
    size_t idx = wr->nseries;
    if (ps_set64_add_val(&wr->seen, key, &idx)) {
        ps_error err = series_new(wr, unit, ind, measure, ctx);
        if (err)
            return err;
    } else {
        wr->series[idx].checked = false;
        wr->series[idx].fresh = false;
    }
    wr->cur = (long)idx;
    return PS_OK;
}

/* A first value of the current run's series was stored. */
static void run_point(ps_writer *wr, const ps_checked_row *row, int period)
{
    touched_series *t = &wr->series[wr->cur];
    if (period > t->top)
        t->top = period;
    if (!t->fresh)
        return;
    if (wr->nrun == wr->caprun) {
        wr->caprun = wr->caprun ? wr->caprun * 2 : 64;
        wr->run = ps_xrealloc(wr->run, wr->caprun * sizeof *wr->run);
    }
    if (wr->nrun && period <= wr->run_max)
        wr->run_unsorted = true;
    else
        wr->run_max = period;
    wr->run[wr->nrun++] = (ps_obs_point){period, true, row->value, wr->sub_id, row->line};
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
        return PS_OK;
    }
    return ps_obs_get(wr->w, &k, cur, ctx);
}

ps_error ps_writer_store(ps_writer *wr, const ps_checked_row *row, const ps_obs *cur, ps_ctx *ctx)
{
    ps_obs_key k = key_of(wr, row);
    if (cur->exists)
        return ps_obs_revise(wr->w, &k, cur, true, row->value, row->status, row->flags, row->note, wr->sub_id,
                             row->line, ctx);
    ps_error err = ps_obs_append(wr->w, &k, row->value, row->status, row->flags, row->note, wr->reporter_id,
                                 wr->sub_id, row->line, ctx);
    if (!err)
        run_point(wr, row, k.period);
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
    return wr->series[wr->early_owner[i]].checked;
}

ps_error ps_writer_history(ps_writer *wr, ps_diags *diags, ps_ctx *ctx)
{
    finish_run(wr);
    ps_error err = PS_OK;
    for (size_t i = 0; i < wr->nseries && !err; i++) {
        const touched_series *t = &wr->series[i];
        if (t->measure == PS_MEASURE_ACTUAL && !t->checked)
            err = ps_history_warnings(wr->w, wr->cat, t->unit, t->indicator, wr->sub_id, wr->path, wr->value_col,
                                      diags, ctx);
    }
    /* the warnings of series checked while reading, unless they came back */
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
