/* report_marks.c - the data-quality marks of a value: words, sentences, cell comments. */
#include "export/report_int.h"

#include "core/number.h"
#include "core/strbuf.h"

#include <string.h>

_Static_assert(L_MARK_INCSRC - L_MARK_EST + 1 == M_COUNT, "a word per mark");

const char *ps_rep_mark_word(const ps_rep *r, int m)
{
    return L(r, (ps_rep_label_id)(L_MARK_EST + m));
}

const char *ps_rep_mark_long(const ps_rep *r, int m)
{
    return L(r, (ps_rep_label_id)(L_MARK_EST_LONG + m));
}

unsigned ps_rep_val_marks(const ps_val *v)
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

char *ps_rep_coverage_text(const ps_rep *r, double cov, char *buf)
{
    double pc = cov * 100;
    int dec = ps_number_round(pc, 0) >= 100 ? 1 : 0;
    ps_number_format_fixed(pc, dec, r->en ? PS_NF_EN : PS_NF_VI, buf);
    strcat(buf, "%");
    return buf;
}

char *ps_rep_cell_comment(const ps_rep *r, const ps_val *v, unsigned extra_marks, const char *extra)
{
    unsigned m = ps_rep_val_marks(v) | extra_marks;
    if (!m && !(extra && *extra))
        return NULL;
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int k = 0; k < M_COUNT; k++) {
        if (!(m & (1u << k)))
            continue;
        if (sb.len)
            ps_sb_putc(&sb, '\n');
        ps_sb_puts(&sb, ps_rep_mark_long(r, k));
        if (k == M_INC && v->has) {
            char c[PS_NUMBER_BUFSZ + 2];
            ps_sb_printf(&sb, "%s%s.", L(r, L_COVERAGE), ps_rep_coverage_text(r, v->coverage, c));
        }
    }
    if (extra && *extra) {
        if (sb.len)
            ps_sb_putc(&sb, '\n');
        ps_sb_puts(&sb, extra);
    }
    return ps_sb_steal(&sb);
}
