/* number.c - reading numbers as offices write them (plain, vi, en, marks), writing them exactly. */
#define _GNU_SOURCE /* strtod_l: a number in the C locale without switching the thread's */
#include "core/number.h"
#include "core/msg.h"

#include "core/text.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The longest number text read (after trimming); longer text is refused. */
#define NUM_TEXT_MAX 200

/* ------------------------------------------------------------------------
 * The "C" locale, whatever the process locale is
 *
 * strtod and printf follow LC_NUMERIC. provstat never calls setlocale, but
 * this module must not depend on that: every conversion runs with the
 * calling thread switched to the "C" locale (POSIX uselocale), which is
 * cheap (glibc hands back a static object for "C").
 * ------------------------------------------------------------------------ */

typedef struct c_locale_scope {
    locale_t c;
    locale_t old;
} c_locale_scope;

/* The C locale, made once (newlocale allocates; a million numbers in an
 * export would make a million locales). provstat is single-threaded. */
static locale_t c_locale(void)
{
    static locale_t c;
    if (!c)
        c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return c;
}

static void c_locale_enter(c_locale_scope *sc)
{
    sc->c = c_locale();
    sc->old = sc->c ? uselocale(sc->c) : (locale_t)0;
}

static void c_locale_leave(c_locale_scope *sc)
{
    if (sc->c)
        uselocale(sc->old);
}

/* strtod on text that already matches [-]digits[.digits][e[+-]digits],
 * in the C locale whatever the process's (glibc's strtod_l: no switch of
 * the thread's locale per number). */
/* Clinger's fast path: "[+-]digits[.digits]" with at most 15 significant
 * digits and 22 decimals is m / 10^f with both exact doubles, and IEEE
 * division rounds that correctly, as strtod does: the same double, without
 * strtod's general machinery (a fifth of an ingest's time went there). */
static bool fast_decimal(const char *s, double *out)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    bool neg = *s == '-';
    if (*s == '+' || *s == '-')
        s++;
    unsigned long long m = 0;
    int significant = 0, frac = -1, any = 0;
    for (;; s++) {
        if (*s >= '0' && *s <= '9') {
            any = 1;
            if (m || *s != '0')
                significant++;
            if (significant > 15 || frac >= 22)
                return false;
            m = m * 10 + (unsigned)(*s - '0');
            if (frac >= 0)
                frac++;
        } else if (*s == '.' && frac < 0) {
            frac = 0;
        } else {
            break;
        }
    }
    if (*s || !any)
        return false;
    double v = (double)m / p10[frac > 0 ? frac : 0];
    *out = neg ? -v : v;
    return true;
}

static double c_strtod(const char *s)
{
    double fast;
    if (fast_decimal(s, &fast))
        return fast;
    locale_t c = c_locale();
    if (c)
        return strtod_l(s, NULL, c);
    c_locale_scope sc;
    c_locale_enter(&sc);
    double d = strtod(s, NULL);
    c_locale_leave(&sc);
    return d;
}

static void c_snprintf(char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void c_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    c_locale_scope sc;
    va_list ap;

    c_locale_enter(&sc);
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    c_locale_leave(&sc);
}

/* ------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------ */

