/* html.c - the escaping HTML writer (html.h). */
#include "web/html.h"

#include <stdarg.h>
#include <string.h>

void ps_html_init(ps_html *h)
{
    ps_sb_init(&h->sb);
}

void ps_html_free(ps_html *h)
{
    ps_sb_free(&h->sb);
}

void ps_html_escape(ps_strbuf *sb, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': ps_sb_puts(sb, "&amp;"); break;
        case '<': ps_sb_puts(sb, "&lt;"); break;
        case '>': ps_sb_puts(sb, "&gt;"); break;
        case '"': ps_sb_puts(sb, "&quot;"); break;
        case '\'': ps_sb_puts(sb, "&#39;"); break;
        default: ps_sb_putc(sb, *s);
        }
    }
}

void ps_url_encode(ps_strbuf *sb, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
            ps_sb_putc(sb, (char)*p);
        } else {
            ps_sb_putc(sb, '%');
            ps_sb_putc(sb, hex[*p >> 4]);
            ps_sb_putc(sb, hex[*p & 15]);
        }
    }
}

void ps_html_text(ps_html *h, const char *text)
{
    ps_html_escape(&h->sb, text ? text : "");
}

void ps_html_markup_(ps_html *h, const char *markup)
{
    ps_sb_puts(&h->sb, markup);
}

/* One conversion of ps_html_fmt at *f (after the '%'); advances *f. */
static void convert(ps_html *h, const char **f, va_list *ap)
{
    const char *s;
    switch (**f) {
    case 's':
        ps_html_text(h, va_arg(*ap, const char *));
        break;
    case 'u': {
        ps_strbuf u = PS_STRBUF_INIT;
        s = va_arg(*ap, const char *);
        ps_url_encode(&u, s ? s : "");
        ps_html_escape(&h->sb, ps_sb_str(&u));
        ps_sb_free(&u);
        break;
    }
    case 'd':
        ps_sb_printf(&h->sb, "%d", va_arg(*ap, int));
        break;
    case 'z':
        ps_sb_printf(&h->sb, "%zu", va_arg(*ap, size_t));
        (*f)++; /* %zu */
        break;
    case 'l':
        if ((*f)[1] == 'l') {
            ps_sb_printf(&h->sb, "%lld", va_arg(*ap, long long));
            (*f)++;
        } else {
            ps_sb_printf(&h->sb, "%ld", va_arg(*ap, long));
        }
        (*f)++; /* the 'd' */
        break;
    default: /* "%%", and anything else is written as it is */
        ps_sb_putc(&h->sb, **f);
    }
    (*f)++;
}

void ps_html_fmt_(ps_html *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *f = fmt;
    while (*f) {
        const char *pct = strchr(f, '%');
        if (!pct) {
            ps_sb_puts(&h->sb, f);
            break;
        }
        ps_sb_append(&h->sb, f, (size_t)(pct - f));
        f = pct + 1;
        if (*f)
            convert(h, &f, &ap);
    }
    va_end(ap);
}
