/* cmd_data.c - commands around stored values: history, retract, status,
 * close, reopen and backup. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/table.h"

#include "core/number.h"
#include "core/period.h"
#include "ingest/refresh.h"
#include "store/obs.h"
#include "store/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Options shared by the commands that name one value. */
typedef struct key_opts {
    const char *unit, *indicator, *period, *reporter, *measure;
    ps_outfmt fmt;
    bool force;
} key_opts;

enum { K_UNIT = 1, K_IND, K_PERIOD, K_REPORTER, K_MEASURE, K_FORMAT, K_FORCE };

static int parse_key_opts(ps_cli *cli, int argc, char **argv, key_opts *k, bool with_format)
{
    static const struct option longopts[] = {
        {"unit", required_argument, NULL, K_UNIT}, {"indicator", required_argument, NULL, K_IND},
        {"period", required_argument, NULL, K_PERIOD}, {"reporter", required_argument, NULL, K_REPORTER},
        {"measure", required_argument, NULL, K_MEASURE}, {"format", required_argument, NULL, K_FORMAT},
        {"force", no_argument, NULL, K_FORCE}, {NULL, 0, NULL, 0}};
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
        case K_FORMAT:
            if (!with_format)
                return ps_cli_usage_error(cli, "unknown option --format");
            if (!ps_outfmt_parse(optarg, &k->fmt))
                return ps_cli_usage_error(cli, "--format %s: use table, csv or json", optarg);
            break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_error(cli, "unexpected argument %s", argv[optind]);
    return 0;
}

/* Resolves --unit/--indicator/--period/--measure into a key; prints and
 * returns the exit code on failure. */
static int resolve_key(ps_cli *cli, const ps_catalog *cat, const key_opts *k, ps_obs_key *key,
                       int *u, int *ind, ps_period *p)
{
    if (!k->unit || !k->indicator || !k->period)
        return ps_cli_usage_error(cli, "--unit, --indicator and --period are required");
    int urc = ps_cli_unit_arg(cli, cat, k->unit, u);
    if (urc)
        return urc;
    *ind = ps_catalog_indicator(cat, k->indicator);
    if (*ind < 0)
        return ps_cli_usage_error(cli, "--indicator %s is not an indicator of the catalog", k->indicator);
    if (!ps_cli_period_arg(cli, "--period", k->period, p))
        return 2;
    int measure = PS_MEASURE_ACTUAL;
    if (k->measure) {
        if (strcmp(k->measure, "plan") == 0)
            measure = PS_MEASURE_PLAN;
        else if (strcmp(k->measure, "actual") != 0)
            return ps_cli_usage_error(cli, "--measure %s: use actual or plan", k->measure);
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
    if (k.reporter || k.force)
        return ps_cli_usage_error(cli, "history takes no --reporter or --force");
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
    ps_table *t = NULL;
    if (k.fmt == PS_OUT_TABLE)
        t = ps_table_new(13, h);
    else if (k.fmt == PS_OUT_CSV)
        ps_csv_row(stdout, h, 13, false);
    else
        fputs("[", stdout);
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
        if (k.fmt == PS_OUT_TABLE) {
            ps_table_add(t, cells);
        } else if (k.fmt == PS_OUT_CSV) {
            ps_csv_row(stdout, cells, 13, true);
        } else {
            static const bool numeric[13] = {0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1};
            fputs(i ? ",\n {" : "\n {", stdout);
            for (int c = 0; c < 13; c++) {
                if (c)
                    fputs(", ", stdout);
                ps_json_string(stdout, h[c]);
                fputs(": ", stdout);
                if (numeric[c])
                    fputs(*cells[c] ? cells[c] : "null", stdout);
                else
                    ps_json_string(stdout, cells[c]);
            }
            fputs("}", stdout);
        }
    }
    if (k.fmt == PS_OUT_TABLE) {
        ps_table_align_right(t, 5);
        ps_table_print(t, stdout);
        ps_table_free(t);
        if (!n)
            printf("(no value stored for %s %s %s %s)\n", cat->units[u].code, cat->indicators[ind].code, pb, measure);
    } else if (k.fmt == PS_OUT_JSON) {
        fputs(n ? "\n]\n" : "]\n", stdout);
    }
    ps_hist_free(rows, n);
out:
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}

/* ------------------------------------------------------------------------
 * retract
 * ------------------------------------------------------------------------ */

