/* account.c - the portal's accounts, sessions and login record in SQLite. */
#include "store/account.h"

#include "core/msg.h"
#include "store/db_int.h"

#include <stdio.h>
#include <string.h>

static const char *const role_names[] = {"office", "leader", "admin"};

const char *ps_role_name(ps_role r)
{
    return (unsigned)r < 3 ? role_names[r] : "?";
}

bool ps_role_parse(const char *s, ps_role *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, role_names[i]) == 0) {
            *out = (ps_role)i;
            return true;
        }
    return false;
}

/* Steps a statement that returns no row; finalizes it. */
static ps_error run(ps_db *db, sqlite3_stmt *st, const char *what, ps_ctx *ctx)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, what);
}

/* Runs an UPDATE or DELETE on one login; PS_ERR_USAGE when no row changed. */
static ps_error change_login(ps_db *db, sqlite3_stmt *st, const char *login, const char *what, ps_ctx *ctx)
{
    ps_error err = run(db, st, what, ctx);
    if (!err && sqlite3_changes(db->h) == 0)
        err = ps_failm(ctx, PS_ERR_USAGE, PS_M_PTL_NO_ACCOUNT, login);
    return err;
}

ps_error ps_account_add(ps_db *db, const ps_account *a, ps_ctx *ctx)
{
    bool found;
    ps_account old;
    ps_error err = ps_account_find(db, a->login, &old, &found, ctx);
    if (err)
        return err;
    if (found)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_PTL_ACCOUNT_EXISTS,
                        old.login);
    sqlite3_stmt *st;
    if ((err = ps_db_prepare(db, "INSERT INTO account(login, role, reporter, pwhash) VALUES (?1, ?2, ?3, ?4)", &st,
                             ctx)))
        return err;
    ps_db_bind_text(st, 1, a->login);
    ps_db_bind_text(st, 2, ps_role_name(a->role));
    ps_db_bind_text(st, 3, a->reporter);
    ps_db_bind_text(st, 4, a->pwhash);
    return run(db, st, ps_msg(PS_M_DBW_ADDING_ACCOUNT), ctx);
}

ps_error ps_account_set_hash(ps_db *db, const char *login, const char *pwhash, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "UPDATE account SET pwhash = ?2, locked_until = 0 WHERE login = ?1", &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, login);
    ps_db_bind_text(st, 2, pwhash);
    return change_login(db, st, login, ps_msg(PS_M_DBW_CHANGING_PASSWORD), ctx);
}

ps_error ps_account_remove(ps_db *db, const char *login, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "DELETE FROM account WHERE login = ?1", &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, login);
    return change_login(db, st, login, ps_msg(PS_M_DBW_REMOVING_ACCOUNT), ctx);
}

ps_error ps_account_lock(ps_db *db, const char *login, long long until, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "UPDATE account SET locked_until = ?2 WHERE login = ?1", &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, login);
    sqlite3_bind_int64(st, 2, until);
    return run(db, st, ps_msg(PS_M_DBW_LOCKING_ACCOUNT), ctx);
}

static void read_account(sqlite3_stmt *st, ps_account *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, 0);
    snprintf(a->login, sizeof a->login, "%s", ps_db_col_text(st, 1));
    if (!ps_role_parse(ps_db_col_text(st, 2), &a->role))
        a->role = PS_ROLE_OFFICE; /* the table's CHECK allows no other word */
    snprintf(a->reporter, sizeof a->reporter, "%s", ps_db_col_text(st, 3));
    snprintf(a->pwhash, sizeof a->pwhash, "%s", ps_db_col_text(st, 4));
    a->locked_until = sqlite3_column_int64(st, 5);
}

#define ACCOUNT_COLS "SELECT id, login, role, reporter, pwhash, locked_until FROM account "

/* Steps a statement that finds at most one account; finalizes it. */
static ps_error find_one(ps_db *db, sqlite3_stmt *st, ps_account *out, bool *found, ps_ctx *ctx)
{
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (*found)
        read_account(st, out);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_ACCOUNT));
}

ps_error ps_account_find(ps_db *db, const char *login, ps_account *out, bool *found, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, ACCOUNT_COLS "WHERE login = ?1", &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, login);
    return find_one(db, st, out, found, ctx);
}

ps_error ps_account_find_id(ps_db *db, long long id, ps_account *out, bool *found, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, ACCOUNT_COLS "WHERE id = ?1", &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, id);
    return find_one(db, st, out, found, ctx);
}

