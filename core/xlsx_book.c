/* xlsx_book.c - the parts of an .xlsx read before its sheet: which sheet,
 * which date system, which cell formats are dates, the shared strings. */
#include "core/xlsx_int.h"

#include "core/alloc.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

/* ------------------------------------------------------------------------
 * Relationships (the .rels parts)
 * ------------------------------------------------------------------------ */

typedef struct rel {
    char *id, *type, *target;
} rel;

typedef struct rels {
    rel *v;
    size_t n, cap;
} rels;

static void rels_start(xl_part *pt, const char *name, const char **atts)
{
    rels *r = pt->u;
    const char *id = xl_attr(atts, "Id"), *type = xl_attr(atts, "Type"), *target = xl_attr(atts, "Target");
    if (strcmp(name, "Relationship") != 0 || !id || !type || !target)
        return;
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        r->v = ps_xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = (rel){ps_xstrdup(id), ps_xstrdup(type), ps_xstrdup(target)};
}

static void rels_free(rels *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].id);
        free(r->v[i].type);
        free(r->v[i].target);
    }
    free(r->v);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

static const rel *rel_of_type(const rels *r, const char *type_tail)
{
    for (size_t i = 0; i < r->n; i++)
        if (ends_with(r->v[i].type, type_tail))
            return &r->v[i];
    return NULL;
}

static const rel *rel_by_id(const rels *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->v[i].id, id) == 0)
            return &r->v[i];
    return NULL;
}

/* The entry a relationship's target names, from the folder of `from`
 * (a part's name; "" for the package): "/xl/a.xml" -> "xl/a.xml",
 * "worksheets/s.xml" from "xl/workbook.xml" -> "xl/worksheets/s.xml",
 * with "." and ".." resolved. Owned. */
static char *resolve(const char *from, const char *target)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    if (target[0] != '/') {
        const char *slash = strrchr(from, '/');
        if (slash)
            ps_sb_append(&sb, from, (size_t)(slash - from) + 1);
    }
    ps_sb_puts(&sb, target[0] == '/' ? target + 1 : target);
    char *path = ps_sb_steal(&sb), *out = ps_xmalloc(strlen(path) + 1);
    size_t o = 0;
    for (char *seg = path, *next; seg; seg = next) {
        next = strchr(seg, '/');
        if (next)
            *next++ = '\0';
        if (strcmp(seg, "..") == 0) {
            while (o > 0 && out[--o] != '/')
                ;
        } else if (*seg && strcmp(seg, ".") != 0) {
            if (o > 0)
                out[o++] = '/';
            size_t n = strlen(seg);
            memcpy(out + o, seg, n);
            o += n;
        }
    }
    out[o] = '\0';
    free(path);
    return out;
}

/* The relationships of part `name` ("" for the package); PS_ERR_NOT_FOUND
 * without a message when it has none. */
static ps_error read_rels(rels *r, zip_t *za, const char *name, const ps_xlsx_opts *o, ps_ctx *ctx)
{
    static const xl_handlers h = {rels_start, NULL, NULL};
    const char *slash = strrchr(name, '/');
    ps_strbuf path = PS_STRBUF_INIT;
    if (slash)
        ps_sb_append(&path, name, (size_t)(slash - name) + 1);
    ps_sb_printf(&path, "_rels/%s.rels", slash ? slash + 1 : name);
    ps_error err = xl_part_parse(za, ps_sb_str(&path), o->max_part_bytes, o, &h, r, ctx);
    ps_sb_free(&path);
    return err;
}

/* ------------------------------------------------------------------------
 * workbook.xml: the sheets and the date system
 * ------------------------------------------------------------------------ */

typedef struct sheet {
    char *name, *rid;
    bool hidden;
} sheet;

typedef struct sheets {
    sheet *v;
    size_t n, cap;
    bool date1904;
} sheets;

static void workbook_start(xl_part *pt, const char *name, const char **atts)
{
    sheets *s = pt->u;
    if (strcmp(name, "workbookPr") == 0) {
        const char *d = xl_attr(atts, "date1904");
        s->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
        return;
    }
    const char *sname = xl_attr(atts, "name"), *rid = xl_attr(atts, "id"), *state = xl_attr(atts, "state");
    if (strcmp(name, "sheet") != 0 || !sname || !rid)
        return;
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 8;
        s->v = ps_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    ps_strbuf nfc = PS_STRBUF_INIT;
    ps_utf8_nfc_append(&nfc, sname, strlen(sname));
    s->v[s->n++] = (sheet){ps_sb_steal(&nfc), ps_xstrdup(rid), state && strcmp(state, "visible") != 0};
}

static void sheets_free(sheets *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].name);
        free(s->v[i].rid);
    }
    free(s->v);
}

/* `Dữ liệu` or `Data`, without letter case or surrounding spaces. */
static bool is_data_name(const char *name)
{
    static const char *const wanted[] = {"D\xe1\xbb\xaf li\xe1\xbb\x87u", "Data"};
    size_t n = strlen(name);
    while (n && name[n - 1] == ' ')
        n--;
    while (n && *name == ' ')
        name++, n--;
    for (size_t i = 0; i < 2; i++) {
        int cmp;
        if (u8_casecmp((const uint8_t *)name, n, (const uint8_t *)wanted[i], strlen(wanted[i]), NULL,
                       UNINORM_NFC, &cmp) == 0 && cmp == 0)
            return true;
    }
    return false;
}

