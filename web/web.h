/* web.h - the web portal (SPEC §9): `provstat serve`.
 *
 * web/ is the portal's layer, beside cli/: it only calls the library, as
 * the command line does, and writes nothing but its log (one line per
 * request on standard error). It serves plain HTML on libmicrohttpd with a
 * pool of threads; each thread has its own database connection and engine.
 */
#ifndef PS_WEB_H
#define PS_WEB_H

#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ps_web_opts {
    const char *db_path;
    const char *listen;        /* "ADDR:PORT"; NULL: 127.0.0.1:8080; port 0: any free one */
    size_t max_upload;         /* bytes; 0: 20 MiB */
    bool secure_cookies;       /* cookies marked Secure (behind a TLS proxy) */
    int threads;               /* 0: 4 */
    /* called once listening, with the port (for tests that ask for port 0) */
    void (*ready)(int port, void *arg);
    void *ready_arg;
} ps_web_opts;

typedef struct ps_web_server ps_web_server;

/* Starts serving in the background (the server's own threads) and returns:
 * for tests and fuzzing, which stop it themselves. Errors as ps_web_serve. */
ps_error ps_web_start(const ps_web_opts *opts, ps_web_server **out, ps_ctx *ctx);
/* The port it listens on (the one chosen when the address asked for 0). */
int ps_web_port(const ps_web_server *s);
/* Stops listening, finishes the requests in flight, stops; NULL does nothing. */
void ps_web_stop(ps_web_server *s);

/* Serves until SIGINT or SIGTERM, then finishes the requests in flight and
 * returns PS_OK. PS_ERR_USAGE for a bad listen address, PS_ERR_IO when it
 * cannot listen, PS_ERR_DB when the database cannot be opened. */
ps_error ps_web_serve(const ps_web_opts *opts, ps_ctx *ctx);

#endif
