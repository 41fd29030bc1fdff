/* row.c - SPEC §4's checks of one submission row, in the SPEC's order (row.h). */
#include "ingest/row.h"

#include "core/alloc.h"
#include "core/text.h"
#include "ingest/period_lock.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

static void diag(const ps_row_ctx *c, long line, int col, ps_severity sev, ps_diag_code code, const char *value,
                 ps_msg_id id, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, id);
    ps_msg_vformat(msg, sizeof msg, id, ap);
    va_end(ap);
    ps_diag_add(c->d, c->path, line, col, sev, code, value, "%s", msg);
}

static int colno(const ps_row_ctx *c, int col)
{
    return ps_header_colno(c->h, col);
}

/* "193 (Thành phố Hạ Long)" */
static const char *unit_label(const ps_catalog *cat, int u, char *buf, size_t n)
{
    snprintf(buf, n, "%s (%s)", cat->units[u].code, cat->units[u].name_vi);
    return buf;
}

/* ------------------------------------------------------------------------
 * The row's shape (malformed CSV) and its flags
 * ------------------------------------------------------------------------ */

/* A row with as many fields as the header; trims them, the note excepted. */
static bool check_shape(const ps_row_ctx *c, ps_csv_record *rec)
{
    if (rec->nfields != c->h->nfields) {
        diag(c, rec->line, 0, PS_SEV_ERROR, PS_D_FIELD_COUNT, NULL,
             PS_M_ROW_ROW_HAS_FIELDS_BUT, rec->nfields,
             c->h->nfields);
        return false;
    }
    for (size_t f = 0; f < rec->nfields; f++)
        if (c->h->col[C_NOTE] != (int)f)
            ps_text_trim(rec->fields[f]);
    return true;
}

typedef struct row_flags {
    bool derived, incomplete_src, none_occurred;
} row_flags;

/* The flags column, as export writes it; warns about unknown words. */
static row_flags read_flags(const ps_row_ctx *c, long line, const char *text)
{
    static const char *const known[] = {"derived", "none-occurred", "incomplete", "estimate",
                                        "provisional", "carried", "comparable-basis",
                                        "revised-after-close", "incomplete-source"};
    row_flags fl = {false, false, false};
    char *copy = ps_xstrdup(text);
    char *save = NULL;
    for (char *tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
        ps_text_trim(tok);
        if (!*tok)
            continue;
        size_t k = 0;
        while (k < sizeof known / sizeof *known && strcmp(tok, known[k]) != 0)
            k++;
        if (k == sizeof known / sizeof *known)
            diag(c, line, colno(c, C_FLAGS), PS_SEV_WARNING, PS_D_BAD_FLAGS, tok,
                 PS_M_ROW_FLAG_NOT_KNOWN_IGNORED, tok);
        else if (k == 0)
            fl.derived = true;
        else if (k == 8)
            fl.incomplete_src = true;
        else if (k == 1)
            fl.none_occurred = true;
    }
    free(copy);
    return fl;
}

/* ------------------------------------------------------------------------
 * Unknown unit, unknown indicator, outside the reporter's scope or list
 * ------------------------------------------------------------------------ */

/* The unit of text; -1 after a diagnostic (with a hint for a code that
 * lost its leading zeros, or the nearest code). */
