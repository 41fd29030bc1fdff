/* page_download.c - the workbook and the CSV exports of a period (SPEC §9),
 * made on request by the code of `report` and `export`. A file is written
 * into the server's private folder, opened, removed and sent from the open
 * descriptor, so nothing is left behind. An office gets its scope only. */
#include "web/app.h"

#include "core/msg.h"
#include "export/csv_out.h"
#include "export/template.h"
#include "export/xlsx_report.h"
#include "store/obs.h"
#include "store/raw.h"
#include "store/submission_list.h"
#include "web/labels.h"
#include "web/pages.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool download_period(ps_web_req *r, ps_period *p)
{
    const char *f = ps_web_field_get(r, "period");
    char msg[256];
    if (!f || !ps_period_parse(f, p, msg, sizeof msg)) {
        ps_web_error_page(r, 400, T(BAD_PERIOD));
        return false;
    }
    return true;
}

/* A fresh path in the server's folder for a file being made. */
static void scratch_path(ps_web_req *r, const char *ext, char *out, size_t n)
{
    static unsigned long counter;
    unsigned long k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
    snprintf(out, n, "%s/make-%ld-%lu%s", r->app->tmpdir, (long)getpid(), k, ext);
}

/* Sends the file at path and removes its name (the descriptor stays). */
static void send_made(ps_web_req *r, const char *path, const char *type, const char *name)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    unlink(path);
    if (fd < 0) {
        ps_web_error_page(r, 500, T(SERVER_ERROR));
        return;
    }
    ps_web_send_file(r, fd, type, name);
}

