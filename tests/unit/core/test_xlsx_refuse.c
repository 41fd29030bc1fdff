/* test_xlsx_refuse.c - hostile, damaged and foreign files refused by the
 * .xlsx reader, each with a message that says what is wrong. */
#include "check.h"
#include "xlsx_fixtures.h"

#include "core/xlsx.h"

/* Opens fixture `name` and, when it opens, reads it to the end. Returns
 * the error (PS_OK when every row was read) and leaves the message in ctx;
 * *rows counts the rows read. */
static ps_error read_all(const char *name, const ps_xlsx_opts *opts, ps_ctx *ctx, long *rows)
{
    size_t n = 0;
    unsigned char *data = fixture_read(name, &n);
    ps_xlsx *x = NULL;
    memset(ctx, 0, sizeof *ctx);
    *rows = 0;
    if (!data)
        return PS_ERR_IO;
    ps_error err = ps_xlsx_open(&x, data, n, opts, ctx);
    if (!err) {
        ps_xlsx_row *row;
        int rc;
        while ((rc = ps_xlsx_next(x, &row, ctx)) > 0)
            (*rows)++;
        err = rc < 0 ? ps_xlsx_error(x) : PS_OK;
        CHECK(rc < 0 ? row == NULL : 1);
        CHECK_INT(ps_xlsx_next(x, &row, ctx), rc);   /* it keeps saying so */
    } else {
        CHECK(x == NULL);
    }
    ps_xlsx_close(x);
    free(data);
    return err;
}

/* Checks that `name` is refused with a message holding each of the texts. */
static void check_refused(const char *name, const ps_xlsx_opts *opts, const char *a, const char *b)
{
    ps_ctx ctx;
    long rows;
    ps_error err = read_all(name, opts, &ctx, &rows);
    if (err != PS_ERR_REFUSED || ctx.err != PS_ERR_REFUSED || !strstr(ctx.msg, a) || (b && !strstr(ctx.msg, b)))
        CHECK_FAIL_("%s: error %d, message \"%s\", expected refused with \"%s\" and \"%s\"", name, (int)err,
                    ctx.msg, a, b ? b : "");
    if (strncmp(ctx.msg, "book.xlsx: ", 11) != 0 && (!opts || !opts->label))
        CHECK_FAIL_("%s: the message \"%s\" does not start with the file's name", name, ctx.msg);
}

static const ps_xlsx_opts labelled = {.label = "book.xlsx"};

TEST(zip_bombs)
{
    /* 32 MiB of spaces deflated 1000 times: caught once past 1 MiB */
    check_refused("ratio_bomb.xlsx", &labelled, "inflates more than 500 times", "zip bomb");
    /* a sheet that declares more than the limit is refused before reading */
    ps_xlsx_opts small = {.label = "book.xlsx", .max_sheet_bytes = 1 << 20};
    check_refused("big_sheet.xlsx", &small, "xl/worksheets/sheet1.xml would inflate to 4 MiB",
                  "more than the 1 MiB provstat reads");
    /* one that declares 2,000 bytes and inflates to more is stopped by the count */
    check_refused("lying_size.xlsx", &small, "inflates to more than the 1 MiB", "zip bomb");
    ps_xlsx_opts tiny_parts = {.label = "book.xlsx", .max_part_bytes = 100};
    check_refused("vietnamese.xlsx", &tiny_parts, "_rels/.rels would inflate to 296 bytes", "more than the 100 bytes");
    ps_ctx ctx;
    long rows;
    CHECK_INT(read_all("big_sheet.xlsx", &labelled, &ctx, &rows), PS_OK);   /* the defaults read it */
    CHECK_INT(rows, 60000);
}

TEST(string_table)
{
    ps_xlsx_opts few = {.label = "book.xlsx", .max_strings = 10};
    check_refused("many_strings.xlsx", &few, "more than 10 shared strings", "CSV UTF-8");
    check_refused("long_shared.xlsx", &labelled, "shared string 1 is longer than Excel's 32,767", NULL);
    ps_xlsx_opts small = {.label = "book.xlsx", .max_strings_bytes = 1000};
    check_refused("long_shared.xlsx", &small, "xl/sharedStrings.xml would inflate", NULL);
}

TEST(xml)
{
    check_refused("deep.xlsx", &labelled, "nests its XML more than 32 levels deep", NULL);
    check_refused("doctype.xlsx", &labelled, "has a DOCTYPE", NULL);
    check_refused("malformed.xlsx", &labelled, "xl/worksheets/sheet1.xml is not well-formed XML (line 2",
                  "mismatched tag");
    check_refused("bad_workbook_xml.xlsx", &labelled, "xl/workbook.xml is not well-formed XML", NULL);
}

