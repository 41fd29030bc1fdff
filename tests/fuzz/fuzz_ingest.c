/* fuzz_ingest.c - whole ingests (ps_ingest_file) into a fresh database.
 *
 * Once: the catalog tests/data/catalogs/ingest is loaded into a database
 * holding one earlier submission, which is kept as the pristine copy. For
 * each input: the first byte picks the options (reporter, number format,
 * encoding, --force, --dry-run, --partial), the rest is the file; it is
 * ingested into a copy of the pristine database. Properties (all or
 * nothing, SPEC §4): the database passes integrity_check; a refused or
 * failed file (without --partial), a dry run and an already ingested file
 * leave every table exactly as before; an accepted file that stores or
 * revises a value changes it.
 */
#include "core/catalog.h"
#include "ingest/change.h"
#include "ingest/ingest.h"
#include "store/db.h"
#include "util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ps_catalog *cat;
static char pristine[160], work[160];
static unsigned long long pristine_hash;

/* An order-independent hash of every row of every table of the database. */
static unsigned long long db_hash(const char *path)
{
    sqlite3 *h = NULL;
    FUZZ_ASSERT(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK, "open %s", path);
    sqlite3_stmt *tables = NULL, *rows = NULL;
    sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &tables,
                       NULL);
    unsigned long long total = 0;
    while (sqlite3_step(tables) == SQLITE_ROW) {
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", (const char *)sqlite3_column_text(tables, 0));
        FUZZ_ASSERT(sqlite3_prepare_v2(h, sql, -1, &rows, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(h));
        while (sqlite3_step(rows) == SQLITE_ROW) {
            unsigned long long x = 1469598103934665603ULL;
            for (int c = 0; c < sqlite3_column_count(rows); c++) {
                const unsigned char *t = sqlite3_column_text(rows, c);
                int n = sqlite3_column_bytes(rows, c);
                for (int i = 0; i < n; i++)
                    x = (x ^ t[i]) * 1099511628211ULL;
                x = (x ^ (t ? 0x1f : 0x2f)) * 1099511628211ULL;
            }
            total += x * 2654435761ULL + (unsigned long long)sqlite3_column_count(rows);
        }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    sqlite3_stmt *chk = NULL;
    sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &chk, NULL);
    FUZZ_ASSERT(sqlite3_step(chk) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(chk, 0), "ok") == 0,
                "integrity_check of %s", path);
    sqlite3_finalize(chk);
    sqlite3_close(h);
    return total;
}

static void setup(void)
{
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    const char *dir = PS_SOURCE_DIR "/tests/data/catalogs/ingest";
    FUZZ_ASSERT(ps_catalog_read_dir(&cat, dir, &d, &ctx) == PS_OK, "catalog %s: %s", dir, ctx.msg);
    snprintf(pristine, sizeof pristine, "%s/pristine.db", fuzz_dir());
    snprintf(work, sizeof work, "%s/work.db", fuzz_dir());
    ps_db *db = NULL;
    ps_db_opts o = {.create = true};
    FUZZ_ASSERT(ps_db_open(&db, pristine, &o, &ctx) == PS_OK, "%s", ctx.msg);
    const char *paths[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    FUZZ_ASSERT(ps_change_catalog(db, cat, paths, &d, &ctx) == PS_OK, "%s", ctx.msg);
    static const char before[] = "unit,indicator,period,value\n193,RETAIL,2016-06,12.5\n"
                                 "196,DOCS_TOTAL,2016-06,40\n196,DOCS_ONLINE,2016-06,30\n";
    const char *f = fuzz_write("before.csv", (const uint8_t *)before, sizeof before - 1);
    ps_ingest_opts io = {.reporter = "CTK", .received = "2016-07-10"};
    ps_ingest_result res;
    FUZZ_ASSERT(ps_ingest_file(db, cat, f, &io, &res, &d, &ctx) == PS_OK, "%s", ctx.msg);
    ps_db_close(db);
    ps_diags_free(&d);
    pristine_hash = db_hash(pristine);
}

static void remove_work(void)
{
    char p[200];
    unlink(work);
    snprintf(p, sizeof p, "%s-wal", work);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", work);
    unlink(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (!cat)
        setup();
    static const char *const reporters[] = {"CTK", "CCTK_193", "CCTK_196", "NOBODY"};
    ps_ingest_opts o = {.reporter = reporters[data[0] & 3], .received = "2016-08-10"};
    o.numfmt = (ps_numfmt)((data[0] >> 2) % 3);
    o.numfmt_given = (data[0] >> 2) % 4 != 3;
    o.encoding = (data[0] & 0x10) ? PS_ENC_CP1258 : PS_ENC_UTF8;
    o.force = data[0] & 0x20;
    o.dry_run = data[0] & 0x40;
    o.partial = data[0] & 0x80;
    const char *file = fuzz_write("in.csv", data + 1, size - 1);
    remove_work();
    fuzz_copy(pristine, work);
    ps_ctx ctx = {0};
    ps_db *db = NULL;
    ps_db_opts dbo = {0};
    FUZZ_ASSERT(ps_db_open(&db, work, &dbo, &ctx) == PS_OK, "%s", ctx.msg);
    ps_diags d;
    ps_diags_init(&d);
    ps_ingest_result res;
    memset(&res, 0, sizeof res);
    ps_error err = ps_ingest_file(db, cat, file, &o, &res, &d, &ctx);
    ps_db_close(db);
    unsigned long long h = db_hash(work);
    if (o.dry_run || res.already || (err != PS_OK && !o.partial))
        FUZZ_ASSERT(h == pristine_hash, "the database changed (err %d, dry %d, already %d, committed %d)",
                    (int)err, o.dry_run, res.already, res.committed);
    if (!res.committed)
        FUZZ_ASSERT(h == pristine_hash, "changed without committing (err %d)", (int)err);
    if (err == PS_OK && !o.dry_run && res.stored + res.revised > 0)
        FUZZ_ASSERT(h != pristine_hash && res.committed, "%ld stored, %ld revised but nothing changed",
                    res.stored, res.revised);
    if (err != PS_OK && err != PS_ERR_REFUSED)
        FUZZ_ASSERT(ctx.msg[0], "error %d without a message", (int)err);
    ps_diags_free(&d);
    return 0;
}
