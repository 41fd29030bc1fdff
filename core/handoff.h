/* handoff.h - a thread that works ahead of its caller, and how the two meet.
 *
 * What core/inflate_ahead.c and ingest/read_ahead.c share: one lock, one
 * condition for each side to sleep on, flags saying who sleeps (so that a
 * side wakes the other only when it has to), a stop asked by the caller,
 * and the thread's start and end. What passes between them, and when, is
 * theirs.
 */
#ifndef PS_HANDOFF_H
#define PS_HANDOFF_H

#include <pthread.h>
#include <stdbool.h>

typedef struct ps_handoff {
    pthread_mutex_t mu;          /* guards the flags and what the user shares */
    pthread_cond_t wake_worker, wake_caller;
    bool worker_waits, caller_waits;
    bool stop;                   /* the caller asked the worker to end */
    pthread_t thread;
} ps_handoff;

/* Sets h up and starts fn(arg) in a new thread; false when no thread can
 * be started (h is then left as if stopped). */
bool ps_handoff_start(ps_handoff *h, void *(*fn)(void *), void *arg);

/* With h->mu held: sleeps until the other side wakes this one. */
void ps_handoff_worker_wait(ps_handoff *h);
void ps_handoff_caller_wait(ps_handoff *h);
/* With h->mu held: wakes the other side, if it sleeps. */
void ps_handoff_wake_worker(ps_handoff *h);
void ps_handoff_wake_caller(ps_handoff *h);

/* Asks the worker to stop, wakes it, waits for its end and frees what h
 * holds (not the memory of h). */
void ps_handoff_stop(ps_handoff *h);

#endif
