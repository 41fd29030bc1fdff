/* stored.c - how the engine finds stored values: windows, batches, the
 * scope scan and its probe, and what a read found empty (stored.h). */
#include "aggregate/stored.h"

#include "core/alloc.h"
#include "core/cache.h"
#include "core/strbuf.h"
#include "store/obs.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Windows: a series' stored values for a year (and the year before)
 * ------------------------------------------------------------------------ */

/* Stored values are read a series window at a time: a unit's values of one
 * indicator and measure for a year and the year before, in one range read
 * (a report asks for the month, the year-to-date and the same a year
 * earlier). Windows live in a direct-mapped table of their own: a new
 * window takes its slot from whatever was there, so memory stays bounded
 * and a national roll-up's millions of stored values never enter the
 * engine's memo, which holds only computed values. */
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

/* ------------------------------------------------------------------------
 * The reader: what it holds; made, started and freed
 * ------------------------------------------------------------------------ */

/* What a read found empty for one indicator: no unit of the scope has a
 * stored value of it in year to month lim, nor in year `before` (the year
 * before, when the read took it; -1 otherwise). -1 throughout: unknown. */
typedef struct empty_span {
    int year, lim, before;
} empty_span;

struct ps_stored {
    ps_db *db;
    const ps_catalog *cat;
    ps_obs_writer *w;
    swin *win;              /* nwin windows, in pairs: a series' pair is its index mod nwin / 2 */
    size_t nwin;
    unsigned long wstamp;
    int hz_year, hz_month;  /* the latest month asked about (ps_stored_set_horizon), 0: none */
    int lo_year;            /* the earliest year asked about (ps_stored_set_range), 0: none */
    /* batch reads: the units of the scope are read an indicator at a time */
    int scope;              /* unit index (ps_stored_set_scope); default the top */
    bool scope_built;
    bool *in_scope;         /* by unit index: within the scope */
    int nscope;
    int probe;              /* the first unit of the scope with none below it, -1: none (scope_scan) */
    bool no_scan;           /* ps_stored_set_scan(s, false) */
    char *scope_json;       /* their ids, a JSON array */
    char *inds_json;        /* the submitted indicators' ids, a JSON array */
    int *uidx;              /* unit id -> index, ids 0..maxid */
    long long maxid;
    int *iidx;              /* indicator id -> index, ids 0..maxiid */
    long long maxiid;
    ps_cache tried;         /* the batches read already (batch_key) */
    empty_span *empty;      /* by indicator index, once the scope is built */
    ps_cache forced;        /* stored values forced into closed periods (forced_key) */
};

static const ps_val NONE = {false, 0, 0, 'A', 0};

/* The key of a stored value in the forced set. */
static uint64_t forced_key(int u, int ind, int measure, int pk)
{
    return ((uint64_t)(unsigned)(measure + 1) << 60) | ((uint64_t)(unsigned)u << 38) |
           ((uint64_t)(unsigned)ind << 24) | (uint64_t)(unsigned)pk;
}

ps_error ps_stored_new(ps_db *db, const ps_catalog *cat, ps_stored **out, ps_ctx *ctx)
{
    ps_stored *s = ps_xcalloc(1, sizeof *s);
    size_t pairs = (cat->nunits ? cat->nunits : 1) * (cat->nindicators ? cat->nindicators : 1);
    s->nwin = 2 * (pairs < SWIN_MAX_PAIRS ? pairs : SWIN_MAX_PAIRS);
    /* the table itself is made on the first stored value asked for: a
     * query answered from kept roll-ups needs none */
    s->scope = cat->top;
    s->db = db;
    s->cat = cat;
    ps_cache_init(&s->tried, &(ps_cache_opts){.val_size = 0});
    ps_cache_init(&s->forced, &(ps_cache_opts){.val_size = 0});
    ps_error err = ps_obs_writer_new(db, &s->w, ctx);
    if (err) {
        ps_stored_free(s);
        return err;
    }
    *out = s;
    return PS_OK;
}

