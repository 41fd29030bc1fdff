/* test_input.c - a file read once: peeked, consumed, hashed and handed to
 * a sink as it goes, from a regular file and from a pipe (core/input.h). */
#include "check.h"

#include "core/alloc.h"
#include "core/error_int.h"
#include "core/input.h"
#include "core/strbuf.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* sha256("abc") and sha256("") (FIPS 180-2). */
#define SHA_ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static char *temp_file(const void *bytes, size_t n)
{
    char *path = ps_xstrdup("/tmp/provstat-test-input-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK(write(fd, bytes, n) == (ssize_t)n);
    close(fd);
    return path;
}

/* A sink that appends to a strbuf, failing once it holds more than `fail_after` bytes. */
typedef struct kept {
    ps_strbuf sb;
    size_t fail_after;
    int calls;
} kept;

static ps_error keep(void *arg, const void *data, size_t n, ps_ctx *ctx)
{
    kept *k = arg;
    k->calls++;
    ps_sb_append(&k->sb, data, n);
    if (k->fail_after && k->sb.len > k->fail_after)
        return ps_failf(ctx, PS_ERR_DB, "the sink is full");
    return PS_OK;
}

/* n bytes of a pattern that is not periodic in 64 KiB. */
static unsigned char *pattern(size_t n)
{
    unsigned char *p = ps_xmalloc(n);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)((i * 7 + i / 251) & 0xff);
    return p;
}

TEST(peek_then_next_hashes_and_sinks_each_byte_once)
{
    char *path = temp_file("abc", 3);
    ps_ctx ctx = {0};
    ps_input *in = NULL;
    CHECK_INT(ps_input_open(&in, path, NULL, &ctx), PS_OK);
    CHECK_STR(ps_input_label(in), path);
    CHECK_INT(ps_input_size(in), 3);
    const unsigned char *head;
    size_t n;
    CHECK_INT(ps_input_peek(in, 2, &head, &n, &ctx), PS_OK);
    CHECK_INT(n, 2);
    CHECK(memcmp(head, "ab", 2) == 0);
    CHECK_INT(ps_input_bytes(in), 0);
    kept k = {PS_STRBUF_INIT, 0, 0};
    ps_input_set_sink(in, keep, &k); /* set after the peek: still sees every byte */
    const char *p;
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_OK);
    CHECK_INT(n, 3);
    CHECK(memcmp(p, "abc", 3) == 0);
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_OK);
    CHECK_INT(n, 0);
    CHECK_INT(ps_input_bytes(in), 3);
    CHECK_STR(ps_sb_str(&k.sb), "abc");
    char hex[PS_SHA256_HEX];
    ps_input_sha256(in, hex);
    CHECK_STR(hex, SHA_ABC);
    ps_input_close(in);
    ps_sb_free(&k.sb);
    unlink(path);
    free(path);
}

TEST(empty_file)
{
    char *path = temp_file("", 0);
    ps_ctx ctx = {0};
    ps_input *in = NULL;
    CHECK_INT(ps_input_open(&in, path, "label.csv", &ctx), PS_OK);
    CHECK_STR(ps_input_label(in), "label.csv");
    const char *p;
    size_t n = 9;
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_OK);
    CHECK_INT(n, 0);
    char hex[PS_SHA256_HEX];
    ps_input_sha256(in, hex);
    CHECK_STR(hex, SHA_EMPTY);
    ps_input_close(in);
    unlink(path);
    free(path);
}

/* Writes n bytes of data into a pipe from a child process; returns the
 * read end as a path (/dev/fd/N) and the child's pid. */
static pid_t pipe_from_child(const unsigned char *data, size_t n, char path[32])
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        size_t done = 0;
        while (done < n) {
            size_t chunk = n - done < 1000 ? n - done : 1000; /* small writes: short reads */
            ssize_t w = write(fds[1], data + done, chunk);
            if (w <= 0)
                _exit(1);
            done += (size_t)w;
        }
        _exit(0);
    }
    close(fds[1]);
    snprintf(path, 32, "/dev/fd/%d", fds[0]);
    return pid;
}

TEST(pipe_read_once_whole)
{
    size_t size = 300 * 1000;
    unsigned char *data = pattern(size);
    char path[32];
    pid_t pid = pipe_from_child(data, size, path);
    int fd = atoi(path + 8);
    ps_ctx ctx = {0};
    ps_input *in = NULL;
    CHECK_INT(ps_input_open(&in, path, NULL, &ctx), PS_OK);
    close(fd); /* the input opened its own descriptor of the pipe */
    CHECK_INT(ps_input_size(in), 0);
    kept k = {PS_STRBUF_INIT, 0, 0};
    ps_input_set_sink(in, keep, &k);
    const unsigned char *head;
    size_t n;
    CHECK_INT(ps_input_peek(in, 4096, &head, &n, &ctx), PS_OK);
    CHECK_INT(n, 4096);
    CHECK(memcmp(head, data, 4096) == 0);
    unsigned char *all = NULL;
    CHECK_INT(ps_input_slurp(in, 1 << 20, &all, &n, &ctx), PS_OK);
    CHECK_INT(n, size);
    CHECK(all && memcmp(all, data, size) == 0);
    CHECK_INT(k.sb.len, size);
    CHECK(memcmp(k.sb.buf, data, size) == 0);
    CHECK(k.calls > 1);
    /* the pipe is not read again by ps_input_finish: it is at its end */
    CHECK_INT(ps_input_finish(in, &ctx), PS_OK);
    CHECK_INT(ps_input_bytes(in), size);
    ps_input_close(in);
    int st;
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    free(all);
    free(data);
    ps_sb_free(&k.sb);
}

