/* cmd_user.c - `provstat user add|passwd|remove|list`: the portal's accounts
 * (SPEC §7, §9). Passwords come from standard input, never the command line. */
#include "core/msg.h"
#include "access/accounts.h"
#include "access/password.h"
#include "cli/cli.h"
#include "cli/listing.h"
#include "cli/opts.h"
#include "store/account.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Reads one line of standard input into buf without its line end; with
 * echo off on a terminal. False at the end of input or for a line too long. */
static bool read_line(const char *prompt, char *buf, size_t size)
{
    bool tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty && tcgetattr(STDIN_FILENO, &old) == 0) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        fprintf(stderr, "%s", prompt);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    } else {
        tty = false;
    }
    bool ok = fgets(buf, (int)size, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!ok)
        return false;
    size_t n = strcspn(buf, "\r\n");
    if (buf[n] == '\0' && n == size - 1)
        return false; /* no line end within the buffer: too long */
    buf[n] = '\0';
    return true;
}

/* The new password: the first line of standard input; on a terminal it is
 * asked twice. 0, or the exit status after saying what is wrong. */
static int read_password(ps_cli *cli, char *pw, size_t size)
{
    char again[PS_PASSWORD_MAX + 2];
    if (!read_line(ps_msg(PS_M_USER_PROMPT), pw, size))
        return ps_cli_usage_errm(cli, PS_M_USER_NO_PASSWORD,
                                  PS_PASSWORD_MAX);
    if (isatty(STDIN_FILENO) && (!read_line(ps_msg(PS_M_USER_PROMPT_AGAIN), again, sizeof again) ||
                                 strcmp(pw, again) != 0))
        return ps_cli_usage_errm(cli, PS_M_USER_DIFFER);
    return 0;
}

typedef struct add_args {
    const char *login, *reporter, *role;
} add_args;

/* `user add LOGIN (--reporter R | --role leader|admin)`: the login first. */
static int parse_add(ps_cli *cli, int argc, char **argv, add_args *a)
{
    static const struct option longopts[] = {
        {"reporter", required_argument, NULL, 'r'}, {"role", required_argument, NULL, 'o'}, {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    if (argc < 2 || argv[1][0] == '-')
        return ps_cli_usage_errm(cli, PS_M_USER_LOGIN_FIRST);
    a->login = argv[1];
    argc--; /* the options follow the login */
    argv++;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1) {
        if (c == '?')
            return 2;
        if (c == 'r')
            a->reporter = optarg;
        else
            a->role = optarg;
    }
    if (optind != argc)
        return ps_cli_usage_errm(cli, PS_M_USER_EXTRA, argv[optind]);
    if (!a->reporter == !a->role)
        return ps_cli_usage_errm(cli, PS_M_USER_ROLE_OR_REPORTER);
    return 0;
}

static int user_add(ps_cli *cli, int argc, char **argv)
{
    add_args a;
    ps_role role = PS_ROLE_OFFICE;
    int rc = parse_add(cli, argc, argv, &a);
    if (rc)
        return rc;
    if (a.role && (!ps_role_parse(a.role, &role) || role == PS_ROLE_OFFICE))
        return ps_cli_usage_errm(cli, PS_M_USER_BAD_ROLE);
    char pw[PS_PASSWORD_MAX + 2];
    ps_db *db;
    ps_catalog *cat;
    if ((rc = read_password(cli, pw, sizeof pw)) || (rc = ps_cli_open_catalog(cli, false, &db, &cat)))
        return rc;
    ps_ctx ctx = {0};
    ps_account made;
    if (ps_account_create(db, cat, a.login, role, a.reporter, pw, &made, &ctx))
        rc = ps_cli_fail(cli, &ctx);
    else
        ps_cli_printf(stdout, *made.reporter ? PS_M_USER_ADDED_OFFICE : PS_M_USER_ADDED, made.login,
                      *made.reporter ? made.reporter : ps_role_name(role));
    memset(pw, 0, sizeof pw);
    ps_catalog_free(cat);
    ps_db_close(db);
    return rc;
}

/* `user passwd LOGIN` and `user remove LOGIN`. */
static int user_change(ps_cli *cli, int argc, char **argv, bool remove)
{
    static const struct option longopts[] = {{NULL, 0, NULL, 0}};
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1)
        if (c == '?')
            return 2;
    if (optind != argc - 1)
        return ps_cli_usage_errm(cli, PS_M_USER_ONE_LOGIN);
    const char *login = argv[optind];
    char pw[PS_PASSWORD_MAX + 2];
    ps_db *db;
    int rc = remove ? 0 : read_password(cli, pw, sizeof pw);
    if (rc || (rc = ps_cli_open_db(cli, false, false, &db)))
        return rc;
    ps_ctx ctx = {0};
    ps_error err = remove ? ps_account_remove(db, login, &ctx) : ps_account_password(db, login, pw, &ctx);
    if (err)
        rc = ps_cli_fail(cli, &ctx);
    else
        ps_cli_printf(stdout, remove ? PS_M_USER_REMOVED : PS_M_USER_PASSWORD_CHANGED, login);
    memset(pw, 0, sizeof pw);
    ps_db_close(db);
    return rc;
}

static void list_row(const ps_account *a, void *arg)
{
    char until[32] = "";
    if (a->locked_until > time(NULL)) {
        time_t t = (time_t)a->locked_until;
        struct tm tm;
        strftime(until, sizeof until, "%Y-%m-%dT%H:%M:%S", localtime_r(&t, &tm));
    }
    const char *cells[4] = {a->login, ps_role_name(a->role), a->reporter, until};
    ps_listing_row(arg, cells);
}

static int user_list(ps_cli *cli, int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
    static const char *const header[4] = {"login", "role", "reporter", "locked_until"};
    ps_outfmt fmt = PS_OUT_TABLE;
    int c;
    while ((c = ps_opts_next(cli, argc, argv, longopts)) != -1)
        if (c == '?')
            return 2;
        else if (!ps_outfmt_parse(optarg, &fmt))
            return ps_cli_usage_errm(cli, PS_M_USER_BAD_FORMAT, optarg);
    if (optind != argc)
        return ps_cli_usage_errm(cli, PS_M_USER_LIST_NO_ARG);
    ps_db *db;
    int rc = ps_cli_open_db(cli, false, true, &db);
    if (rc)
        return rc;
    ps_listing l;
    ps_listing_begin(&l, fmt, 4, header, NULL, true, false);
    ps_ctx ctx = {0};
    if (ps_account_each(db, list_row, &l, &ctx))
        rc = ps_cli_fail(cli, &ctx);
    ps_listing_end(&l);
    ps_db_close(db);
    return rc;
}

int ps_cmd_user(ps_cli *cli, int argc, char **argv)
{
    if (argc < 2)
        return ps_cli_usage_errm(cli, PS_M_USER_WHAT);
    const char *what = argv[1];
    argc--;
    argv++;
    if (strcmp(what, "add") == 0)
        return user_add(cli, argc, argv);
    if (strcmp(what, "passwd") == 0)
        return user_change(cli, argc, argv, false);
    if (strcmp(what, "remove") == 0)
        return user_change(cli, argc, argv, true);
    if (strcmp(what, "list") == 0)
        return user_list(cli, argc, argv);
    return ps_cli_usage_errm(cli, PS_M_USER_UNKNOWN, what);
}
