/* sheet_name.c - sheet names cleaned to Excel's rules and made unique (ps_xlsx_sheet_name). */
#include "export/report_int.h"

#include "core/alloc.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>

enum { SHEETNAME_MAX = 31 };

static bool same_name(const char *a, const char *b)
{
    int res = 1;
    if (!u8_casecmp((const uint8_t *)a, strlen(a), (const uint8_t *)b, strlen(b), NULL, UNINORM_NFC,
                    &res))
        return res == 0;
    return ps_text_casecmp(a, b) == 0;
}

/* Copies at most max UTF-16 units of s into out (bytes cap). */
static void copy_units(char *out, size_t cap, const char *s, int max)
{
    size_t i = 0, o = 0;
    int units = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (u[i]) {
        size_t n = ps_rep_u8len(u + i);
        if (units + ps_rep_u16units(n) > max || o + n + 1 > cap)
            break;
        memcpy(out + o, s + i, n);
        o += n;
        i += n;
        units += ps_rep_u16units(n);
    }
    out[o] = '\0';
}

static void trim_name(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\'' || s[n - 1] == ' '))
        s[--n] = '\0';
    size_t k = 0;
    while (s[k] == '\'' || s[k] == ' ')
        k++;
    if (k)
        memmove(s, s + k, n - k + 1);
}

char *ps_xlsx_sheet_name(const char *name, const char *const *used, size_t nused, char *out)
{
    char clean[4 * SHEETNAME_MAX + 8];
    ps_strbuf sb = PS_STRBUF_INIT;
    const unsigned char *u = (const unsigned char *)(name ? name : "");
    for (size_t i = 0; u[i];) {
        size_t n = ps_rep_u8len(u + i);
        if (n == 1 && (u[i] < 0x20 || u[i] == 0x7F || u[i] >= 0x80 || strchr("[]:*?/\\", u[i])))
            ps_sb_putc(&sb, '_');
        else
            ps_sb_append(&sb, (const char *)u + i, n);
        i += n;
    }
    char *all = ps_sb_steal(&sb);
    trim_name(all);
    copy_units(clean, sizeof clean, all, SHEETNAME_MAX);
    free(all);
    trim_name(clean);
    if (!clean[0])
        strcpy(clean, "Sheet");
    if (ps_text_casecmp(clean, "History") == 0)
        strcpy(clean, "History_");
    strcpy(out, clean);
    for (int k = 2;; k++) {
        bool taken = false;
        for (size_t i = 0; i < nused && !taken; i++)
            taken = used[i] && same_name(used[i], out);
        if (!taken)
            break;
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%d)", k % 100000);
        char base[4 * SHEETNAME_MAX + 8];
        copy_units(base, sizeof base, clean, SHEETNAME_MAX - (int)strlen(suffix));
        trim_name(base);
        /* base holds at most 31 - len(suffix) characters of 4 bytes */
        size_t bl = strlen(base), sl = strlen(suffix);
        if (bl + sl >= PS_XLSX_SHEETNAME_BUFSZ)
            bl = PS_XLSX_SHEETNAME_BUFSZ - 1 - sl;
        memcpy(out, base, bl);
        memcpy(out + bl, suffix, sl + 1);
    }
    return out;
}
