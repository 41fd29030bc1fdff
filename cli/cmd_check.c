/* cmd_check.c - `provstat check --period P`: rules, totals against parts, outliers. */
#include "cli/cli.h"
#include "cli/opts.h"

#include "aggregate/check.h"
#include "ingest/history.h"
#include "store/obs.h"

#include <stdio.h>
#include <string.h>

int ps_cmd_check(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"period", required_argument, NULL, 'p'},
                                             {"errors-csv", required_argument, NULL, 'e'},
                                             {NULL, 0, NULL, 0}};
    const char *ptext = NULL, *errors_csv = NULL;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        if (c == '?')
            return 2;
        if (c == 'p')
            ptext = optarg;
        if (c == 'e')
            errors_csv = optarg;
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    ps_period p;
    int prc = ps_cli_period_required(cli, ptext, &p);
    if (prc)
        return prc;
    ps_safefile *csv = NULL;
    if (errors_csv && (prc = ps_cli_errors_csv_open(errors_csv, &csv)))
        return prc;
    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_query(cli, &db, &cat);
    if (rc) {
        ps_safefile_abort(csv);
        return rc;
    }
    ps_ctx ctx = {0};
    ps_engine *e = NULL;
    ps_obs_writer *w = NULL;
    ps_diags d;
    ps_diags_init(&d);
    if ((rc = ps_cli_engine(cli, db, cat, p, -1, &e)))
        goto out;
    if (ps_check_period(e, p, &d, &ctx) || ps_obs_writer_new(db, &w, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    for (size_t u = 0; u < cat->nunits && !rc; u++) {
        if (!ps_unit_valid_in(&cat->units[u], p))
            continue;
        for (size_t i = 0; i < cat->nindicators; i++) {
            if (cat->indicators[i].kind == PS_KIND_DERIVED)
                continue;
            if (ps_history_check_period(w, cat, (int)u, (int)i, ps_period_key(p), cat->units[u].code, &d, &ctx)) {
                rc = ps_cli_fail(cli, &ctx);
                break;
            }
        }
    }
    if (rc)
        goto out;
    ps_cli_print_diags(&d, true);
    char pb[PS_PERIOD_BUFSZ];
    ps_cli_printf(stdout, PS_M_CHECK_CHECK_ERROR_WARNING, ps_period_format(p, pb), d.nerr, d.nerr == 1 ? "" : "s",
           d.nwarn, d.nwarn == 1 ? "" : "s");
    if (csv) {
        ps_error err = ps_cli_errors_csv_write(&d, csv, false, &ctx);
        csv = NULL;
        if (err)
            rc = ps_cli_fail(cli, &ctx);
    }
    if (!rc && d.nerr)
        rc = 1;
    if (rc == 0 || rc == 1)
        ps_cli_keep_rollups(e);
out:
    ps_safefile_abort(csv);
    ps_diags_free(&d);
    ps_obs_writer_free(w);
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
