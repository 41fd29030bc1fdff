/* cmd_template.c - `provstat template --reporter R --period P --out FILE`: the blank form a reporter fills. */
#include "cli/cli.h"
#include "cli/opts.h"

#include "export/template.h"
#include "store/obs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The command line. */
typedef struct template_args {
    const char *reporter, *out;
    ps_period p;
    ps_template_opts o;
} template_args;

static int parse_args(ps_cli *cli, int argc, char **argv, template_args *a)
{
    static const struct option longopts[] = {
        {"reporter", required_argument, NULL, 'r'}, {"period", required_argument, NULL, 'p'},
        {"out", required_argument, NULL, 'o'},      {"measure", required_argument, NULL, 'm'},
        {NULL, 0, NULL, 0}};
    const char *ptext = NULL, *measure = NULL;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'r': a->reporter = optarg; break;
        case 'p': ptext = optarg; break;
        case 'o': a->out = optarg; break;
        case 'm': measure = optarg; break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    if (!a->reporter)
        return ps_cli_usage_errm(cli, PS_M_TMPL_REPORTER_REQUIRED);
    int prc = ps_cli_period_required(cli, ptext, &a->p);
    if (prc)
        return prc;
    ps_template_format fmt;
    if (!a->out || !*a->out)
        return ps_cli_usage_errm(cli, PS_M_TMPL_OUT_REQUIRED);
    if (!ps_template_format_of(a->out, &fmt))
        return ps_cli_usage_errm(cli, PS_M_TMPL_OUT_BAD_SUFFIX, a->out);
    if (measure && strcmp(measure, "plan") != 0 && strcmp(measure, "actual") != 0)
        return ps_cli_usage_errm(cli, PS_M_TMPL_MEASURE_USE_PLAN, measure);
    a->o.measure = measure && strcmp(measure, "plan") == 0 ? PS_MEASURE_PLAN : PS_MEASURE_ACTUAL;
    char pb[PS_PERIOD_BUFSZ];
    if (a->o.measure == PS_MEASURE_PLAN && a->p.type != PS_P_YEAR)
        return ps_cli_usage_errm(cli, PS_M_TMPL_PLAN_NEEDS_YEAR, ps_period_format(a->p, pb), a->p.year);
    /* --lang is a global option (cli/main.c): the form follows it, else
     * PROVSTAT_LANG, never the locale (SPEC §4) */
    a->o.lang = ps_lang_name(cli->doc_lang);
    return 0;
}

int ps_cmd_template(ps_cli *cli, int argc, char **argv)
{
    template_args a = {0};
    int rc = parse_args(cli, argc, argv, &a);
    if (rc)
        return rc;
    ps_db *db;
    ps_catalog *cat;
    if ((rc = ps_cli_open_query(cli, &db, &cat)))
        return rc;
    ps_engine *e = NULL;
    int r = ps_catalog_reporter(cat, a.reporter);
    if (r < 0) {
        rc = ps_cli_usage_errm(cli, PS_M_STATUS_REPORTER_NOT_REPORTER, a.reporter);
        goto done;
    }
    if ((rc = ps_cli_engine(cli, db, cat, a.p, cat->reporters[r].scope, &e)))
        goto done;
    ps_ctx ctx = {0};
    long rows;
    if (ps_template_write(e, r, a.p, a.out, &a.o, &rows, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto done;
    }
    ps_cli_printf(stdout, PS_M_TMPL_ROWS_WRITTEN, a.out, rows, rows == 1 ? "" : "s");
    fflush(stdout);
    ps_cli_keep_rollups(e);
done:
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
