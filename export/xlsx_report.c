/* xlsx_report.c - the report workbook: six sheets written with libxlsxwriter (SPEC §6). */
#include "export/xlsx_report.h"

#include "core/alloc.h"
#include "core/number.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "indicators/compare.h"
#include "ingest/status.h"
#include "store/obs.h"
#include "store/query.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicase.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* ========================================================================
 * Text: Excel's cell limit, widths
 * ======================================================================== */

enum { CELL_MAX = 32767, SHEETNAME_MAX = 31 };

/* Length of the UTF-8 sequence starting at s (1 for a bad byte). */
static size_t u8len(const unsigned char *s)
{
    unsigned char c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

/* UTF-16 units of one UTF-8 sequence of length n (Excel counts these). */
static int u16units(size_t n)
{
    return n == 4 ? 2 : 1;
}

/* Cuts s to Excel's 32,767 characters: returns s itself when it fits, else
 * an owned shortened copy ending in "…" in *owned and that copy. */
static const char *cell_text(const char *s, char **owned, bool *cut)
{
    *owned = NULL;
    *cut = false;
    size_t units = 0, i = 0, keep = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (u[i]) {
        size_t n = u8len(u + i);
        units += (size_t)u16units(n);
        if (units <= CELL_MAX - 1)
            keep = i + n;
        if (units > CELL_MAX)
            break;
        i += n;
    }
    if (units <= CELL_MAX)
        return s;
    char *c = ps_xmalloc(keep + 4);
    memcpy(c, s, keep);
    memcpy(c + keep, "\xE2\x80\xA6", 4); /* … */
    *owned = c;
    *cut = true;
    return c;
}

/* The widest line of s in display columns. */
static size_t text_cols(const char *s)
{
    size_t best = 0;
    const char *p = s;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t w;
        if (nl) {
            char *line = ps_xstrndup(p, (size_t)(nl - p));
            w = ps_text_width(line);
            free(line);
        } else {
            w = ps_text_width(p);
        }
        if (w > best)
            best = w;
        if (!nl)
            break;
        p = nl + 1;
    }
    return best;
}

/* Lines that s takes when wrapped at width columns (greedy, at spaces). */
static int wrap_lines(const char *s, double width)
{
    int lines = 1;
    double col = 0;
    const char *p = s;
    size_t cap = width > 2 ? (size_t)width - 1 : 1;
    while (*p) {
        if (*p == '\n') {
            lines++;
            col = 0;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            if (col > 0)
                col++;
            continue;
        }
        const char *q = p;
        while (*q && *q != ' ' && *q != '\n')
            q++;
        char *word = ps_xstrndup(p, (size_t)(q - p));
        size_t w = ps_text_width(word);
        free(word);
        if (col > 0 && col + (double)w > (double)cap) {
            lines++;
            col = 0;
        }
        col += (double)w;
        while (col > (double)cap) { /* a word longer than the column */
            lines++;
            col -= (double)cap;
        }
        p = q;
    }
    return lines;
}

/* ========================================================================
 * Sheet names
 * ======================================================================== */

static bool same_name(const char *a, const char *b)
{
    int res = 1;
    if (!u8_casecmp((const uint8_t *)a, strlen(a), (const uint8_t *)b, strlen(b), NULL, UNINORM_NFC,
                    &res))
        return res == 0;
    return ps_text_casecmp(a, b) == 0;
}

/* Copies at most max UTF-16 units of s into out (bytes cap). */
static void copy_units(char *out, size_t cap, const char *s, int max)
{
    size_t i = 0, o = 0;
    int units = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (u[i]) {
        size_t n = u8len(u + i);
        if (units + u16units(n) > max || o + n + 1 > cap)
            break;
        memcpy(out + o, s + i, n);
        o += n;
        i += n;
        units += u16units(n);
    }
    out[o] = '\0';
}

static void trim_name(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\'' || s[n - 1] == ' '))
        s[--n] = '\0';
    size_t k = 0;
    while (s[k] == '\'' || s[k] == ' ')
        k++;
    if (k)
        memmove(s, s + k, n - k + 1);
}

char *ps_xlsx_sheet_name(const char *name, const char *const *used, size_t nused, char *out)
{
    char clean[4 * SHEETNAME_MAX + 8];
    ps_strbuf sb = PS_STRBUF_INIT;
    const unsigned char *u = (const unsigned char *)(name ? name : "");
    for (size_t i = 0; u[i];) {
        size_t n = u8len(u + i);
        if (n == 1 && (u[i] < 0x20 || u[i] == 0x7F || u[i] >= 0x80 || strchr("[]:*?/\\", u[i])))
            ps_sb_putc(&sb, '_');
        else
            ps_sb_append(&sb, (const char *)u + i, n);
        i += n;
    }
    char *all = ps_sb_steal(&sb);
    trim_name(all);
    copy_units(clean, sizeof clean, all, SHEETNAME_MAX);
    free(all);
    trim_name(clean);
    if (!clean[0])
        strcpy(clean, "Sheet");
    if (ps_text_casecmp(clean, "History") == 0)
        strcpy(clean, "History_");
    strcpy(out, clean);
    for (int k = 2;; k++) {
        bool taken = false;
        for (size_t i = 0; i < nused && !taken; i++)
            taken = used[i] && same_name(used[i], out);
        if (!taken)
            break;
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%d)", k % 100000);
        char base[4 * SHEETNAME_MAX + 8];
        copy_units(base, sizeof base, clean, SHEETNAME_MAX - (int)strlen(suffix));
        trim_name(base);
        /* base holds at most 31 - len(suffix) characters of 4 bytes */
        size_t bl = strlen(base), sl = strlen(suffix);
        if (bl + sl >= PS_XLSX_SHEETNAME_BUFSZ)
            bl = PS_XLSX_SHEETNAME_BUFSZ - 1 - sl;
        memcpy(out, base, bl);
        memcpy(out + bl, suffix, sl + 1);
    }
    return out;
}

/* ========================================================================
 * Labels: periods, titles, levels
 * ======================================================================== */

