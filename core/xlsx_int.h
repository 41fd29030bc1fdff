/* xlsx_int.h - what the .xlsx reader's files share (core/xlsx*.c only).
 *
 * xlsx_part.c reads one zip entry ("part") through expat with the reader's
 * limits; xlsx_book.c reads the parts that come before the sheet (package
 * and workbook relationships, workbook.xml, styles, shared strings);
 * xlsx.c streams the sheet's rows.
 */
#ifndef PS_XLSX_INT_H
#define PS_XLSX_INT_H

#include "core/error.h"
#include "core/inflate_ahead.h"
#include "core/strbuf.h"
#include "core/xlsx.h"

#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

/* Excel's limits. */
#define XL_MAX_ROW 1048576L
#define XL_MAX_COL PS_XLSX_MAX_COLS
#define XL_MAX_CELL_BYTES (32767 * 4)   /* 32,767 characters of up to 4 bytes */

/* The defaults of ps_xlsx_opts filled in. */
void xl_opts_fill(ps_xlsx_opts *o, const ps_xlsx_opts *given);

/* --- one part through expat ------------------------------------------------
 * Element names reach the handlers without their namespace prefix
 * ("x:row" -> "row"). */
typedef struct xl_part xl_part;
typedef struct xl_handlers {
    void (*start)(xl_part *pt, const char *name, const char **atts);
    void (*end)(xl_part *pt, const char *name);
    void (*text)(xl_part *pt, const char *s, int len);
} xl_handlers;

struct xl_part {
    const char *file;          /* the label, for messages (borrowed) */
    char *name;                /* the entry's name (owned) */
    zip_file_t *f;
    ps_inflate_ahead *ahead;   /* f inflated in a thread (xl_part_inflate_ahead), or NULL */
    XML_Parser p;
    const xl_handlers *h;
    void *u;                   /* the handlers' own state */
    size_t limit, read;        /* inflated bytes: the bound, read so far */
    unsigned long long comp, size;   /* compressed and declared sizes */
    unsigned ratio, depth, max_depth;
    bool failed;
    char msg[1024];             /* a handler's refusal */
};

/* Opens the entry `name` (case-insensitive) of za for streaming through
 * the handlers (u is kept in pt->u for them). PS_ERR_NOT_FOUND without a
 * message when there is no such entry; PS_ERR_REFUSED with a message when
 * it is encrypted or declares more than limit bytes. */
ps_error xl_part_open(xl_part *pt, zip_t *za, const char *name, size_t limit, const ps_xlsx_opts *o,
                      const xl_handlers *h, void *u, ps_ctx *ctx);
/* From now on the entry is inflated in a thread of its own
 * (core/inflate_ahead.h), when one can be started. */
void xl_part_inflate_ahead(xl_part *pt);
/* Parses on: 1 when a handler suspended the parse (xl_suspend), 0 at the
 * end of the part, -1 when refused (ctx has the message). */
int xl_part_pump(xl_part *pt, ps_ctx *ctx);
/* Frees what pt holds; a zeroed pt does nothing. */
void xl_part_close(xl_part *pt);
/* Opens, parses to the end and closes; as xl_part_open for errors. */
ps_error xl_part_parse(zip_t *za, const char *name, size_t limit, const ps_xlsx_opts *o,
                       const xl_handlers *h, void *u, ps_ctx *ctx);

/* From a handler: stop with a refusal (first message wins) / suspend. */
void xl_fail(xl_part *pt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same with the message id (core/msg.h) and its arguments. */
void xl_failm(xl_part *pt, ps_msg_id id, ...);
void xl_suspend(xl_part *pt);

/* The value of the attribute with local name `local`, or NULL. */
const char *xl_attr(const char **atts, const char *local);

/* Appends cell text s[0..n) (valid UTF-8, as expat gives it) to out with
 * OOXML's _xHHHH_ escapes decoded, in NFC. */
void xl_text_append(ps_strbuf *out, const char *s, size_t n);

/* What a damaged workbook's message ends with (the argument of its last
 * %s), in the current language. */
#define XL_RESAVE ps_msg(PS_M_XL_RESAVE)

/* --- the parts before the sheet -------------------------------------------- */
typedef struct xl_book {
    bool date1904;
    char *sheet_name;          /* NFC */
    char *sheet_path;          /* the sheet's entry */
    bool *xf_date;             /* per cell format (cellXfs): a date format */
    size_t nxf;
    ps_strbuf strings;         /* shared strings, each NUL-terminated, NFC */
    size_t *str_off;
    size_t nstr, cap_str;
} xl_book;

/* Reads the package and workbook relationships, workbook.xml (the sheet to
 * read, the date system), styles.xml and sharedStrings.xml. PS_ERR_REFUSED
 * with a message on a missing or bad part or a limit. */
ps_error xl_book_load(xl_book *b, zip_t *za, const ps_xlsx_opts *o, ps_ctx *ctx);
void xl_book_free(xl_book *b);

#endif
