/* obs.c - submissions, observations and revisions in SQLite. */
#include "store/obs.h"

#include "core/alloc.h"
#include "core/strbuf.h"
#include "store/db_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    S_FIND_SUB, S_NEW_SUB, S_SUB_HASH, S_FINISH_SUB, S_GET, S_INSERT, S_UPDATE, S_KEEP_REV, S_OVERRIDE,
    S_SERIES, S_VALUES, S_SERIES_TOP, S_UNIT_ANY, S_UNDO_LIST, S_UNDO_DELETE, S_UNDO_RESTORE, S_UNDO_DROP_REV, S_LINE_OF, S_COVERAGE, S_COUNT
};

static const char *const sql[S_COUNT] = {
    [S_FIND_SUB] = "SELECT id FROM submission WHERE sha256 = ?1 AND reporter_id = ?2 AND options = ?3"
                   " AND stored + revised + unchanged > 0 AND outcome IN ('stored','partial') LIMIT 1",
    [S_NEW_SUB] = "INSERT INTO submission(reporter_id, file, sha256, options, received, ingested, outcome)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending')",
    [S_SUB_HASH] = "UPDATE submission SET sha256=?2 WHERE id=?1",
    [S_FINISH_SUB] = "UPDATE submission SET rows_read=?2, stored=?3, revised=?4, unchanged=?5, marks=?6,"
                     " skipped=?7, refused=?8, forced=?9, outcome=?10 WHERE id=?1",
    [S_GET] = "SELECT value, status, flags, note, reporter_id, submission_id, line, revision, coverage FROM obs"
              " WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3 AND period=?4",
    [S_INSERT] = "INSERT INTO obs(unit_id, indicator_id, measure, period, value, status, flags, note,"
                 " reporter_id, submission_id, line, coverage, revision)"
                 " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,1)",
    [S_UPDATE] = "UPDATE obs SET value=?5, status=?6, flags=?7, note=?8, submission_id=?10, line=?11,"
                 " coverage=?12, revision=revision+1 WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3 AND period=?4",
    /* the value in force, from the caller's copy of it (ps_obs_revise's cur) */
    [S_KEEP_REV] = "INSERT INTO revision(unit_id, indicator_id, measure, period, revision, value, status,"
                   " flags, note, reporter_id, submission_id, line, coverage)"
                   " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,(SELECT reporter_id FROM submission WHERE id = ?10),"
                   " ?10,?11,?12)",
    [S_OVERRIDE] = "INSERT INTO override(submission_id, unit_id, indicator_id, period, measure, reason, line)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_SERIES] = "SELECT period, value, submission_id, line FROM obs"
                 " WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3 ORDER BY period",
    [S_VALUES] = "SELECT period, value, status, flags FROM obs"
                 " WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3 AND period BETWEEN ?4 AND ?5"
                 " ORDER BY period",
    [S_SERIES_TOP] = "SELECT max(period) FROM obs WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3",
    [S_UNIT_ANY] = "SELECT 1 FROM obs WHERE unit_id=?1 LIMIT 1",
    [S_COVERAGE] = "SELECT coverage FROM obs WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3 AND period=?4",
    [S_UNDO_LIST] = "SELECT indicator_id, measure, revision FROM obs"
                    " WHERE unit_id=?2 AND period=?3 AND submission_id=?1",
    [S_UNDO_DELETE] = "DELETE FROM obs WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3 AND period=?4",
    [S_UNDO_RESTORE] = "INSERT INTO obs(unit_id, indicator_id, measure, period, value, status, flags, note,"
                       " reporter_id, submission_id, line, revision, coverage)"
                       " SELECT r.unit_id, r.indicator_id, r.measure, r.period, r.value, r.status, r.flags,"
                       " r.note, ?6, r.submission_id, r.line, r.revision, r.coverage FROM revision r"
                       " WHERE r.unit_id=?1 AND r.indicator_id=?2 AND r.measure=?3 AND r.period=?4 AND r.revision=?5",
    [S_UNDO_DROP_REV] = "DELETE FROM revision WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3"
                        " AND period=?4 AND revision=?5",
    [S_LINE_OF] = "SELECT line FROM obs WHERE unit_id=?1 AND indicator_id=?2 AND measure=?3 AND period=?4"
                  " AND submission_id=?5",
};

