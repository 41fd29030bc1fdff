/* test_period.c - periods: every input form, every refusal, arithmetic, keys. */
#include "check.h"

#include "core/period.h"

#include <ctype.h>
#include <stdlib.h>

static const char *canon(const char *text)
{
    static char buf[PS_PERIOD_BUFSZ];
    char msg[256];
    ps_period p;

    if (!ps_period_parse(text, &p, msg, sizeof msg)) {
        snprintf(buf, sizeof buf, "ERR");
        return buf;
    }
    return ps_period_format(p, buf);
}

static void upper(const char *in, char *out)
{
    for (; *in; in++)
        *out++ = (char)toupper((unsigned char)*in);
    *out = '\0';
}

static void lower(const char *in, char *out)
{
    for (; *in; in++)
        *out++ = (char)tolower((unsigned char)*in);
    *out = '\0';
}

static const struct {
    const char *in, *want;
} accepted[] = {
    {"2016", "2016"},
    {"2016-S1", "2016-S1"},
    {"2016-S2", "2016-S2"},
    {"2016-Q3", "2016-Q3"},
    {"2016-07", "2016-07"},
    {"2016-12", "2016-12"},
    {"2016-YTD07", "2016-YTD07"},
    {"2016-YTD01", "2016-YTD01"},
    {"2016-YTD11", "2016-YTD11"},
    {"2016-YTD12", "2016"},
    {"2016-YTD7", "2016-YTD07"},
    {"2016M07", "2016-07"},
    {"2016-M07", "2016-07"},
    {"2016M7", "2016-07"},
    {"07/2016", "2016-07"},
    {"7/2016", "2016-07"},
    {"12/2016", "2016-12"},
    {"T7/2016", "2016-07"},
    {"T07/2016", "2016-07"},
    {"T12/2016", "2016-12"},
    {"2016Q3", "2016-Q3"},
    {"Q3/2016", "2016-Q3"},
    {"Q1/2016", "2016-Q1"},
    {"2016-A", "2016"},
    {"2016-H1", "2016-S1"},
    {"2016H2", "2016-S2"},
    {"2016-01-01/P7M", "2016-YTD07"},
    {"2016-01-01/P1M", "2016-YTD01"},
    {"2016-01-01/P3M", "2016-YTD03"},
    {"2016-01-01/P6M", "2016-YTD06"},
    {"2016-01-01/P11M", "2016-YTD11"},
    {"2016-01-01/P12M", "2016"},
    {"2016-01-01/P1Y", "2016"},
    {"1900", "1900"},
    {"2100", "2100"},
    {"1900-01", "1900-01"},
    {"2100-12", "2100-12"},
    /* harmless variants */
    {"2016-7", "2016-07"},
    {"2016/07", "2016-07"},
    {"7-2016", "2016-07"},
    {"2016S1", "2016-S1"},
    {"2016A", "2016"},
    {"2016-A1", "2016"},
    {"2016YTD07", "2016-YTD07"},
    {"Q3-2016", "2016-Q3"},
    {"T7-2016", "2016-07"},
    {"2016-1-1/P7M", "2016-YTD07"},
};

TEST(accepted_forms_any_case)
{
    size_t i;
    char buf[64], msg[256];
    ps_period p;

    for (i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
        CHECK_STR(canon(accepted[i].in), accepted[i].want);
        upper(accepted[i].in, buf);
        CHECK_STR(canon(buf), accepted[i].want);
        lower(accepted[i].in, buf);
        CHECK_STR(canon(buf), accepted[i].want);
        snprintf(buf, sizeof buf, "  %s\t ", accepted[i].in);
        CHECK_STR(canon(buf), accepted[i].want);
        /* success clears the message */
        strcpy(msg, "stale");
        CHECK(ps_period_parse(accepted[i].in, &p, msg, sizeof msg));
        CHECK_STR(msg, "");
        CHECK(ps_period_valid(p));
    }
}

TEST(parsed_fields)
{
    ps_period p;

    CHECK(ps_period_parse("2016-YTD07", &p, NULL, 0));
    CHECK_INT(p.year, 2016);
    CHECK_INT(p.type, PS_P_YTD);
    CHECK_INT(p.num, 7);
    CHECK(ps_period_parse("2016", &p, NULL, 0));
    CHECK_INT(p.type, PS_P_YEAR);
    CHECK_INT(p.num, 0);
    CHECK(ps_period_parse("2016-YTD12", &p, NULL, 0));
    CHECK_INT(p.type, PS_P_YEAR);
    CHECK_INT(p.year, 2016);
    CHECK(ps_period_parse("q4/1999", &p, NULL, 0));
    CHECK_INT(p.type, PS_P_QUARTER);
    CHECK_INT(p.num, 4);
    CHECK_INT(p.year, 1999);
    CHECK(ps_period_parse("2016-s2", &p, NULL, 0));
    CHECK_INT(p.type, PS_P_HALF);
    CHECK_INT(p.num, 2);
}

