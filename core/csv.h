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
 * cannot resynchronise), ps_csv_next returns -1.
 */
#ifndef PS_CSV_H
#define PS_CSV_H

#include "core/diag.h"
#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum ps_encoding { PS_ENC_UTF8 = 0, PS_ENC_CP1258 = 1 } ps_encoding;

typedef struct ps_csv_opts {
    ps_encoding encoding;   /* default UTF-8 */
    char delimiter;         /* 0: detect from the header line */
    const char *label;      /* the path to put in diagnostics; default the path */
} ps_csv_opts;

typedef struct ps_csv_record {
    long line;          /* physical line (1-based) on which the record starts */
    size_t nfields;
    char **fields;      /* NUL-terminated UTF-8 (NFC); owned by the reader,
                           valid until the next ps_csv_next call */
} ps_csv_record;

typedef struct ps_csv ps_csv;

/* Opens path for reading ("-" is standard input). PS_ERR_IO with
 * "cannot open PATH: reason" when it cannot be read. */
ps_error ps_csv_open(ps_csv **out, const char *path, const ps_csv_opts *opts, ps_ctx *ctx);

/* Pulls the next record into *rec. Returns 1 with a record, 0 at the end,
 * -1 when reading stopped: on malformed CSV (a diagnostic was added to
 * diags) or on a read error (ctx has the message, ps_csv_error() returns
 * PS_ERR_IO). Encoding problems add diagnostics to diags and still return
 * the record. diags may be NULL only for input known to be clean. */
int ps_csv_next(ps_csv *r, ps_csv_record **rec, ps_diags *diags, ps_ctx *ctx);

/* The delimiter in use (known after the first record). */
char ps_csv_delimiter(const ps_csv *r);
/* Bytes read from the file so far and its size (0 when unknown), for progress. */
long long ps_csv_bytes_read(const ps_csv *r);
long long ps_csv_file_size(const ps_csv *r);
/* PS_OK, or the error that stopped reading. */
ps_error ps_csv_error(const ps_csv *r);

void ps_csv_close(ps_csv *r);

#endif