static int find_unit(const ps_row_ctx *c, long line, const char *text)
{
    const ps_catalog *cat = c->cat;
    int col = colno(c, C_UNIT);
    if (!*text) {
        diag(c, line, col, PS_SEV_ERROR, PS_D_MISSING_FIELD, NULL, PS_M_ROW_UNIT_EMPTY);
        return -1;
    }
    int u = ps_catalog_unit(cat, text);
    if (u >= 0)
        return u;
    char lab[256];
    /* Excel drops leading zeros: 1 for 001 */
    for (size_t i = 0; i < cat->nunits; i++) {
        const char *code = cat->units[i].code;
        if (code[0] != '0')
            continue;
        while (*code == '0')
            code++;
        if (strcmp(code, text) == 0) {
            diag(c, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, text,
                 PS_M_ROW_UNIT_NOT_UNIT_LOOKS,
                 text, cat->units[cat->top].name_vi, unit_label(cat, (int)i, lab, sizeof lab));
            return -1;
        }
    }
    int s = ps_catalog_unit_suggest(cat, text);
    if (s >= 0)
        diag(c, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, text, PS_M_ROW_UNIT_NOT_UNIT_DID,
             text, cat->units[cat->top].name_vi, unit_label(cat, s, lab, sizeof lab));
    else
        diag(c, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, text, PS_M_ROW_UNIT_NOT_UNIT, text,
             cat->units[cat->top].name_vi);
    return -1;
}

/* The row's unit (the column, else --unit), inside the reporter's scope; -1 after a diagnostic. */
static int row_unit(const ps_row_ctx *c, const ps_csv_record *rec)
{
    const ps_catalog *cat = c->cat;
    const char *text = ps_header_field(c->h, rec, C_UNIT);
    int u = c->h->col[C_UNIT] >= 0 && *text ? find_unit(c, rec->line, text)
          : c->fixed_unit >= 0 ? c->fixed_unit : find_unit(c, rec->line, text);
    if (u < 0 || ps_catalog_unit_within(cat, u, c->rep->scope))
        return u;
    char lab[256], lab2[256];
    diag(c, rec->line, colno(c, C_UNIT), PS_SEV_ERROR, PS_D_OUT_OF_SCOPE, text,
         PS_M_ROW_UNIT_OUTSIDE_SCOPE_REPORTER, unit_label(cat, u, lab, sizeof lab),
         c->rep->code, c->rep->name_vi, unit_label(cat, c->rep->scope, lab2, sizeof lab2));
    return -1;
}

/* The indicator of text; -1 after a diagnostic. */
static int find_indicator(const ps_row_ctx *c, long line, const char *text)
{
    int col = colno(c, C_INDICATOR);
    if (!*text) {
        diag(c, line, col, PS_SEV_ERROR, PS_D_MISSING_FIELD, NULL, PS_M_ROW_INDICATOR_EMPTY);
        return -1;
    }
    int i = ps_catalog_indicator(c->cat, text);
    if (i >= 0)
        return i;
    int s = ps_catalog_indicator_suggest(c->cat, text);
    if (s >= 0)
        diag(c, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_INDICATOR, text,
             PS_M_ROW_INDICATOR_NOT_CATALOG_DID, text, c->cat->indicators[s].code,
             c->cat->indicators[s].name_vi);
    else
        diag(c, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_INDICATOR, text,
             PS_M_ROW_INDICATOR_NOT_CATALOG_SEE, text);
    return -1;
}

/* The row's indicator: known, not derived (a row flagged derived is
 * skipped: *skip), in the reporter's list; -1 after a diagnostic. */
static int row_indicator(const ps_row_ctx *c, const ps_csv_record *rec, bool flagged_derived, bool *skip)
{
    const char *text = ps_header_field(c->h, rec, C_INDICATOR);
    int ind = find_indicator(c, rec->line, text);
    *skip = ind >= 0 && flagged_derived;
    if (ind < 0 || *skip)
        return ind;
    if (c->cat->indicators[ind].kind == PS_KIND_DERIVED) {
        diag(c, rec->line, colno(c, C_INDICATOR), PS_SEV_ERROR, PS_D_DERIVED_SUBMITTED, text,
             PS_M_ROW_DERIVED_COMPUTED_PROVSTAT_NEVER, text,
             c->cat->indicators[ind].formula_text);
        return -1;
    }
    return ind;
}

/* Whether the reporter's list holds indicator ind; a diagnostic when not. */
static bool indicator_allowed(const ps_row_ctx *c, const ps_csv_record *rec, int ind)
{
    if (ps_reporter_allows(c->cat, c->rep, ind))
        return true;
    const char *text = ps_header_field(c->h, rec, C_INDICATOR);
    diag(c, rec->line, colno(c, C_INDICATOR), PS_SEV_ERROR, PS_D_NOT_ALLOWED, text,
         PS_M_ROW_REPORTER_MAY_NOT_SEND, c->rep->code, text, c->rep->indicators_text);
    return false;
}

