/* msg.h - the texts provstat shows the officer, in Vietnamese and English.
 *
 * Every message has an id (core/msg_ids.def; the default texts of the
 * diagnostic codes, core/diag_codes.def, are ids too: PS_M_D_<CODE>). Each
 * language has one table holding all of its texts: core/msg_en.c and
 * core/msg_vi.c. A text is a printf format; where Vietnamese word order needs
 * it, a text uses positional conversions (`%2$s … %1$s`), and then all of
 * its conversions are positional. tests/unit/core/test_msg.c checks that
 * both languages' texts of an id take the same arguments.
 *
 * The current language belongs to the thread (so a server can answer each
 * request in its own language); it starts as English. Nothing here calls
 * setlocale or needs a system locale.
 */
#ifndef PS_MSG_H
#define PS_MSG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum ps_lang { PS_LANG_EN = 0, PS_LANG_VI = 1, PS_LANG_COUNT_ } ps_lang;

typedef enum ps_msg_id {
#define X(id, code) PS_M_D_##id,
#include "core/diag_codes.def"
#undef X
#define M(id) PS_M_##id,
#include "core/msg_ids.def"
#undef M
    PS_M_COUNT_
} ps_msg_id;

/* The texts are printf formats that are not literals, so the compiler
 * cannot check their arguments: tests/unit/core/test_msg.c does, for every
 * id and both languages. The few statements that apply a table's format
 * stand between these two, which silence -Wformat-nonliteral there only. */
#define PS_TABLE_FORMAT_BEGIN _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wformat-nonliteral\"")
#define PS_TABLE_FORMAT_END _Pragma("GCC diagnostic pop")

/* The text of id in lang (a static string, never NULL: an id out of range
 * gives a fixed "?"). */
const char *ps_msg_text(ps_lang lang, ps_msg_id id);
/* The text of id in the current thread's language. */
const char *ps_msg(ps_msg_id id);

/* The same with the arguments in ap: the one place that applies a
 * table's format to a buffer. */
char *ps_msg_vformat(char *buf, size_t n, ps_msg_id id, va_list ap);

/* Formats the message id with the arguments that follow into buf (at most
 * n bytes, always terminated when n > 0); returns buf. */
char *ps_msg_format(char *buf, size_t n, ps_msg_id id, ...);

/* The current thread's language (PS_LANG_EN until set). */
ps_lang ps_lang_get(void);
void ps_lang_set(ps_lang lang);

/* "vi" or "en" (exactly) into *out; false for anything else or NULL. */
bool ps_lang_parse(const char *s, ps_lang *out);
/* "vi" or "en". */
const char *ps_lang_name(ps_lang lang);
/* The language the locale variables ask for, given their values (NULL or
 * empty: not set): the first set of lc_all, lc_messages, lang decides,
 * Vietnamese when it starts with "vi"; English otherwise or when none is
 * set. Reads only the strings given, never the system's locales. */
ps_lang ps_lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang);

#endif
