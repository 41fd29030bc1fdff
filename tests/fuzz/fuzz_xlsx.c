/* fuzz_xlsx.c - libFuzzer harness for the .xlsx reader and the file sniffer.
 *
 * Every input is sniffed (core/filetype) and opened as a workbook
 * (core/xlsx); every row is read, with the width set from the first row as
 * ingest does after its header. The reader must never crash, leak or read
 * out of bounds, and must end with a row count or a refusal. An input that
 * is not a zip or OLE2 file is also put, as the sheet's XML, into a small
 * workbook with shared strings and a date style, so that mutations reach
 * the XML reading instead of failing the zip's checksums.
 *
 * Build by hand from the top of the checkout (clang and libclang-rt-14-dev):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I. -o fuzz_xlsx \
 *     tests/fuzz/fuzz_xlsx.c core/xlsx.c core/xlsx_book.c core/xlsx_part.c \
 *     core/filetype.c core/text.c core/number.c core/strbuf.c core/alloc.c \
 *     core/error.c $(pkg-config --cflags --libs libzip expat) -lunistring -lm
 *   mkdir -p /tmp/xlsx-corpus
 *   ./fuzz_xlsx -max_len=65536 -rss_limit_mb=512 /tmp/xlsx-corpus tests/fuzz/corpus/fuzz_xlsx
 * The seeds in tests/fuzz/corpus/fuzz_xlsx are workbooks written by
 * tests/scripts/make_xlsx_fixtures.py (groups vietnamese, choice, openpyxl,
 * others) plus three of its damaged ones; the fuzzer's own finds go to the
 * first folder.
 */
#include "core/filetype.h"
#include "core/xlsx.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const parts[][2] = {
    {"[Content_Types].xml", "<Types/>"},
    {"xl/workbook.xml", "<workbook xmlns:r=\"r\"><workbookPr/><sheets><sheet name=\"D\xe1\xbb\xaf li\xe1\xbb\x87u\" "
                        "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
    {"xl/_rels/workbook.xml.rels",
     "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
     "<Relationship Id=\"rId2\" Type=\"x/styles\" Target=\"styles.xml\"/>"
     "<Relationship Id=\"rId3\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"},
    {"xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"},
    {"xl/sharedStrings.xml", "<sst><si><t>M\xc3\xa3 \xc4\x91\xc6\xa1n v\xe1\xbb\x8b</t></si><si><r><t>0</t></r>"
                             "<r><t>01</t></r></si><si><t/></si></sst>"},
};

/* A workbook whose sheet is data[0..size); malloc'd, *n its size. */
static void *wrap(const uint8_t *data, size_t size, size_t *n)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *out = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_source_keep(out);
    zip_t *za = zip_open_from_source(out, ZIP_TRUNCATE, &err);
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        zip_file_add(za, parts[i][0], zip_source_buffer(za, parts[i][1], strlen(parts[i][1]), 0), 0);
    zip_file_add(za, "xl/worksheets/sheet1.xml", zip_source_buffer(za, data, size, 0), 0);
    zip_close(za);
    zip_stat_t st;
    void *buf = NULL;
    *n = 0;
    if (zip_source_stat(out, &st) == 0 && zip_source_open(out) == 0) {
        buf = malloc(st.size ? st.size : 1);
        *n = (size_t)zip_source_read(out, buf, st.size);
        zip_source_close(out);
    }
    zip_source_free(out);
    zip_error_fini(&err);
    return buf;
}

/* smaller bounds than the defaults, so that one input stays fast */
static const ps_xlsx_opts opts = {.label = "fuzz.xlsx", .max_sheet_bytes = 8u << 20,
                                  .max_strings_bytes = 4u << 20, .max_part_bytes = 1u << 20,
                                  .max_strings = 100000};

static void read_book(const uint8_t *data, size_t size)
{
    ps_ctx ctx = {0};
    ps_xlsx *x = NULL;
    if (ps_xlsx_open(&x, data, size, &opts, &ctx) != PS_OK)
        return;
    ps_xlsx_row *row;
    long rows = 0;
    int rc;
    while ((rc = ps_xlsx_next(x, &row, &ctx)) > 0) {
        if (rows++ == 0)
            ps_xlsx_set_width(x, row->rec.nfields);
        for (size_t i = 0; i < row->rec.nfields; i++)
            (void)row->rec.fields[i][0];
    }
    if (rc < 0 && ps_xlsx_error(x) != PS_ERR_REFUSED)
        __builtin_trap();   /* reading stops only with a refusal */
    ps_xlsx_close(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ps_filetype kind = ps_filetype_sniff(data, size);
    (void)ps_filetype_name(kind);
    (void)ps_filetype_advice(kind);
    read_book(data, size);
    if (ps_filetype_sniff_head(data, size) != PS_FT_ZIP && ps_filetype_sniff_head(data, size) != PS_FT_XLS) {
        size_t n;
        void *book = wrap(data, size, &n);
        if (book)
            read_book(book, n);
        free(book);
    }
    return 0;
}
