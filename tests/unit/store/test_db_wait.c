/* test_db_wait.c - ingests queue (SPEC §4): a write transaction waits for
 * another writer without a time limit and says so once through the
 * callback, or gives up with PS_ERR_BUSY after a limit the options set;
 * closing after a commit never waits for another process's read. */
#include "check.h"
#include "tmp_db.h"

#include "store/db_int.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>

static long long ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void count_call(void *arg)
{
    ++*(int *)arg;
}

/* A child that opens the database, starts a write (or, with reader, a read)
 * transaction, writes one byte to ready, holds it hold_ms, and exits. */
static pid_t holder(bool reader, int hold_ms, int ready)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    ps_ctx ctx = {0};
    ps_db *db = NULL;
    if (ps_db_open(&db, tmp_db_path, NULL, &ctx))
        _exit(1);
    if (reader) {
        if (ps_db_begin_read(db, &ctx) || ps_db_exec(db, "SELECT count(*) FROM meta", &ctx))
            _exit(1);
    } else if (ps_db_begin(db, &ctx) || ps_db_exec(db, "UPDATE meta SET value = value WHERE key = 'x'", &ctx)) {
        _exit(1);
    }
    if (write(ready, "x", 1) != 1)
        _exit(1);
    usleep((useconds_t)hold_ms * 1000);
    if (reader)
        ps_db_end_read(db);
    else if (ps_db_commit(db, &ctx))
        _exit(1);
    ps_db_close(db);
    _exit(0);
}

/* Starts holder() and returns once it holds its transaction. */
static pid_t hold(bool reader, int hold_ms)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = holder(reader, hold_ms, fds[1]);
    close(fds[1]);
    char c;
    CHECK(read(fds[0], &c, 1) == 1);
    close(fds[0]);
    return pid;
}

static void reap(pid_t pid)
{
    int st;
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

TEST(a_writer_waits_for_another_and_says_so_once)
{
    ps_ctx ctx = {0};
    ps_db *db = tmp_db_open("wait", &ctx);
    CHECK(db != NULL);
    if (!db)
        return;
    int calls = 0;
    ps_db_on_wait(db, count_call, &calls);
    pid_t pid = hold(false, 600);
    long long t0 = ms_now();
    CHECK_INT(ps_db_begin(db, &ctx), PS_OK);
    long long waited = ms_now() - t0;
    CHECK(waited >= 400);
    CHECK_INT(calls, 1);
    CHECK_INT(ps_db_commit(db, &ctx), PS_OK);
    reap(pid);
    /* no wait: not called */
    CHECK_INT(ps_db_begin(db, &ctx), PS_OK);
    ps_db_rollback(db);
    CHECK_INT(calls, 1);
    tmp_db_drop(db);
}

TEST(a_limit_the_options_set_gives_up)
{
    ps_ctx ctx = {0};
    ps_db *db = tmp_db_open("wait_limit", &ctx);
    CHECK(db != NULL);
    if (!db)
        return;
    ps_db_close(db);
    ps_db_opts o = {.busy_timeout_ms = 200};
    CHECK_INT(ps_db_open(&db, tmp_db_path, &o, &ctx), PS_OK);
    pid_t pid = hold(false, 1500);
    long long t0 = ms_now();
    CHECK_INT(ps_db_begin(db, &ctx), PS_ERR_BUSY);
    long long waited = ms_now() - t0;
    CHECK(waited >= 200 && waited < 1400);
    CHECK(strstr(ctx.msg, "is locked by another provstat process (starting a write transaction)") != NULL);
    reap(pid);
    tmp_db_drop(db);
}

TEST(close_after_a_commit_does_not_wait_for_a_reader)
{
    ps_ctx ctx = {0};
    ps_db *db = tmp_db_open("wait_close", &ctx);
    CHECK(db != NULL);
    if (!db)
        return;
    pid_t pid = hold(true, 2000);
    CHECK_INT(ps_db_begin(db, &ctx), PS_OK);
    CHECK_INT(ps_db_exec(db, "INSERT INTO meta(key, value) VALUES ('after', '1')", &ctx), PS_OK);
    CHECK_INT(ps_db_commit(db, &ctx), PS_OK);
    long long t0 = ms_now();
    ps_db_close(db);
    CHECK(ms_now() - t0 < 1000);
    reap(pid);
    tmp_db_remove();
}

int main(void)
{
    RUN(a_writer_waits_for_another_and_says_so_once);
    RUN(a_limit_the_options_set_gives_up);
    RUN(close_after_a_commit_does_not_wait_for_a_reader);
    return check_done();
}
