/* test_text.c - UTF-8 validity, NFC, width, CP1258 conversion, helpers. */
#include "check.h"

#include "core/text.h"
#include "core/text_int.h"

#include <stdlib.h>
#include <uniwidth.h>

/* "Hạ Long": composed (NFC) and decomposed (NFD: a + U+0323). */
#define HA_LONG_NFC "H\xE1\xBA\xA1 Long"
#define HA_LONG_NFD "Ha\xCC\xA3 Long"

TEST(valid_utf8)
{
    size_t bad = 99;
    CHECK(ps_utf8_valid("", 0, &bad));
    CHECK(ps_utf8_valid("plain ascii text, long enough for words", 39, NULL));
    CHECK(ps_utf8_valid(HA_LONG_NFC, strlen(HA_LONG_NFC), &bad));
    CHECK(ps_utf8_valid("\xF0\x9F\x98\x80", 4, NULL));          /* U+1F600 */
    CHECK(ps_utf8_valid("\xF4\x8F\xBF\xBF", 4, NULL));          /* U+10FFFF */
    CHECK(ps_utf8_valid("\xEF\xBB\xBF", 3, NULL));              /* BOM is valid */
}

TEST(invalid_utf8)
{
    size_t bad = 99;
    /* CP1258 "Quảng" would have 0xE1 etc.; here a lone Latin-1 byte */
    CHECK(!ps_utf8_valid("Qu\xE1ng Ninh", 10, &bad));
    CHECK_INT(bad, 2);
    CHECK(!ps_utf8_valid("abcdefghij\x80", 11, &bad));          /* stray continuation */
    CHECK_INT(bad, 10);
    CHECK(!ps_utf8_valid("\xC0\xAF", 2, &bad));                 /* overlong '/' */
    CHECK_INT(bad, 0);
    CHECK(!ps_utf8_valid("\xE0\x80\xAF", 3, &bad));             /* overlong 3-byte */
    CHECK(!ps_utf8_valid("\xF0\x80\x80\xAF", 4, &bad));         /* overlong 4-byte */
    CHECK(!ps_utf8_valid("x\xED\xA0\x80", 4, &bad));            /* surrogate U+D800 */
    CHECK_INT(bad, 1);
    CHECK(!ps_utf8_valid("\xF4\x90\x80\x80", 4, &bad));         /* above U+10FFFF */
    CHECK(!ps_utf8_valid("\xF5\x80\x80\x80", 4, &bad));
    CHECK(!ps_utf8_valid("ab\xE1\xBA", 4, &bad));               /* truncated */
    CHECK_INT(bad, 2);
    CHECK(!ps_utf8_valid("\xFF", 1, NULL));
}

TEST(ascii)
{
    CHECK(ps_text_is_ascii("", 0));
    CHECK(ps_text_is_ascii("0123456789abcdefghij", 20));
    CHECK(!ps_text_is_ascii("0123456789abcdefghi\xC3\xA0", 21));
    CHECK(!ps_text_is_ascii("\xC3\xA0", 2));
    /* only the first n bytes count */
    CHECK(ps_text_is_ascii("abc\xC3\xA0", 3));
}

