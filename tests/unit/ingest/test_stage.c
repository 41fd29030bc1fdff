/* test_stage.c - the writer's staged first values (ingest/writer.h) store
 * exactly what writing each row at once stores, with the same diagnostics.
 *
 * One file, ordered by period like a monthly backfill, goes into databases
 * that already hold a few series, once with each staging bound: 1 (every
 * row written at once: the plain path), 7 and 5 (the bound reached in the
 * middle of the file, few rows against many series), 40 (many rows) and 0
 * (the default: the whole file). The file has what could tell them apart:
 * revisions and unchanged rows of stored series, a key twice, a series
 * going back to earlier periods, a note, a coverage below 1, plan rows, a
 * '-' mark, a rule failure undone by --partial, a spike for the history
 * warnings. Every table the ingest writes (obs, revision, override, the
 * counts of the submission), the result and every diagnostic must be the
 * same for every bound.
 */
#include "check.h"

#include "ingest/change.h"
#include "ingest/ingest.h"
#include "store/db.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { UNITS = 12, MONTHS = 8 };
static const char *const inds[] = {"I1", "I2", "I3", "I4", "TOT", "ONL"};
enum { NINDS = sizeof inds / sizeof *inds };

static char dir[] = "/tmp/provstat-test-stage.XXXXXX";

static void put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A province P of UNITS districts D01.., the indicators of inds, one
 * reporter REP for all of them, the rule ONL <= TOT. */
static void write_catalog(void)
{
    char buf[4096];
    int at = snprintf(buf, sizeof buf, "code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n"
                                       "P,Tỉnh,Province,province,tỉnh,,,,\n");
    for (int u = 1; u <= UNITS; u++)
        at += snprintf(buf + at, sizeof buf - (size_t)at, "D%02d,Huyện %d,District %d,district,huyện,P,,,\n", u, u, u);
    put("units.csv", buf);
    at = snprintf(buf, sizeof buf, "code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,"
                                   "formula,order,group,frequency,key\n");
    for (int i = 0; i < NINDS; i++)
        at += snprintf(buf + at, sizeof buf - (size_t)at, "%s,Chỉ tiêu %d,Indicator %d,đv,u,flow,sum,sum,1,,,,%d,G,month,\n",
                       inds[i], i, i, i + 1);
    put("indicators.csv", buf);
    put("reporters.csv", "code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n"
                         "REP,Cục,Office,P,*,district,20\n");
    put("rules.csv", "code,left,op,right,severity,message_vi,message_en\n"
                     "R1,ONL,<=,TOT,error,Trực tuyến không vượt tổng,online cannot exceed the total\n");
}

#define HEADER "unit,indicator,period,measure,value,status,note,coverage\n"

/* What the databases hold before: I1 of D01..D04, January to March. */
static void write_base(void)
{
    char buf[2048];
    int at = snprintf(buf, sizeof buf, HEADER);
    for (int m = 1; m <= 3; m++)
        for (int u = 1; u <= 4; u++)
            at += snprintf(buf + at, sizeof buf - (size_t)at, "D%02d,I1,2020-%02d,,%d,A,,\n", u, m, 100 * u + m);
    put("base.csv", buf);
}

/* One row of the file, with its special cases (see the top of the file). */
static void row(FILE *f, int m, int u, int i)
{
    const char *ind = inds[i];
    double v = 50 + u * 7 + i * 3 + m;
    const char *note = "", *coverage = "", *value_text = NULL;
    if (u <= 4 && i == 0 && m <= 3)
        v = m == 2 ? 999 : 100 * u + m;         /* stored: unchanged, or (February) revised */
    if (i == 5)
        v = (u == 9 && m == 6) ? 500 : 10 + m;  /* ONL: above TOT once, for D09 in June */
    if (u == 10 && i == 0 && m == 8)
        v = 100000;                             /* a spike */
    if (u == 7 && i == 0 && m == 4)
        note = "ước tính, theo Sở";
    if (u == 7 && i == 1 && m == 4)
        coverage = "0.5";
    if (u == 11 && i == 1 && m == 5)
        value_text = "-";
    if (value_text)
        fprintf(f, "D%02d,%s,2020-%02d,,%s,A,\"%s\",%s\n", u, ind, m, value_text, note, coverage);
    else
        fprintf(f, "D%02d,%s,2020-%02d,,%g,A,\"%s\",%s\n", u, ind, m, v, note, coverage);
    if (u == 3 && i == 3 && m == 2)             /* a key twice, on the next line */
        fprintf(f, "D03,I4,2020-02,,%g,A,,\n", v + 1);
    if (u == 8 && i == 0)                       /* its plan */
        fprintf(f, "D%02d,%s,2020-%02d,plan,%g,A,,\n", u, ind, m, v * 2);
}

