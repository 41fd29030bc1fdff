/* period.c - reporting periods: parsing every accepted form, canonical text, arithmetic. */
#include "core/period.h"
#include "core/msg.h"

#include "core/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define YEAR_MIN 1900
#define YEAR_MAX 2100

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------ */

static void setmsg(char *msg, size_t msgsz, ps_msg_id id, ...)
{
    va_list ap;

    if (!msg || msgsz == 0)
        return;
    va_start(ap, id);
    ps_msg_vformat(msg, msgsz, id, ap);
    va_end(ap);
}

static bool year_ok(int y)
{
    return y >= YEAR_MIN && y <= YEAR_MAX;
}

/* Rank of a type in the ordering and in the key: year 0, half 1, quarter 2,
 * month 3, ytd 4; -1 for anything else. */
static int type_rank(int type)
{
    switch (type) {
    case PS_P_YEAR: return 0;
    case PS_P_HALF: return 1;
    case PS_P_QUARTER: return 2;
    case PS_P_MONTH: return 3;
    case PS_P_YTD: return 4;
    default: return -1;
    }
}

static const ps_period_type rank_type[5] = {
    PS_P_YEAR, PS_P_HALF, PS_P_QUARTER, PS_P_MONTH, PS_P_YTD
};

/* The largest `num` of a type (0 for a year, whose num is always 0). */
static int type_max_num(int type)
{
    switch (type) {
    case PS_P_MONTH: return 12;
    case PS_P_QUARTER: return 4;
    case PS_P_HALF: return 2;
    case PS_P_YTD: return 11;
    case PS_P_YEAR: return 0;
    default: return -1;
    }
}

static ps_period none_period(void)
{
    ps_period p;

    p.year = 0;
    p.type = PS_P_NONE;
    p.num = 0;
    return p;
}

/* ------------------------------------------------------------------------
 * Constructors and properties
 * ------------------------------------------------------------------------ */

ps_period ps_period_make(ps_period_type type, int year, int num)
{
    ps_period p;

    if (type == PS_P_YTD && num == 12)
        type = PS_P_YEAR;
    if (type == PS_P_YEAR)
        num = 0;
    if (!year_ok(year) || type_rank(type) < 0)
        return none_period();
    if (type != PS_P_YEAR && (num < 1 || num > type_max_num(type)))
        return none_period();
    p.year = (short)year;
    p.type = (unsigned char)type;
    p.num = (unsigned char)num;
    return p;
}

ps_period ps_period_month(int year, int month)
{
    return ps_period_make(PS_P_MONTH, year, month);
}

bool ps_period_valid(ps_period p)
{
    if (!year_ok(p.year) || type_rank(p.type) < 0)
        return false;
    if (p.type == PS_P_YEAR)
        return p.num == 0;
    return p.num >= 1 && p.num <= type_max_num(p.type);
}

int ps_period_first_month(ps_period p)
{
    if (!ps_period_valid(p))
        return 0;
    switch (p.type) {
    case PS_P_MONTH: return p.num;
    case PS_P_QUARTER: return 3 * p.num - 2;
    case PS_P_HALF: return 6 * p.num - 5;
    default: return 1; /* year, ytd */
    }
}

int ps_period_last_month(ps_period p)
{
    if (!ps_period_valid(p))
        return 0;
    switch (p.type) {
    case PS_P_MONTH: return p.num;
    case PS_P_QUARTER: return 3 * p.num;
    case PS_P_HALF: return 6 * p.num;
    case PS_P_YTD: return p.num;
    default: return 12;
    }
}

void ps_period_month_span(ps_period p, int *first, int *last)
{
    if (!ps_period_valid(p)) {
        *first = 0;
        *last = -1;
        return;
    }
    *first = p.year * 12 + ps_period_first_month(p) - 1;
    *last = p.year * 12 + ps_period_last_month(p) - 1;
}

int ps_period_month_count(ps_period p)
{
    if (!ps_period_valid(p))
        return 0;
    return ps_period_last_month(p) - ps_period_first_month(p) + 1;
}

