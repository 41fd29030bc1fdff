/* retract.h - withdrawing stored values (SPEC §2, §4).
 *
 * A retraction deletes nothing: it stores an empty revision of each value,
 * brought by a submission of its own named "(retract)", so the history
 * shows who withdrew it and when. What a reporter may withdraw:
 * - only values of units in its scope and of indicators in its list,
 *   with or without force;
 * - a value another reporter sent, or one in a closed period
 *   (ingest/period_lock.h), only with force; the override is then
 *   recorded, and a value withdrawn from a closed period flags the
 *   roll-ups above it `revised-after-close`, as a forced ingest does.
 * A retraction is all or nothing: one value it may not withdraw and none
 * is withdrawn.
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
    bool force;            /* withdraw another reporter's value or one in a closed period (recorded) */
} ps_retract_req;

typedef struct ps_retract_result {
    int revision;          /* ps_retract_value: the empty revision stored */
    long withdrawn;        /* values withdrawn */
    long forced;           /* of them, through force */
    long long submission;  /* the retraction's own submission */
    ps_change_warning kept; /* change.h: why the kept roll-ups were left unused */
} ps_retract_result;

/* Withdraws the value req names, in its own transaction. Returns
 * PS_ERR_REFUSED when there is no value to withdraw, it is outside the
 * reporter's scope or list, or it belongs to another reporter or lies in a
 * closed period and force is not given (ctx says which; nothing is
 * written), PS_ERR_DB / PS_ERR_BUSY when the database fails. */
ps_error ps_retract_value(ps_db *db, const ps_catalog *cat, const ps_retract_req *req,
                          ps_retract_result *res, ps_ctx *ctx);

/* Withdraws, in one transaction, every value submission `submission`
 * brought that is still in force from it (values a later submission
 * revised are left alone), on behalf of reporter (catalog index).
 * PS_ERR_USAGE when the submission does not exist, or reporter did not
 * send it and force is not given; PS_ERR_REFUSED when it has no value in
 * force or one of its values may not be withdrawn (as ps_retract_value;
 * nothing written); PS_ERR_DB / PS_ERR_BUSY when the database fails. */
ps_error ps_retract_submission(ps_db *db, const ps_catalog *cat, long long submission, int reporter, bool force,
                               ps_retract_result *res, ps_ctx *ctx);

#endif
