/* xlsx_part.c - one part of an .xlsx package, inflated and parsed within bounds. */
#include "core/xlsx_int.h"

#include "core/alloc.h"
#include "core/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 65536
#define RATIO_FROM (1u << 20)   /* the ratio check starts past 1 MiB */

void xl_opts_fill(ps_xlsx_opts *o, const ps_xlsx_opts *given)
{
    static const ps_xlsx_opts defaults = {"workbook", 256u << 20, 64u << 20, 16u << 20, 2000000, 500, 32, false};
    *o = given ? *given : defaults;
    o->label = o->label ? o->label : defaults.label;
    o->max_sheet_bytes = o->max_sheet_bytes ? o->max_sheet_bytes : defaults.max_sheet_bytes;
    o->max_strings_bytes = o->max_strings_bytes ? o->max_strings_bytes : defaults.max_strings_bytes;
    o->max_part_bytes = o->max_part_bytes ? o->max_part_bytes : defaults.max_part_bytes;
    o->max_strings = o->max_strings ? o->max_strings : defaults.max_strings;
    o->max_ratio = o->max_ratio ? o->max_ratio : defaults.max_ratio;
    o->max_depth = o->max_depth ? o->max_depth : defaults.max_depth;
}

/* ------------------------------------------------------------------------
 * Handlers seen by expat: depth, prefixes, DOCTYPE
 * ------------------------------------------------------------------------ */

static const char *local_name(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

const char *xl_attr(const char **atts, const char *local)
{
    for (size_t i = 0; atts[i]; i += 2) {
        const char *name = atts[i], *colon;
        if ((name[0] == local[0] && strcmp(name, local) == 0) ||
            ((colon = strchr(name, ':')) && strcmp(colon + 1, local) == 0))
            return atts[i + 1];
    }
    return NULL;
}

void xl_fail(xl_part *pt, const char *fmt, ...)
{
    if (!pt->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(pt->msg, sizeof pt->msg, fmt, ap);
        va_end(ap);
        pt->failed = true;
    }
    XML_StopParser(pt->p, XML_FALSE);
}

void xl_failm(xl_part *pt, ps_msg_id id, ...)
{
    if (!pt->failed) {
        va_list ap;
        va_start(ap, id);
        ps_msg_vformat(pt->msg, sizeof pt->msg, id, ap);
        va_end(ap);
        pt->failed = true;
    }
    XML_StopParser(pt->p, XML_FALSE);
}

void xl_suspend(xl_part *pt)
{
    XML_StopParser(pt->p, XML_TRUE);
}

static void on_start(void *data, const char *name, const char **atts)
{
    xl_part *pt = data;
    if (pt->failed)
        return;
    if (++pt->depth > pt->max_depth) {
        xl_failm(pt, PS_M_XL_TOO_DEEP, pt->file, pt->name, pt->max_depth, XL_RESAVE);
        return;
    }
    if (pt->h->start)
        pt->h->start(pt, local_name(name), atts);
}

static void on_end(void *data, const char *name)
{
    xl_part *pt = data;
    if (pt->failed)
        return;
    pt->depth--;
    if (pt->h->end)
        pt->h->end(pt, local_name(name));
}

static void on_text(void *data, const char *s, int len)
{
    xl_part *pt = data;
    if (!pt->failed && pt->h->text)
        pt->h->text(pt, s, len);
}

static void on_doctype(void *data, const char *name, const char *sysid, const char *pubid, int has_internal)
{
    xl_part *pt = data;
    xl_failm(pt, PS_M_XL_DOCTYPE, pt->file, pt->name, XL_RESAVE);
}

/* ------------------------------------------------------------------------
 * Opening and pumping
 * ------------------------------------------------------------------------ */

/* "3 MiB", or "900 bytes" below a mebibyte; into buf (32 bytes). */
static const char *size_text(unsigned long long n, char *buf)
{
    if (n < (1u << 20))
        ps_msg_format(buf, 32, PS_M_XL_SIZE_BYTES, n);
    else
        ps_msg_format(buf, 32, PS_M_XL_SIZE_MIB, (n + (1u << 19)) >> 20);
    return buf;
}

ps_error xl_part_open(xl_part *pt, zip_t *za, const char *name, size_t limit, const ps_xlsx_opts *o,
                      const xl_handlers *h, void *u, ps_ctx *ctx)
{
    memset(pt, 0, sizeof *pt);
    zip_int64_t i = zip_name_locate(za, name, ZIP_FL_NOCASE);
    if (i < 0)
        return PS_ERR_NOT_FOUND;
    zip_stat_t st;
    zip_stat_init(&st);
    (void)zip_stat_index(za, (zip_uint64_t)i, 0, &st);   /* a located index: cannot fail */
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_PART_PASSWORD, o->label, name);
    char a[32], b[32];
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limit)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_PART_TOO_BIG, o->label, name, size_text(st.size, a),
                        size_text(limit, b));
    pt->f = zip_fopen_index(za, (zip_uint64_t)i, 0);
    if (!pt->f)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_PART_CANNOT_OPEN, o->label, name, zip_strerror(za),
                        XL_RESAVE);
    pt->file = o->label;
    pt->name = ps_xstrdup(name);
    pt->limit = limit;
    pt->comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    pt->size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    pt->ratio = o->max_ratio;
    pt->max_depth = o->max_depth;
    pt->h = h;
    pt->u = u;
    pt->p = XML_ParserCreate(NULL);
    if (!pt->p)
        ps_out_of_memory();
    XML_SetUserData(pt->p, pt);
    XML_SetElementHandler(pt->p, on_start, on_end);
    XML_SetCharacterDataHandler(pt->p, on_text);
    XML_SetStartDoctypeDeclHandler(pt->p, on_doctype);
    return PS_OK;
}