/* ------------------------------------------------------------------------
 * Arithmetic
 * ------------------------------------------------------------------------ */

static ps_period step(ps_period p, int dir)
{
    int year = p.year, num = p.num, max;

    if (!ps_period_valid(p) || p.type == PS_P_YTD)
        return none_period();
    if (p.type == PS_P_YEAR)
        return ps_period_make(PS_P_YEAR, year + dir, 0);
    max = type_max_num(p.type);
    num += dir;
    if (num < 1) {
        num = max;
        year--;
    } else if (num > max) {
        num = 1;
        year++;
    }
    return ps_period_make((ps_period_type)p.type, year, num);
}

ps_period ps_period_prev(ps_period p)
{
    return step(p, -1);
}

ps_period ps_period_next(ps_period p)
{
    return step(p, +1);
}

ps_period ps_period_prev_year(ps_period p)
{
    if (!ps_period_valid(p))
        return none_period();
    return ps_period_make((ps_period_type)p.type, p.year - 1, p.num);
}

ps_period ps_period_ytd_of(ps_period p)
{
    if (!ps_period_valid(p))
        return none_period();
    return ps_period_make(PS_P_YTD, p.year, ps_period_last_month(p));
}

ps_period ps_period_containing(ps_period_type type, int year, int month)
{
    if (month < 1 || month > 12)
        return none_period();
    switch (type) {
    case PS_P_MONTH: return ps_period_make(PS_P_MONTH, year, month);
    case PS_P_QUARTER: return ps_period_make(PS_P_QUARTER, year, (month + 2) / 3);
    case PS_P_HALF: return ps_period_make(PS_P_HALF, year, (month + 5) / 6);
    case PS_P_YEAR: return ps_period_make(PS_P_YEAR, year, 0);
    case PS_P_YTD: return ps_period_make(PS_P_YTD, year, month);
    default: return none_period();
    }
}

bool ps_period_contains(ps_period outer, ps_period inner)
{
    if (!ps_period_valid(outer) || !ps_period_valid(inner))
        return false;
    return outer.year == inner.year &&
           ps_period_first_month(inner) >= ps_period_first_month(outer) &&
           ps_period_last_month(inner) <= ps_period_last_month(outer);
}

int ps_period_cmp(ps_period a, ps_period b)
{
    int ra, rb;

    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    ra = type_rank(a.type);
    rb = type_rank(b.type);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    if (a.num != b.num)
        return a.num < b.num ? -1 : 1;
    return 0;
}

bool ps_period_eq(ps_period a, ps_period b)
{
    return a.year == b.year && a.type == b.type && a.num == b.num;
}

int ps_period_key(ps_period p)
{
    if (!ps_period_valid(p))
        return 0;
    return p.year * 1000 + type_rank(p.type) * 100 + p.num;
}

ps_period ps_period_from_key(int key)
{
    int year, rank, num;
    ps_period p;

    if (key <= 0)
        return none_period();
    year = key / 1000;
    rank = key % 1000 / 100;
    num = key % 100;
    if (rank > 4)
        return none_period();
    p.year = (short)(year_ok(year) ? year : 0);
    p.type = (unsigned char)rank_type[rank];
    p.num = (unsigned char)num;
    /* Only keys that ps_period_key produces come back (so not YTD12). */
    return ps_period_valid(p) ? p : none_period();
}

int ps_period_parts(ps_period p, ps_period_type type, ps_period *out, int max)
{
    int count = 0, n, maxnum;
    ps_period c;

    if (!ps_period_valid(p) || type_rank(type) < 0)
        return 0;
    maxnum = type_max_num(type);
    for (n = (type == PS_P_YEAR ? 0 : 1); n <= maxnum; n++) {
        c = ps_period_make(type, p.year, n);
        if (ps_period_valid(c) && ps_period_contains(p, c)) {
            if (out && count < max)
                out[count] = c;
            count++;
        }
    }
    return count;
}

/* ------------------------------------------------------------------------
 * Frequencies
 * ------------------------------------------------------------------------ */

