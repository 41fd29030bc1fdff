/* cli.h - what the command-line layer's files share.
 *
 * The CLI parses arguments, calls the library, prints, and maps results to
 * exit codes (0 done, 1 data refused or check failed, 2 wrong usage, 3 file
 * or database error). It is the only code that writes to stdout/stderr.
 */
#ifndef PS_CLI_H
#define PS_CLI_H

#include "aggregate/engine.h"
#include "core/catalog.h"
#include "core/diag.h"
#include "core/error.h"
#include "core/msg.h"
#include "core/safefile.h"
#include "store/db.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct ps_cli {
    const char *db_path;    /* --db, $PROVSTAT_DB, or provstat.db */
    const char *command;
    const char *usage;      /* the current command's usage line */
    ps_lang doc_lang;       /* documents for readers: --lang, $PROVSTAT_LANG, else vi */
} ps_cli;

typedef struct ps_command {
    const char *name;
    int (*run)(ps_cli *cli, int argc, char **argv);
    const char *usage;      /* "init --catalog DIR" */
    ps_msg_id summary;      /* what it does, for --help */
    ps_msg_id help;         /* the options, for --help */
} ps_command;

/* Prints "provstat CMD: message" and the usage line to stderr; returns 2. */
int ps_cli_usage_error(ps_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same with the message id (core/msg.h) and its arguments. */
int ps_cli_usage_errm(ps_cli *cli, ps_msg_id id, ...);
/* Prints the message id, formatted with its arguments in the current
 * language, to f (no newline added). */
void ps_cli_printf(FILE *f, ps_msg_id id, ...);
/* Prints "provstat: message" for a failed library call; returns the exit code. */
int ps_cli_fail(ps_cli *cli, const ps_ctx *ctx);
/* Prints --help text for cmd to stdout; returns 0. */
int ps_cli_help(const ps_command *cmd);
/* True when argv holds --help or -h. */
bool ps_cli_wants_help(int argc, char **argv);

/* Opens the database named by cli (creating it when create is true). On
 * failure prints the reason and returns the exit code; 0 on success. */
int ps_cli_open_db(ps_cli *cli, bool create, bool readonly, ps_db **db);
/* Opens the database and loads its catalog; 0 or the exit code. */
int ps_cli_open_catalog(ps_cli *cli, bool readonly, ps_db **db, ps_catalog **cat);
/* For the commands that compute (show, trend, check, report, export): like
 * ps_cli_open_catalog read-only, but writable when the file is, so that the
 * engine can keep its roll-ups (store/rollup.h). */
int ps_cli_open_query(ps_cli *cli, ps_db **db, ps_catalog **cat);
/* Keeps what the engine computed for the next command; a failure is a note
 * on stderr, never a failed command (the output is already written). */
void ps_cli_keep_rollups(ps_engine *e);
/* A new engine for a query: stored values read up to `horizon` (the latest
 * period asked; none: all) for the units under `scope` (-1: the whole
 * catalog), see engine.h. 0, or the exit status after printing the error. */
int ps_cli_engine(ps_cli *cli, ps_db *db, const ps_catalog *cat, ps_period horizon, int scope, ps_engine **e);

/* Prints diagnostics: the first 50 of each severity, then a count (with a
 * hint to --errors-csv when the command has that option). */
void ps_cli_print_diags(const ps_diags *d, bool errors_csv);
/* --errors-csv FILE: started before the command does its work, so that a
 * file that cannot be written (a folder, a device, a FIFO, a missing or
 * read-only folder) stops it before anything is stored. 0 with *sf set
 * (end it with ps_cli_errors_csv_write or ps_safefile_abort), or the exit
 * code after printing why. */
int ps_cli_errors_csv_open(const char *path, ps_safefile **sf);
/* Writes every diagnostic into sf as CSV
 * (file,line,column,severity,code,message,value), after a byte-order mark
 * when bom (ingest --bom), and commits it; sf is consumed. The header and
 * the code column are the same in every language; the message is in the
 * language it was made in. Prints nothing: on failure (PS_ERR_IO) the message names the
 * file, and the earlier file at that path, if any, is left as it was. */
ps_error ps_cli_errors_csv_write(const ps_diags *d, ps_safefile *sf, bool bom, ps_ctx *ctx);

/* Output formats of listing commands. */
typedef enum ps_outfmt { PS_OUT_TABLE = 0, PS_OUT_CSV, PS_OUT_JSON } ps_outfmt;
bool ps_outfmt_parse(const char *s, ps_outfmt *out);

/* Parses a period option; on failure prints a usage error and returns false. */
bool ps_cli_period_arg(ps_cli *cli, const char *opt, const char *text, ps_period *out);
/* The --period every period command needs: 0 with *out set, or 2 after a
 * usage error (missing or not a period). */
int ps_cli_period_required(ps_cli *cli, const char *text, ps_period *out);
/* The unit of a --unit option: 0 with *out its index (the catalog's top
 * unit when text is NULL), or 2 after a usage error that names the nearest
 * unit of the catalog when there is one. */
int ps_cli_unit_arg(ps_cli *cli, const ps_catalog *cat, const char *text, int *out);
/* The warning of a change stored whose kept roll-ups could not be carried
 * over (ingest/refresh.h): what names the file or database, why is the
 * message of the failure. */
void ps_cli_refresh_warning(const char *what, const char *why);

/* Reads a non-negative decimal integer (the whole string, at most max)
 * into *out; false when s is NULL, empty or anything else. */
bool ps_cli_parse_count(const char *s, long long max, long long *out);

/* The commands. */
int ps_cmd_init(ps_cli *cli, int argc, char **argv);
int ps_cmd_catalog(ps_cli *cli, int argc, char **argv);
int ps_cmd_ingest(ps_cli *cli, int argc, char **argv);
int ps_cmd_status(ps_cli *cli, int argc, char **argv);
int ps_cmd_history(ps_cli *cli, int argc, char **argv);
int ps_cmd_retract(ps_cli *cli, int argc, char **argv);
int ps_cmd_close(ps_cli *cli, int argc, char **argv);
int ps_cmd_reopen(ps_cli *cli, int argc, char **argv);
int ps_cmd_backup(ps_cli *cli, int argc, char **argv);
int ps_cmd_user(ps_cli *cli, int argc, char **argv);
int ps_cmd_serve(ps_cli *cli, int argc, char **argv);
int ps_cmd_show(ps_cli *cli, int argc, char **argv);
int ps_cmd_check(ps_cli *cli, int argc, char **argv);
int ps_cmd_trend(ps_cli *cli, int argc, char **argv);
int ps_cmd_export(ps_cli *cli, int argc, char **argv);
int ps_cmd_report(ps_cli *cli, int argc, char **argv);
int ps_cmd_template(ps_cli *cli, int argc, char **argv);
extern const ps_command ps_commands[];

#endif
