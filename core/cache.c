/* cache.c - a bounded table from 64-bit keys to fixed-size values (cache.h). */
#include "core/cache.h"

#include "core/alloc.h"

#include <stdlib.h>
#include <string.h>

void ps_cache_init(ps_cache *c, const ps_cache_opts *o)
{
    memset(c, 0, sizeof *c);
    c->val_size = o->val_size;
    c->max = o->max;
    c->group_bits = o->group_bits;
    c->first_cap = o->first_cap ? o->first_cap : 16;
    c->drop = o->drop;
}

/* Calls drop on every value held. */
static void drop_all(ps_cache *c)
{
    if (!c->drop || !c->val_size || !c->n)
        return;
    for (size_t i = 0; i < c->cap; i++)
        if (c->keys[i])
            c->drop(c->vals + i * c->val_size);
}

void ps_cache_free(ps_cache *c)
{
    drop_all(c);
    free(c->keys);
    free(c->vals);
    c->keys = NULL;
    c->vals = NULL;
    c->cap = c->n = 0;
}

void ps_cache_clear(ps_cache *c)
{
    drop_all(c);
    if (c->keys)
        memset(c->keys, 0, c->cap * sizeof *c->keys);
    c->n = 0;
}

static void grow(ps_cache *c)
{
    ps_cache old = *c;
    c->cap = old.cap ? old.cap * 2 : c->first_cap;
    c->keys = ps_xcalloc(c->cap, sizeof *c->keys);
    /* values are written before they are read: their pages are touched only as used */
    c->vals = c->val_size ? ps_xmalloc(c->cap * c->val_size) : NULL;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i])
            continue;
        size_t j = ps_cache_slot(c, old.keys[i]);
        c->keys[j] = old.keys[i];
        if (c->val_size)
            memcpy(c->vals + j * c->val_size, old.vals + i * c->val_size, c->val_size);
    }
    free(old.keys);
    free(old.vals);
}

/* The slot of key, held from now on (the table cleared or grown first as
 * needed); *added true when key was new. */
static size_t hold(ps_cache *c, uint64_t key, bool *added)
{
    if (c->max && c->n >= c->max && !ps_cache_has(c, key)) {
        ps_cache_clear(c); /* the bound: start again */
        c->clears++;
    }
    if ((c->n + 1) * 2 > c->cap)
        grow(c);
    size_t i = ps_cache_slot(c, key);
    *added = !c->keys[i];
    if (*added) {
        c->keys[i] = key;
        c->n++;
    }
    return i;
}

void *ps_cache_put(ps_cache *c, uint64_t key)
{
    bool added;
    size_t i = hold(c, key, &added);
    return c->val_size ? c->vals + i * c->val_size : NULL;
}

bool ps_cache_add(ps_cache *c, uint64_t key)
{
    bool added;
    hold(c, key, &added);
    return added;
}

size_t ps_cache_count(const ps_cache *c)
{
    return c->n;
}