/* The file: period -> unit -> indicator, with keys twice (D03 I4 in
 * February on the next line, D05 I2 in May lines apart) and D06 I3's August sent in March, so that April to July
 * go back before its latest period, and August comes again. */
static void write_file(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/data.csv", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(HEADER, f);
    for (int m = 1; m <= MONTHS; m++) {
        for (int u = 1; u <= UNITS; u++)
            for (int i = 0; i < NINDS; i++)
                row(f, m, u, i);
        if (m == 3)
            row(f, 8, 6, 2);
        if (m == 5)
            fputs("D05,I2,2020-05,,12345,A,,\n", f);
    }
    fclose(f);
}

/* Every row of each query, its fields separated by '|', into f. */
static void dump(sqlite3 *h, const char *const *queries, size_t n, FILE *f)
{
    for (size_t q = 0; q < n; q++) {
        sqlite3_stmt *st = NULL;
        CHECK_INT(sqlite3_prepare_v2(h, queries[q], -1, &st, NULL), SQLITE_OK);
        while (st && sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                const unsigned char *t = sqlite3_column_text(st, c);
                fprintf(f, "%s%s", c ? "|" : "", t ? (const char *)t : "NULL");
            }
            fputc('\n', f);
        }
        sqlite3_finalize(st);
    }
}

/* Everything the ingest with stage_max left: tables, result, diagnostics. */
typedef struct outcome {
    char *tables, *diags;
    size_t tables_len, diags_len;
    ps_ingest_result res;
} outcome;

static ps_error ingest(ps_db *db, ps_catalog *cat, const char *name, size_t stage_max, ps_ingest_result *res,
                       ps_diags *d, ps_ctx *ctx)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    ps_ingest_opts o = {.reporter = "REP", .received = "2020-11-10", .partial = true, .stage_max = stage_max};
    return ps_ingest_file(db, cat, path, &o, res, d, ctx);
}

