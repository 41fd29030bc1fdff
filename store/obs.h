/* obs.h - submissions, observations and their revisions.
 *
 * The store keeps, for each key (unit, indicator, measure, period), the value
 * in force in `obs` and every earlier value in `revision`. Nothing is ever
 * deleted: a revised value moves to `revision`, a retraction is a revision
 * with no value. All writes happen inside the caller's transaction
 * (ps_db_begin / ps_db_commit).
 */
#ifndef PS_OBS_H
#define PS_OBS_H

#include "core/measure.h"
#include "store/db.h"

#include <stdbool.h>
#include <stddef.h>

/* Flags stored with a value. */
enum {
    PS_OBS_NONE_OCCURRED = 1,     /* the '-' mark: 0, nothing occurred */
    PS_OBS_INCOMPLETE_SOURCE = 2  /* from an export row with coverage below 1 */
};

typedef struct ps_obs_key {
    long long unit_id, indicator_id;
    int measure;
    int period;                   /* ps_period_key */
} ps_obs_key;

typedef struct ps_obs {
    bool exists;
    bool has_value;               /* false once retracted */
    double value;
    char status;                  /* 'A', 'P', 'E' */
    int flags;
    const char *note;             /* the whole note ("" when none); borrowed from the
                                     writer that read it: valid until its next
                                     ps_obs_get or ps_obs_undo_group, or its free */
    long long reporter_id;        /* who first sent it */
    long long submission_id;
    long line;
    int revision;
    double coverage;              /* 0..1: below 1 for a value from an export row
                                     with coverage below 1 (SPEC §5), else 1 */
} ps_obs;

/* A statement cache for the ingest loop; opaque. */
typedef struct ps_obs_writer ps_obs_writer;

ps_error ps_obs_writer_new(ps_db *db, ps_obs_writer **out, ps_ctx *ctx);
void ps_obs_writer_free(ps_obs_writer *w);

/* Looks up an earlier submission of the same content: same sha256,
 * reporter and options, that stored rows. Sets *found and, when found, its id. */
ps_error ps_obs_find_submission(ps_obs_writer *w, const char *sha256, long long reporter_id,
                                const char *options, long long *found_id, ps_ctx *ctx);

/* Records a new submission (outcome "pending") and returns its id.
 * sha256 may be "" while the file is still being read (ps_obs_submission_hash
 * sets it at its end); a pending submission is never found by
 * ps_obs_find_submission. */
ps_error ps_obs_submission_new(ps_obs_writer *w, long long reporter_id, const char *file,
                               const char *sha256, const char *options, const char *received,
                               long long *id, ps_ctx *ctx);

/* Sets the SHA-256 of a submission's raw bytes, once they are all read. */
ps_error ps_obs_submission_hash(ps_obs_writer *w, long long id, const char *sha256, ps_ctx *ctx);

typedef struct ps_obs_counts {
    long rows_read, stored, revised, unchanged, marks, skipped, refused, forced;
} ps_obs_counts;

/* Sets the counts and outcome of a submission. */
ps_error ps_obs_submission_finish(ps_obs_writer *w, long long id, const ps_obs_counts *c,
                                  const char *outcome, ps_ctx *ctx);

/* Reads the value in force for key into *cur (cur->exists false when none).
 * cur->note is the writer's copy (see ps_obs.note). */
ps_error ps_obs_get(ps_obs_writer *w, const ps_obs_key *k, ps_obs *cur, ps_ctx *ctx);

/* The one way to store a revision: the value in force, *cur (as
 * ps_obs_get read it, cur->exists true), moves to the revision table whole,
 * note included, and the new value takes its place with the next revision
 * number; a stored value's coverage moves with it. has_value false
 * stores an empty value (retract). coverage (0..1, the caller checked
 * it) is kept with the value: 1 for a value as sent, below 1 for one from
 * an export row with coverage below 1. The first
 * sender stays the key's owner; the revision's sender is the submission's
 * reporter. */
ps_error ps_obs_revise(ps_obs_writer *w, const ps_obs_key *k, const ps_obs *cur, bool has_value,
                       double value, char status, int flags, double coverage, const char *note,
                       long long submission_id, long line, ps_ctx *ctx);

/* The one way to store a first value: for a key the caller knows has none
 * (ps_obs_get said so, or ps_obs_series_top showed the key is past every
 * stored period of its series, and the key was not written since).
 * reporter_id becomes the key's owner; note (NULL: none) is copied whole;
 * coverage as for ps_obs_revise.
 * Rows are queued and written together, many to one INSERT, by
 * ps_obs_flush: when the queue is full, or first thing in any other
 * function of this writer except ps_obs_series_top, which callers ask only
 * about series with no queued rows. A failed write fails that call and
 * every later one of the writer. */
ps_error ps_obs_append(ps_obs_writer *w, const ps_obs_key *k, double value, char status, int flags,
                       double coverage, const char *note, long long reporter_id, long long submission_id,
                       long line, ps_ctx *ctx);
/* Writes the queued rows. */
ps_error ps_obs_flush(ps_obs_writer *w, ps_ctx *ctx);

