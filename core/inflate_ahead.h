/* inflate_ahead.h - a zip entry inflated in a thread of its own.
 *
 * How fast a workbook's sheet is found, nothing of what it says: its
 * entry is inflated (libzip, zlib) in a second thread, a few blocks ahead
 * of the XML parser that reads it (core/xlsx_part.c), so that inflating
 * and parsing overlap. The bytes are those zip_fread gives, in the same
 * order, with the same end and the same error; at most
 * PS_INFLATE_AHEAD_BLOCKS blocks of PS_INFLATE_AHEAD_BLOCK bytes wait, so
 * the reader's limits (the part's size, the inflation ratio) still stop a
 * zip bomb within half a megabyte of where the plain way stops it.
 */
#ifndef PS_INFLATE_AHEAD_H
#define PS_INFLATE_AHEAD_H

#include <zip.h>

#define PS_INFLATE_AHEAD_BLOCK 65536
#define PS_INFLATE_AHEAD_BLOCKS 8

typedef struct ps_inflate_ahead ps_inflate_ahead;

/* Starts inflating f (borrowed: nothing else may read it, nor its
 * archive, until ps_inflate_ahead_stop). NULL when no thread can be
 * started: the caller then reads f itself. */
ps_inflate_ahead *ps_inflate_ahead_start(zip_file_t *f);

/* As zip_fread: up to n bytes (at most one block) into buf; 0 at the end,
 * -1 on an error (ps_inflate_ahead_error says what libzip said). */
zip_int64_t ps_inflate_ahead_read(ps_inflate_ahead *ia, void *buf, zip_uint64_t n);
const char *ps_inflate_ahead_error(const ps_inflate_ahead *ia);

/* Stops the thread (it may be mid-entry) and frees ia; NULL does nothing. */
void ps_inflate_ahead_stop(ps_inflate_ahead *ia);

#endif
