/* input.c - a file read once, as a stream: hashed and handed on as it goes (input.h). */
#include "core/input.h"

#include "core/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ps_input {
    int fd;
    bool own_fd;
    bool regular;
    long long size;
    char *label;
    ps_sha256 *hash;
    ps_input_sink *sink;
    void *sink_arg;
    char *buf;              /* PS_INPUT_BLOCK bytes; the unconsumed ones are buf[start..end) */
    size_t start, end;
    bool eof;
    ps_error err;           /* a read or the sink failed: every later call returns it */
    long long consumed;
};

ps_error ps_input_open(ps_input **out, const char *path, const char *label, ps_ctx *ctx)
{
    *out = NULL;
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ps_failm(ctx, PS_ERR_IO, PS_M_CSV_CANNOT_OPEN, path, strerror(errno));
    struct stat st;
    bool regular = false;
    long long size = 0;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            if (!is_stdin)
                close(fd);
            return ps_failm(ctx, PS_ERR_IO, PS_M_CSV_CANNOT_OPEN, path, strerror(EISDIR));
        }
        regular = S_ISREG(st.st_mode);
        size = regular ? (long long)st.st_size : 0;
    }
    ps_sha256 *hash = ps_sha256_new(ctx);
    if (!hash) {
        if (!is_stdin)
            close(fd);
        return PS_ERR_INTERNAL;
    }
    ps_input *in = ps_xcalloc(1, sizeof *in);
    in->fd = fd;
    in->own_fd = !is_stdin;
    in->regular = regular;
    in->size = size;
    in->label = ps_xstrdup(label ? label : is_stdin ? "(stdin)" : path);
    in->hash = hash;
    in->buf = ps_xmalloc(PS_INPUT_BLOCK);
    *out = in;
    return PS_OK;
}

void ps_input_set_sink(ps_input *in, ps_input_sink *fn, void *arg)
{
    in->sink = fn;
    in->sink_arg = arg;
}

/* ------------------------------------------------------------------------
 * Reading and consuming
 * ------------------------------------------------------------------------ */

/* Appends what one read(2) gives to buf[end..PS_INPUT_BLOCK); sets eof at
 * the end. */
static ps_error fill(ps_input *in, ps_ctx *ctx)
{
    ssize_t got;
    do
        got = read(in->fd, in->buf + in->end, PS_INPUT_BLOCK - in->end);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
        in->err = PS_ERR_IO;
        return ps_failm(ctx, PS_ERR_IO, PS_M_CSV_CANNOT_READ, in->label, strerror(errno));
    }
    if (got == 0)
        in->eof = true;
    in->end += (size_t)got;
    return PS_OK;
}

/* Hashes data[0..n) and gives it to the sink: the bytes are consumed. */
static ps_error consume(ps_input *in, const char *data, size_t n, ps_ctx *ctx)
{
    ps_sha256_update(in->hash, data, n);
    in->consumed += (long long)n;
    if (in->sink && n) {
        ps_error err = in->sink(in->sink_arg, data, n, ctx);
        if (err)
            return in->err = err;
    }
    return PS_OK;
}

ps_error ps_input_peek(ps_input *in, size_t want, const unsigned char **data, size_t *n, ps_ctx *ctx)
{
    *data = NULL;
    *n = 0;
    if (in->err)
        return in->err;
    if (want > PS_INPUT_BLOCK)
        want = PS_INPUT_BLOCK;
    if (in->start > 0 && in->end - in->start < want) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    while (in->end - in->start < want && !in->eof) {
        ps_error err = fill(in, ctx);
        if (err)
            return err;
    }
    *data = (const unsigned char *)in->buf + in->start;
    *n = in->end - in->start < want ? in->end - in->start : want;
    return PS_OK;
}

ps_error ps_input_next(ps_input *in, const char **data, size_t *n, ps_ctx *ctx)
{
    *data = NULL;
    *n = 0;
    if (in->err)
        return in->err;
    if (in->start == in->end) {
        in->start = in->end = 0;
        if (in->eof)
            return PS_OK;
        ps_error err = fill(in, ctx);
        if (err)
            return err;
    }
    const char *p = in->buf + in->start;
    size_t len = in->end - in->start;
    in->start = in->end;
    ps_error err = consume(in, p, len, ctx);
    if (err)
        return err;
    *data = p;
    *n = len;
    return PS_OK;
}

ps_error ps_input_slurp(ps_input *in, size_t max, unsigned char **buf, size_t *n, ps_ctx *ctx)
{
    *buf = NULL;
    *n = 0;
    size_t len = 0, cap = in->regular && in->size > 0 && (unsigned long long)in->size <= max
                              ? (size_t)in->size + 1 : PS_INPUT_BLOCK;
    unsigned char *out = ps_xmalloc(cap);
    for (;;) {
        const char *p;
        size_t got;
        ps_error err = ps_input_next(in, &p, &got, ctx);
        if (err) {
            free(out);
            return err;
        }
        if (got == 0)
            break;
        if (got > max - len) {
            free(out);
            return ps_failm(ctx, PS_ERR_IO, PS_M_INPUT_TOO_LARGE, in->label, max >> 20);
        }
        if (len + got + 1 > cap) {
            while (len + got + 1 > cap)
                cap *= 2;
            out = ps_xrealloc(out, cap);
        }
        memcpy(out + len, p, got);
        len += got;
    }
    out[len] = '\0';
    *buf = out;
    *n = len;
    return PS_OK;
}

ps_error ps_input_finish(ps_input *in, ps_ctx *ctx)
{
    if (!in->regular)
        return in->err;
    const char *p;
    size_t n;
    ps_error err;
    while (!(err = ps_input_next(in, &p, &n, ctx)) && n > 0)
        ;
    return err;
}

/* ------------------------------------------------------------------------
 * What was read
 * ------------------------------------------------------------------------ */

void ps_input_sha256(const ps_input *in, char hex[PS_SHA256_HEX])
{
    ps_sha256_hex(in->hash, hex);
}

long long ps_input_bytes(const ps_input *in)
{
    return in->consumed;
}

long long ps_input_size(const ps_input *in)
{
    return in->size;
}

const char *ps_input_label(const ps_input *in)
{
    return in->label;
}

void ps_input_close(ps_input *in)
{
    if (!in)
        return;
    if (in->own_fd)
        close(in->fd);
    ps_sha256_free(in->hash);
    free(in->buf);
    free(in->label);
    free(in);
}
