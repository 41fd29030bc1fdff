/* cmd_status.c - `provstat status --period P`: who has reported, who is missing or late. */
#include "cli/cli.h"
#include "cli/listing.h"
#include "cli/opts.h"
#include "cli/table.h"

#include "core/number.h"
#include "aggregate/status.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The command line. */
typedef struct status_args {
    ps_period p;
    ps_outfmt fmt;
    bool missing;           /* --missing */
    const char *reporter;   /* --reporter, with --missing */
    const char *as_of;      /* --as-of, with --missing; NULL: today */
    char today[32];
} status_args;

/* ------------------------------------------------------------------------
 * Per reporter: expected, received, missing, on time, late, rate
 * ------------------------------------------------------------------------ */

static void print_counts(const ps_catalog *cat, const ps_status_row *rows, ps_period p, ps_outfmt fmt)
{
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
}

static int run_counts(ps_cli *cli, ps_engine *e, const status_args *a)
{
    ps_ctx ctx = {0};
    ps_status_row *rows;
    if (ps_status_compute_kept(e, a->p, &rows, &ctx))
        return ps_cli_fail(cli, &ctx);
    print_counts(ps_engine_catalog(e), rows, a->p, a->fmt);
    free(rows);
    return 0;
}

/* ------------------------------------------------------------------------
 * --missing: every value expected and not received
 * ------------------------------------------------------------------------ */

static void print_missing(const ps_catalog *cat, const ps_missing_row *rows, size_t n, const status_args *a)
{
    static const char *const h[] = {"reporter", "unit", "indicator", "period", "deadline", "days_late"};
    static const ps_col kinds[] = {PS_COL_TEXT, PS_COL_TEXT, PS_COL_TEXT, PS_COL_TEXT, PS_COL_TEXT, PS_COL_NUMBER};
    char pb[PS_PERIOD_BUFSZ];
    if (a->fmt == PS_OUT_TABLE)
        ps_cli_printf(stdout, n == 1 ? PS_M_STATUS_MISSING_FOR_ONE : PS_M_STATUS_MISSING_FOR,
                      ps_period_format(a->p, pb), a->as_of, n);
    static const ps_msg_id th[] = {PS_M_TH_REPORTER, PS_M_TH_UNIT, PS_M_TH_INDICATOR, PS_M_TH_PERIOD,
                                   PS_M_TH_DEADLINE, PS_M_TH_DAYS_LATE};
    ps_listing l;
    if (a->fmt == PS_OUT_TABLE)
        ps_listing_begin_table(&l, 6, th);
    else
        ps_listing_begin(&l, a->fmt, 6, h, kinds, true, false);
    if (l.t)
        ps_table_align_right(l.t, 5);
    for (size_t i = 0; i < n; i++) {
        const ps_missing_row *m = &rows[i];
        char late[24] = "";
        if (m->days_late >= 0)
            snprintf(late, sizeof late, "%ld", m->days_late);
        const char *cells[6] = {cat->reporters[m->reporter].code, cat->units[m->unit].code,
                                cat->indicators[m->indicator].code, ps_period_format(m->period, pb), m->deadline,
                                late};
        ps_listing_row(&l, cells);
    }
    ps_listing_end(&l);
}

static int run_missing(ps_cli *cli, ps_engine *e, const status_args *a)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    int reporter = -1;
    if (a->reporter && (reporter = ps_catalog_reporter(cat, a->reporter)) < 0)
        return ps_cli_usage_errm(cli, PS_M_STATUS_REPORTER_NOT_REPORTER,
                                  a->reporter);
    ps_ctx ctx = {0};
    ps_missing_row *rows;
    size_t n;
    if (ps_status_missing(e, a->p, reporter, a->as_of, &rows, &n, &ctx))
        return ps_cli_fail(cli, &ctx);
    print_missing(cat, rows, n, a);
    free(rows);
    return 0;
}

/* ------------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------------ */

static int parse_args(ps_cli *cli, int argc, char **argv, status_args *a)
{
    static const struct option longopts[] = {
        {"period", required_argument, NULL, 'p'}, {"format", required_argument, NULL, 'f'},
        {"missing", no_argument, NULL, 'm'},      {"reporter", required_argument, NULL, 'r'},
        {"as-of", required_argument, NULL, 'a'},  {NULL, 0, NULL, 0}};
    const char *ptext = NULL;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'p': ptext = optarg; break;
        case 'm': a->missing = true; break;
        case 'r': a->reporter = optarg; break;
        case 'a': a->as_of = optarg; break;
        case 'f':
            if (!ps_outfmt_parse(optarg, &a->fmt))
                return ps_cli_usage_errm(cli, PS_M_CATL_FORMAT_USE_TABLE_CSV, optarg);
            break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    int prc = ps_cli_period_required(cli, ptext, &a->p);
    if (prc)
        return prc;
    if (!a->missing && (a->reporter || a->as_of))
        return ps_cli_usage_errm(cli, PS_M_STATUS_GOES_WITH_MISSING, a->reporter ? "--reporter" : "--as-of");
    long day;
    if (a->as_of && !ps_status_day(a->as_of, &day))
        return ps_cli_usage_errm(cli, PS_M_STATUS_AS_OF_BAD_DAY, a->as_of);
    if (!a->as_of) {
        /* today, the machine's local date (TZ) */
        time_t now = time(NULL);
        struct tm tm;
        if (!localtime_r(&now, &tm) || strftime(a->today, sizeof a->today, "%Y-%m-%d", &tm) != 10)
            return ps_cli_usage_errm(cli, PS_M_STATUS_NO_CLOCK);
        a->as_of = a->today;
    }
    return 0;
}

int ps_cmd_status(ps_cli *cli, int argc, char **argv)
{
    status_args a = {0};
    int rc = parse_args(cli, argc, argv, &a);
    if (rc)
        return rc;
    ps_db *db;
    ps_catalog *cat;
    if ((rc = ps_cli_open_query(cli, &db, &cat)))
        return rc;
    ps_engine *e = NULL;
    ps_period all = {0};
    if (!(rc = ps_cli_engine(cli, db, cat, all, -1, &e)))
        rc = a.missing ? run_missing(cli, e, &a) : run_counts(cli, e, &a);
    if (!rc) {
        fflush(stdout);
        ps_cli_keep_rollups(e);
    }
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
