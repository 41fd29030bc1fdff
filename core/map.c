/* map.c - a string-keyed hash map to ints (FNV-1a, open addressing). */
#include "core/map.h"

#include "core/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

void ps_map_init(ps_map *m)
{
    memset(m, 0, sizeof *m);
}

void ps_map_free(ps_map *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    ps_map_init(m);
}

static size_t slot(const ps_map *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void grow(ps_map *m)
{
    ps_map old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->keys = ps_xcalloc(m->cap, sizeof *m->keys);
    m->vals = ps_xcalloc(m->cap, sizeof *m->vals);
    for (size_t i = 0; i < old.cap; i++) {
        if (old.keys[i]) {
            size_t j = slot(m, old.keys[i]);
            m->keys[j] = old.keys[i];
            m->vals[j] = old.vals[i];
        }
    }
    free(old.keys);
    free(old.vals);
}

void ps_map_put(ps_map *m, const char *key, int val)
{
    if ((m->n + 1) * 2 > m->cap)
        grow(m);
    size_t i = slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = ps_xstrdup(key);
        m->n++;
    }
    m->vals[i] = val;
}

int ps_map_get(const ps_map *m, const char *key, int missing)
{
    if (!m->cap)
        return missing;
    size_t i = slot(m, key);
    return m->keys[i] ? m->vals[i] : missing;
}

bool ps_map_has(const ps_map *m, const char *key)
{
    return ps_map_get(m, key, -1) != -1 || (m->cap && m->keys[slot(m, key)]);
}

void ps_set64_init(ps_set64 *s)
{
    memset(s, 0, sizeof *s);
}

void ps_set64_free(ps_set64 *s)
{
    free(s->keys);
    free(s->vals);
    ps_set64_init(s);
}

/* Fibonacci hashing: the top bits of the product depend on every bit of
 * k. (Bits 17 and up, masked to the table, ignored a key's bits above the
 * table's size plus 17: the ingest's series keys hold the unit there, and
 * every unit of an indicator fell on one probe chain.) cap is a power of 2. */
static size_t set64_slot(const ps_set64 *s, unsigned long long k)
{
    unsigned shift = 64u - (unsigned)__builtin_ctzll((unsigned long long)s->cap);
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> shift);
    while (s->keys[i] && s->keys[i] != k)
        i = (i + 1) & (s->cap - 1);
    return i;
}

bool ps_set64_add_val(ps_set64 *s, unsigned long long key, size_t *val)
{
    if ((s->n + 1) * 2 > s->cap) {
        ps_set64 old = *s;
        s->cap = old.cap ? old.cap * 2 : 256;
        s->keys = ps_xcalloc(s->cap, sizeof *s->keys);
        s->vals = ps_xmalloc(s->cap * sizeof *s->vals);
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = set64_slot(s, old.keys[i]);
                s->keys[j] = old.keys[i];
                s->vals[j] = old.vals[i];
            }
        free(old.keys);
        free(old.vals);
    }
    size_t i = set64_slot(s, key);
    if (s->keys[i]) {
        *val = s->vals[i];
        return false;
    }
    s->keys[i] = key;
    s->vals[i] = *val;
    s->n++;
    return true;
}

bool ps_set64_has(const ps_set64 *s, unsigned long long key)
{
    return s->cap && s->keys[set64_slot(s, key)] == key;
}

bool ps_set64_add(ps_set64 *s, unsigned long long key)
{
    size_t v = 0;
    return ps_set64_add_val(s, key, &v);
}
