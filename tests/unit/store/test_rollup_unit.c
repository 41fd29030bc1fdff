/* test_rollup_unit.c - reading every kept series of a unit at once
 * (ps_rollup_unit): the rows of each series, series in indicator id order,
 * the kept numbers with their negative ids, nothing of other units; and a
 * table that cannot be read is an error that says so. */
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
        {7, -1, PS_ROLLUP_NUMBER, 2016307, true, 12, 1, 'A', 0},
        {7, 3, 0, 2016307, true, 1.5, 1, 'A', 0},
        {7, 3, 0, 2016308, true, 2.5, 0.5, 'E', 0},
        {7, 5, 1, 2016000, false, 0, 0, 'A', 0},
        {8, 3, 0, 2016307, true, 99, 1, 'A', 0},
    };
    bool saved = false;
    CHECK_INT(ps_rollup_save(db, generation, rows, sizeof rows / sizeof rows[0], &saved, ctx), PS_OK);
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
    CHECK_INT(ngot, 4);
    CHECK_INT(got[0].indicator_id, -1);           /* the kept number */
    CHECK_NEAR(got[0].value, 12, 0);
    CHECK_INT(got[1].indicator_id, 3);
    CHECK_INT(got[1].period, 2016307);
    CHECK_INT(got[2].indicator_id, 3);
    CHECK_INT(got[2].status, 'E');
    CHECK_NEAR(got[2].coverage, 0.5, 0);
    CHECK_INT(got[3].indicator_id, 5);
    CHECK_INT(got[3].measure, 1);
    CHECK(!got[3].has);
    for (int i = 0; i < 4; i++)
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

int main(void)
{
    RUN(a_units_kept_series_in_one_read);
    RUN(a_table_that_cannot_be_read_is_an_error);
    return check_done();
}