/* Rows queued by ps_obs_append, written APPEND_ROWS at a time by one
 * statement: its write cursor stays open from row to row, so each row of a
 * series that only grows lands on the last page without a search from the
 * root, and the statement's start and end are paid once per batch. */
enum { APPEND_ROWS = 64, APPEND_COLS = 12 };
#define NO_NOTE ((size_t)-1)

typedef struct pending_row {
    ps_obs_key k;
    double value;
    char status;
    int flags;
    double coverage;
    size_t note;                /* offset in notes; NO_NOTE for an empty note */
    long long reporter_id, submission_id;
    long line;
} pending_row;

struct ps_obs_writer {
    ps_db *db;
    sqlite3_stmt *st[S_COUNT];
    sqlite3_stmt *many_units, *many_inds;   /* prepared on first use */
    sqlite3_stmt *scan_units, *unit_span;   /* prepared on first use */
    sqlite3_stmt *append;                   /* APPEND_ROWS rows; prepared on first use */
    pending_row pend[APPEND_ROWS];
    size_t npend;
    ps_strbuf notes;                        /* the pending rows' notes, each ending in NUL */
    ps_strbuf got_note;                     /* the note ps_obs_get read (ps_obs.note) */
    int failed;                             /* SQLite code of a failed write of queued rows */
};

ps_error ps_obs_writer_new(ps_db *db, ps_obs_writer **out, ps_ctx *ctx)
{
    (void)ctx; /* statements are prepared on first use (stmt_of) */
    ps_obs_writer *w = ps_xcalloc(1, sizeof *w);
    w->db = db;
    ps_sb_init(&w->notes);
    ps_sb_init(&w->got_note);
    *out = w;
    return PS_OK;
}

/* Statement i, prepared on first use: a query's writers need few of the
 * ingest's statements (preparing all of them cost a report 2%). */
static ps_error stmt_of(ps_obs_writer *w, int i, sqlite3_stmt **st, ps_ctx *ctx)
{
    ps_error err = w->st[i] ? PS_OK : ps_db_prepare(w->db, sql[i], &w->st[i], ctx);
    *st = w->st[i];
    return err;
}

/* The queued rows written (ps_obs_flush), then statement i. */
static ps_error use(ps_obs_writer *w, int i, sqlite3_stmt **st, ps_ctx *ctx)
{
    ps_error err = ps_obs_flush(w, ctx);
    if (err) {
        *st = NULL;
        return err;
    }
    return stmt_of(w, i, st, ctx);
}

void ps_obs_writer_free(ps_obs_writer *w)
{
    if (!w)
        return;
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(w->st[i]);
    sqlite3_finalize(w->many_units);
    sqlite3_finalize(w->many_inds);
    sqlite3_finalize(w->scan_units);
    sqlite3_finalize(w->unit_span);
    sqlite3_finalize(w->append);
    ps_sb_free(&w->notes);
    ps_sb_free(&w->got_note);
    free(w);
}

static void bind_key(sqlite3_stmt *st, const ps_obs_key *k)
{
    sqlite3_bind_int64(st, 1, k->unit_id);
    sqlite3_bind_int64(st, 2, k->indicator_id);
    sqlite3_bind_int(st, 3, k->measure);
    sqlite3_bind_int(st, 4, k->period);
}

/* Steps a statement that returns no rows and resets it. */
static ps_error run(ps_obs_writer *w, sqlite3_stmt *st, ps_ctx *ctx, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return ps_db_fail(w->db, ctx, rc, what);
    return PS_OK;
}

/* Binds a queued row to ?base+1 .. ?base+12 in S_INSERT's order. */
static void bind_pending(sqlite3_stmt *st, int base, const pending_row *r, const char *notes)
{
    sqlite3_bind_int64(st, base + 1, r->k.unit_id);
    sqlite3_bind_int64(st, base + 2, r->k.indicator_id);
    sqlite3_bind_int(st, base + 3, r->k.measure);
    sqlite3_bind_int(st, base + 4, r->k.period);
    sqlite3_bind_double(st, base + 5, r->value);
    sqlite3_bind_text(st, base + 6, &r->status, 1, SQLITE_STATIC);
    sqlite3_bind_int(st, base + 7, r->flags);
    sqlite3_bind_text(st, base + 8, r->note == NO_NOTE ? "" : notes + r->note, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, base + 9, r->reporter_id);
    sqlite3_bind_int64(st, base + 10, r->submission_id);
    sqlite3_bind_int64(st, base + 11, r->line);
    sqlite3_bind_double(st, base + 12, r->coverage);
}

