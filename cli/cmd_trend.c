/* cmd_trend.c - `provstat trend`: a series with indices, CAGR, linear trend and year-end projections. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/listing.h"
#include "cli/table.h"

#include "aggregate/engine.h"
#include "core/number.h"
#include "core/period.h"
#include "core/text.h"
#include "indicators/trend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_IND = 1, T_UNIT, T_FROM, T_TO, T_FORMAT };

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------ */

/* Shortest round-trip text of o, or "null". */
static const char *json_num(ps_opt o, char *buf)
{
    return o.has ? ps_number_format(o.v, buf) : "null";
}

/* Rounded half away from zero to `decimals` places, or "" (empty cell). */
static const char *fixed(ps_opt o, int decimals, char *buf)
{
    if (!o.has)
        return "";
    return ps_number_format_fixed(o.v, decimals, PS_NF_PLAIN, buf);
}

static ps_opt val_opt(const ps_val *v)
{
    ps_opt o = {v->has, v->has ? v->v : 0.0};
    return o;
}

static void print_json(const ps_catalog *cat, const ps_trend *t)
{
    char a[PS_NUMBER_BUFSZ], b[PS_NUMBER_BUFSZ], c[PS_NUMBER_BUFSZ], pb[PS_PERIOD_BUFSZ], fl[128];
    fputs("{\"unit\": ", stdout);
    ps_json_string(stdout, cat->units[t->unit].code);
    fputs(", \"indicator\": ", stdout);
    ps_json_string(stdout, cat->indicators[t->indicator].code);
    printf(", \"from\": \"%s\"", ps_period_format(t->from, pb));
    printf(", \"to\": \"%s\",\n \"series\": [", ps_period_format(t->to, pb));
    for (size_t i = 0; i < t->npoints; i++) {
        const ps_trend_point *p = &t->points[i];
        printf("%s\n  {\"period\": \"%s\", \"value\": %s, \"index_prev_year\": %s, \"index_prev_period\": %s,"
               " \"flags\": ",
               i ? "," : "", ps_period_format(p->period, pb), json_num(val_opt(&p->value), a),
               json_num(p->index_prev_year, b), json_num(p->index_prev_period, c));
        ps_json_string(stdout, ps_trend_point_flags(p, fl, sizeof fl));
        putchar('}');
    }
    fputs(t->npoints ? "\n ],\n" : "],\n", stdout);
    printf(" \"fit\": {\"slope\": %s", json_num(t->slope, a));
    printf(", \"intercept\": %s", json_num(t->intercept, a));
    printf(", \"r2\": %s", json_num(t->r2, a));
    printf(", \"cagr\": %s", json_num(t->cagr, a));
    printf(", \"year_end_linear\": %s", json_num(t->year_end_linear, a));
    printf(", \"year_end_linear_se\": %s", json_num(t->year_end_linear_se, a));
    printf(", \"year_end_seasonal\": %s}}\n", json_num(t->year_end_seasonal, a));
}


/* One line of the fit below the table: the label in the officer's language,
 * padded to the widest label (19 columns at least), the value, then the
 * unit (unit: a message taking arg, e.g. " per %s"; 0 for none). */
static void fit_line(ps_msg_id label, const char *value, ps_msg_id unit, const char *arg)
{
    static const ps_msg_id labels[] = {PS_M_TREND_FIT_SLOPE, PS_M_TREND_FIT_INTERCEPT, PS_M_TREND_FIT_R2,
                                       PS_M_TREND_FIT_CAGR, PS_M_TREND_FIT_YEAR_END_LINEAR,
                                       PS_M_TREND_FIT_YEAR_END_LINEAR_SE, PS_M_TREND_FIT_YEAR_END_SEASONAL};
    size_t width = 19;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (ps_text_width(ps_msg(labels[i])) > width)
            width = ps_text_width(ps_msg(labels[i]));
    char text[128];
    ps_msg_format(text, sizeof text, label);
    fputs(text, stdout);
    for (size_t w = ps_text_width(text); w <= width; w++)
        putchar(' ');
    fputs(value, stdout);
    if (unit)
        ps_cli_printf(stdout, unit, arg);
    putchar('\n');
}

