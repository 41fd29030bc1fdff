/* page_summary.c - the Summary of a period and unit (SPEC §9): the table
 * of the workbook's Summary sheet, with the same numbers, marks and
 * highlights, gathered by the same model (export/report_model.h) and
 * marked by the same rules (export/summary_rows.h). */
#include "web/app.h"

#include "core/number.h"
#include "export/report_labels.h"
#include "export/summary_rows.h"
#include "export/xlsx_report.h"
#include "web/labels.h"
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>

/* A value as the workbook shows it: the indicator's decimals, `-` for
 * nothing occurred, in italics when estimated, provisional or incomplete. */
static void value_cell(ps_web_req *r, const ps_val *v, int dec)
{
    if (!v->has) {
        ps_html_tag(&r->body, "<td></td>");
        return;
    }
    char buf[PS_NUMBER_BUFSZ];
    bool dash = (v->flags & PS_VF_NONE_OCCURRED) && v->v == 0;
    if (!dash)
        ps_number_format_fixed(v->v, dec, r->lang == PS_WEB_EN ? PS_NF_EN : PS_NF_VI, buf);
    bool est = v->status == 'E' || v->status == 'P' || v->coverage < 1;
    ps_html_fmt(&r->body, "<td class=\"n%s\">%s</td>", est ? " est" : "", dash ? "-" : buf);
}

/* An index or a percentage, one decimal; highlighted when low. */
static void pct_cell(ps_web_req *r, ps_opt o, bool low)
{
    char buf[PS_NUMBER_BUFSZ] = "";
    if (o.has)
        ps_number_format_fixed(o.v, 1, r->lang == PS_WEB_EN ? PS_NF_EN : PS_NF_VI, buf);
    ps_html_fmt(&r->body, "<td class=\"n%s\">%s</td>", low ? " low" : "", buf);
}

static void summary_row(ps_web_req *r, const ps_report_model *m, const ps_report_srow *sr, int no)
{
    bool en = r->lang == PS_WEB_EN;
    const ps_indicator *x = &r->cat->indicators[sr->ind];
    const ps_row *v = &sr->row;
    ps_html_fmt(&r->body, "<tr data-indicator=\"%s\"><td class=\"n\">%d</td><td>%s</td><td>%s</td>", x->code, no,
                en ? x->name_en : x->name_vi, en ? x->unit_en : x->unit_vi);
    value_cell(r, &v->plan, x->decimals);
    value_cell(r, &v->prev_period, x->decimals);
    value_cell(r, &v->value, x->decimals);
    value_cell(r, &v->ytd, x->decimals);
    pct_cell(r, v->index_prev_year, ps_summary_low_index(v->index_prev_year));
    pct_cell(r, v->ytd_index_prev_year, ps_summary_low_index(v->ytd_index_prev_year));
    pct_cell(r, v->pct_of_plan, ps_summary_behind_pace(v));
    pct_cell(r, v->pace, false);
    char *notes = ps_summary_marks(m, en, v);
    ps_html_fmt(&r->body, "<td>%s</td></tr>", notes);
    free(notes);
}

static void summary_table(ps_web_req *r, const ps_report_model *m)
{
    bool en = r->lang == PS_WEB_EN;
    char h[S_NCOLS][PS_REP_HEAD_BUFSZ];
    ps_rep_summary_heads(m->p, m->est_prev, m->est_value, en, h);
    ps_html_tag(&r->body, "<table id=\"summary\"><tr>");
    for (int c = 0; c < S_NCOLS; c++)
        ps_html_fmt(&r->body, "<th>%s</th>", h[c]);
    ps_html_tag(&r->body, "</tr>");
    int group = -1, no = 0;
    for (int i = 0; i < m->nsum; i++) {
        const ps_indicator *x = &r->cat->indicators[m->sum[i].ind];
        if (x->group_index != group) {
            char rn[24];
            group = x->group_index;
            ps_html_fmt(&r->body, "<tr class=\"group\"><th>%s</th><th colspan=\"%d\">%s</th></tr>",
                        ps_rep_roman(group + 1, rn), S_NCOLS - 1, ps_catalog_group_name(r->cat, group, en));
        }
        summary_row(r, m, &m->sum[i], ++no);
    }
    ps_html_tag(&r->body, "</table>");
    for (int id = L_LEGEND_HEAD; id <= L_LEGEND_SEE_NOTES; id++)
        ps_html_fmt(&r->body, "<p class=\"legend\">%s</p>", ps_rep_label(en, (ps_rep_label_id)id));
}

void ps_page_summary(ps_web_req *r)
{
    int u = ps_web_unit_or_error(r);
    if (u < 0)
        return;
    const char *f = ps_web_field_get(r, "period");
    char msg[256], pt[PS_PERIOD_BUFSZ], title[200];
    ps_period p = ps_web_last_month();
    if (f && *f && !ps_period_parse(f, &p, msg, sizeof msg)) {
        ps_web_error_page(r, 400, T(BAD_PERIOD));
        return;
    }
    ps_ctx ctx = {0};
    ps_engine *e = NULL;
    ps_report_model m;
    ps_error err = ps_engine_new(r->db, r->cat, &e, &ctx);
    if (!err && !(err = ps_report_model_gather(&m, e, r->db, r->cat, u, p, &ctx))) {
        ps_xlsx_title(p, r->lang == PS_WEB_EN ? "en" : "vi", title, sizeof title);
        ps_web_page_begin(r, title);
        ps_html_fmt(&r->body, "<form method=\"get\" action=\"/summary\"><label>%s <input name=\"period\" "
                              "value=\"%s\"></label><label>%s <input name=\"unit\" value=\"%s\"></label>"
                              "<button>%s</button> <a href=\"/report.xlsx?period=%u&amp;unit=%u\">%s</a></form>",
                    T(PERIOD), ps_period_format(p, pt), T(UNIT), r->cat->units[u].code, T(SHOW), pt,
                    r->cat->units[u].code, T(WORKBOOK));
        summary_table(r, &m);
        ps_web_page_end(r);
        ps_report_model_free(&m);
    }
    ps_engine_free(e);
    if (err)
        ps_web_error_page(r, err == PS_ERR_USAGE ? 400 : 500, ps_ctx_message(&ctx));
}
