/* template.c - the blank form a reporter fills: its rows, its texts, the CSV (template.h). */
#include "export/template_int.h"

#include "aggregate/expected.h"
#include "core/alloc.h"
#include "core/measure.h"
#include "core/number.h"
#include "core/safefile.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ps_template_format_of(const char *path, ps_template_format *out)
{
    size_t n = path ? strlen(path) : 0;
    if (n > 4 && ps_text_casecmp(path + n - 4, ".csv") == 0)
        *out = PS_TEMPLATE_CSV;
    else if (n > 5 && ps_text_casecmp(path + n - 5, ".xlsx") == 0)
        *out = PS_TEMPLATE_XLSX;
    else
        return false;
    return true;
}

/* ------------------------------------------------------------------------
 * Texts
 * ------------------------------------------------------------------------ */

static const char *const headers[2][TC_N] = {
    {"Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Kỳ", "Loại", "Giá trị",
     "Trạng thái", "Ghi chú", "Kỳ trước", "Cùng kỳ năm trước"},
    {"unit", "unit_name", "indicator", "indicator_name", "unit_measure", "period", "measure", "value", "status",
     "note", "prev_value", "last_year_value"},
};

const char *ps_tmpl_header(const ps_tmpl *t, int c)
{
    return headers[t->en][c];
}

const char *ps_tmpl_text(const ps_tmpl *t, const ps_tmpl_row *row, int c, char *pbuf)
{
    const ps_unit *u = &t->cat->units[row->unit];
    const ps_indicator *x = &t->cat->indicators[row->indicator];
    switch (c) {
    case TC_UNIT: return u->code;
    case TC_UNIT_NAME: return t->en ? u->name_en : u->name_vi;
    case TC_INDICATOR: return x->code;
    case TC_INDICATOR_NAME: return t->en ? x->name_en : x->name_vi;
    case TC_UNIT_MEASURE: return t->en ? x->unit_en : x->unit_vi;
    case TC_PERIOD: return ps_period_format(row->period, pbuf);
    case TC_MEASURE: return t->measure == PS_MEASURE_PLAN ? "plan" : "actual";
    }
    return "";
}

char *ps_tmpl_title(const ps_tmpl *t, char *buf, size_t n)
{
    char pb[PS_PERIOD_BUFSZ];
    ps_period_format(t->p, pb);
    const char *name = t->en ? t->rep->name_en : t->rep->name_vi;
    if (t->measure == PS_MEASURE_PLAN)
        snprintf(buf, n, t->en ? "Plan for %s: %s (%s)" : "Biểu kế hoạch năm %s: %s (%s)", pb, name, t->rep->code);
    else
        snprintf(buf, n, t->en ? "Reporting form for %s: %s (%s)" : "Biểu báo cáo kỳ %s: %s (%s)", pb, name,
                 t->rep->code);
    return buf;
}

char *ps_tmpl_instructions(const ps_tmpl *t, char *buf, size_t n)
{
    char due[32] = "";
    if (t->measure == PS_MEASURE_ACTUAL && t->p.type == PS_P_MONTH) {
        char d[PS_DATE_BUFSZ];
        ps_expected_deadline(t->rep, t->p, d);
        snprintf(due, sizeof due, t->en ? "Due by %s. " : "Hạn nộp: %s. ", d);
    }
    snprintf(buf, n,
             t->en ? "%sWrite each figure in the value column; - when nothing occurred, .. or x when not collected. "
                     "The last two columns are for reference."
                   : "%sGhi số liệu vào cột Giá trị; ghi - nếu không phát sinh, .. hoặc x nếu không thu thập được. "
                     "Hai cột cuối để tham khảo.",
             due);
    return buf;
}

/* ------------------------------------------------------------------------
 * The rows and their references
 * ------------------------------------------------------------------------ */

static ps_error add_row(void *arg, const ps_expected *x, ps_ctx *ctx)
{
    (void)ctx;
    ps_tmpl *t = arg;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->rows = ps_xrealloc(t->rows, t->cap * sizeof *t->rows);
    }
    t->rows[t->n++] = (ps_tmpl_row){x->unit, x->indicator, x->period, {{0}, {0}}};
    return PS_OK;
}

/* The references of one row (template.h). */
static ps_error references(ps_engine *e, const ps_tmpl *t, ps_tmpl_row *row, ps_ctx *ctx)
{
    ps_error err;
    if (t->measure == PS_MEASURE_PLAN) {
        ps_period last = ps_period_prev_year(row->period);
        if ((err = ps_engine_plan(e, row->unit, row->indicator, last.year, &row->ref[0], ctx)) ||
            (err = ps_engine_value(e, row->unit, row->indicator, last, &row->ref[1], ctx)))
            return err;
        for (int k = 0; k < 2; k++)
            if (row->ref[k].coverage < 1)
                row->ref[k].has = false; /* never shown as if complete */
        return PS_OK;
    }
    ps_period ref[2] = {ps_period_prev(row->period), ps_period_prev_year(row->period)};
    for (int k = 0; k < 2; k++) {
        row->ref[k].has = false;
        if (ref[k].type == PS_P_NONE)
            continue;
        if ((err = ps_engine_value(e, row->unit, row->indicator, ref[k], &row->ref[k], ctx)))
            return err;
        if (!(row->ref[k].flags & PS_VF_SUBMITTED))
            row->ref[k].has = false; /* computed, not stored: no reference */
    }
    return PS_OK;
}