/* ------------------------------------------------------------------------
 * The period: valid for the unit, a good period, not shorter than the frequency
 * ------------------------------------------------------------------------ */

/* Whether unit u existed in p; a diagnostic when not. */
static bool unit_valid_in(const ps_row_ctx *c, const ps_csv_record *rec, int u, ps_period p)
{
    const ps_unit *un = &c->cat->units[u];
    if (ps_unit_valid_in(un, p))
        return true;
    const char *text = ps_header_field(c->h, rec, C_UNIT);
    char lab[256], lab2[256], pbuf[PS_PERIOD_BUFSZ], a[PS_PERIOD_BUFSZ], b[PS_PERIOD_BUFSZ];
    if (un->valid_to.type != PS_P_NONE && un->successor >= 0)
        diag(c, rec->line, colno(c, C_UNIT), PS_SEV_ERROR, PS_D_UNIT_NOT_VALID, text,
             PS_M_ROW_UNIT_DID_NOT_EXIST,
             unit_label(c->cat, u, lab, sizeof lab), ps_period_format(p, pbuf), ps_period_format(un->valid_to, a),
             unit_label(c->cat, un->successor, lab2, sizeof lab2));
    else
        diag(c, rec->line, colno(c, C_UNIT), PS_SEV_ERROR, PS_D_UNIT_NOT_VALID, text,
             PS_M_ROW_UNIT_DID_NOT_EXIST_2, unit_label(c->cat, u, lab, sizeof lab),
             ps_period_format(p, pbuf), un->valid_from.type ? ps_period_format(un->valid_from, a) : ps_msg(PS_M_ROW_ALWAYS),
             un->valid_to.type ? ps_period_format(un->valid_to, b) : ps_msg(PS_M_ROW_NOW));
    return false;
}

/* The row's period (the column, else --period) into *p; false after a diagnostic. */
static bool row_period(const ps_row_ctx *c, const ps_csv_record *rec, ps_period *p)
{
    *p = c->fixed_period;
    const char *text = ps_header_field(c->h, rec, C_PERIOD);
    if (c->h->col[C_PERIOD] < 0 || (!*text && c->has_fixed_period))
        return c->has_fixed_period;
    char msg[256];
    if (ps_period_parse(text, p, msg, sizeof msg))
        return true;
    diag(c, rec->line, colno(c, C_PERIOD), PS_SEV_ERROR, PS_D_BAD_PERIOD, text, PS_M_PASS,
         *text ? msg : ps_msg(PS_M_PER_PERIOD_EMPTY));
    return false;
}

/* Whether p is as long as the indicator's frequency at least (year-to-date
 * values are accepted); a diagnostic when not. */
static bool period_long_enough(const ps_row_ctx *c, const ps_csv_record *rec, int ind, ps_period p)
{
    const ps_indicator *x = &c->cat->indicators[ind];
    if (p.type == PS_P_YTD || ps_period_month_count(p) >= ps_frequency_months(x->frequency))
        return true;
    char pbuf[PS_PERIOD_BUFSZ];
    diag(c, rec->line, colno(c, C_PERIOD), PS_SEV_ERROR, PS_D_PERIOD_TOO_SHORT, ps_header_field(c->h, rec, C_PERIOD),
         PS_M_ROW_REPORTED_SHORTER_THAN_THAT, x->code,
         ps_period_type_word(x->frequency), ps_period_format(p, pbuf), ps_period_type_word(x->frequency));
    return false;
}

/* ------------------------------------------------------------------------
 * Measure and status
 * ------------------------------------------------------------------------ */

