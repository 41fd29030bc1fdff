/* test_obs_coverage.c - the coverage kept with a value (SPEC §5: a value
 * from an export row with coverage below 1 keeps it): every write stores
 * it, every read gives it back, a revision keeps the earlier value's and
 * an undo restores it, the table refuses one outside 0..1, and a database
 * of schema version 2 (before the column) migrates with coverage 1 for the
 * values it holds (read-only, where it cannot migrate, it reads them as 1). */
#include "check.h"
#include "tmp_db.h"

#include "store/db_int.h"
#include "store/obs.h"

#include <stdlib.h>

/* The coverages a read hands to its callback, in order. */
static double seen[8];
static int nseen;

static void take_one(int measure, int period, double value, int status, int flags, double coverage, void *arg)
{
    (void)measure, (void)period, (void)value, (void)status, (void)flags, (void)arg;
    if (nseen < 8)
        seen[nseen++] = coverage;
}

static void take_many(long long unit_id, long long indicator_id, int measure, int period, double value,
                      int status, int flags, double coverage, void *arg)
{
    (void)unit_id, (void)indicator_id;
    take_one(measure, period, value, status, flags, coverage, arg);
}

/* One integer from a query on db. */
static long long query_int(ps_db *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* One double from a query on db; -1 when there is no row. */
static double query_double(ps_db *db, const char *sql)
{
    sqlite3_stmt *st;
    double v = -1;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void make_version_2(ps_db *db, ps_ctx *ctx);
static void read_back(ps_db *db, ps_ctx *ctx);

/* A fresh database with reporter 1, in a transaction, and a writer. */
static bool start(const char *name, ps_db **db, ps_obs_writer **w, ps_ctx *ctx)
{
    *db = tmp_db_open(name, ctx);
    *w = NULL;
    CHECK(*db != NULL);
    if (!*db)
        return false;
    CHECK_INT(ps_db_exec(*db, "INSERT INTO reporter(id, code, name_vi, name_en, scope_unit, indicators, ord)"
                              " VALUES (1, 'R', 'r', 'r', '22', '*', 1)", ctx), PS_OK);
    CHECK_INT(ps_db_begin(*db, ctx), PS_OK);
    CHECK_INT(ps_obs_writer_new(*db, w, ctx), PS_OK);
    return *w != NULL;
}

TEST(every_write_stores_it_and_every_read_gives_it_back)
{
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start("coverage", &db, &w, &ctx))
        return;
    long long sub;
    CHECK_INT(ps_obs_submission_new(w, 1, "f.csv", "x", "", NULL, &sub, &ctx), PS_OK);
    ps_obs_key a = {7, 3, PS_MEASURE_ACTUAL, 2016301}, b = {7, 3, PS_MEASURE_ACTUAL, 2016302},
               c = {7, 3, PS_MEASURE_ACTUAL, 2016303};
    CHECK_INT(ps_obs_append(w, &a, 10, 'A', PS_OBS_INCOMPLETE_SOURCE, 0.25, "", 1, sub, 2, &ctx), PS_OK);
    CHECK_INT(ps_obs_flush(w, &ctx), PS_OK);
    CHECK_INT(ps_obs_append(w, &b, 11, 'A', PS_OBS_INCOMPLETE_SOURCE, 2.0 / 3, "", 1, sub, 3, &ctx), PS_OK);
    CHECK_INT(ps_obs_append(w, &c, 12, 'A', 0, 1, "", 1, sub, 4, &ctx), PS_OK);
    ps_obs cur;
    CHECK_INT(ps_obs_get(w, &b, &cur, &ctx), PS_OK);
    CHECK_NEAR(cur.coverage, 2.0 / 3, 0);
    CHECK_INT(ps_obs_get(w, &a, &cur, &ctx), PS_OK);
    CHECK_NEAR(cur.coverage, 0.25, 0);
    ps_obs_key missing = {7, 3, PS_MEASURE_ACTUAL, 2016304};
    cur.coverage = 0.5;
    CHECK_INT(ps_obs_get(w, &missing, &cur, &ctx), PS_OK);
    CHECK(!cur.exists);
    CHECK_NEAR(cur.coverage, 1, 0);
    /* the engine's reads: one series, and many series at once */
    nseen = 0;
    CHECK_INT(ps_obs_values(w, 7, 3, PS_MEASURE_ACTUAL, 2016000, 2016999, take_one, NULL, &ctx), PS_OK);
    CHECK_INT(nseen, 3);
    CHECK_NEAR(seen[0], 0.25, 0);
    CHECK_NEAR(seen[1], 2.0 / 3, 0);
    CHECK_NEAR(seen[2], 1, 0);
    nseen = 0;
    CHECK_INT(ps_obs_values_many(w, false, "[7]", 3, PS_MEASURE_ACTUAL, 2016000, 2016999, take_many, NULL, &ctx),
              PS_OK);
    CHECK_INT(nseen, 3);
    CHECK_NEAR(seen[1], 2.0 / 3, 0);
    nseen = 0;
    CHECK_INT(ps_obs_values_units(w, "[7]", 2016000, 2016999, take_many, NULL, &ctx), PS_OK);
    CHECK_INT(nseen, 3);
    CHECK_NEAR(seen[0], 0.25, 0);
    /* the table refuses a coverage outside 0..1 */
    ps_ctx bad = {0};
    ps_obs_key d = {7, 3, PS_MEASURE_ACTUAL, 2016305};
    CHECK_INT(ps_obs_append(w, &d, 1, 'A', 0, 1.5, "", 1, sub, 5, &bad), PS_OK);
    CHECK_INT(ps_obs_flush(w, &bad), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&bad), "CHECK constraint failed") != NULL);
    ps_obs_writer_free(w);
    CHECK_INT(ps_db_commit(db, &ctx), PS_OK);
    tmp_db_drop(db);
}