ps_error ps_stored_begin(ps_stored *s, ps_ctx *ctx)
{
    const ps_catalog *cat = s->cat;
    ps_obs_key *keys;
    size_t n;
    ps_error err = ps_obs_forced_closed_list(s->db, &keys, &n, ctx);
    if (err)
        return err;
    for (size_t i = 0; i < n; i++) {
        int u = -1, ind = -1;
        for (size_t k = 0; k < cat->nunits; k++)
            if (cat->units[k].id == keys[i].unit_id)
                u = (int)k;
        for (size_t k = 0; k < cat->nindicators; k++)
            if (cat->indicators[k].id == keys[i].indicator_id)
                ind = (int)k;
        if (u >= 0 && ind >= 0)
            ps_cache_add(&s->forced, forced_key(u, ind, keys[i].measure ? 1 : 0, keys[i].period));
    }
    free(keys);
    return PS_OK;
}

/* Forgets what was built for the scope (build_scope) and its batches. */
static void scope_free(ps_stored *s)
{
    free(s->in_scope);
    free(s->scope_json);
    free(s->inds_json);
    free(s->uidx);
    free(s->iidx);
    free(s->empty);
    s->in_scope = NULL;
    s->scope_json = s->inds_json = NULL;
    s->uidx = s->iidx = NULL;
    s->empty = NULL;
    s->nscope = 0;
    s->maxid = s->maxiid = 0;
    s->scope_built = false;
    ps_cache_free(&s->tried);
}

void ps_stored_free(ps_stored *s)
{
    if (!s)
        return;
    ps_obs_writer_free(s->w);
    if (s->win)
        for (size_t i = 0; i < s->nwin; i++) {
            free(s->win[i].vals);
            free(s->win[i].covs);
        }
    free(s->win);
    scope_free(s);
    ps_cache_free(&s->forced);
    free(s);
}

/* ------------------------------------------------------------------------
 * Filling and finding windows
 * ------------------------------------------------------------------------ */

/* A stored value as the engine sees it, with the coverage stored with it
 * (1, or below 1 for a value from an export row: SPEC §5). */
static ps_val stored_val(ps_stored *s, uint64_t key, double value, int status, int flags, double coverage)
{
    ps_val v = {true, value, coverage >= 0 && coverage < 1 ? coverage : 1, (char)status, PS_VF_SUBMITTED};
    if (flags & PS_OBS_NONE_OCCURRED)
        v.flags |= PS_VF_NONE_OCCURRED;
    if (flags & PS_OBS_INCOMPLETE_SOURCE)
        v.flags |= PS_VF_INCOMPLETE_SOURCE;
    if (ps_cache_has(&s->forced, key))
        v.flags |= PS_VF_FORCED_CLOSED;
    return v;
}

static void fill_point(int measure, int period, double value, int status, int flags, double coverage, void *arg)
{
    void **a = arg;
    ps_stored *s = a[0];
    swin *w = a[1];
    if (!isfinite(value))
        return;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->vals = ps_xrealloc(w->vals, (size_t)w->cap * sizeof *w->vals);
    }
    uint64_t key = forced_key(w->u, w->ind, measure, period);
    ps_val v = stored_val(s, key, value, status, flags, coverage);
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

static swin *swin_pair(ps_stored *s, int u, int ind)
{
    if (!s->win)
        s->win = ps_xcalloc(s->nwin, sizeof *s->win);
    size_t series = (size_t)u * (s->cat->nindicators ? s->cat->nindicators : 1) + (size_t)ind;
    return &s->win[(series % (s->nwin / 2)) * 2];
}

static bool swin_is(const swin *w, int u, int ind, int year)
{
    return w->used && w->u == u && w->ind == ind && w->year == year;
}

/* The window of (u, ind, year), or NULL. */
static swin *swin_find(ps_stored *s, int u, int ind, int year)
{
    swin *w = swin_pair(s, u, ind);
    return swin_is(&w[0], u, ind, year) ? &w[0] : swin_is(&w[1], u, ind, year) ? &w[1] : NULL;
}

/* A window to fill for (u, ind, year): its own, else a free one of its
 * pair, else the older of the two. Not yet marked used. */
