/* dbcatalog.h - saving the catalog into the database and loading it back. */
#ifndef PS_DBCATALOG_H
#define PS_DBCATALOG_H

#include "core/catalog.h"
#include "store/db.h"

#include <stdbool.h>

/* Inside the caller's write transaction, saves cat into db: adds new
 * entries, updates names, units of measure, order, groups, keys, deadlines,
 * formulas and rules; keeps every stored value. Refuses (PS_ERR_REFUSED,
 * every problem in diags under paths[file]) to drop a unit, indicator or
 * reporter that has data, or to change the kind, frequency or aggregation
 * of an indicator that has data. On success fills the ids of cat's entries
 * and sets *changed when the stored catalog is not what it was (the caller
 * moves the data generation: ingest/change.h). */
ps_error ps_db_catalog_save(ps_db *db, ps_catalog *cat, const char *const paths[4], ps_diags *diags,
                            bool *changed, ps_ctx *ctx);

/* Loads the catalog from db into an owned *out. PS_ERR_USAGE with a hint to
 * run init when the database has no catalog yet. */
ps_error ps_db_catalog_load(ps_db *db, ps_catalog **out, ps_ctx *ctx);

#endif
