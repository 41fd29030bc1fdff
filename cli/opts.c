/* opts.c - command option parsing. */
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

int ps_opts_next(ps_cli *cli, int argc, char **argv, const struct option *longopts)
{
    opterr = 0;
    int idx = 0;
    int c = getopt_long(argc, argv, "+:", longopts, &idx);
    if (c == '?') {
        const char *bad = argv[optind - 1];
        ps_cli_usage_error(cli, "unknown option %s", bad ? bad : "?");
        return '?';
    }
    if (c == ':') {
        ps_cli_usage_error(cli, "option %s needs a value", argv[optind - 1]);
        return '?';
    }
    return c;
}