ps_error ps_obs_flush(ps_obs_writer *w, ps_ctx *ctx)
{
    if (w->failed)
        return ps_db_fail(w->db, ctx, w->failed, ps_msg(PS_M_DBW_STORING_VALUES));
    if (!w->npend)
        return PS_OK;
    const char *notes = ps_sb_str(&w->notes);
    int rc = SQLITE_DONE;
    if (w->npend == APPEND_ROWS) {
        if (!w->append) {
            ps_strbuf sb;
            ps_sb_init(&sb);
            ps_sb_puts(&sb, "INSERT INTO obs(unit_id, indicator_id, measure, period, value, status, flags, note,"
                            " reporter_id, submission_id, line, coverage, revision) VALUES ");
            for (int i = 0; i < APPEND_ROWS; i++)
                ps_sb_puts(&sb, i ? ",(?,?,?,?,?,?,?,?,?,?,?,?,1)" : "(?,?,?,?,?,?,?,?,?,?,?,?,1)");
            ps_error err = ps_db_prepare(w->db, ps_sb_str(&sb), &w->append, ctx);
            ps_sb_free(&sb);
            if (err) {
                w->npend = 0;
                ps_sb_clear(&w->notes);
                w->failed = SQLITE_ERROR;
                return err;
            }
        }
        for (int i = 0; i < APPEND_ROWS; i++)
            bind_pending(w->append, i * APPEND_COLS, &w->pend[i], notes);
        rc = sqlite3_step(w->append);
        sqlite3_reset(w->append);
    } else {
        sqlite3_stmt *st;
        if (stmt_of(w, S_INSERT, &st, ctx))
            rc = SQLITE_ERROR; /* the message is the preparation's */
        for (size_t i = 0; i < w->npend && rc == SQLITE_DONE; i++) {
            bind_pending(st, 0, &w->pend[i], notes);
            rc = sqlite3_step(st);
            sqlite3_reset(st);
        }
    }
    w->npend = 0;
    ps_sb_clear(&w->notes);
    if (rc != SQLITE_DONE) {
        w->failed = rc;
        return ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_STORING_VALUES));
    }
    return PS_OK;
}

ps_error ps_obs_append(ps_obs_writer *w, const ps_obs_key *k, double value, char status, int flags,
                       double coverage, const char *note, long long reporter_id, long long submission_id,
                       long line, ps_ctx *ctx)
{
    if (w->failed)
        return ps_db_fail(w->db, ctx, w->failed, ps_msg(PS_M_DBW_STORING_VALUES));
    pending_row *r = &w->pend[w->npend++];
    *r = (pending_row){*k, value, status, flags, coverage, note && *note ? w->notes.len : NO_NOTE,
                       reporter_id, submission_id, line};
    if (r->note != NO_NOTE) /* most rows have none: nothing to copy */
        ps_sb_append(&w->notes, note, strlen(note) + 1);
    return w->npend == APPEND_ROWS ? ps_obs_flush(w, ctx) : PS_OK;
}

ps_error ps_obs_find_submission(ps_obs_writer *w, const char *sha256, long long reporter_id,
                                const char *options, long long *found_id, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = stmt_of(w, S_FIND_SUB, &st, ctx);
    if (serr)
        return serr;
    ps_db_bind_text(st, 1, sha256);
    sqlite3_bind_int64(st, 2, reporter_id);
    ps_db_bind_text(st, 3, options);
    int rc = sqlite3_step(st);
    *found_id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_LOOKING_UP_EARLIER_SUBMISSIONS));
    return PS_OK;
}

ps_error ps_obs_submission_new(ps_obs_writer *w, long long reporter_id, const char *file,
                               const char *sha256, const char *options, const char *received,
                               long long *id, ps_ctx *ctx)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    sqlite3_stmt *st;
    ps_error serr = stmt_of(w, S_NEW_SUB, &st, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(st, 1, reporter_id);
    ps_db_bind_text(st, 2, file);
    ps_db_bind_text(st, 3, sha256);
    ps_db_bind_text(st, 4, options);
    ps_db_bind_text(st, 5, received ? received : now);
    ps_db_bind_text(st, 6, now);
    ps_error err = run(w, st, ctx, ps_msg(PS_M_DBW_RECORDING_SUBMISSION));
    if (!err)
        *id = sqlite3_last_insert_rowid(w->db->h);
    return err;
}

