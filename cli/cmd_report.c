/* cmd_report.c - `provstat report --period P --out FILE.xlsx`: the monthly report workbook. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/test_hooks.h"

#include "aggregate/engine.h"
#include "export/xlsx_report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>


int ps_cmd_report(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"period", required_argument, NULL, 'p'}, {"out", required_argument, NULL, 'o'},
        {"unit", required_argument, NULL, 'u'}, {NULL, 0, NULL, 0}};
    /* --lang is a global option (cli/main.c): the workbook follows it, else
     * PROVSTAT_LANG, else Vietnamese, never the locale (SPEC §4) */
    const char *ptext = NULL, *out = NULL, *lang = ps_lang_name(cli->doc_lang), *utext = NULL;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'p': ptext = optarg; break;
        case 'o': out = optarg; break;
        case 'u': utext = optarg; break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    ps_period p;
    int prc = ps_cli_period_required(cli, ptext, &p);
    if (prc)
        return prc;
    if (!out || !*out)
        return ps_cli_usage_errm(cli, PS_M_RPT_OUT_FILE_XLSX_REQUIRED);
    if (strcmp(out, "-") == 0)
        return ps_cli_usage_errm(cli, PS_M_RPT_OUT_WORKBOOK_CANNOT_GO);
    size_t olen = strlen(out);
    if (olen < 5 || strcasecmp(out + olen - 5, ".xlsx") != 0)
        return ps_cli_usage_errm(cli, PS_M_RPT_OUT_MUST_BE_XLSX, out);

    ps_xlsx_opts opts = {0};
    opts.lang = lang;
    /* SOURCE_DATE_EPOCH (reproducible-builds.org): the workbook's date, so
     * that the same data gives the same file. */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        long long t;
        if (!ps_cli_parse_count(sde, 253402300799LL, &t)) {
            ps_cli_printf(stderr, PS_M_RPT_PROVSTAT_REPORT_SOURCE_DATE, sde);
            return 2;
        }
        opts.created = t ? (time_t)t : (time_t)1; /* 0 would mean "now" */
    }
    ps_cli_test_report(&opts);

    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_query(cli, &db, &cat);
    if (rc)
        return rc;
    ps_engine *e = NULL;
    int unit;
    if ((rc = ps_cli_unit_arg(cli, cat, utext, &unit)))
        goto done;
    if (unit < 0) {
        ps_cli_printf(stderr, PS_M_RPT_PROVSTAT_CATALOG_HAS_NO);
        rc = 1;
        goto done;
    }
    ps_ctx ctx = {0};
    ps_xlsx_result res;
    if ((rc = ps_cli_engine(cli, db, cat, p, unit, &e)))
        goto done;
    if (ps_xlsx_report_opt(e, db, cat, unit, p, out, &opts, &res, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto done;
    }
    if (res.truncated)
        ps_cli_printf(stderr, PS_M_RPT_PROVSTAT_REPORT_WARNING_TEXT,
                res.truncated, res.truncated == 1 ? "" : "s", res.truncated == 1 ? "was" : "were", out);
    printf("%s\n", out);
    fflush(stdout);
    ps_cli_keep_rollups(e);
done:
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
