/* report_marks.c - the data-quality marks of a value: words, sentences, cell comments. */
#include "export/report_int.h"
#include "export/summary_rows.h"

#include "core/number.h"
#include "core/strbuf.h"

#include <string.h>

_Static_assert(L_MARK_INCSRC - L_MARK_EST + 1 == PS_MARK_COUNT, "a word per mark");

const char *ps_rep_mark_word(const ps_rep *r, int m)
{
    return L(r, (ps_rep_label_id)(L_MARK_EST + m));
}

const char *ps_rep_mark_long(const ps_rep *r, int m)
{
    return L(r, (ps_rep_label_id)(L_MARK_EST_LONG + m));
}



char *ps_rep_cell_comment(const ps_rep *r, const ps_val *v, unsigned extra_marks, const char *extra)
{
    unsigned m = ps_summary_val_marks(v) | extra_marks;
    if (!m && !(extra && *extra))
        return NULL;
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int k = 0; k < PS_MARK_COUNT; k++) {
        if (!(m & (1u << k)))
            continue;
        if (sb.len)
            ps_sb_putc(&sb, '\n');
        ps_sb_puts(&sb, ps_rep_mark_long(r, k));
        if (k == PS_MARK_INC && v->has) {
            char c[PS_NUMBER_BUFSZ + 2];
            ps_sb_printf(&sb, "%s%s.", L(r, L_COVERAGE), ps_summary_coverage_text(r->en, v->coverage, c));
        }
    }
    if (extra && *extra) {
        if (sb.len)
            ps_sb_putc(&sb, '\n');
        ps_sb_puts(&sb, extra);
    }
    return ps_sb_steal(&sb);
}
