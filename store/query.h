/* query.h - read-side queries of stored values: history and receipt of values. */
#ifndef PS_QUERY_H
#define PS_QUERY_H

#include "store/obs.h"

#include <stdbool.h>

/* One revision of a value, oldest first; strings are owned by the list. */
typedef struct ps_hist_row {
    int revision;
    bool has_value;
    double value;
    char status;
    char *reporter;     /* code of the reporter that sent this revision */
    long long submission;
    char *file;
    long line;
    char *received;
    bool current;
    char *note;
} ps_hist_row;

/* Every revision of (unit_id, indicator_id, measure, period), oldest first.
 * *rows is owned by the caller: free with ps_hist_free. */
ps_error ps_query_history(ps_db *db, const ps_obs_key *k, ps_hist_row **rows, size_t *n, ps_ctx *ctx);
void ps_hist_free(ps_hist_row *rows, size_t n);

/* Receipt of one key sent by reporter_id: *received true when a value (or
 * a '-' mark) is in force; *first_received set to the earliest received
 * date (YYYY-MM-DD…) of the submissions that brought a value for it. */
typedef struct ps_receipt_query ps_receipt_query;
ps_error ps_receipt_query_new(ps_db *db, ps_receipt_query **out, ps_ctx *ctx);
ps_error ps_receipt_get(ps_receipt_query *q, const ps_obs_key *k, long long reporter_id,
                        bool *received, char first_received[32], ps_ctx *ctx);
void ps_receipt_query_free(ps_receipt_query *q);

#endif
