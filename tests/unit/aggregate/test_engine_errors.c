/* test_engine_errors.c - a database failure inside any computation of the
 * engine reaches the caller: the public function returns PS_ERR_DB with
 * SQLite's words in the caller's context, whatever the depth of the read
 * (a derived value compared on a comparable basis reads its components'
 * comparable values, which read the stored values), and nothing computed
 * alongside the failure is kept for later commands.
 *
 * The database: a small catalog of its own with a merger (Hoành Bồ 204
 * into Hạ Long 193 from 2020) and a derived per-head revenue, made with
 * the provstat binary. A failure is made by renaming a table the engine
 * reads (obs, or status_count for the kept counts) after the engine started;
 * the rename is undone after each test.
 *
 * usage: test_engine_errors PROVSTAT (run from the repo root)
 */
#include "check.h"

#include "aggregate/check.h"
#include "aggregate/engine.h"
#include "aggregate/kept.h"
#include "core/formula.h"
#include "store/db_int.h"
#include "store/dbcatalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ps_db *db;
static ps_catalog *cat;
static int u193, u22, rev, revpc;
static const ps_period JAN19 = {2019, PS_P_MONTH, 1}, JAN20 = {2020, PS_P_MONTH, 1};

/* An engine whose reads of table `table` fail: the table is renamed once
 * the engine has started (and read nothing yet). */
static ps_engine *broken_engine(const char *table)
{
    ps_engine *e = NULL;
    ps_ctx ctx = {0};
    CHECK_INT(ps_engine_new(db, cat, &e, &ctx), PS_OK);
    char sql[128];
    snprintf(sql, sizeof sql, "ALTER TABLE %s RENAME TO gone", table);
    CHECK_INT(ps_db_exec(db, sql, &ctx), PS_OK);
    return e;
}

/* Frees e and gives the table its name back. */
static void mend(ps_engine *e, const char *table)
{
    ps_engine_free(e);
    char sql[128];
    snprintf(sql, sizeof sql, "ALTER TABLE gone RENAME TO %s", table);
    ps_ctx ctx = {0};
    CHECK_INT(ps_db_exec(db, sql, &ctx), PS_OK);
}

/* err is PS_ERR_DB and ctx names the missing table. */
#define CHECK_DB_FAILED(err, ctx, table)                                          \
    do {                                                                          \
        CHECK_INT((err), PS_ERR_DB);                                              \
        CHECK(strstr(ps_ctx_message(&(ctx)), "no such table: " table) != NULL);   \
    } while (0)

TEST(a_derived_comparable_value_fails_with_its_components)
{
    /* the case of issue 11: per_capita(REV) of January 2019 on the
     * boundaries of January 2020 reads REV and POP of 193 and 204 */
    ps_engine *e = broken_engine("obs");
    ps_ctx ctx = {0};
    ps_val v;
    CHECK_DB_FAILED(ps_engine_comparable(e, u193, revpc, JAN19, JAN20, &v, &ctx), ctx, "obs");
    CHECK(!v.has);
    ps_ctx again = {0};
    CHECK_DB_FAILED(ps_engine_comparable_ytd(e, u193, revpc, JAN19, JAN20, &v, &again), again, "obs");
    mend(e, "obs");
}

TEST(every_public_computation_fails)
{
    ps_engine *e = broken_engine("obs");
    ps_val v;
    ps_ctx c1 = {0}, c2 = {0}, c3 = {0}, c4 = {0}, c5 = {0}, c6 = {0};
    CHECK_DB_FAILED(ps_engine_value(e, u22, rev, JAN20, &v, &c1), c1, "obs");       /* a roll-up */
    CHECK_DB_FAILED(ps_engine_value(e, u193, revpc, JAN20, &v, &c2), c2, "obs");    /* a derived value */
    CHECK_DB_FAILED(ps_engine_ytd(e, u22, revpc, ps_period_make(PS_P_MONTH, 2019, 12), &v, &c3), c3, "obs");
    CHECK_DB_FAILED(ps_engine_plan(e, u22, rev, 2020, &v, &c4), c4, "obs");
    CHECK_DB_FAILED(ps_engine_children(e, u22, rev, JAN20, &v, &c5), c5, "obs");
    ps_diags d = {0};
    CHECK_DB_FAILED(ps_check_period(e, JAN20, &d, &c6), c6, "obs");
    ps_diags_free(&d);
    /* nothing computed alongside the failures is kept */
    bool saved = true;
    ps_ctx c7 = {0};
    CHECK_INT(ps_engine_save(e, &saved, &c7), PS_OK);
    CHECK(!saved);
    mend(e, "obs");
}