/* Each refusal: the text, and up to two pieces the message must contain. */
static const struct {
    const char *in, *key1, *key2;
} refused[] = {
    {"2016-13", "month 13 does not exist", "01 to 12"},
    {"2016-00", "month 0 does not exist", "01 to 12"},
    {"2016M13", "month 13", "01 to 12"},
    {"2016-M00", "month 0", NULL},
    {"13/2016", "month 13", NULL},
    {"0/2016", "month 0", NULL},
    {"T13/2016", "month 13", NULL},
    {"T0/2016", "month 0", NULL},
    {"2016-Q5", "quarter 5 does not exist", "Q1 to Q4"},
    {"2016-Q0", "quarter 0", "Q1 to Q4"},
    {"Q5/2016", "quarter 5", NULL},
    {"2016Q9", "quarter 9", NULL},
    {"2016-S3", "half 3 does not exist", "S1 and S2"},
    {"2016-H0", "half 0", NULL},
    {"2016-YTD00", "YTD00 does not exist", "YTD01 to YTD12"},
    {"2016-YTD13", "YTD13 does not exist", "YTD01 to YTD12"},
    {"0", "year 0 is outside 1900 to 2100", NULL},
    {"0000", "year 0 is outside 1900 to 2100", NULL},
    {"0000-07", "year 0 is outside", NULL},
    {"1899", "year 1899 is outside 1900 to 2100", NULL},
    {"2101", "year 2101 is outside", NULL},
    {"2101-Q1", "year 2101", NULL},
    {"1899-12", "year 1899", NULL},
    {"07/1899", "year 1899", NULL},
    {"16", "year 16 is outside", NULL},
    {"abc", "not a period", "2016-07"},
    {"2016-", "not a period", NULL},
    {"-2016", "not a period", NULL},
    {"2016--07", "not a period", NULL},
    {"2016-07x", "not a period", NULL},
    {"2016 07", "not a period", NULL},
    {"2016-Q", "not a period", NULL},
    {"Q/2016", "not a period", NULL},
    {"2016-YTD", "not a period", NULL},
    {"2016-007", "not a period", NULL},
    {"20160", "not a period", NULL},
    {"1234567", "not a period", NULL},
    {"99999", "not a period", NULL},
    {"2016-07-32", "not a period", NULL},
    {"2016-13-01", "not a period", NULL},
    {"13/13/2016", "not a period", NULL},
    {"Foo-16", "not a period", NULL},
    {"th\xc3\xa1ng 7", "not a period", NULL},
    {"", "empty", NULL},
    {"   ", "empty", NULL},
    /* SDMX ranges */
    {"2016-07-01/P1M", "only SDMX time ranges starting on 1 January", NULL},
    {"2016-01-02/P7M", "starting on 1 January", NULL},
    {"2016-04-01/P3M", "starting on 1 January", NULL},
    {"2016-01-01/P13M", "P13M", "P1M to P12M"},
    {"2016-01-01/P0M", "P0M", NULL},
    /* a duration too long for a number is shown as written, not as P0M */
    {"2016-01-01/P99999999999M", "P99999999999M", "P1M to P12M"},
    {"2016-01-01/P2Y", "P2Y", NULL},
    {"1899-01-01/P7M", "year 1899", NULL},
    {"2016-01-01/P7D", "SDMX", "2016-01-01/P7M"},
    {"2016-01-01/P", "SDMX", NULL},
    /* a start whose year is not four digits (found by fuzz_period: refused
     * with no message) */
    {"201016-01-01/P06M", "SDMX", "2016-01-01/P7M"},
    {"16-01-01/P1Y", "SDMX", NULL},
};

TEST(refusals_with_clear_messages)
{
    size_t i;
    char msg[256];
    ps_period p;

    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        msg[0] = '\0';
        p = ps_period_month(2016, 7);
        if (ps_period_parse(refused[i].in, &p, msg, sizeof msg)) {
            CHECK_STR(refused[i].in, "(was accepted)");
            continue;
        }
        CHECK_INT(p.type, PS_P_NONE);
        CHECK(!ps_period_valid(p));
        CHECK(strchr(msg, '\n') == NULL);
        if (!strstr(msg, refused[i].key1) ||
            (refused[i].key2 && !strstr(msg, refused[i].key2)))
            CHECK_STR(msg, refused[i].key1);
    }
}

TEST(exact_messages)
{
    char msg[256];
    ps_period p;

    ps_period_parse("2016-13", &p, msg, sizeof msg);
    CHECK_STR(msg, "month 13 does not exist: months are 01 to 12");
    ps_period_parse("0", &p, msg, sizeof msg);
    CHECK_STR(msg, "year 0 is outside 1900 to 2100");
    ps_period_parse("2016-Q5", &p, msg, sizeof msg);
    CHECK_STR(msg, "quarter 5 does not exist: quarters are Q1 to Q4");
    ps_period_parse("2016-S3", &p, msg, sizeof msg);
    CHECK_STR(msg, "half 3 does not exist: halves are S1 and S2");
    ps_period_parse("Jul-16", &p, msg, sizeof msg);
    CHECK_STR(msg, "Jul-16 looks like a date that Excel made from a period; "
                   "write the period as 2016-07");
    ps_period_parse("42552", &p, msg, sizeof msg);
    CHECK_STR(msg, "42552 looks like an Excel date serial number (2016-07-01); "
                   "write the period as 2016-07");
}

