/* test_notes.c - the note of a value in force, read in full by catalog indices.
 *
 * On the loaded Quảng Ninh sample, with two more files: PROC_ONLINE_L3 of
 * the province for July 2016 sent with a note of 700 characters, then sent
 * again with another long note, which must be the one read, whole, from
 * the value in force (the store keeps notes whole: the revision history is
 * not needed for it). Then notes of actual values and of plans, values
 * without a note, keys with no value, and the database error of the read,
 * on a copy of the database with a table renamed away with the sqlite3
 * shell.
 *
 * usage: test_notes PROVSTAT (run from the repo root)
 */
#include "check.h"

#include "aggregate/notes.h"
#include "core/strbuf.h"
#include "store/dbcatalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/provstat-notes.XXXXXX";
static const char *provstat;
static ps_db *db;
static ps_catalog *cat;
static ps_notes *notes;

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

/* "L0 L1 L2 … ." of n bytes: a long note whose every part differs (ending
 * in a dot, as the ingest trims trailing spaces). */
static char *long_note(char tag, size_t n)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int i = 0; sb.len < n; i++)
        ps_sb_printf(&sb, "%c%d ", tag, i);
    char *s = ps_sb_steal(&sb);
    s[n - 1] = '.';
    s[n] = '\0';
    return s;
}

/* Ingests one row for reporter with the provstat binary. */
static int ingest_row(const char *name, const char *reporter, const char *row, const char *received)
{
    char path[600], cmd[2048];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "unit,indicator,period,value,status,note\n%s\n", row);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' --db '%s/q.db' ingest '%s' --reporter %s --received %s >>'%s/load.log' 2>&1",
             provstat, dir, path, reporter, received, dir);
    return system(cmd);
}

static char *get(const char *unit, const char *ind, const char *period, bool plan, ps_error *err)
{
    ps_period p;
    ps_ctx ctx = {0};
    char *out = (char *)"unset";
    if (!ps_period_parse(period, &p, NULL, 0)) {
        *err = PS_ERR_USAGE;
        return NULL;
    }
    *err = ps_notes_get(notes, unit_of(unit), ind_of(ind), p, plan, &out, &ctx);
    return out;
}

TEST(short_note_of_an_actual_value)
{
    ps_error err;
    char *n = get("193", "NEW_ENTERPRISES", "2016-07", false, &err);
    CHECK_INT(err, PS_OK);
    CHECK_STR(n, "Ước tính");
    free(n);
    n = get("22", "GRDP", "2016-Q1", false, &err);
    CHECK_INT(err, PS_OK);
    CHECK_STR(n, "Số chính thức");
    free(n);
}

TEST(long_note_in_full_from_the_current_revision)
{
    ps_error err;
    char *n = get("22", "PROC_ONLINE_L3", "2016-07", false, &err);
    char *want = long_note('B', 700);
    CHECK_INT(err, PS_OK);
    CHECK(n && strlen(n) == 700);
    CHECK_STR(n, want);
    free(want);
    free(n);
}

TEST(note_of_a_plan)
{
    ps_error err;
    char *n = get("193", "RETAIL", "2016", true, &err);
    CHECK_INT(err, PS_OK);
    CHECK_STR(n, "Kế hoạch UBND cấp huyện giao");
    free(n);
    /* the actual value of the same key is another value */
    n = get("193", "RETAIL", "2016", false, &err);
    CHECK_INT(err, PS_OK);
    CHECK(n == NULL || strcmp(n, "Kế hoạch UBND cấp huyện giao") != 0);
    free(n);
}

TEST(no_note_no_value)
{
    ps_error err;
    /* a value stored without a note */
    char *n = get("22", "PROC_ONLINE_L3", "2016-06", false, &err);
    CHECK_INT(err, PS_OK);
    CHECK(n == NULL);
    /* no value at all */
    n = get("22", "GRDP", "2030-Q1", false, &err);
    CHECK_INT(err, PS_OK);
    CHECK(n == NULL);
    n = get("207", "RETAIL", "2030", true, &err);
    CHECK_INT(err, PS_OK);
    CHECK(n == NULL);
}

/* A copy of the database with `table` renamed away, opened: *bdb, and a
 * reader of its notes in *bn (NULL when it could not be made: *err). */
