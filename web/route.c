/* route.c - which page answers a request, and who may see it: the
 * session, the language, CSRF on every POST, the role (SPEC §9). */
#include "web/app.h"

#include "web/labels.h"
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum need { PUBLIC = 0, LOGGED_IN, OFFICE, ADMIN } need;

typedef struct route {
    const char *method, *path;
    need who;
    void (*run)(ps_web_req *r);
} route;

static const route routes[] = {
    {"GET", "/style.css", PUBLIC, ps_page_style},
    {"GET", "/login", PUBLIC, ps_page_login_form},
    {"POST", "/login", PUBLIC, ps_page_login},
    {"GET", "/lang", PUBLIC, ps_page_lang},
    {"POST", "/logout", LOGGED_IN, ps_page_logout},
    {"GET", "/", LOGGED_IN, ps_page_home},
    {"GET", "/status", LOGGED_IN, ps_page_status},
    {"GET", "/upload", OFFICE, ps_page_upload_form},
    {"POST", "/upload", OFFICE, ps_page_upload},
    {"GET", "/upload/errors", LOGGED_IN, ps_page_upload_errors},
    {"GET", "/submissions", LOGGED_IN, ps_page_submissions},
    {"GET", "/trend", LOGGED_IN, ps_page_trend},
    {"GET", "/summary", LOGGED_IN, ps_page_summary},
    {"GET", "/report.xlsx", LOGGED_IN, ps_page_workbook},
    {"GET", "/export.csv", LOGGED_IN, ps_page_export},
    {"GET", "/template", LOGGED_IN, ps_page_template},
    {"GET", "/submission/raw", LOGGED_IN, ps_page_raw},
    {"GET", "/admin", ADMIN, ps_page_admin},
    {"POST", "/admin/account/add", ADMIN, ps_page_account_add},
    {"POST", "/admin/account/remove", ADMIN, ps_page_account_remove},
    {"POST", "/admin/close", ADMIN, ps_page_close},
    {"POST", "/admin/reopen", ADMIN, ps_page_reopen},
    {"POST", "/admin/retract", ADMIN, ps_page_retract},
    {NULL, NULL, PUBLIC, NULL},
};

/* The page language: the ps_lang cookie, else PROVSTAT_LANG=en, else Vietnamese. */
static ps_web_lang pick_lang(const ps_web_req *r)
{
    const char *c = ps_web_cookie(r, "ps_lang");
    if (c)
        return strcmp(c, "en") == 0 ? PS_WEB_EN : PS_WEB_VI;
    const char *env = getenv("PROVSTAT_LANG");
    return env && strcmp(env, "en") == 0 ? PS_WEB_EN : PS_WEB_VI;
}

/* Finds the session of the cookie; false when the database failed. */
static bool find_session(ps_web_req *r)
{
    const char *tok = ps_web_cookie(r, "ps_session");
    if (!tok)
        return true;
    ps_ctx ctx = {0};
    if (ps_login_session(r->db, tok, (long long)time(NULL), &r->who, &r->logged_in, &ctx))
        return false;
    if (r->logged_in)
        snprintf(r->token, sizeof r->token, "%s", tok);
    return true;
}

static bool allowed(const ps_web_req *r, need who)
{
    ps_role role = r->who.account.role;
    switch (who) {
    case PUBLIC: return true;
    case LOGGED_IN: return r->logged_in;
    case OFFICE: return r->logged_in && role == PS_ROLE_OFFICE;
    case ADMIN: return r->logged_in && role == PS_ROLE_ADMIN;
    }
    return false;
}

void ps_web_route(ps_web_req *r)
{
    r->lang = pick_lang(r);
    ps_lang_set(r->lang == PS_WEB_EN ? PS_LANG_EN : PS_LANG_VI); /* pages and the library's messages alike */
    ps_ctx ctx = {0};
    if (ps_web_worker(r->app, &r->db, &r->cat, &ctx) || !find_session(r)) {
        ps_web_error_page(r, 500, T(SERVER_ERROR));
        return;
    }
    if (r->upload_too_big) {
        ps_web_error_page(r, 413, T(TOO_BIG));
        return;
    }
    const route *rt = routes;
    for (; rt->path; rt++)
        if (strcmp(rt->path, r->path) == 0 && strcmp(rt->method, r->method) == 0)
            break;
    if (!rt->path) {
        ps_web_error_page(r, 404, T(NOT_FOUND));
        return;
    }
    if (!allowed(r, rt->who)) {
        if (r->logged_in)
            ps_web_error_page(r, 403, T(FORBIDDEN));
        else
            ps_web_redirect(r, "/login");
        return;
    }
    if (strcmp(r->method, "POST") == 0 && (r->form_bad || !ps_web_csrf_ok(r))) {
        ps_web_error_page(r, r->form_bad ? 400 : 403, r->form_bad ? T(BAD_FORM) : T(BAD_CSRF));
        return;
    }
    rt->run(r);
}

int ps_web_unit(const ps_web_req *r)
{
    const ps_catalog *cat = r->cat;
    int scope = cat->top;
    if (r->who.account.role == PS_ROLE_OFFICE) {
        int rep = ps_catalog_reporter(cat, r->who.account.reporter);
        scope = rep >= 0 ? cat->reporters[rep].scope : -1;
    }
    const char *f = ps_web_field_get(r, "unit");
    int u = f && *f ? ps_catalog_unit(cat, f) : scope;
    if (u < 0)
        return PS_WEB_NO_UNIT;
    return scope >= 0 && ps_catalog_unit_within(cat, u, scope) ? u : PS_WEB_OUT_OF_SCOPE;
}

int ps_web_unit_or_error(ps_web_req *r)
{
    int u = ps_web_unit(r);
    if (u == PS_WEB_NO_UNIT)
        ps_web_error_page(r, 400, T(BAD_CHOICE));
    else if (u == PS_WEB_OUT_OF_SCOPE)
        ps_web_error_page(r, 403, T(FORBIDDEN));
    return u;
}
