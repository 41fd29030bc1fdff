/* csv_out_int.h - what only the CSV export and its tests use. */
#ifndef PS_CSV_OUT_INT_H
#define PS_CSV_OUT_INT_H

#include "export/csv_out.h"

/* Appends s to sb as one CSV field (no separator): quoted when it holds
 * ',', '"', CR or LF; with guard, a leading ' when it starts like a formula.
 * NULL is an empty field. */
void ps_export_csv_field(ps_strbuf *sb, const char *s, bool guard);

#endif
