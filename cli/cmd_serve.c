/* cmd_serve.c - `provstat serve`: the web portal (SPEC §9, web/web.h). */
#include "core/msg.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "web/web.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static void ready(int port, void *arg)
{
    const char *listen = arg;
    ps_cli_printf(stderr, PS_M_SERVE_READY, listen, port);
}

int ps_cmd_serve(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"listen", required_argument, NULL, 'l'},
                                             {"max-upload", required_argument, NULL, 'm'},
                                             {"secure-cookies", no_argument, NULL, 's'},
                                             {NULL, 0, NULL, 0}};
    ps_web_opts o = {.db_path = cli->db_path, .listen = "127.0.0.1:8080", .ready = ready};
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        if (c == '?')
            return 2;
        if (c == 'l') {
            o.listen = optarg;
        } else if (c == 's') {
            o.secure_cookies = true;
        } else {
            char *end;
            errno = 0;
            long mib = strtol(optarg, &end, 10);
            if (errno || *end || mib < 1 || mib > 2048)
                return ps_cli_usage_errm(cli, PS_M_SERVE_BAD_UPLOAD, optarg);
            o.max_upload = (size_t)mib << 20;
        }
    }
    if (optind != argc)
        return ps_cli_usage_errm(cli, PS_M_SERVE_EXTRA, argv[optind]);
    o.ready_arg = (void *)o.listen;
    ps_db *db; /* the database must exist and have a catalog before serving */
    ps_catalog *cat;
    int rc = ps_cli_open_catalog(cli, false, &db, &cat);
    if (rc)
        return rc;
    ps_catalog_free(cat);
    ps_db_close(db);
    ps_ctx ctx = {0};
    return ps_web_serve(&o, &ctx) ? ps_cli_fail(cli, &ctx) : 0;
}
