/* catalog.c - reading and checking the catalog of one province. */
#include "core/catalog.h"

#include "core/alloc.h"
#include "core/csv.h"
#include "core/number.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------------
 * Names of enumerations
 * ------------------------------------------------------------------------ */

static const char *const level_names[] = {"nation", "region", "province", "district", "commune"};

const char *ps_level_name(ps_level l)
{
    return (unsigned)l < PS_LEVEL_NONE ? level_names[l] : "";
}

ps_level ps_level_parse(const char *s)
{
    for (int i = 0; i < PS_LEVEL_NONE; i++)
        if (ps_text_casecmp(s, level_names[i]) == 0)
            return (ps_level)i;
    return PS_LEVEL_NONE;
}

static const char *const kind_names[] = {"flow", "stock", "rate", "derived"};

const char *ps_kind_name(ps_ind_kind k)
{
    return (unsigned)k <= PS_KIND_DERIVED ? kind_names[k] : "";
}

bool ps_kind_parse(const char *s, ps_ind_kind *out)
{
    for (int i = 0; i <= PS_KIND_DERIVED; i++) {
        if (ps_text_casecmp(s, kind_names[i]) == 0) {
            *out = (ps_ind_kind)i;
            return true;
        }
    }
    return false;
}

static const char *const agg_names[] = {"none", "sum", "mean", "wmean", "min", "max", "last"};

const char *ps_agg_name(ps_agg a)
{
    return (unsigned)a <= PS_AGG_LAST ? agg_names[a] : "";
}

const char *ps_indicator_space_agg_text(const ps_indicator *ind, char *buf, size_t bufsz)
{
    if (ind->kind == PS_KIND_DERIVED && ind->space_agg == PS_AGG_NONE)
        return "";
    if (ind->space_agg == PS_AGG_WMEAN) {
        snprintf(buf, bufsz, "wmean:%s", ind->weight_code ? ind->weight_code : "");
        return buf;
    }
    return ps_agg_name(ind->space_agg);
}

static const char *const op_names[] = {"==", "!=", "<", "<=", ">", ">="};

const char *ps_rule_op_name(ps_rule_op op)
{
    return (unsigned)op <= PS_OP_GE ? op_names[op] : "";
}

static bool op_parse(const char *s, ps_rule_op *out)
{
    for (int i = 0; i <= PS_OP_GE; i++) {
        if (strcmp(s, op_names[i]) == 0) {
            *out = (ps_rule_op)i;
            return true;
        }
    }
    return false;
}

char *ps_rule_failure_text(const ps_rule *rule, const char *unit, const char *period, double l, double r,
                           char *buf, size_t n)
{
    char lb[PS_NUMBER_BUFSZ], rb[PS_NUMBER_BUFSZ];
    const char *first = ps_lang_get() == PS_LANG_VI ? rule->message_vi : rule->message_en;
    const char *other = ps_lang_get() == PS_LANG_VI ? rule->message_en : rule->message_vi;
    const char *why = *first ? first : other;
    const char *op = ps_rule_op_name(rule->op);
    ps_msg_format(buf, n, PS_M_CAT_RULE_DOES_NOT_HOLD, rule->code, unit, period,
             rule->left_text, op, rule->right_text, ps_number_format(l, lb), op, ps_number_format(r, rb),
             *why ? " — " : "", why);
    return buf;
}

bool ps_rule_holds(ps_rule_op op, double l, double r)
{
    double tol = 0.005 * fmax(fabs(l), fabs(r));
    bool eq = fabs(l - r) <= tol;
    switch (op) {
    case PS_OP_EQ: return eq;
    case PS_OP_NE: return !eq;
    case PS_OP_LT: return l < r;
    case PS_OP_LE: return l <= r;
    case PS_OP_GT: return l > r;
    case PS_OP_GE: return l >= r;
    }
    return false;
}

/* ------------------------------------------------------------------------
 * Construction and destruction
 * ------------------------------------------------------------------------ */

ps_catalog *ps_catalog_new(void)
{
    ps_catalog *cat = ps_xcalloc(1, sizeof *cat);
    ps_map_init(&cat->unit_index);
    ps_map_init(&cat->indicator_index);
    ps_map_init(&cat->reporter_index);
    cat->top = -1;
    cat->pop = -1;
    for (int f = 0; f < 4; f++)
        for (int c = 0; c < 20; c++)
            cat->cols[f][c] = c + 1;
    return cat;
}

#define GROW_ARRAY(arr, n)                                                   \
    do {                                                                     \
        if (((n) & ((n) - 1)) == 0 || (n) == 0)                              \
            (arr) = ps_xrealloc((arr), ((n) ? (n) * 2 : 8) * sizeof *(arr)); \
    } while (0)

ps_unit *ps_catalog_add_unit(ps_catalog *cat)
{
    GROW_ARRAY(cat->units, cat->nunits);
    ps_unit *u = &cat->units[cat->nunits++];
    memset(u, 0, sizeof *u);
    u->parent = u->successor = -1;
    u->level = PS_LEVEL_NONE;
    return u;
}

ps_indicator *ps_catalog_add_indicator(ps_catalog *cat)
{
    GROW_ARRAY(cat->indicators, cat->nindicators);
    ps_indicator *x = &cat->indicators[cat->nindicators++];
    memset(x, 0, sizeof *x);
    x->weight = -1;
    x->frequency = PS_P_MONTH;
    return x;
}

ps_reporter *ps_catalog_add_reporter(ps_catalog *cat)
{
    GROW_ARRAY(cat->reporters, cat->nreporters);
    ps_reporter *r = &cat->reporters[cat->nreporters++];
    memset(r, 0, sizeof *r);
    r->scope = -1;
    r->report_level = PS_LEVEL_NONE;
    r->deadline_day = 20;
    return r;
}

ps_rule *ps_catalog_add_rule(ps_catalog *cat)
{
    GROW_ARRAY(cat->rules, cat->nrules);
    ps_rule *r = &cat->rules[cat->nrules++];
    memset(r, 0, sizeof *r);
    return r;
}

void ps_catalog_free(ps_catalog *cat)
{
    if (!cat)
        return;
    for (size_t i = 0; i < cat->nunits; i++) {
        ps_unit *u = &cat->units[i];
        free(u->code); free(u->name_vi); free(u->name_en); free(u->kind);
        free(u->parent_code); free(u->successor_code);
        free(u->children); free(u->predecessors);
    }
    for (size_t i = 0; i < cat->nindicators; i++) {
        ps_indicator *x = &cat->indicators[i];
        free(x->code); free(x->name_vi); free(x->name_en); free(x->unit_vi);
        free(x->unit_en); free(x->weight_code); free(x->formula_text);
        free(x->group);
        free(x->group_en);
        ps_formula_free(x->formula);
    }
    for (size_t i = 0; i < cat->nreporters; i++) {
        ps_reporter *r = &cat->reporters[i];
        free(r->code); free(r->name_vi); free(r->name_en); free(r->scope_code);
        free(r->indicators_text); free(r->indicators);
    }
    for (size_t i = 0; i < cat->nrules; i++) {
        ps_rule *r = &cat->rules[i];
        free(r->code); free(r->left_text); free(r->right_text);
        ps_formula_free(r->left); ps_formula_free(r->right);
        free(r->message_vi); free(r->message_en);
    }
    for (size_t i = 0; i < cat->ngroups; i++)
        free(cat->groups[i]);
    free(cat->groups);
    free((void *)cat->groups_en);
    free(cat->report_order);
    free(cat->units); free(cat->indicators); free(cat->reporters); free(cat->rules);
    ps_map_free(&cat->unit_index);
    ps_map_free(&cat->indicator_index);
    ps_map_free(&cat->reporter_index);
    free(cat);
}

