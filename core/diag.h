/* diag.h - diagnostics: problems found in data, kept in a list.
 *
 * Bad data is reported, not raised: every problem of a file becomes one
 * ps_diag in a ps_diags list and processing goes on. The command-line layer
 * prints them as `path:line:column: error: message` and writes the same list
 * to --errors-csv. Codes come from core/diag_codes.def and are stable.
 */
#ifndef PS_DIAG_H
#define PS_DIAG_H

#include "core/msg.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum ps_diag_code {
#define X(id, code) PS_D_##id,
#include "core/diag_codes.def"
#undef X
    PS_D_COUNT_
} ps_diag_code;

typedef enum ps_severity { PS_SEV_ERROR = 0, PS_SEV_WARNING = 1 } ps_severity;

typedef struct ps_diag {
    char *path;      /* as given by the user; owned */
    long line;       /* physical line where the record starts; 0 = whole file */
    int column;      /* 1-based field number; 0 = whole row */
    ps_severity severity;
    ps_diag_code code;
    char *message;   /* owned, one line */
    char *value;     /* the offending text, owned; may be NULL */
} ps_diag;

typedef struct ps_diag_spill ps_diag_spill;

/* A list of diagnostics. Beyond a bound (16,384) the older ones go to a
 * temporary file (core/diag_spill.c), so that a file with millions of
 * problems is listed in bounded memory: v[0..n) are the ones still in
 * memory, the newest; nerr and nwarn count them all. Read them all with
 * ps_diags_each. */
typedef struct ps_diags {
    ps_diag *v;
    size_t n, cap;
    size_t nerr, nwarn;
    ps_diag_spill *spill;   /* NULL: all are in v */
    char sheet[128];        /* "": none; else a workbook's sheet, named with the
                               cell after each message added: " (Dữ liệu!C12)" */
} ps_diags;

void ps_diags_init(ps_diags *d);
void ps_diags_free(ps_diags *d);
/* Appends a diagnostic; path, value and the formatted message are copied.
 * fmt NULL: the code's default text (PS_M_D_<CODE>). For a text of the program use
 * ps_diag_msg; this form is for texts that come with the data (a rule's
 * message_vi / message_en). */
void ps_diag_add(ps_diags *d, const char *path, long line, int column,
                 ps_severity sev, ps_diag_code code, const char *value,
                 const char *fmt, ...) __attribute__((format(printf, 8, 9)));
/* The same with the message msg (core/msg.h) formatted in the thread's
 * current language with the arguments that follow. */
void ps_diag_msg(ps_diags *d, const char *path, long line, int column,
                 ps_severity sev, ps_diag_code code, const char *value,
                 ps_msg_id msg, ...);
/* From now on, diagnostics added with a line name the cell of that line
 * and column in the workbook's sheet after their message (SPEC §3): line
 * is the sheet's row and column the cell's column, " (Dữ liệu!C12)", or
 * the row for column 0, " (Dữ liệu!12:12)". NULL or "": no more. */
void ps_diags_set_sheet(ps_diags *d, const char *sheet);

/* Writes every diagnostic as the errors CSV of SPEC §4 (header
 * file,line,column,severity,code,message,value; text a spreadsheet would
 * read as a formula guarded), after a UTF-8 byte-order mark when bom. */
void ps_diags_write_csv(const ps_diags *d, FILE *f, bool bom);

/* Moves every diagnostic of src to the end of dst; src is left empty. */
void ps_diags_move(ps_diags *dst, ps_diags *src);
/* The same for the diagnostics i of src for which keep(i, arg) is true;
 * the others are freed. */
void ps_diags_move_if(ps_diags *dst, ps_diags *src, bool (*keep)(size_t i, void *arg), void *arg);
/* Sorts by path, line, column, keeping the order of equal positions. */
void ps_diags_sort(ps_diags *d);
/* Calls fn(x, arg) for every diagnostic, in the list's order (x valid
 * during the call only). */
void ps_diags_each(const ps_diags *d, void (*fn)(const ps_diag *x, void *arg), void *arg);

/* "unknown-unit" etc. */
const char *ps_diag_code_name(ps_diag_code code);
const char *ps_severity_name(ps_severity sev);

#endif
