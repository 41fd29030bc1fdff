/* rules.c - the consistency rules on the values a file leaves (rules.h). */
#include "ingest/rules.h"

#include "core/alloc.h"
#include "core/formula.h"
#include "core/period.h"

#include <stdlib.h>
#include <string.h>

void ps_rules_todo_add(ps_rules_todo *t, int unit, int period)
{
    unsigned long long key =
        ((unsigned long long)(unsigned)unit << 32) | (unsigned long long)(unsigned)period | (1ULL << 63);
    if (!ps_set64_add(&t->seen, key))
        return;
    if ((t->n & (t->n - 1)) == 0)
        t->pairs = ps_xrealloc(t->pairs, (t->n ? t->n * 2 : 16) * 2 * sizeof *t->pairs);
    t->pairs[2 * t->n] = unit;
    t->pairs[2 * t->n + 1] = period;
    t->n++;
}

void ps_rules_todo_free(ps_rules_todo *t)
{
    ps_set64_free(&t->seen);
    free(t->pairs);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------------
 * Formula operands: the values in force
 * ------------------------------------------------------------------------ */

typedef struct rule_ctx {
    int unit;
    ps_period period;
    int measure;
} rule_ctx;

typedef struct rule_eval {
    const ps_rules_run *r;
    ps_error err;
    bool incomplete;    /* an operand came from an incomplete source */
    ps_ctx *ctx;
} rule_eval;

static bool rv_value(void *self, const void *vctx, const char *code, double *v)
{
    rule_eval *re = self;
    const rule_ctx *c = vctx;
    const ps_catalog *cat = re->r->cat;
    int ind = ps_catalog_indicator(cat, code);
    if (ind < 0 || c->unit < 0 || c->period.type == PS_P_NONE)
        return false;
    ps_obs_key k = {cat->units[c->unit].id, cat->indicators[ind].id, c->measure, ps_period_key(c->period)};
    ps_obs cur;
    ps_error err = ps_obs_get(re->r->w, &k, &cur, re->ctx);
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
    if (fn == PS_FN_PARENT && (c.unit = re->r->cat->units[c.unit].parent) < 0)
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
    const ps_catalog *cat = re->r->cat;
    if (cat->pop < 0)
        return false;
    const void *a[3] = {self, vctx, cat->indicators[cat->pop].code};
    bool carried;
    return ps_formula_per_capita_pop(((const rule_ctx *)vctx)->period, rv_pop_get, a, pop, &carried);
}

/* ------------------------------------------------------------------------
 * A failed rule: its line, its diagnostic, the values it undoes
 * ------------------------------------------------------------------------ */

/* The first indicator code a formula names, for blaming a line. */
static void first_ref(const char *code, bool in_call, void *arg)
{
    const char **out = arg;
    if (!*out && !in_call)
        *out = code;
}

typedef struct id_list {
    const ps_catalog *cat;
    long long ids[64];
    size_t n;
} id_list;

static void collect_id(const char *code, bool in_call, void *arg)
{
    (void)in_call;
    id_list *l = arg;
    int i = ps_catalog_indicator(l->cat, code);
    if (i < 0)
        return;
    for (size_t k = 0; k < l->n; k++)
        if (l->ids[k] == l->cat->indicators[i].id)
            return;
    if (l->n < 64)
        l->ids[l->n++] = l->cat->indicators[i].id;
}

/* Whether a rule names indicator id. */
static bool rule_names(const ps_catalog *cat, const ps_rule *rule, long long id)
{
    id_list l = {cat, {0}, 0};
    ps_formula_walk_refs(rule->left, collect_id, &l);
    ps_formula_walk_refs(rule->right, collect_id, &l);
    for (size_t k = 0; k < l.n; k++)
        if (l.ids[k] == id)
            return true;
    return false;
}

/* The line to blame for a rule that fails for unit u in p: this file's
 * value of indicator ind (-1: none named), else the first of its values
 * of that unit and period; 0 when the file stored none of them. */
static ps_error rule_line(const ps_rules_run *r, int u, ps_period p, int ind, long *line, ps_ctx *ctx)
{
    const ps_catalog *cat = r->cat;
    *line = 0;
    ps_error err = PS_OK;
    if (ind >= 0) {
        ps_obs_key k = {cat->units[u].id, cat->indicators[ind].id, PS_MEASURE_ACTUAL, ps_period_key(p)};
        err = ps_obs_line_of(r->w, &k, r->sub_id, line, ctx);
    }
    for (size_t q = 0; q < cat->nindicators && !*line && !err; q++) {
        ps_obs_key k = {cat->units[u].id, cat->indicators[q].id, PS_MEASURE_ACTUAL, ps_period_key(p)};
        err = ps_obs_line_of(r->w, &k, r->sub_id, line, ctx);
    }
    return err;
}

/* The first indicator a rule names (its left side first), as a catalog index; -1 if none. */
static int first_indicator(const ps_catalog *cat, const ps_rule *rule)
{
    const char *code = NULL;
    ps_formula_walk_refs(rule->left, first_ref, &code);
    if (!code)
        ps_formula_walk_refs(rule->right, first_ref, &code);
    return code ? ps_catalog_indicator(cat, code) : -1;
}

/* A failed rule and its two sides. */
typedef struct failure {
    const ps_rule *rule;
    double l, r;
    bool listed;        /* a row it undoes was listed */
} failure;

/* The diagnostic of a failed rule at line. */
static void add_failure(const ps_rules_run *r, int u, ps_period p, long line, const failure *f, const char *tail)
{
    char pbuf[PS_PERIOD_BUFSZ], msg[2048];
    ps_period_format(p, pbuf);
    ps_diag_add(r->d, r->path, line, r->value_col, f->rule->severity, PS_D_RULE_FAILED, NULL, "%s%s",
                ps_rule_failure_text(f->rule, r->cat->units[u].code, pbuf, f->l, f->r, msg, sizeof msg), tail);
}

/* With --partial: one error per row of the file that the failed error
 * rules f[0..nf) undo (their indicators, actual and plan, for unit u and
 * period p), at the row's own line, naming the first rule that names its
 * indicator. Called before the rows are undone. */
static ps_error list_undone(const ps_rules_run *r, int u, ps_period p, const id_list *undo, failure *f, size_t nf,
                            ps_ctx *ctx)
{
    const ps_catalog *cat = r->cat;
    for (size_t i = 0; i < undo->n; i++)
        for (int measure = PS_MEASURE_ACTUAL; measure <= PS_MEASURE_PLAN; measure++) {
            ps_obs_key k = {cat->units[u].id, undo->ids[i], measure, ps_period_key(p)};
            long line;
            ps_error err = ps_obs_line_of(r->w, &k, r->sub_id, &line, ctx);
            if (err)
                return err;
            size_t j = 0;
            while (j < nf && (f[j].rule->severity != PS_SEV_ERROR || !rule_names(cat, f[j].rule, undo->ids[i])))
                j++;
            if (!line || j == nf)
                continue;
            add_failure(r, u, p, line, &f[j], ps_msg(PS_M_RULES_ROW_NOT_STORED));
            f[j].listed = true;
        }
    return PS_OK;
}

/* Checks every rule for unit u and period p; the indicators of failed
 * error rules go to undo. A failed rule is one diagnostic at the line of
 * the file's first value it names, except with --partial, where each row
 * it undoes is listed at its own line (list_undone). */
static ps_error check_pair(const ps_rules_run *r, int u, ps_period p, id_list *undo, ps_ctx *ctx)
{
    const ps_catalog *cat = r->cat;
    rule_eval re = {r, PS_OK, false, ctx};
    ps_feval_ops ops = {rv_value, rv_shift, rv_pop, sizeof(rule_ctx)};
    failure *failed = ps_xmalloc((cat->nrules ? cat->nrules : 1) * sizeof *failed);
    size_t nf = 0;
    ps_error err = PS_OK;
    for (size_t i = 0; i < cat->nrules && !err; i++) {
        const ps_rule *rule = &cat->rules[i];
        if (!rule->left || !rule->right)
            continue;
        rule_ctx c = {u, p, PS_MEASURE_ACTUAL};
        failure f = {rule, 0, 0, false};
        re.incomplete = false;
        bool hl = ps_formula_eval(rule->left, &ops, &re, &c, &f.l);
        bool hr = ps_formula_eval(rule->right, &ops, &re, &c, &f.r);
        if ((err = re.err))
            break;
        /* a rule with a missing side is skipped; so is one on totals an
         * export marked incomplete (their parts need not agree yet) */
        if (!hl || !hr || re.incomplete || ps_rule_holds(rule->op, f.l, f.r))
            continue;
        if (rule->severity == PS_SEV_ERROR) {
            ps_formula_walk_refs(rule->left, collect_id, undo);
            ps_formula_walk_refs(rule->right, collect_id, undo);
        }
        failed[nf++] = f;
    }
    if (!err && r->partial)
        err = list_undone(r, u, p, undo, failed, nf, ctx);
    for (size_t j = 0; j < nf && !err; j++) {
        long line;
        if (!failed[j].listed && !(err = rule_line(r, u, p, first_indicator(cat, failed[j].rule), &line, ctx)))
            add_failure(r, u, p, line, &failed[j], "");
    }
    free(failed);
    return err;
}

ps_error ps_rules_check(const ps_rules_run *r, const ps_rules_todo *t, long *new_undone, long *revised_undone,
                        ps_ctx *ctx)
{
    for (size_t i = 0; i < t->n; i++) {
        int u = t->pairs[2 * i];
        ps_period p = ps_period_from_key(t->pairs[2 * i + 1]);
        id_list undo = {r->cat, {0}, 0};
        ps_error err = check_pair(r, u, p, &undo, ctx);
        if (!err && undo.n && r->partial)
            err = ps_obs_undo_group(r->w, r->sub_id, r->cat->units[u].id, ps_period_key(p), undo.ids, undo.n,
                                    new_undone, revised_undone, ctx);
        if (err)
            return err;
    }
    return PS_OK;
}