/* What Excel does to a period: the hint names the period to write. */
static const struct {
    const char *in, *write;
} excel[] = {
    {"Jul-16", "write the period as 2016-07"},
    {"jul-16", "write the period as 2016-07"},
    {"JUL-2016", "write the period as 2016-07"},
    {"July-16", "write the period as 2016-07"},
    {"Jul 2016", "write the period as 2016-07"},
    {"Dec-99", "write the period as 1999-12"},
    {"Jan-00", "write the period as 2000-01"},
    {"Sep-29", "write the period as 2029-09"},
    {"Sep-30", "write the period as 1930-09"},
    {"16-Jul", "write the period as 2016-07"},
    {"1-Jul-16", "write the period as 2016-07"},
    {"01-Jul-2016", "write the period as 2016-07"},
    {"Jul 1, 2016", "write the period as 2016-07"},
    {"7/1/2016", "write the period as 2016-07"},
    {"07/01/2016", "write the period as 2016-07"},
    {"12/1/2016", "write the period as 2016-12"},
    {"01/07/2016", "write the period as 2016-07"},
    {"1/12/2016", "write the period as 2016-12"},
    {"1/1/2016", "write the period as 2016-01"},
    {"15/07/2016", "write the period as 2016-07"},
    {"7/15/2016", "write the period as 2016-07"},
    {"7/8/2016", "write the period as 2016-07 or 2016-08"},
    {"01.07.2016", "write the period as 2016-07"},
    {"7/1/16", "write the period as 2016-07"},
    {"2016-07-01", "write the period as 2016-07"},
    {"2016/07/01", "write the period as 2016-07"},
    {"2016-07-15", "write the period as 2016-07"},
    {"7/1/2016 0:00", "write the period as 2016-07"},
    {"7/1/2016 12:00 AM", "write the period as 2016-07"},
    {"2016-07-01 00:00:00", "write the period as 2016-07"},
    {"2016-07-01T00:00:00", "write the period as 2016-07"},
    {"42552", "write the period as 2016-07"},
    {"44743", "write the period as 2022-07"},
    {"42370", "write the period as 2016-01"},
    {"42705", "write the period as 2016-12"},
    {"36526", "write the period as 2000-01"},
    {"201607", "write the period as 2016-07"},
};

TEST(excel_damage_gets_a_hint)
{
    size_t i;
    char msg[256];
    ps_period p;

    for (i = 0; i < sizeof excel / sizeof excel[0]; i++) {
        msg[0] = '\0';
        CHECK(!ps_period_parse(excel[i].in, &p, msg, sizeof msg));
        CHECK_INT(p.type, PS_P_NONE);
        if (!strstr(msg, excel[i].write))
            CHECK_STR(msg, excel[i].write);
        if (strlen(excel[i].in) == 5 && !strstr(msg, "Excel date"))
            CHECK_STR(msg, "an Excel date serial number");
        if (strchr(excel[i].in, '/') || strchr(excel[i].in, '-') || isalpha((unsigned char)excel[i].in[0]))
            if (!strstr(msg, "Excel"))
                CHECK_STR(msg, "mentions Excel");
    }
    /* 42552 is 2016-07-01 in Excel's calendar */
    ps_period_parse("42552", &p, msg, sizeof msg);
    CHECK(strstr(msg, "2016-07-01") != NULL);
    /* 5-digit serials start in 1927; only the first day of a month is what
     * Excel makes from a period */
    ps_period_parse("10014", &p, msg, sizeof msg);
    CHECK(strstr(msg, "(1927-06-01); write the period as 1927-06") != NULL);
    ps_period_parse("10000", &p, msg, sizeof msg);   /* 1927-05-18 */
    CHECK(strstr(msg, "not a period") != NULL);
    ps_period_parse("42566", &p, msg, sizeof msg);   /* 2016-07-15 */
    CHECK(strstr(msg, "not a period") != NULL);
    ps_period_parse("73385", &p, msg, sizeof msg);
    CHECK(strstr(msg, "(2100-12-01)") != NULL);
    ps_period_parse("73416", &p, msg, sizeof msg);   /* 2101-01-01 */
    CHECK(strstr(msg, "not a period") != NULL);
    /* leap years: 2016-03-01 and 2000-03-01 */
    ps_period_parse("42430", &p, msg, sizeof msg);
    CHECK(strstr(msg, "(2016-03-01)") != NULL);
    ps_period_parse("36586", &p, msg, sizeof msg);
    CHECK(strstr(msg, "(2000-03-01)") != NULL);
}

