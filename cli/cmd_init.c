/* cmd_init.c - `provstat init --catalog DIR`: create the database, load the catalog. */
#include "cli/cli.h"
#include "cli/opts.h"

#include "core/alloc.h"
#include "core/strbuf.h"
#include "ingest/change.h"

#include <stdlib.h>
#include <string.h>

int ps_cmd_init(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"catalog", required_argument, NULL, 'c'}, {NULL, 0, NULL, 0}};
    const char *dir = NULL;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        if (c == '?')
            return 2;
        if (c == 'c')
            dir = optarg;
    }
    if (optind < argc)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNEXPECTED_ARGUMENT, argv[optind]);
    if (!dir)
        return ps_cli_usage_errm(cli, PS_M_INIT_CATALOG_DIR_REQUIRED);

    ps_ctx ctx = {0};
    ps_diags diags;
    ps_diags_init(&diags);
    ps_catalog *cat = NULL;
    ps_error err = ps_catalog_read_dir(&cat, dir, &diags, &ctx);
    if (err == PS_ERR_REFUSED || diags.n) {
        ps_diags_sort(&diags);
        ps_cli_print_diags(&diags, false);
    }
    if (err == PS_ERR_REFUSED) {
        ps_cli_printf(stderr, PS_M_INIT_PROVSTAT_CATALOG_REFUSED_ERROR, dir,
                diags.nerr, diags.nerr == 1 ? "" : "s");
        ps_diags_free(&diags);
        return 1;
    }
    ps_diags_free(&diags);
    if (err)
        return ps_cli_fail(cli, &ctx);

    ps_db *db = NULL;
    int rc = ps_cli_open_db(cli, true, false, &db);
    if (rc) {
        ps_catalog_free(cat);
        return rc;
    }
    ps_strbuf p[4] = {PS_STRBUF_INIT, PS_STRBUF_INIT, PS_STRBUF_INIT, PS_STRBUF_INIT};
    static const char *const names[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    size_t dl = strlen(dir);
    for (int i = 0; i < 4; i++)
        ps_sb_printf(&p[i], "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
    const char *paths[4] = {ps_sb_str(&p[0]), ps_sb_str(&p[1]), ps_sb_str(&p[2]), ps_sb_str(&p[3])};
    ps_diags_init(&diags);
    err = ps_change_catalog(db, cat, paths, &diags, &ctx);
    if (err == PS_ERR_REFUSED) {
        ps_cli_print_diags(&diags, false);
        ps_cli_printf(stderr, PS_M_INIT_PROVSTAT_CATALOG_REFUSED_CONTRADICTS,
                dir, cli->db_path);
        rc = 1;
    } else if (err) {
        rc = ps_cli_fail(cli, &ctx);
    } else {
        ps_cli_printf(stdout, PS_M_INIT_CATALOG_LOADED_INTO_UNITS, dir,
               cli->db_path, cat->nunits, cat->nreporters, cat->nindicators, cat->nrules);
    }
    for (int i = 0; i < 4; i++)
        ps_sb_free(&p[i]);
    ps_diags_free(&diags);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}
