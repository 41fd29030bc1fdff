/* csv_out.c - CSV exports of computed values: long, wide and SDMX-CSV. */
#include "export/csv_out.h"
#include "core/text.h"

#include "core/alloc.h"
#include "core/csv.h"
#include "core/number.h"
#include "core/safefile.h"
#include "core/text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Options and periods
 * ------------------------------------------------------------------------ */

bool ps_export_format_parse(const char *s, ps_export_format *out)
{
    if (!s)
        return false;
    if (strcmp(s, "long") == 0)
        *out = PS_EXPORT_LONG;
    else if (strcmp(s, "wide") == 0)
        *out = PS_EXPORT_WIDE;
    else if (strcmp(s, "sdmx") == 0)
        *out = PS_EXPORT_SDMX;
    else
        return false;
    return true;
}

const char *ps_export_format_name(ps_export_format f)
{
    switch (f) {
    case PS_EXPORT_LONG: return "long";
    case PS_EXPORT_WIDE: return "wide";
    case PS_EXPORT_SDMX: return "sdmx";
    }
    return "";
}

/* The next period of p's type; a year-to-date steps through YTD01..YTD11
 * and on to the next year's YTD01. */
static ps_period next_period(ps_period p)
{
    if (p.type != PS_P_YTD)
        return ps_period_next(p);
    if (p.num < 11)
        return ps_period_make(PS_P_YTD, p.year, p.num + 1);
    return ps_period_make(PS_P_YTD, p.year + 1, 1);
}

ps_error ps_export_periods(ps_period from, ps_period to, ps_period **out, int *n, ps_ctx *ctx)
{
    *out = NULL;
    *n = 0;
    if (!ps_period_valid(from))
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_XCSV_NO_PERIOD_EXPORT);
    if (to.type == PS_P_NONE)
        to = from;
    char fb[PS_PERIOD_BUFSZ], tb[PS_PERIOD_BUFSZ];
    ps_period_format(from, fb);
    ps_period_format(to, tb);
    if (!ps_period_valid(to) || to.type != from.type)
        return ps_failm(ctx, PS_ERR_USAGE,
                        PS_M_XCSV_ARE_NOT_SAME_TYPE,
                        fb, tb, ps_frequency_name((ps_period_type)from.type),
                        ps_frequency_name((ps_period_type)to.type));
    if (ps_period_cmp(to, from) < 0)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_XCSV_RANGE_ENDS_BEFORE_STARTS, tb, fb);
    int count = 1;
    for (ps_period p = from; !ps_period_eq(p, to); p = next_period(p))
        count++;
    ps_period *v = ps_xmalloc((size_t)count * sizeof *v);
    int k = 0;
    for (ps_period p = from;; p = next_period(p)) {
        v[k++] = p;
        if (ps_period_eq(p, to))
            break;
    }
    *out = v;
    *n = count;
    return PS_OK;
}

/* ------------------------------------------------------------------------
 * CSV text
 * ------------------------------------------------------------------------ */

/* Owned copy of the CSV text of fields joined by ',' and ending with ','. */
static char *fields_prefix(const char *const *fields, int n)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int i = 0; i < n; i++) {
        ps_text_csv_field(&sb, fields[i], true);
        ps_sb_putc(&sb, ',');
    }
    return ps_sb_steal(&sb);
}

/* ------------------------------------------------------------------------
 * The exporter: what every form shares
 * ------------------------------------------------------------------------ */

typedef struct exporter {
    ps_engine *e;
    const ps_catalog *cat;
    const ps_export_opts *o;
    FILE *out;
    const char *name;
    ps_ctx *ctx;
    ps_period *periods;     /* the periods named, in order */
    int np;
    char (*ptext)[PS_PERIOD_BUFSZ]; /* their text (canonical, or SDMX) */
    int *years;             /* the years they cover, ascending */
    int ny;
    char (*ytext)[PS_PERIOD_BUFSZ];
    int *units;             /* exported units, catalog order */
    int nunits;
    char **unit_pfx;        /* per catalog unit: its leading fields, or NULL */
    char **ind_pfx;         /* per indicator: its leading fields */
    char **ind_sfx;         /* per indicator: its trailing fields (sdmx) */
    ps_strbuf row;          /* the row being written; reused */
    long nrows;
} exporter;

