/* test_rollup_unit.c - reading every kept series of a unit at once
 * (ps_rollup_unit): the rows of each series, series in indicator id order,
 * nothing of other units; and a table that cannot be read is an error that
 * says so. The reporting counts of status in their own table: kept,
 * read, dropped by unit and months, and replaced whole by a save for a
 * newer generation. */
#include "check.h"
#include "tmp_db.h"

#include "store/db_int.h"
#include "store/rollup.h"


/* A fresh database with kept rows of units 7 and 8, and a reader of them
 * in *r; NULL when they cannot be had. */
static ps_db *kept_db(ps_rollup_reader **r, ps_ctx *ctx)
{
    *r = NULL;
    ps_db *db = tmp_db_open("rollup", ctx);
    CHECK(db != NULL);
    if (!db)
        return NULL;
    long long generation = 0;
    bool valid = false;
    CHECK_INT(ps_db_begin_read(db, ctx), PS_OK);
    CHECK_INT(ps_rollup_state(db, &generation, &valid, ctx), PS_OK);
    ps_db_end_read(db);
    /* sorted by series, as ps_rollup_save wants */
    ps_rollup_row rows[] = {
        {7, 3, 0, 2016307, true, 1.5, 1, 'A', 0},
        {7, 3, 0, 2016308, true, 2.5, 0.5, 'E', 0},
        {7, 5, 1, 2016000, false, 0, 0, 'A', 0},
        {8, 3, 0, 2016307, true, 99, 1, 'A', 0},
    };
    /* reporter 4's counts of unit 7 in July and Q3 2016, and its total in July */
    ps_count_row counts[] = {
        {4, 7, 2016307, {10, 8, 6}},
        {4, 7, 2016203, {30, 8, 6}},
        {4, 0, 2016307, {20, 15, 9}},
    };
    ps_rollup_fresh f = {rows, sizeof rows / sizeof rows[0], counts, sizeof counts / sizeof counts[0]};
    bool saved = false;
    CHECK_INT(ps_rollup_save(db, generation, &f, &saved, ctx), PS_OK);
    CHECK(saved);
    CHECK_INT(ps_rollup_reader_new(db, r, ctx), PS_OK);
    if (!*r)
        tmp_db_drop(db);
    return *r ? db : NULL;
}

static ps_rollup_row got[16];
static int ngot;

static void take(const ps_rollup_row *row, void *arg)
{
    (void)arg;
    if (ngot < 16)
        got[ngot] = *row;
    ngot++;
}

TEST(a_units_kept_series_in_one_read)
{
    ps_ctx ctx = {0};
    ps_rollup_reader *r;
    ps_db *db = kept_db(&r, &ctx);
    if (!db)
        return;
    ngot = 0;
    CHECK_INT(ps_rollup_unit(r, 7, take, NULL, &ctx), PS_OK);
    CHECK_INT(ngot, 3);
    CHECK_INT(got[0].indicator_id, 3);
    CHECK_INT(got[0].period, 2016307);
    CHECK_INT(got[1].indicator_id, 3);
    CHECK_INT(got[1].status, 'E');
    CHECK_NEAR(got[1].coverage, 0.5, 0);
    CHECK_INT(got[2].indicator_id, 5);
    CHECK_INT(got[2].measure, 1);
    CHECK(!got[2].has);
    for (int i = 0; i < 3; i++)
        CHECK_INT(got[i].unit_id, 7);
    ngot = 0;
    CHECK_INT(ps_rollup_unit(r, 9, take, NULL, &ctx), PS_OK); /* nothing kept */
    CHECK_INT(ngot, 0);
    ps_rollup_reader_free(r);
    tmp_db_drop(db);
}

TEST(a_table_that_cannot_be_read_is_an_error)
{
    ps_ctx ctx = {0};
    ps_rollup_reader *r;
    ps_db *db = kept_db(&r, &ctx);
    if (!db)
        return;
    CHECK_INT(ps_db_exec(db, "DROP TABLE rollup", &ctx), PS_OK);
    ps_ctx c2 = {0};
    CHECK_INT(ps_rollup_unit(r, 7, take, NULL, &c2), PS_ERR_DB);
    CHECK(strstr(ps_ctx_message(&c2), "no such table: rollup") != NULL);
    ps_rollup_reader_free(r);
    tmp_db_drop(db);
}

