/* db.c - opening, migrating, transactions and backup of the provstat database. */
#include "store/db_int.h"

#include "core/alloc.h"
#include "core/safefile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>


/* ------------------------------------------------------------------------
 * Errors and statement helpers
 * ------------------------------------------------------------------------ */

static bool writable(const char *path);

/* Why a write was refused as read-only, or failed under a file-size limit:
 * the error with its message; PS_OK when neither explains it. */
static ps_error cannot_write(ps_db *db, ps_ctx *ctx, int base, const char *what)
{
    if (base == SQLITE_READONLY && access(db->path, W_OK) != 0)
        return ps_failm(ctx, PS_ERR_DB, PS_M_DB_READ_ONLY_FOR_YOU, db->path, what);
    if (base == SQLITE_READONLY && !writable(db->path))
        return ps_failm(ctx, PS_ERR_DB, PS_M_DB_FOLDER_NOT_WRITABLE, db->path, what, db->path, db->path);
    /* SQLite keeps no errno for a failed write: EFBIG shows as a limit */
    struct rlimit fsize;
    if (base == SQLITE_IOERR && getrlimit(RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY)
        return ps_failm(ctx, PS_ERR_DB, PS_M_DB_FILE_SIZE_LIMIT,
                        db->path, db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(base), what,
                        (unsigned long long)fsize.rlim_cur);
    return PS_OK;
}

ps_error ps_db_fail(ps_db *db, ps_ctx *ctx, int rc, const char *what)
{
    int base = rc & 0xff;
    ps_error err = (base == SQLITE_BUSY || base == SQLITE_LOCKED) ? PS_ERR_BUSY : PS_ERR_DB;
    const char *msg = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
    if (err == PS_ERR_BUSY)
        return ps_failm(ctx, err, PS_M_DB_DATABASE_LOCKED_ANOTHER_PROVSTAT,
                        db ? db->path : "?", what);
    if (base == SQLITE_FULL)
        return ps_failm(ctx, err, PS_M_DB_DATABASE_DISK_FULL_FREE,
                        db ? db->path : "?", what);
    ps_error why = db ? cannot_write(db, ctx, base, what) : PS_OK;
    if (why)
        return why;
    if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
        return ps_failm(ctx, PS_ERR_SCHEMA, PS_M_DB_NOT_PROVSTAT_DATABASE_DAMAGED,
                        db ? db->path : "?", msg);
    return ps_failm(ctx, err, PS_M_DB_DATABASE, db ? db->path : "?", msg, what);
}

ps_error ps_db_prepare(ps_db *db, const char *sql, sqlite3_stmt **st, ps_ctx *ctx)
{
    int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
    if (rc != SQLITE_OK)
        return ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_PREPARING_STATEMENT));
    return PS_OK;
}

ps_error ps_db_exec(ps_db *db, const char *sql, ps_ctx *ctx)
{
    int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_RUNNING_STATEMENT));
    return PS_OK;
}

void ps_db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

const char *ps_db_col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* ------------------------------------------------------------------------
 * Opening
 * ------------------------------------------------------------------------ */

/* Network file systems where SQLite's WAL does not work. */
static const char *network_fs(const char *path)
{
    char *dir = ps_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        strcpy(dir, ".");
    struct statfs fs;
    const char *kind = NULL;
    if (statfs(dir, &fs) == 0) {
        switch ((unsigned long)fs.f_type) {
        case 0x6969UL: kind = "NFS"; break;
        case 0x517BUL: kind = "SMB"; break;
        case 0xFF534D42UL: kind = "CIFS"; break;
        case 0xFE534D42UL: kind = "SMB2"; break;
        case 0x65735546UL: kind = "FUSE"; break;
        default: break;
        }
    }
    free(dir);
    /* FUSE is common for local mounts too; only refuse the real network ones */
    return kind && strcmp(kind, "FUSE") != 0 ? kind : NULL;
}

/* True when a query may write the file: the file, and its folder (for the
 * write-ahead log), are writable. */
static bool writable(const char *path)
{
    if (access(path, W_OK) != 0)
        return false;
    char *dir = ps_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        strcpy(dir, ".");
    bool ok = access(dir, W_OK) == 0;
    free(dir);
    return ok;
}

static int user_version(ps_db *db)
{
    sqlite3_stmt *st;
    int version = -1;
    if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return version;
}

/* version 7: the portal's accounts, sessions, login record and uploads
 * (SPEC §9, store/account.h, store/submission_list.h). Logins are compared without regard to letter case. */