ps_period_type ps_frequency_parse(const char *text)
{
    if (!text)
        return PS_P_NONE;
    if ((ps_text_casecmp(text, "month") == 0))
        return PS_P_MONTH;
    if ((ps_text_casecmp(text, "quarter") == 0))
        return PS_P_QUARTER;
    if ((ps_text_casecmp(text, "half") == 0))
        return PS_P_HALF;
    if ((ps_text_casecmp(text, "year") == 0))
        return PS_P_YEAR;
    return PS_P_NONE;
}

const char *ps_frequency_name(ps_period_type t)
{
    switch (t) {
    case PS_P_MONTH: return "month";
    case PS_P_QUARTER: return "quarter";
    case PS_P_HALF: return "half";
    case PS_P_YEAR: return "year";
    case PS_P_YTD: return "year-to-date";
    default: return "";
    }
}

const char *ps_period_type_word(ps_period_type t)
{
    switch (t) {
    case PS_P_MONTH: return ps_msg(PS_M_PER_WORD_MONTH);
    case PS_P_QUARTER: return ps_msg(PS_M_PER_WORD_QUARTER);
    case PS_P_HALF: return ps_msg(PS_M_PER_WORD_HALF);
    case PS_P_YEAR: return ps_msg(PS_M_PER_WORD_YEAR);
    case PS_P_YTD: return ps_msg(PS_M_PER_WORD_YTD);
    default: return "";
    }
}

int ps_frequency_months(ps_period_type t)
{
    switch (t) {
    case PS_P_MONTH: return 1;
    case PS_P_QUARTER: return 3;
    case PS_P_HALF: return 6;
    case PS_P_YEAR: return 12;
    default: return 0;
    }
}

/* ------------------------------------------------------------------------
 * Formatting
 * ------------------------------------------------------------------------ */

char *ps_period_format(ps_period p, char *buf)
{
    if (!ps_period_valid(p)) {
        buf[0] = '\0';
        return buf;
    }
    switch (p.type) {
    case PS_P_YEAR: snprintf(buf, PS_PERIOD_BUFSZ, "%d", p.year); break;
    case PS_P_HALF: snprintf(buf, PS_PERIOD_BUFSZ, "%d-S%d", p.year, p.num); break;
    case PS_P_QUARTER: snprintf(buf, PS_PERIOD_BUFSZ, "%d-Q%d", p.year, p.num); break;
    case PS_P_MONTH: snprintf(buf, PS_PERIOD_BUFSZ, "%d-%02d", p.year, p.num); break;
    default: snprintf(buf, PS_PERIOD_BUFSZ, "%d-YTD%02d", p.year, p.num); break;
    }
    return buf;
}

char *ps_period_format_sdmx(ps_period p, char *buf)
{
    if (ps_period_valid(p) && p.type == PS_P_YTD) {
        snprintf(buf, PS_PERIOD_BUFSZ, "%d-01-01/P%dM", p.year, p.num);
        return buf;
    }
    return ps_period_format(p, buf);
}

/* ------------------------------------------------------------------------
 * Parsing
 *
 * The text is trimmed and lower-cased (ASCII only) and matched against
 * small patterns: '#' is a run of digits (captured), '@' a run of ASCII
 * letters (captured), every other character stands for itself.
 * ------------------------------------------------------------------------ */

#define MAXCAP 4
#define PARSE_MAX 64

typedef struct cap {
    long v;          /* value of a digit run */
    int len;         /* length of the run */
    const char *s;   /* start of the run */
} cap;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return c >= 'a' && c <= 'z';
}

/* Matches the whole of s against pat; fills caps in order. */
static bool match(const char *s, const char *pat, cap *caps)
{
    int n = 0;

    for (; *pat; pat++) {
        if (*pat == '#' || *pat == '@') {
            bool digits = *pat == '#';
            const char *start = s;
            long v = 0;
            while (digits ? is_digit(*s) : is_alpha(*s)) {
                if (digits && s - start < 9)
                    v = v * 10 + (*s - '0');
                s++;
            }
            if (s == start || n >= MAXCAP)
                return false;
            caps[n].v = (s - start) > 9 ? -1 : v;
            caps[n].len = (int)(s - start);
            caps[n].s = start;
            n++;
        } else {
            if (*s != *pat)
                return false;
            s++;
        }
    }
    return *s == '\0';
}

