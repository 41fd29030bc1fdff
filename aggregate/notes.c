/* notes.c - the note of a value in force, in full. */
#include "aggregate/notes.h"

#include "core/alloc.h"
#include "store/obs.h"

#include <stdlib.h>

struct ps_notes {
    const ps_catalog *cat;
    ps_obs_writer *ow;   /* its statement cache reads the value in force */
};

ps_error ps_notes_new(ps_db *db, const ps_catalog *cat, ps_notes **out, ps_ctx *ctx)
{
    ps_notes *n = ps_xcalloc(1, sizeof *n);
    n->cat = cat;
    ps_error err = ps_obs_writer_new(db, &n->ow, ctx);
    if (err) {
        ps_notes_free(n);
        n = NULL;
    }
    *out = n;
    return err;
}

void ps_notes_free(ps_notes *n)
{
    if (!n)
        return;
    ps_obs_writer_free(n->ow);
    free(n);
}

ps_error ps_notes_get(ps_notes *n, int u, int ind, ps_period p, bool plan, char **out, ps_ctx *ctx)
{
    *out = NULL;
    ps_obs_key k = {n->cat->units[u].id, n->cat->indicators[ind].id, plan ? PS_MEASURE_PLAN : PS_MEASURE_ACTUAL,
                    ps_period_key(p)};
    ps_obs cur;
    ps_error err = ps_obs_get(n->ow, &k, &cur, ctx);
    if (err || !cur.exists || !cur.note[0])
        return err;
    *out = ps_xstrdup(cur.note); /* ps_obs_get reads the note whole */
    return PS_OK;
}
