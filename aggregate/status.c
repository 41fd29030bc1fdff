/* status.c - expected, received, missing and late values per reporter. */
#include "aggregate/status.h"

#include "aggregate/expected.h"
#include "aggregate/kept.h"
#include "core/alloc.h"
#include "store/obs.h"
#include "store/query.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* missing, late and rate from expected, received and on time */
static void finish_rows(ps_status_row *rows, size_t n)
{
    for (size_t r = 0; r < n; r++) {
        ps_status_row *row = &rows[r];
        row->missing = row->expected - row->received;
        if (row->missing < 0)
            row->missing = 0;
        row->late = row->received - row->on_time;
        row->rate = row->expected ? fmin(100.0, 100.0 * (double)row->received / (double)row->expected) : NAN;
    }
}

/* What checking the receipt of expected values needs. */
typedef struct receipts {
    ps_receipt_query *q;
    const ps_catalog *cat;
    ps_engine *e;                /* may be NULL */
    const ps_reporter *rep;
} receipts;

/* Whether the expected value x was received from r->rep (a value or a '-'
 * mark in force), and when it first was (when: YYYY-MM-DD…). */
static ps_error received(const receipts *r, const ps_expected *x, bool *got, char when[32], ps_ctx *ctx)
{
    bool has;
    *got = false;
    if (r->e && ps_engine_stored(r->e, x->unit, x->indicator, x->period, &has) && !has)
        return PS_OK; /* nothing stored for it: not received, no need to ask */
    const ps_catalog *cat = r->cat;
    ps_obs_key key = {cat->units[x->unit].id, cat->indicators[x->indicator].id, PS_MEASURE_ACTUAL,
                      ps_period_key(x->period)};
    return ps_receipt_get(r->q, &key, r->rep->id, got, when, ctx);
}

/* The counts being made: c[0] expected, c[1] received, c[2] on time. */
typedef struct counting {
    const receipts *r;
    long *c;
} counting;

static ps_error count_one(void *arg, const ps_expected *x, ps_ctx *ctx)
{
    counting *k = arg;
    bool got;
    char when[32], deadline[PS_DATE_BUFSZ];
    k->c[0]++;
    ps_error err = received(k->r, x, &got, when, ctx);
    if (err || !got)
        return err;
    k->c[1]++;
    if (strncmp(when, ps_expected_deadline(k->r->rep, x->due, deadline), 10) <= 0)
        k->c[2]++;
    return PS_OK;
}

/* The counts of reporter rep for unit u over the months of p: c[0]
 * expected, c[1] received, c[2] on time. */
static ps_error unit_counts(ps_receipt_query *q, const ps_catalog *cat, ps_engine *e, const ps_reporter *rep, int u,
                            ps_period p, long c[3], ps_ctx *ctx)
{
    c[0] = c[1] = c[2] = 0;
    receipts r = {q, cat, e, rep};
    counting k = {&r, c};
    return ps_expected_each(cat, rep, u, p, PS_MEASURE_ACTUAL, count_one, &k, ctx);
}

/* The counts of rep for unit u: kept ones when k holds them, else
 * computed (and noted to be kept, with k). */
static ps_error counts_of(ps_receipt_query *q, const ps_catalog *cat, ps_engine *e, ps_kept *k,
                          const ps_reporter *rep, int u, ps_period p, long c[3], ps_ctx *ctx)
{
    bool found = false;
    ps_error err;
    if (k && (err = ps_kept_counts(k, rep->id, cat->units[u].id, ps_period_key(p), c, &found, ctx)))
        return err;
    if (found)
        return PS_OK;
    if ((err = unit_counts(q, cat, e, rep, u, p, c, ctx)))
        return err;
    if (k && c[0])
        ps_kept_note_counts(k, rep->id, cat->units[u].id, ps_period_key(p), c);
    return PS_OK;
}

/* ps_status_compute; with k, reading and keeping each unit's counts
 * (a change then costs the units it changed). */
static ps_error compute(ps_db *db, const ps_catalog *cat, ps_engine *e, ps_kept *k, ps_period p,
                        ps_status_row **rows, ps_ctx *ctx)
{
    ps_receipt_query *q;
    ps_error err = ps_receipt_query_new(db, &q, ctx);
    if (err)
        return err;
    ps_status_row *out = ps_xcalloc(cat->nreporters + 1, sizeof *out);
    ps_status_row *total = &out[cat->nreporters];
    total->reporter = -1;
    for (size_t r = 0; r < cat->nreporters && !err; r++) {
        const ps_reporter *rep = &cat->reporters[r];
        ps_status_row *row = &out[r];
        row->reporter = (int)r;
        for (size_t u = 0; u < cat->nunits && !err; u++) {
            long c[3];
            if (!ps_expected_reports_for(cat, rep, (int)u) || (err = counts_of(q, cat, e, k, rep, (int)u, p, c, ctx)))
                continue;
            row->expected += c[0];
            row->received += c[1];
            row->on_time += c[2];
        }
        total->expected += row->expected;
        total->received += row->received;
        total->on_time += row->on_time;
    }
    ps_receipt_query_free(q);
    if (err) {
        free(out);
        return err;
    }
    finish_rows(out, cat->nreporters + 1);
    *rows = out;
    return PS_OK;
}