TEST(nfc)
{
    size_t len = 0;
    char *s = ps_utf8_nfc(HA_LONG_NFD, strlen(HA_LONG_NFD), &len);
    CHECK_STR(s, HA_LONG_NFC);
    CHECK_INT(len, strlen(HA_LONG_NFC));
    free(s);

    s = ps_utf8_nfc(HA_LONG_NFC, strlen(HA_LONG_NFC), &len);
    CHECK_STR(s, HA_LONG_NFC);
    free(s);

    /* ASCII is copied; only n bytes */
    s = ps_utf8_nfc("CODE_123xyz", 8, &len);
    CHECK_STR(s, "CODE_123");
    CHECK_INT(len, 8);
    free(s);

    /* "Quảng Ninh" decomposed with hook above (U+0309) */
    s = ps_utf8_nfc("Qua\xCC\x89ng Ninh", 12, NULL);
    CHECK_STR(s, "Qu\xE1\xBA\xA3ng Ninh");
    free(s);

    /* a long string takes the heap path of the normaliser */
    ps_strbuf in = PS_STRBUF_INIT, want = PS_STRBUF_INIT, out = PS_STRBUF_INIT;
    for (int i = 0; i < 500; i++) {
        ps_sb_puts(&in, HA_LONG_NFD " ");
        ps_sb_puts(&want, HA_LONG_NFC " ");
    }
    ps_sb_puts(&out, "<");
    ps_utf8_nfc_append(&out, in.buf, in.len);
    CHECK_INT(out.len, want.len + 1);
    CHECK(out.len == want.len + 1 && memcmp(out.buf + 1, want.buf, want.len) == 0);
    CHECK(out.buf[0] == '<');
    ps_sb_free(&in);
    ps_sb_free(&want);
    ps_sb_free(&out);
}

TEST(width)
{
    CHECK_INT(ps_text_width(""), 0);
    CHECK_INT(ps_text_width("abc"), 3);
    CHECK_INT(ps_text_width(HA_LONG_NFC), 7);
    CHECK_INT(ps_text_width(HA_LONG_NFD), 7);
    /* "Thành phố Hạ Long" composed: 17 columns */
    CHECK_INT(ps_text_width("Th\xC3\xA0nh ph\xE1\xBB\x91 H\xE1\xBA\xA1 Long"), 17);
    /* "Đường" with a decomposed tone: U+0110 u U+031B U+0300 o U+031B n g */
    CHECK_INT(ps_text_width("\xC4\x90u\xCC\x9B\xCC\x80o\xCC\x9Bng"), 5);
    /* CJK and fullwidth are 2 columns */
    CHECK_INT(ps_text_width("\xE4\xB8\xAD\xE6\x96\x87"), 4);              /* 中文 */
    CHECK_INT(ps_text_width("\xEF\xBC\xA1"), 2);                          /* Ａ */
    /* enclosing mark U+20DD is 0 */
    CHECK_INT(ps_text_width("1\xE2\x83\x9D"), 1);
    /* the en dash mark of Vietnamese tables is 1 */
    CHECK_INT(ps_text_width("\xE2\x80\x93"), 1);
}

/* Encodes code point cp as UTF-8 into b (NUL-terminated). */
static void utf8_of(unsigned cp, char b[5])
{
    if (cp < 0x80) {
        b[0] = (char)cp, b[1] = 0;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F)), b[2] = 0;
    } else {
        b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | (cp >> 6 & 0x3F)), b[2] = (char)(0x80 | (cp & 0x3F));
        b[3] = 0;
    }
}

TEST(width_shortcut_agrees_with_libunistring)
{
    /* the code points ps_text_width counts without asking libunistring,
     * and their neighbours: the same width as uc_width gives */
    static const unsigned ranges[][2] = {{0x20, 0x7E}, {0xA0, 0x3FF}, {0x1E00, 0x1EFF}};
    long bad = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (unsigned cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
            char b[5];
            utf8_of(cp, b);
            int want = uc_width(cp, "UTF-8");
            if ((long)ps_text_width(b) != (want < 0 ? 0 : want)) {
                if (bad++ < 5)
                    printf("U+%04X: width %zu, libunistring %d\n", cp, ps_text_width(b), want);
            }
        }
    CHECK_INT(bad, 0);
}