ps_error ps_obs_submission_hash(ps_obs_writer *w, long long id, const char *sha256, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = use(w, S_SUB_HASH, &st, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(st, 1, id);
    ps_db_bind_text(st, 2, sha256);
    return run(w, st, ctx, ps_msg(PS_M_DBW_RECORDING_SUBMISSION));
}

ps_error ps_obs_submission_finish(ps_obs_writer *w, long long id, const ps_obs_counts *c,
                                  const char *outcome, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = use(w, S_FINISH_SUB, &st, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, c->rows_read);
    sqlite3_bind_int64(st, 3, c->stored);
    sqlite3_bind_int64(st, 4, c->revised);
    sqlite3_bind_int64(st, 5, c->unchanged);
    sqlite3_bind_int64(st, 6, c->marks);
    sqlite3_bind_int64(st, 7, c->skipped);
    sqlite3_bind_int64(st, 8, c->refused);
    sqlite3_bind_int64(st, 9, c->forced);
    ps_db_bind_text(st, 10, outcome);
    return run(w, st, ctx, ps_msg(PS_M_DBW_RECORDING_SUBMISSION));
}

ps_error ps_obs_get(ps_obs_writer *w, const ps_obs_key *k, ps_obs *cur, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    cur->exists = false;
    cur->note = "";
    cur->coverage = 1;
    ps_error serr = use(w, S_GET, &st, ctx);
    if (serr)
        return serr;
    bind_key(st, k);
    int rc = sqlite3_step(st);
    cur->exists = rc == SQLITE_ROW;
    if (cur->exists) {
        cur->has_value = sqlite3_column_type(st, 0) != SQLITE_NULL;
        cur->value = cur->has_value ? sqlite3_column_double(st, 0) : 0;
        cur->status = ps_db_col_text(st, 1)[0];
        cur->flags = sqlite3_column_int(st, 2);
        ps_sb_clear(&w->got_note);
        ps_sb_puts(&w->got_note, ps_db_col_text(st, 3));
        cur->note = ps_sb_str(&w->got_note);
        cur->reporter_id = sqlite3_column_int64(st, 4);
        cur->submission_id = sqlite3_column_int64(st, 5);
        cur->line = (long)sqlite3_column_int64(st, 6);
        cur->revision = sqlite3_column_int(st, 7);
        cur->coverage = sqlite3_column_double(st, 8);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_STORED_VALUE));
    return PS_OK;
}

/* Keeps the value in force, *cur, as revision cur->revision. */
static ps_error keep_revision(ps_obs_writer *w, const ps_obs_key *k, const ps_obs *cur, ps_ctx *ctx)
{
    sqlite3_stmt *rev;
    ps_error err = stmt_of(w, S_KEEP_REV, &rev, ctx);
    if (err)
        return err;
    bind_key(rev, k);
    sqlite3_bind_int(rev, 5, cur->revision);
    if (cur->has_value)
        sqlite3_bind_double(rev, 6, cur->value);
    else
        sqlite3_bind_null(rev, 6);
    sqlite3_bind_text(rev, 7, &cur->status, 1, SQLITE_STATIC);
    sqlite3_bind_int(rev, 8, cur->flags);
    sqlite3_bind_text(rev, 9, cur->note, -1, SQLITE_STATIC);
    sqlite3_bind_int64(rev, 10, cur->submission_id);
    sqlite3_bind_int64(rev, 11, cur->line);
    sqlite3_bind_double(rev, 12, cur->coverage);
    return run(w, rev, ctx, ps_msg(PS_M_DBW_KEEPING_EARLIER_VALUE));
}

ps_error ps_obs_revise(ps_obs_writer *w, const ps_obs_key *k, const ps_obs *cur, bool has_value,
                       double value, char status, int flags, double coverage, const char *note,
                       long long submission_id, long line, ps_ctx *ctx)
{
    ps_error err = ps_obs_flush(w, ctx);
    if (err || (err = keep_revision(w, k, cur, ctx)))
        return err;
    sqlite3_stmt *st;
    if ((err = stmt_of(w, S_UPDATE, &st, ctx)))
        return err;
    bind_key(st, k);
    if (has_value)
        sqlite3_bind_double(st, 5, value);
    else
        sqlite3_bind_null(st, 5);
    sqlite3_bind_text(st, 6, &status, 1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 7, flags);
    ps_db_bind_text(st, 8, note ? note : "");
    sqlite3_bind_int64(st, 10, submission_id);
    sqlite3_bind_int64(st, 11, line);
    sqlite3_bind_double(st, 12, coverage);
    return run(w, st, ctx, ps_msg(PS_M_DBW_STORING_VALUE));
}

