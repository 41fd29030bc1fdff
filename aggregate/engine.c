/* engine.c - submitted values, roll-ups over units and time, derived values. */
#include "aggregate/engine.h"

#include "aggregate/kept.h"
#include "core/alloc.h"
#include "core/decsum.h"
#include "core/formula.h"
#include "core/map.h"
#include "core/strbuf.h"
#include "store/obs.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Memo: (what, unit, indicator, period key) -> value
 * ------------------------------------------------------------------------ */

typedef struct memo {
    uint64_t *keys;   /* 0 = empty */
    ps_val *vals;
    size_t cap, n;
} memo;

static size_t memo_slot(const memo *m, uint64_t k)
{
    /* The values of one series (what, unit, indicator) share a block of 128
     * slots, placed by splitmix64's finaliser on the series; inside it a
     * period's place follows its year's parity, type and number. An output
     * asks for many periods of a series together, so they come from a few
     * cache lines instead of one miss each. */
    uint64_t h = k >> 24;
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 31;
    unsigned pk = (unsigned)(k & 0xFFFFFF);
    unsigned within = ((pk / 1000) & 1) * 64 + ((pk % 1000) / 100) * 13 + (pk % 100);
    size_t i = (size_t)(h * 128 + (within & 127)) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void memo_grow(memo *m)
{
    memo old = *m;
    /* a first size that a report's kept series fit in without a rehash;
     * its pages are not touched until used */
    m->cap = old.cap ? old.cap * 2 : 1024;
    m->keys = ps_xcalloc(m->cap, sizeof *m->keys);
    m->vals = ps_xmalloc(m->cap * sizeof *m->vals);
    for (size_t i = 0; i < old.cap; i++) {
        if (old.keys[i]) {
            size_t j = memo_slot(m, old.keys[i]);
            m->keys[j] = old.keys[i];
            m->vals[j] = old.vals[i];
        }
    }
    free(old.keys);
    free(old.vals);
}

static bool memo_get(const memo *m, uint64_t k, ps_val *out)
{
    if (!m->cap)
        return false;
    size_t i = memo_slot(m, k);
    if (!m->keys[i])
        return false;
    *out = m->vals[i];
    return true;
}

/* K_SUBMITTED* key only the memo of values forced into closed periods;
 * K_YTD12 a derived value of December's year-to-date (ytd_value). */
enum { K_VALUE = 1, K_PLAN = 2, K_SUBMITTED = 3, K_SUBMITTED_PLAN = 4, K_YTD12 = 5 };

/* The memo is a cache: past this many entries it starts again, so memory
 * stays bounded (about 80 MB) on national-scale outputs. */
enum { MEMO_MAX = 1 << 20 };

static void memo_make_room(memo *m)
{
    /* only computed values live here (stored ones are in the windows):
     * start again, and compute what is asked again */
    memset(m->keys, 0, m->cap * sizeof *m->keys);
    m->n = 0;
}

static void memo_put(memo *m, uint64_t k, const ps_val *v)
{
    if (m->n >= MEMO_MAX)
        memo_make_room(m);
    if ((m->n + 1) * 2 > m->cap)
        memo_grow(m);
    size_t i = memo_slot(m, k);
    if (!m->keys[i]) {
        m->keys[i] = k;
        m->n++;
    }
    m->vals[i] = *v;
}


static uint64_t mkey(int what, int u, int ind, int pkey)
{
    return ((uint64_t)what << 60) | ((uint64_t)(unsigned)u << 38) | ((uint64_t)(unsigned)ind << 24) |
           (uint64_t)(unsigned)pkey;
}

/* ------------------------------------------------------------------------
 * The engine
 * ------------------------------------------------------------------------ */

/* Stored values are read a series window at a time: a unit's values of one
 * indicator and measure for a year and the year before, in one range read
 * (a report asks for the month, the year-to-date and the same a year
 * earlier). Windows live in a direct-mapped cache beside the memo: a new
 * window takes its slot from whatever was there, so memory stays bounded
 * and a national roll-up's millions of stored values never enter the memo's
 * hash, which holds only computed values. */
typedef struct sval {
    int key;            /* period key | measure << 28 */
    char status;
    unsigned char flags;  /* PS_VF_* of a stored value (all below 1 << 8) */
    unsigned short cov;   /* 0: coverage 1; k: the window's covs[k - 1] (a value
                             from an export row with coverage below 1: rare, so
                             kept beside the values, which stay 16 bytes) */
    double v;
} sval;

typedef struct swin {
    bool used;
    unsigned long stamp;   /* when last filled: the older of a pair goes first */
    int u, ind, year;   /* holds year (and year - 1 when prev), both measures */
    bool prev;
    int lim;            /* of year, the months and year-to-dates up to month lim (12: all) */
    int n, cap;
    sval *vals;
    int ncov, capcov;   /* the coverages below 1 of vals (sval.cov) */
    double *covs;
} swin;

/* Windows: a pair per (unit, indicator) of the catalog, at most 1 << 18
 * pairs (the table is 28 MB then, its pages touched only as used): a
 * series keeps its windows until the same series needs a third year, so
 * an export that rolls everything up and then writes the districts finds
 * their windows still there. Beyond that many series, series share pairs. */
enum { SWIN_MAX_PAIRS = 1 << 18 };

struct ps_engine {
    swin *win;           /* nwin windows, in pairs: a series' pair is its index mod nwin / 2 */
    size_t nwin;
    unsigned long wstamp;
    int hz_year, hz_month;  /* the latest month asked about (ps_engine_set_horizon), 0: none */
    int lo_year;            /* the earliest year asked about (ps_engine_set_range), 0: none */
    /* batch reads: the units of the scope are read an indicator at a time */
    int scope;              /* unit index (ps_engine_set_scope); default the top */
    bool scope_built;
    bool *in_scope;         /* by unit index: within the scope */
    int nscope;
    int probe;              /* the first unit of the scope with none below it, -1: none (scope_scan) */
    bool no_scan;           /* ps_engine_set_scan(e, false) */
    char *scope_json;       /* their ids, a JSON array */
    char *inds_json;        /* the submitted indicators' ids, a JSON array */
    int *uidx;              /* unit id -> index, ids 0..maxid */
    long long maxid;
    int *iidx;              /* indicator id -> index, ids 0..maxiid */
    long long maxiid;
    ps_set64 batches;       /* (indicator or unit, year, lim) read already */
    int *empty_year, *empty_lim; /* by indicator: no unit of the scope has a stored value
                                    in that year, to that month (a batch found none) */
    int *empty_before;      /* and none in that whole year (the year before empty_year) */
    ps_db *db;
    const ps_catalog *cat;
    ps_obs_writer *w;
    memo m;
    memo forced;         /* keys forced into closed periods */
    ps_error failed;     /* the first error a public function returned: nothing is kept */
    bool reading;        /* a read transaction is open */
    int depth;
    ps_kept *kept;            /* roll-ups kept between commands (aggregate/kept.h) */
};

ps_error ps_engine_new(ps_db *db, const ps_catalog *cat, ps_engine **out, ps_ctx *ctx)
{
    ps_engine *e = ps_xcalloc(1, sizeof *e);
    size_t pairs = (cat->nunits ? cat->nunits : 1) * (cat->nindicators ? cat->nindicators : 1);
    e->nwin = 2 * (pairs < SWIN_MAX_PAIRS ? pairs : SWIN_MAX_PAIRS);
    /* the table itself is made on the first stored value asked for: a
     * query answered from kept roll-ups needs none */
    e->scope = cat->top;
    ps_set64_init(&e->batches);
    e->db = db;
    e->cat = cat;
    ps_error err = ps_obs_writer_new(db, &e->w, ctx);
    if (err) {
        free(e);
        return err;
    }
    /* one read transaction: every value of this engine comes from one snapshot */
    if ((err = ps_db_begin_read(db, ctx))) {
        ps_engine_free(e);
        return err;
    }
    e->reading = true;
    if ((err = ps_kept_open(db, cat, &e->kept, ctx))) {
        ps_engine_free(e);
        return err;
    }
    ps_obs_key *keys;
    size_t n;
    if ((err = ps_obs_forced_closed_list(db, &keys, &n, ctx))) {
        ps_engine_free(e);
        return err;
    }
    for (size_t i = 0; i < n; i++) {
        int u = -1, ind = -1;
        for (size_t k = 0; k < cat->nunits; k++)
            if (cat->units[k].id == keys[i].unit_id)
                u = (int)k;
        for (size_t k = 0; k < cat->nindicators; k++)
            if (cat->indicators[k].id == keys[i].indicator_id)
                ind = (int)k;
        if (u >= 0 && ind >= 0) {
            ps_val one = {true, 1, 1, 'A', 0};
            memo_put(&e->forced, mkey(keys[i].measure ? K_SUBMITTED_PLAN : K_SUBMITTED, u, ind, keys[i].period), &one);
        }
    }
    free(keys);
    *out = e;
    return PS_OK;
}

/* Forgets what was built for the scope (build_scope) and its batches. */
static void scope_free(ps_engine *e)
{
    free(e->in_scope);
    free(e->scope_json);
    free(e->inds_json);
    free(e->uidx);
    free(e->iidx);
    free(e->empty_year);
    free(e->empty_lim);
    free(e->empty_before);
    e->empty_before = NULL;
    e->in_scope = NULL;
    e->scope_json = e->inds_json = NULL;
    e->uidx = e->iidx = NULL;
    e->empty_year = e->empty_lim = NULL;
    e->nscope = 0;
    e->maxid = e->maxiid = 0;
    e->scope_built = false;
    ps_set64_free(&e->batches);
}

void ps_engine_free(ps_engine *e)
{
    if (!e)
        return;
    ps_obs_writer_free(e->w);
    ps_kept_free(e->kept);
    if (e->reading)
        ps_db_end_read(e->db);
    free(e->m.keys);
    free(e->m.vals);
    free(e->forced.keys);
    free(e->forced.vals);
    if (e->win)
        for (size_t i = 0; i < e->nwin; i++) {
            free(e->win[i].vals);
            free(e->win[i].covs);
        }
    free(e->win);
    scope_free(e);
    free(e);
}

const ps_catalog *ps_engine_catalog(const ps_engine *e)
{
    return e->cat;
}

static const ps_val NONE = {false, 0, 0, 'A', 0};

/* What a public function answers: the computation's error, remembered so
 * that roll-ups computed alongside a failure are never kept. */
static ps_error answer(ps_engine *e, ps_error err)
{
    if (err && !e->failed)
        e->failed = err;
    return err;
}

static int status_rank(char s)
{
    return s == 'E' ? 2 : s == 'P' ? 1 : 0;
}

static char weakest(char a, char b)
{
    return status_rank(a) >= status_rank(b) ? a : b;
}

/* Flags that travel from inputs to a computed value. */
static unsigned carry_flags(unsigned f)
{
    unsigned out = f & (PS_VF_CARRIED | PS_VF_COMPARABLE | PS_VF_REVISED_AFTER_CLOSE | PS_VF_INCOMPLETE_SOURCE);
    if (f & PS_VF_FORCED_CLOSED)
        out |= PS_VF_REVISED_AFTER_CLOSE;
    return out;
}

/* A stored value as the engine sees it, with the coverage stored with it
 * (1, or below 1 for a value from an export row: SPEC §5). */
static ps_val stored_val(ps_engine *e, uint64_t key, double value, int status, int flags, double coverage)
{
    ps_val v = {true, value, coverage >= 0 && coverage < 1 ? coverage : 1, (char)status, PS_VF_SUBMITTED};
    if (flags & PS_OBS_NONE_OCCURRED)
        v.flags |= PS_VF_NONE_OCCURRED;
    if (flags & PS_OBS_INCOMPLETE_SOURCE)
        v.flags |= PS_VF_INCOMPLETE_SOURCE;
    ps_val f;
    if (memo_get(&e->forced, key, &f))
        v.flags |= PS_VF_FORCED_CLOSED;
    return v;
}

static void fill_point(int measure, int period, double value, int status, int flags, double coverage, void *arg)
{
    void **a = arg;
    ps_engine *e = a[0];
    swin *w = a[1];
    if (!isfinite(value))
        return;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->vals = ps_xrealloc(w->vals, (size_t)w->cap * sizeof *w->vals);
    }
    uint64_t key = mkey(measure ? K_SUBMITTED_PLAN : K_SUBMITTED, w->u, w->ind, period);
    ps_val v = stored_val(e, key, value, status, flags, coverage);
    unsigned short cov = 0;
    if (v.coverage < 1 && w->ncov < USHRT_MAX) { /* a window holds two years' periods: far fewer */
        if (w->ncov == w->capcov) {
            w->capcov = w->capcov ? w->capcov * 2 : 4;
            w->covs = ps_xrealloc(w->covs, (size_t)w->capcov * sizeof *w->covs);
        }
        w->covs[w->ncov++] = v.coverage;
        cov = (unsigned short)w->ncov;
    }
    w->vals[w->n++] = (sval){period | measure << 28, v.status, (unsigned char)v.flags, cov, v.v};
}

