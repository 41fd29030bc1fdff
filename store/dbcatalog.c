/* dbcatalog.c - the catalog tables: save with change checks, load. */
#include "store/dbcatalog.h"

#include "core/alloc.h"
#include "core/strbuf.h"
#include "store/db_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bind_period(sqlite3_stmt *st, int i, ps_period p)
{
    if (p.type == PS_P_NONE)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int(st, i, ps_period_key(p));
}

static ps_period col_period(sqlite3_stmt *st, int i)
{
    ps_period none = {0, PS_P_NONE, 0};
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return none;
    return ps_period_from_key(sqlite3_column_int(st, i));
}

static char *col_dup_or_null(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : ps_xstrdup(ps_db_col_text(st, i));
}

/* ------------------------------------------------------------------------
 * Change checks against stored data
 * ------------------------------------------------------------------------ */

/* Runs sql, calling fn for each row; what names the work in an error. */
static ps_error each_row(ps_db *db, const char *sql, void (*fn)(sqlite3_stmt *st, void *arg), void *arg,
                         const char *what, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, sql, &st, ctx);
    if (err)
        return err;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(st, arg);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PS_OK : ps_db_fail(db, ctx, rc, what);
}

typedef struct drop_check {
    ps_catalog *cat;
    const char *const *paths;
    ps_diags *d;
    int k;              /* 0 units, 1 reporters, 2 indicators */
} drop_check;

/* One stored unit, reporter or indicator with data: still in the catalog,
 * and for an indicator, with the same kind, frequency and aggregations. */
static void check_drop(sqlite3_stmt *st, void *arg)
{
    static const ps_msg_id what[3] = {PS_M_DBC_WHAT_UNIT, PS_M_DBC_WHAT_REPORTER, PS_M_DBC_WHAT_INDICATOR};
    static const int file[3] = {PS_CF_UNITS, PS_CF_REPORTERS, PS_CF_INDICATORS};
    drop_check *c = arg;
    ps_catalog *cat = c->cat;
    int k = c->k;
    const char *code = ps_db_col_text(st, 0);
    int idx = k == 0   ? ps_catalog_unit(cat, code)
              : k == 1 ? ps_catalog_reporter(cat, code)
                       : ps_catalog_indicator(cat, code);
    if (idx < 0) {
        ps_diag_msg(c->d, c->paths[file[k]], 0, 0, PS_SEV_ERROR, PS_D_CATALOG_CHANGE, code,
                    PS_M_DBC_HAS_STORED_DATA_CANNOT, ps_msg(what[k]), code,
                    c->paths[file[k]]);
        return;
    }
    if (k != 2)
        return;
    ps_indicator *x = &cat->indicators[idx];
    char buf[64];
    const char *now[4] = {ps_kind_name(x->kind), ps_frequency_name(x->frequency),
                          ps_indicator_space_agg_text(x, buf, sizeof buf), ps_agg_name(x->time_agg)};
    static const char *const field[4] = {"kind", "frequency", "space_agg", "time_agg"};
    static const int col[4] = {6, 15, PS_COL_I_SPACE + 1, 8};
    for (int f = 0; f < 4; f++) {
        const char *was = ps_db_col_text(st, 1 + f);
        if (x->kind == PS_KIND_DERIVED && f >= 2)
            continue;
        if (strcmp(was, now[f]) != 0)
            ps_diag_msg(c->d, c->paths[PS_CF_INDICATORS], x->line, cat->cols[PS_CF_INDICATORS][col[f] - 1],
                        PS_SEV_ERROR, PS_D_CATALOG_CHANGE, now[f],
                        PS_M_DBC_INDICATOR_HAS_STORED_DATA, x->code, field[f], was,
                        now[f]);
    }
}

