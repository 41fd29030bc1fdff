/* xlsx.c - the data sheet of an .xlsx submission, streamed row by row. */
#include "core/xlsx.h"

#include "core/alloc.h"
#include "core/filetype.h"
#include "core/number.h"
#include "core/xlsx_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROW_BYTES (16u << 20)   /* the text of one row */
#define MAX_ENTRIES 65536           /* zip entries: Excel writes tens */

typedef enum cell_type { T_NUM, T_SHARED, T_STR, T_INLINE, T_BOOL, T_ERR, T_ISODATE } cell_type;

struct ps_xlsx {
    char *label;
    ps_xlsx_opts o;
    zip_t *za;
    xl_book b;
    xl_part pt;
    /* where the parse is */
    bool in_data, in_cell, in_value, in_is;
    unsigned phonetic;
    long row, last_row;
    int col, last_col;
    cell_type type;
    long style;
    ps_strbuf raw;             /* the current cell's value, as written */
    /* the current row */
    ps_strbuf arena;           /* its fields, each NUL-terminated */
    size_t *offs;
    ps_xlsx_kind *kinds;
    size_t nf, cap;
    char **fields;
    ps_xlsx_cell *cells;
    size_t cap_out, width;
    bool row_ready, done;
    ps_error err;
    char msg[1024];            /* why reading stopped */
    ps_xlsx_row out;
};

/* Writes the letters of column col (1-based: A, Z, AA, XFD) into buf
 * (4 bytes; not NUL-terminated); returns their count. */
static size_t column_letters(int col, char *buf)
{
    size_t n = col <= 26 ? 1 : col <= 702 ? 2 : 3;
    for (size_t k = n; k > 0; col = (col - 1) / 26)
        buf[--k] = (char)('A' + (col - 1) % 26);
    return n;
}

/* Writes row (1-based) in decimal into buf (12 bytes), NUL-terminated,
 * without printf (this runs for every row); returns its length. */
static size_t row_digits(long row, char *buf)
{
    char tmp[12];
    size_t n = 0, o = 0;
    do {
        tmp[n++] = (char)('0' + row % 10);
        row /= 10;
    } while (row > 0 && n < 11);
    while (n > 0)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
    return o;
}

char *ps_xlsx_cell_ref(int col, long row, char *buf)
{
    size_t n = column_letters(col, buf);
    row_digits(row, buf + n);
    return buf;
}

/* ------------------------------------------------------------------------
 * Values
 * ------------------------------------------------------------------------ */

/* Digits of a number's text before its exponent, leading zeros left out. */
static int significant_digits(const char *s)
{
    int n = 0;
    for (; *s && *s != 'e' && *s != 'E'; s++)
        if (*s >= '0' && *s <= '9' && (n > 0 || *s != '0'))
            n++;
    return n;
}

/* The number Excel shows: the value taken to 15 significant digits (a
 * text of at most 15 digits already is). */
