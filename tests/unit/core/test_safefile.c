/* test_safefile.c - writing a file whole or not at all: commit, abort, refused
 * targets, symbolic links, stale temporaries, write failures. */
#include "check.h"

#include "core/safefile.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];

/* ------------------------------------------------------------------------
 * Helpers: a fresh folder per test, file contents, the folder's entries
 * ------------------------------------------------------------------------ */

static void fresh_dir(void)
{
    if (dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            exit(2);
    }
    snprintf(dir, sizeof dir, "/tmp/ps_test_safefile_XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(2);
    }
}

static char *in_dir(const char *name)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static void put(const char *name, const char *text)
{
    FILE *f = fopen(in_dir(name), "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(name);
        exit(2);
    }
}

/* The file's contents (static buffer), or "(none)" when it cannot be read. */
static const char *contents(const char *path)
{
    static char buf[4096];
    FILE *f = fopen(path, "rb");
    if (!f)
        return "(none)";
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The folder's entries other than . and .., sorted names joined by spaces. */
static const char *entries(void)
{
    static char buf[4096];
    struct dirent **list;
    int n = scandir(dir, &list, NULL, alphasort);
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(list[i]->d_name, ".") != 0 && strcmp(list[i]->d_name, "..") != 0) {
            if (buf[0])
                strcat(buf, " ");
            strcat(buf, list[i]->d_name);
        }
        free(list[i]);
    }
    free(list);
    return buf;
}

static bool message_has(const ps_ctx *ctx, const char *part)
{
    if (strstr(ctx->msg, part))
        return true;
    printf("  message \"%s\" lacks \"%s\"\n", ctx->msg, part);
    return false;
}

/* ------------------------------------------------------------------------
 * Commit and abort
 * ------------------------------------------------------------------------ */

TEST(commit_writes_content)
{
    fresh_dir();
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("out.csv"), &ctx), PS_OK);
    CHECK_STR(ps_safefile_target(sf), in_dir("out.csv"));
    fputs("a,b\n1,2\n", ps_safefile_stream(sf, 16));
    CHECK(ps_safefile_stream(sf, 0) == ps_safefile_stream(sf, 0));
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_OK);
    CHECK_STR(contents(in_dir("out.csv")), "a,b\n1,2\n");
    CHECK_STR(entries(), "out.csv");
}

TEST(commit_replaces_earlier_file)
{
    fresh_dir();
    put("out.csv", "old contents\n");
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("out.csv"), &ctx), PS_OK);
    fputs("new\n", ps_safefile_stream(sf, 0));
    CHECK_STR(contents(in_dir("out.csv")), "old contents\n"); /* untouched until the commit */
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_OK);
    CHECK_STR(contents(in_dir("out.csv")), "new\n");
    CHECK_STR(entries(), "out.csv");
}

TEST(abort_keeps_earlier_file)
{
    fresh_dir();
    put("out.csv", "old contents\n");
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("out.csv"), &ctx), PS_OK);
    fputs("half a fi", ps_safefile_stream(sf, 0));
    ps_safefile_abort(sf);
    CHECK_STR(contents(in_dir("out.csv")), "old contents\n");
    CHECK_STR(entries(), "out.csv");
    ps_safefile_abort(NULL);
}

TEST(abort_without_stream_leaves_nothing)
{
    fresh_dir();
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("new.xlsx"), &ctx), PS_OK);
    CHECK_STR(entries(), strrchr(ps_safefile_temp_path(sf), '/') + 1);
    ps_safefile_abort(sf);
    CHECK_STR(entries(), "");
}

/* A library that opens its output by name (libxlsxwriter, SQLite). */
TEST(written_by_name_then_committed)
{
    fresh_dir();
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("book.xlsx"), &ctx), PS_OK);
    const char *tmp = ps_safefile_temp_path(sf);
    CHECK(strncmp(tmp, dir, strlen(dir)) == 0 && tmp[strlen(dir)] == '/');
    FILE *f = fopen(tmp, "wb");
    CHECK(f != NULL);
    fputs("PK workbook", f);
    fclose(f);
    char side[300];
    snprintf(side, sizeof side, "%s-journal", strrchr(tmp, '/') + 1);
    put(side, "a side file the library left");
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_OK);
    CHECK_STR(contents(in_dir("book.xlsx")), "PK workbook");
    CHECK_STR(entries(), "book.xlsx");
}