static void print_table(const ps_catalog *cat, const ps_trend *t)
{
    const ps_unit *u = &cat->units[t->unit];
    const ps_indicator *x = &cat->indicators[t->indicator];
    int dec = x->decimals;
    char a[PS_NUMBER_BUFSZ], b[PS_NUMBER_BUFSZ], c[PS_NUMBER_BUFSZ], fl[128];
    char pf[PS_PERIOD_BUFSZ], pt[PS_PERIOD_BUFSZ];
    const char *per = ps_period_type_word((ps_period_type)t->from.type);

    ps_cli_printf(stdout, PS_M_TREND_HEADING, x->code, x->name_vi, x->unit_vi, u->code, u->name_vi,
           ps_period_format(t->from, pf), ps_period_format(t->to, pt));
    static const ps_msg_id h[] = {PS_M_TH_PERIOD, PS_M_TH_VALUE, PS_M_TH_INDEX_PREV_YEAR, PS_M_TH_INDEX_PREV_PERIOD,
                                  PS_M_TH_FLAGS};
    ps_table *tab = ps_listing_table_new(5, h);
    for (int k = 1; k < 4; k++)
        ps_table_align_right(tab, k);
    for (size_t i = 0; i < t->npoints; i++) {
        const ps_trend_point *p = &t->points[i];
        char pb[PS_PERIOD_BUFSZ];
        ps_trend_point_flags(p, fl, sizeof fl);
        const char *cells[5] = {ps_period_format(p->period, pb), fixed(val_opt(&p->value), dec, a),
                                fixed(p->index_prev_year, 1, b), fixed(p->index_prev_period, 1, c), fl};
        ps_table_add(tab, cells);
    }
    ps_table_print(tab, stdout);
    ps_table_free(tab);

    /* The fit: coefficients two places finer than the values, the standard
     * error one, R² to four places, growth in % to one. */
    char y[PS_PERIOD_BUFSZ];
    snprintf(y, sizeof y, "%d", t->to.year);
    putchar('\n');
    fit_line(PS_M_TREND_FIT_SLOPE, fixed(t->slope, dec + 2, a), t->slope.has ? PS_M_TREND_FIT_PER : 0, per);
    fit_line(PS_M_TREND_FIT_INTERCEPT, fixed(t->intercept, dec + 2, a), 0, NULL);
    fit_line(PS_M_TREND_FIT_R2, fixed(t->r2, 4, a), 0, NULL);
    fit_line(PS_M_TREND_FIT_CAGR, fixed(t->cagr, 1, a), t->cagr.has ? PS_M_TREND_FIT_PERCENT : 0, NULL);
    fit_line(PS_M_TREND_FIT_YEAR_END_LINEAR, fixed(t->year_end_linear, dec, a),
             t->year_end_linear.has ? PS_M_TREND_FIT_FOR : 0, y);
    fit_line(PS_M_TREND_FIT_YEAR_END_LINEAR_SE, fixed(t->year_end_linear_se, dec + 1, a), 0, NULL);
    fit_line(PS_M_TREND_FIT_YEAR_END_SEASONAL, fixed(t->year_end_seasonal, dec, a),
             t->year_end_seasonal.has ? PS_M_TREND_FIT_FOR : 0, y);
}

/* ------------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------------ */

int ps_cmd_trend(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"indicator", required_argument, NULL, T_IND}, {"unit", required_argument, NULL, T_UNIT},
        {"from", required_argument, NULL, T_FROM},     {"to", required_argument, NULL, T_TO},
        {"format", required_argument, NULL, T_FORMAT}, {NULL, 0, NULL, 0}};
    const char *itext = NULL, *utext = NULL, *ftext = NULL, *ttext = NULL;
    ps_outfmt fmt = PS_OUT_TABLE;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case T_IND: itext = optarg; break;
        case T_UNIT: utext = optarg; break;
        case T_FROM: ftext = optarg; break;
        case T_TO: ttext = optarg; break;
        case T_FORMAT:
            if (!ps_outfmt_parse(optarg, &fmt) || fmt == PS_OUT_CSV)
                return ps_cli_usage_errm(cli, PS_M_TREND_FORMAT_USE_TABLE_JSON, optarg);
            break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    if (!itext || !ftext || !ttext)
        return ps_cli_usage_errm(cli, PS_M_TREND_INDICATOR_FROM_ARE_REQUIRED);
    ps_period from, to;
    if (!ps_cli_period_arg(cli, "--from", ftext, &from) || !ps_cli_period_arg(cli, "--to", ttext, &to))
        return 2;

    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_query(cli, &db, &cat);
    if (rc)
        return rc;
    ps_engine *e = NULL;
    ps_trend *t = NULL;
    ps_ctx ctx = {0};
    int ind = ps_catalog_indicator(cat, itext);
    if (ind < 0) {
        rc = ps_cli_usage_errm(cli, PS_M_CLI_INDICATOR_NOT_IN_CATALOG, itext);
        goto out;
    }
    int u;
    if ((rc = ps_cli_unit_arg(cli, cat, utext, &u)))
        goto out;
    if (ps_trend_check_range(cat, ind, from, to, &ctx)) {
        rc = ps_cli_usage_error(cli, "%s", ps_ctx_message(&ctx));
        goto out;
    }
    if ((rc = ps_cli_engine(cli, db, cat, to, u, &e)))
        goto out;
    if (ps_trend_compute(e, u, ind, from, to, &t, &ctx)) {
        rc = ps_cli_fail(cli, &ctx);
        goto out;
    }
    if (fmt == PS_OUT_JSON)
        print_json(cat, t);
    else
        print_table(cat, t);
    fflush(stdout);
    ps_cli_keep_rollups(e);
out:
    ps_trend_free(t);
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