/* ------------------------------------------------------------------------
 * Lookups
 * ------------------------------------------------------------------------ */

/* The index of code in m without regard to letter case: the catalog's
 * codes are upper-cased when loaded (SPEC §3). */
static int lookup(const ps_map *m, const char *code)
{
    char buf[64];
    size_t n = strlen(code);
    if (n >= sizeof buf) {
        char *up = ps_text_upper_ascii(ps_xstrdup(code));
        int i = ps_map_get(m, up, -1);
        free(up);
        return i;
    }
    memcpy(buf, code, n + 1);
    return ps_map_get(m, ps_text_upper_ascii(buf), -1);
}

int ps_catalog_unit(const ps_catalog *cat, const char *code)
{
    return lookup(&cat->unit_index, code);
}

int ps_catalog_indicator(const ps_catalog *cat, const char *code)
{
    return lookup(&cat->indicator_index, code);
}

int ps_catalog_reporter(const ps_catalog *cat, const char *code)
{
    return lookup(&cat->reporter_index, code);
}

/* Months counted from year 0: year * 12 + month - 1. */
static int month_index(ps_period p, bool last)
{
    return p.year * 12 + (last ? ps_period_last_month(p) : ps_period_first_month(p)) - 1;
}

bool ps_unit_valid_in(const ps_unit *u, ps_period p)
{
    if (u->valid_from.type != PS_P_NONE && month_index(p, false) < month_index(u->valid_from, false))
        return false;
    if (u->valid_to.type != PS_P_NONE && month_index(p, true) > month_index(u->valid_to, true))
        return false;
    return true;
}

bool ps_catalog_unit_within(const ps_catalog *cat, int u, int scope)
{
    for (int guard = 0; u >= 0 && guard < 64; guard++) {
        if (u == scope)
            return true;
        u = cat->units[u].parent;
    }
    return false;
}

bool ps_reporter_allows(const ps_catalog *cat, const ps_reporter *r, int i)
{
    if (r->all_indicators)
        return cat->indicators[i].kind != PS_KIND_DERIVED;
    for (int k = 0; k < r->nindicators; k++)
        if (r->indicators[k] == i)
            return true;
    return false;
}

static int suggest(const ps_map *m, const char *code)
{
    int best = -1;
    size_t bestd = (size_t)-1;
    const char *bestkey = NULL;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t d = ps_text_distance(code, m->keys[i]);
        if (d < bestd || (d == bestd && strcmp(m->keys[i], bestkey) < 0)) {
            bestd = d;
            best = m->vals[i];
            bestkey = m->keys[i];
        }
    }
    size_t len = strlen(code);
    size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    return bestd <= limit ? best : -1;
}

int ps_catalog_unit_suggest(const ps_catalog *cat, const char *code)
{
    return suggest(&cat->unit_index, code);
}

int ps_catalog_indicator_suggest(const ps_catalog *cat, const char *code)
{
    return suggest(&cat->indicator_index, code);
}

/* ------------------------------------------------------------------------
 * Reading the CSV files
 * ------------------------------------------------------------------------ */

typedef struct colspec {
    const char *name;
    bool required;
} colspec;

/* One open catalog file with its header mapped to the columns we know. */
typedef struct table {
    int *colmap;        /* the catalog's column numbers for this file */
    ps_csv *csv;
    const char *path;
    int col[20];        /* field index of each colspec, -1 when absent */
    int ncols;
    size_t nheader;
} table;

