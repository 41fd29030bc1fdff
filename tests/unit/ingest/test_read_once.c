/* test_read_once.c - a submission is read once (SPEC §4): a regular file,
 * a pipe and a FIFO are stored with the SHA-256 of the bytes read and
 * their raw bytes kept, which come back equal (store/raw.h); the same
 * bytes again are "already ingested"; a refused file keeps nothing; a
 * device of zeros is refused at its first line. */
#include "check.h"
#include "tmp_db.h"

#include "core/alloc.h"
#include "core/hash.h"
#include "core/strbuf.h"
#include "ingest/ingest.h"
#include "store/dbcatalog.h"
#include "store/obs.h"
#include "store/raw.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define CATALOG "tests/data/catalogs/ingest"

static ps_db *db;
static ps_catalog *cat;

static void open_db(void)
{
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    db = tmp_db_open("read_once", &ctx);
    CHECK(db != NULL);
    CHECK_INT(ps_catalog_read_dir(&cat, CATALOG, &d, &ctx), PS_OK);
    const char *paths[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    if (db && cat)
        CHECK_INT(ps_change_catalog(db, cat, paths, &d, &ctx), PS_OK);
    ps_diags_free(&d);
}

/* A file of `rows` rows of RETAIL for `unit` from January 1990 on, with
 * a BOM, a CRLF and notes of note_len bytes (kept as read). */
static void make_content(ps_strbuf *sb, const char *unit, int rows, size_t note_len)
{
    ps_sb_append(sb, "\xEF\xBB\xBFunit,indicator,period,value,note\r\n", 37);
    for (int i = 0; i < rows; i++) {
        ps_sb_printf(sb, "%s,RETAIL,%d-%02d,%d,Ghi chú số %d ", unit, 1990 + i / 12, i % 12 + 1, 100 + i, i);
        for (size_t k = 0; k < note_len; k++)
            ps_sb_putc(sb, (char)('a' + (i + k) % 26));
        ps_sb_putc(sb, '\n');
    }
}

static void sha_of(const ps_strbuf *sb, char hex[PS_SHA256_HEX])
{
    ps_ctx ctx = {0};
    ps_sha256 *h = ps_sha256_new(&ctx);
    ps_sha256_update(h, sb->buf, sb->len);
    ps_sha256_hex(h, hex);
    ps_sha256_free(h);
}

static char *write_temp(const ps_strbuf *sb)
{
    char *path = ps_xstrdup("/tmp/provstat-test-read-once-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0 && write(fd, sb->buf, sb->len) == (ssize_t)sb->len);
    close(fd);
    return path;
}

/* A child writing sb to fd in small pieces, then exiting. */
static pid_t writer(int fd, const ps_strbuf *sb)
{
    pid_t pid = fork();
    if (pid == 0) {
        for (size_t done = 0; done < sb->len;) {
            size_t n = sb->len - done < 777 ? sb->len - done : 777;
            ssize_t w = write(fd, sb->buf + done, n);
            if (w <= 0)
                _exit(1);
            done += (size_t)w;
        }
        _exit(0);
    }
    return pid;
}

static ps_error ingest(const char *path, ps_ingest_result *res, ps_diags *d)
{
    ps_ctx ctx = {0};
    ps_ingest_opts o = {.reporter = "CTK", .received = "2026-01-10"};
    return ps_ingest_file(db, cat, path, &o, res, d, &ctx);
}

/* The kept bytes of sub in from equal sb. */
static void check_kept_in(ps_db *from, long long sub, const ps_strbuf *sb)
{
    char path[] = "/tmp/provstat-test-raw-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w+b");
    ps_ctx ctx = {0};
    long long n = -1;
    CHECK_INT(ps_raw_copy(from, sub, f, &n, &ctx), PS_OK);
    CHECK_INT(n, sb->len);
    rewind(f);
    char *back = ps_xmalloc(sb->len + 1);
    CHECK_INT(fread(back, 1, sb->len + 1, f), sb->len);
    CHECK(memcmp(back, sb->buf, sb->len) == 0);
    free(back);
    fclose(f);
    unlink(path);
}

/* The kept bytes of sub equal sb, and the submission's hash is sb's. */
static void check_kept(long long sub, const ps_strbuf *sb)
{
    check_kept_in(db, sub, sb);
    char want[PS_SHA256_HEX];
    sha_of(sb, want);
    ps_ctx ctx = {0};
    ps_obs_writer *w = NULL;
    long long found = 0;
    CHECK_INT(ps_obs_writer_new(db, &w, &ctx), PS_OK);
    CHECK_INT(ps_obs_find_submission(w, want, cat->reporters[ps_catalog_reporter(cat, "CTK")].id,
                                     "unit=;period=;number-format=auto;encoding=utf-8", &found, &ctx), PS_OK);
    CHECK_INT(found, sub);
    ps_obs_writer_free(w);
}

TEST(regular_file_kept_whole)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    make_content(&sb, "193", 400, 10); /* 15 KB: one chunk of raw bytes */
    char *path = write_temp(&sb);
    ps_ingest_result res;
    ps_diags d;
    ps_diags_init(&d);
    CHECK_INT(ingest(path, &res, &d), PS_OK);
    CHECK_INT(res.stored, 400);
    CHECK(res.committed);
    check_kept(res.submission_id, &sb);
    long long first = res.submission_id;
    /* a backup carries them */
    char copy[64];
    snprintf(copy, sizeof copy, "/tmp/provstat-test-read-once-backup-%ld.db", (long)getpid());
    ps_ctx ctx = {0};
    CHECK_INT(ps_db_backup(db, copy, &ctx), PS_OK);
    ps_db *bk = NULL;
    ps_db_opts ro = {.readonly = true};
    CHECK_INT(ps_db_open(&bk, copy, &ro, &ctx), PS_OK);
    if (bk)
        check_kept_in(bk, first, &sb);
    ps_db_close(bk);
    unlink(copy);
    /* the same bytes again: already ingested, nothing stored, no diagnostics */
    CHECK_INT(ingest(path, &res, &d), PS_OK);
    CHECK(res.already);
    CHECK_INT(res.already_id, first);
    CHECK_INT(res.rows_read, 0);
    CHECK(!res.committed);
    CHECK_INT(d.n, 0);
    unlink(path);
    free(path);
    ps_sb_free(&sb);
    ps_diags_free(&d);
}

