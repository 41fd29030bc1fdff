/* csv.c - streaming CSV reading on libcsv, with line and column numbers. */
#include "core/csv.h"

#include "core/alloc.h"
#include "core/input.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <csv.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* A record (or one field) longer than this stops reading: it is almost
 * always an unmatched quote swallowing the rest of the file, and stopping
 * keeps memory bounded. Excel cells hold at most 32,767 characters. */
#define MAX_RECORD_BYTES (8 * 1024 * 1024)

/* libcsv 3.0.3's parser states (libcsv.c; not in csv.h). struct csv_parser
 * is public, and its pstate/quoted fields tell whether a record or a quoted
 * field is open at the end of a line. */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2
#define LIBCSV_FIELD_MIGHT_HAVE_ENDED 3

enum reader_state { READING, FINISHED, STOPPED };

struct ps_csv {
    ps_input *in;           /* the bytes, one block at a time */
    bool own_in;
    char *label;
    ps_encoding encoding;
    ps_recode *recode;

    struct csv_parser parser;
    char delim;
    bool delim_known;

    /* input: the bytes being split into lines are buf[pos..len) */
    ps_strbuf decoded;      /* raw converted to UTF-8 (CP1258 only) */
    const char *buf;
    size_t len, pos;
    const char *next_lf;    /* first '\n' at or after pos, NULL: none in buf */
    bool lf_known;
    bool raw_eof;           /* the file has been read to its end */
    bool first_block;
    bool after_cr;          /* the last line fed ended in '\r' at a block edge */
    long line;              /* physical line of the bytes being fed */

    /* the record being built */
    ps_strbuf arena;        /* the fields, each NUL-terminated */
    size_t *offs;           /* the start of each field in arena */
    size_t nfields, cap_fields;
    char **fields;
    long rec_line;          /* line where the record starts; 0: not begun */
    bool rec_done;
    long quote_line;        /* line where the open quoted field starts; 0: none */
    size_t quote_field;     /* its index */
    ps_csv_record rec;

    enum reader_state state;
    ps_error err;
    ps_diags *diags;        /* for the duration of one ps_csv_next call */
    ps_ctx *ctx;
};

/* ------------------------------------------------------------------------
 * Diagnostics
 * ------------------------------------------------------------------------ */

static void report(ps_csv *r, long line, int column, ps_diag_code code,
                   const char *msg)
{
    if (r->diags)
        ps_diag_add(r->diags, r->label, line, column, PS_SEV_ERROR, code, NULL, "%s", msg);
    else
        ps_failf(r->ctx, PS_ERR_REFUSED, "%s:%ld:%d: %s", r->label, line, column, msg);
}

/* Stops reading with a malformed-csv diagnostic on the current record. */
static void malformed(ps_csv *r, int column, const char *msg)
{
    long line = r->rec_line ? r->rec_line : r->line;
    report(r, line, column, PS_D_MALFORMED_CSV, msg);
    r->state = STOPPED;
    r->err = PS_ERR_REFUSED;
}

/* ------------------------------------------------------------------------
 * libcsv callbacks: copy, check and normalise each field
 * ------------------------------------------------------------------------ */

/* The 1-based column of the field with 0-based index i. */
static int column_of(size_t i)
{
    return i < (size_t)INT_MAX ? (int)i + 1 : INT_MAX;
}

static void bad_encoding(ps_csv *r, int column, const char *msg)
{
    report(r, r->rec_line, column, PS_D_BAD_ENCODING, msg);
}

static void on_field(void *data, size_t n, void *vr)
{
    ps_csv *r = vr;
    const char *s = data;
    if (!r->rec_line)
        r->rec_line = r->line;
    if (r->nfields == r->cap_fields) {
        r->cap_fields = r->cap_fields ? r->cap_fields * 2 : 16;
        r->offs = ps_xrealloc(r->offs, r->cap_fields * sizeof *r->offs);
        r->fields = ps_xrealloc(r->fields, r->cap_fields * sizeof *r->fields);
    }
    size_t index = r->nfields++;
    r->offs[index] = r->arena.len;
    int column = column_of(index);

    if (memchr(s, '\0', n)) {
        bad_encoding(r, column, ps_msg(PS_M_CSV_NUL_BYTE));
    } else if (ps_text_is_ascii(s, n)) {
        ps_sb_append(&r->arena, s, n);
    } else {
        size_t bad;
        if (ps_utf8_valid(s, n, &bad)) {
            ps_utf8_nfc_append(&r->arena, s, n);
        } else {
            char msg[200];
            ps_msg_format(msg, sizeof msg,
                     PS_M_CSV_TEXT_NOT_VALID_UTF,
                     (unsigned)(unsigned char)s[bad]);
            bad_encoding(r, column, msg);
        }
    }
    ps_sb_append(&r->arena, "", 1);   /* the field's NUL */
}