static bool match_any(const char *s, const char *const *pats, cap *caps)
{
    for (; *pats; pats++)
        if (match(s, *pats, caps))
            return true;
    return false;
}

static bool fail_generic(const char *orig, size_t n, char *msg, size_t msgsz)
{
    char q[48];

    ps_text_quote(orig, n, q, sizeof q);
    setmsg(msg, msgsz,
           PS_M_PER_NOT_PERIOD_WRITE_YEAR, q);
    return false;
}

static bool check_year(long y, char *msg, size_t msgsz)
{
    if (year_ok((int)(y < 0 ? 0 : y > 99999 ? 99999 : y)))
        return true;
    if (y < 0)
        setmsg(msg, msgsz, PS_M_PER_YEAR_HAS_TOO_MANY);
    else
        setmsg(msg, msgsz, PS_M_PER_YEAR_OUTSIDE, y);
    return false;
}

/* Sets *out to the period, checking the year and the number, with the
 * one-line reasons of refusal. */
static bool build(ps_period *out, ps_period_type type, long year, long num,
                  char *msg, size_t msgsz)
{
    if (!check_year(year, msg, msgsz))
        return false;
    switch (type) {
    case PS_P_MONTH:
        if (num < 1 || num > 12) {
            setmsg(msg, msgsz, PS_M_PER_MONTH_DOES_NOT_EXIST, num);
            return false;
        }
        break;
    case PS_P_QUARTER:
        if (num < 1 || num > 4) {
            setmsg(msg, msgsz, PS_M_PER_QUARTER_DOES_NOT_EXIST, num);
            return false;
        }
        break;
    case PS_P_HALF:
        if (num < 1 || num > 2) {
            setmsg(msg, msgsz, PS_M_PER_HALF_DOES_NOT_EXIST, num);
            return false;
        }
        break;
    case PS_P_YTD:
        if (num < 1 || num > 12) {
            setmsg(msg, msgsz,
                   PS_M_PER_YEAR_DATE_YTD_DOES, num);
            return false;
        }
        break;
    default:
        num = 0;
        break;
    }
    *out = ps_period_make(type, (int)year, (int)num);
    return true;
}

/* A year written with 2 digits in a date, as Excel reads them: 00-29 are
 * 2000-2029, 30-99 are 1930-1999. */
static long full_year(const cap *c)
{
    if (c->len <= 2)
        return c->v < 30 ? 2000 + c->v : 1900 + c->v;
    return c->v;
}

static int month_from_name(const cap *c)
{
    static const char *const names[12] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"
    };
    int m;

    if (c->len < 3)
        return 0;
    for (m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        if ((size_t)c->len <= full && strncmp(c->s, names[m], (size_t)c->len) == 0)
            return m + 1;
    }
    if (c->len == 4 && strncmp(c->s, "sept", 4) == 0)
        return 9;
    return 0;
}

/* The message for a period that Excel turned into a date. m2 > 0 gives a
 * second reading when day and month cannot be told apart. */
static bool fail_excel_date(const char *orig, size_t n, long y, int m, int m2,
                            char *msg, size_t msgsz)
{
    char q[48];

    if (!year_ok((int)y) || m < 1 || m > 12)
        return fail_generic(orig, n, msg, msgsz);
    ps_text_quote(orig, n, q, sizeof q);
    if (m2 > 0 && m2 != m)
        setmsg(msg, msgsz,
               PS_M_PER_LOOKS_LIKE_DATE_THAT, q, y, m, y, m2);
    else
        setmsg(msg, msgsz,
               PS_M_PER_LOOKS_LIKE_DATE_THAT_2, q, y, m);
    return false;
}

