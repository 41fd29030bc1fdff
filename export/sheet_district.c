/* sheet_district.c - sheet 2, by district: the units below × key indicators, with share and rank. */
#include "export/report_int.h"

#include "core/alloc.h"

#include <stdio.h>
#include <stdlib.h>

/* "Giá trị (tỷ đồng)", or "Giá trị quý II/2016 (tỷ đồng)" for a key shown
 * for a period of its own: the value header of key j into buf (160 bytes). */
static char *value_head(const ps_rep *r, int j, char *buf)
{
    const ps_indicator *x = &r->cat->indicators[r->m->keys[j]];
    const char *um = r->en ? x->unit_en : x->unit_vi;
    ps_period kp = r->m->key_period[j];
    if (ps_period_eq(kp, r->m->p)) {
        snprintf(buf, 160, "%s (%s)", L(r, L_VALUE), um);
    } else {
        char pn[64];
        snprintf(buf, 160, "%s %s (%s)", L(r, L_VALUE), ps_rep_period_name(kp, r->en, true, pn, sizeof pn), um);
    }
    return buf;
}

/* Row 3: the fixed headers, and each key indicator's name across its three
 * columns, the row high enough for the longest. */
static ps_error names_row(ps_rep *r, ps_rep_sheet *s, int row)
{
    const ps_report_model *m = r->m;
    const char *fixed[3] = {L(r, L_NO), L(r, L_CODE), L(r, L_UNIT)};
    int lines = 1;
    for (int j = 0; j < m->nkeys; j++) {
        const ps_indicator *x = &r->cat->indicators[m->keys[j]];
        char vh[160];
        ps_rep_header_min(s, 3 + 3 * j, value_head(r, j, vh), 16);
        ps_rep_header_min(s, 4 + 3 * j, L(r, L_SHARE), 12);
        ps_rep_header_min(s, 5 + 3 * j, L(r, L_RANK), 10);
        double across = ps_rep_col_width(s, 3 + 3 * j) + ps_rep_col_width(s, 4 + 3 * j) +
                        ps_rep_col_width(s, 5 + 3 * j);
        int l = ps_rep_wrap_lines(r->en ? x->name_en : x->name_vi, across);
        if (l > lines)
            lines = l;
    }
    ps_error err = ps_rep_set_row(r, s, row, 13.0 * lines + 3);
    if (err)
        return err;
    for (int c = 0; c < 3; c++)
        LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)c, fixed[c], r->f_head));
    lxw_format *across_head = NULL;
    if (!(across_head = ps_rep_fmt_new(r, true)))
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XLSX_NO_MEMORY_FORMATS, r->path);
    format_set_bold(across_head);
    format_set_text_wrap(across_head);
    format_set_align(across_head, LXW_ALIGN_CENTER_ACROSS);
    format_set_bg_color(across_head, 0xDDEBF7);
    for (int j = 0; j < m->nkeys; j++) {
        const ps_indicator *x = &r->cat->indicators[m->keys[j]];
        err = ps_rep_put_across(r, s, row, 3 + 3 * j, 5 + 3 * j, r->en ? x->name_en : x->name_vi,
                                         across_head);
        if (err)
            return err;
    }
    return PS_OK;
}

/* Row 4: value / share / rank under each key indicator. */
static ps_error measures_row(ps_rep *r, ps_rep_sheet *s, int row)
{
    const ps_report_model *m = r->m;
    int n = 3 + 3 * m->nkeys;
    const char **hh = ps_xcalloc((size_t)n, sizeof *hh);
    char (*vh)[160] = ps_xcalloc((size_t)m->nkeys + 1, sizeof *vh);
    for (int j = 0; j < m->nkeys; j++) {
        hh[3 + 3 * j] = value_head(r, j, vh[j]);
        hh[4 + 3 * j] = L(r, L_SHARE);
        hh[5 + 3 * j] = L(r, L_RANK);
    }
    ps_error err = ps_rep_put_header(r, s, row, 0, hh, n);
    free(hh);
    free(vh);
    return err;
}

