/* db_int.h - what the store's own files share: the handle and statement helpers. */
#ifndef PS_DB_INT_H
#define PS_DB_INT_H

#include "store/db.h"

#include <sqlite3.h>

struct ps_db {
    sqlite3 *h;
    char *path;
    bool wrote;
    bool in_tx;
    bool in_read;
    bool readonly;      /* opened without writing */
    int busy_ms;        /* 0: wait for other writers without a limit, else at most this */
    bool no_wait;       /* for now, fail at once instead of waiting (ps_db_set_waiting) */
    long long wait_start;   /* when the current wait began (ms, monotonic) */
    bool wait_told;     /* on_wait was called for the current wait */
    void (*on_wait)(void *arg);
    void *on_wait_arg;
};

/* Whether a lock held by another connection is waited for (the default)
 * or fails at once with SQLITE_BUSY (a query keeping roll-ups never waits). */
void ps_db_set_waiting(ps_db *db, bool wait);

/* Records the SQLite error of db as a ps_error in ctx; returns it. */
ps_error ps_db_fail(ps_db *db, ps_ctx *ctx, int rc, const char *what);
/* Prepares sql (persistent when reused); PS_OK or a recorded error. */
ps_error ps_db_prepare(ps_db *db, const char *sql, sqlite3_stmt **st, ps_ctx *ctx);
/* Runs SQL without results. */
ps_error ps_db_exec(ps_db *db, const char *sql, ps_ctx *ctx);

/* Binds text, or NULL when s is NULL. */
void ps_db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Returns the column's text, "" for NULL. */
const char *ps_db_col_text(sqlite3_stmt *st, int i);

extern const char ps_schema_sql[];

#endif