TEST(messages_are_safe)
{
    char msg[256], small[8], text[300];
    ps_period p;

    /* long garbage is cut in the message */
    memset(text, 'z', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    CHECK(!ps_period_parse(text, &p, msg, sizeof msg));
    CHECK(strstr(msg, "not a period") != NULL);
    CHECK(strlen(msg) < 200);
    /* control characters are not copied into the message */
    CHECK(!ps_period_parse("ab\x01\x1b[31m", &p, msg, sizeof msg));
    CHECK(strchr(msg, '\x1b') == NULL);
    CHECK(strchr(msg, '\x01') == NULL);
    /* a small buffer is filled and terminated */
    memset(small, 'Q', sizeof small);
    CHECK(!ps_period_parse("2016-13", &p, small, sizeof small));
    CHECK_INT(strlen(small), sizeof small - 1);
    /* NULL message and NULL text */
    CHECK(!ps_period_parse("2016-13", &p, NULL, 0));
    CHECK(!ps_period_parse(NULL, &p, msg, sizeof msg));
    CHECK(strstr(msg, "empty") != NULL);
    CHECK(ps_period_parse("2016", NULL, NULL, 0));
    /* a cut UTF-8 sequence is not left in the message */
    {
        char u[200] = "";
        int i;
        for (i = 0; i < 30; i++)
            strcat(u, "\xe1\xbb\x87");  /* ệ */
        CHECK(!ps_period_parse(u, &p, msg, sizeof msg));
        CHECK(strstr(msg, "\xe1\xbb\x87...") != NULL);
    }
}

TEST(format_and_sdmx)
{
    char buf[PS_PERIOD_BUFSZ];

    CHECK_STR(ps_period_format(ps_period_make(PS_P_YEAR, 2016, 0), buf), "2016");
    CHECK_STR(ps_period_format(ps_period_make(PS_P_HALF, 2016, 1), buf), "2016-S1");
    CHECK_STR(ps_period_format(ps_period_make(PS_P_QUARTER, 2016, 3), buf), "2016-Q3");
    CHECK_STR(ps_period_format(ps_period_month(2016, 7), buf), "2016-07");
    CHECK_STR(ps_period_format(ps_period_make(PS_P_YTD, 2016, 7), buf), "2016-YTD07");
    CHECK_STR(ps_period_format(ps_period_make(PS_P_YTD, 2016, 11), buf), "2016-YTD11");
    CHECK_STR(ps_period_format_sdmx(ps_period_make(PS_P_YTD, 2016, 7), buf), "2016-01-01/P7M");
    CHECK_STR(ps_period_format_sdmx(ps_period_make(PS_P_YTD, 2016, 11), buf), "2016-01-01/P11M");
    CHECK_STR(ps_period_format_sdmx(ps_period_month(2016, 7), buf), "2016-07");
    CHECK_STR(ps_period_format_sdmx(ps_period_make(PS_P_QUARTER, 2016, 3), buf), "2016-Q3");
    CHECK_STR(ps_period_format_sdmx(ps_period_make(PS_P_HALF, 2016, 2), buf), "2016-S2");
    CHECK_STR(ps_period_format_sdmx(ps_period_make(PS_P_YEAR, 2016, 0), buf), "2016");
    CHECK_STR(ps_period_format(ps_period_make(PS_P_NONE, 2016, 0), buf), "");
    CHECK_STR(ps_period_format_sdmx(ps_period_make(PS_P_MONTH, 2016, 13), buf), "");
}

TEST(constructors)
{
    ps_period p;

    p = ps_period_make(PS_P_YTD, 2016, 12);
    CHECK_INT(p.type, PS_P_YEAR);
    CHECK_INT(p.year, 2016);
    CHECK_INT(p.num, 0);
    p = ps_period_make(PS_P_YEAR, 2016, 5);
    CHECK_INT(p.type, PS_P_YEAR);
    CHECK_INT(p.num, 0);
    p = ps_period_month(2016, 7);
    CHECK_INT(p.type, PS_P_MONTH);
    CHECK_INT(p.num, 7);
    CHECK(ps_period_valid(p));
    CHECK_INT(ps_period_month(2016, 13).type, PS_P_NONE);
    CHECK_INT(ps_period_month(2016, 0).type, PS_P_NONE);
    CHECK_INT(ps_period_month(1899, 12).type, PS_P_NONE);
    CHECK_INT(ps_period_month(2101, 1).type, PS_P_NONE);
    CHECK_INT(ps_period_make(PS_P_QUARTER, 2016, 5).type, PS_P_NONE);
    CHECK_INT(ps_period_make(PS_P_HALF, 2016, 3).type, PS_P_NONE);
    CHECK_INT(ps_period_make(PS_P_YTD, 2016, 0).type, PS_P_NONE);
    CHECK_INT(ps_period_make(PS_P_YTD, 2016, 13).type, PS_P_NONE);
    CHECK_INT(ps_period_make(PS_P_NONE, 2016, 1).type, PS_P_NONE);
    CHECK_INT(ps_period_make((ps_period_type)9, 2016, 1).type, PS_P_NONE);
    /* hand-made invalid values */
    p.year = 2016;
    p.type = PS_P_YTD;
    p.num = 12;
    CHECK(!ps_period_valid(p));
    p.type = PS_P_YEAR;
    p.num = 1;
    CHECK(!ps_period_valid(p));
    p.type = 7;
    p.num = 1;
    CHECK(!ps_period_valid(p));
}

TEST(months_covered)
{
    ps_period q3 = ps_period_make(PS_P_QUARTER, 2016, 3);
    ps_period s2 = ps_period_make(PS_P_HALF, 2016, 2);
    ps_period y = ps_period_make(PS_P_YEAR, 2016, 0);
    ps_period ytd = ps_period_make(PS_P_YTD, 2016, 7);
    ps_period m = ps_period_month(2016, 7);
    ps_period bad = ps_period_make(PS_P_NONE, 0, 0);

    CHECK_INT(ps_period_first_month(q3), 7);
    CHECK_INT(ps_period_last_month(q3), 9);
    CHECK_INT(ps_period_month_count(q3), 3);
    CHECK_INT(ps_period_first_month(s2), 7);
    CHECK_INT(ps_period_last_month(s2), 12);
    CHECK_INT(ps_period_month_count(s2), 6);
    CHECK_INT(ps_period_first_month(y), 1);
    CHECK_INT(ps_period_last_month(y), 12);
    CHECK_INT(ps_period_month_count(y), 12);
    CHECK_INT(ps_period_first_month(ytd), 1);
    CHECK_INT(ps_period_last_month(ytd), 7);
    CHECK_INT(ps_period_month_count(ytd), 7);
    CHECK_INT(ps_period_first_month(m), 7);
    CHECK_INT(ps_period_last_month(m), 7);
    CHECK_INT(ps_period_month_count(m), 1);
    CHECK_INT(ps_period_first_month(ps_period_make(PS_P_QUARTER, 2016, 1)), 1);
    CHECK_INT(ps_period_last_month(ps_period_make(PS_P_QUARTER, 2016, 4)), 12);
    CHECK_INT(ps_period_month_count(bad), 0);
    CHECK_INT(ps_period_first_month(bad), 0);
}

static const char *fmt(ps_period p)
{
    static char bufs[4][PS_PERIOD_BUFSZ];
    static int k;

    k = (k + 1) % 4;
    if (p.type == PS_P_NONE)
        return "NONE";
    return ps_period_format(p, bufs[k]);
}

static ps_period P(const char *s)
{
    ps_period p;

    if (!ps_period_parse(s, &p, NULL, 0))
        printf("test bug: %s does not parse\n", s);
    return p;
}

TEST(prev_next)
{
    CHECK_STR(fmt(ps_period_prev(P("2016-01"))), "2015-12");
    CHECK_STR(fmt(ps_period_prev(P("2016-07"))), "2016-06");
    CHECK_STR(fmt(ps_period_next(P("2016-12"))), "2017-01");
    CHECK_STR(fmt(ps_period_next(P("2016-07"))), "2016-08");
    CHECK_STR(fmt(ps_period_prev(P("2016-Q1"))), "2015-Q4");
    CHECK_STR(fmt(ps_period_next(P("2016-Q4"))), "2017-Q1");
    CHECK_STR(fmt(ps_period_prev(P("2016-S1"))), "2015-S2");
    CHECK_STR(fmt(ps_period_next(P("2016-S1"))), "2016-S2");
    CHECK_STR(fmt(ps_period_prev(P("2016"))), "2015");
    CHECK_STR(fmt(ps_period_next(P("2016"))), "2017");
    CHECK_STR(fmt(ps_period_prev(P("2016-YTD07"))), "NONE");
    CHECK_STR(fmt(ps_period_next(P("2016-YTD07"))), "NONE");
    CHECK_STR(fmt(ps_period_prev(P("1900-01"))), "NONE");
    CHECK_STR(fmt(ps_period_prev(P("1900"))), "NONE");
    CHECK_STR(fmt(ps_period_prev(P("1900-Q1"))), "NONE");
    CHECK_STR(fmt(ps_period_next(P("2100-12"))), "NONE");
    CHECK_STR(fmt(ps_period_next(P("2100-S2"))), "NONE");
    CHECK_STR(fmt(ps_period_next(P("2100"))), "NONE");
    CHECK_STR(fmt(ps_period_next(P("2100-11"))), "2100-12");
    CHECK_STR(fmt(ps_period_prev(ps_period_make(PS_P_NONE, 0, 0))), "NONE");
}

TEST(prev_year_and_ytd_of)
{
    CHECK_STR(fmt(ps_period_prev_year(P("2016-07"))), "2015-07");
    CHECK_STR(fmt(ps_period_prev_year(P("2016-Q3"))), "2015-Q3");
    CHECK_STR(fmt(ps_period_prev_year(P("2016-S2"))), "2015-S2");
    CHECK_STR(fmt(ps_period_prev_year(P("2016"))), "2015");
    CHECK_STR(fmt(ps_period_prev_year(P("2016-YTD07"))), "2015-YTD07");
    CHECK_STR(fmt(ps_period_prev_year(P("1900-07"))), "NONE");
    CHECK_STR(fmt(ps_period_prev_year(P("1901-YTD03"))), "1900-YTD03");

    CHECK_STR(fmt(ps_period_ytd_of(P("2016-07"))), "2016-YTD07");
    CHECK_STR(fmt(ps_period_ytd_of(P("2016-01"))), "2016-YTD01");
    CHECK_STR(fmt(ps_period_ytd_of(P("2016-12"))), "2016");
    CHECK_STR(fmt(ps_period_ytd_of(P("2016-Q3"))), "2016-YTD09");
    CHECK_STR(fmt(ps_period_ytd_of(P("2016-Q4"))), "2016");
    CHECK_STR(fmt(ps_period_ytd_of(P("2016-S1"))), "2016-YTD06");
    CHECK_STR(fmt(ps_period_ytd_of(P("2016"))), "2016");
    CHECK_STR(fmt(ps_period_ytd_of(P("2016-YTD05"))), "2016-YTD05");
    CHECK_STR(fmt(ps_period_ytd_of(ps_period_make(PS_P_NONE, 0, 0))), "NONE");
}

TEST(containing)
{
    CHECK_STR(fmt(ps_period_containing(PS_P_MONTH, 2016, 7)), "2016-07");
    CHECK_STR(fmt(ps_period_containing(PS_P_QUARTER, 2016, 7)), "2016-Q3");
    CHECK_STR(fmt(ps_period_containing(PS_P_QUARTER, 2016, 1)), "2016-Q1");
    CHECK_STR(fmt(ps_period_containing(PS_P_QUARTER, 2016, 3)), "2016-Q1");
    CHECK_STR(fmt(ps_period_containing(PS_P_QUARTER, 2016, 4)), "2016-Q2");
    CHECK_STR(fmt(ps_period_containing(PS_P_QUARTER, 2016, 12)), "2016-Q4");
    CHECK_STR(fmt(ps_period_containing(PS_P_HALF, 2016, 6)), "2016-S1");
    CHECK_STR(fmt(ps_period_containing(PS_P_HALF, 2016, 7)), "2016-S2");
    CHECK_STR(fmt(ps_period_containing(PS_P_YEAR, 2016, 7)), "2016");
    CHECK_STR(fmt(ps_period_containing(PS_P_YTD, 2016, 7)), "2016-YTD07");
    CHECK_STR(fmt(ps_period_containing(PS_P_YTD, 2016, 12)), "2016");
    CHECK_STR(fmt(ps_period_containing(PS_P_MONTH, 2016, 13)), "NONE");
    CHECK_STR(fmt(ps_period_containing(PS_P_QUARTER, 2016, 0)), "NONE");
    CHECK_STR(fmt(ps_period_containing(PS_P_YEAR, 1899, 1)), "NONE");
    CHECK_STR(fmt(ps_period_containing(PS_P_NONE, 2016, 1)), "NONE");
    /* every month lies in the period that contains it */
    {
        int m, t;
        for (t = PS_P_MONTH; t <= PS_P_YTD; t++)
            for (m = 1; m <= 12; m++)
                CHECK(ps_period_contains(ps_period_containing((ps_period_type)t, 2016, m),
                                         ps_period_month(2016, m)));
    }
}

TEST(contains)
{
    CHECK(ps_period_contains(P("2016"), P("2016-07")));
    CHECK(ps_period_contains(P("2016"), P("2016-Q3")));
    CHECK(ps_period_contains(P("2016"), P("2016-YTD07")));
    CHECK(ps_period_contains(P("2016"), P("2016")));
    CHECK(ps_period_contains(P("2016-Q3"), P("2016-07")));
    CHECK(ps_period_contains(P("2016-Q3"), P("2016-09")));
    CHECK(!ps_period_contains(P("2016-Q3"), P("2016-10")));
    CHECK(!ps_period_contains(P("2016-Q3"), P("2016-06")));
    CHECK(ps_period_contains(P("2016-S2"), P("2016-Q3")));
    CHECK(!ps_period_contains(P("2016-S1"), P("2016-Q3")));
    CHECK(ps_period_contains(P("2016-YTD07"), P("2016-07")));
    CHECK(ps_period_contains(P("2016-YTD07"), P("2016-Q2")));
    CHECK(ps_period_contains(P("2016-YTD07"), P("2016-YTD03")));
    CHECK(!ps_period_contains(P("2016-YTD07"), P("2016-Q3")));
    CHECK(!ps_period_contains(P("2016-YTD07"), P("2016-08")));
    CHECK(!ps_period_contains(P("2016-07"), P("2016-Q3")));
    CHECK(!ps_period_contains(P("2016"), P("2015-07")));
    CHECK(!ps_period_contains(P("2016-Q3"), P("2017-07")));
    CHECK(!ps_period_contains(ps_period_make(PS_P_NONE, 0, 0), P("2016-07")));
}

TEST(cmp_order)
{
    /* the documented order: by year, then year, halves, quarters, months,
     * year-to-date, then number */
    const char *order[] = {
        "2015-YTD11", "2016", "2016-S1", "2016-S2", "2016-Q1", "2016-Q4",
        "2016-01", "2016-02", "2016-12", "2016-YTD01", "2016-YTD07",
        "2016-YTD11", "2017", "2017-01",
    };
    size_t n = sizeof order / sizeof order[0], i, j;

    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            ps_period a = P(order[i]), b = P(order[j]);
            int c = ps_period_cmp(a, b);
            int want = i < j ? -1 : i > j ? 1 : 0;
            CHECK_INT(c, want);
            CHECK_INT(ps_period_eq(a, b), i == j);
            CHECK_INT((ps_period_key(a) > ps_period_key(b)) - (ps_period_key(a) < ps_period_key(b)),
                      want);
        }
    }
}