static ps_error check_drops(ps_db *db, ps_catalog *cat, const char *const paths[4],
                            ps_diags *d, ps_ctx *ctx)
{
    static const char *const sql[3] = {
        "SELECT u.code FROM unit u WHERE EXISTS (SELECT 1 FROM obs o WHERE o.unit_id = u.id)"
        " OR EXISTS (SELECT 1 FROM revision r WHERE r.unit_id = u.id)",
        "SELECT r.code FROM reporter r WHERE EXISTS (SELECT 1 FROM submission s WHERE s.reporter_id = r.id)",
        "SELECT i.code, i.kind, i.frequency, i.space_agg, i.time_agg FROM indicator i"
        " WHERE EXISTS (SELECT 1 FROM obs o WHERE o.indicator_id = i.id)"
        " OR EXISTS (SELECT 1 FROM revision r WHERE r.indicator_id = i.id)"};
    for (int k = 0; k < 3; k++) {
        drop_check c = {cat, paths, d, k};
        ps_error err = each_row(db, sql[k], check_drop, &c, ps_msg(PS_M_DBW_CHECKING_CATALOG_CHANGES), ctx);
        if (err)
            return err;
    }
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * Saving
 * ------------------------------------------------------------------------ */

static ps_error step_done(ps_db *db, sqlite3_stmt *st, ps_ctx *ctx, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? PS_OK : ps_db_fail(db, ctx, rc, what);
}

/* One kind of catalog entry saved by upsert on its code: the statement, a
 * binder of entry i, and where the id it returns goes. */
typedef struct entry_kind {
    ps_msg_id what;
    const char *sql;
    size_t (*count)(const ps_catalog *cat);
    void (*bind)(sqlite3_stmt *st, const ps_catalog *cat, size_t i);
    long long *(*id)(ps_catalog *cat, size_t i);
} entry_kind;

static size_t count_units(const ps_catalog *cat) { return cat->nunits; }
static size_t count_indicators(const ps_catalog *cat) { return cat->nindicators; }
static size_t count_reporters(const ps_catalog *cat) { return cat->nreporters; }
static long long *unit_id(ps_catalog *cat, size_t i) { return &cat->units[i].id; }
static long long *indicator_id(ps_catalog *cat, size_t i) { return &cat->indicators[i].id; }
static long long *reporter_id(ps_catalog *cat, size_t i) { return &cat->reporters[i].id; }

static void bind_unit(sqlite3_stmt *st, const ps_catalog *cat, size_t i)
{
    const ps_unit *u = &cat->units[i];
    ps_db_bind_text(st, 1, u->code);
    ps_db_bind_text(st, 2, u->name_vi);
    ps_db_bind_text(st, 3, u->name_en);
    ps_db_bind_text(st, 4, ps_level_name(u->level));
    ps_db_bind_text(st, 5, u->kind);
    ps_db_bind_text(st, 6, u->parent_code);
    bind_period(st, 7, u->valid_from);
    bind_period(st, 8, u->valid_to);
    ps_db_bind_text(st, 9, u->successor_code);
    sqlite3_bind_int64(st, 10, (long long)i);
}

static void bind_bound(sqlite3_stmt *st, int col, bool has, double v)
{
    if (has)
        sqlite3_bind_double(st, col, v);
    else
        sqlite3_bind_null(st, col);
}

static void bind_indicator(sqlite3_stmt *st, const ps_catalog *cat, size_t i)
{
    const ps_indicator *x = &cat->indicators[i];
    char buf[64];
    bool derived = x->kind == PS_KIND_DERIVED;
    ps_db_bind_text(st, 1, x->code);
    ps_db_bind_text(st, 2, x->name_vi);
    ps_db_bind_text(st, 3, x->name_en);
    ps_db_bind_text(st, 4, x->unit_vi);
    ps_db_bind_text(st, 5, x->unit_en);
    ps_db_bind_text(st, 6, ps_kind_name(x->kind));
    ps_db_bind_text(st, 7, derived ? "" : ps_indicator_space_agg_text(x, buf, sizeof buf));
    ps_db_bind_text(st, 8, derived ? "" : ps_agg_name(x->time_agg));
    sqlite3_bind_int(st, 9, x->decimals);
    bind_bound(st, 10, x->has_min, x->min);
    bind_bound(st, 11, x->has_max, x->max);
    ps_db_bind_text(st, 12, x->formula_text);
    sqlite3_bind_double(st, 13, x->order);
    ps_db_bind_text(st, 14, x->group);
    ps_db_bind_text(st, 15, ps_frequency_name(x->frequency));
    sqlite3_bind_int(st, 16, x->key);
    sqlite3_bind_int64(st, 17, (long long)i);
    ps_db_bind_text(st, 18, x->group_en ? x->group_en : "");
}

static void bind_reporter(sqlite3_stmt *st, const ps_catalog *cat, size_t i)
{
    const ps_reporter *r = &cat->reporters[i];
    ps_db_bind_text(st, 1, r->code);
    ps_db_bind_text(st, 2, r->name_vi);
    ps_db_bind_text(st, 3, r->name_en);
    ps_db_bind_text(st, 4, r->scope_code);
    ps_db_bind_text(st, 5, r->indicators_text);
    ps_db_bind_text(st, 6, ps_level_name(r->report_level));
    sqlite3_bind_int(st, 7, r->deadline_day);
    sqlite3_bind_int64(st, 8, (long long)i);
}

/* Units, indicators and reporters, in the order later ones refer to them. */
static const entry_kind entry_kinds[3] = {
    {PS_M_DBW_SAVING_UNITS,
     "INSERT INTO unit(code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor,ord)"
     " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT(code) DO UPDATE SET"
     " name_vi=?2,name_en=?3,level=?4,kind=?5,parent=?6,valid_from=?7,valid_to=?8,successor=?9,ord=?10"
     " RETURNING id",
     count_units, bind_unit, unit_id},
    {PS_M_DBW_SAVING_INDICATORS,
     "INSERT INTO indicator(code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,"
     "min,max,formula,ord,grp,frequency,key,file_ord,grp_en) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)"
     " ON CONFLICT(code) DO UPDATE SET name_vi=?2,name_en=?3,unit_vi=?4,unit_en=?5,kind=?6,space_agg=?7,"
     "time_agg=?8,decimals=?9,min=?10,max=?11,formula=?12,ord=?13,grp=?14,frequency=?15,key=?16,file_ord=?17,"
     "grp_en=?18"
     " RETURNING id",
     count_indicators, bind_indicator, indicator_id},
    {PS_M_DBW_SAVING_REPORTERS,
     "INSERT INTO reporter(code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day,ord)"
     " VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(code) DO UPDATE SET name_vi=?2,name_en=?3,"
     "scope_unit=?4,indicators=?5,report_level=?6,deadline_day=?7,ord=?8 RETURNING id",
     count_reporters, bind_reporter, reporter_id}};

/* Upserts every entry of one kind and notes the ids the database gave. */
static ps_error save_entries(ps_db *db, ps_catalog *cat, const entry_kind *k, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, k->sql, &st, ctx);
    size_t n = k->count(cat);
    for (size_t i = 0; i < n && !err; i++) {
        k->bind(st, cat, i);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *k->id(cat, i) = sqlite3_column_int64(st, 0);
        else
            err = ps_db_fail(db, ctx, rc, ps_msg(k->what));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return err;
}

/* The ids of table's rows whose code is no longer in the catalog. */
static ps_error gone_ids(ps_db *db, const ps_catalog *cat, int kind, const char *table, long long **out,
                         size_t *n, ps_ctx *ctx)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT id, code FROM %s", table);
    sqlite3_stmt *st;
    ps_error err = ps_db_prepare(db, sql, &st, ctx);
    *out = NULL;
    *n = 0;
    int rc;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = ps_db_col_text(st, 1);
        int idx = kind == 0 ? ps_catalog_unit(cat, code)
                : kind == 1 ? ps_catalog_indicator(cat, code) : ps_catalog_reporter(cat, code);
        if (idx < 0) {
            *out = ps_xrealloc(*out, (*n + 1) * sizeof **out);
            (*out)[(*n)++] = sqlite3_column_int64(st, 0);
        }
    }
    if (!err && rc != SQLITE_DONE)
        err = ps_db_fail(db, ctx, rc, ps_msg(PS_M_DBW_READING_CATALOG_ENTRIES));
    sqlite3_finalize(st);
    return err;
}

