/* page_upload.c - an office sends its file (SPEC §9): the form, and the
 * answer with the summary and every diagnostic. The file goes through
 * exactly the ingest of SPEC §4; the reporter is the logged-in office's
 * and the received date the server's clock, never form fields. */
#include "web/app.h"

#include "core/period.h"
#include "ingest/ingest.h"
#include "store/submission_list.h"
#include "web/form.h"
#include "web/labels.h"
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void ps_page_upload_form(ps_web_req *r)
{
    ps_web_page_begin(r, T(UPLOAD));
    ps_html_fmt(&r->body, "<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">"
                          "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
                          "<label>%s <input type=\"file\" name=\"file\" id=\"file\" accept=\".csv,.xlsx\" required>"
                          "</label><label><input type=\"checkbox\" name=\"check_only\" value=\"1\" id=\"check_only\"> "
                          "%s</label><button id=\"send\">%s</button></form>",
                r->who.csrf, T(FILE), T(CHECK_ONLY), T(SEND));
    char pt[PS_PERIOD_BUFSZ];
    ps_period_format(ps_web_last_month(), pt);
    ps_html_fmt(&r->body, "<h2>%s</h2><form method=\"get\" action=\"/template\"><label>%s <input name=\"period\" "
                          "value=\"%s\"></label><label><input type=\"checkbox\" name=\"format\" value=\"csv\"> CSV"
                          "</label><button id=\"template\">%s</button></form>",
                T(TEMPLATE), T(PERIOD), pt, T(DOWNLOAD));
    ps_web_page_end(r);
}

/* What the file did: the values stored, revised and unchanged when it was
 * stored; the rows read and refused when nothing was (the counts of a file
 * refused whole or only checked would be what it would have stored). */
static void result_counts(ps_web_req *r, const ps_ingest_result *res)
{
    if (!res->committed) {
        ps_html_fmt(&r->body, "<table id=\"counts\"><tr><th>%s</th><th>%s</th></tr>"
                              "<tr><td class=\"n\">%ld</td><td class=\"n\">%ld</td></tr></table>",
                    T(ROWS_READ), T(REFUSED), res->rows_read, res->refused);
        return;
    }
    ps_html_fmt(&r->body, "<table id=\"counts\"><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
                          "<tr><td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
                          "<td class=\"n\">%ld</td></tr></table>",
                T(STORED), T(REVISED), T(UNCHANGED), T(REFUSED), res->stored, res->revised, res->unchanged,
                res->refused);
}

static void diag_table(ps_web_req *r, const ps_diags *d)
{
    if (d->n == 0)
        return;
    ps_html_fmt(&r->body, "<table id=\"diagnostics\"><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>",
                T(LINE), T(COLUMN), T(SEVERITY), T(MESSAGE));
    for (size_t i = 0; i < d->n; i++) {
        const ps_diag *g = &d->v[i];
        bool err = g->severity == PS_SEV_ERROR;
        ps_html_fmt(&r->body, "<tr class=\"%s\"><td class=\"n\">%ld</td><td class=\"n\">%d</td><td>%s</td>"
                              "<td>%s</td></tr>",
                    err ? "error" : "warning", g->line, g->column, err ? T(ERROR) : T(WARNING), g->message);
    }
    ps_html_tag(&r->body, "</table>");
}

/* The sentence that says what happened to the file. */
static const char *outcome(ps_web_req *r, ps_error err, const ps_ingest_result *res, bool check_only)
{
    if (res->already)
        return T(ALREADY);
    if (err && !res->committed)
        return T(NOTHING_STORED);
    return check_only ? T(CHECKED_ONLY) : T(ALL_STORED);
}

/* The upload's line in the portal's record (a refused file leaves no
 * submission, so this is where the office sees it). A failure to record
 * does not hide the file's result: the page says so below it. */