static bool code_ok_upper(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z')))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static bool code_ok_unit(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

/* Opens a catalog file and maps its header. Returns PS_OK, PS_ERR_IO, or
 * PS_ERR_REFUSED when the header lacks required columns (diags say which). */
static ps_error table_open(table *t, const char *path, const colspec *cols, int ncols,
                           int *colmap, ps_diags *diags, ps_ctx *ctx)
{
    memset(t, 0, sizeof *t);
    t->colmap = colmap;
    t->path = path;
    t->ncols = ncols;
    ps_csv_opts opts = {0};
    ps_error err = ps_csv_open(&t->csv, path, &opts, ctx);
    if (err)
        return err;
    ps_csv_record *rec;
    int rc = ps_csv_next(t->csv, &rec, diags, ctx);
    if (rc < 0)
        return ps_csv_error(t->csv) ? ps_csv_error(t->csv) : PS_ERR_REFUSED;
    if (rc == 0) {
        ps_diag_msg(diags, path, 1, 0, PS_SEV_ERROR, PS_D_EMPTY_FILE, NULL,
                    PS_M_CAT_FILE_EMPTY_NEEDS_HEADER);
        return PS_ERR_REFUSED;
    }
    for (int c = 0; c < ncols; c++)
        t->col[c] = -1;
    t->nheader = rec->nfields;
    for (size_t f = 0; f < rec->nfields; f++) {
        char *h = ps_text_trim(rec->fields[f]);
        int found = -1;
        for (int c = 0; c < ncols; c++)
            if (ps_text_header_same(h, cols[c].name))
                found = c;
        if (found < 0) {
            ps_diag_msg(diags, path, rec->line, (int)f + 1, PS_SEV_WARNING, PS_D_UNKNOWN_COLUMN, h,
                        PS_M_CAT_COLUMN_NOT_COLUMN_THIS, h);
        } else if (t->col[found] >= 0) {
            ps_diag_msg(diags, path, rec->line, (int)f + 1, PS_SEV_ERROR, PS_D_DUPLICATE_COLUMN, h,
                        PS_M_CAT_COLUMN_APPEARS_TWICE_HEADER, h);
        } else {
            t->col[found] = (int)f;
        }
    }
    for (int c = 0; c < ncols && t->colmap; c++)
        t->colmap[c] = t->col[c] + 1;
    bool ok = true;
    for (int c = 0; c < ncols; c++) {
        if (cols[c].required && t->col[c] < 0) {
            ps_diag_msg(diags, path, rec->line, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, cols[c].name,
                        PS_M_CAT_HEADER_HAS_NO_COLUMN, cols[c].name);
            ok = false;
        }
    }
    return ok ? PS_OK : PS_ERR_REFUSED;
}

/* Next data record, or NULL at the end or after malformed CSV. Records with
 * the wrong number of fields are reported and skipped. */
static ps_csv_record *table_next(table *t, ps_diags *diags, ps_ctx *ctx, bool *failed)
{
    for (;;) {
        ps_csv_record *rec;
        int rc = ps_csv_next(t->csv, &rec, diags, ctx);
        if (rc < 0)
            *failed = true;
        if (rc <= 0)
            return NULL;
        if (rec->nfields != t->nheader) {
            ps_diag_msg(diags, t->path, rec->line, 0, PS_SEV_ERROR, PS_D_FIELD_COUNT, NULL,
                        PS_M_CAT_ROW_HAS_FIELDS_BUT, rec->nfields, t->nheader);
            continue;
        }
        for (size_t f = 0; f < rec->nfields; f++)
            ps_text_trim(rec->fields[f]);
        return rec;
    }
}

static const char *field(const table *t, const ps_csv_record *rec, int c)
{
    return t->col[c] >= 0 ? rec->fields[t->col[c]] : "";
}

static char *dup_or_null(const char *s)
{
    return *s ? ps_xstrdup(s) : NULL;
}

static char *upper_or_null(char *s)
{
    return s ? ps_text_upper_ascii(s) : NULL;
}

enum { U_CODE, U_NAME_VI, U_NAME_EN, U_LEVEL, U_KIND, U_PARENT, U_FROM, U_TO, U_SUCC, U_N };
static const colspec unit_cols[] = {
    {"code", true}, {"name_vi", true}, {"name_en", true}, {"level", true}, {"kind", true},
    {"parent", true}, {"valid_from", true}, {"valid_to", true}, {"successor", true}};

enum { R_CODE, R_NAME_VI, R_NAME_EN, R_SCOPE, R_INDS, R_LEVEL, R_DEADLINE, R_N };
static const colspec reporter_cols[] = {
    {"code", true}, {"name_vi", true}, {"name_en", true}, {"scope_unit", true},
    {"indicators", true}, {"report_level", true}, {"deadline_day", true}};

enum { I_CODE, I_NAME_VI, I_NAME_EN, I_UNIT_VI, I_UNIT_EN, I_KIND, I_SPACE, I_TIME, I_DEC,
       I_MIN, I_MAX, I_FORMULA, I_ORDER, I_GROUP, I_FREQ, I_KEY, I_GROUP_EN, I_N };
static const colspec indicator_cols[] = {
    {"code", true}, {"name_vi", true}, {"name_en", true}, {"unit_vi", true}, {"unit_en", true},
    {"kind", true}, {"space_agg", true}, {"time_agg", true}, {"decimals", true},
    {"min", true}, {"max", true}, {"formula", true}, {"order", true}, {"group", true},
    {"frequency", false}, {"key", false}, {"group_en", false}};

enum { L_CODE, L_LEFT, L_OP, L_RIGHT, L_SEV, L_MSG_VI, L_MSG_EN, L_N };
static const colspec rule_cols[] = {
    {"code", true}, {"left", true}, {"op", true}, {"right", true}, {"severity", true},
    {"message_vi", true}, {"message_en", true}};

/* Column numbers (1-based) for diagnostics; 0 when the column is absent. */
static int colno(const table *t, int c)
{
    return t->col[c] >= 0 ? t->col[c] + 1 : 0;
}

static void read_units(ps_catalog *cat, table *t, ps_diags *d, ps_ctx *ctx, bool *failed)
{
    ps_csv_record *rec;
    while ((rec = table_next(t, d, ctx, failed))) {
        ps_unit *u = ps_catalog_add_unit(cat);
        u->line = rec->line;
        u->code = ps_text_upper_ascii(ps_xstrdup(field(t, rec, U_CODE)));
        u->name_vi = ps_xstrdup(field(t, rec, U_NAME_VI));
        u->name_en = ps_xstrdup(field(t, rec, U_NAME_EN));
        u->kind = ps_xstrdup(field(t, rec, U_KIND));
        u->parent_code = upper_or_null(dup_or_null(field(t, rec, U_PARENT)));
        u->successor_code = upper_or_null(dup_or_null(field(t, rec, U_SUCC)));
        const char *lv = field(t, rec, U_LEVEL);
        u->level = ps_level_parse(lv);
        if (u->level == PS_LEVEL_NONE)
            ps_diag_msg(d, t->path, rec->line, colno(t, U_LEVEL), PS_SEV_ERROR, PS_D_BAD_LEVEL, lv,
                        PS_M_CAT_LEVEL_NOT_ONE_NATION, *lv ? lv : ps_msg(PS_M_EMPTY_VALUE));
        const int pc[2] = {U_FROM, U_TO};
        ps_period *pp[2] = {&u->valid_from, &u->valid_to};
        for (int k = 0; k < 2; k++) {
            const char *s = field(t, rec, pc[k]);
            pp[k]->type = PS_P_NONE;
            char msg[256];
            if (*s && !ps_period_parse(s, pp[k], msg, sizeof msg))
                ps_diag_msg(d, t->path, rec->line, colno(t, pc[k]), PS_SEV_ERROR, PS_D_BAD_VALIDITY, s,
                            PS_M_CAT_NOT_PERIOD, unit_cols[pc[k]].name, s, msg);
        }
    }
}

static void read_reporters(ps_catalog *cat, table *t, ps_diags *d, ps_ctx *ctx, bool *failed)
{
    ps_csv_record *rec;
    while ((rec = table_next(t, d, ctx, failed))) {
        ps_reporter *r = ps_catalog_add_reporter(cat);
        r->line = rec->line;
        r->code = ps_text_upper_ascii(ps_xstrdup(field(t, rec, R_CODE)));
        r->name_vi = ps_xstrdup(field(t, rec, R_NAME_VI));
        r->name_en = ps_xstrdup(field(t, rec, R_NAME_EN));
        r->scope_code = ps_text_upper_ascii(ps_xstrdup(field(t, rec, R_SCOPE)));
        r->indicators_text = ps_xstrdup(field(t, rec, R_INDS));
        const char *lv = field(t, rec, R_LEVEL);
        if (*lv) {
            r->report_level = ps_level_parse(lv);
            if (r->report_level == PS_LEVEL_NONE)
                ps_diag_msg(d, t->path, rec->line, colno(t, R_LEVEL), PS_SEV_ERROR, PS_D_BAD_LEVEL, lv,
                            PS_M_CAT_REPORT_LEVEL_NOT_ONE, lv);
        }
        const char *dl = field(t, rec, R_DEADLINE);
        if (*dl) {
            char *end;
            long v = strtol(dl, &end, 10);
            if (*end || v < 1 || v > 28) {
                ps_diag_msg(d, t->path, rec->line, colno(t, R_DEADLINE), PS_SEV_ERROR, PS_D_BAD_DEADLINE, dl,
                            PS_M_CAT_DEADLINE_DAY_MUST_DAY, dl);
                v = 20;
            }
            r->deadline_day = (int)v;
        }
    }
}

static bool parse_agg(const char *s, bool space, ps_agg *out, char **weight)
{
    static const ps_agg space_ok[] = {PS_AGG_SUM, PS_AGG_MEAN, PS_AGG_MIN, PS_AGG_MAX, PS_AGG_NONE};
    static const ps_agg time_ok[] = {PS_AGG_SUM, PS_AGG_LAST, PS_AGG_MEAN, PS_AGG_NONE};
    if (space && strlen(s) >= 6 && strncasecmp(s, "wmean:", 6) == 0) {
        if (!s[6])
            return false; /* "wmean:" names no weight: refused as a bad aggregation */
        *out = PS_AGG_WMEAN;
        *weight = ps_text_upper_ascii(ps_xstrdup(s + 6));
        return true;
    }
    const ps_agg *ok = space ? space_ok : time_ok;
    size_t n = space ? 5 : 4;
    for (size_t i = 0; i < n; i++) {
        if (ps_text_casecmp(s, ps_agg_name(ok[i])) == 0) {
            *out = ok[i];
            return true;
        }
    }
    return false;
}

static bool parse_plain(const char *s, double *v)
{
    return ps_number_strtod(s, v);
}

static void read_indicators(ps_catalog *cat, table *t, ps_diags *d, ps_ctx *ctx, bool *failed)
{
    ps_csv_record *rec;
    while ((rec = table_next(t, d, ctx, failed))) {
        ps_indicator *x = ps_catalog_add_indicator(cat);
        const char *path = t->path;
        long ln = rec->line;
        x->line = ln;
        x->code = ps_text_upper_ascii(ps_xstrdup(field(t, rec, I_CODE)));
        x->name_vi = ps_xstrdup(field(t, rec, I_NAME_VI));
        x->name_en = ps_xstrdup(field(t, rec, I_NAME_EN));
        x->unit_vi = ps_xstrdup(field(t, rec, I_UNIT_VI));
        x->unit_en = ps_xstrdup(field(t, rec, I_UNIT_EN));
        x->percent = strcmp(x->unit_vi, "%") == 0 || strcmp(x->unit_en, "%") == 0;
        x->formula_text = ps_xstrdup(field(t, rec, I_FORMULA));
        x->group = ps_xstrdup(field(t, rec, I_GROUP));
        x->group_en = ps_xstrdup(field(t, rec, I_GROUP_EN));

        const char *k = field(t, rec, I_KIND);
        if (!ps_kind_parse(k, &x->kind))
            ps_diag_msg(d, path, ln, colno(t, I_KIND), PS_SEV_ERROR, PS_D_BAD_KIND, k,
                        PS_M_CAT_KIND_NOT_ONE_FLOW, *k ? k : ps_msg(PS_M_EMPTY_VALUE));
        bool derived = x->kind == PS_KIND_DERIVED;

        const char *sa = field(t, rec, I_SPACE), *ta = field(t, rec, I_TIME);
        if (!(derived && *sa == '\0') && !parse_agg(sa, true, &x->space_agg, &x->weight_code))
            ps_diag_msg(d, path, ln, colno(t, I_SPACE), PS_SEV_ERROR, PS_D_BAD_AGGREGATION, sa,
                        PS_M_CAT_SPACE_AGG_NOT_ONE, *sa ? sa : ps_msg(PS_M_EMPTY_VALUE));
        if (!(derived && *ta == '\0') && !parse_agg(ta, false, &x->time_agg, &x->weight_code))
            ps_diag_msg(d, path, ln, colno(t, I_TIME), PS_SEV_ERROR, PS_D_BAD_AGGREGATION, ta,
                        PS_M_CAT_TIME_AGG_NOT_ONE, *ta ? ta : ps_msg(PS_M_EMPTY_VALUE));
        if (x->kind == PS_KIND_RATE && x->space_agg == PS_AGG_SUM)
            ps_diag_msg(d, path, ln, colno(t, I_SPACE), PS_SEV_ERROR, PS_D_BAD_AGGREGATION, sa,
                        PS_M_CAT_RATE_RATES_CANNOT_SUMMED, x->code);
        if (x->kind == PS_KIND_RATE && x->time_agg == PS_AGG_SUM)
            ps_diag_msg(d, path, ln, colno(t, I_TIME), PS_SEV_ERROR, PS_D_BAD_AGGREGATION, ta,
                        PS_M_CAT_RATE_RATES_CANNOT_SUMMED_2, x->code);
        if (derived) { /* not used for derived indicators */
            x->space_agg = PS_AGG_NONE;
            x->time_agg = PS_AGG_NONE;
            free(x->weight_code);
            x->weight_code = NULL;
        }

        const char *dec = field(t, rec, I_DEC);
        char *end;
        long dv = strtol(dec, &end, 10);
        if (!*dec || *end || dv < 0 || dv > 6) {
            ps_diag_msg(d, path, ln, colno(t, I_DEC), PS_SEV_ERROR, PS_D_BAD_DECIMALS, dec,
                        PS_M_CAT_DECIMALS_MUST_WHOLE_NUMBER, *dec ? dec : ps_msg(PS_M_EMPTY_VALUE));
            dv = 0;
        }
        x->decimals = (int)dv;

        const char *mn = field(t, rec, I_MIN), *mx = field(t, rec, I_MAX);
        if (*mn && !(x->has_min = parse_plain(mn, &x->min)))
            ps_diag_msg(d, path, ln, colno(t, I_MIN), PS_SEV_ERROR, PS_D_BAD_NUMBER, mn,
                        PS_M_CAT_MIN_NOT_PLAIN_NUMBER, mn);
        if (*mx && !(x->has_max = parse_plain(mx, &x->max)))
            ps_diag_msg(d, path, ln, colno(t, I_MAX), PS_SEV_ERROR, PS_D_BAD_NUMBER, mx,
                        PS_M_CAT_MAX_NOT_PLAIN_NUMBER, mx);
        if (x->has_min && x->has_max && x->min > x->max)
            ps_diag_msg(d, path, ln, colno(t, I_MIN), PS_SEV_ERROR, PS_D_BAD_NUMBER, mn,
                        PS_M_CAT_MIN_ABOVE_MAX, mn, mx);

        const char *ord = field(t, rec, I_ORDER);
        if (*ord && !parse_plain(ord, &x->order))
            ps_diag_msg(d, path, ln, colno(t, I_ORDER), PS_SEV_ERROR, PS_D_BAD_NUMBER, ord,
                        PS_M_CAT_ORDER_NOT_NUMBER, ord);

        const char *fq = field(t, rec, I_FREQ);
        if (*fq) {
            x->frequency = ps_frequency_parse(fq);
            if (x->frequency == PS_P_NONE) {
                ps_diag_msg(d, path, ln, colno(t, I_FREQ), PS_SEV_ERROR, PS_D_BAD_FREQUENCY, fq,
                            PS_M_CAT_FREQUENCY_NOT_ONE_MONTH, fq);
                x->frequency = PS_P_MONTH;
            }
        }
        const char *ky = field(t, rec, I_KEY);
        if (*ky && strcmp(ky, "0") != 0 && strcmp(ky, "1") != 0)
            ps_diag_msg(d, path, ln, colno(t, I_KEY), PS_SEV_ERROR, PS_D_BAD_NUMBER, ky,
                        PS_M_CAT_KEY_MUST, ky);
        x->key = strcmp(ky, "1") == 0;

        if (*x->formula_text) {
            char msg[256];
            x->formula = ps_formula_parse(x->formula_text, msg, sizeof msg);
            if (!x->formula)
                ps_diag_msg(d, path, ln, colno(t, I_FORMULA), PS_SEV_ERROR, PS_D_BAD_FORMULA,
                            x->formula_text, PS_M_CAT_FORMULA_DOES_NOT_PARSE, x->code, msg);
            if (!derived)
                ps_diag_msg(d, path, ln, colno(t, I_FORMULA), PS_SEV_ERROR, PS_D_BAD_FORMULA,
                            x->formula_text, PS_M_CAT_HAS_FORMULA_BUT_NOT, x->code);
        } else if (derived) {
            ps_diag_msg(d, path, ln, colno(t, I_FORMULA), PS_SEV_ERROR, PS_D_BAD_FORMULA, NULL,
                        PS_M_CAT_DERIVED_BUT_HAS_NO, x->code);
        }
    }
}

static void read_rules(ps_catalog *cat, table *t, ps_diags *d, ps_ctx *ctx, bool *failed)
{
    ps_csv_record *rec;
    while ((rec = table_next(t, d, ctx, failed))) {
        ps_rule *r = ps_catalog_add_rule(cat);
        r->line = rec->line;
        r->code = ps_text_upper_ascii(ps_xstrdup(field(t, rec, L_CODE)));
        r->left_text = ps_xstrdup(field(t, rec, L_LEFT));
        r->right_text = ps_xstrdup(field(t, rec, L_RIGHT));
        r->message_vi = ps_xstrdup(field(t, rec, L_MSG_VI));
        r->message_en = ps_xstrdup(field(t, rec, L_MSG_EN));
        const char *op = field(t, rec, L_OP);
        if (!op_parse(op, &r->op))
            ps_diag_msg(d, t->path, rec->line, colno(t, L_OP), PS_SEV_ERROR, PS_D_BAD_RULE, op,
                        PS_M_CAT_OP_NOT_ONE, *op ? op : ps_msg(PS_M_EMPTY_VALUE));
        const char *sv = field(t, rec, L_SEV);
        if (ps_text_casecmp(sv, "error") == 0)
            r->severity = PS_SEV_ERROR;
        else if (ps_text_casecmp(sv, "warning") == 0)
            r->severity = PS_SEV_WARNING;
        else
            ps_diag_msg(d, t->path, rec->line, colno(t, L_SEV), PS_SEV_ERROR, PS_D_BAD_RULE, sv,
                        PS_M_CAT_SEVERITY_MUST_ERROR_WARNING, *sv ? sv : ps_msg(PS_M_EMPTY_VALUE));
        const char *texts[2] = {r->left_text, r->right_text};
        ps_fnode **trees[2] = {&r->left, &r->right};
        const int cols[2] = {L_LEFT, L_RIGHT};
        if (!*r->left_text || !*r->right_text)
            continue; /* SPEC §3: a rule with a missing side is skipped */
        for (int k = 0; k < 2; k++) {
            char msg[256];
            *trees[k] = ps_formula_parse(texts[k], msg, sizeof msg);
            if (!*trees[k])
                ps_diag_msg(d, t->path, rec->line, colno(t, cols[k]), PS_SEV_ERROR, PS_D_BAD_FORMULA,
                            texts[k], PS_M_CAT_RULE_DOES_NOT_PARSE, r->code, rule_cols[cols[k]].name, msg);
        }
    }
}

static char *join_path(const char *dir, const char *name)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_puts(&sb, dir);
    if (sb.len && sb.buf[sb.len - 1] != '/')
        ps_sb_putc(&sb, '/');
    ps_sb_puts(&sb, name);
    return ps_sb_steal(&sb);
}

