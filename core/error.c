/* error.c - error texts, exit codes and the first-failure-wins context. */
#include "core/error.h"
#include "core/error_int.h"

#include "core/msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static ps_msg_id error_msg(ps_error err)
{
    switch (err) {
    case PS_OK: return PS_M_E_OK;
    case PS_ERR_USAGE: return PS_M_E_USAGE;
    case PS_ERR_REFUSED: return PS_M_E_REFUSED;
    case PS_ERR_CHECK: return PS_M_E_CHECK;
    case PS_ERR_IO: return PS_M_E_IO;
    case PS_ERR_DB: return PS_M_E_DB;
    case PS_ERR_BUSY: return PS_M_E_BUSY;
    case PS_ERR_NOT_FOUND: return PS_M_E_NOT_FOUND;
    case PS_ERR_SCHEMA: return PS_M_E_SCHEMA;
    case PS_ERR_LIMIT: return PS_M_E_LIMIT;
    case PS_ERR_INTERNAL: return PS_M_E_INTERNAL;
    case PS_ERR_COUNT_: break;
    }
    return PS_M_E_UNKNOWN;
}

const char *ps_strerror(ps_error err)
{
    return ps_msg(error_msg(err));
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

static ps_error fail(ps_ctx *ctx, ps_error err, const char *fmt, va_list ap)
{
    if (!ctx || ctx->msg[0])
        return err;
    PS_TABLE_FORMAT_BEGIN
    vsnprintf(ctx->msg, sizeof ctx->msg, fmt, ap);
    PS_TABLE_FORMAT_END
    ctx->err = err;
    return err;
}

ps_error ps_failf(ps_ctx *ctx, ps_error err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail(ctx, err, fmt, ap);
    va_end(ap);
    return err;
}

ps_error ps_failm(ps_ctx *ctx, ps_error err, ps_msg_id msg, ...)
{
    va_list ap;
    va_start(ap, msg);
    fail(ctx, err, ps_msg(msg), ap);
    va_end(ap);
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
