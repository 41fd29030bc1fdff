/* sheet_data.c - sheet 5, data: every value used, in long form, as an Excel table (or an autofilter). */
#include "export/report_int.h"

#include "core/number.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

/* The columns of export --format long and a note; headed in the report's
 * language by the labels L_DATA_UNIT.. L_DATA_NOTE. */
enum { D_NCOLS = 12 };

/* One row of the model's data; pb holds the text of the period of key *pk
 * (rows come a few periods over and over). */
static ps_error data_row(ps_rep *r, ps_rep_sheet *s, int row, const ps_report_drow *d, char *pb, int *pk)
{
    const ps_unit *u = &r->cat->units[d->unit];
    const ps_indicator *x = &r->cat->indicators[d->ind];
    char flags[256], st[2] = {d->v.status, 0};
    if (ps_period_key(d->p) != *pk) {
        *pk = ps_period_key(d->p);
        ps_period_format(d->p, pb);
    }
    ps_val_flags_text(&d->v, flags, sizeof flags);
    ps_error err;
    if ((err = ps_rep_put_text(r, s, row, 0, u->code, NULL)) ||
        (err = ps_rep_put_text(r, s, row, 1, r->en ? u->name_en : u->name_vi, NULL)) ||
        (err = ps_rep_put_text(r, s, row, 2, x->code, NULL)) ||
        (err = ps_rep_put_text(r, s, row, 3, r->en ? x->name_en : x->name_vi, NULL)) ||
        (err = ps_rep_put_text(r, s, row, 4, r->en ? x->unit_en : x->unit_vi, NULL)) ||
        (err = ps_rep_put_text(r, s, row, 5, pb, NULL)) ||
        (err = ps_rep_put_text(r, s, row, 6, d->plan ? "plan" : "actual", NULL)))
        return err;
    lxw_format *vf = ps_rep_data_num_format(r, x->decimals);
    if (!vf)
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XLSX_NO_MEMORY_FORMATS, r->path);
    if ((err = ps_rep_put_number(r, s, row, 7, d->v.v, vf, x->decimals)) ||
        (err = ps_rep_put_text(r, s, row, 8, st, NULL)))
        return err;
    LX(s->name, worksheet_write_number(s->ws, (lxw_row_t)row, 9, d->v.coverage, NULL));
    ps_rep_need(s, 9, d->v.coverage < 1 ? 11 : 1);
    if ((err = ps_rep_put_text(r, s, row, 10, flags, NULL)) || (err = ps_rep_put_text(r, s, row, 11, d->note, NULL)))
        return err;
    return PS_OK;
}

/* Rows 0..last as the n-th Data table, or an autofilter in constant-memory
 * mode (which cannot write tables). */
static ps_error data_table(ps_rep *r, ps_rep_sheet *s, int last, int n)
{
    if (r->cm) {
        LX(s->name, worksheet_autofilter(s->ws, 0, 0, (lxw_row_t)(last > 0 ? last : 1), D_NCOLS - 1));
        return PS_OK;
    }
    lxw_table_column cols[D_NCOLS];
    lxw_table_column *pcols[D_NCOLS + 1];
    memset(cols, 0, sizeof cols);
    for (int c = 0; c < D_NCOLS; c++) {
        cols[c].header = (char *)L(r, (ps_rep_label_id)(L_DATA_UNIT + c));
        cols[c].header_format = r->f_text_bold;
        pcols[c] = &cols[c];
    }
    pcols[D_NCOLS] = NULL;
    char tname[32];
    snprintf(tname, sizeof tname, n > 1 ? "Data_%d" : "Data", n);
    lxw_table_options topt = {0};
    topt.name = tname;
    topt.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    topt.style_type_number = 9;
    topt.columns = pcols;
    /* a table needs one data row, even an empty one */
    LX(s->name, worksheet_add_table(s->ws, 0, 0, (lxw_row_t)(last > 0 ? last : 1), D_NCOLS - 1, &topt));
    return PS_OK;
}

ps_error ps_rep_write_data(ps_rep *r, ps_rep_sheet *s, size_t from, size_t to, int n)
{
    ps_rep_sheet_cols(s, D_NCOLS);
    for (int c = 0; c < D_NCOLS; c++) {
        const char *head = L(r, (ps_rep_label_id)(L_DATA_UNIT + c));
        LX(s->name, worksheet_write_string(s->ws, 0, (lxw_col_t)c, head, r->f_text_bold));
        ps_rep_need(s, c, (double)ps_text_width(head) + 3); /* the filter button */
    }
    s->maxw[1] = 40;
    s->maxw[3] = 60;
    s->maxw[11] = 60;
    int row = 1;
    char pb[PS_PERIOD_BUFSZ] = "";
    int pk = 0;
    ps_error err;
    for (size_t i = from; i < to; i++, row++)
        if ((err = data_row(r, s, row, &r->m->data[i], pb, &pk)))
            return err;
    if ((err = data_table(r, s, row - 1, n)))
        return err;
    worksheet_freeze_panes(s->ws, 1, 0);
    LX(s->name, worksheet_repeat_rows(s->ws, 0, 0));
    return ps_rep_sheet_finish(r, s);
}
