/* test_expected.c - the one rule of what a reporter is expected to send
 * (aggregate/expected.h), and the values still missing from it
 * (ps_status_missing, ps_status_day in aggregate/status.h).
 *
 * The catalog: tests/data/catalogs/ingest (province 22; Hạ Long 193, Uông
 * Bí 196 and Hoành Bồ 204, which ended in 2019-12; RETAIL monthly, the
 * documents monthly, DOCS_PCT derived, POP yearly; CCTK_193 sends every
 * indicator for 193, CCTK_196 three for 196, CTK every indicator for each
 * district, deadline the 25th), loaded by the provstat binary.
 *
 * usage: test_expected PROVSTAT (run from the repo root)
 */
#include "check.h"

#include "aggregate/expected.h"
#include "aggregate/status.h"
#include "store/db_int.h"
#include "store/dbcatalog.h"
#include "store/obs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ps_db *db;
static ps_catalog *cat;

/* The items seen, as "unit,indicator,period,due" lines. */
typedef struct seen {
    char text[4096];
    int n, stop_at;
} seen;

static ps_error note(void *arg, const ps_expected *x, ps_ctx *ctx)
{
    seen *s = arg;
    char p[PS_PERIOD_BUFSZ], d[PS_PERIOD_BUFSZ];
    size_t len = strlen(s->text);
    snprintf(s->text + len, sizeof s->text - len, "%s,%s,%s,%s\n", cat->units[x->unit].code,
             cat->indicators[x->indicator].code, ps_period_format(x->period, p), ps_period_format(x->due, d));
    if (++s->n == s->stop_at)
        return ps_failf(ctx, PS_ERR_IO, "stopped at %d", s->n);
    return PS_OK;
}

static ps_period per(const char *text)
{
    ps_period p;
    CHECK(ps_period_parse(text, &p, NULL, 0));
    return p;
}

static const ps_reporter *rep(const char *code)
{
    return &cat->reporters[ps_catalog_reporter(cat, code)];
}

/* Every item of reporter code for text, measure m, unit u; the error. */
static ps_error each(const char *code, int u, const char *text, int m, seen *s, ps_ctx *ctx)
{
    memset(s->text, 0, sizeof s->text);
    s->n = 0;
    return ps_expected_each(cat, rep(code), u, per(text), m, note, s, ctx);
}

TEST(a_month_in_report_order_with_the_year_in_december)
{
    seen s = {0};
    ps_ctx ctx = {0};
    CHECK_INT(each("CCTK_193", -1, "2016-12", PS_MEASURE_ACTUAL, &s, &ctx), PS_OK);
    CHECK_STR(s.text, "193,RETAIL,2016-12,2016-12\n193,DOCS_TOTAL,2016-12,2016-12\n"
                      "193,DOCS_ONLINE,2016-12,2016-12\n193,POP,2016,2016-12\n");
    CHECK_INT(each("CCTK_193", -1, "2016-11", PS_MEASURE_ACTUAL, &s, &ctx), PS_OK);
    CHECK_INT(s.n, 3); /* POP is due in December only; DOCS_PCT never */
}

TEST(a_quarter_lists_each_month_by_unit_then_indicator)
{
    seen s = {0};
    ps_ctx ctx = {0};
    CHECK_INT(each("CCTK_196", -1, "2016-Q4", PS_MEASURE_ACTUAL, &s, &ctx), PS_OK);
    CHECK_STR(s.text, "196,RETAIL,2016-10,2016-10\n196,RETAIL,2016-11,2016-11\n196,RETAIL,2016-12,2016-12\n"
                      "196,DOCS_TOTAL,2016-10,2016-10\n196,DOCS_TOTAL,2016-11,2016-11\n"
                      "196,DOCS_TOTAL,2016-12,2016-12\n196,DOCS_ONLINE,2016-10,2016-10\n"
                      "196,DOCS_ONLINE,2016-11,2016-11\n196,DOCS_ONLINE,2016-12,2016-12\n");
}

TEST(a_report_level_takes_the_units_valid_then)
{
    seen s = {0};
    ps_ctx ctx = {0};
    CHECK_INT(each("CTK", -1, "2019-12", PS_MEASURE_ACTUAL, &s, &ctx), PS_OK);
    CHECK_INT(s.n, 12); /* 193, 196, 204 × RETAIL, DOCS_TOTAL, DOCS_ONLINE, POP */
    CHECK_INT(each("CTK", -1, "2020-01", PS_MEASURE_ACTUAL, &s, &ctx), PS_OK);
    CHECK_STR(s.text, "193,RETAIL,2020-01,2020-01\n193,DOCS_TOTAL,2020-01,2020-01\n"
                      "193,DOCS_ONLINE,2020-01,2020-01\n196,RETAIL,2020-01,2020-01\n"
                      "196,DOCS_TOTAL,2020-01,2020-01\n196,DOCS_ONLINE,2020-01,2020-01\n");
    CHECK(ps_expected_reports_for(cat, rep("CTK"), ps_catalog_unit(cat, "204")));
    CHECK(!ps_expected_reports_for(cat, rep("CTK"), ps_catalog_unit(cat, "22")));
    CHECK(ps_expected_reports_for(cat, rep("CCTK_196"), ps_catalog_unit(cat, "196")));
    CHECK(!ps_expected_reports_for(cat, rep("CCTK_196"), ps_catalog_unit(cat, "193")));
}