TEST(abort_removes_side_files)
{
    fresh_dir();
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("copy.db"), &ctx), PS_OK);
    char side[300];
    snprintf(side, sizeof side, "%s-journal", strrchr(ps_safefile_temp_path(sf), '/') + 1);
    put(side, "journal");
    ps_safefile_abort(sf);
    CHECK_STR(entries(), "");
}

TEST(relative_path_in_current_folder)
{
    fresh_dir();
    char here[512];
    CHECK(getcwd(here, sizeof here) != NULL);
    CHECK_INT(chdir(dir), 0);
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, "plain.csv", &ctx), PS_OK);
    CHECK(ps_safefile_is_temp_name(ps_safefile_temp_path(sf), NULL));
    fputs("x\n", ps_safefile_stream(sf, 0));
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_OK);
    CHECK_STR(contents("plain.csv"), "x\n");
    CHECK_INT(chdir(here), 0);
    CHECK_STR(entries(), "plain.csv");
}

/* ------------------------------------------------------------------------
 * Targets: refused kinds, symbolic links, bad paths
 * ------------------------------------------------------------------------ */

TEST(refuses_fifo)
{
    fresh_dir();
    CHECK_INT(mkfifo(in_dir("pipe"), 0600), 0);
    ps_ctx ctx = {0};
    ps_safefile *sf = (ps_safefile *)1;
    CHECK_INT(ps_safefile_open(&sf, in_dir("pipe"), &ctx), PS_ERR_IO);
    CHECK(sf == NULL);
    CHECK(message_has(&ctx, in_dir("pipe")));
    CHECK(message_has(&ctx, "FIFO"));
    CHECK_STR(entries(), "pipe");
}

TEST(refuses_folder)
{
    fresh_dir();
    CHECK_INT(mkdir(in_dir("sub"), 0700), 0);
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("sub"), &ctx), PS_ERR_IO);
    CHECK(message_has(&ctx, "cannot write"));
    CHECK(message_has(&ctx, "it is a folder, not a regular file"));
    CHECK_STR(entries(), "sub");
}

TEST(refuses_character_device)
{
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, "/dev/null", &ctx), PS_ERR_IO);
    if (!ctx.err)
        ps_safefile_abort(sf); /* never commit over the machine's /dev/null */
    CHECK_STR(ctx.msg, "cannot write /dev/null: it is a character device, not a regular file; name a file to write");
}

TEST(symlink_is_replaced_not_written_through)
{
    fresh_dir();
    put("victim", "keep me\n");
    CHECK_INT(symlink("victim", in_dir("link.csv")), 0);
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("link.csv"), &ctx), PS_OK);
    fputs("new\n", ps_safefile_stream(sf, 0));
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_OK);
    struct stat st;
    CHECK_INT(lstat(in_dir("link.csv"), &st), 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK_STR(contents(in_dir("link.csv")), "new\n");
    CHECK_STR(contents(in_dir("victim")), "keep me\n");
    CHECK_STR(entries(), "link.csv victim");
}

TEST(dangling_symlink_is_replaced)
{
    fresh_dir();
    CHECK_INT(symlink("nowhere/x", in_dir("link.csv")), 0);
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("link.csv"), &ctx), PS_OK);
    fputs("new\n", ps_safefile_stream(sf, 0));
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_OK);
    CHECK_STR(contents(in_dir("link.csv")), "new\n");
    CHECK_STR(entries(), "link.csv");
}

TEST(bad_paths)
{
    fresh_dir();
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, "", &ctx), PS_ERR_USAGE);
    CHECK_STR(ctx.msg, "no output file named");
    ctx = (ps_ctx){0};
    CHECK_INT(ps_safefile_open(&sf, in_dir(""), &ctx), PS_ERR_USAGE);
    CHECK(message_has(&ctx, "the path names a folder"));
    ctx = (ps_ctx){0};
    CHECK_INT(ps_safefile_open(&sf, in_dir("nodir/out.csv"), &ctx), PS_ERR_IO);
    CHECK(message_has(&ctx, "cannot create a file in the folder "));
    CHECK(message_has(&ctx, "nodir: No such file or directory"));
    ctx = (ps_ctx){0};
    put("file", "");
    CHECK_INT(ps_safefile_open(&sf, in_dir("file/out.csv"), &ctx), PS_ERR_IO);
    CHECK(message_has(&ctx, "Not a directory"));
    CHECK_STR(entries(), "file");
}

