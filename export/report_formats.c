/* report_formats.c - the report's cell formats: fixed ones made once, number ones on first use. */
#include "export/report_int.h"

#include <stdio.h>
#include <string.h>

lxw_format *ps_rep_fmt_new(ps_rep *r, bool border)
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

/* "#,##0.00" for dec 2 into body (16 bytes). */
static char *num_body(int dec, char *body)
{
    strcpy(body, "#,##0");
    if (dec) {
        strcat(body, ".");
        for (int i = 0; i < dec; i++)
            strcat(body, "0");
    }
    return body;
}

static int clamp_dec(int dec)
{
    return dec < 0 ? 0 : dec > 6 ? 6 : dec;
}

lxw_format *ps_rep_data_num_format(ps_rep *r, int dec)
{
    dec = clamp_dec(dec);
    if (!r->data_num[dec]) {
        char body[16];
        lxw_format *f = workbook_add_format(r->wb);
        if (f)
            format_set_num_format(f, num_body(dec, body));
        r->data_num[dec] = f;
    }
    return r->data_num[dec];
}

lxw_format *ps_rep_num_format(ps_rep *r, int dec, int var)
{
    dec = clamp_dec(dec);
    lxw_format **slot = &r->num[dec][var];
    if (*slot)
        return *slot;
    lxw_format *f = ps_rep_fmt_new(r, true);
    if (!f)
        return NULL;
    char body[16];
    num_body(dec, body);
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

lxw_format *ps_rep_pct_format(ps_rep *r, int var)
{
    lxw_format **slot = &r->pct[var];
    if (*slot)
        return *slot;
    lxw_format *f = ps_rep_fmt_new(r, true);
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

ps_error ps_rep_make_formats(ps_rep *r)
{
    lxw_format *f;
#define NEWF(dst, border)                                                                          \
    do {                                                                                           \
        if (!((dst) = f = ps_rep_fmt_new(r, border)))                                                     \
            return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XLSX_NO_MEMORY_FORMATS, \
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
        return ps_failm(r->ctx, PS_ERR_INTERNAL, PS_M_XLSX_NO_MEMORY_FORMATS, r->path);
    format_set_bg_color(r->dxf_bad, 0xFFC7CE);
    format_set_font_color(r->dxf_bad, 0x9C0006);
    format_set_bg_color(r->dxf_warn, 0xFFEB9C);
    format_set_font_color(r->dxf_warn, 0x9C5700);
    return PS_OK;
}
