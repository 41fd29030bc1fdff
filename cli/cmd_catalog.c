/* cmd_catalog.c - `provstat catalog units|reporters|indicators|rules`. */
#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/listing.h"

#include "core/number.h"
#include "core/period.h"

#include <stdio.h>
#include <string.h>

static const char *period_text(ps_period p, char *buf)
{
    if (p.type == PS_P_NONE) {
        buf[0] = '\0';
        return buf;
    }
    return ps_period_format(p, buf);
}

static void list_units(const ps_catalog *cat, ps_outfmt fmt)
{
    static const char *const h[] = {"code", "name_vi", "name_en", "level", "kind", "parent",
                                    "valid_from", "valid_to", "successor"};
    ps_listing l;
    ps_listing_begin(&l, fmt, 9, h, NULL, false, false);
    for (size_t i = 0; i < cat->nunits; i++) {
        const ps_unit *u = &cat->units[i];
        char a[PS_PERIOD_BUFSZ], b[PS_PERIOD_BUFSZ];
        const char *cells[9] = {u->code, u->name_vi, u->name_en, ps_level_name(u->level), u->kind,
                                u->parent_code ? u->parent_code : "", period_text(u->valid_from, a),
                                period_text(u->valid_to, b), u->successor_code ? u->successor_code : ""};
        ps_listing_row(&l, cells);
    }
    ps_listing_end(&l);
}

static void list_reporters(const ps_catalog *cat, ps_outfmt fmt)
{
    static const char *const h[] = {"code", "name_vi", "name_en", "scope_unit", "indicators",
                                    "report_level", "deadline_day"};
    static const ps_col num[7] = {[6] = PS_COL_NUMBER};
    ps_listing l;
    ps_listing_begin(&l, fmt, 7, h, num, false, false);
    for (size_t i = 0; i < cat->nreporters; i++) {
        const ps_reporter *r = &cat->reporters[i];
        char dl[16];
        snprintf(dl, sizeof dl, "%d", r->deadline_day);
        const char *cells[7] = {r->code, r->name_vi, r->name_en, r->scope_code, r->indicators_text,
                                ps_level_name(r->report_level), dl};
        ps_listing_row(&l, cells);
    }
    if (fmt == PS_OUT_TABLE)
        ps_table_align_right(l.t, 6);
    ps_listing_end(&l);
}

static void list_indicators(const ps_catalog *cat, ps_outfmt fmt)
{
    static const char *const h[] = {"code", "name_vi", "name_en", "unit_vi", "unit_en", "kind",
                                    "space_agg", "time_agg", "decimals", "min", "max", "formula",
                                    "order", "group", "frequency", "key", "group_en"};
    static const ps_col num[17] = {[8] = PS_COL_NUMBER, [9] = PS_COL_NUMBER, [10] = PS_COL_NUMBER,
                                 [12] = PS_COL_NUMBER, [15] = PS_COL_NUMBER};
    ps_listing l;
    ps_listing_begin(&l, fmt, 17, h, num, false, false);
    /* catalog file order, so that the csv loads again with the same groups */
    for (size_t i = 0; i < cat->nindicators; i++) {
        const ps_indicator *x = &cat->indicators[i];
        char dec[8], mn[PS_NUMBER_BUFSZ], mx[PS_NUMBER_BUFSZ], ord[PS_NUMBER_BUFSZ], sa[64];
        snprintf(dec, sizeof dec, "%d", x->decimals);
        const char *cells[17] = {x->code, x->name_vi, x->name_en, x->unit_vi, x->unit_en,
                                 ps_kind_name(x->kind), ps_indicator_space_agg_text(x, sa, sizeof sa),
                                 x->kind == PS_KIND_DERIVED ? "" : ps_agg_name(x->time_agg), dec,
                                 x->has_min ? ps_number_format(x->min, mn) : "",
                                 x->has_max ? ps_number_format(x->max, mx) : "", x->formula_text,
                                 ps_number_format(x->order, ord), x->group,
                                 ps_frequency_name(x->frequency), x->key ? "1" : "0",
                                 x->group_en ? x->group_en : ""};
        ps_listing_row(&l, cells);
    }
    ps_listing_end(&l);
}

static void list_rules(const ps_catalog *cat, ps_outfmt fmt)
{
    static const char *const h[] = {"code", "left", "op", "right", "severity", "message_vi", "message_en"};
    ps_listing l;
    ps_listing_begin(&l, fmt, 7, h, NULL, false, false);
    for (size_t i = 0; i < cat->nrules; i++) {
        const ps_rule *r = &cat->rules[i];
        const char *cells[7] = {r->code, r->left_text, ps_rule_op_name(r->op), r->right_text,
                                ps_severity_name(r->severity), r->message_vi, r->message_en};
        ps_listing_row(&l, cells);
    }
    ps_listing_end(&l);
}

int ps_cmd_catalog(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
    ps_outfmt fmt = PS_OUT_TABLE;
    const char *what = NULL;
    /* the listing name may come before or after the options */
    if (argc > 1 && argv[1][0] != '-') {
        what = argv[1];
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        if (c == '?')
            return 2;
        if (c == 'f' && !ps_outfmt_parse(optarg, &fmt))
            return ps_cli_usage_errm(cli, PS_M_CATL_FORMAT_USE_TABLE_CSV, optarg);
    }
    if (!what && optind < argc)
        what = argv[optind++];
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    if (!what)
        return ps_cli_usage_errm(cli, PS_M_CATL_SAY_WHAT_LIST_UNITS);
    void (*list)(const ps_catalog *, ps_outfmt) =
        strcmp(what, "units") == 0 ? list_units
        : strcmp(what, "reporters") == 0 ? list_reporters
        : strcmp(what, "indicators") == 0 ? list_indicators
        : strcmp(what, "rules") == 0 ? list_rules : NULL;
    if (!list)
        return ps_cli_usage_errm(cli, PS_M_CATL_NOT_LIST_USE_UNITS, what);
    ps_db *db;
    ps_catalog *cat;
    int rc = ps_cli_open_catalog(cli, true, &db, &cat);
    if (rc)
        return rc;
    list(cat, fmt);
    ps_catalog_free(cat);
    ps_db_close(db);
    return 0;
}
