/* csv.h - streaming CSV reading on libcsv, with line and column numbers.
 *
 * Reads RFC 4180 files of any size with constant memory: records are pulled
 * one at a time. Handles a UTF-8 byte-order mark, LF, CRLF and lone-CR line
 * ends, quoted fields holding delimiters and line breaks, the delimiter `,`,
 * `;` or tab detected from the header line (the one with the most of them
 * outside quotes; `,` on a tie), and Windows-1258 input (converted through
 * iconv before parsing). Every field is returned as NUL-terminated UTF-8 in
 * NFC. A field that is not valid UTF-8 is reported as a diagnostic
 * (bad-encoding, with the line, the column and a hint to use
 * --encoding cp1258) and returned as an empty string.
 *
 * libcsv counts neither lines nor columns: this reader feeds libcsv one
 * physical line at a time, so it knows the physical line on which each
 * record starts. Blank lines are skipped.
 *
 * Unterminated quotes and stray quotes are a malformed-csv diagnostic at
 * the line of the record where it happens; reading stops there (libcsv
 * cannot resynchronise), ps_csv_next returns -1. So does a record longer
 * than 8 MiB (nearly always an unmatched quote), which keeps memory
 * bounded: the reader holds one 64 KiB block and one record. The bytes come
 * from a ps_input (core/input.h), read once: ps_csv_open opens one for a
 * path, ps_csv_open_input reads one the caller opened (and hashes, and
 * keeps).
 *
 * Details of the format (libcsv's rules): spaces and tabs at both ends of an
 * unquoted field are removed (a quoted field is kept as it is); a line of
 * nothing but spaces is blank; a trailing delimiter makes a last empty
 * field. A field holding a NUL byte is reported as bad-encoding and returned
 * empty, and its record is the last one read (the record ends at the NUL
 * when no line end follows in the block; ps_csv_next then returns 0 and
 * ps_csv_error PS_ERR_REFUSED): such a file is not text, and a device of
 * zeros would otherwise be read for ever; a file that starts with a UTF-16 byte-order mark is refused with
 * one bad-encoding diagnostic (line 1, column 0).
 */
#ifndef PS_CSV_H
#define PS_CSV_H

#include "core/diag.h"
#include "core/error.h"
#include "core/input.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The UTF-8 byte-order mark a CSV written for Excel starts with (--bom):
 * without it Excel reads the file in the machine's legacy code page. */
#define PS_CSV_BOM "\xEF\xBB\xBF"

typedef enum ps_encoding { PS_ENC_UTF8 = 0, PS_ENC_CP1258 = 1 } ps_encoding;

typedef struct ps_csv_opts {
    ps_encoding encoding;   /* default UTF-8 */
    char delimiter;         /* 0: detect from the header line */
    const char *label;      /* the path to put in diagnostics; default the path,
                               "(stdin)" for "-"; copied */
} ps_csv_opts;

typedef struct ps_csv_record {
    long line;          /* physical line (1-based) on which the record starts */
    size_t nfields;
    char **fields;      /* NUL-terminated UTF-8 (NFC); owned by the reader,
                           valid until the next ps_csv_next call */
} ps_csv_record;

typedef struct ps_csv ps_csv;

/* Opens path for reading ("-" is standard input, which is not closed).
 * opts may be NULL (all defaults). PS_ERR_IO with "cannot open PATH:
 * reason" when it cannot be read (a folder included); PS_ERR_USAGE for a
 * delimiter other than , ; or tab. On success *out is an owned reader for
 * ps_csv_close(). Nothing is read before the first ps_csv_next(). */
ps_error ps_csv_open(ps_csv **out, const char *path, const ps_csv_opts *opts, ps_ctx *ctx);

/* The same on an input the caller opened (borrowed: it must outlive the
 * reader, and is not closed with it); opts->label defaults to the input's
 * label. The reader consumes the input block by block as records are
 * pulled; it may have consumed more than the last record returned. */
ps_error ps_csv_open_input(ps_csv **out, ps_input *in, const ps_csv_opts *opts, ps_ctx *ctx);

/* Pulls the next record into *rec. Returns 1 with a record, 0 at the end,
 * -1 when reading stopped: on malformed CSV (a diagnostic was added to
 * diags, ps_csv_error() returns PS_ERR_REFUSED) or on a read or conversion
 * error (ctx has the message, e.g. "FILE: the text is not valid CP1258
 * (byte 0x81 at offset 12)", and ps_csv_error() returns PS_ERR_IO). Once
 * it has returned 0 or -1 it keeps returning that. Encoding problems add
 * diagnostics to diags and still return the record. diags may be NULL only
 * for input known to be clean (a diagnostic then becomes a PS_ERR_REFUSED
 * message in ctx instead). Records never have 0 fields. */
int ps_csv_next(ps_csv *r, ps_csv_record **rec, ps_diags *diags, ps_ctx *ctx);

/* The delimiter in use (known after the first record; ',' before). */
char ps_csv_delimiter(const ps_csv *r);
/* Bytes read from the file so far and its size (0 when unknown), for progress. */
long long ps_csv_bytes_read(const ps_csv *r);
long long ps_csv_file_size(const ps_csv *r);
/* PS_OK, or the error that stopped reading: PS_ERR_REFUSED for malformed
 * CSV or a NUL byte, PS_ERR_IO for a read or conversion error, or the
 * error of the input's sink (ctx has its message). */
ps_error ps_csv_error(const ps_csv *r);

/* Frees r and closes the input ps_csv_open opened (never standard input,
 * nor an input given to ps_csv_open_input); NULL does nothing. */
void ps_csv_close(ps_csv *r);

#endif
