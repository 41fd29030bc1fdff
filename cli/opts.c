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
        ps_cli_usage_errm(cli, PS_M_MAIN_UNKNOWN_OPTION, bad ? bad : "?");
        return '?';
    }
    if (c == ':') {
        ps_cli_usage_errm(cli, PS_M_OPT_OPTION_NEEDS_VALUE, argv[optind - 1]);
        return '?';
    }
    return c;
}
