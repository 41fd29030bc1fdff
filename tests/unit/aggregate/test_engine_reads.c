/* test_engine_reads.c - how the engine reads stored values never changes
 * what it answers.
 *
 * The engine reads stored values a window at a time, many series per
 * statement (by unit, by indicator, or a year of the whole scope when a
 * probe finds most of its rows wanted), stops at a horizon or a range the
 * caller gives, evicts windows from a table sized to the catalog, and keeps
 * its roll-ups between commands. Each of those is an optimisation: on the
 * loaded Quảng Ninh sample, every value, plan and comparable value of every
 * unit and indicator for every period of 2015 and 2016 must come out
 * identical (value, coverage, status and flags) from an engine with no
 * settings and no whole-scope reads asked in catalog order, and from
 * engines with each setting asked in a shuffled order. The window table
 * holds two years of each series; the questions reach three (2014, for the
 * comparable values), so eviction and re-reading are exercised too. Before the questions, STAFF_CUT loses all
 * its values and FDI_PROJECTS all but July 2016 (with the sqlite3 shell),
 * so that batches find indicators with nothing stored in a year or up to a
 * month: the engine then answers "none" for the whole scope without
 * rolling up, but only inside what the batch read (not July 2016 when it
 * read to March), which the other settings check against.
 *
 * usage: test_engine_reads PROVSTAT (run from the repo root; the sample is
 * loaded with scripts/load-sample.sh into a temporary folder)
 */
#include "check.h"

#include "aggregate/engine.h"
#include "aggregate/status.h"
#include "store/dbcatalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAXP = 64 };

static ps_db *db;
static ps_catalog *cat;
static ps_period periods[MAXP];
static int np;
static size_t nkeys;        /* units x indicators x (periods + 2 plans + periods comparable) */
static ps_val *ref;

static void make_periods(void)
{
    for (int y = 2015; y <= 2016; y++) {
        periods[np++] = ps_period_make(PS_P_YEAR, y, 0);
        for (int h = 1; h <= 2; h++)
            periods[np++] = ps_period_make(PS_P_HALF, y, h);
        for (int q = 1; q <= 4; q++)
            periods[np++] = ps_period_make(PS_P_QUARTER, y, q);
        for (int m = 1; m <= 12; m++)
            periods[np++] = ps_period_make(PS_P_MONTH, y, m);
        for (int m = 1; m <= 11; m++)
            periods[np++] = ps_period_make(PS_P_YTD, y, m);
    }
}

/* Question k: (unit, indicator, what) with what < np a value, np..np+1 a
 * plan of 2015 or 2016, np+2.. a 2015 value comparable with 2016. */
static size_t per_series(void)
{
    return (size_t)np + 2 + (size_t)np / 2;
}

static ps_val ask(ps_engine *e, size_t k)
{
    size_t ps = per_series();
    int u = (int)(k / (cat->nindicators * ps));
    int ind = (int)(k / ps % cat->nindicators);
    int what = (int)(k % ps);
    ps_val v = {0};
    ps_ctx ctx = {0};
    ps_error err;
    if (what < np) {
        err = ps_engine_value(e, u, ind, periods[what], &v, &ctx);
    } else if (what < np + 2) {
        err = ps_engine_plan(e, u, ind, 2015 + what - np, &v, &ctx);
    } else {
        ps_period p = periods[what - np - 2]; /* the 2015 half of the list */
        ps_period basis = ps_period_make((ps_period_type)p.type, p.year + 1, p.num);
        err = ps_engine_comparable(e, u, ind, p, basis, &v, &ctx);
    }
    if (err)
        printf("engine error: %s\n", ps_ctx_message(&ctx));
    return v;
}

static bool same(const ps_val *a, const ps_val *b)
{
    if (a->has != b->has)
        return false;
    if (!a->has)
        return true;
    return memcmp(&a->v, &b->v, sizeof a->v) == 0 && a->coverage == b->coverage && a->status == b->status &&
           a->flags == b->flags;
}

static ps_engine *engine(void)
{
    ps_engine *e = NULL;
    ps_ctx ctx = {0};
    if (ps_engine_new(db, cat, &e, &ctx))
        printf("cannot start an engine: %s\n", ps_ctx_message(&ctx));
    return e;
}

/* Whether question k is about a period that ends by month `last` of
 * 2016 (plans: always), as a report of that month asks. */
static bool asked_by(size_t k, int last)
{
    size_t ps = per_series();
    int what = (int)(k % ps);
    if (what >= np && what < np + 2)
        return true;
    ps_period p = what < np ? periods[what] : periods[what - np - 2];
    if (what >= np + 2)
        p.year++; /* a comparable value is asked with its 2016 basis */
    return p.year < 2016 || ps_period_last_month(p) <= last;
}

static long ask_some(ps_engine *e, unsigned seed, const char *what, int last);

