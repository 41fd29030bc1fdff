/* main.c - provstat's entry point: global options and the command table. */
#include "cli/cli.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const ps_command ps_commands[] = {
    {"init", ps_cmd_init, "init --catalog DIR",
     PS_M_H_INIT, PS_M_HO_INIT},
    {"catalog", ps_cmd_catalog, "catalog units|reporters|indicators|rules [--format table|csv|json]",
     PS_M_H_CATALOG, PS_M_HO_CATALOG},
    {"ingest", ps_cmd_ingest, "ingest FILE... --reporter CODE [--unit U] [--period P] [--number-format plain|vi|en]\n"
     "                [--encoding utf-8|cp1258] [--partial] [--dry-run] [--force] [--errors-csv F [--bom]] [--received DATE]",
     PS_M_H_INGEST, PS_M_HO_INGEST},
    {"status", ps_cmd_status, "status --period P [--missing [--reporter R] [--as-of DATE]] [--format table|csv|json]",
     PS_M_H_STATUS, PS_M_HO_STATUS},
    {"history", ps_cmd_history, "history --unit U --indicator X --period P [--measure actual|plan] [--format table|csv|json]",
     PS_M_H_HISTORY, PS_M_HO_HISTORY},
    {"retract", ps_cmd_retract, "retract --unit U --indicator X --period P --reporter CODE [--measure actual|plan] [--force]\n"
     "       | --submission N --reporter CODE [--force]",
     PS_M_H_RETRACT, PS_M_HO_RETRACT},
    {"close", ps_cmd_close, "close --period P [--unit U]",
     PS_M_H_CLOSE, PS_M_HO_CLOSE},
    {"reopen", ps_cmd_reopen, "reopen --period P [--unit U]",
     PS_M_H_REOPEN, PS_M_HO_CLOSE},
    {"backup", ps_cmd_backup, "backup FILE [--force]",
     PS_M_H_BACKUP, PS_M_HO_BACKUP},
    {"user", ps_cmd_user, "user add LOGIN (--reporter R | --role leader|admin) | user passwd LOGIN | user remove LOGIN | user list",
     PS_M_H_USER, PS_M_HO_USER},
    {"serve", ps_cmd_serve, "serve [--listen ADDR:PORT] [--max-upload MIB] [--secure-cookies]",
     PS_M_H_SERVE, PS_M_HO_SERVE},
    {"show", ps_cmd_show, "show --period P [--unit U] [--indicator X] [--format table|csv|json] [--bom]",
     PS_M_H_SHOW, PS_M_HO_SHOW},
    {"check", ps_cmd_check, "check --period P [--errors-csv F]",
     PS_M_H_CHECK, PS_M_HO_CHECK},
    {"trend", ps_cmd_trend, "trend --indicator X [--unit U] --from P --to P [--format table|json]",
     PS_M_H_TREND, PS_M_HO_TREND},
    {"export", ps_cmd_export, "export --period P | --from P --to P --format long|wide|sdmx --out FILE [--level L] [--unit U] [--by unit] [--bom]",
     PS_M_H_EXPORT, PS_M_HO_EXPORT},
    {"report", ps_cmd_report, "report --period P --out FILE.xlsx [--lang vi|en] [--unit U]",
     PS_M_H_REPORT, PS_M_HO_REPORT},
    {"template", ps_cmd_template,
     "template --reporter R --period P --out FILE.xlsx|FILE.csv [--measure plan] [--lang vi|en]",
     PS_M_H_TEMPLATE, PS_M_HO_TEMPLATE},
    {NULL, NULL, NULL, 0, 0}};

static void program_usage(FILE *out)
{
    ps_cli_printf(out, PS_M_MAIN_USAGE);
    for (const ps_command *c = ps_commands; c->name; c++)
        fprintf(out, "  %-9s %s\n", c->name, c->usage + strlen(c->name) + (c->usage[strlen(c->name)] ? 1 : 0));
    ps_cli_printf(out, PS_M_MAIN_GLOBAL_OPTIONS);
}

/* Prints "provstat: message" and, when usage, the program's usage; returns 2. */
static int global_error(bool usage, ps_msg_id id, const char *arg)
{
    fputs("provstat: ", stderr);
    ps_cli_printf(stderr, id, arg);
    fputc('\n', stderr);
    if (usage)
        program_usage(stderr);
    return 2;
}