static bool excel_number(const char *text, double *v)
{
    char buf[40];
    if (!ps_number_strtod(text, v))
        return false;
    if (significant_digits(text) <= 15)
        return true;
    snprintf(buf, sizeof buf, "%.15g", *v);
    return ps_number_strtod(buf, v);
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A date serial as YYYY-MM-DD (the time of day dropped); false outside
 * Excel's dates (1900-01-01 or 1904-01-01 to 9999-12-31). Excel's 1900
 * system counts a 29 February 1900 that never was (serial 60). */
static bool serial_date(double v, bool date1904, char *buf, size_t size)
{
    if (!(v >= (date1904 ? 0 : 1) && v < (date1904 ? 2957004 : 2958466)))
        return false;
    long serial = (long)floor(v);
    if (!date1904 && serial == 60) {
        snprintf(buf, size, "1900-02-29");
        return true;
    }
    long days = date1904 ? serial - 24107 : serial - (serial < 60 ? 25568 : 25569);
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    return true;
}

static bool iso_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    for (size_t i = 0; i < sizeof shape - 1; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
            return false;
    return s[10] == '\0' || s[10] == 'T';
}

/* ------------------------------------------------------------------------
 * The row being built
 * ------------------------------------------------------------------------ */

static void grow(ps_xlsx *r, size_t need)
{
    if (need <= r->cap)
        return;
    size_t cap = r->cap ? r->cap : 16;
    while (cap < need)
        cap *= 2;
    r->offs = ps_xrealloc(r->offs, cap * sizeof *r->offs);
    r->kinds = ps_xrealloc(r->kinds, cap * sizeof *r->kinds);
    r->cap = cap;
}

static void add_field(ps_xlsx *r, ps_xlsx_kind kind)
{
    grow(r, r->nf + 1);
    r->offs[r->nf] = r->arena.len;
    r->kinds[r->nf++] = kind;
}

/* Makes the fields up to column col - 1 empty ones. */
static void pad_to(ps_xlsx *r, size_t ncols)
{
    while (r->nf < ncols) {
        add_field(r, PS_XLSX_EMPTY);
        ps_sb_append(&r->arena, "", 1);
    }
}

/* Where the parse is, for messages: "(Dữ liệu!C12)". */
static const char *here(ps_xlsx *r, char *buf, size_t size)
{
    char ref[12];
    if (r->in_cell)
        ps_xlsx_cell_ref(r->col, r->row, ref);
    else
        snprintf(ref, sizeof ref, "%ld:%ld", r->row, r->row);
    snprintf(buf, size, "(%s!%s)", r->b.sheet_name, ref);
    return buf;
}

/* Refuses the workbook at the current cell with the message id and its
 * arguments: "FILE: text (Dữ liệu!C12)". */
static void fail_here(ps_xlsx *r, ps_msg_id id, ...)
{
    char text[sizeof r->pt.msg], where[160];
    va_list ap;
    va_start(ap, id);
    ps_msg_vformat(text, sizeof text, id, ap);
    va_end(ap);
    xl_fail(&r->pt, "%s: %s %s", r->label, text, here(r, where, sizeof where));
}

/* Writes the current cell's value as field col - 1; a value that comes out
 * empty leaves the row as it was. */
static void put_cell(ps_xlsx *r)
{
    size_t start = r->arena.len, nf = r->nf;
    const char *raw = ps_sb_str(&r->raw);
    ps_xlsx_kind kind = PS_XLSX_TEXT;
    char buf[PS_NUMBER_BUFSZ];
    pad_to(r, (size_t)r->col - 1);
    add_field(r, kind);
    switch (r->type) {
    case T_NUM: {
        double v;
        if (!*raw)
            break;
        if (!excel_number(raw, &v)) {
            fail_here(r, PS_M_XL_NUMBER_BAD, raw, XL_RESAVE);
            return;
        }
        bool date = r->style >= 0 && (size_t)r->style < r->b.nxf && r->b.xf_date[r->style] &&
                    serial_date(v, r->b.date1904, buf, sizeof buf);
        kind = date ? PS_XLSX_DATE : PS_XLSX_NUMBER;
        ps_sb_puts(&r->arena, date ? buf : ps_number_format(v, buf));
        break;
    }
    case T_SHARED: {
        char *end;
        unsigned long i = strtoul(raw, &end, 10);
        if (!*raw || *end || i >= r->b.nstr) {
            fail_here(r, PS_M_XL_SHARED_STRING_BEYOND, raw, r->b.nstr, XL_RESAVE);
            return;
        }
        ps_sb_puts(&r->arena, r->b.strings.buf + r->b.str_off[i]);
        break;
    }
    case T_STR:
    case T_INLINE:
        xl_text_append(&r->arena, raw, r->raw.len);
        break;
    case T_BOOL:
        if (strcmp(raw, "0") != 0 && strcmp(raw, "1") != 0) {
            fail_here(r, PS_M_XL_BOOL_BAD, raw, XL_RESAVE);
            return;
        }
        kind = PS_XLSX_BOOL;
        ps_sb_puts(&r->arena, *raw == '1' ? "TRUE" : "FALSE");
        break;
    case T_ERR:
        kind = PS_XLSX_ERROR;
        xl_text_append(&r->arena, raw, r->raw.len);
        break;
    case T_ISODATE:
        if (!iso_date(raw)) {
            fail_here(r, PS_M_XL_DATE_BAD, raw, XL_RESAVE);
            return;
        }
        kind = PS_XLSX_DATE;
        ps_sb_append(&r->arena, raw, 10);
        break;
    }
    if (r->arena.len == r->offs[r->nf - 1]) {
        r->arena.len = start;          /* an empty value: as if no cell */
        r->nf = nf;
        if (r->arena.buf)
            r->arena.buf[start] = '\0';
        return;
    }
    r->kinds[r->nf - 1] = kind;
    ps_sb_append(&r->arena, "", 1);
    if (r->arena.len > MAX_ROW_BYTES)
        fail_here(r, PS_M_XL_ROW_TOO_LONG, MAX_ROW_BYTES >> 20);
}

/* Hands the row over: fields filled to the width, pointers and refs made. */
static void finish_row(ps_xlsx *r)
{
    pad_to(r, r->width);
    if (r->nf > r->cap_out) {
        r->cap_out = r->nf;
        r->fields = ps_xrealloc(r->fields, r->cap_out * sizeof *r->fields);
        r->cells = ps_xrealloc(r->cells, r->cap_out * sizeof *r->cells);
    }
    char digits[12];
    size_t nd = row_digits(r->row, digits) + 1;   /* the row's number, once */
    for (size_t i = 0; i < r->nf; i++) {
        r->fields[i] = r->arena.buf + r->offs[i];
        r->cells[i].kind = r->kinds[i];
        char *ref = r->cells[i].ref;
        memcpy(ref + column_letters((int)i + 1, ref), digits, nd);
    }
    r->out.text = r->arena.buf;
    r->out.text_len = r->arena.len;
    r->out.rec.line = r->row;
    r->out.rec.nfields = r->nf;
    r->out.rec.fields = r->fields;
    r->out.cells = r->cells;
    r->row_ready = true;
    xl_suspend(&r->pt);
}

/* ------------------------------------------------------------------------
 * The sheet's XML
 * ------------------------------------------------------------------------ */

/* "C12" -> 3; 0 when it is not a reference within Excel's limits. */
static int column_of_ref(const char *ref)
{
    long col = 0, row = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z' && col <= XL_MAX_COL; p++)
        col = col * 26 + (*p - 'A' + 1);
    if (p == ref || col > XL_MAX_COL || !*p)
        return 0;
    for (; *p >= '0' && *p <= '9' && row <= XL_MAX_ROW; p++)
        row = row * 10 + (*p - '0');
    return *p || row < 1 || row > XL_MAX_ROW ? 0 : (int)col;
}

static bool cell_type_of(const char *t, cell_type *out)
{
    if (!t || (t[0] == 's' && !t[1])) {    /* the usual two first */
        *out = t ? T_SHARED : T_NUM;
        return true;
    }
    static const struct {
        const char *name;
        cell_type type;
    } types[] = {{"n", T_NUM}, {"s", T_SHARED}, {"str", T_STR}, {"inlineStr", T_INLINE},
                 {"b", T_BOOL}, {"e", T_ERR}, {"d", T_ISODATE}};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (strcmp(t ? t : "n", types[i].name) == 0) {
            *out = types[i].type;
            return true;
        }
    return false;
}

static void start_row(ps_xlsx *r, const char **atts)
{
    const char *rn = xl_attr(atts, "r");
    char *end = NULL;
    long row = rn ? strtol(rn, &end, 10) : r->last_row + 1;
    if (rn && (end == rn || *end || row < 1 || row > XL_MAX_ROW)) {
        xl_failm(&r->pt, PS_M_XL_ROW_NUMBER_BAD, r->label, r->last_row, rn, XL_RESAVE, r->b.sheet_name);
        return;
    }
    r->row = row;
    if (row <= r->last_row)
        fail_here(r, PS_M_XL_ROW_ORDER, row, r->last_row, XL_RESAVE);
    r->last_row = row;
    r->last_col = 0;
    r->nf = 0;
    ps_sb_clear(&r->arena);
}

static void start_cell(ps_xlsx *r, const char **atts)
{
    const char *ref = xl_attr(atts, "r"), *t = xl_attr(atts, "t"), *s = xl_attr(atts, "s");
    r->in_cell = true;
    r->col = ref ? column_of_ref(ref) : r->last_col + 1;
    ps_sb_clear(&r->raw);
    if (!r->col || r->col > XL_MAX_COL) {
        r->in_cell = false;
        fail_here(r, PS_M_XL_CELL_NAME_BAD, ref ? ref : "", XL_RESAVE);
    } else if (r->col <= r->last_col) {
        fail_here(r, PS_M_XL_CELL_ORDER, XL_RESAVE);
    } else if (!cell_type_of(t, &r->type)) {
        fail_here(r, PS_M_XL_CELL_TYPE, t, XL_RESAVE);
    }
    r->last_col = r->col;
    r->style = s ? strtol(s, NULL, 10) : -1;
}

/* The elements of a sheet that matter, told apart without a chain of
 * strcmp: this runs for every element of the sheet. */
typedef enum element { E_OTHER, E_SHEETDATA, E_ROW, E_C, E_V, E_IS, E_T, E_RPH } element;

static element element_of(const char *name)
{
    switch (name[0]) {
    case 'c':
        return name[1] ? E_OTHER : E_C;
    case 'v':
        return name[1] ? E_OTHER : E_V;
    case 't':
        return name[1] ? E_OTHER : E_T;
    case 'r':
        return strcmp(name, "row") == 0 ? E_ROW : strcmp(name, "rPh") == 0 ? E_RPH : E_OTHER;
    case 'i':
        return strcmp(name, "is") == 0 ? E_IS : E_OTHER;
    case 's':
        return strcmp(name, "sheetData") == 0 ? E_SHEETDATA : E_OTHER;
    default:
        return E_OTHER;
    }
}

static void sheet_start(xl_part *pt, const char *name, const char **atts)
{
    ps_xlsx *r = pt->u;
    switch (element_of(name)) {
    case E_SHEETDATA:
        r->in_data = true;
        break;
    case E_ROW:
        if (r->in_data)
            start_row(r, atts);
        break;
    case E_C:
        if (r->in_data)
            start_cell(r, atts);
        break;
    case E_V:
        r->in_value = r->in_cell;
        break;
    case E_IS:
        r->in_is = r->in_cell;
        break;
    case E_RPH:
        r->phonetic += r->in_is;
        break;
    case E_T:
        r->in_value = r->in_is && !r->phonetic;
        break;
    case E_OTHER:
        break;
    }
}

static void sheet_end(xl_part *pt, const char *name)
{
    ps_xlsx *r = pt->u;
    switch (element_of(name)) {
    case E_V:
    case E_T:
        r->in_value = false;
        break;
    case E_RPH:
        r->phonetic -= r->phonetic > 0;
        break;
    case E_IS:
        r->in_is = false;
        break;
    case E_C:
        if (r->in_cell)
            put_cell(r);
        r->in_cell = false;
        break;
    case E_ROW:
        if (r->in_data && r->nf > 0)
            finish_row(r);
        break;
    case E_SHEETDATA:
        r->in_data = false;
        break;
    case E_OTHER:
        break;
    }
}

static void sheet_text(xl_part *pt, const char *s, int len)
{
    ps_xlsx *r = pt->u;
    if (!r->in_value)
        return;
    if (r->raw.len + (size_t)len > XL_MAX_CELL_BYTES) {
        fail_here(r, PS_M_XL_CELL_TOO_LONG, XL_RESAVE);
        return;
    }
    ps_sb_append(&r->raw, s, (size_t)len);
}

/* ------------------------------------------------------------------------
 * The reader
 * ------------------------------------------------------------------------ */

/* A zip that holds a workbook, else a refusal that says what the file is. */
static ps_error open_zip(ps_xlsx *r, const void *data, size_t n, ps_ctx *ctx)
{
    if (ps_filetype_sniff_head(data, n) != PS_FT_ZIP)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_NOT_XLSX, r->label,
                        ps_filetype_advice(ps_filetype_sniff(data, n)));
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(data, n, 0, &zerr);
    r->za = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
    if (!r->za) {
        zip_source_free(src);
        ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_DAMAGED_ZIP, r->label, zip_error_strerror(&zerr), XL_RESAVE);
        zip_error_fini(&zerr);
        return PS_ERR_REFUSED;
    }
    zip_error_fini(&zerr);
    if (zip_get_num_entries(r->za, 0) > MAX_ENTRIES)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_TOO_MANY_PARTS, r->label, MAX_ENTRIES);
    ps_filetype ft = ps_filetype_sniff(data, n);
    if (ft != PS_FT_XLSX)
        return ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_NOT_XLSX, r->label, ps_filetype_advice(ft));
    return PS_OK;
}

