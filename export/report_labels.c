/* report_labels.c - the report's texts in Vietnamese and English: the table and the phrases. */
#include "export/report_labels.h"

#include "export/xlsx_report.h"

#include <stdio.h>
#include <string.h>

/* ========================================================================
 * Plain texts: one row per label, Vietnamese then English
 * ======================================================================== */

static const char *const LABELS[L_COUNT][2] = {
    /* Sheet names and the file */
    [L_SHEET_SUMMARY] = {"Tổng hợp",
                         "Summary"},
    [L_BY] = {"Theo",
              "By"},
    [L_SHEET_TRENDS] = {"Xu hướng",
                        "Trends"},
    [L_SHEET_REPORTING] = {"Tình hình báo cáo",
                           "Reporting"},
    [L_SHEET_DATA] = {"Dữ liệu",
                      "Data"},
    [L_SHEET_NOTES] = {"Ghi chú",
                       "Notes"},
    [L_FOOTER] = {"&L&A&RTrang &P/&N",
                  "&L&A&RPage &P of &N"},
    [L_PROPS_COMMENTS] = {"Lập bằng provstat " PS_VERSION " từ số liệu trong cơ sở dữ liệu",
                          "Written by provstat " PS_VERSION " from the database's values"},
    /* Words in titles and headers */
    [L_CODE_WORD] = {"mã",
                     "code"},
    [L_PERIOD_WORD] = {"kỳ",
                       "period"},
    [L_BY_WORD] = {"theo",
                   "by"},
    [L_PLAN_WORD] = {"kế hoạch",
                     "plan"},
    [L_VS_LAST_YEAR] = {"so với cùng kỳ",
                        "vs last year"},
    [L_PREV_PERIOD] = {"kỳ trước",
                       "Previous period"},
    [L_PLAN_PREFIX] = {"Kế hoạch: ",
                       "Plan: "},
    [L_NO] = {"STT",
              "No."},
    [L_CODE] = {"Mã",
                "Code"},
    [L_UNIT] = {"Đơn vị",
                "Unit"},
    [L_MEASURE_UNIT] = {"Đơn vị tính",
                        "Unit"},
    [L_INDICATOR] = {"Chỉ tiêu",
                     "Indicator"},
    [L_INDICATORS] = {"Chỉ tiêu",
                      "Indicators"},
    [L_FORMULA] = {"Công thức",
                   "Formula"},
    [L_VALUE] = {"Giá trị",
                 "Value"},
    [L_SHARE] = {"Tỷ trọng (%)",
                 "Share (%)"},
    [L_RANK] = {"Xếp hạng",
                "Rank"},
    [L_TOTAL] = {"Tổng số",
                 "Total"},
    [L_PERIOD] = {"Kỳ",
                  "Period"},
    [L_INDEX_LAST_YEAR] = {"So với cùng kỳ (%)",
                           "Index, last year = 100"},
    [L_WHOLE_YEAR] = {"Cả năm",
                      "Year"},
    [L_YEAR_PREFIX] = {"Năm ",
                       ""},
    [L_COVERAGE] = {" Độ bao phủ ",
                    " Coverage "},
    /* Levels of units (in ps_level order) */
    [L_LEVEL_NATION] = {"quốc gia",
                        "nation"},
    [L_LEVEL_REGION] = {"vùng",
                        "region"},
    [L_LEVEL_PROVINCE] = {"tỉnh",
                          "province"},
    [L_LEVEL_DISTRICT] = {"huyện",
                          "district"},
    [L_LEVEL_COMMUNE] = {"xã",
                         "commune"},
    [L_LEVEL_UNIT] = {"đơn vị",
                      "unit"},
    /* The Summary's legend, in order */
    [L_LEGEND_HEAD] = {"Ghi chú:",
                       "Notes:"},
    [L_LEGEND_INDEX] = {"Chỉ số so với cùng kỳ: kỳ cùng kỳ năm trước = 100; tăng trưởng = chỉ số − 100.",
                        "Index on the same period of last year: last year = 100; growth = index − 100."},
    [L_LEGEND_RED_INDEX] = {"Nền đỏ ở cột so với cùng kỳ: giảm so với cùng kỳ (chỉ số dưới 100).",
                            "Red in the index columns: lower than the same period of last year (index below 100)."},
    [L_LEGEND_RED_PLAN] = {"Nền đỏ ở cột so với kế hoạch: chậm hơn tiến độ thời gian (số tháng đã qua / 12).",
                           "Red in the plan column: behind the time elapsed (months passed / 12)."},
    [L_LEGEND_ITALICS] = {"Chữ nghiêng: số ước tính, sơ bộ hoặc chưa đủ số liệu; chi tiết ở cột Ghi chú và chú thích của ô.",
                          "Italics: estimated, provisional or incomplete values; see the Notes column and the cell comments."},
    [L_LEGEND_ESTIMATE] = {"ước tính: số ước tính (E), sẽ được thay bằng số chính thức; sơ bộ: số sơ bộ (P).",
                           "estimate: estimated figure (E), to be replaced by the official one; provisional: status P."},
    [L_LEGEND_INCOMPLETE] = {"chưa đủ số liệu (x%): chỉ x% đơn vị/kỳ đã báo cáo.",
                             "incomplete (x%): only x% of the units or periods have reported."},
    [L_LEGEND_DASH] = {"-: không phát sinh; ô trống: không có số liệu hoặc không thu thập được.",
                       "-: nothing occurred; empty cell: no data or not collected."},
    [L_LEGEND_SEE_NOTES] = {"Định nghĩa các cột và công thức: xem trang Ghi chú.",
                            "Definitions and formulas: see the Notes sheet."},
    /* Marks: a word each, in the marks' order */
    [L_MARK_EST] = {"ước tính",
                    "estimate"},
    [L_MARK_PROV] = {"sơ bộ",
                     "provisional"},
    [L_MARK_INC] = {"chưa đủ số liệu",
                    "incomplete"},
    [L_MARK_CARRIED] = {"lấy số kỳ trước",
                        "carried forward"},
    [L_MARK_COMP] = {"so sánh cùng địa giới",
                     "comparable basis"},
    [L_MARK_RAC] = {"điều chỉnh sau khóa sổ",
                    "revised after close"},
    [L_MARK_INCSRC] = {"nguồn chưa đủ số liệu",
                       "incomplete source"},
    /* Marks: a sentence each, in the same order */
    [L_MARK_EST_LONG] = {"Số ước tính (trạng thái E): sẽ được thay bằng số chính thức khi có.",
                         "Estimate (status E): to be replaced by the official figure."},
    [L_MARK_PROV_LONG] = {"Số sơ bộ (trạng thái P).",
                          "Provisional figure (status P)."},
    [L_MARK_INC_LONG] = {"Chưa đủ số liệu: giá trị chỉ gồm phần đơn vị/kỳ đã báo cáo.",
                         "Incomplete: the value covers only the units and periods that have reported."},
    [L_MARK_CARRIED_LONG] = {"Không có số của kỳ cuối: dùng số mới nhất trước đó trong kỳ.",
                             "The period's last value is missing: the latest earlier one in the period stands in."},
    [L_MARK_COMP_LONG] = {"So sánh trên cùng địa giới hành chính hiện nay (đơn vị đã sáp nhập được cộng vào).",
                          "Compared on today's boundaries (merged units are added in)."},
    [L_MARK_RAC_LONG] = {"Có số được sửa sau khi kỳ đã khóa sổ.",
                         "A value was revised after the period was closed."},
    [L_MARK_INCSRC_LONG] = {"Nguồn (tệp xuất) ghi số này là chưa đủ số liệu.",
                            "The source (an export) marked this value incomplete."},
    /* By district */
    [L_DIST_LEGEND] = {"Xếp hạng: 1 = lớn nhất, theo số hiển thị; các đơn vị bằng nhau cùng hạng. "
                            "Tỷ trọng: % so với tổng số (chỉ với chỉ tiêu cộng được).",
                       "Rank: 1 = largest, by the displayed value; equal values share a rank. "
                         "Share: % of the total (additive indicators only)."},
    [L_NO_UNITS_BELOW] = {"Đơn vị này không có đơn vị cấp dưới trong kỳ.",
                          "This unit has no units below it in the period."},
    /* Trends */
    [L_NO_KEYS] = {"Danh mục chưa có chỉ tiêu chủ yếu (key = 1).",
                   "The catalog has no key indicators (key = 1)."},
    [L_UP_TO] = {"đến",
                 "to"},
    /* Reporting */
    [L_REPORTING_FOR] = {"Tình hình gửi báo cáo",
                         "Reporting for"},
    [L_REP_REPORTER] = {"Mã",
                        "Reporter"},
    [L_REP_NAME] = {"Đơn vị báo cáo",
                    "Name"},
    [L_REP_EXPECTED] = {"Số liệu phải báo cáo",
                        "Expected values"},
    [L_REP_RECEIVED] = {"Đã nhận",
                        "Received"},
    [L_REP_MISSING] = {"Còn thiếu",
                       "Missing"},
    [L_REP_ON_TIME] = {"Đúng hạn",
                       "On time"},
    [L_REP_LATE] = {"Muộn",
                    "Late"},
    [L_REP_RATE] = {"Tỷ lệ đã nhận (%)",
                    "Rate (%)"},
    [L_REP_LEGEND] = {"Số liệu phải báo cáo: số đơn vị × số chỉ tiêu đến hạn trong kỳ; đúng hạn: nhận trước "
                              "ngày hạn của tháng sau; nền đỏ: còn thiếu; nền vàng: có số gửi muộn.",
                      "Expected: units × indicators due in the period; on time: received by the deadline day "
                           "of the following month; red: values missing; yellow: values sent late."},
    /* Data: the column headers, in order (ingest knows the Vietnamese ones) */
    [L_DATA_UNIT] = {"Mã đơn vị",
                     "Unit"},
    [L_DATA_UNIT_NAME] = {"Tên đơn vị",
                          "Unit name"},
    [L_DATA_INDICATOR] = {"Mã chỉ tiêu",
                          "Indicator"},
    [L_DATA_INDICATOR_NAME] = {"Tên chỉ tiêu",
                               "Indicator name"},
    [L_DATA_UNIT_MEASURE] = {"Đơn vị tính",
                             "Unit of measure"},
    [L_DATA_PERIOD] = {"Kỳ",
                       "Period"},
    [L_DATA_MEASURE] = {"Loại",
                        "Measure"},
    [L_DATA_VALUE] = {"Giá trị",
                      "Value"},
    [L_DATA_STATUS] = {"Trạng thái",
                       "Status"},
    [L_DATA_COVERAGE] = {"Độ bao phủ",
                         "Coverage"},
    [L_DATA_FLAGS] = {"Đánh dấu",
                      "Flags"},
    [L_DATA_NOTE] = {"Ghi chú",
                     "Note"},
    /* Notes: section titles */
    [L_NOTES_TITLE] = {"Ghi chú, định nghĩa và nguồn số liệu",
                       "Notes, definitions and sources"},
    [L_NOTES_COLUMNS] = {"1. Các cột của trang Tổng hợp",
                         "1. Columns of the Summary sheet"},
    [L_NOTES_DERIVED] = {"2. Chỉ tiêu tính toán theo công thức",
                         "2. Derived indicators and their formulas"},
    [L_NOTES_MARKS] = {"3. Ký hiệu chất lượng số liệu",
                       "3. Data-quality marks"},
    [L_NOTES_SOURCES] = {"4. Nguồn số liệu (đơn vị báo cáo)",
                         "4. Sources (reporters)"},
    [L_NOTES_FILE] = {"5. Tệp này",
                      "5. This file"},
    /* Notes: the Summary's columns, a name and a definition each, in order */
    [L_COL_PLAN] = {"Kế hoạch năm",
                    "Plan for the year"},
    [L_COL_PLAN_DEF] = {"Kế hoạch (dự toán) năm của đơn vị: số được giao nếu có; nếu không, tổng hợp kế hoạch của các đơn vị cấp dưới; với chỉ tiêu tính toán, công thức áp dụng lên kế hoạch của các thành phần.",
                        "The unit's annual plan (estimate): the submitted one, else the sum of the plans of the units below; for a derived indicator, its formula on its components' plans."},
    [L_COL_PREV] = {"Thực hiện kỳ trước",
                    "Previous period (revised)"},
    [L_COL_PREV_DEF] = {"Giá trị kỳ trước (cùng loại kỳ) theo số liệu mới nhất, đã điều chỉnh.",
                        "The value of the previous period of the same type, as last revised."},
    [L_COL_VALUE] = {"Ước tính / Thực hiện kỳ báo cáo",
                     "The period"},
    [L_COL_VALUE_DEF] = {"Giá trị của kỳ báo cáo; \"Ước tính\" khi có số ước tính (E).",
                         "The value of the report's period; \"estimate\" when it holds estimated (E) figures."},
    [L_COL_YTD] = {"Cộng dồn",
                   "Year-to-date"},
    [L_COL_YTD_DEF] = {"Giá trị từ tháng 1 đến hết kỳ báo cáo: cộng các kỳ (chỉ tiêu cộng dồn), số cuối kỳ (chỉ tiêu thời điểm) hoặc bình quân.",
                       "January to the end of the period: the sum (flows), the last value (stocks) or the mean."},
    [L_COL_INDEX] = {"So với cùng kỳ (%)",
                     "vs same period last year (%)"},
    [L_COL_INDEX_DEF] = {"Giá trị kỳ này / giá trị cùng kỳ năm trước × 100 (cùng kỳ = 100). Không tính cho chỉ số và tỷ lệ (%).",
                         "Value / value of the same period of last year × 100 (last year = 100). Not for rates and percentages."},
    [L_COL_PCT_PLAN] = {"So với kế hoạch năm (%)",
                        "vs plan for the year (%)"},
    [L_COL_PCT_PLAN_DEF] = {"Cộng dồn / kế hoạch năm × 100.",
                            "Year-to-date / plan for the year × 100."},
    [L_COL_PACE] = {"Tiến độ thời gian (%)",
                    "Time elapsed (%)"},
    [L_COL_PACE_DEF] = {"Số tháng đã qua / 12 × 100, với chỉ tiêu cộng dồn theo thời gian; dùng để so với mức thực hiện kế hoạch.",
                        "Months passed / 12 × 100, for indicators that add up over time: compare with the attainment of the plan."},
    [L_COL_SHARE] = {"Tỷ trọng (%)",
                     "Share (%)"},
    [L_COL_SHARE_DEF] = {"Giá trị của đơn vị / giá trị của đơn vị cấp trên × 100, chỉ với chỉ tiêu cộng được.",
                         "Value of the unit / value of the unit above × 100, additive indicators only."},
    [L_COL_RANK] = {"Xếp hạng",
                    "Rank"},
    [L_COL_RANK_DEF] = {"Thứ hạng theo giá trị hiển thị, 1 = lớn nhất; bằng nhau cùng hạng.",
                        "Rank by the displayed value, 1 = largest; equal values share a rank."},
    [L_COL_NOTES] = {"Ghi chú",
                     "Notes"},
    [L_COL_NOTES_DEF] = {"Các ký hiệu chất lượng số liệu của dòng (xem mục 3).",
                         "The row's data-quality marks (see section 3)."},
    /* Notes: the rest */
    [L_NONE] = {"(không có)",
                "(none)"},
    [L_FORMULA_FUNCTIONS] = {"prev_year(X): cùng kỳ năm trước; prev(X): kỳ trước; ytd(X): cộng dồn; plan(X): kế hoạch năm; parent(X): đơn vị cấp trên; per_capita(X): X / dân số (POP). Thiếu một thành phần hoặc chia cho 0: không có giá trị.",
                             "prev_year(X): same period last year; prev(X): previous period; ytd(X): year-to-date; plan(X): plan for the year; parent(X): the unit above; per_capita(X): X / population (POP). A missing operand or a division by zero gives no value."},
    [L_NONE_OCCURRED_DEF] = {"Không phát sinh: số 0 được báo cáo bằng dấu \"-\".",
                             "Nothing occurred: reported as \"-\", stored as 0."},
    [L_EMPTY_CELL] = {"ô trống",
                      "empty cell"},
    [L_EMPTY_CELL_DEF] = {"Không có số liệu, hoặc có phát sinh nhưng không thu thập được (\"..\", \"x\"); không bao giờ là 0.",
                          "No value, or not collected (\"..\", \"x\"); never 0."},
    [L_DERIVED_DEF] = {"Giá trị tính theo công thức (trang Dữ liệu).",
                       "Computed by a formula (Data sheet)."},
    [L_ITALICS] = {"chữ nghiêng",
                   "italics"},
    [L_ITALICS_DEF] = {"Số ước tính, sơ bộ hoặc chưa đủ số liệu; ô có chú thích giải thích.",
                       "Estimated, provisional or incomplete values; the cell's comment says which."},
    [L_REPORTER] = {"Đơn vị báo cáo",
                    "Reporter"},
    [L_SCOPE] = {"Phạm vi",
                 "Scope"},
    [L_ALL_INDICATORS] = {"* (mọi chỉ tiêu không tính toán)",
                          "* (every non-derived indicator)"},
    [L_EACH_UNIT_OF_LEVEL] = {" (từng đơn vị cấp dưới)",
                              " (each unit of its level)"},
    [L_CREATED] = {"Lập lúc",
                   "Created"},
    [L_PROGRAM] = {"Chương trình",
                   "Program"},
};

