/* retract.h - withdrawing one stored value (SPEC §2, §4).
 *
 * A retraction deletes nothing: it stores an empty revision of the value,
 * brought by a submission of its own named "(retract)", so the history
 * shows who withdrew it and when. Only the reporter that sent the value
 * may withdraw it, unless force is given; the override is then recorded.
 */
#ifndef PS_RETRACT_H
#define PS_RETRACT_H

#include "core/catalog.h"
#include "core/period.h"
#include "ingest/change.h"
#include "store/db.h"

#include <stdbool.h>

typedef struct ps_retract_req {
    int unit, indicator;   /* catalog indexes */
    ps_period period;
    int measure;           /* PS_MEASURE_ACTUAL or PS_MEASURE_PLAN */
    int reporter;          /* catalog index of who withdraws it */
    bool force;            /* withdraw another reporter's value (recorded) */
} ps_retract_req;

typedef struct ps_retract_result {
    int revision;          /* the empty revision stored */
    ps_change_warning kept; /* change.h: why the kept roll-ups were left unused */
} ps_retract_result;

/* Withdraws the value req names, in its own transaction. Returns
 * PS_ERR_REFUSED when there is no value to withdraw or it belongs to
 * another reporter and force is not given (ctx says which; nothing is
 * written), PS_ERR_DB / PS_ERR_BUSY when the database fails. */
ps_error ps_retract_value(ps_db *db, const ps_catalog *cat, const ps_retract_req *req,
                          ps_retract_result *res, ps_ctx *ctx);

#endif
