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
    const char *reporter, *out, *lang;
    ps_period p;
    ps_template_opts o;
} template_args;

/* The language of a document: --lang, else PROVSTAT_LANG when it says en,
 * else Vietnamese (SPEC §4: the locale never changes a document). */
static const char *document_lang(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("PROVSTAT_LANG");
    return env && strncmp(env, "en", 2) == 0 ? "en" : "vi";
}

static int parse_args(ps_cli *cli, int argc, char **argv, template_args *a)
{
    static const struct option longopts[] = {
        {"reporter", required_argument, NULL, 'r'}, {"period", required_argument, NULL, 'p'},
        {"out", required_argument, NULL, 'o'},      {"measure", required_argument, NULL, 'm'},
        {"lang", required_argument, NULL, 'l'},     {NULL, 0, NULL, 0}};
    const char *ptext = NULL, *measure = NULL;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'r': a->reporter = optarg; break;
        case 'p': ptext = optarg; break;
        case 'o': a->out = optarg; break;
        case 'm': measure = optarg; break;
        case 'l': a->lang = optarg; break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_error(cli, "unexpected argument %s", argv[optind]);
    if (!a->reporter)
        return ps_cli_usage_error(cli, "--reporter CODE is required: whose form it is");
    int prc = ps_cli_period_required(cli, ptext, &a->p);
    if (prc)
        return prc;
    ps_template_format fmt;
    if (!a->out || !*a->out)
        return ps_cli_usage_error(cli, "--out FILE.xlsx or FILE.csv is required");
    if (!ps_template_format_of(a->out, &fmt))
        return ps_cli_usage_error(cli, "--out %s: a template is a workbook (.xlsx) or a CSV file (.csv); "
                                       "name the file so", a->out);
    if (measure && strcmp(measure, "plan") != 0 && strcmp(measure, "actual") != 0)
        return ps_cli_usage_error(cli, "--measure %s: use plan (or actual, the default)", measure);
    a->o.measure = measure && strcmp(measure, "plan") == 0 ? PS_MEASURE_PLAN : PS_MEASURE_ACTUAL;
    char pb[PS_PERIOD_BUFSZ];
    if (a->o.measure == PS_MEASURE_PLAN && a->p.type != PS_P_YEAR)
        return ps_cli_usage_error(cli, "--measure plan: a plan is for a year, and %s is not one (--period %d)",
                                  ps_period_format(a->p, pb), a->p.year);
    a->o.lang = document_lang(a->lang);
    if (strcmp(a->o.lang, "vi") != 0 && strcmp(a->o.lang, "en") != 0)
        return ps_cli_usage_error(cli, "--lang %s: use vi or en", a->o.lang);
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
        rc = ps_cli_usage_error(cli, "--reporter %s is not a reporter of the catalog (see `provstat catalog reporters`)",
                                a.reporter);
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
    printf("%s: %ld row%s\n", a.out, rows, rows == 1 ? "" : "s");
    fflush(stdout);
    ps_cli_keep_rollups(e);
done:
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