ps_error ps_status_compute(ps_db *db, const ps_catalog *cat, ps_engine *e, ps_period p, ps_status_row **rows,
                           ps_ctx *ctx)
{
    return compute(db, cat, e, NULL, p, rows, ctx);
}

/* The kept totals of every row (a reporter's under unit 0, every
 * reporter's under reporter 0); *all false when one is missing. */
static ps_error kept_totals(ps_kept *k, const ps_catalog *cat, int pk, ps_status_row *out, bool *all,
                            ps_ctx *ctx)
{
    *all = true;
    for (size_t r = 0; r <= cat->nreporters && *all; r++) {
        long long id = r < cat->nreporters ? cat->reporters[r].id : 0;
        long c[3] = {0, 0, 0};
        ps_error err = ps_kept_counts(k, id, 0, pk, c, all, ctx);
        if (err)
            return err;
        out[r] = (ps_status_row){r < cat->nreporters ? (int)r : -1, c[0], c[1], 0, c[2], 0, 0};
    }
    return PS_OK;
}

ps_error ps_status_compute_kept(ps_engine *e, ps_period p, ps_status_row **rows, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    ps_kept *k = ps_engine_kept(e);
    size_t n = cat->nreporters + 1;
    int pk = ps_period_key(p);
    ps_status_row *out = ps_xcalloc(n, sizeof *out);
    bool all;
    ps_error err = kept_totals(k, cat, pk, out, &all, ctx);
    if (err || all) {
        if (err)
            free(out);
        else
            finish_rows(out, n);
        *rows = err ? NULL : out;
        return err;
    }
    free(out);
    if ((err = compute(ps_engine_db(e), cat, e, k, p, rows, ctx)))
        return err;
    for (size_t r = 0; r < n; r++) {
        const ps_status_row *row = &(*rows)[r];
        long c[3] = {row->expected, row->received, row->on_time};
        ps_kept_note_counts(k, r < cat->nreporters ? cat->reporters[r].id : 0, 0, pk, c);
    }
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * The values still missing (status --missing)
 * ------------------------------------------------------------------------ */

bool ps_status_day(const char *s, long *day)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap))
        return false;
    /* days from 1 March of year 0 (the leap day comes last in such a year) */
    long yy = m <= 2 ? y - 1 : y, mm = m <= 2 ? m + 9 : m - 3;
    *day = 365 * yy + yy / 4 - yy / 100 + yy / 400 + (153 * mm + 2) / 5 + d - 1;
    return true;
}

/* The missing list being made. */
typedef struct missing {
    const receipts *r;
    int reporter;
    long as_of;                  /* ps_status_day */
    ps_missing_row *v;
    size_t n, cap;
} missing;

static ps_error note_missing(void *arg, const ps_expected *x, ps_ctx *ctx)
{
    missing *m = arg;
    bool got;
    char when[32];
    ps_error err = received(m->r, x, &got, when, ctx);
    if (err || got)
        return err;
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 64;
        m->v = ps_xrealloc(m->v, m->cap * sizeof *m->v);
    }
    ps_missing_row *row = &m->v[m->n++];
    *row = (ps_missing_row){m->reporter, x->unit, x->indicator, x->period, "", 0};
    long deadline;
    ps_expected_deadline(m->r->rep, x->due, row->deadline);
    if (!ps_status_day(row->deadline, &deadline))
        return ps_failm(ctx, PS_ERR_INTERNAL, PS_M_STATUS_DEADLINE_NOT_DATE, row->deadline);
    row->days_late = m->as_of - deadline;
    return PS_OK;
}

ps_error ps_status_missing(ps_engine *e, ps_period p, int reporter, const char *as_of, ps_missing_row **rows,
                           size_t *n, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    *rows = NULL;
    *n = 0;
    missing m = {NULL, reporter, 0, NULL, 0, 0};
    if (!ps_status_day(as_of, &m.as_of))
        return as_of ? ps_failm(ctx, PS_ERR_USAGE, PS_M_STATUS_NOT_A_DATE, as_of)
                     : ps_failm(ctx, PS_ERR_USAGE, PS_M_STATUS_NO_DATE);
    if (reporter >= (int)cat->nreporters)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_CAT_REPORTER_INDEX_NOT_IN_CATALOG, reporter);
    ps_receipt_query *q;
    ps_error err = ps_receipt_query_new(ps_engine_db(e), &q, ctx);
    if (err)
        return err;
    for (size_t r = 0; r < cat->nreporters && !err; r++) {
        if (reporter >= 0 && (int)r != reporter)
            continue;
        receipts rc = {q, cat, e, &cat->reporters[r]};
        m.r = &rc;
        m.reporter = (int)r;
        err = ps_expected_each(cat, rc.rep, -1, p, PS_MEASURE_ACTUAL, note_missing, &m, ctx);
    }
    ps_receipt_query_free(q);
    if (err) {
        free(m.v);
        return err;
    }
    *rows = m.v;
    *n = m.n;
    return PS_OK;
}