static ps_error record(ps_web_req *r, const ps_ingest_result *res, const ps_diags *d, ps_error err,
                       bool check_only, const char *at, long long *id, ps_ctx *ctx)
{
    const char *outcome = res->already             ? "already"
                          : check_only              ? "checked"
                          : err && !res->committed ? "refused"
                                                    : "stored";
    char *csv = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&csv, &n);
    if (!f)
        return ps_failm(ctx, PS_ERR_IO, PS_M_SERVE_OOM);
    ps_diags_write_csv(d, f, true); /* with a BOM: Excel on Windows shows the Vietnamese right */
    fclose(f);
    ps_upload_info u = {r->who.account.login, r->who.account.reporter, r->upload_name, outcome, at,
                        (long)d->nerr, (long)d->nwarn, res->committed ? res->submission_id : 0, 0, csv, n};
    ps_error rerr = ps_upload_record(r->db, &u, ctx);
    *id = u.id;
    free(csv);
    return rerr;
}

/* GET /upload/errors?id=N: the errors CSV of one upload, for its office
 * and the admins (SPEC §9). */
void ps_page_upload_errors(ps_web_req *r)
{
    const char *idf = ps_web_field_get(r, "id");
    char *end = NULL, *csv = NULL, rep[65];
    size_t n = 0;
    long long id = idf ? strtoll(idf, &end, 10) : 0;
    ps_ctx ctx = {0};
    if (!idf || *end || id <= 0 || ps_upload_errors(r->db, id, &csv, &n, rep, &ctx) || !csv) {
        ps_web_error_page(r, 404, T(NOT_FOUND));
        return;
    }
    bool mine = r->who.account.role == PS_ROLE_OFFICE && strcmp(rep, r->who.account.reporter) == 0;
    if (!mine && r->who.account.role != PS_ROLE_ADMIN) {
        free(csv);
        ps_web_error_page(r, 403, T(FORBIDDEN));
        return;
    }
    r->content_type = "text/csv; charset=utf-8";
    ps_sb_append(&r->body.sb, csv, n);
    free(csv);
    free(r->disposition);
    r->disposition = strdup("attachment; filename=\"errors.csv\"");
}

void ps_page_upload(ps_web_req *r)
{
    if (!r->upload_path[0]) {
        ps_web_error_page(r, 400, T(NO_FILE));
        return;
    }
    char path[512], received[32];
    ps_web_upload_file(r, path, sizeof path);
    time_t t = time(NULL);
    struct tm tm;
    strftime(received, sizeof received, "%Y-%m-%dT%H:%M:%S", localtime_r(&t, &tm));
    bool check_only = ps_web_field_get(r, "check_only") != NULL;
    ps_ingest_opts o = {.reporter = r->who.account.reporter, .dry_run = check_only, .received = received};
    ps_ingest_result res;
    ps_diags d;
    ps_diags_init(&d);
    ps_ctx ctx = {0};
    ps_error err = ps_ingest_file(r->db, r->cat, path, &o, &res, &d, &ctx);
    if (err && err != PS_ERR_REFUSED) {
        ps_diags_free(&d);
        ps_web_error_page(r, err == PS_ERR_USAGE ? 400 : 500, ps_ctx_message(&ctx));
        return;
    }
    ps_diags_sort(&d);
    ps_ctx rctx = {0};
    long long upload_id = 0;
    ps_error rerr = record(r, &res, &d, err, check_only, received, &upload_id, &rctx);
    ps_web_page_begin(r, T(RESULT));
    ps_html_fmt(&r->body, "<p class=\"note\" id=\"outcome\">%s: %s</p>", r->upload_name,
                outcome(r, err, &res, check_only));
    result_counts(r, &res);
    diag_table(r, &d);
    if (!rerr && d.n)
        ps_html_fmt(&r->body, "<p><a id=\"errors-csv\" href=\"/upload/errors?id=%lld\">%s</a></p>", upload_id,
                    T(DOWNLOAD_ERRORS));
    if (rerr)
        ps_html_fmt(&r->body, "<p class=\"warning\">%s: %s</p>", T(NOT_RECORDED), ps_ctx_message(&rctx));
    ps_web_page_end(r);
    ps_diags_free(&d);
}
