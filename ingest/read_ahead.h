/* read_ahead.h - a workbook's rows read in a thread of their own.
 *
 * How fast a workbook's rows are found, nothing of what they mean: the
 * sheet's XML is inflated and parsed (core/xlsx) in a second thread while
 * the ingest checks the rows already read, so a workbook costs about the
 * larger of the two instead of their sum. The rows handed out are copies,
 * field for field and cell for cell those ps_xlsx_next gives, in the same
 * order, with the same end and the same refusal (its message written in
 * the caller's language); tests/scripts/test_read_ahead.sh compares the
 * two ways on every workbook of the tests.
 *
 * At most PS_READ_AHEAD_ROWS rows wait in the queue, so memory stays
 * bounded whatever the sheet's size. Rows pass in batches (read_ahead.c):
 * the caller sleeps until a batch is there or the sheet is read, the
 * reader while the queue is full, and each is woken only when the other
 * sees it asleep.
 */
#ifndef PS_READ_AHEAD_H
#define PS_READ_AHEAD_H

#include "core/xlsx.h"

#define PS_READ_AHEAD_ROWS 8192

typedef struct ps_read_ahead ps_read_ahead;

/* Starts reading x (borrowed: it must outlive the read-ahead, and nothing
 * else may call it until ps_read_ahead_stop) in a new thread. NULL when no
 * thread can be started: the caller then reads x itself, as it would
 * without this file. */
ps_read_ahead *ps_read_ahead_start(ps_xlsx *x);

/* As ps_xlsx_next: 1 with *row (valid until the next call), 0 at the end,
 * -1 when the reader refused the sheet (the message in ctx). */
int ps_read_ahead_next(ps_read_ahead *ra, ps_xlsx_row **row, ps_ctx *ctx);

/* As ps_xlsx_set_width, for the rows handed out from now on. */
void ps_read_ahead_set_width(ps_read_ahead *ra, size_t ncols);

/* PS_OK, or the error that stopped reading (once -1 was returned). */
ps_error ps_read_ahead_error(const ps_read_ahead *ra);

/* Inflated bytes of the sheet read when the last row handed out was read. */
long long ps_read_ahead_bytes_read(const ps_read_ahead *ra);

/* Stops the thread (it may be mid-sheet) and frees ra; NULL does nothing. */
void ps_read_ahead_stop(ps_read_ahead *ra);

#endif