ps_error ps_xlsx_open(ps_xlsx **out, const void *data, size_t n, const ps_xlsx_opts *opts, ps_ctx *ctx)
{
    static const xl_handlers h = {sheet_start, sheet_end, sheet_text};
    ps_xlsx *r = ps_xcalloc(1, sizeof *r);
    *out = NULL;
    xl_opts_fill(&r->o, opts);
    r->label = ps_xstrdup(r->o.label);
    r->o.label = r->label;
    ps_error err = open_zip(r, data, n, ctx);
    if (!err)
        err = xl_book_load(&r->b, r->za, &r->o, ctx);
    if (!err)
        err = xl_part_open(&r->pt, r->za, r->b.sheet_path, r->o.max_sheet_bytes, &r->o, &h, r, ctx);
    if (!err && r->o.inflate_ahead)
        xl_part_inflate_ahead(&r->pt);
    if (err == PS_ERR_NOT_FOUND)
        err = ps_failm(ctx, PS_ERR_REFUSED, PS_M_XL_SHEET_PART_MISSING, r->label, r->b.sheet_name,
                       r->b.sheet_path, XL_RESAVE);
    if (err) {
        ps_xlsx_close(r);
        return err;
    }
    *out = r;
    return PS_OK;
}

const char *ps_xlsx_sheet(const ps_xlsx *r)
{
    return r->b.sheet_name;
}