/* Appends to the message already in msg (msg may be NULL). */
static void msg_add(char *msg, size_t msgsz, ps_msg_id id, ...)
{
    size_t len;
    va_list ap;

    if (!msg || msgsz == 0)
        return;
    len = strlen(msg);
    if (len + 1 >= msgsz)
        return;
    va_start(ap, id);
    ps_msg_vformat(msg + len, msgsz - len, id, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------------
 * Format names
 * ------------------------------------------------------------------------ */

bool ps_numfmt_parse(const char *text, ps_numfmt *out)
{
    ps_numfmt f;

    if (!text)
        return false;
    if ((ps_text_casecmp(text, "plain") == 0))
        f = PS_NF_PLAIN;
    else if ((ps_text_casecmp(text, "vi") == 0))
        f = PS_NF_VI;
    else if ((ps_text_casecmp(text, "en") == 0))
        f = PS_NF_EN;
    else
        return false;
    if (out)
        *out = f;
    return true;
}

const char *ps_numfmt_name(ps_numfmt fmt)
{
    switch (fmt) {
    case PS_NF_PLAIN: return "plain";
    case PS_NF_VI: return "vi";
    case PS_NF_EN: return "en";
    default: return "?";
    }
}

static const char *numfmt_description(ps_numfmt fmt)
{
    switch (fmt) {
    case PS_NF_VI: return ps_msg(PS_M_NUM_DESC_VI);
    case PS_NF_EN: return ps_msg(PS_M_NUM_DESC_EN);
    default: return ps_msg(PS_M_NUM_DESC_PLAIN);
    }
}

/* ------------------------------------------------------------------------
 * The grammar of each format
 * ------------------------------------------------------------------------ */

typedef enum body_result {
    B_OK = 0,
    B_SYNTAX,     /* not this format */
    B_GROUP,      /* digit groups that are not of three digits */
    B_OVERFLOW    /* too large for a double */
} body_result;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t digit_run(const char *s, size_t i, size_t n)
{
    size_t j = i;

    while (j < n && is_digit(s[j]))
        j++;
    return j - i;
}

/* Length of the grouping separator of fmt at s[i] (0 if none): vi groups
 * with '.', ' ', U+00A0 or U+202F; en with ','. *kind tells them apart. */
static size_t group_sep(const char *s, size_t i, size_t n, ps_numfmt fmt, int *kind)
{
    if (fmt == PS_NF_EN) {
        *kind = 1;
        return s[i] == ',' ? 1 : 0;
    }
    if (s[i] == '.') {
        *kind = 1;
        return 1;
    }
    if (s[i] == ' ') {
        *kind = 2;
        return 1;
    }
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
        *kind = 3;
        return 2;
    }
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0xAF) {
        *kind = 4;
        return 3;
    }
    return 0;
}

/* Converts the normalised text (which matches the plain grammar). */
static body_result convert(const char *norm, double *out)
{
    double d = c_strtod(norm);

    if (!isfinite(d))
        return B_OVERFLOW;
    *out = d;
    return B_OK;
}

/* plain: digits[.digits][(e|E)[+-]digits] */
static body_result body_plain(const char *s, size_t n, double *out)
{
    char norm[NUM_TEXT_MAX + 8];
    size_t i = 0, r;

    r = digit_run(s, i, n);
    if (r == 0)
        return B_SYNTAX;
    i += r;
    if (i < n && s[i] == '.') {
        r = digit_run(s, i + 1, n);
        if (r == 0)
            return B_SYNTAX;
        i += 1 + r;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        r = digit_run(s, i, n);
        if (r == 0)
            return B_SYNTAX;
        i += r;
    }
    if (i != n || n > NUM_TEXT_MAX)
        return B_SYNTAX;
    memcpy(norm, s, n);
    norm[n] = '\0';
    return convert(norm, out);
}

/* vi and en: an integer part, plain or in groups of three with one kind of
 * separator, then optionally the decimal mark and digits. */
