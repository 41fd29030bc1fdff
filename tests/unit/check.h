/* check.h - a very small unit test framework for provstat.
 *
 * A test file defines functions with TEST(name) and lists them in main:
 *
 *   TEST(parses_month) { CHECK_INT(p.num, 7); }
 *   int main(void) { RUN(parses_month); return check_done(); }
 *
 * A failed check prints file:line and the two values, marks the test failed
 * and goes on with the next check, so one run shows every failure.
 */
#ifndef PS_CHECK_H
#define PS_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failed_total;
static int check_run_total;
static int check_failed_now;

#define TEST(name) static void test_##name(void)

#define RUN(name)                                                       \
    do {                                                                \
        check_failed_now = 0;                                           \
        test_##name();                                                  \
        check_run_total++;                                              \
        if (check_failed_now) {                                         \
            check_failed_total++;                                       \
            printf("FAIL %s\n", #name);                                 \
        }                                                               \
    } while (0)

#define CHECK_FAIL_(fmt, ...)                                           \
    do {                                                                \
        printf("%s:%d: " fmt "\n", __FILE__, __LINE__, __VA_ARGS__);    \
        check_failed_now = 1;                                           \
    } while (0)

#define CHECK(cond)                                                     \
    do { if (!(cond)) CHECK_FAIL_("check failed: %s", #cond); } while (0)

#define CHECK_INT(got, want)                                            \
    do {                                                                \
        long long g_ = (long long)(got), w_ = (long long)(want);        \
        if (g_ != w_)                                                   \
            CHECK_FAIL_("%s is %lld, expected %lld", #got, g_, w_);     \
    } while (0)

#define CHECK_STR(got, want)                                            \
    do {                                                                \
        const char *g_ = (got), *w_ = (want);                           \
        if (!g_ || !w_ || strcmp(g_, w_) != 0)                          \
            CHECK_FAIL_("%s is \"%s\", expected \"%s\"", #got,          \
                        g_ ? g_ : "(null)", w_ ? w_ : "(null)");        \
    } while (0)

/* Relative tolerance check for doubles; exact when tol is 0. */
#define CHECK_NEAR(got, want, tol)                                      \
    do {                                                                \
        double g_ = (got), w_ = (want);                                 \
        double d_ = fabs(g_ - w_), m_ = fmax(fabs(g_), fabs(w_));       \
        if (!(d_ <= (tol) * (m_ > 1 ? m_ : 1)))                         \
            CHECK_FAIL_("%s is %.17g, expected %.17g", #got, g_, w_);   \
    } while (0)

static inline int check_done(void)
{
    printf("%d passed, %d failed\n", check_run_total - check_failed_total,
           check_failed_total);
    return check_failed_total ? 1 : 0;
}

#endif