TEST(slurp_refuses_more_than_its_bound)
{
    size_t size = 1200 * 1000;
    unsigned char *data = pattern(size);
    char *path = temp_file(data, size);
    ps_ctx ctx = {0};
    ps_input *in = NULL;
    CHECK_INT(ps_input_open(&in, path, "big.xlsx", &ctx), PS_OK);
    unsigned char *all = (unsigned char *)&ctx;
    size_t n = 1;
    CHECK_INT(ps_input_slurp(in, 1 << 20, &all, &n, &ctx), PS_ERR_IO);
    CHECK(all == NULL);
    CHECK_INT(n, 0);
    CHECK_STR(ctx.msg, "big.xlsx is larger than 1 MiB, the most provstat reads at once");
    ps_input_close(in);
    /* within the bound: the whole file, NUL-terminated */
    ps_ctx_clear(&ctx);
    CHECK_INT(ps_input_open(&in, path, NULL, &ctx), PS_OK);
    CHECK_INT(ps_input_slurp(in, 2 << 20, &all, &n, &ctx), PS_OK);
    CHECK_INT(n, size);
    CHECK(all && memcmp(all, data, size) == 0 && all[size] == 0);
    ps_input_close(in);
    free(all);
    free(data);
    unlink(path);
    free(path);
}

TEST(finish_reads_the_rest_of_a_regular_file)
{
    size_t size = 150 * 1000;
    unsigned char *data = pattern(size);
    char *path = temp_file(data, size);
    ps_ctx ctx = {0};
    ps_input *in = NULL;
    CHECK_INT(ps_input_open(&in, path, NULL, &ctx), PS_OK);
    const char *p;
    size_t n;
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_OK);
    CHECK(n > 0 && n < size);
    CHECK_INT(ps_input_finish(in, &ctx), PS_OK);
    CHECK_INT(ps_input_bytes(in), size);
    char hex[PS_SHA256_HEX], whole[PS_SHA256_HEX];
    ps_input_sha256(in, hex);
    ps_sha256 *h = ps_sha256_new(&ctx);
    ps_sha256_update(h, data, size);
    ps_sha256_hex(h, whole);
    ps_sha256_free(h);
    CHECK_STR(hex, whole);
    ps_input_close(in);
    free(data);
    unlink(path);
    free(path);
}

TEST(a_failing_sink_stops_the_input)
{
    size_t size = 200 * 1000;
    unsigned char *data = pattern(size);
    char *path = temp_file(data, size);
    ps_ctx ctx = {0};
    ps_input *in = NULL;
    CHECK_INT(ps_input_open(&in, path, NULL, &ctx), PS_OK);
    kept k = {PS_STRBUF_INIT, 70000, 0};
    ps_input_set_sink(in, keep, &k);
    const char *p;
    size_t n;
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_OK);
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_ERR_DB);
    CHECK_STR(ctx.msg, "the sink is full");
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_ERR_DB);
    CHECK_INT(n, 0);
    CHECK_INT(ps_input_finish(in, &ctx), PS_ERR_DB);
    CHECK_INT(k.calls, 2);
    ps_input_close(in);
    ps_sb_free(&k.sb);
    free(data);
    unlink(path);
    free(path);
}

TEST(open_errors)
{
    ps_ctx ctx = {0};
    ps_input *in = (ps_input *)&ctx;
    CHECK_INT(ps_input_open(&in, "/nonexistent/x.csv", NULL, &ctx), PS_ERR_IO);
    CHECK(in == NULL);
    CHECK_STR(ctx.msg, "cannot open /nonexistent/x.csv: No such file or directory");
    ps_ctx_clear(&ctx);
    CHECK_INT(ps_input_open(&in, "/tmp", NULL, &ctx), PS_ERR_IO);
    CHECK_STR(ctx.msg, "cannot open /tmp: Is a directory");
    ps_input_close(NULL);
}

TEST(read_error)
{
    /* standard input open for writing only: it opens, and reading fails */
    int saved = dup(0);
    int fd = open("/dev/null", O_WRONLY);
    CHECK(fd >= 0 && dup2(fd, 0) == 0);
    close(fd);
    ps_ctx ctx = {0};
    ps_input *in = NULL;
    CHECK_INT(ps_input_open(&in, "-", NULL, &ctx), PS_OK);
    const unsigned char *head;
    size_t n;
    CHECK_INT(ps_input_peek(in, 3, &head, &n, &ctx), PS_ERR_IO);
    CHECK_STR(ctx.msg, "cannot read (stdin): Bad file descriptor");
    const char *p;
    CHECK_INT(ps_input_next(in, &p, &n, &ctx), PS_ERR_IO);
    ps_input_close(in);
    dup2(saved, 0);
    close(saved);
}

int main(void)
{
    RUN(peek_then_next_hashes_and_sinks_each_byte_once);
    RUN(empty_file);
    RUN(pipe_read_once_whole);
    RUN(slurp_refuses_more_than_its_bound);
    RUN(finish_reads_the_rest_of_a_regular_file);
    RUN(a_failing_sink_stops_the_input);
    RUN(open_errors);
    RUN(read_error);
    return check_done();
}
