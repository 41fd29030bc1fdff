/* test_filetype.c - a submission's kind from its bytes, and what to say about it. */
#include "check.h"
#include "xlsx_fixtures.h"

#include "core/filetype.h"

static ps_filetype of_text(const char *s, size_t n)
{
    return ps_filetype_sniff(s, n);
}

static ps_filetype of_fixture(const char *name)
{
    size_t n = 0;
    unsigned char *data = fixture_read(name, &n);
    ps_filetype t = data ? ps_filetype_sniff(data, n) : PS_FT_COUNT_;
    free(data);
    return t;
}

TEST(text)
{
    CHECK_INT(of_text("", 0), PS_FT_TEXT);
    CHECK_INT(of_text("unit,value\r\n22,9.2\r\n", 20), PS_FT_TEXT);
    CHECK_INT(of_text("\xEF\xBB\xBFunit;gi\xC3\xA1\n", 13), PS_FT_TEXT);     /* UTF-8 with a BOM */
    CHECK_INT(of_text("unit,name\n22,H\xE1 Long\x1A", 21), PS_FT_TEXT);       /* CP1258, Ctrl-Z */
    const char *one = "unit,indicator,value\n22,RETAIL,\x01 9.2\n";   /* a stray control byte is data */
    CHECK_INT(of_text(one, strlen(one)), PS_FT_TEXT);
}

TEST(utf16)
{
    CHECK_INT(of_text("\xFF\xFEu\0n\0", 6), PS_FT_UTF16);
    CHECK_INT(of_text("\xFE\xFF\0u\0n", 6), PS_FT_UTF16);
    CHECK_INT(of_text("u\0n\0i\0t\0,\0v\0\n\0", 14), PS_FT_UTF16);   /* no byte-order mark */
    /* "Mã,Hạ Long\n" in UTF-16LE: ạ (U+1EA1) has no NUL byte */
    CHECK_INT(of_text("M\0\xE3\0,\0H\0\xA1\x1E \0L\0o\0n\0g\0\n\0", 22), PS_FT_UTF16);
    CHECK_INT(of_text("\0\0\0\0\0\0\0\0", 8), PS_FT_BINARY);   /* NULs at both parities */
}

TEST(binary)
{
    CHECK_INT(of_text("%PDF-1.7\n%\xE2\xE3", 12), PS_FT_PDF);
    CHECK_INT(of_text("\x1F\x8B\x08\0\0\0\0\0\0\x03", 10), PS_FT_BINARY);   /* gzip */
    CHECK_INT(of_text("\x01\x02\x03\x04\x05\x06\x07\x08", 8), PS_FT_BINARY);
    CHECK_INT(of_text("ab\0\0\0\0cd\xFF\x01", 10), PS_FT_BINARY);
}

TEST(containers_from_the_head)
{
    CHECK_INT(ps_filetype_sniff_head("PK\3\4\x14\0", 6), PS_FT_ZIP);
    CHECK_INT(ps_filetype_sniff_head("PK\5\6", 4), PS_FT_ZIP);
    CHECK_INT(ps_filetype_sniff_head("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), PS_FT_XLS);
    CHECK_INT(ps_filetype_sniff_head("PK", 2), PS_FT_TEXT);
}

TEST(containers_whole)
{
    CHECK_INT(of_fixture("vietnamese.xlsx"), PS_FT_XLSX);
    CHECK_INT(of_fixture("openpyxl.xlsx"), PS_FT_XLSX);
    CHECK_INT(of_fixture("sheet.ods"), PS_FT_ODS);
    CHECK_INT(of_fixture("book.xlsb"), PS_FT_XLSB);
    CHECK_INT(of_fixture("plain.zip"), PS_FT_ZIP);         /* an .xlsx inside a zip is a zip */
    CHECK_INT(of_fixture("truncated.xlsx"), PS_FT_ZIP);    /* a damaged zip */
    CHECK_INT(of_fixture("old.xls"), PS_FT_XLS);
    CHECK_INT(of_fixture("encrypted.xlsx"), PS_FT_ENCRYPTED);
}

TEST(names_and_advice)
{
    CHECK_STR(ps_filetype_name(PS_FT_XLS), "xls");
    CHECK_STR(ps_filetype_advice(PS_FT_XLS), "the file is an Excel 97-2003 workbook (.xls): open it in Excel "
                                             "and save it as .xlsx (Excel Workbook) or CSV UTF-8");
    CHECK_STR(ps_filetype_name(PS_FT_COUNT_), "?");
    CHECK(strstr(ps_filetype_advice(PS_FT_COUNT_), "CSV UTF-8") != NULL);
    /* every kind has its own name, and advice that names a way to send the data
       for every kind provstat does not read */
    for (int t = 0; t < PS_FT_COUNT_; t++) {
        CHECK(strcmp(ps_filetype_name((ps_filetype)t), "?") != 0);
        for (int u = 0; u < t; u++)
            CHECK(strcmp(ps_filetype_name((ps_filetype)t), ps_filetype_name((ps_filetype)u)) != 0);
        const char *advice = ps_filetype_advice((ps_filetype)t);
        CHECK(strncmp(advice, "the file is ", 12) == 0);
        if (t != PS_FT_TEXT && t != PS_FT_XLSX && !strstr(advice, ".xlsx"))
            CHECK_FAIL_("the advice for %s names no way to send the data: %s",
                        ps_filetype_name((ps_filetype)t), advice);
    }
}

int main(void)
{
    if (fixtures_make("vietnamese openpyxl damaged others") != 0)
        return 1;
    RUN(text);
    RUN(utf16);
    RUN(binary);
    RUN(containers_from_the_head);
    RUN(containers_whole);
    RUN(names_and_advice);
    fixtures_remove();
    return check_done();
}
