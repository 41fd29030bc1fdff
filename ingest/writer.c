/* writer.c - how a checked row is written (writer.h). */
#include "ingest/writer.h"

#include "core/alloc.h"
#include "core/map.h"
#include "ingest/history.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

/* One series (unit, indicator, measure) the file touched. */
typedef struct touched_series {
    int unit, indicator, measure;
    int top;        /* the latest period key stored, by earlier files or this one; INT_MIN: none */
    bool fresh;     /* nothing stored before this file: its history is the file's own rows */
    bool checked;   /* history warnings done from its kept rows (in early) */
    long first, last; /* its kept rows, a list through kept_row.next; -1: none */
} touched_series;

/* A first value of a fresh actual series, kept for its history warnings
 * and, when staged, not yet written. */
typedef struct kept_row {
    int period;
    int next;       /* the series' next kept row, -1 at its end */
    long line;
    double value;
    int series;     /* its index in ps_writer.series */
    char status;
    unsigned char flags;
    bool staged;    /* still to be written (write_staged) */
} kept_row;

/* The warnings of one series in early: from index `from` on, until the
 * next span. */
typedef struct early_span {
    size_t from;
    size_t series;
} early_span;

/* Kept rows at most (32 MB): a file ordered by period meets every series
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
    size_t stage_max;           /* staged rows at most before they are written (ps_writer_new) */
    size_t nstaged;             /* kept rows staged and not written yet */
    size_t stage_from;          /* kept rows before this one are all written */
    ps_diags early;             /* warnings of series checked from kept rows */
    early_span *spans;          /* whose they are, in the order of early */
    size_t nspans, capspans;
    size_t span_at;             /* ps_writer_history: the span of the warning it is at */
};

ps_writer *ps_writer_new(ps_obs_writer *w, const ps_catalog *cat, long long sub_id, long long reporter_id,
                         const char *path, int value_col, size_t stage_max)
{
    ps_writer *wr = ps_xcalloc(1, sizeof *wr);
    *wr = (ps_writer){.w = w, .cat = cat, .sub_id = sub_id, .reporter_id = reporter_id, .path = path,
                      .value_col = value_col, .cur = -1, .stage_max = stage_max ? stage_max : KEPT_MAX};
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
    free(wr->spans);
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

/* ------------------------------------------------------------------------
 * Staged rows
 *
 * What staging buys: a file ordered by period (every monthly file after
 * the first, a backfill) meets each series once a month. Its first values,
 * written as they come, land all over obs (WITHOUT ROWID, in key order),
 * and each month sweeps the whole b-tree, one row per series: cache misses,
 * and a page cache that spills to the WAL and reads it back. The first
 * values of fresh series are kept anyway (their history warnings), so they
 * are staged there and written in key order (unit, indicator, measure,
 * period) when the bound is reached, a key must be read, or the rows end:
 * the b-tree is appended to once. A key is read (ps_writer_lookup) only
 * after its series' staged rows are written, so what is stored, and every
 * diagnostic, is as if each row had been written at once (stage_max 1).
 * ------------------------------------------------------------------------ */

/* A staged row's place in key order. */
typedef struct stage_key {
    long long unit_id, indicator_id;
    int measure, period;
    uint32_t row;
} stage_key;

static int stage_key_cmp(const void *a, const void *b)
{
    const stage_key *x = a, *y = b;
    if (x->unit_id != y->unit_id)
        return x->unit_id < y->unit_id ? -1 : 1;
    if (x->indicator_id != y->indicator_id)
        return x->indicator_id < y->indicator_id ? -1 : 1;
    if (x->measure != y->measure)
        return x->measure < y->measure ? -1 : 1;
    return (x->period > y->period) - (x->period < y->period);
}

static stage_key stage_key_of(const ps_writer *wr, size_t s, int period, size_t row)
{
    const touched_series *t = &wr->series[s];
    return (stage_key){wr->cat->units[t->unit].id, wr->cat->indicators[t->indicator].id, t->measure, period,
                       (uint32_t)row};
}

/* Sorts keys[0..n) and puts their rows into order. */
static void sort_keys(stage_key *keys, size_t n, uint32_t *order)
{
    qsort(keys, n, sizeof *keys, stage_key_cmp);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].row;
}

