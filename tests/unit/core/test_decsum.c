/* test_decsum.c - exact decimal sums: any order gives one double, printed with the terms' decimals. */
#include "check.h"

#include "core/decsum.h"
#include "core/number.h"

#include <stdint.h>
#include <stdlib.h>

/* A small generator of our own, so every run draws the same numbers. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* A whole number in [-lim, lim]. */
static long long rng_int(long long lim)
{
    return (long long)(rng() % (uint64_t)(2 * lim + 1)) - lim;
}

static void shuffle(double *x, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(rng() % (uint64_t)(i + 1));
        double t = x[i];
        x[i] = x[j];
        x[j] = t;
    }
}

static double sum_of(const double *x, int n)
{
    ps_decsum s;
    ps_decsum_init(&s);
    for (int i = 0; i < n; i++)
        ps_decsum_add(&s, x[i]);
    return ps_decsum_total(&s);
}

/* The decimals of v as ps_number_format writes it (no exponent expected). */
static int printed_decimals(double v)
{
    char buf[PS_NUMBER_BUFSZ];
    const char *t = ps_number_format(v, buf), *dot = strchr(t, '.');
    if (strchr(t, 'e'))
        return 99;
    return dot ? (int)strlen(dot + 1) : 0;
}

static const double P10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

TEST(one_decimal_any_order)
{
    enum { N = 2000 };
    static double x[N];
    long long k = 0;
    for (int i = 0; i < N; i++) {
        long long m = rng_int(1000000);
        x[i] = (double)m / 10;
        k += m;
    }
    double want = (double)k / 10; /* k is small: one rounding, the nearest double */
    for (int round = 0; round < 50; round++) {
        shuffle(x, N);
        double got = sum_of(x, N);
        CHECK_NEAR(got, want, 0);
        CHECK(printed_decimals(got) <= 1);
    }
}

TEST(two_tenths)
{
    /* a naive sum of these gives 4688.200000000001 */
    double x[] = {2090.4, 2597.8};
    double naive = x[0] + x[1];
    CHECK(naive != 4688.2);
    CHECK_NEAR(sum_of(x, 2), 4688.2, 0);
}

TEST(each_count_of_decimals)
{
    enum { N = 500 };
    static double x[N];
    for (int d = 0; d <= 6; d++) {
        long long k = 0;
        long long lim = d == 6 ? 100000000LL : 1000000000LL;
        for (int i = 0; i < N; i++) {
            long long m = rng_int(lim);
            x[i] = (double)m / P10[d];
            k += m;
        }
        double want = (double)k / P10[d];
        for (int round = 0; round < 10; round++) {
            shuffle(x, N);
            double got = sum_of(x, N);
            CHECK_NEAR(got, want, 0);
            CHECK(printed_decimals(got) <= d);
        }
    }
}

TEST(mixed_decimals)
{
    enum { N = 600 };
    static double x[N];
    long long k = 0; /* in thousandths */
    for (int i = 0; i < N; i++) {
        int d = i % 4; /* 0 to 3 decimals */
        long long m = rng_int(10000000);
        x[i] = (double)m / P10[d];
        k += m * (long long)P10[3 - d];
    }
    double want = (double)k / 1000;
    for (int round = 0; round < 10; round++) {
        shuffle(x, N);
        double got = sum_of(x, N);
        CHECK_NEAR(got, want, 0);
        CHECK(printed_decimals(got) <= 3);
    }
    /* the means are that sum over the count */
    ps_decsum s;
    ps_decsum_init(&s);
    for (int i = 0; i < N; i++)
        ps_decsum_add(&s, x[i]);
    CHECK_INT(s.n, N);
    CHECK_NEAR(ps_decsum_total(&s) / (double)s.n, want / N, 0);
}

TEST(negative_values)
{
    double a[] = {0.1, 0.2, -0.3};
    CHECK_NEAR(sum_of(a, 3), 0, 0);
    double b[] = {1.1, -2.2};
    CHECK_NEAR(sum_of(b, 2), -1.1, 0);
    double c[] = {-0.000001, -0.000002};
    CHECK_NEAR(sum_of(c, 2), -0.000003, 0);
    CHECK_NEAR(sum_of(NULL, 0), 0, 0);
}

TEST(totals_past_2_to_53)
{
    /* each term fits the scaled integer, the total (in tenths) does not fit
     * a double's mantissa: read back through its decimal text */
    enum { N = 100 };
    double x[N];
    for (int i = 0; i < N; i++)
        x[i] = 1e14 + 0.1;
    double got = sum_of(x, N);
    CHECK_NEAR(got, 10000000000000010.0, 0);
    for (int i = 0; i < N; i++)
        x[i] = i % 2 ? -(1e14 + 0.1) : 1e14 + 0.3;
    CHECK_NEAR(sum_of(x, N), 10.0, 0);
}

TEST(decimals_of_a_term)
{
    long long m = 0;
    CHECK_INT(ps_decsum_decimals(3065.2, &m), 1);
    CHECK_INT(m, 30652);
    CHECK_INT(ps_decsum_decimals(-7, &m), 0);
    CHECK_INT(m, -7);
    CHECK_INT(ps_decsum_decimals(0.000001, &m), 6);
    CHECK_INT(m, 1);
    CHECK_INT(ps_decsum_decimals(0.1 + 0.2, &m), -1);   /* 0.30000000000000004 */
    CHECK_INT(ps_decsum_decimals(0.0000001, &m), -1);   /* 7 decimals */
    CHECK_INT(ps_decsum_decimals(1.0 / 3, &m), -1);
    CHECK_INT(ps_decsum_decimals(2e15, &m), -1);        /* past 2^50 */
    CHECK_INT(ps_decsum_decimals(1e9 + 0.5, &m), 1);    /* 1e10 tenths: fits */
    CHECK_INT(ps_decsum_decimals(2e9 + 0.000001, &m), -1); /* 2e15 millionths: does not */
    CHECK_INT(ps_decsum_decimals(NAN, &m), -1);
}

TEST(fallback_is_compensated)
{
    /* a third has no decimal form: the sum falls back to Neumaier's */
    double x[] = {1.0 / 3, 0.1, 0.2, 1e20, -1e20};
    ps_decsum s;
    ps_decsum_init(&s);
    for (int i = 0; i < 5; i++)
        ps_decsum_add(&s, x[i]);
    CHECK(s.inexact);
    /* compensated: the 1e20 terms do not swallow the small ones */
    CHECK_NEAR(ps_decsum_total(&s), 1.0 / 3 + 0.3, 1e-15);
    /* a whole number too large for the scaled integer falls back too */
    double y[] = {4e15, 0.5};
    ps_decsum_init(&s);
    ps_decsum_add(&s, y[0]);
    ps_decsum_add(&s, y[1]);
    CHECK(s.inexact);
    CHECK_NEAR(ps_decsum_total(&s), 4000000000000000.5, 0);
    /* an exact sum stays exact */
    ps_decsum_init(&s);
    ps_decsum_add(&s, 0.1);
    ps_decsum_add(&s, 0.2);
    CHECK(!s.inexact);
    CHECK_NEAR(ps_decsum_total(&s), 0.3, 0);
}

int main(void)
{
    RUN(one_decimal_any_order);
    RUN(two_tenths);
    RUN(each_count_of_decimals);
    RUN(mixed_decimals);
    RUN(negative_values);
    RUN(totals_past_2_to_53);
    RUN(decimals_of_a_term);
    RUN(fallback_is_compensated);
    return check_done();
}
