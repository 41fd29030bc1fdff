/* strbuf.c - a growable, always NUL-terminated byte string. */
#include "core/strbuf.h"

#include "core/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ps_sb_init(ps_strbuf *sb)
{
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

void ps_sb_free(ps_strbuf *sb)
{
    free(sb->buf);
    ps_sb_init(sb);
}

void ps_sb_clear(ps_strbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

static void grow(ps_strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    sb->buf = ps_xrealloc(sb->buf, cap);
    sb->cap = cap;
}

void ps_sb_append(ps_strbuf *sb, const char *s, size_t n)
{
    grow(sb, n);
    if (n)
        memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void ps_sb_puts(ps_strbuf *sb, const char *s)
{
    ps_sb_append(sb, s, strlen(s));
}

void ps_sb_putc(ps_strbuf *sb, char c)
{
    ps_sb_append(sb, &c, 1);
}

void ps_sb_vprintf(ps_strbuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n <= 0)
        return;
    grow(sb, (size_t)n);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void ps_sb_printf(ps_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ps_sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

const char *ps_sb_str(const ps_strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

char *ps_sb_steal(ps_strbuf *sb)
{
    char *s = sb->buf ? sb->buf : ps_xstrdup("");
    ps_sb_init(sb);
    return s;
}