/* Drops the units, indicators and reporters no longer in the catalog
 * (check_drops proved they have no data). */
static ps_error drop_gone(ps_db *db, const ps_catalog *cat, ps_ctx *ctx)
{
    static const char *const tables[3] = {"unit", "indicator", "reporter"};
    ps_error err = PS_OK;
    for (int k = 0; k < 3 && !err; k++) {
        long long *gone;
        size_t ngone;
        if ((err = gone_ids(db, cat, k, tables[k], &gone, &ngone, ctx)))
            break;
        char sql[160];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?", tables[k]);
        sqlite3_stmt *del;
        err = ps_db_prepare(db, sql, &del, ctx);
        for (size_t g = 0; g < ngone && !err; g++) {
            sqlite3_bind_int64(del, 1, gone[g]);
            err = step_done(db, del, ctx, ps_msg(PS_M_DBW_DROPPING_CATALOG_ENTRIES));
        }
        free(gone);
        sqlite3_finalize(del);
    }
    return err;
}

/* The rules, all replaced. */
static ps_error save_rules(ps_db *db, const ps_catalog *cat, ps_ctx *ctx)
{
    sqlite3_stmt *st;
    ps_error err;
    if ((err = ps_db_exec(db, "DELETE FROM rule", ctx)) ||
        (err = ps_db_prepare(db,
                             "INSERT INTO rule(code,lhs,op,rhs,severity,message_vi,message_en,ord)"
                             " VALUES (?,?,?,?,?,?,?,?)",
                             &st, ctx)))
        return err;
    for (size_t i = 0; i < cat->nrules && !err; i++) {
        const ps_rule *r = &cat->rules[i];
        ps_db_bind_text(st, 1, r->code);
        ps_db_bind_text(st, 2, r->left_text);
        ps_db_bind_text(st, 3, ps_rule_op_name(r->op));
        ps_db_bind_text(st, 4, r->right_text);
        ps_db_bind_text(st, 5, ps_severity_name(r->severity));
        ps_db_bind_text(st, 6, r->message_vi);
        ps_db_bind_text(st, 7, r->message_en);
        sqlite3_bind_int64(st, 8, (long long)i);
        err = step_done(db, st, ctx, ps_msg(PS_M_DBW_SAVING_RULES));
    }
    sqlite3_finalize(st);
    return err;
}

