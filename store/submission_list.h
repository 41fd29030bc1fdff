/* submission_list.h - the submissions stored, for the portal's lists
 * (SPEC §9: an office's own, every one for the admins), and the record of
 * the portal's uploads, refused ones included (a refused file leaves no
 * submission: SPEC §4, all or nothing). */
#ifndef PS_SUBMISSION_LIST_H
#define PS_SUBMISSION_LIST_H

#include "core/error.h"
#include "store/db.h"

typedef struct ps_submission_info {
    long long id;
    const char *reporter, *file, *received, *ingested, *outcome, *sha256;
    long rows_read, stored, revised, unchanged, refused;
} ps_submission_info;

/* Calls fn for every submission, newest first; only reporter's when
 * reporter is not NULL; at most limit (0: all). Strings are valid for the call. */
ps_error ps_submission_each(ps_db *db, const char *reporter, int limit,
                            void (*fn)(const ps_submission_info *s, void *arg), void *arg, ps_ctx *ctx);
/* The submission's reporter code into out (size bytes); "" when there is no
 * such submission. */
ps_error ps_submission_reporter(ps_db *db, long long id, char *out, size_t size, ps_ctx *ctx);

typedef struct ps_upload_info {
    const char *login, *reporter, *file, *outcome, *at;
    long errors, warnings;
    long long submission_id;  /* 0: nothing stored */
    long long id;             /* the upload's own number (set by the record) */
    const char *errors_csv;   /* its errors CSV (SPEC §4), kept for the office to download */
    size_t errors_csv_len;
} ps_upload_info;

/* Records one upload of the portal; u->id gets its number. */
ps_error ps_upload_record(ps_db *db, ps_upload_info *u, ps_ctx *ctx);
/* The errors CSV of upload id and its reporter: *csv owned (free()),
 * NULL when there is no such upload. */
ps_error ps_upload_errors(ps_db *db, long long id, char **csv, size_t *n, char reporter[65], ps_ctx *ctx);
/* Calls fn for the uploads of reporter (all when NULL), newest first, at most limit. */
ps_error ps_upload_each(ps_db *db, const char *reporter, int limit, void (*fn)(const ps_upload_info *u, void *arg),
                        void *arg, ps_ctx *ctx);

#endif
