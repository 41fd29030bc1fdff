/* diag_int.h - what only the diagnostics module and its tests use. */
#ifndef PS_DIAG_INT_H
#define PS_DIAG_INT_H

#include "core/diag.h"

/* Removes the diagnostics from index `from` on. */
void ps_diags_truncate(ps_diags *d, size_t from);

#endif