static const char *const MONTH_EN[12] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
static const char *const MON_EN[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const ROMAN[4] = {"I", "II", "III", "IV"};
static const char *const ORD_EN[4] = {"first", "second", "third", "fourth"};

/* Roman numerals for group numbers (1..3999). */
static char *roman(int n, char *buf)
{
    static const struct { int v; const char *s; } t[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                         {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                         {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                                         {1, "I"}};
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        while (n >= t[i].v && strlen(buf) < 20) {
            strcat(buf, t[i].s);
            n -= t[i].v;
        }
    return buf;
}

/* "tháng 7", "quý III", "6 tháng đầu năm", "năm 2016", "7 tháng" (vi) or
 * "July", "Q3", "H1", "2016", "Jan–Jul" (en); with_year adds the year. */
static char *period_name(ps_period p, bool en, bool with_year, char *buf, size_t n)
{
    int y = p.year, k = p.num;
    switch (p.type) {
    case PS_P_MONTH:
        if (en)
            snprintf(buf, n, with_year ? "%s %d" : "%s", MONTH_EN[k - 1], y);
        else
            snprintf(buf, n, with_year ? "tháng %d/%d" : "tháng %d", k, y);
        break;
    case PS_P_QUARTER:
        if (en)
            snprintf(buf, n, with_year ? "Q%d %d" : "Q%d", k, y);
        else
            snprintf(buf, n, with_year ? "quý %s/%d" : "quý %s", ROMAN[k - 1], y);
        break;
    case PS_P_HALF:
        if (en)
            snprintf(buf, n, with_year ? "H%d %d" : "H%d", k, y);
        else
            snprintf(buf, n, with_year ? "%s %d" : "%s", k == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm", y);
        break;
    case PS_P_YEAR:
        snprintf(buf, n, en ? "%d" : "năm %d", y);
        break;
    case PS_P_YTD:
        if (en)
            snprintf(buf, n, with_year ? "Jan–%s %d" : "Jan–%s", MON_EN[k - 1], y);
        else
            snprintf(buf, n, with_year ? "%d tháng năm %d" : "%d tháng", k, y);
        break;
    default:
        snprintf(buf, n, "%s", "");
    }
    return buf;
}

/* The year-to-date of p as a phrase: "7 tháng" / "Jan–Jul 2016". */
static char *ytd_name(ps_period p, bool en, char *buf, size_t n)
{
    int m = ps_period_last_month(p);
    if (en) {
        if (m == 1)
            snprintf(buf, n, "Jan %d", p.year);
        else
            snprintf(buf, n, "Jan–%s %d", MON_EN[m - 1], p.year);
    } else {
        snprintf(buf, n, "%d tháng", m);
    }
    return buf;
}

static void capitalize(char *s)
{
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
}

char *ps_xlsx_title(ps_period p, const char *lang, char *buf, size_t n)
{
    bool en = lang && strcmp(lang, "en") == 0;
    const char *head = en ? "Socio-economic report, " : "Báo cáo tình hình kinh tế – xã hội ";
    char what[128];
    int y = p.year, k = p.num;
    switch (p.type) {
    case PS_P_MONTH:
        if (k == 1)
            snprintf(what, sizeof what, en ? "January %d" : "tháng 1 năm %d", y);
        else if (k == 12)
            snprintf(what, sizeof what, en ? "December and the year %d" : "tháng 12 và năm %d", y);
        else if (en)
            snprintf(what, sizeof what, "%s and the first %d months of %d", MONTH_EN[k - 1], k, y);
        else
            snprintf(what, sizeof what, "tháng %d và %d tháng năm %d", k, k, y);
        break;
    case PS_P_QUARTER:
        if (en) {
            static const char *const tail[4] = {"", " and the first half", " and the first 9 months", " and the year"};
            snprintf(what, sizeof what, "the %s quarter%s of %d", ORD_EN[k - 1], tail[k - 1], y);
            if (k == 4)
                snprintf(what, sizeof what, "the fourth quarter and the year %d", y);
        } else {
            static const char *const tail[4] = {"", " và 6 tháng đầu năm", " và 9 tháng năm", " và năm"};
            snprintf(what, sizeof what, "quý %s%s %d", ROMAN[k - 1], k == 1 ? " năm" : tail[k - 1], y);
        }
        break;
    case PS_P_HALF:
        if (en)
            snprintf(what, sizeof what, k == 1 ? "the first half of %d" : "the second half and the year %d", y);
        else
            snprintf(what, sizeof what, k == 1 ? "6 tháng đầu năm %d" : "6 tháng cuối năm và năm %d", y);
        break;
    case PS_P_YEAR:
        snprintf(what, sizeof what, en ? "the year %d" : "năm %d", y);
        break;
    case PS_P_YTD:
        if (en)
            snprintf(what, sizeof what, "the first %d months of %d", k, y);
        else
            snprintf(what, sizeof what, "%d tháng năm %d", k, y);
        break;
    default:
        what[0] = '\0';
    }
    snprintf(buf, n, "%s%s", head, what);
    return buf;
}

static const char *level_word(ps_level l, bool en)
{
    static const char *const vi[] = {"quốc gia", "vùng", "tỉnh", "huyện", "xã", "đơn vị"};
    static const char *const eng[] = {"nation", "region", "province", "district", "commune", "unit"};
    int i = (int)l;
    if (i < 0 || i > (int)PS_LEVEL_NONE)
        i = PS_LEVEL_NONE;
    return en ? eng[i] : vi[i];
}

/* ========================================================================
 * The writer's state
 * ======================================================================== */

typedef struct sheet {
    lxw_worksheet *ws;
    char name[PS_XLSX_SHEETNAME_BUFSZ];
    double *width;      /* widest content per column, in characters */
    double *minw, *maxw;
    int ncols;
} sheet;

/* Format variants of a number cell. */
enum { V_ITALIC = 1, V_DASH = 2, V_BOLD = 4, NVAR = 8 };

/* One row of the Data sheet. */
typedef struct drow {
    int unit, ind;
    ps_period p;
    int measure;
    ps_val v;
    char *note;          /* owned; NULL when none */
} drow;

/* One row of the Summary. */
typedef struct srow {
    int ind;
    ps_row row;
    char *marks;         /* owned: the notes column */
    char *plan_note;     /* owned, may be NULL */
} srow;

/* One unit of the by-district sheet. */
typedef struct krow {
    int unit;
    ps_row *rows;        /* one per key indicator */
    int *rank;           /* 0: none */
} krow;

typedef struct rep {
    ps_engine *e;
    ps_db *db;
    const ps_catalog *cat;
    int unit;
    ps_period p, ytd;
    bool en;
    const char *path;
    ps_ctx *ctx;
    time_t created;
    long rows_per_sheet;
    bool cm;                     /* constant-memory mode */
    ps_xlsx_result res;
    ps_obs_writer *ow;

    lxw_workbook *wb;
    const char *names[64];       /* sheet names taken */
    size_t nnames;

    /* formats */
    lxw_format *f_title, *f_subtitle, *f_head, *f_group, *f_group_no, *f_text, *f_wrap, *f_center,
        *f_no, *f_text_bold, *f_note, *f_legend, *f_legend_bold, *f_plain, *f_int, *f_int_bold,
        *f_section;
    lxw_format *num[7][NVAR];
    lxw_format *pct[NVAR];
    lxw_format *dxf_bad, *dxf_warn;

    /* computed before the file is opened */
    int *kids;
    int nkids;
    ps_level kid_level;
    int *keys;
    int nkeys;
    srow *sum;
    int nsum;
    krow *dist;                  /* nkids + 1 rows: the unit itself first */
    ps_status_row *status;
    drow *data;
    size_t ndata, capdata;
    int chart_key;               /* key indicator (index into keys) of the district chart, -1 none */
    bool est_value, est_prev;    /* most values of the period / previous period are estimates */
} rep;

#define T(r, tvi, ten) ((r)->en ? (ten) : (tvi))

static ps_error lx_fail(rep *r, lxw_error le, const char *where)
{
    if (le == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        return ps_failf(r->ctx, PS_ERR_LIMIT,
                        "cannot write %s: sheet %s would need more than Excel's 1,048,576 rows or "
                        "16,384 columns", r->path, where);
    if (le == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        return ps_failf(r->ctx, PS_ERR_LIMIT,
                        "cannot write %s: a text on sheet %s is longer than Excel's 32,767 characters",
                        r->path, where);
    return ps_failf(r->ctx, PS_ERR_IO, "cannot write %s: %s (sheet %s)", r->path, lxw_strerror(le), where);
}

#define LX(where, call)                                                                            \
    do {                                                                                           \
        lxw_error le_ = (call);                                                                    \
        if (le_ != LXW_NO_ERROR)                                                                   \
            return lx_fail(r, le_, (where));                                                       \
    } while (0)

/* ========================================================================
 * Formats
 * ======================================================================== */

static lxw_format *fmt_new(rep *r, bool border)
{
    lxw_format *f = workbook_add_format(r->wb);
    if (!f)
        return NULL;
    format_set_font_name(f, "Arial");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    return f;
}

static lxw_format *num_format(rep *r, int dec, int var)
{
    if (dec < 0)
        dec = 0;
    if (dec > 6)
        dec = 6;
    lxw_format **slot = &r->num[dec][var];
    if (*slot)
        return *slot;
    lxw_format *f = fmt_new(r, true);
    if (!f)
        return NULL;
    char body[16] = "#,##0";
    if (dec) {
        strcat(body, ".");
        for (int i = 0; i < dec; i++)
            strcat(body, "0");
    }
    char nf[64];
    if (var & V_DASH)
        snprintf(nf, sizeof nf, "%s;-%s;\"-\"", body, body);
    else
        snprintf(nf, sizeof nf, "%s", body);
    format_set_num_format(f, nf);
    if (var & V_DASH)
        format_set_align(f, LXW_ALIGN_RIGHT);
    if (var & V_ITALIC)
        format_set_italic(f);
    if (var & V_BOLD)
        format_set_bold(f);
    *slot = f;
    return f;
}

static lxw_format *pct_format(rep *r, int var)
{
    lxw_format **slot = &r->pct[var];
    if (*slot)
        return *slot;
    lxw_format *f = fmt_new(r, true);
    if (!f)
        return NULL;
    format_set_num_format(f, (var & V_DASH) ? "0.0;-0.0;\"-\"" : "0.0");
    if (var & V_ITALIC)
        format_set_italic(f);
    if (var & V_BOLD)
        format_set_bold(f);
    *slot = f;
    return f;
}

static ps_error make_formats(rep *r)
{
    lxw_format *f;
#define NEWF(dst, border)                                                                          \
    do {                                                                                           \
        if (!((dst) = f = fmt_new(r, border)))                                                     \
            return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: out of memory for formats", \
                            r->path);                                                              \
    } while (0)
    NEWF(r->f_title, false);
    format_set_bold(f);
    format_set_font_size(f, 13);
    format_set_align(f, LXW_ALIGN_CENTER_ACROSS);
    NEWF(r->f_subtitle, false);
    format_set_italic(f);
    format_set_align(f, LXW_ALIGN_CENTER_ACROSS);
    NEWF(r->f_head, true);
    format_set_bold(f);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_bg_color(f, 0xDDEBF7);
    NEWF(r->f_group, true);
    format_set_bold(f);
    format_set_bg_color(f, 0xF2F2F2);
    NEWF(r->f_group_no, true);
    format_set_bold(f);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_bg_color(f, 0xF2F2F2);
    NEWF(r->f_text, true);
    NEWF(r->f_text_bold, true);
    format_set_bold(f);
    NEWF(r->f_wrap, true);
    format_set_text_wrap(f);
    NEWF(r->f_center, true);
    format_set_align(f, LXW_ALIGN_CENTER);
    NEWF(r->f_no, true);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_num_format(f, "0");
    NEWF(r->f_note, true);
    format_set_text_wrap(f);
    format_set_italic(f);
    format_set_font_size(f, 9);
    NEWF(r->f_legend, false);
    format_set_italic(f);
    format_set_font_size(f, 9);
    NEWF(r->f_legend_bold, false);
    format_set_bold(f);
    format_set_font_size(f, 9);
    NEWF(r->f_section, false);
    format_set_bold(f);
    format_set_font_size(f, 11);
    NEWF(r->f_plain, false);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    NEWF(r->f_int, true);
    format_set_num_format(f, "#,##0");
    NEWF(r->f_int_bold, true);
    format_set_num_format(f, "#,##0");
    format_set_bold(f);
#undef NEWF
    r->dxf_bad = workbook_add_format(r->wb);
    r->dxf_warn = workbook_add_format(r->wb);
    if (!r->dxf_bad || !r->dxf_warn)
        return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: out of memory for formats", r->path);
    format_set_bg_color(r->dxf_bad, 0xFFC7CE);
    format_set_font_color(r->dxf_bad, 0x9C0006);
    format_set_bg_color(r->dxf_warn, 0xFFEB9C);
    format_set_font_color(r->dxf_warn, 0x9C5700);
    return PS_OK;
}

/* ========================================================================
 * Sheets and cells
 * ======================================================================== */

static void sheet_cols(sheet *s, int ncols)
{
    if (ncols <= s->ncols)
        return;
    s->width = ps_xrealloc(s->width, (size_t)ncols * sizeof *s->width);
    s->minw = ps_xrealloc(s->minw, (size_t)ncols * sizeof *s->minw);
    s->maxw = ps_xrealloc(s->maxw, (size_t)ncols * sizeof *s->maxw);
    for (int i = s->ncols; i < ncols; i++) {
        s->width[i] = 0;
        s->minw[i] = 4;
        s->maxw[i] = 60;
    }
    s->ncols = ncols;
}

static void sheet_free(sheet *s)
{
    free(s->width);
    free(s->minw);
    free(s->maxw);
}

static void need(sheet *s, int col, double chars)
{
    sheet_cols(s, col + 1);
    if (chars > s->width[col])
        s->width[col] = chars;
}

/* The width a column will get (characters). */
static double col_width(sheet *s, int col)
{
    sheet_cols(s, col + 1);
    double w = s->width[col] + 2;
    if (w < s->minw[col])
        w = s->minw[col];
    if (w > s->maxw[col])
        w = s->maxw[col];
    return w;
}

static ps_error add_sheet(rep *r, sheet *s, const char *want)
{
    memset(s, 0, sizeof *s);
    ps_xlsx_sheet_name(want, r->names, r->nnames, s->name);
    s->ws = workbook_add_worksheet(r->wb, s->name);
    if (!s->ws)
        return ps_failf(r->ctx, PS_ERR_IO, "cannot write %s: cannot add the sheet %s", r->path, s->name);
    if (r->nnames < sizeof r->names / sizeof *r->names)
        r->names[r->nnames++] = s->name;
    worksheet_set_paper(s->ws, 9); /* A4 */
    worksheet_set_landscape(s->ws);
    worksheet_fit_to_pages(s->ws, 1, 0);
    worksheet_set_margins(s->ws, 0.4, 0.4, 0.6, 0.6);
    LX(s->name, worksheet_set_footer(s->ws, r->en ? "&L&A&RPage &P of &N" : "&L&A&RTrang &P/&N"));
    worksheet_set_comments_author(s->ws, "provstat");
    return PS_OK;
}

/* Sets the columns' widths from what was written. */
static ps_error sheet_finish(rep *r, sheet *s)
{
    for (int c = 0; c < s->ncols; c++)
        LX(s->name, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, col_width(s, c), NULL));
    return PS_OK;
}

static ps_error put_text(rep *r, sheet *s, int row, int col, const char *text, lxw_format *f)
{
    if (!text || !*text) {
        if (f)
            LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)col, f));
        return PS_OK;
    }
    char *owned;
    bool cut;
    const char *t = cell_text(text, &owned, &cut);
    if (cut)
        r->res.truncated++;
    lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, t, f);
    /* a text is never wider than its bytes: one no longer than the
     * column's widest so far cannot widen it */
    sheet_cols(s, col + 1);
    size_t w = le || (double)strlen(t) <= s->width[col] ? 0 : text_cols(t);
    free(owned);
    if (le)
        return lx_fail(r, le, s->name);
    need(s, col, (double)w);
    return PS_OK;
}

/* Text over columns c0..c1, centred across them (no merged cells: those do
 * not work in constant-memory mode). Not counted in the widths. */
static ps_error put_across(rep *r, sheet *s, int row, int c0, int c1, const char *text, lxw_format *f)
{
    char *owned;
    bool cut;
    const char *t = cell_text(text, &owned, &cut);
    if (cut)
        r->res.truncated++;
    lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)c0, t, f);
    free(owned);
    if (le)
        return lx_fail(r, le, s->name);
    for (int c = c0 + 1; c <= c1; c++)
        LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)c, f));
    return PS_OK;
}

/* Characters a number takes when shown with dec decimals and grouping. */
static double num_chars(double v, int dec)
{
    return (double)ps_number_fixed_len(v, dec, PS_NF_EN);
}

static ps_error put_number(rep *r, sheet *s, int row, int col, double v, lxw_format *f, int dec)
{
    LX(s->name, worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
    need(s, col, num_chars(v, dec));
    return PS_OK;
}

/* A value with the indicator's decimals: empty when missing, "-" when
 * nothing occurred, italic when estimated, provisional or incomplete. */
static ps_error put_val(rep *r, sheet *s, int row, int col, const ps_val *v, int dec, bool bold)
{
    int var = bold ? V_BOLD : 0;
    if (!v->has)
        return put_text(r, s, row, col, NULL, num_format(r, dec, var));
    if (v->status == 'E' || v->status == 'P' || v->coverage < 1)
        var |= V_ITALIC;
    if ((v->flags & PS_VF_NONE_OCCURRED) && v->v == 0)
        var |= V_DASH;
    lxw_format *f = num_format(r, dec, var);
    if (!f)
        return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: out of memory for formats", r->path);
    return put_number(r, s, row, col, v->v, f, dec);
}

/* An index, percentage, share or pace ("0.0"); empty when absent. */
static ps_error put_pct(rep *r, sheet *s, int row, int col, ps_opt o, int var)
{
    lxw_format *f = pct_format(r, var);
    if (!f)
        return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: out of memory for formats", r->path);
    if (!o.has)
        return put_text(r, s, row, col, NULL, f);
    return put_number(r, s, row, col, o.v, f, 1);
}

static ps_error put_comment(rep *r, sheet *s, int row, int col, const char *text)
{
    if (!text || !*text)
        return PS_OK;
    char *owned;
    bool cut;
    const char *t = cell_text(text, &owned, &cut);
    lxw_comment_options o = {0};
    o.width = 300;
    o.height = 30 + 15 * (uint16_t)(wrap_lines(t, 48) > 8 ? 8 : wrap_lines(t, 48));
    lxw_error le = worksheet_write_comment_opt(s->ws, (lxw_row_t)row, (lxw_col_t)col, t, &o);
    free(owned);
    if (le)
        return lx_fail(r, le, s->name);
    return PS_OK;
}

/* Header cells of one row, with a height that fits the wrapped texts at
 * the columns' minimum widths (which the final widths never go below). */
static ps_error put_header(rep *r, sheet *s, int row, int c0, const char *const *texts, int n)
{
    int lines = 1;
    for (int i = 0; i < n; i++) {
        if (!texts[i])
            continue;
        int l = wrap_lines(texts[i], col_width(s, c0 + i));
        if (l > lines)
            lines = l;
    }
    LX(s->name, worksheet_set_row(s->ws, (lxw_row_t)row, 13.0 * lines + 3, NULL));
    for (int i = 0; i < n; i++) {
        if (!texts[i]) {
            LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)(c0 + i), r->f_head));
            continue;
        }
        char *owned;
        bool cut;
        const char *t = cell_text(texts[i], &owned, &cut);
        lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)(c0 + i), t, r->f_head);
        free(owned);
        if (le)
            return lx_fail(r, le, s->name);
    }
    return PS_OK;
}

