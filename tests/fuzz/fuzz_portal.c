/* fuzz_portal.c - the portal's handling of whole HTTP requests (SPEC §9).
 *
 * Once: a database of the catalog tests/data/catalogs/small with an office's
 * account, a session opened for it through the library, and `provstat
 * serve`'s server started on a free loopback port in this process. Each
 * input is sent as the raw bytes of a request on a new connection; in it,
 * "{S}" is replaced by the session's token and "{C}" by its CSRF token, so
 * inputs reach the pages behind the login, the forms and the uploads. The
 * answer is read to the end. Properties: the server answers (or closes) every
 * connection within 10 s, every answer carries the security headers, and it
 * keeps serving: after each input a plain GET /login answers 200.
 */
#include "access/accounts.h"
#include "access/login.h"
#include "core/catalog.h"
#include "ingest/change.h"
#include "store/db.h"
#include "util.h"
#include "web/web.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ps_web_server *server;
static int port;
static char token[PS_TOKEN_HEX], csrf[PS_TOKEN_HEX];

static void setup(void)
{
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_catalog *cat = NULL;
    const char *dir = PS_SOURCE_DIR "/tests/data/catalogs/small";
    FUZZ_ASSERT(ps_catalog_read_dir(&cat, dir, &d, &ctx) == PS_OK, "catalog %s: %s", dir, ctx.msg);
    static char path[200];
    snprintf(path, sizeof path, "%s/portal.db", fuzz_dir());
    ps_db *db = NULL;
    ps_db_opts o = {.create = true};
    FUZZ_ASSERT(ps_db_open(&db, path, &o, &ctx) == PS_OK, "%s", ctx.msg);
    const char *paths[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    FUZZ_ASSERT(ps_change_catalog(db, cat, paths, &d, &ctx) == PS_OK, "%s", ctx.msg);
    FUZZ_ASSERT(ps_account_create(db, cat, "ana", PS_ROLE_OFFICE, "CTK_HL", "fuzz-password-1", NULL, &ctx) == PS_OK,
                "%s", ctx.msg);
    ps_login_outcome out;
    FUZZ_ASSERT(ps_login(db, "ana", "fuzz-password-1", (long long)time(NULL), "fuzz", &out, token, &ctx) == PS_OK &&
                    out == PS_LOGIN_OK,
                "login: %s", ctx.msg);
    ps_who who;
    bool valid;
    FUZZ_ASSERT(ps_login_session(db, token, (long long)time(NULL), &who, &valid, &ctx) == PS_OK && valid, "session");
    memcpy(csrf, who.csrf, sizeof csrf);
    ps_db_close(db);
    ps_catalog_free(cat);
    ps_diags_free(&d);
    ps_web_opts wo = {.db_path = path, .listen = "127.0.0.1:0", .max_upload = 1 << 20, .threads = 2};
    FUZZ_ASSERT(ps_web_start(&wo, &server, &ctx) == PS_OK, "start: %s", ctx.msg);
    port = ps_web_port(server);
}

/* The input with {S} and {C} replaced; *n its length. */
static char *expand(const uint8_t *data, size_t size, size_t *n)
{
    char *out = malloc(size * 22 + 1); /* each 3-byte mark may become 64 bytes */
    FUZZ_ASSERT(out != NULL, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < size; i++) {
        if (i + 2 < size && data[i] == '{' && data[i + 2] == '}' && (data[i + 1] == 'S' || data[i + 1] == 'C')) {
            const char *t = data[i + 1] == 'S' ? token : csrf;
            memcpy(out + k, t, 64);
            k += 64;
            i += 2;
        } else {
            out[k++] = (char)data[i];
        }
    }
    *n = k;
    return out;
}

/* Sends the bytes on a new connection and reads the whole answer (at most
 * 1 MiB kept) into buf; returns its length. */
static size_t exchange(const char *req, size_t n, char *buf, size_t cap)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    FUZZ_ASSERT(fd >= 0, "socket");
    /* closed with a reset, so that millions of inputs leave no TIME_WAIT
     * behind to use up the loopback's ports */
    struct linger lg = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    int rc = connect(fd, (struct sockaddr *)&sa, sizeof sa);
    if (rc != 0 && errno == EINTR) { /* a signal of libFuzzer's: the connection goes on; wait for it */
        struct pollfd w = {fd, POLLOUT, 0};
        int soerr = 0;
        socklen_t len = sizeof soerr;
        while (poll(&w, 1, 10000) < 0 && errno == EINTR)
            ;
        rc = getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) == 0 && soerr == 0 ? 0 : -1;
    }
    FUZZ_ASSERT(rc == 0, "connect to the server: %s", strerror(errno));
    for (size_t done = 0; done < n;) {
        ssize_t w = send(fd, req + done, n - done, MSG_NOSIGNAL);
        if (w <= 0)
            break; /* the server may close early: it refused the request */
        done += (size_t)w;
    }
    shutdown(fd, SHUT_WR);
    size_t got = 0;
    struct pollfd p = {fd, POLLIN, 0};
    time_t until = time(NULL) + 10;
    for (;;) {
        FUZZ_ASSERT(time(NULL) <= until, "no answer within 10 s");
        if (poll(&p, 1, 1000) <= 0)
            continue;
        char tmp[8192];
        ssize_t r = recv(fd, tmp, sizeof tmp, 0);
        if (r <= 0)
            break;
        size_t keep = (size_t)r < cap - 1 - got ? (size_t)r : cap - 1 - got;
        memcpy(buf + got, tmp, keep);
        got += keep;
    }
    close(fd);
    buf[got] = '\0';
    return got;
}

/* A status libmicrohttpd answers by itself, before provstat sees the
 * request (a malformed request, a body or headers beyond its limits, an
 * HTTP version it does not speak): such answers carry no page of ours. */
static bool library_refusal(const char *status)
{
    static const char *const own[] = {"400", "413", "414", "417", "431", "505"};
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        if (strncmp(status, own[i], 3) == 0)
            return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!server)
        setup();
    static char answer[1 << 20];
    size_t n;
    char *req = expand(data, size, &n);
    size_t got = exchange(req, n, answer, sizeof answer);
    free(req);
    if (got > 12 && strncmp(answer, "HTTP/1.1 ", 9) == 0 && !library_refusal(answer + 9))
        FUZZ_ASSERT(strstr(answer, "X-Frame-Options: DENY") && strstr(answer, "Content-Security-Policy"),
                    "an answer without the security headers: %.200s", answer);
    static const char ping[] = "GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    got = exchange(ping, sizeof ping - 1, answer, sizeof answer);
    FUZZ_ASSERT(got > 12 && strncmp(answer, "HTTP/1.1 200", 12) == 0, "the server stopped answering: %.200s",
                answer);
    return 0;
}
