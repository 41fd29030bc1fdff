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
    int busy_ms;        /* the busy timeout set at opening */
};

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
