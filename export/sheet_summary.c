/* sheet_summary.c - sheet 1, the Summary: one row per indicator with every comparison, and its legend. */
#include "export/report_int.h"
#include "export/summary_rows.h"

#include "core/alloc.h"
#include "core/number.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>

/* What the Summary writes besides the model: its headers and the notes
 * column of each row. */
typedef struct summary {
    ps_rep *r;
    ps_rep_sheet *s;
    char h[S_NCOLS][PS_REP_HEAD_BUFSZ];
    char **marks;        /* owned, one per model row */
} summary;

/* ========================================================================
 * Widths, title and headers
 * ======================================================================== */

/* Names and notes wrap at a cap; numbers fit their header. */
static void summary_widths(summary *w)
{
    ps_rep *r = w->r;
    ps_rep_sheet *s = w->s;
    const ps_catalog *cat = r->cat;
    ps_rep_sheet_cols(s, S_NCOLS);
    double namew = 12, notew = 10;
    for (int i = 0; i < r->m->nsum; i++) {
        const ps_indicator *x = &cat->indicators[r->m->sum[i].ind];
        double cw = (double)ps_text_width(r->en ? x->name_en : x->name_vi) + 2;
        if (cw > namew)
            namew = cw;
        cw = (double)ps_text_width(w->marks[i]) + 2;
        if (cw > notew)
            notew = cw;
    }
    for (size_t g = 0; g < cat->ngroups; g++) {
        double cw = (double)ps_text_width(ps_catalog_group_name(cat, (int)g, r->en)) + 2;
        if (cw > namew)
            namew = cw;
    }
    s->minw[S_NAME] = s->maxw[S_NAME] = namew > 50 ? 50 : namew;
    s->minw[S_NOTES] = s->maxw[S_NOTES] = notew > 36 ? 36 : notew;
    s->minw[S_NO] = 5;
    s->maxw[S_UNIT] = 18;
    for (int c = S_PLAN; c <= S_PACE; c++)
        ps_rep_header_min(s, c, w->h[c], 16);
    ps_rep_header_min(s, S_UNIT, w->h[S_UNIT], 12);
}

/* The title, the unit and period under it (rows 0 and 1), the header row
 * (head). */
static ps_error summary_top(summary *w, int head)
{
    ps_rep *r = w->r;
    ps_rep_sheet *s = w->s;
    const ps_unit *un = &r->cat->units[r->m->unit];
    char title[200];
    ps_xlsx_title(r->m->p, r->en ? "en" : "vi", title, sizeof title);
    ps_error err;
    if ((err = ps_rep_set_row(r, s, 0, 20)) || (err = ps_rep_put_across(r, s, 0, 0, S_NCOLS - 1, title, r->f_title)))
        return err;
    char sub[300];
    char pcode[PS_PERIOD_BUFSZ];
    snprintf(sub, sizeof sub, "%s (%s %s) – %s %s", r->en ? un->name_en : un->name_vi, L(r, L_CODE_WORD),
             un->code, L(r, L_PERIOD_WORD), ps_period_format(r->m->p, pcode));
    if ((err = ps_rep_put_across(r, s, 1, 0, S_NCOLS - 1, sub, r->f_subtitle)))
        return err;
    const char *hp[S_NCOLS];
    for (int c = 0; c < S_NCOLS; c++)
        hp[c] = w->h[c];
    return ps_rep_put_header(r, s, head, 0, hp, S_NCOLS);
}

/* ========================================================================
 * Rows
 * ======================================================================== */

/* The row of a catalog group: its Roman number and name. */
static ps_error group_row(summary *w, int row, int group)
{
    ps_rep *r = w->r;
    ps_rep_sheet *s = w->s;
    const ps_catalog *cat = r->cat;
    char rn[24];
    LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, S_NO, ps_rep_roman(group + 1, rn), r->f_group_no));
    const char *gname = ps_catalog_group_name(cat, group, r->en);
    ps_error err;
    if ((err = ps_rep_put_text(r, s, row, S_NAME, gname, r->f_group)))
        return err;
    for (int c = S_UNIT; c < S_NCOLS; c++)
        LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)c, r->f_group));
    return PS_OK;
}