static void broken_copy(const char *table, ps_db **bdb, ps_notes **bn, ps_error *err, ps_ctx *ctx)
{
    char path[600], cmd[2048];
    snprintf(path, sizeof path, "%s/broken-%s.db", dir, table);
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s/q.db' \".backup '%s'\" && sqlite3 '%s' 'ALTER TABLE %s RENAME TO %s_gone' >>'%s/load.log' 2>&1",
             dir, path, path, table, table, dir);
    CHECK_INT(system(cmd), 0);
    ps_db_opts opts = {false, true, false, 0};
    *bdb = NULL;
    *bn = NULL;
    *err = ps_db_open(bdb, path, &opts, ctx);
    if (!*err)
        *err = ps_notes_new(*bdb, cat, bn, ctx);
}

/* On a copy without `table`: reading the note fails with PS_ERR_DB, a
 * message naming the table, and no text. */
static void read_fails_without(const char *table, const char *unit, const char *ind, const char *period)
{
    ps_ctx ctx = {0};
    ps_db *bdb;
    ps_notes *bn;
    ps_error err;
    ps_period p;
    CHECK(ps_period_parse(period, &p, NULL, 0));
    broken_copy(table, &bdb, &bn, &err, &ctx);
    char *out = NULL;
    if (!err)
        err = ps_notes_get(bn, unit_of(unit), ind_of(ind), p, false, &out, &ctx);
    CHECK_INT(err, PS_ERR_DB);
    CHECK(out == NULL);
    CHECK(strstr(ps_ctx_message(&ctx), table) != NULL);
    ps_notes_free(bn);
    ps_db_close(bdb);
}

TEST(errors_of_the_value_in_force)
{
    read_fails_without("obs", "193", "NEW_ENTERPRISES", "2016-07");
}

TEST(a_long_note_needs_no_history)
{
    /* the value in force holds the 700-byte note whole: without the
     * revision table it still reads, in full */
    ps_ctx ctx = {0};
    ps_db *bdb;
    ps_notes *bn;
    ps_error err;
    broken_copy("revision", &bdb, &bn, &err, &ctx);
    CHECK_INT(err, PS_OK);
    ps_period p;
    CHECK(ps_period_parse("2016-07", &p, NULL, 0));
    char *out = NULL;
    if (!err)
        err = ps_notes_get(bn, unit_of("22"), ind_of("PROC_ONLINE_L3"), p, false, &out, &ctx);
    CHECK_INT(err, PS_OK);
    char *want = long_note('B', 700);
    CHECK(out && strlen(out) == 700);
    CHECK_STR(out, want);
    free(want);
    free(out);
    ps_notes_free(bn);
    ps_db_close(bdb);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_notes PROVSTAT (from the repo root)\n");
        return 2;
    }
    provstat = argv[1];
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "sh scripts/load-sample.sh '%s' '%s/q.db' >'%s/load.log' 2>&1", provstat, dir, dir);
    char *a = long_note('A', 700), *b = long_note('B', 700);
    char row_a[800], row_b[800];
    snprintf(row_a, sizeof row_a, "22,PROC_ONLINE_L3,2016-07,509,A,%s", a);
    snprintf(row_b, sizeof row_b, "22,PROC_ONLINE_L3,2016-07,510,A,%s", b);
    free(a);
    free(b);
    if (system(cmd) != 0 || ingest_row("STTTT-a.csv", "STTTT", row_a, "2016-08-15") != 0 ||
        ingest_row("STTTT-b.csv", "STTTT", row_b, "2016-08-20") != 0) {
        fprintf(stderr, "loading the sample and the extra files failed: see %s/load.log\n", dir);
        return 1;
    }
    ps_ctx ctx = {0};
    ps_db_opts opts = {false, true, false, 0};
    char path[600];
    snprintf(path, sizeof path, "%s/q.db", dir);
    if (ps_db_open(&db, path, &opts, &ctx) ||
        ps_db_catalog_load(db, &cat, &ctx) || ps_notes_new(db, cat, &notes, &ctx)) {
        fprintf(stderr, "%s\n", ps_ctx_message(&ctx));
        return 1;
    }
    RUN(short_note_of_an_actual_value);
    RUN(long_note_in_full_from_the_current_revision);
    RUN(note_of_a_plan);
    RUN(no_note_no_value);
    RUN(errors_of_the_value_in_force);
    RUN(a_long_note_needs_no_history);
    ps_notes_free(notes);
    ps_catalog_free(cat);
    ps_db_close(db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
