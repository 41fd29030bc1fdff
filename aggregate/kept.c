/* kept.c - what is kept between commands: reading it, noting what to keep,
 * saving it (kept.h). */
#include "aggregate/kept.h"

#include "core/alloc.h"
#include "core/cache.h"
#include "core/map.h"
#include "store/rollup.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* At most this many kept records are held, and this many notes kept, per
 * command (each about 50 MB). */
enum { KEPT_RECS_MAX = 1 << 20, FRESH_MAX = 1 << 20 };

/* A kept series read: its records in (measure, period) order, as the
 * blob has them. */
typedef struct kept_rec {
    int measure, period;
    ps_val v;
} kept_rec;

typedef struct kept_series {
    kept_rec *recs;     /* owned: freed when the table forgets the series */
    int n;
} kept_series;

struct ps_kept {
    ps_db *db;
    const ps_catalog *cat;
    ps_rollup_reader *r;      /* NULL: the database cannot keep */
    bool valid;               /* the kept rows belong to this snapshot */
    long long generation;     /* of this snapshot */
    bool spoiled;             /* a computation failed: keep nothing */
    /* the kept series read so far: series_key -> kept_series (bounded by
     * their records, krecs, not by their number: read_unit clears it) */
    ps_cache ks;
    size_t krecs;
    bool *kunit;              /* by unit index: its kept series are read */
    ps_set64 kind_ids;        /* indicator id + 1 -> index */
    /* what this command computed, to keep */
    ps_rollup_row *fresh;
    size_t nfresh, capfresh;
    ps_count_row *counts;
    size_t ncounts, capcounts;
};

/* What the series table calls on a series it forgets (core/cache.h). */
static void series_drop(void *val)
{
    free(((kept_series *)val)->recs);
}

bool ps_kept_keeps(const ps_catalog *cat, int u, int ind)
{
    return cat->units[u].nchildren > 0 || cat->indicators[ind].kind == PS_KIND_DERIVED;
}

ps_error ps_kept_open(ps_db *db, const ps_catalog *cat, ps_kept **out, ps_ctx *ctx)
{
    ps_kept *k = ps_xcalloc(1, sizeof *k);
    k->db = db;
    k->cat = cat;
    ps_set64_init(&k->kind_ids);
    ps_cache_init(&k->ks, &(ps_cache_opts){.val_size = sizeof(kept_series), .first_cap = 4096, .drop = series_drop});
    ps_error err = ps_rollup_state(db, &k->generation, &k->valid, ctx);
    if (err) {
        ps_kept_free(k);
        *out = NULL;
        return err;
    }
    /* kept rows valid for this snapshot say the tables are there: failing
     * to read them is an error; otherwise the database may predate them
     * (an older schema opened read-only): compute everything, keep nothing */
    ps_ctx quiet = {0};
    if ((err = ps_rollup_reader_new(db, &k->r, k->valid ? ctx : &quiet))) {
        if (k->valid) {
            ps_kept_free(k);
            *out = NULL;
            return err;
        }
        k->r = NULL;
    }
    *out = k;
    return PS_OK;
}

static void series_clear(ps_kept *k)
{
    ps_cache_clear(&k->ks);
    k->krecs = 0;
    if (k->kunit)
        memset(k->kunit, 0, k->cat->nunits * sizeof *k->kunit);
}

void ps_kept_free(ps_kept *k)
{
    if (!k)
        return;
    ps_rollup_reader_free(k->r);
    ps_cache_free(&k->ks);
    free(k->kunit);
    ps_set64_free(&k->kind_ids);
    free(k->fresh);
    free(k->counts);
    free(k);
}

/* ------------------------------------------------------------------------
 * Reading kept series: a unit's all at once, on first use
 * ------------------------------------------------------------------------ */

static uint64_t series_key(int u, int ind)
{
    return ((uint64_t)(unsigned)u << 32 | (unsigned)ind) + 1;
}

/* The kept series of key, NULL when none is read. */
static const kept_series *series_find(const ps_kept *k, uint64_t key)
{
    return ps_cache_get(&k->ks, key);
}

static void series_add(kept_series *s, const ps_rollup_row *row)
{
    if ((s->n & (s->n - 1)) == 0 && s->n >= 8)
        s->recs = ps_xrealloc(s->recs, (size_t)s->n * 2 * sizeof *s->recs);
    else if (!s->recs)
        s->recs = ps_xmalloc(8 * sizeof *s->recs);
    s->recs[s->n++] = (kept_rec){row->measure, row->period,
                                 {row->has, row->value, row->coverage, row->status, row->flags}};
}

typedef struct unit_fill {
    ps_kept *k;
    int u;
    long long id;        /* the indicator id of the series being read */
    kept_series *s;      /* where its rows go; NULL: skipped */
} unit_fill;

static void fill_unit(const ps_rollup_row *row, void *arg)
{
    unit_fill *f = arg;
    ps_kept *k = f->k;
    if (row->indicator_id != f->id) {
        f->id = row->indicator_id;
        f->s = NULL;
        size_t ind = (size_t)-1; /* an id not in the catalog stays unknown */
        ps_set64_add_val(&k->kind_ids, (unsigned long long)row->indicator_id + 1, &ind);
        uint64_t key = series_key(f->u, (int)ind);
        if (ind < k->cat->nindicators && ps_kept_keeps(k->cat, f->u, (int)ind) && !ps_cache_has(&k->ks, key)) {
            f->s = ps_cache_put(&k->ks, key); /* a series already read keeps what it has */
            *f->s = (kept_series){NULL, 0};
        }
    }
    if (f->s) {
        series_add(f->s, row);
        k->krecs++;
    }
}