ps_error ps_catalog_read_dir(ps_catalog **out, const char *dir, ps_diags *diags, ps_ctx *ctx)
{
    *out = NULL;
    struct stat st;
    if (stat(dir, &st) != 0)
        return ps_failm(ctx, PS_ERR_IO, PS_M_CAT_CANNOT_READ_CATALOG_FOLDER, dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return ps_failm(ctx, PS_ERR_IO, PS_M_CAT_CATALOG_NOT_FOLDER_GIVE, dir);

    static const char *const names[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};
    char *paths[4];
    for (int i = 0; i < 4; i++)
        paths[i] = join_path(dir, names[i]);

    ps_catalog *cat = ps_catalog_new();
    ps_error err = PS_OK;
    bool failed = false, header_refused = false;
    for (int i = 0; i < 4 && err != PS_ERR_IO; i++) {
        if (i == 3 && stat(paths[3], &st) != 0 && errno == ENOENT)
            break; /* rules.csv is optional */
        static const colspec *const specs[4] = {unit_cols, reporter_cols, indicator_cols, rule_cols};
        static const int counts[4] = {U_N, R_N, I_N, L_N};
        table t;
        t.colmap = NULL;
        ps_error e = table_open(&t, paths[i], specs[i], counts[i], cat->cols[i], diags, ctx);
        if (e == PS_OK) {
            if (i == 0)
                read_units(cat, &t, diags, ctx, &failed);
            else if (i == 1)
                read_reporters(cat, &t, diags, ctx, &failed);
            else if (i == 2)
                read_indicators(cat, &t, diags, ctx, &failed);
            else
                read_rules(cat, &t, diags, ctx, &failed);
            if (ps_csv_error(t.csv) == PS_ERR_IO)
                e = PS_ERR_IO;
        }
        ps_csv_close(t.csv);
        if (e == PS_ERR_IO)
            err = PS_ERR_IO;
        else if (e)
            header_refused = true;
    }
    /* with a file's header refused its rows were not read: checks across
     * the files would only add errors that follow from that one */
    if (!err && header_refused)
        err = PS_ERR_REFUSED;
    if (!err) {
        const char *const cpaths[4] = {paths[0], paths[1], paths[2], paths[3]};
        err = ps_catalog_finish(cat, cpaths, diags);
        if (failed || diags->nerr)
            err = PS_ERR_REFUSED;
    }
    for (int i = 0; i < 4; i++)
        free(paths[i]);
    if (err) {
        ps_catalog_free(cat);
        return err;
    }
    *out = cat;
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Checking the catalog as a whole
 * ------------------------------------------------------------------------ */

typedef struct checker {
    ps_catalog *cat;
    const char *const *paths;
    ps_diags *d;
} checker;

/* The 1-based column of field c of catalog file f, for diagnostics. */
#define COL(f, c) (ck->cat->cols[(f)][(c)])

static void index_codes(checker *ck)
{
    ps_catalog *cat = ck->cat;
    for (size_t i = 0; i < cat->nunits; i++) {
        ps_unit *u = &cat->units[i];
        if (!code_ok_unit(u->code))
            ps_diag_msg(ck->d, ck->paths[0], u->line, COL(0, 0), PS_SEV_ERROR, PS_D_BAD_CODE, u->code,
                        PS_M_CAT_UNIT_CODE_MUST_LETTERS, u->code);
        else if (ps_catalog_unit(cat, u->code) >= 0)
            ps_diag_msg(ck->d, ck->paths[0], u->line, COL(0, 0), PS_SEV_ERROR, PS_D_DUPLICATE_CODE, u->code,
                        PS_M_CAT_UNIT_APPEARS_TWICE_FIRST, u->code,
                        cat->units[ps_catalog_unit(cat, u->code)].line);
        else
            ps_map_put(&cat->unit_index, u->code, (int)i);
    }
    for (size_t i = 0; i < cat->nindicators; i++) {
        ps_indicator *x = &cat->indicators[i];
        if (!code_ok_upper(x->code))
            ps_diag_msg(ck->d, ck->paths[2], x->line, COL(2, 0), PS_SEV_ERROR, PS_D_BAD_CODE, x->code,
                        PS_M_CAT_INDICATOR_CODE_MUST_UPPER, x->code);
        else if (ps_catalog_indicator(cat, x->code) >= 0)
            ps_diag_msg(ck->d, ck->paths[2], x->line, COL(2, 0), PS_SEV_ERROR, PS_D_DUPLICATE_CODE, x->code,
                        PS_M_CAT_INDICATOR_APPEARS_TWICE_FIRST, x->code,
                        cat->indicators[ps_catalog_indicator(cat, x->code)].line);
        else
            ps_map_put(&cat->indicator_index, x->code, (int)i);
    }
    for (size_t i = 0; i < cat->nreporters; i++) {
        ps_reporter *r = &cat->reporters[i];
        if (!code_ok_upper(r->code))
            ps_diag_msg(ck->d, ck->paths[1], r->line, COL(1, 0), PS_SEV_ERROR, PS_D_BAD_CODE, r->code,
                        PS_M_CAT_REPORTER_CODE_MUST_UPPER, r->code);
        else if (ps_catalog_reporter(cat, r->code) >= 0)
            ps_diag_msg(ck->d, ck->paths[1], r->line, COL(1, 0), PS_SEV_ERROR, PS_D_DUPLICATE_CODE, r->code,
                        PS_M_CAT_REPORTER_APPEARS_TWICE_FIRST, r->code,
                        cat->reporters[ps_catalog_reporter(cat, r->code)].line);
        else
            ps_map_put(&cat->reporter_index, r->code, (int)i);
    }
    ps_map seen;
    ps_map_init(&seen);
    for (size_t i = 0; i < cat->nrules; i++) {
        ps_rule *r = &cat->rules[i];
        if (!code_ok_upper(r->code))
            ps_diag_msg(ck->d, ck->paths[3], r->line, COL(3, 0), PS_SEV_ERROR, PS_D_BAD_CODE, r->code,
                        PS_M_CAT_RULE_CODE_MUST_UPPER, r->code);
        else if (ps_map_has(&seen, r->code))
            ps_diag_msg(ck->d, ck->paths[3], r->line, COL(3, 0), PS_SEV_ERROR, PS_D_DUPLICATE_CODE, r->code,
                        PS_M_CAT_RULE_APPEARS_TWICE, r->code);
        else
            ps_map_put(&seen, r->code, (int)i);
    }
    ps_map_free(&seen);
}

static void add_int(int **arr, int *n, int v)
{
    *arr = ps_xrealloc(*arr, (size_t)(*n + 1) * sizeof **arr);
    (*arr)[(*n)++] = v;
}

/* Each unit's parent, the top unit, the children, and levels in order. */
static void link_parents(checker *ck)
{
    ps_catalog *cat = ck->cat;
    const char *path = ck->paths[0];
    for (size_t i = 0; i < cat->nunits; i++) {
        ps_unit *u = &cat->units[i];
        if (!u->parent_code) {
            if (cat->top >= 0)
                ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_PARENT), PS_SEV_ERROR, PS_D_MULTIPLE_TOP, u->code,
                            PS_M_CAT_UNIT_HAS_NO_PARENT,
                            u->code, cat->units[cat->top].code, cat->units[cat->top].line);
            else
                cat->top = (int)i;
            continue;
        }
        u->parent = ps_catalog_unit(cat, u->parent_code);
        if (u->parent < 0) {
            ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_PARENT), PS_SEV_ERROR, PS_D_UNKNOWN_PARENT, u->parent_code,
                        PS_M_CAT_PARENT_NOT_UNIT, u->parent_code);
            continue;
        }
        ps_unit *p = &cat->units[u->parent];
        add_int(&p->children, &p->nchildren, (int)i);
        if (u->level != PS_LEVEL_NONE && p->level != PS_LEVEL_NONE && u->level <= p->level)
            ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_LEVEL), PS_SEV_ERROR, PS_D_LEVEL_ORDER, ps_level_name(u->level),
                        PS_M_CAT_UNIT_BUT_PARENT_CHILD,
                        u->code, ps_level_name(u->level), p->code, ps_level_name(p->level));
    }
    if (cat->nunits && cat->top < 0 && !ck->d->nerr)
        ps_diag_msg(ck->d, path, 0, 0, PS_SEV_ERROR, PS_D_CYCLE, NULL,
                    PS_M_CAT_EVERY_UNIT_HAS_PARENT);
}

