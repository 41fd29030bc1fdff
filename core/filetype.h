/* filetype.h - what kind of file a submission is, from its content.
 *
 * Offices send what Excel saved: a CSV, an .xlsx, but also an .xls, an .ods,
 * a zip of several files, a PDF or a UTF-16 "Unicode text". provstat reads
 * CSV (text) and .xlsx; every other kind is refused with a sentence an
 * officer can act on (ps_filetype_advice). The file's name is never looked
 * at: only its bytes.
 *
 * Two steps, so that a caller streaming the file can decide early:
 * ps_filetype_sniff_head() on the first bytes tells text from containers;
 * a zip or OLE2 container needs its whole bytes, given to
 * ps_filetype_sniff(), to say which workbook it is.
 */
#ifndef PS_FILETYPE_H
#define PS_FILETYPE_H

#include <stddef.h>

typedef enum ps_filetype {
    PS_FT_TEXT = 0,     /* UTF-8 or single-byte text: a CSV (or empty) */
    PS_FT_UTF16,        /* UTF-16 text ("Unicode text" in Excel) */
    PS_FT_XLSX,         /* an Office Open XML workbook (.xlsx, .xlsm) */
    PS_FT_XLSB,         /* an Excel binary workbook (.xlsb) */
    PS_FT_ODS,          /* an OpenDocument spreadsheet (.ods) */
    PS_FT_ZIP,          /* another zip archive (or one not yet looked into) */
    PS_FT_XLS,          /* an Excel 97-2003 workbook (OLE2 compound file) */
    PS_FT_ENCRYPTED,    /* a password-protected workbook (OLE2 EncryptedPackage) */
    PS_FT_PDF,          /* a PDF document */
    PS_FT_BINARY,       /* other binary data (NUL or control bytes) */
    PS_FT_COUNT_        /* number of kinds; not a kind */
} ps_filetype;

/* How many first bytes ps_filetype_sniff_head() looks at; give it this many
 * when the file is at least that long. */
#define PS_FILETYPE_HEAD 4096

/* The kind from the first bytes of a file (borrowed; n may be anything,
 * 0 included: an empty file is PS_FT_TEXT). A zip comes back as PS_FT_ZIP
 * and an OLE2 file as PS_FT_XLS: only the whole file tells an .xlsx from
 * an .ods, or an .xls from an encrypted .xlsx (ps_filetype_sniff). */
ps_filetype ps_filetype_sniff_head(const void *head, size_t n);

/* The kind of a whole file (data[0..n), borrowed): as
 * ps_filetype_sniff_head(), and for a zip its entries (xl/workbook.xml:
 * xlsx; xl/workbook.bin: xlsb; a `mimetype` entry naming
 * application/vnd.oasis.opendocument.spreadsheet: ods; else zip, also for
 * a damaged zip), for an OLE2 file an EncryptedPackage stream (encrypted,
 * else xls). */
ps_filetype ps_filetype_sniff(const void *data, size_t n);

/* A short stable name: "text", "utf16", "xlsx", "xlsb", "ods", "zip",
 * "xls", "encrypted", "pdf", "binary"; "?" for a value out of range. */
const char *ps_filetype_name(ps_filetype t);

/* One sentence in the thread's language (core/msg.h), without a final full
 * stop, that says what the file is and, for a kind provstat does not read,
 * how to send it instead, e.g.
 * "the file is an Excel 97-2003 workbook (.xls): open it in Excel and save
 * it as .xlsx (Excel Workbook) or CSV UTF-8". Static; never NULL. */
const char *ps_filetype_advice(ps_filetype t);

#endif