static int row_measure(const ps_row_ctx *c, const ps_csv_record *rec)
{
    const char *text = ps_header_field(c->h, rec, C_MEASURE);
    if (!*text || ps_text_casecmp(text, "actual") == 0)
        return PS_MEASURE_ACTUAL;
    if (ps_text_casecmp(text, "plan") == 0)
        return PS_MEASURE_PLAN;
    diag(c, rec->line, colno(c, C_MEASURE), PS_SEV_ERROR, PS_D_BAD_MEASURE, text,
         PS_M_ROW_MEASURE_MUST_ACTUAL_PLAN, text);
    return PS_MEASURE_ACTUAL;
}

static char row_status(const ps_row_ctx *c, const ps_csv_record *rec)
{
    const char *text = ps_header_field(c->h, rec, C_STATUS);
    if (!*text)
        return 'A';
    if (strlen(text) == 1 && strchr("APEape", text[0]))
        return (char)(text[0] & ~0x20);
    diag(c, rec->line, colno(c, C_STATUS), PS_SEV_ERROR, PS_D_BAD_STATUS, text,
         PS_M_ROW_STATUS_MUST_OFFICIAL_P, text);
    return 'A';
}

/* ------------------------------------------------------------------------
 * The value: a good number inside the indicator's range, or a mark
 * ------------------------------------------------------------------------ */

/* SPEC §4's limits on any number: a magnitude above 10^15, or below 10^-9
 * without being 0, is a typing or unit error (and would overflow sums and
 * spreadsheets). A value that read as 0 from digits that are not all 0
 * (1e-400) was below the limit too. False, with an error diagnostic, when
 * the value is out of them. */
static bool within_limits(const ps_row_ctx *c, const ps_csv_record *rec, int col, const char *text, double v)
{
    double a = fabs(v);
    bool digits_not_zero = false; /* in the mantissa: before an exponent */
    for (const char *p = text; *p && *p != 'e' && *p != 'E'; p++)
        digits_not_zero |= *p >= '1' && *p <= '9';
    if (a <= 1e15 && (a >= 1e-9 || (a == 0 && !digits_not_zero)))
        return true;
    diag(c, rec->line, col, PS_SEV_ERROR, PS_D_NUMBER_LIMIT, text,
         PS_M_ROW_VALUE_NO_STATISTIC_PROVINCE, text,
         ps_msg(a > 1e15 ? PS_M_ROW_TOO_LARGE : PS_M_ROW_TOO_SMALL));
    return false;
}

/* Parses the value for indicator ind (-1: unknown, read leniently). */
static ps_num_kind row_value(const ps_row_ctx *c, const ps_csv_record *rec, int ind, double *value)
{
    const char *text = ps_header_field(c->h, rec, C_VALUE);
    const ps_indicator *x = ind >= 0 ? &c->cat->indicators[ind] : NULL;
    int col = colno(c, C_VALUE);
    char msg[512];
    ps_numfmt fmt = c->value_is_number ? PS_NF_PLAIN : c->numfmt;
    int dec = x && !c->value_is_number ? x->decimals : -1;
    ps_num_kind nk = ps_number_parse(text, fmt, x ? x->percent : true, dec, value, msg, sizeof msg);
    if (nk == PS_NUM_BAD)
        diag(c, rec->line, col, PS_SEV_ERROR, PS_D_BAD_NUMBER, text, PS_M_PASS, msg);
    else if (nk == PS_NUM_AMBIGUOUS)
        diag(c, rec->line, col, PS_SEV_ERROR, PS_D_AMBIGUOUS_NUMBER, text, PS_M_PASS, msg);
    if (nk == PS_NUM_VALUE && !within_limits(c, rec, col, text, *value))
        return PS_NUM_BAD;
    if (nk != PS_NUM_VALUE || !x)
        return nk;
    char vb[PS_NUMBER_BUFSZ], lb[PS_NUMBER_BUFSZ];
    if (x->has_min && *value < x->min)
        diag(c, rec->line, col, PS_SEV_ERROR, PS_D_OUT_OF_RANGE, text, PS_M_ROW_VALUE_BELOW_MINIMUM,
             ps_number_format(*value, vb), ps_number_format(x->min, lb), x->code);
    else if (x->has_max && *value > x->max)
        diag(c, rec->line, col, PS_SEV_ERROR, PS_D_OUT_OF_RANGE, text, PS_M_ROW_VALUE_ABOVE_MAXIMUM,
             ps_number_format(*value, vb), ps_number_format(x->max, lb), x->code);
    return nk;
}