static void on_row(int c, void *vr)
{
    ps_csv *r = vr;
    if (!r->rec_line)
        r->rec_line = r->line;
    r->rec_done = true;
}

/* ------------------------------------------------------------------------
 * Input
 * ------------------------------------------------------------------------ */

/* Stops reading on a read error of the input (ctx has its message). */
static bool read_failed(ps_csv *r, ps_error err)
{
    r->state = STOPPED;
    r->err = err;
    return false;
}

/* Reads the next block into buf[0..len) (len 0 and raw_eof at the end).
 * Returns false when reading stopped. */
static bool refill(ps_csv *r)
{
    ps_error err;
    if (r->first_block) {
        /* a byte-order mark is whole in the first block: a pipe may give
         * fewer bytes to one read */
        const unsigned char *head;
        size_t nhead;
        if ((err = ps_input_peek(r->in, 3, &head, &nhead, r->ctx)))
            return read_failed(r, err);
    }
    const char *raw;
    size_t n;
    if ((err = ps_input_next(r->in, &raw, &n, r->ctx)))
        return read_failed(r, err);
    if (n == 0)
        r->raw_eof = true;
    const char *start = raw;
    size_t len = n;
    if (r->first_block) {
        r->first_block = false;
        if (r->encoding == PS_ENC_UTF8) {
            const unsigned char *u = (const unsigned char *)raw;
            if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
                start += 3;
                len -= 3;
            } else if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                                  (u[0] == 0xFE && u[1] == 0xFF))) {
                report(r, 1, 0, PS_D_BAD_ENCODING, ps_msg(PS_M_CSV_UTF16));
                r->state = STOPPED;
                r->err = PS_ERR_REFUSED;
                return false;
            }
        }
    }
    if (r->recode) {
        ps_ctx local = {0};
        ps_sb_clear(&r->decoded);
        if (ps_recode_feed(r->recode, start, len, r->raw_eof, &r->decoded, &local) != PS_OK) {
            ps_failf(r->ctx, PS_ERR_IO, "%s: %s", r->label, ps_ctx_message(&local));
            return read_failed(r, PS_ERR_IO);
        }
        start = r->decoded.buf;
        len = r->decoded.len;
    }
    r->buf = start;
    r->len = len;
    r->pos = 0;
    r->lf_known = false;
    return true;
}

/* ------------------------------------------------------------------------
 * Delimiter detection
 * ------------------------------------------------------------------------ */

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

/* Counts , ; and tab outside quotes up to the end of the first line (a line
 * break inside quotes does not end it) or of s[0..n). */
static char detect_delimiter(const char *s, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            if (c == '\n' || c == '\r')
                break;
            if (c == ',')
                comma++;
            else if (c == ';')
                semi++;
            else if (c == '\t')
                tab++;
        }
    }
    /* the most frequent wins; any tie for the most gives ',' */
    if (semi > comma && semi > tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}

/* ------------------------------------------------------------------------
 * Feeding libcsv one physical line at a time
 * ------------------------------------------------------------------------ */