/* Gathers the rows due and their references into t. */
static ps_error gather(ps_engine *e, ps_tmpl *t, ps_ctx *ctx)
{
    ps_error err = ps_expected_each(t->cat, t->rep, -1, t->p, t->measure, add_row, t, ctx);
    if (err)
        return err;
    if (!t->n) {
        char pb[PS_PERIOD_BUFSZ];
        return ps_failm(ctx, PS_ERR_REFUSED, t->measure == PS_MEASURE_PLAN ? PS_M_TMPL_NOTHING_DUE_PLAN
                                                                            : PS_M_TMPL_NOTHING_DUE,
                        t->rep->code, ps_period_format(t->p, pb));
    }
    for (size_t i = 0; i < t->n; i++)
        if ((err = references(e, t, &t->rows[i], ctx)))
            return err;
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * The CSV
 * ------------------------------------------------------------------------ */

/* A reference as CSV text: the number, "-" for a '-' mark, "" for none. */
static void put_ref(ps_strbuf *sb, const ps_val *v)
{
    char nb[PS_NUMBER_BUFSZ];
    if (v->has)
        ps_sb_puts(sb, v->flags & PS_VF_NONE_OCCURRED ? "-" : ps_number_format(v->v, nb));
}

static ps_error write_csv(const ps_tmpl *t, FILE *f, const char *path, ps_ctx *ctx)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_puts(&sb, "\xEF\xBB\xBF");
    for (int c = 0; c < TC_N; c++) {
        ps_text_csv_field(&sb, ps_tmpl_header(t, c), true);
        ps_sb_putc(&sb, c + 1 < TC_N ? ',' : '\n');
    }
    for (size_t i = 0; i < t->n; i++) {
        const ps_tmpl_row *row = &t->rows[i];
        char pb[PS_PERIOD_BUFSZ];
        for (int c = 0; c < TC_VALUE; c++) {
            ps_text_csv_field(&sb, ps_tmpl_text(t, row, c, pb), true);
            ps_sb_putc(&sb, ',');
        }
        ps_sb_puts(&sb, ",,,"); /* value, status, note: for the reporter */
        put_ref(&sb, &row->ref[0]);
        ps_sb_putc(&sb, ',');
        put_ref(&sb, &row->ref[1]);
        ps_sb_putc(&sb, '\n');
    }
    ps_error err = PS_OK;
    if (fwrite(sb.buf, 1, sb.len, f) != sb.len || fflush(f) != 0)
        err = errno ? ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, path, strerror(errno))
                    : ps_failm(ctx, PS_ERR_IO, PS_M_XCSV_CANNOT_WRITE_WRITE_ERROR, path);
    ps_sb_free(&sb);
    return err;
}

static ps_error write_csv_file(const ps_tmpl *t, const char *path, ps_ctx *ctx)
{
    ps_safefile *sf;
    ps_error err = ps_safefile_open(&sf, path, ctx);
    if (err)
        return err;
    if ((err = write_csv(t, ps_safefile_stream(sf, 0), path, ctx))) {
        ps_safefile_abort(sf);
        return err;
    }
    return ps_safefile_commit(sf, ctx);
}

/* ------------------------------------------------------------------------
 * The entry point
 * ------------------------------------------------------------------------ */

ps_error ps_template_write(ps_engine *e, int reporter, ps_period p, const char *path,
                           const ps_template_opts *o, long *rows, ps_ctx *ctx)
{
    static const ps_template_opts defaults = {0};
    const ps_catalog *cat = ps_engine_catalog(e);
    if (!o)
        o = &defaults;
    if (rows)
        *rows = 0;
    ps_template_format fmt;
    if (!ps_template_format_of(path, &fmt))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_TMPL_WRITTEN_AS, path ? path : ps_msg(PS_M_TMPL_NO_FILE));
    if (o->lang && strcmp(o->lang, "vi") != 0 && strcmp(o->lang, "en") != 0)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_XRPT_LANGUAGE_USE_VI_EN, o->lang);
    if (reporter < 0 || (size_t)reporter >= cat->nreporters)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_CAT_REPORTER_INDEX_NOT_IN_CATALOG, reporter);
    ps_tmpl t = {cat, &cat->reporters[reporter], p, o->measure, o->lang && strcmp(o->lang, "en") == 0,
                 o->created, NULL, 0, 0};
    ps_error err = gather(e, &t, ctx);
    if (!err)
        err = fmt == PS_TEMPLATE_XLSX ? ps_tmpl_write_xlsx(&t, path, ctx) : write_csv_file(&t, path, ctx);
    if (!err && rows)
        *rows = (long)t.n;
    free(t.rows);
    return err;
}
