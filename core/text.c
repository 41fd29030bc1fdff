/* text.c - UTF-8 text: validity, NFC, display width, CP1258, small helpers. */
#include "core/text.h"
#include "core/text_int.h"

#include "core/alloc.h"
#include "core/number.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>
#include <uniwidth.h>

/* ------------------------------------------------------------------------
 * UTF-8 validity and decoding
 * ------------------------------------------------------------------------ */

#define HIGH_BITS 0x8080808080808080ULL

bool ps_text_is_ascii(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, sizeof w);
        if (w & HIGH_BITS)
            return false;
    }
    for (; i < n; i++)
        if (p[i] & 0x80)
            return false;
    return true;
}

/* Decodes one UTF-8 sequence at s[0..n), n >= 1. Returns its length and the
 * code point in *cp, or 0 when the sequence is invalid (overlong, surrogate,
 * above U+10FFFF, truncated or a stray continuation byte). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;   /* continuation byte, C0/C1 overlong lead, F5..FF */
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

bool ps_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* skip ASCII runs a word at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, sizeof w);
            if (w & HIGH_BITS)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

/* ------------------------------------------------------------------------
 * NFC
 * ------------------------------------------------------------------------ */

void ps_utf8_nfc_append(ps_strbuf *out, const char *s, size_t n)
{
    if (ps_text_is_ascii(s, n)) {
        ps_sb_append(out, s, n);
        return;
    }
    uint8_t stackbuf[1024];
    size_t len = sizeof stackbuf;
    uint8_t *res = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, stackbuf, &len);
    if (!res) {
        /* Valid input can only fail for lack of memory: let the allocator
         * report it and abort, as everywhere else. */
        ps_xmalloc(SIZE_MAX);
        return;
    }
    ps_sb_append(out, (const char *)res, len);
    if (res != stackbuf)
        free(res);
}

char *ps_utf8_nfc(const char *s, size_t n, size_t *outlen)
{
    if (ps_text_is_ascii(s, n)) {
        if (outlen)
            *outlen = n;
        return ps_xstrndup(s, n);
    }
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_utf8_nfc_append(&sb, s, n);
    if (outlen)
        *outlen = sb.len;
    return ps_sb_steal(&sb);
}

/* ------------------------------------------------------------------------
 * Display width
 * ------------------------------------------------------------------------ */

static size_t char_width(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;   /* control characters */
    /* printable ASCII, the Latin-1 letters and Latin Extended-A and -B,
     * and the Vietnamese letters of Latin Extended Additional: one column
     * each, as libunistring says (test_text checks every one), without a
     * call per character */
    if (cp < 0x7F || (cp >= 0xC0 && cp < 0x250) || (cp >= 0x1EA0 && cp <= 0x1EF9))
        return 1;
    /* libunistring's own tables (no locale): 0 for non-spacing and
     * enclosing marks and zero-width format characters, 2 for East Asian
     * Wide and Fullwidth; "UTF-8" makes ambiguous-width characters 1. */
    int w = uc_width(cp, "UTF-8");
    return w < 0 ? 0 : (size_t)w;
}

size_t ps_text_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    size_t width = 0;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            width += char_width(p[i]);
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0) {     /* not UTF-8: count the byte as one column */
            width++;
            i++;
            continue;
        }
        width += char_width(cp);
        i += len;
    }
    return width;
}

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------ */

/* The length of the blank at p: an ASCII space or control character, a C1
 * control or no-break space (U+0080..U+00A0), a Unicode space or mark of
 * U+2000..U+200F, U+2028, U+2029, U+202F, U+205F, U+3000, or U+FEFF; 0 for
 * anything else. */