TEST(formula_like)
{
    CHECK(ps_text_formula_like("=SUM(A1)"));
    CHECK(ps_text_formula_like("+84 123"));
    CHECK(ps_text_formula_like("-5"));
    CHECK(ps_text_formula_like("@cmd"));
    CHECK(!ps_text_formula_like("A=1"));
    CHECK(!ps_text_formula_like(""));
    /* SPEC §6: also after whitespace, control characters and no-break
     * spaces, which a spreadsheet skips */
    CHECK(ps_text_formula_like(" =1"));
    CHECK(ps_text_formula_like("\t=1"));
    CHECK(ps_text_formula_like("\r=HYPERLINK(\"x\")"));
    CHECK(ps_text_formula_like("\r\n @x"));
    CHECK(ps_text_formula_like("\xC2\xA0+1"));         /* no-break space */
    CHECK(ps_text_formula_like("\xE3\x80\x80-1"));     /* ideographic space */
    CHECK(ps_text_formula_like("\xEF\xBB\xBF=1"));     /* zero-width no-break space */
    CHECK(ps_text_formula_like("\xE2\x80\xAF=1"));     /* narrow no-break space */
    CHECK(!ps_text_formula_like("  A=1"));
    CHECK(!ps_text_formula_like(" \t "));
    CHECK(!ps_text_formula_like("\xC3\xA0=1"));        /* à is a letter, not a space */
}

TEST(distance)
{
    CHECK_INT(ps_text_distance("", ""), 0);
    CHECK_INT(ps_text_distance("abc", ""), 3);
    CHECK_INT(ps_text_distance("", "ab"), 2);
    CHECK_INT(ps_text_distance("kitten", "sitting"), 3);
    CHECK_INT(ps_text_distance("POP", "POP"), 0);
    CHECK_INT(ps_text_distance("DOCS_ONLINE", "DOCS_ONLNE"), 1);
    /* a Vietnamese letter is one unit, not two or three bytes */
    CHECK_INT(ps_text_distance("H\xE1\xBA\xA1", "Ha"), 1);
    CHECK_INT(ps_text_distance("t\xE1\xBB\x89nh", "t\xC3\xADnh"), 1);
}

TEST(casecmp)
{
    CHECK(ps_text_casecmp("Value", "VALUE") == 0);
    CHECK(ps_text_casecmp("ma_don_vi", "MA_DON_VI") == 0);
    CHECK(ps_text_casecmp("abc", "abd") < 0);
    CHECK(ps_text_casecmp("ABD", "abc") > 0);
    CHECK(ps_text_casecmp("ab", "abc") < 0);
    CHECK(ps_text_casecmp("abc", "ab") > 0);
    CHECK(ps_text_casecmp("", "") == 0);
    /* non-ASCII bytes are compared as they are */
    CHECK(ps_text_casecmp("\xC3\x80", "\xC3\xA0") != 0);
}

TEST(trim)
{
    char a[] = "  \t value \t ";
    CHECK_STR(ps_text_trim(a), "value");
    char b[] = "";
    CHECK_STR(ps_text_trim(b), "");
    char c[] = " \t ";
    CHECK_STR(ps_text_trim(c), "");
    char d[] = "a b";
    CHECK_STR(ps_text_trim(d), "a b");
    char e[] = "x  ";
    CHECK(ps_text_trim(e) == e);
    CHECK_STR(e, "x");
}

/* Converts CP1258 bytes in pieces of `step` bytes. */
static char *recode_steps(const char *in, size_t n, size_t step, ps_error *err)
{
    ps_ctx ctx = {0};
    ps_recode *r = NULL;
    *err = ps_recode_open(&r, "CP1258", &ctx);
    if (*err != PS_OK)
        return NULL;
    ps_strbuf out = PS_STRBUF_INIT;
    size_t i = 0;
    do {
        size_t k = n - i < step ? n - i : step;
        *err = ps_recode_feed(r, in + i, k, i + k == n, &out, &ctx);
        i += k;
    } while (*err == PS_OK && i < n);
    ps_recode_free(r);
    return ps_sb_steal(&out);
}

