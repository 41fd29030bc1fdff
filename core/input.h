/* input.h - a file read once, as a stream: hashed and handed on as it goes.
 *
 * SPEC §4: a submission is read once, so that a pipe, a FIFO or `<(…)`
 * works, its SHA-256 is of the bytes read, and a file changed while it is
 * read is stored with the hash of what was parsed. A ps_input reads blocks
 * of PS_INPUT_BLOCK bytes with read(2) and, as each byte is consumed,
 * adds it to a running SHA-256 (core/hash.h) and hands it to a sink (the
 * ingest keeps the raw bytes in the database, store/raw.h). Bytes can be
 * looked at before they are consumed (ps_input_peek: sniff a zip before
 * choosing the reader), read a block at a time (ps_input_next: the CSV
 * reader, core/csv.h) or whole into memory up to a bound (ps_input_slurp:
 * an .xlsx for a reader that wants a buffer). Memory: one block, plus
 * what ps_input_slurp returns.
 *
 * Example:
 *   ps_input *in;
 *   if (ps_input_open(&in, path, NULL, ctx)) return ctx->err;
 *   ps_input_set_sink(in, keep_raw, &raw);
 *   ... ps_csv_open_input(&csv, in, &opts, ctx) ... read every record ...
 *   ps_input_finish(in, ctx);             // the rest of a regular file
 *   char sha[PS_SHA256_HEX]; ps_input_sha256(in, sha);
 *   ps_input_close(in);
 */
#ifndef PS_INPUT_H
#define PS_INPUT_H

#include "core/error.h"
#include "core/hash.h"

#include <stdbool.h>
#include <stddef.h>

/* The most bytes ps_input_next hands out at once, and ps_input_peek sees. */
#define PS_INPUT_BLOCK (64 * 1024)

typedef struct ps_input ps_input;

/* Receives every consumed byte, in order, once: data[0..n) is valid during
 * the call only. A failure (ctx says why) stops the input: the call that
 * consumed the bytes, and every later one, returns it. */
typedef ps_error ps_input_sink(void *arg, const void *data, size_t n, ps_ctx *ctx);

/* Opens path for reading ("-" is standard input, which is not closed):
 * a regular file, a pipe, a FIFO, a device. label names it in messages
 * (copied; NULL: the path, "(stdin)" for "-"). Nothing is read yet.
 * PS_ERR_IO with "cannot open PATH: reason" when it cannot be opened or is
 * a folder; PS_ERR_INTERNAL when OpenSSL has no SHA-256. On success *out
 * is owned, for ps_input_close. */
ps_error ps_input_open(ps_input **out, const char *path, const char *label, ps_ctx *ctx);

/* Sets the sink for the bytes consumed from now on (NULL: none); bytes
 * only peeked at so far are still to be consumed, so it sees them. */
void ps_input_set_sink(ps_input *in, ps_input_sink *fn, void *arg);

/* Looks at the next bytes without consuming them: *data points to
 * *n = min(want, what is left) bytes, want at most PS_INPUT_BLOCK; valid
 * until the next call on in. Reads (and waits on a pipe) until it has them
 * or the input ends. PS_ERR_IO with "cannot read LABEL: reason". */
ps_error ps_input_peek(ps_input *in, size_t want, const unsigned char **data, size_t *n, ps_ctx *ctx);

/* Consumes the next bytes: *data points to *n of them (1..PS_INPUT_BLOCK,
 * as one read(2) gave them), valid until the next call on in; *n 0 at the
 * end. They are hashed and given to the sink first. PS_ERR_IO with "cannot
 * read LABEL: reason", or the sink's error. */
ps_error ps_input_next(ps_input *in, const char **data, size_t *n, ps_ctx *ctx);

/* Consumes everything left into *buf (owned by the caller, *n bytes; one
 * byte more holds a NUL), hashed and given to the sink as it is read.
 * More than max bytes stops reading: PS_ERR_IO with "LABEL is larger than
 * N MiB, the most read at once", and *buf NULL. For readers that need a
 * whole file (an .xlsx, a zip). */
ps_error ps_input_slurp(ps_input *in, size_t max, unsigned char **buf, size_t *n, ps_ctx *ctx);

/* After its reader stopped: consumes the rest of a regular file (so that
 * its hash and kept bytes are of the whole file); a pipe, a FIFO or a
 * device is not read further (it may never end). */
ps_error ps_input_finish(ps_input *in, ps_ctx *ctx);

/* The lowercase hex SHA-256 of the bytes consumed so far. */
void ps_input_sha256(const ps_input *in, char hex[PS_SHA256_HEX]);
/* Bytes consumed so far. */
long long ps_input_bytes(const ps_input *in);
/* The size of a regular file when opened; 0 for anything else. */
long long ps_input_size(const ps_input *in);
/* The label given to ps_input_open (or its default). */
const char *ps_input_label(const ps_input *in);

/* Closes the file (not standard input) and frees in; NULL does nothing. */
void ps_input_close(ps_input *in);

#endif