static swin *swin_pair(ps_engine *e, int u, int ind)
{
    if (!e->win)
        e->win = ps_xcalloc(e->nwin, sizeof *e->win);
    size_t series = (size_t)u * (e->cat->nindicators ? e->cat->nindicators : 1) + (size_t)ind;
    return &e->win[(series % (e->nwin / 2)) * 2];
}

static bool swin_is(const swin *w, int u, int ind, int year)
{
    return w->used && w->u == u && w->ind == ind && w->year == year;
}

/* The window of (u, ind, year), or NULL. */
static swin *swin_find(ps_engine *e, int u, int ind, int year)
{
    swin *w = swin_pair(e, u, ind);
    return swin_is(&w[0], u, ind, year) ? &w[0] : swin_is(&w[1], u, ind, year) ? &w[1] : NULL;
}

/* A window to fill for (u, ind, year): its own, else a free one of its
 * pair, else the older of the two. Not yet marked used. */
static swin *swin_take(ps_engine *e, int u, int ind, int year)
{
    swin *w = swin_pair(e, u, ind);
    if (swin_is(&w[0], u, ind, year) || !w[0].used)
        return &w[0];
    if (swin_is(&w[1], u, ind, year) || !w[1].used)
        return &w[1];
    return w[0].stamp <= w[1].stamp ? &w[0] : &w[1];
}

