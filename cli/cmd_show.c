/* cmd_show.c - `provstat show --period P`: values with every comparison. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/table.h"

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

int ps_cmd_show(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"period", required_argument, NULL, 'p'}, {"unit", required_argument, NULL, 'u'},
        {"indicator", required_argument, NULL, 'i'}, {"format", required_argument, NULL, 'f'},
        {"bom", no_argument, NULL, 'b'}, {NULL, 0, NULL, 0}};
    const char *ptext = NULL, *utext = NULL, *itext = NULL;
    ps_outfmt fmt = PS_OUT_TABLE;
    bool bom = false;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        switch (c) {
        case '?': return 2;
        case 'p': ptext = optarg; break;
        case 'u': utext = optarg; break;
        case 'i': itext = optarg; break;
        case 'b': bom = true; break;
        case 'f':
            if (!ps_outfmt_parse(optarg, &fmt))
                return ps_cli_usage_error(cli, "--format %s: use table, csv or json", optarg);
            break;
        }
    }
    if (optind < argc)
        return ps_cli_usage_error(cli, "unexpected argument %s", argv[optind]);
    if (bom && fmt != PS_OUT_CSV)
        return ps_cli_usage_error(cli, "--bom goes with --format csv (a byte-order mark for Excel)");
    ps_period p;
    int prc = ps_cli_period_required(cli, ptext, &p);
    if (prc)
        return prc;
    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_query(cli, &db, &cat);
    if (rc)
        return rc;
    int only_unit = -1, only_ind = -1;
    ps_engine *e = NULL;
    ps_table *t = NULL;
    if (utext && (rc = ps_cli_unit_arg(cli, cat, utext, &only_unit)))
        goto out;
    if (itext && (only_ind = ps_catalog_indicator(cat, itext)) < 0) {
        rc = ps_cli_usage_error(cli, "--indicator %s is not an indicator of the catalog", itext);
        goto out;
    }
    ps_ctx ctx = {0};
    if ((rc = ps_cli_engine(cli, db, cat, p, only_unit, &e)))
        goto out;
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(p, pb);
    if (fmt == PS_OUT_CSV) {
        if (bom)
            fputs("\xEF\xBB\xBF", stdout);
        ps_csv_row(stdout, show_header, NCOLS, false);
    } else if (fmt == PS_OUT_JSON) {
        fputs("[", stdout);
    } else {
        static const char *const th[] = {"unit", "indicator", "unit of measure", "value", "ytd", "plan",
                                         "% last year", "ytd % last year", "% plan", "pace",
                                         "% of parent", "flags"};
        t = ps_table_new(12, th);
        for (int k = 3; k < 11; k++)
            ps_table_align_right(t, k);
    }
    size_t rows = 0;
    for (size_t u = 0; u < cat->nunits; u++) {
        if (only_unit >= 0 && (int)u != only_unit)
            continue;
        if (only_unit < 0 && !ps_unit_valid_in(&cat->units[u], p))
            continue;
        for (size_t k = 0; k < cat->nindicators; k++) {
            int ind = cat->report_order[k];
            if (only_ind >= 0 && ind != only_ind)
                continue;
            const ps_indicator *x = &cat->indicators[ind];
            ps_row r;
            if (ps_compare_row(e, (int)u, ind, p, &r, &ctx)) {
                rc = ps_cli_fail(cli, &ctx);
                goto out;
            }
            ps_val shown = r.value;
            shown.flags = r.flags;
            char flags[256];
            ps_val_flags_text(&shown, flags, sizeof flags);
            char b[11][PS_NUMBER_BUFSZ];
            if (fmt == PS_OUT_TABLE) {
                const char *cells[12] = {
                    cat->units[u].code, x->name_vi, x->unit_vi,
                    (r.value.flags & PS_VF_NONE_OCCURRED) && r.value.v == 0 ? "-"
                        : fixed(r.value.has, r.value.v, x->decimals, b[0]),
                    fixed(r.ytd.has, r.ytd.v, x->decimals, b[1]),
                    fixed(r.plan.has, r.plan.v, x->decimals, b[2]),
                    fixed(r.index_prev_year.has, r.index_prev_year.v, 1, b[3]),
                    fixed(r.ytd_index_prev_year.has, r.ytd_index_prev_year.v, 1, b[4]),
                    fixed(r.pct_of_plan.has, r.pct_of_plan.v, 1, b[5]),
                    fixed(r.pace.has, r.pace.v, 1, b[6]),
                    fixed(r.share_of_parent.has, r.share_of_parent.v, 1, b[7]), flags};
                ps_table_add(t, cells);
                continue;
            }
            char st[2] = {r.value.has ? r.value.status : '\0', '\0'};
            const char *cells[NCOLS] = {
                cat->units[u].code, x->code, pb, "actual",
                num(r.value.has, r.value.v, b[0]), st,
                num(r.value.has, r.value.coverage, b[1]),
                num(r.ytd.has, r.ytd.v, b[2]), num(r.ytd.has, r.ytd.coverage, b[3]),
                num(r.plan.has, r.plan.v, b[4]),
                num(r.index_prev_year.has, r.index_prev_year.v, b[5]),
                num(r.ytd_index_prev_year.has, r.ytd_index_prev_year.v, b[6]),
                num(r.pct_of_plan.has, r.pct_of_plan.v, b[7]), num(r.pace.has, r.pace.v, b[8]),
                num(r.share_of_parent.has, r.share_of_parent.v, b[9]), flags};
            if (fmt == PS_OUT_CSV) {
                ps_csv_row(stdout, cells, NCOLS, true);
            } else {
                fputs(rows ? ",\n {" : "\n {", stdout);
                for (int col = 0; col < NCOLS; col++) {
                    if (col)
                        fputs(", ", stdout);
                    ps_json_string(stdout, show_header[col]);
                    fputs(": ", stdout);
                    bool numeric = col >= 4 && col != 5 && col != 15;
                    if (numeric)
                        fputs(*cells[col] ? cells[col] : "null", stdout);
                    else if (col == 5 && !*cells[col])
                        fputs("null", stdout);
                    else
                        ps_json_string(stdout, cells[col]);
                }
                fputs("}", stdout);
            }
            rows++;
        }
    }
    if (fmt == PS_OUT_TABLE) {
        if (only_unit >= 0)
            printf("%s — %s, %s\n", cat->units[only_unit].code, cat->units[only_unit].name_vi, pb);
        else
            printf("%s\n", pb);
        ps_table_print(t, stdout);
    } else if (fmt == PS_OUT_JSON) {
        fputs(rows ? "\n]\n" : "]\n", stdout);
    }
    fflush(stdout);
    ps_cli_keep_rollups(e);
out:
    ps_table_free(t);
    ps_engine_free(e);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