static int dropped[8];
static int ndropped;

static void note_period(int period, void *arg)
{
    (void)arg;
    if (ndropped < 8)
        dropped[ndropped] = period;
    ndropped++;
}

TEST(reporting_counts_kept_read_and_dropped)
{
    ps_ctx ctx = {0};
    ps_rollup_reader *r;
    ps_db *db = kept_db(&r, &ctx);
    if (!db)
        return;
    long c[3] = {0, 0, 0};
    bool found = false;
    CHECK_INT(ps_rollup_count(r, 4, 7, 2016307, c, &found, &ctx), PS_OK);
    CHECK(found);
    CHECK_INT(c[0], 10);
    CHECK_INT(c[1], 8);
    CHECK_INT(c[2], 6);
    CHECK_INT(ps_rollup_count(r, 4, 8, 2016307, c, &found, &ctx), PS_OK);
    CHECK(!found);
    /* August 2016 of unit 8 (months count as year * 12 + month - 1): the totals of July stay, as do
     * unit 7's; Q3 of unit 7 stays too (unit 7 did not change) */
    ngot = ndropped = 0;
    CHECK_INT(ps_db_begin(db, &ctx), PS_OK);
    long long eight = 8;
    CHECK_INT(ps_rollup_drop_counts(r, &eight, 1, 2016 * 12 + 7, 2016 * 12 + 7, note_period, NULL, &ctx), PS_OK);
    CHECK_INT(ndropped, 0);
    /* July of unit 7: its July and its Q3, and the reporter's July total */
    long long seven = 7;
    CHECK_INT(ps_rollup_drop_counts(r, &seven, 1, 2016 * 12 + 6, 2016 * 12 + 6, note_period, NULL, &ctx), PS_OK);
    CHECK_INT(ps_db_commit(db, &ctx), PS_OK);
    CHECK_INT(ndropped, 3);
    int seen_july = 0, seen_q3 = 0;
    for (int i = 0; i < ndropped && i < 8; i++) {
        seen_july += dropped[i] == 2016307;
        seen_q3 += dropped[i] == 2016203;
    }
    CHECK_INT(seen_july, 2);
    CHECK_INT(seen_q3, 1);
    CHECK_INT(ps_rollup_count(r, 4, 7, 2016307, c, &found, &ctx), PS_OK);
    CHECK(!found);
    CHECK_INT(ps_rollup_count(r, 4, 0, 2016307, c, &found, &ctx), PS_OK);
    CHECK(!found);
    ps_rollup_reader_free(r);
    tmp_db_drop(db);
}

TEST(a_save_for_a_newer_generation_replaces_the_counts)
{
    ps_ctx ctx = {0};
    ps_rollup_reader *r;
    ps_db *db = kept_db(&r, &ctx);
    if (!db)
        return;
    CHECK_INT(ps_db_exec(db, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'", &ctx),
              PS_OK);
    long long generation = 0;
    bool valid = true, saved = false, found = true;
    CHECK_INT(ps_db_begin_read(db, &ctx), PS_OK);
    CHECK_INT(ps_rollup_state(db, &generation, &valid, &ctx), PS_OK);
    ps_db_end_read(db);
    CHECK(!valid);
    ps_count_row one = {5, 0, 2016308, {1, 1, 1}};
    ps_rollup_fresh f = {NULL, 0, &one, 1};
    CHECK_INT(ps_rollup_save(db, generation, &f, &saved, &ctx), PS_OK);
    CHECK(saved);
    long c[3];
    CHECK_INT(ps_rollup_count(r, 4, 7, 2016307, c, &found, &ctx), PS_OK);
    CHECK(!found);
    CHECK_INT(ps_rollup_count(r, 5, 0, 2016308, c, &found, &ctx), PS_OK);
    CHECK(found);
    ngot = 0;
    CHECK_INT(ps_rollup_unit(r, 7, take, NULL, &ctx), PS_OK);
    CHECK_INT(ngot, 0);
    ps_rollup_reader_free(r);
    tmp_db_drop(db);
}

int main(void)
{
    RUN(a_units_kept_series_in_one_read);
    RUN(a_table_that_cannot_be_read_is_an_error);
    RUN(reporting_counts_kept_read_and_dropped);
    RUN(a_save_for_a_newer_generation_replaces_the_counts);
    return check_done();
}