/* The sheet to read among the worksheets (not chart sheets): the data
 * sheet by name, else the first visible one, else the first. */
static const sheet *choose_sheet(const sheets *s, const rels *r)
{
    const sheet *first = NULL, *first_visible = NULL;
    for (size_t i = 0; i < s->n; i++) {
        const rel *target = rel_by_id(r, s->v[i].rid);
        if (!target || !ends_with(target->type, "/worksheet"))
            continue;
        if (is_data_name(s->v[i].name))
            return &s->v[i];
        if (!first)
            first = &s->v[i];
        if (!first_visible && !s->v[i].hidden)
            first_visible = &s->v[i];
    }
    return first_visible ? first_visible : first;
}

/* ------------------------------------------------------------------------
 * styles.xml: which cell formats show a date
 * ------------------------------------------------------------------------ */

typedef struct styles {
    int *custom_id;            /* custom number formats that show dates */
    size_t ncustom, cap_custom;
    int *other_id;             /* custom number formats that do not */
    size_t nother, cap_other;
    bool in_xfs;
    unsigned xfs_depth;
    xl_book *b;
    size_t cap_xf;
} styles;

/* A format code shows a date when, outside quotes, escapes and brackets,
 * it has d or y, or an m that is not minutes (no h or s beside it). */
static bool format_is_date(const char *code)
{
    bool date = false, month = false, time = false;
    for (const char *p = code; *p; p++) {
        char c = (char)(*p | 0x20);
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            p += p[1] != '\0';
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            p += p[1] != '\0';
        } else if (*p == '[') {
            const char *close = strchr(p, ']');
            if (!close)
                break;
            time |= strchr("hms", (char)(p[1] | 0x20)) != NULL && p[1];
            p = close;
        } else if (c == 'd' || c == 'y') {
            date = true;
        } else if (c == 'm') {
            month = true;
        } else if (c == 'h' || c == 's') {
            time = true;
        }
    }
    return date || (month && !time);
}

static bool builtin_date(int id)
{
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

static void push_id(int **v, size_t *n, size_t *cap, int id)
{
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        *v = ps_xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*n)++] = id;
}

static bool has_id(const int *v, size_t n, int id)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == id)
            return true;
    return false;
}

static void styles_start(xl_part *pt, const char *name, const char **atts)
{
    styles *s = pt->u;
    const char *id_text = xl_attr(atts, "numFmtId");
    int id = id_text ? atoi(id_text) : 0;
    if (strcmp(name, "cellXfs") == 0) {
        s->in_xfs = true;
        s->xfs_depth = pt->depth;
    } else if (strcmp(name, "numFmt") == 0 && id_text) {
        const char *code = xl_attr(atts, "formatCode");
        if (code && format_is_date(code))
            push_id(&s->custom_id, &s->ncustom, &s->cap_custom, id);
        else
            push_id(&s->other_id, &s->nother, &s->cap_other, id);
    } else if (s->in_xfs && strcmp(name, "xf") == 0 && pt->depth == s->xfs_depth + 1) {
        xl_book *b = s->b;
        if (b->nxf == s->cap_xf) {
            s->cap_xf = s->cap_xf ? 2 * s->cap_xf : 64;
            b->xf_date = ps_xrealloc(b->xf_date, s->cap_xf * sizeof *b->xf_date);
        }
        b->xf_date[b->nxf++] = has_id(s->custom_id, s->ncustom, id) ||
                               (builtin_date(id) && !has_id(s->other_id, s->nother, id));
    }
}

static void styles_end(xl_part *pt, const char *name)
{
    styles *s = pt->u;
    if (strcmp(name, "cellXfs") == 0)
        s->in_xfs = false;
}

/* ------------------------------------------------------------------------
 * sharedStrings.xml
 * ------------------------------------------------------------------------ */

typedef struct sst {
    xl_book *b;
    const ps_xlsx_opts *o;
    ps_strbuf raw;             /* the text of the current <si> */
    bool in_si, in_t;
    unsigned phonetic;         /* inside <rPh>: not part of the text */
} sst;

static void sst_start(xl_part *pt, const char *name, const char **atts)
{
    sst *s = pt->u;
    if (strcmp(name, "si") == 0) {
        if (s->b->nstr >= s->o->max_strings) {
            xl_failm(pt, PS_M_XL_TOO_MANY_STRINGS, pt->file, s->o->max_strings);
            return;
        }
        s->in_si = true;
        ps_sb_clear(&s->raw);
    } else if (strcmp(name, "rPh") == 0) {
        s->phonetic++;
    } else if (strcmp(name, "t") == 0 && s->in_si && !s->phonetic) {
        s->in_t = true;
    }
}

