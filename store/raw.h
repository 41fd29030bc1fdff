/* raw.h - the raw bytes of every stored submission, kept in the database.
 *
 * SPEC §4: the raw bytes of every stored submission are kept (so `backup`
 * carries them) and can be written out again; a stream is kept as it was
 * read. They live in submission_raw(submission_id, seq, bytes), in chunks
 * of PS_RAW_CHUNK bytes written as the file is read (memory stays one
 * chunk), inside the ingest's transaction: a file that stores nothing is
 * rolled back with its bytes.
 */
#ifndef PS_RAW_H
#define PS_RAW_H

#include "store/db.h"

#include <stddef.h>
#include <stdio.h>

/* The bytes of one row of submission_raw (the last may hold fewer). */
#define PS_RAW_CHUNK (256 * 1024)

/* Collects the bytes of one submission and writes them in chunks; opaque. */
typedef struct ps_raw_writer ps_raw_writer;

/* A writer of submission sub_id's bytes through db (borrowed), in db's
 * open write transaction. Owned, for ps_raw_writer_free. */
ps_raw_writer *ps_raw_writer_new(ps_db *db, long long sub_id);
/* Adds data[0..n) after the bytes written so far; a full chunk is written
 * to the database. PS_ERR_DB (or BUSY) with a message on failure; every
 * later call then fails too. Its signature is core/input.h's
 * ps_input_sink, so an input can feed it directly (arg: the writer). */
ps_error ps_raw_write(void *wr, const void *data, size_t n, ps_ctx *ctx);
/* Writes the last, partial chunk. */
ps_error ps_raw_writer_finish(ps_raw_writer *wr, ps_ctx *ctx);
/* NULL does nothing; bytes not finished are not written. */
void ps_raw_writer_free(ps_raw_writer *wr);

/* Writes the kept bytes of submission sub_id to out, in order, and their
 * count into *bytes (may be NULL). PS_ERR_NOT_FOUND when the database
 * keeps none for it ("submission N has no raw bytes kept: it stored nothing,
 * or was ingested before provstat kept them"), PS_ERR_IO when out cannot
 * be written, PS_ERR_DB on a failure of the database. */
ps_error ps_raw_copy(ps_db *db, long long sub_id, FILE *out, long long *bytes, ps_ctx *ctx);

#endif