/* Parents that form a cycle, reported once each; every unit's depth. */
static void check_cycles(checker *ck)
{
    ps_catalog *cat = ck->cat;
    const char *path = ck->paths[0];
    /* cycles: follow parents; a walk longer than the number of units loops */
    unsigned char *state = ps_xcalloc(cat->nunits ? cat->nunits : 1, 1);
    for (size_t i = 0; i < cat->nunits; i++) {
        size_t steps = 0;
        int j = (int)i;
        while (j >= 0 && steps <= cat->nunits) {
            j = cat->units[j].parent;
            steps++;
        }
        if (j >= 0 && !state[j]) {
            /* i reaches a cycle; report it once, at the unit with the lowest line in it */
            int k = j;
            ps_strbuf sb = PS_STRBUF_INIT;
            int first = k;
            do {
                state[k] = 1;
                if (cat->units[k].line < cat->units[first].line)
                    first = k;
                k = cat->units[k].parent;
            } while (k != j);
            k = first;
            do {
                ps_sb_printf(&sb, "%s -> ", cat->units[k].code);
                k = cat->units[k].parent;
            } while (k != first);
            ps_sb_puts(&sb, cat->units[first].code);
            ps_diag_msg(ck->d, path, cat->units[first].line, COL(0, PS_COL_U_PARENT), PS_SEV_ERROR, PS_D_CYCLE,
                        cat->units[first].parent_code, PS_M_CAT_PARENTS_FORM_CYCLE, ps_sb_str(&sb));
            ps_sb_free(&sb);
        }
        if (j >= 0)
            state[i] = 1;
    }
    for (size_t i = 0; i < cat->nunits; i++) {
        ps_unit *u = &cat->units[i];
        int depth = 0;
        for (int j = u->parent; j >= 0 && !state[i] && depth <= (int)cat->nunits; j = cat->units[j].parent)
            depth++;
        u->depth = depth;
    }
    free(state);
}

