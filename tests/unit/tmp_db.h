/* tmp_db.h - a fresh database file for a unit test, and its removal with
 * the -wal and -shm files SQLite leaves beside it. */
#ifndef PS_TMP_DB_H
#define PS_TMP_DB_H

#include "store/db.h"

#include <stdio.h>
#include <unistd.h>

static char tmp_db_path[64];

/* Removes the test's database file and its -wal and -shm files. */
static inline void tmp_db_remove(void)
{
    char side[80];
    unlink(tmp_db_path);
    snprintf(side, sizeof side, "%s-wal", tmp_db_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", tmp_db_path);
    unlink(side);
}

/* A new, empty database /tmp/provstat-test-NAME-PID.db (one left by an
 * earlier run removed first); NULL when it cannot be had, ctx says why. */
static inline ps_db *tmp_db_open(const char *name, ps_ctx *ctx)
{
    snprintf(tmp_db_path, sizeof tmp_db_path, "/tmp/provstat-test-%s-%ld.db", name, (long)getpid());
    tmp_db_remove();
    ps_db *db = NULL;
    ps_db_opts o = {.create = true};
    return ps_db_open(&db, tmp_db_path, &o, ctx) ? NULL : db;
}

/* Closes db and removes its files. */
static inline void tmp_db_drop(ps_db *db)
{
    ps_db_close(db);
    tmp_db_remove();
}

#endif
