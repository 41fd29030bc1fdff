/* compare.h - one row of comparisons, as every output offers (SPEC §5, §6). */
#ifndef PS_COMPARE_H
#define PS_COMPARE_H

#include "aggregate/engine.h"

typedef struct ps_opt {
    bool has;
    double v;
} ps_opt;

typedef struct ps_row {
    int unit, indicator;
    ps_period period;
    ps_val value;             /* the period itself */
    ps_val ytd;               /* the year-to-date to the period's last month */
    ps_val plan;              /* the annual plan of the period's year */
    ps_opt index_prev_year;   /* value / same period last year × 100 */
    ps_opt ytd_index_prev_year;
    ps_opt pct_of_plan;       /* ytd / plan × 100 */
    ps_opt pace;              /* last month / 12 × 100, summable indicators only */
    ps_opt share_of_parent;   /* value / parent's value × 100, space_agg sum only */
    ps_val prev_period;       /* the previous period of the same type (the report's
                                 "previous month (revised)"); none for a YTD */
    unsigned flags;           /* value's flags, plus PS_VF_COMPARABLE when an
                                 index used comparable values */
} ps_row;

/* Fills *row for unit u, indicator ind, period p. */
ps_error ps_compare_row(ps_engine *e, int u, int ind, ps_period p, ps_row *row, ps_ctx *ctx);

/* True when an index on last year is meaningful for ind: not for rate
 * indicators nor derived ones measured in % (read in points). */
bool ps_compare_has_index(const ps_catalog *cat, int ind);

#endif