ps_error ps_obs_override(ps_obs_writer *w, long long submission_id, const ps_obs_key *k,
                         const char *reason, long line, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = use(w, S_OVERRIDE, &st, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(st, 1, submission_id);
    sqlite3_bind_int64(st, 2, k->unit_id);
    sqlite3_bind_int64(st, 3, k->indicator_id);
    sqlite3_bind_int(st, 4, k->period);
    sqlite3_bind_int(st, 5, k->measure);
    ps_db_bind_text(st, 6, reason);
    sqlite3_bind_int64(st, 7, line);
    return run(w, st, ctx, ps_msg(PS_M_DBW_RECORDING_OVERRIDE));
}

ps_error ps_obs_undo_group(ps_obs_writer *w, long long submission_id, long long unit_id, int period,
                           const long long *ids, size_t nids, long *new_undone, long *revised_undone,
                           ps_ctx *ctx)
{
    sqlite3_stmt *ls;
    ps_error serr = use(w, S_UNDO_LIST, &ls, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(ls, 1, submission_id);
    sqlite3_bind_int64(ls, 2, unit_id);
    sqlite3_bind_int(ls, 3, period);
    struct item { long long ind; int measure, revision; } *items = NULL;
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(ls)) == SQLITE_ROW) {
        long long ind = sqlite3_column_int64(ls, 0);
        size_t j = 0;
        while (j < nids && ids[j] != ind)
            j++;
        if (j == nids)
            continue;
        items = ps_xrealloc(items, (n + 1) * sizeof *items);
        items[n].ind = sqlite3_column_int64(ls, 0);
        items[n].measure = sqlite3_column_int(ls, 1);
        items[n].revision = sqlite3_column_int(ls, 2);
        n++;
    }
    sqlite3_reset(ls);
    ps_error err = rc == SQLITE_DONE ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_UNDOING_VALUES));
    for (size_t i = 0; i < n && !err; i++) {
        ps_obs_key k = {unit_id, items[i].ind, items[i].measure, period};
        ps_obs cur;
        if ((err = ps_obs_get(w, &k, &cur, ctx)))
            break;
        sqlite3_stmt *del;
        if ((err = stmt_of(w, S_UNDO_DELETE, &del, ctx)))
            break;
        bind_key(del, &k);
        if ((err = run(w, del, ctx, ps_msg(PS_M_DBW_UNDOING_VALUE))))
            break;
        if (items[i].revision > 1) {
            sqlite3_stmt *rs;
            if ((err = stmt_of(w, S_UNDO_RESTORE, &rs, ctx)))
                break;
            bind_key(rs, &k);
            sqlite3_bind_int(rs, 5, items[i].revision - 1);
            sqlite3_bind_int64(rs, 6, cur.reporter_id);
            if ((err = run(w, rs, ctx, ps_msg(PS_M_DBW_RESTORING_EARLIER_VALUE))))
                break;
            sqlite3_stmt *dr;
            if ((err = stmt_of(w, S_UNDO_DROP_REV, &dr, ctx)))
                break;
            bind_key(dr, &k);
            sqlite3_bind_int(dr, 5, items[i].revision - 1);
            if ((err = run(w, dr, ctx, ps_msg(PS_M_DBW_RESTORING_EARLIER_VALUE))))
                break;
        }
        if (items[i].revision > 1)
            (*revised_undone)++;
        else
            (*new_undone)++;
    }
    free(items);
    return err;
}

ps_error ps_obs_series(ps_obs_writer *w, long long unit_id, long long indicator_id, int measure,
                       bool (*fn)(const ps_obs_point *p, void *arg), void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = use(w, S_SERIES, &st, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int64(st, 2, indicator_id);
    sqlite3_bind_int(st, 3, measure);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ps_obs_point p;
        p.period = sqlite3_column_int(st, 0);
        p.has_value = sqlite3_column_type(st, 1) != SQLITE_NULL;
        p.value = p.has_value ? sqlite3_column_double(st, 1) : 0;
        p.submission_id = sqlite3_column_int64(st, 2);
        p.line = (long)sqlite3_column_int64(st, 3);
        if (!fn(&p, arg)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_VALUES));
}