TEST(a_revision_keeps_the_earlier_coverage_and_an_undo_restores_it)
{
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start("coverage-rev", &db, &w, &ctx))
        return;
    long long s1, s2;
    CHECK_INT(ps_obs_submission_new(w, 1, "export.csv", "x", "", NULL, &s1, &ctx), PS_OK);
    CHECK_INT(ps_obs_submission_new(w, 1, "office.csv", "y", "", NULL, &s2, &ctx), PS_OK);
    ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 2016307};
    ps_obs cur;
    CHECK_INT(ps_obs_append(w, &k, 12.5, 'E', PS_OBS_INCOMPLETE_SOURCE, 0.375, "", 1, s1, 2, &ctx), PS_OK);
    /* a normal row revises it: coverage 1, the earlier 0.375 kept in the revision */
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_OK);
    CHECK_INT(ps_obs_revise(w, &k, &cur, true, 13, 'A', 0, 1, "", s2, 2, &ctx), PS_OK);
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_OK);
    CHECK_NEAR(cur.coverage, 1, 0);
    CHECK_INT(cur.flags, 0);
    CHECK_NEAR(query_double(db, "SELECT coverage FROM revision WHERE revision = 1"), 0.375, 0);
    /* the second submission undone: the first value comes back with its coverage */
    long long ids[1] = {3};
    long new_undone = 0, revised_undone = 0;
    CHECK_INT(ps_obs_undo_group(w, s2, 7, 2016307, ids, 1, &new_undone, &revised_undone, &ctx), PS_OK);
    CHECK_INT(revised_undone, 1);
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_OK);
    CHECK_NEAR(cur.value, 12.5, 0);
    CHECK_NEAR(cur.coverage, 0.375, 0);
    CHECK_INT(cur.flags, PS_OBS_INCOMPLETE_SOURCE);
    ps_obs_writer_free(w);
    CHECK_INT(ps_db_commit(db, &ctx), PS_OK);
    tmp_db_drop(db);
}