static void swin_start(ps_engine *e, swin *w, int u, int ind, int year, int lim)
{
    w->used = true;
    w->prev = year != e->lo_year; /* the caller's first year needs no year before */
    w->stamp = ++e->wstamp;
    w->u = u;
    w->ind = ind;
    w->year = year;
    w->lim = lim;
    w->n = 0;
    w->ncov = 0;
}

/* Whether a window limited to month lim of its year holds period key pk
 * of that year: years, halves and quarters (keys below the months) always;
 * months and year-to-dates up to lim. */
static bool within_lim(int pk, int lim)
{
    int k = pk % 1000;
    return lim >= 12 || k < 300 || (k > 300 && k <= 300 + lim) || (k > 400 && k <= 400 + lim);
}

/* Puts a window's values in key order (submitted() searches them); they
 * come in that order from the statements already, so this only checks. */
static void swin_sort(swin *w)
{
    for (int i = 1; i < w->n; i++) {
        sval x = w->vals[i];
        int j = i;
        while (j > 0 && w->vals[j - 1].key > x.key) {
            w->vals[j] = w->vals[j - 1];
            j--;
        }
        w->vals[j] = x;
    }
}

/* The value of key (period | measure << 28) in a window, or NULL: a
 * window's values are in key order (its statements read measure 0 then 1,
 * each range after range). */