ps_error ps_account_each(ps_db *db, void (*fn)(const ps_account *a, void *arg), void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, ACCOUNT_COLS "ORDER BY login", &st, ctx);
    if (err)
        return err;
    int rc;
    ps_account a;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_account(st, &a);
        fn(&a, arg);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_LISTING_ACCOUNTS));
}

ps_error ps_login_record(ps_db *db, const char *login, const char *kind, const char *from, long long at,
                         ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "INSERT INTO login_event(login, kind, origin, at) VALUES (?1, ?2, ?3, ?4)", &st,
                                 ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, login);
    ps_db_bind_text(st, 2, kind);
    ps_db_bind_text(st, 3, from ? from : "");
    sqlite3_bind_int64(st, 4, at);
    return run(db, st, ps_msg(PS_M_DBW_RECORDING_LOGIN), ctx);
}

ps_error ps_login_failures(ps_db *db, const char *login, long long since, int *n, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db,
                                 "SELECT count(*) FROM login_event WHERE login = ?1 AND kind = 'failed' AND at >= ?2"
                                 " AND at > coalesce((SELECT max(at) FROM login_event WHERE login = ?1"
                                 " AND kind = 'login'), -1)",
                                 &st, ctx);
    if (err)
        return err;
    ps_db_bind_text(st, 1, login);
    sqlite3_bind_int64(st, 2, since);
    int rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_COUNTING_FAILURES));
}

ps_error ps_login_each(ps_db *db, void (*fn)(const char *login, const char *kind, const char *from, long long at,
                                             void *arg),
                       void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "SELECT login, kind, origin, at FROM login_event ORDER BY id", &st, ctx);
    if (err)
        return err;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(ps_db_col_text(st, 0), ps_db_col_text(st, 1), ps_db_col_text(st, 2), sqlite3_column_int64(st, 3), arg);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_LOGINS));
}

/* ------------------------------------------------------------------------
 * Sessions, by the hash of their token
 * ------------------------------------------------------------------------ */

static ps_error session_stmt(ps_db *db, const char *sql, const unsigned char hash[PS_TOKEN_HASH_BYTES],
                             sqlite3_stmt **st, ps_ctx *ctx)
{
    ps_error err = ps_db_prepare(db, sql, st, ctx);
    if (!err)
        sqlite3_bind_blob(*st, 1, hash, PS_TOKEN_HASH_BYTES, SQLITE_TRANSIENT);
    return err;
}

ps_error ps_session_put(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], const ps_session *s, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = session_stmt(db,
                                "INSERT INTO session(token_hash, account_id, csrf, created, last_seen)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)",
                                hash, &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 2, s->account_id);
    ps_db_bind_text(st, 3, s->csrf);
    sqlite3_bind_int64(st, 4, s->created);
    sqlite3_bind_int64(st, 5, s->last_seen);
    return run(db, st, ps_msg(PS_M_DBW_OPENING_SESSION), ctx);
}

ps_error ps_session_get(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], ps_session *out, bool *found,
                        ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = session_stmt(db, "SELECT account_id, csrf, created, last_seen FROM session WHERE token_hash = ?1",
                                hash, &st, ctx);
    if (err)
        return err;
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (*found) {
        memset(out, 0, sizeof *out);
        out->account_id = sqlite3_column_int64(st, 0);
        snprintf(out->csrf, sizeof out->csrf, "%s", ps_db_col_text(st, 1));
        out->created = sqlite3_column_int64(st, 2);
        out->last_seen = sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_SESSION));
}

ps_error ps_session_touch(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], long long now, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = session_stmt(db, "UPDATE session SET last_seen = ?2 WHERE token_hash = ?1", hash, &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 2, now);
    return run(db, st, ps_msg(PS_M_DBW_KEEPING_SESSION), ctx);
}

ps_error ps_session_drop(ps_db *db, const unsigned char hash[PS_TOKEN_HASH_BYTES], ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = session_stmt(db, "DELETE FROM session WHERE token_hash = ?1", hash, &st, ctx);
    return err ? err : run(db, st, ps_msg(PS_M_DBW_CLOSING_SESSION), ctx);
}

ps_error ps_session_expire(ps_db *db, long long before, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "DELETE FROM session WHERE last_seen < ?1", &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, before);
    return run(db, st, ps_msg(PS_M_DBW_ENDING_SESSIONS), ctx);
}
