/* test_diag.c - a diagnostic's message shows control characters from the
 * data as escapes (SPEC §4), and keeps everything else as it was; on a
 * workbook's sheet, both ways of adding one name its cell. */
#include "check.h"

#include "core/diag.h"
#include "core/msg.h"

#include <stdio.h>

TEST(controls_are_escaped)
{
    ps_diags d;
    ps_diags_init(&d);
    ps_diag_add(&d, "f.csv", 3, 1, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, "\x1b[2J",
                "unit %s is not in the catalog", "\x1b[2J\x1b]0;x\x07");
    CHECK_STR(d.v[0].message, "unit \\x1b[2J\\x1b]0;x\\x07 is not in the catalog");
    CHECK_STR(d.v[0].value, "\x1b[2J"); /* the cell as it was, for the errors CSV */
    ps_diag_add(&d, "f.csv", 4, 1, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, NULL, "tab\there, cr\r, del\x7f, nul-free");
    CHECK_STR(d.v[1].message, "tab\\x09here, cr\\x0d, del\\x7f, nul-free");
    /* a C1 control (U+009B, CSI) is escaped; Vietnamese letters are not */
    ps_diag_add(&d, "f.csv", 5, 1, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, NULL, "a\xc2\x9b" "b Hạ Long \xc2\xa0");
    CHECK_STR(d.v[2].message, "a\\u009bb Hạ Long \xc2\xa0");
    ps_diags_free(&d);
}

/* ps_diag_add and ps_diag_msg name the cell the same way, in either
 * language; a line without a column names the row; none once unset. */
TEST(both_forms_name_the_cell)
{
    ps_diags d;
    ps_diags_init(&d);
    ps_diags_set_sheet(&d, "Dữ liệu");
    ps_diag_add(&d, "f.xlsx", 12, 3, PS_SEV_ERROR, PS_D_BAD_NUMBER, NULL, "value %s", "abc");
    ps_lang_set(PS_LANG_VI);
    ps_diag_msg(&d, "f.xlsx", 12, 3, PS_SEV_ERROR, PS_D_NO_VALUES, NULL, PS_M_ING_NO_VALUES);
    ps_diag_msg(&d, "f.xlsx", 7, 0, PS_SEV_ERROR, PS_D_MISSING_COLUMN, NULL, PS_M_ING_NO_HEADER_ROW);
    ps_lang_set(PS_LANG_EN);
    ps_diag_msg(&d, "f.xlsx", 12, 4, PS_SEV_WARNING, PS_D_DATE_PERIOD, NULL, PS_M_ING_DATE_PERIOD, "2016-07-15",
                "2016-07");
    ps_diags_set_sheet(&d, NULL);
    ps_diag_msg(&d, "f.csv", 2, 3, PS_SEV_ERROR, PS_D_NO_VALUES, NULL, PS_M_ING_NO_VALUES);
    CHECK_STR(d.v[0].message, "value abc (Dữ liệu!C12)");
    char want[1024];
    snprintf(want, sizeof want, "%s (Dữ liệu!C12)", ps_msg_text(PS_LANG_VI, PS_M_ING_NO_VALUES));
    CHECK_STR(d.v[1].message, want);
    snprintf(want, sizeof want, "%s (Dữ liệu!7:7)", ps_msg_text(PS_LANG_VI, PS_M_ING_NO_HEADER_ROW));
    CHECK_STR(d.v[2].message, want);
    CHECK_STR(d.v[3].message, "the period cell holds the date 2016-07-15, read as the month 2016-07; type the "
                              "period as text (2016-07) to be sure (Dữ liệu!D12)");
    CHECK_STR(d.v[4].message, ps_msg_text(PS_LANG_EN, PS_M_ING_NO_VALUES));
    ps_diags_free(&d);
}

int main(void)
{
    RUN(controls_are_escaped);
    RUN(both_forms_name_the_cell);
    return check_done();
}
