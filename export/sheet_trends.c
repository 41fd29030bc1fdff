/* sheet_trends.c - sheet 3, trends: each key indicator this year against last year, with its charts. */
#include "export/report_int.h"

#include <stdio.h>
#include <stdlib.h>

/* The line chart of a block whose header row is b + 1 and whose n rows follow. */
static ps_error line_chart(ps_rep *r, ps_rep_sheet *s, int b, int n)
{
    lxw_chart *ch = workbook_add_chart(r->wb, LXW_CHART_LINE);
    if (!ch)
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD, r->path);
    char cats[200], v1[200], v2[200];
    ps_rep_range_ref(s->name, b + 2, 0, b + 1 + n, 0, cats, sizeof cats);
    ps_rep_range_ref(s->name, b + 2, 1, b + 1 + n, 1, v1, sizeof v1);
    ps_rep_range_ref(s->name, b + 2, 2, b + 1 + n, 2, v2, sizeof v2);
    lxw_chart_series *s1 = chart_add_series(ch, cats, v1);
    lxw_chart_series *s2 = chart_add_series(ch, cats, v2);
    if (!s1 || !s2)
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD_2, r->path);
    chart_series_set_name_range(s1, s->name, (lxw_row_t)(b + 1), 1);
    chart_series_set_name_range(s2, s->name, (lxw_row_t)(b + 1), 2);
    lxw_chart_line ln = {0};
    ln.width = 2.25;
    chart_series_set_line(s1, &ln);
    lxw_chart_line ln2 = {0};
    ln2.width = 1.5;
    ln2.dash_type = LXW_CHART_LINE_DASH_DASH;
    chart_series_set_line(s2, &ln2);
    chart_title_set_name_range(ch, s->name, (lxw_row_t)b, 0);
    chart_title_set_name_font(ch, &(lxw_chart_font){.size = 10, .bold = LXW_EXPLICIT_FALSE});
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options co = {0};
    co.x_offset = 10;
    co.y_offset = 4;
    co.x_scale = 1.25;
    co.y_scale = 0.85; /* no taller than a year of months: two blocks a page */
    return ps_rep_insert_chart(r, s, b, 5, ch, &co);
}

/* The block of key j from row b: its name, the headers hh (this year's
 * naming the latest period shown when the key's frequency is longer than
 * the report's period: "Năm 2016 (đến quý II)"), a row per period of the
 * year, the line chart. Returns the next block's row in *next. */
static ps_error trend_block(ps_rep *r, ps_rep_sheet *s, int j, int b, const char *const *hh, int *next)
{
    const ps_report_trend *t = &r->m->trends[j];
    const ps_indicator *x = &r->cat->indicators[t->ind];
    int n = t->nparts;
    char name[400];
    snprintf(name, sizeof name, "%s (%s)", r->en ? x->name_en : x->name_vi, r->en ? x->unit_en : x->unit_vi);
    const char *heads[4] = {hh[0], hh[1], hh[2], hh[3]};
    char upto[160];
    ps_period kp = r->m->key_period[j];
    if (!ps_period_eq(kp, r->m->p) && kp.year == r->m->p.year) {
        char pn[64];
        snprintf(upto, sizeof upto, "%s (%s %s)", hh[1], L(r, L_UP_TO),
                 ps_rep_period_name(kp, r->en, false, pn, sizeof pn));
        heads[1] = upto;
    }
    ps_error err;
    if ((err = ps_rep_put_label(r, s, b, 0, name, r->f_legend_bold)) ||
        (err = ps_rep_put_header(r, s, b + 1, 0, heads, 4)))
        return err;
    for (int k = 0; k < n; k++) {
        int rr = b + 2 + k;
        const ps_row *w = &t->this_year[k];
        char lab[64];
        if ((err = ps_rep_put_text(r, s, rr, 0, ps_rep_part_label(t->parts[k], r->en, lab, sizeof lab), r->f_text)))
            return err;
        if ((err = ps_rep_put_val(r, s, rr, 1, &w->value, x->decimals, false)) ||
            (err = ps_rep_put_val(r, s, rr, 2, &t->last_year[k], x->decimals, false)) ||
            (err = ps_rep_put_pct(r, s, rr, 3, w->index_prev_year, 0)))
            return err;
        char *cm = ps_rep_cell_comment(r, &w->value, 0, NULL);
        err = ps_rep_put_comment(r, s, rr, 1, cm);
        free(cm);
        if (err)
            return err;
    }
    if (n > 0 && (err = line_chart(r, s, b, n)))
        return err;
    ps_rep_keep(s, b, b + 1 + n); /* the name, the header and the rows on one page */
    *next = b + (n + 3 > 15 ? n + 3 : 15);
    return PS_OK;
}

