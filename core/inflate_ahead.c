/* inflate_ahead.c - a zip entry inflated in a thread of its own (inflate_ahead.h). */
#include "core/inflate_ahead.h"

#include "core/alloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
    zip_int64_t len;            /* bytes, or -1 for libzip's error */
    unsigned char data[PS_INFLATE_AHEAD_BLOCK];
} block;

struct ps_inflate_ahead {
    zip_file_t *f;
    pthread_t thread;
    pthread_mutex_t mu;         /* guards what follows, up to taken */
    pthread_cond_t wake_inflater, wake_reader;
    size_t head, count;         /* the first block not yet read; blocks filled */
    bool inflater_waits, reader_waits, stop;
    char err[256];
    /* the reader's own */
    size_t taken;               /* bytes of blocks[head] already read */
    block blocks[PS_INFLATE_AHEAD_BLOCKS];
};

/* The inflater: blocks until the end, an error or a stop. */
static void *inflate_blocks(void *arg)
{
    ps_inflate_ahead *ia = arg;
    size_t tail = 0;
    for (;;) {
        pthread_mutex_lock(&ia->mu);
        while (ia->count == PS_INFLATE_AHEAD_BLOCKS && !ia->stop) {
            ia->inflater_waits = true;
            pthread_cond_wait(&ia->wake_inflater, &ia->mu);
        }
        ia->inflater_waits = false;
        bool stop = ia->stop;
        pthread_mutex_unlock(&ia->mu);
        if (stop)
            break;
        block *b = &ia->blocks[tail]; /* past head + count: the reader's never */
        b->len = zip_fread(ia->f, b->data, sizeof b->data);
        pthread_mutex_lock(&ia->mu);
        if (b->len < 0)
            snprintf(ia->err, sizeof ia->err, "%s", zip_error_strerror(zip_file_get_error(ia->f)));
        ia->count++;
        if (ia->reader_waits)
            pthread_cond_signal(&ia->wake_reader);
        pthread_mutex_unlock(&ia->mu);
        if (b->len <= 0)
            break;
        tail = (tail + 1) % PS_INFLATE_AHEAD_BLOCKS;
    }
    return NULL;
}

ps_inflate_ahead *ps_inflate_ahead_start(zip_file_t *f)
{
    ps_inflate_ahead *ia = ps_xcalloc(1, sizeof *ia);
    ia->f = f;
    pthread_mutex_init(&ia->mu, NULL);
    pthread_cond_init(&ia->wake_inflater, NULL);
    pthread_cond_init(&ia->wake_reader, NULL);
    if (pthread_create(&ia->thread, NULL, inflate_blocks, ia) != 0) {
        pthread_cond_destroy(&ia->wake_reader);
        pthread_cond_destroy(&ia->wake_inflater);
        pthread_mutex_destroy(&ia->mu);
        free(ia);
        return NULL;
    }
    return ia;
}

zip_int64_t ps_inflate_ahead_read(ps_inflate_ahead *ia, void *buf, zip_uint64_t n)
{
    pthread_mutex_lock(&ia->mu);
    while (ia->count == 0) { /* the last block (0 or -1) is never given back */
        ia->reader_waits = true;
        pthread_cond_wait(&ia->wake_reader, &ia->mu);
    }
    ia->reader_waits = false;
    pthread_mutex_unlock(&ia->mu);
    block *b = &ia->blocks[ia->head];
    if (b->len <= 0)
        return b->len;
    size_t k = (size_t)b->len - ia->taken;
    if (k > n)
        k = (size_t)n;
    memcpy(buf, b->data + ia->taken, k);
    ia->taken += k;
    if (ia->taken == (size_t)b->len) { /* the block is read: give it back */
        ia->taken = 0;
        pthread_mutex_lock(&ia->mu);
        ia->head = (ia->head + 1) % PS_INFLATE_AHEAD_BLOCKS;
        ia->count--;
        if (ia->inflater_waits)
            pthread_cond_signal(&ia->wake_inflater);
        pthread_mutex_unlock(&ia->mu);
    }
    return (zip_int64_t)k;
}

const char *ps_inflate_ahead_error(const ps_inflate_ahead *ia)
{
    return ia->err;
}

void ps_inflate_ahead_stop(ps_inflate_ahead *ia)
{
    if (!ia)
        return;
    pthread_mutex_lock(&ia->mu);
    ia->stop = true;
    pthread_cond_signal(&ia->wake_inflater);
    pthread_mutex_unlock(&ia->mu);
    pthread_join(ia->thread, NULL);
    pthread_cond_destroy(&ia->wake_reader);
    pthread_cond_destroy(&ia->wake_inflater);
    pthread_mutex_destroy(&ia->mu);
    free(ia);
}