ps_error ps_obs_line_of(ps_obs_writer *w, const ps_obs_key *k, long long submission_id, long *line, ps_ctx *ctx)
{
    *line = 0;
    sqlite3_stmt *st;
    ps_error err = ps_obs_flush(w, ctx);
    if (err || (err = stmt_of(w, S_LINE_OF, &st, ctx)))
        return err;
    bind_key(st, k);
    sqlite3_bind_int64(st, 5, submission_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *line = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_FINDING_LINE_VALUE));
    return PS_OK;
}

ps_error ps_obs_closed_list(ps_db *db, ps_closed **out, size_t *n, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    ps_error err = ps_db_prepare(db, "SELECT unit_id, period FROM closed", &st, ctx);
    if (err)
        return err;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = ps_xrealloc(*out, (*n + 1) * sizeof **out);
        (*out)[*n].unit_id = sqlite3_column_int64(st, 0);
        (*out)[*n].period = sqlite3_column_int(st, 1);
        (*n)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_CLOSED_PERIODS));
}

ps_error ps_obs_submission_values(ps_db *db, long long id, bool *found, long long *reporter_id,
                                  ps_obs_key **keys, size_t *n, ps_ctx *ctx)
{
    *found = false;
    *keys = NULL;
    *n = 0;
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "SELECT reporter_id FROM submission WHERE id = ?1", &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *found = true;
        *reporter_id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_SUBMISSION));
    if ((err = ps_db_prepare(db, "SELECT unit_id, indicator_id, measure, period FROM obs"
                                 " WHERE submission_id = ?1 AND value IS NOT NULL", &st, ctx)))
        return err;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if ((*n & (*n - 1)) == 0) /* 0, 1, 2, 4, ...: capacity doubles */
            *keys = ps_xrealloc(*keys, (*n ? *n * 2 : 1) * sizeof **keys);
        (*keys)[*n] = (ps_obs_key){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                                   sqlite3_column_int(st, 2), sqlite3_column_int(st, 3)};
        (*n)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_SUBMISSION_VALUES));
}

ps_error ps_obs_close(ps_db *db, long long unit_id, int period, bool close, bool *changed, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    const char *q = close ? "INSERT OR IGNORE INTO closed(unit_id, period, closed_at)"
                            " VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
                          : "DELETE FROM closed WHERE unit_id = ?1 AND period = ?2";
    ps_error err = ps_db_prepare(db, q, &st, ctx);
    if (err)
        return err;
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int(st, 2, period);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ps_db_fail(db, ctx, rc, ps_msg(close ? PS_M_DBW_CLOSING_PERIOD : PS_M_DBW_REOPENING_PERIOD));
    *changed = sqlite3_changes(db->h) > 0;
    return PS_OK;
}

ps_error ps_obs_forced_closed_list(ps_db *db, ps_obs_key **out, size_t *n, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    ps_error err = ps_db_prepare(db, "SELECT DISTINCT unit_id, indicator_id, measure, period FROM override"
                                     " WHERE reason = 'closed-period'", &st, ctx);
    if (err)
        return err;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = ps_xrealloc(*out, (*n + 1) * sizeof **out);
        (*out)[*n] = (ps_obs_key){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                                  sqlite3_column_int(st, 2), sqlite3_column_int(st, 3)};
        (*n)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_OVERRIDES));
}

ps_error ps_obs_latest_year(ps_db *db, const long long *unit_ids, size_t nunits, const long long *indicator_ids,
                            size_t nindicators, int measure, int *year, bool *found, ps_ctx *ctx)
{
    *found = false;
    *year = 0;
    if (!nunits || !nindicators)
        return PS_OK;
    /* the key ends in period: the last row of a series' range, walking
     * back over retractions, is its latest value */
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, "SELECT period FROM obs WHERE unit_id = ?1 AND indicator_id = ?2"
                                     " AND measure = ?3 AND value IS NOT NULL ORDER BY period DESC LIMIT 1",
                                 &st, ctx);
    if (err)
        return err;
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < nunits && rc != SQLITE_ERROR; i++)
        for (size_t j = 0; j < nindicators; j++) {
            sqlite3_bind_int64(st, 1, unit_ids[i]);
            sqlite3_bind_int64(st, 2, indicator_ids[j]);
            sqlite3_bind_int(st, 3, measure);
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                int y = sqlite3_column_int(st, 0) / 1000; /* ps_period_key: year * 1000 + ... */
                if (!*found || y > *year)
                    *year = y;
                *found = true;
                rc = SQLITE_DONE;
            }
            sqlite3_reset(st);
            if (rc != SQLITE_DONE) {
                err = ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_LATEST_VALUES));
                rc = SQLITE_ERROR;
                break;
            }
        }
    sqlite3_finalize(st);
    return err;
}

