/* cmd_status.c - `provstat status --period P`: who has reported, who is missing or late. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/listing.h"
#include "cli/table.h"

#include "core/number.h"
#include "aggregate/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ps_cmd_status(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"period", required_argument, NULL, 'p'},
                                             {"format", required_argument, NULL, 'f'},
                                             {NULL, 0, NULL, 0}};
    const char *ptext = NULL;
    ps_outfmt fmt = PS_OUT_TABLE;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        if (c == '?')
            return 2;
        if (c == 'p')
            ptext = optarg;
        if (c == 'f' && !ps_outfmt_parse(optarg, &fmt))
            return ps_cli_usage_errm(cli, PS_M_CATL_FORMAT_USE_TABLE_CSV, optarg);
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    ps_period p;
    int prc = ps_cli_period_required(cli, ptext, &p);
    if (prc)
        return prc;
    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_query(cli, &db, &cat);
    if (rc)
        return rc;
    ps_ctx ctx = {0};
    ps_status_row *rows;
    ps_engine *e = NULL;
    ps_period all = {0};
    if ((rc = ps_cli_engine(cli, db, cat, all, -1, &e)))
        goto out;
    if (ps_status_compute_kept(e, p, &rows, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    static const char *const h[] = {"reporter", "period", "expected", "received", "missing",
                                    "on_time", "late", "rate"};
    ps_table *t = NULL;
    if (fmt == PS_OUT_TABLE) {
        static const ps_msg_id th[] = {PS_M_TH_REPORTER, PS_M_TH_NAME, PS_M_TH_EXPECTED, PS_M_TH_RECEIVED,
                                       PS_M_TH_MISSING, PS_M_TH_ON_TIME, PS_M_TH_LATE, PS_M_TH_RATE_PCT};
        t = ps_listing_table_new(8, th);
        for (int k = 2; k < 8; k++)
            ps_table_align_right(t, k);
    } else if (fmt == PS_OUT_CSV) {
        ps_csv_row(stdout, h, 8, false);
    } else {
        fputs("[", stdout);
    }
    for (size_t r = 0; r <= cat->nreporters; r++) {
        const ps_status_row *s = &rows[r];
        char n[5][24], rate[PS_NUMBER_BUFSZ] = "";
        long v[5] = {s->expected, s->received, s->missing, s->on_time, s->late};
        for (int k = 0; k < 5; k++)
            snprintf(n[k], sizeof n[k], "%ld", v[k]);
        if (!isnan(s->rate)) {
            if (fmt == PS_OUT_TABLE)
                ps_number_format_fixed(s->rate, 1, PS_NF_PLAIN, rate);
            else
                ps_number_format(s->rate, rate);
        }
        const char *code = s->reporter >= 0 ? cat->reporters[s->reporter].code : "*";
        if (fmt == PS_OUT_TABLE) {
            const char *name = s->reporter >= 0 ? cat->reporters[s->reporter].name_vi : "Toàn tỉnh";
            const char *cells[8] = {code, name, n[0], n[1], n[2], n[3], n[4], rate};
            ps_table_add(t, cells);
        } else if (fmt == PS_OUT_CSV) {
            const char *cells[8] = {code, pb, n[0], n[1], n[2], n[3], n[4], rate};
            ps_csv_row(stdout, cells, 8, true);
        } else {
            printf("%s\n {\"reporter\": ", r ? "," : "");
            ps_json_string(stdout, code);
            printf(", \"period\": \"%s\", \"expected\": %s, \"received\": %s, \"missing\": %s,"
                   " \"on_time\": %s, \"late\": %s, \"rate\": %s}",
                   pb, n[0], n[1], n[2], n[3], n[4], *rate ? rate : "null");
        }
    }
    if (fmt == PS_OUT_TABLE) {
        ps_cli_printf(stdout, PS_M_STATUS_REPORTING_FOR, pb);
        ps_table_print(t, stdout);
        ps_table_free(t);
    } else if (fmt == PS_OUT_JSON) {
        fputs("\n]\n", stdout);
    }
    free(rows);
    fflush(stdout);
    ps_cli_keep_rollups(e);
out:
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