static const char ps_schema_accounts_sql[] =
    "CREATE TABLE account ("
    " id INTEGER PRIMARY KEY,"
    " login TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    " role TEXT NOT NULL CHECK (role IN ('office','leader','admin')),"
    " reporter TEXT NOT NULL DEFAULT '',"
    " pwhash TEXT NOT NULL,"
    " locked_until INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "CREATE TABLE session ("
    " token_hash BLOB PRIMARY KEY,"
    " account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
    " csrf TEXT NOT NULL,"
    " created INTEGER NOT NULL,"
    " last_seen INTEGER NOT NULL"
    ") STRICT;"
    "CREATE TABLE login_event ("
    " id INTEGER PRIMARY KEY,"
    " login TEXT NOT NULL COLLATE NOCASE,"
    " kind TEXT NOT NULL,"
    " origin TEXT NOT NULL DEFAULT '',"
    " at INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX login_event_login ON login_event(login, at);"
    "CREATE TABLE upload ("
    " id INTEGER PRIMARY KEY,"
    " login TEXT NOT NULL, reporter TEXT NOT NULL, file TEXT NOT NULL, outcome TEXT NOT NULL,"
    " at TEXT NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,"
    " submission_id INTEGER NOT NULL DEFAULT 0,"
    " errors_csv BLOB NOT NULL DEFAULT x''"
    ") STRICT;"
    "PRAGMA user_version = 7;";

static ps_error migrate(ps_db *db, ps_ctx *ctx)
{
    /* the common case, an up-to-date file, takes no write lock: a query
     * must not wait for an ingest to finish just to open the database */
    if (user_version(db) == PS_SCHEMA_VERSION)
        return PS_OK;
    ps_error err = ps_db_begin(db, ctx);
    if (err)
        return err;
    /* re-read the version inside the write transaction: another process may
     * have migrated while we waited */
    sqlite3_stmt *st;
    int version = 0;
    if ((err = ps_db_prepare(db, "PRAGMA user_version", &st, ctx)))
        goto fail;
    if (sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (version > PS_SCHEMA_VERSION) {
        err = ps_failm(ctx, PS_ERR_SCHEMA,
                       PS_M_DB_DATABASE_WAS_MADE_NEWER,
                       db->path, version, PS_SCHEMA_VERSION);
        goto fail;
    }
    if (version == 0) {
        /* a file that is not empty but has no schema is not ours */
        if ((err = ps_db_prepare(db, "SELECT count(*) FROM sqlite_schema", &st, ctx)))
            goto fail;
        int tables = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        sqlite3_finalize(st);
        if (tables > 0) {
            err = ps_failm(ctx, PS_ERR_SCHEMA, PS_M_DB_SQLITE_FILE_BUT_NOT, db->path);
            goto fail;
        }
        if ((err = ps_db_exec(db, ps_schema_sql, ctx)))
            goto fail;
        if ((err = ps_db_exec(db, "INSERT INTO meta(key, value) VALUES ('generation', '0');"
                                  "PRAGMA user_version = 1;", ctx)))
            goto fail;
    }
    if (version < 2) {
        /* version 2: roll-ups kept between commands (store/rollup.c), one
         * row per series, valid while meta's rollup_generation equals its
         * generation */
        if ((err = ps_db_exec(db,
                              "CREATE TABLE rollup ("
                              " unit_id INTEGER NOT NULL, indicator_id INTEGER NOT NULL,"
                              " body BLOB NOT NULL,"
                              " PRIMARY KEY (unit_id, indicator_id)"
                              ") STRICT, WITHOUT ROWID;"
                              "INSERT OR REPLACE INTO meta(key, value) VALUES ('rollup_generation', '-1');"
                              "PRAGMA user_version = 2;",
                              ctx)))
            goto fail;
    }
    if (version < 3) {
        /* version 3: the coverage of a value from an export row (SPEC §5),
         * kept with it and with its revisions; 1 for every value as sent */
        if ((err = ps_db_exec(db,
                              "ALTER TABLE obs ADD COLUMN coverage REAL NOT NULL DEFAULT 1"
                              " CHECK (coverage >= 0 AND coverage <= 1);"
                              "ALTER TABLE revision ADD COLUMN coverage REAL NOT NULL DEFAULT 1;"
                              "PRAGMA user_version = 3;",
                              ctx)))
            goto fail;
    }
    if (version < 4) {
        /* version 4: the reporting counts of status kept in a table of
         * their own (they were rows of rollup under negative indicator
         * ids, which go: the next status computes them again) */
        if ((err = ps_db_exec(db,
                              "CREATE TABLE status_count ("
                              " reporter_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, period INTEGER NOT NULL,"
                              " first_month INTEGER NOT NULL, last_month INTEGER NOT NULL,"
                              " expected INTEGER NOT NULL, received INTEGER NOT NULL, on_time INTEGER NOT NULL,"
                              " PRIMARY KEY (reporter_id, unit_id, period)"
                              ") STRICT, WITHOUT ROWID;"
                              "CREATE INDEX status_count_unit ON status_count(unit_id, first_month);"
                              "DELETE FROM rollup WHERE indicator_id < 0;"
                              "PRAGMA user_version = 4;",
                              ctx)))
            goto fail;
    }
    if (version < 5) {
        /* version 5: an indicator's group_en, the English name of its
         * group (SPEC §3; "" when the catalog gives none) */
        if ((err = ps_db_exec(db,
                              "ALTER TABLE indicator ADD COLUMN grp_en TEXT NOT NULL DEFAULT '';"
                              "PRAGMA user_version = 5;",
                              ctx)))
            goto fail;
    }
    if (version < 6) {
        /* version 6: the raw bytes of every stored submission (store/raw.h),
         * in chunks in the order read; submissions stored before have none */
        if ((err = ps_db_exec(db,
                              "CREATE TABLE IF NOT EXISTS submission_raw ("
                              " submission_id INTEGER NOT NULL REFERENCES submission(id),"
                              " seq INTEGER NOT NULL, bytes BLOB NOT NULL,"
                              " PRIMARY KEY (submission_id, seq)"
                              ") STRICT;"
                              "PRAGMA user_version = 6;",
                              ctx)))
            goto fail;
    }
    if (version < 7 && (err = ps_db_exec(db, ps_schema_accounts_sql, ctx)))
        goto fail;
    return ps_db_commit(db, ctx);
fail:
    ps_db_rollback(db);
    return err;
}

/* A database opened read-only cannot be migrated: for one older than
 * version 3, the values are read through temporary views that give every
 * value coverage 1, for one older than 5 the indicators through a view
 * with an empty grp_en, older than 6 an empty temporary submission_raw
 * says no bytes are kept (what migrating gives them), so queries answer
 * as they will once a command that may write has migrated the file. */
static ps_error read_old_schema(ps_db *db, int version, ps_ctx *ctx)
{
    ps_error err = PS_OK;
    if (version < 3)
        err = ps_db_exec(db,
                         "CREATE TEMP VIEW obs AS SELECT *, 1.0 AS coverage FROM main.obs;"
                         "CREATE TEMP VIEW revision AS SELECT *, 1.0 AS coverage FROM main.revision;",
                         ctx);
    if (!err && version < 5)
        err = ps_db_exec(db, "CREATE TEMP VIEW indicator AS SELECT *, '' AS grp_en FROM main.indicator;", ctx);
    if (!err && version < 6)
        err = ps_db_exec(db, "CREATE TEMP TABLE submission_raw (submission_id INTEGER, seq INTEGER, bytes BLOB)",
                         ctx);
    return err;
}

/* provstat uses SQLite from one thread: no mutexes and no memory
 * statistics (each takes a lock on every allocation, a few per cent of an
 * ingest). Only possible before SQLite initialises; a program that
 * initialised it already keeps its own settings. */
static void configure_once(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* ------------------------------------------------------------------------
 * Waiting for another writer
 * ------------------------------------------------------------------------ */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: another connection holds the lock. Ingests queue
 * (SPEC §4): wait, in steps of up to 50 ms, until it is free (or the limit
 * of the options passes); say so once after 100 ms. Returns 0 to give up. */
static int on_busy(void *arg, int count)
{
    ps_db *db = arg;
    if (db->no_wait)
        return 0;
    long long now = now_ms();
    if (count == 0) {
        db->wait_start = now;
        db->wait_told = false;
    }
    long long waited = now - db->wait_start;
    if (db->busy_ms > 0 && waited >= db->busy_ms)
        return 0;
    if (!db->wait_told && waited >= 100 && db->on_wait) {
        db->wait_told = true;
        db->on_wait(db->on_wait_arg);
    }
    sqlite3_sleep(count < 6 ? 1 << count : 50);
    return 1;
}

void ps_db_set_waiting(ps_db *db, bool wait)
{
    db->no_wait = !wait;
}

void ps_db_on_wait(ps_db *db, void (*fn)(void *arg), void *arg)
{
    db->on_wait = fn;
    db->on_wait_arg = arg;
}

/* The file at path before SQLite opens it: *exists, or a clear refusal
 * (missing without create, a folder, a missing folder, a network share). */
static ps_error check_path(const char *path, const ps_db_opts *opts, bool *exists, ps_ctx *ctx)
{
    struct stat st;
    *exists = stat(path, &st) == 0;
    if (!*exists && errno != ENOENT)
        return ps_failm(ctx, PS_ERR_IO, PS_M_DB_CANNOT_OPEN_DATABASE, path, strerror(errno));
    if (!*exists && !opts->create)
        return ps_failm(ctx, PS_ERR_IO,
                        PS_M_DB_DATABASE_DOES_NOT_EXIST,
                        path, path);
    if (*exists && S_ISDIR(st.st_mode))
        return ps_failm(ctx, PS_ERR_IO, PS_M_DB_DATABASE_FOLDER_NOT_FILE, path);
    if (!*exists) {
        /* creating: say so plainly when the folder is missing */
        char *dir = ps_xstrdup(path);
        char *slash = strrchr(dir, '/');
        struct stat ds;
        ps_error err = PS_OK;
        if (slash && slash != dir) {
            *slash = '\0';
            if (stat(dir, &ds) != 0 || !S_ISDIR(ds.st_mode))
                err = ps_failm(ctx, PS_ERR_IO, PS_M_DB_CANNOT_CREATE_DATABASE_FOLDER, path, dir);
        }
        free(dir);
        if (err)
            return err;
    }
    const char *net = network_fs(path);
    if (net)
        return ps_failm(ctx, PS_ERR_IO,
                        PS_M_DB_DATABASE_NETWORK_SHARE_SQLITE,
                        path, net);
    return PS_OK;
}

/* Opened read-only: the file's schema version into *version, or why the
 * file cannot be read (no -shm possible beside it, not a provstat file). */
static ps_error readonly_version(ps_db *db, int *version, ps_ctx *ctx)
{
    /* a query never creates a schema, even where it may write */
    sqlite3_stmt *vs;
    ps_error err;
    *version = 0;
    if ((err = ps_db_prepare(db, "PRAGMA user_version", &vs, ctx)))
        return err;
    int rc = sqlite3_step(vs);
    if (rc == SQLITE_ROW)
        *version = sqlite3_column_int(vs, 0);
    sqlite3_finalize(vs);
    if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
        /* read-only, SQLite still needs the write-ahead log's index
         * (path-shm) beside the file, and cannot create it there */
        return ps_failm(ctx, PS_ERR_IO,
                        PS_M_DB_CANNOT_READ_DATABASE_SQLITE,
                        db->path, db->path);
    if (rc != SQLITE_ROW)
        return ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_SCHEMA_VERSION));
    if (*version == 0)
        return ps_failm(ctx, PS_ERR_SCHEMA, PS_M_DB_NOT_PROVSTAT_DATABASE_CREATE,
                        db->path, db->path);
    return PS_OK;
}

/* The connection's settings, then the schema: migrated when writable,
 * read through views of the current schema when read-only and older. */
static ps_error set_up(ps_db *db, const ps_db_opts *opts, ps_ctx *ctx)
{
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_busy_handler(db->h, on_busy, db);
    int old_version = 0; /* read-only: the file's schema version */
    ps_error err;
    if (opts->readonly && (err = readonly_version(db, &old_version, ctx)))
        return err;
    /* journal_mode=WAL is persistent; the others are per connection */
    if (!db->readonly && (err = ps_db_exec(db, "PRAGMA journal_mode=WAL", ctx)))
        return err;
    /* a 16 MB page cache: inserts come in key order and a roll-up reads
     * each page about once, so neither gains from more (48 MB measured no
     * faster on the national ingest and roll-up, and cost 34 MB of peak
     * memory on the roll-up) */
    if ((err = ps_db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                              "PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;", ctx)))
        return err;
    if (!db->readonly)
        return migrate(db, ctx);
    /* after the pragmas: setting temp_store drops temporary views */
    return read_old_schema(db, old_version, ctx);
}

