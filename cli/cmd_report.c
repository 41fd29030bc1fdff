/* cmd_report.c - `provstat report --period P --out FILE.xlsx`: the monthly report workbook. */
#include "cli/cli.h"
#include "cli/opts.h"

#include "aggregate/engine.h"
#include "export/xlsx_report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* Reads a non-negative decimal integer (the whole string); false otherwise. */
static bool parse_count(const char *s, long long max, long long *out)
{
    if (!s || !*s)
        return false;
    long long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        int d = *p - '0';
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

int ps_cmd_report(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"period", required_argument, NULL, 'p'}, {"out", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},   {"unit", required_argument, NULL, 'u'},
        {NULL, 0, NULL, 0}};
    const char *ptext = NULL, *out = NULL, *lang = "vi", *utext = NULL;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'p': ptext = optarg; break;
        case 'o': out = optarg; break;
        case 'l': lang = optarg; break;
        case 'u': utext = optarg; break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_error(cli, "unexpected argument %s", argv[optind]);
    ps_period p;
    int prc = ps_cli_period_required(cli, ptext, &p);
    if (prc)
        return prc;
    if (!out || !*out)
        return ps_cli_usage_error(cli, "--out FILE.xlsx is required");
    if (strcmp(out, "-") == 0)
        return ps_cli_usage_error(cli, "--out -: a workbook cannot go to standard output; name a file (--out FILE.xlsx)");
    if (strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0)
        return ps_cli_usage_error(cli, "--lang %s: use vi or en", lang);

    ps_xlsx_opts opts = {0};
    opts.lang = lang;
    /* SOURCE_DATE_EPOCH (reproducible-builds.org): the workbook's date, so
     * that the same data gives the same file. */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        long long t;
        if (!parse_count(sde, 253402300799LL, &t)) {
            fprintf(stderr, "provstat report: SOURCE_DATE_EPOCH=%s is not a number of seconds since 1970\n", sde);
            return 2;
        }
        opts.created = t ? (time_t)t : (time_t)1; /* 0 would mean "now" */
    }
    /* Test hooks: small Data sheets and constant-memory mode on small data. */
    long long n;
    if (parse_count(getenv("PROVSTAT_TEST_DATA_ROWS"), 1LL << 40, &n))
        opts.data_rows_per_sheet = (long)n;
    if (parse_count(getenv("PROVSTAT_TEST_CONSTANT_MEMORY_ROWS"), 1LL << 40, &n))
        opts.constant_memory_rows = n ? (long)n : -1;

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
        fprintf(stderr, "provstat: the catalog has no units; run init --catalog DIR first\n");
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
        fprintf(stderr, "provstat report: warning: %ld text%s longer than Excel's 32,767 characters %s shortened in %s\n",
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
