/* map.h - a string-keyed hash map to small integers (code -> index).
 *
 * Keys are copied; values are ints. Used for catalog code lookups and
 * similar small-to-medium tables. Open addressing, grows at 50% load.
 */
#ifndef PS_MAP_H
#define PS_MAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ps_map {
    char **keys;
    int *vals;
    size_t cap, n;
} ps_map;

void ps_map_init(ps_map *m);
void ps_map_free(ps_map *m);
/* Sets key -> val (replacing an existing value). key is copied. */
void ps_map_put(ps_map *m, const char *key, int val);
/* Returns the value of key, or `missing` when absent. */
int ps_map_get(const ps_map *m, const char *key, int missing);
bool ps_map_has(const ps_map *m, const char *key);



/* A set of non-zero 64-bit keys (open addressing), for hot loops where
 * formatting a string key would cost more than the lookup; each key can
 * carry a number (an index into the caller's array). */
typedef struct ps_set64 {
    unsigned long long *keys;
    size_t *vals;
    size_t cap, n;
} ps_set64;

void ps_set64_init(ps_set64 *s);
void ps_set64_free(ps_set64 *s);
/* Adds key (which must not be 0); returns true when it was not there yet. */
bool ps_set64_add(ps_set64 *s, unsigned long long key);
/* True when key is in the set. */
bool ps_set64_has(const ps_set64 *s, unsigned long long key);
/* Adds key with number val when it is not there yet (returns true), else
 * returns false and sets *val to the number it carries. */
bool ps_set64_add_val(ps_set64 *s, unsigned long long key, size_t *val);
#endif