/* The staged rows into order, in key order, when they are many against the
 * series: the series sorted, the rows counted into their series' place, in
 * the order kept. That is period order: a row is staged either after every
 * period of its series (the file goes forward) or after a read of its key,
 * which wrote whatever was staged (ps_writer_lookup), so only a series'
 * first staged row may come before its latest period. */
static void order_by_series(const ps_writer *wr, uint32_t *order)
{
    size_t ns = wr->nseries;
    stage_key *keys = ps_xmalloc((ns ? ns : 1) * sizeof *keys);
    uint32_t *start = ps_xcalloc(ns + 1, sizeof *start); /* by series index: first place, then next */
    for (size_t s = 0; s < ns; s++)
        keys[s] = stage_key_of(wr, s, 0, s);
    qsort(keys, ns, sizeof *keys, stage_key_cmp);
    for (size_t i = wr->stage_from; i < wr->nkept; i++)
        if (wr->kept[i].staged)
            start[wr->kept[i].series]++;
    uint32_t at = 0;
    for (size_t r = 0; r < ns; r++) { /* counts to first places, in key order */
        uint32_t s = keys[r].row, c = start[s];
        start[s] = at;
        at += c;
    }
    for (size_t i = wr->stage_from; i < wr->nkept; i++)
        if (wr->kept[i].staged)
            order[start[wr->kept[i].series]++] = (uint32_t)i;
    free(start);
    free(keys);
}

/* Writes the staged rows, in key order. */
static ps_error write_staged(ps_writer *wr, ps_ctx *ctx)
{
    size_t n = wr->nstaged;
    if (!n)
        return PS_OK;
    uint32_t *order = ps_xmalloc(n * sizeof *order); /* kept rows: below KEPT_MAX */
    if (n >= wr->nseries / 4) {
        order_by_series(wr, order);
    } else { /* few rows: sorted as they are */
        stage_key *keys = ps_xmalloc(n * sizeof *keys);
        size_t m = 0;
        for (size_t i = wr->stage_from; i < wr->nkept; i++)
            if (wr->kept[i].staged)
                keys[m++] = stage_key_of(wr, (size_t)wr->kept[i].series, wr->kept[i].period, i);
        sort_keys(keys, n, order);
        free(keys);
    }
    ps_error err = PS_OK;
    for (size_t i = 0; i < n && !err; i++) {
        kept_row *k = &wr->kept[order[i]];
        stage_key sk = stage_key_of(wr, (size_t)k->series, k->period, 0);
        ps_obs_key key = {sk.unit_id, sk.indicator_id, sk.measure, sk.period};
        err = ps_obs_append(wr->w, &key, k->value, k->status, k->flags, 1, NULL, wr->reporter_id, wr->sub_id,
                            k->line, ctx);
        k->staged = false;
    }
    free(order);
    wr->nstaged = 0;
    wr->stage_from = wr->nkept;
    return err;
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
    size_t before = wr->early.nerr + wr->early.nwarn; /* the list may spill: counted, not wr->early.n */
    ps_history_check_points(wr->cat, t->unit, t->indicator, wr->pts, n, wr->sub_id, 0, wr->path, wr->value_col,
                            &wr->early);
    if (wr->early.nerr + wr->early.nwarn > before) {
        if (wr->nspans == wr->capspans) {
            wr->capspans = wr->capspans ? wr->capspans * 2 : 64;
            wr->spans = ps_xrealloc(wr->spans, wr->capspans * sizeof *wr->spans);
        }
        wr->spans[wr->nspans++] = (early_span){before, s};
    }
    t->checked = true;
    t->first = t->last = -1;
}

/* Every series with kept rows checked from them; the rows written when
 * staged, then dropped. */
static ps_error check_kept(ps_writer *wr, ps_ctx *ctx)
{
    ps_error err = write_staged(wr, ctx);
    for (size_t s = 0; s < wr->nseries; s++)
        if (wr->series[s].first >= 0)
            check_kept_series(wr, s);
    wr->nkept = wr->stage_from = 0;
    return err;
}

/* Whether row, a first value of the current series, is staged instead of
 * written at once: a plain value (no note, coverage 1) of a series kept. */
