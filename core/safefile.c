/* safefile.c - a file written to a temporary beside its target and renamed over it. */
#include "core/safefile.h"

#include "core/alloc.h"
#include "core/strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

struct ps_safefile {
    char *target;   /* as given */
    char *dir;      /* the target's folder: "." when the path has none */
    char *temp;     /* DIR/.BASE.provstat-PID-RAND.tmp */
    int fd;         /* open on temp until the commit closes it */
    dev_t dev;      /* the temporary as created, to see that it stayed the same */
    ino_t ino;
    FILE *stream;   /* on fd, made by ps_safefile_stream */
    char *buf;      /* the stream's buffer, when one was asked for */
};

#define TEMP_MARK ".provstat-"
#define TEMP_END ".tmp"
#define RAND_HEX 16

/* Side files a library that writes by name adds to the temporary's name. */
static const char *const side_suffixes[] = {"-journal", "-wal", "-shm"};

/* ========================================================================
 * Names
 * ======================================================================== */

/* Reads decimal digits at *p (at least one, no sign) into *v; moves *p past them. */
static bool read_digits(const char **p, long *v)
{
    const char *s = *p;
    long n = 0;
    while (*s >= '0' && *s <= '9') {
        if (n > (LONG_MAX - 9) / 10)
            return false;
        n = n * 10 + (*s++ - '0');
    }
    if (s == *p)
        return false;
    *p = s;
    *v = n;
    return true;
}

bool ps_safefile_is_temp_name(const char *name, long *pid)
{
    if (!name || name[0] != '.')
        return false;
    /* the last mark: BASE may itself hold ".provstat-" */
    const char *mark = NULL;
    for (const char *s = strstr(name + 1, TEMP_MARK); s; s = strstr(s + 1, TEMP_MARK))
        mark = s;
    if (!mark || mark == name + 1)
        return false;
    const char *p = mark + strlen(TEMP_MARK);
    long v;
    if (!read_digits(&p, &v) || v <= 0 || *p++ != '-')
        return false;
    for (int i = 0; i < RAND_HEX; i++, p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    if (strncmp(p, TEMP_END, strlen(TEMP_END)) != 0)
        return false;
    p += strlen(TEMP_END);
    bool ok = *p == '\0';
    for (size_t i = 0; !ok && i < sizeof side_suffixes / sizeof *side_suffixes; i++)
        ok = strcmp(p, side_suffixes[i]) == 0;
    if (ok && pid)
        *pid = v;
    return ok;
}

/* A new temporary name beside the target: owned, or NULL when getrandom fails (errno set). */
static char *temp_name(const char *dir, bool has_dir, const char *base)
{
    unsigned char r[RAND_HEX / 2];
    size_t got = 0;
    while (got < sizeof r) {
        ssize_t n = getrandom(r + got, sizeof r - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return NULL;
        got += (size_t)n;
    }
    ps_strbuf sb = PS_STRBUF_INIT;
    if (has_dir)
        ps_sb_printf(&sb, "%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/");
    ps_sb_printf(&sb, ".%s" TEMP_MARK "%ld-", base, (long)getpid());
    for (size_t i = 0; i < sizeof r; i++)
        ps_sb_printf(&sb, "%02x", r[i]);
    ps_sb_puts(&sb, TEMP_END);
    return ps_sb_steal(&sb);
}

/* ========================================================================
 * Checks and clean-up
 * ======================================================================== */

static const char *kind_name(mode_t m)
{
    if (S_ISDIR(m))
        return ps_msg(PS_M_SAFE_KIND_FOLDER);
    if (S_ISCHR(m))
        return ps_msg(PS_M_SAFE_KIND_CHAR);
    if (S_ISBLK(m))
        return ps_msg(PS_M_SAFE_KIND_BLOCK);
    if (S_ISFIFO(m))
        return ps_msg(PS_M_SAFE_KIND_FIFO);
    if (S_ISSOCK(m))
        return ps_msg(PS_M_SAFE_KIND_SOCKET);
    return ps_msg(PS_M_SAFE_KIND_OTHER);
}

/* PS_OK when path is absent, a regular file or a symbolic link. */
static ps_error check_target(const char *path, ps_ctx *ctx)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return PS_OK;
        return ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, path, strerror(errno));
    }
    if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))
        return PS_OK;
    return ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE_NOT_REGULAR, path,
                    kind_name(st.st_mode));
}

/* Removes the temporaries of processes that no longer run from dir; best effort. */
static void remove_stale(const char *dir)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return;
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        long pid;
        if (!ps_safefile_is_temp_name(de->d_name, &pid) || pid == (long)getpid() || (long)(pid_t)pid != pid)
            continue;
        if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
            unlinkat(dfd, de->d_name, 0);
    }
    closedir(d);
}

/* Removes the temporary and the side files a library may have added. */
static void remove_temp(const char *temp)
{
    unlink(temp);
    ps_strbuf sb = PS_STRBUF_INIT;
    for (size_t i = 0; i < sizeof side_suffixes / sizeof *side_suffixes; i++) {
        ps_sb_clear(&sb);
        ps_sb_printf(&sb, "%s%s", temp, side_suffixes[i]);
        unlink(ps_sb_str(&sb));
    }
    ps_sb_free(&sb);
}