int ps_cmd_retract(ps_cli *cli, int argc, char **argv)
{
    key_opts k;
    int rc = parse_key_opts(cli, argc, argv, &k, false);
    if (rc)
        return rc;
    if (!k.reporter)
        return ps_cli_usage_error(cli, "--reporter CODE is required: who withdraws the value");
    ps_db *db;
    ps_catalog *cat;
    ps_obs_key key;
    int u = -1, ind = -1;
    ps_period p;
    if ((rc = open_key(cli, &k, false, &db, &cat, &key, &u, &ind, &p)))
        return rc;
    int r = ps_catalog_reporter(cat, k.reporter);
    if (r < 0) {
        rc = ps_cli_usage_error(cli, "--reporter %s is not a reporter of the catalog", k.reporter);
        goto out;
    }
    const ps_reporter *rep = &cat->reporters[r];
    ps_ctx ctx = {0};
    ps_obs_writer *w = NULL;
    ps_refresh rf = {false, 0};
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    if (ps_db_begin(db, &ctx) || ps_obs_writer_new(db, &w, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto rollback;
    }
    ps_obs cur;
    if (ps_obs_get(w, &key, &cur, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto rollback;
    }
    if (!cur.exists || !cur.has_value) {
        fprintf(stderr, "provstat: %s %s %s has no value to retract\n", k.unit, k.indicator, pb);
        rc = 1;
        goto rollback;
    }
    if (cur.reporter_id != rep->id && !k.force) {
        const char *owner = "another reporter";
        for (size_t i = 0; i < cat->nreporters; i++)
            if (cat->reporters[i].id == cur.reporter_id)
                owner = cat->reporters[i].code;
        fprintf(stderr, "provstat: %s %s %s was sent by %s: only that reporter may retract it (or use --force)\n",
                k.unit, k.indicator, pb, owner);
        rc = 1;
        goto rollback;
    }
    long long sub;
    ps_obs_counts counts = {0};
    counts.revised = 1;
    if (ps_obs_submission_new(w, rep->id, "(retract)", "", "retract", NULL, &sub, &ctx) ||
        ps_obs_put(w, &key, &cur, false, 0, cur.status, 0, 1, "", rep->id, sub, 0, &ctx) ||
        (cur.reporter_id != rep->id && ps_obs_override(w, sub, &key, "other-reporter", 0, &ctx)) ||
        ps_obs_submission_finish(w, sub, &counts, "retract", &ctx) || ps_refresh_begin(db, &rf, &ctx) ||
        ps_db_bump_generation(db, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto rollback;
    }
    ps_obs_writer_free(w);
    w = NULL;
    ps_change change = {u, ind};
    int first, last;
    ps_period_month_span(p, &first, &last);
    ps_ctx rctx = {0};
    if (ps_refresh_finish(db, cat, &rf, &change, 1, first, last, &rctx))
        ps_cli_refresh_warning(ps_db_path(db), rctx.msg);
    if (ps_db_commit(db, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    printf("retracted %s %s %s (%s): revision %d has no value; the earlier values stay in the history\n",
           k.unit, k.indicator, pb, key.measure ? "plan" : "actual", cur.revision + 1);
    goto out;
rollback:
    ps_obs_writer_free(w);
    ps_db_rollback(db);
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
    if (k.indicator || k.reporter || k.measure || k.force)
        return ps_cli_usage_error(cli, "only --period and --unit are allowed");
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
    bool changed = false;
    /* no computed number depends on which periods are closed (values
     * forced into one carry their own mark): the kept roll-ups stay valid */
    ps_refresh rf = {false, 0};
    if (ps_db_begin(db, &ctx) || ps_obs_close(db, cat->units[u].id, ps_period_key(p), close, &changed, &ctx) ||
        ps_refresh_begin(db, &rf, &ctx) || ps_db_bump_generation(db, &ctx) ||
        ps_refresh_finish(db, cat, &rf, NULL, 0, 0, -1, &ctx) || ps_db_commit(db, &ctx)) {
        ps_db_rollback(db);
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    if (close)
        printf("%s %s for %s (%s) and every unit below it\n", changed ? "closed" : "already closed:", pb,
               cat->units[u].code, cat->units[u].name_vi);
    else if (changed)
        printf("reopened %s for %s (%s)\n", pb, cat->units[u].code, cat->units[u].name_vi);
    else {
        fprintf(stderr, "provstat: %s was not closed for %s: nothing to reopen (a lock is reopened with the --period and --unit it was closed with)\n",
                pb, cat->units[u].code);
        rc = 1;
    }
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

int ps_cmd_backup(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{NULL, 0, NULL, 0}};
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1)
        if (c == '?')
            return 2;
    if (optind != argc - 1)
        return ps_cli_usage_error(cli, "give one file to write the backup to");
    const char *dest = argv[optind];
    ps_db *db;
    int rc = ps_cli_open_db(cli, false, true, &db);
    if (rc)
        return rc;
    ps_ctx ctx = {0};
    if (ps_db_backup(db, dest, &ctx))
        rc = ps_cli_fail(cli, &ctx);
    else
        printf("backup of %s written to %s\n", cli->db_path, dest);
    ps_db_close(db);
    return rc;
}
