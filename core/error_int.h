/* error_int.h - what only the error module and its tests use (the rest goes through ps_ctx_message). */
#ifndef PS_ERROR_INT_H
#define PS_ERROR_INT_H

#include "core/error.h"

/* Returns a static, one-line description of err (never NULL). */
const char *ps_strerror(ps_error err);


#endif
