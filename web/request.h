/* request.h - one HTTP request of the portal: what the pages read.
 *
 * The request's form fields (bounded in number and size), its cookies, its
 * uploaded file (streamed to a temporary file, never held in memory, and
 * cut at the upload limit), the session's account, and the response being
 * built. Pages read and answer through these functions only.
 */
#ifndef PS_WEB_REQUEST_H
#define PS_WEB_REQUEST_H

#include "access/login.h"
#include "core/catalog.h"
#include "store/db.h"
#include "web/html.h"

#include <stdbool.h>
#include <stddef.h>

#define PS_WEB_FIELDS 32
#define PS_WEB_FIELD_MAX 4096

typedef enum ps_web_lang { PS_WEB_VI = 0, PS_WEB_EN = 1 } ps_web_lang;

typedef struct ps_web_field {
    char *name, *value;
} ps_web_field;

typedef struct ps_web_app ps_web_app;

typedef struct ps_web_req {
    ps_web_app *app;
    void *conn;                 /* the libmicrohttpd connection */
    const char *method;         /* "GET", "POST" */
    char *path;                 /* without the query */
    char from[64];              /* the client's address */
    long long started_us;
    ps_web_field fields[PS_WEB_FIELDS];  /* query and form fields */
    int nfields;
    size_t field_bytes;
    bool form_bad;              /* too many or too long fields, a broken body */
    /* the uploaded file */
    char upload_path[320];      /* its folder; "" when none */
    char upload_name[256];      /* the name the browser gave, for display only */
    int upload_fd;
    long long upload_bytes;
    bool upload_too_big;
    void *post;                 /* the libmicrohttpd post processor */
    /* who: valid when logged_in */
    bool logged_in;
    ps_who who;
    char token[PS_TOKEN_HEX];   /* the session cookie as sent */
    ps_web_lang lang;
    /* the worker's connection and catalog */
    ps_db *db;
    const ps_catalog *cat;
    /* the answer */
    int status;
    int resp_fd;                /* a file to send (owned), or -1 */
    const char *content_type;
    char *disposition;          /* Content-Disposition, owned, or NULL */
    char *location;             /* redirect, owned, or NULL */
    char *set_cookie[3];        /* owned */
    int ncookies;
    ps_html body;
} ps_web_req;

/* A field of the query or the form; NULL when absent. */
const char *ps_web_field_get(const ps_web_req *r, const char *name);
/* A cookie of the request; NULL when absent. */
const char *ps_web_cookie(const ps_web_req *r, const char *name);

/* Adds a Set-Cookie (HttpOnly, SameSite=Strict, Path=/, and Secure when
 * the server was told); max_age < 0: a session cookie, 0: delete it. */
void ps_web_set_cookie(ps_web_req *r, const char *name, const char *value, long max_age);
/* Answers 303 See Other to a path of the portal. */
void ps_web_redirect(ps_web_req *r, const char *path);
/* Answers with a file (a download); the request owns fd from now on. */
void ps_web_send_file(ps_web_req *r, int fd, const char *content_type, const char *filename);
/* True when the POST carries the session's CSRF token (or, for the login
 * form, the one of its pre-session cookie). */
bool ps_web_csrf_ok(const ps_web_req *r);

#endif