TEST(one_unit)
{
    seen s = {0};
    ps_ctx ctx = {0};
    CHECK_INT(each("CTK", ps_catalog_unit(cat, "196"), "2016-07", PS_MEASURE_ACTUAL, &s, &ctx), PS_OK);
    CHECK_STR(s.text, "196,RETAIL,2016-07,2016-07\n196,DOCS_TOTAL,2016-07,2016-07\n196,DOCS_ONLINE,2016-07,2016-07\n");
    CHECK_INT(each("CTK", ps_catalog_unit(cat, "22"), "2016-07", PS_MEASURE_ACTUAL, &s, &ctx), PS_OK);
    CHECK_INT(s.n, 0); /* CTK reports for the districts, not the province */
}

TEST(a_plan_is_for_a_year_of_flow_and_stock_indicators)
{
    seen s = {0};
    ps_ctx ctx = {0};
    CHECK_INT(each("CCTK_193", -1, "2016", PS_MEASURE_PLAN, &s, &ctx), PS_OK);
    CHECK_STR(s.text, "193,RETAIL,2016,2016\n193,DOCS_TOTAL,2016,2016\n193,DOCS_ONLINE,2016,2016\n193,POP,2016,2016\n");
    /* a unit valid for part of the year only has no plan for it */
    CHECK_INT(each("CTK", -1, "2020", PS_MEASURE_PLAN, &s, &ctx), PS_OK);
    CHECK_INT(s.n, 8);
    ps_ctx e1 = {0}, e2 = {0}, e3 = {0};
    CHECK_INT(each("CCTK_193", -1, "2016-07", PS_MEASURE_PLAN, &s, &e1), PS_ERR_USAGE);
    CHECK_STR(ps_ctx_message(&e1), "a plan is for a year: 2016-07 is not a year (write 2016)");
    CHECK_INT(s.n, 0);
    CHECK_INT(each("CCTK_193", -1, "2016", 7, &s, &e2), PS_ERR_USAGE);
    CHECK_STR(ps_ctx_message(&e2), "measure 7 is neither actual nor plan");
    ps_period none = {0};
    CHECK_INT(ps_expected_each(cat, rep("CCTK_193"), -1, none, PS_MEASURE_ACTUAL, note, &s, &e3), PS_ERR_USAGE);
}

TEST(an_error_of_the_callback_stops_it)
{
    seen s = {.stop_at = 2};
    ps_ctx ctx = {0};
    CHECK_INT(each("CTK", -1, "2016-07", PS_MEASURE_ACTUAL, &s, &ctx), PS_ERR_IO);
    CHECK_INT(s.n, 2);
    CHECK_STR(ps_ctx_message(&ctx), "stopped at 2");
}

TEST(deadlines)
{
    char b[PS_DATE_BUFSZ];
    CHECK_STR(ps_expected_deadline(rep("CCTK_193"), per("2016-12"), b), "2017-01-20");
    CHECK_STR(ps_expected_deadline(rep("CTK"), per("2016-07"), b), "2016-08-25");
    CHECK_STR(ps_expected_deadline(rep("CTK"), per("2016"), b), "2017-01-25");
}

