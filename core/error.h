/* error.h - one error enum, its texts, its exit codes, and the error context.
 *
 * Library functions that can fail return a ps_error and, through ps_failf(),
 * leave one line of explanation in a ps_ctx. The first failure wins: a later
 * ps_failf() does not overwrite the message. The command-line layer prints
 * "provstat: <message>" (ps_ctx_message: a generic text when no message was set) and exits
 * with ps_exit_code().
 *
 * Bad *data* is not an error of this kind: it becomes diagnostics (diag.h).
 * Codes are never renumbered; tests/unit/core/test_error.c keeps the enum and
 * the texts in step.
 */
#ifndef PS_ERROR_H
#define PS_ERROR_H

#include "core/msg.h"

#include <stddef.h>

typedef enum ps_error {
    PS_OK = 0,
    PS_ERR_USAGE = 1,      /* wrong command-line use or option value */
    PS_ERR_REFUSED = 2,    /* data refused (diagnostics say why) */
    PS_ERR_CHECK = 3,      /* a check found problems */
    PS_ERR_IO = 4,         /* a file could not be opened, read or written */
    PS_ERR_DB = 5,         /* the database failed */
    PS_ERR_BUSY = 6,       /* the database stayed locked by another process */
    PS_ERR_NOT_FOUND = 7,  /* a named unit, indicator, reporter… does not exist */
    PS_ERR_SCHEMA = 8,     /* the database is not a provstat database or too new */
    PS_ERR_LIMIT = 9,      /* an output limit (Excel rows, cell size) was hit */
    PS_ERR_INTERNAL = 10,  /* a bug: an impossible state was reached */
    PS_ERR_COUNT_          /* number of codes; not a code */
} ps_error;

/* Returns the process exit status for err: 0 done, 1 data refused or check
 * failed, 2 wrong usage, 3 file or database error. */
int ps_exit_code(ps_error err);

/* The error context: the first failure's message. Zero it to initialise. */
typedef struct ps_ctx {
    ps_error err;
    char msg[1024];
} ps_ctx;

/* Records err and a formatted one-line message (no trailing newline) in ctx
 * unless a message is already there; returns err so callers can write
 * `return ps_failf(ctx, PS_ERR_IO, "cannot open %s: %s", path, strerror(e));`.
 * ctx may be NULL. */
ps_error ps_failf(ps_ctx *ctx, ps_error err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The same with the message msg (core/msg.h), formatted in the thread's
 * current language with the arguments that follow. */
ps_error ps_failm(ps_ctx *ctx, ps_error err, ps_msg_id msg, ...);

/* The message to show for ctx: its own message, else a static one-line
 * description of ctx->err (never NULL). */
const char *ps_ctx_message(const ps_ctx *ctx);
/* Forgets any recorded failure: for a caller that handled it (turned a
 * refused file into a diagnostic, say) and goes on. */
void ps_ctx_clear(ps_ctx *ctx);

#endif