/* The runs the writers walk through by offset. */
_Static_assert(L_LEVEL_UNIT - L_LEVEL_NATION == PS_LEVEL_NONE, "a level word per ps_level");
_Static_assert(L_LEGEND_SEE_NOTES - L_LEGEND_HEAD == 8, "the Summary's legend has nine lines");
_Static_assert(L_MARK_INCSRC - L_MARK_EST == L_MARK_INCSRC_LONG - L_MARK_EST_LONG, "a sentence per mark word");
_Static_assert(L_COL_NOTES_DEF - L_COL_PLAN == 19, "ten columns of the Summary, a name and a definition each");

const char *ps_rep_label(bool en, ps_rep_label_id id)
{
    if ((int)id < 0 || id >= L_COUNT || !LABELS[id][en])
        return "";
    return LABELS[id][en];
}

/* ========================================================================
 * Periods and titles
 * ======================================================================== */

static const char *const MONTH_EN[12] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
static const char *const MON_EN[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const ROMAN[4] = {"I", "II", "III", "IV"};
static const char *const ORD_EN[4] = {"first", "second", "third", "fourth"};

char *ps_rep_roman(int n, char *buf)
{
    static const struct { int v; const char *s; } t[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                         {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                         {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                                         {1, "I"}};
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        while (n >= t[i].v && strlen(buf) < 20) {
            strcat(buf, t[i].s);
            n -= t[i].v;
        }
    return buf;
}

char *ps_rep_period_name(ps_period p, bool en, bool with_year, char *buf, size_t n)
{
    int y = p.year, k = p.num;
    switch (p.type) {
    case PS_P_MONTH:
        if (en)
            snprintf(buf, n, with_year ? "%s %d" : "%s", MONTH_EN[k - 1], y);
        else
            snprintf(buf, n, with_year ? "tháng %d/%d" : "tháng %d", k, y);
        break;
    case PS_P_QUARTER:
        if (en)
            snprintf(buf, n, with_year ? "Q%d %d" : "Q%d", k, y);
        else
            snprintf(buf, n, with_year ? "quý %s/%d" : "quý %s", ROMAN[k - 1], y);
        break;
    case PS_P_HALF:
        if (en)
            snprintf(buf, n, with_year ? "H%d %d" : "H%d", k, y);
        else
            snprintf(buf, n, with_year ? "%s %d" : "%s", k == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm", y);
        break;
    case PS_P_YEAR:
        snprintf(buf, n, en ? "%d" : "năm %d", y);
        break;
    case PS_P_YTD:
        if (en)
            snprintf(buf, n, with_year ? "Jan–%s %d" : "Jan–%s", MON_EN[k - 1], y);
        else
            snprintf(buf, n, with_year ? "%d tháng năm %d" : "%d tháng", k, y);
        break;
    default:
        snprintf(buf, n, "%s", "");
    }
    return buf;
}

char *ps_rep_ytd_name(ps_period p, bool en, char *buf, size_t n)
{
    int m = ps_period_last_month(p);
    if (en) {
        if (m == 1)
            snprintf(buf, n, "Jan %d", p.year);
        else
            snprintf(buf, n, "Jan–%s %d", MON_EN[m - 1], p.year);
    } else {
        snprintf(buf, n, "%d tháng", m);
    }
    return buf;
}

static void capitalize(char *s)
{
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
}

char *ps_xlsx_title(ps_period p, const char *lang, char *buf, size_t n)
{
    bool en = lang && strcmp(lang, "en") == 0;
    const char *head = en ? "Socio-economic report, " : "Báo cáo tình hình kinh tế – xã hội ";
    char what[128];
    int y = p.year, k = p.num;
    switch (p.type) {
    case PS_P_MONTH:
        if (k == 1)
            snprintf(what, sizeof what, en ? "January %d" : "tháng 1 năm %d", y);
        else if (k == 12)
            snprintf(what, sizeof what, en ? "December and the year %d" : "tháng 12 và năm %d", y);
        else if (en)
            snprintf(what, sizeof what, "%s and the first %d months of %d", MONTH_EN[k - 1], k, y);
        else
            snprintf(what, sizeof what, "tháng %d và %d tháng năm %d", k, k, y);
        break;
    case PS_P_QUARTER:
        if (en) {
            static const char *const tail[4] = {"", " and the first half", " and the first 9 months", " and the year"};
            snprintf(what, sizeof what, "the %s quarter%s of %d", ORD_EN[k - 1], tail[k - 1], y);
            if (k == 4)
                snprintf(what, sizeof what, "the fourth quarter and the year %d", y);
        } else {
            static const char *const tail[4] = {"", " và 6 tháng đầu năm", " và 9 tháng năm", " và năm"};
            snprintf(what, sizeof what, "quý %s%s %d", ROMAN[k - 1], k == 1 ? " năm" : tail[k - 1], y);
        }
        break;
    case PS_P_HALF:
        if (en)
            snprintf(what, sizeof what, k == 1 ? "the first half of %d" : "the second half and the year %d", y);
        else
            snprintf(what, sizeof what, k == 1 ? "6 tháng đầu năm %d" : "6 tháng cuối năm và năm %d", y);
        break;
    case PS_P_YEAR:
        snprintf(what, sizeof what, en ? "the year %d" : "năm %d", y);
        break;
    case PS_P_YTD:
        if (en)
            snprintf(what, sizeof what, "the first %d months of %d", k, y);
        else
            snprintf(what, sizeof what, "%d tháng năm %d", k, y);
        break;
    default:
        what[0] = '\0';
    }
    snprintf(buf, n, "%s%s", head, what);
    return buf;
}

const char *ps_rep_level_word(ps_level l, bool en)
{
    int i = (int)l;
    if (i < 0 || i > (int)PS_LEVEL_NONE)
        i = PS_LEVEL_NONE;
    return ps_rep_label(en, (ps_rep_label_id)(L_LEVEL_NATION + i));
}

const char *ps_rep_part_label(ps_period p, bool en, char *buf, size_t n)
{
    switch (p.type) {
    case PS_P_MONTH:
        if (en)
            snprintf(buf, n, "%s", MON_EN[p.num - 1]);
        else
            snprintf(buf, n, "Tháng %d", p.num);
        break;
    case PS_P_QUARTER:
        if (en)
            snprintf(buf, n, "Q%d", p.num);
        else
            snprintf(buf, n, "Quý %s", ROMAN[p.num - 1]);
        break;
    case PS_P_HALF:
        if (en)
            snprintf(buf, n, "H%d", p.num);
        else
            snprintf(buf, n, "%s", p.num == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm");
        break;
    default:
        snprintf(buf, n, "%s", ps_rep_label(en, L_WHOLE_YEAR));
    }
    return buf;
}

/* ========================================================================
 * Headers and sheet titles
 * ======================================================================== */

void ps_rep_summary_heads(ps_period p, bool est_prev, bool est_value, bool en, char h[S_NCOLS][PS_REP_HEAD_BUFSZ])
{
    char pname[64], pyname[64], prevname[64], yname[64];
    ps_period prev = ps_period_prev(p);
    ps_period ly = ps_period_prev_year(p);
    ps_rep_period_name(p, en, false, pname, sizeof pname);
    ps_rep_period_name(p, en, true, pyname, sizeof pyname);
    if (prev.type != PS_P_NONE)
        ps_rep_period_name(prev, en, prev.year != p.year || en, prevname, sizeof prevname);
    else
        snprintf(prevname, sizeof prevname, "%s", ps_rep_label(en, L_PREV_PERIOD));
    ps_rep_ytd_name(p, en, yname, sizeof yname);
    int ly_year = ly.type != PS_P_NONE ? ly.year : p.year - 1;
    const char *same = p.type == PS_P_MONTH ? "same month" : p.type == PS_P_QUARTER ? "same quarter" : "same period";
    if (en) {
        snprintf(h[S_NO], sizeof h[0], "No.");
        snprintf(h[S_NAME], sizeof h[0], "Indicator");
        snprintf(h[S_UNIT], sizeof h[0], "Unit");
        snprintf(h[S_PLAN], sizeof h[0], "Plan for %d", p.year);
        snprintf(h[S_PREV], sizeof h[0], "%s (%s)", prevname, est_prev ? "estimate" : "revised");
        snprintf(h[S_VALUE], sizeof h[0], "%s%s", pyname, est_value ? " (estimate)" : "");
        snprintf(h[S_YTD], sizeof h[0], "%s", yname);
        snprintf(h[S_INDEX], sizeof h[0], "%s vs %s %d (%%)", pyname, same, ly_year);
        snprintf(h[S_YTD_INDEX], sizeof h[0], "%s vs same period %d (%%)", yname, ly_year);
        snprintf(h[S_PCT_PLAN], sizeof h[0], "%s vs plan for the year (%%)", yname);
        snprintf(h[S_PACE], sizeof h[0], "Time elapsed (%%)");
        snprintf(h[S_NOTES], sizeof h[0], "Notes");
    } else {
        char cap[64];
        snprintf(cap, sizeof cap, "%s", pyname);
        capitalize(cap);
        snprintf(h[S_NO], sizeof h[0], "STT");
        snprintf(h[S_NAME], sizeof h[0], "Chỉ tiêu");
        snprintf(h[S_UNIT], sizeof h[0], "Đơn vị tính");
        snprintf(h[S_PLAN], sizeof h[0], "Kế hoạch năm %d", p.year);
        snprintf(h[S_PREV], sizeof h[0], "%s %s", est_prev ? "Ước tính" : "Thực hiện", prevname);
        snprintf(h[S_VALUE], sizeof h[0], "%s %s", est_value ? "Ước tính" : "Thực hiện", pname);
        snprintf(h[S_YTD], sizeof h[0], "Cộng dồn %s", yname);
        snprintf(h[S_INDEX], sizeof h[0], "%s so với cùng kỳ (%%)", cap);
        snprintf(h[S_YTD_INDEX], sizeof h[0], "%s so với cùng kỳ (%%)", yname);
        snprintf(h[S_PCT_PLAN], sizeof h[0], "%s so với kế hoạch năm (%%)", yname);
        snprintf(h[S_PACE], sizeof h[0], "Tiến độ thời gian (%%)");
        snprintf(h[S_NOTES], sizeof h[0], "Ghi chú");
    }
}

void ps_rep_district_title(ps_level kids, ps_period p, bool en, char *buf, size_t n)
{
    char pyname[64];
    ps_rep_period_name(p, en, true, pyname, sizeof pyname);
    if (en)
        snprintf(buf, n, "Key indicators by %s, %s", ps_rep_level_word(kids, true), pyname);
    else
        snprintf(buf, n, "Chỉ tiêu chủ yếu phân theo đơn vị cấp %s, %s", ps_rep_level_word(kids, false), pyname);
}

void ps_rep_trends_title(int y, bool en, char *buf, size_t n)
{
    if (en)
        snprintf(buf, n, "Key indicators: %d against %d", y, y - 1);
    else
        snprintf(buf, n, "Diễn biến các chỉ tiêu chủ yếu: năm %d so với năm %d", y, y - 1);
}