/* Plan, previous period, period, year-to-date, each with its comment. */
static ps_error value_cells(summary *w, int row, const ps_report_srow *sr, int dec)
{
    ps_rep *r = w->r;
    const ps_row *v = &sr->row;
    const ps_val *vals[4] = {&v->plan, &v->prev_period, &v->value, &v->ytd};
    ps_error err;
    for (int c = 0; c < 4; c++) {
        if ((err = ps_rep_put_val(r, w->s, row, S_PLAN + c, vals[c], dec, false)))
            return err;
        char *extra = NULL;
        if (c == 0 && sr->plan_note) {
            ps_strbuf sb = PS_STRBUF_INIT;
            ps_sb_printf(&sb, "%s%s", L(r, L_PLAN_PREFIX), sr->plan_note);
            extra = ps_sb_steal(&sb);
        }
        char *cm = ps_rep_cell_comment(r, vals[c], 0, extra);
        free(extra);
        err = ps_rep_put_comment(r, w->s, row, S_PLAN + c, cm);
        free(cm);
        if (err)
            return err;
    }
    return PS_OK;
}

/* The indices, attainment and pace; a comment on indices on comparable values. */
static ps_error index_cells(summary *w, int row, const ps_row *v)
{
    ps_rep *r = w->r;
    ps_rep_sheet *s = w->s;
    ps_error err;
    if ((err = ps_rep_put_pct(r, s, row, S_INDEX, v->index_prev_year, 0)) ||
        (err = ps_rep_put_pct(r, s, row, S_YTD_INDEX, v->ytd_index_prev_year, 0)) ||
        (err = ps_rep_put_pct(r, s, row, S_PCT_PLAN, v->pct_of_plan, 0)) ||
        (err = ps_rep_put_pct(r, s, row, S_PACE, v->pace, 0)))
        return err;
    if (!(v->flags & PS_VF_COMPARABLE))
        return PS_OK;
    char *cm = ps_rep_cell_comment(r, &(ps_val){0}, 1u << PS_MARK_COMP, NULL);
    if (v->index_prev_year.has)
        err = ps_rep_put_comment(r, s, row, S_INDEX, cm);
    if (!err && v->ytd_index_prev_year.has)
        err = ps_rep_put_comment(r, s, row, S_YTD_INDEX, cm);
    free(cm);
    return err;
}

/* The lines of row i of the model: its name and its notes wrapped. */
static int row_lines(const summary *w, int i)
{
    const ps_indicator *x = &w->r->cat->indicators[w->r->m->sum[i].ind];
    int lines = ps_rep_wrap_lines(w->r->en ? x->name_en : x->name_vi, w->s->minw[S_NAME]);
    int nl = w->marks[i][0] ? ps_rep_wrap_lines(w->marks[i], w->s->minw[S_NOTES]) : 1;
    return nl > lines ? nl : lines;
}

/* Row i of the model, numbered no. */
static ps_error indicator_row(summary *w, int row, int i, int no)
{
    ps_rep *r = w->r;
    ps_rep_sheet *s = w->s;
    const ps_report_srow *sr = &r->m->sum[i];
    const ps_indicator *x = &r->cat->indicators[sr->ind];
    const char *name = r->en ? x->name_en : x->name_vi;
    int lines = row_lines(w, i);
    ps_error err;
    if (lines > 1 && (err = ps_rep_set_row(r, s, row, 13.0 * lines + 2)))
        return err;
    LX(s->name, worksheet_write_number(s->ws, (lxw_row_t)row, S_NO, no, r->f_no));
    if ((err = ps_rep_put_text(r, s, row, S_NAME, name, r->f_wrap)) ||
        (err = ps_rep_put_text(r, s, row, S_UNIT, r->en ? x->unit_en : x->unit_vi, r->f_center)) ||
        (err = value_cells(w, row, sr, x->decimals)) || (err = index_cells(w, row, &sr->row)))
        return err;
    return ps_rep_put_text(r, s, row, S_NOTES, w->marks[i], r->f_note);
}

/* ========================================================================
 * Highlights and legend
 * ======================================================================== */

/* Highlights follow the displayed value: ROUND to the display's decimal. */
static ps_error highlights(summary *w, int first, int last)
{
    ps_rep *r = w->r;
    ps_rep_sheet *s = w->s;
    char a[32], b[32], f[256];
    lxw_conditional_format cf = {0};
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.format = r->dxf_bad;
    ps_rep_cell_ref(first, S_INDEX, false, false, a);
    snprintf(f, sizeof f, "=AND(ISNUMBER(%s),ROUND(%s,1)<100)", a, a);
    cf.value_string = f;
    LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, S_INDEX, (lxw_row_t)last,
                                                   S_YTD_INDEX, &cf));
    ps_rep_cell_ref(first, S_PCT_PLAN, true, false, a);
    ps_rep_cell_ref(first, S_PACE, true, false, b);
    snprintf(f, sizeof f, "=AND(ISNUMBER(%s),ISNUMBER(%s),ROUND(%s,1)<ROUND(%s,1))", a, b, a, b);
    cf.value_string = f;
    LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, S_PCT_PLAN, (lxw_row_t)last,
                                                   S_PCT_PLAN, &cf));
    return PS_OK;
}

