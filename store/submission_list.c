/* submission_list.c - lists of submissions and of the portal's uploads. */
#include "store/submission_list.h"

#include "core/msg.h"
#include "store/db_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ps_error ps_submission_each(ps_db *db, const char *reporter, int limit,
                            void (*fn)(const ps_submission_info *s, void *arg), void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db,
                                 "SELECT s.id, r.code, s.file, s.received, s.ingested, s.outcome, s.sha256,"
                                 " s.rows_read, s.stored, s.revised, s.unchanged, s.refused"
                                 " FROM submission s JOIN reporter r ON r.id = s.reporter_id"
                                 " WHERE ?1 IS NULL OR r.code = ?1 ORDER BY s.id DESC LIMIT ?2",
                                 &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, reporter);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ps_submission_info s = {
            sqlite3_column_int64(st, 0), ps_db_col_text(st, 1), ps_db_col_text(st, 2), ps_db_col_text(st, 3),
            ps_db_col_text(st, 4), ps_db_col_text(st, 5), ps_db_col_text(st, 6), (long)sqlite3_column_int64(st, 7),
            (long)sqlite3_column_int64(st, 8), (long)sqlite3_column_int64(st, 9), (long)sqlite3_column_int64(st, 10),
            (long)sqlite3_column_int64(st, 11)};
        fn(&s, arg);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_LISTING_SUBMISSIONS));
}

ps_error ps_submission_reporter(ps_db *db, long long id, char *out, size_t size, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db,
                                 "SELECT r.code FROM submission s JOIN reporter r ON r.id = s.reporter_id"
                                 " WHERE s.id = ?1",
                                 &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    snprintf(out, size, "%s", rc == SQLITE_ROW ? ps_db_col_text(st, 0) : "");
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_A_SUBMISSION));
}

ps_error ps_upload_record(ps_db *db, ps_upload_info *u, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db,
                                 "INSERT INTO upload(login, reporter, file, outcome, at, errors, warnings,"
                                 " submission_id, errors_csv) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                 &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, u->login);
    ps_db_bind_text(st, 2, u->reporter);
    ps_db_bind_text(st, 3, u->file);
    ps_db_bind_text(st, 4, u->outcome);
    ps_db_bind_text(st, 5, u->at);
    sqlite3_bind_int64(st, 6, u->errors);
    sqlite3_bind_int64(st, 7, u->warnings);
    sqlite3_bind_int64(st, 8, u->submission_id);
    sqlite3_bind_blob(st, 9, u->errors_csv ? u->errors_csv : "", (int)u->errors_csv_len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    u->id = rc == SQLITE_DONE ? (long long)sqlite3_last_insert_rowid(db->h) : 0;
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_RECORDING_UPLOAD));
}

ps_error ps_upload_errors(ps_db *db, long long id, char **csv, size_t *n, char reporter[65], ps_ctx *ctx)
{
    sqlite3_stmt *st;
    *csv = NULL;
    *n = 0;
    reporter[0] = '\0';
    ps_error err = ps_db_prepare(db, "SELECT errors_csv, reporter FROM upload WHERE id = ?1", &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *n = (size_t)sqlite3_column_bytes(st, 0);
        *csv = malloc(*n + 1);
        if (*csv) {
            memcpy(*csv, *n ? sqlite3_column_blob(st, 0) : "", *n);
            (*csv)[*n] = '\0';
        }
        snprintf(reporter, 65, "%s", ps_db_col_text(st, 1));
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW && !*csv)
        return ps_failm(ctx, PS_ERR_IO, PS_M_SERVE_OOM);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_LISTING_UPLOADS));
}

ps_error ps_upload_each(ps_db *db, const char *reporter, int limit, void (*fn)(const ps_upload_info *u, void *arg),
                        void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db,
                                 "SELECT login, reporter, file, outcome, at, errors, warnings, submission_id, id"
                                 " FROM upload WHERE ?1 IS NULL OR reporter = ?1 ORDER BY id DESC LIMIT ?2",
                                 &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, reporter);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ps_upload_info u = {ps_db_col_text(st, 0), ps_db_col_text(st, 1), ps_db_col_text(st, 2),
                            ps_db_col_text(st, 3), ps_db_col_text(st, 4), (long)sqlite3_column_int64(st, 5),
                            (long)sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7),
                            sqlite3_column_int64(st, 8), NULL, 0};
        fn(&u, arg);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_LISTING_UPLOADS));
}
