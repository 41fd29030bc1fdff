/* page_trend.c - a planner's trend page (SPEC §9): an indicator of a unit
 * over a range of periods, the series table and an SVG line chart with its
 * fit, computed by the same code as `trend` (indicators/trend.h). */
#include "web/app.h"

#include "core/number.h"
#include "core/period.h"
#include "aggregate/latest.h"
#include "indicators/trend.h"
#include "web/labels.h"
#include "web/pages.h"
#include "web/svg.h"

#include <stdlib.h>
#include <string.h>

/* The range: the fields, else the 24 months up to the series' latest
 * month with data (aggregate/latest.h). False when a field is not a period. */
static bool page_range(ps_web_req *r, ps_engine *e, int u, int ind, ps_period *from, ps_period *to,
                       ps_ctx *ctx, ps_error *err)
{
    const char *f = ps_web_field_get(r, "from"), *t = ps_web_field_get(r, "to");
    char msg[256];
    *err = PS_OK;
    if (f && *f && t && *t)
        return ps_period_parse(f, from, msg, sizeof msg) && ps_period_parse(t, to, msg, sizeof msg);
    ps_period last = {0};
    if ((*err = ps_latest_month(e, u, ind, 0, &last, ctx)))
        return true;
    if (last.type == PS_P_NONE)
        last = ps_web_last_month(); /* nothing stored: the range up to now shows that */
    *to = last;
    *from = last;
    for (int i = 0; i < 23; i++)
        *from = ps_period_prev(*from);
    return true;
}

static void fmt_num(const ps_web_req *r, bool has, double v, int dec, char *buf)
{
    if (has)
        ps_number_format_fixed(v, dec, r->lang == PS_WEB_VI ? PS_NF_VI : PS_NF_EN, buf);
    else
        buf[0] = '\0';
}

static void trend_form(ps_web_req *r, int ind, int u, ps_period from, ps_period to)
{
    char pf[PS_PERIOD_BUFSZ], pt[PS_PERIOD_BUFSZ];
    ps_html *h = &r->body;
    ps_html_fmt(h, "<form method=\"get\" action=\"/trend\"><label>%s <select name=\"indicator\">", T(INDICATOR));
    for (size_t i = 0; i < r->cat->nindicators; i++) {
        const ps_indicator *x = &r->cat->indicators[i];
        ps_html_fmt(h, "<option value=\"%s\"%s>%s</option>", x->code, (int)i == ind ? " selected" : "",
                    r->lang == PS_WEB_EN ? x->name_en : x->name_vi);
    }
    ps_html_fmt(h, "</select></label><label>%s <input name=\"unit\" value=\"%s\"></label>"
                   "<label>%s <input name=\"from\" value=\"%s\"></label><label>%s <input name=\"to\" value=\"%s\">"
                   "</label><button>%s</button></form>",
                T(UNIT), u >= 0 ? r->cat->units[u].code : "", T(FROM), ps_period_format(from, pf), T(TO),
                ps_period_format(to, pt), T(SHOW));
}

static void trend_table(ps_web_req *r, const ps_trend *t, int dec)
{
    ps_html *h = &r->body;
    ps_html_fmt(h, "<table id=\"series\"><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>", T(PERIOD),
                T(VALUE), T(INDEX_PREV_YEAR), T(INDEX_PREV_PERIOD));
    for (size_t i = 0; i < t->npoints; i++) {
        const ps_trend_point *p = &t->points[i];
        char pb[PS_PERIOD_BUFSZ], v[PS_NUMBER_BUFSZ], iy[PS_NUMBER_BUFSZ], ip[PS_NUMBER_BUFSZ];
        fmt_num(r, p->value.has, p->value.v, dec, v);
        fmt_num(r, p->index_prev_year.has, p->index_prev_year.v, 1, iy);
        fmt_num(r, p->index_prev_period.has, p->index_prev_period.v, 1, ip);
        bool low = p->index_prev_year.has && p->index_prev_year.v < 100;
        ps_html_fmt(h, "<tr><td>%s</td><td class=\"n%s\">%s</td><td class=\"n%s\">%s</td><td class=\"n\">%s</td></tr>",
                    ps_period_format(p->period, pb), p->value.status == 'E' ? " est" : "", v, low ? " low" : "", iy,
                    ip);
    }
    ps_html_tag(h, "</table>");
    char slope[PS_NUMBER_BUFSZ], r2[PS_NUMBER_BUFSZ], cagr[PS_NUMBER_BUFSZ], ye[PS_NUMBER_BUFSZ];
    fmt_num(r, t->slope.has, t->slope.v, dec + 1, slope);
    fmt_num(r, t->r2.has, t->r2.v, 3, r2);
    fmt_num(r, t->cagr.has, t->cagr.v * 100, 1, cagr);
    fmt_num(r, t->year_end_linear.has, t->year_end_linear.v, dec, ye);
    ps_html_fmt(h, "<table id=\"fit\"><tr><th>%s</th><td class=\"n\">%s</td></tr><tr><th>R²</th><td class=\"n\">%s"
                   "</td></tr><tr><th>CAGR (%%)</th><td class=\"n\">%s</td></tr><tr><th>%s</th><td class=\"n\">%s"
                   "</td></tr></table>",
                T(SLOPE), slope, r2, cagr, T(YEAR_END_LINEAR), ye);
}

void ps_page_trend(ps_web_req *r)
{
    const char *code = ps_web_field_get(r, "indicator");
    int ind = code && *code ? ps_catalog_indicator(r->cat, code) : 0;
    if (ind < 0) {
        ps_web_error_page(r, 400, T(BAD_CHOICE));
        return;
    }
    int u = ps_web_unit_or_error(r);
    if (u < 0)
        return;
    ps_period from = {0}, to = {0};
    ps_ctx ctx = {0};
    ps_engine *e = NULL;
    ps_trend *t = NULL;
    ps_error err = ps_engine_new(r->db, r->cat, &e, &ctx);
    if (!err && !page_range(r, e, u, ind, &from, &to, &ctx, &err)) {
        ps_engine_free(e);
        ps_web_error_page(r, 400, T(BAD_PERIOD));
        return;
    }
    if (!err)
        err = ps_trend_compute(e, u, ind, from, to, &t, &ctx);
    ps_web_page_begin(r, T(TREND));
    trend_form(r, ind, u, from, to);
    if (err == PS_ERR_USAGE) {
        ps_html_fmt(&r->body, "<p class=\"error\">%s</p>", ps_ctx_message(&ctx));
    } else if (!err) {
        const ps_indicator *x = &r->cat->indicators[ind];
        ps_chart_point *pts = calloc(t->npoints ? t->npoints : 1, sizeof *pts);
        char (*labels)[PS_PERIOD_BUFSZ] = calloc(t->npoints ? t->npoints : 1, sizeof *labels);
        for (size_t i = 0; pts && labels && i < t->npoints; i++)
            pts[i] = (ps_chart_point){ps_period_format(t->points[i].period, labels[i]), t->points[i].value.has,
                                      t->points[i].value.v};
        if (pts && labels)
            ps_svg_line_chart(&r->body, r->lang == PS_WEB_EN ? x->name_en : x->name_vi, pts, t->npoints,
                              t->line.has, t->line.intercept, t->line.slope);
        free(pts);
        free(labels);
        trend_table(r, t, x->decimals);
    }
    ps_web_page_end(r);
    if (err && err != PS_ERR_USAGE)
        ps_web_error_page(r, 500, T(SERVER_ERROR));
    ps_trend_free(t);
    ps_engine_free(e);
}