static size_t blank_len(const unsigned char *p)
{
    if (*p && (*p <= 0x20 || *p == 0x7f))
        return 1;
    if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0xA0)
        return 2;
    if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8F) || p[2] == 0xA8 || p[2] == 0xA9 ||
                                         p[2] == 0xAF))
        return 3;
    if ((p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F) || (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
        (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
        return 3;
    return 0;
}

bool ps_text_formula_like(const char *s)
{
    if (!s)
        return false;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t n; (n = blank_len(p)) > 0;)
        p += n;
    return *p == '=' || *p == '+' || *p == '-' || *p == '@';
}

void ps_text_csv_field(ps_strbuf *sb, const char *s, bool guard)
{
    if (!s)
        s = "";
    double ignored;
    /* a negative number as provstat writes numbers (-12.5) is a number,
     * not a formula; anything else that starts like one is guarded */
    bool prefix = guard && ps_text_formula_like(s) && !(s[0] == '-' && ps_number_strtod(s, &ignored));
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        ps_sb_putc(sb, '"');
    if (prefix)
        ps_sb_putc(sb, '\'');
    for (const char *p = s; *p;) {
        const char *q = strchr(p, '"');
        if (!q) {
            ps_sb_puts(sb, p);
            break;
        }
        ps_sb_append(sb, p, (size_t)(q - p) + 1);
        ps_sb_putc(sb, '"');
        p = q + 1;
    }
    if (quote)
        ps_sb_putc(sb, '"');
}

/* Splits s into code points (an invalid byte counts as one unit). Returns an
 * owned array and its length in *n. */
static uint32_t *code_points(const char *s, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    uint32_t *v = ps_xmalloc((len + 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t l = utf8_decode(p + i, len - i, &cp);
        if (l == 0) {
            cp = 0x80000000u | p[i];    /* cannot equal a real code point */
            l = 1;
        }
        v[k++] = cp;
        i += l;
    }
    *n = k;
    return v;
}

size_t ps_text_distance(const char *a, const char *b)
{
    size_t na, nb;
    uint32_t *ca = code_points(a, &na);
    uint32_t *cb = code_points(b, &nb);
    size_t *prev = ps_xmalloc((nb + 1) * sizeof *prev);
    size_t *cur = ps_xmalloc((nb + 1) * sizeof *cur);
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t del = prev[j] + 1;
            size_t ins = cur[j - 1] + 1;
            size_t sub = prev[j - 1] + (ca[i - 1] != cb[j - 1]);
            size_t m = del < ins ? del : ins;
            cur[j] = m < sub ? m : sub;
        }
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    size_t d = prev[nb];
    free(prev);
    free(cur);
    free(ca);
    free(cb);
    return d;
}

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

int ps_text_casecmp(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)b;
    for (;; x++, y++) {
        int cx = ascii_lower(*x), cy = ascii_lower(*y);
        if (cx != cy)
            return cx < cy ? -1 : 1;
        if (cx == 0)
            return 0;
    }
}

char *ps_text_upper_ascii(char *s)
{
    for (char *c = s; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    return s;
}

/* The key a header name is compared by (ps_text_header_same): its NFD form
 * without combining diacritics (U+0300..U+036F), spaces, tabs, no-break
 * spaces and '_', with đ/Đ as d and ASCII letters in lower case. */
static void header_key(const char *name, ps_strbuf *out)
{
    size_t n = strlen(name), len;
    uint8_t stackbuf[256];
    const uint8_t *d = (const uint8_t *)name;
    uint8_t *res = NULL;
    if (ps_utf8_valid(name, n, NULL) && !ps_text_is_ascii(name, n)) {
        len = sizeof stackbuf;
        if (!(res = u8_normalize(UNINORM_NFD, d, n, stackbuf, &len)))
            ps_xmalloc(SIZE_MAX); /* valid input fails only for lack of memory */
        d = res;
        n = len;
    }
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = d[i] < 0x80 ? 1 : utf8_decode(d + i, n - i, &cp);
        if (d[i] < 0x80)
            cp = d[i];
        if (l == 0) { /* not UTF-8: compared as it is */
            ps_sb_putc(out, (char)d[i++]);
            continue;
        }
        if (cp == 0x110 || cp == 0x111)
            ps_sb_putc(out, 'd');
        else if (cp >= 'A' && cp <= 'Z')
            ps_sb_putc(out, (char)(cp - 'A' + 'a'));
        else if (!(cp == ' ' || cp == '\t' || cp == '_' || cp == 0xA0 || (cp >= 0x300 && cp <= 0x36F)))
            ps_sb_append(out, (const char *)d + i, l);
        i += l;
    }
    if (res && res != stackbuf)
        free(res);
}

bool ps_text_header_same(const char *a, const char *b)
{
    ps_strbuf ka = PS_STRBUF_INIT, kb = PS_STRBUF_INIT;
    header_key(a, &ka);
    header_key(b, &kb);
    bool same = strcmp(ps_sb_str(&ka), ps_sb_str(&kb)) == 0;
    ps_sb_free(&ka);
    ps_sb_free(&kb);
    return same;
}

char *ps_text_trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    s[n] = '\0';
    size_t start = 0;
    while (start < n && (s[start] == ' ' || s[start] == '\t'))
        start++;
    if (start > 0)
        memmove(s, s + start, n - start + 1);
    return s;
}

/* ------------------------------------------------------------------------
 * Streaming conversion to UTF-8 (iconv)
 * ------------------------------------------------------------------------ */

#define RECODE_CARRY_MAX 16