void ps_xlsx_set_width(ps_xlsx *r, size_t ncols)
{
    r->width = ncols < XL_MAX_COL ? ncols : XL_MAX_COL;
}

int ps_xlsx_next(ps_xlsx *r, ps_xlsx_row **row, ps_ctx *ctx)
{
    *row = NULL;
    while (!r->done) {
        ps_ctx local = {0};
        int rc = xl_part_pump(&r->pt, &local);
        if (rc > 0 && r->row_ready) {
            r->row_ready = false;
            *row = &r->out;
            return 1;
        }
        if (rc <= 0) {
            r->done = true;
            r->err = rc < 0 ? PS_ERR_REFUSED : PS_OK;
            snprintf(r->msg, sizeof r->msg, "%s", ps_ctx_message(&local));
        }
    }
    if (r->err)
        ps_failf(ctx, r->err, "%s", r->msg);
    return r->err ? -1 : 0;
}

ps_error ps_xlsx_error(const ps_xlsx *r)
{
    return r->err;
}

long long ps_xlsx_bytes_read(const ps_xlsx *r)
{
    return (long long)r->pt.read;
}

long long ps_xlsx_sheet_size(const ps_xlsx *r)
{
    return (long long)r->pt.size;
}

void ps_xlsx_close(ps_xlsx *r)
{
    if (!r)
        return;
    xl_part_close(&r->pt);
    xl_book_free(&r->b);
    if (r->za)
        zip_discard(r->za);
    ps_sb_free(&r->raw);
    ps_sb_free(&r->arena);
    free(r->offs);
    free(r->kinds);
    free(r->fields);
    free(r->cells);
    free(r->label);
    free(r);
}