static body_result body_grouped(const char *s, size_t n, ps_numfmt fmt, double *out)
{
    char norm[NUM_TEXT_MAX + 8];
    char decimal = fmt == PS_NF_VI ? ',' : '.';
    size_t i = 0, o = 0, r, first, sl;
    int kind = 0, k;

    if (n > NUM_TEXT_MAX)
        return B_SYNTAX;
    first = digit_run(s, 0, n);
    if (first == 0)
        return B_SYNTAX;
    memcpy(norm, s, first);
    o = first;
    i = first;
    if (i < n && (sl = group_sep(s, i, n, fmt, &k)) > 0) {
        body_result bad = B_OK;
        /* A grouped number starts with 1 to 3 digits, not with a zero. */
        if (first > 3)
            bad = B_GROUP;
        else if (s[0] == '0')
            bad = B_SYNTAX;
        kind = k;
        while (i < n && (sl = group_sep(s, i, n, fmt, &k)) > 0) {
            if (k != kind)
                return B_SYNTAX;
            i += sl;
            r = digit_run(s, i, n);
            if (r == 0)
                return B_SYNTAX;
            if (r != 3 && bad == B_OK)
                bad = B_GROUP;
            memcpy(norm + o, s + i, r);
            o += r;
            i += r;
        }
        if (bad != B_OK) {
            /* Report a group error only when the rest is well formed. */
            if (i < n && s[i] == decimal && digit_run(s, i + 1, n) == n - i - 1 && i + 1 < n)
                return bad;
            return i == n ? bad : B_SYNTAX;
        }
    }
    if (i < n && s[i] == decimal) {
        r = digit_run(s, i + 1, n);
        if (r == 0)
            return B_SYNTAX;
        norm[o++] = '.';
        memcpy(norm + o, s + i + 1, r);
        o += r;
        i += 1 + r;
    }
    if (i != n)
        return B_SYNTAX;
    norm[o] = '\0';
    return convert(norm, out);
}

static body_result parse_body(const char *s, size_t n, ps_numfmt fmt, double *out)
{
    if (fmt == PS_NF_PLAIN)
        return body_plain(s, n, out);
    return body_grouped(s, n, fmt, out);
}

/* ------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------ */

/* Length of a space at s[i] that may surround a number: ASCII white space,
 * U+00A0 or U+202F. */
static size_t space_at(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];

    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0xAF)
        return 3;
    return 0;
}

/* Length of a space ending at s[n-1], or 0. */
static size_t space_before(const char *s, size_t n)
{
    if (n >= 1 && space_at(s, n - 1, n) == 1)
        return 1;
    if (n >= 2 && space_at(s, n - 2, n) == 2)
        return 2;
    if (n >= 3 && space_at(s, n - 3, n) == 3)
        return 3;
    return 0;
}

static void trim(const char **s, size_t *n)
{
    size_t k;

    while (*n > 0 && (k = space_at(*s, 0, *n)) > 0) {
        *s += k;
        *n -= k;
    }
    while (*n > 0 && (k = space_before(*s, *n)) > 0)
        *n -= k;
}

