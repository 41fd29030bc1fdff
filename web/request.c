/* request.c - what pages read from a request and how they answer (request.h). */
#include "web/request.h"

#include "web/app.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ps_web_field_get(const ps_web_req *r, const char *name)
{
    for (int i = 0; i < r->nfields; i++)
        if (strcmp(r->fields[i].name, name) == 0)
            return r->fields[i].value;
    return NULL;
}

const char *ps_web_cookie(const ps_web_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

void ps_web_set_cookie(ps_web_req *r, const char *name, const char *value, long max_age)
{
    if (r->ncookies == (int)(sizeof r->set_cookie / sizeof *r->set_cookie))
        return;
    char age[48] = "";
    if (max_age >= 0)
        snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_printf(&sb, "%s=%s; HttpOnly; SameSite=Strict; Path=/%s%s", name, value, age,
                 r->app->o.secure_cookies ? "; Secure" : "");
    r->set_cookie[r->ncookies++] = ps_sb_steal(&sb);
}

void ps_web_redirect(ps_web_req *r, const char *path)
{
    r->status = 303;
    free(r->location);
    /* only to a path of this site: not "//host", "/\\host" or a header break */
    bool ok = path[0] == '/' && path[1] != '/' && path[1] != '\\';
    for (const char *p = path; ok && *p; p++)
        ok = (unsigned char)*p >= 0x20 && *p != 0x7f;
    r->location = strdup(ok ? path : "/");
}

void ps_web_send_file(ps_web_req *r, int fd, const char *content_type, const char *filename)
{
    r->resp_fd = fd;
    r->content_type = content_type;
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_puts(&sb, "attachment; filename=\"");
    for (const char *p = filename; *p; p++)
        if ((unsigned char)*p >= 0x20 && *p != '"' && *p != '\\' && (unsigned char)*p < 0x7f)
            ps_sb_putc(&sb, *p);
    ps_sb_putc(&sb, '"');
    free(r->disposition);
    r->disposition = ps_sb_steal(&sb);
}

bool ps_web_csrf_ok(const ps_web_req *r)
{
    const char *sent = ps_web_field_get(r, "csrf");
    if (!sent || !*sent)
        return false;
    if (r->logged_in)
        return ps_token_equal(sent, r->who.csrf);
    const char *pre = ps_web_cookie(r, "ps_pre");
    return pre && strlen(pre) == PS_TOKEN_HEX - 1 && ps_token_equal(sent, pre);
}