static void run_with(size_t stage_max, outcome *out)
{
    char dbpath[256];
    snprintf(dbpath, sizeof dbpath, "%s/db-%zu.db", dir, stage_max);
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_catalog *cat = NULL;
    ps_db *db = NULL;
    ps_db_opts opts = {.create = true};
    CHECK_INT(ps_db_open(&db, dbpath, &opts, &ctx), PS_OK);
    CHECK_INT(ps_catalog_read_dir(&cat, dir, &d, &ctx), PS_OK);
    const char *paths[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    ps_ingest_result base;
    if (db && cat) {
        CHECK_INT(ps_change_catalog(db, cat, paths, &d, &ctx), PS_OK);
        CHECK_INT(ingest(db, cat, "base.csv", 0, &base, &d, &ctx), PS_OK);
        CHECK_INT(base.stored, 12);
        ps_diags_free(&d);
        ps_diags_init(&d);
        /* --partial with errors in the file: the good rows stored, PS_ERR_REFUSED */
        CHECK_INT(ingest(db, cat, "data.csv", stage_max, &out->res, &d, &ctx), PS_ERR_REFUSED);
    }
    ps_catalog_free(cat);
    ps_db_close(db);
    FILE *f = open_memstream(&out->diags, &out->diags_len);
    for (size_t i = 0; i < d.n; i++)
        fprintf(f, "%ld:%d:%d:%d:%s\n", d.v[i].line, d.v[i].column, (int)d.v[i].severity, (int)d.v[i].code,
                d.v[i].message);
    fclose(f);
    ps_diags_free(&d);
    static const char *const queries[] = {
        "SELECT 'obs', * FROM obs",
        "SELECT 'revision', * FROM revision ORDER BY unit_id, indicator_id, measure, period, revision",
        "SELECT 'override', * FROM override ORDER BY 2, 3, 4, 5, 6",
        ("SELECT 'submission', id, reporter_id, file, options, rows_read, stored, revised, unchanged, marks,"
         " skipped, refused, forced, outcome FROM submission ORDER BY id"),
    };
    sqlite3 *h = NULL;
    CHECK_INT(sqlite3_open_v2(dbpath, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    f = open_memstream(&out->tables, &out->tables_len);
    dump(h, queries, sizeof queries / sizeof *queries, f);
    fclose(f);
    sqlite3_close(h);
}

TEST(every_bound_stores_what_the_plain_path_stores)
{
    outcome plain = {0};
    run_with(1, &plain);
    /* the file has what it is meant to have */
    CHECK(strstr(plain.tables, "obs|") != NULL);
    CHECK(strstr(plain.tables, "revision|") != NULL);
    CHECK(strstr(plain.tables, "ước tính, theo Sở") != NULL);
    CHECK(plain.res.revised >= 1 && plain.res.unchanged >= 1 && plain.res.refused >= 1);
    CHECK(strstr(plain.diags, ":1:") != NULL || strstr(plain.diags, ":2:") != NULL);
    printf("plain path: %ld stored, %ld revised, %ld unchanged, %ld refused; %zu bytes of diagnostics\n",
           plain.res.stored, plain.res.revised, plain.res.unchanged, plain.res.refused, plain.diags_len);
    size_t bounds[] = {7, 5, 40, 0};
    for (size_t b = 0; b < sizeof bounds / sizeof *bounds; b++) {
        outcome o = {0};
        run_with(bounds[b], &o);
        printf("stage_max %zu\n", bounds[b]);
        CHECK_STR(o.tables, plain.tables);
        CHECK_STR(o.diags, plain.diags);
        CHECK_INT(o.res.stored, plain.res.stored);
        CHECK_INT(o.res.revised, plain.res.revised);
        CHECK_INT(o.res.unchanged, plain.res.unchanged);
        CHECK_INT(o.res.refused, plain.res.refused);
        free(o.tables);
        free(o.diags);
    }
    free(plain.tables);
    free(plain.diags);
}

/* A database holding the catalog and base.csv, where an insert into obs of
 * the row at line `line` of a file fails (a trigger): what the ingest of
 * data.csv with stage_max says, and obs left as the base. */
static void fail_at(long line, size_t stage_max)
{
    char dbpath[256], sql[256];
    snprintf(dbpath, sizeof dbpath, "%s/fail-%ld-%zu.db", dir, line, stage_max);
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_catalog *cat = NULL;
    ps_db *db = NULL;
    ps_db_opts opts = {.create = true};
    CHECK_INT(ps_db_open(&db, dbpath, &opts, &ctx), PS_OK);
    CHECK_INT(ps_catalog_read_dir(&cat, dir, &d, &ctx), PS_OK);
    const char *paths[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    ps_ingest_result res;
    if (db && cat) {
        CHECK_INT(ps_change_catalog(db, cat, paths, &d, &ctx), PS_OK);
        CHECK_INT(ingest(db, cat, "base.csv", 0, &res, &d, &ctx), PS_OK);
    }
    ps_db_close(db);
    sqlite3 *h = NULL;
    CHECK_INT(sqlite3_open(dbpath, &h), SQLITE_OK);
    snprintf(sql, sizeof sql, "CREATE TRIGGER fail BEFORE INSERT ON obs WHEN NEW.line = %ld"
                              " BEGIN SELECT RAISE(ABORT, 'the test fails line %ld'); END", line, line);
    CHECK_INT(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    db = NULL;
    opts.create = false;
    CHECK_INT(ps_db_open(&db, dbpath, &opts, &ctx), PS_OK);
    if (db && cat) {
        CHECK_INT(ingest(db, cat, "data.csv", stage_max, &res, &d, &ctx), PS_ERR_DB);
        CHECK(strstr(ps_ctx_message(&ctx), "storing values") != NULL);
        CHECK(strstr(ps_ctx_message(&ctx), "the test fails line") != NULL);
    }
    ps_db_close(db);
    ps_catalog_free(cat);
    ps_diags_free(&d);
    CHECK_INT(sqlite3_open_v2(dbpath, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(h, "SELECT count(*) FROM obs", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(st ? sqlite3_step(st) : 0, SQLITE_ROW);
    CHECK_INT(st ? sqlite3_column_int(st, 0) : 0, 12);
    sqlite3_finalize(st);
    sqlite3_close(h);
}

/* A failed write of staged rows fails the ingest, whichever write it is:
 * at the bound (5), before a read (the default bound: line 90, D03 I4 in
 * February, staged, is read for the same key on line 91), or after the
 * last row (the default bound: line 3, D01 I2 in January, never read).
 * Nothing is stored. */
TEST(a_failed_write_of_staged_rows_fails_the_ingest)
{
    fail_at(90, 1);
    fail_at(90, 5);
    fail_at(90, 0);
    fail_at(3, 0);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    write_catalog();
    write_base();
    write_file();
    RUN(every_bound_stores_what_the_plain_path_stores);
    RUN(a_failed_write_of_staged_rows_fails_the_ingest);
    int failed = check_done();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (!failed && system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    if (failed)
        fprintf(stderr, "test_stage: kept %s\n", dir);
    return failed;
}