TEST(pipe_and_fifo_read_once)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    make_content(&sb, "196", 400, 2000); /* 800 KB: several chunks of raw bytes */
    char sha[PS_SHA256_HEX];
    sha_of(&sb, sha);
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = writer(fds[1], &sb);
    close(fds[1]);
    char path[32];
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    ps_ingest_result res;
    ps_diags d;
    ps_diags_init(&d);
    CHECK_INT(ingest(path, &res, &d), PS_OK);
    close(fds[0]);
    waitpid(pid, NULL, 0);
    CHECK_INT(res.stored, 400);
    CHECK_INT(d.n, 0);
    CHECK(res.committed);
    check_kept(res.submission_id, &sb);
    long long first = res.submission_id;
    /* the same bytes through a FIFO: read once, hashed the same */
    char fifo[64];
    snprintf(fifo, sizeof fifo, "/tmp/provstat-test-fifo-%ld", (long)getpid());
    unlink(fifo);
    CHECK(mkfifo(fifo, 0600) == 0);
    pid = fork();
    if (pid == 0) {
        int fd = open(fifo, O_WRONLY);
        pid_t w = writer(fd, &sb);
        int st;
        waitpid(w, &st, 0);
        _exit(WIFEXITED(st) ? WEXITSTATUS(st) : 1);
    }
    CHECK_INT(ingest(fifo, &res, &d), PS_OK);
    int st;
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK(res.already);
    CHECK_INT(res.already_id, first);
    CHECK_INT(d.n, 0);
    unlink(fifo);
    ps_sb_free(&sb);
    ps_diags_free(&d);
}

TEST(refused_file_keeps_nothing)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_printf(&sb, "unit,indicator,period,value\n193,RETAIL,2030-01,5\n999,RETAIL,2030-01,6\n");
    char *path = write_temp(&sb);
    ps_ingest_result res;
    ps_diags d;
    ps_diags_init(&d);
    CHECK_INT(ingest(path, &res, &d), PS_ERR_REFUSED);
    CHECK(!res.committed);
    ps_ctx ctx = {0};
    FILE *null = fopen("/dev/null", "wb");
    CHECK_INT(ps_raw_copy(db, res.submission_id, null, NULL, &ctx), PS_ERR_NOT_FOUND);
    char want[200];
    snprintf(want, sizeof want, "submission %lld has no raw bytes kept: it stored nothing, or was ingested "
             "before provstat kept them", res.submission_id);
    CHECK_STR(ctx.msg, want);
    fclose(null);
    unlink(path);
    free(path);
    ps_sb_free(&sb);
    ps_diags_free(&d);
}

TEST(copy_to_a_full_disk)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_printf(&sb, "unit,indicator,period,value\n196,RETAIL,2031-01,5\n");
    char *path = write_temp(&sb);
    ps_ingest_result res;
    ps_diags d;
    ps_diags_init(&d);
    CHECK_INT(ingest(path, &res, &d), PS_OK);
    ps_ctx ctx = {0};
    FILE *full = fopen("/dev/full", "wb");
    CHECK(full != NULL);
    if (full) {
        CHECK_INT(ps_raw_copy(db, res.submission_id, full, NULL, &ctx), PS_ERR_IO);
        CHECK(strstr(ctx.msg, "cannot write the bytes of submission") != NULL);
        CHECK(strstr(ctx.msg, "No space left on device") != NULL);
        fclose(full);
    }
    unlink(path);
    free(path);
    ps_sb_free(&sb);
    ps_diags_free(&d);
}

/* A file of NULs is binary data, neither a CSV nor a workbook: refused at
 * once, from its first bytes, with what it is (SPEC §4, never read for ever). */
TEST(zeros_refused_at_once)
{
    ps_ingest_result res;
    ps_diags d;
    ps_diags_init(&d);
    CHECK_INT(ingest("/dev/zero", &res, &d), PS_ERR_REFUSED);
    CHECK(!res.committed);
    CHECK(d.n >= 1);
    if (d.n >= 1) {
        CHECK_INT(d.v[0].code, PS_D_UNREADABLE_FILE);
        CHECK(strstr(d.v[0].message, "binary") != NULL);
    }
    ps_diags_free(&d);
}

int main(void)
{
    open_db();
    if (db && cat) {
        RUN(regular_file_kept_whole);
        RUN(pipe_and_fifo_read_once);
        RUN(refused_file_keeps_nothing);
        RUN(copy_to_a_full_disk);
        RUN(zeros_refused_at_once);
    }
    ps_catalog_free(cat);
    if (db)
        tmp_db_drop(db);
    return check_done();
}
