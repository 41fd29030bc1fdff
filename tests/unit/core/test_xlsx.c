/* test_xlsx.c - reading .xlsx data sheets: values, dates, sheet choice. */
#include "check.h"
#include "xlsx_fixtures.h"

#include "core/xlsx.h"

/* An open reader on a fixture, with its bytes. */
typedef struct book {
    unsigned char *data;
    ps_xlsx *x;
    ps_ctx ctx;
} book;

static ps_error book_open(book *b, const char *name, const ps_xlsx_opts *opts)
{
    size_t n = 0;
    memset(b, 0, sizeof *b);
    b->data = fixture_read(name, &n);
    if (!b->data)
        return PS_ERR_IO;
    return ps_xlsx_open(&b->x, b->data, n, opts, &b->ctx);
}

static void book_close(book *b)
{
    ps_xlsx_close(b->x);
    free(b->data);
}

/* Checks that the next row is row `line` with the fields `want` (joined by |). */
#define CHECK_ROW(b, lineno, want)                                                        \
    do {                                                                                \
        ps_xlsx_row *row_;                                                              \
        CHECK_INT(ps_xlsx_next((b)->x, &row_, &(b)->ctx), 1);                           \
        if (row_) {                                                                     \
            char got_[4096] = "";                                                       \
            for (size_t i_ = 0; i_ < row_->rec.nfields && strlen(got_) < 3000; i_++)    \
                snprintf(got_ + strlen(got_), sizeof got_ - strlen(got_), "%s%s",       \
                         i_ ? "|" : "", row_->rec.fields[i_]);                          \
            CHECK_INT(row_->rec.line, lineno);                                          \
            CHECK_STR(got_, want);                                                      \
        }                                                                               \
        last = row_;                                                                    \
    } while (0)

static ps_xlsx_row *last;

TEST(cell_refs)
{
    char buf[12];
    CHECK_STR(ps_xlsx_cell_ref(1, 1, buf), "A1");
    CHECK_STR(ps_xlsx_cell_ref(3, 12, buf), "C12");
    CHECK_STR(ps_xlsx_cell_ref(26, 7, buf), "Z7");
    CHECK_STR(ps_xlsx_cell_ref(27, 7, buf), "AA7");
    CHECK_STR(ps_xlsx_cell_ref(702, 1, buf), "ZZ1");
    CHECK_STR(ps_xlsx_cell_ref(703, 1, buf), "AAA1");
    CHECK_STR(ps_xlsx_cell_ref(16384, 1048576, buf), "XFD1048576");
}

