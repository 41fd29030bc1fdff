/* cmd_ingest.c - `provstat ingest FILE... --reporter CODE`: load submissions. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/test_hooks.h"

#include "core/strbuf.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void progress(void *arg, long rows, long long done, long long total)
{
    (void)rows;
    const char *path = arg;
    if (total > 0)
        fprintf(stderr, "\r%s: %3d%%", path, (int)(done * 100 / total));
    else
        ps_cli_printf(stderr, PS_M_ING_BYTES, path, done);
    if (done >= total)
        fputs("\r\033[K", stderr);
}

/* Tomorrow's local date as YYYYMMDD. */
static long tomorrow_ymd(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    tm.tm_mday++;
    tm.tm_isdst = -1;
    mktime(&tm); /* normalises the day after the month's last */
    return (tm.tm_year + 1900) * 10000L + (tm.tm_mon + 1) * 100L + tm.tm_mday;
}

/* Another ingest holds the database: this one queues behind it (SPEC §4).
 * Said once, on a terminal. */
static void waiting(void *arg)
{
    static bool told;
    (void)arg;
    if (told || !isatty(2))
        return;
    told = true;
    ps_cli_printf(stderr, PS_M_ING_WAITING_FOR_OTHER);
}

/* Checks YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z]: 0 when good, 1 when not
 * written so, 2 when the day does not exist (2016-02-31, 2015-02-29), 3
 * when it is later than tomorrow (local date). */
static int received_check(const char *s)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;
    char rest[32] = "";
    if (sscanf(s, "%4d-%2d-%2d%31s", &y, &m, &d, rest) < 3 || strlen(s) < 10 || y < 1900 || y > 2100 ||
        m < 1 || m > 12 || d < 1 || !(rest[0] == '\0' || rest[0] == 'T' || rest[0] == ' '))
        return 1;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days[m - 1] || (m == 2 && d == 29 && !leap))
        return 2;
    return y * 10000L + m * 100L + d > tomorrow_ymd() ? 3 : 0;
}

static void summary(const char *path, const ps_ingest_result *r, ps_error err, bool dry, bool partial,
                    size_t nerr)
{
    if (r->already) {
        ps_cli_printf(stdout, PS_M_ING_ALREADY_INGESTED_SUBMISSION_NOTHING, path, r->already_id);
        return;
    }
    if (err == PS_ERR_REFUSED && !r->committed && !dry) {
        /* nothing was stored: counts of "new" rows would mislead */
        ps_cli_printf(stdout, PS_M_ING_ROW_READ_ERROR_FILE, path, r->rows_read,
               r->rows_read == 1 ? "" : "s", nerr, nerr == 1 ? "" : "s",
               partial ? "" : ps_msg(PS_M_ING_USE_PARTIAL));
        return;
    }
    long marks = r->marks_dots + r->marks_x + r->marks_empty;
    ps_cli_printf(stdout, PS_M_ING_ROW_READ_NEW_REVISED, path, r->rows_read,
           r->rows_read == 1 ? "" : "s", r->stored, r->revised, r->unchanged);
    if (r->none_occurred)
        ps_cli_printf(stdout, PS_M_ING_STORED, r->none_occurred);
    if (marks)
        ps_cli_printf(stdout, PS_M_ING_NOT_COLLECTED_X_EMPTY, marks, r->marks_dots, r->marks_x,
               r->marks_empty);
    if (r->skipped_derived)
        ps_cli_printf(stdout, PS_M_ING_DERIVED_SKIPPED, r->skipped_derived);
    if (r->forced)
        ps_cli_printf(stdout, PS_M_ING_FORCED, r->forced);
    ps_cli_printf(stdout, PS_M_ING_REFUSED, r->refused);
    if (dry)
        ps_cli_printf(stdout, PS_M_ING_DRY_RUN_NOTHING_STORED);
    else if (err == PS_ERR_REFUSED && !r->committed)
        ps_cli_printf(stdout, PS_M_ING_FILE_REFUSED_NOTHING_STORED, partial ? "" : ps_msg(PS_M_ING_USE_PARTIAL));
    else if (r->committed)
        ps_cli_printf(stdout, PS_M_ING_STORED_SUBMISSION, r->submission_id);
    else
        ps_cli_printf(stdout, PS_M_ING_NOTHING_STORE);
}

