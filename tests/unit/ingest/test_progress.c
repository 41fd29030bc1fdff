/* test_progress.c - the ingest's progress callback: called every
 * progress_rows data rows (every 4096 when 0) with the rows read so far,
 * and once more at the end of the file with every byte read. */
#include "check.h"
#include "tmp_db.h"

#include "ingest/ingest.h"
#include "store/dbcatalog.h"

#include <stdlib.h>

#define CATALOG "tests/data/catalogs/ingest"

typedef struct calls {
    long rows[16];
    long long done[16], total[16];
    int n;
} calls;

static void record(void *arg, long rows, long long done, long long total)
{
    calls *c = arg;
    if (c->n < 16) {
        c->rows[c->n] = rows;
        c->done[c->n] = done;
        c->total[c->n] = total;
    }
    c->n++;
}

/* A file of 10 data rows of RETAIL at 193, January to October 2020. */
static void write_file(const char *path)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("unit,indicator,period,value\n", f);
    for (int m = 1; m <= 10; m++)
        fprintf(f, "193,RETAIL,2020-%02d,%d\n", m, 100 + m);
    fclose(f);
}

/* Ingests the file of 10 rows into a fresh database with progress_rows
 * `every`, recording each call in c. */
static void ingest_with(long every, calls *c)
{
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_catalog *cat = NULL;
    ps_db *db = tmp_db_open("progress", &ctx);
    CHECK(db != NULL);
    CHECK_INT(ps_catalog_read_dir(&cat, CATALOG, &d, &ctx), PS_OK);
    const char *paths[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    if (db && cat)
        CHECK_INT(ps_change_catalog(db, cat, paths, &d, &ctx), PS_OK);
    char file[64];
    snprintf(file, sizeof file, "/tmp/provstat-test-progress-%ld.csv", (long)getpid());
    write_file(file);
    ps_ingest_opts o = {.reporter = "CTK", .received = "2020-11-10", .progress = record,
                        .progress_arg = c, .progress_rows = every};
    ps_ingest_result res;
    if (db && cat) {
        CHECK_INT(ps_ingest_file(db, cat, file, &o, &res, &d, &ctx), PS_OK);
        CHECK_INT(res.stored, 10);
        CHECK(res.committed);
    }
    unlink(file);
    ps_catalog_free(cat);
    ps_diags_free(&d);
    if (db)
        tmp_db_drop(db);
}

TEST(every_three_rows_then_the_end)
{
    calls c = {0};
    ingest_with(3, &c);
    CHECK_INT(c.n, 4);
    long want[] = {3, 6, 9, 10};
    for (int i = 0; i < 4 && i < c.n; i++)
        CHECK_INT(c.rows[i], want[i]);
    /* bytes grow, and the last call has read the whole file */
    for (int i = 1; i < 4 && i < c.n; i++)
        CHECK(c.done[i] >= c.done[i - 1]);
    if (c.n == 4) {
        CHECK(c.total[3] > 0);
        CHECK_INT(c.done[3], c.total[3]);
    }
}

TEST(default_every_4096_rows)
{
    calls c = {0};
    ingest_with(0, &c);
    CHECK_INT(c.n, 1);
    CHECK_INT(c.rows[0], 10);
    CHECK_INT(c.done[0], c.total[0]);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    RUN(every_three_rows_then_the_end);
    RUN(default_every_4096_rows);
    return check_done();
}
