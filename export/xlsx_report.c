/* xlsx_report.c - the report workbook (SPEC §6): the model gathered, then its six sheets written. */
#include "export/xlsx_report.h"

#include "aggregate/latest.h"
#include "core/alloc.h"
#include "export/report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sheets of one workbook, in their order. */
typedef struct book {
    ps_rep_sheet sum, dist, trends, repo;
    ps_rep_sheet *data;          /* ndata of them: Data, Data 2… */
    int ndata;
    ps_rep_sheet notes;
} book;

static ps_error set_properties(ps_rep *r)
{
    char title[200], subject[300];
    ps_xlsx_title(r->m->p, r->en ? "en" : "vi", title, sizeof title);
    const ps_unit *un = &r->cat->units[r->m->unit];
    snprintf(subject, sizeof subject, "%s", r->en ? un->name_en : un->name_vi);
    lxw_doc_properties props = {0};
    props.title = title;
    props.subject = subject;
    props.author = "provstat";
    props.company = subject;
    props.comments = (char *)L(r, L_PROPS_COMMENTS); /* the library only reads it */
    props.keywords = "provstat";
    props.created = r->created;
    LX("(properties)", workbook_set_properties(r->wb, &props));
    return PS_OK;
}

/* Adds the sheets, named in the report's language, in their order. */
static ps_error add_sheets(ps_rep *r, book *b)
{
    char byname[64];
    snprintf(byname, sizeof byname, "%s %s", L(r, L_BY), ps_rep_level_word(r->m->kid_level, r->en));
    ps_error err;
    if ((err = ps_rep_add_sheet(r, &b->sum, L(r, L_SHEET_SUMMARY))) || (err = ps_rep_add_sheet(r, &b->dist, byname)) ||
        (err = ps_rep_add_sheet(r, &b->trends, L(r, L_SHEET_TRENDS))) ||
        (err = ps_rep_add_sheet(r, &b->repo, L(r, L_SHEET_REPORTING))))
        return err;
    for (int i = 0; i < b->ndata; i++) {
        char dn[32];
        if (i)
            snprintf(dn, sizeof dn, "%s %d", L(r, L_SHEET_DATA), i + 1);
        else
            snprintf(dn, sizeof dn, "%s", L(r, L_SHEET_DATA));
        if ((err = ps_rep_add_sheet(r, &b->data[i], dn)))
            return err;
    }
    return ps_rep_add_sheet(r, &b->notes, L(r, L_SHEET_NOTES));
}

static ps_error write_sheets(ps_rep *r, book *b)
{
    ps_error err;
    if ((err = ps_rep_write_summary(r, &b->sum)) || (err = ps_rep_write_districts(r, &b->dist)) ||
        (err = ps_rep_write_trends(r, &b->trends, &b->dist)) || (err = ps_rep_write_reporting(r, &b->repo)))
        return err;
    for (int i = 0; i < b->ndata; i++) {
        size_t from = (size_t)i * (size_t)r->rows_per_sheet;
        size_t to = from + (size_t)r->rows_per_sheet;
        if (to > r->m->ndata)
            to = r->m->ndata;
        if ((err = ps_rep_write_data(r, &b->data[i], from, to, i + 1)))
            return err;
    }
    return ps_rep_write_notes(r, &b->notes);
}

static void book_free(book *b)
{
    ps_rep_sheet_free(&b->sum);
    ps_rep_sheet_free(&b->dist);
    ps_rep_sheet_free(&b->trends);
    ps_rep_sheet_free(&b->repo);
    ps_rep_sheet_free(&b->notes);
    if (b->data)
        for (int i = 0; i < b->ndata; i++)
            ps_rep_sheet_free(&b->data[i]);
    free(b->data);
}

ps_error ps_rep_write_book(ps_rep *r)
{
    ps_error err;
    if ((err = ps_rep_make_formats(r)) || (err = set_properties(r)))
        return err;
    book b;
    memset(&b, 0, sizeof b);
    b.ndata = (int)((r->m->ndata + (size_t)r->rows_per_sheet - 1) / (size_t)r->rows_per_sheet);
    if (b.ndata < 1)
        b.ndata = 1;
    if (b.ndata > 40)
        return ps_failm(r->ctx, PS_ERR_LIMIT, PS_M_XRPT_CANNOT_WRITE_DATA_ROWS, r->path,
                        r->m->ndata, b.ndata);
    b.data = ps_xcalloc((size_t)b.ndata, sizeof *b.data);
    if (!(err = add_sheets(r, &b)) && !(err = write_sheets(r, &b))) {
        r->res.data_sheets = b.ndata;
        r->res.data_rows = (long)r->m->ndata;
    }
    book_free(&b);
    return err;
}

