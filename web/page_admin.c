/* page_admin.c - the admin pages (SPEC §9): accounts, closing and
 * reopening a period. Every change is a POST with the session's CSRF
 * token (checked by route.c before these run). */
#include "web/app.h"

#include "access/accounts.h"
#include "ingest/period_lock.h"
#include "ingest/retract.h"
#include "store/submission_list.h"
#include "web/labels.h"
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void hidden_csrf(ps_web_req *r)
{
    ps_html_fmt(&r->body, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->who.csrf);
}

static void account_row(const ps_account *a, void *arg)
{
    ps_web_req *r = arg;
    bool locked = a->locked_until > (long long)time(NULL);
    ps_html_fmt(&r->body, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>", a->login, ps_role_name(a->role),
                a->reporter, locked ? T(LOCKED) : "");
    ps_html_tag(&r->body, "<form method=\"post\" action=\"/admin/account/remove\">");
    hidden_csrf(r);
    ps_html_fmt(&r->body, "<input type=\"hidden\" name=\"login\" value=\"%s\"><button>%s</button></form></td></tr>",
                a->login, T(REMOVE));
}

static void account_form(ps_web_req *r)
{
    ps_html_fmt(&r->body, "<h2>%s</h2><form method=\"post\" action=\"/admin/account/add\">", T(ADD_ACCOUNT));
    hidden_csrf(r);
    ps_html_fmt(&r->body, "<label>%s <input name=\"login\" required></label>"
                          "<label>%s <select name=\"role\"><option value=\"office\">%s</option>"
                          "<option value=\"leader\">%s</option><option value=\"admin\">%s</option></select></label>"
                          "<label>%s <input name=\"reporter\"></label>"
                          "<label>%s <input name=\"password\" type=\"password\" autocomplete=\"new-password\" "
                          "required></label><button>%s</button></form>",
                T(LOGIN_NAME), T(ROLE), T(ROLE_OFFICE), T(ROLE_LEADER), T(ROLE_ADMIN), T(REPORTER), T(PASSWORD),
                T(ADD_ACCOUNT));
}

static void lock_form(ps_web_req *r)
{
    for (int close = 1; close >= 0; close--) {
        ps_html_fmt(&r->body, "<h2>%s</h2><form method=\"post\" action=\"%s\">", close ? T(CLOSE) : T(REOPEN),
                    close ? "/admin/close" : "/admin/reopen");
        hidden_csrf(r);
        ps_html_fmt(&r->body, "<label>%s <input name=\"period\" required></label><label>%s <input name=\"unit\">"
                              "</label><button>%s</button></form>",
                    T(PERIOD), T(UNIT), close ? T(CLOSE) : T(REOPEN));
    }
}

/* The admin page, with a line saying what the last action did. */
static void admin_page(ps_web_req *r, const char *done, bool ok)
{
    ps_web_page_begin(r, T(ADMIN));
    if (done)
        ps_html_fmt(&r->body, "<p class=\"%s\" id=\"done\">%s</p>", ok ? "note" : "error", done);
    ps_html_fmt(&r->body, "<h2>%s</h2><table id=\"accounts\"><tr><th>%s</th><th>%s</th><th>%s</th><th></th><th>"
                          "</th></tr>",
                T(ACCOUNTS), T(LOGIN_NAME), T(ROLE), T(REPORTER));
    ps_ctx ctx = {0};
    ps_error err = ps_account_each(r->db, account_row, r, &ctx);
    ps_html_tag(&r->body, "</table>");
    account_form(r);
    lock_form(r);
    ps_web_page_end(r);
    if (err)
        ps_web_error_page(r, 500, T(SERVER_ERROR));
}

void ps_page_admin(ps_web_req *r)
{
    admin_page(r, NULL, true);
}

void ps_page_account_add(ps_web_req *r)
{
    const char *login = ps_web_field_get(r, "login"), *rolef = ps_web_field_get(r, "role");
    const char *rep = ps_web_field_get(r, "reporter"), *pw = ps_web_field_get(r, "password");
    ps_role role;
    ps_ctx ctx = {0};
    if (!login || !pw || !rolef || !ps_role_parse(rolef, &role)) {
        r->status = 400;
        admin_page(r, T(BAD_FORM), false);
        return;
    }
    if (ps_account_create(r->db, r->cat, login, role, role == PS_ROLE_OFFICE ? rep : NULL, pw, NULL, &ctx)) {
        r->status = ctx.err == PS_ERR_USAGE ? 400 : 500;
        admin_page(r, ps_ctx_message(&ctx), false);
        return;
    }
    admin_page(r, T(DONE), true);
}

void ps_page_account_remove(ps_web_req *r)
{
    const char *login = ps_web_field_get(r, "login");
    ps_ctx ctx = {0};
    if (!login || ps_account_remove(r->db, login, &ctx)) {
        r->status = 400;
        admin_page(r, login ? ps_ctx_message(&ctx) : T(BAD_FORM), false);
        return;
    }
    admin_page(r, T(DONE), true);
}

/* POST /admin/close and /admin/reopen: ps_period_lock, as `close`/`reopen`. */
static void lock(ps_web_req *r, bool close)
{
    const char *pf = ps_web_field_get(r, "period"), *uf = ps_web_field_get(r, "unit");
    ps_period p;
    char msg[256];
    int u = uf && *uf ? ps_catalog_unit(r->cat, uf) : r->cat->top;
    if (!pf || !ps_period_parse(pf, &p, msg, sizeof msg) || u < 0) {
        r->status = 400;
        admin_page(r, u < 0 ? T(BAD_CHOICE) : T(BAD_PERIOD), false);
        return;
    }
    bool changed = false;
    ps_change_warning warn = {0};
    ps_ctx ctx = {0};
    if (ps_period_lock(r->db, r->cat, u, p, close, &changed, &warn, &ctx)) {
        r->status = ctx.err == PS_ERR_REFUSED || ctx.err == PS_ERR_USAGE ? 400 : 500;
        admin_page(r, ps_ctx_message(&ctx), false);
        return;
    }
    admin_page(r, changed ? T(DONE) : T(ALREADY_CLOSED), true);
}

void ps_page_close(ps_web_req *r)
{
    lock(r, true);
}

void ps_page_reopen(ps_web_req *r)
{
    lock(r, false);
}

/* POST /admin/retract: withdraws what one submission brought, on behalf
 * of its own reporter (SPEC §4 `retract --submission`); closed periods
 * only when the form says so (then recorded as an override). */
void ps_page_retract(ps_web_req *r)
{
    const char *idf = ps_web_field_get(r, "submission");
    char *end = NULL;
    long long id = idf ? strtoll(idf, &end, 10) : 0;
    char code[65] = "";
    ps_ctx ctx = {0};
    if (!idf || *end || id <= 0 || ps_submission_reporter(r->db, id, code, sizeof code, &ctx) || !*code) {
        ps_web_error_page(r, 400, T(BAD_CHOICE));
        return;
    }
    ps_retract_result res;
    bool force = ps_web_field_get(r, "force") != NULL;
    if (ps_retract_submission(r->db, r->cat, id, ps_catalog_reporter(r->cat, code), force, &res, &ctx)) {
        r->status = ctx.err == PS_ERR_REFUSED || ctx.err == PS_ERR_USAGE ? 400 : 500;
        admin_page(r, ps_ctx_message(&ctx), false);
        return;
    }
    admin_page(r, T(DONE), true);
}
