/* decsum.c - exact sums of decimal values, with a compensated fallback. */
#include "core/decsum.h"

#include "core/number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

static const double POW10[PS_DECSUM_MAX_DECIMALS + 1] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

/* Past this magnitude of x * 10^d the product's rounding error may reach
 * half a unit, so the integer nearest to it is no longer sure. */
#define SCALED_MAX 1125899906842624.0 /* 2^50 */

/* The integer nearest to y (ties to even), for |y| < 2^51: adding and
 * taking away 1.5 * 2^52 leaves no bits below the units (the build keeps
 * IEEE arithmetic: no -ffast-math, which would fold it away). Inline,
 * unlike nearbyint, which a sum calls once or twice a term. */
static double round_int(double y)
{
    const double big = 6755399441055744.0; /* 1.5 * 2^52 */
    return (y + big) - big;
}

int ps_decsum_decimals(double x, long long *scaled)
{
    if (!isfinite(x) || fabs(x) >= SCALED_MAX)
        return -1;
    if (round_int(x) == x) { /* a whole number: most values sent */
        *scaled = (long long)x;
        return 0;
    }
    for (int d = 1; d <= PS_DECSUM_MAX_DECIMALS; d++) {
        double y = x * POW10[d];
        if (fabs(y) >= SCALED_MAX)
            return -1;
        double r = round_int(y);
        /* r and 10^d are exact doubles, so r / 10^d is the double nearest
         * to the decimal r * 10^-d: the one that decimal reads back to */
        if (r / POW10[d] == x) {
            *scaled = (long long)r;
            return d;
        }
    }
    return -1;
}

void ps_decsum_init(ps_decsum *s)
{
    memset(s, 0, sizeof *s);
}

static void neumaier_add(ps_decsum *s, double x)
{
    double t = s->s + x;
    if (fabs(s->s) >= fabs(x))
        s->c += (s->s - t) + x;
    else
        s->c += (x - t) + s->s;
    s->s = t;
}

void ps_decsum_add(ps_decsum *s, double x)
{
    s->n++;
    neumaier_add(s, x);
    if (s->inexact)
        return;
    long long m;
    int d = ps_decsum_decimals(x, &m);
    if (d < 0) {
        s->inexact = true;
        return;
    }
    static const long long unit[PS_DECSUM_MAX_DECIMALS + 1] = {1000000, 100000, 10000, 1000, 100, 10, 1};
    s->scaled += (i128)m * unit[d]; /* in millionths */
    if (d > s->decimals)
        s->decimals = d;
}

/* The double nearest to q * 10^-d for an integer q of any size: through
 * its decimal text, which strtod rounds correctly. */
static double nearest(i128 q, int d)
{
    char digits[48], text[64];
    int n = 0;
    bool neg = q < 0;
    u128 a = neg ? -(u128)q : (u128)q;
    do {
        digits[n++] = (char)('0' + (int)(a % 10));
        a /= 10;
    } while (a);
    size_t o = 0;
    if (neg)
        text[o++] = '-';
    while (n)
        text[o++] = digits[--n];
    snprintf(text + o, sizeof text - o, "e-%d", d);
    double v = 0;
    ps_number_strtod(text, &v); /* digits and an exponent: always read */
    return v;
}

double ps_decsum_total(const ps_decsum *s)
{
    if (s->inexact)
        return s->s + s->c;
    /* every term has at most s->decimals decimals: the total is a whole
     * number of units of 10^-decimals */
    i128 q = s->scaled;
    for (int k = s->decimals; k < PS_DECSUM_MAX_DECIMALS; k++)
        q /= 10;
    i128 lim = (i128)1 << 53;
    if (q > -lim && q < lim)
        return (double)q / POW10[s->decimals]; /* both exact: one rounding */
    return nearest(q, s->decimals);
}
