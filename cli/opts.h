/* opts.h - command option parsing on getopt_long, with usage errors that
 * name the command. */
#ifndef PS_OPTS_H
#define PS_OPTS_H

#include "cli/cli.h"

#include <getopt.h>

/* Runs getopt_long over argv (argv[0] is the command name). Returns the
 * option character, -1 at the end, or '?' after printing a usage error
 * (unknown option, missing value); the caller then returns 2. */
int ps_opts_next(ps_cli *cli, int argc, char **argv, const struct option *longopts);

#endif