/* A minimum width for a header: its longest word, and no more than three
 * lines of wrapped text, within [6, cap]. */
static void header_min(sheet *s, int col, const char *text, double cap)
{
    sheet_cols(s, col + 1);
    double w = 6;
    size_t len = ps_text_width(text);
    double third = ceil((double)len / 3.0) + 2;
    if (third > w)
        w = third;
    const char *p = text;
    while (*p) {
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        char *word = ps_xstrndup(p, (size_t)(q - p));
        double ww = (double)ps_text_width(word) + 2;
        free(word);
        if (ww > w)
            w = ww;
        p = *q ? q + 1 : q;
    }
    if (w > cap)
        w = cap;
    if (w > s->minw[col])
        s->minw[col] = w;
}

/* "A1"-style reference of a cell; absolute column when abs_col. */
static char *cell_ref(int row, int col, bool abs_col, bool abs_row, char *buf)
{
    char letters[8];
    int n = 0;
    int c = col + 1;
    while (c > 0) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    char *o = buf;
    if (abs_col)
        *o++ = '$';
    while (n)
        *o++ = letters[--n];
    sprintf(o, "%s%d", abs_row ? "$" : "", row + 1);
    return buf;
}

/* "='Sheet name'!$A$2:$A$13". */
static char *range_ref(const char *sheetname, int r0, int c0, int r1, int c1, char *buf, size_t n)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_sb_puts(&sb, "='");
    for (const char *p = sheetname; *p; p++) {
        if (*p == '\'')
            ps_sb_putc(&sb, '\'');
        ps_sb_putc(&sb, *p);
    }
    char a[32], b[32];
    ps_sb_printf(&sb, "'!%s:%s", cell_ref(r0, c0, true, true, a), cell_ref(r1, c1, true, true, b));
    snprintf(buf, n, "%s", ps_sb_str(&sb));
    ps_sb_free(&sb);
    return buf;
}

/* ========================================================================
 * Marks: estimates, incomplete values and the other data-quality flags
 * ======================================================================== */

enum { M_EST, M_PROV, M_INC, M_CARRIED, M_COMP, M_RAC, M_INCSRC, M_COUNT };

static const char *mark_word(const rep *r, int m)
{
    static const char *const vi[M_COUNT] = {"ước tính", "sơ bộ", "chưa đủ số liệu", "lấy số kỳ trước",
                                            "so sánh cùng địa giới", "điều chỉnh sau khóa sổ",
                                            "nguồn chưa đủ số liệu"};
    static const char *const en[M_COUNT] = {"estimate", "provisional", "incomplete", "carried forward",
                                            "comparable basis", "revised after close",
                                            "incomplete source"};
    return r->en ? en[m] : vi[m];
}

static const char *mark_long(const rep *r, int m)
{
    static const char *const vi[M_COUNT] = {
        "Số ước tính (trạng thái E): sẽ được thay bằng số chính thức khi có.",
        "Số sơ bộ (trạng thái P).",
        "Chưa đủ số liệu: giá trị chỉ gồm phần đơn vị/kỳ đã báo cáo.",
        "Không có số của kỳ cuối: dùng số mới nhất trước đó trong kỳ.",
        "So sánh trên cùng địa giới hành chính hiện nay (đơn vị đã sáp nhập được cộng vào).",
        "Có số được sửa sau khi kỳ đã khóa sổ.",
        "Nguồn (tệp xuất) ghi số này là chưa đủ số liệu."};
    static const char *const en[M_COUNT] = {
        "Estimate (status E): to be replaced by the official figure.",
        "Provisional figure (status P).",
        "Incomplete: the value covers only the units and periods that have reported.",
        "The period's last value is missing: the latest earlier one in the period stands in.",
        "Compared on today's boundaries (merged units are added in).",
        "A value was revised after the period was closed.",
        "The source (an export) marked this value incomplete."};
    return r->en ? en[m] : vi[m];
}

static unsigned val_marks(const ps_val *v)
{
    unsigned m = 0;
    if (!v->has)
        return 0;
    if (v->status == 'E')
        m |= 1u << M_EST;
    if (v->status == 'P')
        m |= 1u << M_PROV;
    if (v->coverage < 1)
        m |= 1u << M_INC;
    if (v->flags & PS_VF_CARRIED)
        m |= 1u << M_CARRIED;
    if (v->flags & PS_VF_COMPARABLE)
        m |= 1u << M_COMP;
    if (v->flags & PS_VF_REVISED_AFTER_CLOSE)
        m |= 1u << M_RAC;
    if (v->flags & PS_VF_INCOMPLETE_SOURCE)
        m |= 1u << M_INCSRC;
    return m;
}

/* "93%" (or "99.6%" near 100) of a coverage, in the report's language. */
static char *coverage_text(const rep *r, double cov, char *buf)
{
    double pc = cov * 100;
    int dec = ps_number_round(pc, 0) >= 100 ? 1 : 0;
    ps_number_format_fixed(pc, dec, r->en ? PS_NF_EN : PS_NF_VI, buf);
    strcat(buf, "%");
    return buf;
}

/* The comment of one cell: one line per mark (and an optional extra line). */
static char *cell_comment(const rep *r, const ps_val *v, unsigned extra_marks, const char *extra)
{
    unsigned m = val_marks(v) | extra_marks;
    if (!m && !(extra && *extra))
        return NULL;
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int k = 0; k < M_COUNT; k++) {
        if (!(m & (1u << k)))
            continue;
        if (sb.len)
            ps_sb_putc(&sb, '\n');
        ps_sb_puts(&sb, mark_long(r, k));
        if (k == M_INC && v->has) {
            char c[PS_NUMBER_BUFSZ + 2];
            ps_sb_printf(&sb, r->en ? " Coverage %s." : " Độ bao phủ %s.", coverage_text(r, v->coverage, c));
        }
    }
    if (extra && *extra) {
        if (sb.len)
            ps_sb_putc(&sb, '\n');
        ps_sb_puts(&sb, extra);
    }
    return ps_sb_steal(&sb);
}

/* ========================================================================
 * Gathering: every value, before the file is opened
 * ======================================================================== */

static char *stored_note(rep *r, int u, int ind, ps_period p, int measure, ps_error *err)
{
    ps_obs_key k = {r->cat->units[u].id, r->cat->indicators[ind].id, measure, ps_period_key(p)};
    ps_obs cur;
    *err = ps_obs_get(r->ow, &k, &cur, r->ctx);
    if (*err || !cur.exists || !cur.note[0])
        return NULL;
    return ps_xstrdup(cur.note);
}

static char *summary_marks(rep *r, const ps_row *row)
{
    char pn[64], vn[64], yn[64];
    ps_period prev = ps_period_prev(r->p);
    period_name(prev, r->en, prev.type != PS_P_NONE && prev.year != r->p.year, pn, sizeof pn);
    period_name(r->p, r->en, false, vn, sizeof vn);
    ytd_name(r->p, r->en, yn, sizeof yn);
    struct { const ps_val *v; const char *label; } cells[4] = {
        {&row->plan, T(r, "kế hoạch", "plan")}, {&row->prev_period, pn}, {&row->value, vn}, {&row->ytd, yn}};
    int ncells = ps_period_eq(r->p, r->ytd) ? 3 : 4;
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int k = 0; k < M_COUNT; k++) {
        int hits = 0;
        for (int c = 0; c < ncells; c++) {
            if (!(val_marks(cells[c].v) & (1u << k)))
                continue;
            ps_sb_puts(&sb, hits ? ", " : sb.len ? "; " : "");
            if (!hits)
                ps_sb_printf(&sb, "%s (", mark_word(r, k));
            ps_sb_puts(&sb, cells[c].label);
            if (k == M_INC) {
                char cv[PS_NUMBER_BUFSZ + 2];
                ps_sb_printf(&sb, ": %s", coverage_text(r, cells[c].v->coverage, cv));
            }
            hits++;
        }
        if (k == M_COMP && !hits && (row->flags & PS_VF_COMPARABLE)) {
            ps_sb_printf(&sb, "%s%s (%s", sb.len ? "; " : "", mark_word(r, k), T(r, "so với cùng kỳ", "vs last year"));
            hits++;
        }
        if (hits)
            ps_sb_putc(&sb, ')');
    }
    return ps_sb_steal(&sb);
}

static ps_error gather_summary(rep *r)
{
    const ps_catalog *cat = r->cat;
    r->sum = ps_xcalloc(cat->nindicators ? cat->nindicators : 1, sizeof *r->sum);
    int nval = 0, nval_e = 0, nprev = 0, nprev_e = 0;
    for (size_t k = 0; k < cat->nindicators; k++) {
        int ind = cat->report_order[k];
        srow *s = &r->sum[r->nsum++];
        s->ind = ind;
        ps_error err = ps_compare_row(r->e, r->unit, ind, r->p, &s->row, r->ctx);
        if (err)
            return err;
        s->marks = summary_marks(r, &s->row);
        nval += s->row.value.has;
        nval_e += s->row.value.has && s->row.value.status == 'E';
        nprev += s->row.prev_period.has;
        nprev_e += s->row.prev_period.has && s->row.prev_period.status == 'E';
        if (s->row.plan.has && (s->row.plan.flags & PS_VF_SUBMITTED)) {
            s->plan_note = stored_note(r, r->unit, ind, ps_period_make(PS_P_YEAR, r->p.year, 0),
                                       PS_MEASURE_PLAN, &err);
            if (err)
                return err;
        }
    }
    /* GSO's headers: "Ước tính tháng 7" when the column holds estimates,
     * "Thực hiện tháng 6" for the revised month; each cell is marked anyway */
    r->est_value = nval_e * 2 > nval;
    r->est_prev = nprev_e * 2 > nprev;
    return PS_OK;
}

/* Competition ranking of the displayed values, largest first ("1, 2, 2, 4"). */
static void rank_column(rep *r, int key)
{
    int dec = r->cat->indicators[r->keys[key]].decimals;
    for (int i = 1; i <= r->nkids; i++) {
        const ps_val *vi = &r->dist[i].rows[key].value;
        if (!vi->has)
            continue;
        double a = ps_number_round(vi->v, dec);
        int better = 0;
        for (int j = 1; j <= r->nkids; j++) {
            const ps_val *vj = &r->dist[j].rows[key].value;
            if (vj->has && ps_number_round(vj->v, dec) > a)
                better++;
        }
        r->dist[i].rank[key] = better + 1;
    }
}

static ps_error gather_districts(rep *r)
{
    r->dist = ps_xcalloc((size_t)r->nkids + 1, sizeof *r->dist);
    for (int i = 0; i <= r->nkids; i++) {
        krow *k = &r->dist[i];
        k->unit = i ? r->kids[i - 1] : r->unit;
        k->rows = ps_xcalloc((size_t)r->nkeys + 1, sizeof *k->rows);
        k->rank = ps_xcalloc((size_t)r->nkeys + 1, sizeof *k->rank);
        for (int j = 0; j < r->nkeys; j++) {
            ps_error err = ps_compare_row(r->e, k->unit, r->keys[j], r->p, &k->rows[j], r->ctx);
            if (err)
                return err;
        }
    }
    /* the district chart shows the first key indicator the units below have */
    r->chart_key = -1;
    for (int j = 0; j < r->nkeys; j++) {
        rank_column(r, j);
        for (int i = 1; i <= r->nkids && r->chart_key < 0; i++)
            if (r->dist[i].rows[j].value.has)
                r->chart_key = j;
    }
    return PS_OK;
}