ps_error ps_db_open(ps_db **out, const char *path, const ps_db_opts *opts, ps_ctx *ctx)
{
    configure_once();
    static const ps_db_opts defaults = {0};
    if (!opts)
        opts = &defaults;
    *out = NULL;
    bool exists;
    ps_error err = check_path(path, opts, &exists, ctx);
    if (err)
        return err;
    bool readonly = opts->readonly;
    if (readonly && opts->query && exists)
        readonly = !writable(path);
    ps_db *db = ps_xcalloc(1, sizeof *db);
    db->path = ps_xstrdup(path);
    db->readonly = readonly;
    db->busy_ms = opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : 0;
    int flags = readonly ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | (opts->create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &db->h, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_DB_CANNOT_OPEN_DATABASE, path,
                       db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
    else
        err = set_up(db, opts, ctx);
    if (err) {
        ps_db_close(db);
        return err;
    }
    *out = db;
    return PS_OK;
}

void ps_db_close(ps_db *db)
{
    if (!db)
        return;
    if (db->h) {
        if (db->in_tx)
            ps_db_rollback(db);
        /* never a checkpoint that waits: a committed command exits at once */
        if (db->wrote)
            sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        sqlite3_close_v2(db->h);
    }
    free(db->path);
    free(db);
}

const char *ps_db_path(const ps_db *db)
{
    return db->path;
}

/* ------------------------------------------------------------------------
 * Transactions
 * ------------------------------------------------------------------------ */

ps_error ps_db_begin(ps_db *db, ps_ctx *ctx)
{
    int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_STARTING_WRITE_TRANSACTION));
    db->in_tx = true;
    return PS_OK;
}