void ps_page_workbook(ps_web_req *r)
{
    ps_period p;
    int u = ps_web_unit_or_error(r);
    if (u < 0 || !download_period(r, &p))
        return;
    char path[400], name[120], pb[PS_PERIOD_BUFSZ];
    scratch_path(r, ".xlsx", path, sizeof path);
    ps_ctx ctx = {0};
    ps_engine *e = NULL;
    ps_xlsx_opts o = {.lang = r->lang == PS_WEB_EN ? "en" : "vi"};
    ps_error err = ps_engine_new(r->db, r->cat, &e, &ctx);
    if (!err)
        err = ps_xlsx_report_opt(e, r->db, r->cat, u, p, path, &o, NULL, &ctx);
    ps_engine_free(e);
    if (err) {
        unlink(path);
        ps_web_error_page(r, err == PS_ERR_USAGE || err == PS_ERR_REFUSED ? 400 : 500, ps_ctx_message(&ctx));
        return;
    }
    snprintf(name, sizeof name, "%s-%s.xlsx", r->cat->units[u].code, ps_period_format(p, pb));
    send_made(r, path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
}

void ps_page_export(ps_web_req *r)
{
    ps_period p;
    int u = ps_web_unit_or_error(r);
    if (u < 0 || !download_period(r, &p))
        return;
    ps_export_opts o = {.from = p, .unit = r->cat->units[u].code, .bom = true};
    const char *fmt = ps_web_field_get(r, "format");
    if (fmt && !ps_export_format_parse(fmt, &o.format)) {
        ps_web_error_page(r, 400, T(BAD_CHOICE));
        return;
    }
    char path[400], name[120], pb[PS_PERIOD_BUFSZ];
    scratch_path(r, ".csv", path, sizeof path);
    ps_ctx ctx = {0};
    ps_engine *e = NULL;
    ps_error err = ps_engine_new(r->db, r->cat, &e, &ctx);
    if (!err)
        err = ps_export_file(e, &o, path, NULL, &ctx);
    ps_engine_free(e);
    if (err) {
        unlink(path);
        ps_web_error_page(r, err == PS_ERR_USAGE ? 400 : 500, ps_ctx_message(&ctx));
        return;
    }
    snprintf(name, sizeof name, "%s-%s-%s.csv", r->cat->units[u].code, ps_period_format(p, pb),
             ps_export_format_name(o.format));
    send_made(r, path, "text/csv; charset=utf-8", name);
}

/* The reporter a page is about: the office's own, else the field
 * "reporter" (leaders and admins); -1 (and an error page) when none. */
static int page_reporter(ps_web_req *r)
{
    const char *code = r->who.account.role == PS_ROLE_OFFICE ? r->who.account.reporter
                                                               : ps_web_field_get(r, "reporter");
    int rep = code && *code ? ps_catalog_reporter(r->cat, code) : -1;
    if (rep < 0)
        ps_web_error_page(r, 400, T(BAD_CHOICE));
    return rep;
}

/* GET /template?period=P[&format=csv][&measure=plan]: the form the office
 * fills (SPEC §3), made by the code of `template`. */
void ps_page_template(ps_web_req *r)
{
    ps_period p;
    int rep = page_reporter(r);
    if (rep < 0 || !download_period(r, &p))
        return;
    const char *fmt = ps_web_field_get(r, "format"), *measure = ps_web_field_get(r, "measure");
    bool csv = fmt && strcmp(fmt, "csv") == 0;
    char path[400], name[160], pb[PS_PERIOD_BUFSZ];
    scratch_path(r, csv ? ".csv" : ".xlsx", path, sizeof path);
    ps_template_opts o = {.measure = measure && strcmp(measure, "plan") == 0 ? PS_MEASURE_PLAN : PS_MEASURE_ACTUAL,
                          .lang = r->lang == PS_WEB_EN ? "en" : "vi"};
    ps_ctx ctx = {0};
    ps_engine *e = NULL;
    ps_error err = ps_engine_new(r->db, r->cat, &e, &ctx);
    if (!err)
        err = ps_template_write(e, rep, p, path, &o, NULL, &ctx);
    ps_engine_free(e);
    if (err) {
        unlink(path);
        ps_web_error_page(r, err == PS_ERR_USAGE || err == PS_ERR_REFUSED ? 400 : 500, ps_ctx_message(&ctx));
        return;
    }
    snprintf(name, sizeof name, "%s-%s%s%s", r->cat->reporters[rep].code, ps_period_format(p, pb),
             o.measure == PS_MEASURE_PLAN ? "-plan" : "", csv ? ".csv" : ".xlsx");
    send_made(r, path, csv ? "text/csv; charset=utf-8"
                           : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
}

/* GET /submission/raw?id=N: the file as it was received (SPEC §9), for its
 * office and the admins. */
void ps_page_raw(ps_web_req *r)
{
    const char *idf = ps_web_field_get(r, "id");
    char *end = NULL, code[65] = "", path[400], name[120];
    long long id = idf ? strtoll(idf, &end, 10) : 0;
    ps_ctx ctx = {0};
    if (!idf || *end || id <= 0 || ps_submission_reporter(r->db, id, code, sizeof code, &ctx) || !*code) {
        ps_web_error_page(r, 404, T(NOT_FOUND));
        return;
    }
    bool mine = r->who.account.role == PS_ROLE_OFFICE && strcmp(code, r->who.account.reporter) == 0;
    if (!mine && r->who.account.role != PS_ROLE_ADMIN) {
        ps_web_error_page(r, 403, T(FORBIDDEN));
        return;
    }
    scratch_path(r, ".raw", path, sizeof path);
    FILE *f = fopen(path, "wb");
    ps_error err = f ? ps_raw_copy(r->db, id, f, NULL, &ctx) : ps_failm(&ctx, PS_ERR_IO, PS_M_SERVE_CANNOT_WRITE, path);
    if (f && fclose(f) != 0 && !err)
        err = ps_failm(&ctx, PS_ERR_IO, PS_M_SERVE_CANNOT_WRITE, path);
    if (err) {
        unlink(path);
        ps_web_error_page(r, err == PS_ERR_NOT_FOUND ? 404 : 500, ps_ctx_message(&ctx));
        return;
    }
    snprintf(name, sizeof name, "submission-%lld", id);
    send_made(r, path, "application/octet-stream", name);
}
