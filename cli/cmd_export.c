/* cmd_export.c - `provstat export`: computed values as long, wide or SDMX CSV. */
#include "cli/cli.h"
#include "cli/opts.h"

#include "aggregate/engine.h"
#include "export/csv_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The options as given, before they are checked together. */
typedef struct export_args {
    const char *period, *from, *to, *out;
    bool has_format;
    ps_export_opts o;
} export_args;

static int parse_opts(ps_cli *cli, int argc, char **argv, export_args *a)
{
    static const struct option longopts[] = {
        {"period", required_argument, NULL, 'p'}, {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},     {"format", required_argument, NULL, 'F'},
        {"out", required_argument, NULL, 'o'},    {"level", required_argument, NULL, 'l'},
        {"by", required_argument, NULL, 'b'},     {"unit", required_argument, NULL, 'u'},
        {"bom", no_argument, NULL, 'B'},          {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'p': a->period = optarg; break;
        case 'f': a->from = optarg; break;
        case 't': a->to = optarg; break;
        case 'o': a->out = optarg; break;
        case 'u': a->o.unit = optarg; break;
        case 'B': a->o.bom = true; break;
        case 'F':
            if (!ps_export_format_parse(optarg, &a->o.format))
                return ps_cli_usage_errm(cli, PS_M_EXP_FORMAT_USE_LONG_WIDE, optarg);
            a->has_format = true;
            break;
        case 'l':
            if ((a->o.level = ps_level_parse(optarg)) == PS_LEVEL_NONE)
                return ps_cli_usage_errm(cli, PS_M_EXP_LEVEL_USE_NATION_REGION,
                                          optarg);
            a->o.has_level = true;
            break;
        case 'b':
            if (strcmp(optarg, "unit") != 0)
                return ps_cli_usage_errm(cli, PS_M_EXP_ONLY_UNIT_KNOWN, optarg);
            a->o.by_unit = true;
            break;
        default: break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    return 0;
}

/* The options checked together, before the database is opened. */
static int check_opts(ps_cli *cli, export_args *a)
{
    ps_export_opts *o = &a->o;
    if (a->period && (a->from || a->to))
        return ps_cli_usage_errm(cli, PS_M_EXP_GIVE_EITHER_PERIOD_P);
    if (!a->period && !a->from && !a->to)
        return ps_cli_usage_errm(cli, PS_M_EXP_PERIOD_P_FROM_P);
    if (!a->period && (!a->from || !a->to))
        return ps_cli_usage_errm(cli, PS_M_EXP_NEEDS_TOO, a->from ? "--from" : "--to", a->from ? "--to" : "--from");
    if (!a->has_format)
        return ps_cli_usage_errm(cli, PS_M_EXP_FORMAT_LONG_WIDE_SDMX);
    if (!a->out || !*a->out)
        return ps_cli_usage_errm(cli, PS_M_EXP_OUT_FILE_REQUIRED_STANDARD);
    if (o->by_unit && o->format != PS_EXPORT_WIDE)
        return ps_cli_usage_errm(cli, PS_M_EXP_UNIT_APPLIES_FORMAT_WIDE);
    if (a->period)
        return ps_cli_period_arg(cli, "--period", a->period, &o->from) ? 0 : 2;
    if (!ps_cli_period_arg(cli, "--from", a->from, &o->from) || !ps_cli_period_arg(cli, "--to", a->to, &o->to))
        return 2;
    if (o->from.type != o->to.type)
        return ps_cli_usage_errm(cli, PS_M_EXP_FROM_ARE_NOT_SAME, a->from,
                                  a->to, ps_period_type_word((ps_period_type)o->from.type),
                                  ps_period_type_word((ps_period_type)o->to.type));
    if (ps_period_cmp(o->to, o->from) < 0)
        return ps_cli_usage_errm(cli, PS_M_EXP_COMES_BEFORE_FROM, a->to, a->from);
    return 0;
}

/* The periods the range names: at least one, and one only with --by unit. */
static int check_periods(ps_cli *cli, const ps_export_opts *o)
{
    ps_ctx ctx = {0};
    ps_period *periods;
    int np;
    if (ps_export_periods(o->from, o->to, &periods, &np, &ctx))
        return ps_cli_usage_error(cli, "%s", ps_ctx_message(&ctx));
    free(periods);
    if (o->by_unit && np != 1)
        return ps_cli_usage_errm(cli, PS_M_EXP_UNIT_SINGLE_PERIOD_USE);
    return 0;
}

/* "out.csv: 120 rows (long, 2016-01 to 2016-07)" */
static void print_summary(const char *out, const ps_export_opts *o, long rows)
{
    char a[PS_PERIOD_BUFSZ], b[PS_PERIOD_BUFSZ];
    ps_period_format(o->from, a);
    if (o->to.type != PS_P_NONE && !ps_period_eq(o->to, o->from))
        ps_cli_printf(stdout, PS_M_EXP_ROWS, out, rows, ps_export_format_name(o->format), a,
               ps_period_format(o->to, b));
    else
        ps_cli_printf(stdout, PS_M_EXP_ROWS_2, out, rows, ps_export_format_name(o->format), a);
}

int ps_cmd_export(ps_cli *cli, int argc, char **argv)
{
    export_args a;
    int rc = parse_opts(cli, argc, argv, &a);
    if (rc || (rc = check_opts(cli, &a)) || (rc = check_periods(cli, &a.o)))
        return rc;
    ps_db *db;
    ps_catalog *cat;
    if ((rc = ps_cli_open_query(cli, &db, &cat)))
        return rc;
    ps_engine *e = NULL;
    int unit;
    ps_period all = {0};
    if ((rc = ps_cli_unit_arg(cli, cat, a.o.unit, &unit)) || (rc = ps_cli_engine(cli, db, cat, all, -1, &e)))
        goto done;
    ps_engine_set_range(e, a.o.from, a.o.to.type != PS_P_NONE ? a.o.to : a.o.from);
    long rows = 0;
    bool to_stdout = strcmp(a.out, "-") == 0;
    ps_ctx ctx = {0};
    ps_error err = to_stdout ? ps_export_write(e, &a.o, stdout, "standard output", &rows, &ctx)
                             : ps_export_file(e, &a.o, a.out, &rows, &ctx);
    if (err) {
        rc = ps_cli_fail(cli, &ctx);
        goto done;
    }
    if (!to_stdout)
        print_summary(a.out, &a.o, rows);
    fflush(stdout);
    ps_cli_keep_rollups(e);
done:
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
