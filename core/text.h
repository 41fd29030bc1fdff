/* text.h - UTF-8 text: validity, NFC, display width, CP1258, small helpers.
 *
 * Everything provstat stores or compares is UTF-8 in Unicode NFC, so that a
 * decomposed "Hạ Long" typed on macOS equals the composed one.
 */
#ifndef PS_TEXT_H
#define PS_TEXT_H

#include "core/error.h"
#include "core/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF). On false, *bad_offset (if not NULL) is the offset of the
 * first byte of the first bad sequence. */
bool ps_utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* Appends the NFC form of valid UTF-8 s[0..n) to out (s is borrowed). ASCII
 * is appended as is; other text goes through the normaliser without a heap
 * allocation for short strings, so this is the per-field path of the CSV
 * reader. */
void ps_utf8_nfc_append(ps_strbuf *out, const char *s, size_t n);

/* True when s[0..n) is pure ASCII. */
bool ps_text_is_ascii(const char *s, size_t n);

/* The number of terminal columns valid UTF-8 s takes: combining marks
 * (non-spacing, enclosing), zero-width format characters and control
 * characters 0, East Asian Wide and Fullwidth characters 2, others 1
 * (libunistring's tables). Never uses wcwidth() or the locale. A byte that is
 * not UTF-8 counts as one column. */
size_t ps_text_width(const char *s);

/* True when a spreadsheet would read s as the start of a formula (SPEC §6):
 * its first character is '=', '+', '-' or '@', also after whitespace,
 * control characters (tab, CR, LF, C1 controls), no-break and other Unicode
 * spaces, or a zero-width no-break space. */
bool ps_text_formula_like(const char *s);

/* Appends s to sb as one CSV field (RFC 4180: quoted when it holds a comma,
 * a quote, CR or LF; quotes doubled). With guard, a field that a
 * spreadsheet would read as a formula (ps_text_formula_like) gets a
 * leading ' (SPEC §6), unless it is a negative number as provstat writes
 * numbers (-12.5). The one CSV field writer of
 * every output: exports, listings, the errors CSV. */
void ps_text_csv_field(ps_strbuf *sb, const char *s, bool guard);

/* The Levenshtein distance between two short UTF-8 strings, counted in code
 * points (for "did you mean" hints); a byte that is not UTF-8 counts as one
 * unit. */
size_t ps_text_distance(const char *a, const char *b);

/* Case-insensitive ASCII comparison, like strcmp: <0, 0 or >0. Bytes
 * outside A-Z/a-z compare as they are. */
int ps_text_casecmp(const char *a, const char *b);

/* Upper-cases the ASCII letters of s in place (codes: SPEC §3, "codes are
 * matched without regard to letter case"); other bytes are left as they
 * are. Returns s. */
char *ps_text_upper_ascii(char *s);

/* True when header names a and b name the same column (SPEC §3): compared
 * after NFC without regard to letter case, Vietnamese diacritics (đ is d),
 * spaces (also tab and no-break space) or '_': "Mã đơn vị", "MA_DON_VI" and
 * "ma don vi" are the same. The one header matcher of submissions and
 * catalog files. */
bool ps_text_header_same(const char *a, const char *b);

/* Copies text[0..n) into out for a message: control bytes become '?', at
 * most 40 bytes (fewer when outsz is smaller, which must be at least 5),
 * never cutting a UTF-8 sequence, "..." when cut. */
void ps_text_quote(const char *text, size_t n, char *out, size_t outsz);

/* Trims ASCII spaces and tabs at both ends, in place; returns s. */
char *ps_text_trim(char *s);

/* --- Windows-1258 to UTF-8, streaming (iconv) -------------------------------
 * glibc composes a base letter with a following tone mark and holds the last
 * character back until the final flush; this wrapper carries incomplete
 * sequences into the next call and flushes on `final`. Output is appended to
 * `out` (not NFC: normalise afterwards). */
typedef struct ps_recode ps_recode;

/* Opens a converter from `from_encoding` ("CP1258") to UTF-8; PS_ERR_USAGE
 * with a message when iconv does not know the encoding. */
ps_error ps_recode_open(ps_recode **out, const char *from_encoding, ps_ctx *ctx);
/* Converts in[0..n) and appends to out; final = true flushes the state
 * (after which the converter may start a new stream). PS_ERR_IO with a
 * message naming the byte and its offset in the stream on bytes that are
 * invalid in the encoding, or when the stream ends inside a character;
 * after a failure every later call fails. */
ps_error ps_recode_feed(ps_recode *r, const char *in, size_t n, bool final,
                        ps_strbuf *out, ps_ctx *ctx);
/* Frees r; NULL does nothing. */
void ps_recode_free(ps_recode *r);

#endif
