/* diag_int.h - what only the diagnostics module and its tests use. */
#ifndef PS_DIAG_INT_H
#define PS_DIAG_INT_H

#include "core/diag.h"

/* Removes the diagnostics from index `from` of those in memory on (from 0:
 * all of them, those in the temporary file included). */
void ps_diags_truncate(ps_diags *d, size_t from);

/* Diagnostics in memory at most before they go to the temporary file
 * (tests set it small). */
extern size_t ps_diag_spill_at;

/* Appends x (taking its strings), spilling first when memory is full. */
void ps_diag_push(ps_diags *d, ps_diag x);
/* By path, line, column. */
int ps_diag_cmp_pos(const ps_diag *x, const ps_diag *y);
/* The stable sort of the diagnostics in memory. */
void ps_diags_sort_memory(ps_diags *d);

/* core/diag_spill.c: the diagnostics in memory written to the temporary
 * file as a run (memory is then empty; false when the file could not be
 * made or written: they stay in memory, and no more are spilled); every
 * spilled one given to fn as an owned ps_diag, in order; the runs sorted
 * into one; the file closed. */
bool ps_diag_spill_out(ps_diags *d);
void ps_diag_spill_each(const ps_diags *d, void (*fn)(ps_diag *x, void *arg), void *arg);
void ps_diag_spill_sort(ps_diags *d);
void ps_diag_spill_free(ps_diags *d);

#endif
