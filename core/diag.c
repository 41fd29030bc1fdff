/* diag.c - diagnostics list. */
#include "core/diag.h"
#include "core/diag_int.h"

#include "core/alloc.h"
#include "core/csv.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xlsx.h"

#include "core/msg.h"

#include <stdarg.h>
#include <stdio.h>
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
    if (from == 0 && d->spill) { /* the spilled ones go too */
        ps_diag_spill_free(d);
        d->nerr = d->nwarn = 0;
    }
}

void ps_diag_push(ps_diags *d, ps_diag x)
{
    if (d->n >= ps_diag_spill_at)
        ps_diag_spill_out(d);
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

void ps_diags_set_sheet(ps_diags *d, const char *sheet)
{
    snprintf(d->sheet, sizeof d->sheet, "%s", sheet ? sheet : "");
}

/* " (Dữ liệu!C12)" after a message on a workbook's cell (ps_diags_set_sheet). */
static void name_cell(const ps_diags *d, long line, int column, ps_strbuf *msg)
{
    if (!d->sheet[0] || line < 1 || line > 1048576 || column < 0 || column > 16384)
        return;
    char ref[16];
    if (column > 0)
        ps_sb_printf(msg, " (%s!%s)", d->sheet, ps_xlsx_cell_ref(column, line, ref));
    else
        ps_sb_printf(msg, " (%s!%ld:%ld)", d->sheet, line, line);
}

/* Adds a diagnostic whose text is already written in *text (NULL: the
 * code's own text); one place for what every diagnostic gets: control
 * characters escaped, a workbook's cell named. */
static void add(ps_diags *d, const char *path, long line, int column, ps_severity sev,
                ps_diag_code code, const char *value, const ps_strbuf *text)
{
    ps_strbuf msg = PS_STRBUF_INIT;
    put_escaped(&msg, text ? ps_sb_str(text)
                           : ps_msg_text(ps_lang_get(), (unsigned)code < PS_D_COUNT_ ? (ps_msg_id)code
                                                                                    : PS_M_UNKNOWN_PROBLEM));
    name_cell(d, line, column, &msg);
    ps_diag x = {ps_xstrdup(path ? path : ""), line, column, sev, code,
                 ps_sb_steal(&msg), ps_xstrdup(value)};
    ps_diag_push(d, x);
}

void ps_diag_add(ps_diags *d, const char *path, long line, int column,
                 ps_severity sev, ps_diag_code code, const char *value,
                 const char *fmt, ...)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        ps_sb_vprintf(&sb, fmt, ap);
        va_end(ap);
    }
    add(d, path, line, column, sev, code, value, fmt ? &sb : NULL);
    ps_sb_free(&sb);
}

void ps_diag_msg(ps_diags *d, const char *path, long line, int column,
                 ps_severity sev, ps_diag_code code, const char *value,
                 ps_msg_id msg, ...)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    va_list ap;
    va_start(ap, msg);
    PS_TABLE_FORMAT_BEGIN
    ps_sb_vprintf(&sb, ps_msg(msg), ap); /* a table's format: tests/unit/core/test_msg.c checks its arguments */
    PS_TABLE_FORMAT_END
    va_end(ap);
    add(d, path, line, column, sev, code, value, &sb);
    ps_sb_free(&sb);
}

void ps_diags_move(ps_diags *dst, ps_diags *src)
{
    ps_diags_move_if(dst, src, NULL, NULL);
}

/* Where a move is: the destination, the filter, the index in the source. */
typedef struct mover {
    ps_diags *dst;
    bool (*keep)(size_t i, void *arg);
    void *arg;
    size_t i;
} mover;

static void move_one(ps_diag *x, void *vm)
{
    mover *m = vm;
    if (!m->keep || m->keep(m->i, m->arg)) {
        ps_diag_push(m->dst, *x);
    } else {
        free(x->path);
        free(x->message);
        free(x->value);
    }
    m->i++;
}

void ps_diags_move_if(ps_diags *dst, ps_diags *src, bool (*keep)(size_t i, void *arg), void *arg)
{
    if (!keep && !dst->n && !dst->spill && !dst->nerr && !dst->nwarn) {
        /* into an empty list: the list itself, spilled part and all */
        free(dst->v);
        *dst = *src;
        ps_diags_init(src);
        return;
    }
    mover m = {dst, keep, arg, 0};
    ps_diag_spill_each(src, move_one, &m);
    for (size_t i = 0; i < src->n; i++)
        move_one(&src->v[i], &m);
    ps_diag_spill_free(src);
    free(src->v);
    ps_diags_init(src);
}

/* Hands a spilled diagnostic to the caller's function, then frees it. */
typedef struct each_arg {
    void (*fn)(const ps_diag *x, void *arg);
    void *arg;
} each_arg;

static void each_one(ps_diag *x, void *va)
{
    each_arg *a = va;
    a->fn(x, a->arg);
    free(x->path);
    free(x->message);
    free(x->value);
}

void ps_diags_each(const ps_diags *d, void (*fn)(const ps_diag *x, void *arg), void *arg)
{
    each_arg a = {fn, arg};
    ps_diag_spill_each(d, each_one, &a);
    for (size_t i = 0; i < d->n; i++)
        fn(&d->v[i], arg);
}

int ps_diag_cmp_pos(const ps_diag *x, const ps_diag *y)
{
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
    if (d->spill)
        ps_diag_spill_sort(d);
    else
        ps_diags_sort_memory(d);
}

void ps_diags_sort_memory(ps_diags *d)
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
                tmp[k++] = ps_diag_cmp_pos(&d->v[j], &d->v[i]) < 0 ? d->v[j++] : d->v[i++];
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

/* One diagnostic as a row of the errors CSV. */
static void csv_one(const ps_diag *x, void *arg)
{
    char line[32], col[32];
    snprintf(line, sizeof line, "%ld", x->line);
    snprintf(col, sizeof col, "%d", x->column);
    const char *cells[7] = {x->path, line, col, ps_severity_name(x->severity),
                            ps_diag_code_name(x->code), x->message, x->value ? x->value : ""};
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int i = 0; i < 7; i++) {
        ps_text_csv_field(&sb, cells[i], true);
        ps_sb_putc(&sb, i == 6 ? '\n' : ',');
    }
    fwrite(ps_sb_str(&sb), 1, sb.len, arg);
    ps_sb_free(&sb);
}

void ps_diags_write_csv(const ps_diags *d, FILE *f, bool bom)
{
    if (bom)
        fputs(PS_CSV_BOM, f);
    fputs("file,line,column,severity,code,message,value\n", f);
    ps_diags_each(d, csv_one, f);
}