/* Binds a series and a range of period keys as ?1..?5. */
static void bind_range(sqlite3_stmt *st, long long unit_id, long long indicator_id, int measure, int from, int to)
{
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int64(st, 2, indicator_id);
    sqlite3_bind_int(st, 3, measure);
    sqlite3_bind_int(st, 4, from);
    sqlite3_bind_int(st, 5, to);
}

/* The coverage of a stored value. The engine's reads do not select the
 * column: only a value flagged incomplete-source can have a coverage below
 * 1 (ingest sets the flag with it), so the few that do are asked here, and
 * the many read in one statement cost no extra column. */
static ps_error coverage_of(ps_obs_writer *w, long long unit_id, long long indicator_id, int measure, int period,
                            double *cov, ps_ctx *ctx)
{
    *cov = 1;
    sqlite3_stmt *st;
    ps_error err = stmt_of(w, S_COVERAGE, &st, ctx);
    if (err)
        return err;
    ps_obs_key k = {unit_id, indicator_id, measure, period};
    bind_key(st, &k);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *cov = sqlite3_column_double(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_COVERAGE));
}

ps_error ps_obs_values(ps_obs_writer *w, long long unit_id, long long indicator_id, int measure, int from,
                       int to,
                       void (*fn)(int measure, int period, double value, int status, int flags, double coverage,
                                  void *arg),
                       void *arg, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = use(w, S_VALUES, &st, ctx);
    if (serr)
        return serr;
    bind_range(st, unit_id, indicator_id, measure, from, to);
    int rc;
    ps_error err = PS_OK;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 1) == SQLITE_NULL)
            continue; /* retracted */
        const unsigned char *status = sqlite3_column_text(st, 2);
        int period = sqlite3_column_int(st, 0), flags = sqlite3_column_int(st, 3);
        double cov = 1;
        if (!(flags & PS_OBS_INCOMPLETE_SOURCE) || !(err = coverage_of(w, unit_id, indicator_id, measure, period,
                                                                       &cov, ctx)))
            fn(measure, period, sqlite3_column_double(st, 1), status ? status[0] : 'A', flags, cov, arg);
    }
    sqlite3_reset(st);
    if (err)
        return err;
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_VALUES));
}

/* Steps a statement whose columns are unit_id, indicator_id, measure,
 * period, value, status, flags, calling fn for each value not retracted
 * with its coverage (coverage_of); resets it. */
static ps_error emit_values(ps_obs_writer *w, sqlite3_stmt *st,
                            ps_obs_value_fn *fn,
                            void *arg, ps_ctx *ctx)
{
    int rc;
    ps_error err = PS_OK;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 4) == SQLITE_NULL)
            continue; /* retracted */
        const unsigned char *status = sqlite3_column_text(st, 5);
        long long unit_id = sqlite3_column_int64(st, 0), indicator_id = sqlite3_column_int64(st, 1);
        int measure = sqlite3_column_int(st, 2), period = sqlite3_column_int(st, 3);
        int flags = sqlite3_column_int(st, 6);
        double cov = 1;
        if (!(flags & PS_OBS_INCOMPLETE_SOURCE) ||
            !(err = coverage_of(w, unit_id, indicator_id, measure, period, &cov, ctx)))
            fn(unit_id, indicator_id, measure, period, sqlite3_column_double(st, 4), status ? status[0] : 'A', flags,
               cov, arg);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (err)
        return err;
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_VALUES));
}