/* Reads every kept series of unit u. */
static ps_error read_unit(ps_kept *k, int u, ps_ctx *ctx)
{
    if (k->krecs > KEPT_RECS_MAX)
        series_clear(k); /* bounded: what was read first is read again if asked */
    if (!k->kunit) {
        k->kunit = ps_xcalloc(k->cat->nunits, sizeof *k->kunit);
        for (size_t i = 0; i < k->cat->nindicators; i++) {
            size_t idx = i;
            ps_set64_add_val(&k->kind_ids, (unsigned long long)k->cat->indicators[i].id + 1, &idx);
        }
    }
    k->kunit[u] = true;
    unit_fill f = {k, u, LLONG_MIN, NULL};
    return ps_rollup_unit(k->r, k->cat->units[u].id, fill_unit, &f, ctx);
}

ps_error ps_kept_value(ps_kept *k, int u, int ind, int measure, int period, ps_val *out, bool *found,
                       ps_ctx *ctx)
{
    *found = false;
    if (!k->valid || !k->r || !ps_kept_keeps(k->cat, u, ind))
        return PS_OK;
    uint64_t key = series_key(u, ind);
    const kept_series *s = series_find(k, key);
    if (!s) {
        if (k->kunit && k->kunit[u])
            return PS_OK; /* the unit's kept series are read: none for ind */
        ps_error err = read_unit(k, u, ctx);
        if (err)
            return err;
        if (!(s = series_find(k, key)))
            return PS_OK;
    }
    int lo = 0, hi = s->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        const kept_rec *r = &s->recs[mid];
        if (r->measure < measure || (r->measure == measure && r->period < period))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->n && s->recs[lo].measure == measure && s->recs[lo].period == period) {
        *out = s->recs[lo].v;
        *found = true;
    }
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Reporting counts
 * ------------------------------------------------------------------------ */

ps_error ps_kept_counts(ps_kept *k, long long reporter_id, long long unit_id, int period, long c[3], bool *found,
                        ps_ctx *ctx)
{
    *found = false;
    if (!k->valid || !k->r)
        return PS_OK;
    return ps_rollup_count(k->r, reporter_id, unit_id, period, c, found, ctx);
}

void ps_kept_note_counts(ps_kept *k, long long reporter_id, long long unit_id, int period, const long c[3])
{
    if (!k->r || k->ncounts >= FRESH_MAX)
        return;
    if (k->ncounts == k->capcounts)
        k->counts = ps_xrealloc(k->counts, (k->capcounts = k->capcounts ? k->capcounts * 2 : 64) * sizeof *k->counts);
    k->counts[k->ncounts++] = (ps_count_row){reporter_id, unit_id, period, {c[0], c[1], c[2]}};
}

/* ------------------------------------------------------------------------
 * Keeping what was computed
 * ------------------------------------------------------------------------ */

void ps_kept_note_value(ps_kept *k, int u, int ind, int measure, int period, const ps_val *v)
{
    if (!k->r || !ps_kept_keeps(k->cat, u, ind) || k->nfresh >= FRESH_MAX)
        return;
    if (k->nfresh == k->capfresh)
        k->fresh = ps_xrealloc(k->fresh, (k->capfresh = k->capfresh ? k->capfresh * 2 : 1024) * sizeof *k->fresh);
    k->fresh[k->nfresh++] = (ps_rollup_row){k->cat->units[u].id, k->cat->indicators[ind].id, measure, period,
                                            v->has, v->has ? v->v : 0, v->coverage, v->status, v->flags};
}

void ps_kept_spoil(ps_kept *k)
{
    k->spoiled = true;
}

static int fresh_cmp(const void *a, const void *b)
{
    const ps_rollup_row *x = a, *y = b;
    if (x->unit_id != y->unit_id)
        return x->unit_id < y->unit_id ? -1 : 1;
    if (x->indicator_id != y->indicator_id)
        return x->indicator_id < y->indicator_id ? -1 : 1;
    if (x->measure != y->measure)
        return x->measure - y->measure;
    return (x->period > y->period) - (x->period < y->period);
}

/* Writes what was noted: by ps_rollup_save (in a transaction of its own)
 * or, when merge, by ps_rollup_merge (in the caller's). */
static ps_error keep_fresh(ps_kept *k, bool merge, bool *saved, ps_ctx *ctx)
{
    *saved = false;
    ps_error err = PS_OK;
    if (!k->spoiled && k->r && (k->nfresh || k->ncounts)) {
        /* in key order: the inserts then walk the table's b-tree once */
        if (k->nfresh)
            qsort(k->fresh, k->nfresh, sizeof *k->fresh, fresh_cmp);
        ps_rollup_fresh f = {k->fresh, k->nfresh, k->counts, k->ncounts};
        if (merge) {
            err = ps_rollup_merge(k->db, &f, ctx);
            *saved = !err;
        } else {
            err = ps_rollup_save(k->db, k->generation, &f, saved, ctx);
        }
    }
    free(k->fresh);
    free(k->counts);
    k->fresh = NULL;
    k->counts = NULL;
    k->nfresh = k->capfresh = k->ncounts = k->capcounts = 0;
    k->valid = false; /* the snapshot is over: answer nothing new */
    return err;
}

ps_error ps_kept_save(ps_kept *k, bool *saved, ps_ctx *ctx)
{
    return keep_fresh(k, false, saved, ctx);
}

ps_error ps_kept_merge(ps_kept *k, ps_ctx *ctx)
{
    bool saved;
    return keep_fresh(k, true, &saved, ctx);
}
