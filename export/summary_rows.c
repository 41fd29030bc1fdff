/* summary_rows.c - the Summary's rows as the workbook shows them (summary_rows.h). */
#include "export/summary_rows.h"

#include "core/number.h"
#include "core/strbuf.h"
#include "export/report_labels.h"

#include <string.h>

unsigned ps_summary_val_marks(const ps_val *v)
{
    unsigned m = 0;
    if (!v->has)
        return 0;
    if (v->status == 'E')
        m |= 1u << PS_MARK_EST;
    if (v->status == 'P')
        m |= 1u << PS_MARK_PROV;
    if (v->coverage < 1)
        m |= 1u << PS_MARK_INC;
    if (v->flags & PS_VF_CARRIED)
        m |= 1u << PS_MARK_CARRIED;
    if (v->flags & PS_VF_COMPARABLE)
        m |= 1u << PS_MARK_COMP;
    if (v->flags & PS_VF_REVISED_AFTER_CLOSE)
        m |= 1u << PS_MARK_RAC;
    if (v->flags & PS_VF_INCOMPLETE_SOURCE)
        m |= 1u << PS_MARK_INCSRC;
    return m;
}

char *ps_summary_coverage_text(bool en, double cov, char *buf)
{
    double pc = cov * 100;
    int dec = ps_number_round(pc, 0) >= 100 ? 1 : 0;
    ps_number_format_fixed(pc, dec, en ? PS_NF_EN : PS_NF_VI, buf);
    strcat(buf, "%");
    return buf;
}

/* "ước tính (tháng 7, 7 tháng); chưa đủ số liệu (kế hoạch: 93%)": the marks
 * of a row's cells, each naming the cells it is on. */
char *ps_summary_marks(const ps_report_model *m, bool en, const ps_row *row)
{
    char pn[64], vn[64], yn[64];
    ps_period prev = ps_period_prev(m->p);
    ps_rep_period_name(prev, en, prev.type != PS_P_NONE && prev.year != m->p.year, pn, sizeof pn);
    ps_rep_period_name(m->p, en, false, vn, sizeof vn);
    ps_rep_ytd_name(m->p, en, yn, sizeof yn);
    struct { const ps_val *v; const char *label; } cells[4] = {
        {&row->plan, ps_rep_label(en, L_PLAN_WORD)}, {&row->prev_period, pn}, {&row->value, vn}, {&row->ytd, yn}};
    int ncells = ps_period_eq(m->p, m->ytd) ? 3 : 4;
    ps_strbuf sb = PS_STRBUF_INIT;
    for (int k = 0; k < PS_MARK_COUNT; k++) {
        int hits = 0;
        for (int c = 0; c < ncells; c++) {
            if (!(ps_summary_val_marks(cells[c].v) & (1u << k)))
                continue;
            ps_sb_puts(&sb, hits ? ", " : sb.len ? "; " : "");
            if (!hits)
                ps_sb_printf(&sb, "%s (", ps_rep_label(en, (ps_rep_label_id)(L_MARK_EST + k)));
            ps_sb_puts(&sb, cells[c].label);
            if (k == PS_MARK_INC) {
                char cv[PS_NUMBER_BUFSZ + 2];
                ps_sb_printf(&sb, ": %s", ps_summary_coverage_text(en, cells[c].v->coverage, cv));
            }
            hits++;
        }
        if (k == PS_MARK_COMP && !hits && (row->flags & PS_VF_COMPARABLE)) {
            ps_sb_printf(&sb, "%s%s (%s", sb.len ? "; " : "", ps_rep_label(en, (ps_rep_label_id)(L_MARK_EST + k)), ps_rep_label(en, L_VS_LAST_YEAR));
            hits++;
        }
        if (hits)
            ps_sb_putc(&sb, ')');
    }
    return ps_sb_steal(&sb);
}

bool ps_summary_low_index(ps_opt index)
{
    return index.has && ps_number_round(index.v, 1) < 100;
}

bool ps_summary_behind_pace(const ps_row *row)
{
    return row->pct_of_plan.has && row->pace.has &&
           ps_number_round(row->pct_of_plan.v, 1) < ps_number_round(row->pace.v, 1);
}
