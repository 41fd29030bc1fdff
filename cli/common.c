/* common.c - helpers every command uses: errors, usage, database, diagnostics. */
#include "cli/cli.h"
#include "cli/table.h"

#include "core/csv.h"
#include "core/number.h"
#include "core/safefile.h"
#include "store/dbcatalog.h"

#include "core/msg.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int usage_error(ps_cli *cli, const char *fmt, va_list ap)
{
    fprintf(stderr, "provstat%s%s: ", cli->command ? " " : "", cli->command ? cli->command : "");
    PS_TABLE_FORMAT_BEGIN
    vfprintf(stderr, fmt, ap);
    PS_TABLE_FORMAT_END
    fputc('\n', stderr);
    if (cli->usage)
        ps_cli_printf(stderr, PS_M_CLI_USAGE_LINE, cli->usage);
    return 2;
}

int ps_cli_usage_error(ps_cli *cli, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    usage_error(cli, fmt, ap);
    va_end(ap);
    return 2;
}

int ps_cli_usage_errm(ps_cli *cli, ps_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    usage_error(cli, ps_msg(id), ap);
    va_end(ap);
    return 2;
}

void ps_cli_printf(FILE *f, ps_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    PS_TABLE_FORMAT_BEGIN
    vfprintf(f, ps_msg(id), ap);
    PS_TABLE_FORMAT_END
    va_end(ap);
}

int ps_cli_fail(ps_cli *cli, const ps_ctx *ctx)
{
    (void)cli;
    fprintf(stderr, "provstat: %s\n", ps_ctx_message(ctx));
    return ps_exit_code(ctx->err);
}

bool ps_cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

int ps_cli_help(const ps_command *cmd)
{
    ps_cli_printf(stdout, PS_M_CLI_USAGE_LINE, cmd->usage);
    putchar('\n');
    ps_cli_printf(stdout, cmd->summary);
    fputs("\n\n", stdout);
    ps_cli_printf(stdout, cmd->help);
    return 0;
}

static int open_db(ps_cli *cli, const ps_db_opts *opts, ps_db **db)
{
    ps_ctx ctx = {0};
    ps_error err = ps_db_open(db, cli->db_path, opts, &ctx);
    if (err)
        return ps_cli_fail(cli, &ctx);
    return 0;
}

int ps_cli_open_db(ps_cli *cli, bool create, bool readonly, ps_db **db)
{
    ps_db_opts opts = {create, readonly, false, 0};
    return open_db(cli, &opts, db);
}

static int open_catalog(ps_cli *cli, const ps_db_opts *opts, ps_db **db, ps_catalog **cat)
{
    int rc = open_db(cli, opts, db);
    if (rc)
        return rc;
    ps_ctx ctx = {0};
    if (ps_db_catalog_load(*db, cat, &ctx)) {
        ps_db_close(*db);
        *db = NULL;
        return ps_cli_fail(cli, &ctx);
    }
    return 0;
}

int ps_cli_open_catalog(ps_cli *cli, bool readonly, ps_db **db, ps_catalog **cat)
{
    ps_db_opts opts = {false, readonly, false, 0};
    return open_catalog(cli, &opts, db, cat);
}

int ps_cli_open_query(ps_cli *cli, ps_db **db, ps_catalog **cat)
{
    ps_db_opts opts = {false, true, true, 0};
    return open_catalog(cli, &opts, db, cat);
}

int ps_cli_engine(ps_cli *cli, ps_db *db, const ps_catalog *cat, ps_period horizon, int scope, ps_engine **e)
{
    ps_ctx ctx = {0};
    if (ps_engine_new(db, cat, e, &ctx))
        return ps_cli_fail(cli, &ctx);
    if (horizon.type != PS_P_NONE)
        ps_engine_set_horizon(*e, horizon);
    if (scope >= 0)
        ps_engine_set_scope(*e, scope);
    return 0;
}

void ps_cli_keep_rollups(ps_engine *e)
{
    ps_ctx ctx = {0};
    bool saved;
    if (ps_engine_save(e, &saved, &ctx))
        ps_cli_printf(stderr, PS_M_CLI_PROVSTAT_NOTE_COMPUTED_ROLL,
                ps_ctx_message(&ctx));
}

