/* test_error.c - the error enum, its texts and exit codes stay in step. */
#include "check.h"

#include "core/diag.h"
#include "core/diag_int.h"
#include "core/error.h"
#include "core/error_int.h"

TEST(every_code_has_its_own_text)
{
    for (int i = 0; i < PS_ERR_COUNT_; i++) {
        const char *t = ps_strerror((ps_error)i);
        CHECK(t && *t);
        CHECK(strcmp(t, "unknown error") != 0);
        for (int j = 0; j < i; j++)
            CHECK(strcmp(t, ps_strerror((ps_error)j)) != 0);
    }
    CHECK_STR(ps_strerror((ps_error)999), "unknown error");
}

TEST(exit_codes_follow_the_spec)
{
    CHECK_INT(ps_exit_code(PS_OK), 0);
    CHECK_INT(ps_exit_code(PS_ERR_REFUSED), 1);
    CHECK_INT(ps_exit_code(PS_ERR_CHECK), 1);
    CHECK_INT(ps_exit_code(PS_ERR_USAGE), 2);
    CHECK_INT(ps_exit_code(PS_ERR_IO), 3);
    CHECK_INT(ps_exit_code(PS_ERR_DB), 3);
    CHECK_INT(ps_exit_code(PS_ERR_BUSY), 3);
    for (int i = 1; i < PS_ERR_COUNT_; i++) {
        int rc = ps_exit_code((ps_error)i);
        CHECK(rc >= 1 && rc <= 3);
    }
}

TEST(first_failure_wins)
{
    ps_ctx ctx = {0};
    CHECK_STR(ps_ctx_message(&ctx), "no error");
    CHECK_INT(ps_failf(&ctx, PS_ERR_IO, "cannot open %s", "a.csv"), PS_ERR_IO);
    CHECK_INT(ps_failf(&ctx, PS_ERR_DB, "later %d", 2), PS_ERR_DB);
    CHECK_STR(ps_ctx_message(&ctx), "cannot open a.csv");
    CHECK_INT(ctx.err, PS_ERR_IO);
    ps_ctx_clear(&ctx);
    CHECK_STR(ps_ctx_message(&ctx), "no error");
    CHECK_INT(ps_failf(NULL, PS_ERR_IO, "ignored"), PS_ERR_IO);
}

TEST(diagnostic_codes_are_unique_and_named)
{
    for (int i = 0; i < PS_D_COUNT_; i++) {
        const char *n = ps_diag_code_name((ps_diag_code)i);
        CHECK(n && *n && strcmp(n, "unknown") != 0);
        for (const char *p = n; *p; p++)
            CHECK((*p >= 'a' && *p <= 'z') || *p == '-');
        for (int j = 0; j < i; j++)
            CHECK(strcmp(n, ps_diag_code_name((ps_diag_code)j)) != 0);
    }
    CHECK_STR(ps_diag_code_name(PS_D_UNKNOWN_UNIT), "unknown-unit");
}

TEST(diagnostics_sort_stably_and_count)
{
    ps_diags d;
    ps_diags_init(&d);
    ps_diag_add(&d, "b.csv", 3, 1, PS_SEV_ERROR, PS_D_BAD_NUMBER, "x", "first at b3");
    ps_diag_add(&d, "a.csv", 9, 2, PS_SEV_WARNING, PS_D_OUTLIER, NULL, NULL);
    ps_diag_add(&d, "b.csv", 3, 1, PS_SEV_ERROR, PS_D_BAD_PERIOD, NULL, "second at b3");
    ps_diag_add(&d, "b.csv", 2, 4, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, "197", "b2");
    CHECK_INT(d.nerr, 3);
    CHECK_INT(d.nwarn, 1);
    ps_diags_sort(&d);
    CHECK_STR(d.v[0].path, "a.csv");
    CHECK_STR(d.v[0].message, "the value is an outlier against the unit's history");
    CHECK_STR(d.v[1].message, "b2");
    CHECK_STR(d.v[2].message, "first at b3");
    CHECK_STR(d.v[3].message, "second at b3");
    ps_diags_truncate(&d, 2);
    CHECK_INT(d.n, 2);
    CHECK_INT(d.nerr, 1);
    CHECK_INT(d.nwarn, 1);
    ps_diags_free(&d);
}

int main(void)
{
    RUN(every_code_has_its_own_text);
    RUN(exit_codes_follow_the_spec);
    RUN(first_failure_wins);
    RUN(diagnostic_codes_are_unique_and_named);
    RUN(diagnostics_sort_stably_and_count);
    return check_done();
}
