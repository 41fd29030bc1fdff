/* status.c - expected, received, missing and late values per reporter. */
#include "ingest/status.h"

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

/* ps_status_compute, and with kept, reading and keeping each unit's
 * counts with e's roll-ups (a change then costs the units it changed). */
static ps_error compute(ps_db *db, const ps_catalog *cat, ps_engine *e, bool kept, ps_period p,
                        ps_status_row **rows, ps_ctx *ctx)
{
    ps_receipt_query *q;
    ps_error err = ps_receipt_query_new(db, &q, ctx);
    if (err)
        return err;
    int pk = ps_period_key(p);
    ps_status_row *out = ps_xcalloc(cat->nreporters + 1, sizeof *out);
    ps_status_row *total = &out[cat->nreporters];
    total->reporter = -1;
    for (size_t r = 0; r < cat->nreporters && !err; r++) {
        const ps_reporter *rep = &cat->reporters[r];
        ps_status_row *row = &out[r];
        row->reporter = (int)r;
        for (size_t u = 0; u < cat->nunits && !err; u++) {
            if (rep->report_level == PS_LEVEL_NONE ? (int)u != rep->scope
                                                   : cat->units[u].level != rep->report_level ||
                                                         !ps_catalog_unit_within(cat, (int)u, rep->scope))
                continue;
            long c[3];
            bool found = false;
            if (kept && (err = ps_engine_counts_get(e, rep->id, (int)u, pk, &found, c, ctx)))
                break;
            if (!found) {
                if ((err = unit_counts(q, cat, e, rep, (int)u, p, c, ctx)))
                    break;
                if (kept && c[0])
                    ps_engine_counts_put(e, rep->id, (int)u, pk, c);
            }
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
    return compute(db, cat, e, false, p, rows, ctx);
}

/* The kept counts: what 1 expected, 2 received, 3 on time; key the
 * reporter's id, 0 for the total. */
enum { KEPT_EXPECTED = 1, KEPT_RECEIVED = 2, KEPT_ON_TIME = 3 };

ps_error ps_status_compute_kept(ps_engine *e, ps_period p, ps_status_row **rows, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    size_t n = cat->nreporters + 1;
    int pk = ps_period_key(p);
    ps_status_row *out = ps_xcalloc(n, sizeof *out);
    bool all = true;
    ps_error err = PS_OK;
    for (size_t r = 0; r < n && all && !err; r++) {
        long long key = r < cat->nreporters ? cat->reporters[r].id : 0;
        double v[3] = {0, 0, 0};
        for (int k = 0; k < 3 && all && !err; k++)
            err = ps_engine_number_get(e, KEPT_EXPECTED + k, key, pk, &all, &v[k], ctx);
        out[r] = (ps_status_row){r < cat->nreporters ? (int)r : -1, (long)v[0], (long)v[1], 0, (long)v[2], 0, 0};
    }
    if (all && !err) {
        finish_rows(out, n);
        *rows = out;
        return PS_OK;
    }
    free(out);
    if (err)
        return err;
    err = compute(ps_engine_db(e), cat, e, true, p, rows, ctx);
    if (err)
        return err;
    for (size_t r = 0; r < n; r++) {
        long long key = r < cat->nreporters ? cat->reporters[r].id : 0;
        ps_engine_number_put(e, KEPT_EXPECTED, key, pk, (double)(*rows)[r].expected);
        ps_engine_number_put(e, KEPT_RECEIVED, key, pk, (double)(*rows)[r].received);
        ps_engine_number_put(e, KEPT_ON_TIME, key, pk, (double)(*rows)[r].on_time);
    }
    return PS_OK;
}