/* Value (with its comment), share and rank of key j for unit row k. */
static ps_error key_cells(ps_rep *r, ps_rep_sheet *s, int row, const ps_report_krow *k, int j, bool total)
{
    const ps_indicator *x = &r->cat->indicators[r->m->keys[j]];
    const ps_row *w = &k->rows[j];
    ps_error err;
    if ((err = ps_rep_put_val(r, s, row, 3 + 3 * j, &w->value, x->decimals, total)))
        return err;
    char *cm = ps_rep_cell_comment(r, &w->value, 0, NULL);
    err = ps_rep_put_comment(r, s, row, 3 + 3 * j, cm);
    free(cm);
    if (err)
        return err;
    ps_opt share = w->share_of_parent;
    if (total) {
        share.has = w->value.has && x->kind != PS_KIND_DERIVED && x->space_agg == PS_AGG_SUM;
        share.v = 100;
    }
    if ((err = ps_rep_put_pct(r, s, row, 4 + 3 * j, share, total ? V_BOLD : 0)))
        return err;
    if (k->rank[j])
        return ps_rep_put_number(r, s, row, 5 + 3 * j, k->rank[j], r->f_no, 0);
    return ps_rep_put_text(r, s, row, 5 + 3 * j, NULL, r->f_center);
}

/* Row i of the table: 0 is the unit itself, as the total. */
static ps_error unit_row(ps_rep *r, ps_rep_sheet *s, int row, int i)
{
    const ps_report_krow *k = &r->m->dist[i];
    const ps_unit *u = &r->cat->units[k->unit];
    bool total = i == 0;
    ps_error err;
    if (total)
        err = ps_rep_put_text(r, s, row, 0, NULL, r->f_text_bold);
    else
        err = ps_rep_put_number(r, s, row, 0, i, r->f_no, 0);
    if (err || (err = ps_rep_put_text(r, s, row, 1, u->code, total ? r->f_text_bold : r->f_text)))
        return err;
    char name[300];
    if (total)
        snprintf(name, sizeof name, "%s: %s", L(r, L_TOTAL), r->en ? u->name_en : u->name_vi);
    else
        snprintf(name, sizeof name, "%s", r->en ? u->name_en : u->name_vi);
    if ((err = ps_rep_put_text(r, s, row, 2, name, total ? r->f_text_bold : r->f_text)))
        return err;
    for (int j = 0; j < r->m->nkeys; j++)
        if ((err = key_cells(r, s, row, k, j, total)))
            return err;
    return PS_OK;
}

ps_error ps_rep_write_districts(ps_rep *r, ps_rep_sheet *s)
{
    const ps_report_model *m = r->m;
    const ps_unit *un = &r->cat->units[m->unit];
    char title[300];
    ps_rep_district_title(m->kid_level, m->p, r->en, title, sizeof title);
    int ncols = 3 + 3 * m->nkeys;
    if (ncols > LXW_COL_MAX)
        return ps_failm(r->ctx, PS_ERR_LIMIT, PS_M_XDIST_CANNOT_WRITE_KEY_INDICATORS,
                        r->path, m->nkeys);
    ps_rep_sheet_cols(s, ncols);
    s->minw[0] = 5;
    s->minw[1] = 6;
    ps_error err;
    if ((err = ps_rep_put_across(r, s, 0, 0, ncols - 1, title, r->f_title)))
        return err;
    char sub[300];
    snprintf(sub, sizeof sub, "%s (%s %s)", r->en ? un->name_en : un->name_vi, L(r, L_CODE_WORD), un->code);
    if ((err = ps_rep_put_across(r, s, 1, 0, ncols - 1, sub, r->f_subtitle)))
        return err;
    /* two header rows: indicator names across their three columns, then
     * value / share / rank */
    if ((err = names_row(r, s, 3)) || (err = measures_row(r, s, 4)))
        return err;
    int row = 5;
    for (int i = 0; i <= m->nkids; i++)
        if ((err = unit_row(r, s, row++, i)))
            return err;
    row++;
    LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, 2, L(r, L_DIST_LEGEND), r->f_legend));
    if (!m->nkids)
        LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)++row, 2, L(r, L_NO_UNITS_BELOW), r->f_legend));
    worksheet_freeze_panes(s->ws, 5, 3);
    s->maxw[2] = 45;
    if ((err = ps_rep_repeat_rows(r, s, 3, 4)) || (err = ps_rep_sheet_finish(r, s)))
        return err;
    return ps_rep_print_layout(r, s, row, false);
}