/* Writes the row buffer out and clears it. */
static ps_error flush_row(exporter *x)
{
    if (x->row.len && fwrite(x->row.buf, 1, x->row.len, x->out) != x->row.len) {
        int e = errno;
        return ps_failm(x->ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, x->name,
                        e ? strerror(e) : "write error");
    }
    ps_sb_clear(&x->row);
    return PS_OK;
}

/* Checks that a value the engine gave can be written. */
static ps_error check_val(exporter *x, const ps_val *v, int u, int ind, const char *what)
{
    if (isfinite(v->v) && isfinite(v->coverage) && (v->status == 'A' || v->status == 'P' || v->status == 'E'))
        return PS_OK;
    return ps_failm(x->ctx, PS_ERR_INTERNAL,
                    PS_M_XCSV_ENGINE_GAVE_UNIT_THAT,
                    what, x->cat->indicators[ind].code, x->cat->units[u].code, v->v, v->coverage,
                    (int)(unsigned char)v->status);
}

/* Selects the units: the root and the units below it down to the level. */
static ps_error select_units(exporter *x)
{
    const ps_catalog *cat = x->cat;
    int root = cat->top;
    if (x->o->unit) {
        root = ps_catalog_unit(cat, x->o->unit);
        if (root < 0)
            return ps_failm(x->ctx, PS_ERR_NOT_FOUND, PS_M_XCSV_UNIT_NOT_CATALOG, x->o->unit);
    }
    if (root < 0 || (size_t)root >= cat->nunits)
        return ps_failm(x->ctx, PS_ERR_NOT_FOUND, PS_M_CAT_CATALOG_HAS_NO_UNITS);
    ps_engine_set_scope(x->e, root); /* stored values are read for this subtree at a time */
    const ps_unit *r = &cat->units[root];
    ps_level deepest = r->level;
    if (x->o->has_level) {
        deepest = x->o->level;
    } else {
        for (int k = 0; k < r->nchildren; k++) {
            ps_level l = cat->units[r->children[k]].level;
            if (k == 0 || l < deepest)
                deepest = l;
        }
    }
    x->units = ps_xmalloc(cat->nunits * sizeof *x->units);
    x->nunits = 0;
    for (size_t u = 0; u < cat->nunits; u++) {
        if ((int)u == root ||
            (cat->units[u].level <= deepest && ps_catalog_unit_within(cat, (int)u, root)))
            x->units[x->nunits++] = (int)u;
    }
    return PS_OK;
}

/* True when unit u is valid in some exported period of `year`. */
static bool valid_in_year(const exporter *x, int u, int year)
{
    for (int k = 0; k < x->np; k++)
        if (x->periods[k].year == year && ps_unit_valid_in(&x->cat->units[u], x->periods[k]))
            return true;
    return false;
}

static void exporter_free(exporter *x)
{
    free(x->periods);
    free(x->ptext);
    free(x->years);
    free(x->ytext);
    free(x->units);
    if (x->unit_pfx)
        for (size_t u = 0; u < x->cat->nunits; u++)
            free(x->unit_pfx[u]);
    free(x->unit_pfx);
    if (x->ind_pfx)
        for (size_t i = 0; i < x->cat->nindicators; i++)
            free(x->ind_pfx[i]);
    free(x->ind_pfx);
    if (x->ind_sfx)
        for (size_t i = 0; i < x->cat->nindicators; i++)
            free(x->ind_sfx[i]);
    free(x->ind_sfx);
    ps_sb_free(&x->row);
}

/* ------------------------------------------------------------------------
 * long and sdmx: one row per value
 * ------------------------------------------------------------------------ */

