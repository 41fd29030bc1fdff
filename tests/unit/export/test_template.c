/* test_template.c - the template writer's contract (export/template.h): the
 * format by the file's ending, the refusals, and a failure leaves no file.
 * What the rows hold is tested on the sample by tests/scripts/test_template.sh
 * and tests/cases/cli/61x.
 *
 * The catalog: tests/data/catalogs/ingest, loaded by the provstat binary.
 *
 * usage: test_template PROVSTAT (run from the repo root)
 */
#include "check.h"

#include "export/template.h"
#include "store/db_int.h"
#include "store/dbcatalog.h"
#include "store/obs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ps_db *db;
static ps_catalog *cat;
static char dir[] = "/tmp/provstat-template.XXXXXX";

static ps_period per(const char *text)
{
    ps_period p;
    CHECK(ps_period_parse(text, &p, NULL, 0));
    return p;
}

/* path of a file name in the test's folder (a static buffer per slot) */
static const char *in_dir(const char *name)
{
    static char buf[4][640];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* ps_template_write on a new engine; its error, *rows, ctx's message in msg. */
static ps_error write_one(const char *rep, const char *period, const char *path, const ps_template_opts *o, long *rows,
                      char msg[512])
{
    ps_engine *e = NULL;
    ps_ctx ctx = {0};
    CHECK_INT(ps_engine_new(db, cat, &e, &ctx), PS_OK);
    int r = ps_catalog_reporter(cat, rep);
    ps_error err = ps_template_write(e, r < 0 ? 99 : r, per(period), path, o, rows, &ctx);
    snprintf(msg, 512, "%s", err ? ps_ctx_message(&ctx) : "");
    ps_engine_free(e);
    return err;
}

TEST(format_by_the_ending)
{
    ps_template_format f = PS_TEMPLATE_XLSX;
    CHECK(ps_template_format_of("a.csv", &f) && f == PS_TEMPLATE_CSV);
    CHECK(ps_template_format_of("dir/A.XLSX", &f) && f == PS_TEMPLATE_XLSX);
    CHECK(ps_template_format_of("b.Csv", &f) && f == PS_TEMPLATE_CSV);
    const char *bad[] = {"a.xls", "a.txt", ".csv", ".xlsx", "csv", "-", "", "a.csv.gz", "a.xlsm"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (ps_template_format_of(bad[i], &f))
            CHECK_FAIL_("%s taken as a template's name", bad[i]);
    CHECK(!ps_template_format_of(NULL, &f));
}

TEST(writes_csv_and_xlsx)
{
    char msg[512];
    long rows = -1;
    CHECK_INT(write_one("CTK", "2016-07", in_dir("t.csv"), NULL, &rows, msg), PS_OK);
    CHECK_INT(rows, 9);
    ps_template_opts o = {PS_MEASURE_PLAN, "en", 1};
    CHECK_INT(write_one("CCTK_193", "2016", in_dir("p.xlsx"), &o, &rows, msg), PS_OK);
    CHECK_INT(rows, 4);
    CHECK(exists(in_dir("t.csv")) && exists(in_dir("p.xlsx")));
}

TEST(refusals_write_nothing)
{
    char msg[512];
    long rows = 7;
    ps_template_opts fr = {PS_MEASURE_ACTUAL, "fr", 0}, plan = {PS_MEASURE_PLAN, NULL, 0};
    CHECK_INT(write_one("CTK", "2016-07", in_dir("r.txt"), NULL, &rows, msg), PS_ERR_USAGE);
    CHECK(strstr(msg, "r.txt: a template is written as .xlsx or .csv") != NULL);
    CHECK_INT(rows, 0);
    CHECK_INT(write_one("CTK", "2016-07", in_dir("r.csv"), &fr, &rows, msg), PS_ERR_USAGE);
    CHECK_STR(msg, "language fr: use vi or en");
    CHECK_INT(write_one("NOBODY", "2016-07", in_dir("r.csv"), NULL, &rows, msg), PS_ERR_USAGE);
    CHECK_STR(msg, "reporter 99 is not in the catalog");
    CHECK_INT(write_one("CTK", "2016-07", in_dir("r.csv"), &plan, &rows, msg), PS_ERR_USAGE);
    CHECK_STR(msg, "a plan is for a year: 2016-07 is not a year (write 2016)");
    CHECK(!exists(in_dir("r.csv")) && !exists(in_dir("r.txt")));
}

TEST(nothing_due_writes_nothing)
{
    char msg[512];
    long rows = 7;
    /* CCTK_196 sends monthly indicators only, and only for 196: nothing
     * due in a year of POP from it; a plan for 2020 of the merged 204 */
    CHECK_INT(write_one("CCTK_196", "2016", in_dir("n.csv"), &(ps_template_opts){PS_MEASURE_ACTUAL, NULL, 0}, &rows, msg),
              PS_OK); /* a year holds its twelve months */
    CHECK_INT(rows, 36);
    unlink(in_dir("n.csv"));
    ps_ctx ctx = {0};
    CHECK_INT(ps_db_exec(db, "UPDATE reporter SET indicators = 'POP' WHERE code = 'CCTK_196'", &ctx), PS_OK);
    ps_catalog *saved = cat;
    CHECK_INT(ps_db_catalog_load(db, &cat, &ctx), PS_OK);
    CHECK_INT(write_one("CCTK_196", "2016-07", in_dir("n.xlsx"), NULL, &rows, msg), PS_ERR_REFUSED);
    CHECK_STR(msg, "nothing is due from CCTK_196 for 2016-07: no template written (its indicators are due in "
                   "other periods, or its units are not valid then)");
    CHECK(!exists(in_dir("n.xlsx")));
    ps_catalog_free(cat);
    cat = saved;
    CHECK_INT(ps_db_exec(db, "UPDATE reporter SET indicators = 'RETAIL;DOCS_TOTAL;DOCS_ONLINE' WHERE code = 'CCTK_196'",
                         &ctx), PS_OK);
}

TEST(a_target_that_cannot_be_written)
{
    char msg[512];
    long rows;
    CHECK_INT(mkdir(in_dir("folder.xlsx"), 0700), 0);
    CHECK_INT(mkdir(in_dir("folder.csv"), 0700), 0);
    CHECK_INT(write_one("CTK", "2016-07", in_dir("folder.xlsx"), NULL, &rows, msg), PS_ERR_IO);
    CHECK(strstr(msg, "folder.xlsx") != NULL);
    CHECK_INT(write_one("CTK", "2016-07", in_dir("folder.csv"), NULL, &rows, msg), PS_ERR_IO);
    CHECK_INT(write_one("CTK", "2016-07", in_dir("no/such/t.xlsx"), NULL, &rows, msg), PS_ERR_IO);
    CHECK(strstr(msg, "no/such/t.xlsx") != NULL);
}

TEST(a_database_failure_writes_nothing)
{
    ps_engine *e = NULL;
    ps_ctx ctx = {0};
    CHECK_INT(ps_engine_new(db, cat, &e, &ctx), PS_OK);
    CHECK_INT(ps_db_exec(db, "ALTER TABLE obs RENAME TO gone", &ctx), PS_OK);
    long rows = 5;
    ps_ctx c = {0};
    CHECK_INT(ps_template_write(e, ps_catalog_reporter(cat, "CTK"), per("2016-07"), in_dir("db.xlsx"), NULL, &rows, &c),
              PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c), "obs") != NULL);
    CHECK_INT(rows, 0);
    CHECK(!exists(in_dir("db.xlsx")));
    ps_engine_free(e);
    CHECK_INT(ps_db_exec(db, "ALTER TABLE gone RENAME TO obs", &ctx), PS_OK);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_template PROVSTAT (from the repo root)\n");
        return 2;
    }
    char path[600], cmd[2048];
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
    /* some values, so that the references are read */
    snprintf(cmd, sizeof cmd,
             "printf 'unit,indicator,period,value\\n193,RETAIL,2016-06,5\\n196,RETAIL,2015-07,4\\n' >'%s/v.csv' && "
             "'%s' --db '%s' ingest '%s/v.csv' --reporter CTK --received 2016-07-10 >/dev/null",
             dir, argv[1], path, dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "ingest failed: %s\n", cmd);
        return 1;
    }
    ps_ctx ctx = {0};
    ps_db_opts opts = {0};
    if (ps_db_open(&db, path, &opts, &ctx) || ps_db_catalog_load(db, &cat, &ctx)) {
        fprintf(stderr, "%s\n", ps_ctx_message(&ctx));
        return 1;
    }
    RUN(format_by_the_ending);
    RUN(writes_csv_and_xlsx);
    RUN(refusals_write_nothing);
    RUN(nothing_due_writes_nothing);
    RUN(a_target_that_cannot_be_written);
    RUN(a_database_failure_writes_nothing);
    ps_catalog_free(cat);
    ps_db_close(db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