TEST(limits_of_excel)
{
    check_refused("row_beyond.xlsx", &labelled, "the row after row 3 is numbered \"1048577\"", "(Data)");
    check_refused("col_beyond.xlsx", &labelled, "a cell is named \"XFE1\"", "(Data!1:1)");
    check_refused("row_text.xlsx", &labelled, "numbered \"x7\"", NULL);
    check_refused("row_order.xlsx", &labelled, "row 4 comes after row 5", "(Data!4:4)");
    check_refused("cell_order.xlsx", &labelled, "after a cell to its right", "(Data!A1)");
    check_refused("long_cell.xlsx", &labelled, "more than Excel's 32,767 characters", "(Data!A1)");
    check_refused("wide_row.xlsx", &labelled, "the row holds more than 16 MiB of text", "(Data!");
}

TEST(damaged_cells)
{
    check_refused("bad_shared.xlsx", &labelled, "refers to shared string \"3\" but the workbook has 1",
                  "(Data!C2)");
    check_refused("no_strings.xlsx", &labelled, "the workbook has 0", "(Data!A1)");
    check_refused("bad_number.xlsx", &labelled, "holds \"12abc\", which is not a number", "(Data!B4)");
    check_refused("bad_bool.xlsx", &labelled, "true/false cell holds \"yes\"", "(Data!A1)");
    check_refused("bad_isodate.xlsx", &labelled, "holds \"July\", which is not a date", "(Data!A1)");
    check_refused("bad_type.xlsx", &labelled, "unknown type \"q\"", "(Data!A1)");
}

TEST(damaged_zip)
{
    check_refused("truncated.xlsx", &labelled, "damaged zip archive", "send it again");
    check_refused("password.xlsx", &labelled, "xl/worksheets/sheet1.xml is protected by a password", NULL);
    check_refused("method.xlsx", &labelled, "xl/worksheets/sheet1.xml cannot be opened", NULL);
    check_refused("flipped.xlsx", &labelled, "xl/worksheets/sheet1.xml cannot be inflated", NULL);
    check_refused("many_entries.xlsx", &labelled, "more than 65536 parts", NULL);
}

TEST(missing_parts)
{
    check_refused("no_sheet_part.xlsx", &labelled, "the sheet \"Data\" is named by the workbook but its part "
                  "xl/worksheets/sheet1.xml is missing", NULL);
    check_refused("no_workbook_rels.xlsx", &labelled, "list of sheets", "is missing");
    check_refused("wrong_workbook.xlsx", &labelled, "the workbook part xl/book.xml is missing", NULL);
    check_refused("chart_only.xlsx", &labelled, "the workbook has no worksheet", NULL);
    ps_ctx ctx;
    long rows;
    CHECK_INT(read_all("no_pkg_rels.xlsx", &labelled, &ctx, &rows), PS_OK);   /* xl/workbook.xml */
    CHECK_INT(rows, 399);
}

TEST(not_a_workbook)
{
    check_refused("old.xls", &labelled, "cannot be read as an .xlsx workbook: the file is an Excel 97-2003 "
                  "workbook (.xls)", NULL);
    check_refused("encrypted.xlsx", &labelled, "password-protected", NULL);
    check_refused("sheet.ods", &labelled, "OpenDocument spreadsheet", NULL);
    check_refused("plain.zip", &labelled, "zip archive, not a workbook", NULL);
    check_refused("book.xlsb", &labelled, "binary workbook (.xlsb)", NULL);
    ps_ctx ctx = {0};
    ps_xlsx *x = NULL;
    CHECK_INT(ps_xlsx_open(&x, "unit,value\n", 11, NULL, &ctx), PS_ERR_REFUSED);
    CHECK_STR(ctx.msg, "workbook: cannot be read as an .xlsx workbook: the file is text (CSV)");
    CHECK(x == NULL);
}

int main(void)
{
    if (fixtures_make("vietnamese choice hostile damaged others") != 0)
        return 1;
    RUN(zip_bombs);
    RUN(string_table);
    RUN(xml);
    RUN(limits_of_excel);
    RUN(damaged_cells);
    RUN(damaged_zip);
    RUN(missing_parts);
    RUN(not_a_workbook);
    fixtures_remove();
    return check_done();
}
