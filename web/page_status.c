/* page_status.c - the home page and the reporting status of a period
 * (SPEC §9 "Everyone's pages", as `status`). An office sees its own row. */
#include "web/app.h"

#include "aggregate/status.h"
#include "core/number.h"
#include "core/period.h"
#include "web/labels.h"
#include "web/pages.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The period of the page: the field "period", else the last month. False
 * (and an error page) when the field is not a period. */
static bool page_period(ps_web_req *r, ps_period *p, char text[PS_PERIOD_BUFSZ])
{
    const char *f = ps_web_field_get(r, "period");
    char msg[256];
    if (f && *f) {
        if (!ps_period_parse(f, p, msg, sizeof msg)) {
            ps_web_error_page(r, 400, T(BAD_PERIOD));
            return false;
        }
    } else {
        *p = ps_web_last_month();
    }
    ps_period_format(*p, text);
    return true;
}

static void period_form(ps_web_req *r, const char *action, const char *period)
{
    ps_html_fmt(&r->body, "<form method=\"get\" action=\"%s\"><label>%s <input name=\"period\" value=\"%s\">"
                          "</label><button>%s</button></form>",
                action, T(PERIOD), period, T(SHOW));
}

static const char *role_label(const ps_web_req *r)
{
    ps_role role = r->who.account.role;
    return role == PS_ROLE_OFFICE ? T(ROLE_OFFICE) : role == PS_ROLE_LEADER ? T(ROLE_LEADER) : T(ROLE_ADMIN);
}

/* An office's last twelve months: what is due, received, missing, late,
 * each month linking to its status page. */
static ps_error office_periods(ps_web_req *r)
{
    int rep = ps_catalog_reporter(r->cat, r->who.account.reporter);
    if (rep < 0)
        return PS_OK; /* the reporter left the catalog: nothing is due */
    ps_ctx ctx = {0};
    ps_engine *e = NULL;
    ps_error err = ps_engine_new(r->db, r->cat, &e, &ctx);
    ps_html_fmt(&r->body, "<table id=\"periods\"><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>",
                T(PERIOD), T(EXPECTED), T(RECEIVED), T(MISSING), T(LATE));
    ps_period p = ps_web_last_month();
    for (int i = 0; i < 12 && !err; i++, p = ps_period_prev(p)) {
        ps_status_row *rows = NULL;
        if ((err = ps_status_compute_kept(e, p, &rows, &ctx)))
            break;
        const ps_status_row *s = &rows[rep];
        char pt[PS_PERIOD_BUFSZ];
        ps_period_format(p, pt);
        ps_html_fmt(&r->body, "<tr><td><a href=\"/status?period=%u\">%s</a></td><td class=\"n\">%ld</td>"
                              "<td class=\"n\">%ld</td><td class=\"n%s\">%ld</td><td class=\"n\">%ld</td></tr>",
                    pt, pt, s->expected, s->received, s->missing ? " low" : "", s->missing, s->late);
        free(rows);
    }
    ps_html_tag(&r->body, "</table>");
    ps_engine_free(e);
    return err;
}

void ps_page_home(ps_web_req *r)
{
    ps_web_page_begin(r, T(HOME));
    ps_html_fmt(&r->body, "<p>%s, <strong>%s</strong> (%s%s%s).</p>", T(WELCOME), r->who.account.login,
                role_label(r), *r->who.account.reporter ? " " : "", r->who.account.reporter);
    bool office = r->who.account.role == PS_ROLE_OFFICE;
    if (office && office_periods(r)) {
        ps_web_error_page(r, 500, T(SERVER_ERROR));
        return;
    }
    ps_html_fmt(&r->body, "<ul><li><a href=\"/status\">%s</a></li><li><a href=\"/trend\">%s</a></li>", T(STATUS),
                T(TREND));
    if (office)
        ps_html_fmt(&r->body, "<li><a href=\"/upload\">%s</a></li>", T(UPLOAD));
    ps_html_tag(&r->body, "</ul>");
    ps_web_page_end(r);
}