/* Asks every question in a shuffled order (seed), compares with ref. */
static long ask_all(ps_engine *e, unsigned seed, const char *what)
{
    return ask_some(e, seed, what, 12);
}

/* The same for the questions asked by month `last` of 2016 only. */
static long ask_some(ps_engine *e, unsigned seed, const char *what, int last)
{
    size_t *order = malloc(nkeys * sizeof *order);
    for (size_t k = 0; k < nkeys; k++)
        order[k] = k;
    unsigned long long x = seed;
    for (size_t k = nkeys - 1; seed && k > 0; k--) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t j = (size_t)((x >> 33) % (k + 1));
        size_t t = order[k];
        order[k] = order[j];
        order[j] = t;
    }
    long bad = 0;
    for (size_t i = 0; i < nkeys; i++) {
        if (!asked_by(order[i], last))
            continue;
        ps_val v = ask(e, order[i]);
        if (!same(&v, &ref[order[i]])) {
            if (bad < 5)
                printf("%s: question %zu differs: has %d v %.17g cov %g status %c flags %u; reference has %d v %.17g "
                       "cov %g status %c flags %u\n",
                       what, order[i], v.has, v.v, v.coverage, v.status ? v.status : '-', v.flags, ref[order[i]].has,
                       ref[order[i]].v, ref[order[i]].coverage, ref[order[i]].status ? ref[order[i]].status : '-',
                       ref[order[i]].flags);
            bad++;
        }
    }
    free(order);
    return bad;
}

TEST(reference_has_values)
{
    /* the comparison means something only if most questions have answers */
    size_t has = 0;
    for (size_t k = 0; k < nkeys; k++)
        has += ref[k].has;
    CHECK(has > nkeys / 4);
    printf("reference: %zu questions, %zu with a value\n", nkeys, has);
}

TEST(horizon_inside_the_periods)
{
    ps_engine *e = engine();
    ps_engine_set_horizon(e, ps_period_make(PS_P_MONTH, 2016, 3));
    CHECK_INT(ask_all(e, 7, "horizon 2016-03"), 0);
    ps_engine_free(e);
}

TEST(horizon_never_passed)
{
    /* only what a report of March 2016 asks: every window of 2016 is read
     * to March, months and year-to-dates apart (the province's stored IIP
     * year-to-dates of January to March are in the second range) */
    ps_engine *e = engine();
    ps_engine_set_horizon(e, ps_period_make(PS_P_MONTH, 2016, 3));
    CHECK_INT(ask_some(e, 31, "horizon 2016-03, never passed", 3), 0);
    ps_engine_free(e);
}

TEST(range_of_an_export)
{
    ps_engine *e = engine();
    ps_engine_set_range(e, ps_period_make(PS_P_MONTH, 2016, 1), ps_period_make(PS_P_MONTH, 2016, 6));
    CHECK_INT(ask_all(e, 11, "range 2016-01..2016-06"), 0);
    ps_engine_free(e);
}

TEST(range_of_one_month)
{
    ps_engine *e = engine();
    ps_engine_set_range(e, ps_period_make(PS_P_MONTH, 2016, 5), ps_period_make(PS_P_MONTH, 2016, 5));
    CHECK_INT(ask_all(e, 13, "range 2016-05"), 0);
    ps_engine_free(e);
}

TEST(scope_of_one_district)
{
    ps_engine *e = engine();
    int u = ps_catalog_unit(cat, "193");
    CHECK(u >= 0);
    ps_engine_set_scope(e, u);
    ps_engine_set_horizon(e, ps_period_make(PS_P_MONTH, 2016, 7));
    CHECK_INT(ask_all(e, 17, "scope 193, horizon 2016-07"), 0);
    ps_engine_free(e);
}

TEST(scans_in_catalog_order)
{
    /* the reference never reads a whole scope at once; the default engine
     * does for 2015 and 2016 (the probe, district 193, has all its rows in
     * those years), not for the years before 2015 a comparison reaches */
    ps_engine *e = engine();
    CHECK_INT(ask_all(e, 0, "scans, catalog order"), 0);
    ps_engine_free(e);
}

TEST(unit_by_unit_in_order)
{
    /* catalog order: a unit's questions one after another, as an export
     * asks them (reads a unit's indicators together) */
    ps_engine *e = engine();
    ps_engine_set_horizon(e, ps_period_make(PS_P_MONTH, 2015, 12));
    CHECK_INT(ask_all(e, 0, "unit by unit, horizon 2015-12"), 0);
    ps_engine_free(e);
}

TEST(kept_rollups)
{
    ps_engine *e = engine();
    CHECK_INT(ask_all(e, 19, "computing to keep"), 0);
    bool saved = false;
    ps_ctx ctx = {0};
    CHECK_INT(ps_engine_save(e, &saved, &ctx), PS_OK);
    CHECK(saved);
    ps_engine_free(e);
    e = engine();
    CHECK_INT(ask_all(e, 23, "from kept roll-ups"), 0);
    ps_engine_set_horizon(e, ps_period_make(PS_P_QUARTER, 2016, 2));
    CHECK_INT(ask_all(e, 29, "from kept roll-ups, horizon 2016-Q2"), 0);
    ps_engine_free(e);
}

