/* test_report_labels.c - the report's texts: every label in both languages, the phrases around periods. */
#include "check.h"

#include "export/report_labels.h"
#include "export/xlsx_report.h"

static ps_period P(const char *text)
{
    ps_period p;
    if (!ps_period_parse(text, &p, NULL, 0))
        p.type = PS_P_NONE;
    return p;
}

/* A label added to the enum and not to the table shows as "": every label
 * has a text in both languages but the English year prefix, which is
 * empty on purpose ("2016" against "Năm 2016"). */
TEST(every_label_in_both_languages)
{
    for (int id = 0; id < L_COUNT; id++) {
        const char *vi = ps_rep_label(false, (ps_rep_label_id)id);
        const char *en = ps_rep_label(true, (ps_rep_label_id)id);
        if (!vi[0] || (!en[0] && id != L_YEAR_PREFIX))
            printf("label %d has no text\n", id);
        CHECK(vi[0] != '\0');
        CHECK(en[0] != '\0' || id == L_YEAR_PREFIX);
    }
    CHECK_STR(ps_rep_label(false, L_SHEET_SUMMARY), "Tổng hợp");
    CHECK_STR(ps_rep_label(true, L_SHEET_SUMMARY), "Summary");
    CHECK_STR(ps_rep_label(false, L_YEAR_PREFIX), "Năm ");
    CHECK_STR(ps_rep_label(true, L_YEAR_PREFIX), "");
}

TEST(unknown_label_is_empty)
{
    CHECK_STR(ps_rep_label(false, L_COUNT), "");
    CHECK_STR(ps_rep_label(true, (ps_rep_label_id)-1), "");
}

TEST(level_words)
{
    CHECK_STR(ps_rep_level_word(PS_LEVEL_DISTRICT, false), "huyện");
    CHECK_STR(ps_rep_level_word(PS_LEVEL_COMMUNE, true), "commune");
    CHECK_STR(ps_rep_level_word(PS_LEVEL_NONE, true), "unit");
    CHECK_STR(ps_rep_level_word((ps_level)99, false), "đơn vị");
}

TEST(period_phrases)
{
    char b[160];
    CHECK_STR(ps_rep_period_name(P("2016-07"), false, true, b, sizeof b), "tháng 7/2016");
    CHECK_STR(ps_rep_period_name(P("2016-Q3"), false, false, b, sizeof b), "quý III");
    CHECK_STR(ps_rep_period_name(P("2016-H1"), true, true, b, sizeof b), "H1 2016");
    CHECK_STR(ps_rep_ytd_name(P("2016-07"), true, b, sizeof b), "Jan–Jul 2016");
    CHECK_STR(ps_rep_ytd_name(P("2016-01"), true, b, sizeof b), "Jan 2016");
    CHECK_STR(ps_rep_ytd_name(P("2016-Q2"), false, b, sizeof b), "6 tháng");
    CHECK_STR(ps_rep_part_label(P("2016-Q3"), false, b, sizeof b), "Quý III");
    CHECK_STR(ps_rep_part_label(P("2016-03"), true, b, sizeof b), "Mar");
    CHECK_STR(ps_rep_part_label(P("2016"), false, b, sizeof b), "Cả năm");
    CHECK_STR(ps_rep_roman(14, b), "XIV");
}

TEST(titles)
{
    char b[200];
    CHECK_STR(ps_xlsx_title(P("2016-07"), "vi", b, sizeof b),
              "Báo cáo tình hình kinh tế – xã hội tháng 7 và 7 tháng năm 2016");
    CHECK_STR(ps_xlsx_title(P("2016-Q4"), "en", b, sizeof b),
              "Socio-economic report, the fourth quarter and the year 2016");
    ps_rep_district_title(PS_LEVEL_DISTRICT, P("2016-07"), true, b, sizeof b);
    CHECK_STR(b, "Key indicators by district, July 2016");
    ps_rep_trends_title(2016, false, b, sizeof b);
    CHECK_STR(b, "Diễn biến các chỉ tiêu chủ yếu: năm 2016 so với năm 2015");
}

TEST(summary_headers)
{
    char h[S_NCOLS][PS_REP_HEAD_BUFSZ];
    ps_rep_summary_heads(P("2016-07"), false, true, false, h);
    CHECK_STR(h[S_PREV], "Thực hiện tháng 6");
    CHECK_STR(h[S_VALUE], "Ước tính tháng 7");
    CHECK_STR(h[S_INDEX], "Tháng 7/2016 so với cùng kỳ (%)");
    ps_rep_summary_heads(P("2016-Q2"), true, false, true, h);
    CHECK_STR(h[S_PREV], "Q1 2016 (estimate)");
    CHECK_STR(h[S_VALUE], "Q2 2016");
    CHECK_STR(h[S_INDEX], "Q2 2016 vs same quarter 2015 (%)");
}

int main(void)
{
    RUN(every_label_in_both_languages);
    RUN(unknown_label_is_empty);
    RUN(level_words);
    RUN(period_phrases);
    RUN(titles);
    RUN(summary_headers);
    return check_done();
}
