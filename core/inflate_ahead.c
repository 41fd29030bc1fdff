/* inflate_ahead.c - a zip entry inflated in a thread of its own (inflate_ahead.h). */
#include "core/inflate_ahead.h"

#include "core/alloc.h"
#include "core/handoff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
    zip_int64_t len;            /* bytes, or -1 for libzip's error */
    unsigned char data[PS_INFLATE_AHEAD_BLOCK];
} block;

struct ps_inflate_ahead {
    zip_file_t *f;
    ps_handoff h;               /* h.mu guards what follows, up to taken */
    size_t head, count;         /* the first block not yet read; blocks filled */
    char err[256];
    /* the reader's own */
    size_t taken;               /* bytes of blocks[head] already read */
    block blocks[PS_INFLATE_AHEAD_BLOCKS];
};

/* The inflater (the handoff's worker): blocks until the end, an error or a stop. */
static void *inflate_blocks(void *arg)
{
    ps_inflate_ahead *ia = arg;
    size_t tail = 0;
    for (;;) {
        pthread_mutex_lock(&ia->h.mu);
        while (ia->count == PS_INFLATE_AHEAD_BLOCKS && !ia->h.stop)
            ps_handoff_worker_wait(&ia->h);
        bool stop = ia->h.stop;
        pthread_mutex_unlock(&ia->h.mu);
        if (stop)
            break;
        block *b = &ia->blocks[tail]; /* past head + count: the reader's never */
        b->len = zip_fread(ia->f, b->data, sizeof b->data);
        pthread_mutex_lock(&ia->h.mu);
        if (b->len < 0)
            snprintf(ia->err, sizeof ia->err, "%s", zip_error_strerror(zip_file_get_error(ia->f)));
        ia->count++;
        ps_handoff_wake_caller(&ia->h);
        pthread_mutex_unlock(&ia->h.mu);
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
    if (!ps_handoff_start(&ia->h, inflate_blocks, ia)) {
        free(ia);
        return NULL;
    }
    return ia;
}

zip_int64_t ps_inflate_ahead_read(ps_inflate_ahead *ia, void *buf, zip_uint64_t n)
{
    pthread_mutex_lock(&ia->h.mu);
    while (ia->count == 0) /* the last block (0 or -1) is never given back */
        ps_handoff_caller_wait(&ia->h);
    pthread_mutex_unlock(&ia->h.mu);
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
        pthread_mutex_lock(&ia->h.mu);
        ia->head = (ia->head + 1) % PS_INFLATE_AHEAD_BLOCKS;
        ia->count--;
        ps_handoff_wake_worker(&ia->h);
        pthread_mutex_unlock(&ia->h.mu);
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
    ps_handoff_stop(&ia->h);
    free(ia);
}