TEST(an_answer_after_a_failure_is_right)
{
    /* a failed read leaves nothing half computed behind: once the table
     * is back, the same engine answers as a fresh one */
    ps_engine *e = broken_engine("obs");
    ps_val v;
    ps_ctx ctx = {0};
    CHECK_INT(ps_engine_value(e, u22, rev, JAN20, &v, &ctx), PS_ERR_DB);
    CHECK_INT(ps_db_exec(db, "ALTER TABLE gone RENAME TO obs", &ctx), PS_OK);
    ps_ctx ok = {0};
    CHECK_INT(ps_engine_value(e, u22, rev, JAN20, &v, &ok), PS_OK);
    CHECK(v.has);
    CHECK_NEAR(v.v, 150, 0);
    CHECK_INT(ps_engine_comparable(e, u193, revpc, JAN19, JAN20, &v, &ok), PS_OK);
    CHECK(v.has);
    CHECK_NEAR(v.v, 140.0 / 300000 * 1000, 1e-15);
    /* the merge into kept roll-ups refuses after a failure, and says so */
    ps_ctx merged = {0};
    CHECK_INT(ps_engine_merge_kept(e, &merged), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&merged), "a computation failed") != NULL);
    ps_engine_free(e);
}

TEST(kept_counts_fail_too)
{
    /* the reporting counts of status (aggregate/kept.h) read status_count */
    ps_engine *e = broken_engine("status_count");
    bool found = true;
    long c[3];
    ps_ctx c1 = {0};
    CHECK_DB_FAILED(ps_kept_counts(ps_engine_kept(e), cat->reporters[0].id, cat->units[u193].id, ps_period_key(JAN20),
                                   c, &found, &c1),
                    c1, "status_count");
    CHECK(!found);
    mend(e, "status_count");
}

TEST(an_engine_cannot_start_without_its_kept_rollups)
{
    /* the kept rows are valid for this snapshot, so the table must be read */
    ps_ctx ctx = {0};
    CHECK_INT(ps_db_exec(db, "ALTER TABLE rollup RENAME TO gone", &ctx), PS_OK);
    ps_engine *e = NULL;
    ps_ctx failed = {0};
    CHECK_DB_FAILED(ps_engine_new(db, cat, &e, &failed), failed, "rollup");
    CHECK(e == NULL);
    CHECK_INT(ps_db_exec(db, "ALTER TABLE gone RENAME TO rollup", &ctx), PS_OK);
}

/* ps_engine_eval of formula text for u in p, on a fresh engine. */
static ps_error eval_text(ps_engine *e, const char *text, int u, ps_period p, ps_val *v, ps_ctx *ctx)
{
    char msg[200];
    ps_fnode *f = ps_formula_parse(text, msg, sizeof msg);
    CHECK(f != NULL);
    ps_error err = ps_engine_eval(e, f, u, p, v, ctx);
    ps_formula_free(f);
    return err;
}

TEST(eval_reads_a_formula_as_a_derived_value)
{
    ps_engine *e = NULL;
    ps_ctx ctx = {0};
    CHECK_INT(ps_engine_new(db, cat, &e, &ctx), PS_OK);
    ps_val v, d;
    /* REVPC's own formula gives REVPC's value */
    CHECK_INT(eval_text(e, "per_capita(REV) * 1000", u193, JAN20, &v, &ctx), PS_OK);
    CHECK_INT(ps_engine_value(e, u193, revpc, JAN20, &d, &ctx), PS_OK);
    CHECK(v.has && d.has);
    CHECK_NEAR(v.v, 0.5, 1e-15);
    CHECK_NEAR(v.v, d.v, 0);
    CHECK(v.flags & PS_VF_DERIVED);
    /* on aggregated values: the province's revenue is its districts' */
    CHECK_INT(eval_text(e, "plan(REV) / REV", u22, JAN20, &v, &ctx), PS_OK);
    CHECK(v.has);
    CHECK_NEAR(v.v, 1800.0 / 150, 1e-15);
    CHECK_INT(eval_text(e, "REV + prev_year(REV)", u22, JAN20, &v, &ctx), PS_OK);
    CHECK_NEAR(v.v, 150 + 140, 0);
    /* per_capita: POP of the same period, no stand-in */
    CHECK_INT(eval_text(e, "per_capita(REV)", u193, JAN19, &v, &ctx), PS_OK);
    CHECK_NEAR(v.v, 100.0 / 250000, 1e-15);
    CHECK(!(v.flags & PS_VF_CARRIED));
    /* Hoành Bồ has no POP in January 2020 nor in the year 2020: the year
     * 2019's (its January's) stands in, flagged carried */
    int u204 = ps_catalog_unit(cat, "204");
    CHECK_INT(eval_text(e, "per_capita(prev_year(REV))", u204, JAN20, &v, &ctx), PS_OK);
    CHECK(v.has);
    CHECK_NEAR(v.v, 40.0 / 50000, 1e-15);
    CHECK(v.flags & PS_VF_CARRIED);
    /* division by zero and a missing operand give no value */
    CHECK_INT(eval_text(e, "REV / 0", u193, JAN20, &v, &ctx), PS_OK);
    CHECK(!v.has);
    CHECK_INT(eval_text(e, "REV", u193, ps_period_make(PS_P_MONTH, 2020, 2), &v, &ctx), PS_OK);
    CHECK(!v.has);
    ps_engine_free(e);
}

