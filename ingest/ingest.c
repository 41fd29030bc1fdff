/* ingest.c - reading, checking and storing one submission file. */
#include "ingest/ingest.h"

#include "core/alloc.h"
#include "core/formula.h"
#include "core/hash.h"
#include "core/map.h"
#include "core/period.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "ingest/history.h"
#include "ingest/change.h"
#include "store/obs.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Columns
 * ------------------------------------------------------------------------ */

enum { C_UNIT, C_INDICATOR, C_PERIOD, C_VALUE, C_MEASURE, C_STATUS, C_NOTE, C_FLAGS, C_COVERAGE,
       C_IGNORED, C_N };

typedef struct colname {
    const char *name;
    int col;
} colname;

static const colname column_names[] = {
    {"unit", C_UNIT}, {"ma_don_vi", C_UNIT},
    {"indicator", C_INDICATOR}, {"ma_chi_tieu", C_INDICATOR},
    {"period", C_PERIOD}, {"ky", C_PERIOD},
    {"value", C_VALUE}, {"gia_tri", C_VALUE},
    {"measure", C_MEASURE}, {"loai", C_MEASURE},
    {"status", C_STATUS}, {"trang_thai", C_STATUS},
    {"note", C_NOTE}, {"ghi_chu", C_NOTE},
    {"flags", C_FLAGS},
    {"coverage", C_COVERAGE},
    {"unit_name", C_IGNORED}, {"indicator_name", C_IGNORED}, {"unit_measure", C_IGNORED},
};

/* ------------------------------------------------------------------------
 * The state of one ingest
 * ------------------------------------------------------------------------ */

typedef struct touched_series {
    int unit, indicator, measure;
    bool fresh;     /* nothing stored before this file: its history is the file's own rows */
    bool checked;   /* history warnings done while reading (in ingest.early) */
} touched_series;

typedef struct ingest {
    ps_db *db;
    const ps_catalog *cat;
    const ps_ingest_opts *o;
    const char *path;
    ps_diags *d;
    ps_ctx *ctx;
    ps_ingest_result *res;
    ps_obs_writer *w;
    const ps_reporter *rep;
    int rep_index;
    long long sub_id;
    int col[C_N];          /* field index, -1 when absent */
    size_t nheader;
    ps_numfmt numfmt;
    int fixed_unit;        /* --unit index or -1 */
    ps_period fixed_period;
    bool has_fixed_period;
    ps_closed *closed;
    size_t nclosed;
    ps_set64 series_seen;  /* unit, indicator, measure -> index in series */
    unsigned long long last_series; /* the series of the current run of rows */
    touched_series *series;
    size_t nseries;
    long cur;              /* index of the current run's series, -1 before the first */
    ps_obs_point *run;     /* the current run's stored points, when its series is fresh */
    size_t nrun, caprun;
    int run_max;           /* the latest period in run */
    bool run_unsorted;     /* run is not in period order */
    long stored_in_a_row;  /* rows in a row whose keys were found stored (process_row) */
    ps_diags early;        /* warnings of series checked while reading */
    size_t *early_owner;   /* the series index of each */
    size_t capowner;
    ps_set64 pairs_seen;   /* unit, period: for rules */
    int *pairs;            /* unit, period key pairs */
    size_t npairs;
    int first_month, last_month; /* the months of the rows accepted (year * 12 + month - 1) */
} ingest;

