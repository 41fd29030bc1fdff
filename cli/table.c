/* table.c - aligned terminal tables, CSV fields and JSON strings. */
#include "cli/table.h"

#include "core/alloc.h"
#include "core/number.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

struct ps_table {
    int ncols;
    char **cells;     /* row-major; row 0 is the header */
    size_t nrows, cap;
    bool *right;
};

ps_table *ps_table_new(int ncols, const char *const *header)
{
    ps_table *t = ps_xcalloc(1, sizeof *t);
    t->ncols = ncols;
    t->right = ps_xcalloc((size_t)ncols, sizeof *t->right);
    ps_table_add(t, header);
    return t;
}

void ps_table_align_right(ps_table *t, int c)
{
    if (c >= 0 && c < t->ncols)
        t->right[c] = true;
}

void ps_table_add(ps_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->cells = ps_xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
    }
    for (int c = 0; c < t->ncols; c++)
        t->cells[t->nrows * (size_t)t->ncols + (size_t)c] = ps_xstrdup(cells[c] ? cells[c] : "");
    t->nrows++;
}

static void pad(FILE *out, size_t n)
{
    while (n--)
        fputc(' ', out);
}

void ps_table_print(const ps_table *t, FILE *out)
{
    size_t *w = ps_xcalloc((size_t)t->ncols, sizeof *w);
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            size_t cw = ps_text_width(t->cells[r * (size_t)t->ncols + (size_t)c]);
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * (size_t)t->ncols + (size_t)c];
            size_t cw = ps_text_width(s);
            bool last = c == t->ncols - 1;
            if (t->right[c] && r > 0) {
                pad(out, w[c] - cw);
                fputs(s, out);
            } else {
                fputs(s, out);
                if (!last)
                    pad(out, w[c] - cw);
            }
            if (!last)
                fputs("  ", out);
        }
        fputc('\n', out);
        if (r == 0) {
            for (int c = 0; c < t->ncols; c++) {
                for (size_t k = 0; k < w[c]; k++)
                    fputc('-', out);
                if (c < t->ncols - 1)
                    fputs("  ", out);
            }
            fputc('\n', out);
        }
    }
    free(w);
}

void ps_table_free(ps_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->right);
    free(t);
}

void ps_csv_field(FILE *out, const char *s, char sep, bool guard)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_text_csv_field(&sb, s, guard);
    ps_sb_putc(&sb, sep);
    fwrite(ps_sb_str(&sb), 1, sb.len, out);
    ps_sb_free(&sb);
}

void ps_csv_row(FILE *out, const char *const *cells, int n, bool guard)
{
    for (int i = 0; i < n; i++)
        ps_csv_field(out, cells[i], i == n - 1 ? '\n' : ',', guard);
}

void ps_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}