/* Appends one observation row of the long or sdmx form. */
static void put_obs(exporter *x, int u, int ind, const char *ptext, bool plan, const ps_val *v)
{
    const ps_indicator *in = &x->cat->indicators[ind];
    char nb[PS_NUMBER_BUFSZ];
    ps_strbuf *sb = &x->row;
    if (x->o->format == PS_EXPORT_SDMX) {
        /* DATAFLOW,REF_AREA,INDICATOR, */
        ps_sb_puts(sb, x->unit_pfx[u]);
        ps_sb_puts(sb, x->ind_pfx[ind]);
        ps_sb_puts(sb, plan ? "plan," : "actual,");
        ps_sb_puts(sb, ptext);
        ps_sb_putc(sb, ',');
        ps_sb_puts(sb, ps_number_format(v->v, nb));
        ps_sb_putc(sb, ',');
        ps_sb_putc(sb, v->status);
        ps_sb_putc(sb, ',');
        ps_sb_puts(sb, x->ind_sfx[ind]);
        ps_sb_putc(sb, '\n');
    } else {
        ps_val f = *v;
        if (in->kind == PS_KIND_DERIVED)
            f.flags |= PS_VF_DERIVED;
        char flags[256];
        ps_val_flags_text(&f, flags, sizeof flags);
        ps_sb_puts(sb, x->unit_pfx[u]);
        ps_sb_puts(sb, x->ind_pfx[ind]);
        ps_sb_puts(sb, ptext);
        ps_sb_puts(sb, plan ? ",plan," : ",actual,");
        ps_sb_puts(sb, ps_number_format(v->v, nb));
        ps_sb_putc(sb, ',');
        ps_sb_putc(sb, v->status);
        ps_sb_putc(sb, ',');
        if (v->coverage == 1)
            ps_sb_putc(sb, '1'); /* the common case, as ps_number_format writes it */
        else
            ps_sb_puts(sb, ps_number_format(v->coverage, nb));
        ps_sb_putc(sb, ',');
        ps_text_csv_field(sb, flags, true);
        ps_sb_putc(sb, '\n');
    }
    x->nrows++;
}

static ps_error write_rows(exporter *x)
{
    const ps_catalog *cat = x->cat;
    ps_error err;
    for (int k = 0; k < x->nunits; k++) {
        int u = x->units[k];
        const ps_unit *un = &cat->units[u];
        for (size_t r = 0; r < cat->nindicators; r++) {
            int ind = cat->report_order[r];
            int yi = 0; /* next plan year to write */
            for (int pi = 0; pi <= x->np; pi++) {
                /* plan rows whose year sorts before this period (or all, at the end) */
                while (yi < x->ny) {
                    ps_period yp = ps_period_make(PS_P_YEAR, x->years[yi], 0);
                    if (pi < x->np && ps_period_cmp(yp, x->periods[pi]) >= 0)
                        break;
                    if (valid_in_year(x, u, x->years[yi])) {
                        ps_val v;
                        if ((err = ps_engine_plan(x->e, u, ind, x->years[yi], &v, x->ctx)))
                            return err;
                        if (v.has) {
                            if ((err = check_val(x, &v, u, ind, "a plan")))
                                return err;
                            put_obs(x, u, ind, x->ytext[yi], true, &v);
                        }
                    }
                    yi++;
                }
                if (pi == x->np)
                    break;
                if (!ps_unit_valid_in(un, x->periods[pi]))
                    continue;
                ps_val v;
                if ((err = ps_engine_value(x->e, u, ind, x->periods[pi], &v, x->ctx)))
                    return err;
                if (!v.has)
                    continue;
                if ((err = check_val(x, &v, u, ind, "a value")))
                    return err;
                put_obs(x, u, ind, x->ptext[pi], false, &v);
            }
            if (x->row.len >= 64 * 1024 && (err = flush_row(x)))
                return err;
        }
    }
    return flush_row(x);
}