TEST(status_skips_what_the_windows_hold_as_not_stored)
{
    /* the reporting status asks the database only for values the engine's
     * windows do not already show as absent; the counts are the same */
    ps_engine *e = engine();
    ps_engine_set_horizon(e, ps_period_make(PS_P_MONTH, 2016, 7));
    CHECK_INT(ask_some(e, 41, "before the status", 7), 0);
    int u = ps_catalog_unit(cat, "193");
    int retail = ps_catalog_indicator(cat, "RETAIL"), cut = ps_catalog_indicator(cat, "STAFF_CUT");
    CHECK(u >= 0 && retail >= 0 && cut >= 0);
    bool has = false;
    CHECK(ps_engine_stored(e, u, retail, ps_period_make(PS_P_MONTH, 2016, 7), &has));
    CHECK(has);
    CHECK(ps_engine_stored(e, u, cut, ps_period_make(PS_P_QUARTER, 2016, 2), &has));
    CHECK(!has); /* emptied before the tests */
    CHECK(!ps_engine_stored(e, u, retail, ps_period_make(PS_P_MONTH, 2016, 8), &has)); /* past the horizon: not read */
    ps_period ps[] = {ps_period_make(PS_P_MONTH, 2016, 7), ps_period_make(PS_P_MONTH, 2016, 6),
                      ps_period_make(PS_P_QUARTER, 2016, 2), ps_period_make(PS_P_MONTH, 2015, 12),
                      ps_period_make(PS_P_YTD, 2016, 7)};
    long received = 0, missing = 0;
    for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
        ps_status_row *with = NULL, *without = NULL;
        ps_ctx ctx = {0};
        CHECK_INT(ps_status_compute(db, cat, e, ps[k], &with, &ctx), PS_OK);
        CHECK_INT(ps_status_compute(db, cat, NULL, ps[k], &without, &ctx), PS_OK);
        for (size_t r = 0; with && without && r <= cat->nreporters; r++) {
            CHECK_INT(with[r].expected, without[r].expected);
            CHECK_INT(with[r].received, without[r].received);
            CHECK_INT(with[r].on_time, without[r].on_time);
        }
        if (without) {
            received += without[cat->nreporters].received;
            missing += without[cat->nreporters].expected - without[cat->nreporters].received;
        }
        free(with);
        free(without);
    }
    /* both kinds occur: values received, and values missing (STAFF_CUT) */
    CHECK(received > 0);
    CHECK(missing > 0);
    ps_engine_free(e);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_engine_reads PROVSTAT (from the repo root)\n");
        return 2;
    }
    char dir[] = "/tmp/provstat-engine.XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    char path[512], cmd[2048];
    snprintf(path, sizeof path, "%s/q.db", dir);
    snprintf(cmd, sizeof cmd, "sh scripts/load-sample.sh '%s' '%s' >'%s/load.log' 2>&1", argv[1], path, dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "loading the sample failed: see %s/load.log\n", dir);
        return 1;
    }
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s' \"DELETE FROM obs WHERE indicator_id = (SELECT id FROM indicator WHERE code = 'STAFF_CUT');"
             " DELETE FROM obs WHERE indicator_id = (SELECT id FROM indicator WHERE code = 'FDI_PROJECTS')"
             " AND period < 2016307\"",
             path);
    if (system(cmd) != 0) {
        fprintf(stderr, "emptying two indicators with the sqlite3 shell failed\n");
        return 1;
    }
    ps_ctx ctx = {0};
    ps_db_opts opts = {false, true, true, 0};
    if (ps_db_open(&db, path, &opts, &ctx) || ps_db_catalog_load(db, &cat, &ctx)) {
        fprintf(stderr, "%s\n", ps_ctx_message(&ctx));
        return 1;
    }
    make_periods();
    nkeys = cat->nunits * cat->nindicators * per_series();
    ref = calloc(nkeys, sizeof *ref);
    ps_engine *e = engine();
    ps_engine_set_scan(e, false); /* the reference reads by indicator and by unit only */
    for (size_t k = 0; k < nkeys; k++)
        ref[k] = ask(e, k);
    ps_engine_free(e);

    RUN(reference_has_values);
    RUN(horizon_inside_the_periods);
    RUN(horizon_never_passed);
    RUN(range_of_an_export);
    RUN(range_of_one_month);
    RUN(scope_of_one_district);
    RUN(scans_in_catalog_order);
    RUN(unit_by_unit_in_order);
    RUN(kept_rollups);
    RUN(status_skips_what_the_windows_hold_as_not_stored);

    free(ref);
    ps_catalog_free(cat);
    ps_db_close(db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
