/* decsum.h - exact sums of decimal values (SPEC §5 "Sums are exact").
 *
 * A statistics office adds the decimals it was sent: 1266.4 + 1798.8 is
 * 3065.2, never 3065.2000000000003. A ps_decsum reads each term as the
 * decimal it was written as (the shortest form with at most 6 decimals that
 * reads back to the same double, as ps_number_format prints it), adds those
 * decimals exactly as integers of millionths (an __int128), and gives back
 * the double nearest to the exact decimal total. So the total is the same
 * double whatever the number or order of the terms, and a sum of values of
 * at most d decimals prints with at most d decimals.
 *
 * Fallback: a term that has no such form (more than 6 decimals, such as a
 * ratio 1/3, or a magnitude of 2^50 / 10^d or more with d decimals, about
 * 1.1e15 for whole numbers and 1.1e9 with 6 decimals) makes the whole sum
 * inexact; the total is then Neumaier's compensated sum of every term, kept
 * beside the exact one (accurate to about one unit in the last place, but
 * not always correctly rounded nor independent of the order).
 *
 * Usage:
 *   ps_decsum s;
 *   ps_decsum_init(&s);
 *   for (...) ps_decsum_add(&s, x);
 *   double total = ps_decsum_total(&s), mean = total / s.n;
 */
#ifndef PS_DECSUM_H
#define PS_DECSUM_H

#include <stdbool.h>
#include <stddef.h>

/* The most decimals a term may have for an exact sum. */
#define PS_DECSUM_MAX_DECIMALS 6

typedef struct ps_decsum {
    __extension__ __int128 scaled; /* the exact total, in units of 10^-6 */
    int decimals;                  /* the most decimals among the terms */
    bool inexact;                  /* a term fell back (see above) */
    double s, c;                   /* Neumaier's sum of every term and its compensation */
    size_t n;                      /* terms added */
} ps_decsum;

/* An empty sum (total 0). */
void ps_decsum_init(ps_decsum *s);

/* Adds x, which must be finite. */
void ps_decsum_add(ps_decsum *s, double x);

/* The double nearest to the exact decimal total (correctly rounded), or
 * the compensated total when a term fell back. 0 for an empty sum. */
double ps_decsum_total(const ps_decsum *s);

/* The number of decimals (0..6) of the shortest decimal that reads back to
 * x, with *scaled set to that decimal times 10^decimals (an integer); -1
 * when x has more than 6 decimals, is past the magnitude above, or is not
 * finite. */
int ps_decsum_decimals(double x, long long *scaled);

#endif