TEST(a_version_2_database_migrates_with_coverage_1)
{
    ps_ctx ctx = {0};
    ps_db *db = tmp_db_open("coverage-v2", &ctx);
    CHECK(db != NULL);
    if (!db)
        return;
    CHECK_INT(query_int(db, "PRAGMA user_version"), PS_SCHEMA_VERSION);
    make_version_2(db, &ctx);
    ps_db_close(db);
    ps_db_opts o = {0};
    db = NULL;
    CHECK_INT(ps_db_open(&db, tmp_db_path, &o, &ctx), PS_OK);
    if (!db)
        return;
    CHECK_INT(query_int(db, "PRAGMA user_version"), PS_SCHEMA_VERSION);
    read_back(db, &ctx);
    tmp_db_drop(db);
}

TEST(a_version_2_database_opened_read_only_reads_coverage_1)
{
    ps_ctx ctx = {0};
    ps_db *db = tmp_db_open("coverage-v2ro", &ctx);
    CHECK(db != NULL);
    if (!db)
        return;
    make_version_2(db, &ctx);
    ps_db_close(db);
    ps_db_opts o = {.readonly = true};
    db = NULL;
    CHECK_INT(ps_db_open(&db, tmp_db_path, &o, &ctx), PS_OK);
    if (!db)
        return;
    CHECK_INT(query_int(db, "PRAGMA user_version"), 2); /* not migrated: read-only */
    read_back(db, &ctx);
    nseen = 0;
    ps_obs_writer *w = NULL;
    CHECK_INT(ps_obs_writer_new(db, &w, &ctx), PS_OK);
    CHECK_INT(ps_obs_values_units(w, "[7]", 2016000, 2016999, take_many, NULL, &ctx), PS_OK);
    CHECK_INT(nseen, 1);
    CHECK_NEAR(seen[0], 1, 0);
    ps_obs_writer_free(w);
    tmp_db_drop(db);
}

/* What a database of version 2 was: no coverage column, no status_count
 * or submission_raw table, no group_en of indicators; one value stored. */
static void make_version_2(ps_db *db, ps_ctx *ctx)
{
    CHECK_INT(query_int(db, "PRAGMA user_version"), PS_SCHEMA_VERSION);
    CHECK_INT(ps_db_exec(db,
                         "ALTER TABLE obs DROP COLUMN coverage; ALTER TABLE revision DROP COLUMN coverage;"
                         "DROP TABLE status_count; ALTER TABLE indicator DROP COLUMN grp_en;"
                         "DROP TABLE submission_raw; DROP TABLE session; DROP TABLE account; DROP TABLE login_event; DROP TABLE upload;"
                         "INSERT INTO obs(unit_id, indicator_id, measure, period, value, status, reporter_id,"
                         " submission_id, line) VALUES (7, 3, 0, 2016307, 5, 'A', 1, 1, 2);"
                         "PRAGMA user_version = 2;",
                         ctx),
              PS_OK);
}

/* The value make_version_2 stored, read with coverage 1. */
static void read_back(ps_db *db, ps_ctx *ctx)
{
    ps_obs_writer *w = NULL;
    CHECK_INT(ps_obs_writer_new(db, &w, ctx), PS_OK);
    ps_obs cur;
    ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 2016307};
    cur.coverage = 0.5;
    CHECK_INT(ps_obs_get(w, &k, &cur, ctx), PS_OK);
    CHECK(cur.exists);
    CHECK_NEAR(cur.value, 5, 0);
    CHECK_NEAR(cur.coverage, 1, 0);
    ps_obs_writer_free(w);
}

int main(void)
{
    RUN(every_write_stores_it_and_every_read_gives_it_back);
    RUN(a_revision_keeps_the_earlier_coverage_and_an_undo_restores_it);
    RUN(a_version_2_database_migrates_with_coverage_1);
    RUN(a_version_2_database_opened_read_only_reads_coverage_1);
    return check_done();
}
