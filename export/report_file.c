/* report_file.c - the workbook's file: a temporary name in the target's folder, renamed when complete. */
#include "export/report_int.h"

#include "core/alloc.h"
#include "core/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ps_error temp_create(const char *path, char **out, ps_ctx *ctx)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    if (!*base)
        return ps_failf(ctx, PS_ERR_USAGE, "cannot write %s: the path names a folder, not a file", path);
    static unsigned counter;
    for (int attempt = 0; attempt < 100; attempt++) {
        ps_strbuf sb = PS_STRBUF_INIT;
        ps_sb_append(&sb, path, dirlen);
        ps_sb_printf(&sb, ".%s.%ld.%u.tmp", base, (long)getpid(), counter++);
        char *tmp = ps_sb_steal(&sb);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            close(fd);
            *out = tmp;
            return PS_OK;
        }
        int e = errno;
        free(tmp);
        if (e != EEXIST) {
            if (dirlen) {
                char *dir = ps_xstrndup(path, dirlen > 1 ? dirlen - 1 : dirlen);
                ps_error err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot create a file in %s: %s", path,
                                        dir, strerror(e));
                free(dir);
                return err;
            }
            return ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot create a file in the current folder: %s",
                            path, strerror(e));
        }
    }
    return ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot find a free temporary name", path);
}

static ps_error sync_file(const char *tmp, const char *path, ps_ctx *ctx)
{
    int fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    if (rc != 0 && e != EINVAL && e != EROFS)
        return ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, strerror(e));
    return PS_OK;
}

ps_error ps_rep_write_file(ps_rep *r)
{
    const char *path = r->path;
    ps_ctx *ctx = r->ctx;
    ps_error err;
    char *tmp = NULL;
    if ((err = temp_create(path, &tmp, ctx)))
        return err;
    lxw_workbook_options wo = {0};
    wo.constant_memory = r->cm ? LXW_TRUE : LXW_FALSE;
    wo.use_zip64 = r->m->ndata > 2000000 ? LXW_TRUE : LXW_FALSE;
    r->wb = workbook_new_opt(tmp, &wo);
    if (!r->wb) {
        err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot start the workbook", path);
    } else if ((err = ps_rep_write_book(r))) {
        lxw_workbook_free(r->wb);
    } else {
        lxw_error le = workbook_close(r->wb);
        if (le != LXW_NO_ERROR)
            err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, lxw_strerror(le));
        else if (!(err = sync_file(tmp, path, ctx)) && rename(tmp, path) != 0)
            err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    }
    if (err)
        unlink(tmp);
    free(tmp);
    return err;
}
