/* db.h - the provstat database: one SQLite file in WAL mode.
 *
 * Only store/ talks to SQLite. Every statement is prepared and bound, never
 * built from input text. Failures become ps_error + a message in the ps_ctx
 * ("database provstat.db: disk I/O error"), at this one boundary.
 */
#ifndef PS_DB_H
#define PS_DB_H

#include "core/error.h"

#include <stdbool.h>

/* The schema version this provstat writes: each step of store/db.c's
 * migration raises it by one (tests read it from here). */
#define PS_SCHEMA_VERSION 7

typedef struct ps_db ps_db;

typedef struct ps_db_opts {
    bool create;          /* create the file and schema when missing */
    bool readonly;        /* open without writing (queries only) */
    bool query;           /* with readonly: open for writing after all when the
                             file and its folder are writable (to keep roll-ups,
                             store/rollup.h), read-only otherwise */
    int busy_timeout_ms;  /* 0: wait for another writer without a time limit
                             (SPEC §4: ingests queue); else give up after
                             this many ms with PS_ERR_BUSY */
} ps_db_opts;

/* Opens (and with opts->create, creates) the database at path, applies the
 * pragmas (WAL, foreign keys, busy timeout) and migrates the schema to the
 * current version. Refuses a database on a network file system (SMB, NFS)
 * where WAL does not work. PS_ERR_IO / PS_ERR_DB / PS_ERR_SCHEMA with a
 * message naming the path. */
ps_error ps_db_open(ps_db **out, const char *path, const ps_db_opts *opts, ps_ctx *ctx);
/* Copies what this handle wrote from the WAL into the main file as far as
 * no other connection's read stands in the way (a passive checkpoint: it
 * never waits, so a committed command exits at once; the last connection
 * to close copies the rest), then closes. NULL does nothing. */
void ps_db_close(ps_db *db);

/* fn(arg) is called once each time this handle has waited 100 ms for
 * another writer's lock (a second ingest queued behind the first), so the
 * caller can say so; the wait goes on after it. NULL: not called. The
 * library itself never prints. */
void ps_db_on_wait(ps_db *db, void (*fn)(void *arg), void *arg);

const char *ps_db_path(const ps_db *db);

/* BEGIN IMMEDIATE: waits for another writer to finish, without a limit
 * unless opts->busy_timeout_ms set one. */
ps_error ps_db_begin(ps_db *db, ps_ctx *ctx);
ps_error ps_db_commit(ps_db *db, ps_ctx *ctx);
/* Rolls back if a transaction is open; never fails. */
void ps_db_rollback(ps_db *db);

/* A savepoint inside a write transaction, to undo one part of it: begin
 * one, then either release it (keeping what was done since) or undo what
 * was done since (never fails). */
ps_error ps_db_savepoint(ps_db *db, ps_ctx *ctx);
ps_error ps_db_release(ps_db *db, ps_ctx *ctx);
void ps_db_undo_savepoint(ps_db *db);

/* A read transaction (a consistent snapshot for a whole report); end it
 * with ps_db_end_read, which never fails. */
ps_error ps_db_begin_read(ps_db *db, ps_ctx *ctx);
void ps_db_end_read(ps_db *db);

/* Increments the data generation counter (inside a write transaction). */
ps_error ps_db_bump_generation(ps_db *db, ps_ctx *ctx);

/* Copies the database to dest with SQLite's online backup API, consistent
 * while others write; the copy has no write-ahead log (journal mode DELETE).
 * dest is written whole or not at all (core/safefile.h: a temporary beside
 * it, renamed over it; a folder, device or FIFO is refused, a symbolic link
 * replaced). PS_ERR_IO with a message naming dest on failure. */
ps_error ps_db_backup(ps_db *db, const char *dest, ps_ctx *ctx);

#endif
