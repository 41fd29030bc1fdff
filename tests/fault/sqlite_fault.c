/* sqlite_fault.c - a test-only LD_PRELOAD shim that makes the database fail
 * in the middle of a command: the Nth call of sqlite3_step returns
 * SQLITE_IOERR instead of stepping, and sqlite3_errmsg then names the fault.
 *
 * Environment (read once, by this shim only; the product reads none of it):
 *   PS_FAULT_STEP=N   fail the Nth sqlite3_step of the process (1-based);
 *                     0 or unset: fail nothing, only count
 *   PS_FAULT_LOG=F    append one line to F at exit: "steps T fired none"
 *                     or "steps T fired N sql STATEMENT" (its first 150 bytes)
 *
 * Built as a shared module beside the tests; never linked into provstat.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

typedef int (*step_fn)(sqlite3_stmt *);
typedef const char *(*errmsg_fn)(sqlite3 *);

static step_fn real_step;
static errmsg_fn real_errmsg;
static long long fault_at = -1; /* -1: not read yet */
static long long steps;
static sqlite3 *faulted_db;     /* the connection whose last step was the fault */
static int fired;
static char fired_sql[160]; /* the start of the failed statement, for the log */

static void report(void)
{
    const char *log = getenv("PS_FAULT_LOG");
    if (!log || !*log)
        return;
    FILE *f = fopen(log, "a");
    if (!f)
        return;
    if (fired)
        fprintf(f, "steps %lld fired %lld sql %s\n", steps, fault_at, fired_sql);
    else
        fprintf(f, "steps %lld fired none\n", steps);
    fclose(f);
}

static void setup(void)
{
    const char *n = getenv("PS_FAULT_STEP");
    fault_at = n && *n ? strtoll(n, NULL, 10) : 0;
    real_step = (step_fn)dlsym(RTLD_NEXT, "sqlite3_step");
    real_errmsg = (errmsg_fn)dlsym(RTLD_NEXT, "sqlite3_errmsg");
    if (!real_step || !real_errmsg)
        abort();
    atexit(report);
}

int sqlite3_step(sqlite3_stmt *stmt)
{
    if (fault_at < 0)
        setup();
    steps++;
    faulted_db = NULL;
    if (fault_at > 0 && steps == fault_at) {
        fired = 1;
        faulted_db = sqlite3_db_handle(stmt);
        const char *sql = sqlite3_sql(stmt);
        snprintf(fired_sql, sizeof fired_sql, "%.150s", sql ? sql : "?");
        for (char *c = fired_sql; *c; c++)
            if (*c == '\n' || *c == '\r')
                *c = ' ';
        return SQLITE_IOERR;
    }
    return real_step(stmt);
}

const char *sqlite3_errmsg(sqlite3 *db)
{
    if (fault_at < 0)
        setup();
    if (db && db == faulted_db)
        return "disk I/O error (injected by the test's fault shim)";
    return real_errmsg(db);
}
