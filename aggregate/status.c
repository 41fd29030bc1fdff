/* status.c - expected, received, missing and late values per reporter. */
#include "aggregate/status.h"

#include "aggregate/kept.h"
#include "core/alloc.h"
#include "store/obs.h"
#include "store/query.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The period of an indicator with this frequency that is due in month m of year y, if any. */
static bool due_period(ps_period_type freq, int y, int m, ps_period *out)
{
    int len = ps_frequency_months(freq);
    if (m % len != 0)
        return false;
    *out = ps_period_containing(freq, y, m);
    return true;
}

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

/* The counts of reporter rep for unit u over the months of p: c[0]
 * expected, c[1] received, c[2] on time. */
static ps_error unit_counts(ps_receipt_query *q, const ps_catalog *cat, ps_engine *e, const ps_reporter *rep, int u,
                            ps_period p, long c[3], ps_ctx *ctx)
{
    c[0] = c[1] = c[2] = 0;
    for (int m = ps_period_first_month(p); m <= ps_period_last_month(p); m++) {
        ps_period month = ps_period_month(p.year, m);
        if (!ps_unit_valid_in(&cat->units[u], month))
            continue;
        /* deadline: deadline_day of the following month */
        int dy = m == 12 ? p.year + 1 : p.year, dm = m == 12 ? 1 : m + 1;
        char deadline[48];
        snprintf(deadline, sizeof deadline, "%04d-%02d-%02d", dy, dm, rep->deadline_day);
        for (size_t i = 0; i < cat->nindicators; i++) {
            const ps_indicator *x = &cat->indicators[i];
            if (x->kind == PS_KIND_DERIVED || !ps_reporter_allows(cat, rep, (int)i))
                continue;
            ps_period due;
            if (!due_period(x->frequency, p.year, m, &due))
                continue;
            c[0]++;
            bool has;
            if (e && ps_engine_stored(e, u, (int)i, due, &has) && !has)
                continue; /* nothing stored for it: not received, no need to ask */
            ps_obs_key key = {cat->units[u].id, x->id, PS_MEASURE_ACTUAL, ps_period_key(due)};
            bool got;
            char when[32];
            ps_error err = ps_receipt_get(q, &key, rep->id, &got, when, ctx);
            if (err)
                return err;
            if (!got)
                continue;
            c[1]++;
            if (strncmp(when, deadline, 10) <= 0)
                c[2]++;
        }
    }
    return PS_OK;
}

/* Whether reporter rep reports for unit u. */
static bool reports_for(const ps_catalog *cat, const ps_reporter *rep, int u)
{
    if (rep->report_level == PS_LEVEL_NONE)
        return u == rep->scope;
    return cat->units[u].level == rep->report_level && ps_catalog_unit_within(cat, u, rep->scope);
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
            if (!reports_for(cat, rep, (int)u) || (err = counts_of(q, cat, e, k, rep, (int)u, p, c, ctx)))
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