static ps_error save_all(ps_db *db, ps_catalog *cat, ps_ctx *ctx)
{
    ps_error err = PS_OK;
    for (int k = 0; k < 3 && !err; k++)
        err = save_entries(db, cat, &entry_kinds[k], ctx);
    if (!err)
        err = drop_gone(db, cat, ctx);
    if (!err)
        err = save_rules(db, cat, ctx);
    return err;
}

/* One row into the text: the type, the length and the bytes of each
 * column but the id, so that no two rows print alike. */
static void print_row(sqlite3_stmt *st, void *arg)
{
    ps_strbuf *out = arg;
    for (int c = 0; c < sqlite3_column_count(st); c++) {
        if (strcmp(sqlite3_column_name(st, c), "id") == 0)
            continue;
        int type = sqlite3_column_type(st, c);
        const void *b = type == SQLITE_BLOB ? sqlite3_column_blob(st, c) : sqlite3_column_text(st, c);
        int n = sqlite3_column_bytes(st, c);
        ps_sb_printf(out, "%d:%d:", type, n);
        if (b && n > 0)
            ps_sb_append(out, b, (size_t)n);
    }
    ps_sb_putc(out, '\n');
}

/* The catalog as stored, every column of every unit, indicator, reporter
 * and rule but their ids (rules are written anew by each save), in one
 * text: a save that leaves it the same changed nothing. */
static ps_error catalog_text(ps_db *db, ps_strbuf *out, ps_ctx *ctx)
{
    static const char *const sql[] = {"SELECT * FROM unit ORDER BY id", "SELECT * FROM indicator ORDER BY id",
                                      "SELECT * FROM reporter ORDER BY id", "SELECT * FROM rule ORDER BY id"};
    for (size_t k = 0; k < sizeof sql / sizeof *sql; k++) {
        ps_error err = each_row(db, sql[k], print_row, out, ps_msg(PS_M_DBW_READING_CATALOG), ctx);
        if (err)
            return err;
        ps_sb_putc(out, '|');
    }
    return PS_OK;
}