/* Feeds the next block; returns expat's status, or XML_STATUS_ERROR with
 * pt->failed set when inflating fails or passes a bound. */
static enum XML_Status feed(xl_part *pt)
{
    void *buf = XML_GetBuffer(pt->p, CHUNK);
    if (!buf)
        ps_out_of_memory();
    zip_int64_t n = pt->ahead ? ps_inflate_ahead_read(pt->ahead, buf, CHUNK) : zip_fread(pt->f, buf, CHUNK);
    if (n < 0) {
        xl_failm(pt, PS_M_XL_PART_CANNOT_INFLATE, pt->file, pt->name,
                 pt->ahead ? ps_inflate_ahead_error(pt->ahead) : zip_error_strerror(zip_file_get_error(pt->f)),
                 XL_RESAVE);
        return XML_STATUS_ERROR;
    }
    pt->read += (size_t)n;
    if (pt->read > pt->limit) {
        char a[32];
        xl_failm(pt, PS_M_XL_PART_INFLATES_TOO_MUCH, pt->file, pt->name, size_text(pt->limit, a));
        return XML_STATUS_ERROR;
    }
    if (pt->read > RATIO_FROM && pt->read / (pt->comp ? pt->comp : 1) > pt->ratio) {
        xl_failm(pt, PS_M_XL_PART_RATIO, pt->file, pt->name, pt->ratio);
        return XML_STATUS_ERROR;
    }
    return XML_ParseBuffer(pt->p, (int)n, n == 0);
}

static int refused(xl_part *pt, ps_ctx *ctx)
{
    if (pt->failed) {
        ps_failf(ctx, PS_ERR_REFUSED, "%s", pt->msg);
    } else {
        ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_PART_BAD_XML, pt->file, pt->name,
                 (unsigned long)XML_GetCurrentLineNumber(pt->p),
                 (unsigned long)XML_GetCurrentColumnNumber(pt->p) + 1,
                 XML_ErrorString(XML_GetErrorCode(pt->p)), XL_RESAVE);
    }
    return -1;
}

int xl_part_pump(xl_part *pt, ps_ctx *ctx)
{
    for (;;) {
        XML_ParsingStatus ps;
        XML_GetParsingStatus(pt->p, &ps);
        if (ps.parsing == XML_FINISHED)
            return 0;
        enum XML_Status st = ps.parsing == XML_SUSPENDED ? XML_ResumeParser(pt->p) : feed(pt);
        if (st == XML_STATUS_ERROR || pt->failed)
            return refused(pt, ctx);
        if (st == XML_STATUS_SUSPENDED)
            return 1;
    }
}

void xl_part_inflate_ahead(xl_part *pt)
{
    if (pt->f && !pt->ahead)
        pt->ahead = ps_inflate_ahead_start(pt->f); /* NULL: read here */
}

void xl_part_close(xl_part *pt)
{
    ps_inflate_ahead_stop(pt->ahead); /* before the entry it reads */
    if (pt->p)
        XML_ParserFree(pt->p);
    if (pt->f)
        zip_fclose(pt->f);
    free(pt->name);
    memset(pt, 0, sizeof *pt);
}

ps_error xl_part_parse(zip_t *za, const char *name, size_t limit, const ps_xlsx_opts *o,
                       const xl_handlers *h, void *u, ps_ctx *ctx)
{
    xl_part pt;
    ps_error err = xl_part_open(&pt, za, name, limit, o, h, u, ctx);
    if (err)
        return err;
    int rc;
    while ((rc = xl_part_pump(&pt, ctx)) > 0)
        ;
    xl_part_close(&pt);
    return rc < 0 ? PS_ERR_REFUSED : PS_OK;
}

/* ------------------------------------------------------------------------
 * Cell text
 * ------------------------------------------------------------------------ */

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* _xHHHH_ at s[0..n): the code unit, or -1. */
static long escape_at(const char *s, size_t n)
{
    if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v == 0 || (v >= 0xD800 && v <= 0xDFFF) ? -1 : v;
}

static void put_utf8(ps_strbuf *out, long c)
{
    char b[3];
    if (c < 0x80) {
        ps_sb_putc(out, (char)c);
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        ps_sb_append(out, b, 2);
    } else {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        ps_sb_append(out, b, 3);
    }
}

void xl_text_append(ps_strbuf *out, const char *s, size_t n)
{
    if (!memchr(s, '_', n)) {
        ps_utf8_nfc_append(out, s, n);
        return;
    }
    ps_strbuf tmp = PS_STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        long c = s[i] == '_' ? escape_at(s + i, n - i) : -1;
        if (c >= 0) {
            put_utf8(&tmp, c);
            i += 6;
        } else {
            ps_sb_putc(&tmp, s[i]);
        }
    }
    ps_utf8_nfc_append(out, ps_sb_str(&tmp), tmp.len);
    ps_sb_free(&tmp);
}