/* Converts an Excel (1900 system) date serial number to a date; serial 60
 * is Excel's 29 February 1900, which never existed. */
static void excel_serial_date(long serial, long *y, int *m, int *d)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    long days = serial - 1; /* days after 1900-01-01 */
    long year = 1900;
    int month = 0;

    if (serial > 60)
        days--;
    for (;;) {
        int len = (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 366 : 365;
        if (days < len)
            break;
        days -= len;
        year++;
    }
    for (;;) {
        int len = mdays[month];
        if (month == 1 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
            len = 29;
        if (days < len)
            break;
        days -= len;
        month++;
    }
    *y = year;
    *m = month + 1;
    *d = (int)days + 1;
}

/* Reads a numeric date a?b?c (already split) and reports it as Excel's work. */
static bool fail_numeric_date(const char *orig, size_t n, const cap *c,
                              char *msg, size_t msgsz)
{
    long y, a, b;
    int m = 0, m2 = 0;

    if (c[0].len == 4) {                 /* 2016-07-01, 2016/07/01 */
        y = c[0].v;
        m = (int)c[1].v;
        if (c[1].len > 2 || c[2].len > 2 || c[2].v < 1 || c[2].v > 31)
            return fail_generic(orig, n, msg, msgsz);
        return fail_excel_date(orig, n, y, m, 0, msg, msgsz);
    }
    if (c[0].len > 2 || c[1].len > 2 || (c[2].len != 2 && c[2].len != 4))
        return fail_generic(orig, n, msg, msgsz);
    y = full_year(&c[2]);
    a = c[0].v;
    b = c[1].v;
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12))
        return fail_generic(orig, n, msg, msgsz);
    /* Excel makes the first day of the month from a period: the reading in
     * which the day is 1 wins; otherwise whichever part can be a month. */
    if (a == 1 && b == 1)
        m = 1;
    else if (b == 1 && a <= 12)
        m = (int)a;                      /* 7/1/2016: month/day/year */
    else if (a == 1 && b <= 12)
        m = (int)b;                      /* 01/07/2016: day/month/year */
    else if (a > 12)
        m = (int)b;
    else if (b > 12)
        m = (int)a;
    else {
        m = (int)a;
        m2 = (int)b;
    }
    return fail_excel_date(orig, n, y, m, m2, msg, msgsz);
}

/* Removes a trailing time (" 0:00", " 00:00:00", "t00:00:00", " 12:00 am")
 * from s in place; returns true when there was one. */
static bool strip_time(char *s)
{
    static const char *const pats[] = {
        "#:#", "#:#:#", "#:# am", "#:# pm", "#:#:# am", "#:#:# pm", "#:#am", "#:#pm",
        "#:#:#.#", NULL
    };
    cap caps[MAXCAP];
    char *p;

    for (p = s + 1; *p; p++) {
        if ((*p == ' ' || *p == 't') && is_digit(p[1]) && match_any(p + 1, pats, caps)) {
            *p = '\0';
            return true;
        }
    }
    return false;
}

static bool parse_dates(const char *s, const char *orig, size_t n, char *msg,
                        size_t msgsz)
{
    static const char *const numeric[] = {"#-#-#", "#/#/#", "#.#.#", NULL};
    cap c[MAXCAP];
    int m;

    if (match_any(s, numeric, c))
        return fail_numeric_date(orig, n, c, msg, msgsz);
    /* Jul-16, Jul-2016, Jul 2016, July/16 */
    if (match(s, "@-#", c) || match(s, "@ #", c) || match(s, "@/#", c) ||
        match(s, "@#", c)) {
        m = month_from_name(&c[0]);
        if (m && (c[1].len == 2 || c[1].len == 4))
            return fail_excel_date(orig, n, full_year(&c[1]), m, 0, msg, msgsz);
    }
    /* 16-Jul */
    if (match(s, "#-@", c) || match(s, "# @", c)) {
        m = month_from_name(&c[1]);
        if (m && (c[0].len == 2 || c[0].len == 4))
            return fail_excel_date(orig, n, full_year(&c[0]), m, 0, msg, msgsz);
    }
    /* 1-Jul-16, 01-Jul-2016, 1 Jul 2016 */
    if (match(s, "#-@-#", c) || match(s, "# @ #", c) || match(s, "#/@/#", c)) {
        m = month_from_name(&c[1]);
        if (m && c[0].len <= 2 && (c[2].len == 2 || c[2].len == 4))
            return fail_excel_date(orig, n, full_year(&c[2]), m, 0, msg, msgsz);
    }
    /* Jul 1, 2016 */
    if (match(s, "@ #, #", c)) {
        m = month_from_name(&c[0]);
        if (m && c[1].len <= 2 && c[2].len == 4)
            return fail_excel_date(orig, n, c[2].v, m, 0, msg, msgsz);
    }
    return fail_generic(orig, n, msg, msgsz);
}