TEST(keys)
{
    ps_period p;

    CHECK_INT(ps_period_key(P("2016-07")), 2016307);
    CHECK_INT(ps_period_key(P("2016-YTD07")), 2016407);
    CHECK_INT(ps_period_key(P("2016")), 2016000);
    CHECK_INT(ps_period_key(P("2016-S2")), 2016102);
    CHECK_INT(ps_period_key(P("2016-Q3")), 2016203);
    CHECK_INT(ps_period_key(ps_period_make(PS_P_NONE, 0, 0)), 0);
    CHECK_STR(fmt(ps_period_from_key(2016307)), "2016-07");
    CHECK_STR(fmt(ps_period_from_key(2016000)), "2016");
    CHECK_STR(fmt(ps_period_from_key(0)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(-2016307)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016412)), "NONE");   /* YTD12 is the year */
    CHECK_STR(fmt(ps_period_from_key(2016400)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016313)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016300)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016205)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016103)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016001)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016507)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2016907)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(1899307)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2101307)), "NONE");
    CHECK_STR(fmt(ps_period_from_key(2147483647)), "NONE");
    p = ps_period_from_key(2016999);
    CHECK_INT(p.type, PS_P_NONE);
}

/* Every valid period of 1900..2100: canonical and SDMX text parse back, the
 * key round-trips, and keys sort as ps_period_cmp does. */
