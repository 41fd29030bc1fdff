/* report_file.c - the workbook's file, written whole or not at all (core/safefile.h). */
#include "export/report_int.h"

#include "core/safefile.h"

ps_error ps_rep_write_file(ps_rep *r)
{
    const char *path = r->path;
    ps_ctx *ctx = r->ctx;
    ps_safefile *sf;
    ps_error err = ps_safefile_open(&sf, path, ctx);
    if (err)
        return err;
    lxw_workbook_options wo = {0};
    wo.constant_memory = r->cm ? LXW_TRUE : LXW_FALSE;
    wo.use_zip64 = r->m->ndata > 2000000 ? LXW_TRUE : LXW_FALSE;
    r->wb = workbook_new_opt(ps_safefile_temp_path(sf), &wo);
    if (!r->wb) {
        err = ps_failm(ctx, PS_ERR_IO, PS_M_XFILE_CANNOT_WRITE_CANNOT_START, path);
    } else if ((err = ps_rep_write_book(r))) {
        lxw_workbook_free(r->wb);
    } else {
        lxw_error le = workbook_close(r->wb);
        if (le != LXW_NO_ERROR)
            err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, path, lxw_strerror(le));
    }
    if (err) {
        ps_safefile_abort(sf);
        return err;
    }
    return ps_safefile_commit(sf, ctx);
}