/* Feeds s[0..n), all on line r->line, to the parser. */
static void feed(ps_csv *r, const char *s, size_t n)
{
    size_t done = csv_parse(&r->parser, s, n, on_field, on_row, r);
    if (done != n) {
        /* strict mode: a quote where none may be */
        int column = column_of(r->nfields);
        char msg[300];
        const char *what;
        if (r->parser.quoted)
            what = ps_msg(PS_M_CSV_TEXT_AFTER_QUOTE);
        else
            what = ps_msg(PS_M_CSV_STRAY_QUOTE);
        long line = r->rec_line ? r->rec_line : r->line;
        if (r->line != line)
            ps_msg_format(msg, sizeof msg, PS_M_CSV_LINE, what, r->line);
        else
            snprintf(msg, sizeof msg, "%s", what);
        malformed(r, column, msg);
        return;
    }
    int pstate = r->parser.pstate;
    if (!r->rec_line && pstate != LIBCSV_ROW_NOT_BEGUN)
        r->rec_line = r->line;
    if ((pstate == LIBCSV_FIELD_BEGUN || pstate == LIBCSV_FIELD_MIGHT_HAVE_ENDED) &&
        r->parser.quoted) {
        if (!r->quote_line || r->quote_field != r->nfields) {
            r->quote_line = r->line;
            r->quote_field = r->nfields;
        }
    } else {
        r->quote_line = 0;
    }
    if (r->arena.len + r->parser.entry_pos > MAX_RECORD_BYTES) {
        int column = column_of(r->nfields);
        char msg[200];
        if (r->quote_line)
            ps_msg_format(msg, sizeof msg, PS_M_CSV_QUOTED_FIELD_THAT_STARTS, r->quote_line, MAX_RECORD_BYTES >> 20);
        else
            ps_msg_format(msg, sizeof msg, PS_M_CSV_RECORD_LONGER_THAN_MIB,
                     MAX_RECORD_BYTES >> 20);
        malformed(r, column, msg);
    }
}

/* The end of the input: flush libcsv (a last line without a line break). */
static void finish(ps_csv *r)
{
    if (csv_fini(&r->parser, on_field, on_row, r) != 0) {
        int column = column_of(r->nfields);
        long line = r->rec_line ? r->rec_line : r->line;
        long qline = r->quote_line ? r->quote_line : line;
        char msg[200];
        if (qline == line)
            ps_msg_format(msg, sizeof msg, PS_M_CSV_QUOTED_FIELD_THAT_STARTS_2);
        else
            ps_msg_format(msg, sizeof msg, PS_M_CSV_QUOTED_FIELD_THAT_STARTS_3, qline);
        malformed(r, column, msg);
        return;
    }
    if (r->state == READING)
        r->state = FINISHED;
}

/* A NUL byte was fed: the file is not text (UTF-16, a binary, a device of
 * zeros), and reading on would list the same fault line after line, or
 * for ever. The record is ended here (on_field reports its field with the
 * NUL) and is the last one; inside an open quoted field there is no record
 * to end, and reading stops at once. */
static void stop_at_nul(ps_csv *r)
{
    int pstate = r->parser.pstate;
    if ((pstate == LIBCSV_FIELD_BEGUN || pstate == LIBCSV_FIELD_MIGHT_HAVE_ENDED) && r->parser.quoted) {
        report(r, r->rec_line ? r->rec_line : r->line, column_of(r->nfields), PS_D_BAD_ENCODING,
               ps_msg(PS_M_CSV_NUL_BYTE));
        r->state = STOPPED;
    } else {
        csv_fini(&r->parser, on_field, on_row, r);
        r->state = FINISHED;
    }
    r->err = PS_ERR_REFUSED;
}

/* Feeds lines until a record is complete, the input ends or reading stops. */
static void pump(ps_csv *r)
{
    while (!r->rec_done && r->state == READING) {
        if (r->pos == r->len) {
            if (r->raw_eof) {
                finish(r);
                break;
            }
            refill(r);
            continue;
        }
        const char *s = r->buf + r->pos;
        const char *end = r->buf + r->len;
        if (r->after_cr) {
            r->after_cr = false;
            if (*s == '\n') {       /* the second half of a CRLF */
                feed(r, s, 1);
                r->pos++;
                continue;
            }
        }
        if (!r->lf_known || (r->next_lf && r->next_lf < s)) {
            r->next_lf = memchr(s, '\n', (size_t)(end - s));
            r->lf_known = true;
        }
        const char *stop = r->next_lf ? r->next_lf : end;
        const char *cr = memchr(s, '\r', (size_t)(stop - s));
        size_t n;
        bool ends_line = true;
        if (cr) {
            n = (size_t)(cr - s) + 1;
            if (cr + 1 < end) {
                if (cr[1] == '\n')
                    n++;
            } else if (!r->raw_eof) {
                r->after_cr = true;
            }
        } else if (r->next_lf) {
            n = (size_t)(r->next_lf - s) + 1;
        } else {
            n = (size_t)(end - s);
            ends_line = false;
        }
        const char *nul = memchr(s, '\0', n);
        if (nul && !ends_line)
            n = (size_t)(nul - s) + 1; /* no line end to wait for (/dev/zero has none) */
        if (!r->delim_known && !is_blank(s, n)) {
            r->delim = detect_delimiter(s, (size_t)(end - s));
            r->delim_known = true;
            csv_set_delim(&r->parser, (unsigned char)r->delim);
        }
        feed(r, s, n);
        r->pos += n;
        if (ends_line)
            r->line++;
        if (nul && r->state == READING)
            stop_at_nul(r);
    }
}