ps_error ps_db_catalog_save(ps_db *db, ps_catalog *cat, const char *const paths[4], ps_diags *diags,
                            bool *changed, ps_ctx *ctx)
{
    ps_strbuf was = PS_STRBUF_INIT, is = PS_STRBUF_INIT;
    *changed = false;
    size_t before = diags->nerr;
    ps_error err = check_drops(db, cat, paths, diags, ctx);
    if (!err && diags->nerr > before)
        err = PS_ERR_REFUSED;
    /* parents and successors refer to codes; check them at the end */
    if (!err)
        err = ps_db_exec(db, "PRAGMA defer_foreign_keys = ON", ctx);
    /* the same catalog saved again changes no computed number */
    if (!err && !(err = catalog_text(db, &was, ctx)) && !(err = save_all(db, cat, ctx)) &&
        !(err = catalog_text(db, &is, ctx)))
        *changed = was.len != is.len || (was.len && memcmp(was.buf, is.buf, was.len) != 0);
    ps_sb_free(&was);
    ps_sb_free(&is);
    return err;
}

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

static void load_unit(sqlite3_stmt *st, void *arg)
{
    ps_catalog *cat = arg;
    ps_unit *u = ps_catalog_add_unit(cat);
    u->id = sqlite3_column_int64(st, 0);
    u->code = ps_xstrdup(ps_db_col_text(st, 1));
    u->name_vi = ps_xstrdup(ps_db_col_text(st, 2));
    u->name_en = ps_xstrdup(ps_db_col_text(st, 3));
    u->level = ps_level_parse(ps_db_col_text(st, 4));
    u->kind = ps_xstrdup(ps_db_col_text(st, 5));
    u->parent_code = col_dup_or_null(st, 6);
    u->valid_from = col_period(st, 7);
    u->valid_to = col_period(st, 8);
    u->successor_code = col_dup_or_null(st, 9);
    u->line = (long)cat->nunits + 1;
}

/* An aggregation by its stored name; *out is left as it is for another. */
static void agg_parse(const char *name, ps_agg *out)
{
    for (int a = 0; a <= PS_AGG_LAST; a++)
        if (strcmp(name, ps_agg_name((ps_agg)a)) == 0)
            *out = (ps_agg)a;
}

static void load_indicator(sqlite3_stmt *st, void *arg)
{
    ps_catalog *cat = arg;
    ps_indicator *x = ps_catalog_add_indicator(cat);
    x->id = sqlite3_column_int64(st, 0);
    x->code = ps_xstrdup(ps_db_col_text(st, 1));
    x->name_vi = ps_xstrdup(ps_db_col_text(st, 2));
    x->name_en = ps_xstrdup(ps_db_col_text(st, 3));
    x->unit_vi = ps_xstrdup(ps_db_col_text(st, 4));
    x->unit_en = ps_xstrdup(ps_db_col_text(st, 5));
    x->percent = strcmp(x->unit_vi, "%") == 0 || strcmp(x->unit_en, "%") == 0;
    ps_kind_parse(ps_db_col_text(st, 6), &x->kind);
    const char *sa = ps_db_col_text(st, 7);
    if (strncmp(sa, "wmean:", 6) == 0) {
        x->space_agg = PS_AGG_WMEAN;
        x->weight_code = ps_xstrdup(sa + 6);
    } else {
        agg_parse(sa, &x->space_agg);
    }
    agg_parse(ps_db_col_text(st, 8), &x->time_agg);
    x->decimals = sqlite3_column_int(st, 9);
    if ((x->has_min = sqlite3_column_type(st, 10) != SQLITE_NULL))
        x->min = sqlite3_column_double(st, 10);
    if ((x->has_max = sqlite3_column_type(st, 11) != SQLITE_NULL))
        x->max = sqlite3_column_double(st, 11);
    x->formula_text = ps_xstrdup(ps_db_col_text(st, 12));
    if (*x->formula_text) {
        char msg[256];
        x->formula = ps_formula_parse(x->formula_text, msg, sizeof msg);
    }
    x->order = sqlite3_column_double(st, 13);
    x->group = ps_xstrdup(ps_db_col_text(st, 14));
    x->frequency = ps_frequency_parse(ps_db_col_text(st, 15));
    if (x->frequency == PS_P_NONE)
        x->frequency = PS_P_MONTH;
    x->key = sqlite3_column_int(st, 16) != 0;
    x->group_en = ps_xstrdup(ps_db_col_text(st, 17));
    x->line = (long)cat->nindicators + 1;
}

