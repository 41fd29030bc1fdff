/* rules.h - the catalog's consistency rules (rules.csv) on the values a
 * file leaves in the database (SPEC §4), for every unit and period the
 * file stored a value of.
 *
 * Internal to ingest.
 */
#ifndef PS_RULES_H
#define PS_RULES_H

#include "core/catalog.h"
#include "core/diag.h"
#include "core/map.h"
#include "store/obs.h"

#include <stdbool.h>

/* The (unit, period) pairs to check; zero it to start. */
typedef struct ps_rules_todo {
    ps_set64 seen;
    int *pairs;                 /* unit index, period key, ... */
    size_t n;
} ps_rules_todo;

/* Adds catalog unit index unit and period key period (once). */
void ps_rules_todo_add(ps_rules_todo *t, int unit, int period);
void ps_rules_todo_free(ps_rules_todo *t);

/* What a rule check needs; borrowed. */
typedef struct ps_rules_run {
    ps_obs_writer *w;
    const ps_catalog *cat;
    long long sub_id;
    bool partial;               /* --partial: undo a failed error rule's values */
    const char *path;           /* diagnostics are labelled path, column value_col */
    int value_col;
    ps_diags *d;
} ps_rules_run;

/* Checks every rule for every pair of t; a failed rule is a diagnostic of
 * its severity, at the line of the file's first value it names. With
 * partial, the file's values of the indicators of a failed error rule are
 * undone for that unit and period: *new_undone and *revised_undone count
 * them. */
ps_error ps_rules_check(const ps_rules_run *r, const ps_rules_todo *t, long *new_undone, long *revised_undone,
                        ps_ctx *ctx);

#endif
