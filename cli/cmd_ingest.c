/* cmd_ingest.c - `provstat ingest FILE... --reporter CODE`: load submissions. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/test_hooks.h"

#include "core/strbuf.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void progress(void *arg, long rows, long long done, long long total)
{
    (void)rows;
    const char *path = arg;
    if (total > 0)
        fprintf(stderr, "\r%s: %3d%%", path, (int)(done * 100 / total));
    else
        fprintf(stderr, "\r%s: %lld bytes", path, done);
    if (done >= total)
        fputs("\r\033[K", stderr);
}

/* Accepts YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z]. */
static bool received_ok(const char *s)
{
    int y, m, d;
    char rest[32] = "";
    if (sscanf(s, "%4d-%2d-%2d%31s", &y, &m, &d, rest) < 3)
        return false;
    if (strlen(s) < 10 || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    return rest[0] == '\0' || rest[0] == 'T' || rest[0] == ' ';
}

static void summary(const char *path, const ps_ingest_result *r, ps_error err, bool dry, bool partial,
                    size_t nerr)
{
    if (r->already) {
        printf("%s: already ingested (submission %lld): nothing changed\n", path, r->already_id);
        return;
    }
    if (err == PS_ERR_REFUSED && !r->committed && !dry) {
        /* nothing was stored: counts of "new" rows would mislead */
        printf("%s: %ld row%s read, %zu error%s; file refused: nothing stored%s\n", path, r->rows_read,
               r->rows_read == 1 ? "" : "s", nerr, nerr == 1 ? "" : "s",
               partial ? "" : " (use --partial to store the good rows)");
        return;
    }
    long marks = r->marks_dots + r->marks_x + r->marks_empty;
    printf("%s: %ld row%s read, %ld new, %ld revised, %ld unchanged", path, r->rows_read,
           r->rows_read == 1 ? "" : "s", r->stored, r->revised, r->unchanged);
    if (r->none_occurred)
        printf(" (%ld '-' stored as 0)", r->none_occurred);
    if (marks)
        printf(", %ld not collected (%ld '..', %ld 'x', %ld empty)", marks, r->marks_dots, r->marks_x,
               r->marks_empty);
    if (r->skipped_derived)
        printf(", %ld derived skipped", r->skipped_derived);
    if (r->forced)
        printf(", %ld forced", r->forced);
    printf(", %ld refused", r->refused);
    if (dry)
        printf("; dry run: nothing stored\n");
    else if (err == PS_ERR_REFUSED && !r->committed)
        printf("; file refused: nothing stored%s\n", partial ? "" : " (use --partial to store the good rows)");
    else if (r->committed)
        printf("; stored as submission %lld\n", r->submission_id);
    else
        printf("; nothing to store\n");
}

int ps_cmd_ingest(ps_cli *cli, int argc, char **argv)
{
    enum { O_REPORTER = 1, O_UNIT, O_PERIOD, O_NUMFMT, O_ENCODING, O_PARTIAL, O_DRY, O_FORCE,
           O_ERRORS, O_RECEIVED };
    static const struct option longopts[] = {
        {"reporter", required_argument, NULL, O_REPORTER}, {"unit", required_argument, NULL, O_UNIT},
        {"period", required_argument, NULL, O_PERIOD}, {"number-format", required_argument, NULL, O_NUMFMT},
        {"encoding", required_argument, NULL, O_ENCODING}, {"partial", no_argument, NULL, O_PARTIAL},
        {"dry-run", no_argument, NULL, O_DRY}, {"force", no_argument, NULL, O_FORCE},
        {"errors-csv", required_argument, NULL, O_ERRORS}, {"received", required_argument, NULL, O_RECEIVED},
        {NULL, 0, NULL, 0}};
    ps_ingest_opts o;
    memset(&o, 0, sizeof o);
    const char *errors_csv = NULL;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    int c;
    /* files may come before, between or after the options */
    for (;;) {
        while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
            switch (c) {
            case '?': free(files); return 2;
            case O_REPORTER: o.reporter = optarg; break;
            case O_UNIT: o.unit = optarg; break;
            case O_PERIOD: o.period = optarg; break;
            case O_NUMFMT:
                if (!ps_numfmt_parse(optarg, &o.numfmt)) {
                    free(files);
                    return ps_cli_usage_error(cli, "--number-format %s: use plain, vi or en", optarg);
                }
                o.numfmt_given = true;
                break;
            case O_ENCODING:
                if (strcmp(optarg, "utf-8") == 0 || strcmp(optarg, "utf8") == 0)
                    o.encoding = PS_ENC_UTF8;
                else if (strcmp(optarg, "cp1258") == 0 || strcmp(optarg, "windows-1258") == 0)
                    o.encoding = PS_ENC_CP1258;
                else {
                    free(files);
                    return ps_cli_usage_error(cli, "--encoding %s: use utf-8 or cp1258", optarg);
                }
                break;
            case O_PARTIAL: o.partial = true; break;
            case O_DRY: o.dry_run = true; break;
            case O_FORCE: o.force = true; break;
            case O_ERRORS: errors_csv = optarg; break;
            case O_RECEIVED:
                if (!received_ok(optarg)) {
                    free(files);
                    return ps_cli_usage_error(cli, "--received %s: write the date as YYYY-MM-DD", optarg);
                }
                o.received = optarg;
                break;
            }
        }
        if (optind >= argc)
            break;
        files[nfiles++] = argv[optind++];
    }
    if (!o.reporter) {
        free(files);
        return ps_cli_usage_error(cli, "--reporter CODE is required: who sent the file");
    }
    if (!nfiles) {
        free(files);
        return ps_cli_usage_error(cli, "no file to ingest");
    }
    for (int i = 0; i < nfiles; i++) {
        if (strcmp(files[i], "-") == 0) {
            free(files);
            return ps_cli_usage_error(cli, "ingest reads files, not standard input: save it to a file first");
        }
    }

    ps_safefile *csv = NULL;
    int rc = errors_csv ? ps_cli_errors_csv_open(errors_csv, &csv) : 0;
    if (rc) {
        free(files);
        return rc;
    }
    ps_db *db;
    ps_catalog *cat;
    if ((rc = ps_cli_open_catalog(cli, false, &db, &cat))) {
        ps_safefile_abort(csv);
        free(files);
        return rc;
    }
    ps_strbuf stored = PS_STRBUF_INIT; /* "submission 12 (a.csv)", for the errors CSV's failure */
    ps_diags all;
    ps_diags_init(&all);
    bool tty = isatty(2);
    for (int i = 0; i < nfiles && rc < 2; i++) {
        ps_diags d;
        ps_diags_init(&d);
        ps_ctx ctx = {0};
        ps_ingest_result res;
        o.progress = tty ? progress : NULL;
        o.progress_arg = files[i];
        ps_cli_test_ingest(&o);
        ps_error err = ps_ingest_file(db, cat, files[i], &o, &res, &d, &ctx);
        ps_diags_sort(&d);
        ps_cli_print_diags(&d, true);
        if (err == PS_OK || err == PS_ERR_REFUSED)
            summary(files[i], &res, err, o.dry_run, o.partial, d.nerr);
        if (res.committed && res.kept.msg[0])
            ps_cli_refresh_warning(files[i], res.kept.msg);
        if (res.committed && !o.dry_run)
            ps_sb_printf(&stored, "%ssubmission %lld (%s)", stored.len ? ", " : "", res.submission_id, files[i]);
        if (err == PS_ERR_REFUSED)
            rc = 1;
        else if (err)
            rc = ps_cli_fail(cli, &ctx);
        ps_diags_move(&all, &d);
    }
    if (csv) {
        ps_ctx ctx = {0};
        if (ps_cli_errors_csv_write(&all, csv, &ctx)) {
            fprintf(stderr, "provstat: %s\n", ps_ctx_message(&ctx));
            if (stored.len)
                fprintf(stderr, "provstat: the errors CSV %s was not written, but what was ingested is stored: %s\n",
                        errors_csv, ps_sb_str(&stored));
            if (rc < ps_exit_code(ctx.err))
                rc = ps_exit_code(ctx.err);
        }
    }
    ps_sb_free(&stored);
    ps_diags_free(&all);
    ps_catalog_free(cat);
    ps_db_close(db);
    free(files);
    return rc;
}
