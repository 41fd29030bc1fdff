/* server.c - `provstat serve` on libmicrohttpd: listening, the request's
 * life (fields, upload, session, page, response, log line) and the
 * graceful stop on SIGINT/SIGTERM (SPEC §9). */
#include "web/app.h"

#include "core/msg.h"
#include "web/form.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (long long)tv.tv_sec * 1000000 + tv.tv_usec;
}

/* "ADDR:PORT" into an IPv4 socket address; false when it is not one. */
static bool parse_listen(const char *s, struct sockaddr_in *sa)
{
    char addr[64];
    const char *colon = strrchr(s, ':');
    if (!colon || (size_t)(colon - s) >= sizeof addr)
        return false;
    memcpy(addr, s, (size_t)(colon - s));
    addr[colon - s] = '\0';
    char *end;
    errno = 0;
    long port = strtol(colon + 1, &end, 10);
    if (errno || *end || end == colon + 1 || port < 0 || port > 65535)
        return false;
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    return inet_pton(AF_INET, addr, &sa->sin_addr) == 1;
}

/* One log line: time, login, method, path, status, milliseconds. Never a
 * query, a cookie or a form field (they may hold tokens or passwords). */
static void log_request(const ps_web_req *r)
{
    char when[32];
    time_t t = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", localtime_r(&t, &tm));
    long long ms = (now_us() - r->started_us) / 1000;
    fprintf(stderr, "%s %s %s %s %d %lld\n", when, r->logged_in ? r->who.account.login : "-", r->method,
            r->path, r->status, ms);
}

static void request_free(ps_web_req *r)
{
    ps_web_form_end(r);
    for (int i = 0; i < r->nfields; i++) {
        free(r->fields[i].name);
        free(r->fields[i].value);
    }
    for (int i = 0; i < r->ncookies; i++)
        free(r->set_cookie[i]);
    if (r->resp_fd >= 0)
        close(r->resp_fd);
    free(r->disposition);
    free(r->location);
    free(r->path);
    ps_html_free(&r->body);
    free(r);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)c;
    (void)toe;
    ps_web_app *app = cls;
    ps_web_req *r = *con_cls;
    if (!r)
        return;
    log_request(r);
    request_free(r);
    *con_cls = NULL;
    pthread_mutex_lock(&app->lock);
    if (--app->in_flight == 0)
        pthread_cond_broadcast(&app->idle);
    pthread_mutex_unlock(&app->lock);
}

static ps_web_req *request_new(ps_web_app *app, struct MHD_Connection *c, const char *url, const char *method)
{
    ps_web_req *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->app = app;
    r->conn = c;
    r->method = strcmp(method, "POST") == 0 ? "POST" : strcmp(method, "GET") == 0 ? "GET" : "OTHER";
    r->path = strdup(url);
    r->started_us = now_us();
    r->upload_fd = -1;
    r->resp_fd = -1;
    r->status = 200;
    r->content_type = "text/html; charset=utf-8";
    ps_html_init(&r->body);
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr, r->from,
                  sizeof r->from);
    pthread_mutex_lock(&app->lock);
    app->in_flight++;
    pthread_mutex_unlock(&app->lock);
    return r;
}

/* The headers every answer carries (SPEC §9). */
static void security_headers(struct MHD_Response *resp)
{
    MHD_add_response_header(resp, "Content-Security-Policy", "default-src 'self'");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
}