static void data_add(rep *r, int u, int ind, ps_period p, int measure, const ps_val *v, char *note)
{
    if (r->ndata == r->capdata) {
        r->capdata = r->capdata ? r->capdata * 2 : 1024;
        r->data = ps_xrealloc(r->data, r->capdata * sizeof *r->data);
    }
    drow *d = &r->data[r->ndata++];
    d->unit = u;
    d->ind = ind;
    d->p = p;
    d->measure = measure;
    d->v = *v;
    d->note = note;
}

static int cmp_period_ptr(const void *a, const void *b)
{
    return ps_period_cmp(*(const ps_period *)a, *(const ps_period *)b);
}

/* The periods the report uses: P, its previous period, its year-to-date,
 * the same three a year earlier; sorted, without repeats. basis[i] is the
 * period of this year a last-year period is compared with (or itself). */
static int report_periods(const rep *r, ps_period *out, ps_period *basis)
{
    ps_period cand[6], base[6];
    int n = 0;
    ps_period prev = ps_period_prev(r->p);
    ps_period these[3] = {r->p, prev, r->ytd};
    for (int i = 0; i < 3; i++) {
        if (these[i].type == PS_P_NONE)
            continue;
        cand[n] = these[i];
        base[n++] = these[i];
        ps_period ly = ps_period_prev_year(these[i]);
        if (ly.type != PS_P_NONE) {
            cand[n] = ly;
            base[n++] = these[i];
        }
    }
    /* sort by period, carrying the basis along */
    int m = 0;
    for (int i = 0; i < n; i++) {
        bool dup = false;
        for (int j = 0; j < m && !dup; j++)
            dup = ps_period_eq(out[j], cand[i]);
        if (!dup) {
            out[m] = cand[i];
            basis[m++] = base[i];
        }
    }
    for (int i = 1; i < m; i++)
        for (int j = i; j > 0 && cmp_period_ptr(&out[j - 1], &out[j]) > 0; j--) {
            ps_period t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            t = basis[j];
            basis[j] = basis[j - 1];
            basis[j - 1] = t;
        }
    return m;
}

static ps_error gather_data(rep *r)
{
    const ps_catalog *cat = r->cat;
    ps_period per[6], basis[6];
    int np = report_periods(r, per, basis);
    ps_period year = ps_period_make(PS_P_YEAR, r->p.year, 0);
    /* the unit and the units one level below valid in any of those periods */
    const ps_unit *un = &cat->units[r->unit];
    int *units = ps_xmalloc(((size_t)un->nchildren + 1) * sizeof *units);
    int nu = 0;
    units[nu++] = r->unit;
    for (int c = 0; c < un->nchildren; c++) {
        bool valid = false;
        for (int i = 0; i < np && !valid; i++)
            valid = ps_unit_valid_in(&cat->units[un->children[c]], per[i]);
        if (valid)
            units[nu++] = un->children[c];
    }
    ps_error err = PS_OK;
    for (int a = 0; a < nu && !err; a++) {
        int u = units[a];
        for (size_t k = 0; k < cat->nindicators && !err; k++) {
            int ind = cat->report_order[k];
            bool plan_done = false;
            for (int i = 0; i <= np && !err; i++) {
                /* the plan (period: the year) goes where the year sorts,
                 * after the actual value of the same period */
                bool plan_here = !plan_done && (i == np || ps_period_cmp(year, per[i]) < 0);
                if (plan_here) {
                    plan_done = true;
                    ps_val v;
                    if ((err = ps_engine_plan(r->e, u, ind, r->p.year, &v, r->ctx)))
                        break;
                    if (v.has) {
                        char *note = NULL;
                        if (v.flags & PS_VF_SUBMITTED)
                            note = stored_note(r, u, ind, year, PS_MEASURE_PLAN, &err);
                        data_add(r, u, ind, year, PS_MEASURE_PLAN, &v, note);
                    }
                    if (err)
                        break;
                }
                if (i == np)
                    break;
                ps_val v;
                if (ps_period_eq(per[i], basis[i]))
                    err = ps_engine_value(r->e, u, ind, per[i], &v, r->ctx);
                else
                    err = ps_engine_comparable(r->e, u, ind, per[i], basis[i], &v, r->ctx);
                if (err || !v.has)
                    continue;
                char *note = NULL;
                if (v.flags & PS_VF_SUBMITTED)
                    note = stored_note(r, u, ind, per[i], PS_MEASURE_ACTUAL, &err);
                data_add(r, u, ind, per[i], PS_MEASURE_ACTUAL, &v, note);
            }
        }
    }
    free(units);
    return err;
}

/* ========================================================================
 * Sheet 1: Summary
 * ======================================================================== */

enum {
    S_NO, S_NAME, S_UNIT, S_PLAN, S_PREV, S_VALUE, S_YTD, S_INDEX, S_YTD_INDEX, S_PCT_PLAN, S_PACE,
    S_NOTES, S_NCOLS
};

static ps_error write_summary(rep *r, sheet *s)
{
    const ps_catalog *cat = r->cat;
    const ps_unit *un = &cat->units[r->unit];
    char title[200], pname[64], pyname[64], prevname[64], yname[64], h[S_NCOLS][200];
    ps_period prev = ps_period_prev(r->p);
    ps_period ly = ps_period_prev_year(r->p);
    ps_xlsx_title(r->p, r->en ? "en" : "vi", title, sizeof title);
    period_name(r->p, r->en, false, pname, sizeof pname);
    period_name(r->p, r->en, true, pyname, sizeof pyname);
    if (prev.type != PS_P_NONE)
        period_name(prev, r->en, prev.year != r->p.year || r->en, prevname, sizeof prevname);
    else
        snprintf(prevname, sizeof prevname, "%s", T(r, "kỳ trước", "Previous period"));
    ytd_name(r->p, r->en, yname, sizeof yname);
    int ly_year = ly.type != PS_P_NONE ? ly.year : r->p.year - 1;
    const char *same = r->p.type == PS_P_MONTH ? "same month" : r->p.type == PS_P_QUARTER ? "same quarter" : "same period";
    if (r->en) {
        snprintf(h[S_NO], sizeof h[0], "No.");
        snprintf(h[S_NAME], sizeof h[0], "Indicator");
        snprintf(h[S_UNIT], sizeof h[0], "Unit");
        snprintf(h[S_PLAN], sizeof h[0], "Plan for %d", r->p.year);
        snprintf(h[S_PREV], sizeof h[0], "%s (%s)", prevname, r->est_prev ? "estimate" : "revised");
        snprintf(h[S_VALUE], sizeof h[0], "%s%s", pyname, r->est_value ? " (estimate)" : "");
        snprintf(h[S_YTD], sizeof h[0], "%s", yname);
        snprintf(h[S_INDEX], sizeof h[0], "%s vs %s %d (%%)", pyname, same, ly_year);
        snprintf(h[S_YTD_INDEX], sizeof h[0], "%s vs same period %d (%%)", yname, ly_year);
        snprintf(h[S_PCT_PLAN], sizeof h[0], "%s vs plan for the year (%%)", yname);
        snprintf(h[S_PACE], sizeof h[0], "Time elapsed (%%)");
        snprintf(h[S_NOTES], sizeof h[0], "Notes");
    } else {
        char cap[64];
        snprintf(cap, sizeof cap, "%s", pyname);
        capitalize(cap);
        snprintf(h[S_NO], sizeof h[0], "STT");
        snprintf(h[S_NAME], sizeof h[0], "Chỉ tiêu");
        snprintf(h[S_UNIT], sizeof h[0], "Đơn vị tính");
        snprintf(h[S_PLAN], sizeof h[0], "Kế hoạch năm %d", r->p.year);
        snprintf(h[S_PREV], sizeof h[0], "%s %s", r->est_prev ? "Ước tính" : "Thực hiện", prevname);
        snprintf(h[S_VALUE], sizeof h[0], "%s %s", r->est_value ? "Ước tính" : "Thực hiện", pname);
        snprintf(h[S_YTD], sizeof h[0], "Cộng dồn %s", yname);
        snprintf(h[S_INDEX], sizeof h[0], "%s so với cùng kỳ (%%)", cap);
        snprintf(h[S_YTD_INDEX], sizeof h[0], "%s so với cùng kỳ (%%)", yname);
        snprintf(h[S_PCT_PLAN], sizeof h[0], "%s so với kế hoạch năm (%%)", yname);
        snprintf(h[S_PACE], sizeof h[0], "Tiến độ thời gian (%%)");
        snprintf(h[S_NOTES], sizeof h[0], "Ghi chú");
    }
    /* widths: names and notes wrap at a cap; numbers fit their header */
    sheet_cols(s, S_NCOLS);
    double namew = 12, notew = 10;
    for (int i = 0; i < r->nsum; i++) {
        const ps_indicator *x = &cat->indicators[r->sum[i].ind];
        double w = (double)ps_text_width(r->en ? x->name_en : x->name_vi) + 2;
        if (w > namew)
            namew = w;
        w = (double)ps_text_width(r->sum[i].marks) + 2;
        if (w > notew)
            notew = w;
    }
    for (size_t g = 0; g < cat->ngroups; g++) {
        double w = (double)ps_text_width(cat->groups[g]) + 2;
        if (w > namew)
            namew = w;
    }
    s->minw[S_NAME] = s->maxw[S_NAME] = namew > 50 ? 50 : namew;
    s->minw[S_NOTES] = s->maxw[S_NOTES] = notew > 36 ? 36 : notew;
    s->minw[S_NO] = 5;
    s->maxw[S_UNIT] = 18;
    for (int c = S_PLAN; c <= S_PACE; c++)
        header_min(s, c, h[c], 16);
    header_min(s, S_UNIT, h[S_UNIT], 12);

    ps_error err;
    LX(s->name, worksheet_set_row(s->ws, 0, 20, NULL));
    if ((err = put_across(r, s, 0, 0, S_NCOLS - 1, title, r->f_title)))
        return err;
    char sub[300];
    char pcode[PS_PERIOD_BUFSZ];
    snprintf(sub, sizeof sub, "%s (%s %s) – %s %s", r->en ? un->name_en : un->name_vi, T(r, "mã", "code"),
             un->code, T(r, "kỳ", "period"), ps_period_format(r->p, pcode));
    if ((err = put_across(r, s, 1, 0, S_NCOLS - 1, sub, r->f_subtitle)))
        return err;
    const char *hp[S_NCOLS];
    for (int c = 0; c < S_NCOLS; c++)
        hp[c] = h[c];
    int row = 3;
    if ((err = put_header(r, s, row, 0, hp, S_NCOLS)))
        return err;
    int first = ++row;
    int no = 0, group = -1;
    for (int i = 0; i < r->nsum; i++) {
        const srow *sr = &r->sum[i];
        const ps_indicator *x = &cat->indicators[sr->ind];
        if (x->group_index != group) {
            group = x->group_index;
            char rn[24];
            LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, S_NO, roman(group + 1, rn), r->f_group_no));
            const char *gname = group >= 0 && (size_t)group < cat->ngroups ? cat->groups[group] : "";
            if ((err = put_text(r, s, row, S_NAME, gname, r->f_group)))
                return err;
            for (int c = S_UNIT; c < S_NCOLS; c++)
                LX(s->name, worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)c, r->f_group));
            row++;
        }
        const ps_row *w = &sr->row;
        const char *name = r->en ? x->name_en : x->name_vi;
        int lines = wrap_lines(name, s->minw[S_NAME]);
        int nl = sr->marks[0] ? wrap_lines(sr->marks, s->minw[S_NOTES]) : 1;
        if (nl > lines)
            lines = nl;
        if (lines > 1)
            LX(s->name, worksheet_set_row(s->ws, (lxw_row_t)row, 13.0 * lines + 2, NULL));
        LX(s->name, worksheet_write_number(s->ws, (lxw_row_t)row, S_NO, ++no, r->f_no));
        if ((err = put_text(r, s, row, S_NAME, name, r->f_wrap)) ||
            (err = put_text(r, s, row, S_UNIT, r->en ? x->unit_en : x->unit_vi, r->f_center)))
            return err;
        const ps_val *vals[4] = {&w->plan, &w->prev_period, &w->value, &w->ytd};
        for (int c = 0; c < 4; c++) {
            if ((err = put_val(r, s, row, S_PLAN + c, vals[c], x->decimals, false)))
                return err;
            char *extra = NULL;
            if (c == 0 && sr->plan_note) {
                ps_strbuf sb = PS_STRBUF_INIT;
                ps_sb_printf(&sb, "%s%s", T(r, "Kế hoạch: ", "Plan: "), sr->plan_note);
                extra = ps_sb_steal(&sb);
            }
            char *cm = cell_comment(r, vals[c], 0, extra);
            free(extra);
            err = put_comment(r, s, row, S_PLAN + c, cm);
            free(cm);
            if (err)
                return err;
        }
        if ((err = put_pct(r, s, row, S_INDEX, w->index_prev_year, 0)) ||
            (err = put_pct(r, s, row, S_YTD_INDEX, w->ytd_index_prev_year, 0)) ||
            (err = put_pct(r, s, row, S_PCT_PLAN, w->pct_of_plan, 0)) ||
            (err = put_pct(r, s, row, S_PACE, w->pace, 0)))
            return err;
        if (w->flags & PS_VF_COMPARABLE) {
            char *cm = cell_comment(r, &(ps_val){0}, 1u << M_COMP, NULL);
            if (w->index_prev_year.has)
                err = put_comment(r, s, row, S_INDEX, cm);
            if (!err && w->ytd_index_prev_year.has)
                err = put_comment(r, s, row, S_YTD_INDEX, cm);
            free(cm);
            if (err)
                return err;
        }
        if ((err = put_text(r, s, row, S_NOTES, sr->marks, r->f_note)))
            return err;
        row++;
    }
    int last = row - 1;
    /* highlights follow the displayed value: ROUND to the display's decimal */
    if (last >= first) {
        char a[32], b[32], f[256];
        lxw_conditional_format cf = {0};
        cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
        cf.format = r->dxf_bad;
        cell_ref(first, S_INDEX, false, false, a);
        snprintf(f, sizeof f, "=AND(ISNUMBER(%s),ROUND(%s,1)<100)", a, a);
        cf.value_string = f;
        LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, S_INDEX, (lxw_row_t)last,
                                                       S_YTD_INDEX, &cf));
        cell_ref(first, S_PCT_PLAN, true, false, a);
        cell_ref(first, S_PACE, true, false, b);
        snprintf(f, sizeof f, "=AND(ISNUMBER(%s),ISNUMBER(%s),ROUND(%s,1)<ROUND(%s,1))", a, b, a, b);
        cf.value_string = f;
        LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, S_PCT_PLAN, (lxw_row_t)last,
                                                       S_PCT_PLAN, &cf));
    }
    /* the legend */
    row++;
    static const char *const legend_vi[] = {
        "Ghi chú:",
        "Chỉ số so với cùng kỳ: kỳ cùng kỳ năm trước = 100; tăng trưởng = chỉ số − 100.",
        "Nền đỏ ở cột so với cùng kỳ: giảm so với cùng kỳ (chỉ số dưới 100).",
        "Nền đỏ ở cột so với kế hoạch: chậm hơn tiến độ thời gian (số tháng đã qua / 12).",
        "Chữ nghiêng: số ước tính, sơ bộ hoặc chưa đủ số liệu; chi tiết ở cột Ghi chú và chú thích của ô.",
        "ước tính: số ước tính (E), sẽ được thay bằng số chính thức; sơ bộ: số sơ bộ (P).",
        "chưa đủ số liệu (x%): chỉ x% đơn vị/kỳ đã báo cáo.",
        "-: không phát sinh; ô trống: không có số liệu hoặc không thu thập được.",
        "Định nghĩa các cột và công thức: xem trang Ghi chú."};
    static const char *const legend_en[] = {
        "Notes:",
        "Index on the same period of last year: last year = 100; growth = index − 100.",
        "Red in the index columns: lower than the same period of last year (index below 100).",
        "Red in the plan column: behind the time elapsed (months passed / 12).",
        "Italics: estimated, provisional or incomplete values; see the Notes column and the cell comments.",
        "estimate: estimated figure (E), to be replaced by the official one; provisional: status P.",
        "incomplete (x%): only x% of the units or periods have reported.",
        "-: nothing occurred; empty cell: no data or not collected.",
        "Definitions and formulas: see the Notes sheet."};
    const char *const *legend = r->en ? legend_en : legend_vi;
    for (size_t i = 0; i < sizeof legend_vi / sizeof *legend_vi; i++) {
        char *owned;
        bool cut;
        const char *t = cell_text(legend[i], &owned, &cut);
        lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row++, S_NAME, t, i ? r->f_legend : r->f_legend_bold);
        free(owned);
        if (le)
            return lx_fail(r, le, s->name);
    }
    worksheet_freeze_panes(s->ws, (lxw_row_t)first, S_UNIT);
    LX(s->name, worksheet_repeat_rows(s->ws, 3, 3));
    worksheet_activate(s->ws);
    return sheet_finish(r, s);
}

