/* rollup.c - the rollup table: roll-ups kept between commands.
 *
 * One row per series (unit, indicator): its kept values packed in a blob, so
 * that a report's few thousand series come back in as many row reads rather
 * than one read per value. A blob is a version byte (1) and then records of
 * REC bytes, little-endian whatever the machine (the file may move):
 *
 *   period int32 | measure u8 | has u8 | status u8 | 0 | flags u32 |
 *   value f64 | coverage f64
 */
#include "store/rollup.h"

#include "core/alloc.h"
#include "core/period.h"
#include "store/db_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REC = 28, BLOB_VERSION = 1 };

struct ps_rollup_reader {
    ps_db *db;
    sqlite3_stmt *st;
    sqlite3_stmt *unit;     /* ps_rollup_unit's; prepared on first use */
    sqlite3_stmt *del;      /* ps_rollup_drop's; prepared on first use */
    sqlite3_stmt *count;    /* ps_rollup_count's */
};

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_f64(unsigned char *p, double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof v);
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static double get_f64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

static void encode(unsigned char *p, const ps_rollup_row *r)
{
    put_u32(p, (uint32_t)r->period);
    p[4] = (unsigned char)r->measure;
    p[5] = r->has && isfinite(r->value);
    p[6] = (unsigned char)(r->status ? r->status : 'A');
    p[7] = 0;
    put_u32(p + 8, r->flags);
    put_f64(p + 12, p[5] ? r->value : 0);
    put_f64(p + 20, isfinite(r->coverage) ? r->coverage : 0);
}

static void decode(const unsigned char *p, long long unit_id, long long indicator_id, ps_rollup_row *r)
{
    r->unit_id = unit_id;
    r->indicator_id = indicator_id;
    r->period = (int)get_u32(p);
    r->measure = p[4];
    r->has = p[5] != 0;
    r->status = (char)p[6];
    r->flags = get_u32(p + 8);
    r->value = get_f64(p + 12);
    r->coverage = get_f64(p + 20);
}

/* The records of a blob, or 0 when it is not one this version writes
 * (such a series is computed again and rewritten). */
static size_t records(const void *blob, int bytes)
{
    if (!blob || bytes < 1 || ((const unsigned char *)blob)[0] != BLOB_VERSION || (bytes - 1) % REC)
        return 0;
    return (size_t)(bytes - 1) / REC;
}

