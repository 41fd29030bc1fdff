/* test_report_model.c - the report's numbers gathered once, before any sheet is written.
 *
 * On the loaded Quảng Ninh sample: the model of the province for July 2016
 * (every indicator in report order with its comparisons and the notes of
 * submitted plans; the fourteen districts of 2016 with ranks; each key
 * indicator's series by its own periods, none after July; the reporting
 * counts and their total; the data rows of the province and the districts,
 * plans where the year sorts), the model of a district (no units below),
 * and a database error while gathering, after which the model frees clean.
 *
 * usage: test_report_model PROVSTAT (run from the repo root)
 */
#include "check.h"

#include "export/report_model.h"
#include "store/dbcatalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/provstat-model.XXXXXX";
static ps_db *db;
static ps_catalog *cat;

static int unit_of(const char *code)
{
    for (size_t i = 0; i < cat->nunits; i++)
        if (strcmp(cat->units[i].code, code) == 0)
            return (int)i;
    return -1;
}

static int ind_of(const char *code)
{
    for (size_t i = 0; i < cat->nindicators; i++)
        if (strcmp(cat->indicators[i].code, code) == 0)
            return (int)i;
    return -1;
}

static ps_period P(const char *text)
{
    ps_period p;
    if (!ps_period_parse(text, &p, NULL, 0))
        p.type = PS_P_NONE;
    return p;
}

/* Gathers the model of unit for period from database d; the engine is
 * freed before returning. */
static ps_error gather(ps_db *d, ps_report_model *m, const char *unit, const char *period, ps_ctx *ctx)
{
    ps_engine *e = NULL;
    ps_error err = ps_engine_new(d, cat, &e, ctx);
    if (!err) {
        ps_engine_set_horizon(e, P(period));
        ps_engine_set_scope(e, unit_of(unit));
        err = ps_report_model_gather(m, e, d, cat, unit_of(unit), P(period), ctx);
    } else {
        memset(m, 0, sizeof *m);
    }
    ps_engine_free(e);
    return err;
}

TEST(summary_in_report_order)
{
    ps_report_model m;
    ps_ctx ctx = {0};
    CHECK_INT(gather(db, &m, "22", "2016-07", &ctx), PS_OK);
    CHECK_INT(m.nsum, cat->nindicators);
    for (int k = 0; k < m.nsum; k++)
        CHECK_INT(m.sum[k].ind, cat->report_order[k]);
    int grdp = -1, retail = -1;
    for (int k = 0; k < m.nsum; k++) {
        if (m.sum[k].ind == ind_of("GRDP"))
            grdp = k;
        if (m.sum[k].ind == ind_of("RETAIL"))
            retail = k;
    }
    CHECK(grdp >= 0 && retail >= 0);
    if (grdp >= 0) {
        CHECK(m.sum[grdp].row.plan.has);
        CHECK_STR(m.sum[grdp].plan_note, "Kế hoạch UBND tỉnh giao: GRDP tăng 9%");
    }
    if (retail >= 0) {
        /* the province's plan of retail sales is the sum of the districts' */
        CHECK(m.sum[retail].row.plan.has);
        CHECK(m.sum[retail].plan_note == NULL);
        CHECK(m.sum[retail].row.value.has && m.sum[retail].row.ytd.has);
    }
    ps_report_model_free(&m);
}

TEST(districts_with_ranks)
{
    ps_report_model m;
    ps_ctx ctx = {0};
    CHECK_INT(gather(db, &m, "22", "2016-07", &ctx), PS_OK);
    CHECK_INT(m.nkids, 14);
    CHECK_INT(m.kid_level, PS_LEVEL_DISTRICT);
    CHECK_INT(m.dist[0].unit, unit_of("22"));
    for (int i = 1; i <= m.nkids; i++)
        CHECK_INT(m.dist[i].unit, m.kids[i - 1]);
    CHECK(m.nkeys > 0);
    CHECK(m.chart_key >= 0);
    for (int j = 0; j < m.nkeys; j++) {
        int best = 0, ranked = 0;
        for (int i = 1; i <= m.nkids; i++) {
            int rk = m.dist[i].rank[j];
            CHECK(rk >= 0 && rk <= m.nkids);
            CHECK_INT(rk > 0, m.dist[i].rows[j].value.has);
            ranked += rk > 0;
            best += rk == 1;
        }
        CHECK(ranked == 0 || best >= 1);
        CHECK_INT(m.dist[0].rank[j], 0);
    }
    ps_report_model_free(&m);
}

