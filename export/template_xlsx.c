/* template_xlsx.c - the template as a workbook: locked codes and references,
 * open value cells validated by the indicator's range and decimals (template.h). */
#include "export/template_int.h"

#include "core/number.h"
#include "core/safefile.h"
#include "core/text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

enum { TITLE_ROW = 0, NOTE_ROW = 1, HEAD_ROW = 2, FIRST_ROW = 3, MAX_DEC = 6 };

/* The writer of one template workbook. */
typedef struct tx {
    const ps_tmpl *t;
    const char *path;
    ps_ctx *ctx;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *title, *note, *head, *text, *open_text;
    lxw_format *ref_num[MAX_DEC + 1], *open_num[MAX_DEC + 1], *ref_mark;
    double width[TC_N];
} tx;

/* A libxlsxwriter error as PS_ERR_IO naming the file. */
static ps_error lx(tx *w, lxw_error le)
{
    if (le == LXW_NO_ERROR)
        return PS_OK;
    return ps_failm(w->ctx, PS_ERR_IO, PS_M_SAFE_CANNOT_WRITE, w->path, lxw_strerror(le));
}

/* ------------------------------------------------------------------------
 * Formats
 * ------------------------------------------------------------------------ */

static lxw_format *fmt(tx *w, bool border)
{
    lxw_format *f = workbook_add_format(w->wb);
    format_set_font_name(f, "Arial");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    return f;
}

/* "#,##0" with dec decimals. */
static lxw_format *num_fmt(tx *w, int dec, bool open)
{
    char nf[16] = "#,##0";
    if (dec > 0) {
        strcat(nf, ".");
        for (int k = 0; k < dec; k++)
            strcat(nf, "0");
    }
    lxw_format *f = fmt(w, true);
    format_set_num_format(f, nf);
    if (open) {
        format_set_unlocked(f);
        format_set_bg_color(f, 0xFFF9DB); /* open cells: a light yellow */
    } else {
        format_set_bg_color(f, 0xF2F2F2); /* references: a light grey */
    }
    return f;
}

static void make_formats(tx *w)
{
    w->title = fmt(w, false);
    format_set_bold(w->title);
    format_set_font_size(w->title, 12);
    w->note = fmt(w, false);
    format_set_italic(w->note);
    w->head = fmt(w, true);
    format_set_bold(w->head);
    format_set_text_wrap(w->head);
    format_set_align(w->head, LXW_ALIGN_CENTER);
    format_set_bg_color(w->head, 0xD9E1F2);
    w->text = fmt(w, true);
    w->open_text = fmt(w, true);
    format_set_unlocked(w->open_text);
    format_set_bg_color(w->open_text, 0xFFF9DB);
    for (int d = 0; d <= MAX_DEC; d++) {
        w->ref_num[d] = num_fmt(w, d, false);
        w->open_num[d] = num_fmt(w, d, true);
    }
    w->ref_mark = fmt(w, true);
    format_set_align(w->ref_mark, LXW_ALIGN_RIGHT);
    format_set_bg_color(w->ref_mark, 0xF2F2F2);
}

/* ------------------------------------------------------------------------
 * Cells
 * ------------------------------------------------------------------------ */

/* A text cell (always text, never a formula), counted in its column's width. */
static ps_error put_text(tx *w, int row, int col, const char *s, lxw_format *f)
{
    double chars = (double)ps_text_width(s);
    if (chars > w->width[col])
        w->width[col] = chars;
    if (!*s)
        return lx(w, worksheet_write_blank(w->ws, (lxw_row_t)row, (lxw_col_t)col, f));
    return lx(w, worksheet_write_string(w->ws, (lxw_row_t)row, (lxw_col_t)col, s, f));
}

/* A reference: the number with the indicator's decimals, "-" for a '-'
 * mark, an empty locked cell for none. */
static ps_error put_ref(tx *w, int row, int col, const ps_val *v, int dec)
{
    if (v->has && (v->flags & PS_VF_NONE_OCCURRED))
        return put_text(w, row, col, "-", w->ref_mark);
    if (!v->has)
        return lx(w, worksheet_write_blank(w->ws, (lxw_row_t)row, (lxw_col_t)col, w->ref_num[dec]));
    double chars = (double)ps_number_fixed_len(v->v, dec, PS_NF_EN);
    if (chars > w->width[col])
        w->width[col] = chars;
    return lx(w, worksheet_write_number(w->ws, (lxw_row_t)row, (lxw_col_t)col, v->v, w->ref_num[dec]));
}

