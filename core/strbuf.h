/* strbuf.h - a growable, always NUL-terminated byte string.
 *
 * Zero-initialise (PS_STRBUF_INIT) or call ps_sb_init(); the buffer owns its
 * memory until ps_sb_free() or ps_sb_steal().
 */
#ifndef PS_STRBUF_H
#define PS_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ps_strbuf {
    char *buf;   /* NUL-terminated; NULL until something is appended */
    size_t len;
    size_t cap;
} ps_strbuf;

#define PS_STRBUF_INIT {NULL, 0, 0}

void ps_sb_init(ps_strbuf *sb);
void ps_sb_free(ps_strbuf *sb);
void ps_sb_clear(ps_strbuf *sb);            /* length 0, keeps the memory */
void ps_sb_append(ps_strbuf *sb, const char *s, size_t n);
void ps_sb_puts(ps_strbuf *sb, const char *s);
void ps_sb_putc(ps_strbuf *sb, char c);
void ps_sb_printf(ps_strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ps_sb_vprintf(ps_strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Returns the contents ("" when empty, never NULL); valid until the next change. */
const char *ps_sb_str(const ps_strbuf *sb);
/* Returns the owned contents (never NULL) and leaves sb empty. */
char *ps_sb_steal(ps_strbuf *sb);

#endif