static void print_one(const ps_diag *x)
{
    if (x->line > 0)
        fprintf(stderr, "%s:%ld:%d: %s: %s\n", x->path, x->line, x->column,
                ps_severity_name(x->severity), x->message);
    else
        fprintf(stderr, "%s: %s: %s\n", x->path, ps_severity_name(x->severity), x->message);
}

/* The first of each severity printed, all of them counted. */
typedef struct printed {
    size_t shown[2], total[2];
} printed;

static void print_first(const ps_diag *x, void *arg)
{
    enum { LIMIT = 50 };
    printed *p = arg;
    int s = x->severity == PS_SEV_ERROR ? 0 : 1;
    p->total[s]++;
    if (p->shown[s] < LIMIT) {
        print_one(x);
        p->shown[s]++;
    }
}

void ps_cli_print_diags(const ps_diags *d, bool errors_csv)
{
    printed p = {{0, 0}, {0, 0}};
    ps_diags_each(d, print_first, &p);
    size_t *shown = p.shown, *total = p.total;
    for (int s = 0; s < 2; s++)
        if (total[s] > shown[s])
            ps_cli_printf(stderr, s ? PS_M_CLI_MORE_WARNINGS : PS_M_CLI_MORE_ERRORS, total[s] - shown[s],
                          total[s] - shown[s] == 1 ? "" : "s", errors_csv ? ps_msg(PS_M_CLI_MORE_HINT) : "");
}

int ps_cli_errors_csv_open(const char *path, ps_safefile **sf)
{
    ps_ctx ctx = {0};
    if (ps_safefile_open(sf, path, &ctx)) {
        ps_cli_printf(stderr, PS_M_CLI_PROVSTAT_ERRORS_CSV, ps_ctx_message(&ctx));
        return ps_exit_code(ctx.err);
    }
    return 0;
}

ps_error ps_cli_errors_csv_write(const ps_diags *d, ps_safefile *sf, bool bom, ps_ctx *ctx)

{
    ps_diags_write_csv(d, ps_safefile_stream(sf, 0), bom);
    return ps_safefile_commit(sf, ctx);
}

bool ps_cli_parse_count(const char *s, long long max, long long *out)
{
    if (!s || !*s)
        return false;
    long long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        int d = *p - '0';
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

bool ps_outfmt_parse(const char *s, ps_outfmt *out)
{
    if (strcmp(s, "table") == 0)
        *out = PS_OUT_TABLE;
    else if (strcmp(s, "csv") == 0)
        *out = PS_OUT_CSV;
    else if (strcmp(s, "json") == 0)
        *out = PS_OUT_JSON;
    else
        return false;
    return true;
}

int ps_cli_period_required(ps_cli *cli, const char *text, ps_period *out)
{
    if (!text)
        return ps_cli_usage_errm(cli, PS_M_CLI_PERIOD_P_REQUIRED);
    return ps_cli_period_arg(cli, "--period", text, out) ? 0 : 2;
}

void ps_cli_refresh_warning(const char *what, const char *why)
{
    ps_cli_printf(stderr,
            PS_M_CLI_PROVSTAT_WARNING_STORED_BUT,
            what, why);
}

int ps_cli_unit_arg(ps_cli *cli, const ps_catalog *cat, const char *text, int *out)
{
    *out = text ? ps_catalog_unit(cat, text) : cat->top;
    if (*out >= 0 || !text)
        return 0;
    int near = ps_catalog_unit_suggest(cat, text);
    if (near >= 0)
        return ps_cli_usage_errm(cli, PS_M_CLI_UNIT_NOT_UNIT_CATALOG, text,
                                  cat->units[near].code, cat->units[near].name_vi);
    return ps_cli_usage_errm(cli, PS_M_CLI_UNIT_NOT_UNIT_CATALOG_2, text);
}

bool ps_cli_period_arg(ps_cli *cli, const char *opt, const char *text, ps_period *out)
{
    char msg[256];
    if (ps_period_parse(text, out, msg, sizeof msg))
        return true;
    ps_cli_usage_error(cli, "%s %s: %s", opt, text, msg);
    return false;
}
