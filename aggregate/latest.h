/* latest.h - the latest month with data of a series (SPEC §5 "partial year").
 *
 * "The latest month with data in the database" of a series (a unit and an
 * indicator) is the last month of the latest period, of the indicator's
 * frequency, for which the engine has a value of that unit: a value
 * submitted for it, or rolled up from the units below it, or derived from
 * its components. A stored read bounds the search (the latest year in
 * which the unit or a unit below it has a value stored of the indicator or
 * of an indicator its formula uses); the engine then answers, period by
 * period back from that year's end, so the month found is that of the
 * values every output shows.
 *
 * Library code: prints nothing.
 */
#ifndef PS_LATEST_H
#define PS_LATEST_H

#include "aggregate/engine.h"

/* The latest month with data of indicator ind for unit u, as a PS_P_MONTH
 * period in *out, looking no earlier than January of not_before (a caller
 * that asks about a range starts it there); *out has type PS_P_NONE when
 * there is none from then on. A value submitted for a whole year counts as
 * data to its December; other longer periods submitted for an indicator of
 * a shorter frequency (a year-to-date or a quarter of a monthly one) are
 * not looked at: the series' own periods are. Errors: the engine's and the
 * store's database errors. */
ps_error ps_latest_month(ps_engine *e, int u, int ind, int not_before, ps_period *out, ps_ctx *ctx);

#endif