/* The column chart of the units below at row, from the by-district sheet. */
static ps_error district_chart(ps_rep *r, ps_rep_sheet *s, const ps_rep_sheet *dist, int row)
{
    const ps_report_model *m = r->m;
    const ps_indicator *x = &r->cat->indicators[m->keys[m->chart_key]];
    char pyname[64], ctitle[400];
    ps_rep_period_name(m->key_period[m->chart_key], r->en, true, pyname, sizeof pyname);
    snprintf(ctitle, sizeof ctitle, "%s (%s) %s %s, %s", r->en ? x->name_en : x->name_vi,
             r->en ? x->unit_en : x->unit_vi, L(r, L_BY_WORD), ps_rep_level_word(m->kid_level, r->en), pyname);
    ps_error err = ps_rep_put_label(r, s, row, 0, ctitle, r->f_legend_bold);
    if (err)
        return err;
    lxw_chart *ch = workbook_add_chart(r->wb, LXW_CHART_COLUMN);
    if (!ch)
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD, r->path);
    /* by-district rows: 5 is the total, 6.. the units below */
    char cats[200], vals[200];
    int col = 3 + 3 * m->chart_key;
    ps_rep_range_ref(dist->name, 6, 2, 5 + m->nkids, 2, cats, sizeof cats);
    ps_rep_range_ref(dist->name, 6, col, 5 + m->nkids, col, vals, sizeof vals);
    lxw_chart_series *se = chart_add_series(ch, cats, vals);
    if (!se)
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD_2, r->path);
    chart_series_set_name_range(se, s->name, (lxw_row_t)row, 0);
    chart_title_set_name_range(ch, s->name, (lxw_row_t)row, 0);
    chart_title_set_name_font(ch, &(lxw_chart_font){.size = 10, .bold = LXW_EXPLICIT_FALSE});
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    lxw_chart_options co = {0};
    co.x_offset = 10;
    co.y_offset = 4;
    co.x_scale = 2.0;
    co.y_scale = 1.3;
    /* the chart prints on the page of its title */
    ps_rep_keep(s, row, row + 1);
    return ps_rep_insert_chart(r, s, row + 1, 0, ch, &co);
}

ps_error ps_rep_write_trends(ps_rep *r, ps_rep_sheet *s, const ps_rep_sheet *dist)
{
    const ps_report_model *m = r->m;
    const ps_unit *un = &r->cat->units[m->unit];
    int y = m->p.year;
    char title[300];
    ps_rep_trends_title(y, r->en, title, sizeof title);
    ps_error err;
    ps_rep_sheet_cols(s, 4);
    if ((err = ps_rep_put_across(r, s, 0, 0, 11, title, r->f_title)))
        return err;
    char sub[300];
    snprintf(sub, sizeof sub, "%s (%s %s)", r->en ? un->name_en : un->name_vi, L(r, L_CODE_WORD), un->code);
    if ((err = ps_rep_put_across(r, s, 1, 0, 11, sub, r->f_subtitle)))
        return err;
    char ythis[32], ylast[32];
    snprintf(ythis, sizeof ythis, "%s%d", L(r, L_YEAR_PREFIX), y);
    snprintf(ylast, sizeof ylast, "%s%d", L(r, L_YEAR_PREFIX), y - 1);
    const char *hh[4] = {L(r, L_PERIOD), ythis, ylast, L(r, L_INDEX_LAST_YEAR)};
    for (int c = 0; c < 4; c++)
        ps_rep_header_min(s, c, hh[c], 14);
    s->minw[0] = 16;
    if (s->minw[3] < 16) /* two lines of header, not three */
        s->minw[3] = 16;
    int row = 3;
    for (int j = 0; j < m->nkeys; j++)
        if ((err = trend_block(r, s, j, row, hh, &row)))
            return err;
    if (!m->nkeys) {
        LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, 0, L(r, L_NO_KEYS), r->f_legend));
        row += 2;
    }
    if (m->chart_key >= 0 && m->nkids > 0 && (err = district_chart(r, s, dist, row)))
        return err;
    worksheet_freeze_panes(s->ws, 3, 0);
    s->maxw[0] = 24;
    if ((err = ps_rep_sheet_finish(r, s)))
        return err;
    return ps_rep_print_layout(r, s, row, false);
}