/* Validity ranges, and successors: a unit that ended, naming one valid
 * the month after. */
static void check_successors(checker *ck)
{
    ps_catalog *cat = ck->cat;
    const char *path = ck->paths[0];
    for (size_t i = 0; i < cat->nunits; i++) {
        ps_unit *u = &cat->units[i];
        if (u->valid_from.type != PS_P_NONE && u->valid_to.type != PS_P_NONE &&
            month_index(u->valid_from, false) > month_index(u->valid_to, true)) {
            char a[PS_PERIOD_BUFSZ], b[PS_PERIOD_BUFSZ];
            ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_FROM), PS_SEV_ERROR, PS_D_BAD_VALIDITY, NULL,
                        PS_M_CAT_UNIT_VALID_FROM_AFTER, u->code,
                        ps_period_format(u->valid_from, a), ps_period_format(u->valid_to, b));
        }
        if (!u->successor_code)
            continue;
        u->successor = ps_catalog_unit(cat, u->successor_code);
        if (u->successor < 0) {
            ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_SUCCESSOR), PS_SEV_ERROR, PS_D_BAD_SUCCESSOR, u->successor_code,
                        PS_M_CAT_SUCCESSOR_UNIT_NOT_UNIT, u->successor_code, u->code);
            continue;
        }
        ps_unit *s = &cat->units[u->successor];
        if (u->successor == (int)i) {
            ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_SUCCESSOR), PS_SEV_ERROR, PS_D_BAD_SUCCESSOR, u->successor_code,
                        PS_M_CAT_UNIT_CANNOT_OWN_SUCCESSOR, u->code);
            u->successor = -1;
            continue;
        }
        if (u->valid_to.type == PS_P_NONE) {
            ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_SUCCESSOR), PS_SEV_ERROR, PS_D_BAD_SUCCESSOR, u->successor_code,
                        PS_M_CAT_UNIT_NAMES_SUCCESSOR_BUT, u->code);
            continue;
        }
        int last = month_index(u->valid_to, true) + 1; /* the month after the end */
        ps_period next = ps_period_month(last / 12, last % 12 + 1);
        if (!ps_unit_valid_in(s, next)) {
            char a[PS_PERIOD_BUFSZ];
            ps_diag_msg(ck->d, path, u->line, COL(0, PS_COL_U_SUCCESSOR), PS_SEV_ERROR, PS_D_BAD_SUCCESSOR, u->successor_code,
                        PS_M_CAT_SUCCESSOR_NOT_VALID_AFTER, s->code,
                        ps_period_format(next, a), u->code);
            continue;
        }
        add_int(&s->predecessors, &s->npredecessors, (int)i);
    }
}

