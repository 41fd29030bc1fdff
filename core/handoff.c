/* handoff.c - a thread that works ahead of its caller (handoff.h). */
#include "core/handoff.h"

bool ps_handoff_start(ps_handoff *h, void *(*fn)(void *), void *arg)
{
    h->worker_waits = h->caller_waits = h->stop = false;
    pthread_mutex_init(&h->mu, NULL);
    pthread_cond_init(&h->wake_worker, NULL);
    pthread_cond_init(&h->wake_caller, NULL);
    if (pthread_create(&h->thread, NULL, fn, arg) == 0)
        return true;
    pthread_cond_destroy(&h->wake_caller);
    pthread_cond_destroy(&h->wake_worker);
    pthread_mutex_destroy(&h->mu);
    return false;
}

void ps_handoff_worker_wait(ps_handoff *h)
{
    h->worker_waits = true;
    pthread_cond_wait(&h->wake_worker, &h->mu);
    h->worker_waits = false;
}

void ps_handoff_caller_wait(ps_handoff *h)
{
    h->caller_waits = true;
    pthread_cond_wait(&h->wake_caller, &h->mu);
    h->caller_waits = false;
}

void ps_handoff_wake_worker(ps_handoff *h)
{
    if (h->worker_waits)
        pthread_cond_signal(&h->wake_worker);
}

void ps_handoff_wake_caller(ps_handoff *h)
{
    if (h->caller_waits)
        pthread_cond_signal(&h->wake_caller);
}

void ps_handoff_stop(ps_handoff *h)
{
    pthread_mutex_lock(&h->mu);
    h->stop = true;
    pthread_cond_signal(&h->wake_worker);
    pthread_mutex_unlock(&h->mu);
    pthread_join(h->thread, NULL);
    pthread_cond_destroy(&h->wake_caller);
    pthread_cond_destroy(&h->wake_worker);
    pthread_mutex_destroy(&h->mu);
}