static bool parse_sdmx(const cap *c, char unit, ps_period *out, char *msg, size_t msgsz)
{
    /* c: year (four digits), month, day, duration */
    if (!check_year(c[0].v, msg, msgsz))
        return false;
    if (c[1].v != 1 || c[2].v != 1 || c[1].len > 2 || c[2].len > 2) {
        setmsg(msg, msgsz,
               PS_M_PER_ONLY_SDMX_TIME_RANGES, c[0].v);
        return false;
    }
    if (unit == 'y' && c[3].v == 1)
        return build(out, PS_P_YEAR, c[0].v, 0, msg, msgsz);
    if (unit == 'm' && c[3].v >= 1 && c[3].v <= 12)
        return build(out, PS_P_YTD, c[0].v, c[3].v, msg, msgsz);
    /* the duration as written (a run too long for a number included) */
    int shown = c[3].len > 20 ? 20 : c[3].len;
    setmsg(msg, msgsz,
           PS_M_PER_SDMX_DURATION_P_C, shown, c[3].s, c[3].len > shown ? "…" : "", unit == 'y' ? 'Y' : 'M');
    return false;
}

static bool parse_inner(const char *orig, size_t n, ps_period *out, char *msg,
                        size_t msgsz)
{
    static const char *const year_pats[] = {"#-a", "#a", "#-a1", NULL};
    static const char *const half_pats[] = {"#-s#", "#s#", "#-h#", "#h#", NULL};
    static const char *const quarter_pats[] = {"#-q#", "#q#", NULL};
    static const char *const quarter_rev[] = {"q#/#", "q#-#", NULL};
    static const char *const month_m[] = {"#-m#", "#m#", NULL};
    static const char *const month_t[] = {"t#/#", "t#-#", NULL};
    static const char *const ytd_pats[] = {"#-ytd#", "#ytd#", NULL};
    char s[PARSE_MAX];
    cap c[MAXCAP];
    size_t i;

    if (n == 0) {
        setmsg(msg, msgsz, PS_M_PER_PERIOD_EMPTY);
        return false;
    }
    if (n >= PARSE_MAX)
        return fail_generic(orig, n, msg, msgsz);
    for (i = 0; i < n; i++) {
        char ch = orig[i];
        s[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    s[n] = '\0';

    if (match(s, "#", c)) {
        if (c[0].len <= 4)
            return build(out, PS_P_YEAR, c[0].v, 0, msg, msgsz);
        if (c[0].len == 5) {
            long y;
            int m, d;
            excel_serial_date(c[0].v, &y, &m, &d);
            /* Excel makes the first day of a month from a period. */
            if (year_ok((int)y) && d == 1) {
                char q[48];
                ps_text_quote(orig, n, q, sizeof q);
                setmsg(msg, msgsz,
                       PS_M_PER_LOOKS_LIKE_EXCEL_DATE, q, y, m, d, y, m);
                return false;
            }
        }
        if (c[0].len == 6 && year_ok((int)(c[0].v / 100)) && c[0].v % 100 >= 1 &&
            c[0].v % 100 <= 12) {
            setmsg(msg, msgsz, PS_M_PER_NOT_PERIOD_WRITE_PERIOD,
                   c[0].v, c[0].v / 100, c[0].v % 100);
            return false;
        }
        return fail_generic(orig, n, msg, msgsz);
    }
    if (match_any(s, year_pats, c) && c[0].len <= 4)
        return build(out, PS_P_YEAR, c[0].v, 0, msg, msgsz);
    if (match_any(s, half_pats, c) && c[0].len <= 4 && c[1].len <= 2)
        return build(out, PS_P_HALF, c[0].v, c[1].v, msg, msgsz);
    if (match_any(s, quarter_pats, c) && c[0].len <= 4 && c[1].len <= 2)
        return build(out, PS_P_QUARTER, c[0].v, c[1].v, msg, msgsz);
    if (match_any(s, quarter_rev, c) && c[1].len == 4 && c[0].len <= 2)
        return build(out, PS_P_QUARTER, c[1].v, c[0].v, msg, msgsz);
    if (match_any(s, month_m, c) && c[0].len <= 4 && c[1].len <= 2)
        return build(out, PS_P_MONTH, c[0].v, c[1].v, msg, msgsz);
    if (match_any(s, month_t, c) && c[1].len == 4 && c[0].len <= 2)
        return build(out, PS_P_MONTH, c[1].v, c[0].v, msg, msgsz);
    if (match_any(s, ytd_pats, c) && c[0].len <= 4 && c[1].len <= 2)
        return build(out, PS_P_YTD, c[0].v, c[1].v, msg, msgsz);
    if (match(s, "#-#", c) || match(s, "#/#", c)) {
        if (c[0].len <= 2 && c[1].len == 4)         /* 07/2016, 7-2016 */
            return build(out, PS_P_MONTH, c[1].v, c[0].v, msg, msgsz);
        if (c[0].len <= 4 && c[1].len <= 2)         /* 2016-07, 2016/7 */
            return build(out, PS_P_MONTH, c[0].v, c[1].v, msg, msgsz);
        return fail_generic(orig, n, msg, msgsz);
    }
    /* a start whose year is not four digits is refused below, with a message */
    if (match(s, "#-#-#/p#m", c) && c[0].len == 4)
        return parse_sdmx(c, 'm', out, msg, msgsz);
    if (match(s, "#-#-#/p#y", c) && c[0].len == 4)
        return parse_sdmx(c, 'y', out, msg, msgsz);
    if (strchr(s, '/') && strstr(s, "/p")) {
        char q[48];
        ps_text_quote(orig, n, q, sizeof q);
        setmsg(msg, msgsz,
               PS_M_PER_NOT_ACCEPTED_SDMX_TIME, q);
        return false;
    }
    strip_time(s);
    return parse_dates(s, orig, n, msg, msgsz);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool ps_period_parse(const char *text, ps_period *out, char *msg, size_t msgsz)
{
    ps_period p = none_period();
    const char *start, *end;
    bool ok;

    if (msg && msgsz)
        msg[0] = '\0';
    if (!text)
        text = "";
    /* fast path for the canonical month, by far the most common input */
    if (text[0] >= '1' && text[0] <= '2' && text[1] && text[2] && text[3] && text[4] == '-' &&
        text[5] >= '0' && text[5] <= '1' && text[6] >= '0' && text[6] <= '9' && text[7] == '\0') {
        bool digits = true;
        for (int i = 0; i < 4; i++)
            digits = digits && text[i] >= '0' && text[i] <= '9';
        int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
        int m = (text[5] - '0') * 10 + (text[6] - '0');
        if (digits && y >= 1900 && y <= 2100 && m >= 1 && m <= 12) {
            if (out)
                *out = ps_period_month(y, m);
            return true;
        }
    }
    start = text;
    end = text + strlen(text);
    while (start < end && is_space(*start))
        start++;
    while (end > start && is_space(end[-1]))
        end--;
    ok = parse_inner(start, (size_t)(end - start), &p, msg, msgsz);
    if (!ok)
        p = none_period();
    if (out)
        *out = p;
    return ok;
}
