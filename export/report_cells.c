/* report_cells.c - the report's cells: text within Excel's limits, sheets, widths and the typed cells. */
#include "export/report_int.h"

#include "core/alloc.h"
#include "core/number.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ========================================================================
 * Text: Excel's cell limit, widths
 * ======================================================================== */

enum { CELL_MAX = 32767 };

size_t ps_rep_u8len(const unsigned char *s)
{
    unsigned char c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

int ps_rep_u16units(size_t n)
{
    return n == 4 ? 2 : 1;
}

/* Cuts s to Excel's 32,767 characters: returns s itself when it fits, else
 * an owned shortened copy ending in "…" in *owned and that copy. */
static const char *cell_text(const char *s, char **owned, bool *cut)
{
    *owned = NULL;
    *cut = false;
    size_t units = 0, i = 0, keep = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (u[i]) {
        size_t n = ps_rep_u8len(u + i);
        units += (size_t)ps_rep_u16units(n);
        if (units <= CELL_MAX - 1)
            keep = i + n;
        if (units > CELL_MAX)
            break;
        i += n;
    }
    if (units <= CELL_MAX)
        return s;
    char *c = ps_xmalloc(keep + 4);
    memcpy(c, s, keep);
    memcpy(c + keep, "\xE2\x80\xA6", 4); /* … */
    *owned = c;
    *cut = true;
    return c;
}

/* The widest line of s in display columns. */
static size_t text_cols(const char *s)
{
    size_t best = 0;
    const char *p = s;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t w;
        if (nl) {
            char *line = ps_xstrndup(p, (size_t)(nl - p));
            w = ps_text_width(line);
            free(line);
        } else {
            w = ps_text_width(p);
        }
        if (w > best)
            best = w;
        if (!nl)
            break;
        p = nl + 1;
    }
    return best;
}

/* Lines that s takes when wrapped at width columns (greedy, at spaces). */
int ps_rep_wrap_lines(const char *s, double width)
{
    int lines = 1;
    double col = 0;
    const char *p = s;
    size_t cap = width > 2 ? (size_t)width - 1 : 1;
    while (*p) {
        if (*p == '\n') {
            lines++;
            col = 0;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            if (col > 0)
                col++;
            continue;
        }
        const char *q = p;
        while (*q && *q != ' ' && *q != '\n')
            q++;
        char *word = ps_xstrndup(p, (size_t)(q - p));
        size_t w = ps_text_width(word);
        free(word);
        if (col > 0 && col + (double)w > (double)cap) {
            lines++;
            col = 0;
        }
        col += (double)w;
        while (col > (double)cap) { /* a word longer than the column */
            lines++;
            col -= (double)cap;
        }
        p = q;
    }
    return lines;
}

/* ========================================================================
 * Errors of libxlsxwriter
 * ======================================================================== */