TEST(exhaustive_round_trips)
{
    static const ps_period_type types[] = {PS_P_YEAR, PS_P_HALF, PS_P_QUARTER,
                                           PS_P_MONTH, PS_P_YTD};
    ps_period *all = malloc(sizeof(ps_period) * 201 * 30);
    int n = 0, y, t, k, i, bad = 0;
    char buf[PS_PERIOD_BUFSZ];

    for (y = 1900; y <= 2100; y++)
        for (t = 0; t < 5; t++)
            for (k = 0; k <= 12; k++) {
                ps_period p = ps_period_make(types[t], y, k);
                if (types[t] == PS_P_YEAR && k > 0)
                    continue;
                if (ps_period_valid(p) && p.type == types[t])
                    all[n++] = p;
            }
    CHECK_INT(n, 201 * 30);
    for (i = 0; i < n; i++) {
        ps_period q;
        if (!ps_period_eq(ps_period_from_key(ps_period_key(all[i])), all[i]))
            bad++;
        if (!ps_period_parse(ps_period_format(all[i], buf), &q, NULL, 0) ||
            !ps_period_eq(q, all[i]))
            bad++;
        if (!ps_period_parse(ps_period_format_sdmx(all[i], buf), &q, NULL, 0) ||
            !ps_period_eq(q, all[i]))
            bad++;
        if (i > 0) {
            /* generated in cmp order */
            if (ps_period_cmp(all[i - 1], all[i]) >= 0 ||
                ps_period_key(all[i - 1]) >= ps_period_key(all[i]))
                bad++;
        }
        if (ps_period_cmp(all[i], all[i]) != 0)
            bad++;
        /* prev and next undo each other */
        if (all[i].type != PS_P_YTD) {
            ps_period nx = ps_period_next(all[i]);
            if (nx.type != PS_P_NONE && !ps_period_eq(ps_period_prev(nx), all[i]))
                bad++;
            if (nx.type == PS_P_NONE && !(all[i].year == 2100 && ps_period_last_month(all[i]) == 12))
                bad++;
        }
    }
    CHECK_INT(bad, 0);
    free(all);
}