static bool stageable(const ps_writer *wr, const ps_checked_row *row)
{
    const touched_series *t = &wr->series[wr->cur];
    return t->fresh && !t->checked && t->measure == PS_MEASURE_ACTUAL && (!row->note || !*row->note) &&
           row->coverage == 1 && row->flags >= 0 && row->flags <= UCHAR_MAX;
}

/* A first value of the current series was stored, or staged: its latest
 * period, and the row kept when the series is fresh. A fresh series met
 * again after it was checked loses that check (its warnings are dropped)
 * and is read back at the end. */
static ps_error stored_first(ps_writer *wr, const ps_checked_row *row, int period, bool staged, ps_ctx *ctx)
{
    touched_series *t = &wr->series[wr->cur];
    if (period > t->top)
        t->top = period;
    if (!t->fresh || t->measure != PS_MEASURE_ACTUAL)
        return PS_OK;
    if (t->checked) {
        t->fresh = false;
        return PS_OK;
    }
    if (wr->nkept == wr->capkept) {
        wr->capkept = wr->capkept ? wr->capkept * 2 : 1024;
        wr->kept = ps_xrealloc(wr->kept, wr->capkept * sizeof *wr->kept);
    }
    wr->kept[wr->nkept] = (kept_row){period, -1, row->line, row->value, (int)wr->cur, row->status,
                                     (unsigned char)row->flags, staged};
    if (t->last >= 0)
        wr->kept[t->last].next = (int)wr->nkept;
    else
        t->first = (long)wr->nkept;
    t->last = (long)wr->nkept++;
    wr->nstaged += staged;
    if (wr->nkept == KEPT_MAX)
        return check_kept(wr, ctx);
    return wr->nstaged >= wr->stage_max ? write_staged(wr, ctx) : PS_OK;
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
    /* the key may be staged: written first, so that it is read */
    if (wr->series[wr->cur].fresh && (err = write_staged(wr, ctx)))
        return err;
    return ps_obs_get(wr->w, &k, cur, ctx);
}

ps_error ps_writer_store(ps_writer *wr, const ps_checked_row *row, const ps_obs *cur, ps_ctx *ctx)
{
    ps_obs_key k = key_of(wr, row);
    if (cur->exists)
        return ps_obs_revise(wr->w, &k, cur, true, row->value, row->status, row->flags, row->coverage, row->note,
                             wr->sub_id, row->line, ctx);
    bool staged = stageable(wr, row);
    ps_error err = staged ? PS_OK
                          : ps_obs_append(wr->w, &k, row->value, row->status, row->flags, row->coverage,
                                          row->note, wr->reporter_id, wr->sub_id, row->line, ctx);
    return err ? err : stored_first(wr, row, k.period, staged, ctx);
}

ps_error ps_writer_flush(ps_writer *wr, ps_ctx *ctx)
{
    ps_error err = write_staged(wr, ctx);
    return err ? err : ps_obs_flush(wr->w, ctx);
}

/* ------------------------------------------------------------------------
 * After the rows
 * ------------------------------------------------------------------------ */

/* Whether early warning i is kept; asked for each i in turn. */
static bool early_kept(size_t i, void *arg)
{
    ps_writer *wr = arg;
    while (wr->span_at + 1 < wr->nspans && wr->spans[wr->span_at + 1].from <= i)
        wr->span_at++;
    return wr->series[wr->spans[wr->span_at].series].fresh;
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
    wr->nkept = wr->stage_from = 0; /* written: ps_writer_flush came first */
}

ps_error ps_writer_history(ps_writer *wr, ps_diags *diags, ps_ctx *ctx)
{
    ps_error err = check_kept(wr, ctx);
    for (size_t i = 0; i < wr->nseries && !err; i++) {
        const touched_series *t = &wr->series[i];
        if (t->measure == PS_MEASURE_ACTUAL && !t->fresh)
            err = ps_history_warnings(wr->w, wr->cat, t->unit, t->indicator, wr->sub_id, wr->path, wr->value_col,
                                      diags, ctx);
    }
    /* the warnings of series checked from their kept rows, unless they came back */
    wr->span_at = 0;
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