/* ========================================================================
 * Sheet 2: by district
 * ======================================================================== */

static ps_error write_districts(rep *r, sheet *s)
{
    const ps_catalog *cat = r->cat;
    const ps_unit *un = &cat->units[r->unit];
    char title[300], pyname[64];
    period_name(r->p, r->en, true, pyname, sizeof pyname);
    if (r->en)
        snprintf(title, sizeof title, "Key indicators by %s, %s", level_word(r->kid_level, true), pyname);
    else
        snprintf(title, sizeof title, "Chỉ tiêu chủ yếu phân theo đơn vị cấp %s, %s", level_word(r->kid_level, false), pyname);
    int ncols = 3 + 3 * r->nkeys;
    if (ncols > LXW_COL_MAX)
        return ps_failf(r->ctx, PS_ERR_LIMIT, "cannot write %s: %d key indicators need more than Excel's 16,384 columns",
                        r->path, r->nkeys);
    sheet_cols(s, ncols);
    s->minw[0] = 5;
    s->minw[1] = 6;
    ps_error err;
    if ((err = put_across(r, s, 0, 0, ncols - 1, title, r->f_title)))
        return err;
    char sub[300];
    snprintf(sub, sizeof sub, "%s (%s %s)", r->en ? un->name_en : un->name_vi, T(r, "mã", "code"), un->code);
    if ((err = put_across(r, s, 1, 0, ncols - 1, sub, r->f_subtitle)))
        return err;
    /* two header rows: indicator names across their three columns, then
     * value / share / rank */
    int row = 3;
    const char *fixed[3] = {T(r, "STT", "No."), T(r, "Mã", "Code"), T(r, "Đơn vị", "Unit")};
    int lines = 1;
    for (int j = 0; j < r->nkeys; j++) {
        const ps_indicator *x = &cat->indicators[r->keys[j]];
        char vh[160];
        snprintf(vh, sizeof vh, "%s (%s)", T(r, "Giá trị", "Value"), r->en ? x->unit_en : x->unit_vi);
        header_min(s, 3 + 3 * j, vh, 16);
        header_min(s, 4 + 3 * j, T(r, "Tỷ trọng (%)", "Share (%)"), 12);
        header_min(s, 5 + 3 * j, T(r, "Xếp hạng", "Rank"), 10);
        double across = col_width(s, 3 + 3 * j) + col_width(s, 4 + 3 * j) + col_width(s, 5 + 3 * j);
        int l = wrap_lines(r->en ? x->name_en : x->name_vi, across);
        if (l > lines)
            lines = l;
    }
    LX(s->name, worksheet_set_row(s->ws, (lxw_row_t)row, 13.0 * lines + 3, NULL));
    for (int c = 0; c < 3; c++)
        LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)c, fixed[c], r->f_head));
    lxw_format *across_head = NULL;
    if (!(across_head = fmt_new(r, true)))
        return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: out of memory for formats", r->path);
    format_set_bold(across_head);
    format_set_text_wrap(across_head);
    format_set_align(across_head, LXW_ALIGN_CENTER_ACROSS);
    format_set_bg_color(across_head, 0xDDEBF7);
    for (int j = 0; j < r->nkeys; j++) {
        const ps_indicator *x = &cat->indicators[r->keys[j]];
        if ((err = put_across(r, s, row, 3 + 3 * j, 5 + 3 * j, r->en ? x->name_en : x->name_vi, across_head)))
            return err;
    }
    row++;
    {
        int n = 3 + 3 * r->nkeys;
        const char **hh = ps_xcalloc((size_t)n, sizeof *hh);
        char (*vh)[160] = ps_xcalloc((size_t)r->nkeys + 1, sizeof *vh);
        for (int j = 0; j < r->nkeys; j++) {
            const ps_indicator *x = &cat->indicators[r->keys[j]];
            snprintf(vh[j], sizeof vh[j], "%s (%s)", T(r, "Giá trị", "Value"), r->en ? x->unit_en : x->unit_vi);
            hh[3 + 3 * j] = vh[j];
            hh[4 + 3 * j] = T(r, "Tỷ trọng (%)", "Share (%)");
            hh[5 + 3 * j] = T(r, "Xếp hạng", "Rank");
        }
        err = put_header(r, s, row, 0, hh, n);
        free(hh);
        free(vh);
        if (err)
            return err;
    }
    row++;
    for (int i = 0; i <= r->nkids; i++) {
        const krow *k = &r->dist[i];
        const ps_unit *u = &cat->units[k->unit];
        bool total = i == 0;
        if (total)
            err = put_text(r, s, row, 0, NULL, r->f_text_bold);
        else
            err = put_number(r, s, row, 0, i, r->f_no, 0);
        if (err || (err = put_text(r, s, row, 1, u->code, total ? r->f_text_bold : r->f_text)))
            return err;
        char name[300];
        if (total)
            snprintf(name, sizeof name, "%s: %s", T(r, "Tổng số", "Total"), r->en ? u->name_en : u->name_vi);
        else
            snprintf(name, sizeof name, "%s", r->en ? u->name_en : u->name_vi);
        if ((err = put_text(r, s, row, 2, name, total ? r->f_text_bold : r->f_text)))
            return err;
        for (int j = 0; j < r->nkeys; j++) {
            const ps_indicator *x = &cat->indicators[r->keys[j]];
            const ps_row *w = &k->rows[j];
            if ((err = put_val(r, s, row, 3 + 3 * j, &w->value, x->decimals, total)))
                return err;
            char *cm = cell_comment(r, &w->value, 0, NULL);
            err = put_comment(r, s, row, 3 + 3 * j, cm);
            free(cm);
            if (err)
                return err;
            ps_opt share = w->share_of_parent;
            if (total) {
                share.has = w->value.has && x->kind != PS_KIND_DERIVED && x->space_agg == PS_AGG_SUM;
                share.v = 100;
            }
            if ((err = put_pct(r, s, row, 4 + 3 * j, share, total ? V_BOLD : 0)))
                return err;
            if (k->rank[j])
                err = put_number(r, s, row, 5 + 3 * j, k->rank[j], r->f_no, 0);
            else
                err = put_text(r, s, row, 5 + 3 * j, NULL, r->f_center);
            if (err)
                return err;
        }
        row++;
    }
    row++;
    const char *note = T(r, "Xếp hạng: 1 = lớn nhất, theo số hiển thị; các đơn vị bằng nhau cùng hạng. "
                            "Tỷ trọng: % so với tổng số (chỉ với chỉ tiêu cộng được).",
                         "Rank: 1 = largest, by the displayed value; equal values share a rank. "
                         "Share: % of the total (additive indicators only).");
    LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, 2, note, r->f_legend));
    if (!r->nkids) {
        row++;
        LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, 2,
                                           T(r, "Đơn vị này không có đơn vị cấp dưới trong kỳ.",
                                             "This unit has no units below it in the period."),
                                           r->f_legend));
    }
    worksheet_freeze_panes(s->ws, 5, 3);
    LX(s->name, worksheet_repeat_rows(s->ws, 3, 4));
    s->maxw[2] = 45;
    return sheet_finish(r, s);
}

/* ========================================================================
 * Sheet 3: trends
 * ======================================================================== */

