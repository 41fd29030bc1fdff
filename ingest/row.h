/* row.h - SPEC §4's checks of one submission row, in the SPEC's order.
 *
 * ps_row_check reads a row's fields through the header map and checks
 * them against the catalog and the reporter: the result is a checked row
 * (unit, indicator, period, measure, value or mark, status, flags,
 * coverage, note, line) or the reason it goes no further, with every problem of the row
 * added as a diagnostic. ps_row_check_stored then checks a checked row
 * against the value stored for its key (the same key twice in the file,
 * another reporter's value, a closed period, a value that did not change).
 * How a row is written is not here (ingest/writer.h).
 *
 * Internal to ingest.
 */
#ifndef PS_ROW_H
#define PS_ROW_H

#include "core/catalog.h"
#include "core/diag.h"
#include "core/number.h"
#include "core/period.h"
#include "ingest/header.h"
#include "store/obs.h"

#include <stdbool.h>

/* What the checks need; every pointer is borrowed for the ingest. */
typedef struct ps_row_ctx {
    const ps_catalog *cat;
    const ps_reporter *rep;     /* who sends the file */
    const ps_header *h;
    ps_numfmt numfmt;
    int fixed_unit;             /* --unit: catalog index, or -1 */
    bool has_fixed_period;      /* --period given: fixed_period */
    ps_period fixed_period;
    bool force;                 /* --force */
    const ps_closed *closed;    /* every lock, ps_obs_closed_list */
    size_t nclosed;
    long long sub_id;           /* the file's submission */
    const char *path;           /* diagnostics are labelled with it */
    ps_diags *d;
    bool value_is_number;       /* this row's value is a workbook's number cell: read
                                   as a plain number, never as ambiguous (SPEC §3) */
} ps_row_ctx;

/* A row that passed ps_row_check. */
typedef struct ps_checked_row {
    long line;                  /* where the record starts */
    int unit, indicator;        /* catalog indexes */
    ps_period period;
    int measure;                /* PS_MEASURE_ACTUAL or PS_MEASURE_PLAN */
    ps_num_kind kind;           /* PS_NUM_VALUE or PS_NUM_NONE_OCCURRED ('-'), or a
                                   not-collected mark (PS_NUM_NA_DOTS, _NA_X, _EMPTY) */
    double value;               /* for PS_NUM_VALUE and PS_NUM_NONE_OCCURRED */
    char status;                /* 'A', 'P' or 'E' */
    int flags;                  /* PS_OBS_* */
    double coverage;            /* 0..1 from the coverage column (SPEC §5); 1 when absent or empty */
    const char *note;           /* borrowed from the record: valid until the next row */
    const char *value_text;     /* the value as written, for messages (borrowed) */
    const char *period_text;    /* the period as written, for messages (borrowed) */
} ps_checked_row;

typedef enum ps_row_verdict {
    PS_ROW_VALUE,               /* a value to store: row is filled */
    PS_ROW_MARK,                /* a not-collected mark: row.kind says which; nothing stored */
    PS_ROW_DERIVED,             /* flagged derived: skipped */
    PS_ROW_REFUSED              /* an error was added */
} ps_row_verdict;

/* Checks record rec (its fields are trimmed in place, the note's excepted)
 * and fills *row for PS_ROW_VALUE and PS_ROW_MARK. Warnings (an unknown
 * flag, a value from an incomplete source) may come with any verdict. */
ps_row_verdict ps_row_check(const ps_row_ctx *c, ps_csv_record *rec, ps_checked_row *row);

/* What to do with a checked row given the value stored for its key. */
typedef enum ps_store_verdict {
    PS_STORE_WRITE,             /* a first value (cur->exists false) or a revision */
    PS_STORE_UNCHANGED,         /* the stored value is the same: nothing to write */
    PS_STORE_REFUSED            /* an error was added */
} ps_store_verdict;

/* Checks row against *cur, the value in force for its key (cur->exists
 * false when none). *forced_other / *forced_closed: the write goes
 * through --force over another reporter's value / a closed period (the
 * override is to be recorded). */
ps_store_verdict ps_row_check_stored(const ps_row_ctx *c, const ps_checked_row *row, const ps_obs *cur,
                                     bool *forced_other, bool *forced_closed);

#endif