TEST(days)
{
    long a = 0, b = 0;
    CHECK(ps_status_day("2016-12-31", &a) && ps_status_day("2017-01-20", &b));
    CHECK_INT(b - a, 20);
    CHECK(ps_status_day("2016-02-28", &a) && ps_status_day("2016-03-01", &b));
    CHECK_INT(b - a, 2);
    CHECK(ps_status_day("2015-02-28", &a) && ps_status_day("2015-03-01", &b));
    CHECK_INT(b - a, 1);
    CHECK(ps_status_day("2000-02-28", &a) && ps_status_day("2000-03-01", &b));
    CHECK_INT(b - a, 2);
    CHECK(ps_status_day("2100-02-28", &a) && ps_status_day("2100-03-01", &b));
    CHECK_INT(b - a, 1);
    CHECK(ps_status_day("1900-01-01", &a) && ps_status_day("2100-12-31", &b));
    CHECK_INT(b - a, 73413); /* 201 years, 49 leap days (1900 and 2100 are not leap years) */
    CHECK(ps_status_day("2016-02-29", &a));
    const char *bad[] = {"2015-02-29", "2016-13-01", "2016-00-10", "2016-04-31", "2016-7-01", "2016-07-01T10:00",
                         "1899-12-31", "2101-01-01", "05/09/2016", "2016/07/01", "", "2016-07-0x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (ps_status_day(bad[i], &a))
            CHECK_FAIL_("%s read as a date", bad[i]);
    CHECK(!ps_status_day(NULL, &a));
}

/* An engine on db. */
static ps_engine *engine(void)
{
    ps_engine *e = NULL;
    ps_ctx ctx = {0};
    CHECK_INT(ps_engine_new(db, cat, &e, &ctx), PS_OK);
    return e;
}

TEST(missing_is_what_status_counts_as_missing)
{
    ps_engine *e = engine();
    ps_ctx ctx = {0};
    ps_status_row *rows;
    CHECK_INT(ps_status_compute(db, cat, e, per("2016-07"), &rows, &ctx), PS_OK);
    ps_missing_row *m;
    size_t n;
    CHECK_INT(ps_status_missing(e, per("2016-07"), -1, "2016-08-22", &m, &n, &ctx), PS_OK);
    CHECK_INT((long)n, rows[cat->nreporters].missing);
    CHECK_INT((long)n, 15);
    /* CCTK_193 first: 193 RETAIL, two days after the 20th */
    CHECK(n > 0 && m[0].reporter == ps_catalog_reporter(cat, "CCTK_193"));
    CHECK(n > 0 && strcmp(m[0].deadline, "2016-08-20") == 0 && m[0].days_late == 2);
    /* CTK's deadline is the 25th: three days before it */
    CHECK(n == 15 && m[14].reporter == ps_catalog_reporter(cat, "CTK") && m[14].days_late == -3);
    free(m);
    CHECK_INT(ps_status_missing(e, per("2016-07"), ps_catalog_reporter(cat, "CCTK_196"), "2016-08-22", &m, &n, &ctx),
              PS_OK);
    CHECK_INT((long)n, 3);
    free(m);
    free(rows);
    ps_engine_free(e);
}

TEST(missing_refuses_a_bad_day_and_reporter)
{
    ps_engine *e = engine();
    ps_missing_row *m = (ps_missing_row *)&m;
    size_t n = 9;
    ps_ctx c1 = {0}, c2 = {0};
    CHECK_INT(ps_status_missing(e, per("2016-07"), -1, "2016-02-30", &m, &n, &c1), PS_ERR_USAGE);
    CHECK_STR(ps_ctx_message(&c1), "2016-02-30 is not a date: write YYYY-MM-DD");
    CHECK(m == NULL && n == 0);
    CHECK_INT(ps_status_missing(e, per("2016-07"), 99, "2016-08-01", &m, &n, &c2), PS_ERR_USAGE);
    ps_engine_free(e);
}

TEST(missing_fails_with_the_database)
{
    ps_engine *e = engine();
    ps_ctx ctx = {0};
    CHECK_INT(ps_db_exec(db, "ALTER TABLE submission RENAME TO gone", &ctx), PS_OK);
    ps_missing_row *m;
    size_t n;
    ps_ctx c = {0};
    CHECK_INT(ps_status_missing(e, per("2016-07"), -1, "2016-08-01", &m, &n, &c), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c), "gone") != NULL || strstr(ps_ctx_message(&c), "submission") != NULL);
    CHECK(m == NULL && n == 0);
    ps_engine_free(e);
    CHECK_INT(ps_db_exec(db, "ALTER TABLE gone RENAME TO submission", &ctx), PS_OK);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_expected PROVSTAT (from the repo root)\n");
        return 2;
    }
    char dir[] = "/tmp/provstat-expected.XXXXXX", path[600], cmd[2048];
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    snprintf(path, sizeof path, "%s/t.db", dir);
    snprintf(cmd, sizeof cmd, "'%s' --db '%s' init --catalog tests/data/catalogs/ingest >/dev/null", argv[1], path);
    if (system(cmd) != 0) {
        fprintf(stderr, "init failed: %s\n", cmd);
        return 1;
    }
    ps_ctx ctx = {0};
    ps_db_opts opts = {0};
    if (ps_db_open(&db, path, &opts, &ctx) || ps_db_catalog_load(db, &cat, &ctx)) {
        fprintf(stderr, "%s\n", ps_ctx_message(&ctx));
        return 1;
    }
    RUN(a_month_in_report_order_with_the_year_in_december);
    RUN(a_quarter_lists_each_month_by_unit_then_indicator);
    RUN(a_report_level_takes_the_units_valid_then);
    RUN(one_unit);
    RUN(a_plan_is_for_a_year_of_flow_and_stock_indicators);
    RUN(an_error_of_the_callback_stops_it);
    RUN(deadlines);
    RUN(days);
    RUN(missing_is_what_status_counts_as_missing);
    RUN(missing_refuses_a_bad_day_and_reporter);
    RUN(missing_fails_with_the_database);
    ps_catalog_free(cat);
    ps_db_close(db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
