/* diag.c - diagnostics list. */
#include "core/diag.h"
#include "core/diag_int.h"

#include "core/alloc.h"
#include "core/strbuf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

_Static_assert((int)PS_M_D_NUMBER_LIMIT == (int)PS_D_NUMBER_LIMIT && (int)PS_M_D_MALFORMED_CSV == 0,
               "the default texts of the codes are the first message ids, in the same order");

static const char *const code_names[] = {
#define X(id, code) code,
#include "core/diag_codes.def"
#undef X
};

void ps_diags_init(ps_diags *d)
{
    memset(d, 0, sizeof *d);
}

void ps_diags_free(ps_diags *d)
{
    ps_diags_truncate(d, 0);
    free(d->v);
    ps_diags_init(d);
}

void ps_diags_truncate(ps_diags *d, size_t from)
{
    for (size_t i = from; i < d->n; i++) {
        if (d->v[i].severity == PS_SEV_ERROR)
            d->nerr--;
        else
            d->nwarn--;
        free(d->v[i].path);
        free(d->v[i].message);
        free(d->v[i].value);
    }
    if (from < d->n)
        d->n = from;
}

static void push(ps_diags *d, ps_diag x)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = ps_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    d->v[d->n++] = x;
    if (x.severity == PS_SEV_ERROR)
        d->nerr++;
    else
        d->nwarn++;
}

/* Appends s to out with control characters written as escapes (SPEC §4:
 * text echoed in a message never drives the officer's terminal): a C0
 * control or DEL as \xNN, a C1 control (U+0080..U+009F) as \u00NN. */
static void put_escaped(ps_strbuf *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            ps_sb_printf(out, "\\x%02x", *p);
        else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            ps_sb_printf(out, "\\u%04x", *++p);
        else
            ps_sb_putc(out, (char)*p);
    }
}

static void add(ps_diags *d, const char *path, long line, int column, ps_severity sev,
                ps_diag_code code, const char *value, const char *fmt, va_list ap)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    if (fmt)
        ps_sb_vprintf(&sb, fmt, ap);
    else
        ps_sb_printf(&sb, "%s", ps_msg_text(ps_lang_get(), (unsigned)code < PS_D_COUNT_
                                                             ? (ps_msg_id)code : PS_M_UNKNOWN_PROBLEM));
    ps_strbuf msg = PS_STRBUF_INIT;
    put_escaped(&msg, ps_sb_str(&sb));
    ps_sb_free(&sb);
    ps_diag x = {ps_xstrdup(path ? path : ""), line, column, sev, code,
                 ps_sb_steal(&msg), ps_xstrdup(value)};
    push(d, x);
}

void ps_diag_add(ps_diags *d, const char *path, long line, int column,
                 ps_severity sev, ps_diag_code code, const char *value,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, path, line, column, sev, code, value, fmt, ap);
    va_end(ap);
}

void ps_diag_msg(ps_diags *d, const char *path, long line, int column,
                 ps_severity sev, ps_diag_code code, const char *value,
                 ps_msg_id msg, ...)
{
    va_list ap;
    va_start(ap, msg);
    add(d, path, line, column, sev, code, value, ps_msg(msg), ap);
    va_end(ap);
}

void ps_diags_move(ps_diags *dst, ps_diags *src)
{
    ps_diags_move_if(dst, src, NULL, NULL);
}

void ps_diags_move_if(ps_diags *dst, ps_diags *src, bool (*keep)(size_t i, void *arg), void *arg)
{
    for (size_t i = 0; i < src->n; i++) {
        if (!keep || keep(i, arg)) {
            push(dst, src->v[i]);
        } else {
            free(src->v[i].path);
            free(src->v[i].message);
            free(src->v[i].value);
        }
    }
    free(src->v);
    ps_diags_init(src);
}

static int cmp_pos(const void *a, const void *b)
{
    const ps_diag *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return 0;
}

void ps_diags_sort(ps_diags *d)
{
    /* a stable merge sort: equal positions keep the order they were found in */
    if (d->n < 2)
        return;
    ps_diag *tmp = ps_xmalloc(d->n * sizeof *tmp);
    for (size_t width = 1; width < d->n; width *= 2) {
        for (size_t lo = 0; lo < d->n; lo += 2 * width) {
            size_t mid = lo + width < d->n ? lo + width : d->n;
            size_t hi = lo + 2 * width < d->n ? lo + 2 * width : d->n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = cmp_pos(&d->v[j], &d->v[i]) < 0 ? d->v[j++] : d->v[i++];
            while (i < mid)
                tmp[k++] = d->v[i++];
            while (j < hi)
                tmp[k++] = d->v[j++];
        }
        memcpy(d->v, tmp, d->n * sizeof *tmp);
    }
    free(tmp);
}

const char *ps_diag_code_name(ps_diag_code code)
{
    return (unsigned)code < PS_D_COUNT_ ? code_names[code] : "unknown";
}

const char *ps_severity_name(ps_severity sev)
{
    return sev == PS_SEV_ERROR ? "error" : "warning";
}