/* The value of the option name ("--db") at argv[*i], given as "--db VALUE"
 * or "--db=VALUE": NULL when argv[*i] is another argument; "" when the
 * value is missing or empty. *i moves past what was taken. */
static const char *option_value(const char *name, int argc, char **argv, int *i)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n])
        return NULL;
    if (*i + 1 >= argc)
        return "";
    return argv[++*i];
}

/* The global option at argv[*i] (--db or --lang, before or after the
 * command): 1 taken, 0 not a global option, 2 after a usage error. */
static int global_option(ps_cli *cli, int argc, char **argv, int *i)
{
    const char *v;
    if ((v = option_value("--db", argc, argv, i))) {
        if (!*v)
            return global_error(false, PS_M_MAIN_DB_NEEDS_FILE, NULL);
        cli->db_path = v;
        return 1;
    }
    return option_value("--lang", argc, argv, i) ? 1 : 0;
}

/* The language of messages and of documents for readers (SPEC §4):
 * --lang anywhere before "--", else PROVSTAT_LANG, else (messages only)
 * the locale variables; documents default to Vietnamese. 0, or 2 after a
 * usage error for a value that is neither vi nor en, said in the language
 * the sources after the bad one choose. */
static int choose_lang(ps_cli *cli, int argc, char **argv)
{
    const char *opt = NULL;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *v = option_value("--lang", argc, argv, &i);
        if (v)
            opt = v;
    }
    const char *env = getenv("PROVSTAT_LANG");
    ps_lang lang = ps_lang_from_locale(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG")), env_lang;
    if (env && *env && ps_lang_parse(env, &env_lang))
        lang = env_lang; /* a bad --lang is said in the language asked for next */
    ps_lang_set(lang);
    cli->doc_lang = PS_LANG_VI;
    if (opt) {
        if (!*opt)
            return global_error(false, PS_M_MAIN_LANG_NEEDS_VALUE, NULL);
        if (!ps_lang_parse(opt, &lang))
            return global_error(false, PS_M_MAIN_BAD_LANG, opt);
    } else if (env && *env) {
        if (!ps_lang_parse(env, &lang))
            return global_error(false, PS_M_MAIN_BAD_LANG_ENV, env);
    } else {
        return 0;
    }
    ps_lang_set(lang);
    cli->doc_lang = lang;
    return 0;
}

/* Takes the global options that follow the command out of argv (up to
 * "--"); returns the new argc, or -1 after a usage error. */
static int strip_global_options(ps_cli *cli, int argc, char **argv)
{
    int out = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[out++] = argv[i++];
            break;
        }
        int r = global_option(cli, argc, argv, &i);
        if (r == 2)
            return -1;
        if (r == 0)
            argv[out++] = argv[i];
    }
    argv[out] = NULL;
    return out;
}

static int run(ps_cli *cli, const ps_command *c, int argc, char **argv)
{
    cli->command = c->name;
    cli->usage = c->usage;
    argc = strip_global_options(cli, argc, argv);
    if (argc < 0)
        return 2;
    if (ps_cli_wants_help(argc, argv))
        return ps_cli_help(c);
    int rc = c->run(cli, argc, argv);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "provstat: %s: %s\n", ps_msg(PS_M_MAIN_WRITING_STDOUT), strerror(errno));
        return 3;
    }
    return rc;
}

int main(int argc, char **argv)
{
    /* grow the heap in large steps: a report makes tens of thousands of
     * small allocations, and 128 KiB steps cost a system call each */
    mallopt(M_TOP_PAD, 8 << 20);
    ps_cli cli = {0};
    const char *env = getenv("PROVSTAT_DB");
    cli.db_path = env && *env ? env : "provstat.db";
    if (choose_lang(&cli, argc, argv))
        return 2;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        int r = global_option(&cli, argc, argv, &i);
        if (r == 2)
            return 2;
        if (r == 1)
            continue;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            program_usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("provstat %s\n", PS_VERSION);
            return 0;
        } else if (a[0] == '-') {
            return global_error(true, PS_M_MAIN_UNKNOWN_OPTION, a);
        } else {
            break;
        }
    }
    if (i >= argc)
        return global_error(true, PS_M_MAIN_NO_COMMAND, NULL);
    for (const ps_command *c = ps_commands; c->name; c++)
        if (strcmp(c->name, argv[i]) == 0)
            return run(&cli, c, argc - i, argv + i);
    return global_error(true, PS_M_MAIN_UNKNOWN_COMMAND, argv[i]);
}