/* Sheet 'Dữ liệu' (the second), title rows, a header, the values Excel writes. */
TEST(vietnamese_workbook)
{
    book b;
    CHECK_INT(book_open(&b, "vietnamese.xlsx", NULL), PS_OK);
    if (!b.x)
        return;
    CHECK_STR(ps_xlsx_sheet(b.x), "D\xe1\xbb\xaf li\xe1\xbb\x87u");
    CHECK_ROW(&b, 1, "BÁO CÁO THỐNG KÊ THÁNG");
    CHECK_ROW(&b, 2, "Tháng 7 năm 2016");
    CHECK_ROW(&b, 4, "Mã đơn vị|Mã chỉ tiêu|Kỳ|Giá trị|Ghi chú");
    ps_xlsx_set_width(b.x, last ? last->rec.nfields : 0);
    /* code as text, date by built-in format 14, number, rich text without phonetics */
    CHECK_ROW(&b, 5, "001|RETAIL|2016-07-01|1234.5|Ước tính");
    if (last) {
        CHECK_INT(last->cells[0].kind, PS_XLSX_TEXT);
        CHECK_INT(last->cells[2].kind, PS_XLSX_DATE);
        CHECK_STR(last->cells[2].ref, "C5");
        CHECK_INT(last->cells[3].kind, PS_XLSX_NUMBER);
    }
    /* inline string, custom dd/mm/yyyy with a time of day, a formula's cached value,
       a styled cell without a value filled to the header's width */
    CHECK_ROW(&b, 6, "002|RETAIL|2016-07-31|2469|");
    if (last) {
        CHECK_INT(last->cells[2].kind, PS_XLSX_DATE);
        CHECK_INT(last->cells[4].kind, PS_XLSX_EMPTY);
        CHECK_STR(last->cells[4].ref, "E6");
    }
    /* a period typed as text stays text; 0.1+0.2 as Excel shows it; a text formula keeps 0012 */
    CHECK_ROW(&b, 7, "003|RETAIL|2016-07|0.3|0012");
    /* a sparse row: NFD text in NFC, an empty shared string is no value */
    CHECK_ROW(&b, 8, "|Hạ Long|||");
    if (last)
        CHECK_INT(last->cells[0].kind, PS_XLSX_EMPTY);
    /* boolean, error, [h]:mm and a quoted unit are not dates, h:mm below a day is a
       number, a localised mm/yyyy and a month name are dates, mm:ss is not; the row
       is wider than the header */
    CHECK_ROW(&b, 9, "TRUE|#DIV/0!|1.5|12|0.5|2016-07-01|2016-07-01|42552");
    if (last) {
        CHECK_INT(last->cells[0].kind, PS_XLSX_BOOL);
        CHECK_INT(last->cells[1].kind, PS_XLSX_ERROR);
        CHECK_INT(last->cells[2].kind, PS_XLSX_NUMBER);
        CHECK_INT(last->cells[3].kind, PS_XLSX_NUMBER);
        CHECK_INT(last->cells[4].kind, PS_XLSX_NUMBER);
        CHECK_INT(last->cells[5].kind, PS_XLSX_DATE);
        CHECK_INT(last->cells[6].kind, PS_XLSX_DATE);
        CHECK_INT(last->cells[7].kind, PS_XLSX_NUMBER);
    }
    /* cells without references, _xHHHH_ escapes, 1E-3, an ISO date cell, a formula
       with no cached value */
    CHECK_ROW(&b, 10, "a\rb|_x0041_|0.001|-100|2016-07-15");
    if (last)
        CHECK_INT(last->cells[4].kind, PS_XLSX_DATE);
    ps_xlsx_row *row;
    CHECK_INT(ps_xlsx_next(b.x, &row, &b.ctx), 1);
    if (row) {
        CHECK_INT(row->rec.line, 1048576);
        CHECK_INT(row->rec.nfields, 16384);
        CHECK_STR(row->rec.fields[16383], "7");
        CHECK_STR(row->cells[16383].ref, "XFD1048576");
        CHECK_STR(row->rec.fields[0], "");
    }
    CHECK_INT(ps_xlsx_next(b.x, &row, &b.ctx), 0);
    CHECK_INT(ps_xlsx_next(b.x, &row, &b.ctx), 0);
    CHECK(row == NULL);
    CHECK_INT(ps_xlsx_error(b.x), PS_OK);
    CHECK(ps_xlsx_bytes_read(b.x) == ps_xlsx_sheet_size(b.x));
    CHECK(ps_xlsx_sheet_size(b.x) > 1000);
    CHECK_INT(b.ctx.err, PS_OK);
    book_close(&b);
}

static void check_choice(const char *file, const char *sheet, const char *value)
{
    book b;
    CHECK_INT(book_open(&b, file, NULL), PS_OK);
    if (!b.x)
        return;
    CHECK_STR(ps_xlsx_sheet(b.x), sheet);
    CHECK_ROW(&b, 1, value);
    book_close(&b);
}

TEST(sheet_choice)
{
    check_choice("upper.xlsx", " DỮ LIỆU ", "second");              /* no letter case, spaces */
    check_choice("nfd.xlsx", "D\xe1\xbb\xaf li\xe1\xbb\x87u", "second"); /* NFD name, given in NFC */
    check_choice("data.xlsx", "data", "second");
    check_choice("hidden.xlsx", "Báo cáo", "second");                  /* first visible */
}

TEST(date_1904)
{
    book b;
    CHECK_INT(book_open(&b, "date1904.xlsx", NULL), PS_OK);
    if (b.x)
        CHECK_ROW(&b, 1, "2016-07-01");
    book_close(&b);
}

TEST(openpyxl_workbook)
{
    book b;
    CHECK_INT(book_open(&b, "openpyxl.xlsx", NULL), PS_OK);
    if (!b.x)
        return;
    CHECK_STR(ps_xlsx_sheet(b.x), "Data");
    CHECK_ROW(&b, 1, "unit|indicator|period|value");
    CHECK_ROW(&b, 2, "001|RETAIL|2016-07-01|9.2");
    if (last)
        CHECK_INT(last->cells[2].kind, PS_XLSX_DATE);
    CHECK_ROW(&b, 3, "0022|Bán lẻ|2016-07|9.2");
    book_close(&b);
}

/* A million rows without values cost nothing and keep their numbers. */
TEST(million_empty_rows)
{
    book b;
    CHECK_INT(book_open(&b, "million_empty.xlsx", NULL), PS_OK);
    if (!b.x)
        return;
    CHECK_ROW(&b, 1000001, "|5");
    ps_xlsx_row *row;
    CHECK_INT(ps_xlsx_next(b.x, &row, &b.ctx), 0);
    book_close(&b);
}

int main(void)
{
    if (fixtures_make("vietnamese choice openpyxl rows") != 0)
        return 1;
    RUN(cell_refs);
    RUN(vietnamese_workbook);
    RUN(sheet_choice);
    RUN(date_1904);
    RUN(openpyxl_workbook);
    RUN(million_empty_rows);
    fixtures_remove();
    return check_done();
}