static void check_units(checker *ck)
{
    ps_catalog *cat = ck->cat;
    for (size_t i = 0; i < cat->nunits; i++) {
        ps_unit *u = &cat->units[i];
        free(u->children); u->children = NULL; u->nchildren = 0;
        free(u->predecessors); u->predecessors = NULL; u->npredecessors = 0;
    }
    link_parents(ck);
    check_cycles(ck);
    check_successors(ck);
}

/* Formula checks: names, POP, dependency cycles. */
typedef struct refctx {
    checker *ck;
    const char *path;
    long line;
    int col;
    const char *owner;
    int *deps;
    int ndeps;
    bool bad;
} refctx;

static void check_ref(const char *code, bool in_call, void *arg)
{
    refctx *rc = arg;
    int j = ps_catalog_indicator(rc->ck->cat, code);
    if (j < 0) {
        int s = ps_catalog_indicator_suggest(rc->ck->cat, code);
        if (s >= 0)
            ps_diag_msg(rc->ck->d, rc->path, rc->line, rc->col, PS_SEV_ERROR, PS_D_FORMULA_UNKNOWN, code,
                        PS_M_CAT_FORMULA_NAMES_WHICH_NOT,
                        rc->owner, code, rc->ck->cat->indicators[s].code);
        else
            ps_diag_msg(rc->ck->d, rc->path, rc->line, rc->col, PS_SEV_ERROR, PS_D_FORMULA_UNKNOWN, code,
                        PS_M_CAT_FORMULA_NAMES_WHICH_NOT_2, rc->owner, code);
        rc->bad = true;
        return;
    }
    add_int(&rc->deps, &rc->ndeps, j);
}