TEST(cp1258_last_char_kept)
{
    /* "Hà" : H a + 0xCC (combining grave): the last character is the one
     * glibc holds back until the final flush. */
    ps_error err;
    char *s = recode_steps("Ha\xCC", 3, 100, &err);
    CHECK_INT(err, PS_OK);
    char *nfc = ps_utf8_nfc(s, strlen(s), NULL);
    CHECK_STR(nfc, "H\xC3\xA0");
    free(nfc);
    free(s);

    /* "Hạ Long" = H a 0xF2 ' ' L o n g, ending in a plain letter */
    s = recode_steps("Ha\xF2 Long", 8, 100, &err);
    CHECK_INT(err, PS_OK);
    nfc = ps_utf8_nfc(s, strlen(s), NULL);
    CHECK_STR(nfc, HA_LONG_NFC);
    free(nfc);
    free(s);
}

TEST(cp1258_tone_marks)
{
    /* the five tone marks of CP1258 after 'a': grave, acute, hook, tilde, dot */
    ps_error err;
    char *s = recode_steps("a\xCC" "a\xEC" "a\xD2" "a\xDE" "a\xF2", 10, 100, &err);
    CHECK_INT(err, PS_OK);
    char *nfc = ps_utf8_nfc(s, strlen(s), NULL);
    CHECK_STR(nfc, "\xC3\xA0\xC3\xA1\xE1\xBA\xA3\xC3\xA3\xE1\xBA\xA1");
    free(nfc);
    free(s);
}

TEST(cp1258_byte_by_byte)
{
    /* "Quảng Ninh, Hạ Long" fed one byte at a time equals one piece */
    const char in[] = "Qua\xD2ng Ninh, Ha\xF2 Long \xD0\xF4\xEC";   /* ... Đố */
    size_t n = sizeof in - 1;
    ps_error e1, e2;
    char *whole = recode_steps(in, n, n, &e1);
    char *bytes = recode_steps(in, n, 1, &e2);
    CHECK_INT(e1, PS_OK);
    CHECK_INT(e2, PS_OK);
    CHECK_STR(bytes, whole);
    char *nfc = ps_utf8_nfc(whole, strlen(whole), NULL);
    CHECK_STR(nfc, "Qu\xE1\xBA\xA3ng Ninh, H\xE1\xBA\xA1 Long \xC4\x90\xE1\xBB\x91");
    free(nfc);
    free(whole);
    free(bytes);
}

TEST(cp1258_invalid)
{
    ps_ctx ctx = {0};
    ps_recode *r = NULL;
    CHECK_INT(ps_recode_open(&r, "CP1258", &ctx), PS_OK);
    ps_strbuf out = PS_STRBUF_INIT;
    CHECK_INT(ps_recode_feed(r, "abcd", 4, false, &out, &ctx), PS_OK);
    /* 0x81 is not a CP1258 character: offset 4 + 3 */
    CHECK_INT(ps_recode_feed(r, "efg\x81hij", 7, true, &out, &ctx), PS_ERR_IO);
    CHECK(strstr(ctx.msg, "0x81") != NULL);
    CHECK(strstr(ctx.msg, "offset 7") != NULL);
    ps_sb_free(&out);
    ps_recode_free(r);
}

TEST(recode_unknown_encoding)
{
    ps_ctx ctx = {0};
    ps_recode *r = (ps_recode *)&ctx;
    CHECK_INT(ps_recode_open(&r, "NO-SUCH-ENCODING-42", &ctx), PS_ERR_USAGE);
    CHECK(r == NULL);
    CHECK(strstr(ctx.msg, "NO-SUCH-ENCODING-42") != NULL);
    ps_recode_free(NULL);
}