/* Records a --force override. reason: "other-reporter" or "closed-period". */
ps_error ps_obs_override(ps_obs_writer *w, long long submission_id, const ps_obs_key *k,
                         const char *reason, long line, ps_ctx *ctx);

/* Undoes what submission_id wrote for unit_id in period for the indicators
 * ids[0..nids) (actual and plan): restores the earlier revision or removes
 * the new value. Used by --partial when a rule fails for that unit and
 * period. Adds to *new_undone / *revised_undone the values undone. */
ps_error ps_obs_undo_group(ps_obs_writer *w, long long submission_id, long long unit_id, int period,
                           const long long *ids, size_t nids, long *new_undone, long *revised_undone,
                           ps_ctx *ctx);

/* Closed periods: every (unit_id, period key) lock, loaded at once. */
typedef struct ps_closed {
    long long unit_id;
    int period;
} ps_closed;
ps_error ps_obs_closed_list(ps_db *db, ps_closed **out, size_t *n, ps_ctx *ctx);
ps_error ps_obs_close(ps_db *db, long long unit_id, int period, bool close, bool *changed, ps_ctx *ctx);

/* Submission id: *found says whether it exists; then *reporter_id is who
 * sent it and keys[0..*n) (owned by the caller, free()) every value it
 * brought that is still in force from it, with a value. */
ps_error ps_obs_submission_values(ps_db *db, long long id, bool *found, long long *reporter_id,
                                  ps_obs_key **keys, size_t *n, ps_ctx *ctx);

/* Iterates one series (unit, indicator, measure) in period order. */
typedef struct ps_obs_point {
    int period;
    bool has_value;
    double value;
    long long submission_id;
    long line;
} ps_obs_point;
/* What the many-series reads call for each value (coverage: as stored, ps_obs). */
typedef void ps_obs_value_fn(long long unit_id, long long indicator_id, int measure, int period, double value,
                             int status, int flags, double coverage, void *arg);

/* Calls fn for every value in force (not retracted) of the series of one
 * measure with a period key in [from, to], in period order: the lean read
 * of the engine. */
ps_error ps_obs_values(ps_obs_writer *w, long long unit_id, long long indicator_id, int measure, int from,
                       int to,
                       void (*fn)(int measure, int period, double value, int status, int flags, double coverage,
                                  void *arg),
                       void *arg, ps_ctx *ctx);

/* The same for many series at once, in one statement: ids is a JSON array
 * of ids ("[3,5,8]"), of indicators of unit `other` when of_unit, else of
 * units for indicator `other`; series by series in the array's order. */
ps_error ps_obs_values_many(ps_obs_writer *w, bool of_unit, const char *ids, long long other, int measure,
                            int from, int to,
                            ps_obs_value_fn *fn,
                            void *arg, ps_ctx *ctx);

/* Every value in force of the units in ids (a JSON array of unit ids),
 * all indicators and both measures, with a period key in [from, to]; unit
 * by unit in the array's order, then in key order. One seek per unit: the
 * read for when most of each unit's rows are wanted. */
ps_error ps_obs_values_units(ps_obs_writer *w, const char *ids, int from, int to,
                             ps_obs_value_fn *fn,
                             void *arg, ps_ctx *ctx);

/* How many rows unit_id has stored (*total), and how many of them have a
 * period key in [from, to] (*within). */
ps_error ps_obs_unit_span(ps_obs_writer *w, long long unit_id, int from, int to, long *total, long *within,
                          ps_ctx *ctx);

/* Whether unit_id has any value (or retraction) stored at all. Does not
 * write the queue (see ps_obs_append). */
ps_error ps_obs_unit_any(ps_obs_writer *w, long long unit_id, bool *any, ps_ctx *ctx);

/* Whether the series has any value (or retraction) stored at all and, when
 * it has, the latest period key stored (*top). Does not write the queue
 * (see ps_obs_append). */
ps_error ps_obs_series_top(ps_obs_writer *w, long long unit_id, long long indicator_id, int measure, bool *any,
                           int *top, ps_ctx *ctx);

/* Calls fn for every value of the series in period order; stops early when fn returns false. */
ps_error ps_obs_series(ps_obs_writer *w, long long unit_id, long long indicator_id, int measure,
                       bool (*fn)(const ps_obs_point *p, void *arg), void *arg, ps_ctx *ctx);

/* The latest year in which a value (not retracted) of `measure` is stored
 * in any of the series unit_ids[i] x indicator_ids[j] (borrowed arrays):
 * one seek per series, each to the end of its key range. *found is false
 * when none has one. A bound for finding the latest period with data of a
 * computed series (aggregate/latest.h). */
ps_error ps_obs_latest_year(ps_db *db, const long long *unit_ids, size_t nunits, const long long *indicator_ids,
                            size_t nindicators, int measure, int *year, bool *found, ps_ctx *ctx);

/* Every key whose value was stored through --force into a closed period. */
ps_error ps_obs_forced_closed_list(ps_db *db, ps_obs_key **out, size_t *n, ps_ctx *ctx);


/* *line: the line of submission_id's value for key, or 0 when that
 * submission stored none for it. Fails only when the database does. */
ps_error ps_obs_line_of(ps_obs_writer *w, const ps_obs_key *k, long long submission_id, long *line, ps_ctx *ctx);

#endif
