/* report_print.c - how a sheet prints: row heights and charts recorded as they are written, then a
 * print scale and manual page breaks that keep every chart, and the blocks kept with it, on one page. */
#include "export/report_int.h"

#include "core/alloc.h"

#include <math.h>
#include <stdlib.h>

/* A4 landscape in points, and the margins ps_rep_add_sheet sets (inches). */
#define PAGE_W (297.0 / 25.4 * 72.0)
#define PAGE_H (210.0 / 25.4 * 72.0)
#define MARGIN_LR 0.4
#define MARGIN_TB 0.6
/* A page is filled to this share of its height: what Excel or LibreOffice
 * measure may differ a little from these sums, and their own automatic
 * break must never come before ours. */
#define FILL 0.97
/* libxlsxwriter's default chart, in pixels; a pixel is 0.75 point. */
#define CHART_W_PX 480.0
#define CHART_H_PX 288.0
#define DEFAULT_ROW_PT 15.0
/* Excel takes at most 1,023 manual breaks on a sheet. */
#define MAX_BREAKS 1023

/* ========================================================================
 * What the sheet writers record
 * ======================================================================== */

static double row_pt(const ps_rep_sheet *s, int row)
{
    return row < s->nrowh && s->rowh[row] > 0 ? s->rowh[row] : DEFAULT_ROW_PT;
}

ps_error ps_rep_set_row(ps_rep *r, ps_rep_sheet *s, int row, double height)
{
    if (row >= s->nrowh) {
        int n = row + 64;
        s->rowh = ps_xrealloc(s->rowh, (size_t)n * sizeof *s->rowh);
        for (int i = s->nrowh; i < n; i++)
            s->rowh[i] = 0;
        s->nrowh = n;
    }
    s->rowh[row] = height;
    LX(s->name, worksheet_set_row(s->ws, (lxw_row_t)row, height, NULL));
    return PS_OK;
}

ps_error ps_rep_repeat_rows(ps_rep *r, ps_rep_sheet *s, int first, int last)
{
    s->title0 = first;
    s->title1 = last;
    s->has_titles = true;
    LX(s->name, worksheet_repeat_rows(s->ws, (lxw_row_t)first, (lxw_row_t)last));
    return PS_OK;
}

void ps_rep_keep(ps_rep_sheet *s, int first, int last)
{
    s->keep = ps_xrealloc(s->keep, ((size_t)s->nkeep + 1) * sizeof *s->keep);
    s->keep[s->nkeep].first = first;
    s->keep[s->nkeep].last = last;
    s->nkeep++;
}

ps_error ps_rep_insert_chart(ps_rep *r, ps_rep_sheet *s, int row, int col, lxw_chart *ch,
                             const lxw_chart_options *co)
{
    LX(s->name, worksheet_insert_chart_opt(s->ws, (lxw_row_t)row, (lxw_col_t)col, ch, (lxw_chart_options *)co));
    s->charts = ps_xrealloc(s->charts, ((size_t)s->ncharts + 1) * sizeof *s->charts);
    ps_rep_chart_box *b = &s->charts[s->ncharts++];
    b->row = row;
    b->col = col;
    b->x_px = co->x_offset + CHART_W_PX * (co->x_scale > 0 ? co->x_scale : 1);
    b->y_px = co->y_offset + CHART_H_PX * (co->y_scale > 0 ? co->y_scale : 1);
    return PS_OK;
}

/* ========================================================================
 * Measures
 * ======================================================================== */

/* A column's width in points, as Excel draws it: libxlsxwriter pads a width
 * of w characters to w * 7 + 5 pixels (Calibri 11's digit is 7). */
static double col_pt(const ps_rep_sheet *s, int col)
{
    double w = col < s->ncols ? ps_rep_col_width((ps_rep_sheet *)s, col) : 8.43;
    double px = w < 1 ? floor(w * 12 + 0.5) : floor(w * 7 + 0.5) + 5;
    return px * 0.75;
}

/* The last row a chart reaches (libxlsxwriter anchors it the same way). */
static int chart_last_row(const ps_rep_sheet *s, const ps_rep_chart_box *b)
{
    double left = b->y_px * 0.75;
    int row = b->row;
    while (left > row_pt(s, row)) {
        left -= row_pt(s, row);
        row++;
    }
    return row;
}

/* The last column a chart reaches. */
static int chart_last_col(const ps_rep_sheet *s, const ps_rep_chart_box *b)
{
    double left = b->x_px * 0.75;
    int col = b->col;
    while (left > col_pt(s, col)) {
        left -= col_pt(s, col);
        col++;
    }
    return col;
}