static void sf_free(ps_safefile *sf)
{
    free(sf->target);
    free(sf->dir);
    free(sf->temp);
    free(sf->buf);
    free(sf);
}

/* ========================================================================
 * Open
 * ======================================================================== */

/* Creates sf->temp with O_EXCL (a new name on the unlikely clash). */
static ps_error create_temp(ps_safefile *sf, bool has_dir, const char *base, ps_ctx *ctx)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        sf->temp = temp_name(sf->dir, has_dir, base);
        if (!sf->temp)
            return ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE_NO_RANDOM,
                            sf->target, strerror(errno));
        sf->fd = open(sf->temp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (sf->fd >= 0)
            break;
        int e = errno;
        free(sf->temp);
        sf->temp = NULL;
        if (e != EEXIST)
            return ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE_CANNOT_CREATE,
                            sf->target, sf->dir, strerror(e));
    }
    if (sf->fd < 0)
        return ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE_NO_FREE, sf->target, sf->dir);
    struct stat st;
    if (fstat(sf->fd, &st) != 0) {
        int e = errno;
        close(sf->fd);
        remove_temp(sf->temp);
        return ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, sf->target, strerror(e));
    }
    sf->dev = st.st_dev;
    sf->ino = st.st_ino;
    return PS_OK;
}

ps_error ps_safefile_open(ps_safefile **out, const char *path, ps_ctx *ctx)
{
    *out = NULL;
    if (!path || !*path)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_SAFE_NO_OUTPUT_FILE_NAMED);
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*base)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_SAFE_CANNOT_WRITE_PATH_NAMES, path);
    ps_error err = check_target(path, ctx);
    if (err)
        return err;
    ps_safefile *sf = ps_xcalloc(1, sizeof *sf);
    sf->fd = -1;
    sf->target = ps_xstrdup(path);
    sf->dir = slash ? ps_xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : ps_xstrdup(".");
    remove_stale(sf->dir);
    if ((err = create_temp(sf, slash != NULL, base, ctx))) {
        sf_free(sf);
        return err;
    }
    *out = sf;
    return PS_OK;
}

const char *ps_safefile_temp_path(const ps_safefile *sf)
{
    return sf->temp;
}

const char *ps_safefile_target(const ps_safefile *sf)
{
    return sf->target;
}

FILE *ps_safefile_stream(ps_safefile *sf, size_t bufsize)
{
    if (sf->stream)
        return sf->stream;
    sf->stream = fdopen(sf->fd, "wb");
    if (!sf->stream) /* fdopen of an open, writable fd fails only for want of memory */
        ps_out_of_memory();
    if (bufsize) {
        sf->buf = ps_xmalloc(bufsize);
        setvbuf(sf->stream, sf->buf, _IOFBF, bufsize);
    }
    return sf->stream;
}

/* ========================================================================
 * Commit and abort
 * ======================================================================== */

/* fsync that accepts a file system which cannot sync (EINVAL). */
static int sync_fd(int fd)
{
    if (fsync(fd) == 0 || errno == EINVAL)
        return 0;
    return -1;
}

/* Flushes, checks, syncs and closes the temporary; sf->fd is -1 after. */
static ps_error finish_temp(ps_safefile *sf, ps_ctx *ctx)
{
    ps_error err = PS_OK;
    if (sf->stream && (fflush(sf->stream) != 0 || ferror(sf->stream)))
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, sf->target,
                       errno ? strerror(errno) : "write error");
    struct stat a, b;
    if (!err && (fstat(sf->fd, &a) != 0 || lstat(sf->temp, &b) != 0 || a.st_dev != sf->dev ||
                 a.st_ino != sf->ino || b.st_dev != sf->dev || b.st_ino != sf->ino))
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE_TEMPORARY_FILE, sf->target, sf->temp);
    if (!err && sync_fd(sf->fd) != 0)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, sf->target, strerror(errno));
    int rc = sf->stream ? fclose(sf->stream) : close(sf->fd);
    if (rc != 0 && !err)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, sf->target, strerror(errno));
    sf->stream = NULL;
    sf->fd = -1;
    return err;
}

ps_error ps_safefile_commit(ps_safefile *sf, ps_ctx *ctx)
{
    errno = 0;
    ps_error err = finish_temp(sf, ctx);
    if (!err)
        err = check_target(sf->target, ctx);
    if (!err && rename(sf->temp, sf->target) != 0)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE_CANNOT_RENAME, sf->target, sf->temp,
                       strerror(errno));
    if (err) {
        remove_temp(sf->temp);
        sf_free(sf);
        return err;
    }
    int dfd = open(sf->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0 || sync_fd(dfd) != 0)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_WAS_WRITTEN_BUT_FOLDER, sf->target, sf->dir, strerror(errno));
    if (dfd >= 0)
        close(dfd);
    remove_temp(sf->temp); /* the side files a library may have left; the temporary is renamed */
    sf_free(sf);
    return err;
}

void ps_safefile_abort(ps_safefile *sf)
{
    if (!sf)
        return;
    if (sf->stream)
        fclose(sf->stream);
    else if (sf->fd >= 0)
        close(sf->fd);
    remove_temp(sf->temp);
    sf_free(sf);
}
