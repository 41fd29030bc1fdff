/* filetype.c - what kind of file a submission is, from its content. */
#include "core/filetype.h"

#include "core/msg.h"

#include <stdbool.h>
#include <string.h>
#include <zip.h>

/* ------------------------------------------------------------------------
 * The first bytes
 * ------------------------------------------------------------------------ */

static bool starts(const unsigned char *s, size_t n, const char *magic, size_t m)
{
    return n >= m && memcmp(s, magic, m) == 0;
}

/* UTF-16 without a byte-order mark: text whose bytes at one parity are
 * mostly NUL (ASCII letters, digits and punctuation; Vietnamese letters
 * above U+00FF are not) while those at the other hardly ever are. */
static bool looks_utf16(const unsigned char *s, size_t n)
{
    size_t zero[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
        if (!s[i])
            zero[i & 1]++;
    size_t half = n / 2, most = zero[0] > zero[1] ? zero[0] : zero[1];
    size_t least = zero[0] > zero[1] ? zero[1] : zero[0];
    return half >= 2 && most * 2 >= half && least * 20 <= half;
}

/* Bytes below 0x20 that text never holds (tab, LF, VT, FF, CR and Ctrl-Z,
 * which old DOS tools leave at the end, are text). */
static bool is_control(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1a;
}

ps_filetype ps_filetype_sniff_head(const void *head, size_t n)
{
    const unsigned char *s = head;
    if (n > PS_FILETYPE_HEAD)
        n = PS_FILETYPE_HEAD;
    if (starts(s, n, "PK\3\4", 4) || starts(s, n, "PK\5\6", 4))
        return PS_FT_ZIP;
    if (starts(s, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return PS_FT_XLS;
    if (starts(s, n, "%PDF-", 5))
        return PS_FT_PDF;
    if (starts(s, n, "\xFF\xFE", 2) || starts(s, n, "\xFE\xFF", 2))
        return PS_FT_UTF16;
    if (memchr(s, 0, n))
        return looks_utf16(s, n) ? PS_FT_UTF16 : PS_FT_BINARY;
    size_t controls = 0;
    for (size_t i = 0; i < n; i++)
        controls += is_control(s[i]);
    return controls * 20 > n ? PS_FT_BINARY : PS_FT_TEXT;
}

/* ------------------------------------------------------------------------
 * Containers
 * ------------------------------------------------------------------------ */

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0 && (n == m || s[n - m - 1] == '/');
}

static bool is_ods_mimetype(zip_t *za, zip_int64_t i)
{
    static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
    char buf[sizeof ods + 1];
    zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
    if (!f)
        return false;
    zip_int64_t got = zip_fread(f, buf, sizeof buf);
    zip_fclose(f);
    return got == (zip_int64_t)sizeof ods - 1 && memcmp(buf, ods, sizeof ods - 1) == 0;
}

static ps_filetype zip_kind(const void *data, size_t n)
{
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(data, n, 0, &zerr);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
    if (!za) {
        zip_source_free(src);
        zip_error_fini(&zerr);
        return PS_FT_ZIP;
    }
    ps_filetype kind = PS_FT_ZIP;
    bool content_types = false, workbook = false, binary = false;
    zip_int64_t count = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < count && kind == PS_FT_ZIP; i++) {
        const char *name = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!name)
            continue;
        if (strcmp(name, "mimetype") == 0 && is_ods_mimetype(za, i))
            kind = PS_FT_ODS;
        content_types |= strcmp(name, "[Content_Types].xml") == 0;
        workbook |= ends_with(name, "workbook.xml");
        binary |= ends_with(name, "workbook.bin");
    }
    if (kind == PS_FT_ZIP && content_types && (workbook || binary))
        kind = workbook ? PS_FT_XLSX : PS_FT_XLSB;
    zip_discard(za);
    zip_error_fini(&zerr);
    return kind;
}

/* An encrypted Office file is an OLE2 file with a stream named
 * EncryptedPackage; directory entries hold names in UTF-16LE. */
static bool has_encrypted_package(const unsigned char *s, size_t n)
{
    static const char name[] = "EncryptedPackage";
    unsigned char wide[2 * (sizeof name - 1)];
    for (size_t i = 0; i < sizeof name - 1; i++) {
        wide[2 * i] = (unsigned char)name[i];
        wide[2 * i + 1] = 0;
    }
    for (size_t i = 0; i + sizeof wide <= n; i++)
        if (s[i] == 'E' && memcmp(s + i, wide, sizeof wide) == 0)
            return true;
    return false;
}

ps_filetype ps_filetype_sniff(const void *data, size_t n)
{
    ps_filetype t = ps_filetype_sniff_head(data, n);
    if (t == PS_FT_ZIP)
        return zip_kind(data, n);
    if (t == PS_FT_XLS && has_encrypted_package(data, n))
        return PS_FT_ENCRYPTED;
    return t;
}

/* ------------------------------------------------------------------------
 * Names and advice
 * ------------------------------------------------------------------------ */

static const struct {
    const char *name;
    ps_msg_id advice;
} kinds[PS_FT_COUNT_] = {
    [PS_FT_TEXT] = {"text", PS_M_FT_TEXT},
    [PS_FT_UTF16] = {"utf16", PS_M_FT_UTF16},
    [PS_FT_XLSX] = {"xlsx", PS_M_FT_XLSX},
    [PS_FT_XLSB] = {"xlsb", PS_M_FT_XLSB},
    [PS_FT_ODS] = {"ods", PS_M_FT_ODS},
    [PS_FT_ZIP] = {"zip", PS_M_FT_ZIP},
    [PS_FT_XLS] = {"xls", PS_M_FT_XLS},
    [PS_FT_ENCRYPTED] = {"encrypted", PS_M_FT_ENCRYPTED},
    [PS_FT_PDF] = {"pdf", PS_M_FT_PDF},
    [PS_FT_BINARY] = {"binary", PS_M_FT_BINARY},
};

const char *ps_filetype_name(ps_filetype t)
{
    return (unsigned)t < PS_FT_COUNT_ ? kinds[t].name : "?";
}

const char *ps_filetype_advice(ps_filetype t)
{
    return ps_msg((unsigned)t < PS_FT_COUNT_ ? kinds[t].advice : PS_M_FT_UNKNOWN);
}
