/* error.c - error texts, exit codes and the first-failure-wins context. */
#include "core/error.h"
#include "core/error_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *ps_strerror(ps_error err)
{
    switch (err) {
    case PS_OK: return "no error";
    case PS_ERR_USAGE: return "wrong usage";
    case PS_ERR_REFUSED: return "data refused";
    case PS_ERR_CHECK: return "a check found problems";
    case PS_ERR_IO: return "file error";
    case PS_ERR_DB: return "database error";
    case PS_ERR_BUSY: return "the database is locked by another process";
    case PS_ERR_NOT_FOUND: return "not found";
    case PS_ERR_SCHEMA: return "not a provstat database, or made by a newer provstat";
    case PS_ERR_LIMIT: return "an output limit was reached";
    case PS_ERR_INTERNAL: return "internal error";
    case PS_ERR_COUNT_: break;
    }
    return "unknown error";
}

int ps_exit_code(ps_error err)
{
    switch (err) {
    case PS_OK: return 0;
    case PS_ERR_REFUSED:
    case PS_ERR_CHECK: return 1;
    case PS_ERR_USAGE:
    case PS_ERR_NOT_FOUND: return 2;
    case PS_ERR_IO:
    case PS_ERR_DB:
    case PS_ERR_BUSY:
    case PS_ERR_SCHEMA:
    case PS_ERR_LIMIT:
    case PS_ERR_INTERNAL:
    case PS_ERR_COUNT_: return 3;
    }
    return 3;
}

ps_error ps_failf(ps_ctx *ctx, ps_error err, const char *fmt, ...)
{
    if (!ctx || ctx->msg[0])
        return err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->msg, sizeof ctx->msg, fmt, ap);
    va_end(ap);
    ctx->err = err;
    return err;
}

void ps_ctx_clear(ps_ctx *ctx)
{
    ctx->err = PS_OK;
    ctx->msg[0] = '\0';
}

const char *ps_ctx_message(const ps_ctx *ctx)
{
    return ctx->msg[0] ? ctx->msg : ps_strerror(ctx->err);
}
