/* test_csv_out.c - the export's period ranges, CSV fields and format names. */
#include "check.h"

#include "core/strbuf.h"
#include "export/csv_out.h"
#include "core/text.h"

#include <stdlib.h>

static ps_period P(const char *text)
{
    ps_period p;
    if (!ps_period_parse(text, &p, NULL, 0))
        p.type = PS_P_NONE;
    return p;
}

/* The canonical text of the periods from..to, joined by spaces; "ERR: msg"
 * on error. Returns an owned string. */
static char *range(const char *from, const char *to)
{
    ps_period *v = NULL;
    int n = -1;
    ps_ctx ctx = {0};
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_period t = to ? P(to) : (ps_period){0, PS_P_NONE, 0};
    if (ps_export_periods(P(from), t, &v, &n, &ctx)) {
        ps_sb_printf(&sb, "ERR %d: %s", (int)ctx.err, ctx.msg);
        CHECK(v == NULL);
        CHECK_INT(n, 0);
    } else {
        for (int i = 0; i < n; i++) {
            char b[PS_PERIOD_BUFSZ];
            ps_sb_printf(&sb, "%s%s", i ? " " : "", ps_period_format(v[i], b));
        }
    }
    free(v);
    return ps_sb_steal(&sb);
}

#define CHECK_RANGE(from, to, want)          \
    do {                                     \
        char *got_ = range(from, to);        \
        CHECK_STR(got_, want);               \
        free(got_);                          \
    } while (0)

TEST(single_period)
{
    CHECK_RANGE("2016-07", NULL, "2016-07");
    CHECK_RANGE("2016-YTD07", NULL, "2016-YTD07");
    CHECK_RANGE("2016-07", "2016-07", "2016-07");
}

TEST(month_range_crosses_a_year)
{
    CHECK_RANGE("2015-11", "2016-02", "2015-11 2015-12 2016-01 2016-02");
}

TEST(quarter_half_year_ranges)
{
    CHECK_RANGE("2015-Q4", "2016-Q2", "2015-Q4 2016-Q1 2016-Q2");
    CHECK_RANGE("2015-S2", "2016-S2", "2015-S2 2016-S1 2016-S2");
    CHECK_RANGE("2014", "2016", "2014 2015 2016");
}

TEST(ytd_range_skips_december)
{
    /* YTD12 is the year, another type: 2015-YTD11 is followed by 2016-YTD01 */
    CHECK_RANGE("2015-YTD10", "2016-YTD02", "2015-YTD10 2015-YTD11 2016-YTD01 2016-YTD02");
}

TEST(range_errors)
{
    char *s = range("2016-01", "2016-Q3");
    CHECK(strncmp(s, "ERR 1: 2016-01 and 2016-Q3 are not of the same type (a month and a quarter)", 75) == 0);
    free(s);
    s = range("2016-07", "2016-01");
    CHECK_STR(s, "ERR 1: the range ends (2016-01) before it starts (2016-07)");
    free(s);
    s = range("2016-YTD07", "2016");
    CHECK(strncmp(s, "ERR 1: ", 7) == 0);
    free(s);
}

static char *field(const char *s, bool guard)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_text_csv_field(&sb, s, guard);
    return ps_sb_steal(&sb);
}

#define CHECK_FIELD(s, guard, want)          \
    do {                                     \
        char *got_ = field(s, guard);        \
        CHECK_STR(got_, want);               \
        free(got_);                          \
    } while (0)

TEST(csv_field_quoting)
{
    CHECK_FIELD("Tỉnh Quảng Ninh", true, "Tỉnh Quảng Ninh");
    CHECK_FIELD("GRDP, giá 2010", true, "\"GRDP, giá 2010\"");
    CHECK_FIELD("a \"b\" c", true, "\"a \"\"b\"\" c\"");
    CHECK_FIELD("two\nlines", true, "\"two\nlines\"");
    CHECK_FIELD("cr\r", true, "\"cr\r\"");
    CHECK_FIELD("", true, "");
    CHECK_FIELD(NULL, true, "");
    CHECK_FIELD("a;b", true, "a;b");
}

TEST(csv_field_formula_guard)
{
    CHECK_FIELD("=1+2", true, "'=1+2");
    CHECK_FIELD("+84", true, "'+84");
    CHECK_FIELD("-", true, "'-");
    CHECK_FIELD("@SUM(A1)", true, "'@SUM(A1)");
    CHECK_FIELD("=HYPERLINK(\"http://x\",\"y\")", true, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK_FIELD("=1+2", false, "=1+2");
    CHECK_FIELD("-3.5", false, "-3.5");
    CHECK_FIELD("a=b", true, "a=b");
    /* SPEC §6: also after whitespace or a control character */
    CHECK_FIELD("\r=1+2", true, "\"'\r=1+2\"");
    CHECK_FIELD("\t@SUM(A1)", true, "'\t@SUM(A1)");
    CHECK_FIELD("\xC2\xA0-2+3", true, "'\xC2\xA0-2+3");
    /* a negative number as provstat writes it stays a number */
    CHECK_FIELD("-3.5", true, "-3.5");
    CHECK_FIELD("-", true, "'-");
}

TEST(format_names)
{
    ps_export_format f = PS_EXPORT_WIDE;
    CHECK(ps_export_format_parse("long", &f) && f == PS_EXPORT_LONG);
    CHECK(ps_export_format_parse("sdmx", &f) && f == PS_EXPORT_SDMX);
    CHECK(ps_export_format_parse("wide", &f) && f == PS_EXPORT_WIDE);
    CHECK(!ps_export_format_parse("xlsx", &f) && f == PS_EXPORT_WIDE);
    CHECK(!ps_export_format_parse("LONG", &f));
    CHECK(!ps_export_format_parse(NULL, &f));
    CHECK_STR(ps_export_format_name(PS_EXPORT_LONG), "long");
    CHECK_STR(ps_export_format_name(PS_EXPORT_SDMX), "sdmx");
}

TEST(headers_are_the_spec_s)
{
    CHECK_STR(PS_EXPORT_LONG_HEADER,
              "unit,unit_name,indicator,indicator_name,unit_measure,period,measure,value,status,coverage,flags");
    CHECK_STR(PS_EXPORT_SDMX_HEADER,
              "DATAFLOW,REF_AREA,INDICATOR,MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE");
}

int main(void)
{
    RUN(single_period);
    RUN(month_range_crosses_a_year);
    RUN(quarter_half_year_ranges);
    RUN(ytd_range_skips_december);
    RUN(range_errors);
    RUN(csv_field_quoting);
    RUN(csv_field_formula_guard);
    RUN(format_names);
    RUN(headers_are_the_spec_s);
    return check_done();
}