/* One row of the status table. */
static void status_row(ps_web_req *r, const char *code, const char *name, const ps_status_row *s)
{
    ps_html_fmt(&r->body, "<tr><td>%s</td><td>%s</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
                          "<td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>",
                code, name, s->expected, s->received, s->missing, s->on_time, s->late);
    if (isnan(s->rate)) {
        ps_html_tag(&r->body, "<td></td></tr>");
    } else {
        char rate[PS_NUMBER_BUFSZ];
        ps_number_format_fixed(s->rate, 1, r->lang == PS_WEB_VI ? PS_NF_VI : PS_NF_EN, rate);
        ps_html_fmt(&r->body, "<td class=\"n\">%s</td></tr>", rate);
    }
}

/* The values still missing (as `status --missing`), at most 1,000 shown. */
static ps_error missing_table(ps_web_req *r, ps_engine *e, ps_period p, int reporter)
{
    char today[16];
    time_t t = time(NULL);
    struct tm tm;
    strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&t, &tm));
    ps_missing_row *rows = NULL;
    size_t n = 0;
    ps_ctx ctx = {0};
    ps_error err = ps_status_missing(e, p, reporter, today, &rows, &n, &ctx);
    if (err)
        return err;
    ps_html_fmt(&r->body, "<h2>%s (%zu)</h2><table id=\"missing\"><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th></tr>",
                T(MISSING_VALUES), n, T(REPORTER), T(UNIT), T(INDICATOR), T(PERIOD), T(DEADLINE), T(DAYS_LATE));
    for (size_t i = 0; i < n && i < 1000; i++) {
        const ps_missing_row *m = &rows[i];
        const ps_indicator *x = &r->cat->indicators[m->indicator];
        char pb[PS_PERIOD_BUFSZ];
        ps_html_fmt(&r->body, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
                    r->cat->reporters[m->reporter].code, r->cat->units[m->unit].code,
                    r->lang == PS_WEB_EN ? x->name_en : x->name_vi, ps_period_format(m->period, pb), m->deadline);
        if (m->days_late >= 0)
            ps_html_fmt(&r->body, "<td class=\"n low\">%ld</td></tr>", m->days_late);
        else
            ps_html_tag(&r->body, "<td></td></tr>");
    }
    ps_html_tag(&r->body, "</table>");
    free(rows);
    return PS_OK;
}

void ps_page_status(ps_web_req *r)
{
    ps_period p;
    char pt[PS_PERIOD_BUFSZ];
    if (!page_period(r, &p, pt))
        return;
    ps_engine *e = NULL;
    ps_status_row *rows = NULL;
    ps_ctx ctx = {0};
    if (ps_engine_new(r->db, r->cat, &e, &ctx) || ps_status_compute_kept(e, p, &rows, &ctx)) {
        ps_engine_free(e);
        ps_web_error_page(r, 500, T(SERVER_ERROR));
        return;
    }
    ps_web_page_begin(r, T(STATUS));
    period_form(r, "/status", pt);
    ps_html_fmt(&r->body, "<table id=\"status\"><tr><th>%s</th><th></th><th>%s</th><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th><th>%s</th></tr>",
                T(REPORTER), T(EXPECTED), T(RECEIVED), T(MISSING), T(ON_TIME), T(LATE), T(RATE));
    bool office = r->who.account.role == PS_ROLE_OFFICE;
    for (size_t i = 0; i < r->cat->nreporters; i++) {
        const ps_reporter *rep = &r->cat->reporters[i];
        if (office && strcmp(rep->code, r->who.account.reporter) != 0)
            continue;
        status_row(r, rep->code, r->lang == PS_WEB_EN ? rep->name_en : rep->name_vi, &rows[i]);
    }
    if (!office)
        status_row(r, "*", "", &rows[r->cat->nreporters]);
    ps_html_tag(&r->body, "</table>");
    int rep = office ? ps_catalog_reporter(r->cat, r->who.account.reporter) : -1;
    ps_error err = office && rep < 0 ? PS_OK : missing_table(r, e, p, rep);
    ps_web_page_end(r);
    if (err)
        ps_web_error_page(r, 500, T(SERVER_ERROR));
    free(rows);
    ps_engine_free(e);
}
