/* test_obs_one_way.c - the one way to store a first value (ps_obs_append)
 * and the one way to store a revision (ps_obs_revise): the earlier value
 * moves whole to the revision table, note and all; what the ingest asks
 * before writing (ps_obs_unit_any, ps_obs_series_top); and each of them
 * failing with SQLite's words when its table is gone. */
#include "check.h"
#include "tmp_db.h"

#include "store/db_int.h"
#include "store/obs.h"
#include "store/query.h"

#include <string.h>

static bool start(ps_db **db, ps_obs_writer **w, ps_ctx *ctx)
{
    *db = tmp_db_open("oneway", ctx);
    *w = NULL;
    CHECK(*db != NULL);
    if (!*db)
        return false;
    CHECK_INT(ps_db_begin(*db, ctx), PS_OK);
    CHECK_INT(ps_obs_writer_new(*db, w, ctx), PS_OK);
    return *w != NULL;
}

static void stop(ps_db *db, ps_obs_writer *w)
{
    ps_obs_writer_free(w);
    ps_db_rollback(db);
    tmp_db_drop(db);
}

TEST(a_revision_keeps_the_earlier_value_whole)
{
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start(&db, &w, &ctx))
        return;
    static char note[3001];
    memset(note, 'n', 3000);
    note[2999] = '!';
    CHECK_INT(ps_db_exec(db, "INSERT INTO reporter(id, code, name_vi, name_en, scope_unit, indicators, ord)"
                             " VALUES (1, 'R', 'R', 'R', 'U', '*', 1)", &ctx), PS_OK);
    long long sub1 = 0, sub2 = 0;
    CHECK_INT(ps_obs_submission_new(w, 1, "a.csv", "x", "", NULL, &sub1, &ctx), PS_OK);
    CHECK_INT(ps_obs_submission_new(w, 1, "b.csv", "y", "", NULL, &sub2, &ctx), PS_OK);
    ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 2016307};
    CHECK_INT(ps_obs_append(w, &k, 12.5, 'E', 0, 1, note, 1, sub1, 2, &ctx), PS_OK);
    ps_obs cur;
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_OK);
    CHECK(cur.exists);
    CHECK_STR(cur.note, note);
    CHECK_INT(cur.revision, 1);
    CHECK_INT(ps_obs_revise(w, &k, &cur, true, 13, 'A', 0, 1, "official", sub2, 5, &ctx), PS_OK);
    ps_hist_row *h = NULL;
    size_t n = 0;
    CHECK_INT(ps_query_history(db, &k, &h, &n, &ctx), PS_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_NEAR(h[0].value, 12.5, 0);
        CHECK_INT(h[0].status, 'E');
        CHECK_STR(h[0].note, note);
        CHECK_INT(h[0].submission, sub1);
        CHECK_INT(h[0].line, 2);
        CHECK(h[1].current);
        CHECK_STR(h[1].note, "official");
        CHECK_INT(h[1].revision, 2);
    }
    ps_hist_free(h, n);
    stop(db, w);
}

TEST(what_is_stored_before_writing)
{
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start(&db, &w, &ctx))
        return;
    bool any = true;
    int top = -1;
    CHECK_INT(ps_obs_unit_any(w, 7, &any, &ctx), PS_OK);
    CHECK(!any);
    CHECK_INT(ps_obs_series_top(w, 7, 3, PS_MEASURE_ACTUAL, &any, &top, &ctx), PS_OK);
    CHECK(!any);
    ps_obs_key a = {7, 3, PS_MEASURE_ACTUAL, 2016305}, b = {7, 3, PS_MEASURE_ACTUAL, 2016307};
    ps_obs_key plan = {7, 3, PS_MEASURE_PLAN, 2017000};
    CHECK_INT(ps_obs_append(w, &b, 1, 'A', 0, 1, NULL, 1, 1, 2, &ctx), PS_OK);
    CHECK_INT(ps_obs_append(w, &a, 1, 'A', 0, 1, NULL, 1, 1, 3, &ctx), PS_OK);
    CHECK_INT(ps_obs_append(w, &plan, 1, 'A', 0, 1, NULL, 1, 1, 4, &ctx), PS_OK);
    CHECK_INT(ps_obs_flush(w, &ctx), PS_OK);
    CHECK_INT(ps_obs_unit_any(w, 7, &any, &ctx), PS_OK);
    CHECK(any);
    CHECK_INT(ps_obs_unit_any(w, 8, &any, &ctx), PS_OK);
    CHECK(!any);
    CHECK_INT(ps_obs_series_top(w, 7, 3, PS_MEASURE_ACTUAL, &any, &top, &ctx), PS_OK);
    CHECK(any);
    CHECK_INT(top, 2016307);
    CHECK_INT(ps_obs_series_top(w, 7, 3, PS_MEASURE_PLAN, &any, &top, &ctx), PS_OK);
    CHECK_INT(top, 2017000);
    stop(db, w);
}

TEST(each_fails_with_sqlites_words_when_its_table_is_gone)
{
    ps_ctx ctx = {0};
    ps_db *db;
    ps_obs_writer *w;
    if (!start(&db, &w, &ctx))
        return;
    ps_obs_key k = {7, 3, PS_MEASURE_ACTUAL, 2016307};
    CHECK_INT(ps_obs_append(w, &k, 1, 'A', 0, 1, "n", 1, 1, 2, &ctx), PS_OK);
    ps_obs cur;
    CHECK_INT(ps_obs_get(w, &k, &cur, &ctx), PS_OK);
    CHECK_INT(ps_db_exec(db, "DROP TABLE revision", &ctx), PS_OK);
    ps_ctx c1 = {0};
    CHECK_INT(ps_obs_revise(w, &k, &cur, true, 2, 'A', 0, 1, "", 1, 3, &c1), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c1), "no such table: revision") != NULL);
    CHECK_INT(ps_db_exec(db, "DROP TABLE obs", &ctx), PS_OK);
    bool any;
    int top;
    ps_ctx c2 = {0}, c3 = {0};
    CHECK_INT(ps_obs_unit_any(w, 7, &any, &c2), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c2), "no such table: obs") != NULL);
    CHECK_INT(ps_obs_series_top(w, 7, 3, PS_MEASURE_ACTUAL, &any, &top, &c3), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c3), "no such table: obs") != NULL);
    stop(db, w);
}

int main(void)
{
    RUN(a_revision_keeps_the_earlier_value_whole);
    RUN(what_is_stored_before_writing);
    RUN(each_fails_with_sqlites_words_when_its_table_is_gone);
    return check_done();
}