/* A number as Excel reads it in a formula: shortest form, capital E. */
static char *formula_number(double v, char *buf)
{
    ps_number_format(v, buf);
    for (char *p = buf; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return buf;
}

/* The words of the indicator's rule, for the error message. */
static void rule_text(const ps_tmpl *t, const ps_indicator *x, char *buf, size_t n)
{
    char lo[PS_NUMBER_BUFSZ], hi[PS_NUMBER_BUFSZ], range[96] = "";
    ps_number_format(x->min, lo);
    ps_number_format(x->max, hi);
    if (x->has_min && x->has_max)
        snprintf(range, sizeof range, t->en ? " from %s to %s" : " từ %s đến %s", lo, hi);
    else if (x->has_min)
        snprintf(range, sizeof range, t->en ? " of at least %s" : " từ %s trở lên", lo);
    else if (x->has_max)
        snprintf(range, sizeof range, t->en ? " of at most %s" : " không quá %s", hi);
    snprintf(buf, n,
             t->en ? "%s: a number%s with at most %d decimals, or a mark: - (nothing occurred), .., ... or x "
                     "(not collected)."
                   : "%s: ghi số%s, tối đa %d chữ số thập phân, hoặc dấu - (không phát sinh), .., ... hay x "
                     "(không thu thập được).",
             x->code, range, x->decimals);
}

/* The value cell of a row: open, validated by the indicator's range and
 * decimals, and taking the marks. */
static ps_error put_value(tx *w, int row, const ps_indicator *x)
{
    char c[16], lo[PS_NUMBER_BUFSZ], hi[PS_NUMBER_BUFSZ], formula[512], msg[256];
    lxw_rowcol_to_cell(c, (lxw_row_t)row, TC_VALUE);
    formula_number(x->has_min ? x->min : -1e15, lo);
    formula_number(x->has_max ? x->max : 1e15, hi);
    /* the number's tests under IF(ISNUMBER()): ROUND of a mark would be
     * #VALUE!, and OR passes an error on, refusing the mark */
    snprintf(formula, sizeof formula,
             "=OR(%s=\"-\",%s=\"\xE2\x80\x93\",%s=\"\xE2\x80\x94\",%s=\"..\",%s=\"...\",%s=\"\xE2\x80\xA6\","
             "%s=\"x\",IF(ISNUMBER(%s),AND(%s>=%s,%s<=%s,ROUND(%s,%d)=%s),FALSE))",
             c, c, c, c, c, c, c, c, c, lo, c, hi, c, x->decimals, c);
    rule_text(w->t, x, msg, sizeof msg);
    lxw_data_validation dv = {0};
    dv.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    dv.value_formula = formula;
    dv.ignore_blank = LXW_VALIDATION_ON;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    dv.error_title = (char *)(w->t->en ? "Not a valid value" : "Giá trị không hợp lệ");
    dv.error_message = msg;
    int dec = x->decimals < 0 ? 0 : x->decimals > MAX_DEC ? MAX_DEC : x->decimals;
    ps_error err = lx(w, worksheet_write_blank(w->ws, (lxw_row_t)row, TC_VALUE, w->open_num[dec]));
    if (!err)
        err = lx(w, worksheet_data_validation_cell(w->ws, (lxw_row_t)row, TC_VALUE, &dv));
    return err;
}

/* Status: a list of A, P and E over every row's status cell. */
static ps_error status_list(tx *w)
{
    static const char *list[] = {"A", "P", "E", NULL};
    lxw_data_validation dv = {0};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = (char **)list;
    dv.ignore_blank = LXW_VALIDATION_ON;
    dv.error_title = (char *)(w->t->en ? "Not a status" : "Trạng thái không hợp lệ");
    dv.error_message = (char *)(w->t->en ? "A (official, the default), P (provisional) or E (estimate)."
                                         : "A (chính thức, mặc định), P (sơ bộ) hoặc E (ước tính).");
    lxw_row_t last = (lxw_row_t)(FIRST_ROW + w->t->n - 1);
    return lx(w, worksheet_data_validation_range(w->ws, FIRST_ROW, TC_STATUS, last, TC_STATUS, &dv));
}

/* ------------------------------------------------------------------------
 * The sheet
 * ------------------------------------------------------------------------ */

static ps_error put_row(tx *w, int r, const ps_tmpl_row *row)
{
    const ps_tmpl *t = w->t;
    const ps_indicator *x = &t->cat->indicators[row->indicator];
    char pb[PS_PERIOD_BUFSZ];
    ps_error err = PS_OK;
    for (int c = 0; c < TC_VALUE && !err; c++)
        err = put_text(w, r, c, ps_tmpl_text(t, row, c, pb), w->text);
    int dec = x->decimals < 0 ? 0 : x->decimals > MAX_DEC ? MAX_DEC : x->decimals;
    if (!err)
        err = put_value(w, r, x);
    if (!err)
        err = put_text(w, r, TC_STATUS, "", w->open_text);
    if (!err)
        err = put_text(w, r, TC_NOTE, "", w->open_text);
    if (!err)
        err = put_ref(w, r, TC_PREV, &row->ref[0], dec);
    if (!err)
        err = put_ref(w, r, TC_LAST_YEAR, &row->ref[1], dec);
    return err;
}

/* Column widths from their content, within bounds; the header wraps. */
static ps_error size_columns(tx *w)
{
    for (int c = 0; c < TC_N; c++) {
        double want = w->width[c] + 2;
        double min = c == TC_VALUE || c == TC_NOTE ? 14 : c >= TC_PREV ? 12 : 6;
        want = want < min ? min : want > 60 ? 60 : want;
        ps_error err = lx(w, worksheet_set_column(w->ws, (lxw_col_t)c, (lxw_col_t)c, want, NULL));
        if (err)
            return err;
    }
    return PS_OK;
}

static ps_error write_sheet(tx *w)
{
    const ps_tmpl *t = w->t;
    char buf[512];
    ps_error err = lx(w, worksheet_write_string(w->ws, TITLE_ROW, 0, ps_tmpl_title(t, buf, sizeof buf), w->title));
    if (!err)
        err = lx(w, worksheet_write_string(w->ws, NOTE_ROW, 0, ps_tmpl_instructions(t, buf, sizeof buf), w->note));
    /* headers wrap within the width their column's content gives: two lines */
    if (!err)
        err = lx(w, worksheet_set_row(w->ws, HEAD_ROW, 30, NULL));
    for (int c = 0; c < TC_N && !err; c++)
        err = lx(w, worksheet_write_string(w->ws, HEAD_ROW, (lxw_col_t)c, ps_tmpl_header(t, c), w->head));
    for (size_t i = 0; i < t->n && !err; i++)
        err = put_row(w, FIRST_ROW + (int)i, &t->rows[i]);
    if (!err)
        err = status_list(w);
    if (!err)
        err = size_columns(w);
    if (err)
        return err;
    worksheet_freeze_panes(w->ws, FIRST_ROW, 0);
    worksheet_set_landscape(w->ws);
    worksheet_set_paper(w->ws, 9); /* A4 */
    worksheet_fit_to_pages(w->ws, 1, 0);
    if ((err = lx(w, worksheet_repeat_rows(w->ws, HEAD_ROW, HEAD_ROW))))
        return err;
    lxw_protection prot = {0};
    prot.format_columns = 1; /* widths may change; nothing else */
    prot.format_rows = 1;
    worksheet_protect(w->ws, NULL, &prot);
    return PS_OK;
}

ps_error ps_tmpl_write_xlsx(const ps_tmpl *t, const char *path, ps_ctx *ctx)
{
    ps_safefile *sf;
    ps_error err = ps_safefile_open(&sf, path, ctx);
    if (err)
        return err;
    tx w = {.t = t, .path = path, .ctx = ctx};
    w.wb = workbook_new(ps_safefile_temp_path(sf));
    if (!w.wb) {
        ps_safefile_abort(sf);
        return ps_failm(ctx, PS_ERR_IO, PS_M_XFILE_CANNOT_WRITE_CANNOT_START, path);
    }
    char title[512];
    lxw_doc_properties props = {0};
    props.title = ps_tmpl_title(t, title, sizeof title);
    props.created = t->created ? t->created : time(NULL);
    err = lx(&w, workbook_set_properties(w.wb, &props));
    if (!err && !(w.ws = workbook_add_worksheet(w.wb, t->en ? "Data" : "Dữ liệu")))
        err = ps_failm(ctx, PS_ERR_IO, PS_M_TMPL_CANNOT_ADD_SHEET, path);
    if (!err) {
        make_formats(&w);
        err = write_sheet(&w);
    }
    if (err) {
        lxw_workbook_free(w.wb);
        ps_safefile_abort(sf);
        return err;
    }
    if ((err = lx(&w, workbook_close(w.wb)))) {
        ps_safefile_abort(sf);
        return err;
    }
    return ps_safefile_commit(sf, ctx);
}
