/* cmd_show.c - `provstat show --period P`: values with every comparison. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/listing.h"

#include "core/number.h"
#include "indicators/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const show_header[] = {
    "unit", "indicator", "period", "measure", "value", "status", "coverage", "ytd", "ytd_coverage",
    "plan", "index_prev_year", "ytd_index_prev_year", "pct_of_plan", "pace", "share_of_parent", "flags"};
enum { NCOLS = 16 };

/* Full-precision text of an optional number ("" when absent). */
static const char *num(bool has, double v, char *buf)
{
    if (!has) {
        buf[0] = '\0';
        return buf;
    }
    return ps_number_format(v, buf);
}

/* Rounded for the terminal. */
static const char *fixed(bool has, double v, int dec, char *buf)
{
    if (!has) {
        buf[0] = '\0';
        return buf;
    }
    return ps_number_format_fixed(v, dec, PS_NF_PLAIN, buf);
}

typedef struct show_opts {
    const char *period, *unit, *indicator;
    ps_outfmt fmt;
    bool bom;
} show_opts;

static int parse_opts(ps_cli *cli, int argc, char **argv, show_opts *o)
{
    static const struct option longopts[] = {
        {"period", required_argument, NULL, 'p'}, {"unit", required_argument, NULL, 'u'},
        {"indicator", required_argument, NULL, 'i'}, {"format", required_argument, NULL, 'f'},
        {"bom", no_argument, NULL, 'b'}, {NULL, 0, NULL, 0}};
    *o = (show_opts){NULL, NULL, NULL, PS_OUT_TABLE, false};
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'p': o->period = optarg; break;
        case 'u': o->unit = optarg; break;
        case 'i': o->indicator = optarg; break;
        case 'b': o->bom = true; break;
        case 'f':
            if (!ps_outfmt_parse(optarg, &o->fmt))
                return ps_cli_usage_errm(cli, PS_M_CATL_FORMAT_USE_TABLE_CSV, optarg);
            break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    if (o->bom && o->fmt != PS_OUT_CSV)
        return ps_cli_usage_errm(cli, PS_M_SHOW_BOM_GOES_WITH_FORMAT);
    return 0;
}

/* The terminal's columns: names, rounded numbers, `-` for nothing occurred. */
static void table_row(ps_listing *l, const ps_catalog *cat, int u, const ps_indicator *x, const ps_row *r,
                      const char *flags)
{
    char b[8][PS_NUMBER_BUFSZ];
    const char *cells[12] = {
        cat->units[u].code, x->name_vi, x->unit_vi,
        (r->value.flags & PS_VF_NONE_OCCURRED) && r->value.v == 0 ? "-"
                                                                  : fixed(r->value.has, r->value.v, x->decimals, b[0]),
        fixed(r->ytd.has, r->ytd.v, x->decimals, b[1]),
        fixed(r->plan.has, r->plan.v, x->decimals, b[2]),
        fixed(r->index_prev_year.has, r->index_prev_year.v, 1, b[3]),
        fixed(r->ytd_index_prev_year.has, r->ytd_index_prev_year.v, 1, b[4]),
        fixed(r->pct_of_plan.has, r->pct_of_plan.v, 1, b[5]),
        fixed(r->pace.has, r->pace.v, 1, b[6]),
        fixed(r->share_of_parent.has, r->share_of_parent.v, 1, b[7]), flags};
    ps_listing_row(l, cells);
}

/* SPEC §6's columns, full precision. */
static void data_row(ps_listing *l, const ps_catalog *cat, int u, const ps_indicator *x, const char *period,
                     const ps_row *r, const char *flags)
{
    char b[10][PS_NUMBER_BUFSZ];
    char st[2] = {r->value.has ? r->value.status : '\0', '\0'};
    const char *cells[NCOLS] = {
        cat->units[u].code, x->code, period, "actual",
        num(r->value.has, r->value.v, b[0]), st,
        num(r->value.has, r->value.coverage, b[1]),
        num(r->ytd.has, r->ytd.v, b[2]), num(r->ytd.has, r->ytd.coverage, b[3]),
        num(r->plan.has, r->plan.v, b[4]),
        num(r->index_prev_year.has, r->index_prev_year.v, b[5]),
        num(r->ytd_index_prev_year.has, r->ytd_index_prev_year.v, b[6]),
        num(r->pct_of_plan.has, r->pct_of_plan.v, b[7]), num(r->pace.has, r->pace.v, b[8]),
        num(r->share_of_parent.has, r->share_of_parent.v, b[9]), flags};
    ps_listing_row(l, cells);
}

