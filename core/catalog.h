/* catalog.h - the catalog of one province: units, reporters, indicators, rules.
 *
 * The catalog is read from a folder of CSV files (SPEC §3) into memory,
 * checked as a whole, and then saved in the database (store/dbcatalog.c).
 * Every later step (ingest, aggregation, reports) works on this in-memory
 * form. A ps_catalog owns all its strings and formula trees.
 */
#ifndef PS_CATALOG_H
#define PS_CATALOG_H

#include "core/diag.h"
#include "core/error.h"
#include "core/formula.h"
#include "core/map.h"
#include "core/period.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum ps_level {
    PS_LEVEL_NATION = 0, PS_LEVEL_REGION, PS_LEVEL_PROVINCE, PS_LEVEL_DISTRICT,
    PS_LEVEL_COMMUNE, PS_LEVEL_NONE
} ps_level;

typedef enum ps_ind_kind { PS_KIND_FLOW = 0, PS_KIND_STOCK, PS_KIND_RATE, PS_KIND_DERIVED } ps_ind_kind;

typedef enum ps_agg {
    PS_AGG_NONE = 0, PS_AGG_SUM, PS_AGG_MEAN, PS_AGG_WMEAN, PS_AGG_MIN, PS_AGG_MAX, PS_AGG_LAST
} ps_agg;

typedef enum ps_rule_op { PS_OP_EQ = 0, PS_OP_NE, PS_OP_LT, PS_OP_LE, PS_OP_GT, PS_OP_GE } ps_rule_op;

typedef struct ps_unit {
    long long id;           /* database id; 0 until saved */
    char *code, *name_vi, *name_en, *kind;
    ps_level level;
    char *parent_code;      /* NULL for the top unit */
    int parent;             /* index, -1 for the top unit */
    ps_period valid_from;   /* type PS_P_NONE: open */
    ps_period valid_to;
    char *successor_code;   /* NULL: none */
    int successor;          /* index or -1 */
    int *children;          /* indexes, catalog order */
    int nchildren;
    int *predecessors;      /* units whose successor this is */
    int npredecessors;
    int depth;              /* 0 for the top unit */
    long line;              /* line in units.csv */
} ps_unit;

typedef struct ps_indicator {
    long long id;
    char *code, *name_vi, *name_en, *unit_vi, *unit_en;
    ps_ind_kind kind;
    ps_agg space_agg;
    char *weight_code;      /* wmean:WEIGHT */
    int weight;             /* index or -1 */
    ps_agg time_agg;
    int decimals;
    bool has_min, has_max;
    double min, max;
    char *formula_text;     /* "" when none */
    ps_fnode *formula;      /* NULL when none */
    double order;
    char *group;
    char *group_en;         /* the group's English name (group_en); "" when not given */
    int group_index;        /* order of the group's first appearance */
    ps_period_type frequency;
    bool key;
    bool percent;           /* its unit of measure is "%" */
    long line;
} ps_indicator;

typedef struct ps_reporter {
    long long id;
    char *code, *name_vi, *name_en;
    char *scope_code;
    int scope;              /* unit index */
    char *indicators_text;  /* as in the file: codes separated by ';' or '*' */
    bool all_indicators;
    int *indicators;        /* indexes, when not all */
    int nindicators;
    ps_level report_level;  /* PS_LEVEL_NONE: the scope unit itself */
    int deadline_day;
    long line;
} ps_reporter;

typedef struct ps_rule {
    char *code;
    char *left_text, *right_text;
    ps_fnode *left, *right;
    ps_rule_op op;
    ps_severity severity;
    char *message_vi, *message_en;
    long line;
} ps_rule;

typedef struct ps_catalog {
    ps_unit *units;           size_t nunits;
    ps_indicator *indicators; size_t nindicators;
    ps_reporter *reporters;   size_t nreporters;
    ps_rule *rules;           size_t nrules;
    ps_map unit_index, indicator_index, reporter_index;
    int top;                  /* index of the top unit */
    int *report_order;        /* indicator indexes by group, then order */
    char **groups;            /* group names in order of first appearance */
    const char **groups_en;   /* their English names: the first group_en given
                                 in the group, "" when none is */
    size_t ngroups;
    int pop;                  /* index of POP or -1 */
    /* 1-based column of each known field in units, reporters, indicators
     * and rules files, for diagnostics (0: absent). Defaults to the order
     * of SPEC §3. Indexed by the PS_COL_* constants below. */
    int cols[4][20];
} ps_catalog;