static const sval *swin_value(const swin *w, int key)
{
    int lo = 0, hi = w->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (w->vals[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->n && w->vals[lo].key == key ? &w->vals[lo] : NULL;
}

/* The period key ranges a window reads: the year before (when prev),
 * then this year's years, halves, quarters and months to lim; then its
 * year-to-dates to lim. Returns how many ranges (1 or 2). */
static int window_ranges(int year, int lim, bool prev, int from[2], int to[2])
{
    from[0] = (prev ? year - 1 : year) * 1000;
    if (lim >= 12) {
        to[0] = year * 1000 + 999;
        return 1;
    }
    to[0] = year * 1000 + 300 + lim;
    from[1] = year * 1000 + 401;
    to[1] = year * 1000 + 400 + lim;
    return 2;
}

static ps_error swin_load(ps_engine *e, swin *w, int u, int ind, int year, int lim, ps_ctx *ctx)
{
    swin_start(e, w, u, ind, year, lim);
    void *arg[2] = {e, w};
    long long uid = e->cat->units[u].id, iid = e->cat->indicators[ind].id;
    int from[2], to[2];
    int nr = window_ranges(year, lim, w->prev, from, to);
    ps_error err = PS_OK;
    for (int m = 0; m <= 1 && !err; m++)
        for (int r = 0; r < nr && !err; r++)
            err = ps_obs_values(e->w, uid, iid, m, from[r], to[r], fill_point, arg, ctx);
    swin_sort(w);
    if (err)
        w->used = false;
    return err;
}

/* The units of the scope, once: the units read together. */
static void build_scope(ps_engine *e)
{
    e->scope_built = true;
    e->probe = -1;
    const ps_catalog *cat = e->cat;
    if (e->scope < 0 || !cat->nunits)
        return;
    long long maxid = 0;
    for (size_t k = 0; k < cat->nunits; k++)
        if (cat->units[k].id > maxid)
            maxid = cat->units[k].id;
    if (maxid > 16 * (long long)cat->nunits + 1024)
        return; /* ids too sparse for a table: read series one by one */
    e->maxid = maxid;
    e->uidx = ps_xmalloc((size_t)(maxid + 1) * sizeof *e->uidx);
    for (long long i = 0; i <= maxid; i++)
        e->uidx[i] = -1;
    for (size_t k = 0; k < cat->nunits; k++)
        if (cat->units[k].id >= 0)
            e->uidx[cat->units[k].id] = (int)k;
    e->in_scope = ps_xcalloc(cat->nunits, sizeof *e->in_scope);
    e->empty_year = ps_xmalloc((cat->nindicators + 1) * sizeof *e->empty_year);
    e->empty_lim = ps_xmalloc((cat->nindicators + 1) * sizeof *e->empty_lim);
    e->empty_before = ps_xmalloc((cat->nindicators + 1) * sizeof *e->empty_before);
    for (size_t k = 0; k <= cat->nindicators; k++)
        e->empty_year[k] = e->empty_lim[k] = e->empty_before[k] = -1;
    ps_strbuf b;
    ps_sb_init(&b);
    ps_sb_putc(&b, '[');
    for (size_t k = 0; k < cat->nunits; k++) {
        if (!ps_catalog_unit_within(cat, (int)k, e->scope))
            continue;
        e->in_scope[k] = true;
        if (e->probe < 0 && cat->units[k].nchildren == 0)
            e->probe = (int)k;
        ps_sb_printf(&b, "%s%lld", e->nscope ? "," : "", cat->units[k].id);
        e->nscope++;
    }
    ps_sb_putc(&b, ']');
    e->scope_json = ps_sb_steal(&b);
    long long maxiid = 0;
    for (size_t k = 0; k < cat->nindicators; k++)
        if (cat->indicators[k].id > maxiid)
            maxiid = cat->indicators[k].id;
    if (maxiid > 16 * (long long)cat->nindicators + 1024)
        return;
    e->maxiid = maxiid;
    e->iidx = ps_xmalloc((size_t)(maxiid + 1) * sizeof *e->iidx);
    for (long long i = 0; i <= maxiid; i++)
        e->iidx[i] = -1;
    ps_sb_init(&b);
    ps_sb_putc(&b, '[');
    int n = 0;
    for (size_t k = 0; k < cat->nindicators; k++) {
        if (cat->indicators[k].id >= 0)
            e->iidx[cat->indicators[k].id] = (int)k;
        if (cat->indicators[k].kind == PS_KIND_DERIVED)
            continue; /* nothing stored */
        ps_sb_printf(&b, "%s%lld", n++ ? "," : "", cat->indicators[k].id);
    }
    ps_sb_putc(&b, ']');
    e->inds_json = ps_sb_steal(&b);
}

typedef struct batch_fill {
    ps_engine *e;
    int year;
    unsigned long first;   /* windows started by this batch have stamps from here */
    long rows;             /* values the statements returned */
    int nr;                /* a scan of whole units: the key ranges to keep (0: all) */
    int from[2], to[2];
    long *per_ind;         /* a scan: values kept per indicator index */
} batch_fill;

static void batch_point(long long unit_id, long long indicator_id, int measure, int period, double value, int status,
                        int flags, double coverage, void *arg)
{
    batch_fill *bf = arg;
    ps_engine *e = bf->e;
    if (bf->nr && !(period >= bf->from[0] && period <= bf->to[0]) &&
        !(bf->nr > 1 && period >= bf->from[1] && period <= bf->to[1]))
        return; /* between the months to lim and the year-to-dates */
    bf->rows++;
    if (unit_id < 0 || unit_id > e->maxid || indicator_id < 0 || indicator_id > e->maxiid)
        return;
    int u = e->uidx[unit_id], ind = e->iidx[indicator_id];
    if (u < 0 || ind < 0)
        return;
    if (bf->per_ind)
        bf->per_ind[ind]++;
    swin *w = swin_find(e, u, ind, bf->year);
    if (!w || w->stamp < bf->first)
        return; /* its slot went to another series of the batch (read alone
                   later), or it was there before the batch (complete) */
    void *a[2] = {e, w};
    fill_point(measure, period, value, status, flags, coverage, a);
}

/* Starts the window of (u, ind, year) for a batch, unless it holds that
 * year to lim already (then the batch leaves it as it is). */
static void batch_start(ps_engine *e, int u, int ind, int year, int lim)
{
    swin *w = swin_find(e, u, ind, year);
    if (w && w->lim == lim && w->prev == (year != e->lo_year))
        return;
    swin_start(e, swin_take(e, u, ind, year), u, ind, year, lim);
}

/* After a batch's reads: the window of (u, ind, year) put in key order,
 * or given up when a read failed. */
static void batch_end(ps_engine *e, int u, int ind, int year, ps_error err)
{
    swin *w = swin_find(e, u, ind, year);
    if (w && err)
        w->used = false;
    else if (w)
        swin_sort(w);
}

/* Nothing is stored for ind anywhere in the scope in year to month lim
 * (nor the year before, when the batch read it): every value of it in the
 * scope is none, without a roll-up (known_empty). */
static void mark_empty(ps_engine *e, int ind, int year, int lim)
{
    e->empty_year[ind] = year;
    e->empty_lim[ind] = lim;
    e->empty_before[ind] = year != e->lo_year ? year - 1 : -1;
}

/* Reads the windows of year for many series with a few statements: every
 * unit of the scope for indicator ind (by_unit false: a roll-up asks for
 * all of them next), or every submitted indicator of unit u (by_unit: an
 * output going unit by unit asks for those next). *done false when it
 * cannot; the caller then reads one series. */
static ps_error batch_load(ps_engine *e, bool by_unit, int u, int ind, int year, int lim, bool *done, ps_ctx *ctx)
{
    if (!e->scope_built)
        build_scope(e);
    const ps_catalog *cat = e->cat;
    *done = false;
    if (!e->iidx || (!by_unit && e->nscope < 2))
        return PS_OK;
    *done = true;
    size_t n = by_unit ? cat->nindicators : cat->nunits;
    batch_fill bf = {e, year, e->wstamp + 1, 0, 0, {0, 0}, {0, 0}, NULL};
    for (size_t k = 0; k < n; k++)
        if (by_unit ? cat->indicators[k].kind != PS_KIND_DERIVED : e->in_scope[k])
            batch_start(e, by_unit ? u : (int)k, by_unit ? (int)k : ind, year, lim);
    int from[2], to[2];
    int nr = window_ranges(year, lim, year != e->lo_year, from, to);
    ps_error err = PS_OK;
    for (int m = 0; m <= 1 && !err; m++)
        for (int r = 0; r < nr && !err; r++)
            err = ps_obs_values_many(e->w, by_unit, by_unit ? e->inds_json : e->scope_json,
                                     by_unit ? cat->units[u].id : cat->indicators[ind].id, m, from[r], to[r],
                                     batch_point, &bf, ctx);
    for (size_t k = 0; k < n; k++)
        if (by_unit ? cat->indicators[k].kind != PS_KIND_DERIVED : e->in_scope[k])
            batch_end(e, by_unit ? u : (int)k, by_unit ? (int)k : ind, year, err);
    if (!err && !by_unit && bf.rows == 0 && e->empty_year)
        mark_empty(e, ind, year, lim);
    return err;
}

/* Reads the windows of year to lim of every unit of the scope and every
 * submitted indicator in one statement, a seek per unit (ps_obs_values_units),
 * when the scope's rows are mostly wanted: a probe counts, for the first
 * unit of the scope without units below it, how many of its rows fall in
 * the windows' ranges; a third or more, and the scan reads less than a
 * seek per series would. *done false when it did not read (the caller
 * reads by batches then). */
static ps_error scope_scan(ps_engine *e, int year, int lim, bool *done, ps_ctx *ctx)
{
    const ps_catalog *cat = e->cat;
    *done = false;
    if (e->no_scan || !e->uidx || !e->iidx || e->probe < 0)
        return PS_OK;
    size_t nsub = 0;
    for (size_t ind = 0; ind < cat->nindicators; ind++)
        nsub += cat->indicators[ind].kind != PS_KIND_DERIVED;
    if ((size_t)e->nscope * nsub > e->nwin / 2)
        return PS_OK; /* more series than pairs of windows: they would evict each other */
    batch_fill bf = {e, year, e->wstamp + 1, 0, 0, {0, 0}, {0, 0}, NULL};
    bf.nr = window_ranges(year, lim, year != e->lo_year, bf.from, bf.to);
    long total = 0, within = 0;
    ps_error err = ps_obs_unit_span(e->w, cat->units[e->probe].id, bf.from[0], bf.to[bf.nr - 1], &total, &within, ctx);
    if (err || (total && within * 3 < total))
        return err;
    for (size_t u = 0; u < cat->nunits; u++)
        for (size_t ind = 0; ind < cat->nindicators && e->in_scope[u]; ind++)
            if (cat->indicators[ind].kind != PS_KIND_DERIVED)
                batch_start(e, (int)u, (int)ind, year, lim);
    bf.per_ind = ps_xcalloc(cat->nindicators ? cat->nindicators : 1, sizeof *bf.per_ind);
    err = ps_obs_values_units(e->w, e->scope_json, bf.from[0], bf.to[bf.nr - 1], batch_point, &bf, ctx);
    for (size_t u = 0; u < cat->nunits; u++)
        for (size_t ind = 0; ind < cat->nindicators && e->in_scope[u]; ind++)
            if (cat->indicators[ind].kind != PS_KIND_DERIVED)
                batch_end(e, (int)u, (int)ind, year, err);
    for (size_t ind = 0; ind < cat->nindicators && !err; ind++)
        if (!bf.per_ind[ind] && cat->indicators[ind].kind != PS_KIND_DERIVED)
            mark_empty(e, (int)ind, year, lim); /* nothing of it in the scope, as batch_load finds */
    free(bf.per_ind);
    *done = !err;
    return err;
}

/* The window that holds (u, ind) for p, read first when none does: a
 * batch of the scope when that pays, else the series alone. */
static ps_error window_of(ps_engine *e, int u, int ind, ps_period p, swin **out, ps_ctx *ctx)
{
    int pk = ps_period_key(p);
    swin *w = swin_find(e, u, ind, p.year);
    if (w && within_lim(pk, w->lim)) {
        *out = w;
        return PS_OK;
    }
    /* the window of the next year holds this year too */
    swin *next = swin_find(e, u, ind, p.year + 1);
    if (next && next->prev) {
        *out = next;
        return PS_OK;
    }
    /* the year before the horizon comes with the horizon's year;
     * that year up to the horizon's month when it covers p: a
     * report of July need not read August to December */
    int year = e->hz_year == p.year + 1 && e->lo_year != e->hz_year ? p.year + 1 : p.year;
    int lim = e->hz_year == year && (year != p.year || within_lim(pk, e->hz_month)) ? e->hz_month : 12;
    if (year == p.year && w)
        lim = 12; /* asked beyond the horizon after all */
    /* asked within a roll-up (depth > 1), a unit of the scope:
     * the other units' series of this indicator come next, so read
     * them all now; asked directly, the unit's other indicators */
    w = NULL;
    if (!e->scope_built)
        build_scope(e);
    ps_error err;
    bool done;
    /* the first window missed for (year, lim): the whole scope at once, when that pays */
    unsigned long long scan_key = (1ULL << 62) | ((unsigned long long)(unsigned)year << 4) | (unsigned)lim;
    if (e->in_scope && e->in_scope[u] && ps_set64_add(&e->batches, scan_key)) {
        if ((err = scope_scan(e, year, lim, &done, ctx)))
            return err;
        w = swin_find(e, u, ind, year);
        if (w && !(w->lim == lim && w->prev == (year != e->lo_year)))
            w = NULL;
    }
    /* a window lost from a batch already read by indicator is read
     * alone: reading the unit's indicators again would read again
     * what the table still holds */
    unsigned long long by_ind_key = ((unsigned long long)(unsigned)(ind + 1) << 32) |
                                    ((unsigned long long)(unsigned)year << 4) | (unsigned)lim;
    bool by_unit = e->depth <= 1 && !ps_set64_has(&e->batches, by_ind_key);
    unsigned long long bkey = by_unit ? ((unsigned long long)(unsigned)(u + 1) << 32) | (1ULL << 31) |
                                            ((unsigned long long)(unsigned)year << 4) | (unsigned)lim
                                      : by_ind_key;
    if (!w && e->in_scope && e->in_scope[u] && ps_set64_add(&e->batches, bkey)) {
        if ((err = batch_load(e, by_unit, u, ind, year, lim, &done, ctx)))
            return err;
        if (done)
            w = swin_find(e, u, ind, year);
    }
    if (!w) {
        w = swin_take(e, u, ind, year);
        if ((err = swin_load(e, w, u, ind, year, lim, ctx)))
            return err;
    }
    *out = w;
    return PS_OK;
}

/* The stored value of a key, or NONE. */
static ps_error submitted(ps_engine *e, int u, int ind, ps_period p, int measure, ps_val *out, ps_ctx *ctx)
{
    *out = NONE;
    if (e->cat->indicators[ind].kind == PS_KIND_DERIVED)
        return PS_OK; /* never stored: ingest refuses them, init keeps the kind of what has data */
    swin *w;
    ps_error err = window_of(e, u, ind, p, &w, ctx);
    if (err)
        return err;
    const sval *sv = swin_value(w, ps_period_key(p) | measure << 28);
    if (sv)
        *out = (ps_val){true, sv->v, sv->cov ? w->covs[sv->cov - 1] : 1, sv->status, sv->flags};
    return PS_OK;
}

bool ps_engine_stored(ps_engine *e, int u, int ind, ps_period p, bool *has)
{
    if (!e->win || u < 0 || ind < 0 || p.type == PS_P_NONE)
        return false;
    int pk = ps_period_key(p);
    swin *w = swin_find(e, u, ind, p.year);
    if (!w || !within_lim(pk, w->lim)) {
        w = swin_find(e, u, ind, p.year + 1);
        if (!w || !w->prev)
            return false;
    }
    *has = swin_value(w, pk) != NULL;
    return true;
}

static ps_error value_of(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx);
static ps_error ytd_value(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx);
static ps_error plan_of(ps_engine *e, int u, int ind, int year, ps_val *out, ps_ctx *ctx);
static ps_error comparable_of(ps_engine *e, int u, int ind, ps_period p, ps_period basis, bool ytd, ps_val *out,
                              ps_ctx *ctx);

/* A kept value of (u, ind, measure, period key): *found false when none. */
static ps_error kept_find(ps_engine *e, int u, int ind, int measure, int pk, ps_val *out, bool *found, ps_ctx *ctx)
{
    return ps_kept_value(e->kept, u, ind, measure, pk, out, found, ctx);
}

/* Notes a value computed here, to keep it for the next command. */
static void note_fresh(ps_engine *e, int u, int ind, int measure, int pkey, const ps_val *v)
{
    ps_kept_note_value(e->kept, u, ind, measure, pkey, v);
}

ps_kept *ps_engine_kept(ps_engine *e)
{
    return e->kept;
}

ps_db *ps_engine_db(const ps_engine *e)
{
    return e->db;
}

/* What a computed value takes from each part it is made of: coverage,
 * the weakest status, the flags that travel, and whether the part was a
 * '-' (nothing occurred). */
typedef struct parts_tally {
    int have, none_occurred;
    double cov;
} parts_tally;

static void tally_part(parts_tally *t, ps_val *out, const ps_val *c)
{
    t->have++;
    t->cov += c->coverage;
    out->status = weakest(out->status, c->status);
    out->flags |= carry_flags(c->flags);
    if (c->flags & PS_VF_NONE_OCCURRED)
        t->none_occurred++;
}

/* The value, or the annual plan when plan, of unit u for p. */
static ps_error member_value(ps_engine *e, int u, int ind, ps_period p, bool plan, ps_val *out, ps_ctx *ctx)
{
    return plan ? plan_of(e, u, ind, p.year, out, ctx) : value_of(e, u, ind, p, out, ctx);
}

/* The space aggregation of what combine gathered; false for none. */
static bool space_total(const ps_indicator *x, const ps_decsum *sum, const ps_decsum *wsum, double best,
                        int have, double *out)
{
    switch (x->space_agg) {
    case PS_AGG_SUM: *out = ps_decsum_total(sum); break;
    case PS_AGG_MEAN: *out = ps_decsum_total(sum) / have; break;
    case PS_AGG_WMEAN:
        if (ps_decsum_total(wsum) == 0)
            return false;
        *out = ps_decsum_total(sum) / ps_decsum_total(wsum);
        break;
    case PS_AGG_MIN:
    case PS_AGG_MAX: *out = best; break;
    default: return false;
    }
    return isfinite(*out);
}

/* Combines member values by a space aggregation into *res (NONE when
 * none). members[0..n) are unit indexes; weights come from the weight
 * indicator for wmean. */
static ps_error combine(ps_engine *e, const ps_indicator *x, const int *members, int n, int ind, ps_period p,
                        bool plan, ps_val *res, ps_ctx *ctx)
{
    ps_decsum sum, wsum;
    ps_decsum_init(&sum);
    ps_decsum_init(&wsum);
    double best = 0;
    parts_tally t = {0, 0, 0};
    ps_val out = NONE;
    out.status = 'A';
    *res = NONE;
    for (int k = 0; k < n; k++) {
        ps_val c, wv;
        ps_error err = member_value(e, members[k], ind, p, plan, &c, ctx);
        if (err)
            return err;
        if (!c.has)
            continue;
        if (x->space_agg == PS_AGG_WMEAN) {
            if ((err = member_value(e, members[k], x->weight, p, plan, &wv, ctx)))
                return err;
            if (!wv.has)
                continue;
            ps_decsum_add(&wsum, wv.v);
            ps_decsum_add(&sum, wv.v * c.v);
        } else {
            ps_decsum_add(&sum, c.v);
        }
        if (t.have == 0 || (x->space_agg == PS_AGG_MIN && c.v < best) || (x->space_agg == PS_AGG_MAX && c.v > best))
            best = c.v;
        tally_part(&t, &out, &c);
    }
    if (!t.have || !space_total(x, &sum, &wsum, best, t.have, &out.v))
        return PS_OK;
    if (t.none_occurred == t.have && x->space_agg == PS_AGG_SUM)
        out.flags |= PS_VF_NONE_OCCURRED;
    out.has = true;
    out.coverage = t.cov / n;
    *res = out;
    return PS_OK;
}

/* The roll-up of u's children valid in p (NONE when none). */
static ps_error space_rollup(ps_engine *e, int u, int ind, ps_period p, bool plan, ps_val *out, ps_ctx *ctx)
{
    const ps_unit *un = &e->cat->units[u];
    const ps_indicator *x = &e->cat->indicators[ind];
    *out = NONE;
    if (!un->nchildren || x->space_agg == PS_AGG_NONE)
        return PS_OK;
    int *members = ps_xmalloc((size_t)un->nchildren * sizeof *members);
    int n = 0;
    for (int k = 0; k < un->nchildren; k++)
        if (ps_unit_valid_in(&e->cat->units[un->children[k]], p))
            members[n++] = un->children[k];
    ps_error err = n ? combine(e, x, members, n, ind, p, plan, out, ctx) : PS_OK;
    free(members);
    return err;
}

/* time_agg last: the value of p's last sub-period, else the latest
 * earlier one inside p (carried); for a year-to-date that ends inside a
 * quarter, Q2 stands for July. */
static ps_error time_last(ps_engine *e, int u, int ind, ps_period p, const ps_period *parts, int n, ps_val *out,
                          ps_ctx *ctx)
{
    for (int k = n - 1; k >= 0; k--) {
        ps_val c;
        ps_error err = value_of(e, u, ind, parts[k], &c, ctx);
        if (err)
            return err;
        if (!c.has)
            continue;
        *out = c;
        out->flags = carry_flags(c.flags) | (c.flags & PS_VF_NONE_OCCURRED);
        if (ps_period_last_month(parts[k]) != ps_period_last_month(p))
            out->flags |= PS_VF_CARRIED;
        return PS_OK;
    }
    return PS_OK;
}

/* The time aggregate of u's values of the indicator's frequency inside p
 * (NONE when none). */
static ps_error time_rollup(ps_engine *e, int u, int ind, ps_period p, ps_val *res, ps_ctx *ctx)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    ps_period parts[12];
    int n = ps_period_parts(p, x->frequency, parts, 12);
    *res = NONE;
    if (n <= 0 || n > 12)
        return PS_OK;
    if (x->time_agg == PS_AGG_LAST)
        return time_last(e, u, ind, p, parts, n, res, ctx);
    if (n * ps_frequency_months(x->frequency) != ps_period_month_count(p))
        return PS_OK; /* a sum or mean needs a whole number of the indicator's periods */
    if (x->time_agg != PS_AGG_SUM && x->time_agg != PS_AGG_MEAN)
        return PS_OK;
    ps_decsum sum;
    ps_decsum_init(&sum);
    parts_tally t = {0, 0, 0};
    ps_val out = NONE;
    out.status = 'A';
    for (int k = 0; k < n; k++) {
        ps_val c;
        ps_error err = value_of(e, u, ind, parts[k], &c, ctx);
        if (err)
            return err;
        if (!c.has)
            continue;
        ps_decsum_add(&sum, c.v);
        tally_part(&t, &out, &c);
    }
    if (!t.have)
        return PS_OK;
    out.has = true;
    out.v = x->time_agg == PS_AGG_SUM ? ps_decsum_total(&sum) : ps_decsum_total(&sum) / t.have;
    out.coverage = t.cov / n;
    if (t.none_occurred == t.have && x->time_agg == PS_AGG_SUM)
        out.flags |= PS_VF_NONE_OCCURRED;
    *res = out;
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Derived indicators: the formula on aggregated components
 * ------------------------------------------------------------------------ */

typedef struct fctx {
    int unit;
    ps_period period;
    bool plan;          /* components' plans (for a derived plan) */
    bool ytd;           /* period is a year-to-date, December's (a year) included */
    int basis;          /* period key of a comparable basis, 0 for none */
} fctx;

/* The evaluation of one formula: what its operands pass on, and the
 * first error a read of theirs met (the evaluation then gives no value,
 * and derived() returns the error). */
typedef struct feval {
    ps_engine *e;
    ps_ctx *ctx;
    ps_error err;
    double coverage;
    char status;
    unsigned flags;
} feval;

/* Takes an operand's coverage, status and flags into f; its value when
 * it has one (the formula's callbacks then give true). */
static bool absorb(feval *f, ps_error err, const ps_val *v, double *out)
{
    if (err && !f->err)
        f->err = err;
    if (err || !v->has)
        return false;
    if (v->coverage < f->coverage)
        f->coverage = v->coverage;
    f->status = weakest(f->status, v->status);
    f->flags |= carry_flags(v->flags);
    *out = v->v;
    return true;
}

static bool f_value(void *self, const void *vctx, const char *code, double *out)
{
    feval *f = self;
    const fctx *c = vctx;
    int ind = ps_catalog_indicator(f->e->cat, code);
    if (ind < 0 || f->err)
        return false;
    ps_val v;
    ps_error err;
    if (c->plan)
        err = plan_of(f->e, c->unit, ind, c->period.year, &v, f->ctx);
    else if (c->basis)
        err = comparable_of(f->e, c->unit, ind, c->period, ps_period_from_key(c->basis), c->ytd, &v, f->ctx);
    else if (c->ytd)
        err = ytd_value(f->e, c->unit, ind, c->period, &v, f->ctx);
    else
        err = value_of(f->e, c->unit, ind, c->period, &v, f->ctx);
    return absorb(f, err, &v, out);
}

static bool f_shift(void *self, const void *vctx, ps_ffn fn, void *out)
{
    feval *f = self;
    fctx c = *(const fctx *)vctx;
    /* a year-to-date has no previous period, December's included */
    if (fn == PS_FN_PER_CAPITA || (fn == PS_FN_PREV && c.ytd) || !ps_formula_shift_period(fn, &c.period, &c.plan))
        return false;
    if (fn == PS_FN_PARENT && (c.unit = f->e->cat->units[c.unit].parent) < 0)
        return false;
    if (fn == PS_FN_YTD)
        c.ytd = true;
    else if (fn == PS_FN_PLAN)
        c.ytd = false;
    memcpy(out, &c, sizeof c);
    return true;
}

/* POP of the formula's unit for p: on the comparable basis when the
 * formula is (the comparable revenue over the comparable population). */
static ps_error pop_value(ps_engine *e, const fctx *c, ps_period p, ps_val *out, ps_ctx *ctx)
{
    int popi = e->cat->pop;
    if (c->basis)
        return comparable_of(e, c->unit, popi, p, ps_period_from_key(c->basis), false, out, ctx);
    return value_of(e, c->unit, popi, p, out, ctx);
}

static bool f_pop(void *self, const void *vctx, double *pop)
{
    feval *f = self;
    const fctx *c = vctx;
    if (f->e->cat->pop < 0 || f->err)
        return false;
    ps_val v;
    ps_error err = pop_value(f->e, c, c->period, &v, f->ctx);
    /* else the latest POP of the same or the previous year stands in */
    for (int y = c->period.year; !err && !v.has && y >= c->period.year - 1; y--)
        if (!(err = pop_value(f->e, c, ps_period_make(PS_P_YEAR, y, 0), &v, f->ctx)) && v.has)
            v.flags |= PS_VF_CARRIED;
    return absorb(f, err, &v, pop);
}

/* The formula of ind for u in p (ytd: p is a year-to-date, December's
 * included), on the components' plans when plan, on their comparable
 * values on the boundaries of period key basis when basis is not 0. */
static ps_error derived(ps_engine *e, int u, int ind, ps_period p, bool plan, int basis, bool ytd, ps_val *res,
                        ps_ctx *ctx)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    *res = NONE;
    if (!x->formula || (plan && !ps_formula_is_arithmetic(x->formula)) || e->depth > 64)
        return PS_OK;
    feval f = {e, ctx, PS_OK, 1, 'A', 0};
    fctx c = {u, p, plan, ytd || p.type == PS_P_YTD, basis};
    ps_feval_ops ops = {f_value, f_shift, f_pop, sizeof(fctx)};
    double out;
    bool has = ps_formula_eval(x->formula, &ops, &f, &c, &out);
    if (f.err)
        return f.err;
    if (has)
        *res = (ps_val){true, out, f.coverage, f.status, f.flags | PS_VF_DERIVED};
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Values and plans
 * ------------------------------------------------------------------------ */

/* True when a batch showed that no unit of the scope has a stored value of
 * ind in the months p covers: then u, in the scope, has no value for p
 * either, submitted or rolled up over its units or months. */
static bool known_empty(const ps_engine *e, int u, int ind, ps_period p)
{
    if (!e->empty_year || !e->in_scope[u] || e->cat->indicators[ind].kind == PS_KIND_DERIVED)
        return false;
    /* all of p inside what the batch read: a quarter or a year that goes
     * past the month it read to may have values after it */
    return (e->empty_year[ind] == p.year && ps_period_last_month(p) <= e->empty_lim[ind]) ||
           e->empty_before[ind] == p.year;
}

/* What value_of computes when nothing memoised or kept answers. */
static ps_error compute_value(ps_engine *e, int u, int ind, ps_period p, ps_val *v, ps_ctx *ctx)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    *v = NONE;
    if (known_empty(e, u, ind, p))
        return PS_OK; /* kept like any computed answer: the next query need not read to know */
    if (x->kind == PS_KIND_DERIVED)
        return derived(e, u, ind, p, false, 0, false, v, ctx);
    ps_error err = submitted(e, u, ind, p, 0, v, ctx);
    if (err || v->has)
        return err;
    int pm = ps_period_month_count(p), fm = ps_frequency_months(x->frequency);
    if (p.type != PS_P_YTD && pm == fm)
        return space_rollup(e, u, ind, p, false, v, ctx);
    if (p.type == PS_P_YTD || pm > fm) {
        if ((err = time_rollup(e, u, ind, p, v, ctx)) || v->has)
            return err;
        return space_rollup(e, u, ind, p, false, v, ctx);
    }
    return PS_OK;
}

static ps_error value_of(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    *out = NONE;
    if (u < 0 || ind < 0 || p.type == PS_P_NONE)
        return PS_OK;
    /* a unit without children that submits is answered from its stored
     * values, which the memo holds already: memoising it again would only
     * double the memo's traffic (most units are leaves) */
    bool leaf = e->cat->units[u].nchildren == 0 && e->cat->indicators[ind].kind != PS_KIND_DERIVED;
    uint64_t key = mkey(K_VALUE, u, ind, ps_period_key(p));
    ps_error err;
    bool found;
    if (!leaf && memo_get(&e->m, key, out))
        return PS_OK;
    if (!leaf && ((err = kept_find(e, u, ind, 0, ps_period_key(p), out, &found, ctx)) || found))
        return err;
    e->depth++;
    err = compute_value(e, u, ind, p, out, ctx);
    e->depth--;
    if (err) {
        *out = NONE; /* nothing half computed is memoised or kept */
        return err;
    }
    if (!leaf) {
        memo_put(&e->m, key, out);
        note_fresh(e, u, ind, 0, ps_period_key(p), out);
    }
    return PS_OK;
}

/* The year-to-date to p's last month. December's is written as the year
 * (core/period.h has no YTD12) and is the year's value, except for a
 * derived indicator: a year-to-date has no prev() (SPEC §5), while the
 * year's own value takes the year before, so December's derived
 * year-to-date is computed apart and memoised under a key of its own. */
static ps_error ytd_value(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    ps_period y = ps_period_ytd_of(p);
    if (u < 0 || ind < 0 || y.type != PS_P_YEAR || e->cat->indicators[ind].kind != PS_KIND_DERIVED)
        return value_of(e, u, ind, y, out, ctx);
    uint64_t key = mkey(K_YTD12, u, ind, ps_period_key(y));
    if (memo_get(&e->m, key, out))
        return PS_OK;
    e->depth++;
    ps_error err = derived(e, u, ind, y, false, 0, true, out, ctx);
    e->depth--;
    if (!err)
        memo_put(&e->m, key, out);
    return err;
}

/* What plan_of computes when nothing memoised or kept answers. */
static ps_error compute_plan(ps_engine *e, int u, int ind, ps_period y, ps_val *v, ps_ctx *ctx)
{
    *v = NONE;
    if (known_empty(e, u, ind, y))
        return PS_OK;
    ps_error err = submitted(e, u, ind, y, 1, v, ctx);
    if (err || v->has)
        return err;
    if (e->cat->indicators[ind].kind == PS_KIND_DERIVED)
        return derived(e, u, ind, y, true, 0, false, v, ctx);
    return space_rollup(e, u, ind, y, true, v, ctx);
}

static ps_error plan_of(ps_engine *e, int u, int ind, int year, ps_val *out, ps_ctx *ctx)
{
    *out = NONE;
    ps_period y = ps_period_make(PS_P_YEAR, year, 0);
    if (u < 0 || ind < 0 || y.type == PS_P_NONE)
        return PS_OK;
    uint64_t key = mkey(K_PLAN, u, ind, ps_period_key(y));
    ps_error err;
    bool found;
    if (memo_get(&e->m, key, out))
        return PS_OK;
    if ((err = kept_find(e, u, ind, 1, ps_period_key(y), out, &found, ctx)) || found)
        return err;
    e->depth++;
    err = compute_plan(e, u, ind, y, out, ctx);
    e->depth--;
    if (err) {
        *out = NONE;
        return err;
    }
    memo_put(&e->m, key, out);
    note_fresh(e, u, ind, 1, ps_period_key(y), out);
    return PS_OK;
}

void ps_engine_set_scope(ps_engine *e, int unit)
{
    if (unit >= 0 && (size_t)unit < e->cat->nunits && unit != e->scope) {
        e->scope = unit;
        scope_free(e);
    }
}

void ps_engine_set_horizon(ps_engine *e, ps_period p)
{
    e->hz_year = p.type == PS_P_NONE ? 0 : p.year;
    e->hz_month = p.type == PS_P_NONE ? 12 : ps_period_last_month(p);
    e->lo_year = 0;
}

void ps_engine_set_scan(ps_engine *e, bool allow)
{
    e->no_scan = !allow;
}

void ps_engine_set_range(ps_engine *e, ps_period from, ps_period to)
{
    ps_engine_set_horizon(e, to);
    e->lo_year = from.type == PS_P_NONE ? 0 : from.year;
}

ps_error ps_engine_value(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    return answer(e, value_of(e, u, ind, p, out, ctx));
}

ps_error ps_engine_ytd(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    return answer(e, ytd_value(e, u, ind, p, out, ctx));
}

ps_error ps_engine_plan(ps_engine *e, int u, int ind, int year, ps_val *out, ps_ctx *ctx)
{
    return answer(e, plan_of(e, u, ind, year, out, ctx));
}

/* The value of u in p (its year-to-date when ytd) on the boundaries of
 * the later period basis (ps_engine_comparable). */
static ps_error comparable_of(ps_engine *e, int u, int ind, ps_period p, ps_period basis, bool ytd, ps_val *out,
                              ps_ctx *ctx)
{
    const ps_catalog *cat = e->cat;
    *out = NONE;
    if (u < 0 || ind < 0)
        return PS_OK;
    if (ytd)
        p = ps_period_ytd_of(p);
    const ps_unit *un = &cat->units[u];
    const ps_indicator *x = &cat->indicators[ind];
    int members[64];
    int n = 0;
    members[n++] = u;
    for (int k = 0; k < un->npredecessors && n < 64; k++) {
        const ps_unit *pr = &cat->units[un->predecessors[k]];
        /* a predecessor that existed in (part of) p and no longer in basis */
        ps_period first = ps_period_month(p.year, ps_period_first_month(p));
        if (ps_unit_valid_in(pr, first) && !ps_unit_valid_in(pr, basis))
            members[n++] = un->predecessors[k];
    }
    /* a derived value is comparable when its components are */
    if (x->kind == PS_KIND_DERIVED && ((basis.type != PS_P_NONE && un->npredecessors) || n > 1))
        return derived(e, u, ind, p, false, ps_period_key(basis), ytd, out, ctx);
    if (n == 1)
        return ytd ? ytd_value(e, u, ind, p, out, ctx) : value_of(e, u, ind, p, out, ctx);
    ps_error err = combine(e, x, members, n, ind, p, false, out, ctx);
    if (!err && out->has)
        out->flags |= PS_VF_COMPARABLE;
    return err;
}

ps_error ps_engine_comparable(ps_engine *e, int u, int ind, ps_period p, ps_period basis,
                              ps_val *out, ps_ctx *ctx)
{
    return answer(e, comparable_of(e, u, ind, p, basis, false, out, ctx));
}

ps_error ps_engine_comparable_ytd(ps_engine *e, int u, int ind, ps_period p, ps_period basis,
                                  ps_val *out, ps_ctx *ctx)
{
    return answer(e, comparable_of(e, u, ind, p, basis, true, out, ctx));
}

ps_error ps_engine_children(ps_engine *e, int u, int ind, ps_period p, ps_val *out, ps_ctx *ctx)
{
    return answer(e, space_rollup(e, u, ind, p, false, out, ctx));
}

ps_error ps_engine_save(ps_engine *e, bool *saved, ps_ctx *ctx)
{
    if (e->reading) {
        ps_db_end_read(e->db);
        e->reading = false;
    }
    if (e->failed)
        ps_kept_spoil(e->kept); /* nothing sure to keep */
    return ps_kept_save(e->kept, saved, ctx);
}

ps_error ps_engine_merge_kept(ps_engine *e, ps_ctx *ctx)
{
    if (e->failed)
        return ps_failf(ctx, e->failed, "the roll-ups computed again were not kept: a computation failed first");
    return ps_kept_merge(e->kept, ctx);
}

bool ps_engine_summable(const ps_engine *e, int ind)
{
    const ps_indicator *x = &e->cat->indicators[ind];
    if (x->kind != PS_KIND_DERIVED)
        return x->time_agg == PS_AGG_SUM;
    /* derived by + and - from summable indicators */
    const ps_fnode *stack[64];
    int sp = 0;
    if (!x->formula)
        return false;
    stack[sp++] = x->formula;
    while (sp) {
        const ps_fnode *f = stack[--sp];
        switch (f->kind) {
        case PS_FK_REF: {
            int j = ps_catalog_indicator(e->cat, f->code);
            if (j < 0 || j == ind || !ps_engine_summable(e, j))
                return false;
            break;
        }
        case PS_FK_ADD:
        case PS_FK_SUB:
            if (sp + 2 > 64)
                return false;
            stack[sp++] = f->a;
            stack[sp++] = f->b;
            break;
        case PS_FK_NEG:
            stack[sp++] = f->a;
            break;
        default:
            return false;
        }
    }
    return true;
}

char *ps_val_flags_text(const ps_val *v, char *buf, size_t n)
{
    static const struct { unsigned bit; const char *word; } words[] = {
        {PS_VF_CARRIED, "carried"}, {PS_VF_COMPARABLE, "comparable-basis"},
        {PS_VF_NONE_OCCURRED, "none-occurred"}, {PS_VF_REVISED_AFTER_CLOSE, "revised-after-close"},
        {PS_VF_INCOMPLETE_SOURCE, "incomplete-source"}, {PS_VF_DERIVED, "derived"}};
    size_t len = 0;
    buf[0] = '\0';
    if (!v->has)
        return buf;
#define ADD(w)                                                                               \
    do {                                                                                     \
        if (len < n)                                                                         \
            len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ";" : "", (w));        \
    } while (0)
    if (v->coverage < 1)
        ADD("incomplete");
    if (v->status == 'E')
        ADD("estimate");
    else if (v->status == 'P')
        ADD("provisional");
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (v->flags & words[i].bit)
            ADD(words[i].word);
#undef ADD
    if (len >= n && n)
        buf[n - 1] = '\0';
    return buf;
}