TEST(recode_carries_incomplete_sequence)
{
    /* UTF-16LE is multi-byte: a character split across feeds is carried. */
    ps_ctx ctx = {0};
    ps_recode *r = NULL;
    CHECK_INT(ps_recode_open(&r, "UTF-16LE", &ctx), PS_OK);
    ps_strbuf out = PS_STRBUF_INIT;
    const char in[] = "H\0\xA1\x1E" "x\0";   /* H, U+1EA1 (ạ), x */
    CHECK_INT(ps_recode_feed(r, in, 3, false, &out, &ctx), PS_OK);
    CHECK_STR(ps_sb_str(&out), "H");
    CHECK_INT(ps_recode_feed(r, in + 3, 3, true, &out, &ctx), PS_OK);
    CHECK_STR(ps_sb_str(&out), "H\xE1\xBA\xA1x");
    /* a stream that ends inside a character is an error */
    ps_sb_clear(&out);
    CHECK_INT(ps_recode_feed(r, "a", 1, true, &out, &ctx), PS_ERR_IO);
    CHECK(strstr(ctx.msg, "middle of a character") != NULL);
    ps_sb_free(&out);
    ps_recode_free(r);
}

TEST(upper_ascii)
{
    char code[] = "cctk_193 \xC3\xA1";
    CHECK_STR(ps_text_upper_ascii(code), "CCTK_193 \xC3\xA1"); /* only ASCII letters change */
}

TEST(header_same)
{
    /* SPEC §3: after NFC, without regard to case, diacritics, spaces or _ */
    CHECK(ps_text_header_same("M\xC3\xA3 \xC4\x91\xC6\xA1n v\xE1\xBB\x8B", "ma_don_vi")); /* Mã đơn vị */
    CHECK(ps_text_header_same("MA_DON_VI", "ma_don_vi"));
    CHECK(ps_text_header_same("ma don vi", "ma_don_vi"));
    CHECK(ps_text_header_same("M\xC3\x83 \xC4\x90\xC6\xA0N V\xE1\xBB\x8A", "ma_don_vi")); /* MÃ ĐƠN VỊ */
    CHECK(ps_text_header_same("Ma\xCC\x83 \xC4\x91o\xCC\x9Bn vi\xCC\xA3", "ma_don_vi")); /* decomposed */
    CHECK(ps_text_header_same("K\xE1\xBB\xB3", "ky"));                       /* Kỳ */
    CHECK(ps_text_header_same("Gi\xC3\xA1 tr\xE1\xBB\x8B", "gia_tri"));    /* Giá trị */
    CHECK(ps_text_header_same("Lo\xE1\xBA\xA1i", "loai"));                   /* Loại */
    CHECK(ps_text_header_same("Tr\xE1\xBA\xA1ng th\xC3\xA1i", "trang_thai")); /* Trạng thái */
    CHECK(ps_text_header_same("Ghi ch\xC3\xBA", "ghi_chu"));                  /* Ghi chú */
    CHECK(ps_text_header_same("M\xC3\xA3 ch\xE1\xBB\x89 ti\xC3\xAAu", "ma_chi_tieu")); /* Mã chỉ tiêu */
    CHECK(ps_text_header_same("Unit\xC2\xA0Name", "unit_name"));              /* no-break space */
    CHECK(ps_text_header_same("", ""));
    CHECK(!ps_text_header_same("ma_don", "ma_don_vi"));
    CHECK(!ps_text_header_same("unit-name", "unit_name"));                      /* '-' is not ignored */
    CHECK(ps_text_header_same("valu\xC3\xA9s", "values"));                   /* é is e */
    CHECK(!ps_text_header_same("\xE1\xBA\xA1", "b"));
    CHECK(!ps_text_header_same("a\xFF", "a"));                                 /* not UTF-8: kept as is */
}

int main(void)
{
    RUN(valid_utf8);
    RUN(invalid_utf8);
    RUN(ascii);
    RUN(nfc);
    RUN(width);
    RUN(width_shortcut_agrees_with_libunistring);
    RUN(formula_like);
    RUN(distance);
    RUN(casecmp);
    RUN(trim);
    RUN(upper_ascii);
    RUN(header_same);
    RUN(cp1258_last_char_kept);
    RUN(cp1258_tone_marks);
    RUN(cp1258_byte_by_byte);
    RUN(cp1258_invalid);
    RUN(recode_unknown_encoding);
    RUN(recode_carries_incomplete_sequence);
    return check_done();
}