static long long meta_int(ps_db *db, const char *key, bool *found)
{
    sqlite3_stmt *st;
    long long v = -1;
    *found = false;
    if (sqlite3_prepare_v2(db->h, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
        *found = true;
    }
    sqlite3_finalize(st);
    return v;
}

ps_error ps_rollup_state(ps_db *db, long long *generation, bool *valid, ps_ctx *ctx)
{
    bool found, kept;
    *generation = meta_int(db, "generation", &found);
    if (!found)
        return ps_failm(ctx, PS_ERR_SCHEMA, PS_M_RLP_NOT_PROVSTAT_DATABASE_DAMAGED,
                        db->path);
    long long rg = meta_int(db, "rollup_generation", &kept);
    *valid = kept && rg == *generation;
    return PS_OK;
}

ps_error ps_rollup_reader_new(ps_db *db, ps_rollup_reader **out, ps_ctx *ctx)
{
    ps_rollup_reader *r = ps_xcalloc(1, sizeof *r);
    r->db = db;
    ps_error err = ps_db_prepare(db, "SELECT body FROM rollup WHERE unit_id = ?1 AND indicator_id = ?2", &r->st,
                                 ctx);
    if (!err)
        err = ps_db_prepare(db,
                            "SELECT expected, received, on_time FROM status_count"
                            " WHERE reporter_id = ?1 AND unit_id = ?2 AND period = ?3",
                            &r->count, ctx);
    if (err) {
        sqlite3_finalize(r->st);
        free(r);
        *out = NULL;
        return err;
    }
    *out = r;
    return PS_OK;
}

void ps_rollup_reader_free(ps_rollup_reader *r)
{
    if (!r)
        return;
    sqlite3_finalize(r->st);
    sqlite3_finalize(r->unit);
    sqlite3_finalize(r->del);
    sqlite3_finalize(r->count);
    free(r);
}

/* Calls fn for each record of the series body in column col of st. */
static void emit_body(sqlite3_stmt *st, int col, long long unit_id, long long indicator_id,
                      void (*fn)(const ps_rollup_row *row, void *arg), void *arg)
{
    const unsigned char *b = sqlite3_column_blob(st, col);
    size_t n = records(b, sqlite3_column_bytes(st, col));
    for (size_t i = 0; i < n; i++) {
        ps_rollup_row row;
        decode(b + 1 + i * REC, unit_id, indicator_id, &row);
        fn(&row, arg);
    }
}

ps_error ps_rollup_series(ps_rollup_reader *r, long long unit_id, long long indicator_id,
                          void (*fn)(const ps_rollup_row *row, void *arg), void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *st = r->st;
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int64(st, 2, indicator_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        emit_body(st, 0, unit_id, indicator_id, fn, arg);
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(r->db, ctx, rc, ps_msg(PS_M_DBW_READING_KEPT_ROLL_UPS));
}

ps_error ps_rollup_unit(ps_rollup_reader *r, long long unit_id, void (*fn)(const ps_rollup_row *row, void *arg),
                        void *arg, ps_ctx *ctx)
{
    ps_error err;
    if (!r->unit &&
        (err = ps_db_prepare(r->db, "SELECT indicator_id, body FROM rollup WHERE unit_id = ?1", &r->unit, ctx)))
        return err;
    sqlite3_stmt *st = r->unit;
    sqlite3_bind_int64(st, 1, unit_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        emit_body(st, 1, unit_id, sqlite3_column_int64(st, 0), fn, arg);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(r->db, ctx, rc, ps_msg(PS_M_DBW_READING_KEPT_ROLL_UPS));
}

/* ------------------------------------------------------------------------
 * Dropping what a change of data makes wrong
 * ------------------------------------------------------------------------ */

ps_error ps_rollup_drop(ps_rollup_reader *r, long long unit_id, long long indicator_id,
                        void (*fn)(const ps_rollup_row *row, void *arg), void *arg, ps_ctx *ctx)
{
    ps_error err;
    if (fn && (err = ps_rollup_series(r, unit_id, indicator_id, fn, arg, ctx)))
        return err;
    if (!r->del &&
        (err = ps_db_prepare(r->db, "DELETE FROM rollup WHERE unit_id = ?1 AND indicator_id = ?2", &r->del, ctx)))
        return err;
    sqlite3_bind_int64(r->del, 1, unit_id);
    sqlite3_bind_int64(r->del, 2, indicator_id);
    int rc = sqlite3_step(r->del);
    sqlite3_reset(r->del);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(r->db, ctx, rc, ps_msg(PS_M_DBW_DROPPING_KEPT_ROLL_UPS));
}

/* ------------------------------------------------------------------------
 * Reporting counts
 * ------------------------------------------------------------------------ */

ps_error ps_rollup_count(ps_rollup_reader *r, long long reporter_id, long long unit_id, int period, long c[3],
                         bool *found, ps_ctx *ctx)
{
    *found = false;
    sqlite3_stmt *st = r->count;
    sqlite3_bind_int64(st, 1, reporter_id);
    sqlite3_bind_int64(st, 2, unit_id);
    sqlite3_bind_int(st, 3, period);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        for (int k = 0; k < 3; k++)
            c[k] = (long)sqlite3_column_int64(st, k);
        *found = true;
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(r->db, ctx, rc, ps_msg(PS_M_DBW_READING_KEPT_REPORTING_COUNTS));
}

/* Drops the counts of one unit id in months first..last, calling fn with
 * the period of each. */
static ps_error drop_unit_counts(ps_rollup_reader *r, sqlite3_stmt *sel, sqlite3_stmt *del, long long unit_id,
                                 int first, int last, void (*fn)(int period, void *arg), void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *sts[2] = {sel, del};
    for (int k = 0; k < 2; k++) {
        sqlite3_stmt *st = sts[k];
        sqlite3_bind_int64(st, 1, unit_id);
        sqlite3_bind_int(st, 2, first);
        sqlite3_bind_int(st, 3, last);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            if (fn)
                fn(sqlite3_column_int(st, 0), arg);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return ps_db_fail(r->db, ctx, rc, ps_msg(PS_M_DBW_DROPPING_KEPT_REPORTING_COUNTS));
    }
    return PS_OK;
}

ps_error ps_rollup_drop_counts(ps_rollup_reader *r, const long long *unit_ids, size_t n, int first, int last,
                               void (*fn)(int period, void *arg), void *arg, ps_ctx *ctx)
{
    static const char *const where = " WHERE unit_id = ?1 AND first_month <= ?3 AND last_month >= ?2";
    char sql[2][160];
    snprintf(sql[0], sizeof sql[0], "SELECT DISTINCT period FROM status_count%s", where);
    snprintf(sql[1], sizeof sql[1], "DELETE FROM status_count%s", where);
    sqlite3_stmt *sel = NULL, *del = NULL;
    ps_error err;
    if (!(err = ps_db_prepare(r->db, sql[0], &sel, ctx)) && !(err = ps_db_prepare(r->db, sql[1], &del, ctx)))
        for (size_t i = 0; i <= n && !err; i++)
            err = drop_unit_counts(r, sel, del, i < n ? unit_ids[i] : 0, first, last, fn, arg, ctx);
    sqlite3_finalize(sel);
    sqlite3_finalize(del);
    return err;
}

/* ------------------------------------------------------------------------
 * Saving
 * ------------------------------------------------------------------------ */

static int rec_cmp(const void *a, const void *b)
{
    const unsigned char *x = a, *y = b;
    if (x[4] != y[4])
        return x[4] - y[4];
    int32_t px = (int32_t)get_u32(x), py = (int32_t)get_u32(y);
    return (px > py) - (px < py);
}

/* Writes one series: the new rows rows[0..n) merged over what is kept
 * (a new row replaces a kept one of the same measure and period). */
static ps_error save_series(ps_db *db, sqlite3_stmt *get, sqlite3_stmt *put, const ps_rollup_row *rows, size_t n,
                            bool merge, ps_ctx *ctx)
{
    const unsigned char *old = NULL;
    size_t nold = 0;
    int rc;
    if (merge) {
        sqlite3_bind_int64(get, 1, rows[0].unit_id);
        sqlite3_bind_int64(get, 2, rows[0].indicator_id);
        rc = sqlite3_step(get);
        if (rc == SQLITE_ROW) {
            old = sqlite3_column_blob(get, 0);
            nold = records(old, sqlite3_column_bytes(get, 0));
        } else if (rc != SQLITE_DONE) {
            sqlite3_reset(get);
            return ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_KEEPING_ROLL_UPS));
        }
    }
    unsigned char *blob = ps_xmalloc(1 + (nold + n) * REC);
    blob[0] = BLOB_VERSION;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        encode(blob + 1 + (k++) * REC, &rows[i]);
    /* sorted, new rows first: a kept row whose key is already there goes */
    qsort(blob + 1, k, REC, rec_cmp);
    size_t nnew = k;
    for (size_t i = 0; i < nold; i++) {
        const unsigned char *o = old + 1 + i * REC;
        if (!bsearch(o, blob + 1, nnew, REC, rec_cmp))
            memcpy(blob + 1 + (k++) * REC, o, REC);
    }
    /* duplicates among the new rows (a value computed twice) keep one */
    qsort(blob + 1, k, REC, rec_cmp);
    size_t m = 0;
    for (size_t i = 0; i < k; i++)
        if (!m || rec_cmp(blob + 1 + (m - 1) * REC, blob + 1 + i * REC) != 0)
            memmove(blob + 1 + (m++) * REC, blob + 1 + i * REC, REC);
    sqlite3_reset(get);
    sqlite3_bind_int64(put, 1, rows[0].unit_id);
    sqlite3_bind_int64(put, 2, rows[0].indicator_id);
    sqlite3_bind_blob(put, 3, blob, (int)(1 + m * REC), SQLITE_TRANSIENT);
    rc = sqlite3_step(put);
    sqlite3_reset(put);
    free(blob);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_KEEPING_ROLL_UPS));
}

