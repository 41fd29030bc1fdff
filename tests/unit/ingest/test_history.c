/* test_history.c - the outlier score's sliding window gives the numbers of
 * the plain median/MAD (GSL's selection) to the last bit.
 *
 * ps_history_mzscore takes the median and the median absolute deviation of
 * a copy with gsl_stats_median / gsl_stats_mad0; the ingest keeps a sorted
 * window per period type instead. On random series (with ties, repeated
 * values, negative values, windows that fill and slide) every point's score
 * and "no score" answer must be identical, compared with memcmp.
 */
#include "check.h"

#include "ingest/history.h"
#include "ingest/history_int.h"

#include <stdint.h>
#include <string.h>

static uint64_t state = 0x20160722ULL;

static uint64_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

/* one value drawn from a few kinds of series */
static double draw(int kind, int i)
{
    switch (kind) {
    case 0: return (double)(next() % 1000) / 10.0;                 /* one decimal, many ties */
    case 1: return (double)(next() % 5);                           /* heavy ties: MAD often 0 */
    case 2: return 1000.0 + i * 3.5 + (double)(next() % 100) / 7.0; /* a trend with noise */
    case 3: return ((double)(int64_t)(next() % 20001) - 10000) / 3.0; /* negative and positive */
    default: return (next() % 50 == 0) ? 1e9 : (double)(next() % 100); /* spikes */
    }
}

TEST(window_equals_selection)
{
    long compared = 0, scored = 0, bad = 0;
    for (int kind = 0; kind < 5; kind++) {
        for (int series = 0; series < 200; series++) {
            ps_history_window w;
            memset(&w, 0, sizeof w);
            double all[200];
            int len = 10 + (int)(next() % 90);
            for (int i = 0; i < len; i++) {
                double x = draw(kind, i);
                if (w.n >= 1) {
                    /* the plain way: the last up to 36 values before x */
                    int n = i < PS_HISTORY_MAX ? i : PS_HISTORY_MAX;
                    double hist[PS_HISTORY_MAX];
                    for (int k = 0; k < n; k++)
                        hist[k] = all[i - 1 - k];
                    double z1 = 0, z2 = 0;
                    bool a = ps_history_mzscore(x, hist, (size_t)n, &z1);
                    bool b = ps_history_window_mzscore(&w, x, &z2);
                    compared++;
                    scored += a;
                    if (a != b || (a && memcmp(&z1, &z2, sizeof z1) != 0)) {
                        if (bad++ < 5)
                            printf("kind %d point %d of %d (n %d): plain %d %.17g, window %d %.17g\n", kind, i, len,
                                   n, a, z1, b, z2);
                    }
                    CHECK_INT(w.n, n);
                }
                all[i] = x;
                ps_history_window_push(&w, x);
            }
        }
    }
    CHECK_INT(bad, 0);
    /* both answers occur: scores and "MAD is 0" */
    CHECK(scored > compared / 2);
    CHECK(scored < compared);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    RUN(window_equals_selection);
    return check_done();
}