/* ========================================================================
 * The layout
 * ======================================================================== */

/* The last row of the kept blocks and charts that start at row, or -1. */
static int starting_at(const ps_rep_sheet *s, int row)
{
    int last = -1;
    for (int i = 0; i < s->nkeep; i++)
        if (s->keep[i].first == row && s->keep[i].last > last)
            last = s->keep[i].last;
    for (int i = 0; i < s->ncharts; i++)
        if (s->charts[i].row == row) {
            int l = chart_last_row(s, &s->charts[i]);
            if (l > last)
                last = l;
        }
    return last;
}

/* The last row kept with row: the blocks and charts starting there, and
 * those starting inside them (a chart under its title row); -1: none. */
static int kept_until(const ps_rep_sheet *s, int row)
{
    int last = starting_at(s, row);
    for (int r = row + 1; r <= last; r++) {
        int l = starting_at(s, r);
        if (l > last)
            last = l;
    }
    return last;
}

static double rows_pt(const ps_rep_sheet *s, int first, int last)
{
    double h = 0;
    for (int i = first; i <= last; i++)
        h += row_pt(s, i);
    return h;
}

/* Fills pages row by row at page height avail (sheet points): a kept block
 * that does not fit in what is left of a page starts the next one. Writes
 * the rows that start a page into brk (at most max); returns how many. */
static int page_breaks(const ps_rep_sheet *s, int last_row, double avail, lxw_row_t *brk, int max)
{
    double titles = s->has_titles ? rows_pt(s, s->title0, s->title1) : 0;
    double used = 0, cap = avail;
    int n = 0;
    for (int row = 0; row <= last_row; row++) {
        int until = kept_until(s, row);
        double need = until > row ? rows_pt(s, row, until) : row_pt(s, row);
        double fresh = avail - (s->has_titles && row > s->title1 ? titles : 0);
        if (used > 0 && used + need > cap && (need <= fresh || used + row_pt(s, row) > cap)) {
            if (n == max)
                return max + 1;
            brk[n++] = (lxw_row_t)row;
            used = 0;
            cap = fresh;
        }
        used += row_pt(s, row);
    }
    return n;
}

int ps_rep_one_page_scale(double height)
{
    double ph = (PAGE_H - 2 * MARGIN_TB * 72) * FILL;
    int scale = height > 0 ? (int)floor(ph / height * 100) : 100;
    return scale > 100 ? 100 : scale < 10 ? 10 : scale;
}

ps_error ps_rep_print_layout(ps_rep *r, ps_rep_sheet *s, int last_row, bool one_page)
{
    int last_col = s->ncols - 1;
    for (int i = 0; i < s->ncharts; i++) {
        int lr = chart_last_row(s, &s->charts[i]), lc = chart_last_col(s, &s->charts[i]);
        if (lr > last_row)
            last_row = lr;
        if (lc > last_col)
            last_col = lc;
    }
    if (last_col < 0)
        last_col = 0;
    double width = 0;
    for (int c = 0; c <= last_col; c++)
        width += col_pt(s, c);
    double pw = PAGE_W - 2 * MARGIN_LR * 72, ph = (PAGE_H - 2 * MARGIN_TB * 72) * FILL;
    int scale = (int)floor(pw / width * 100);
    if (one_page) {
        int sh = ps_rep_one_page_scale(rows_pt(s, 0, last_row));
        if (sh < scale)
            scale = sh;
    }
    scale = scale > 100 ? 100 : scale < 10 ? 10 : scale;
    LX(s->name, worksheet_print_area(s->ws, 0, 0, (lxw_row_t)last_row, (lxw_col_t)last_col));
    lxw_row_t *brk = ps_xcalloc(MAX_BREAKS + 1, sizeof *brk);
    int n = page_breaks(s, last_row, ph * 100 / scale, brk, MAX_BREAKS);
    lxw_error le = LXW_NO_ERROR;
    if (n > MAX_BREAKS) {
        /* more pages than Excel keeps breaks for: its own breaks, one page wide */
        worksheet_fit_to_pages(s->ws, 1, 0);
    } else {
        worksheet_set_print_scale(s->ws, (uint16_t)scale);
        brk[n] = 0;
        if (n > 0)
            le = worksheet_set_h_pagebreaks(s->ws, brk);
    }
    free(brk);
    if (le)
        return ps_rep_lx_fail(r, le, s->name);
    return PS_OK;
}