static bool text_is(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static ps_num_kind mark_kind(const char *s, size_t n)
{
    if (n == 0)
        return PS_NUM_EMPTY;
    if (text_is(s, n, "-") || text_is(s, n, "\xE2\x80\x93") || text_is(s, n, "\xE2\x80\x94"))
        return PS_NUM_NONE_OCCURRED;
    if (text_is(s, n, "..") || text_is(s, n, "...") || text_is(s, n, "\xE2\x80\xA6"))
        return PS_NUM_NA_DOTS;
    if (text_is(s, n, "x") || text_is(s, n, "X"))
        return PS_NUM_NA_X;
    return PS_NUM_VALUE;
}

/* Strips a leading sign ('+', '-' or U+2212 MINUS SIGN); returns -1 or +1. */
static int take_sign(const char **s, size_t *n)
{
    if (*n > 0 && (**s == '+' || **s == '-')) {
        int sign = **s == '-' ? -1 : 1;
        (*s)++;
        (*n)--;
        return sign;
    }
    if (*n >= 3 && memcmp(*s, "\xE2\x88\x92", 3) == 0) {
        *s += 3;
        *n -= 3;
        return -1;
    }
    return 1;
}

static double apply_sign(int sign, double v)
{
    if (v == 0)
        return 0.0; /* never -0 */
    return sign < 0 ? -v : v;
}

/* Appends "; with --number-format F it reads V" for every other format that
 * reads the body, skipping a reading already given. */
static void add_hints(const char *body, size_t n, int sign, ps_numfmt fmt,
                      char *msg, size_t msgsz)
{
    static const ps_numfmt order[3] = {PS_NF_PLAIN, PS_NF_VI, PS_NF_EN};
    double seen[3];
    int nseen = 0, i, j;

    for (i = 0; i < 3; i++) {
        double v;
        char buf[PS_NUMBER_BUFSZ];
        bool dup = false;
        if (order[i] == fmt || parse_body(body, n, order[i], &v) != B_OK)
            continue;
        v = apply_sign(sign, v);
        for (j = 0; j < nseen; j++)
            if (seen[j] == v)
                dup = true;
        if (dup)
            continue;
        seen[nseen] = v;
        msg_add(msg, msgsz, PS_M_NUM_WITH_NUMBER_FORMAT_READS,
                nseen ? "," : ";", ps_numfmt_name(order[i]), ps_number_format(v, buf));
        nseen++;
    }
}

ps_num_kind ps_number_parse(const char *text, ps_numfmt fmt, bool allow_percent,
                            int max_decimals, double *value, char *msg, size_t msgsz)
{
    const char *s = text ? text : "", *body;
    size_t n = strlen(s), bn;
    char q[48];
    ps_num_kind mk;
    body_result br;
    double v = 0;
    int sign;

    if (msg && msgsz)
        msg[0] = '\0';
    if (fmt != PS_NF_VI && fmt != PS_NF_EN)
        fmt = PS_NF_PLAIN;
    trim(&s, &n);
    mk = mark_kind(s, n);
    if (mk != PS_NUM_VALUE) {
        if (mk == PS_NUM_NONE_OCCURRED && value)
            *value = 0;
        return mk;
    }
    ps_text_quote(s, n, q, sizeof q);
    if (n > NUM_TEXT_MAX) {
        msg_add(msg, msgsz, PS_M_NUM_TOO_LONG_NUMBER, q);
        return PS_NUM_BAD;
    }

    body = s;
    bn = n;
    if (bn > 0 && body[bn - 1] == '%') {
        if (!allow_percent) {
            msg_add(msg, msgsz, PS_M_NUM_HAS_SIGN_BUT_INDICATOR, q);
            return PS_NUM_BAD;
        }
        bn--;
        trim(&body, &bn);
    }
    sign = take_sign(&body, &bn);

    br = parse_body(body, bn, fmt, &v);
    if (br == B_OK) {
        v = apply_sign(sign, v);
        /* plain 2.611 that is also Vietnamese grouping (2611) and has more
         * decimals than the indicator: refuse, stating both readings. */
        if (fmt == PS_NF_PLAIN && max_decimals >= 0 && max_decimals < 3 &&
            memchr(body, '.', bn) && !memchr(body, 'e', bn) && !memchr(body, 'E', bn)) {
            double vi;
            if (parse_body(body, bn, PS_NF_VI, &vi) == B_OK) {
                char b1[PS_NUMBER_BUFSZ], b2[PS_NUMBER_BUFSZ];
                vi = apply_sign(sign, vi);
                ps_number_format(vi, b2);
                msg_add(msg, msgsz,
                        PS_M_NUM_AMBIGUOUS_PLAIN_NUMBER_VIETNAMESE,
                        q, ps_number_format(v, b1), b2, max_decimals,
                        max_decimals == 1 ? "" : "s", b2);
                return PS_NUM_AMBIGUOUS;
            }
        }
        if (value)
            *value = v;
        return PS_NUM_VALUE;
    }
    if (br == B_OVERFLOW) {
        msg_add(msg, msgsz, PS_M_NUM_TOO_LARGE_NUMBER, q);
        return PS_NUM_BAD;
    }
    msg_add(msg, msgsz, PS_M_NUM_NOT, q, numfmt_description(fmt));
    if (br == B_GROUP)
        msg_add(msg, msgsz, PS_M_NUM_DIGIT_GROUPS_MUST_HAVE);
    add_hints(body, bn, sign, fmt, msg, msgsz);
    return PS_NUM_BAD;
}

bool ps_number_strtod(const char *text, double *value)
{
    const char *s = text;
    size_t n;
    int sign;
    double v;

    if (!text)
        return false;
    n = strlen(s);
    sign = (n > 0 && (*s == '+' || *s == '-')) ? (*s == '-' ? -1 : 1) : 0;
    if (sign) {
        s++;
        n--;
    }
    if (body_plain(s, n, &v) != B_OK)
        return false;
    if (value)
        *value = sign < 0 ? -v : v;
    return true;
}

/* ------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------ */

/* Splits the %.*e text of |v| into its significant digits (no trailing
 * zeros, NUL-terminated) and decimal exponent. */
static void split_e(const char *e, char *digits, int *exp10)
{
    size_t o = 0;
    const char *p = e;

    for (; *p && *p != 'e'; p++)
        if (is_digit(*p))
            digits[o++] = *p;
    while (o > 1 && digits[o - 1] == '0')
        o--;
    digits[o] = '\0';
    *exp10 = *p == 'e' ? atoi(p + 1) : 0;
}

/* The common case without printf: |v| in [1e-5, 1e15) with at most 6
 * decimals and at most 15 significant digits. The fewest decimals k whose
 * integer r = v * 10^k gives r / 10^k == v (IEEE division is correctly
 * rounded, so that is exactly "the text reads back to v") is the text the
 * general path writes: with at most 15 digits it is v rounded to 15. */
static bool format_fast(double v, char *buf)
{
    static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double a = fabs(v);
    if (!(a >= 1e-5 && a < 1e15))
        return false;
    for (int k = 0; k <= 6; k++) {
        double r = nearbyint(a * p10[k]);
        if (r >= 1e15)
            return false;
        if (r / p10[k] != a)
            continue;
        unsigned long long n = (unsigned long long)r;
        char digits[24];
        int nd = 0;
        do {
            digits[nd++] = (char)('0' + n % 10);
            n /= 10;
        } while (n);
        while (nd <= k)
            digits[nd++] = '0'; /* 0.05: leading zeros of the fraction */
        char *o = buf;
        if (v < 0)
            *o++ = '-';
        for (int i = nd - 1; i >= k; i--)
            *o++ = digits[i];
        if (k) {
            *o++ = '.';
            for (int i = k - 1; i >= 0; i--)
                *o++ = digits[i];
        }
        *o = '\0';
        return true;
    }
    return false;
}

char *ps_number_format(double v, char *buf)
{
    char tmp[64], digits[32];
    char *o = buf;
    int p, e, nd, i;
    c_locale_scope sc;
    double a;

    if (isnan(v)) {
        strcpy(buf, "nan");
        return buf;
    }
    if (isinf(v)) {
        strcpy(buf, v > 0 ? "inf" : "-inf");
        return buf;
    }
    if (v == 0) {
        strcpy(buf, "0");
        return buf;
    }
    if (format_fast(v, buf))
        return buf;
    a = fabs(v);
    c_locale_enter(&sc);
    for (p = 15; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, a);
        if (strtod(tmp, NULL) == a)
            break;
    }
    c_locale_leave(&sc);
    split_e(tmp, digits, &e);
    nd = (int)strlen(digits);
    if (v < 0)
        *o++ = '-';
    if (e >= -5 && e <= 14) {
        if (e >= 0) {
            for (i = 0; i <= e; i++)
                *o++ = i < nd ? digits[i] : '0';
            if (nd > e + 1) {
                *o++ = '.';
                for (i = e + 1; i < nd; i++)
                    *o++ = digits[i];
            }
        } else {
            *o++ = '0';
            *o++ = '.';
            for (i = 0; i < -e - 1; i++)
                *o++ = '0';
            for (i = 0; i < nd; i++)
                *o++ = digits[i];
        }
        *o = '\0';
    } else {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            for (i = 1; i < nd; i++)
                *o++ = digits[i];
        }
        sprintf(o, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    return buf;
}

double ps_number_round(double v, int decimals)
{
    char tmp[64], digits[32], num[40];
    int e, k, i;
    double r;

    if (v == 0)
        return 0.0; /* -0 too: the result is never -0 */
    if (!isfinite(v))
        return v;
    if (decimals > 30)
        decimals = 30;
    if (decimals < -30)
        decimals = -30;
    /* The value as Excel sees it: 15 significant decimal digits. */
    c_snprintf(tmp, sizeof tmp, "%.14e", fabs(v));
    split_e(tmp, digits, &e);
    for (i = (int)strlen(digits); i < 15; i++)
        digits[i] = '0';
    digits[15] = '\0';
    k = e + 1 + decimals;          /* digits kept */
    if (k >= 15)
        return v;                  /* nothing beyond the 15 digits to round */
    if (k < 0)
        return 0.0;
    /* num = "0" + the k kept digits, then + 1 when the next digit is >= 5 */
    num[0] = '0';
    memcpy(num + 1, digits, (size_t)k);
    if (digits[k] >= '5') {
        for (i = k; i >= 0; i--) {
            if (num[i] == '9') {
                num[i] = '0';
            } else {
                num[i]++;
                break;
            }
        }
    }
    snprintf(num + k + 1, sizeof num - (size_t)k - 1, "e%d", -decimals);
    r = c_strtod(num);
    if (r == 0)
        return 0.0;
    return v < 0 ? -r : r;
}

char *ps_number_format_fixed(double v, int decimals, ps_numfmt fmt, char *buf)
{
    char big[400];
    char gsep = fmt == PS_NF_VI ? '.' : fmt == PS_NF_EN ? ',' : '\0';
    char dmark = fmt == PS_NF_VI ? ',' : '.';
    const char *p, *dot;
    size_t intlen, len, i;
    bool neg = false;
    char *o = buf;
    double r;

    if (decimals < 0)
        decimals = 0;
    if (decimals > 15)
        decimals = 15;
    r = ps_number_round(v, decimals);
    if (!isfinite(r))
        return ps_number_format(r, buf);
    c_snprintf(big, sizeof big, "%.*f", decimals, fabs(r));
    for (p = big; *p; p++)
        if (*p >= '1' && *p <= '9')
            neg = r < 0;
    dot = strchr(big, '.');
    intlen = dot ? (size_t)(dot - big) : strlen(big);
    len = (neg ? 1 : 0) + intlen + (gsep ? (intlen - 1) / 3 : 0) +
          (dot ? strlen(dot) : 0);
    if (len >= PS_NUMBER_BUFSZ) {
        /* Too long for fixed notation: the shortest form, with an exponent. */
        ps_number_format(r, buf);
        if (fmt == PS_NF_VI)
            for (o = buf; *o; o++)
                if (*o == '.')
                    *o = ',';
        return buf;
    }
    if (neg)
        *o++ = '-';
    for (i = 0; i < intlen; i++) {
        if (gsep && i > 0 && (intlen - i) % 3 == 0)
            *o++ = gsep;
        *o++ = big[i];
    }
    if (dot) {
        *o++ = dmark;
        strcpy(o, dot + 1);
    } else {
        *o = '\0';
    }
    return buf;
}

size_t ps_number_fixed_len(double v, int decimals, ps_numfmt fmt)
{
    static const double p10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    char buf[PS_NUMBER_BUFSZ];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 15)
        decimals = 15;
    double a = fabs(v), unit = 1 / p10[decimals];
    int n = 1; /* digits before the mark */
    while (n < 15 && a >= p10[n])
        n++;
    /* the written form: no rounding up to one more digit, no negative
     * value rounding to zero (whose sign is not written), no exponent */
    if (!isfinite(v) || a >= 1e14 || a + unit >= p10[n] || (v < 0 && a < unit))
        return strlen(ps_number_format_fixed(v, decimals, fmt, buf));
    return (v < 0 ? 1 : 0) + (size_t)n + (fmt != PS_NF_PLAIN ? (size_t)(n - 1) / 3 : 0) +
           (decimals ? (size_t)decimals + 1 : 0);
}