static void sst_text(xl_part *pt, const char *text, int len)
{
    sst *s = pt->u;
    if (!s->in_t)
        return;
    if (s->raw.len + (size_t)len > XL_MAX_CELL_BYTES) {
        xl_failm(pt, PS_M_XL_STRING_TOO_LONG, pt->file, s->b->nstr + 1, XL_RESAVE);
        return;
    }
    ps_sb_append(&s->raw, text, (size_t)len);
}

static void sst_end(xl_part *pt, const char *name)
{
    sst *s = pt->u;
    xl_book *b = s->b;
    if (strcmp(name, "t") == 0) {
        s->in_t = false;
    } else if (strcmp(name, "rPh") == 0) {
        s->phonetic--;
    } else if (strcmp(name, "si") == 0 && s->in_si) {
        if (b->nstr == b->cap_str) {
            b->cap_str = b->cap_str ? 2 * b->cap_str : 256;
            b->str_off = ps_xrealloc(b->str_off, b->cap_str * sizeof *b->str_off);
        }
        b->str_off[b->nstr++] = b->strings.len;
        xl_text_append(&b->strings, ps_sb_str(&s->raw), s->raw.len);
        ps_sb_append(&b->strings, "", 1);
        s->in_si = false;
    }
}

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

static ps_error read_styles(xl_book *b, zip_t *za, const char *path, const ps_xlsx_opts *o, ps_ctx *ctx)
{
    static const xl_handlers h = {styles_start, styles_end, NULL};
    styles s = {.b = b};
    ps_error err = xl_part_parse(za, path, o->max_part_bytes, o, &h, &s, ctx);
    free(s.custom_id);
    free(s.other_id);
    return err == PS_ERR_NOT_FOUND ? PS_OK : err;
}

static ps_error read_strings(xl_book *b, zip_t *za, const char *path, const ps_xlsx_opts *o, ps_ctx *ctx)
{
    static const xl_handlers h = {sst_start, sst_end, sst_text};
    sst s = {.b = b, .o = o};
    ps_error err = xl_part_parse(za, path, o->max_strings_bytes, o, &h, &s, ctx);
    ps_sb_free(&s.raw);
    return err == PS_ERR_NOT_FOUND ? PS_OK : err;
}

/* The workbook part's name, from the package's relationships. */
static ps_error workbook_path(char **out, zip_t *za, const ps_xlsx_opts *o, ps_ctx *ctx)
{
    rels pkg = {0};
    ps_error err = read_rels(&pkg, za, "", o, ctx);
    if (err == PS_ERR_NOT_FOUND)
        err = PS_OK;          /* a package without relationships: the usual place */
    const rel *doc = err ? NULL : rel_of_type(&pkg, "/officeDocument");
    *out = doc ? resolve("", doc->target) : ps_xstrdup("xl/workbook.xml");
    rels_free(&pkg);
    return err;
}

/* The sheet, its part, the date system; then the parts the workbook's
 * relationships name for styles and shared strings. */
static ps_error read_workbook(xl_book *b, zip_t *za, const char *wb, const ps_xlsx_opts *o, ps_ctx *ctx)
{
    static const xl_handlers h = {workbook_start, NULL, NULL};
    sheets s = {0};
    rels r = {0};
    ps_error err = xl_part_parse(za, wb, o->max_part_bytes, o, &h, &s, ctx);
    if (err == PS_ERR_NOT_FOUND)
        err = ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_WORKBOOK_PART_MISSING, o->label, wb, XL_RESAVE);
    if (!err && (err = read_rels(&r, za, wb, o, ctx)) == PS_ERR_NOT_FOUND)
        err = ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_RELS_MISSING, o->label, wb, XL_RESAVE);
    const sheet *chosen = err ? NULL : choose_sheet(&s, &r);
    if (!err && !chosen)
        err = ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_NO_WORKSHEET, o->label);
    if (!err) {
        b->date1904 = s.date1904;
        b->sheet_name = ps_xstrdup(chosen->name);
        b->sheet_path = resolve(wb, rel_by_id(&r, chosen->rid)->target);
        const rel *st = rel_of_type(&r, "/styles"), *ss = rel_of_type(&r, "/sharedStrings");
        char *path = st ? resolve(wb, st->target) : NULL;
        err = path ? read_styles(b, za, path, o, ctx) : PS_OK;
        free(path);
        path = ss && !err ? resolve(wb, ss->target) : NULL;
        err = path ? read_strings(b, za, path, o, ctx) : err;
        free(path);
    }
    sheets_free(&s);
    rels_free(&r);
    return err;
}

ps_error xl_book_load(xl_book *b, zip_t *za, const ps_xlsx_opts *o, ps_ctx *ctx)
{
    memset(b, 0, sizeof *b);
    char *wb;
    ps_error err = workbook_path(&wb, za, o, ctx);
    if (!err)
        err = read_workbook(b, za, wb, o, ctx);
    free(wb);
    return err;
}

void xl_book_free(xl_book *b)
{
    free(b->sheet_name);
    free(b->sheet_path);
    free(b->xf_date);
    ps_sb_free(&b->strings);
    free(b->str_off);
    memset(b, 0, sizeof *b);
}
