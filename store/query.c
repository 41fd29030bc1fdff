/* query.c - history of a value and receipt of values for reporting status. */
#include "store/query.h"

#include "core/alloc.h"
#include "store/db_int.h"

#include <stdlib.h>
#include <string.h>

ps_error ps_query_history(ps_db *db, const ps_obs_key *k, ps_hist_row **rows, size_t *n, ps_ctx *ctx)
{
    static const char *const sql =
        "SELECT r.revision, r.value, r.status, rp.code, r.submission_id, s.file, r.line, s.received, 0, r.note"
        " FROM revision r JOIN submission s ON s.id = r.submission_id JOIN reporter rp ON rp.id = r.reporter_id"
        " WHERE r.unit_id=?1 AND r.indicator_id=?2 AND r.measure=?3 AND r.period=?4"
        " UNION ALL"
        " SELECT o.revision, o.value, o.status, rp.code, o.submission_id, s.file, o.line, s.received, 1, o.note"
        " FROM obs o JOIN submission s ON s.id = o.submission_id JOIN reporter rp ON rp.id = s.reporter_id"
        " WHERE o.unit_id=?1 AND o.indicator_id=?2 AND o.measure=?3 AND o.period=?4"
        " ORDER BY 1";
    sqlite3_stmt *st;
    *rows = NULL;
    *n = 0;
    ps_error err = ps_db_prepare(db, sql, &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, k->unit_id);
    sqlite3_bind_int64(st, 2, k->indicator_id);
    sqlite3_bind_int(st, 3, k->measure);
    sqlite3_bind_int(st, 4, k->period);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *rows = ps_xrealloc(*rows, (*n + 1) * sizeof **rows);
        ps_hist_row *h = &(*rows)[(*n)++];
        h->revision = sqlite3_column_int(st, 0);
        h->has_value = sqlite3_column_type(st, 1) != SQLITE_NULL;
        h->value = sqlite3_column_double(st, 1);
        h->status = ps_db_col_text(st, 2)[0];
        h->reporter = ps_xstrdup(ps_db_col_text(st, 3));
        h->submission = sqlite3_column_int64(st, 4);
        h->file = ps_xstrdup(ps_db_col_text(st, 5));
        h->line = (long)sqlite3_column_int64(st, 6);
        h->received = ps_xstrdup(ps_db_col_text(st, 7));
        h->current = sqlite3_column_int(st, 8) != 0;
        h->note = ps_xstrdup(ps_db_col_text(st, 9));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        ps_hist_free(*rows, *n);
        *rows = NULL;
        *n = 0;
        return ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_HISTORY));
    }
    return PS_OK;
}

void ps_hist_free(ps_hist_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].reporter);
        free(rows[i].file);
        free(rows[i].received);
        free(rows[i].note);
    }
    free(rows);
}

struct ps_receipt_query {
    ps_db *db;
    sqlite3_stmt *st;
};

ps_error ps_receipt_query_new(ps_db *db, ps_receipt_query **out, ps_ctx *ctx)
{
    ps_receipt_query *q = ps_xcalloc(1, sizeof *q);
    q->db = db;
    /* the earliest receipt of the value in force and of its earlier
     * values, as two columns: a set (IN with UNION) would make SQLite
     * build a temporary table for every key */
    ps_error err = ps_db_prepare(db,
        "SELECT o.value IS NOT NULL, s0.received,"
        " (SELECT min(s.received) FROM revision r JOIN submission s ON s.id = r.submission_id"
        "   WHERE r.unit_id=?1 AND r.indicator_id=?2 AND r.measure=?3 AND r.period=?4 AND r.value IS NOT NULL)"
        " FROM obs o LEFT JOIN submission s0 ON s0.id = o.submission_id"
        " WHERE o.unit_id=?1 AND o.indicator_id=?2 AND o.measure=?3 AND o.period=?4"
        " AND o.reporter_id=?5", &q->st, ctx);
    if (err) {
        free(q);
        *out = NULL;
        return err;
    }
    *out = q;
    return PS_OK;
}

ps_error ps_receipt_get(ps_receipt_query *q, const ps_obs_key *k, long long reporter_id,
                        bool *received, char first_received[32], ps_ctx *ctx)
{
    sqlite3_stmt *st = q->st;
    sqlite3_bind_int64(st, 1, k->unit_id);
    sqlite3_bind_int64(st, 2, k->indicator_id);
    sqlite3_bind_int(st, 3, k->measure);
    sqlite3_bind_int(st, 4, k->period);
    sqlite3_bind_int64(st, 5, reporter_id);
    int rc = sqlite3_step(st);
    *received = false;
    first_received[0] = '\0';
    if (rc == SQLITE_ROW) {
        *received = sqlite3_column_int(st, 0) != 0;
        const char *t = ps_db_col_text(st, 1);
        const char *earlier = (const char *)sqlite3_column_text(st, 2);
        if (earlier && (!*t || strcmp(earlier, t) < 0))
            t = earlier;
        strncpy(first_received, t, 31);
        first_received[31] = '\0';
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ps_db_fail(q->db, ctx, rc, ps_msg(PS_M_DBW_READING_RECEIPTS));
    return PS_OK;
}

void ps_receipt_query_free(ps_receipt_query *q)
{
    if (!q)
        return;
    sqlite3_finalize(q->st);
    free(q);
}