/* ------------------------------------------------------------------------
 * Failures at the commit
 * ------------------------------------------------------------------------ */

TEST(target_became_folder_before_commit)
{
    fresh_dir();
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("out.csv"), &ctx), PS_OK);
    fputs("new\n", ps_safefile_stream(sf, 0));
    CHECK_INT(mkdir(in_dir("out.csv"), 0700), 0);
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_ERR_IO);
    CHECK(message_has(&ctx, "it is a folder"));
    CHECK_STR(entries(), "out.csv");
}

TEST(temporary_replaced_while_written)
{
    fresh_dir();
    put("out.csv", "old\n");
    put("other", "not ours\n");
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("out.csv"), &ctx), PS_OK);
    fputs("new\n", ps_safefile_stream(sf, 0));
    CHECK_INT(rename(in_dir("other"), ps_safefile_temp_path(sf)), 0);
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_ERR_IO);
    CHECK(message_has(&ctx, "was removed or replaced while it was written"));
    CHECK_STR(contents(in_dir("out.csv")), "old\n");
    CHECK_STR(entries(), "out.csv");
}

/* A write that fails (here: beyond the file size limit, EFBIG) fails the
 * commit, which keeps the earlier file and removes the temporary. */
TEST(write_error_fails_commit)
{
    fresh_dir();
    put("out.csv", "old\n");
    struct rlimit was;
    CHECK_INT(getrlimit(RLIMIT_FSIZE, &was), 0);
    void (*xfsz)(int) = signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = {1000, was.rlim_max};
    CHECK_INT(setrlimit(RLIMIT_FSIZE, &small), 0);
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("out.csv"), &ctx), PS_OK);
    FILE *f = ps_safefile_stream(sf, 0);
    for (int i = 0; i < 1000; i++)
        fputs("0123456789\n", f);
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_ERR_IO);
    CHECK_INT(setrlimit(RLIMIT_FSIZE, &was), 0);
    signal(SIGXFSZ, xfsz);
    CHECK(message_has(&ctx, "cannot write "));
    CHECK(message_has(&ctx, "out.csv: File too large"));
    CHECK_STR(contents(in_dir("out.csv")), "old\n");
    CHECK_STR(entries(), "out.csv");
}

/* ------------------------------------------------------------------------
 * Temporary names and stale temporaries
 * ------------------------------------------------------------------------ */

TEST(two_temporaries_differ)
{
    fresh_dir();
    ps_ctx ctx = {0};
    ps_safefile *a, *b;
    CHECK_INT(ps_safefile_open(&a, in_dir("out.csv"), &ctx), PS_OK);
    CHECK_INT(ps_safefile_open(&b, in_dir("out.csv"), &ctx), PS_OK);
    CHECK(strcmp(ps_safefile_temp_path(a), ps_safefile_temp_path(b)) != 0);
    long pa = 0, pb = 0;
    CHECK(ps_safefile_is_temp_name(strrchr(ps_safefile_temp_path(a), '/') + 1, &pa));
    CHECK(ps_safefile_is_temp_name(strrchr(ps_safefile_temp_path(b), '/') + 1, &pb));
    CHECK_INT(pa, getpid());
    CHECK_INT(pb, getpid());
    CHECK(strstr(ps_safefile_temp_path(a), "/.out.csv.provstat-") != NULL);
    ps_safefile_abort(a);
    ps_safefile_abort(b);
    CHECK_STR(entries(), "");
}

