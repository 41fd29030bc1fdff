/* frame.c - what every page shares: the head, the menu, the language
 * switch, the error page and the style sheet. */
#include "web/app.h"

#include "web/labels.h"
#include "web/pages.h"

#include <string.h>
#include <time.h>

#define STYLE \
    "body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}" \
    "header{background:#7a1010;color:#fff;padding:.6em 1em;display:flex;gap:1em;align-items:center;flex-wrap:wrap}" \
    "header a,header button{color:#fff;background:none;border:0;font:inherit;cursor:pointer;text-decoration:underline}" \
    "header form{display:inline;margin:0}main{padding:1em 1.5em;max-width:96em}" \
    "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.25em .6em;vertical-align:top}" \
    "th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}" \
    "tr.group th{text-align:left;background:#f4e4e4}.legend{font-size:90%;margin:.2em 0}" \
    ".error{color:#a00000}.warning{color:#8a5a00}.low{background:#fde2e2}.est{font-style:italic}" \
    ".note{background:#fff7d6;border:1px solid #e0c060;padding:.6em}" \
    "label{display:block;margin:.5em 0}input,select{font:inherit}"

void ps_page_style(ps_web_req *r)
{
    r->content_type = "text/css; charset=utf-8";
    ps_html_tag(&r->body, STYLE);
}

void ps_web_page_begin(ps_web_req *r, const char *title)
{
    ps_html *h = &r->body;
    ps_html_fmt(h, "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width\"><title>%s – %s</title>"
                   "<link rel=\"stylesheet\" href=\"/style.css\"></head><body><header><strong>%s</strong>",
                r->lang == PS_WEB_EN ? "en" : "vi", title, T(APP), T(APP));
    if (r->logged_in) {
        ps_html_fmt(h, "<a href=\"/\">%s</a><a href=\"/status\">%s</a>", T(HOME), T(STATUS));
        if (r->who.account.role == PS_ROLE_OFFICE)
            ps_html_fmt(h, "<a href=\"/upload\">%s</a>", T(UPLOAD));
        ps_html_fmt(h, "<a href=\"/summary\">%s</a><a href=\"/submissions\">%s</a><a href=\"/trend\">%s</a>",
                    T(SUMMARY), T(SUBMISSIONS), T(TREND));
        if (r->who.account.role == PS_ROLE_ADMIN)
            ps_html_fmt(h, "<a href=\"/admin\">%s</a>", T(ADMIN));
        ps_html_fmt(h, "<span>%s</span><form method=\"post\" action=\"/logout\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><button>%s</button></form>",
                    r->who.account.login, r->who.csrf, T(LOGOUT));
    }
    ps_html_fmt(h, "<a href=\"/lang?to=%s&amp;back=%u\">%s</a></header><main><h1>%s</h1>",
                r->lang == PS_WEB_EN ? "vi" : "en", r->path, T(LANG_OTHER), title);
}

void ps_web_page_end(ps_web_req *r)
{
    ps_html_tag(&r->body, "</main></body></html>\n");
}

void ps_web_error_page(ps_web_req *r, int status, const char *message)
{
    r->status = status;
    ps_sb_clear(&r->body.sb);
    ps_web_page_begin(r, T(ERROR));
    ps_html_fmt(&r->body, "<p class=\"error\">%s</p>", message);
    ps_web_page_end(r);
}

ps_period ps_web_last_month(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    int y = tm.tm_year + 1900, m = tm.tm_mon; /* tm_mon is 0-based: this is the month before */
    return m == 0 ? ps_period_month(y - 1, 12) : ps_period_month(y, m);
}