static void load_reporter(sqlite3_stmt *st, void *arg)
{
    ps_catalog *cat = arg;
    ps_reporter *r = ps_catalog_add_reporter(cat);
    r->id = sqlite3_column_int64(st, 0);
    r->code = ps_xstrdup(ps_db_col_text(st, 1));
    r->name_vi = ps_xstrdup(ps_db_col_text(st, 2));
    r->name_en = ps_xstrdup(ps_db_col_text(st, 3));
    r->scope_code = ps_xstrdup(ps_db_col_text(st, 4));
    r->indicators_text = ps_xstrdup(ps_db_col_text(st, 5));
    const char *lv = ps_db_col_text(st, 6);
    r->report_level = *lv ? ps_level_parse(lv) : PS_LEVEL_NONE;
    r->deadline_day = sqlite3_column_int(st, 7);
    r->line = (long)cat->nreporters + 1;
}

static void load_rule(sqlite3_stmt *st, void *arg)
{
    ps_catalog *cat = arg;
    ps_rule *r = ps_catalog_add_rule(cat);
    r->code = ps_xstrdup(ps_db_col_text(st, 0));
    r->left_text = ps_xstrdup(ps_db_col_text(st, 1));
    r->right_text = ps_xstrdup(ps_db_col_text(st, 3));
    const char *op = ps_db_col_text(st, 2);
    for (int o = 0; o <= PS_OP_GE; o++)
        if (strcmp(op, ps_rule_op_name((ps_rule_op)o)) == 0)
            r->op = (ps_rule_op)o;
    r->severity = strcmp(ps_db_col_text(st, 4), "error") == 0 ? PS_SEV_ERROR : PS_SEV_WARNING;
    r->message_vi = ps_xstrdup(ps_db_col_text(st, 5));
    r->message_en = ps_xstrdup(ps_db_col_text(st, 6));
    char msg[256];
    r->left = ps_formula_parse(r->left_text, msg, sizeof msg);
    r->right = ps_formula_parse(r->right_text, msg, sizeof msg);
    r->line = (long)cat->nrules + 1;
}

/* Reads every table of the catalog into cat, in catalog order. */
static ps_error load_tables(ps_db *db, ps_catalog *cat, ps_ctx *ctx)
{
    ps_error err;
    if ((err = each_row(db,
                        "SELECT id,code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor"
                        " FROM unit ORDER BY ord",
                        load_unit, cat, ps_msg(PS_M_DBW_LOADING_UNITS), ctx)))
        return err;
    if (!cat->nunits)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_DBC_DATABASE_HAS_NO_CATALOG,
                        ps_db_path(db));
    if ((err = each_row(db,
                        "SELECT id,code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,"
                        "min,max,formula,ord,grp,frequency,key,grp_en FROM indicator ORDER BY file_ord",
                        load_indicator, cat, ps_msg(PS_M_DBW_LOADING_INDICATORS), ctx)) ||
        (err = each_row(db,
                        "SELECT id,code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day"
                        " FROM reporter ORDER BY ord",
                        load_reporter, cat, ps_msg(PS_M_DBW_LOADING_REPORTERS), ctx)))
        return err;
    return each_row(db, "SELECT code,lhs,op,rhs,severity,message_vi,message_en FROM rule ORDER BY ord",
                    load_rule, cat, ps_msg(PS_M_DBW_LOADING_RULES), ctx);
}

ps_error ps_db_catalog_load(ps_db *db, ps_catalog **out, ps_ctx *ctx)
{
    *out = NULL;
    ps_catalog *cat = ps_catalog_new();
    ps_error err = load_tables(db, cat, ctx);
    if (!err) {
        static const char *const paths[4] = {"units", "reporters", "indicators", "rules"};
        ps_diags d;
        ps_diags_init(&d);
        if (ps_catalog_finish(cat, paths, &d))
            err = ps_failm(ctx, PS_ERR_SCHEMA, PS_M_DBC_CATALOG_STORED_CONTRADICTS_ITSELF,
                           ps_db_path(db), d.n ? d.v[0].message : "");
        ps_diags_free(&d);
    }
    if (err) {
        ps_catalog_free(cat);
        return err;
    }
    *out = cat;
    return PS_OK;
}