TEST(temp_name_pattern)
{
    long pid = 0;
    CHECK(ps_safefile_is_temp_name(".out.csv.provstat-123-0123456789abcdef.tmp", &pid));
    CHECK_INT(pid, 123);
    CHECK(ps_safefile_is_temp_name(".a.provstat-7-0123456789abcdef.tmp-journal", &pid));
    CHECK_INT(pid, 7);
    CHECK(ps_safefile_is_temp_name(".a.provstat-7-0123456789abcdef.tmp-wal", NULL));
    CHECK(ps_safefile_is_temp_name(".a.provstat-7-0123456789abcdef.tmp-shm", NULL));
    CHECK(ps_safefile_is_temp_name(".x.provstat-1-0123456789abcdef.tmp.provstat-9-0123456789abcdef.tmp", &pid));
    CHECK_INT(pid, 9);
    CHECK(!ps_safefile_is_temp_name("out.csv.provstat-123-0123456789abcdef.tmp", NULL));  /* no dot */
    CHECK(!ps_safefile_is_temp_name(".provstat-123-0123456789abcdef.tmp", NULL));         /* no base */
    CHECK(!ps_safefile_is_temp_name(".a.provstat-123-0123456789ABCDEF.tmp", NULL));       /* upper hex */
    CHECK(!ps_safefile_is_temp_name(".a.provstat-123-0123456789abcde.tmp", NULL));        /* 15 digits */
    CHECK(!ps_safefile_is_temp_name(".a.provstat-123-0123456789abcdef.tmpx", NULL));
    CHECK(!ps_safefile_is_temp_name(".a.provstat-123-0123456789abcdef.tmp-other", NULL));
    CHECK(!ps_safefile_is_temp_name(".a.provstat--1-0123456789abcdef.tmp", NULL));
    CHECK(!ps_safefile_is_temp_name(".a.provstat-0-0123456789abcdef.tmp", NULL));
    CHECK(!ps_safefile_is_temp_name(".a.provstat-99999999999999999999-0123456789abcdef.tmp", NULL));
    CHECK(!ps_safefile_is_temp_name(".a.tmp123-0", NULL));  /* the old export name */
    CHECK(!ps_safefile_is_temp_name(NULL, NULL));
}

/* A pid that no longer runs: a child that has exited and been reaped. */
static long dead_pid(void)
{
    pid_t p = fork();
    if (p == 0)
        _exit(0);
    int st;
    waitpid(p, &st, 0);
    return (long)p;
}

TEST(stale_temporaries_of_dead_pids_removed)
{
    fresh_dir();
    long dead = dead_pid(), alive = (long)getppid();
    char name[5][128];
    snprintf(name[0], sizeof name[0], ".old.xlsx.provstat-%ld-00112233445566ff.tmp", dead);
    snprintf(name[1], sizeof name[1], ".old.db.provstat-%ld-00112233445566ff.tmp-journal", dead);
    snprintf(name[2], sizeof name[2], ".mine.csv.provstat-%ld-00112233445566ff.tmp", alive);
    snprintf(name[3], sizeof name[3], ".kept.provstat-%ld-not-ours.tmp", dead);
    snprintf(name[4], sizeof name[4], "old.xlsx.provstat-%ld-00112233445566ff.tmp", dead);
    for (int i = 0; i < 5; i++)
        put(name[i], "x");
    CHECK(kill((pid_t)dead, 0) != 0 && errno == ESRCH);
    ps_ctx ctx = {0};
    ps_safefile *sf;
    CHECK_INT(ps_safefile_open(&sf, in_dir("out.csv"), &ctx), PS_OK);
    fputs("new\n", ps_safefile_stream(sf, 0));
    CHECK_INT(ps_safefile_commit(sf, &ctx), PS_OK);
    char want[1024];
    snprintf(want, sizeof want, "%s %s %s out.csv", name[3], name[2], name[4]);
    CHECK_STR(entries(), want);
}

int main(void)
{
    RUN(commit_writes_content);
    RUN(commit_replaces_earlier_file);
    RUN(abort_keeps_earlier_file);
    RUN(abort_without_stream_leaves_nothing);
    RUN(written_by_name_then_committed);
    RUN(abort_removes_side_files);
    RUN(relative_path_in_current_folder);
    RUN(refuses_fifo);
    RUN(refuses_folder);
    RUN(refuses_character_device);
    RUN(symlink_is_replaced_not_written_through);
    RUN(dangling_symlink_is_replaced);
    RUN(bad_paths);
    RUN(target_became_folder_before_commit);
    RUN(temporary_replaced_while_written);
    RUN(write_error_fails_commit);
    RUN(two_temporaries_differ);
    RUN(temp_name_pattern);
    RUN(stale_temporaries_of_dead_pids_removed);
    fresh_dir();
    rmdir(dir);
    return check_done();
}
