/* html.h - the portal's one HTML writer, which cannot forget to escape.
 *
 * Markup comes only from string literals in the code: ps_html_tag and
 * ps_html_fmt accept nothing else (the macros paste "" around their
 * argument, so a variable there does not compile). Every value is written
 * through a conversion that escapes it: in ps_html_fmt, %s is text escaped
 * for an element or a quoted attribute (& < > " '), %u is a query-string
 * value (percent-encoded, then escaped), %d %ld %lld %zu are numbers and %%
 * is '%'. There is no conversion that writes a value unescaped.
 */
#ifndef PS_HTML_H
#define PS_HTML_H

#include "core/strbuf.h"

typedef struct ps_html {
    ps_strbuf sb;
} ps_html;

void ps_html_init(ps_html *h);
void ps_html_free(ps_html *h);

/* Literal markup. */
#define ps_html_tag(h, literal) ps_html_markup_((h), "" literal "")
/* Markup with escaped values (see above). */
#define ps_html_fmt(h, literal, ...) ps_html_fmt_((h), "" literal "", __VA_ARGS__)
/* Text, escaped. */
void ps_html_text(ps_html *h, const char *text);

void ps_html_markup_(ps_html *h, const char *markup);
void ps_html_fmt_(ps_html *h, const char *fmt, ...);

/* Appends s escaped for HTML (text or a quoted attribute) to sb. */
void ps_html_escape(ps_strbuf *sb, const char *s);
/* Appends s percent-encoded for a query string to sb (unreserved bytes as they are). */
void ps_url_encode(ps_strbuf *sb, const char *s);

#endif