ps_error ps_obs_values_many(ps_obs_writer *w, bool of_unit, const char *ids, long long other, int measure,
                            int from, int to,
                            ps_obs_value_fn *fn,
                            void *arg, ps_ctx *ctx)
{
    ps_error ferr = ps_obs_flush(w, ctx);
    if (ferr)
        return ferr;
    /* One statement for many series: SQLite seeks each series' range in its
     * own loop, without a statement's set-up and reset for each. CROSS JOIN
     * keeps the id list outside: the planner would otherwise scan the
     * unit's whole history once and the list for every row. */
    sqlite3_stmt **stp = of_unit ? &w->many_inds : &w->many_units;
    if (!*stp) {
        ps_error err = ps_db_prepare(w->db,
                                     of_unit ? "SELECT o.unit_id, o.indicator_id, o.measure, o.period, o.value,"
                                               " o.status, o.flags"
                                               " FROM json_each(?1) AS j CROSS JOIN obs AS o ON o.unit_id = ?2"
                                               " AND o.indicator_id = j.value AND o.measure = ?3"
                                               " AND o.period BETWEEN ?4 AND ?5"
                                             : "SELECT o.unit_id, o.indicator_id, o.measure, o.period, o.value,"
                                               " o.status, o.flags"
                                               " FROM json_each(?1) AS j CROSS JOIN obs AS o ON o.unit_id = j.value"
                                               " AND o.indicator_id = ?2 AND o.measure = ?3"
                                               " AND o.period BETWEEN ?4 AND ?5",
                                     stp, ctx);
        if (err)
            return err;
    }
    sqlite3_stmt *st = *stp;
    sqlite3_bind_text(st, 1, ids, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, other);
    sqlite3_bind_int(st, 3, measure);
    sqlite3_bind_int(st, 4, from);
    sqlite3_bind_int(st, 5, to);
    return emit_values(w, st, fn, arg, ctx);
}

ps_error ps_obs_values_units(ps_obs_writer *w, const char *ids, int from, int to,
                             ps_obs_value_fn *fn,
                             void *arg, ps_ctx *ctx)
{
    ps_error err = ps_obs_flush(w, ctx);
    if (err)
        return err;
    /* each unit's rows are one range of the key: one seek per unit, then
     * rows in key order, the period tested on each */
    if (!w->scan_units &&
        (err = ps_db_prepare(w->db,
                             "SELECT o.unit_id, o.indicator_id, o.measure, o.period, o.value, o.status, o.flags"
                             " FROM json_each(?1) AS j CROSS JOIN obs AS o ON o.unit_id = j.value"
                             " WHERE o.period BETWEEN ?2 AND ?3",
                             &w->scan_units, ctx)))
        return err;
    sqlite3_stmt *st = w->scan_units;
    sqlite3_bind_text(st, 1, ids, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, from);
    sqlite3_bind_int(st, 3, to);
    return emit_values(w, st, fn, arg, ctx);
}

ps_error ps_obs_unit_span(ps_obs_writer *w, long long unit_id, int from, int to, long *total, long *within,
                          ps_ctx *ctx)
{
    ps_error err = ps_obs_flush(w, ctx);
    if (err)
        return err;
    if (!w->unit_span &&
        (err = ps_db_prepare(w->db, "SELECT count(*), total(period BETWEEN ?2 AND ?3) FROM obs WHERE unit_id = ?1",
                             &w->unit_span, ctx)))
        return err;
    sqlite3_stmt *st = w->unit_span;
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int(st, 2, from);
    sqlite3_bind_int(st, 3, to);
    int rc = sqlite3_step(st);
    *total = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
    *within = rc == SQLITE_ROW ? (long)sqlite3_column_double(st, 1) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_VALUES));
}

ps_error ps_obs_unit_any(ps_obs_writer *w, long long unit_id, bool *any, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = stmt_of(w, S_UNIT_ANY, &st, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(st, 1, unit_id);
    int rc = sqlite3_step(st);
    *any = rc == SQLITE_ROW;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_VALUES));
}

ps_error ps_obs_series_top(ps_obs_writer *w, long long unit_id, long long indicator_id, int measure, bool *any,
                           int *top, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error serr = stmt_of(w, S_SERIES_TOP, &st, ctx);
    if (serr)
        return serr;
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int64(st, 2, indicator_id);
    sqlite3_bind_int(st, 3, measure);
    int rc = sqlite3_step(st);
    *any = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
    *top = *any ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? PS_OK : ps_db_fail(w->db, ctx, rc, ps_msg(PS_M_DBW_READING_VALUES));
}