static const char *part_label(ps_period p, bool en, char *buf, size_t n)
{
    switch (p.type) {
    case PS_P_MONTH:
        if (en)
            snprintf(buf, n, "%s", MON_EN[p.num - 1]);
        else
            snprintf(buf, n, "Tháng %d", p.num);
        break;
    case PS_P_QUARTER:
        if (en)
            snprintf(buf, n, "Q%d", p.num);
        else
            snprintf(buf, n, "Quý %s", ROMAN[p.num - 1]);
        break;
    case PS_P_HALF:
        if (en)
            snprintf(buf, n, "H%d", p.num);
        else
            snprintf(buf, n, "%s", p.num == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm");
        break;
    default:
        snprintf(buf, n, "%s", en ? "Year" : "Cả năm");
    }
    return buf;
}

static ps_error write_trends(rep *r, sheet *s, const sheet *dist)
{
    const ps_catalog *cat = r->cat;
    const ps_unit *un = &cat->units[r->unit];
    int y = r->p.year;
    char title[300];
    if (r->en)
        snprintf(title, sizeof title, "Key indicators: %d against %d", y, y - 1);
    else
        snprintf(title, sizeof title, "Diễn biến các chỉ tiêu chủ yếu: năm %d so với năm %d", y, y - 1);
    ps_error err;
    sheet_cols(s, 4);
    if ((err = put_across(r, s, 0, 0, 11, title, r->f_title)))
        return err;
    char sub[300];
    snprintf(sub, sizeof sub, "%s (%s %s)", r->en ? un->name_en : un->name_vi, T(r, "mã", "code"), un->code);
    if ((err = put_across(r, s, 1, 0, 11, sub, r->f_subtitle)))
        return err;
    char ythis[32], ylast[32];
    snprintf(ythis, sizeof ythis, r->en ? "%d" : "Năm %d", y);
    snprintf(ylast, sizeof ylast, r->en ? "%d" : "Năm %d", y - 1);
    const char *hh[4] = {T(r, "Kỳ", "Period"), ythis, ylast, T(r, "So với cùng kỳ (%)", "Index, last year = 100")};
    for (int c = 0; c < 4; c++)
        header_min(s, c, hh[c], 14);
    s->minw[0] = 16;
    int row = 3;
    for (int j = 0; j < r->nkeys; j++) {
        int ind = r->keys[j];
        const ps_indicator *x = &cat->indicators[ind];
        ps_period parts[12];
        int n = ps_period_parts(ps_period_make(PS_P_YEAR, y, 0), x->frequency, parts, 12);
        if (n < 1)
            n = 0;
        int b = row;
        char name[400];
        snprintf(name, sizeof name, "%s (%s)", r->en ? x->name_en : x->name_vi, r->en ? x->unit_en : x->unit_vi);
        char *owned;
        bool cut;
        const char *t = cell_text(name, &owned, &cut);
        lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)b, 0, t, r->f_legend_bold);
        free(owned);
        if (le)
            return lx_fail(r, le, s->name);
        if ((err = put_header(r, s, b + 1, 0, hh, 4)))
            return err;
        for (int k = 0; k < n; k++) {
            int rr = b + 2 + k;
            char lab[64];
            if ((err = put_text(r, s, rr, 0, part_label(parts[k], r->en, lab, sizeof lab), r->f_text)))
                return err;
            ps_row w;
            memset(&w, 0, sizeof w);
            bool in_report = ps_period_contains(r->ytd, parts[k]) || ps_period_eq(r->ytd, parts[k]);
            if (in_report && (err = ps_compare_row(r->e, r->unit, ind, parts[k], &w, r->ctx)))
                return err;
            ps_val last;
            ps_period lp = ps_period_prev_year(parts[k]);
            if (lp.type == PS_P_NONE)
                last = (ps_val){0};
            else if ((err = ps_engine_comparable(r->e, r->unit, ind, lp, parts[k], &last, r->ctx)))
                return err;
            if ((err = put_val(r, s, rr, 1, &w.value, x->decimals, false)) ||
                (err = put_val(r, s, rr, 2, &last, x->decimals, false)) ||
                (err = put_pct(r, s, rr, 3, w.index_prev_year, 0)))
                return err;
            char *cm = cell_comment(r, &w.value, 0, NULL);
            err = put_comment(r, s, rr, 1, cm);
            free(cm);
            if (err)
                return err;
        }
        /* the line chart: this year against last year */
        if (n > 0) {
            lxw_chart *ch = workbook_add_chart(r->wb, LXW_CHART_LINE);
            if (!ch)
                return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: cannot add a chart", r->path);
            char cats[200], v1[200], v2[200];
            range_ref(s->name, b + 2, 0, b + 1 + n, 0, cats, sizeof cats);
            range_ref(s->name, b + 2, 1, b + 1 + n, 1, v1, sizeof v1);
            range_ref(s->name, b + 2, 2, b + 1 + n, 2, v2, sizeof v2);
            lxw_chart_series *s1 = chart_add_series(ch, cats, v1);
            lxw_chart_series *s2 = chart_add_series(ch, cats, v2);
            if (!s1 || !s2)
                return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: cannot add a chart series", r->path);
            chart_series_set_name_range(s1, s->name, (lxw_row_t)(b + 1), 1);
            chart_series_set_name_range(s2, s->name, (lxw_row_t)(b + 1), 2);
            lxw_chart_line ln = {0};
            ln.width = 2.25;
            chart_series_set_line(s1, &ln);
            lxw_chart_line ln2 = {0};
            ln2.width = 1.5;
            ln2.dash_type = LXW_CHART_LINE_DASH_DASH;
            chart_series_set_line(s2, &ln2);
            chart_title_set_name_range(ch, s->name, (lxw_row_t)b, 0);
            chart_title_set_name_font(ch, &(lxw_chart_font){.size = 10, .bold = LXW_EXPLICIT_FALSE});
            chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
            lxw_chart_options co = {0};
            co.x_offset = 10;
            co.y_offset = 4;
            co.x_scale = 1.25;
            co.y_scale = 1.0;
            LX(s->name, worksheet_insert_chart_opt(s->ws, (lxw_row_t)b, 5, ch, &co));
        }
        row = b + (n + 3 > 17 ? n + 3 : 17);
    }
    if (!r->nkeys) {
        LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, 0,
                                           T(r, "Danh mục chưa có chỉ tiêu chủ yếu (key = 1).",
                                             "The catalog has no key indicators (key = 1)."),
                                           r->f_legend));
        row += 2;
    }
    /* the column chart of the units below, from the by-district sheet */
    if (r->chart_key >= 0 && r->nkids > 0) {
        const ps_indicator *x = &cat->indicators[r->keys[r->chart_key]];
        char pyname[64], ctitle[400];
        period_name(r->p, r->en, true, pyname, sizeof pyname);
        snprintf(ctitle, sizeof ctitle, "%s (%s) %s %s, %s", r->en ? x->name_en : x->name_vi,
                 r->en ? x->unit_en : x->unit_vi, T(r, "theo", "by"), level_word(r->kid_level, r->en), pyname);
        char *owned;
        bool cut;
        const char *t = cell_text(ctitle, &owned, &cut);
        lxw_error le = worksheet_write_string(s->ws, (lxw_row_t)row, 0, t, r->f_legend_bold);
        free(owned);
        if (le)
            return lx_fail(r, le, s->name);
        lxw_chart *ch = workbook_add_chart(r->wb, LXW_CHART_COLUMN);
        if (!ch)
            return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: cannot add a chart", r->path);
        /* by-district rows: 5 is the total, 6.. the units below */
        char cats[200], vals[200];
        int col = 3 + 3 * r->chart_key;
        range_ref(dist->name, 6, 2, 5 + r->nkids, 2, cats, sizeof cats);
        range_ref(dist->name, 6, col, 5 + r->nkids, col, vals, sizeof vals);
        lxw_chart_series *se = chart_add_series(ch, cats, vals);
        if (!se)
            return ps_failf(r->ctx, PS_ERR_INTERNAL, "cannot write %s: cannot add a chart series", r->path);
        chart_series_set_name_range(se, s->name, (lxw_row_t)row, 0);
        chart_title_set_name_range(ch, s->name, (lxw_row_t)row, 0);
        chart_title_set_name_font(ch, &(lxw_chart_font){.size = 10, .bold = LXW_EXPLICIT_FALSE});
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        lxw_chart_options co = {0};
        co.x_offset = 10;
        co.y_offset = 4;
        co.x_scale = 2.0;
        co.y_scale = 1.3;
        LX(s->name, worksheet_insert_chart_opt(s->ws, (lxw_row_t)(row + 1), 0, ch, &co));
    }
    worksheet_freeze_panes(s->ws, 3, 0);
    s->maxw[0] = 24;
    return sheet_finish(r, s);
}

/* ========================================================================
 * Sheet 4: reporting
 * ======================================================================== */

static ps_error write_reporting(rep *r, sheet *s)
{
    const ps_catalog *cat = r->cat;
    char title[300], pyname[64];
    period_name(r->p, r->en, true, pyname, sizeof pyname);
    snprintf(title, sizeof title, "%s %s", T(r, "Tình hình gửi báo cáo", "Reporting for"), pyname);
    ps_error err;
    enum { NC = 8 };
    if ((err = put_across(r, s, 0, 0, NC - 1, title, r->f_title)))
        return err;
    const char *hh[NC] = {T(r, "Mã", "Reporter"),
                          T(r, "Đơn vị báo cáo", "Name"),
                          T(r, "Số liệu phải báo cáo", "Expected values"),
                          T(r, "Đã nhận", "Received"),
                          T(r, "Còn thiếu", "Missing"),
                          T(r, "Đúng hạn", "On time"),
                          T(r, "Muộn", "Late"),
                          T(r, "Tỷ lệ đã nhận (%)", "Rate (%)")};
    sheet_cols(s, NC);
    for (int c = 2; c < NC; c++)
        header_min(s, c, hh[c], 12);
    s->maxw[1] = 50;
    int row = 2;
    if ((err = put_header(r, s, row, 0, hh, NC)))
        return err;
    int first = ++row;
    for (size_t i = 0; i <= cat->nreporters; i++) {
        const ps_status_row *st = &r->status[i];
        bool total = st->reporter < 0;
        const ps_reporter *rp = total ? NULL : &cat->reporters[st->reporter];
        lxw_format *tf = total ? r->f_text_bold : r->f_text;
        lxw_format *nf = total ? r->f_int_bold : r->f_int;
        char tname[200];
        snprintf(tname, sizeof tname, "%s", total ? T(r, "Tổng số", "Total") : (r->en ? rp->name_en : rp->name_vi));
        if ((err = put_text(r, s, row, 0, total ? "*" : rp->code, tf)) ||
            (err = put_text(r, s, row, 1, tname, tf)))
            return err;
        long v[5] = {st->expected, st->received, st->missing, st->on_time, st->late};
        for (int c = 0; c < 5; c++)
            if ((err = put_number(r, s, row, 2 + c, (double)v[c], nf, 0)))
                return err;
        ps_opt rate = {!isnan(st->rate), isnan(st->rate) ? 0 : st->rate};
        if ((err = put_pct(r, s, row, 7, rate, total ? V_BOLD : 0)))
            return err;
        row++;
    }
    int last = row - 1;
    lxw_conditional_format cf = {0};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
    cf.value = 0;
    cf.format = r->dxf_bad;
    LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, 4, (lxw_row_t)last, 4, &cf));
    cf.format = r->dxf_warn;
    LX(s->name, worksheet_conditional_format_range(s->ws, (lxw_row_t)first, 6, (lxw_row_t)last, 6, &cf));
    row++;
    const char *legend = T(r, "Số liệu phải báo cáo: số đơn vị × số chỉ tiêu đến hạn trong kỳ; đúng hạn: nhận trước "
                              "ngày hạn của tháng sau; nền đỏ: còn thiếu; nền vàng: có số gửi muộn.",
                           "Expected: units × indicators due in the period; on time: received by the deadline day "
                           "of the following month; red: values missing; yellow: values sent late.");
    LX(s->name, worksheet_write_string(s->ws, (lxw_row_t)row, 1, legend, r->f_legend));
    worksheet_freeze_panes(s->ws, (lxw_row_t)first, 2);
    LX(s->name, worksheet_repeat_rows(s->ws, 2, 2));
    return sheet_finish(r, s);
}

