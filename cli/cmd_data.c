/* cmd_data.c - commands around stored values: history, retract, status,
 * close, reopen and backup. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/listing.h"

#include "core/number.h"
#include "core/period.h"
#include "ingest/period_lock.h"
#include "ingest/retract.h"
#include "store/obs.h"
#include "store/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Options shared by the commands that name one value. */
typedef struct key_opts {
    const char *unit, *indicator, *period, *reporter, *measure, *submission;
    ps_outfmt fmt;
    bool force;
} key_opts;

enum { K_UNIT = 1, K_IND, K_PERIOD, K_REPORTER, K_MEASURE, K_FORMAT, K_FORCE, K_SUBMISSION };

static int parse_key_opts(ps_cli *cli, int argc, char **argv, key_opts *k, bool with_format)
{
    static const struct option longopts[] = {
        {"unit", required_argument, NULL, K_UNIT}, {"indicator", required_argument, NULL, K_IND},
        {"period", required_argument, NULL, K_PERIOD}, {"reporter", required_argument, NULL, K_REPORTER},
        {"measure", required_argument, NULL, K_MEASURE}, {"format", required_argument, NULL, K_FORMAT},
        {"force", no_argument, NULL, K_FORCE}, {"submission", required_argument, NULL, K_SUBMISSION},
        {NULL, 0, NULL, 0}};
    memset(k, 0, sizeof *k);
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case K_UNIT: k->unit = optarg; break;
        case K_IND: k->indicator = optarg; break;
        case K_PERIOD: k->period = optarg; break;
        case K_REPORTER: k->reporter = optarg; break;
        case K_MEASURE: k->measure = optarg; break;
        case K_FORCE: k->force = true; break;
        case K_SUBMISSION: k->submission = optarg; break;
        case K_FORMAT:
            if (!with_format)
                return ps_cli_usage_errm(cli, PS_M_DATA_UNKNOWN_OPTION_FORMAT);
            if (!ps_outfmt_parse(optarg, &k->fmt))
                return ps_cli_usage_errm(cli, PS_M_CATL_FORMAT_USE_TABLE_CSV, optarg);
            break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    return 0;
}

/* Resolves --unit/--indicator/--period/--measure into a key; prints and
 * returns the exit code on failure. */
static int resolve_key(ps_cli *cli, const ps_catalog *cat, const key_opts *k, ps_obs_key *key,
                       int *u, int *ind, ps_period *p)
{
    if (!k->unit || !k->indicator || !k->period)
        return ps_cli_usage_errm(cli, PS_M_DATA_UNIT_INDICATOR_PERIOD_ARE);
    int urc = ps_cli_unit_arg(cli, cat, k->unit, u);
    if (urc)
        return urc;
    *ind = ps_catalog_indicator(cat, k->indicator);
    if (*ind < 0)
        return ps_cli_usage_errm(cli, PS_M_CLI_INDICATOR_NOT_IN_CATALOG, k->indicator);
    if (!ps_cli_period_arg(cli, "--period", k->period, p))
        return 2;
    int measure = PS_MEASURE_ACTUAL;
    if (k->measure) {
        if (strcmp(k->measure, "plan") == 0)
            measure = PS_MEASURE_PLAN;
        else if (strcmp(k->measure, "actual") != 0)
            return ps_cli_usage_errm(cli, PS_M_DATA_MEASURE_USE_ACTUAL_PLAN, k->measure);
    }
    *key = (ps_obs_key){cat->units[*u].id, cat->indicators[*ind].id, measure, ps_period_key(*p)};
    return 0;
}

/* Opens the catalog and resolves the key options; 0, or the exit code with
 * nothing left open. */
static int open_key(ps_cli *cli, const key_opts *k, bool readonly, ps_db **db, ps_catalog **cat,
                    ps_obs_key *key, int *u, int *ind, ps_period *p)
{
    int rc = ps_cli_open_catalog(cli, readonly, db, cat);
    if (rc)
        return rc;
    if ((rc = resolve_key(cli, *cat, k, key, u, ind, p))) {
        ps_catalog_free(*cat);
        ps_db_close(*db);
        *cat = NULL;
        *db = NULL;
    }
    return rc;
}

/* ------------------------------------------------------------------------
 * history
 * ------------------------------------------------------------------------ */