enum { LEGEND_ROWS = L_LEGEND_SEE_NOTES - L_LEGEND_HEAD + 1 };

/* The legend from row; *next: the row after it. */
static ps_error legend(summary *w, int row, int *next)
{
    ps_rep *r = w->r;
    *next = row + LEGEND_ROWS;
    for (int id = L_LEGEND_HEAD; id <= L_LEGEND_SEE_NOTES; id++) {
        ps_error err = ps_rep_put_label(r, w->s, row++, S_NAME, L(r, (ps_rep_label_id)id),
                                        id != L_LEGEND_HEAD ? r->f_legend : r->f_legend_bold);
        if (err)
            return err;
    }
    return PS_OK;
}

/* ========================================================================
 * The sheet
 * ======================================================================== */

/* The smallest print scale (percent) at which the Summary prints on one
 * page with its legend under the table; a longer Summary prints at its
 * width with the legend above the table, so that it is on page 1. */
enum { MIN_ONE_PAGE_SCALE = 40 };

/* The Summary's height (points) with the legend under the table. */
static double summary_height(summary *w)
{
    const char *hp[S_NCOLS];
    for (int c = 0; c < S_NCOLS; c++)
        hp[c] = w->h[c];
    double h = 20 + 15 + 15 + ps_rep_header_height(w->s, 0, hp, S_NCOLS) + 15 * (1 + LEGEND_ROWS);
    int group = -1;
    for (int i = 0; i < w->r->m->nsum; i++) {
        const ps_indicator *x = &w->r->cat->indicators[w->r->m->sum[i].ind];
        if (x->group_index != group) {
            group = x->group_index;
            h += 15;
        }
        int lines = row_lines(w, i);
        h += lines > 1 ? 13.0 * lines + 2 : 15;
    }
    return h;
}

static ps_error summary_body(summary *w)
{
    ps_rep *r = w->r;
    ps_rep_sheet *s = w->s;
    ps_error err;
    summary_widths(w);
    bool below = ps_rep_one_page_scale(summary_height(w)) >= MIN_ONE_PAGE_SCALE;
    int head = 3, end = 0;
    if (!below && (err = legend(w, 3, &head)))
        return err;
    if (!below)
        head++;
    if ((err = summary_top(w, head)))
        return err;
    int first = head + 1, row = first;
    int no = 0, group = -1;
    for (int i = 0; i < r->m->nsum; i++) {
        const ps_indicator *x = &r->cat->indicators[r->m->sum[i].ind];
        if (x->group_index != group) {
            group = x->group_index;
            if ((err = group_row(w, row++, group)))
                return err;
        }
        if ((err = indicator_row(w, row++, i, ++no)))
            return err;
    }
    int last = row - 1;
    if (last >= first && (err = highlights(w, first, last)))
        return err;
    if (below && (err = legend(w, row + 1, &end)))
        return err;
    worksheet_freeze_panes(s->ws, (lxw_row_t)first, S_UNIT);
    worksheet_activate(s->ws);
    /* the legend explains the table: on its first page */
    if ((err = ps_rep_repeat_rows(r, s, head, head)) || (err = ps_rep_sheet_finish(r, s)))
        return err;
    return ps_rep_print_layout(r, s, below ? end - 1 : row - 1, below);
}

ps_error ps_rep_write_summary(ps_rep *r, ps_rep_sheet *s)
{
    summary w = {r, s, {{0}}, NULL};
    const ps_report_model *m = r->m;
    ps_rep_summary_heads(m->p, m->est_prev, m->est_value, r->en, w.h);
    w.marks = ps_xcalloc((size_t)m->nsum + 1, sizeof *w.marks);
    for (int i = 0; i < m->nsum; i++)
        w.marks[i] = ps_summary_marks(m, r->en, &m->sum[i].row);
    ps_error err = summary_body(&w);
    for (int i = 0; i < m->nsum; i++)
        free(w.marks[i]);
    free(w.marks);
    return err;
}