ps_error ps_db_commit(ps_db *db, ps_ctx *ctx)
{
    int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        ps_error err = ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_COMMITTING));
        ps_db_rollback(db);
        return err;
    }
    db->in_tx = false;
    db->wrote = true;
    return PS_OK;
}

void ps_db_rollback(ps_db *db)
{
    if (db->in_tx || !sqlite3_get_autocommit(db->h))
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    db->in_tx = false;
}

ps_error ps_db_savepoint(ps_db *db, ps_ctx *ctx)
{
    return ps_db_exec(db, "SAVEPOINT ps_part", ctx);
}

ps_error ps_db_release(ps_db *db, ps_ctx *ctx)
{
    return ps_db_exec(db, "RELEASE ps_part", ctx);
}

void ps_db_undo_savepoint(ps_db *db)
{
    sqlite3_exec(db->h, "ROLLBACK TO ps_part; RELEASE ps_part", NULL, NULL, NULL);
}

ps_error ps_db_begin_read(ps_db *db, ps_ctx *ctx)
{
    if (!sqlite3_get_autocommit(db->h))
        return PS_OK; /* already inside a transaction */
    int rc = sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_STARTING_READ));
    db->in_read = true;
    return PS_OK;
}

void ps_db_end_read(ps_db *db)
{
    if (db->in_read)
        sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    db->in_read = false;
}