static void diag(ingest *g, long line, int col, ps_severity sev, ps_diag_code code, const char *value,
                 const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void diag(ingest *g, long line, int col, ps_severity sev, ps_diag_code code, const char *value,
                 const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ps_diag_add(g->d, g->path, line, col, sev, code, value, "%s", msg);
}

/* "193 (Thành phố Hạ Long)" */
static const char *unit_label(const ps_catalog *cat, int u, char *buf, size_t n)
{
    snprintf(buf, n, "%s (%s)", cat->units[u].code, cat->units[u].name_vi);
    return buf;
}

/* ------------------------------------------------------------------------
 * Header
 * ------------------------------------------------------------------------ */

static bool map_header(ingest *g, ps_csv_record *rec)
{
    for (int c = 0; c < C_N; c++)
        g->col[c] = -1;
    g->nheader = rec->nfields;
    for (size_t f = 0; f < rec->nfields; f++) {
        char *h = ps_text_trim(rec->fields[f]);
        int found = -1;
        for (size_t k = 0; k < sizeof column_names / sizeof *column_names; k++)
            if (ps_text_casecmp(h, column_names[k].name) == 0)
                found = column_names[k].col;
        if (found == C_IGNORED)
            continue;
        if (found < 0) {
            diag(g, rec->line, (int)f + 1, PS_SEV_WARNING, PS_D_UNKNOWN_COLUMN, h,
                 "column \"%s\" is not a submission column and is ignored", h);
        } else if (g->col[found] >= 0) {
            diag(g, rec->line, (int)f + 1, PS_SEV_ERROR, PS_D_DUPLICATE_COLUMN, h,
                 "column %s appears twice in the header (also column %d)", h, g->col[found] + 1);
        } else {
            g->col[found] = (int)f;
        }
    }
    bool ok = true;
    if (g->col[C_UNIT] < 0 && g->fixed_unit < 0) {
        diag(g, rec->line, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, "unit",
             "the header has no unit column (or ma_don_vi); add one or give --unit CODE");
        ok = false;
    }
    if (g->col[C_INDICATOR] < 0) {
        diag(g, rec->line, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, "indicator",
             "the header has no indicator column (or ma_chi_tieu)");
        ok = false;
    }
    if (g->col[C_PERIOD] < 0 && !g->has_fixed_period) {
        diag(g, rec->line, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, "period",
             "the header has no period column (or ky); add one or give --period P");
        ok = false;
    }
    if (g->col[C_VALUE] < 0) {
        diag(g, rec->line, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, "value",
             "the header has no value column (or gia_tri)");
        ok = false;
    }
    return ok && g->d->nerr == 0;
}

/* ------------------------------------------------------------------------
 * Closed periods
 * ------------------------------------------------------------------------ */

/* True when unit u (or a unit above it) is closed for p or a period containing p. */
static bool is_closed(const ingest *g, int u, ps_period p)
{
    for (size_t i = 0; i < g->nclosed; i++) {
        ps_period cp = ps_period_from_key(g->closed[i].period);
        if (!ps_period_contains(cp, p))
            continue;
        for (int x = u; x >= 0; x = g->cat->units[x].parent)
            if (g->cat->units[x].id == g->closed[i].unit_id)
                return true;
    }
    return false;
}

/* ------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------ */

static const char *field(const ingest *g, const ps_csv_record *rec, int c)
{
    return g->col[c] >= 0 ? rec->fields[g->col[c]] : "";
}

static int colno(const ingest *g, int c)
{
    return g->col[c] >= 0 ? g->col[c] + 1 : 0;
}

/* The (unit, period) pairs the file stored, for the rules. */
static void remember_pair(ingest *g, int unit, int measure, int period)
{
    int first, last;
    ps_period_month_span(ps_period_from_key(period), &first, &last);
    if (first < g->first_month)
        g->first_month = first;
    if (last > g->last_month)
        g->last_month = last;
    if (g->cat->nrules && measure == PS_MEASURE_ACTUAL) {
        unsigned long long key =
            ((unsigned long long)(unsigned)unit << 32) | (unsigned long long)(unsigned)period | (1ULL << 63);
        if (ps_set64_add(&g->pairs_seen, key)) {
            if ((g->npairs & (g->npairs - 1)) == 0)
                g->pairs = ps_xrealloc(g->pairs, (g->npairs ? g->npairs * 2 : 16) * 2 * sizeof *g->pairs);
            g->pairs[2 * g->npairs] = unit;
            g->pairs[2 * g->npairs + 1] = period;
            g->npairs++;
        }
    }
}

static int point_cmp(const void *a, const void *b)
{
    const ps_obs_point *x = a, *y = b;
    return (x->period > y->period) - (x->period < y->period);
}

/* The end of a run of rows of one series: a fresh series seen for the
 * first time gets its history warnings now, from the rows just stored
 * (still in memory), instead of reading them back at the end of the file. */
static void finish_run(ingest *g)
{
    if (g->cur < 0)
        return;
    touched_series *t = &g->series[g->cur];
    if (!t->fresh || t->measure != PS_MEASURE_ACTUAL || t->checked)
        return;
    if (g->run_unsorted)
        qsort(g->run, g->nrun, sizeof *g->run, point_cmp);
    size_t before = g->early.n;
    ps_history_check_points(g->cat, t->unit, t->indicator, g->run, g->nrun, g->sub_id, 0, g->path,
                            colno(g, C_VALUE), &g->early);
    if (g->early.n > g->capowner) {
        g->capowner = g->early.n * 2;
        g->early_owner = ps_xrealloc(g->early_owner, g->capowner * sizeof *g->early_owner);
    }
    for (size_t i = before; i < g->early.n; i++)
        g->early_owner[i] = (size_t)g->cur;
    t->checked = true;
}

static bool early_kept(size_t i, void *arg)
{
    const ingest *g = arg;
    return g->series[g->early_owner[i]].checked;
}

/* Before a row of (unit, ind, measure) is stored: the series' bookkeeping.
 * A new run of rows ends the previous one; a series met for the first time
 * is asked whether anything was stored for it before (fresh); a series
 * met again after its run was checked loses that check (its warnings are
 * dropped) and is checked from the database at the end. */
static ps_error series_enter(ingest *g, int unit, int ind, int measure)
{
    unsigned long long key = ((unsigned long long)(unsigned)unit << 33) | ((unsigned long long)(unsigned)ind << 1) |
                             (unsigned long long)measure | (1ULL << 63);
    if (key == g->last_series)
        return PS_OK;
    finish_run(g);
    g->last_series = key;
    g->nrun = 0;
    g->run_unsorted = false;
    size_t idx = g->nseries;
    if (ps_set64_add_val(&g->series_seen, key, &idx)) {
        if ((g->nseries & (g->nseries - 1)) == 0)
            g->series = ps_xrealloc(g->series, (g->nseries ? g->nseries * 2 : 16) * sizeof *g->series);
        bool any;
        ps_error err = ps_obs_series_any(g->w, g->cat->units[unit].id, g->cat->indicators[ind].id, measure,
                                         &any, g->ctx);
        if (err)
            return err;
        g->series[g->nseries++] = (touched_series){unit, ind, measure, !any, false};
    } else {
        touched_series *t = &g->series[idx];
        t->checked = false;
        t->fresh = false;
    }
    g->cur = (long)idx;
    return PS_OK;
}

/* A value of the current run's series was stored as new. */
static void run_point(ingest *g, int period, double value, long line)
{
    if (g->cur < 0 || !g->series[g->cur].fresh)
        return;
    if (g->nrun == g->caprun) {
        g->caprun = g->caprun ? g->caprun * 2 : 64;
        g->run = ps_xrealloc(g->run, g->caprun * sizeof *g->run);
    }
    if (g->nrun && period <= g->run_max)
        g->run_unsorted = true;
    else
        g->run_max = period;
    g->run[g->nrun++] = (ps_obs_point){period, true, value, g->sub_id, line};
}

/* Parses the flags column; sets *derived and *none; warns about unknown words. */
static void parse_flags(ingest *g, long line, const char *text, bool *derived, bool *incomplete_src,
                        bool *none_occurred)
{
    static const char *const known[] = {"derived", "none-occurred", "incomplete", "estimate",
                                        "provisional", "carried", "comparable-basis",
                                        "revised-after-close", "incomplete-source"};
    *derived = false;
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
            diag(g, line, colno(g, C_FLAGS), PS_SEV_WARNING, PS_D_BAD_FLAGS, tok,
                 "flag \"%s\" is not known and is ignored", tok);
        else if (k == 0)
            *derived = true;
        else if (k == 8)
            *incomplete_src = true;
        else if (k == 1)
            *none_occurred = true;
    }
    free(copy);
}