int ps_cmd_history(ps_cli *cli, int argc, char **argv)
{
    key_opts k;
    int rc = parse_key_opts(cli, argc, argv, &k, true);
    if (rc)
        return rc;
    if (k.reporter || k.force || k.submission)
        return ps_cli_usage_errm(cli, PS_M_DATA_HISTORY_TAKES_NO_REPORTER);
    ps_db *db;
    ps_catalog *cat;
    ps_obs_key key;
    int u = -1, ind = -1;
    ps_period p;
    if ((rc = open_key(cli, &k, true, &db, &cat, &key, &u, &ind, &p)))
        return rc;
    ps_ctx ctx = {0};
    ps_hist_row *rows;
    size_t n;
    if (ps_query_history(db, &key, &rows, &n, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    static const char *const h[] = {"unit", "indicator", "period", "measure", "revision", "value",
                                    "status", "reporter", "submission", "file", "line", "received", "current"};
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    const char *measure = key.measure == PS_MEASURE_PLAN ? "plan" : "actual";
    static const ps_col kinds[13] = {[4] = PS_COL_NUMBER, [5] = PS_COL_NUMBER, [8] = PS_COL_NUMBER,
                                     [10] = PS_COL_NUMBER, [12] = PS_COL_NUMBER};
    /* the terminal table heads its columns in the officer's language */
    static const ps_msg_id th[13] = {PS_M_TH_UNIT, PS_M_TH_INDICATOR, PS_M_TH_PERIOD, PS_M_TH_MEASURE,
                                     PS_M_TH_REVISION, PS_M_TH_VALUE, PS_M_TH_STATUS, PS_M_TH_REPORTER,
                                     PS_M_TH_SUBMISSION, PS_M_TH_FILE, PS_M_TH_LINE, PS_M_TH_RECEIVED_AT,
                                     PS_M_TH_CURRENT};
    ps_listing l;
    if (k.fmt == PS_OUT_TABLE) {
        ps_listing_begin_table(&l, 13, th);
        ps_table_align_right(l.t, 5);
    } else {
        ps_listing_begin(&l, k.fmt, 13, h, kinds, true, false);
    }
    for (size_t i = 0; i < n; i++) {
        const ps_hist_row *r = &rows[i];
        char rev[16], val[PS_NUMBER_BUFSZ] = "", sub[24], line[24], st[2] = {r->status, 0};
        snprintf(rev, sizeof rev, "%d", r->revision);
        if (r->has_value)
            ps_number_format(r->value, val);
        snprintf(sub, sizeof sub, "%lld", r->submission);
        snprintf(line, sizeof line, "%ld", r->line);
        const char *cells[13] = {cat->units[u].code, cat->indicators[ind].code, pb, measure, rev, val,
                                 st, r->reporter, sub, r->file, line, r->received, r->current ? "1" : "0"};
        ps_listing_row(&l, cells);
    }
    ps_listing_end(&l);
    if (k.fmt == PS_OUT_TABLE && !n)
        ps_cli_printf(stdout, PS_M_DATA_NO_VALUE_STORED, cat->units[u].code, cat->indicators[ind].code, pb, measure);
    ps_hist_free(rows, n);
out:
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}

/* ------------------------------------------------------------------------
 * retract
 * ------------------------------------------------------------------------ */

/* retract --submission N --reporter R [--force] */
static int retract_submission(ps_cli *cli, const key_opts *k)
{
    if (k->unit || k->indicator || k->period || k->measure)
        return ps_cli_usage_errm(cli, PS_M_DATA_SUBMISSION_ALONE);
    char *end;
    long long n = strtoll(k->submission, &end, 10);
    if (*end || end == k->submission || n <= 0)
        return ps_cli_usage_errm(cli, PS_M_DATA_SUBMISSION_BAD_NUMBER, k->submission);
    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_catalog(cli, false, &db, &cat);
    if (rc)
        return rc;
    int reporter = ps_catalog_reporter(cat, k->reporter);
    ps_ctx ctx = {0};
    ps_retract_result res;
    if (reporter < 0)
        rc = ps_cli_usage_errm(cli, PS_M_DATA_REPORTER_NOT_REPORTER_CATALOG, k->reporter);
    else if (ps_retract_submission(db, cat, n, reporter, k->force, &res, &ctx))
        rc = ctx.err == PS_ERR_USAGE ? ps_cli_usage_error(cli, "%s", ps_ctx_message(&ctx)) : ps_cli_fail(cli, &ctx);
    else {
        if (res.kept.msg[0])
            ps_cli_refresh_warning(ps_db_path(db), res.kept.msg);
        ps_cli_printf(stdout, PS_M_DATA_RETRACTED_SUBMISSION, n, res.withdrawn, res.withdrawn == 1 ? "" : "s");
        if (res.forced)
            ps_cli_printf(stdout, PS_M_DATA_RETRACTED_FORCED, res.forced);
        ps_cli_printf(stdout, PS_M_DATA_RETRACTED_AS_SUBMISSION, res.submission);
    }
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}

int ps_cmd_retract(ps_cli *cli, int argc, char **argv)
{
    key_opts k;
    int rc = parse_key_opts(cli, argc, argv, &k, false);
    if (rc)
        return rc;
    if (!k.reporter)
        return ps_cli_usage_errm(cli, PS_M_DATA_REPORTER_CODE_REQUIRED_WHO);
    if (k.submission)
        return retract_submission(cli, &k);
    ps_db *db;
    ps_catalog *cat;
    ps_obs_key key;
    ps_retract_req req = {0};
    if ((rc = open_key(cli, &k, false, &db, &cat, &key, &req.unit, &req.indicator, &req.period)))
        return rc;
    req.measure = key.measure;
    req.force = k.force;
    if ((req.reporter = ps_catalog_reporter(cat, k.reporter)) < 0) {
        rc = ps_cli_usage_errm(cli, PS_M_DATA_REPORTER_NOT_REPORTER_CATALOG, k.reporter);
        goto out;
    }
    ps_ctx ctx = {0};
    ps_retract_result res;
    if (ps_retract_value(db, cat, &req, &res, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(req.period, pb);
    if (res.kept.msg[0])
        ps_cli_refresh_warning(ps_db_path(db), res.kept.msg);
    ps_cli_printf(stdout, PS_M_DATA_RETRACTED_REVISION_HAS_NO,
           cat->units[req.unit].code, cat->indicators[req.indicator].code, pb, key.measure ? "plan" : "actual",
           res.revision);
out:
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}

/* ------------------------------------------------------------------------
 * close / reopen
 * ------------------------------------------------------------------------ */

static int close_or_reopen(ps_cli *cli, int argc, char **argv, bool close)
{
    key_opts k;
    int rc = parse_key_opts(cli, argc, argv, &k, false);
    if (rc)
        return rc;
    if (k.indicator || k.reporter || k.measure || k.force || k.submission)
        return ps_cli_usage_errm(cli, PS_M_DATA_ONLY_PERIOD_UNIT_ARE);
    ps_period p;
    int prc = ps_cli_period_required(cli, k.period, &p);
    if (prc)
        return prc;
    ps_db *db;
    ps_catalog *cat;
    if ((rc = ps_cli_open_catalog(cli, false, &db, &cat)))
        return rc;
    int u;
    if ((rc = ps_cli_unit_arg(cli, cat, k.unit, &u)))
        goto out;
    ps_ctx ctx = {0};
    bool changed;
    ps_change_warning warn;
    if (ps_period_lock(db, cat, u, p, close, &changed, &warn, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    if (warn.msg[0])
        ps_cli_refresh_warning(ps_db_path(db), warn.msg);
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    if (close)
        ps_cli_printf(stdout, changed ? PS_M_DATA_CLOSED : PS_M_DATA_ALREADY_CLOSED, pb,
               cat->units[u].code, cat->units[u].name_vi);
    else
        ps_cli_printf(stdout, PS_M_DATA_REOPENED, pb, cat->units[u].code, cat->units[u].name_vi);
out:
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}

int ps_cmd_close(ps_cli *cli, int argc, char **argv)
{
    return close_or_reopen(cli, argc, argv, true);
}

int ps_cmd_reopen(ps_cli *cli, int argc, char **argv)
{
    return close_or_reopen(cli, argc, argv, false);
}

/* ------------------------------------------------------------------------
 * backup
 * ------------------------------------------------------------------------ */

/* An existing regular file or symbolic link at dest is replaced only with
 * --force (a device, FIFO or folder is refused by the safe write itself). */
static int backup_target_free(ps_cli *cli, const char *dest, bool force)
{
    struct stat st;
    if (force || lstat(dest, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
        return 0;
    return ps_cli_usage_errm(cli, PS_M_DATA_BACKUP_EXISTS, dest);
}

int ps_cmd_backup(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"force", no_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
    bool force = false;
    const char *dest = NULL;
    int c, nfiles = 0;
    while (optind < argc) { /* the file may come before or after --force */
        if ((c = ps_opts_next(cli, argc, argv, longopts)) == '?')
            return 2;
        if (c == -1 && optind < argc) {
            dest = argv[optind++];
            nfiles++;
        } else if (c != -1) {
            force = true;
        }
    }
    if (nfiles != 1)
        return ps_cli_usage_errm(cli, PS_M_DATA_GIVE_ONE_FILE_WRITE);
    int rc = backup_target_free(cli, dest, force);
    if (rc)
        return rc;
    ps_db *db;
    if ((rc = ps_cli_open_db(cli, false, true, &db)))
        return rc;
    ps_ctx ctx = {0};
    if (ps_db_backup(db, dest, &ctx))
        rc = ps_cli_fail(cli, &ctx);
    else
        ps_cli_printf(stdout, PS_M_DATA_BACKUP_WRITTEN, cli->db_path, dest);
    ps_db_close(db);
    return rc;
}
