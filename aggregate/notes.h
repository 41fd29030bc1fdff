/* notes.h - the note a value in force carries, read in full for an output.
 *
 * The store keeps with each value the note its submission gave (a cell
 * comment in the report, the `note` column of its Data sheet) whole, with
 * the value in force and with each revision (store/obs.h). This reader
 * answers by catalog indices and periods, so an output needs nothing
 * of store/ to show it.
 */
#ifndef PS_NOTES_H
#define PS_NOTES_H

#include "core/catalog.h"
#include "core/error.h"
#include "core/period.h"
#include "store/db.h"

#include <stdbool.h>

/* A reader of notes over one database; opaque. */
typedef struct ps_notes ps_notes;

/* A new reader of db's notes for the units and indicators of cat (borrowed:
 * both must outlive the reader). Errors: PS_ERR_DB. */
ps_error ps_notes_new(ps_db *db, const ps_catalog *cat, ps_notes **out, ps_ctx *ctx);
void ps_notes_free(ps_notes *n);

/* The note of the value in force of unit u and indicator ind (catalog
 * indices) for period p, the annual plan when plan is true (p is then the
 * year), else the actual value: an owned copy in *out, or NULL when no value
 * is in force or it carries no note. Errors: PS_ERR_DB (*out is then NULL). */
ps_error ps_notes_get(ps_notes *n, int u, int ind, ps_period p, bool plan, char **out, ps_ctx *ctx);

#endif