ps_error ps_rep_lx_fail(ps_rep *r, lxw_error le, const char *where)
{
    if (le == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        return ps_failm(r->ctx, PS_ERR_LIMIT,
                        PS_M_XCELL_CANNOT_WRITE_SHEET_WOULD, r->path, where);
    if (le == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        return ps_failm(r->ctx, PS_ERR_LIMIT,
                        PS_M_XCELL_CANNOT_WRITE_TEXT_SHEET,
                        r->path, where);
    return ps_failm(r->ctx, PS_ERR_IO, PS_M_XCELL_CANNOT_WRITE_SHEET, r->path, lxw_strerror(le), where);
}

/* ========================================================================
 * Sheets and cells
 * ======================================================================== */

void ps_rep_sheet_cols(ps_rep_sheet *s, int ncols)
{
    if (ncols <= s->ncols)
        return;
    s->width = ps_xrealloc(s->width, (size_t)ncols * sizeof *s->width);
    s->minw = ps_xrealloc(s->minw, (size_t)ncols * sizeof *s->minw);
    s->maxw = ps_xrealloc(s->maxw, (size_t)ncols * sizeof *s->maxw);
    for (int i = s->ncols; i < ncols; i++) {
        s->width[i] = 0;
        s->minw[i] = 4;
        s->maxw[i] = 60;
    }
    s->ncols = ncols;
}

void ps_rep_sheet_free(ps_rep_sheet *s)
{
    free(s->width);
    free(s->minw);
    free(s->maxw);
    free(s->rowh);
    free(s->charts);
    free(s->keep);
}

void ps_rep_need(ps_rep_sheet *s, int col, double chars)
{
    ps_rep_sheet_cols(s, col + 1);
    if (chars > s->width[col])
        s->width[col] = chars;
}

/* The width a column will get (characters). */
double ps_rep_col_width(ps_rep_sheet *s, int col)
{
    ps_rep_sheet_cols(s, col + 1);
    double w = s->width[col] + 2;
    if (w < s->minw[col])
        w = s->minw[col];
    if (w > s->maxw[col])
        w = s->maxw[col];
    return w;
}

ps_error ps_rep_add_sheet(ps_rep *r, ps_rep_sheet *s, const char *want)
{
    memset(s, 0, sizeof *s);
    ps_xlsx_sheet_name(want, r->names, r->nnames, s->name);
    s->ws = workbook_add_worksheet(r->wb, s->name);
    if (!s->ws)
        return ps_failm(r->ctx, PS_ERR_IO, PS_M_XCELL_CANNOT_WRITE_CANNOT_ADD, r->path, s->name);
    if (r->nnames < sizeof r->names / sizeof *r->names)
        r->names[r->nnames++] = s->name;
    worksheet_set_paper(s->ws, 9); /* A4 */
    worksheet_set_landscape(s->ws);
    worksheet_fit_to_pages(s->ws, 1, 0);
    worksheet_set_margins(s->ws, 0.4, 0.4, 0.6, 0.6);
    LX(s->name, worksheet_set_footer(s->ws, L(r, L_FOOTER)));
    worksheet_set_comments_author(s->ws, "provstat");
    return PS_OK;
}

/* Sets the columns' widths from what was written. */
ps_error ps_rep_sheet_finish(ps_rep *r, ps_rep_sheet *s)
{
    for (int c = 0; c < s->ncols; c++)
        LX(s->name, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, ps_rep_col_width(s, c), NULL));
    return PS_OK;
}

ps_error ps_rep_put_text(ps_rep *r, ps_rep_sheet *s, int row, int col, const char *text, lxw_format *f)
{
    if (!text || !*text) {
        if (f)
            LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)col, f));
        return PS_OK;
    }
    char *owned;
    bool cut;
    const char *t = cell_text(text, &owned, &cut);
    if (cut)
        r->res.truncated++;
    lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, t, f);
    /* a text is never wider than its bytes: one no longer than the
     * column's widest so far cannot widen it */
    ps_rep_sheet_cols(s, col + 1);
    size_t w = le || (double)strlen(t) <= s->width[col] ? 0 : text_cols(t);
    free(owned);
    if (le)
        return ps_rep_lx_fail(r, le, s->name);
    ps_rep_need(s, col, (double)w);
    return PS_OK;
}

/* Text over columns c0..c1, centred across them (no merged cells: those do
 * not work in constant-memory mode). Not counted in the widths. */
ps_error ps_rep_put_across(ps_rep *r, ps_rep_sheet *s, int row, int c0, int c1, const char *text, lxw_format *f)
{
    char *owned;
    bool cut;
    const char *t = cell_text(text, &owned, &cut);
    if (cut)
        r->res.truncated++;
    lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)c0, t, f);
    free(owned);
    if (le)
        return ps_rep_lx_fail(r, le, s->name);
    for (int c = c0 + 1; c <= c1; c++)
        LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)c, f));
    return PS_OK;
}

ps_error ps_rep_put_label(ps_rep *r, ps_rep_sheet *s, int row, int col, const char *text, lxw_format *f)
{
    char *owned;
    bool cut;
    const char *t = cell_text(text, &owned, &cut);
    lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, t, f);
    free(owned);
    if (le)
        return ps_rep_lx_fail(r, le, s->name);
    return PS_OK;
}

/* Characters a number takes when shown with dec decimals and grouping. */
static double num_chars(double v, int dec)
{
    return (double)ps_number_fixed_len(v, dec, PS_NF_EN);
}

ps_error ps_rep_put_number(ps_rep *r, ps_rep_sheet *s, int row, int col, double v, lxw_format *f, int dec)
{
    LX(s->name, worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
    ps_rep_need(s, col, num_chars(v, dec));
    return PS_OK;
}

/* A value with the indicator's decimals: empty when missing, "-" when
 * nothing occurred, italic when estimated, provisional or incomplete. */
ps_error ps_rep_put_val(ps_rep *r, ps_rep_sheet *s, int row, int col, const ps_val *v, int dec, bool bold)
{
    int var = bold ? V_BOLD : 0;
    if (!v->has)
        return ps_rep_put_text(r, s, row, col, NULL, ps_rep_num_format(r, dec, var));
    if (v->status == 'E' || v->status == 'P' || v->coverage < 1)
        var |= V_ITALIC;
    if ((v->flags & PS_VF_NONE_OCCURRED) && v->v == 0)
        var |= V_DASH;
    lxw_format *f = ps_rep_num_format(r, dec, var);
    if (!f)
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XLSX_NO_MEMORY_FORMATS, r->path);
    return ps_rep_put_number(r, s, row, col, v->v, f, dec);
}