ps_error ps_db_bump_generation(ps_db *db, ps_ctx *ctx)
{
    return ps_db_exec(db, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'", ctx);
}

/* ------------------------------------------------------------------------
 * Backup
 * ------------------------------------------------------------------------ */

/* Copies db into the (empty) database file at path. */
static ps_error backup_into(ps_db *db, const char *path, const char *dest, ps_ctx *ctx)
{
    sqlite3 *out = NULL;
    ps_error err = PS_OK;
    int rc = sqlite3_open_v2(path, &out, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK) {
        err = ps_failm(ctx, PS_ERR_IO, PS_M_DB_CANNOT_WRITE_BACKUP, dest,
                       out ? sqlite3_errmsg(out) : sqlite3_errstr(rc));
        goto done;
    }
    sqlite3_backup *b = sqlite3_backup_init(out, "main", db->h, "main");
    if (!b) {
        err = ps_failm(ctx, PS_ERR_IO, PS_M_DB_CANNOT_WRITE_BACKUP, dest, sqlite3_errmsg(out));
        goto done;
    }
    do {
        rc = sqlite3_backup_step(b, 1024);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        err = ps_failm(ctx, PS_ERR_IO, PS_M_DB_BACKUP_FAILED, dest, sqlite3_errstr(rc));
        goto done;
    }
    /* the copy is a single self-contained file: no WAL */
    rc = sqlite3_exec(out, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_DB_CANNOT_WRITE_BACKUP, dest, sqlite3_errmsg(out));
done:
    sqlite3_close_v2(out);
    return err;
}

ps_error ps_db_backup(ps_db *db, const char *dest, ps_ctx *ctx)
{
    ps_safefile *sf;
    ps_error err = ps_safefile_open(&sf, dest, ctx);
    if (err)
        return err;
    if ((err = backup_into(db, ps_safefile_temp_path(sf), dest, ctx))) {
        ps_safefile_abort(sf);
        return err;
    }
    return ps_safefile_commit(sf, ctx);
}
