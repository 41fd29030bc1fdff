/* page_login.c - logging in and out, and the language switch. */
#include "web/app.h"

#include "web/labels.h"
#include "web/pages.h"

#include <string.h>
#include <time.h>

/* The login form carries a CSRF token of its own, before any session:
 * the same random value in a cookie and in the form (SPEC §9). */
static void login_form(ps_web_req *r, const char *problem)
{
    char pre[PS_TOKEN_HEX];
    ps_token_new(pre);
    ps_web_set_cookie(r, "ps_pre", pre, -1);
    ps_web_page_begin(r, T(LOGIN));
    ps_html *h = &r->body;
    if (problem)
        ps_html_fmt(h, "<p class=\"error\" id=\"problem\">%s</p>", problem);
    ps_html_fmt(h, "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"csrf\" value=\"%s\">"
                   "<label>%s <input name=\"login\" id=\"login\" autocomplete=\"username\" required></label>"
                   "<label>%s <input name=\"password\" id=\"password\" type=\"password\" "
                   "autocomplete=\"current-password\" required></label>"
                   "<button id=\"submit\">%s</button></form>",
                pre, T(LOGIN_NAME), T(PASSWORD), T(LOGIN));
    ps_web_page_end(r);
}

void ps_page_login_form(ps_web_req *r)
{
    login_form(r, NULL);
}

void ps_page_login(ps_web_req *r)
{
    const char *login = ps_web_field_get(r, "login");
    const char *pw = ps_web_field_get(r, "password");
    ps_login_outcome out = PS_LOGIN_BAD;
    char token[PS_TOKEN_HEX];
    ps_ctx ctx = {0};
    if (login && pw && ps_login(r->db, login, pw, (long long)time(NULL), r->from, &out, token, &ctx)) {
        ps_web_error_page(r, 500, T(SERVER_ERROR));
        return;
    }
    if (out != PS_LOGIN_OK) {
        r->status = out == PS_LOGIN_LOCKED ? 429 : 401;
        login_form(r, out == PS_LOGIN_LOCKED ? T(LOGIN_LOCKED) : T(LOGIN_BAD));
        return;
    }
    ps_web_set_cookie(r, "ps_session", token, -1);
    ps_web_set_cookie(r, "ps_pre", "", 0);
    ps_web_redirect(r, "/");
}

void ps_page_logout(ps_web_req *r)
{
    ps_ctx ctx = {0};
    if (ps_logout(r->db, r->token, (long long)time(NULL), r->from, &ctx)) {
        ps_web_error_page(r, 500, T(SERVER_ERROR));
        return;
    }
    ps_web_set_cookie(r, "ps_session", "", 0);
    ps_web_redirect(r, "/login");
}

/* GET /lang?to=en&back=/status: sets the page language and goes back. It
 * changes no data, only how pages read (SPEC §9 allows this GET). */
void ps_page_lang(ps_web_req *r)
{
    const char *to = ps_web_field_get(r, "to");
    const char *back = ps_web_field_get(r, "back");
    ps_web_set_cookie(r, "ps_lang", to && strcmp(to, "en") == 0 ? "en" : "vi", 365L * 24 * 3600);
    ps_web_redirect(r, back && back[0] == '/' ? back : "/");
}