/* ========================================================================
 * Sheet 5: data, in long form, as Excel tables
 * ======================================================================== */

static const char *const DATA_COLS[] = {"unit",   "unit_name", "indicator", "indicator_name",
                                        "unit_measure", "period", "measure", "value",
                                        "status", "coverage",  "flags",     "note"};
enum { D_NCOLS = 12 };

static ps_error write_data(rep *r, sheet *s, size_t from, size_t to, int n)
{
    const ps_catalog *cat = r->cat;
    sheet_cols(s, D_NCOLS);
    for (int c = 0; c < D_NCOLS; c++) {
        LX(s->name, worksheet_write_string(s->ws, 0, (lxw_col_t)c, DATA_COLS[c], r->f_text_bold));
        need(s, c, (double)strlen(DATA_COLS[c]) + 3); /* the filter button */
    }
    s->maxw[1] = 40;
    s->maxw[3] = 60;
    s->maxw[11] = 60;
    int row = 1;
    char pb[PS_PERIOD_BUFSZ] = "";
    int pk = 0; /* the period in pb: rows come a few periods over and over */
    for (size_t i = from; i < to; i++, row++) {
        const drow *d = &r->data[i];
        const ps_unit *u = &cat->units[d->unit];
        const ps_indicator *x = &cat->indicators[d->ind];
        char flags[256], st[2] = {d->v.status, 0};
        if (ps_period_key(d->p) != pk) {
            pk = ps_period_key(d->p);
            ps_period_format(d->p, pb);
        }
        ps_val_flags_text(&d->v, flags, sizeof flags);
        ps_error err;
        if ((err = put_text(r, s, row, 0, u->code, NULL)) ||
            (err = put_text(r, s, row, 1, r->en ? u->name_en : u->name_vi, NULL)) ||
            (err = put_text(r, s, row, 2, x->code, NULL)) ||
            (err = put_text(r, s, row, 3, r->en ? x->name_en : x->name_vi, NULL)) ||
            (err = put_text(r, s, row, 4, r->en ? x->unit_en : x->unit_vi, NULL)) ||
            (err = put_text(r, s, row, 5, pb, NULL)) ||
            (err = put_text(r, s, row, 6, d->measure == PS_MEASURE_PLAN ? "plan" : "actual", NULL)))
            return err;
        LX(s->name, worksheet_write_number(s->ws, (lxw_row_t)row, 7, d->v.v, NULL));
        char nb[PS_NUMBER_BUFSZ];
        if (s->width[7] < 14) /* a General cell shows no more */
            need(s, 7, (double)strlen(ps_number_format(d->v.v, nb)) > 14 ? 14 : (double)strlen(nb));
        if ((err = put_text(r, s, row, 8, st, NULL)))
            return err;
        LX(s->name, worksheet_write_number(s->ws, (lxw_row_t)row, 9, d->v.coverage, NULL));
        need(s, 9, d->v.coverage < 1 ? 11 : 1);
        if ((err = put_text(r, s, row, 10, flags, NULL)) || (err = put_text(r, s, row, 11, d->note, NULL)))
            return err;
    }
    int last = row - 1;
    if (r->cm) {
        LX(s->name, worksheet_autofilter(s->ws, 0, 0, (lxw_row_t)(last > 0 ? last : 1), D_NCOLS - 1));
    } else {
        lxw_table_column cols[D_NCOLS];
        lxw_table_column *pcols[D_NCOLS + 1];
        memset(cols, 0, sizeof cols);
        for (int c = 0; c < D_NCOLS; c++) {
            cols[c].header = (char *)DATA_COLS[c];
            cols[c].header_format = r->f_text_bold;
            pcols[c] = &cols[c];
        }
        pcols[D_NCOLS] = NULL;
        char tname[32];
        snprintf(tname, sizeof tname, n > 1 ? "Data_%d" : "Data", n);
        lxw_table_options topt = {0};
        topt.name = tname;
        topt.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
        topt.style_type_number = 9;
        topt.columns = pcols;
        /* a table needs one data row, even an empty one */
        LX(s->name, worksheet_add_table(s->ws, 0, 0, (lxw_row_t)(last > 0 ? last : 1), D_NCOLS - 1, &topt));
    }
    worksheet_freeze_panes(s->ws, 1, 0);
    LX(s->name, worksheet_repeat_rows(s->ws, 0, 0));
    return sheet_finish(r, s);
}

/* ========================================================================
 * Sheet 6: notes
 * ======================================================================== */

typedef struct nwriter {
    rep *r;
    sheet *s;
    int row;
} nwriter;

static ps_error note_section(nwriter *w, const char *title)
{
    if (w->row > 2)
        w->row++;
    rep *r = w->r;
    LX(w->s->name, worksheet_write_string(w->s->ws, (lxw_row_t)w->row, 0, title, r->f_section));
    w->row++;
    return PS_OK;
}

/* One row of up to four texts (NULL: empty). */
static ps_error note_row(nwriter *w, const char *a, const char *b, const char *c, const char *d)
{
    rep *r = w->r;
    const char *t[4] = {a, b, c, d};
    int lines = 1;
    for (int i = 0; i < 4; i++) {
        if (!t[i])
            continue;
        int l = wrap_lines(t[i], w->s->maxw[i]);
        if (l > lines)
            lines = l;
    }
    if (lines > 1)
        LX(w->s->name, worksheet_set_row(w->s->ws, (lxw_row_t)w->row, 13.0 * lines + 2, NULL));
    for (int i = 0; i < 4; i++) {
        if (!t[i])
            continue;
        ps_error err = put_text(w->r, w->s, w->row, i, t[i], i == 0 ? w->r->f_text_bold : w->r->f_plain);
        if (err)
            return err;
    }
    w->row++;
    return PS_OK;
}

static ps_error write_notes(rep *r, sheet *s)
{
    const ps_catalog *cat = r->cat;
    sheet_cols(s, 4);
    s->minw[0] = 14;
    s->maxw[0] = 30;
    s->maxw[1] = 45;
    s->maxw[2] = 70;
    s->maxw[3] = 30;
    ps_error err;
    if ((err = put_across(r, s, 0, 0, 3, T(r, "Ghi chú, định nghĩa và nguồn số liệu", "Notes, definitions and sources"),
                          r->f_title)))
        return err;
    nwriter w = {r, s, 2};
    bool en = r->en;
    /* 1. the columns of the summary */
    if ((err = note_section(&w, T(r, "1. Các cột của trang Tổng hợp", "1. Columns of the Summary sheet"))))
        return err;
    static const char *const cols_vi[][2] = {
        {"Kế hoạch năm", "Kế hoạch (dự toán) năm của đơn vị: số được giao nếu có; nếu không, tổng hợp kế hoạch của các đơn vị cấp dưới; với chỉ tiêu tính toán, công thức áp dụng lên kế hoạch của các thành phần."},
        {"Thực hiện kỳ trước", "Giá trị kỳ trước (cùng loại kỳ) theo số liệu mới nhất, đã điều chỉnh."},
        {"Ước tính / Thực hiện kỳ báo cáo", "Giá trị của kỳ báo cáo; \"Ước tính\" khi có số ước tính (E)."},
        {"Cộng dồn", "Giá trị từ tháng 1 đến hết kỳ báo cáo: cộng các kỳ (chỉ tiêu cộng dồn), số cuối kỳ (chỉ tiêu thời điểm) hoặc bình quân."},
        {"So với cùng kỳ (%)", "Giá trị kỳ này / giá trị cùng kỳ năm trước × 100 (cùng kỳ = 100). Không tính cho chỉ số và tỷ lệ (%)."},
        {"So với kế hoạch năm (%)", "Cộng dồn / kế hoạch năm × 100."},
        {"Tiến độ thời gian (%)", "Số tháng đã qua / 12 × 100, với chỉ tiêu cộng dồn theo thời gian; dùng để so với mức thực hiện kế hoạch."},
        {"Tỷ trọng (%)", "Giá trị của đơn vị / giá trị của đơn vị cấp trên × 100, chỉ với chỉ tiêu cộng được."},
        {"Xếp hạng", "Thứ hạng theo giá trị hiển thị, 1 = lớn nhất; bằng nhau cùng hạng."},
        {"Ghi chú", "Các ký hiệu chất lượng số liệu của dòng (xem mục 3)."}};
    static const char *const cols_en[][2] = {
        {"Plan for the year", "The unit's annual plan (estimate): the submitted one, else the sum of the plans of the units below; for a derived indicator, its formula on its components' plans."},
        {"Previous period (revised)", "The value of the previous period of the same type, as last revised."},
        {"The period", "The value of the report's period; \"estimate\" when it holds estimated (E) figures."},
        {"Year-to-date", "January to the end of the period: the sum (flows), the last value (stocks) or the mean."},
        {"vs same period last year (%)", "Value / value of the same period of last year × 100 (last year = 100). Not for rates and percentages."},
        {"vs plan for the year (%)", "Year-to-date / plan for the year × 100."},
        {"Time elapsed (%)", "Months passed / 12 × 100, for indicators that add up over time: compare with the attainment of the plan."},
        {"Share (%)", "Value of the unit / value of the unit above × 100, additive indicators only."},
        {"Rank", "Rank by the displayed value, 1 = largest; equal values share a rank."},
        {"Notes", "The row's data-quality marks (see section 3)."}};
    for (size_t i = 0; i < sizeof cols_vi / sizeof *cols_vi; i++)
        if ((err = note_row(&w, en ? cols_en[i][0] : cols_vi[i][0], en ? cols_en[i][1] : cols_vi[i][1], NULL, NULL)))
            return err;
    /* 2. derived indicators */
    if ((err = note_section(&w, T(r, "2. Chỉ tiêu tính toán theo công thức", "2. Derived indicators and their formulas"))))
        return err;
    if ((err = note_row(&w, T(r, "Mã", "Code"), T(r, "Chỉ tiêu", "Indicator"), T(r, "Công thức", "Formula"),
                        T(r, "Đơn vị tính", "Unit"))))
        return err;
    int nder = 0;
    for (size_t k = 0; k < cat->nindicators; k++) {
        const ps_indicator *x = &cat->indicators[cat->report_order[k]];
        if (x->kind != PS_KIND_DERIVED)
            continue;
        nder++;
        if ((err = note_row(&w, x->code, en ? x->name_en : x->name_vi, x->formula_text, en ? x->unit_en : x->unit_vi)))
            return err;
    }
    if (!nder && (err = note_row(&w, "", T(r, "(không có)", "(none)"), NULL, NULL)))
        return err;
    if ((err = note_row(&w, "", T(r, "prev_year(X): cùng kỳ năm trước; prev(X): kỳ trước; ytd(X): cộng dồn; plan(X): kế hoạch năm; parent(X): đơn vị cấp trên; per_capita(X): X / dân số (POP). Thiếu một thành phần hoặc chia cho 0: không có giá trị.",
                                  "prev_year(X): same period last year; prev(X): previous period; ytd(X): year-to-date; plan(X): plan for the year; parent(X): the unit above; per_capita(X): X / population (POP). A missing operand or a division by zero gives no value."),
                        NULL, NULL)))
        return err;
    /* 3. marks */
    if ((err = note_section(&w, T(r, "3. Ký hiệu chất lượng số liệu", "3. Data-quality marks"))))
        return err;
    struct { const char *mark, *flag; int m; } marks[] = {
        {"", "estimate", M_EST}, {"", "provisional", M_PROV}, {"", "incomplete", M_INC},
        {"", "carried", M_CARRIED}, {"", "comparable-basis", M_COMP}, {"", "revised-after-close", M_RAC},
        {"", "incomplete-source", M_INCSRC}};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        char m[128];
        snprintf(m, sizeof m, "%s (%s)", mark_word(r, marks[i].m), marks[i].flag);
        if ((err = note_row(&w, m, mark_long(r, marks[i].m), NULL, NULL)))
            return err;
    }
    if ((err = note_row(&w, "- (none-occurred)", T(r, "Không phát sinh: số 0 được báo cáo bằng dấu \"-\".",
                                                  "Nothing occurred: reported as \"-\", stored as 0."),
                        NULL, NULL)) ||
        (err = note_row(&w, T(r, "ô trống", "empty cell"),
                        T(r, "Không có số liệu, hoặc có phát sinh nhưng không thu thập được (\"..\", \"x\"); không bao giờ là 0.",
                          "No value, or not collected (\"..\", \"x\"); never 0."),
                        NULL, NULL)) ||
        (err = note_row(&w, "derived", T(r, "Giá trị tính theo công thức (trang Dữ liệu).", "Computed by a formula (Data sheet)."),
                        NULL, NULL)) ||
        (err = note_row(&w, T(r, "chữ nghiêng", "italics"),
                        T(r, "Số ước tính, sơ bộ hoặc chưa đủ số liệu; ô có chú thích giải thích.",
                          "Estimated, provisional or incomplete values; the cell's comment says which."),
                        NULL, NULL)))
        return err;
    /* 4. sources */
    if ((err = note_section(&w, T(r, "4. Nguồn số liệu (đơn vị báo cáo)", "4. Sources (reporters)"))))
        return err;
    if ((err = note_row(&w, T(r, "Mã", "Code"), T(r, "Đơn vị báo cáo", "Reporter"), T(r, "Chỉ tiêu", "Indicators"),
                        T(r, "Phạm vi", "Scope"))))
        return err;
    for (size_t i = 0; i < cat->nreporters; i++) {
        const ps_reporter *rp = &cat->reporters[i];
        const ps_unit *su = rp->scope >= 0 ? &cat->units[rp->scope] : NULL;
        char scope[300];
        snprintf(scope, sizeof scope, "%s%s%s%s", su ? su->code : "", su ? " " : "",
                 su ? (en ? su->name_en : su->name_vi) : "",
                 rp->report_level != PS_LEVEL_NONE ? (en ? " (each unit of its level)" : " (từng đơn vị cấp dưới)") : "");
        const char *inds = rp->all_indicators ? T(r, "* (mọi chỉ tiêu không tính toán)", "* (every non-derived indicator)")
                                              : rp->indicators_text;
        if ((err = note_row(&w, rp->code, en ? rp->name_en : rp->name_vi, inds, scope)))
            return err;
    }
    /* 5. this file */
    if ((err = note_section(&w, T(r, "5. Tệp này", "5. This file"))))
        return err;
    char date[64], pb[PS_PERIOD_BUFSZ], who[300];
    struct tm tm;
    time_t t = r->created;
    if (gmtime_r(&t, &tm))
        strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", &tm);
    else
        snprintf(date, sizeof date, "%lld", (long long)t);
    const ps_unit *un = &cat->units[r->unit];
    snprintf(who, sizeof who, "%s %s", un->code, en ? un->name_en : un->name_vi);
    if ((err = note_row(&w, T(r, "Đơn vị", "Unit"), who, NULL, NULL)) ||
        (err = note_row(&w, T(r, "Kỳ", "Period"), ps_period_format(r->p, pb), NULL, NULL)) ||
        (err = note_row(&w, T(r, "Lập lúc", "Created"), date, NULL, NULL)) ||
        (err = note_row(&w, T(r, "Chương trình", "Program"), "provstat " PS_VERSION, NULL, NULL)))
        return err;
    return sheet_finish(r, s);
}