struct ps_recode {
    iconv_t cd;
    char *from;                     /* encoding name, for messages */
    char carry[RECODE_CARRY_MAX];   /* an incomplete sequence from the last feed */
    size_t ncarry;
    long long offset;               /* input bytes consumed so far */
    bool failed;
};

ps_error ps_recode_open(ps_recode **out, const char *from_encoding, ps_ctx *ctx)
{
    *out = NULL;
    iconv_t cd = iconv_open("UTF-8", from_encoding);
    if (cd == (iconv_t)-1)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_TEXT_UNKNOWN_ENCODING, from_encoding);
    ps_recode *r = ps_xcalloc(1, sizeof *r);
    r->cd = cd;
    r->from = ps_xstrdup(from_encoding);
    *out = r;
    return PS_OK;
}

/* Runs iconv over the input (*in, *inleft), or flushes when in is NULL,
 * appending the output to out. Returns 0, or the errno of the failure
 * (EINVAL or EILSEQ). */
static int recode_run(ps_recode *r, char **in, size_t *inleft, ps_strbuf *out)
{
    char tmp[8192];
    for (;;) {
        char *op = tmp;
        size_t oleft = sizeof tmp;
        size_t rc = in ? iconv(r->cd, in, inleft, &op, &oleft)
                       : iconv(r->cd, NULL, NULL, &op, &oleft);
        int e = (rc == (size_t)-1) ? errno : 0;
        ps_sb_append(out, tmp, sizeof tmp - oleft);
        if (e == E2BIG)
            continue;
        return e;
    }
}

ps_error ps_recode_feed(ps_recode *r, const char *in, size_t n, bool final,
                        ps_strbuf *out, ps_ctx *ctx)
{
    if (r->failed)
        return ps_failm(ctx, PS_ERR_IO, PS_M_TEXT_TEXT_COULD_NOT_CONVERTED, r->from);
    /* Make sure out is a string even when nothing is produced. */
    ps_sb_append(out, "", 0);

    char *joined = NULL;
    const char *src = in;
    size_t len = n;
    long long base = r->offset - (long long)r->ncarry;
    if (r->ncarry > 0) {
        joined = ps_xmalloc(r->ncarry + n + 1);
        memcpy(joined, r->carry, r->ncarry);
        if (n)
            memcpy(joined + r->ncarry, in, n);
        src = joined;
        len = r->ncarry + n;
        r->ncarry = 0;
    }
    r->offset += (long long)n;

    char *ip = (char *)src;
    size_t ileft = len;
    int e = recode_run(r, &ip, &ileft, out);
    ps_error err = PS_OK;
    if (e == EILSEQ) {
        long long at = base + (long long)(ip - src);
        err = ps_failm(ctx, PS_ERR_IO,
                       PS_M_TEXT_TEXT_NOT_VALID_BYTE,
                       r->from, (unsigned)(unsigned char)*ip, at);
    } else if (e == EINVAL) {
        if (final) {
            err = ps_failm(ctx, PS_ERR_IO,
                           PS_M_TEXT_TEXT_ENDS_MIDDLE_CHARACTER,
                           r->from, base + (long long)(ip - src));
        } else if (ileft > RECODE_CARRY_MAX) {
            err = ps_failm(ctx, PS_ERR_IO, PS_M_TEXT_TEXT_COULD_NOT_CONVERTED_2,
                           r->from, base + (long long)(ip - src));
        } else {
            memcpy(r->carry, ip, ileft);
            r->ncarry = ileft;
        }
    } else if (e != 0) {
        err = ps_failm(ctx, PS_ERR_IO, PS_M_TEXT_TEXT_COULD_NOT_CONVERTED_3,
                       r->from, strerror(e));
    }
    if (err == PS_OK && final) {
        e = recode_run(r, NULL, NULL, out);
        if (e != 0)
            err = ps_failm(ctx, PS_ERR_IO, PS_M_TEXT_TEXT_COULD_NOT_CONVERTED_3,
                           r->from, strerror(e));
        iconv(r->cd, NULL, NULL, NULL, NULL);   /* back to the initial state */
        r->offset = 0;
    }
    if (err != PS_OK)
        r->failed = true;
    free(joined);
    return err;
}

void ps_recode_free(ps_recode *r)
{
    if (!r)
        return;
    iconv_close(r->cd);
    free(r->from);
    free(r);
}

void ps_text_quote(const char *text, size_t n, char *out, size_t outsz)
{
    size_t i, o = 0, lim = outsz - 4;

    if (lim > 40)
        lim = 40;
    for (i = 0; i < n && o < lim; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7f)
            c = '?';
        out[o++] = (char)c;
    }
    if (i < n) {
        while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
            o--;
        if (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0xC0)
            o--;
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
}