/* An index, percentage, share or pace ("0.0"); empty when absent. */
ps_error ps_rep_put_pct(ps_rep *r, ps_rep_sheet *s, int row, int col, ps_opt o, int var)
{
    lxw_format *f = ps_rep_pct_format(r, var);
    if (!f)
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XLSX_NO_MEMORY_FORMATS, r->path);
    if (!o.has)
        return ps_rep_put_text(r, s, row, col, NULL, f);
    return ps_rep_put_number(r, s, row, col, o.v, f, 1);
}

ps_error ps_rep_put_comment(ps_rep *r, ps_rep_sheet *s, int row, int col, const char *text)
{
    if (!text || !*text)
        return PS_OK;
    char *owned;
    bool cut;
    const char *t = cell_text(text, &owned, &cut);
    lxw_comment_options o = {0};
    o.width = 300;
    o.height = 30 + 15 * (uint16_t)(ps_rep_wrap_lines(t, 48) > 8 ? 8 : ps_rep_wrap_lines(t, 48));
    lxw_error le = worksheet_write_comment_opt(s->ws, (lxw_row_t)row, (lxw_col_t)col, t, &o);
    free(owned);
    if (le)
        return ps_rep_lx_fail(r, le, s->name);
    return PS_OK;
}

/* Header cells of one row, with a height that fits the wrapped texts at
 * the columns' minimum widths (which the final widths never go below). */
double ps_rep_header_height(ps_rep_sheet *s, int c0, const char *const *texts, int n)
{
    int lines = 1;
    for (int i = 0; i < n; i++) {
        if (!texts[i])
            continue;
        int l = ps_rep_wrap_lines(texts[i], ps_rep_col_width(s, c0 + i));
        if (l > lines)
            lines = l;
    }
    return 13.0 * lines + 3;
}

ps_error ps_rep_put_header(ps_rep *r, ps_rep_sheet *s, int row, int c0, const char *const *texts, int n)
{
    ps_error err = ps_rep_set_row(r, s, row, ps_rep_header_height(s, c0, texts, n));
    if (err)
        return err;
    for (int i = 0; i < n; i++) {
        if (!texts[i]) {
            LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)(c0 + i), r->f_head));
            continue;
        }
        err = ps_rep_put_label(r, s, row, c0 + i, texts[i], r->f_head);
        if (err)
            return err;
    }
    return PS_OK;
}

/* A minimum width for a header: its longest word, and no more than three
 * lines of wrapped text, within [6, cap]. */
void ps_rep_header_min(ps_rep_sheet *s, int col, const char *text, double cap)
{
    ps_rep_sheet_cols(s, col + 1);
    double w = 6;
    size_t len = ps_text_width(text);
    double third = ceil((double)len / 3.0) + 2;
    if (third > w)
        w = third;
    const char *p = text;
    while (*p) {
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        char *word = ps_xstrndup(p, (size_t)(q - p));
        double ww = (double)ps_text_width(word) + 2;
        free(word);
        if (ww > w)
            w = ww;
        p = *q ? q + 1 : q;
    }
    if (w > cap)
        w = cap;
    if (w > s->minw[col])
        s->minw[col] = w;
}

/* "A1"-style reference of a cell; absolute column when abs_col. */
char *ps_rep_cell_ref(int row, int col, bool abs_col, bool abs_row, char *buf)
{
    char letters[8];
    int n = 0;
    int c = col + 1;
    while (c > 0) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    char *o = buf;
    if (abs_col)
        *o++ = '$';
    while (n)
        *o++ = letters[--n];
    sprintf(o, "%s%d", abs_row ? "$" : "", row + 1);
    return buf;
}

/* "='Sheet name'!$A$2:$A$13". */
char *ps_rep_range_ref(const char *sheetname, int r0, int c0, int r1, int c1, char *buf, size_t n)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_puts(&sb, "='");
    for (const char *p = sheetname; *p; p++) {
        if (*p == '\'')
            ps_sb_putc(&sb, '\'');
        ps_sb_putc(&sb, *p);
    }
    char a[32], b[32];
    ps_sb_printf(&sb, "'!%s:%s", ps_rep_cell_ref(r0, c0, true, true, a), ps_rep_cell_ref(r1, c1, true, true, b));
    snprintf(buf, n, "%s", ps_sb_str(&sb));
    ps_sb_free(&sb);
    return buf;
}