TEST(frequencies)
{
    CHECK_INT(ps_frequency_parse("month"), PS_P_MONTH);
    CHECK_INT(ps_frequency_parse("quarter"), PS_P_QUARTER);
    CHECK_INT(ps_frequency_parse("half"), PS_P_HALF);
    CHECK_INT(ps_frequency_parse("year"), PS_P_YEAR);
    CHECK_INT(ps_frequency_parse("Year"), PS_P_YEAR);
    CHECK_INT(ps_frequency_parse("QUARTER"), PS_P_QUARTER);
    CHECK_INT(ps_frequency_parse(""), PS_P_NONE);
    CHECK_INT(ps_frequency_parse("months"), PS_P_NONE);
    CHECK_INT(ps_frequency_parse("mont"), PS_P_NONE);
    CHECK_INT(ps_frequency_parse("ytd"), PS_P_NONE);
    CHECK_INT(ps_frequency_parse(NULL), PS_P_NONE);
    CHECK_STR(ps_frequency_name(PS_P_MONTH), "month");
    CHECK_STR(ps_frequency_name(PS_P_QUARTER), "quarter");
    CHECK_STR(ps_frequency_name(PS_P_HALF), "half");
    CHECK_STR(ps_frequency_name(PS_P_YEAR), "year");
    CHECK_STR(ps_frequency_name(PS_P_NONE), "");
    CHECK_INT(ps_frequency_months(PS_P_MONTH), 1);
    CHECK_INT(ps_frequency_months(PS_P_QUARTER), 3);
    CHECK_INT(ps_frequency_months(PS_P_HALF), 6);
    CHECK_INT(ps_frequency_months(PS_P_YEAR), 12);
    CHECK_INT(ps_frequency_months(PS_P_YTD), 0);
    CHECK_INT(ps_frequency_months(PS_P_NONE), 0);
    {
        int t;
        for (t = PS_P_MONTH; t <= PS_P_YEAR; t++)
            CHECK_INT(ps_frequency_parse(ps_frequency_name((ps_period_type)t)), t);
    }
}