/* SPEC §6: a key indicator of a longer frequency shows its latest period
 * that ends no later than the report's period. */
TEST(key_period_of_a_longer_frequency)
{
    char a[PS_PERIOD_BUFSZ];
    struct { const char *p; ps_period_type f; const char *want; } cases[] = {
        {"2016-07", PS_P_QUARTER, "2016-Q2"}, {"2016-06", PS_P_QUARTER, "2016-Q2"},
        {"2016-05", PS_P_QUARTER, "2016-Q1"}, {"2016-01", PS_P_QUARTER, "2015-Q4"},
        {"2016-07", PS_P_MONTH, "2016-07"},   {"2016-07", PS_P_HALF, "2016-S1"},
        {"2016-05", PS_P_YEAR, "2015"},       {"2016-12", PS_P_YEAR, "2016"},
        {"2016-Q3", PS_P_QUARTER, "2016-Q3"}, {"2016-Q1", PS_P_HALF, "2015-S2"},
        {"2016-YTD07", PS_P_QUARTER, "2016-YTD07"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CHECK_STR(ps_period_format(ps_report_key_period(P(cases[i].p), cases[i].f), a), cases[i].want);
}

/* The July report's GRDP (quarterly, key): Q2 in the by-district table,
 * equal to the trend's Q2, and in the Data rows; a monthly key keeps July. */
TEST(quarterly_key_in_july)
{
    ps_report_model m;
    ps_ctx ctx = {0};
    CHECK_INT(gather(db, &m, "22", "2016-07", &ctx), PS_OK);
    char a[PS_PERIOD_BUFSZ];
    int g = -1, rv = -1;
    for (int j = 0; j < m.nkeys; j++) {
        if (m.keys[j] == ind_of("GRDP"))
            g = j;
        if (m.keys[j] == ind_of("RETAIL"))
            rv = j;
    }
    CHECK(g >= 0 && rv >= 0);
    if (g >= 0 && rv >= 0) {
        CHECK_STR(ps_period_format(m.key_period[g], a), "2016-Q2");
        CHECK_STR(ps_period_format(m.key_period[rv], a), "2016-07");
        CHECK(m.dist[0].rows[g].value.has);
        CHECK(m.trends[g].nparts == 4 && m.trends[g].this_year[1].value.has);
        CHECK(m.dist[0].rows[g].value.v == m.trends[g].this_year[1].value.v);
        int found = 0;
        for (size_t i = 0; i < m.ndata; i++)
            found += m.data[i].unit == unit_of("22") && m.data[i].ind == ind_of("GRDP") && !m.data[i].plan &&
                     ps_period_eq(m.data[i].p, P("2016-Q2")) && m.data[i].v.v == m.dist[0].rows[g].value.v;
        CHECK_INT(found, 1);
    }
    ps_report_model_free(&m);
}

TEST(trends_by_the_indicators_periods)
{
    ps_report_model m;
    ps_ctx ctx = {0};
    CHECK_INT(gather(db, &m, "22", "2016-07", &ctx), PS_OK);
    for (int j = 0; j < m.nkeys; j++) {
        const ps_report_trend *t = &m.trends[j];
        const ps_indicator *x = &cat->indicators[t->ind];
        CHECK_INT(t->ind, m.keys[j]);
        CHECK_INT(t->nparts, 12 / ps_frequency_months(x->frequency));
        int last_year = 0;
        for (int k = 0; k < t->nparts; k++) {
            CHECK_INT(t->parts[k].year, 2016);
            if (ps_period_last_month(t->parts[k]) > 7)
                CHECK(!t->this_year[k].value.has);
            last_year += t->last_year[k].has;
        }
        if (t->ind == ind_of("RETAIL")) {
            CHECK(t->this_year[6].value.has);
            CHECK_INT(last_year, 12);
        }
    }
    ps_report_model_free(&m);
}

TEST(status_and_data_rows)
{
    ps_report_model m;
    ps_ctx ctx = {0};
    CHECK_INT(gather(db, &m, "22", "2016-07", &ctx), PS_OK);
    CHECK_INT(m.status[cat->nreporters].reporter, -1);
    CHECK(m.ndata > 0);
    const ps_unit *un = &cat->units[unit_of("22")];
    size_t plans = 0, below = 0;
    for (size_t i = 0; i < m.ndata; i++) {
        const ps_report_drow *d = &m.data[i];
        bool known = d->unit == unit_of("22");
        for (int c = 0; c < un->nchildren && !known; c++)
            known = d->unit == un->children[c];
        CHECK(known);
        CHECK(d->v.has);
        plans += d->plan;
        below += d->unit != unit_of("22");
        if (d->plan)
            CHECK(d->p.type == PS_P_YEAR && d->p.year == 2016);
        /* within one unit and indicator, periods in order, the plan (of
         * the year) where the year sorts */
        if (i > 0 && m.data[i - 1].unit == d->unit && m.data[i - 1].ind == d->ind)
            CHECK(ps_period_cmp(m.data[i - 1].p, d->p) <= 0);
    }
    CHECK(plans > 0);
    CHECK(below > 0);
    ps_report_model_free(&m);
}

TEST(a_district_has_no_units_below)
{
    ps_report_model m;
    ps_ctx ctx = {0};
    CHECK_INT(gather(db, &m, "193", "2016-Q2", &ctx), PS_OK);
    CHECK_INT(m.nkids, 0);
    CHECK_INT(m.kid_level, PS_LEVEL_COMMUNE);
    CHECK_INT(m.dist[0].unit, unit_of("193"));
    CHECK_INT(m.chart_key, -1);
    CHECK_INT(ps_period_last_month(m.ytd), 6);
    for (size_t i = 0; i < m.ndata; i++)
        CHECK_INT(m.data[i].unit, unit_of("193"));
    ps_report_model_free(&m);
}

TEST(database_error_frees_clean)
{
    char path[600], cmd[2048];
    snprintf(path, sizeof path, "%s/broken.db", dir);
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s/q.db' \".backup '%s'\" && sqlite3 '%s' 'ALTER TABLE obs RENAME TO obs_gone' >>'%s/load.log' 2>&1",
             dir, path, path, dir);
    CHECK_INT(system(cmd), 0);
    ps_ctx ctx = {0};
    ps_db_opts opts = {false, true, false, 0};
    ps_db *bdb = NULL;
    CHECK_INT(ps_db_open(&bdb, path, &opts, &ctx), PS_OK);
    ps_report_model m;
    CHECK_INT(gather(bdb, &m, "22", "2016-07", &ctx), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&ctx), "obs") != NULL);
    ps_report_model_free(&m);
    ps_report_model_free(&m); /* a freed model is empty */
    ps_db_close(bdb);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_report_model PROVSTAT (from the repo root)\n");
        return 2;
    }
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    char path[600], cmd[2048];
    snprintf(path, sizeof path, "%s/q.db", dir);
    snprintf(cmd, sizeof cmd, "sh scripts/load-sample.sh '%s' '%s' >'%s/load.log' 2>&1", argv[1], path, dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "loading the sample failed: see %s/load.log\n", dir);
        return 1;
    }
    ps_ctx ctx = {0};
    ps_db_opts opts = {false, true, false, 0};
    if (ps_db_open(&db, path, &opts, &ctx) || ps_db_catalog_load(db, &cat, &ctx)) {
        fprintf(stderr, "%s\n", ps_ctx_message(&ctx));
        return 1;
    }
    RUN(summary_in_report_order);
    RUN(districts_with_ranks);
    RUN(key_period_of_a_longer_frequency);
    RUN(quarterly_key_in_july);
    RUN(trends_by_the_indicators_periods);
    RUN(status_and_data_rows);
    RUN(a_district_has_no_units_below);
    RUN(database_error_frees_clean);
    ps_catalog_free(cat);
    ps_db_close(db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
