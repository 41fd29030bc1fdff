/* test_hooks.c - the environment variables of provstat-test (see test_hooks.h). */
#include "cli/test_hooks.h"

#include "cli/cli.h"

#ifdef PS_TEST_HOOKS

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long pause_rows;
static const char *pause_mark;

/* The progress of a paused ingest: pauses once, after pause_rows rows. */
static void pause_here(void *arg, long rows, long long done, long long total)
{
    static bool paused;
    if (paused || rows < pause_rows)
        return;
    paused = true;
    int fd = pause_mark ? open(pause_mark, O_WRONLY | O_CREAT | O_EXCL, 0600) : -1;
    if (fd >= 0)
        close(fd);
    sleep(60);
}

void ps_cli_test_ingest(ps_ingest_opts *o)
{
    long long n;
    if (ps_cli_parse_count(getenv("PROVSTAT_TEST_PAUSE_ROWS"), 1LL << 40, &n) && n > 0) {
        pause_rows = (long)n;
        pause_mark = getenv("PROVSTAT_TEST_PAUSE_FILE");
        o->progress = pause_here;
        o->progress_arg = NULL;
        o->progress_rows = (long)n;
    }
    if (ps_cli_parse_count(getenv("PROVSTAT_TEST_REFRESH_MAX"), 1LL << 40, &n) && n > 0)
        o->refresh_max = (size_t)n;
    const char *plain = getenv("PROVSTAT_TEST_PLAIN_READ");
    o->plain_read = plain && strcmp(plain, "1") == 0;
}

void ps_cli_test_report(ps_xlsx_opts *o)
{
    long long n;
    if (ps_cli_parse_count(getenv("PROVSTAT_TEST_DATA_ROWS"), 1LL << 40, &n))
        o->data_rows_per_sheet = (long)n;
    if (ps_cli_parse_count(getenv("PROVSTAT_TEST_CONSTANT_MEMORY_ROWS"), 1LL << 40, &n))
        o->constant_memory_rows = n ? (long)n : -1;
}

#else

void ps_cli_test_ingest(ps_ingest_opts *o)
{
}

void ps_cli_test_report(ps_xlsx_opts *o)
{
}

#endif