static enum MHD_Result respond(ps_web_req *r)
{
    struct MHD_Response *resp;
    if (r->resp_fd >= 0) {
        off_t size = lseek(r->resp_fd, 0, SEEK_END);
        resp = MHD_create_response_from_fd((uint64_t)(size < 0 ? 0 : size), r->resp_fd);
        r->resp_fd = -1; /* libmicrohttpd closes it */
    } else {
        resp = MHD_create_response_from_buffer(r->body.sb.len, (void *)ps_sb_str(&r->body.sb), MHD_RESPMEM_MUST_COPY);
    }
    if (!resp)
        return MHD_NO;
    security_headers(resp);
    MHD_add_response_header(resp, "Content-Type", r->content_type);
    if (r->disposition)
        MHD_add_response_header(resp, "Content-Disposition", r->disposition);
    if (r->location)
        MHD_add_response_header(resp, "Location", r->location);
    for (int i = 0; i < r->ncookies; i++)
        MHD_add_response_header(resp, "Set-Cookie", r->set_cookie[i]);
    enum MHD_Result ok = MHD_queue_response(r->conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
    (void)version;
    ps_web_app *app = cls;
    ps_web_req *r = *con_cls;
    if (!r) {
        if (!(r = request_new(app, c, url, method)))
            return MHD_NO;
        *con_cls = r;
        if (!ps_web_form_begin(r)) { /* a body declared above the limit: answered before it is read */
            ps_web_route(r);
            return respond(r);
        }
        return MHD_YES;
    }
    if (*upload_size) {
        ps_web_form_data(r, upload_data, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    ps_web_form_finish(r);
    ps_web_route(r);
    return respond(r);
}

/* Waits for SIGINT or SIGTERM (blocked in every thread by ps_web_serve). */
static void wait_for_stop(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    int sig;
    while (sigwait(&set, &sig) != 0)
        ;
}

/* After the listening socket is closed: the requests in flight finish
 * (at most 60 s). */
static void drain(ps_web_app *app)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 60;
    pthread_mutex_lock(&app->lock);
    while (app->in_flight > 0 && pthread_cond_timedwait(&app->idle, &app->lock, &until) == 0)
        ;
    pthread_mutex_unlock(&app->lock);
}

static struct MHD_Daemon *start(ps_web_app *app, struct sockaddr_in *sa)
{
    return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC, 0, NULL, NULL, answer,
                            app, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)sa, MHD_OPTION_THREAD_POOL_SIZE,
                            (unsigned)(app->o.threads > 0 ? app->o.threads : 4), MHD_OPTION_NOTIFY_COMPLETED,
                            completed, app, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(256 * 1024), MHD_OPTION_END);
}

struct ps_web_server {
    ps_web_app app;
    struct MHD_Daemon *d;
    int port;
};

ps_error ps_web_start(const ps_web_opts *opts, ps_web_server **out, ps_ctx *ctx)
{
    *out = NULL;
    const char *listen = opts->listen ? opts->listen : "127.0.0.1:8080";
    struct sockaddr_in sa;
    if (!parse_listen(listen, &sa))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_SERVE_BAD_LISTEN, listen);
    ps_web_server *s = calloc(1, sizeof *s);
    if (!s)
        return ps_failm(ctx, PS_ERR_IO, PS_M_SERVE_OOM);
    ps_web_app *app = &s->app;
    app->o = *opts;
    app->max_upload = opts->max_upload ? opts->max_upload : (size_t)20 << 20;
    ps_error err = ps_password_init(ctx);
    if (err || (err = ps_web_tmpdir(app->tmpdir, sizeof app->tmpdir, ctx))) {
        free(s);
        return err;
    }
    pthread_mutex_init(&app->lock, NULL);
    pthread_cond_init(&app->idle, NULL);
    if (!(s->d = start(app, &sa))) {
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SERVE_CANNOT_LISTEN, listen,
                       strerror(errno));
        rmdir(app->tmpdir);
        free(s);
        return err;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : ntohs(sa.sin_port);
    *out = s;
    return PS_OK;
}

int ps_web_port(const ps_web_server *s)
{
    return s->port;
}

void ps_web_stop(ps_web_server *s)
{
    if (!s)
        return;
    MHD_quiesce_daemon(s->d);
    drain(&s->app);
    MHD_stop_daemon(s->d);
    rmdir(s->app.tmpdir);
    pthread_mutex_destroy(&s->app.lock);
    pthread_cond_destroy(&s->app.idle);
    free(s);
}

ps_error ps_web_serve(const ps_web_opts *opts, ps_ctx *ctx)
{
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &old); /* the server's threads inherit it */
    ps_web_server *s;
    ps_error err = ps_web_start(opts, &s, ctx);
    if (!err) {
        if (opts->ready)
            opts->ready(s->port, opts->ready_arg);
        wait_for_stop();
        ps_web_stop(s);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return err;
}