/* The coverage of a row (SPEC §5): 1 when the column is absent or empty,
 * else the number from 0 to 1 it holds, read as export writes it (plain,
 * shortest form); anything else is an error diagnostic (the row is
 * refused) and gives 1. */
static double check_coverage(const ps_row_ctx *c, const ps_csv_record *rec)
{
    const char *text = ps_header_field(c->h, rec, C_COVERAGE);
    double cov;
    if (!*text)
        return 1;
    if (!ps_number_strtod(text, &cov) || cov < 0 || cov > 1) {
        diag(c, rec->line, colno(c, C_COVERAGE), PS_SEV_ERROR, PS_D_BAD_COVERAGE, text,
             PS_M_ROW_COVERAGE_MUST_NUMBER_FROM, text);
        return 1;
    }
    return cov;
}

/* The flags stored with a value: '-' or a zero flagged none-occurred; a
 * long export's row with coverage below 1 (row->coverage, a warning). */
static int value_flags(const ps_row_ctx *c, const ps_csv_record *rec, const ps_checked_row *row, row_flags fl)
{
    int flags = 0;
    if (row->kind == PS_NUM_NONE_OCCURRED || (fl.none_occurred && row->kind == PS_NUM_VALUE && row->value == 0))
        flags |= PS_OBS_NONE_OCCURRED;
    const char *ctext = ps_header_field(c->h, rec, C_COVERAGE);
    if (row->coverage < 1)
        fl.incomplete_src = true;
    if (fl.incomplete_src) {
        flags |= PS_OBS_INCOMPLETE_SOURCE;
        diag(c, rec->line, colno(c, C_COVERAGE), PS_SEV_WARNING, PS_D_INCOMPLETE_SOURCE, ctext,
             PS_M_ROW_EXPORTED_VALUE_HAD_COVERAGE,
             *ctext ? ctext : ps_msg(PS_M_ROW_BELOW_ONE));
    }
    return flags;
}

/* ------------------------------------------------------------------------
 * The row
 * ------------------------------------------------------------------------ */

ps_row_verdict ps_row_check(const ps_row_ctx *c, ps_csv_record *rec, ps_checked_row *row)
{
    if (!check_shape(c, rec))
        return PS_ROW_REFUSED;
    size_t errs_before = c->d->nerr;
    /* flags first: a row flagged derived is skipped whatever else it holds */
    row_flags fl = {false, false, false};
    if (c->h->col[C_FLAGS] >= 0)
        fl = read_flags(c, rec->line, ps_header_field(c->h, rec, C_FLAGS));
    bool skip;
    int ind = row_indicator(c, rec, fl.derived, &skip);
    if (skip)
        return PS_ROW_DERIVED;
    int u = row_unit(c, rec);
    if (ind >= 0 && !indicator_allowed(c, rec, ind))
        ind = -1;
    ps_period p;
    bool pok = row_period(c, rec, &p);
    if (pok && u >= 0 && !unit_valid_in(c, rec, u, p))
        u = -1;
    if (pok && ind >= 0)
        period_long_enough(c, rec, ind, p);
    int measure = row_measure(c, rec);
    char status = row_status(c, rec);
    double value = 0;
    ps_num_kind nk = row_value(c, rec, ind, &value);
    double coverage = check_coverage(c, rec);
    if (c->d->nerr > errs_before || ind < 0 || u < 0 || !pok)
        return PS_ROW_REFUSED;
    *row = (ps_checked_row){rec->line, u, ind, p, measure, nk, value, status, 0, coverage,
                            ps_header_field(c->h, rec, C_NOTE), ps_header_field(c->h, rec, C_VALUE),
                            ps_header_field(c->h, rec, C_PERIOD)};
    if (nk == PS_NUM_NA_DOTS || nk == PS_NUM_NA_X || nk == PS_NUM_EMPTY)
        return PS_ROW_MARK;
    row->flags = value_flags(c, rec, row, fl);
    return PS_ROW_VALUE;
}

