/* cmd_export.c - `provstat export`: computed values as long, wide or SDMX CSV. */
#include "cli/cli.h"
#include "cli/opts.h"

#include "aggregate/engine.h"
#include "export/csv_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ps_cmd_export(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"period", required_argument, NULL, 'p'},
                                             {"from", required_argument, NULL, 'f'},
                                             {"to", required_argument, NULL, 't'},
                                             {"format", required_argument, NULL, 'F'},
                                             {"out", required_argument, NULL, 'o'},
                                             {"level", required_argument, NULL, 'l'},
                                             {"by", required_argument, NULL, 'b'},
                                             {"unit", required_argument, NULL, 'u'},
                                             {"bom", no_argument, NULL, 'B'},
                                             {NULL, 0, NULL, 0}};
    const char *ptext = NULL, *ftext = NULL, *ttext = NULL, *out = NULL;
    bool has_format = false;
    ps_export_opts o = {0};
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'p': ptext = optarg; break;
        case 'f': ftext = optarg; break;
        case 't': ttext = optarg; break;
        case 'o': out = optarg; break;
        case 'u': o.unit = optarg; break;
        case 'B': o.bom = true; break;
        case 'F':
            if (!ps_export_format_parse(optarg, &o.format))
                return ps_cli_usage_error(cli, "--format %s: use long, wide or sdmx", optarg);
            has_format = true;
            break;
        case 'l':
            o.level = ps_level_parse(optarg);
            if (o.level == PS_LEVEL_NONE)
                return ps_cli_usage_error(cli, "--level %s: use nation, region, province, district or commune",
                                          optarg);
            o.has_level = true;
            break;
        case 'b':
            if (strcmp(optarg, "unit") != 0)
                return ps_cli_usage_error(cli, "--by %s: only --by unit is known", optarg);
            o.by_unit = true;
            break;
        default: break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_error(cli, "unexpected argument %s", argv[optind]);
    if (ptext && (ftext || ttext))
        return ps_cli_usage_error(cli, "give either --period P or --from P --to P, not both");
    if (!ptext && !ftext && !ttext)
        return ps_cli_usage_error(cli, "--period P (or --from P --to P) is required");
    if (!ptext && (!ftext || !ttext))
        return ps_cli_usage_error(cli, "%s needs %s too", ftext ? "--from" : "--to", ftext ? "--to" : "--from");
    if (!has_format)
        return ps_cli_usage_error(cli, "--format long|wide|sdmx is required");
    if (!out || !*out)
        return ps_cli_usage_error(cli, "--out FILE is required (- for standard output)");
    if (o.by_unit && o.format != PS_EXPORT_WIDE)
        return ps_cli_usage_error(cli, "--by unit applies to --format wide only");
    if (ptext) {
        if (!ps_cli_period_arg(cli, "--period", ptext, &o.from))
            return 2;
    } else if (!ps_cli_period_arg(cli, "--from", ftext, &o.from) ||
               !ps_cli_period_arg(cli, "--to", ttext, &o.to)) {
        return 2;
    }

    /* the range is checked before the database is opened */
    if (!ptext && o.from.type != o.to.type)
        return ps_cli_usage_error(cli, "--from %s and --to %s are not of the same type (a %s and a %s)", ftext,
                                  ttext, ps_frequency_name((ps_period_type)o.from.type),
                                  ps_frequency_name((ps_period_type)o.to.type));
    if (!ptext && ps_period_cmp(o.to, o.from) < 0)
        return ps_cli_usage_error(cli, "--to %s comes before --from %s", ttext, ftext);
    ps_ctx ctx = {0};
    ps_period *periods;
    int np;
    if (ps_export_periods(o.from, o.to, &periods, &np, &ctx))
        return ps_cli_usage_error(cli, "%s", ps_ctx_message(&ctx));
    free(periods);
    if (o.by_unit && np != 1)
        return ps_cli_usage_error(cli, "--by unit is for a single period: use --period P");

    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_query(cli, &db, &cat);
    if (rc)
        return rc;
    ps_engine *e = NULL;
    int unit;
    if ((rc = ps_cli_unit_arg(cli, cat, o.unit, &unit)))
        goto done;
    ps_period all = {0};
    if ((rc = ps_cli_engine(cli, db, cat, all, -1, &e)))
        goto done;
    ps_engine_set_range(e, o.from, o.to.type != PS_P_NONE ? o.to : o.from);
    long rows = 0;
    bool to_stdout = strcmp(out, "-") == 0;
    ps_error err = to_stdout ? ps_export_write(e, &o, stdout, "standard output", &rows, &ctx)
                             : ps_export_file(e, &o, out, &rows, &ctx);
    if (err) {
        rc = ps_cli_fail(cli, &ctx);
        goto done;
    }
    if (!to_stdout) {
        char a[PS_PERIOD_BUFSZ], b[PS_PERIOD_BUFSZ];
        ps_period_format(o.from, a);
        if (o.to.type != PS_P_NONE && !ps_period_eq(o.to, o.from))
            printf("%s: %ld rows (%s, %s to %s)\n", out, rows, ps_export_format_name(o.format), a,
                   ps_period_format(o.to, b));
        else
            printf("%s: %ld rows (%s, %s)\n", out, rows, ps_export_format_name(o.format), a);
    }
    fflush(stdout);
    ps_cli_keep_rollups(e);
done:
    if (e)
        ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
