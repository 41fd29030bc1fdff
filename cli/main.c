/* main.c - provstat's entry point: global options and the command table. */
#include "cli/cli.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const ps_command ps_commands[] = {
    {"init", ps_cmd_init, "init --catalog DIR",
     "Create the database and load the catalog from DIR (units.csv, reporters.csv,\n"
     "indicators.csv and an optional rules.csv). Run again to update the catalog;\n"
     "stored data are kept.",
     "options:\n"
     "  --catalog DIR   the catalog folder\n"},
    {"catalog", ps_cmd_catalog, "catalog units|reporters|indicators|rules [--format table|csv|json]",
     "List the catalog. The csv form has the catalog file's columns and loads again.",
     "options:\n"
     "  --format F      table (default), csv or json\n"},
    {"ingest", ps_cmd_ingest,
     "ingest FILE... --reporter CODE [--unit U] [--period P] [--number-format plain|vi|en]\n"
     "                [--encoding utf-8|cp1258] [--partial] [--dry-run] [--force] [--errors-csv F] [--received DATE]",
     "Check and store submission files. Every problem is reported as file:line:column;\n"
     "a file with an error stores nothing unless --partial is given.",
     "options:\n"
     "  --reporter CODE        who sent the files (required)\n"
     "  --unit U               the unit, for files without a unit column\n"
     "  --period P             the period, for files without a period column\n"
     "  --number-format F      plain (1234.5, default), vi (1.234,5; default for ; files), en (1,234.5)\n"
     "  --encoding E           utf-8 (default) or cp1258 (legacy Vietnamese Excel)\n"
     "  --partial              store the good rows of a file with errors\n"
     "  --dry-run              check everything, store nothing\n"
     "  --force                revise another reporter's value or a closed period (recorded)\n"
     "  --errors-csv F         write every diagnostic to F as CSV\n"
     "  --received DATE        when the office sent the file (YYYY-MM-DD; default now)\n"},
    {"status", ps_cmd_status, "status --period P [--missing [--reporter R] [--as-of DATE]] [--format table|csv|json]",
     "Per reporter: the values expected for the period, received, missing, on time\n"
     "or late (by the reporter's deadline_day of the following month), and the rate.\n"
     "With --missing: every value still expected and not received, one row each, with\n"
     "its deadline and the days it is late (empty before the deadline).",
     "options:\n  --period P      a month, quarter, half, year or year-to-date\n"
     "  --missing       list the values still expected instead of the counts\n"
     "  --reporter R    with --missing: only reporter R\n"
     "  --as-of DATE    with --missing: count days late from DATE (YYYY-MM-DD; default today)\n"
     "  --format F      table (default), csv or json\n"},
    {"history", ps_cmd_history, "history --unit U --indicator X --period P [--measure actual|plan] [--format table|csv|json]",
     "Every revision of one value, oldest first, with who sent it, from which file and line.", ""},
    {"retract", ps_cmd_retract,
     "retract --unit U --indicator X --period P --reporter CODE [--measure actual|plan] [--force]\n"
     "       | --submission N --reporter CODE [--force]",
     "Withdraw a value, or every value submission N brought that is still in force:\n"
     "an empty revision is recorded; the earlier values stay in the history. --force\n"
     "withdraws another reporter's value or one in a closed period (recorded), never\n"
     "one outside the reporter's scope or list.", ""},
    {"close", ps_cmd_close, "close --period P [--unit U]",
     "Lock U (default: the top unit) and every unit below it for P and every month\n"
     "inside P, once the official figures are in. Rows for a closed period are refused\n"
     "unless ingest is given --force.", ""},
    {"reopen", ps_cmd_reopen, "reopen --period P [--unit U]", "Remove a lock made by close.", ""},
    {"backup", ps_cmd_backup, "backup FILE [--force]",
     "Write a consistent copy of the database to FILE, even while others write.\n"
     "An existing FILE is replaced only with --force.", ""},
    {"show", ps_cmd_show, "show --period P [--unit U] [--indicator X] [--format table|csv|json] [--bom]",
     "Values with every comparison: year-to-date, plan, index on the same period last\n"
     "year, attainment of the plan with the pace, share of the parent.",
     "options:\n  --period P      the period\n  --unit U        one unit (default: every unit)\n"
     "  --indicator X   one indicator (default: all)\n  --format F      table (default), csv or json\n"
     "  --bom           with csv: start with a UTF-8 byte-order mark (for Excel)\n"},
    {"check", ps_cmd_check, "check --period P [--errors-csv F]",
     "Check a period: the rules of rules.csv on every unit's values, submitted totals\n"
     "that differ from the roll-up of their parts by more than 0.5%, and outliers\n"
     "against each unit's own history. Exit status 1 when a rule of severity error fails.", ""},
    {"trend", ps_cmd_trend, "trend --indicator X [--unit U] --from P --to P [--format table|json]",
     "One indicator of one unit over a range of periods: the series with its indices on\n"
     "the previous year and period, compound annual growth over the full years, the\n"
     "linear trend (slope, intercept, R²) and two year-end projections. Periods before\n"
     "a boundary change show comparable values, so the fit matches the table.",
     "options:\n"
     "  --indicator X   the indicator (required)\n"
     "  --unit U        the unit (default: the top unit)\n"
     "  --from P        the first period: a month, quarter, half or year (required)\n"
     "  --to P          the last period, of the same kind (required)\n"
     "  --format F      table (default) or json\n"},
    {"export", ps_cmd_export,
     "export --period P | --from P --to P --format long|wide|sdmx --out FILE [--level L] [--unit U] [--by unit] [--bom]",
     "Write computed values (submitted, rolled up over units and time, derived) as CSV.\n"
     "long: one row per unit, indicator and period that has a value, plus the annual\n"
     "plans, with status, coverage and flags; it loads again with ingest. wide:\n"
     "indicators x periods for one unit, or units x indicators for one period (--by unit).\n"
     "sdmx: SDMX-CSV 1.0, dataflow PROVSTAT:DF_PROVINCE(1.0), MEASURE actual or plan.",
     "options:\n"
     "  --period P       the period to export\n"
     "  --from P --to P  every period of that type from P to P (same type)\n"
     "  --format F       long, wide or sdmx\n"
     "  --out FILE       the CSV file (written to a temporary file, then renamed); - for standard output\n"
     "  --level L        export units down to level L (nation, region, province, district, commune);\n"
     "                   default: the unit and the level just below it\n"
     "  --unit U         the unit to start from (default: the top unit); the unit of the wide form\n"
     "  --by unit        wide form: one row per unit, one column per indicator (a single period)\n"
     "  --bom            start the file with a UTF-8 byte-order mark (for Excel)\n"},
    {"report", ps_cmd_report, "report --period P --out FILE.xlsx [--lang vi|en] [--unit U]",
     "Write the report workbook of unit U (default: the top unit) for period P: summary table,\n"
     "by district, trends with charts, reporting, data and notes sheets. The file is written\n"
     "under a temporary name and renamed, so a failure never leaves a half-written report.\n"
     "With SOURCE_DATE_EPOCH set, the same data give the same file.",
     "options:\n"
     "  --period P      a month (2016-07), quarter, half, year or year-to-date\n"
     "  --out FILE      the workbook to write (.xlsx)\n"
     "  --lang L        vi (default) or en\n"
     "  --unit U        the unit to report on (default: the top unit)\n"},
    {"template", ps_cmd_template,
     "template --reporter R --period P --out FILE.xlsx|FILE.csv [--measure plan] [--lang vi|en]",
     "Write the blank form reporter R fills for period P: one row per value due from it\n"
     "(exactly what status expects), with the previous period's and last year's values\n"
     "for reference. In the workbook the codes, names and references are locked and each\n"
     "value cell takes a number in the indicator's range and decimals or a mark (- .. x).\n"
     "A filled template ingests as it is.",
     "options:\n"
     "  --reporter R    the reporter whose form it is\n"
     "  --period P      the period (a year with --measure plan)\n"
     "  --out FILE      FILE.xlsx (a workbook) or FILE.csv\n"
     "  --measure plan  the annual plan's form: flow and stock indicators, last year's plan\n"
     "                  and actual for reference\n"
     "  --lang L        vi (default, or en when PROVSTAT_LANG=en) or en\n"},
    {NULL, NULL, NULL, NULL, NULL}};

