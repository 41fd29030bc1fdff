/* check.h - consistency checks of a period on the aggregated values:
 * rules from rules.csv and submitted totals against the roll-up of their parts. */
#ifndef PS_AGGREGATE_CHECK_H
#define PS_AGGREGATE_CHECK_H

#include "aggregate/engine.h"
#include "core/diag.h"

/* For every unit valid in p: each rule on the engine's values (a rule with
 * a missing side is skipped; severity as in the catalog), and, for every
 * non-derived indicator with a submitted value and children, a warning
 * when the submitted value and the roll-up of the children differ by more
 * than 0.5%. Diagnostics carry the unit code as path and line 0. */
ps_error ps_check_period(ps_engine *e, ps_period p, ps_diags *diags, ps_ctx *ctx);

#endif