/* The command line: the options for every file, the errors CSV, the files. */
typedef struct ingest_args {
    ps_ingest_opts o;
    const char *errors_csv;
    bool bom;               /* --bom: the errors CSV for Excel */
    char **files;           /* owned array of borrowed argv strings */
    int nfiles;
} ingest_args;

enum { O_REPORTER = 1, O_UNIT, O_PERIOD, O_NUMFMT, O_ENCODING, O_PARTIAL, O_DRY, O_FORCE, O_ERRORS, O_RECEIVED, O_BOM };

/* One option into a; 0, or the exit status of a usage error. */
static int take_opt(ps_cli *cli, int c, ingest_args *a)
{
    ps_ingest_opts *o = &a->o;
    switch (c) {
    case '?': return 2;
    case O_REPORTER: o->reporter = optarg; break;
    case O_UNIT: o->unit = optarg; break;
    case O_PERIOD: o->period = optarg; break;
    case O_NUMFMT:
        if (!ps_numfmt_parse(optarg, &o->numfmt))
            return ps_cli_usage_errm(cli, PS_M_ING_NUMBER_FORMAT_USE_PLAIN, optarg);
        o->numfmt_given = true;
        break;
    case O_ENCODING:
        if (strcmp(optarg, "utf-8") == 0 || strcmp(optarg, "utf8") == 0)
            o->encoding = PS_ENC_UTF8;
        else if (strcmp(optarg, "cp1258") == 0 || strcmp(optarg, "windows-1258") == 0)
            o->encoding = PS_ENC_CP1258;
        else
            return ps_cli_usage_errm(cli, PS_M_ING_ENCODING_USE_UTF_CP, optarg);
        break;
    case O_PARTIAL: o->partial = true; break;
    case O_DRY: o->dry_run = true; break;
    case O_FORCE: o->force = true; break;
    case O_ERRORS: a->errors_csv = optarg; break;
    case O_BOM: a->bom = true; break;
    case O_RECEIVED:
        switch (received_check(optarg)) {
        case 1: return ps_cli_usage_errm(cli, PS_M_ING_RECEIVED_WRITE_DATE_YYYY, optarg);
        case 2: return ps_cli_usage_errm(cli, PS_M_ING_RECEIVED_THERE_NO_SUCH, optarg);
        case 3: return ps_cli_usage_errm(cli, PS_M_ING_RECEIVED_IN_FUTURE, optarg);
        default: break;
        }
        o->received = optarg;
        break;
    }
    return 0;
}

/* Options and files, in any order; 0, or the exit status of a usage
 * error (a->files is then freed). */