enum { PS_CF_UNITS = 0, PS_CF_REPORTERS = 1, PS_CF_INDICATORS = 2, PS_CF_RULES = 3 };
/* Field positions inside each file's column list (SPEC §3 order). */
enum { PS_COL_U_PARENT = 5, PS_COL_U_FROM = 6, PS_COL_U_SUCCESSOR = 8, PS_COL_U_LEVEL = 3 };
enum { PS_COL_R_SCOPE = 3, PS_COL_R_INDICATORS = 4, PS_COL_R_LEVEL = 5 };
enum { PS_COL_I_SPACE = 6, PS_COL_I_FORMULA = 11 };
enum { PS_COL_L_LEFT = 1, PS_COL_L_RIGHT = 3 };

/* Reads units.csv, reporters.csv, indicators.csv and the optional rules.csv
 * from dir, checks everything, and returns an owned catalog in *out.
 * Problems go to diags with the path dir/file, line and column. Returns
 * PS_ERR_REFUSED when there is any error (then *out is NULL), PS_ERR_IO
 * when a required file cannot be read. */
ps_error ps_catalog_read_dir(ps_catalog **out, const char *dir, ps_diags *diags, ps_ctx *ctx);

/* Builds indexes, children, order and checks a catalog filled in by code
 * (e.g. loaded from the database). Returns PS_ERR_REFUSED with diags when
 * it contradicts itself. `paths` names the four files for diagnostics. */
ps_error ps_catalog_finish(ps_catalog *cat, const char *const paths[4], ps_diags *diags);

ps_catalog *ps_catalog_new(void);
void ps_catalog_free(ps_catalog *cat);
/* The name of group g (an index into cat->groups) in English (en: its
 * group_en, else its name) or Vietnamese; "" for an index out of range. */
const char *ps_catalog_group_name(const ps_catalog *cat, int g, bool en);

/* Appending entries (strings copied); used by the readers and the store. */
ps_unit *ps_catalog_add_unit(ps_catalog *cat);
ps_indicator *ps_catalog_add_indicator(ps_catalog *cat);
ps_reporter *ps_catalog_add_reporter(ps_catalog *cat);
ps_rule *ps_catalog_add_rule(ps_catalog *cat);

/* Lookups by code; -1 when absent. */
int ps_catalog_unit(const ps_catalog *cat, const char *code);
int ps_catalog_indicator(const ps_catalog *cat, const char *code);
int ps_catalog_reporter(const ps_catalog *cat, const char *code);

/* True when unit u exists in period p (all of p's months inside its validity). */
bool ps_unit_valid_in(const ps_unit *u, ps_period p);
/* True when unit u is `scope` or below it. */
bool ps_catalog_unit_within(const ps_catalog *cat, int u, int scope);
/* True when reporter r may send indicator i. */
bool ps_reporter_allows(const ps_catalog *cat, const ps_reporter *r, int i);
/* The unit code closest to `code` (for "did you mean"), or -1. */
int ps_catalog_unit_suggest(const ps_catalog *cat, const char *code);
int ps_catalog_indicator_suggest(const ps_catalog *cat, const char *code);

/* Names and parsing of the enumerations. */
const char *ps_level_name(ps_level l);
ps_level ps_level_parse(const char *s);          /* PS_LEVEL_NONE when unknown */
const char *ps_kind_name(ps_ind_kind k);
bool ps_kind_parse(const char *s, ps_ind_kind *out);
const char *ps_agg_name(ps_agg a);
/* Text for the space_agg column: "wmean:POP" for weighted means. Returns a
 * pointer to ind's storage or a static string. */
const char *ps_indicator_space_agg_text(const ps_indicator *ind, char *buf, size_t bufsz);
const char *ps_rule_op_name(ps_rule_op op);
/* Evaluates `left op right` with SPEC's tolerance for ==. */
bool ps_rule_holds(ps_rule_op op, double left, double right);
/* The one text of a failed rule, for ingest and check alike: "rule R does
 * not hold for UNIT in PERIOD: LEFT op RIGHT is l op r — message", in the
 * thread's language (core/msg.h). The message is the rule's message in that
 * language (message_vi or message_en), else the other one. Writes at most n
 * bytes into buf and returns buf. */
char *ps_rule_failure_text(const ps_rule *rule, const char *unit, const char *period, double l, double r,
                           char *buf, size_t n);

#endif