/* The coverage of a row (SPEC §5): 1 when the column is absent or empty,
 * else the number from 0 to 1 it holds, read as export writes it (plain,
 * shortest form); anything else is an error diagnostic (the row is
 * refused) and gives 1. */
static double check_coverage(ingest *g, long line, const char *text)
{
    double cov;
    if (!*text)
        return 1;
    if (!ps_number_strtod(text, &cov) || cov < 0 || cov > 1) {
        diag(g, line, colno(g, C_COVERAGE), PS_SEV_ERROR, PS_D_BAD_COVERAGE, text,
             "coverage \"%s\" must be a number from 0 to 1 (the share of the value's parts that were"
             " reported, as `export --format long` writes it), or empty", text);
        return 1;
    }
    return cov;
}

/* Checks the unit text; returns its index or -1 after a diagnostic. */
static int check_unit(ingest *g, long line, const char *text)
{
    const ps_catalog *cat = g->cat;
    int col = colno(g, C_UNIT);
    if (!*text) {
        diag(g, line, col, PS_SEV_ERROR, PS_D_MISSING_FIELD, NULL, "the unit is empty");
        return -1;
    }
    int u = ps_catalog_unit(cat, text);
    if (u >= 0)
        return u;
    char lab[256];
    /* Excel drops leading zeros: 1 for 001 */
    for (size_t i = 0; i < cat->nunits; i++) {
        const char *c = cat->units[i].code;
        if (c[0] == '0') {
            while (*c == '0')
                c++;
            if (strcmp(c, text) == 0) {
                diag(g, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, text,
                     "unit %s is not a unit of %s; it looks like %s with its leading zeros lost"
                     " (Excel does this to codes: format the column as text)",
                     text, cat->units[cat->top].name_vi, unit_label(cat, (int)i, lab, sizeof lab));
                return -1;
            }
        }
    }
    int s = ps_catalog_unit_suggest(cat, text);
    if (s >= 0)
        diag(g, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, text, "unit %s is not a unit of %s; did you mean %s?",
             text, cat->units[cat->top].name_vi, unit_label(cat, s, lab, sizeof lab));
    else
        diag(g, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, text, "unit %s is not a unit of %s",
             text, cat->units[cat->top].name_vi);
    return -1;
}

static int check_indicator(ingest *g, long line, const char *text)
{
    int col = colno(g, C_INDICATOR);
    if (!*text) {
        diag(g, line, col, PS_SEV_ERROR, PS_D_MISSING_FIELD, NULL, "the indicator is empty");
        return -1;
    }
    int i = ps_catalog_indicator(g->cat, text);
    if (i >= 0)
        return i;
    int s = ps_catalog_indicator_suggest(g->cat, text);
    if (s >= 0)
        diag(g, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_INDICATOR, text,
             "indicator %s is not in the catalog; did you mean %s (%s)?", text,
             g->cat->indicators[s].code, g->cat->indicators[s].name_vi);
    else
        diag(g, line, col, PS_SEV_ERROR, PS_D_UNKNOWN_INDICATOR, text,
             "indicator %s is not in the catalog (see `provstat catalog indicators`)", text);
    return -1;
}

