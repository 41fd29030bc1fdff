/* app.h - what the portal's files share: the server's state, the worker
 * threads' connections, the pages' table. */
#ifndef PS_WEB_APP_H
#define PS_WEB_APP_H

#include "core/period.h"
#include "web/request.h"
#include "web/web.h"

#include <pthread.h>

struct ps_web_app {
    ps_web_opts o;
    size_t max_upload;
    pthread_mutex_t lock;
    pthread_cond_t idle;
    int in_flight;              /* requests begun and not completed */
    char tmpdir[256];           /* where uploads are written */
};

/* The calling thread's database and catalog, opened on first use and kept
 * for the thread's life. PS_OK, or why not (ctx). */
ps_error ps_web_worker(ps_web_app *app, ps_db **db, const ps_catalog **cat, ps_ctx *ctx);

/* Runs the page for r (the request is complete: fields, upload, session). */
void ps_web_route(ps_web_req *r);

/* The unit a page is about: the field "unit", else the account's scope
 * (an office's scope unit; the top unit for leaders and admins). The unit's
 * index; PS_WEB_NO_UNIT for an unknown one, PS_WEB_OUT_OF_SCOPE for one
 * outside the account's scope (SPEC §9: an office sees its scope only). */
enum { PS_WEB_NO_UNIT = -1, PS_WEB_OUT_OF_SCOPE = -2 };
int ps_web_unit(const ps_web_req *r);
/* The same, answering with the error page (400 or 403) when it is not one. */
int ps_web_unit_or_error(ps_web_req *r);

/* The month before the current one (local time): a page's default period. */
ps_period ps_web_last_month(void);

/* The HTML page frame: head, the language switch and the user's menu. */
void ps_web_page_begin(ps_web_req *r, const char *title);
void ps_web_page_end(ps_web_req *r);
/* A page that says what is wrong, with the status. */
void ps_web_error_page(ps_web_req *r, int status, const char *message);

#endif
