/* sheet_reporting.c - sheet 4, reporting: what each reporter has sent for the period, who is missing or late. */
#include "export/report_int.h"

#include <math.h>
#include <stdio.h>

ps_error ps_rep_write_reporting(ps_rep *r, ps_rep_sheet *s)
{
    const ps_catalog *cat = r->cat;
    char title[300], pyname[64];
    ps_rep_period_name(r->m->p, r->en, true, pyname, sizeof pyname);
    snprintf(title, sizeof title, "%s %s", L(r, L_REPORTING_FOR), pyname);
    ps_error err;
    enum { NC = 8 };
    if ((err = ps_rep_put_across(r, s, 0, 0, NC - 1, title, r->f_title)))
        return err;
    const char *hh[NC] = {L(r, L_REP_REPORTER),
                          L(r, L_REP_NAME),
                          L(r, L_REP_EXPECTED),
                          L(r, L_REP_RECEIVED),
                          L(r, L_REP_MISSING),
                          L(r, L_REP_ON_TIME),
                          L(r, L_REP_LATE),
                          L(r, L_REP_RATE)};
    ps_rep_sheet_cols(s, NC);
    for (int c = 2; c < NC; c++)
        ps_rep_header_min(s, c, hh[c], 12);
    s->maxw[1] = 50;
    int row = 2;
    if ((err = ps_rep_put_header(r, s, row, 0, hh, NC)))
        return err;
    int first = ++row;
    for (size_t i = 0; i <= cat->nreporters; i++) {
        const ps_status_row *st = &r->m->status[i];
        bool total = st->reporter < 0;
        const ps_reporter *rp = total ? NULL : &cat->reporters[st->reporter];
        lxw_format *tf = total ? r->f_text_bold : r->f_text;
        lxw_format *nf = total ? r->f_int_bold : r->f_int;
        char tname[200];
        snprintf(tname, sizeof tname, "%s", total ? L(r, L_TOTAL) : (r->en ? rp->name_en : rp->name_vi));
        if ((err = ps_rep_put_text(r, s, row, 0, total ? "*" : rp->code, tf)) ||
            (err = ps_rep_put_text(r, s, row, 1, tname, tf)))
            return err;
        long v[5] = {st->expected, st->received, st->missing, st->on_time, st->late};
        for (int c = 0; c < 5; c++)
            if ((err = ps_rep_put_number(r, s, row, 2 + c, (double)v[c], nf, 0)))
                return err;
        ps_opt rate = {!isnan(st->rate), isnan(st->rate) ? 0 : st->rate};
        if ((err = ps_rep_put_pct(r, s, row, 7, rate, total ? V_BOLD : 0)))
            return err;
        row++;
    }
    int last = row - 1;
    lxw_conditional_format cf = {0};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
    cf.value = 0;
    cf.format = r->dxf_bad;
    LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, 4, (lxw_row_t)last, 4, &cf));
    cf.format = r->dxf_warn;
    LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, 6, (lxw_row_t)last, 6, &cf));
    row++;
    const char *legend = L(r, L_REP_LEGEND);
    LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, 1, legend, r->f_legend));
    worksheet_freeze_panes(s->ws, (lxw_row_t)first, 2);
    if ((err = ps_rep_repeat_rows(r, s, 2, 2)) || (err = ps_rep_sheet_finish(r, s)))
        return err;
    return ps_rep_print_layout(r, s, row, false);
}