static int parse_args(ps_cli *cli, int argc, char **argv, ingest_args *a)
{
    static const struct option longopts[] = {
        {"reporter", required_argument, NULL, O_REPORTER}, {"unit", required_argument, NULL, O_UNIT},
        {"period", required_argument, NULL, O_PERIOD}, {"number-format", required_argument, NULL, O_NUMFMT},
        {"encoding", required_argument, NULL, O_ENCODING}, {"partial", no_argument, NULL, O_PARTIAL},
        {"dry-run", no_argument, NULL, O_DRY}, {"force", no_argument, NULL, O_FORCE},
        {"errors-csv", required_argument, NULL, O_ERRORS}, {"received", required_argument, NULL, O_RECEIVED},
        {"bom", no_argument, NULL, O_BOM}, {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->files = calloc((size_t)argc, sizeof *a->files);
    int c, rc = 0;
    /* files may come before, between or after the options */
    while (!rc) {
        while (!rc && (c = ps_opts_next(cli, argc, argv, longopts)) != -1)
            rc = take_opt(cli, c, a);
        if (rc || optind >= argc)
            break;
        a->files[a->nfiles++] = argv[optind++];
    }
    if (!rc && !a->o.reporter)
        rc = ps_cli_usage_errm(cli, PS_M_ING_REPORTER_CODE_REQUIRED_WHO);
    if (!rc && a->bom && !a->errors_csv)
        rc = ps_cli_usage_errm(cli, PS_M_ING_BOM_WITHOUT_ERRORS_CSV);
    if (!rc && !a->nfiles)
        rc = ps_cli_usage_errm(cli, PS_M_ING_NO_FILE_INGEST);
    for (int i = 0; i < a->nfiles && !rc; i++)
        if (strcmp(a->files[i], "-") == 0)
            rc = ps_cli_usage_errm(cli, PS_M_ING_INGEST_READS_FILES_NOT);
    if (rc) {
        free(a->files);
        a->files = NULL;
    }
    return rc;
}

/* Ingests one file and says what happened; the exit status it calls for.
 * The submission it stored, if any, is added to *stored. */
static int ingest_one(ps_cli *cli, ps_db *db, const ps_catalog *cat, ingest_args *a, const char *file,
                      ps_diags *all, ps_strbuf *stored)
{
    ps_diags d;
    ps_diags_init(&d);
    ps_ctx ctx = {0};
    ps_ingest_result res;
    a->o.progress = isatty(2) ? progress : NULL;
    a->o.progress_arg = (void *)file;
    ps_cli_test_ingest(&a->o);
    ps_error err = ps_ingest_file(db, cat, file, &a->o, &res, &d, &ctx);
    ps_diags_sort(&d);
    ps_cli_print_diags(&d, true);
    if (err == PS_OK || err == PS_ERR_REFUSED)
        summary(file, &res, err, a->o.dry_run, a->o.partial, d.nerr);
    if (res.committed && res.kept.msg[0])
        ps_cli_refresh_warning(file, res.kept.msg);
    if (res.committed && !a->o.dry_run) {
        char one[4096];
        ps_msg_format(one, sizeof one, PS_M_ING_SUBMISSION_OF, res.submission_id, file);
        ps_sb_printf(stored, "%s%s", stored->len ? ", " : "", one);
    }
    int rc = err == PS_ERR_REFUSED ? 1 : err ? ps_cli_fail(cli, &ctx) : 0;
    ps_diags_move(all, &d);
    return rc;
}

/* Writes the errors CSV; the exit status a failure calls for, after saying
 * what was stored all the same (SPEC §4). */
static int write_errors_csv(ps_safefile *csv, const ingest_args *a, const ps_diags *all, const ps_strbuf *stored)
{
    ps_ctx ctx = {0};
    const char *path = a->errors_csv;
    if (!ps_cli_errors_csv_write(all, csv, a->bom, &ctx))
        return 0;
    fprintf(stderr, "provstat: %s\n", ps_ctx_message(&ctx));
    if (stored->len)
        ps_cli_printf(stderr, PS_M_ING_PROVSTAT_ERRORS_CSV_WAS, path,
                ps_sb_str(stored));
    return ps_exit_code(ctx.err);
}

int ps_cmd_ingest(ps_cli *cli, int argc, char **argv)
{
    ingest_args a;
    int rc = parse_args(cli, argc, argv, &a);
    if (rc)
        return rc;
    ps_safefile *csv = NULL;
    ps_db *db = NULL;
    ps_catalog *cat = NULL;
    if ((a.errors_csv && (rc = ps_cli_errors_csv_open(a.errors_csv, &csv))) ||
        (rc = ps_cli_open_catalog(cli, false, &db, &cat))) {
        ps_safefile_abort(csv);
        free(a.files);
        return rc;
    }
    ps_db_on_wait(db, waiting, NULL);
    ps_strbuf stored = PS_STRBUF_INIT; /* "submission 12 (a.csv)", for the errors CSV's failure */
    ps_diags all;
    ps_diags_init(&all);
    for (int i = 0; i < a.nfiles && rc < 2; i++) {
        int frc = ingest_one(cli, db, cat, &a, a.files[i], &all, &stored);
        if (frc)
            rc = frc;
    }
    if (csv) {
        int wrc = write_errors_csv(csv, &a, &all, &stored);
        if (rc < wrc)
            rc = wrc;
    }
    ps_sb_free(&stored);
    ps_diags_free(&all);
    ps_catalog_free(cat);
    ps_db_close(db);
    free(a.files);
    return rc;
}