static void parts_str(const char *period, ps_period_type type, char *out)
{
    ps_period v[16];
    int n = ps_period_parts(P(period), type, v, 16), i;

    out[0] = '\0';
    for (i = 0; i < n && i < 16; i++) {
        if (i)
            strcat(out, " ");
        strcat(out, fmt(v[i]));
    }
}

TEST(parts)
{
    char s[512];
    ps_period v[2];

    parts_str("2016-Q3", PS_P_MONTH, s);
    CHECK_STR(s, "2016-07 2016-08 2016-09");
    parts_str("2016", PS_P_QUARTER, s);
    CHECK_STR(s, "2016-Q1 2016-Q2 2016-Q3 2016-Q4");
    parts_str("2016", PS_P_HALF, s);
    CHECK_STR(s, "2016-S1 2016-S2");
    parts_str("2016-YTD07", PS_P_MONTH, s);
    CHECK_STR(s, "2016-01 2016-02 2016-03 2016-04 2016-05 2016-06 2016-07");
    parts_str("2016-YTD07", PS_P_QUARTER, s);
    CHECK_STR(s, "2016-Q1 2016-Q2");
    parts_str("2016-YTD03", PS_P_YTD, s);
    CHECK_STR(s, "2016-YTD01 2016-YTD02 2016-YTD03");
    parts_str("2016-S2", PS_P_QUARTER, s);
    CHECK_STR(s, "2016-Q3 2016-Q4");
    parts_str("2016-S2", PS_P_MONTH, s);
    CHECK_STR(s, "2016-07 2016-08 2016-09 2016-10 2016-11 2016-12");
    parts_str("2016", PS_P_YEAR, s);
    CHECK_STR(s, "2016");
    parts_str("2016-07", PS_P_QUARTER, s);
    CHECK_STR(s, "");
    parts_str("2016-07", PS_P_MONTH, s);
    CHECK_STR(s, "2016-07");
    CHECK_INT(ps_period_parts(P("2016"), PS_P_MONTH, NULL, 0), 12);
    /* at most max written, the full count returned */
    CHECK_INT(ps_period_parts(P("2016"), PS_P_MONTH, v, 2), 12);
    CHECK_STR(fmt(v[0]), "2016-01");
    CHECK_STR(fmt(v[1]), "2016-02");
    CHECK_INT(ps_period_parts(ps_period_make(PS_P_NONE, 0, 0), PS_P_MONTH, v, 2), 0);
    CHECK_INT(ps_period_parts(P("2016"), PS_P_NONE, v, 2), 0);
}

/* Months counted across years: a quarter, a year-to-date, a December
 * next to the following January, and an invalid period spanning nothing. */
TEST(month_span)
{
    int a, b;
    ps_period_month_span(ps_period_make(PS_P_QUARTER, 2016, 3), &a, &b);
    CHECK_INT(a, 2016 * 12 + 6);
    CHECK_INT(b, 2016 * 12 + 8);
    ps_period_month_span(ps_period_make(PS_P_YTD, 2016, 7), &a, &b);
    CHECK_INT(a, 2016 * 12);
    CHECK_INT(b, 2016 * 12 + 6);
    ps_period_month_span(ps_period_month(2015, 12), &a, &b);
    int c, d;
    ps_period_month_span(ps_period_month(2016, 1), &c, &d);
    CHECK_INT(c - b, 1);
    ps_period_month_span(ps_period_from_key(0), &a, &b);
    CHECK(a > b);
}

int main(void)
{
    RUN(month_span);
    RUN(accepted_forms_any_case);
    RUN(parsed_fields);
    RUN(refusals_with_clear_messages);
    RUN(exact_messages);
    RUN(excel_damage_gets_a_hint);
    RUN(messages_are_safe);
    RUN(format_and_sdmx);
    RUN(constructors);
    RUN(months_covered);
    RUN(prev_next);
    RUN(prev_year_and_ytd_of);
    RUN(containing);
    RUN(contains);
    RUN(cmp_order);
    RUN(keys);
    RUN(exhaustive_round_trips);
    RUN(frequencies);
    RUN(parts);
    return check_done();
}
