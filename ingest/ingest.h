/* ingest.h - loading one submission file: read, check, store with history.
 *
 * ps_ingest_file reads a long-format CSV (SPEC §3), checks every row
 * against the catalog, the reporter's scope, closed periods and the stored
 * values (SPEC §4), and stores it in one transaction: all or nothing, or
 * with opts->partial the good rows. Every problem becomes a diagnostic;
 * nothing stops at the first.
 */
#ifndef PS_INGEST_H
#define PS_INGEST_H

#include "core/catalog.h"
#include "core/csv.h"
#include "core/diag.h"
#include "core/number.h"
#include "ingest/change.h"
#include "store/db.h"

#include <stdbool.h>

typedef struct ps_ingest_opts {
    const char *reporter;       /* reporter code (required) */
    const char *unit;           /* --unit: fills a missing unit column */
    const char *period;         /* --period: fills a missing period column */
    ps_numfmt numfmt;
    bool numfmt_given;          /* false: plain, or vi for a ';' file */
    ps_encoding encoding;
    bool partial, dry_run, force;
    const char *received;       /* ISO date or date-time; NULL: now */
    /* progress: called every progress_rows data rows (0: every 4096) and
     * once at the end of the file, with the data rows read so far, the bytes
     * read and the file's size (0 when unknown); NULL: not called. It runs
     * inside the ingest's open write transaction. */
    void (*progress)(void *arg, long rows, long long done, long long total);
    void *progress_arg;
    long progress_rows;
    size_t refresh_max;         /* kept roll-up values the ingest computes again at most
                                   (ingest/refresh.h); 0: the default bound */
    size_t stage_max;           /* first values of new series held to be written in key
                                   order at most (ingest/writer.h); 0: the default bound,
                                   1: each written at once. The result is the same. */
    bool plain_read;            /* read a workbook in this thread alone: its rows not
                                   ahead in another (ingest/read_ahead.h), its sheet not
                                   inflated in a third (core/inflate_ahead.h). The
                                   result is the same. */
} ps_ingest_opts;

typedef struct ps_ingest_result {
    long rows_read;       /* data rows (the header excluded) */
    long stored;          /* new values */
    long revised;         /* values that changed */
    long unchanged;
    long none_occurred;   /* '-' marks stored as 0 (included in stored/revised/unchanged) */
    long marks_dots;      /* '..' and '...' */
    long marks_x;         /* 'x' */
    long marks_empty;     /* empty value cells */
    long skipped_derived; /* rows flagged derived */
    long refused;         /* rows not stored because of an error */
    long forced;          /* rows stored through --force */
    bool already;         /* the same file was ingested before: nothing done */
    long long already_id; /* that submission */
    long long submission_id;
    bool committed;       /* something was written */
    ps_change_warning kept; /* why the kept roll-ups the file reached were left unused
                               (ingest/change.h); "" when they were carried over */
} ps_ingest_result;

/* Ingests one file. `path` is the file as given on the command line (used
 * in diagnostics). Returns PS_OK when everything was accepted (warnings may
 * exist), PS_ERR_REFUSED when any row or the file was refused (diagnostics
 * say why; with partial, the good rows were stored), PS_ERR_USAGE for a
 * bad option (unknown reporter, bad --unit/--period), PS_ERR_IO / DB / BUSY
 * for failures of the file or the database (nothing stored). */
ps_error ps_ingest_file(ps_db *db, const ps_catalog *cat, const char *path,
                        const ps_ingest_opts *opts, ps_ingest_result *res,
                        ps_diags *diags, ps_ctx *ctx);

#endif
