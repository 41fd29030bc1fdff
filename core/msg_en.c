/* msg_en.c - every text provstat shows, in English (core/msg.h).
 *
 * Indexed by the ids of core/msg.h. The default texts of the diagnostic
 * codes (PS_M_D_*) are plain text; every other text is a printf format.
 */
#include "core/msg_int.h"

const char *const ps_msg_en[PS_M_COUNT_] = {
    /* the diagnostic codes' default texts (core/diag_codes.def) */
    [PS_M_D_MALFORMED_CSV] = "the CSV is malformed",
    [PS_M_D_FIELD_COUNT] = "the row has a different number of fields than the header",
    [PS_M_D_BAD_ENCODING] = "the text is not valid UTF-8",
    [PS_M_D_MISSING_COLUMN] = "a required column is missing",
    [PS_M_D_DUPLICATE_COLUMN] = "a column appears twice in the header",
    [PS_M_D_UNKNOWN_COLUMN] = "the column is not known and is ignored",
    [PS_M_D_EMPTY_FILE] = "the file has no header row",
    [PS_M_D_MISSING_FIELD] = "a required field is empty",
    [PS_M_D_BAD_CODE] = "the code has characters that are not allowed",
    [PS_M_D_DUPLICATE_CODE] = "the code appears twice",
    [PS_M_D_UNKNOWN_PARENT] = "the parent is not a unit",
    [PS_M_D_MULTIPLE_TOP] = "more than one unit has no parent",
    [PS_M_D_CYCLE] = "the units' parents form a cycle",
    [PS_M_D_BAD_LEVEL] = "the level is not valid",
    [PS_M_D_LEVEL_ORDER] = "the unit's level is not below its parent's",
    [PS_M_D_BAD_VALIDITY] = "the validity range is not valid",
    [PS_M_D_BAD_SUCCESSOR] = "the successor is not valid",
    [PS_M_D_BAD_KIND] = "the indicator kind is not valid",
    [PS_M_D_BAD_AGGREGATION] = "the aggregation rule is not valid",
    [PS_M_D_BAD_FREQUENCY] = "the frequency is not valid",
    [PS_M_D_BAD_DECIMALS] = "decimals must be a whole number from 0 to 6",
    [PS_M_D_BAD_FORMULA] = "the formula does not parse",
    [PS_M_D_FORMULA_UNKNOWN] = "the formula names an unknown indicator",
    [PS_M_D_FORMULA_CYCLE] = "the formula depends on itself",
    [PS_M_D_NO_POP] = "per_capita needs a POP indicator",
    [PS_M_D_BAD_WEIGHT] = "the weight of wmean is not an indicator",
    [PS_M_D_BAD_SCOPE] = "the reporter's scope unit does not exist",
    [PS_M_D_BAD_INDICATOR_LIST] = "the reporter's list names a derived or unknown indicator",
    [PS_M_D_BAD_DEADLINE] = "deadline_day must be from 1 to 28",
    [PS_M_D_BAD_RULE] = "the rule is not valid",
    [PS_M_D_CATALOG_CHANGE] = "the change would contradict stored data",
    [PS_M_D_UNKNOWN_UNIT] = "the unit is not in the catalog",
    [PS_M_D_UNKNOWN_INDICATOR] = "the indicator is not in the catalog",
    [PS_M_D_OUT_OF_SCOPE] = "the unit is outside the reporter's scope",
    [PS_M_D_NOT_ALLOWED] = "the reporter may not send this indicator",
    [PS_M_D_OTHER_REPORTER] = "the value was first sent by another reporter",
    [PS_M_D_UNIT_NOT_VALID] = "the unit did not exist in that period",
    [PS_M_D_BAD_PERIOD] = "the period is not valid",
    [PS_M_D_PERIOD_TOO_SHORT] = "the period is shorter than the indicator's frequency",
    [PS_M_D_BAD_NUMBER] = "the value is not a number",
    [PS_M_D_AMBIGUOUS_NUMBER] = "the value can be read two ways",
    [PS_M_D_OUT_OF_RANGE] = "the value is outside the indicator's valid range",
    [PS_M_D_DERIVED_SUBMITTED] = "a derived indicator is computed, never submitted",
    [PS_M_D_DUPLICATE_ROW] = "the same unit, indicator, period and measure appear twice in the file",
    [PS_M_D_BAD_MEASURE] = "measure must be actual or plan",
    [PS_M_D_BAD_STATUS] = "status must be A, P or E",
    [PS_M_D_BAD_FLAGS] = "the flags are not known",
    [PS_M_D_PERIOD_CLOSED] = "the period is closed",
    [PS_M_D_RULE_FAILED] = "a consistency rule does not hold",
    [PS_M_D_OUTLIER] = "the value is an outlier against the unit's history",
    [PS_M_D_BIG_CHANGE] = "the value changed by more than 50% on the same period last year",
    [PS_M_D_INCOMPLETE_SOURCE] = "the exported value had coverage below 1",
    [PS_M_D_TOTAL_MISMATCH] = "a submitted total differs from the roll-up of its parts",
    [PS_M_D_BAD_COVERAGE] = "coverage must be a number from 0 to 1",
    [PS_M_D_NUMBER_LIMIT] = "the value's magnitude is above 10^15, or below 10^-9 without being 0",
    [PS_M_D_NO_VALUES] = "the file holds no values",
    [PS_M_D_DATE_PERIOD] = "a date in the period column was read as its month",
    [PS_M_D_UNREADABLE_FILE] = "the file is neither a CSV nor an .xlsx workbook that can be read",

    /* core/error.c */
    [PS_M_E_OK] = "no error",
    [PS_M_E_USAGE] = "wrong usage",
    [PS_M_E_REFUSED] = "data refused",
    [PS_M_E_CHECK] = "a check found problems",
    [PS_M_E_IO] = "file error",
    [PS_M_E_DB] = "database error",
    [PS_M_E_BUSY] = "the database is locked by another process",
    [PS_M_E_NOT_FOUND] = "not found",
    [PS_M_E_SCHEMA] = "not a provstat database, or made by a newer provstat",
    [PS_M_E_LIMIT] = "an output limit was reached",
    [PS_M_E_INTERNAL] = "internal error",
    [PS_M_E_UNKNOWN] = "unknown error",
    /* core/diag.c */
    [PS_M_UNKNOWN_PROBLEM] = "unknown problem",
    /* cli/main.c: the program's and the commands' help */
    [PS_M_MAIN_USAGE] = 
        "usage: provstat [--db FILE] COMMAND [options]\n"
        "\n"
        "provstat checks the monthly figures of districts and departments, keeps every\n"
        "value with its history, rolls them up and writes the monthly report.\n"
        "\n"
        "commands:\n",
    [PS_M_MAIN_GLOBAL_OPTIONS] = 
        "\n"
        "global options:\n"
        "  --db FILE    the database (default $PROVSTAT_DB, else provstat.db here)\n"
        "  --lang L     the language of messages: vi or en (default $PROVSTAT_LANG, else the locale)\n"
        "  --help       this text; `provstat COMMAND --help` for a command\n"
        "  --version    the version\n"
        "\n"
        "exit status: 0 done, 1 data refused or a check failed, 2 wrong usage,\n"
        "3 file or database error\n",
    [PS_M_MAIN_DB_NEEDS_FILE] = "--db needs a file name",
    [PS_M_MAIN_LANG_NEEDS_VALUE] = "--lang needs vi or en",
    [PS_M_MAIN_BAD_LANG] = "--lang %s: use vi or en",
    [PS_M_MAIN_BAD_LANG_ENV] = "PROVSTAT_LANG=%s: use vi or en, or leave it unset",
    [PS_M_MAIN_UNKNOWN_OPTION] = "unknown option %s",
    [PS_M_MAIN_NO_COMMAND] = "no command given",
    [PS_M_MAIN_UNKNOWN_COMMAND] = "unknown command %s",
    [PS_M_MAIN_WRITING_STDOUT] = "writing standard output",
    [PS_M_H_INIT] = 
        "Create the database and load the catalog from DIR (units.csv, reporters.csv,\n"
        "indicators.csv and an optional rules.csv). Run again to update the catalog;\n"
        "stored data are kept.",
    [PS_M_HO_INIT] = 
        "options:\n"
        "  --catalog DIR   the catalog folder\n",
    [PS_M_H_CATALOG] = "List the catalog. The csv form has the catalog file's columns and loads again.",
    [PS_M_HO_CATALOG] = 
        "options:\n"
        "  --format F      table (default), csv or json\n",
    [PS_M_H_INGEST] = 
        "Check and store submission files. Every problem is reported as file:line:column;\n"
        "a file with an error stores nothing unless --partial is given.",
    [PS_M_HO_INGEST] = 
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
        "  --bom                  with --errors-csv: start F with a UTF-8 byte-order mark (for Excel)\n"
        "  --received DATE        when the office sent the file (YYYY-MM-DD; default now)\n",
    [PS_M_H_STATUS] = 
        "Per reporter: the values expected for the period, received, missing, on time\n"
        "or late (by the reporter's deadline_day of the following month), and the rate.\n"
        "With --missing: every value still expected and not received, one row each, with\n"
        "its deadline and the days it is late (empty before the deadline).",
    [PS_M_HO_STATUS] = 
        "options:\n"
        "  --period P      a month, quarter, half, year or year-to-date\n"
        "  --missing       list the values still expected instead of the counts\n"
        "  --reporter R    with --missing: only reporter R\n"
        "  --as-of DATE    with --missing: count days late from DATE (YYYY-MM-DD; default today)\n"
        "  --format F      table (default), csv or json\n",
    [PS_M_H_HISTORY] = "Every revision of one value, oldest first, with who sent it, from which file and line.",
    [PS_M_HO_HISTORY] = 
        "options:\n"
        "  --unit U        the unit (required)\n"
        "  --indicator X   the indicator (required)\n"
        "  --period P      the period (required)\n"
        "  --measure M     actual (default) or plan\n"
        "  --format F      table (default), csv or json\n",
    [PS_M_H_RETRACT] = 
        "Withdraw a value, or every value submission N brought that is still in force:\n"
        "an empty revision is recorded; the earlier values stay in the history. --force\n"
        "withdraws another reporter's value or one in a closed period (recorded), never\n"
        "one outside the reporter's scope or list.",
    [PS_M_HO_RETRACT] = 
        "options:\n"
        "  --unit U          the unit\n"
        "  --indicator X     the indicator\n"
        "  --period P        the period\n"
        "  --submission N    every value of submission N still in force (instead of U, X and P)\n"
        "  --reporter CODE   the reporter that withdraws (required)\n"
        "  --measure M       actual (default) or plan\n"
        "  --force           retract another reporter's value or in a closed period (recorded)\n",
    [PS_M_H_CLOSE] = 
        "Lock U (default: the top unit) and every unit below it for P and every month\n"
        "inside P, once the official figures are in. Rows for a closed period are refused\n"
        "unless ingest is given --force.",
    [PS_M_HO_CLOSE] = 
        "options:\n"
        "  --period P      the period (required)\n"
        "  --unit U        the unit (default: the top unit)\n",
    [PS_M_H_REOPEN] = "Remove a lock made by close.",
    [PS_M_H_BACKUP] = 
        "Write a consistent copy of the database to FILE, even while others write.\n"
        "An existing FILE is replaced only with --force.",
    [PS_M_HO_BACKUP] = 
        "arguments:\n"
        "  FILE            the copy to write\n"
        "options:\n"
        "  --force         replace FILE when it exists\n",
    [PS_M_H_SHOW] = 
        "Values with every comparison: year-to-date, plan, index on the same period last\n"
        "year, attainment of the plan with the pace, share of the parent.",
    [PS_M_HO_SHOW] = 
        "options:\n"
        "  --period P      the period\n"
        "  --unit U        one unit (default: every unit)\n"
        "  --indicator X   one indicator (default: all)\n"
        "  --format F      table (default), csv or json\n"
        "  --bom           with csv: start with a UTF-8 byte-order mark (for Excel)\n",
    [PS_M_H_CHECK] = 
        "Check a period: the rules of rules.csv on every unit's values, submitted totals\n"
        "that differ from the roll-up of their parts by more than 0.5%%, and outliers\n"
        "against each unit's own history. Exit status 1 when a rule of severity error fails.",
    [PS_M_HO_CHECK] = 
        "options:\n"
        "  --period P      the period (required)\n"
        "  --errors-csv F  write every finding to F as CSV\n",
    [PS_M_H_TREND] = 
        "One indicator of one unit over a range of periods: the series with its indices on\n"
        "the previous year and period, compound annual growth over the full years, the\n"
        "linear trend (slope, intercept, R²) and two year-end projections. Periods before\n"
        "a boundary change show comparable values, so the fit matches the table.",
    [PS_M_HO_TREND] = 
        "options:\n"
        "  --indicator X   the indicator (required)\n"
        "  --unit U        the unit (default: the top unit)\n"
        "  --from P        the first period: a month, quarter, half or year (required)\n"
        "  --to P          the last period, of the same kind (required)\n"
        "  --format F      table (default) or json\n",
    [PS_M_H_EXPORT] = 
        "Write computed values (submitted, rolled up over units and time, derived) as CSV.\n"
        "long: one row per unit, indicator and period that has a value, plus the annual\n"
        "plans, with status, coverage and flags; it loads again with ingest. wide:\n"
        "indicators x periods for one unit, or units x indicators for one period (--by unit).\n"
        "sdmx: SDMX-CSV 1.0, dataflow PROVSTAT:DF_PROVINCE(1.0), MEASURE actual or plan.",
    [PS_M_HO_EXPORT] = 
        "options:\n"
        "  --period P       the period to export\n"
        "  --from P --to P  every period of that type from P to P (same type)\n"
        "  --format F       long, wide or sdmx\n"
        "  --out FILE       the CSV file (written to a temporary file, then renamed); - for standard output\n"
        "  --level L        export units down to level L (nation, region, province, district, commune);\n"
        "                   default: the unit and the level just below it\n"
        "  --unit U         the unit to start from (default: the top unit); the unit of the wide form\n"
        "  --by unit        wide form: one row per unit, one column per indicator (a single period)\n"
        "  --bom            start the file with a UTF-8 byte-order mark (for Excel)\n",
    [PS_M_H_REPORT] = 
        "Write the report workbook of unit U (default: the top unit) for period P: summary table,\n"
        "by district, trends with charts, reporting, data and notes sheets. The file is written\n"
        "under a temporary name and renamed, so a failure never leaves a half-written report.\n"
        "With SOURCE_DATE_EPOCH set, the same data give the same file.",
    [PS_M_HO_REPORT] = 
        "options:\n"
        "  --period P      a month (2016-07), quarter, half, year or year-to-date\n"
        "  --out FILE      the workbook to write (.xlsx)\n"
        "  --lang L        vi (default) or en\n"
        "  --unit U        the unit to report on (default: the top unit)\n",
    [PS_M_H_TEMPLATE] = 
        "Write the blank form reporter R fills for period P: one row per value due from it\n"
        "(exactly what status expects), with the previous period's and last year's values\n"
        "for reference. In the workbook the codes, names and references are locked and each\n"
        "value cell takes a number in the indicator's range and decimals or a mark (- .. x).\n"
        "A filled template ingests as it is.",
    [PS_M_HO_TEMPLATE] = 
        "options:\n"
        "  --reporter R    the reporter whose form it is\n"
        "  --period P      the period (a year with --measure plan)\n"
        "  --out FILE      FILE.xlsx (a workbook) or FILE.csv\n"
        "  --measure plan  the annual plan's form: flow and stock indicators, last year's plan\n"
        "                  and actual for reference\n"
        "  --lang L        vi (default, or en when PROVSTAT_LANG=en) or en\n",
    /* cli/common.c */
    [PS_M_CLI_USAGE_LINE] = "usage: provstat [--db FILE] %s\n",
    /* core/catalog.c */
    [PS_M_CAT_FILE_EMPTY_NEEDS_HEADER] = "the file is empty: it needs a header row",
    [PS_M_CAT_COLUMN_NOT_COLUMN_THIS] = "column %s is not a column of this file and is ignored",
    [PS_M_CAT_COLUMN_APPEARS_TWICE_HEADER] = "column %s appears twice in the header",
    [PS_M_CAT_HEADER_HAS_NO_COLUMN] = "the header has no column %s",
    [PS_M_CAT_ROW_HAS_FIELDS_BUT] = "the row has %zu fields but the header has %zu",
    [PS_M_CAT_LEVEL_NOT_ONE_NATION] = "level %s is not one of nation, region, province, district, commune",
    [PS_M_CAT_NOT_PERIOD] = "%s %s is not a period: %s",
    [PS_M_CAT_REPORT_LEVEL_NOT_ONE] = "report_level %s is not one of nation, region, province, district, commune (or empty)",
    [PS_M_CAT_DEADLINE_DAY_MUST_DAY] = "deadline_day %s must be a day from 1 to 28",
    [PS_M_CAT_KIND_NOT_ONE_FLOW] = "kind %s is not one of flow, stock, rate, derived",
    [PS_M_CAT_SPACE_AGG_NOT_ONE] = "space_agg %s is not one of sum, mean, wmean:WEIGHT, min, max, none",
    [PS_M_CAT_TIME_AGG_NOT_ONE] = "time_agg %s is not one of sum, last, mean, none",
    [PS_M_CAT_RATE_RATES_CANNOT_SUMMED] = "%s is a rate: rates cannot be summed over units (use mean, wmean:WEIGHT or none)",
    [PS_M_CAT_RATE_RATES_CANNOT_SUMMED_2] = "%s is a rate: rates cannot be summed over time (use mean, last or none)",
    [PS_M_CAT_DECIMALS_MUST_WHOLE_NUMBER] = "decimals %s must be a whole number from 0 to 6",
    [PS_M_CAT_MIN_NOT_PLAIN_NUMBER] = "min %s is not a plain number (write it like 0 or -12.5)",
    [PS_M_CAT_MAX_NOT_PLAIN_NUMBER] = "max %s is not a plain number (write it like 100 or 1e6)",
    [PS_M_CAT_MIN_ABOVE_MAX] = "min %s is above max %s",
    [PS_M_CAT_ORDER_NOT_NUMBER] = "order %s is not a number",
    [PS_M_CAT_FREQUENCY_NOT_ONE_MONTH] = "frequency %s is not one of month, quarter, half, year",
    [PS_M_CAT_KEY_MUST] = "key %s must be 0 or 1",
    [PS_M_CAT_FORMULA_DOES_NOT_PARSE] = "the formula of %s does not parse: %s",
    [PS_M_CAT_HAS_FORMULA_BUT_NOT] = "%s has a formula but is not derived: only derived indicators have one",
    [PS_M_CAT_DERIVED_BUT_HAS_NO] = "%s is derived but has no formula",
    [PS_M_CAT_OP_NOT_ONE] = "op %s is not one of == != < <= > >=",
    [PS_M_CAT_SEVERITY_MUST_ERROR_WARNING] = "severity %s must be error or warning",
    [PS_M_CAT_RULE_DOES_NOT_PARSE] = "rule %s: %s does not parse: %s",
    [PS_M_CAT_CANNOT_READ_CATALOG_FOLDER] = "cannot read catalog folder %s: %s",
    [PS_M_CAT_CATALOG_NOT_FOLDER_GIVE] = "catalog %s is not a folder: give the folder that holds units.csv, reporters.csv and indicators.csv",
    [PS_M_CAT_UNIT_CODE_MUST_LETTERS] = "unit code \"%s\" must be letters and digits only",
    [PS_M_CAT_UNIT_APPEARS_TWICE_FIRST] = "unit %s appears twice (first on line %ld)",
    [PS_M_CAT_INDICATOR_CODE_MUST_UPPER] = "indicator code \"%s\" must be upper-case letters, digits and _, starting with a letter",
    [PS_M_CAT_INDICATOR_APPEARS_TWICE_FIRST] = "indicator %s appears twice (first on line %ld)",
    [PS_M_CAT_REPORTER_CODE_MUST_UPPER] = "reporter code \"%s\" must be upper-case letters, digits and _, starting with a letter",
    [PS_M_CAT_REPORTER_APPEARS_TWICE_FIRST] = "reporter %s appears twice (first on line %ld)",
    [PS_M_CAT_RULE_CODE_MUST_UPPER] = "rule code \"%s\" must be upper-case letters, digits and _, starting with a letter",
    [PS_M_CAT_RULE_APPEARS_TWICE] = "rule %s appears twice",
    [PS_M_CAT_UNIT_HAS_NO_PARENT] = "unit %s has no parent, but %s (line %ld) is already the top unit: only one unit may have no parent",
    [PS_M_CAT_PARENT_NOT_UNIT] = "parent %s is not a unit",
    [PS_M_CAT_UNIT_BUT_PARENT_CHILD] = "unit %s is a %s but its parent %s is a %s: a child's level must be below its parent's",
    [PS_M_CAT_EVERY_UNIT_HAS_PARENT] = "every unit has a parent: one unit (the province) must have none",
    [PS_M_CAT_PARENTS_FORM_CYCLE] = "the parents form a cycle: %s",
    [PS_M_CAT_UNIT_VALID_FROM_AFTER] = "unit %s is valid from %s, after its end %s",
    [PS_M_CAT_SUCCESSOR_UNIT_NOT_UNIT] = "successor %s of unit %s is not a unit",
    [PS_M_CAT_UNIT_CANNOT_OWN_SUCCESSOR] = "unit %s cannot be its own successor",
    [PS_M_CAT_UNIT_NAMES_SUCCESSOR_BUT] = "unit %s names a successor but has no valid_to: only a unit that ended has a successor",
    [PS_M_CAT_SUCCESSOR_NOT_VALID_AFTER] = "successor %s is not valid in %s, after unit %s ends",
    [PS_M_CAT_FORMULA_NAMES_WHICH_NOT] = "the formula of %s names %s, which is not an indicator; did you mean %s?",
    [PS_M_CAT_FORMULA_NAMES_WHICH_NOT_2] = "the formula of %s names %s, which is not an indicator",
    [PS_M_CAT_WEIGHT_NOT_INDICATOR] = "the weight %s of %s is not an indicator",
    [PS_M_CAT_CANNOT_WEIGHTED_ITSELF] = "%s cannot be weighted by itself",
    [PS_M_CAT_USES_PER_CAPITA_BUT] = "%s uses per_capita, but the catalog has no POP indicator",
    [PS_M_CAT_FORMULA_DEPENDS_ITSELF] = "the formula of %s depends on itself: %s",
    [PS_M_CAT_RULE_USES_PER_CAPITA] = "rule %s uses per_capita, but the catalog has no POP indicator",
    [PS_M_CAT_SCOPE_UNIT_REPORTER_NOT] = "scope unit %s of reporter %s is not a unit",
    [PS_M_CAT_REPORT_LEVEL_REPORTER_ABOVE] = "report_level %s of reporter %s is above its scope unit %s (a %s)",
    [PS_M_CAT_REPORTER_HAS_EMPTY_INDICATOR] = "reporter %s has an empty indicator list: list codes separated by ; or write *",
    [PS_M_CAT_REPORTER_LISTS_WHICH_NOT] = "reporter %s lists %s, which is not an indicator",
    [PS_M_CAT_REPORTER_LISTS_DERIVED_INDICATOR] = "reporter %s lists %s, a derived indicator: derived indicators are computed, never sent",
    [PS_M_CAT_CATALOG_HAS_NO_UNITS] = "the catalog has no units",
    [PS_M_CAT_RULE_DOES_NOT_HOLD] = "rule %s does not hold for %s in %s: %s %s %s is %s %s %s%s%s",
    [PS_M_EMPTY_VALUE] = "(empty)",
    /* core/csv.c */
    [PS_M_CSV_TEXT_NOT_VALID_UTF] = "the text is not valid UTF-8 (byte 0x%02X); if the file was saved by an old Vietnamese Excel, use --encoding cp1258",
    [PS_M_CSV_CANNOT_READ] = "cannot read %s: %s",
    [PS_M_CSV_LINE] = "%s (on line %ld)",
    [PS_M_CSV_QUOTED_FIELD_THAT_STARTS] = "a quoted field that starts on line %ld is still open after %d MiB (an unmatched \"?)",
    [PS_M_CSV_RECORD_LONGER_THAN_MIB] = "the record is longer than %d MiB",
    [PS_M_CSV_QUOTED_FIELD_THAT_STARTS_2] = "a quoted field that starts on this line is never closed (an unmatched \")",
    [PS_M_CSV_QUOTED_FIELD_THAT_STARTS_3] = "a quoted field that starts on line %ld is never closed (an unmatched \")",
    [PS_M_CSV_CSV_DELIMITER_MUST_TAB] = "the CSV delimiter must be ',', ';' or a tab",
    [PS_M_CSV_CANNOT_OPEN] = "cannot open %s: %s",
    /* core/text.c */
    [PS_M_TEXT_UNKNOWN_ENCODING] = "unknown encoding %s",
    [PS_M_TEXT_TEXT_COULD_NOT_CONVERTED] = "the %s text could not be converted",
    [PS_M_TEXT_TEXT_NOT_VALID_BYTE] = "the text is not valid %s (byte 0x%02X at offset %lld)",
    [PS_M_TEXT_TEXT_ENDS_MIDDLE_CHARACTER] = "the %s text ends in the middle of a character (offset %lld)",
    [PS_M_TEXT_TEXT_COULD_NOT_CONVERTED_2] = "the %s text could not be converted at offset %lld",
    [PS_M_TEXT_TEXT_COULD_NOT_CONVERTED_3] = "the %s text could not be converted: %s",
    /* core/number.c */
    [PS_M_NUM_WITH_NUMBER_FORMAT_READS] = "%s with --number-format %s it reads %s",
    [PS_M_NUM_TOO_LONG_NUMBER] = "%s is too long to be a number",
    [PS_M_NUM_HAS_SIGN_BUT_INDICATOR] = "%s has a %% sign, but the indicator's unit is not %%",
    [PS_M_NUM_AMBIGUOUS_PLAIN_NUMBER_VIETNAMESE] = "%s is ambiguous: as a plain number it is %s, in Vietnamese grouping it is %s; the indicator has %d decimal%s. Write %s or use --number-format vi",
    [PS_M_NUM_TOO_LARGE_NUMBER] = "%s is too large to be a number",
    [PS_M_NUM_NOT] = "%s is not %s",
    [PS_M_NUM_DIGIT_GROUPS_MUST_HAVE] = " (digit groups must have three digits)",
    [PS_M_NUM_DESC_VI] = "a number in Vietnamese format (--number-format vi)",
    [PS_M_NUM_DESC_EN] = "a number in English format (--number-format en)",
    [PS_M_NUM_DESC_PLAIN] = "a plain number",
    /* core/period.c */
    [PS_M_PER_NOT_PERIOD_WRITE_YEAR] = "'%s' is not a period: write a year (2016), a half (2016-S1), a quarter (2016-Q3), a month (2016-07) or a year-to-date (2016-YTD07)",
    [PS_M_PER_YEAR_HAS_TOO_MANY] = "the year has too many digits: years are 1900 to 2100",
    [PS_M_PER_YEAR_OUTSIDE] = "year %ld is outside 1900 to 2100",
    [PS_M_PER_MONTH_DOES_NOT_EXIST] = "month %ld does not exist: months are 01 to 12",
    [PS_M_PER_QUARTER_DOES_NOT_EXIST] = "quarter %ld does not exist: quarters are Q1 to Q4",
    [PS_M_PER_HALF_DOES_NOT_EXIST] = "half %ld does not exist: halves are S1 and S2",
    [PS_M_PER_YEAR_DATE_YTD_DOES] = "year-to-date YTD%02ld does not exist: a year-to-date is YTD01 to YTD12 (YTD12 is the year)",
    [PS_M_PER_LOOKS_LIKE_DATE_THAT] = "%s looks like a date that Excel made from a period; write the period as %ld-%02d or %ld-%02d",
    [PS_M_PER_LOOKS_LIKE_DATE_THAT_2] = "%s looks like a date that Excel made from a period; write the period as %ld-%02d",
    [PS_M_PER_ONLY_SDMX_TIME_RANGES] = "only SDMX time ranges starting on 1 January are accepted, such as %ld-01-01/P7M (January to July)",
    [PS_M_PER_SDMX_DURATION_P_C] = "the SDMX duration P%.*s%s%c is not a year-to-date: write P1M to P12M, or P1Y for the year",
    [PS_M_PER_PERIOD_EMPTY] = "the period is empty",
    [PS_M_PER_LOOKS_LIKE_EXCEL_DATE] = "%s looks like an Excel date serial number (%ld-%02d-%02d); write the period as %ld-%02d",
    [PS_M_PER_NOT_PERIOD_WRITE_PERIOD] = "%ld is not a period; write the period as %ld-%02ld",
    [PS_M_PER_NOT_ACCEPTED_SDMX_TIME] = "%s is not an accepted SDMX time range: write it as 2016-01-01/P7M (a year-to-date starting on 1 January)",
    /* core/formula.c */
    [PS_M_FML_NUMBER_BADLY_WRITTEN_CHARACTER] = "a number is badly written at character %zu: %.*s (write a 0 before the '.')",
    [PS_M_FML_NUMBER_BADLY_WRITTEN_CHARACTER_2] = "a number is badly written at character %zu: %.*s",
    [PS_M_FML_NUMBER_CHARACTER_TOO_LARGE] = "the number %.*s at character %zu is too large",
    [PS_M_FML_UNEXPECTED_CHARACTER_CHARACTER_DECIMAL] = "unexpected character ',' at character %zu: the decimal mark in formulas is '.'",
    [PS_M_FML_UNEXPECTED_CHARACTER_CHARACTER] = "unexpected character '%.*s' at character %zu",
    [PS_M_FML_UNEXPECTED_CHARACTER_C_CHARACTER] = "unexpected character '%c' at character %zu",
    [PS_M_FML_UNEXPECTED_CONTROL_CHARACTER_X] = "unexpected control character 0x%02X at character %zu",
    [PS_M_FML_FORMULA_TOO_LONG_CHARACTER] = "the formula is too long at character %zu: more than %d operations follow one another",
    [PS_M_FML_MISSING_OPERAND_BEFORE_C] = "missing operand before '%c' at character %zu",
    [PS_M_FML_FORMULA_EMPTY] = "the formula is empty",
    [PS_M_FML_UNEXPECTED_C_CHARACTER] = "unexpected '%c' at character %zu",
    [PS_M_FML_MISSING_OPERAND_AFTER_C] = "missing operand after '%c' at character %zu",
    [PS_M_FML_EXPECTED_CHARACTER_CLOSE_CHARACTER] = "expected ')' at character %zu to close the '(' at character %zu",
    [PS_M_FML_FORMULA_NESTED_TOO_DEEPLY] = "the formula is nested too deeply at character %zu: at most %d levels of parentheses, functions and signs",
    [PS_M_FML_UNEXPECTED_CHARACTER] = "unexpected ')' at character %zu",
    [PS_M_FML_UNEXPECTED_CHARACTER_EXPECTED_OPERATOR] = "unexpected '(' at character %zu: expected an operator",
    [PS_M_FML_UNEXPECTED_CHARACTER_EXPECTED_OPERATOR_2] = "unexpected %.*s at character %zu: expected an operator",
    [PS_M_FML_UNKNOWN_FUNCTION] = "unknown function %.*s at character %zu: functions are %s",
    /* ingest/row.c */
    [PS_M_ROW_ROW_HAS_FIELDS_BUT] = "the row has %zu fields but the header has %zu (a missing or extra delimiter?)",
    [PS_M_ROW_FLAG_NOT_KNOWN_IGNORED] = "flag \"%s\" is not known and is ignored",
    [PS_M_ROW_UNIT_EMPTY] = "the unit is empty",
    [PS_M_ROW_UNIT_NOT_UNIT_LOOKS] = "unit %s is not a unit of %s; it looks like %s with its leading zeros lost (Excel does this to codes: format the column as text)",
    [PS_M_ROW_UNIT_NOT_UNIT_DID] = "unit %s is not a unit of %s; did you mean %s?",
    [PS_M_ROW_UNIT_NOT_UNIT] = "unit %s is not a unit of %s",
    [PS_M_ROW_UNIT_OUTSIDE_SCOPE_REPORTER] = "unit %s is outside the scope of reporter %s (%s), which reports for %s",
    [PS_M_ROW_INDICATOR_EMPTY] = "the indicator is empty",
    [PS_M_ROW_INDICATOR_NOT_CATALOG_DID] = "indicator %s is not in the catalog; did you mean %s (%s)?",
    [PS_M_ROW_INDICATOR_NOT_CATALOG_SEE] = "indicator %s is not in the catalog (see `provstat catalog indicators`)",
    [PS_M_ROW_DERIVED_COMPUTED_PROVSTAT_NEVER] = "%s is derived (%s): it is computed by provstat, never submitted; remove the row",
    [PS_M_ROW_REPORTER_MAY_NOT_SEND] = "reporter %s may not send %s: its list is %s",
    [PS_M_ROW_UNIT_DID_NOT_EXIST] = "unit %s did not exist in %s: it ended in %s and became part of %s",
    [PS_M_ROW_UNIT_DID_NOT_EXIST_2] = "unit %s did not exist in %s (valid %s to %s)",
    [PS_M_ROW_REPORTED_SHORTER_THAN_THAT] = "%s is reported by %s: %s is shorter than that (send %s values)",
    [PS_M_ROW_MEASURE_MUST_ACTUAL_PLAN] = "measure \"%s\" must be actual or plan",
    [PS_M_ROW_STATUS_MUST_OFFICIAL_P] = "status \"%s\" must be A (official), P (provisional) or E (estimate)",
    [PS_M_ROW_VALUE_NO_STATISTIC_PROVINCE] = "value %s is %s: no statistic of a province is; check the number and its unit of measure",
    [PS_M_ROW_VALUE_BELOW_MINIMUM] = "value %s is below the minimum %s of %s",
    [PS_M_ROW_VALUE_ABOVE_MAXIMUM] = "value %s is above the maximum %s of %s",
    [PS_M_ROW_COVERAGE_MUST_NUMBER_FROM] = "coverage \"%s\" must be a number from 0 to 1 (the share of the value's parts that were reported, as `export --format long` writes it), or empty",
    [PS_M_ROW_EXPORTED_VALUE_HAD_COVERAGE] = "the exported value had coverage %s (below 1): stored with the flag incomplete-source",
    [PS_M_ROW_WAS_FIRST_SENT_ONLY] = "%s %s %s was first sent by %s (%s): only that reporter may revise it (use --force to override; the override is recorded)",
    [PS_M_ROW_CLOSED_OFFICIAL_FIGURES_ARE] = "%s is closed for %s: its official figures are final (use --force to revise it anyway; the override is recorded, or `provstat reopen`)",
    [PS_M_ROW_APPEARS_TWICE_FILE_FIRST] = "%s %s %s %s appears twice in the file (first on line %ld)",
    [PS_M_ROW_ALWAYS] = "always",
    [PS_M_ROW_NOW] = "now",
    [PS_M_ROW_TOO_LARGE] = "too large (its magnitude is above 10^15)",
    [PS_M_ROW_TOO_SMALL] = "too small (its magnitude is below 10^-9 without being 0)",
    [PS_M_ROW_ANOTHER_REPORTER] = "another reporter",
    [PS_M_ROW_BELOW_ONE] = "below 1",
    [PS_M_PASS] = "%s",
    /* ingest/header.c */
    [PS_M_HDR_COLUMN_NOT_SUBMISSION_COLUMN] = "column \"%s\" is not a submission column and is ignored",
    [PS_M_HDR_COLUMN_APPEARS_TWICE_HEADER] = "column %s appears twice in the header (also column %d)",
    [PS_M_HDR_NO_UNIT] = "the header has no unit column (or ma_don_vi); add one or give --unit CODE",
    [PS_M_HDR_NO_INDICATOR] = "the header has no indicator column (or ma_chi_tieu)",
    [PS_M_HDR_NO_PERIOD] = "the header has no period column (or ky); add one or give --period P",
    [PS_M_HDR_NO_VALUE] = "the header has no value column (or gia_tri)",
    /* cli/cmd_ingest.c */
    [PS_M_ING_BYTES] = "\r%s: %lld bytes",
    [PS_M_ING_ALREADY_INGESTED_SUBMISSION_NOTHING] = "%s: already ingested (submission %lld): nothing changed\n",
    [PS_M_ING_ROW_READ_ERROR_FILE] = "%s: %ld row%s read, %zu error%s; file refused: nothing stored%s\n",
    [PS_M_ING_ROW_READ_NEW_REVISED] = "%s: %ld row%s read, %ld new, %ld revised, %ld unchanged",
    [PS_M_ING_STORED] = " (%ld '-' stored as 0)",
    [PS_M_ING_NOT_COLLECTED_X_EMPTY] = ", %ld not collected (%ld '..', %ld 'x', %ld empty)",
    [PS_M_ING_DERIVED_SKIPPED] = ", %ld derived skipped",
    [PS_M_ING_FORCED] = ", %ld forced",
    [PS_M_ING_REFUSED] = ", %ld refused",
    [PS_M_ING_DRY_RUN_NOTHING_STORED] = "; dry run: nothing stored\n",
    [PS_M_ING_FILE_REFUSED_NOTHING_STORED] = "; file refused: nothing stored%s\n",
    [PS_M_ING_STORED_SUBMISSION] = "; stored as submission %lld\n",
    [PS_M_ING_NOTHING_STORE] = "; nothing to store\n",
    [PS_M_ING_NUMBER_FORMAT_USE_PLAIN] = "--number-format %s: use plain, vi or en",
    [PS_M_ING_ENCODING_USE_UTF_CP] = "--encoding %s: use utf-8 or cp1258",
    [PS_M_ING_RECEIVED_WRITE_DATE_YYYY] = "--received %s: write the date as YYYY-MM-DD",
    [PS_M_ING_RECEIVED_THERE_NO_SUCH] = "--received %s: there is no such day in the calendar",
    [PS_M_ING_REPORTER_CODE_REQUIRED_WHO] = "--reporter CODE is required: who sent the file",
    [PS_M_ING_NO_FILE_INGEST] = "no file to ingest",
    [PS_M_ING_INGEST_READS_FILES_NOT] = "ingest reads files, not standard input: save it to a file first",
    [PS_M_ING_PROVSTAT_ERRORS_CSV_WAS] = "provstat: the errors CSV %s was not written, but what was ingested is stored: %s\n",
    [PS_M_ING_USE_PARTIAL] = " (use --partial to store the good rows)",
    [PS_M_ING_SUBMISSION_OF] = "submission %lld (%s)",
    /* cli/cmd_init.c */
    [PS_M_CLI_UNEXPECTED_ARGUMENT] = "unexpected argument %s",
    [PS_M_INIT_CATALOG_DIR_REQUIRED] = "--catalog DIR is required",
    [PS_M_INIT_PROVSTAT_CATALOG_REFUSED_ERROR] = "provstat: catalog %s refused: %zu error%s; nothing was changed\n",
    [PS_M_INIT_PROVSTAT_CATALOG_REFUSED_CONTRADICTS] = "provstat: catalog %s refused: it contradicts data stored in %s; nothing was changed\n",
    [PS_M_INIT_CATALOG_LOADED_INTO_UNITS] = "catalog %s loaded into %s: %zu units, %zu reporters, %zu indicators, %zu rules\n",
    /* cli/cmd_catalog.c */
    [PS_M_CATL_FORMAT_USE_TABLE_CSV] = "--format %s: use table, csv or json",
    [PS_M_CATL_SAY_WHAT_LIST_UNITS] = "say what to list: units, reporters, indicators or rules",
    [PS_M_CATL_NOT_LIST_USE_UNITS] = "%s is not a list: use units, reporters, indicators or rules",
    /* cli/opts.c */
    [PS_M_OPT_OPTION_NEEDS_VALUE] = "option %s needs a value",
    /* cli/common.c */
    [PS_M_CLI_PROVSTAT_NOTE_COMPUTED_ROLL] = "provstat: note: the computed roll-ups were not kept for the next command (%s)\n",
    [PS_M_CLI_PROVSTAT_ERRORS_CSV] = "provstat: %s (--errors-csv)\n",
    [PS_M_CLI_PERIOD_P_REQUIRED] = "--period P is required",
    [PS_M_CLI_PROVSTAT_WARNING_STORED_BUT] = "provstat: warning: %s: stored, but the kept roll-ups could not be brought up to date (%s); the next query computes them again\n",
    [PS_M_CLI_UNIT_NOT_UNIT_CATALOG] = "--unit %s is not a unit of the catalog (did you mean %s, %s?)",
    [PS_M_CLI_UNIT_NOT_UNIT_CATALOG_2] = "--unit %s is not a unit of the catalog",
    [PS_M_CLI_MORE_ERRORS] = "... and %zu more error%s%s\n",
    [PS_M_CLI_MORE_WARNINGS] = "... and %zu more warning%s%s\n",
    [PS_M_CLI_MORE_HINT] = " (use --errors-csv FILE to see them all)",
    /* cli/cmd_ingest.c: --bom */
    [PS_M_ING_BOM_WITHOUT_ERRORS_CSV] = "--bom goes with --errors-csv FILE (a byte-order mark for Excel)",
    /* core/safefile.c */
    [PS_M_SAFE_CANNOT_WRITE] = "cannot write %s: %s",
    [PS_M_SAFE_CANNOT_WRITE_NOT_REGULAR] = "cannot write %s: it is %s, not a regular file; name a file to write",
    [PS_M_SAFE_CANNOT_WRITE_NO_RANDOM] = "cannot write %s: no random name for the temporary file: %s",
    [PS_M_SAFE_CANNOT_WRITE_CANNOT_CREATE] = "cannot write %s: cannot create a file in the folder %s: %s",
    [PS_M_SAFE_CANNOT_WRITE_NO_FREE] = "cannot write %s: no free temporary name in %s",
    [PS_M_SAFE_NO_OUTPUT_FILE_NAMED] = "no output file named",
    [PS_M_SAFE_CANNOT_WRITE_PATH_NAMES] = "cannot write %s: the path names a folder; name a file in it",
    [PS_M_SAFE_CANNOT_WRITE_TEMPORARY_FILE] = "cannot write %s: the temporary file %s was removed or replaced while it was written",
    [PS_M_SAFE_CANNOT_WRITE_CANNOT_RENAME] = "cannot write %s: cannot rename %s to it: %s",
    [PS_M_SAFE_WAS_WRITTEN_BUT_FOLDER] = "%s was written, but its folder %s could not be synced to disk (%s): a power cut may lose it",
    [PS_M_SAFE_KIND_FOLDER] = "a folder",
    [PS_M_SAFE_KIND_CHAR] = "a character device",
    [PS_M_SAFE_KIND_BLOCK] = "a block device",
    [PS_M_SAFE_KIND_FIFO] = "a FIFO (named pipe)",
    [PS_M_SAFE_KIND_SOCKET] = "a socket",
    [PS_M_SAFE_KIND_OTHER] = "not a regular file",
    /* core/hash.c */
    [PS_M_HASH_SHA_NOT_AVAILABLE_FROM] = "SHA-256 is not available from OpenSSL",
    /* store/db.c */
    [PS_M_DB_DATABASE_LOCKED_ANOTHER_PROVSTAT] = "database %s is locked by another provstat process (%s); try again when it has finished",
    [PS_M_DB_DATABASE_DISK_FULL_FREE] = "database %s: the disk is full (%s); free some space and try again",
    [PS_M_DB_NOT_PROVSTAT_DATABASE_DAMAGED] = "%s is not a provstat database or is damaged: %s",
    [PS_M_DB_DATABASE] = "database %s: %s (%s)",
    [PS_M_DB_DATABASE_WAS_MADE_NEWER] = "database %s was made by a newer provstat (schema %d, this one knows %d): upgrade provstat",
    [PS_M_DB_SQLITE_FILE_BUT_NOT] = "%s is an SQLite file but not a provstat database",
    [PS_M_DB_CANNOT_OPEN_DATABASE] = "cannot open database %s: %s",
    [PS_M_DB_DATABASE_DOES_NOT_EXIST] = "database %s does not exist: create it with `provstat --db %s init --catalog DIR`",
    [PS_M_DB_DATABASE_FOLDER_NOT_FILE] = "database %s is a folder, not a file",
    [PS_M_DB_CANNOT_CREATE_DATABASE_FOLDER] = "cannot create database %s: folder %s does not exist",
    [PS_M_DB_DATABASE_NETWORK_SHARE_SQLITE] = "database %s is on a network share (%s): SQLite's write-ahead log does not work there; keep the database on a local disk",
    [PS_M_DB_CANNOT_READ_DATABASE_SQLITE] = "cannot read database %s: SQLite needs to create %s-shm beside it and the folder is not writable for you; ask for write access to the folder, or work on a copy (provstat --db COPY ...)",
    [PS_M_DB_NOT_PROVSTAT_DATABASE_CREATE] = "%s is not a provstat database: create one with `provstat --db %s init --catalog DIR`",
    [PS_M_DB_CANNOT_WRITE_BACKUP] = "cannot write backup %s: %s",
    [PS_M_DB_BACKUP_FAILED] = "backup to %s failed: %s",
    /* store/dbcatalog.c */
    [PS_M_DBC_HAS_STORED_DATA_CANNOT] = "%s %s has stored data and cannot be dropped from the catalog; put it back in %s",
    [PS_M_DBC_INDICATOR_HAS_STORED_DATA] = "indicator %s has stored data: its %s cannot change from %s to %s",
    [PS_M_DBC_DATABASE_HAS_NO_CATALOG] = "database %s has no catalog yet: run `provstat init --catalog DIR` first",
    [PS_M_DBC_CATALOG_STORED_CONTRADICTS_ITSELF] = "the catalog stored in %s contradicts itself: %s",
    [PS_M_DBC_WHAT_UNIT] = "unit",
    [PS_M_DBC_WHAT_REPORTER] = "reporter",
    [PS_M_DBC_WHAT_INDICATOR] = "indicator",
    /* store/rollup.c */
    [PS_M_RLP_NOT_PROVSTAT_DATABASE_DAMAGED] = "%s is not a provstat database or is damaged: no data generation",
    /* aggregate/check.c */
    [PS_M_CHK_SUBMITTED_TOTAL_DIFFERS_FROM] = "%s %s: the submitted total %s differs from the roll-up of its parts %s by %.1f%%%s",
    [PS_M_CHK_PARTS_INCOMPLETE] = " (the parts are incomplete)",
    /* aggregate/engine.c */
    [PS_M_ENG_ROLL_UPS_COMPUTED_AGAIN] = "the roll-ups computed again were not kept: a computation failed first",
    /* indicators/trend.c */
    [PS_M_TRD_FROM_MUST_BOTH_PERIODS] = "--from and --to must both be periods",
    [PS_M_TRD_FROM_ARE_NOT_SAME] = "--from %s and --to %s are not the same kind of period",
    [PS_M_TRD_TREND_RUNS_OVER_MONTHS] = "a trend runs over months, quarters, halves or years, not year-to-date periods (%s)",
    [PS_M_TRD_FROM_AFTER] = "--from %s is after --to %s",
    [PS_M_TRD_REPORTED_TREND_RUNS_OVER] = "%s is reported by %s: a trend of it runs over %ss or longer periods, not %ss",
    [PS_M_TRD_NO_UNIT_NUMBER_CATALOG] = "no unit number %d in the catalog",
    [PS_M_TRD_NO_INDICATOR_NUMBER_CATALOG] = "no indicator number %d in the catalog",
    /* ingest/history.c */
    [PS_M_HIS_OUTLIER_AGAINST_UNIT_EARLIER] = "%s %s %s = %s is an outlier against the unit's %zu earlier values (modified z-score %.1f > 3.5): check it",
    [PS_M_HIS_F_SAME_PERIOD_LAST] = "%s %s %s = %s is %s%.0f%% on the same period last year (%s): check it",
    /* cli/cmd_show.c */
    [PS_M_SHOW_BOM_GOES_WITH_FORMAT] = "--bom goes with --format csv (a byte-order mark for Excel)",
    [PS_M_CLI_INDICATOR_NOT_IN_CATALOG] = "--indicator %s is not an indicator of the catalog",
    /* cli/cmd_check.c */
    [PS_M_CHECK_CHECK_ERROR_WARNING] = "check %s: %zu error%s, %zu warning%s\n",
    /* cli/cmd_trend.c */
    [PS_M_TREND_FORMAT_USE_TABLE_JSON] = "--format %s: use table or json",
    [PS_M_TREND_INDICATOR_FROM_ARE_REQUIRED] = "--indicator, --from and --to are required",
    [PS_M_TREND_HEADING] = "%s %s (%s), %s %s, %s to %s\n",
    /* cli/cmd_export.c */
    [PS_M_EXP_FORMAT_USE_LONG_WIDE] = "--format %s: use long, wide or sdmx",
    [PS_M_EXP_LEVEL_USE_NATION_REGION] = "--level %s: use nation, region, province, district or commune",
    [PS_M_EXP_ONLY_UNIT_KNOWN] = "--by %s: only --by unit is known",
    [PS_M_EXP_GIVE_EITHER_PERIOD_P] = "give either --period P or --from P --to P, not both",
    [PS_M_EXP_PERIOD_P_FROM_P] = "--period P (or --from P --to P) is required",
    [PS_M_EXP_NEEDS_TOO] = "%s needs %s too",
    [PS_M_EXP_FORMAT_LONG_WIDE_SDMX] = "--format long|wide|sdmx is required",
    [PS_M_EXP_OUT_FILE_REQUIRED_STANDARD] = "--out FILE is required (- for standard output)",
    [PS_M_EXP_UNIT_APPLIES_FORMAT_WIDE] = "--by unit applies to --format wide only",
    [PS_M_EXP_FROM_ARE_NOT_SAME] = "--from %s and --to %s are not of the same type (a %s and a %s)",
    [PS_M_EXP_COMES_BEFORE_FROM] = "--to %s comes before --from %s",
    [PS_M_EXP_UNIT_SINGLE_PERIOD_USE] = "--by unit is for a single period: use --period P",
    [PS_M_EXP_ROWS] = "%s: %ld rows (%s, %s to %s)\n",
    [PS_M_EXP_ROWS_2] = "%s: %ld rows (%s, %s)\n",
    /* core/csv.c: texts passed on */
    [PS_M_CSV_TEXT_AFTER_QUOTE] = "text follows the closing quote of a quoted field; a quote inside a quoted field must be doubled (\"\")",
    [PS_M_CSV_STRAY_QUOTE] = "a quote inside a field that does not start with one; quote the whole field and double the quote (\"\")",
    [PS_M_CSV_NUL_BYTE] = "the text contains a NUL byte (is the file UTF-16? save it as CSV UTF-8); it is not read past this line",
    [PS_M_CSV_UTF16] = "the file is UTF-16 (Excel's \"Unicode Text\"); save it as CSV UTF-8",
    /* ingest/retract.c */
    /* ingest/period_lock.c */
    [PS_M_LOCK_WAS_NOT_CLOSED_NOTHING] = "%s was not closed for %s: nothing to reopen (a lock is reopened with the --period and --unit it was closed with)",
    /* ingest/ingest.c */
    [PS_M_INGF_REPORTER_NOT_CATALOG_SEE] = "reporter %s is not in the catalog (see `provstat catalog reporters`)",
    [PS_M_INGF_PERIOD] = "--period %s: %s",
    /* cli/cmd_data.c */
    [PS_M_DATA_UNKNOWN_OPTION_FORMAT] = "unknown option --format",
    [PS_M_DATA_UNIT_INDICATOR_PERIOD_ARE] = "--unit, --indicator and --period are required",
    [PS_M_DATA_MEASURE_USE_ACTUAL_PLAN] = "--measure %s: use actual or plan",
    [PS_M_DATA_HISTORY_TAKES_NO_REPORTER] = "history takes no --reporter, --force or --submission",
    [PS_M_DATA_NO_VALUE_STORED] = "(no value stored for %s %s %s %s)\n",
    [PS_M_DATA_REPORTER_CODE_REQUIRED_WHO] = "--reporter CODE is required: who withdraws the value",
    [PS_M_DATA_REPORTER_NOT_REPORTER_CATALOG] = "--reporter %s is not a reporter of the catalog",
    [PS_M_DATA_RETRACTED_REVISION_HAS_NO] = "retracted %s %s %s (%s): revision %d has no value; the earlier values stay in the history\n",
    [PS_M_DATA_ONLY_PERIOD_UNIT_ARE] = "only --period and --unit are allowed",
    [PS_M_DATA_REOPENED] = "reopened %s for %s (%s)\n",
    [PS_M_DATA_GIVE_ONE_FILE_WRITE] = "give one file to write the backup to",
    [PS_M_DATA_BACKUP_WRITTEN] = "backup of %s written to %s\n",
    [PS_M_DATA_CLOSED] = "closed %s for %s (%s) and every unit below it\n",
    [PS_M_DATA_ALREADY_CLOSED] = "already closed: %s for %s (%s) and every unit below it\n",
    /* cli/cmd_status.c */
    [PS_M_STATUS_REPORTING_FOR] = "Reporting for %s\n",
    /* export/csv_out.c */
    [PS_M_XCSV_NO_PERIOD_EXPORT] = "no period to export",
    [PS_M_XCSV_ARE_NOT_SAME_TYPE] = "%s and %s are not of the same type (a %s and a %s): a range runs between two periods of one type",
    [PS_M_XCSV_RANGE_ENDS_BEFORE_STARTS] = "the range ends (%s) before it starts (%s)",
    [PS_M_XCSV_ENGINE_GAVE_UNIT_THAT] = "the engine gave %s of %s for unit %s that cannot be written (value %g, coverage %g, status %d)",
    [PS_M_XCSV_UNIT_NOT_CATALOG] = "unit %s is not in the catalog",
    [PS_M_XCSV_UNKNOWN_EXPORT_FORMAT] = "unknown export format %d",
    [PS_M_XCSV_UNIT_APPLIES_WIDE_FORM] = "by unit applies to the wide form only",
    [PS_M_XCSV_WIDE_FORM_UNIT_SINGLE] = "the wide form by unit is for a single period (the range has %d)",
    [PS_M_XCSV_CANNOT_WRITE_WRITE_ERROR] = "cannot write %s: write error",
    /* export/report_cells.c */
    [PS_M_XCELL_CANNOT_WRITE_SHEET_WOULD] = "cannot write %s: sheet %s would need more than Excel's 1,048,576 rows or 16,384 columns",
    [PS_M_XCELL_CANNOT_WRITE_TEXT_SHEET] = "cannot write %s: a text on sheet %s is longer than Excel's 32,767 characters",
    [PS_M_XCELL_CANNOT_WRITE_SHEET] = "cannot write %s: %s (sheet %s)",
    [PS_M_XCELL_CANNOT_WRITE_CANNOT_ADD] = "cannot write %s: cannot add the sheet %s",
    [PS_M_XLSX_NO_MEMORY_FORMATS] = "cannot write %s: out of memory for formats",
    /* export/report_file.c */
    [PS_M_XFILE_CANNOT_WRITE_CANNOT_START] = "cannot write %s: cannot start the workbook",
    /* export/sheet_district.c */
    [PS_M_XDIST_CANNOT_WRITE_KEY_INDICATORS] = "cannot write %s: %d key indicators need more than Excel's 16,384 columns",
    /* export/sheet_trends.c */
    [PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD] = "cannot write %s: cannot add a chart",
    [PS_M_XTRD_CANNOT_WRITE_CANNOT_ADD_2] = "cannot write %s: cannot add a chart series",
    /* export/xlsx_report.c */
    [PS_M_XRPT_CANNOT_WRITE_DATA_ROWS] = "cannot write %s: %zu data rows would need %d Data sheets",
    [PS_M_XRPT_LANGUAGE_USE_VI_EN] = "language %s: use vi or en",
    [PS_M_XRPT_REPORT_NEEDS_VALID_PERIOD] = "the report needs a valid period",
    [PS_M_XRPT_REPORT_NEEDS_UNIT_CATALOG] = "the report needs a unit of the catalog",
    [PS_M_XRPT_REPORT_NEEDS_FILE_NAME] = "the report needs a file name",
    /* cli/cmd_report.c */
    [PS_M_RPT_OUT_FILE_XLSX_REQUIRED] = "--out FILE.xlsx is required",
    [PS_M_RPT_OUT_WORKBOOK_CANNOT_GO] = "--out -: a workbook cannot go to standard output; name a file (--out FILE.xlsx)",
    [PS_M_RPT_PROVSTAT_REPORT_SOURCE_DATE] = "provstat report: SOURCE_DATE_EPOCH=%s is not a number of seconds since 1970\n",
    [PS_M_RPT_PROVSTAT_CATALOG_HAS_NO] = "provstat: the catalog has no units; run init --catalog DIR first\n",
    [PS_M_RPT_PROVSTAT_REPORT_WARNING_TEXT] = "provstat report: warning: %ld text%s longer than Excel's 32,767 characters %s shortened in %s\n",
    /* core/alloc.c */
    [PS_M_OUT_OF_MEMORY] = "out of memory",
    /* store/db.c: what the database was doing */
    [PS_M_DBW_PREPARING_STATEMENT] = "preparing a statement",
    [PS_M_DBW_RUNNING_STATEMENT] = "running a statement",
    [PS_M_DBW_READING_SCHEMA_VERSION] = "reading the schema version",
    [PS_M_DBW_STARTING_WRITE_TRANSACTION] = "starting a write transaction",
    [PS_M_DBW_COMMITTING] = "committing",
    [PS_M_DBW_STARTING_READ] = "starting a read",
    /* store/dbcatalog.c: what the database was doing */
    [PS_M_DBW_CHECKING_CATALOG_CHANGES] = "checking catalog changes",
    [PS_M_DBW_READING_CATALOG_ENTRIES] = "reading catalog entries",
    [PS_M_DBW_DROPPING_CATALOG_ENTRIES] = "dropping catalog entries",
    [PS_M_DBW_SAVING_RULES] = "saving rules",
    [PS_M_DBW_READING_CATALOG] = "reading the catalog",
    [PS_M_DBW_LOADING_UNITS] = "loading units",
    [PS_M_DBW_LOADING_INDICATORS] = "loading indicators",
    [PS_M_DBW_LOADING_REPORTERS] = "loading reporters",
    [PS_M_DBW_LOADING_RULES] = "loading rules",
    /* store/obs.c: what the database was doing */
    [PS_M_DBW_STORING_VALUES] = "storing values",
    [PS_M_DBW_LOOKING_UP_EARLIER_SUBMISSIONS] = "looking up earlier submissions",
    [PS_M_DBW_RECORDING_SUBMISSION] = "recording the submission",
    [PS_M_DBW_READING_STORED_VALUE] = "reading a stored value",
    [PS_M_DBW_KEEPING_EARLIER_VALUE] = "keeping the earlier value",
    [PS_M_DBW_STORING_VALUE] = "storing a value",
    [PS_M_DBW_RECORDING_OVERRIDE] = "recording an override",
    [PS_M_DBW_UNDOING_VALUES] = "undoing values",
    [PS_M_DBW_UNDOING_VALUE] = "undoing a value",
    [PS_M_DBW_RESTORING_EARLIER_VALUE] = "restoring an earlier value",
    [PS_M_DBW_READING_VALUES] = "reading values",
    [PS_M_DBW_FINDING_LINE_VALUE] = "finding the line of a value",
    [PS_M_DBW_READING_CLOSED_PERIODS] = "reading closed periods",
    [PS_M_DBW_READING_OVERRIDES] = "reading overrides",
    [PS_M_DBW_READING_LATEST_VALUES] = "reading the latest values",
    [PS_M_DBW_READING_COVERAGE] = "reading a coverage",
    /* store/query.c: what the database was doing */
    [PS_M_DBW_READING_HISTORY] = "reading the history",
    [PS_M_DBW_READING_RECEIPTS] = "reading receipts",
    /* store/rollup.c: what the database was doing */
    [PS_M_DBW_READING_KEPT_ROLL_UPS] = "reading kept roll-ups",
    [PS_M_DBW_DROPPING_KEPT_ROLL_UPS] = "dropping kept roll-ups",
    [PS_M_DBW_READING_KEPT_REPORTING_COUNTS] = "reading kept reporting counts",
    [PS_M_DBW_DROPPING_KEPT_REPORTING_COUNTS] = "dropping kept reporting counts",
    [PS_M_DBW_KEEPING_ROLL_UPS] = "keeping roll-ups",
    [PS_M_DBW_KEEPING_REPORTING_COUNTS] = "keeping reporting counts",
    /* store: what the database was doing, more */
    [PS_M_DBW_SAVING_UNITS] = "saving units",
    [PS_M_DBW_SAVING_INDICATORS] = "saving indicators",
    [PS_M_DBW_SAVING_REPORTERS] = "saving reporters",
    [PS_M_DBW_CLOSING_PERIOD] = "closing a period",
    [PS_M_DBW_REOPENING_PERIOD] = "reopening a period",
    /* cli/cmd_show.c, cmd_trend.c: the header row of a terminal table (cli/listing.c) */
    [PS_M_TH_UNIT] = "unit",
    [PS_M_TH_INDICATOR] = "indicator",
    [PS_M_TH_UNIT_MEASURE] = "unit of measure",
    [PS_M_TH_VALUE] = "value",
    [PS_M_TH_YTD] = "ytd",
    [PS_M_TH_PLAN] = "plan",
    [PS_M_TH_PCT_LAST_YEAR] = "%% last year",
    [PS_M_TH_YTD_PCT_LAST_YEAR] = "ytd %% last year",
    [PS_M_TH_PCT_PLAN] = "%% plan",
    [PS_M_TH_PACE] = "pace",
    [PS_M_TH_PCT_PARENT] = "%% of parent",
    [PS_M_TH_FLAGS] = "flags",
    [PS_M_TH_PERIOD] = "period",
    [PS_M_TH_INDEX_PREV_YEAR] = "index_prev_year",
    [PS_M_TH_INDEX_PREV_PERIOD] = "index_prev_period",
    /* cli/cmd_status.c: the header row of its terminal table */
    [PS_M_TH_REPORTER] = "reporter",
    [PS_M_TH_NAME] = "name",
    [PS_M_TH_EXPECTED] = "expected",
    [PS_M_TH_RECEIVED] = "received",
    [PS_M_TH_MISSING] = "missing",
    [PS_M_TH_ON_TIME] = "on_time",
    [PS_M_TH_LATE] = "late",
    [PS_M_TH_RATE_PCT] = "rate %%",
    /* cli/cmd_trend.c: the fit below the table */
    [PS_M_TREND_FIT_SLOPE] = "slope",
    [PS_M_TREND_FIT_INTERCEPT] = "intercept",
    [PS_M_TREND_FIT_R2] = "r2",
    [PS_M_TREND_FIT_CAGR] = "cagr",
    [PS_M_TREND_FIT_YEAR_END_LINEAR] = "year_end_linear",
    [PS_M_TREND_FIT_YEAR_END_LINEAR_SE] = "year_end_linear_se",
    [PS_M_TREND_FIT_YEAR_END_SEASONAL] = "year_end_seasonal",
    [PS_M_TREND_FIT_PER] = " per %s",
    [PS_M_TREND_FIT_FOR] = " for %s",
    [PS_M_TREND_FIT_PERCENT] = " %%",
    /* core/period.c: the words for period types */
    [PS_M_PER_WORD_MONTH] = "month",
    [PS_M_PER_WORD_QUARTER] = "quarter",
    [PS_M_PER_WORD_HALF] = "half",
    [PS_M_PER_WORD_YEAR] = "year",
    [PS_M_PER_WORD_YTD] = "year-to-date",
    /* cli/cmd_data.c: the header row of history's terminal table */
    [PS_M_TH_MEASURE] = "measure",
    [PS_M_TH_REVISION] = "revision",
    [PS_M_TH_STATUS] = "status",
    [PS_M_TH_SUBMISSION] = "submission",
    [PS_M_TH_FILE] = "file",
    [PS_M_TH_LINE] = "line",
    [PS_M_TH_RECEIVED_AT] = "received",
    [PS_M_TH_CURRENT] = "current",
    [PS_M_STATUS_MISSING_FOR] = "Missing for %s as of %s: %zu values\n",
    [PS_M_STATUS_MISSING_FOR_ONE] = "Missing for %s as of %s: %zu value\n",
    [PS_M_STATUS_REPORTER_NOT_REPORTER] = "--reporter %s is not a reporter of the catalog (see `provstat catalog reporters`)",
    [PS_M_STATUS_GOES_WITH_MISSING] = "%s goes with --missing (the values still expected)",
    [PS_M_STATUS_AS_OF_BAD_DAY] = "--as-of %s: write a day that exists as YYYY-MM-DD",
    [PS_M_STATUS_NO_CLOCK] = "today's date cannot be read from the clock; give --as-of YYYY-MM-DD",
    [PS_M_TH_DEADLINE] = "deadline",
    [PS_M_TH_DAYS_LATE] = "days_late",
    [PS_M_RPT_OUT_MUST_BE_XLSX] = "--out %s: a report is an Excel workbook; name it FILE.xlsx",
    [PS_M_ING_RECEIVED_IN_FUTURE] = "--received %s: the date is in the future; give the day the office sent the file (YYYY-MM-DD, no later than tomorrow)",
    [PS_M_DATA_SUBMISSION_ALONE] = "--submission N withdraws a whole submission: give no --unit, --indicator, --period or --measure with it",
    [PS_M_DATA_SUBMISSION_BAD_NUMBER] = "--submission %s: give the number of a submission (as `ingest` printed it)",
    [PS_M_DATA_RETRACTED_SUBMISSION] = "retracted submission %lld: %ld value%s withdrawn",
    [PS_M_DATA_RETRACTED_FORCED] = " (%ld through --force, recorded)",
    [PS_M_DATA_RETRACTED_AS_SUBMISSION] = " as submission %lld; the earlier values stay in the history\n",
    [PS_M_DATA_BACKUP_EXISTS] = "%s exists: give --force to replace it with the backup, or name a new file",
    [PS_M_TMPL_REPORTER_REQUIRED] = "--reporter CODE is required: whose form it is",
    [PS_M_TMPL_OUT_REQUIRED] = "--out FILE.xlsx or FILE.csv is required",
    [PS_M_TMPL_OUT_BAD_SUFFIX] = "--out %s: a template is a workbook (.xlsx) or a CSV file (.csv); name the file so",
    [PS_M_TMPL_MEASURE_USE_PLAN] = "--measure %s: use plan (or actual, the default)",
    [PS_M_TMPL_PLAN_NEEDS_YEAR] = "--measure plan: a plan is for a year, and %s is not one (--period %d)",
    [PS_M_TMPL_ROWS_WRITTEN] = "%s: %ld row%s\n",
    [PS_M_RET_OUT_OF_SCOPE] = "%s: unit %s is outside the scope of reporter %s, which reports for %s (--force overrides ownership and closed periods, never a reporter's scope)",
    [PS_M_RET_NOT_IN_LIST] = "%s: reporter %s may not send %s: its list is %s (--force overrides ownership and closed periods, never a reporter's list)",
    [PS_M_RET_NO_VALUE] = "%s has no value to retract",
    [PS_M_RET_SENT_BY_OTHER] = "%s was sent by %s: only that reporter may retract it (or use --force)",
    [PS_M_RET_CLOSED] = "%s is closed (the lock on %s): its official figures are final (use --force to retract it anyway; the override is recorded, or `provstat reopen`)",
    [PS_M_RET_NO_SUCH_SUBMISSION] = "--submission %lld: there is no such submission",
    [PS_M_RET_SUBMISSION_OTHER] = "--reporter %s: submission %lld was sent by %s; give --reporter %s (or --force to withdraw it as %s, recorded)",
    [PS_M_RET_SUBMISSION_NOTHING] = "submission %lld has no value in force to retract (later submissions revised them, or they were retracted already)",
    [PS_M_RET_SUBMISSION_OUTSIDE] = "submission %lld holds a value outside the catalog",
    [PS_M_LOCK_ALREADY_CLOSED_BY] = "%s is already closed for %s by the lock on %s: nothing changed",
    [PS_M_LOCK_STAYS_CLOSED] = "%s stays closed for %s: the lock on %s is in force; nothing changed (to reopen, `provstat reopen --period %s --unit %s`)",
    [PS_M_RULES_ROW_NOT_STORED] = "; the row is not stored",
    [PS_M_DBW_READING_SUBMISSION] = "reading a submission",
    [PS_M_DBW_READING_SUBMISSION_VALUES] = "reading the values of a submission",
    [PS_M_DBW_KEEPING_RAW_BYTES] = "keeping the file's raw bytes",
    [PS_M_DBW_READING_RAW_BYTES] = "reading the raw bytes of a submission",
    [PS_M_RAW_CANNOT_WRITE_BYTES] = "cannot write the bytes of submission %lld: %s",
    [PS_M_RAW_NO_BYTES_KEPT] = "submission %lld has no raw bytes kept: it stored nothing, or was ingested before provstat kept them",
    [PS_M_DB_READ_ONLY_FOR_YOU] = "database %s is read-only for you (%s): ask for write access to the file, or work on a copy (provstat --db COPY ...)",
    [PS_M_DB_FOLDER_NOT_WRITABLE] = "cannot write database %s (%s): SQLite needs to create %s-wal and %s-shm beside it and the folder is not writable for you; ask for write access to the folder",
    [PS_M_DB_FILE_SIZE_LIMIT] = "database %s: %s (%s); this process may write files of at most %llu bytes (the file-size limit, ulimit -f): raise the limit and try again",
    [PS_M_FT_TEXT] = "the file is text (CSV)",
    [PS_M_FT_UTF16] = "the file is UTF-16 text (Excel's \"Unicode Text\"): open it in Excel and save it as CSV UTF-8 (Comma delimited) or as .xlsx (Excel Workbook)",
    [PS_M_FT_XLSX] = "the file is an Excel workbook (.xlsx)",
    [PS_M_FT_XLSB] = "the file is an Excel binary workbook (.xlsb): open it in Excel and save it as .xlsx (Excel Workbook) or CSV UTF-8",
    [PS_M_FT_ODS] = "the file is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice): open it there and save it as .xlsx (Excel 2007-365) or CSV UTF-8",
    [PS_M_FT_ZIP] = "the file is a zip archive, not a workbook: unpack it and send each CSV or .xlsx file in it on its own",
    [PS_M_FT_XLS] = "the file is an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx (Excel Workbook) or CSV UTF-8",
    [PS_M_FT_ENCRYPTED] = "the file is a password-protected Excel workbook: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the box) and save it as .xlsx",
    [PS_M_FT_PDF] = "the file is a PDF document, from which figures cannot be read: send the CSV or .xlsx file the figures were typed into",
    [PS_M_FT_BINARY] = "the file is neither text nor a workbook provstat knows (it holds binary data): send the figures as CSV UTF-8 or as an .xlsx workbook",
    [PS_M_FT_UNKNOWN] = "the kind of the file is not known: send it as CSV UTF-8 or .xlsx",
    [PS_M_XL_RESAVE] = "open it in Excel and save it again as .xlsx",
    [PS_M_XL_NUMBER_BAD] = "the number cell holds \"%.40s\", which is not a number: the workbook is damaged; %s",
    [PS_M_XL_SHARED_STRING_BEYOND] = "the cell refers to shared string \"%.20s\" but the workbook has %zu: the workbook is damaged; %s",
    [PS_M_XL_BOOL_BAD] = "the true/false cell holds \"%.20s\": the workbook is damaged; %s",
    [PS_M_XL_DATE_BAD] = "the date cell holds \"%.40s\", which is not a date: the workbook is damaged; %s",
    [PS_M_XL_ROW_TOO_LONG] = "the row holds more than %u MiB of text, more than any submission: send the data as CSV UTF-8",
    [PS_M_XL_ROW_NUMBER_BAD] = "%s: the row after row %ld is numbered \"%.20s\", beyond Excel's rows 1 to 1,048,576: the workbook is damaged; %s (%s)",
    [PS_M_XL_ROW_ORDER] = "row %ld comes after row %ld: the workbook is damaged; %s",
    [PS_M_XL_CELL_NAME_BAD] = "a cell is named \"%.20s\", beyond Excel's columns A to XFD and rows 1 to 1,048,576: the workbook is damaged; %s",
    [PS_M_XL_CELL_ORDER] = "the cell comes after a cell to its right in the same row: the workbook is damaged; %s",
    [PS_M_XL_CELL_TYPE] = "the cell has the unknown type \"%.20s\": the workbook is damaged; %s",
    [PS_M_XL_CELL_TOO_LONG] = "the cell holds more than Excel's 32,767 characters: the workbook is damaged; %s",
    [PS_M_XL_NOT_XLSX] = "%s: cannot be read as an .xlsx workbook: %s",
    [PS_M_XL_DAMAGED_ZIP] = "%s: the file is a damaged zip archive (%s), perhaps cut short when it was sent or copied: send it again, or %s",
    [PS_M_XL_TOO_MANY_PARTS] = "%s: the zip archive holds more than %d parts, which no workbook does: send the data sheet alone as .xlsx or CSV UTF-8",
    [PS_M_XL_SHEET_PART_MISSING] = "%s: the sheet \"%s\" is named by the workbook but its part %s is missing: the file is damaged; %s",
    [PS_M_XL_TOO_MANY_STRINGS] = "%s: the workbook has more than %zu shared strings, more than provstat reads: send the data sheet alone, as CSV UTF-8 or as a smaller .xlsx",
    [PS_M_XL_STRING_TOO_LONG] = "%s: shared string %zu is longer than Excel's 32,767 characters: the workbook is damaged; %s",
    [PS_M_XL_WORKBOOK_PART_MISSING] = "%s: the workbook part %s is missing: the file is damaged; %s",
    [PS_M_XL_RELS_MISSING] = "%s: the workbook's list of sheets (the relationships of %s) is missing: the file is damaged; %s",
    [PS_M_XL_NO_WORKSHEET] = "%s: the workbook has no worksheet: put the data in a sheet named \"Dữ liệu\" and save it again",
    [PS_M_XL_TOO_DEEP] = "%s: the part %s nests its XML more than %u levels deep, which no workbook does: the file is damaged or was made to harm; %s",
    [PS_M_XL_DOCTYPE] = "%s: the part %s has a DOCTYPE, which no workbook has: the file is damaged or was made to harm; %s",
    [PS_M_XL_PART_PASSWORD] = "%s: the workbook's part %s is protected by a password: send the workbook without a password",
    [PS_M_XL_PART_TOO_BIG] = "%s: the part %s would inflate to %s, more than the %s provstat reads: the file looks like a zip bomb, not a workbook saved by Excel",
    [PS_M_XL_PART_CANNOT_OPEN] = "%s: the part %s cannot be opened (%s): the workbook is damaged; %s",
    [PS_M_XL_PART_CANNOT_INFLATE] = "%s: the part %s cannot be inflated (%s): the workbook is damaged; %s",
    [PS_M_XL_PART_INFLATES_TOO_MUCH] = "%s: the part %s inflates to more than the %s provstat reads: the file looks like a zip bomb, not a workbook saved by Excel",
    [PS_M_XL_PART_RATIO] = "%s: the part %s inflates more than %u times its compressed size, which no workbook does: the file looks like a zip bomb",
    [PS_M_XL_PART_BAD_XML] = "%s: the part %s is not well-formed XML (line %lu, column %lu: %s): the workbook is damaged; %s",
    [PS_M_XL_SIZE_BYTES] = "%llu bytes",
    [PS_M_XL_SIZE_MIB] = "%llu MiB",
    [PS_M_SRC_CANNOT_BE_READ] = "%s: cannot be read: %s",
    [PS_M_TMPL_NOTHING_DUE] = "nothing is due from %s for %s: no template written (its indicators are due in other periods, or its units are not valid then)",
    [PS_M_TMPL_NOTHING_DUE_PLAN] = "nothing is due from %s for the plan of %s: no template written (its indicators are due in other periods, or its units are not valid then)",
    [PS_M_TMPL_WRITTEN_AS] = "%s: a template is written as .xlsx or .csv; name the file so",
    [PS_M_TMPL_NO_FILE] = "(no file)",
    [PS_M_TMPL_CANNOT_ADD_SHEET] = "cannot write %s: cannot add the sheet",
    [PS_M_CAT_REPORTER_INDEX_NOT_IN_CATALOG] = "reporter %d is not in the catalog",
    [PS_M_EXPECT_BAD_MEASURE] = "measure %d is neither actual nor plan",
    [PS_M_EXPECT_NO_PERIOD] = "no period given for what is expected",
    [PS_M_EXPECT_PLAN_NEEDS_YEAR] = "a plan is for a year: %s is not a year (write %d)",
    [PS_M_STATUS_DEADLINE_NOT_DATE] = "the deadline %s is not a date",
    [PS_M_STATUS_NOT_A_DATE] = "%s is not a date: write YYYY-MM-DD",
    [PS_M_STATUS_NO_DATE] = "(none) is not a date: write YYYY-MM-DD",
    [PS_M_XRPT_NO_DATA_AT_ALL] = "no report written to %s: unit %s (%s) and the units below it hold no data at all; ingest their files first",
    [PS_M_XRPT_NO_DATA_FOR_PERIOD] = "no report written to %s: unit %s (%s) and the units below it hold no data for %s; the latest period with data is %s (--period %s)",
    [PS_M_INPUT_TOO_LARGE] = "%s is larger than %zu MiB, the most provstat reads at once",
    [PS_M_SPILL_FAILED] = "provstat: cannot read or write diagnostics in a temporary file (is /tmp full?)\n",
    [PS_M_ING_WAITING_FOR_OTHER] = "provstat: waiting for another ingest to finish…\n",
    [PS_M_ING_NO_HEADER_ROW] = "no row of the sheet names the columns unit, indicator, period and value (or their Vietnamese names): add a header row above the figures",
    [PS_M_ING_DATE_PERIOD] = "the period cell holds the date %s, read as the month %s; type the period as text (2016-07) to be sure",
    [PS_M_ING_NO_VALUES] = "the file holds no values: every value cell is empty; write the figures (or - for nothing occurred, .. or x for not collected) and send it again",
    [PS_M_LOCK_NAME] = "%s for %s",
    /* the portal */
    [PS_M_PTL_LOGIN_BAD] = "the login \"%.80s\" must be 1 to %d letters, digits, '.', '-', '_' or '@'",
    [PS_M_PTL_ROLE_REPORTER] = "an office's account names its reporter; a leader's or an admin's none",
    [PS_M_PTL_UNKNOWN_REPORTER] = "reporter %s is not in the catalog (see `provstat catalog reporters`)",
    [PS_M_PTL_SODIUM] = "libsodium cannot start (no source of random numbers?)",
    [PS_M_PTL_PW_SHORT] = "the password has %zu characters: it needs at least %d",
    [PS_M_PTL_PW_LONG] = "the password is longer than %d bytes",
    [PS_M_PTL_PW_MEMORY] = "not enough memory to hash the password (Argon2id needs %zu MiB)",
    [PS_M_PTL_NO_ACCOUNT] = "there is no account %s (see `provstat user list`)",
    [PS_M_PTL_ACCOUNT_EXISTS] = "the account %s already exists (change its password with `user passwd`)",
    [PS_M_DBW_ADDING_ACCOUNT] = "adding an account",
    [PS_M_DBW_CHANGING_PASSWORD] = "changing a password",
    [PS_M_DBW_REMOVING_ACCOUNT] = "removing an account",
    [PS_M_DBW_LOCKING_ACCOUNT] = "locking an account",
    [PS_M_DBW_READING_ACCOUNT] = "reading an account",
    [PS_M_DBW_LISTING_ACCOUNTS] = "listing accounts",
    [PS_M_DBW_RECORDING_LOGIN] = "recording a login",
    [PS_M_DBW_COUNTING_FAILURES] = "counting failed logins",
    [PS_M_DBW_READING_LOGINS] = "reading the login record",
    [PS_M_DBW_OPENING_SESSION] = "opening a session",
    [PS_M_DBW_READING_SESSION] = "reading a session",
    [PS_M_DBW_KEEPING_SESSION] = "keeping a session",
    [PS_M_DBW_CLOSING_SESSION] = "closing a session",
    [PS_M_DBW_ENDING_SESSIONS] = "ending idle sessions",
    [PS_M_DBW_LISTING_SUBMISSIONS] = "listing submissions",
    [PS_M_DBW_READING_A_SUBMISSION] = "reading a submission",
    [PS_M_DBW_RECORDING_UPLOAD] = "recording an upload",
    [PS_M_DBW_LISTING_UPLOADS] = "listing uploads",
    [PS_M_USER_PROMPT] = "password: ",
    [PS_M_USER_PROMPT_AGAIN] = "the same password again: ",
    [PS_M_USER_NO_PASSWORD] = "give the password as the first line of standard input (at most %d bytes)",
    [PS_M_USER_DIFFER] = "the two passwords differ: nothing was changed",
    [PS_M_USER_LOGIN_FIRST] = "give the login first: user add LOGIN --reporter R or --role ROLE",
    [PS_M_USER_EXTRA] = "unexpected argument %s: give one login",
    [PS_M_USER_ROLE_OR_REPORTER] = "give either --reporter R (an office) or --role leader|admin",
    [PS_M_USER_BAD_ROLE] = "--role must be leader or admin (an office is --reporter R)",
    [PS_M_USER_ADDED] = "account %s added (%s)\n",
    [PS_M_USER_ADDED_OFFICE] = "account %s added (office of %s)\n",
    [PS_M_USER_ONE_LOGIN] = "give one login",
    [PS_M_USER_REMOVED] = "account %s removed\n",
    [PS_M_USER_PASSWORD_CHANGED] = "password of %s changed\n",
    [PS_M_USER_BAD_FORMAT] = "--format must be table, csv or json, not %s",
    [PS_M_USER_LIST_NO_ARG] = "user list takes no argument",
    [PS_M_USER_WHAT] = "say what to do: user add, passwd, remove or list",
    [PS_M_USER_UNKNOWN] = "%s is not one of add, passwd, remove, list",
    [PS_M_SERVE_READY] = "provstat: serving %s on port %d; stop with Ctrl-C\n",
    [PS_M_SERVE_BAD_UPLOAD] = "--max-upload is a number of MiB from 1 to 2048, not %s",
    [PS_M_SERVE_EXTRA] = "unexpected argument %s",
    [PS_M_SERVE_TMPDIR] = "cannot make a folder for uploads in %s: %s (set TMPDIR)",
    [PS_M_SERVE_CANNOT_WRITE] = "cannot write %s",
    [PS_M_SERVE_BAD_LISTEN] = "--listen %s is not ADDR:PORT (for example 127.0.0.1:8080)",
    [PS_M_SERVE_OOM] = "out of memory",
    [PS_M_SERVE_CANNOT_LISTEN] = "cannot listen on %s: %s (is another server using the port?)",
    [PS_M_H_USER] = "Accounts of the web portal. The password is the first line of standard input\n(on a terminal it is asked twice), at least 10 characters; only its Argon2id\nhash is stored.",
    [PS_M_HO_USER] = "options:\n  --reporter R    add: an office's account, sending for reporter R\n  --role ROLE     add: leader (reads everything) or admin (everything)\n  --format F      list: table (default), csv or json\n",
    [PS_M_H_SERVE] = "The web portal: offices send their files, leaders read the month, in a browser.\nRuns until SIGINT or SIGTERM; one log line per request on standard error.",
    [PS_M_HO_SERVE] = "options:\n  --listen A:P       address and port (default 127.0.0.1:8080)\n  --max-upload MIB   the largest file accepted (default 20)\n  --secure-cookies   mark cookies Secure (behind a TLS reverse proxy)\n",
    /* web/: the portal's pages */
    [PS_M_WEB_ID] = "English",
    [PS_M_WEB_APP] = "Statistics portal",
    [PS_M_WEB_LOGIN] = "Log in",
    [PS_M_WEB_LOGOUT] = "Log out",
    [PS_M_WEB_LOGIN_NAME] = "Login",
    [PS_M_WEB_PASSWORD] = "Password",
    [PS_M_WEB_LOGIN_BAD] = "The login or the password is wrong.",
    [PS_M_WEB_LOGIN_LOCKED] = "The account is locked for 15 minutes after repeated failed logins. Try again later or ask an administrator.",
    [PS_M_WEB_HOME] = "Home",
    [PS_M_WEB_STATUS] = "Reporting status",
    [PS_M_WEB_SUMMARY] = "Summary",
    [PS_M_WEB_TREND] = "Trend",
    [PS_M_WEB_UPLOAD] = "Send figures",
    [PS_M_WEB_SUBMISSIONS] = "Submissions",
    [PS_M_WEB_ADMIN] = "Administration",
    [PS_M_WEB_LANG_OTHER] = "Tiếng Việt",
    [PS_M_WEB_PERIOD] = "Period",
    [PS_M_WEB_UNIT] = "Unit",
    [PS_M_WEB_REPORTER] = "Reporter",
    [PS_M_WEB_INDICATOR] = "Indicator",
    [PS_M_WEB_EXPECTED] = "Expected",
    [PS_M_WEB_RECEIVED] = "Received",
    [PS_M_WEB_MISSING] = "Missing",
    [PS_M_WEB_ON_TIME] = "On time",
    [PS_M_WEB_LATE] = "Late",
    [PS_M_WEB_RATE] = "Rate (%%)",
    [PS_M_WEB_SHOW] = "Show",
    [PS_M_WEB_FILE] = "File (CSV or XLSX)",
    [PS_M_WEB_CHECK_ONLY] = "Check only, store nothing",
    [PS_M_WEB_SEND] = "Send",
    [PS_M_WEB_RESULT] = "Result",
    [PS_M_WEB_STORED] = "Stored",
    [PS_M_WEB_REVISED] = "Revised",
    [PS_M_WEB_UNCHANGED] = "Unchanged",
    [PS_M_WEB_REFUSED] = "Refused",
    [PS_M_WEB_LINE] = "Line",
    [PS_M_WEB_COLUMN] = "Column",
    [PS_M_WEB_SEVERITY] = "Severity",
    [PS_M_WEB_MESSAGE] = "Message",
    [PS_M_WEB_ERROR] = "Error",
    [PS_M_WEB_WARNING] = "Warning",
    [PS_M_WEB_NOTHING_STORED] = "The file has errors, so nothing was stored. Correct the errors below and send it again.",
    [PS_M_WEB_ALL_STORED] = "The figures were received and stored.",
    [PS_M_WEB_CHECKED_ONLY] = "Checked; nothing stored (check only).",
    [PS_M_WEB_ALREADY] = "This file was sent before; nothing changed.",
    [PS_M_WEB_TOO_BIG] = "The file is larger than the limit.",
    [PS_M_WEB_BAD_FORM] = "The form sent is not valid.",
    [PS_M_WEB_BAD_CSRF] = "The session has expired or the form is not valid; reload the page and try again.",
    [PS_M_WEB_NOT_FOUND] = "There is no such page.",
    [PS_M_WEB_FORBIDDEN] = "Your account may not see or do this.",
    [PS_M_WEB_NO_FILE] = "No file was chosen.",
    [PS_M_WEB_SERVER_ERROR] = "The database could not be read; try again later.",
    [PS_M_WEB_BAD_PERIOD] = "The period is not valid (for example 2016-07).",
    [PS_M_WEB_WELCOME] = "Welcome",
    [PS_M_WEB_ROLE_OFFICE] = "reporting office",
    [PS_M_WEB_ROLE_LEADER] = "leader",
    [PS_M_WEB_ROLE_ADMIN] = "administrator",
    [PS_M_WEB_DOWNLOAD_ERRORS] = "Download the errors (CSV)",
    [PS_M_WEB_SUBMISSIONS_STORED] = "Files stored",
    [PS_M_WEB_UPLOADS] = "Uploads through the portal",
    [PS_M_WEB_FILE_NAME] = "File",
    [PS_M_WEB_RECEIVED_AT] = "Received",
    [PS_M_WEB_OUTCOME] = "Outcome",
    [PS_M_WEB_OUTCOME_STORED] = "stored",
    [PS_M_WEB_OUTCOME_REFUSED] = "refused",
    [PS_M_WEB_OUTCOME_CHECKED] = "checked only",
    [PS_M_WEB_OUTCOME_ALREADY] = "sent before",
    [PS_M_WEB_NOT_RECORDED] = "The result above stands, but the upload could not be recorded",
    [PS_M_WEB_FROM] = "From",
    [PS_M_WEB_TO] = "To",
    [PS_M_WEB_VALUE] = "Value",
    [PS_M_WEB_INDEX_PREV_YEAR] = "Index on the same period last year (%%)",
    [PS_M_WEB_INDEX_PREV_PERIOD] = "Index on the previous period (%%)",
    [PS_M_WEB_SLOPE] = "Slope (per period)",
    [PS_M_WEB_YEAR_END_LINEAR] = "Year end (linear)",
    [PS_M_WEB_BAD_CHOICE] = "The indicator or the unit is not in the catalog.",
    [PS_M_WEB_ACCOUNTS] = "Accounts",
    [PS_M_WEB_ADD_ACCOUNT] = "Add an account",
    [PS_M_WEB_ROLE] = "Role",
    [PS_M_WEB_REMOVE] = "Remove",
    [PS_M_WEB_LOCKED] = "locked",
    [PS_M_WEB_CLOSE] = "Close a period",
    [PS_M_WEB_REOPEN] = "Reopen a period",
    [PS_M_WEB_DONE] = "Done.",
    [PS_M_WEB_ALREADY_CLOSED] = "The period was already closed; nothing changed.",
    [PS_M_WEB_RETRACT] = "Withdraw what this file brought",
    [PS_M_WEB_FORCE_CLOSED] = "closed periods too (recorded as an override)",
    [PS_M_WEB_ROWS_READ] = "Rows read",
    [PS_M_WEB_MISSING_VALUES] = "Values still missing",
    [PS_M_WEB_DEADLINE] = "Deadline",
    [PS_M_WEB_DAYS_LATE] = "Days late",
    [PS_M_WEB_TEMPLATE] = "The form to fill",
    [PS_M_WEB_DOWNLOAD] = "Download",
    [PS_M_WEB_RAW_FILE] = "Original file",
    [PS_M_WEB_WORKBOOK] = "Download the workbook (.xlsx)",
};