static void check_formulas(checker *ck)
{
    ps_catalog *cat = ck->cat;
    size_t n = cat->nindicators;
    int **deps = ps_xcalloc(n ? n : 1, sizeof *deps);
    int *ndeps = ps_xcalloc(n ? n : 1, sizeof *ndeps);
    cat->pop = ps_catalog_indicator(cat, "POP");
    for (size_t i = 0; i < n; i++) {
        ps_indicator *x = &cat->indicators[i];
        if (x->space_agg == PS_AGG_WMEAN) {
            x->weight = x->weight_code ? ps_catalog_indicator(cat, x->weight_code) : -1;
            if (x->weight < 0)
                ps_diag_msg(ck->d, ck->paths[2], x->line, COL(2, PS_COL_I_SPACE), PS_SEV_ERROR, PS_D_BAD_WEIGHT, x->weight_code,
                            PS_M_CAT_WEIGHT_NOT_INDICATOR, x->weight_code ? x->weight_code : ps_msg(PS_M_EMPTY_VALUE), x->code);
            else if ((size_t)x->weight == i)
                ps_diag_msg(ck->d, ck->paths[2], x->line, COL(2, PS_COL_I_SPACE), PS_SEV_ERROR, PS_D_BAD_WEIGHT, x->weight_code,
                            PS_M_CAT_CANNOT_WEIGHTED_ITSELF, x->code);
        }
        if (!x->formula)
            continue;
        refctx rc = {ck, ck->paths[2], x->line, COL(2, PS_COL_I_FORMULA), x->code, NULL, 0, false};
        ps_formula_walk_refs(x->formula, check_ref, &rc);
        if (ps_formula_uses(x->formula, PS_FN_PER_CAPITA)) {
            if (cat->pop < 0)
                ps_diag_msg(ck->d, ck->paths[2], x->line, COL(2, PS_COL_I_FORMULA), PS_SEV_ERROR, PS_D_NO_POP, x->formula_text,
                            PS_M_CAT_USES_PER_CAPITA_BUT, x->code);
            else
                add_int(&rc.deps, &rc.ndeps, cat->pop);
        }
        deps[i] = rc.deps;
        ndeps[i] = rc.ndeps;
    }
    /* cycles by depth-first search: 0 new, 1 on the stack, 2 done */
    unsigned char *color = ps_xcalloc(n ? n : 1, 1);
    int *stack = ps_xmalloc((n + 1) * sizeof *stack);
    int *edge = ps_xmalloc((n + 1) * sizeof *edge);
    for (size_t s = 0; s < n; s++) {
        if (color[s])
            continue;
        int sp = 0;
        stack[0] = (int)s;
        edge[0] = 0;
        color[s] = 1;
        while (sp >= 0) {
            int v = stack[sp];
            if (edge[sp] < ndeps[v]) {
                int w = deps[v][edge[sp]++];
                if (color[w] == 0) {
                    color[w] = 1;
                    stack[++sp] = w;
                    edge[sp] = 0;
                } else if (color[w] == 1) {
                    ps_strbuf sb = PS_STRBUF_INIT;
                    int k = sp;
                    while (stack[k] != w)
                        k--;
                    for (int q = k; q <= sp; q++)
                        ps_sb_printf(&sb, "%s -> ", cat->indicators[stack[q]].code);
                    ps_sb_puts(&sb, cat->indicators[w].code);
                    ps_indicator *x = &cat->indicators[w];
                    ps_diag_msg(ck->d, ck->paths[2], x->line, COL(2, PS_COL_I_FORMULA), PS_SEV_ERROR, PS_D_FORMULA_CYCLE,
                                x->formula_text, PS_M_CAT_FORMULA_DEPENDS_ITSELF,
                                x->code, ps_sb_str(&sb));
                    ps_sb_free(&sb);
                }
            } else {
                color[v] = 2;
                sp--;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        free(deps[i]);
    free(deps);
    free(ndeps);
    free(color);
    free(stack);
    free(edge);

    for (size_t i = 0; i < cat->nrules; i++) {
        ps_rule *r = &cat->rules[i];
        ps_fnode *trees[2] = {r->left, r->right};
        for (int k = 0; k < 2; k++) {
            if (!trees[k])
                continue;
            refctx rc = {ck, ck->paths[3], r->line, k ? COL(3, PS_COL_L_RIGHT) : COL(3, PS_COL_L_LEFT), r->code, NULL, 0, false};
            ps_formula_walk_refs(trees[k], check_ref, &rc);
            free(rc.deps);
            if (ps_formula_uses(trees[k], PS_FN_PER_CAPITA) && cat->pop < 0)
                ps_diag_msg(ck->d, ck->paths[3], r->line, k ? COL(3, PS_COL_L_RIGHT) : COL(3, PS_COL_L_LEFT), PS_SEV_ERROR, PS_D_NO_POP, NULL,
                            PS_M_CAT_RULE_USES_PER_CAPITA, r->code);
        }
    }
}

static void check_reporters(checker *ck)
{
    ps_catalog *cat = ck->cat;
    for (size_t i = 0; i < cat->nreporters; i++) {
        ps_reporter *r = &cat->reporters[i];
        r->scope = ps_catalog_unit(cat, r->scope_code);
        if (r->scope < 0)
            ps_diag_msg(ck->d, ck->paths[1], r->line, COL(1, PS_COL_R_SCOPE), PS_SEV_ERROR, PS_D_BAD_SCOPE, r->scope_code,
                        PS_M_CAT_SCOPE_UNIT_REPORTER_NOT, r->scope_code, r->code);
        else if (r->report_level != PS_LEVEL_NONE && cat->units[r->scope].level != PS_LEVEL_NONE &&
                 r->report_level < cat->units[r->scope].level)
            ps_diag_msg(ck->d, ck->paths[1], r->line, COL(1, PS_COL_R_LEVEL), PS_SEV_ERROR, PS_D_BAD_LEVEL, ps_level_name(r->report_level),
                        PS_M_CAT_REPORT_LEVEL_REPORTER_ABOVE,
                        ps_level_name(r->report_level), r->code, r->scope_code,
                        ps_level_name(cat->units[r->scope].level));
        free(r->indicators);
        r->indicators = NULL;
        r->nindicators = 0;
        r->all_indicators = strcmp(r->indicators_text, "*") == 0;
        if (r->all_indicators)
            continue;
        if (!*r->indicators_text)
            ps_diag_msg(ck->d, ck->paths[1], r->line, COL(1, PS_COL_R_INDICATORS), PS_SEV_ERROR, PS_D_BAD_INDICATOR_LIST, NULL,
                        PS_M_CAT_REPORTER_HAS_EMPTY_INDICATOR, r->code);
        char *copy = ps_xstrdup(r->indicators_text);
        char *save = NULL;
        for (char *tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
            ps_text_trim(tok);
            if (!*tok)
                continue;
            int j = ps_catalog_indicator(cat, tok);
            if (j < 0)
                ps_diag_msg(ck->d, ck->paths[1], r->line, COL(1, PS_COL_R_INDICATORS), PS_SEV_ERROR, PS_D_BAD_INDICATOR_LIST, tok,
                            PS_M_CAT_REPORTER_LISTS_WHICH_NOT, r->code, tok);
            else if (cat->indicators[j].kind == PS_KIND_DERIVED)
                ps_diag_msg(ck->d, ck->paths[1], r->line, COL(1, PS_COL_R_INDICATORS), PS_SEV_ERROR, PS_D_BAD_INDICATOR_LIST, tok,
                            PS_M_CAT_REPORTER_LISTS_DERIVED_INDICATOR,
                            r->code, tok);
            else
                add_int(&r->indicators, &r->nindicators, j);
        }
        free(copy);
    }
}

static const ps_catalog *sort_cat;

static int cmp_report(const void *a, const void *b)
{
    const ps_indicator *x = &sort_cat->indicators[*(const int *)a];
    const ps_indicator *y = &sort_cat->indicators[*(const int *)b];
    if (x->group_index != y->group_index)
        return x->group_index < y->group_index ? -1 : 1;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return *(const int *)a < *(const int *)b ? -1 : 1;
}

const char *ps_catalog_group_name(const ps_catalog *cat, int g, bool en)
{
    if (g < 0 || (size_t)g >= cat->ngroups)
        return "";
    return en && *cat->groups_en[g] ? cat->groups_en[g] : cat->groups[g];
}

static void build_order(ps_catalog *cat)
{
    for (size_t i = 0; i < cat->ngroups; i++)
        free(cat->groups[i]);
    free(cat->groups);
    free((void *)cat->groups_en);
    cat->groups = NULL;
    cat->groups_en = NULL;
    cat->ngroups = 0;
    for (size_t i = 0; i < cat->nindicators; i++) {
        ps_indicator *x = &cat->indicators[i];
        size_t g = 0;
        while (g < cat->ngroups && strcmp(cat->groups[g], x->group) != 0)
            g++;
        if (g == cat->ngroups) {
            cat->groups = ps_xrealloc(cat->groups, (cat->ngroups + 1) * sizeof *cat->groups);
            cat->groups_en = ps_xrealloc(cat->groups_en, (cat->ngroups + 1) * sizeof *cat->groups_en);
            cat->groups[cat->ngroups] = ps_xstrdup(x->group);
            cat->groups_en[cat->ngroups++] = "";
        }
        if (!*cat->groups_en[g] && x->group_en) /* borrowed from the indicator */
            cat->groups_en[g] = x->group_en;
        x->group_index = (int)g;
    }
    free(cat->report_order);
    cat->report_order = ps_xmalloc((cat->nindicators + 1) * sizeof *cat->report_order);
    for (size_t i = 0; i < cat->nindicators; i++)
        cat->report_order[i] = (int)i;
    sort_cat = cat;
    qsort(cat->report_order, cat->nindicators, sizeof *cat->report_order, cmp_report);
    sort_cat = NULL;
}

ps_error ps_catalog_finish(ps_catalog *cat, const char *const paths[4], ps_diags *diags)
{
    size_t before = diags->nerr;
    checker ck = {cat, paths, diags};
    ps_map_free(&cat->unit_index);
    ps_map_free(&cat->indicator_index);
    ps_map_free(&cat->reporter_index);
    cat->top = -1;
    index_codes(&ck);
    check_units(&ck);
    check_formulas(&ck);
    check_reporters(&ck);
    build_order(cat);
    if (!cat->nunits)
        ps_diag_msg(diags, paths[0], 0, 0, PS_SEV_ERROR, PS_D_EMPTY_FILE, NULL,
                    PS_M_CAT_CATALOG_HAS_NO_UNITS);
    return diags->nerr > before ? PS_ERR_REFUSED : PS_OK;
}