/* True when the model holds an actual value of period p itself: some value
 * of the unit or of a unit below it. */
static bool model_has_period(const ps_report_model *m)
{
    for (size_t i = 0; i < m->ndata; i++)
        if (!m->data[i].plan && ps_period_eq(m->data[i].p, m->p))
            return true;
    return false;
}

/* The refusal of a report for a period without data (SPEC §6): names the
 * latest period of p's type that has data, when there is one. */
static ps_error refuse_empty(ps_engine *e, const ps_report_model *m, const char *path, ps_ctx *ctx)
{
    const ps_catalog *cat = m->cat;
    /* periods of p's length: indicators of that frequency or a shorter one
     * (a year's population says nothing of a month) */
    int span = m->p.type == PS_P_YTD ? 1 : ps_period_month_count(m->p);
    ps_period best = {0};
    for (size_t i = 0; i < cat->nindicators; i++) {
        if (ps_frequency_months(cat->indicators[i].frequency) > span)
            continue;
        ps_period last;
        ps_error err = ps_latest_month(e, m->unit, (int)i, 1900, &last, ctx);
        if (err)
            return err;
        if (last.type != PS_P_NONE && (best.type == PS_P_NONE || ps_period_cmp(last, best) > 0))
            best = last;
    }
    const ps_unit *un = &cat->units[m->unit];
    char pc[PS_PERIOD_BUFSZ], lc[PS_PERIOD_BUFSZ];
    ps_period_format(m->p, pc);
    if (best.type == PS_P_NONE)
        return ps_failm(ctx, PS_ERR_CHECK, PS_M_XRPT_NO_DATA_AT_ALL, path, un->code, un->name_vi);
    ps_period like = ps_period_containing(m->p.type, best.year, ps_period_last_month(best));
    ps_period_format(like.type != PS_P_NONE ? like : best, lc);
    return ps_failm(ctx, PS_ERR_CHECK, PS_M_XRPT_NO_DATA_FOR_PERIOD, path, un->code, un->name_vi, pc, lc, lc);
}

ps_error ps_xlsx_report_opt(ps_engine *e, ps_db *db, const ps_catalog *cat, int unit, ps_period p,
                            const char *path, const ps_xlsx_opts *opts, ps_xlsx_result *res, ps_ctx *ctx)
{
    ps_xlsx_opts defaults = {0};
    if (!opts)
        opts = &defaults;
    if (res)
        memset(res, 0, sizeof *res);
    const char *lang = opts->lang ? opts->lang : "vi";
    if (strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_XRPT_LANGUAGE_USE_VI_EN, lang);
    if (!ps_period_valid(p))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_XRPT_REPORT_NEEDS_VALID_PERIOD);
    if (unit < 0 || (size_t)unit >= cat->nunits)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_XRPT_REPORT_NEEDS_UNIT_CATALOG);
    if (!path || !*path)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_XRPT_REPORT_NEEDS_FILE_NAME);
    ps_report_model m;
    ps_error err = ps_report_model_gather(&m, e, db, cat, unit, p, ctx);
    if (!err && !model_has_period(&m))
        err = refuse_empty(e, &m, path, ctx);
    if (err) {
        ps_report_model_free(&m);
        return err;
    }
    ps_rep r;
    memset(&r, 0, sizeof r);
    r.m = &m;
    r.cat = cat;
    r.en = strcmp(lang, "en") == 0;
    r.path = path;
    r.ctx = ctx;
    r.created = opts->created ? opts->created : time(NULL);
    r.rows_per_sheet = opts->data_rows_per_sheet > 0 && opts->data_rows_per_sheet < LXW_ROW_MAX - 1
                           ? opts->data_rows_per_sheet
                           : LXW_ROW_MAX - 1;
    long cm_rows = opts->constant_memory_rows ? opts->constant_memory_rows : 200000;
    r.cm = cm_rows < 0 || (long)m.ndata >= cm_rows;
    r.res.constant_memory = r.cm;
    err = ps_rep_write_file(&r);
    if (!err && res)
        *res = r.res;
    ps_report_model_free(&m);
    return err;
}