static void program_usage(FILE *out)
{
    fputs("usage: provstat [--db FILE] COMMAND [options]\n\n"
          "provstat checks the monthly figures of districts and departments, keeps every\n"
          "value with its history, rolls them up and writes the monthly report.\n\n"
          "commands:\n", out);
    for (const ps_command *c = ps_commands; c->name; c++)
        fprintf(out, "  %-9s %s\n", c->name, c->usage + strlen(c->name) + (c->usage[strlen(c->name)] ? 1 : 0));
    fputs("\nglobal options:\n"
          "  --db FILE    the database (default $PROVSTAT_DB, else provstat.db here)\n"
          "  --help       this text; `provstat COMMAND --help` for a command\n"
          "  --version    the version\n"
          "\nexit status: 0 done, 1 data refused or a check failed, 2 wrong usage,\n"
          "3 file or database error\n", out);
}

int main(int argc, char **argv)
{
    /* grow the heap in large steps: a report makes tens of thousands of
     * small allocations, and 128 KiB steps cost a system call each */
    mallopt(M_TOP_PAD, 8 << 20);
    ps_cli cli = {0};
    const char *env = getenv("PROVSTAT_DB");
    cli.db_path = env && *env ? env : "provstat.db";
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--db") == 0) {
            if (i + 1 >= argc || !*argv[i + 1]) {
                fputs("provstat: --db needs a file name\n", stderr);
                program_usage(stderr);
                return 2;
            }
            cli.db_path = argv[++i];
        } else if (strncmp(a, "--db=", 5) == 0) {
            if (!a[5]) {
                fputs("provstat: --db needs a file name\n", stderr);
                return 2;
            }
            cli.db_path = a + 5;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            program_usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("provstat %s\n", PS_VERSION);
            return 0;
        } else if (a[0] == '-') {
            fprintf(stderr, "provstat: unknown option %s\n", a);
            program_usage(stderr);
            return 2;
        } else {
            break;
        }
    }
    if (i >= argc) {
        fputs("provstat: no command given\n", stderr);
        program_usage(stderr);
        return 2;
    }
    for (const ps_command *c = ps_commands; c->name; c++) {
        if (strcmp(c->name, argv[i]) == 0) {
            cli.command = c->name;
            cli.usage = c->usage;
            if (ps_cli_wants_help(argc - i, argv + i))
                return ps_cli_help(c);
            int rc = c->run(&cli, argc - i, argv + i);
            if (fflush(stdout) != 0 || ferror(stdout)) {
                perror("provstat: writing standard output");
                return 3;
            }
            return rc;
        }
    }
    fprintf(stderr, "provstat: unknown command %s\n", argv[i]);
    program_usage(stderr);
    return 2;
}