static ps_error process_row(ingest *g, ps_csv_record *rec)
{
    const ps_catalog *cat = g->cat;
    ps_ingest_result *res = g->res;
    long line = rec->line;
    res->rows_read++;
    if (rec->nfields != g->nheader) {
        diag(g, line, 0, PS_SEV_ERROR, PS_D_FIELD_COUNT, NULL,
             "the row has %zu fields but the header has %zu (a missing or extra delimiter?)",
             rec->nfields, g->nheader);
        res->refused++;
        return PS_OK;
    }
    for (size_t f = 0; f < rec->nfields; f++)
        if (g->col[C_NOTE] != (int)f)
            ps_text_trim(rec->fields[f]);

    size_t errs_before = g->d->nerr;
    char lab[256], lab2[256], pbuf[PS_PERIOD_BUFSZ];

    /* flags first: a row flagged derived is skipped whatever else it holds */
    bool derived_flag = false, incomplete_src = false, none_flag = false;
    if (g->col[C_FLAGS] >= 0)
        parse_flags(g, line, field(g, rec, C_FLAGS), &derived_flag, &incomplete_src, &none_flag);
    const char *ind_text = field(g, rec, C_INDICATOR);
    int ind = check_indicator(g, line, ind_text);
    if (ind >= 0 && cat->indicators[ind].kind == PS_KIND_DERIVED) {
        if (derived_flag) {
            res->skipped_derived++;
            return PS_OK;
        }
        diag(g, line, colno(g, C_INDICATOR), PS_SEV_ERROR, PS_D_DERIVED_SUBMITTED, ind_text,
             "%s is derived (%s): it is computed by provstat, never submitted; remove the row",
             ind_text, cat->indicators[ind].formula_text);
        ind = -1;
    } else if (derived_flag && ind >= 0) {
        res->skipped_derived++;
        return PS_OK;
    }

    const char *unit_text = field(g, rec, C_UNIT);
    int u = g->col[C_UNIT] >= 0 && *unit_text ? check_unit(g, line, unit_text)
          : g->fixed_unit >= 0 ? g->fixed_unit : check_unit(g, line, unit_text);
    if (u >= 0 && !ps_catalog_unit_within(cat, u, g->rep->scope)) {
        diag(g, line, colno(g, C_UNIT), PS_SEV_ERROR, PS_D_OUT_OF_SCOPE, unit_text,
             "unit %s is outside the scope of reporter %s (%s), which reports for %s",
             unit_label(cat, u, lab, sizeof lab), g->rep->code, g->rep->name_vi,
             unit_label(cat, g->rep->scope, lab2, sizeof lab2));
        u = -1;
    }
    if (ind >= 0 && !ps_reporter_allows(cat, g->rep, ind)) {
        diag(g, line, colno(g, C_INDICATOR), PS_SEV_ERROR, PS_D_NOT_ALLOWED, ind_text,
             "reporter %s may not send %s: its list is %s", g->rep->code, ind_text,
             g->rep->indicators_text);
        ind = -1;
    }

    ps_period p = g->fixed_period;
    bool pok = g->has_fixed_period;
    const char *ptext = field(g, rec, C_PERIOD);
    if (g->col[C_PERIOD] >= 0 && (*ptext || !g->has_fixed_period)) {
        char msg[256];
        pok = ps_period_parse(ptext, &p, msg, sizeof msg);
        if (!pok)
            diag(g, line, colno(g, C_PERIOD), PS_SEV_ERROR, PS_D_BAD_PERIOD, ptext, "%s%s",
                 *ptext ? "" : "the period is empty", *ptext ? msg : "");
    }

    int measure = PS_MEASURE_ACTUAL;
    const char *mtext = field(g, rec, C_MEASURE);
    if (!*mtext || ps_text_casecmp(mtext, "actual") == 0)
        measure = PS_MEASURE_ACTUAL;
    else if (ps_text_casecmp(mtext, "plan") == 0)
        measure = PS_MEASURE_PLAN;
    else
        diag(g, line, colno(g, C_MEASURE), PS_SEV_ERROR, PS_D_BAD_MEASURE, mtext,
             "measure \"%s\" must be actual or plan", mtext);

    char status = 'A';
    const char *stext = field(g, rec, C_STATUS);
    if (*stext) {
        if (strlen(stext) == 1 && strchr("APEape", stext[0]))
            status = (char)(stext[0] & ~0x20);
        else
            diag(g, line, colno(g, C_STATUS), PS_SEV_ERROR, PS_D_BAD_STATUS, stext,
                 "status \"%s\" must be A (official), P (provisional) or E (estimate)", stext);
    }

    if (pok && ind >= 0) {
        const ps_indicator *x = &cat->indicators[ind];
        int months = ps_period_month_count(p);
        bool ok = p.type == PS_P_YTD || months >= ps_frequency_months(x->frequency);
        /* a longer period must line up with the frequency: a quarter holds whole quarters */
        if (!ok)
            diag(g, line, colno(g, C_PERIOD), PS_SEV_ERROR, PS_D_PERIOD_TOO_SHORT, ptext,
                 "%s is reported by %s: %s is shorter than that (send %s values)", x->code,
                 ps_frequency_name(x->frequency), ps_period_format(p, pbuf),
                 ps_frequency_name(x->frequency));
    }
    if (pok && u >= 0 && !ps_unit_valid_in(&cat->units[u], p)) {
        const ps_unit *un = &cat->units[u];
        char a[PS_PERIOD_BUFSZ], b[PS_PERIOD_BUFSZ];
        if (un->valid_to.type != PS_P_NONE && un->successor >= 0)
            diag(g, line, colno(g, C_UNIT), PS_SEV_ERROR, PS_D_UNIT_NOT_VALID, unit_text,
                 "unit %s did not exist in %s: it ended in %s and became part of %s",
                 unit_label(cat, u, lab, sizeof lab), ps_period_format(p, pbuf),
                 ps_period_format(un->valid_to, a), unit_label(cat, un->successor, lab2, sizeof lab2));
        else
            diag(g, line, colno(g, C_UNIT), PS_SEV_ERROR, PS_D_UNIT_NOT_VALID, unit_text,
                 "unit %s did not exist in %s (valid %s to %s)", unit_label(cat, u, lab, sizeof lab),
                 ps_period_format(p, pbuf),
                 un->valid_from.type ? ps_period_format(un->valid_from, a) : "always",
                 un->valid_to.type ? ps_period_format(un->valid_to, b) : "now");
        u = -1;
    }

    /* the value */
    const char *vtext = field(g, rec, C_VALUE);
    double value = 0;
    ps_num_kind nk = PS_NUM_BAD;
    if (ind >= 0 || g->col[C_VALUE] >= 0) {
        const ps_indicator *x = ind >= 0 ? &cat->indicators[ind] : NULL;
        char msg[512];
        nk = ps_number_parse(vtext, g->numfmt, x ? x->percent : true, x ? x->decimals : -1, &value,
                             msg, sizeof msg);
        if (nk == PS_NUM_BAD)
            diag(g, line, colno(g, C_VALUE), PS_SEV_ERROR, PS_D_BAD_NUMBER, vtext, "%s", msg);
        else if (nk == PS_NUM_AMBIGUOUS)
            diag(g, line, colno(g, C_VALUE), PS_SEV_ERROR, PS_D_AMBIGUOUS_NUMBER, vtext, "%s", msg);
        else if (nk == PS_NUM_VALUE && x) {
            char vb[PS_NUMBER_BUFSZ], lb[PS_NUMBER_BUFSZ];
            if (x->has_min && value < x->min)
                diag(g, line, colno(g, C_VALUE), PS_SEV_ERROR, PS_D_OUT_OF_RANGE, vtext,
                     "value %s is below the minimum %s of %s", ps_number_format(value, vb),
                     ps_number_format(x->min, lb), x->code);
            else if (x->has_max && value > x->max)
                diag(g, line, colno(g, C_VALUE), PS_SEV_ERROR, PS_D_OUT_OF_RANGE, vtext,
                     "value %s is above the maximum %s of %s", ps_number_format(value, vb),
                     ps_number_format(x->max, lb), x->code);
        }
    }

    double coverage = check_coverage(g, line, field(g, rec, C_COVERAGE));

    if (g->d->nerr > errs_before || ind < 0 || u < 0 || !pok) {
        res->refused++;
        return PS_OK;
    }
    switch (nk) {
    case PS_NUM_NA_DOTS: res->marks_dots++; return PS_OK;
    case PS_NUM_NA_X: res->marks_x++; return PS_OK;
    case PS_NUM_EMPTY: res->marks_empty++; return PS_OK;
    default: break;
    }

    int flags = 0;
    if (nk == PS_NUM_NONE_OCCURRED || (none_flag && nk == PS_NUM_VALUE && value == 0)) {
        flags |= PS_OBS_NONE_OCCURRED;
        res->none_occurred++;
    }
    const char *ctext = field(g, rec, C_COVERAGE);
    if (coverage < 1)
        incomplete_src = true;
    if (incomplete_src) {
        flags |= PS_OBS_INCOMPLETE_SOURCE;
        diag(g, line, colno(g, C_COVERAGE), PS_SEV_WARNING, PS_D_INCOMPLETE_SOURCE, ctext,
             "the exported value had coverage %s (below 1): stored with the flag incomplete-source",
             *ctext ? ctext : "below 1");
    }
    const char *note = field(g, rec, C_NOTE);

    ps_obs_key k = {cat->units[u].id, cat->indicators[ind].id, measure, ps_period_key(p)};
    ps_error err;
    if ((err = series_enter(g, u, ind, measure)))
        return err;
    bool closed = g->nclosed && is_closed(g, u, p);
    if (!closed && g->series[g->cur].fresh && (g->nrun == 0 || k.period > g->run_max)) {
        /* a series with nothing stored before this file, in its first run, at a period after
         * every one of its rows so far: the key is new, and the row joins the writer's batch */
        if ((err = ps_obs_append(g->w, &k, value, status, flags, coverage, note, g->rep->id, g->sub_id, line, g->ctx)))
            return err;
        g->stored_in_a_row = 0;
        remember_pair(g, u, measure, k.period);
        run_point(g, k.period, value, line);
        res->stored++;
        return PS_OK;
    }
    /* most rows are new keys: one insert that does nothing when the key
     * exists; but after two rows in a row that found their keys stored,
     * the next is likely a revision too (a file sent again), and reading
     * first saves that insert (a month's file that revises the month
     * before alternates, and keeps inserting first; a series new to the
     * database keeps the insert: its run is checked from the rows it stored) */
    bool read_first = g->stored_in_a_row >= 2 && !g->series[g->cur].fresh;
    if ((!closed || g->o->force) && !read_first) {
        bool inserted;
        if ((err = ps_obs_insert_new(g->w, &k, value, status, flags, coverage, note, g->rep->id, g->sub_id, line,
                                     &inserted, g->ctx)))
            return err;
        if (inserted) {
            g->stored_in_a_row = 0;
            if (closed && (err = ps_obs_override(g->w, g->sub_id, &k, "closed-period", line, g->ctx)))
                return err;
            if (closed)
                res->forced++;
            remember_pair(g, u, measure, k.period);
            run_point(g, k.period, value, line);
            res->stored++;
            return PS_OK;
        }
    }
    ps_obs cur;
    if ((err = ps_obs_get(g->w, &k, &cur, g->ctx)))
        return err;
    g->stored_in_a_row = cur.exists ? g->stored_in_a_row + 1 : 0;
    if (cur.exists && cur.submission_id == g->sub_id) {
        diag(g, line, 0, PS_SEV_ERROR, PS_D_DUPLICATE_ROW, NULL,
             "%s %s %s %s appears twice in the file (first on line %ld)", cat->units[u].code,
             cat->indicators[ind].code, ps_period_format(p, pbuf),
             measure == PS_MEASURE_PLAN ? "plan" : "actual", cur.line);
        res->refused++;
        return PS_OK;
    }
    bool same = cur.exists && cur.has_value && cur.value == value && cur.status == status &&
                cur.flags == flags && cur.coverage == coverage && !cur.note_truncated && strcmp(cur.note, note) == 0;
    bool forced_other = false, forced_closed = false;
    if (cur.exists && cur.reporter_id != g->rep->id && !same) {
        const ps_reporter *first = NULL;
        for (size_t r = 0; r < cat->nreporters; r++)
            if (cat->reporters[r].id == cur.reporter_id)
                first = &cat->reporters[r];
        if (!g->o->force) {
            diag(g, line, colno(g, C_VALUE), PS_SEV_ERROR, PS_D_OTHER_REPORTER, vtext,
                 "%s %s %s was first sent by %s (%s): only that reporter may revise it"
                 " (use --force to override; the override is recorded)",
                 cat->units[u].code, cat->indicators[ind].code, ps_period_format(p, pbuf),
                 first ? first->code : "another reporter", first ? first->name_vi : "?");
            res->refused++;
            return PS_OK;
        }
        forced_other = true;
    }
    if (closed) {
        bool repeat = cur.exists && cur.has_value && cur.value == value && cur.coverage == coverage && status == 'A';
        if (!repeat) {
            if (!g->o->force) {
                diag(g, line, colno(g, C_PERIOD), PS_SEV_ERROR, PS_D_PERIOD_CLOSED, ptext,
                     "%s is closed for %s: its official figures are final"
                     " (use --force to revise it anyway; the override is recorded, or `provstat reopen`)",
                     ps_period_format(p, pbuf), unit_label(cat, u, lab, sizeof lab));
                res->refused++;
                return PS_OK;
            }
            forced_closed = true;
        }
    }
    remember_pair(g, u, measure, k.period);
    if (same) {
        res->unchanged++;
        return PS_OK;
    }
    if ((err = ps_obs_put(g->w, &k, &cur, true, value, status, flags, coverage, note, g->rep->id, g->sub_id, line,
                          g->ctx)))
        return err;
    if (forced_other && (err = ps_obs_override(g->w, g->sub_id, &k, "other-reporter", line, g->ctx)))
        return err;
    if (forced_closed && (err = ps_obs_override(g->w, g->sub_id, &k, "closed-period", line, g->ctx)))
        return err;
    if (forced_other || forced_closed)
        res->forced++;
    if (cur.exists)
        res->revised++;
    else
        res->stored++;
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Rules on the values the file leaves in the database
 * ------------------------------------------------------------------------ */

typedef struct rule_ctx {
    int unit;
    ps_period period;
    int measure;
} rule_ctx;

typedef struct rule_eval {
    ingest *g;
    ps_error err;
    bool incomplete;    /* an operand came from an incomplete source */
} rule_eval;

static bool rv_value(void *self, const void *vctx, const char *code, double *v)
{
    rule_eval *re = self;
    const rule_ctx *c = vctx;
    int ind = ps_catalog_indicator(re->g->cat, code);
    if (ind < 0 || c->unit < 0 || c->period.type == PS_P_NONE)
        return false;
    ps_obs_key k = {re->g->cat->units[c->unit].id, re->g->cat->indicators[ind].id, c->measure,
                    ps_period_key(c->period)};
    ps_obs cur;
    ps_error err = ps_obs_get(re->g->w, &k, &cur, re->g->ctx);
    if (err) {
        re->err = err;
        return false;
    }
    if (!cur.exists || !cur.has_value)
        return false;
    if (cur.flags & PS_OBS_INCOMPLETE_SOURCE)
        re->incomplete = true;
    *v = cur.value;
    return true;
}

static bool rv_shift(void *self, const void *vctx, ps_ffn fn, void *out)
{
    rule_eval *re = self;
    rule_ctx c = *(const rule_ctx *)vctx;
    bool plan = false;
    if (fn == PS_FN_PER_CAPITA || !ps_formula_shift_period(fn, &c.period, &plan))
        return false;
    if (plan)
        c.measure = PS_MEASURE_PLAN;
    if (fn == PS_FN_PARENT && (c.unit = re->g->cat->units[c.unit].parent) < 0)
        return false;
    memcpy(out, &c, sizeof c);
    return true;
}

/* POP of the rule's unit for q: in the rule's own measure for its period,
 * an actual value for a year standing in (ps_formula_per_capita_pop). */
static int rv_pop_get(void *arg, ps_period q, bool fallback, double *pop)
{
    const void **a = arg;
    const rule_ctx *c = a[1];
    rule_ctx qc = {c->unit, q, fallback ? PS_MEASURE_ACTUAL : c->measure};
    return rv_value((void *)a[0], &qc, a[2], pop) ? 1 : 0;
}

static bool rv_pop(void *self, const void *vctx, double *pop)
{
    rule_eval *re = self;
    if (re->g->cat->pop < 0)
        return false;
    const void *a[3] = {self, vctx, re->g->cat->indicators[re->g->cat->pop].code};
    bool carried;
    return ps_formula_per_capita_pop(((const rule_ctx *)vctx)->period, rv_pop_get, a, pop, &carried);
}

/* The first indicator code a formula names, for blaming a line. */
static void first_ref(const char *code, bool in_call, void *arg)
{
    const char **out = arg;
    if (!*out && !in_call)
        *out = code;
}

/* The line to blame for a rule that fails for unit u in p: this file's
 * value of indicator ind (-1: none named), else the first of its values
 * of that unit and period; 0 when the file stored none of them. */
static ps_error rule_line(ingest *g, int u, ps_period p, int ind, long *line)
{
    const ps_catalog *cat = g->cat;
    *line = 0;
    ps_error err = PS_OK;
    if (ind >= 0) {
        ps_obs_key k = {cat->units[u].id, cat->indicators[ind].id, PS_MEASURE_ACTUAL, ps_period_key(p)};
        err = ps_obs_line_of(g->w, &k, g->sub_id, line, g->ctx);
    }
    for (size_t q = 0; q < cat->nindicators && !*line && !err; q++) {
        ps_obs_key k = {cat->units[u].id, cat->indicators[q].id, PS_MEASURE_ACTUAL, ps_period_key(p)};
        err = ps_obs_line_of(g->w, &k, g->sub_id, line, g->ctx);
    }
    return err;
}

typedef struct id_list {
    const ps_catalog *cat;
    long long ids[64];
    size_t n;
} id_list;

static void collect_id(const char *code, bool in_call, void *arg)
{
    id_list *l = arg;
    int i = ps_catalog_indicator(l->cat, code);
    if (i >= 0 && l->n < 64)
        l->ids[l->n++] = l->cat->indicators[i].id;
}

/* Checks the rules for every unit and period the file touched. With
 * --partial, the file's values of the indicators of a failed error rule
 * are undone for that unit and period; the counts move to refused. */
static ps_error check_rules(ingest *g)
{
    const ps_catalog *cat = g->cat;
    rule_eval re = {g, PS_OK, false};
    ps_feval_ops ops = {rv_value, rv_shift, rv_pop, sizeof(rule_ctx)};
    for (size_t i = 0; i < g->npairs; i++) {
        int u = g->pairs[2 * i];
        ps_period p = ps_period_from_key(g->pairs[2 * i + 1]);
        id_list undo = {cat, {0}, 0};
        for (size_t r = 0; r < cat->nrules; r++) {
            const ps_rule *rule = &cat->rules[r];
            if (!rule->left || !rule->right)
                continue;
            rule_ctx c = {u, p, PS_MEASURE_ACTUAL};
            double l, rv;
            re.incomplete = false;
            bool hl = ps_formula_eval(rule->left, &ops, &re, &c, &l);
            bool hr = ps_formula_eval(rule->right, &ops, &re, &c, &rv);
            if (re.err)
                return re.err;
            /* a rule with a missing side is skipped; so is one on totals an
             * export marked incomplete (their parts need not agree yet) */
            if (!hl || !hr || re.incomplete || ps_rule_holds(rule->op, l, rv))
                continue;
            const char *code = NULL;
            ps_formula_walk_refs(rule->left, first_ref, &code);
            if (!code)
                ps_formula_walk_refs(rule->right, first_ref, &code);
            long line = 0;
            ps_error err = rule_line(g, u, p, code ? ps_catalog_indicator(cat, code) : -1, &line);
            if (err)
                return err;
            char pbuf[PS_PERIOD_BUFSZ], msg[2048];
            ps_period_format(p, pbuf);
            diag(g, line, colno(g, C_VALUE), rule->severity, PS_D_RULE_FAILED, NULL, "%s",
                 ps_rule_failure_text(rule, cat->units[u].code, pbuf, l, rv, msg, sizeof msg));
            if (rule->severity == PS_SEV_ERROR) {
                ps_formula_walk_refs(rule->left, collect_id, &undo);
                ps_formula_walk_refs(rule->right, collect_id, &undo);
            }
        }
        if (undo.n && g->o->partial) {
            long nn = 0, nr = 0;
            ps_error err = ps_obs_undo_group(g->w, g->sub_id, g->cat->units[u].id, ps_period_key(p),
                                             undo.ids, undo.n, &nn, &nr, g->ctx);
            if (err)
                return err;
            g->res->stored -= nn;
            g->res->revised -= nr;
            g->res->refused += nn + nr;
        }
    }
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * The whole file
 * ------------------------------------------------------------------------ */

static void options_text(const ps_ingest_opts *o, ps_strbuf *sb)
{
    ps_sb_printf(sb, "unit=%s;period=%s;number-format=%s;encoding=%s", o->unit ? o->unit : "",
                 o->period ? o->period : "", o->numfmt_given ? ps_numfmt_name(o->numfmt) : "auto",
                 o->encoding == PS_ENC_CP1258 ? "cp1258" : "utf-8");
}

/* Releases what an ingest holds; safe to call twice. */
static void free_ingest(ingest *g)
{
    ps_obs_writer_free(g->w);
    g->w = NULL;
    free(g->closed);
    g->closed = NULL;
    ps_set64_free(&g->series_seen);
    ps_set64_free(&g->pairs_seen);
    free(g->run);
    g->run = NULL;
    ps_diags_free(&g->early);
    free(g->early_owner);
    g->early_owner = NULL;
    free(g->series);
    g->series = NULL;
    free(g->pairs);
    g->pairs = NULL;
}

ps_error ps_ingest_file(ps_db *db, const ps_catalog *cat, const char *path,
                        const ps_ingest_opts *o, ps_ingest_result *res,
                        ps_diags *diags, ps_ctx *ctx)
{
    memset(res, 0, sizeof *res);
    ingest g;
    memset(&g, 0, sizeof g);
    g.db = db; g.cat = cat; g.o = o; g.path = path; g.d = diags; g.ctx = ctx; g.res = res;
    g.fixed_unit = -1;
    g.cur = -1;
    g.first_month = INT_MAX;
    g.last_month = INT_MIN;
    ps_diags_init(&g.early);
    ps_set64_init(&g.series_seen);
    ps_set64_init(&g.pairs_seen);

    g.rep_index = o->reporter ? ps_catalog_reporter(cat, o->reporter) : -1;
    if (g.rep_index < 0)
        return ps_failf(ctx, PS_ERR_USAGE, "reporter %s is not in the catalog (see `provstat catalog reporters`)",
                        o->reporter ? o->reporter : "(none)");
    g.rep = &cat->reporters[g.rep_index];
    if (o->unit) {
        g.fixed_unit = ps_catalog_unit(cat, o->unit);
        if (g.fixed_unit < 0)
            return ps_failf(ctx, PS_ERR_USAGE, "--unit %s is not a unit of the catalog", o->unit);
    }
    if (o->period) {
        char msg[256];
        if (!ps_period_parse(o->period, &g.fixed_period, msg, sizeof msg))
            return ps_failf(ctx, PS_ERR_USAGE, "--period %s: %s", o->period, msg);
        g.has_fixed_period = true;
    }

    char sha[PS_SHA256_HEX];
    ps_error err = ps_sha256_file(path, sha, ctx);
    if (err)
        return err;
    ps_csv *csv = NULL;
    ps_csv_opts copts = {o->encoding, 0, path};
    if ((err = ps_csv_open(&csv, path, &copts, ctx)))
        return err;

    ps_strbuf opts_sb = PS_STRBUF_INIT;
    options_text(o, &opts_sb);
    size_t diags_before = diags->n;
    if ((err = ps_db_begin(db, ctx)))
        goto done;
    if ((err = ps_obs_writer_new(db, &g.w, ctx)))
        goto rollback;
    long long earlier = 0;
    if ((err = ps_obs_find_submission(g.w, sha, g.rep->id, ps_sb_str(&opts_sb), &earlier, ctx)))
        goto rollback;
    if (earlier) {
        res->already = true;
        res->already_id = earlier;
        goto rollback; /* nothing to do, and nothing changed */
    }
    if ((err = ps_obs_closed_list(db, &g.closed, &g.nclosed, ctx)))
        goto rollback;
    if ((err = ps_obs_submission_new(g.w, g.rep->id, path, sha, ps_sb_str(&opts_sb), o->received,
                                     &g.sub_id, ctx)))
        goto rollback;
    res->submission_id = g.sub_id;

    ps_csv_record *rec;
    int rc = ps_csv_next(csv, &rec, diags, ctx);
    if (rc < 0) {
        err = ps_csv_error(csv) == PS_ERR_IO ? PS_ERR_IO : PS_OK;
        goto finish;
    }
    if (rc == 0) {
        diag(&g, 1, 0, PS_SEV_ERROR, PS_D_EMPTY_FILE, NULL, "the file is empty: it needs a header row");
        goto finish;
    }
    g.numfmt = o->numfmt_given ? o->numfmt : ps_csv_delimiter(csv) == ';' ? PS_NF_VI : PS_NF_PLAIN;
    if (!map_header(&g, rec))
        goto finish;
    long n = 0, every = o->progress_rows > 0 ? o->progress_rows : 4096;
    while ((rc = ps_csv_next(csv, &rec, diags, ctx)) > 0) {
        if ((err = process_row(&g, rec)))
            goto rollback;
        if (++n % every == 0 && o->progress)
            o->progress(o->progress_arg, n, ps_csv_bytes_read(csv), ps_csv_file_size(csv));
    }
    if (rc < 0 && ps_csv_error(csv) == PS_ERR_IO) {
        err = PS_ERR_IO;
        goto rollback;
    }
    if (o->progress)
        o->progress(o->progress_arg, n, ps_csv_bytes_read(csv), ps_csv_file_size(csv));

finish:
    if (!err && (err = ps_obs_flush(g.w, ctx)))
        goto rollback;
    if (!err && (err = check_rules(&g)))
        goto rollback;
    finish_run(&g);
    for (size_t i = 0; i < g.nseries && !err; i++) {
        const touched_series *t = &g.series[i];
        if (t->measure == PS_MEASURE_ACTUAL && !t->checked)
            err = ps_history_warnings(g.w, cat, t->unit, t->indicator, g.sub_id, path,
                                      colno(&g, C_VALUE), diags, ctx);
    }
    /* the warnings of series checked while reading, unless they came back */
    ps_diags_move_if(diags, &g.early, early_kept, &g);
    if (err)
        goto rollback;
    size_t nerr = 0;
    for (size_t i = diags_before; i < diags->n; i++)
        if (diags->v[i].severity == PS_SEV_ERROR)
            nerr++;
    bool any = res->stored + res->revised + res->unchanged > 0;
    if (nerr && !o->partial)
        goto rollback_refused;
    if (o->dry_run || !any)
        goto rollback_refused;
    ps_obs_counts counts = {res->rows_read, res->stored, res->revised, res->unchanged,
                            res->marks_dots + res->marks_x + res->marks_empty, res->skipped_derived,
                            res->refused, res->forced};
    if ((err = ps_obs_submission_finish(g.w, g.sub_id, &counts, nerr ? "partial" : "stored", ctx)))
        goto rollback;
    bool changed = res->stored + res->revised > 0;
    ps_change *changes = ps_xmalloc((g.nseries ? g.nseries : 1) * sizeof *changes);
    for (size_t i = 0; i < g.nseries; i++)
        changes[i] = (ps_change){g.series[i].unit, g.series[i].indicator};
    ps_change_set set = {changes, g.nseries, g.first_month, g.last_month, o->refresh_max, false};
    free_ingest(&g);
    g.w = NULL;
    if (changed)
        err = ps_change_commit(db, cat, &set, &res->kept, ctx);
    else
        err = ps_db_commit(db, ctx);
    free(changes);
    if (err)
        goto rollback;
    res->committed = true;
    err = nerr ? PS_ERR_REFUSED : PS_OK;
    goto done;

rollback_refused:
    err = nerr ? PS_ERR_REFUSED : PS_OK;
rollback:
    free_ingest(&g);
    g.w = NULL;
    ps_db_rollback(db);
done:
    free_ingest(&g);
    ps_csv_close(csv);
    ps_sb_free(&opts_sb);
    return err;
}
