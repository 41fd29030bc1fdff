/* test_number_digits.c - plain decimals read to the same double as strtod.
 *
 * ps_number_parse reads "[+-]digits[.digits]" with at most 15 significant
 * digits by a short path (an exact mantissa over an exact power of ten);
 * longer or other forms go to strtod. On random numbers of both kinds,
 * with leading and trailing zeros, the double must be strtod's to the bit
 * (but for -0, which ps_number_parse reads as 0).
 */
#include "check.h"

#include "core/number.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x5eed0715ULL;

static unsigned next(unsigned n)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (unsigned)(state % n);
}

/* A random plain decimal: sign, up to 9 integer digits, up to 24 decimals. */
static void random_decimal(char *buf)
{
    char *p = buf;
    unsigned sign = next(4);
    if (sign == 0)
        *p++ = '-';
    else if (sign == 1)
        *p++ = '+';
    unsigned ni = 1 + next(9), nf = next(25);
    for (unsigned i = 0; i < ni; i++)
        *p++ = (char)('0' + (i == 0 && next(3) == 0 ? 0 : next(10)));
    if (nf || next(5) == 0)
        *p++ = '.';
    for (unsigned i = 0; i < nf; i++)
        *p++ = (char)('0' + next(10));
    *p = '\0';
}

TEST(plain_decimals_read_as_strtod_does)
{
    long compared = 0, bad = 0;
    for (int i = 0; i < 200000; i++) {
        char text[64], msg[256];
        random_decimal(text);
        double got = 0;
        if (ps_number_parse(text, PS_NF_PLAIN, false, -1, &got, msg, sizeof msg) != PS_NUM_VALUE)
            continue; /* out of the accepted magnitudes */
        double want = strtod(text, NULL);
        if (want == 0)
            want = 0.0; /* never -0 */
        compared++;
        if (memcmp(&got, &want, sizeof got) != 0 && bad++ < 5)
            fprintf(stderr, "%s: got %.17g, strtod %.17g\n", text, got, want);
    }
    CHECK(compared > 150000);
    CHECK_INT(bad, 0);
}

TEST(edge_forms)
{
    const char *texts[] = {"0", "-0", "0.", "00012.5000", "999999999999999", "9999999999999999",
                           "0.1", "0.3", "123456789012345.6", "1.0000000000000000000001", "0.000000001"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        double got = 0;
        char msg[256];
        ps_num_kind k = ps_number_parse(texts[i], PS_NF_PLAIN, false, -1, &got, msg, sizeof msg);
        if (k != PS_NUM_VALUE)
            continue;
        double want = strtod(texts[i], NULL);
        if (want == 0)
            want = 0.0;
        CHECK(memcmp(&got, &want, sizeof got) == 0);
    }
}

int main(void)
{
    RUN(plain_decimals_read_as_strtod_does);
    RUN(edge_forms);
    return check_done();
}