TEST(eval_fails_with_its_operands)
{
    ps_engine *e = broken_engine("obs");
    ps_val v;
    ps_ctx ctx = {0};
    CHECK_DB_FAILED(eval_text(e, "per_capita(REV)", u22, JAN20, &v, &ctx), ctx, "obs");
    CHECK(!v.has);
    mend(e, "obs");
}

static int run(const char *cmd)
{
    int rc = system(cmd);
    if (rc != 0)
        fprintf(stderr, "failed (%d): %s\n", rc, cmd);
    return rc;
}

/* The catalog and data of the test, and the database made from them with
 * provstat (status kept once, so that the kept numbers are valid). */
static int make_db(const char *ps, const char *dir, char *path, size_t n)
{
    char f[600], cmd[2048];
    static const char *const files[][2] = {
        {"units.csv", "code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                      "22,Quảng Ninh,Quang Ninh,province,tỉnh,,,,\n"
                      "193,Hạ Long,Ha Long,district,thành phố,22,,,\n"
                      "204,Hoành Bồ,Hoanh Bo,district,huyện,22,,2019-12,193\n"},
        {"reporters.csv", "code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n"
                          "CTK,Cục Thống kê,Statistics Office,22,*,district,20\n"},
        {"indicators.csv", "code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,formula,order,"
                           "group\n"
                           "REV,Thu ngân sách,Budget revenue,tỷ đồng,VND bn,flow,sum,sum,1,0,,,1,Ngân sách\n"
                           "POP,Dân số,Population,người,persons,stock,sum,last,0,0,,,2,Dân số\n"
                           "REVPC,Thu bình quân,Revenue per head,nghìn đồng,VND thousand,derived,,,1,,,"
                           "per_capita(REV) * 1000,3,Ngân sách\n"},
        {"rules.csv", "code,left,op,right,severity,message_vi,message_en\n"
                      "PC_MAX,per_capita(REV),<=,1,warning,Quá lớn,Too large\n"},
        {"../data.csv", "unit,indicator,period,measure,value\n"
                        "193,REV,2019-01,actual,100\n204,REV,2019-01,actual,40\n"
                        "193,POP,2019-01,actual,250000\n204,POP,2019-01,actual,50000\n"
                        "193,REV,2020-01,actual,150\n193,POP,2020-01,actual,300000\n"
                        "193,REV,2020,plan,1800\n"}};
    snprintf(f, sizeof f, "%s/cat", dir);
    if (mkdir(f, 0700)) {
        perror(f);
        return 1;
    }
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(f, sizeof f, "%s/cat/%s", dir, files[i][0]);
        FILE *fp = fopen(f, "w");
        if (!fp || fputs(files[i][1], fp) < 0 || fclose(fp)) {
            perror(f);
            return 1;
        }
    }
    snprintf(path, n, "%s/e.db", dir);
    snprintf(cmd, sizeof cmd,
             "'%s' --db '%s' init --catalog '%s/cat' >/dev/null && "
             "'%s' --db '%s' ingest '%s/data.csv' --reporter CTK --received 2020-02-10 >/dev/null && "
             "'%s' --db '%s' status --period 2020-01 >/dev/null",
             ps, path, dir, ps, path, dir, ps, path);
    return run(cmd);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_engine_errors PROVSTAT (from the repo root)\n");
        return 2;
    }
    char dir[] = "/tmp/provstat-engine-errors.XXXXXX", path[600];
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    if (make_db(argv[1], dir, path, sizeof path))
        return 1;
    ps_ctx ctx = {0};
    ps_db_opts opts = {0};
    if (ps_db_open(&db, path, &opts, &ctx) || ps_db_catalog_load(db, &cat, &ctx)) {
        fprintf(stderr, "%s\n", ps_ctx_message(&ctx));
        return 1;
    }
    u193 = ps_catalog_unit(cat, "193");
    u22 = ps_catalog_unit(cat, "22");
    rev = ps_catalog_indicator(cat, "REV");
    revpc = ps_catalog_indicator(cat, "REVPC");
    RUN(a_derived_comparable_value_fails_with_its_components);
    RUN(every_public_computation_fails);
    RUN(an_answer_after_a_failure_is_right);
    RUN(kept_counts_fail_too);
    RUN(an_engine_cannot_start_without_its_kept_rollups);
    RUN(eval_reads_a_formula_as_a_derived_value);
    RUN(eval_fails_with_its_operands);
    ps_catalog_free(cat);
    ps_db_close(db);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    run(cmd);
    return check_done();
}
