/* test_long_note.c - a note of any length is kept whole: stored with a
 * first value, moved whole to the revision table when the value is
 * revised, read back whole (ps_obs_get, and ps_query_history, which the
 * `history` command reads), and compared whole, so that a row repeating a
 * long note is unchanged and one differing in its last byte is a revision.
 *
 * The files go through the provstat binary (argv[1]) as an officer sends
 * them: init with the sample catalog, then ingest.
 */
#include "check.h"

#include "core/catalog.h"
#include "store/dbcatalog.h"
#include "store/obs.h"
#include "store/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { NOTE_LEN = 5000 };

static const char *prog;
static char dir[] = "/tmp/provstat-long-note.XXXXXX";
static char dbpath[512];
static char note_a[NOTE_LEN + 1], note_b[NOTE_LEN + 1], note_c[NOTE_LEN + 1];

/* A note of NOTE_LEN bytes: fill, with a few Vietnamese letters and a
 * comma in it (so the field is quoted), ending in last. */
static void make_note(char *out, char fill, char last)
{
    memset(out, fill, NOTE_LEN);
    memcpy(out + 100, "Ước tính, theo Sở", strlen("Ước tính, theo Sở"));
    out[NOTE_LEN - 1] = last;
    out[NOTE_LEN] = '\0';
}

/* Writes NAME in dir: a header and one row of RETAIL for unit 193 in 2016-07. */
static void write_file(const char *name, const char *value, const char *note)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fprintf(f, "unit,indicator,period,value,status,note\n193,RETAIL,2016-07,%s,A,\"%s\"\n", value, note);
    fclose(f);
}

/* Runs `provstat ARGS` on the test's database; its exit status. */
static int provstat(const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' --db '%s' %s >>'%s/log' 2>&1", prog, dbpath, args, dir);
    return system(cmd);
}

static int ingest(const char *name, const char *received)
{
    char args[1024];
    snprintf(args, sizeof args, "ingest '%s/%s' --reporter CCTK_193 --received %s", dir, name, received);
    return provstat(args);
}

/* The key of 193 RETAIL 2016-07 actual, read from the database. */
static bool open_key(ps_db **db, ps_obs_key *k, ps_ctx *ctx)
{
    ps_db_opts opts = {false, true, true, 0};
    ps_catalog *cat = NULL;
    if (ps_db_open(db, dbpath, &opts, ctx) || ps_db_catalog_load(*db, &cat, ctx)) {
        CHECK_STR(ps_ctx_message(ctx), "");
        return false;
    }
    int u = ps_catalog_unit(cat, "193"), i = ps_catalog_indicator(cat, "RETAIL");
    ps_period p;
    char msg[128];
    CHECK(ps_period_parse("2016-07", &p, msg, sizeof msg));
    *k = (ps_obs_key){cat->units[u].id, cat->indicators[i].id, PS_MEASURE_ACTUAL, ps_period_key(p)};
    ps_catalog_free(cat);
    return true;
}

TEST(a_long_note_is_stored_revised_and_read_back_whole)
{
    CHECK_INT(ingest("a.csv", "2016-08-10"), 0);
    CHECK_INT(ingest("b.csv", "2016-08-12"), 0);
    ps_ctx ctx = {0};
    ps_db *db = NULL;
    ps_obs_key k;
    if (!open_key(&db, &k, &ctx))
        return;
    ps_hist_row *h = NULL;
    size_t n = 0;
    CHECK_INT(ps_query_history(db, &k, &h, &n, &ctx), PS_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(h[0].revision, 1);
        CHECK_INT(strlen(h[0].note), NOTE_LEN);
        CHECK_STR(h[0].note, note_a);
        CHECK(h[1].current);
        CHECK_STR(h[1].note, note_b);
    }
    ps_hist_free(h, n);
    ps_obs_writer *w = NULL;
    CHECK_INT(ps_db_begin_read(db, &ctx), PS_OK);
    CHECK_INT(ps_obs_writer_new(db, &w, &ctx), PS_OK);
    ps_obs cur;
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_OK);
    CHECK(cur.exists);
    CHECK_INT(strlen(cur.note), NOTE_LEN);
    CHECK_STR(cur.note, note_b);
    ps_obs_writer_free(w);
    ps_db_end_read(db);
    ps_db_close(db);
}

TEST(a_long_note_is_compared_whole)
{
    /* b's row again, in another file: unchanged; then one byte off at the end: revised */
    CHECK_INT(ingest("b2.csv", "2016-08-13"), 0);
    CHECK_INT(ingest("c.csv", "2016-08-14"), 0);
    ps_ctx ctx = {0};
    ps_db *db = NULL;
    ps_obs_key k;
    if (!open_key(&db, &k, &ctx))
        return;
    ps_hist_row *h = NULL;
    size_t n = 0;
    CHECK_INT(ps_query_history(db, &k, &h, &n, &ctx), PS_OK);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(h[1].note, note_b);
        CHECK_INT(h[1].submission, 2);  /* b2.csv changed nothing */
        CHECK_STR(h[2].note, note_c);
        CHECK(h[2].current);
    }
    ps_hist_free(h, n);
    ps_db_close(db);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_long_note PROVSTAT (from the repo root)\n");
        return 2;
    }
    prog = argv[1];
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
    make_note(note_a, 'a', 'z');
    make_note(note_b, 'b', 'y');
    make_note(note_c, 'b', 'x');
    write_file("a.csv", "12", note_a);
    write_file("b.csv", "13", note_b);
    write_file("b2.csv", "13", note_b);
    write_file("c.csv", "13", note_c);
    /* b2.csv differs from b.csv in its bytes (CRLF), not in its row */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sed -i 's/$/\\r/' '%s/b2.csv'", dir);
    CHECK_INT(system(cmd), 0);
    CHECK_INT(provstat("init --catalog samples/quang-ninh/catalog"), 0);
    RUN(a_long_note_is_stored_revised_and_read_back_whole);
    RUN(a_long_note_is_compared_whole);
    int failed = check_done();
    if (!failed) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
    } else {
        fprintf(stderr, "test_long_note: kept %s (see its log)\n", dir);
    }
    return failed;
}