/* Writes rows (sorted by series) series by series, merged over the kept
 * rows when merge is true. */
static ps_error write_rows(ps_db *db, const ps_rollup_row *rows, size_t n, bool merge, ps_ctx *ctx)
{
    sqlite3_stmt *get = NULL, *put = NULL;
    ps_error err;
    if ((err = ps_db_prepare(db, "SELECT body FROM rollup WHERE unit_id = ?1 AND indicator_id = ?2", &get, ctx)) ||
        (err = ps_db_prepare(db, "INSERT OR REPLACE INTO rollup(unit_id, indicator_id, body) VALUES (?1, ?2, ?3)",
                             &put, ctx)))
        goto out;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && rows[j].unit_id == rows[i].unit_id && rows[j].indicator_id == rows[i].indicator_id)
            j++;
        if ((err = save_series(db, get, put, rows + i, j - i, merge, ctx)))
            goto out;
        i = j;
    }
out:
    sqlite3_finalize(get);
    sqlite3_finalize(put);
    return err;
}

ps_error ps_rollup_set_valid(ps_db *db, long long generation, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err;
    if ((err = ps_db_prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('rollup_generation', ?1)", &st,
                             ctx)))
        return err;
    sqlite3_bind_int64(st, 1, generation);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_KEEPING_ROLL_UPS));
}