/* ------------------------------------------------------------------------
 * Public interface
 * ------------------------------------------------------------------------ */

ps_error ps_csv_open_input(ps_csv **out, ps_input *in, const ps_csv_opts *opts, ps_ctx *ctx)
{
    *out = NULL;
    ps_csv_opts defaults = {0};
    if (!opts)
        opts = &defaults;
    if (opts->delimiter && opts->delimiter != ',' && opts->delimiter != ';' &&
        opts->delimiter != '\t')
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_CSV_CSV_DELIMITER_MUST_TAB);

    ps_csv *r = ps_xcalloc(1, sizeof *r);
    r->in = in;
    r->label = ps_xstrdup(opts->label ? opts->label : ps_input_label(in));
    r->encoding = opts->encoding;
    r->first_block = true;
    r->line = 1;
    r->state = READING;
    r->delim = opts->delimiter ? opts->delimiter : ',';
    r->delim_known = opts->delimiter != 0;

    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_realloc_func(&r->parser, ps_xrealloc);
    csv_set_blk_size(&r->parser, 4096);
    csv_set_delim(&r->parser, (unsigned char)r->delim);

    if (r->encoding == PS_ENC_CP1258) {
        ps_error err = ps_recode_open(&r->recode, "CP1258", ctx);
        if (err != PS_OK) {
            ps_csv_close(r);
            return err;
        }
    }
    *out = r;
    return PS_OK;
}

ps_error ps_csv_open(ps_csv **out, const char *path, const ps_csv_opts *opts, ps_ctx *ctx)
{
    *out = NULL;
    ps_input *in;
    ps_error err = ps_input_open(&in, path, opts ? opts->label : NULL, ctx);
    if (err)
        return err;
    if ((err = ps_csv_open_input(out, in, opts, ctx))) {
        ps_input_close(in);
        return err;
    }
    (*out)->own_in = true;
    return PS_OK;
}

int ps_csv_next(ps_csv *r, ps_csv_record **rec, ps_diags *diags, ps_ctx *ctx)
{
    *rec = NULL;
    if (r->state == STOPPED)
        return -1;
    if (r->state == FINISHED)
        return 0;
    r->diags = diags;
    r->ctx = ctx;
    ps_sb_clear(&r->arena);
    r->nfields = 0;
    r->rec_line = 0;
    r->rec_done = false;

    pump(r);

    r->diags = NULL;
    r->ctx = NULL;
    if (r->state == STOPPED)
        return -1;
    if (!r->rec_done)
        return 0;

    for (size_t i = 0; i < r->nfields; i++)
        r->fields[i] = r->arena.buf + r->offs[i];
    r->rec.line = r->rec_line;
    r->rec.nfields = r->nfields;
    r->rec.fields = r->fields;
    *rec = &r->rec;
    return 1;
}

char ps_csv_delimiter(const ps_csv *r)
{
    return r->delim;
}

long long ps_csv_bytes_read(const ps_csv *r)
{
    return ps_input_bytes(r->in);
}

long long ps_csv_file_size(const ps_csv *r)
{
    return ps_input_size(r->in);
}

ps_error ps_csv_error(const ps_csv *r)
{
    return r->err;
}

void ps_csv_close(ps_csv *r)
{
    if (!r)
        return;
    csv_free(&r->parser);
    if (r->own_in)
        ps_input_close(r->in);
    ps_recode_free(r->recode);
    ps_sb_free(&r->decoded);
    ps_sb_free(&r->arena);
    free(r->offs);
    free(r->fields);
    free(r->label);
    free(r);
}