/* ------------------------------------------------------------------------
 * wide: indicators × periods, or units × indicators
 * ------------------------------------------------------------------------ */

/* Appends ",value" (or "," when there is none). */
static ps_error put_cell(exporter *x, int u, int ind, ps_period p)
{
    ps_strbuf *sb = &x->row;
    ps_sb_putc(sb, ',');
    if (!ps_unit_valid_in(&x->cat->units[u], p))
        return PS_OK;
    ps_val v;
    ps_error err = ps_engine_value(x->e, u, ind, p, &v, x->ctx);
    if (err)
        return err;
    if (!v.has)
        return PS_OK;
    if ((err = check_val(x, &v, u, ind, "a value")))
        return err;
    char nb[PS_NUMBER_BUFSZ];
    ps_sb_puts(sb, ps_number_format(v.v, nb));
    return PS_OK;
}

static ps_error write_wide(exporter *x)
{
    const ps_catalog *cat = x->cat;
    ps_strbuf *sb = &x->row;
    ps_error err;
    if (x->o->by_unit) {
        ps_sb_puts(sb, "unit,unit_name");
        for (size_t r = 0; r < cat->nindicators; r++) {
            ps_sb_putc(sb, ',');
            ps_text_csv_field(sb, cat->indicators[cat->report_order[r]].code, true);
        }
        ps_sb_putc(sb, '\n');
        ps_period p = x->periods[0];
        for (int k = 0; k < x->nunits; k++) {
            int u = x->units[k];
            if (!ps_unit_valid_in(&cat->units[u], p))
                continue;
            /* the prefix ends with ','; the cells bring their own */
            ps_sb_append(sb, x->unit_pfx[u], strlen(x->unit_pfx[u]) - 1);
            for (size_t r = 0; r < cat->nindicators; r++)
                if ((err = put_cell(x, u, cat->report_order[r], p)))
                    return err;
            ps_sb_putc(sb, '\n');
            x->nrows++;
            if ((err = flush_row(x)))
                return err;
        }
        return flush_row(x);
    }
    int u = x->units[0]; /* the root */
    ps_sb_puts(sb, "indicator,indicator_name,unit_measure");
    for (int k = 0; k < x->np; k++) {
        ps_sb_putc(sb, ',');
        ps_sb_puts(sb, x->ptext[k]);
    }
    ps_sb_putc(sb, '\n');
    for (size_t r = 0; r < cat->nindicators; r++) {
        int ind = cat->report_order[r];
        ps_sb_append(sb, x->ind_pfx[ind], strlen(x->ind_pfx[ind]) - 1);
        for (int k = 0; k < x->np; k++)
            if ((err = put_cell(x, u, ind, x->periods[k])))
                return err;
        ps_sb_putc(sb, '\n');
        x->nrows++;
        if ((err = flush_row(x)))
            return err;
    }
    return flush_row(x);
}

/* ------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------ */

