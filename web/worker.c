/* worker.c - one database connection and catalog per thread of the server
 * (SPEC §9: nothing shared between workers but what SQLite shares). */
#include "web/app.h"

#include "core/msg.h"
#include "store/dbcatalog.h"

#include <stdlib.h>

typedef struct worker {
    ps_db *db;
    ps_catalog *cat;
} worker;

static pthread_key_t worker_key;
static pthread_once_t worker_once = PTHREAD_ONCE_INIT;

static void worker_free(void *p)
{
    worker *w = p;
    ps_catalog_free(w->cat);
    ps_db_close(w->db);
    free(w);
}

static void make_key(void)
{
    pthread_key_create(&worker_key, worker_free);
}

ps_error ps_web_worker(ps_web_app *app, ps_db **db, const ps_catalog **cat, ps_ctx *ctx)
{
    pthread_once(&worker_once, make_key);
    worker *w = pthread_getspecific(worker_key);
    if (!w) {
        ps_db_opts o = {0};
        ps_db *d = NULL;
        ps_catalog *c = NULL;
        ps_error err = ps_db_open(&d, app->o.db_path, &o, ctx);
        if (!err)
            err = ps_db_catalog_load(d, &c, ctx);
        if (err) {
            ps_db_close(d);
            return err;
        }
        w = calloc(1, sizeof *w);
        if (!w) {
            ps_catalog_free(c);
            ps_db_close(d);
            return ps_failm(ctx, PS_ERR_IO, PS_M_SERVE_OOM);
        }
        w->db = d;
        w->cat = c;
        pthread_setspecific(worker_key, w);
    }
    *db = w->db;
    *cat = w->cat;
    return PS_OK;
}
