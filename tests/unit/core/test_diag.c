/* test_diag.c - a diagnostic's message shows control characters from the
 * data as escapes (SPEC §4), and keeps everything else as it was. */
#include "check.h"

#include "core/diag.h"

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

int main(void)
{
    RUN(controls_are_escaped);
    return check_done();
}
