/* test_obs_append.c - the writer's queue of new rows (ps_obs_append):
 * rows land in full batches and in a rest, reads see queued rows, and a
 * batch that cannot be written fails that call and every later one; and
 * the writer's statements, prepared on first use, fail there. */
#include "check.h"
#include "tmp_db.h"

#include "store/db_int.h"
#include "store/obs.h"

/* A fresh database, a transaction and a writer; false when they cannot be had. */
static bool start(ps_db **db, ps_obs_writer **w, ps_ctx *ctx)
{
    *db = tmp_db_open("append", ctx);
    *w = NULL;
    CHECK(*db != NULL);
    if (!*db)
        return false;
    CHECK_INT(ps_db_begin(*db, ctx), PS_OK);
    CHECK_INT(ps_obs_writer_new(*db, w, ctx), PS_OK);
    return *w != NULL;
}

/* Ends what start began: commits when ctx is given, else rolls back. */
static void stop(ps_db *db, ps_obs_writer *w, ps_ctx *ctx)
{
    ps_obs_writer_free(w);
    if (ctx)
        CHECK_INT(ps_db_commit(db, ctx), PS_OK);
    else
        ps_db_rollback(db);
    tmp_db_drop(db);
}

static double got_sum;
static int got_n;
static int got_last;

static void take(int measure, int period, double value, int status, int flags, double coverage, void *arg)
{
    (void)measure, (void)status, (void)flags, (void)coverage, (void)arg;
    got_sum += value;
    got_n++;
    got_last = period;
}

static void read_series(ps_obs_writer *w, long long unit, long long ind, ps_ctx *ctx)
{
    got_sum = 0, got_n = 0, got_last = -1;
    CHECK_INT(ps_obs_values(w, unit, ind, PS_MEASURE_ACTUAL, 0, 0x7fffffff, take, NULL, ctx), PS_OK);
}

TEST(batches_and_rest_are_stored)
{
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start(&db, &w, &ctx))
        return;
    /* 150 rows: two full batches of 64 and a rest of 22, the rest written by the read */
    for (int i = 0; i < 150; i++) {
        ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 1000 + i};
        CHECK_INT(ps_obs_append(w, &k, i, i % 2 ? 'E' : 'A', 0, 1, i == 149 ? "the last one" : "", 1, 1, i + 2, &ctx),
                  PS_OK);
    }
    read_series(w, 7, 3, &ctx);
    CHECK_INT(got_n, 150);
    CHECK_NEAR(got_sum, 149.0 * 150 / 2, 0);
    CHECK_INT(got_last, 1149);
    ps_obs cur;
    ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 1149};
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_OK);
    CHECK(cur.exists);
    CHECK_STR(cur.note, "the last one");
    CHECK_INT(cur.status, 'E');
    CHECK_INT(cur.line, 151);
    /* a queued row is seen by ps_obs_get before any flush */
    ps_obs_key k2 = {8, 3, PS_MEASURE_ACTUAL, 1000};
    CHECK_INT(ps_obs_append(w, &k2, 42, 'P', PS_OBS_NONE_OCCURRED, 1, NULL, 2, 1, 9, &ctx), PS_OK);
    CHECK_INT(ps_obs_get(w, &k2, &cur, &ctx), PS_OK);
    CHECK(cur.exists);
    CHECK_NEAR(cur.value, 42, 0);
    CHECK_INT(cur.status, 'P');
    CHECK_INT(cur.flags, PS_OBS_NONE_OCCURRED);
    CHECK_INT(cur.reporter_id, 2);
    CHECK_STR(cur.note, "");
    CHECK_INT(ps_obs_flush(w, &ctx), PS_OK);   /* nothing queued: nothing to do */
    stop(db, w, &ctx);
}

TEST(a_failed_batch_fails_every_later_call)
{
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start(&db, &w, &ctx))
        return;
    ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 1000};
    CHECK_INT(ps_obs_append(w, &k, 1, 'A', 0, 1, "", 1, 1, 2, &ctx), PS_OK);
    CHECK_INT(ps_obs_flush(w, &ctx), PS_OK);
    /* the caller's promise broken: the key exists, so the batch's insert fails */
    CHECK_INT(ps_obs_append(w, &k, 2, 'A', 0, 1, "", 1, 1, 3, &ctx), PS_OK);
    CHECK_INT(ps_obs_flush(w, &ctx), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&ctx), "UNIQUE constraint failed") != NULL);
    CHECK(strstr(ps_ctx_message(&ctx), "(storing values)") != NULL);
    ps_ctx later = {0};
    ps_obs cur;
    CHECK_INT(ps_obs_get(w, &k, &cur, &later), PS_ERR_DB);
    ps_obs_key k2 = {7, 3, PS_MEASURE_ACTUAL, 1001};
    CHECK_INT(ps_obs_append(w, &k2, 2, 'A', 0, 1, "", 1, 1, 4, &later), PS_ERR_DB);
    stop(db, w, NULL);
}

TEST(a_statement_that_cannot_be_prepared_is_an_error_at_its_first_use)
{
    /* statements are prepared when first used: a file without the obs
     * table fails there, with SQLite's words, not at ps_obs_writer_new */
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start(&db, &w, &ctx))
        return;
    CHECK_INT(ps_db_exec(db, "DROP TABLE obs", &ctx), PS_OK);
    ps_obs cur;
    ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 1000};
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&ctx), "no such table: obs") != NULL);
    /* the engine's whole-scope read and its probe fail the same way */
    ps_ctx c1 = {0};
    long total = -1, within = -1;
    CHECK_INT(ps_obs_unit_span(w, 7, 0, 9999999, &total, &within, &c1), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c1), "no such table: obs") != NULL);
    ps_ctx c1b = {0};
    CHECK_INT(ps_obs_values_units(w, "[7]", 0, 9999999, NULL, NULL, &c1b), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c1b), "no such table: obs") != NULL);
    /* a queued row whose write cannot be prepared: the flush fails, and so does every later call */
    ps_ctx c2 = {0};
    CHECK_INT(ps_obs_append(w, &k, 1, 'A', 0, 1, "", 1, 1, 2, &c2), PS_OK);
    CHECK_INT(ps_obs_flush(w, &c2), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c2), "no such table: obs") != NULL);
    ps_ctx c3 = {0};
    CHECK_INT(ps_obs_append(w, &k, 1, 'A', 0, 1, "", 1, 1, 2, &c3), PS_ERR_DB);
    ps_ctx c4 = {0};
    long line = -1;
    CHECK_INT(ps_obs_line_of(w, &k, 1, &line, &c4), PS_ERR_DB);
    CHECK_INT(line, 0);
    CHECK(strstr(ps_ctx_message(&c4), "no such table: obs") != NULL);
    stop(db, w, NULL);
}

int main(void)
{
    RUN(batches_and_rest_are_stored);
    RUN(a_failed_batch_fails_every_later_call);
    RUN(a_statement_that_cannot_be_prepared_is_an_error_at_its_first_use);
    return check_done();
}
