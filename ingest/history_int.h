/* history_int.h - the outlier score of ingest/history.c, for it and its tests. */
#ifndef PS_HISTORY_INT_H
#define PS_HISTORY_INT_H

#include "ingest/history.h"

/* The modified z-score of x against hist[0..n) (n >= 1). Returns false when
 * MAD is 0 (no score). hist is reordered. */
bool ps_history_mzscore(double x, double *hist, size_t n, double *z);

/* The history of one period type as a series' points go by: the last
 * PS_HISTORY_MAX values (zero it to start). ps_history_window_mzscore is
 * ps_history_mzscore against those values, to the last bit. */
enum { PS_HISTORY_MAX = 36 };
typedef struct ps_history_window {
    double ring[PS_HISTORY_MAX];    /* in arrival order from head */
    double sorted[PS_HISTORY_MAX];
    int head, n;
} ps_history_window;

void ps_history_window_push(ps_history_window *w, double x);
bool ps_history_window_mzscore(const ps_history_window *w, double x, double *z);

#endif
