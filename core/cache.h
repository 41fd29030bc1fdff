/* cache.h - a bounded table from 64-bit keys to fixed-size values.
 *
 * One table type for what a command remembers while it computes (the
 * engine's memo of computed values, the set of stored values forced into
 * closed periods, the read batches already tried). Its policy:
 *
 * Keys: plain 64-bit numbers chosen by the caller, never 0.
 *
 * Values: val_size bytes each (0: a set, no values), owned by the table.
 *   ps_cache_put returns the slot to write them into (a held key's slot
 *   still holds its old value) and ps_cache_get the slot to read them
 *   from; a slot pointer is valid until the next put, clear or free. The
 *   table never looks inside a value. A value that owns memory names drop
 *   in the options: the table calls drop on every value it forgets (at the
 *   bound, ps_cache_clear, ps_cache_free) and on nothing else.
 *
 * The bound: with max > 0, a put of a new key into a table that holds max
 *   keys first clears the whole table: every key is forgotten, and the
 *   caller computes again what it asks for next. That suits a memo of
 *   values that can always be computed again; memory stays bounded (about
 *   (8 + val_size) * 4 * max bytes at most). With max 0 the table is never
 *   cleared: use it for a set that must remember every key.
 *
 * Placement: keys that agree above their low group_bits bits form a group
 *   and share a block of 128 slots, picked by the group's hash; inside it a
 *   key's place is its low 7 bits, half a block further when bit 7 is set.
 *   A caller that asks for many members of one group together numbers them
 *   so (member << 7 | place, place below 64 for two runs of members to keep
 *   apart) and touches a few cache lines rather than one per key; members
 *   that share a place are still told apart (linear probing). group_bits 0
 *   places every key by its own hash.
 *
 * Open addressing with linear probing, grown at half full.
 */
#ifndef PS_CACHE_H
#define PS_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ps_cache_opts {
    size_t val_size;     /* bytes per value; 0: a set */
    size_t max;          /* keys held at most before clearing; 0: no bound */
    unsigned group_bits; /* low key bits that vary within a group (< 64); 0: none */
    size_t first_cap;    /* slots made on the first put (a power of two); 0: 16 */
    void (*drop)(void *val); /* frees what a forgotten value owns; NULL: nothing */
} ps_cache_opts;

typedef struct ps_cache {
    uint64_t *keys;      /* cap slots, 0 = empty */
    unsigned char *vals; /* cap * val_size bytes */
    size_t cap, n;
    size_t val_size, max;
    unsigned group_bits;
    size_t first_cap;
    void (*drop)(void *val);
    size_t clears;       /* how many times the bound cleared the table */
} ps_cache;

/* An empty table with options o (copied). Allocates nothing yet. */
void ps_cache_init(ps_cache *c, const ps_cache_opts *o);
/* Forgets every key (drop on each value) and frees the table's memory;
 * c is empty afterwards and may be used again. */
void ps_cache_free(ps_cache *c);
/* Forgets every key (drop on each value), keeping the table's memory. */
void ps_cache_clear(ps_cache *c);

/* The slot of key (0 < key) in a table of cap slots (a power of two). */
static inline size_t ps_cache_slot(const ps_cache *c, uint64_t key)
{
    uint64_t h = c->group_bits ? key >> c->group_bits : key;
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 31;
    size_t i = c->group_bits ? (size_t)(h * 128 + ((key + (key >> 7 & 1) * 64) & 127)) : (size_t)h;
    i &= c->cap - 1;
    while (c->keys[i] && c->keys[i] != key)
        i = (i + 1) & (c->cap - 1);
    return i;
}

/* The value slot of key (val_size bytes, valid until the next put), or
 * NULL when key is not held. For a set, any non-NULL pointer means held. */
static inline const void *ps_cache_get(const ps_cache *c, uint64_t key)
{
    if (!c->n)
        return NULL;
    size_t i = ps_cache_slot(c, key);
    if (!c->keys[i])
        return NULL;
    return c->val_size ? (const void *)(c->vals + i * c->val_size) : (const void *)&c->keys[i];
}

static inline bool ps_cache_has(const ps_cache *c, uint64_t key)
{
    return ps_cache_get(c, key) != NULL;
}

/* Holds key (clearing the table first when it is full, see the bound) and
 * returns its value slot to write val_size bytes into; an old value of
 * key is overwritten by what the caller writes. NULL for a set. */
void *ps_cache_put(ps_cache *c, uint64_t key);

/* Adds key to a set (or any table, its value left as it was): true when
 * it was not held yet. */
bool ps_cache_add(ps_cache *c, uint64_t key);

/* How many keys the table holds. */
size_t ps_cache_count(const ps_cache *c);

#endif