/* Writes the counts, replacing kept ones of the same key. */
static ps_error write_counts(ps_db *db, const ps_count_row *c, size_t n, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db,
                                 "INSERT OR REPLACE INTO status_count(reporter_id, unit_id, period, first_month,"
                                 " last_month, expected, received, on_time) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                                 &st, ctx);
    for (size_t i = 0; i < n && !err; i++) {
        int first = 0, last = -1;
        ps_period p = ps_period_from_key(c[i].period);
        if (p.type != PS_P_NONE)
            ps_period_month_span(p, &first, &last);
        sqlite3_bind_int64(st, 1, c[i].reporter_id);
        sqlite3_bind_int64(st, 2, c[i].unit_id);
        sqlite3_bind_int(st, 3, c[i].period);
        sqlite3_bind_int(st, 4, first);
        sqlite3_bind_int(st, 5, last);
        for (int k = 0; k < 3; k++)
            sqlite3_bind_int64(st, 6 + k, c[i].c[k]);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            err = ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_KEEPING_REPORTING_COUNTS));
    }
    sqlite3_finalize(st);
    return err;
}

static ps_error write_fresh(ps_db *db, const ps_rollup_fresh *f, bool merge, ps_ctx *ctx)
{
    ps_error err = f->n ? write_rows(db, f->rows, f->n, merge, ctx) : PS_OK;
    return err || !f->ncounts ? err : write_counts(db, f->counts, f->ncounts, ctx);
}

ps_error ps_rollup_merge(ps_db *db, const ps_rollup_fresh *f, ps_ctx *ctx)
{
    return write_fresh(db, f, true, ctx);
}

ps_error ps_rollup_save(ps_db *db, long long generation, const ps_rollup_fresh *f, bool *saved, ps_ctx *ctx)
{
    *saved = false;
    if (db->readonly || (!f->n && !f->ncounts))
        return PS_OK;
    /* a query never waits for a writer to keep its roll-ups */
    ps_db_set_waiting(db, false);
    int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    int base = rc & 0xff;
    ps_error err = PS_OK;
    if (base == SQLITE_BUSY || base == SQLITE_LOCKED || base == SQLITE_READONLY) {
        ps_db_set_waiting(db, true);
        return PS_OK;
    }
    if (rc != SQLITE_OK) {
        err = ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_KEEPING_ROLL_UPS));
        goto out;
    }
    db->in_tx = true;
    bool found, kept;
    long long now = meta_int(db, "generation", &found);
    if (!found || now != generation) {
        ps_db_rollback(db); /* the data changed since: these rows describe the past */
        goto out;
    }
    long long rg = meta_int(db, "rollup_generation", &kept);
    bool merge = kept && rg == generation;
    if (!merge) {
        if ((err = ps_db_exec(db, "DELETE FROM rollup; DELETE FROM status_count;", ctx)))
            goto fail;
        if ((err = ps_rollup_set_valid(db, generation, ctx)))
            goto fail;
    }
    if ((err = write_fresh(db, f, merge, ctx)))
        goto fail;
    if ((err = ps_db_commit(db, ctx)))
        goto out;
    *saved = true;
    goto out;
fail:
    ps_db_rollback(db);
out:
    ps_db_set_waiting(db, true);
    return err;
}