static void listing_begin(ps_listing *l, const show_opts *o)
{
    static const ps_msg_id th[] = {PS_M_TH_UNIT, PS_M_TH_INDICATOR, PS_M_TH_UNIT_MEASURE, PS_M_TH_VALUE,
                                   PS_M_TH_YTD, PS_M_TH_PLAN, PS_M_TH_PCT_LAST_YEAR, PS_M_TH_YTD_PCT_LAST_YEAR,
                                   PS_M_TH_PCT_PLAN, PS_M_TH_PACE, PS_M_TH_PCT_PARENT, PS_M_TH_FLAGS};
    static const ps_col kinds[NCOLS] = {
        [4] = PS_COL_NUMBER, [5] = PS_COL_TEXT_OR_NULL, [6] = PS_COL_NUMBER, [7] = PS_COL_NUMBER,
        [8] = PS_COL_NUMBER, [9] = PS_COL_NUMBER, [10] = PS_COL_NUMBER, [11] = PS_COL_NUMBER,
        [12] = PS_COL_NUMBER, [13] = PS_COL_NUMBER, [14] = PS_COL_NUMBER};
    if (o->fmt == PS_OUT_TABLE) {
        ps_listing_begin_table(l, 12, th);
        for (int k = 3; k < 11; k++)
            ps_table_align_right(l->t, k);
    } else {
        ps_listing_begin(l, o->fmt, NCOLS, show_header, kinds, true, o->bom);
    }
}

/* Every row asked for: units in catalog order (those valid in p, or the
 * one named), indicators in report order. */
static ps_error list_rows(ps_engine *e, ps_listing *l, ps_period p, int only_unit, int only_ind, ps_ctx *ctx)
{
    const ps_catalog *cat = ps_engine_catalog(e);
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    for (size_t u = 0; u < cat->nunits; u++) {
        if (only_unit >= 0 ? (int)u != only_unit : !ps_unit_valid_in(&cat->units[u], p))
            continue;
        for (size_t k = 0; k < cat->nindicators; k++) {
            int ind = cat->report_order[k];
            if (only_ind >= 0 && ind != only_ind)
                continue;
            ps_row r;
            ps_error err = ps_compare_row(e, (int)u, ind, p, &r, ctx);
            if (err)
                return err;
            ps_val shown = r.value;
            shown.flags = r.flags;
            char flags[256];
            ps_val_flags_text(&shown, flags, sizeof flags);
            if (l->fmt == PS_OUT_TABLE)
                table_row(l, cat, (int)u, &cat->indicators[ind], &r, flags);
            else
                data_row(l, cat, (int)u, &cat->indicators[ind], pb, &r, flags);
        }
    }
    return PS_OK;
}

int ps_cmd_show(ps_cli *cli, int argc, char **argv)
{
    show_opts o;
    ps_period p;
    int rc = parse_opts(cli, argc, argv, &o);
    if (rc || (rc = ps_cli_period_required(cli, o.period, &p)))
        return rc;
    ps_db *db;
    ps_catalog *cat;
    if ((rc = ps_cli_open_query(cli, &db, &cat)))
        return rc;
    int only_unit = -1, only_ind = -1;
    ps_engine *e = NULL;
    if (o.unit && (rc = ps_cli_unit_arg(cli, cat, o.unit, &only_unit)))
        goto out;
    if (o.indicator && (only_ind = ps_catalog_indicator(cat, o.indicator)) < 0) {
        rc = ps_cli_usage_errm(cli, PS_M_CLI_INDICATOR_NOT_IN_CATALOG, o.indicator);
        goto out;
    }
    if ((rc = ps_cli_engine(cli, db, cat, p, only_unit, &e)))
        goto out;
    ps_listing l;
    listing_begin(&l, &o);
    ps_ctx ctx = {0};
    if (list_rows(e, &l, p, only_unit, only_ind, &ctx)) {
        ps_table_free(l.t);
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    if (o.fmt == PS_OUT_TABLE) {
        char pb[PS_PERIOD_BUFSZ];
        ps_period_format(p, pb);
        if (only_unit >= 0)
            fprintf(stdout, "%s — %s, %s\n", cat->units[only_unit].code, cat->units[only_unit].name_vi, pb);
        else
            fprintf(stdout, "%s\n", pb);
    }
    ps_listing_end(&l);
    fflush(stdout);
    ps_cli_keep_rollups(e);
out:
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