/* Prepares the periods, units and the fixed text of every row. */
static ps_error prepare(exporter *x)
{
    const ps_catalog *cat = x->cat;
    const ps_export_opts *o = x->o;
    ps_error err;
    if (o->format != PS_EXPORT_LONG && o->format != PS_EXPORT_WIDE && o->format != PS_EXPORT_SDMX)
        return ps_failm(x->ctx, PS_ERR_USAGE, PS_M_XCSV_UNKNOWN_EXPORT_FORMAT, (int)o->format);
    if (o->by_unit && o->format != PS_EXPORT_WIDE)
        return ps_failm(x->ctx, PS_ERR_USAGE, PS_M_XCSV_UNIT_APPLIES_WIDE_FORM);
    if ((err = ps_export_periods(o->from, o->to, &x->periods, &x->np, x->ctx)))
        return err;
    if (o->by_unit && x->np != 1)
        return ps_failm(x->ctx, PS_ERR_USAGE,
                        PS_M_XCSV_WIDE_FORM_UNIT_SINGLE, x->np);
    if ((err = select_units(x)))
        return err;

    bool sdmx = o->format == PS_EXPORT_SDMX;
    x->ptext = ps_xmalloc((size_t)x->np * sizeof *x->ptext);
    x->years = ps_xmalloc((size_t)x->np * sizeof *x->years);
    x->ytext = ps_xmalloc((size_t)x->np * sizeof *x->ytext);
    for (int k = 0; k < x->np; k++) {
        if (sdmx)
            ps_period_format_sdmx(x->periods[k], x->ptext[k]);
        else
            ps_period_format(x->periods[k], x->ptext[k]);
        int y = x->periods[k].year;
        if (x->ny == 0 || x->years[x->ny - 1] != y) {
            ps_period yp = ps_period_make(PS_P_YEAR, y, 0);
            if (sdmx)
                ps_period_format_sdmx(yp, x->ytext[x->ny]);
            else
                ps_period_format(yp, x->ytext[x->ny]);
            x->years[x->ny++] = y;
        }
    }

    x->unit_pfx = ps_xcalloc(cat->nunits, sizeof *x->unit_pfx);
    for (int k = 0; k < x->nunits; k++) {
        const ps_unit *un = &cat->units[x->units[k]];
        const char *f[3] = {PS_EXPORT_DATAFLOW, un->code, un->name_vi};
        x->unit_pfx[x->units[k]] = sdmx ? fields_prefix(f, 2) : fields_prefix(f + 1, 2);
    }
    x->ind_pfx = ps_xcalloc(cat->nindicators, sizeof *x->ind_pfx);
    x->ind_sfx = ps_xcalloc(cat->nindicators, sizeof *x->ind_sfx);
    for (size_t i = 0; i < cat->nindicators; i++) {
        const ps_indicator *in = &cat->indicators[i];
        const char *f[3] = {in->code, in->name_vi, in->unit_vi};
        x->ind_pfx[i] = fields_prefix(f, sdmx ? 1 : 3);
        ps_strbuf sb = PS_STRBUF_INIT;
        ps_text_csv_field(&sb, in->unit_en, true);
        x->ind_sfx[i] = ps_sb_steal(&sb);
    }
    return PS_OK;
}

ps_error ps_export_write(ps_engine *e, const ps_export_opts *o, FILE *out, const char *name,
                         long *rows, ps_ctx *ctx)
{
    exporter x = {0};
    x.e = e;
    x.cat = ps_engine_catalog(e);
    x.o = o;
    x.out = out;
    x.name = name ? name : "the output";
    x.ctx = ctx;
    ps_sb_init(&x.row);
    ps_error err = prepare(&x);
    if (!err) {
        if (o->bom)
            ps_sb_puts(&x.row, PS_CSV_BOM);
        if (o->format == PS_EXPORT_WIDE) {
            err = write_wide(&x);
        } else {
            ps_sb_puts(&x.row, o->format == PS_EXPORT_SDMX ? PS_EXPORT_SDMX_HEADER "\n"
                                                             : PS_EXPORT_LONG_HEADER "\n");
            err = write_rows(&x);
        }
    }
    if (!err && fflush(out) != 0)
        err = ps_failm(ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, x.name, strerror(errno));
    if (!err && ferror(out))
        err = ps_failm(ctx, PS_ERR_IO, PS_M_XCSV_CANNOT_WRITE_WRITE_ERROR, x.name);
    if (rows)
        *rows = x.nrows;
    exporter_free(&x);
    return err;
}

ps_error ps_export_file(ps_engine *e, const ps_export_opts *o, const char *path, long *rows,
                        ps_ctx *ctx)
{
    ps_safefile *sf;
    ps_error err = ps_safefile_open(&sf, path, ctx);
    if (err)
        return err;
    err = ps_export_write(e, o, ps_safefile_stream(sf, (size_t)1 << 20), path, rows, ctx);
    if (err) {
        ps_safefile_abort(sf);
        return err;
    }
    return ps_safefile_commit(sf, ctx);
}