static swin *swin_take(ps_stored *s, int u, int ind, int year)
{
    swin *w = swin_pair(s, u, ind);
    if (swin_is(&w[0], u, ind, year) || !w[0].used)
        return &w[0];
    if (swin_is(&w[1], u, ind, year) || !w[1].used)
        return &w[1];
    return w[0].stamp <= w[1].stamp ? &w[0] : &w[1];
}

static void swin_start(ps_stored *s, swin *w, int u, int ind, int year, int lim)
{
    w->used = true;
    w->prev = year != s->lo_year; /* the caller's first year needs no year before */
    w->stamp = ++s->wstamp;
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

static ps_error swin_load(ps_stored *s, swin *w, int u, int ind, int year, int lim, ps_ctx *ctx)
{
    swin_start(s, w, u, ind, year, lim);
    void *arg[2] = {s, w};
    long long uid = s->cat->units[u].id, iid = s->cat->indicators[ind].id;
    int from[2], to[2];
    int nr = window_ranges(year, lim, w->prev, from, to);
    ps_error err = PS_OK;
    for (int m = 0; m <= 1 && !err; m++)
        for (int r = 0; r < nr && !err; r++)
            err = ps_obs_values(s->w, uid, iid, m, from[r], to[r], fill_point, arg, ctx);
    swin_sort(w);
    if (err)
        w->used = false;
    return err;
}


/* ------------------------------------------------------------------------
 * The scope: the units read together
 * ------------------------------------------------------------------------ */

/* The catalog id of unit k (units) or of indicator k. */
static long long entry_id(const ps_catalog *cat, bool units, size_t k)
{
    return units ? cat->units[k].id : cat->indicators[k].id;
}

/* The catalog index of every unit id (units) or indicator id, in a table
 * over ids 0..*maxid, -1 where no entry has that id; NULL when the ids are
 * too sparse for a table. One builder for both tables. */
static int *id_table(const ps_catalog *cat, bool units, long long *maxid)
{
    size_t n = units ? cat->nunits : cat->nindicators;
    long long top = 0;
    for (size_t k = 0; k < n; k++)
        if (entry_id(cat, units, k) > top)
            top = entry_id(cat, units, k);
    if (top > 16 * (long long)n + 1024)
        return NULL;
    int *t = ps_xmalloc((size_t)(top + 1) * sizeof *t);
    for (long long i = 0; i <= top; i++)
        t[i] = -1;
    for (size_t k = 0; k < n; k++)
        if (entry_id(cat, units, k) >= 0)
            t[entry_id(cat, units, k)] = (int)k;
    *maxid = top;
    return t;
}

/* The index of every unit id, and the units of the scope: their ids as a
 * JSON array (the statements' parameter) and the probe. False when unit
 * ids are too sparse for a table (series are then read one by one). */
static bool scope_units(ps_stored *s)
{
    const ps_catalog *cat = s->cat;
    s->uidx = id_table(cat, true, &s->maxid);
    if (!s->uidx)
        return false;
    s->in_scope = ps_xcalloc(cat->nunits, sizeof *s->in_scope);
    ps_strbuf b;
    ps_sb_init(&b);
    ps_sb_putc(&b, '[');
    for (size_t k = 0; k < cat->nunits; k++) {
        if (!ps_catalog_unit_within(cat, (int)k, s->scope))
            continue;
        s->in_scope[k] = true;
        if (s->probe < 0 && cat->units[k].nchildren == 0)
            s->probe = (int)k;
        ps_sb_printf(&b, "%s%lld", s->nscope ? "," : "", cat->units[k].id);
        s->nscope++;
    }
    ps_sb_putc(&b, ']');
    s->scope_json = ps_sb_steal(&b);
    return true;
}

/* The index of every indicator id, and the submitted indicators' ids as a
 * JSON array; nothing when ids are too sparse (no batch is read then). */
static void scope_indicators(ps_stored *s)
{
    const ps_catalog *cat = s->cat;
    s->iidx = id_table(cat, false, &s->maxiid);
    if (!s->iidx)
        return;
    ps_strbuf b;
    ps_sb_init(&b);
    ps_sb_putc(&b, '[');
    int n = 0;
    for (size_t k = 0; k < cat->nindicators; k++) {
        if (cat->indicators[k].kind == PS_KIND_DERIVED)
            continue; /* nothing stored */
        ps_sb_printf(&b, "%s%lld", n++ ? "," : "", cat->indicators[k].id);
    }
    ps_sb_putc(&b, ']');
    s->inds_json = ps_sb_steal(&b);
}

/* The units of the scope, once: the units read together, and the spans
 * found empty (none known yet). */
static void build_scope(ps_stored *s)
{
    s->scope_built = true;
    s->probe = -1;
    if (s->scope < 0 || !s->cat->nunits || !scope_units(s))
        return;
    s->empty = ps_xmalloc((s->cat->nindicators + 1) * sizeof *s->empty);
    for (size_t k = 0; k <= s->cat->nindicators; k++)
        s->empty[k] = (empty_span){-1, -1, -1};
    scope_indicators(s);
}

/* ------------------------------------------------------------------------
 * Batches: many series' windows in a few statements
 * ------------------------------------------------------------------------ */

typedef struct batch_fill {
    ps_stored *s;
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
    ps_stored *s = bf->s;
    if (bf->nr && !(period >= bf->from[0] && period <= bf->to[0]) &&
        !(bf->nr > 1 && period >= bf->from[1] && period <= bf->to[1]))
        return; /* between the months to lim and the year-to-dates */
    bf->rows++;
    if (unit_id < 0 || unit_id > s->maxid || indicator_id < 0 || indicator_id > s->maxiid)
        return;
    int u = s->uidx[unit_id], ind = s->iidx[indicator_id];
    if (u < 0 || ind < 0)
        return;
    if (bf->per_ind)
        bf->per_ind[ind]++;
    swin *w = swin_find(s, u, ind, bf->year);
    if (!w || w->stamp < bf->first)
        return; /* its slot went to another series of the batch (read alone
                   later), or it was there before the batch (complete) */
    void *a[2] = {s, w};
    fill_point(measure, period, value, status, flags, coverage, a);
}

/* Whether window w holds what a read of year to lim takes now (the year
 * before included unless year is the first one asked about). */
static bool window_read_as(const ps_stored *s, const swin *w, int year, int lim)
{
    return w->lim == lim && w->prev == (year != s->lo_year);
}

/* Starts the window of (u, ind, year) for a batch, unless it holds that
 * year to lim already (then the batch leaves it as it is). */
static void batch_start(ps_stored *s, int u, int ind, int year, int lim)
{
    swin *w = swin_find(s, u, ind, year);
    if (w && window_read_as(s, w, year, lim))
        return;
    swin_start(s, swin_take(s, u, ind, year), u, ind, year, lim);
}

/* After a batch's reads: the window of (u, ind, year) put in key order,
 * or given up when a read failed. */
static void batch_end(ps_stored *s, int u, int ind, int year, ps_error err)
{
    swin *w = swin_find(s, u, ind, year);
    if (w && err)
        w->used = false;
    else if (w)
        swin_sort(w);
}

/* Nothing is stored for ind anywhere in the scope in year to month lim
 * (nor the year before, when the batch read it): every value of it in the
 * scope is none, without a roll-up (ps_stored_none_in_scope). */
static void mark_empty(ps_stored *s, int ind, int year, int lim)
{
    s->empty[ind] = (empty_span){year, lim, year != s->lo_year ? year - 1 : -1};
}

/* Reads the windows of year for many series with a few statements: every
 * unit of the scope for indicator ind (by_unit false: a roll-up asks for
 * all of them next), or every submitted indicator of unit u (by_unit: an
 * output going unit by unit asks for those next). *done false when it
 * cannot; the caller then reads one series. */
static ps_error batch_load(ps_stored *s, bool by_unit, int u, int ind, int year, int lim, bool *done, ps_ctx *ctx)
{
    if (!s->scope_built)
        build_scope(s);
    const ps_catalog *cat = s->cat;
    *done = false;
    if (!s->iidx || (!by_unit && s->nscope < 2))
        return PS_OK;
    *done = true;
    size_t n = by_unit ? cat->nindicators : cat->nunits;
    batch_fill bf = {s, year, s->wstamp + 1, 0, 0, {0, 0}, {0, 0}, NULL};
    for (size_t k = 0; k < n; k++)
        if (by_unit ? cat->indicators[k].kind != PS_KIND_DERIVED : s->in_scope[k])
            batch_start(s, by_unit ? u : (int)k, by_unit ? (int)k : ind, year, lim);
    int from[2], to[2];
    int nr = window_ranges(year, lim, year != s->lo_year, from, to);
    ps_error err = PS_OK;
    for (int m = 0; m <= 1 && !err; m++)
        for (int r = 0; r < nr && !err; r++)
            err = ps_obs_values_many(s->w, by_unit, by_unit ? s->inds_json : s->scope_json,
                                     by_unit ? cat->units[u].id : cat->indicators[ind].id, m, from[r], to[r],
                                     batch_point, &bf, ctx);
    for (size_t k = 0; k < n; k++)
        if (by_unit ? cat->indicators[k].kind != PS_KIND_DERIVED : s->in_scope[k])
            batch_end(s, by_unit ? u : (int)k, by_unit ? (int)k : ind, year, err);
    if (!err && !by_unit && bf.rows == 0 && s->empty)
        mark_empty(s, ind, year, lim);
    return err;
}

/* Reads the windows of year to lim of every unit of the scope and every
 * submitted indicator in one statement, a seek per unit (ps_obs_values_units),
 * when the scope's rows are mostly wanted: a probe counts, for the first
 * unit of the scope without units below it, how many of its rows fall in
 * the windows' ranges; a third or more, and the scan reads less than a
 * seek per series would. *done false when it did not read (the caller
 * reads by batches then). */
static ps_error scope_scan(ps_stored *s, int year, int lim, bool *done, ps_ctx *ctx)
{
    const ps_catalog *cat = s->cat;
    *done = false;
    if (s->no_scan || !s->uidx || !s->iidx || s->probe < 0)
        return PS_OK;
    size_t nsub = 0;
    for (size_t ind = 0; ind < cat->nindicators; ind++)
        nsub += cat->indicators[ind].kind != PS_KIND_DERIVED;
    if ((size_t)s->nscope * nsub > s->nwin / 2)
        return PS_OK; /* more series than pairs of windows: they would evict each other */
    batch_fill bf = {s, year, s->wstamp + 1, 0, 0, {0, 0}, {0, 0}, NULL};
    bf.nr = window_ranges(year, lim, year != s->lo_year, bf.from, bf.to);
    long total = 0, within = 0;
    ps_error err = ps_obs_unit_span(s->w, cat->units[s->probe].id, bf.from[0], bf.to[bf.nr - 1], &total, &within, ctx);
    if (err || (total && within * 3 < total))
        return err;
    for (size_t u = 0; u < cat->nunits; u++)
        for (size_t ind = 0; ind < cat->nindicators && s->in_scope[u]; ind++)
            if (cat->indicators[ind].kind != PS_KIND_DERIVED)
                batch_start(s, (int)u, (int)ind, year, lim);
    bf.per_ind = ps_xcalloc(cat->nindicators ? cat->nindicators : 1, sizeof *bf.per_ind);
    err = ps_obs_values_units(s->w, s->scope_json, bf.from[0], bf.to[bf.nr - 1], batch_point, &bf, ctx);
    for (size_t u = 0; u < cat->nunits; u++)
        for (size_t ind = 0; ind < cat->nindicators && s->in_scope[u]; ind++)
            if (cat->indicators[ind].kind != PS_KIND_DERIVED)
                batch_end(s, (int)u, (int)ind, year, err);
    for (size_t ind = 0; ind < cat->nindicators && !err; ind++)
        if (!bf.per_ind[ind] && cat->indicators[ind].kind != PS_KIND_DERIVED)
            mark_empty(s, (int)ind, year, lim); /* nothing of it in the scope, as batch_load finds */
    free(bf.per_ind);
    *done = !err;
    return err;
}
/* ------------------------------------------------------------------------
 * Read paths: which read fills a window that is not held
 * ------------------------------------------------------------------------
 *
 * A stored value is answered from the window of its series that holds its
 * period (held_window): the window of its year when it reaches the
 * period's month, else that of the next year, which holds this year too.
 * When none does, read_span chooses what to read: the horizon's year when
 * the value is of the year before it (both come in one read), and that
 * year only to the horizon's month when the month is covered (a report of
 * July need not read August to December); the whole year when asked beyond
 * the horizon after all. Then the first of these paths that applies:
 *
 *   READ_SCAN          the first window missed for (year, lim) of a unit
 *                      in the scope: every unit and indicator of the scope
 *                      in one statement (scope_scan), when the probe finds
 *                      a third or more of a leaf's rows wanted and the
 *                      scope's series fit in the window table.
 *   READ_BY_UNIT       asked directly (not as a part of another value) and
 *                      no READ_BY_INDICATOR batch of the indicator was read
 *                      for (year, lim): every submitted indicator of the
 *                      unit, once per (unit, year, lim); an output going
 *                      unit by unit asks for those next.
 *   READ_BY_INDICATOR  asked as a part (a roll-up's member, a formula's
 *                      operand), or a window lost from such a batch: every
 *                      unit of the scope for the indicator, once per
 *                      (indicator, year, lim); a roll-up asks for the
 *                      siblings next.
 *   alone              the series by itself (a unit outside the scope, a
 *                      batch read already, or ids too sparse to batch).
 */

typedef enum read_path { READ_SCAN = 1, READ_BY_INDICATOR = 2, READ_BY_UNIT = 3 } read_path;

/* A batch, read at most once per scope: its path, the indicator or unit it
 * reads (-1 for a scan), its year and its last month. */
typedef struct batch_key {
    read_path path;
    int who;
    int year, lim;
} batch_key;

static uint64_t batch_key_pack(batch_key k)
{
    return ((uint64_t)k.path << 60) | ((uint64_t)(unsigned)(k.who + 1) << 28) |
           ((uint64_t)(unsigned)k.year << 4) | (uint64_t)(unsigned)k.lim;
}

static bool batch_tried(const ps_stored *s, batch_key k)
{
    return ps_cache_has(&s->tried, batch_key_pack(k));
}

/* True, and noted, when batch k was not tried yet. */
static bool batch_first(ps_stored *s, batch_key k)
{
    return ps_cache_add(&s->tried, batch_key_pack(k));
}

/* The held window of (u, ind) that holds p, or NULL. */
static swin *held_window(ps_stored *s, int u, int ind, ps_period p)
{
    swin *w = swin_find(s, u, ind, p.year);
    if (w && within_lim(ps_period_key(p), w->lim))
        return w;
    swin *next = swin_find(s, u, ind, p.year + 1);
    return next && next->prev ? next : NULL;
}

/* The year, and its last month, to read for (u, ind) in p. */
static void read_span(ps_stored *s, int u, int ind, ps_period p, int *year, int *lim)
{
    *year = s->hz_year == p.year + 1 && s->lo_year != s->hz_year ? p.year + 1 : p.year;
    *lim = s->hz_year == *year && (*year != p.year || within_lim(ps_period_key(p), s->hz_month)) ? s->hz_month : 12;
    if (*year == p.year && swin_find(s, u, ind, p.year))
        *lim = 12; /* asked beyond the horizon after all */
}

/* The batch paths for the window of (u, ind, year) to lim, u in the scope;
 * *w the window when a batch filled it, else NULL. */
static ps_error read_batched(ps_stored *s, bool part, int u, int ind, int year, int lim, swin **w, ps_ctx *ctx)
{
    ps_error err;
    bool done;
    *w = NULL;
    if (batch_first(s, (batch_key){READ_SCAN, -1, year, lim})) {
        if ((err = scope_scan(s, year, lim, &done, ctx)))
            return err;
        *w = swin_find(s, u, ind, year);
        if (*w && !window_read_as(s, *w, year, lim))
            *w = NULL;
        if (*w)
            return PS_OK;
    }
    batch_key by_ind = {READ_BY_INDICATOR, ind, year, lim};
    bool by_unit = !part && !batch_tried(s, by_ind);
    if (batch_first(s, by_unit ? (batch_key){READ_BY_UNIT, u, year, lim} : by_ind)) {
        if ((err = batch_load(s, by_unit, u, ind, year, lim, &done, ctx)))
            return err;
        if (done)
            *w = swin_find(s, u, ind, year);
    }
    return PS_OK;
}

/* The window that holds (u, ind) for p, read first when none does (the
 * read paths above). */
static ps_error window_of(ps_stored *s, int u, int ind, ps_period p, bool part, swin **out, ps_ctx *ctx)
{
    swin *w = held_window(s, u, ind, p);
    ps_error err;
    if (!w) {
        int year, lim;
        read_span(s, u, ind, p, &year, &lim);
        if (!s->scope_built)
            build_scope(s);
        if (s->in_scope && s->in_scope[u] && (err = read_batched(s, part, u, ind, year, lim, &w, ctx)))
            return err;
        if (!w && (err = swin_load(s, w = swin_take(s, u, ind, year), u, ind, year, lim, ctx)))
            return err;
    }
    *out = w;
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * The questions the engine asks
 * ------------------------------------------------------------------------ */

ps_error ps_stored_value(ps_stored *s, int u, int ind, ps_period p, int measure, bool part, ps_val *out,
                         ps_ctx *ctx)
{
    *out = NONE;
    if (s->cat->indicators[ind].kind == PS_KIND_DERIVED)
        return PS_OK; /* never stored: ingest refuses them, init keeps the kind of what has data */
    swin *w;
    ps_error err = window_of(s, u, ind, p, part, &w, ctx);
    if (err)
        return err;
    const sval *sv = swin_value(w, ps_period_key(p) | measure << 28);
    if (sv)
        *out = (ps_val){true, sv->v, sv->cov ? w->covs[sv->cov - 1] : 1, sv->status, sv->flags};
    return PS_OK;
}

bool ps_stored_forced(const ps_stored *s, int u, int ind, ps_period p, int measure)
{
    return ps_cache_has(&s->forced, forced_key(u, ind, measure ? 1 : 0, ps_period_key(p)));
}

bool ps_stored_held(ps_stored *s, int u, int ind, ps_period p, bool *has)
{
    if (!s->win || u < 0 || ind < 0 || p.type == PS_P_NONE)
        return false;
    swin *w = held_window(s, u, ind, p);
    if (!w)
        return false;
    *has = swin_value(w, ps_period_key(p)) != NULL;
    return true;
}

bool ps_stored_none_in_scope(const ps_stored *s, int u, int ind, ps_period p)
{
    if (!s->empty || !s->in_scope[u] || s->cat->indicators[ind].kind == PS_KIND_DERIVED)
        return false;
    /* all of p inside what the read took: a quarter or a year that goes
     * past the month it read to may have values after it */
    const empty_span *x = &s->empty[ind];
    return (x->year == p.year && ps_period_last_month(p) <= x->lim) || x->before == p.year;
}

/* ------------------------------------------------------------------------
 * Settings: what is read together
 * ------------------------------------------------------------------------ */

void ps_stored_set_scope(ps_stored *s, int unit)
{
    if (unit >= 0 && (size_t)unit < s->cat->nunits && unit != s->scope) {
        s->scope = unit;
        scope_free(s);
    }
}

void ps_stored_set_horizon(ps_stored *s, ps_period p)
{
    s->hz_year = p.type == PS_P_NONE ? 0 : p.year;
    s->hz_month = p.type == PS_P_NONE ? 12 : ps_period_last_month(p);
    s->lo_year = 0;
}

void ps_stored_set_scan(ps_stored *s, bool allow)
{
    s->no_scan = !allow;
}

void ps_stored_set_range(ps_stored *s, ps_period from, ps_period to)
{
    ps_stored_set_horizon(s, to);
    s->lo_year = from.type == PS_P_NONE ? 0 : from.year;
}
