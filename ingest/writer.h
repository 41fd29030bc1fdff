/* writer.h - how a checked row is written (SPEC §4 says what; this says how).
 *
 * The writer stands between the ingest loop and the store: it answers
 * what is stored for a row's key, reading the key only when it cannot
 * know (a row whose period comes after every period stored for its
 * series, a new month, is a first value without a read), stores a first
 * value (batched by the store) or a revision, and keeps what the history
 * warnings need: the series the file touched and, for a series with
 * nothing stored before the file, its rows (up to a bound), so that such a
 * series is checked from them instead of being read back.
 *
 * Internal to ingest. All writes happen in the caller's transaction.
 */
#ifndef PS_WRITER_H
#define PS_WRITER_H

#include "core/catalog.h"
#include "core/diag.h"
#include "ingest/change.h"
#include "ingest/row.h"
#include "store/obs.h"

typedef struct ps_writer ps_writer;

/* The bound when the rows are read ahead in another thread
 * (ingest/read_ahead.h): small enough that writing the staged values
 * overlaps the reading of the next rows rather than following the last. */
#define PS_WRITER_STAGE_READ_AHEAD 4096

/* A writer for submission sub_id of reporter_id through w (borrowed, like
 * cat). Diagnostics of the history warnings are labelled path, column
 * value_col. The first values of series with nothing stored before the
 * file are staged, stage_max at most (0: the default, 2^20), and written
 * in key order (writer.c says what that buys); stage_max 1 writes each at
 * once. What is stored and every diagnostic are the same for any bound. */
ps_writer *ps_writer_new(ps_obs_writer *w, const ps_catalog *cat, long long sub_id, long long reporter_id,
                         const char *path, int value_col, size_t stage_max);
void ps_writer_free(ps_writer *wr);

/* The value in force for row's key into *cur (cur->exists false when none). */
ps_error ps_writer_lookup(ps_writer *wr, const ps_checked_row *row, ps_obs *cur, ps_ctx *ctx);

/* Stores row: its key's first value when !cur->exists, else a revision of
 * *cur (as ps_writer_lookup gave it, just before). */
ps_error ps_writer_store(ps_writer *wr, const ps_checked_row *row, const ps_obs *cur, ps_ctx *ctx);

/* Writes what is staged and queued: before anything else reads obs. */
ps_error ps_writer_flush(ps_writer *wr, ps_ctx *ctx);

/* The rules undid some of the file's values (ingest/rules.h): the kept
 * rows may hold them, so the series they belong to are read back instead. */
void ps_writer_forget_kept(ps_writer *wr);

/* After the last row and the rules: the history warnings (ingest/history.h)
 * of every actual series the file touched, added to diags. */
ps_error ps_writer_history(ps_writer *wr, ps_diags *diags, ps_ctx *ctx);

/* The series the file touched, in the order first met, for the change set
 * (ingest/change.h): a new array of *n entries, owned by the caller. */
ps_change *ps_writer_changes(const ps_writer *wr, size_t *n);

#endif
