/* page_submissions.c - the submissions stored and the portal's uploads
 * (SPEC §9): an office sees its own; leaders and admins every one. */
#include "web/app.h"

#include "store/submission_list.h"
#include "web/labels.h"
#include "web/pages.h"

#include <string.h>

/* An admin's button that withdraws what the submission brought. */
static void retract_form(ps_web_req *r, long long id)
{
    ps_html_fmt(&r->body, "<form method=\"post\" action=\"/admin/retract\"><input type=\"hidden\" name=\"csrf\" "
                          "value=\"%s\"><input type=\"hidden\" name=\"submission\" value=\"%lld\"><label>"
                          "<input type=\"checkbox\" name=\"force\" value=\"1\"> %s</label><button>%s</button></form>",
                r->who.csrf, id, T(FORCE_CLOSED), T(RETRACT));
}

static void submission_row(const ps_submission_info *s, void *arg)
{
    ps_web_req *r = arg;
    ps_html_fmt(&r->body, "<tr><td class=\"n\">%lld</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                          "<td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
                          "<td class=\"n\">%ld</td><td>",
                s->id, s->reporter, s->file, s->received, s->outcome, s->stored, s->revised, s->unchanged,
                s->refused);
    bool mine = r->who.account.role == PS_ROLE_OFFICE && strcmp(s->reporter, r->who.account.reporter) == 0;
    if ((mine || r->who.account.role == PS_ROLE_ADMIN) && strcmp(s->outcome, "retract") != 0)
        ps_html_fmt(&r->body, "<a href=\"/submission/raw?id=%lld\">%s</a> ", s->id, T(RAW_FILE));
    if (r->who.account.role == PS_ROLE_ADMIN && strcmp(s->outcome, "retract") != 0)
        retract_form(r, s->id);
    ps_html_tag(&r->body, "</td></tr>");
}

static void upload_row(const ps_upload_info *u, void *arg)
{
    ps_web_req *r = arg;
    ps_html_fmt(&r->body, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"n\">%ld</td>"
                          "<td class=\"n\">%ld</td><td>",
                u->at, u->login, u->reporter, u->file, u->outcome, u->errors, u->warnings);
    if (u->errors + u->warnings > 0)
        ps_html_fmt(&r->body, "<a href=\"/upload/errors?id=%lld\">%s</a>", u->id, T(DOWNLOAD_ERRORS));
    ps_html_tag(&r->body, "</td></tr>");
}

void ps_page_submissions(ps_web_req *r)
{
    const char *only = r->who.account.role == PS_ROLE_OFFICE ? r->who.account.reporter : NULL;
    ps_web_page_begin(r, T(SUBMISSIONS));
    ps_html_fmt(&r->body, "<h2>%s</h2><table id=\"submissions\"><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th></th></tr>",
                T(SUBMISSIONS_STORED), T(REPORTER), T(FILE_NAME), T(RECEIVED_AT), T(OUTCOME), T(STORED),
                T(REVISED), T(UNCHANGED), T(REFUSED));
    ps_ctx ctx = {0};
    ps_error err = ps_submission_each(r->db, only, 200, submission_row, r, &ctx);
    ps_html_fmt(&r->body, "</table><h2>%s</h2><table id=\"uploads\"><tr><th>%s</th><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th></th></tr>",
                T(UPLOADS), T(RECEIVED_AT), T(LOGIN_NAME), T(REPORTER), T(FILE_NAME), T(OUTCOME), T(ERROR),
                T(WARNING));
    if (!err)
        err = ps_upload_each(r->db, only, 200, upload_row, r, &ctx);
    ps_html_tag(&r->body, "</table>");
    ps_web_page_end(r);
    if (err)
        ps_web_error_page(r, 500, T(SERVER_ERROR));
}
