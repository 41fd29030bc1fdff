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

ps_error ps_status_compute(ps_db *db, const ps_catalog *cat, ps_engine *e, ps_period p, ps_status_row **rows,
                           ps_ctx *ctx)
{
    ps_receipt_query *q;
    ps_error err = ps_receipt_query_new(db, &q, ctx);
    if (err)
        return err;
    ps_status_row *out = ps_xcalloc(cat->nreporters + 1, sizeof *out);
    ps_status_row *total = &out[cat->nreporters];
    total->reporter = -1;
    int *units = ps_xmalloc((cat->nunits + 1) * sizeof *units);
    int first = ps_period_first_month(p), last = ps_period_last_month(p);
    for (size_t r = 0; r < cat->nreporters && !err; r++) {
        const ps_reporter *rep = &cat->reporters[r];
        ps_status_row *row = &out[r];
        row->reporter = (int)r;
        for (int m = first; m <= last && !err; m++) {
            ps_period month = ps_period_month(p.year, m);
            size_t nu = 0;
            if (rep->report_level == PS_LEVEL_NONE) {
                if (ps_unit_valid_in(&cat->units[rep->scope], month))
                    units[nu++] = rep->scope;
            } else {
                for (size_t u = 0; u < cat->nunits; u++)
                    if (cat->units[u].level == rep->report_level &&
                        ps_catalog_unit_within(cat, (int)u, rep->scope) &&
                        ps_unit_valid_in(&cat->units[u], month))
                        units[nu++] = (int)u;
            }
            /* deadline: deadline_day of the following month */
            int dy = m == 12 ? p.year + 1 : p.year, dm = m == 12 ? 1 : m + 1;
            char deadline[48];
            snprintf(deadline, sizeof deadline, "%04d-%02d-%02d", dy, dm, rep->deadline_day);
            for (size_t i = 0; i < cat->nindicators && !err; i++) {
                const ps_indicator *x = &cat->indicators[i];
                if (x->kind == PS_KIND_DERIVED || !ps_reporter_allows(cat, rep, (int)i))
                    continue;
                ps_period due;
                if (!due_period(x->frequency, p.year, m, &due))
                    continue;
                for (size_t k = 0; k < nu; k++) {
                    row->expected++;
                    bool has;
                    if (e && ps_engine_stored(e, units[k], (int)i, due, &has) && !has)
                        continue; /* nothing stored for it: not received, no need to ask */
                    ps_obs_key key = {cat->units[units[k]].id, x->id, PS_MEASURE_ACTUAL, ps_period_key(due)};
                    bool got;
                    char when[32];
                    if ((err = ps_receipt_get(q, &key, rep->id, &got, when, ctx)))
                        break;
                    if (!got)
                        continue;
                    row->received++;
                    if (strncmp(when, deadline, 10) <= 0)
                        row->on_time++;
                }
            }
        }
    }
    for (size_t r = 0; r < cat->nreporters; r++) {
        total->expected += out[r].expected;
        total->received += out[r].received;
        total->on_time += out[r].on_time;
    }
    finish_rows(out, cat->nreporters + 1);
    free(units);
    ps_receipt_query_free(q);
    if (err) {
        free(out);
        return err;
    }
    *rows = out;
    return PS_OK;
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
    for (size_t r = 0; r < n && all; r++) {
        long long key = r < cat->nreporters ? cat->reporters[r].id : 0;
        double ex, re, on;
        all = ps_engine_number_get(e, KEPT_EXPECTED, key, pk, &ex) &&
              ps_engine_number_get(e, KEPT_RECEIVED, key, pk, &re) &&
              ps_engine_number_get(e, KEPT_ON_TIME, key, pk, &on);
        out[r] = (ps_status_row){r < cat->nreporters ? (int)r : -1, (long)ex, (long)re, 0, (long)on, 0, 0};
    }
    if (all) {
        finish_rows(out, n);
        *rows = out;
        return PS_OK;
    }
    free(out);
    ps_error err = ps_status_compute(ps_engine_db(e), cat, e, p, rows, ctx);
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