/* ------------------------------------------------------------------------
 * Against the stored value: twice in the file, another reporter's value,
 * a closed period, a value that did not change
 * ------------------------------------------------------------------------ */

/* The value came first from another reporter: refused unless --force. */
static bool other_reporter_ok(const ps_row_ctx *c, const ps_checked_row *row, const ps_obs *cur)
{
    if (c->force)
        return true;
    const ps_catalog *cat = c->cat;
    const ps_reporter *first = NULL;
    for (size_t r = 0; r < cat->nreporters; r++)
        if (cat->reporters[r].id == cur->reporter_id)
            first = &cat->reporters[r];
    char pbuf[PS_PERIOD_BUFSZ];
    diag(c, row->line, colno(c, C_VALUE), PS_SEV_ERROR, PS_D_OTHER_REPORTER, row->value_text,
         PS_M_ROW_WAS_FIRST_SENT_ONLY,
         cat->units[row->unit].code, cat->indicators[row->indicator].code, ps_period_format(row->period, pbuf),
         first ? first->code : ps_msg(PS_M_ROW_ANOTHER_REPORTER), first ? first->name_vi : "?");
    return false;
}

/* The period is closed: refused unless --force. */
static bool closed_ok(const ps_row_ctx *c, const ps_checked_row *row)
{
    if (c->force)
        return true;
    char pbuf[PS_PERIOD_BUFSZ], lab[256];
    diag(c, row->line, colno(c, C_PERIOD), PS_SEV_ERROR, PS_D_PERIOD_CLOSED, row->period_text,
         PS_M_ROW_CLOSED_OFFICIAL_FIGURES_ARE,
         ps_period_format(row->period, pbuf), unit_label(c->cat, row->unit, lab, sizeof lab));
    return false;
}

ps_store_verdict ps_row_check_stored(const ps_row_ctx *c, const ps_checked_row *row, const ps_obs *cur,
                                     bool *forced_other, bool *forced_closed)
{
    *forced_other = *forced_closed = false;
    if (cur->exists && cur->submission_id == c->sub_id) {
        char pbuf[PS_PERIOD_BUFSZ];
        diag(c, row->line, 0, PS_SEV_ERROR, PS_D_DUPLICATE_ROW, NULL,
             PS_M_ROW_APPEARS_TWICE_FILE_FIRST, c->cat->units[row->unit].code,
             c->cat->indicators[row->indicator].code, ps_period_format(row->period, pbuf),
             row->measure == PS_MEASURE_PLAN ? "plan" : "actual", cur->line);
        return PS_STORE_REFUSED;
    }
    /* the same value only with the same coverage (SPEC §5) */
    bool same_value = cur->exists && cur->has_value && cur->value == row->value && cur->coverage == row->coverage;
    bool same = same_value && cur->status == row->status && cur->flags == row->flags &&
                strcmp(cur->note, row->note) == 0;
    if (cur->exists && cur->reporter_id != c->rep->id && !same) {
        if (!other_reporter_ok(c, row, cur))
            return PS_STORE_REFUSED;
        *forced_other = true;
    }
    /* a row that repeats the stored value with status A is accepted */
    bool repeat = same_value && row->status == 'A';
    if (c->nclosed && !repeat &&
        ps_period_lock_covering(c->cat, c->closed, c->nclosed, row->unit, row->period, false) >= 0) {
        if (!closed_ok(c, row))
            return PS_STORE_REFUSED;
        *forced_closed = true;
    }
    return same ? PS_STORE_UNCHANGED : PS_STORE_WRITE;
}