/* ========================================================================
 * The file: a temporary name in the target's folder, renamed when complete
 * ======================================================================== */

static ps_error temp_create(const char *path, char **out, ps_ctx *ctx)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    if (!*base)
        return ps_failf(ctx, PS_ERR_USAGE, "cannot write %s: the path names a folder, not a file", path);
    static unsigned counter;
    for (int attempt = 0; attempt < 100; attempt++) {
        ps_strbuf sb = PS_STRBUF_INIT;
        ps_sb_append(&sb, path, dirlen);
        ps_sb_printf(&sb, ".%s.%ld.%u.tmp", base, (long)getpid(), counter++);
        char *tmp = ps_sb_steal(&sb);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            close(fd);
            *out = tmp;
            return PS_OK;
        }
        int e = errno;
        free(tmp);
        if (e != EEXIST) {
            if (dirlen) {
                char *dir = ps_xstrndup(path, dirlen > 1 ? dirlen - 1 : dirlen);
                ps_error err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot create a file in %s: %s", path,
                                        dir, strerror(e));
                free(dir);
                return err;
            }
            return ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot create a file in the current folder: %s",
                            path, strerror(e));
        }
    }
    return ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot find a free temporary name", path);
}

static ps_error sync_file(const char *tmp, const char *path, ps_ctx *ctx)
{
    int fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    if (rc != 0 && e != EINVAL && e != EROFS)
        return ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, strerror(e));
    return PS_OK;
}

/* ========================================================================
 * The report
 * ======================================================================== */

static void rep_free(rep *r)
{
    for (int i = 0; i < r->nsum; i++) {
        free(r->sum[i].marks);
        free(r->sum[i].plan_note);
    }
    free(r->sum);
    if (r->dist)
        for (int i = 0; i <= r->nkids; i++) {
            free(r->dist[i].rows);
            free(r->dist[i].rank);
        }
    free(r->dist);
    for (size_t i = 0; i < r->ndata; i++)
        free(r->data[i].note);
    free(r->data);
    free(r->kids);
    free(r->keys);
    free(r->status);
    ps_obs_writer_free(r->ow);
}

static ps_error gather(rep *r)
{
    const ps_catalog *cat = r->cat;
    const ps_unit *un = &cat->units[r->unit];
    r->kids = ps_xmalloc(((size_t)un->nchildren + 1) * sizeof *r->kids);
    for (int c = 0; c < un->nchildren; c++)
        if (ps_unit_valid_in(&cat->units[un->children[c]], r->p))
            r->kids[r->nkids++] = un->children[c];
    r->kid_level = r->nkids ? cat->units[r->kids[0]].level
                            : (un->level < PS_LEVEL_COMMUNE ? (ps_level)(un->level + 1) : PS_LEVEL_NONE);
    r->keys = ps_xmalloc((cat->nindicators + 1) * sizeof *r->keys);
    for (size_t k = 0; k < cat->nindicators; k++)
        if (cat->indicators[cat->report_order[k]].key)
            r->keys[r->nkeys++] = cat->report_order[k];
    ps_error err;
    if ((err = ps_obs_writer_new(r->db, &r->ow, r->ctx)) || (err = gather_summary(r)) ||
        (err = gather_districts(r)) || (err = ps_status_compute_kept(r->e, r->p, &r->status, r->ctx)) ||
        (err = gather_data(r)))
        return err;
    return PS_OK;
}

static ps_error write_book(rep *r)
{
    ps_error err;
    if ((err = make_formats(r)))
        return err;
    char title[200], subject[300];
    ps_xlsx_title(r->p, r->en ? "en" : "vi", title, sizeof title);
    const ps_unit *un = &r->cat->units[r->unit];
    snprintf(subject, sizeof subject, "%s", r->en ? un->name_en : un->name_vi);
    lxw_doc_properties props = {0};
    props.title = title;
    props.subject = subject;
    props.author = "provstat";
    props.company = subject;
    props.comments = r->en ? "Written by provstat " PS_VERSION " from the database's values"
                           : "Lập bằng provstat " PS_VERSION " từ số liệu trong cơ sở dữ liệu";
    props.keywords = "provstat";
    props.created = r->created;
    LX("(properties)", workbook_set_properties(r->wb, &props));

    sheet sum, dist, trends, repo, notes;
    sheet *data = NULL;
    memset(&sum, 0, sizeof sum);
    memset(&dist, 0, sizeof dist);
    memset(&trends, 0, sizeof trends);
    memset(&repo, 0, sizeof repo);
    memset(&notes, 0, sizeof notes);
    int ndata_sheets = (int)((r->ndata + (size_t)r->rows_per_sheet - 1) / (size_t)r->rows_per_sheet);
    if (ndata_sheets < 1)
        ndata_sheets = 1;
    if (ndata_sheets > 40) {
        err = ps_failf(r->ctx, PS_ERR_LIMIT, "cannot write %s: %zu data rows would need %d Data sheets", r->path,
                       r->ndata, ndata_sheets);
        goto out;
    }
    data = ps_xcalloc((size_t)ndata_sheets, sizeof *data);
    char byname[64];
    snprintf(byname, sizeof byname, "%s %s", T(r, "Theo", "By"), level_word(r->kid_level, r->en));
    if ((err = add_sheet(r, &sum, T(r, "Tổng hợp", "Summary"))) || (err = add_sheet(r, &dist, byname)) ||
        (err = add_sheet(r, &trends, T(r, "Xu hướng", "Trends"))) ||
        (err = add_sheet(r, &repo, T(r, "Tình hình báo cáo", "Reporting"))))
        goto out;
    for (int i = 0; i < ndata_sheets; i++) {
        char dn[32];
        if (i)
            snprintf(dn, sizeof dn, "%s %d", T(r, "Dữ liệu", "Data"), i + 1);
        else
            snprintf(dn, sizeof dn, "%s", T(r, "Dữ liệu", "Data"));
        if ((err = add_sheet(r, &data[i], dn)))
            goto out;
    }
    if ((err = add_sheet(r, &notes, T(r, "Ghi chú", "Notes"))))
        goto out;
    if ((err = write_summary(r, &sum)) || (err = write_districts(r, &dist)) ||
        (err = write_trends(r, &trends, &dist)) || (err = write_reporting(r, &repo)))
        goto out;
    for (int i = 0; i < ndata_sheets; i++) {
        size_t from = (size_t)i * (size_t)r->rows_per_sheet;
        size_t to = from + (size_t)r->rows_per_sheet;
        if (to > r->ndata)
            to = r->ndata;
        if ((err = write_data(r, &data[i], from, to, i + 1)))
            goto out;
    }
    err = write_notes(r, &notes);
    r->res.data_sheets = ndata_sheets;
    r->res.data_rows = (long)r->ndata;
out:
    sheet_free(&sum);
    sheet_free(&dist);
    sheet_free(&trends);
    sheet_free(&repo);
    sheet_free(&notes);
    if (data)
        for (int i = 0; i < ndata_sheets; i++)
            sheet_free(&data[i]);
    free(data);
    return err;
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
        return ps_failf(ctx, PS_ERR_USAGE, "language %s: use vi or en", lang);
    if (!ps_period_valid(p))
        return ps_failf(ctx, PS_ERR_USAGE, "the report needs a valid period");
    if (unit < 0 || (size_t)unit >= cat->nunits)
        return ps_failf(ctx, PS_ERR_USAGE, "the report needs a unit of the catalog");
    if (!path || !*path)
        return ps_failf(ctx, PS_ERR_USAGE, "the report needs a file name");
    rep r;
    memset(&r, 0, sizeof r);
    r.e = e;
    r.db = db;
    r.cat = cat;
    r.unit = unit;
    r.p = p;
    r.ytd = ps_period_ytd_of(p);
    r.en = strcmp(lang, "en") == 0;
    r.path = path;
    r.ctx = ctx;
    r.created = opts->created ? opts->created : time(NULL);
    r.rows_per_sheet = opts->data_rows_per_sheet > 0 && opts->data_rows_per_sheet < LXW_ROW_MAX - 1
                           ? opts->data_rows_per_sheet
                           : LXW_ROW_MAX - 1;
    ps_error err = gather(&r);
    if (err) {
        rep_free(&r);
        return err;
    }
    long cm_rows = opts->constant_memory_rows ? opts->constant_memory_rows : 200000;
    r.cm = cm_rows < 0 || (long)r.ndata >= cm_rows;
    r.res.constant_memory = r.cm;

    char *tmp = NULL;
    if ((err = temp_create(path, &tmp, ctx))) {
        rep_free(&r);
        return err;
    }
    lxw_workbook_options wo = {0};
    wo.constant_memory = r.cm ? LXW_TRUE : LXW_FALSE;
    wo.use_zip64 = r.ndata > 2000000 ? LXW_TRUE : LXW_FALSE;
    r.wb = workbook_new_opt(tmp, &wo);
    if (!r.wb) {
        err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: cannot start the workbook", path);
    } else if ((err = write_book(&r))) {
        lxw_workbook_free(r.wb);
    } else {
        lxw_error le = workbook_close(r.wb);
        if (le != LXW_NO_ERROR)
            err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, lxw_strerror(le));
        else if (!(err = sync_file(tmp, path, ctx)) && rename(tmp, path) != 0)
            err = ps_failf(ctx, PS_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    }
    if (err)
        unlink(tmp);
    free(tmp);
    if (!err && res)
        *res = r.res;
    rep_free(&r);
    return err;
}
