/* test_cache.c - the bounded u64-keyed table: values, sets, the bound, placement. */
#include "check.h"

#include "core/cache.h"

#include <stdint.h>
#include <stdlib.h>

typedef struct pair {
    double a;
    int b;
} pair;

static void put_pair(ps_cache *c, uint64_t key, double a, int b)
{
    pair *p = ps_cache_put(c, key);
    p->a = a;
    p->b = b;
}

TEST(values_in_and_out)
{
    ps_cache c;
    ps_cache_init(&c, &(ps_cache_opts){.val_size = sizeof(pair)});
    CHECK(ps_cache_get(&c, 7) == NULL);
    for (uint64_t k = 1; k <= 5000; k++)
        put_pair(&c, k * 7919, (double)k / 4, (int)k);
    CHECK_INT(ps_cache_count(&c), 5000);
    for (uint64_t k = 1; k <= 5000; k++) {
        const pair *p = ps_cache_get(&c, k * 7919);
        CHECK(p != NULL);
        if (p) {
            CHECK_NEAR(p->a, (double)k / 4, 0);
            CHECK_INT(p->b, k);
        }
    }
    CHECK(ps_cache_get(&c, 7918) == NULL);
    put_pair(&c, 7919, -1, -1); /* overwrites, holds no more keys */
    CHECK_INT(ps_cache_count(&c), 5000);
    CHECK_INT(((const pair *)ps_cache_get(&c, 7919))->b, -1);
    ps_cache_free(&c);
    CHECK(ps_cache_get(&c, 7919) == NULL);
}

TEST(set_adds_once)
{
    ps_cache s;
    ps_cache_init(&s, &(ps_cache_opts){.val_size = 0});
    CHECK(ps_cache_add(&s, 42));
    CHECK(!ps_cache_add(&s, 42));
    CHECK(ps_cache_has(&s, 42));
    CHECK(!ps_cache_has(&s, 43));
    CHECK(ps_cache_put(&s, 43) == NULL); /* a set has no value slots */
    CHECK(ps_cache_has(&s, 43));
    CHECK_INT(ps_cache_count(&s), 2);
    ps_cache_free(&s);
}

TEST(bound_clears_whole_table)
{
    ps_cache c;
    ps_cache_init(&c, &(ps_cache_opts){.val_size = sizeof(int), .max = 100});
    for (uint64_t k = 1; k <= 100; k++)
        *(int *)ps_cache_put(&c, k) = (int)k;
    CHECK_INT(ps_cache_count(&c), 100);
    CHECK_INT(c.clears, 0);
    *(int *)ps_cache_put(&c, 50) = -50; /* a held key: no clearing */
    CHECK_INT(ps_cache_count(&c), 100);
    CHECK_INT(c.clears, 0);
    *(int *)ps_cache_put(&c, 101) = 101; /* a new key at the bound: all forgotten first */
    CHECK_INT(c.clears, 1);
    CHECK_INT(ps_cache_count(&c), 1);
    CHECK(ps_cache_get(&c, 1) == NULL);
    CHECK(ps_cache_get(&c, 50) == NULL);
    CHECK_INT(*(const int *)ps_cache_get(&c, 101), 101);
    ps_cache_free(&c);
}

TEST(no_bound_keeps_everything)
{
    ps_cache s;
    ps_cache_init(&s, &(ps_cache_opts){.val_size = 0});
    for (uint64_t k = 1; k <= 200000; k++)
        ps_cache_add(&s, k << 20);
    CHECK_INT(ps_cache_count(&s), 200000);
    CHECK_INT(s.clears, 0);
    CHECK(ps_cache_has(&s, 1ULL << 20));
    CHECK(ps_cache_has(&s, 200000ULL << 20));
    CHECK(!ps_cache_has(&s, 1));
    ps_cache_free(&s);
}

/* Groups share a block of slots; keys stay distinct however they crowd it,
 * including more members of one group than a block has slots. */
TEST(groups_keep_keys_apart)
{
    ps_cache c;
    ps_cache_init(&c, &(ps_cache_opts){.val_size = sizeof(uint64_t), .group_bits = 24, .first_cap = 1024});
    for (uint64_t g = 1; g <= 300; g++)
        for (uint64_t m = 2015000; m < 2017000; m += 7)
            *(uint64_t *)ps_cache_put(&c, g << 24 | m) = g * 1000003 + m;
    int bad = 0, n = 0;
    for (uint64_t g = 1; g <= 300; g++)
        for (uint64_t m = 2015000; m < 2017000; m += 7, n++) {
            const uint64_t *v = ps_cache_get(&c, g << 24 | m);
            bad += !v || *v != g * 1000003 + m;
        }
    CHECK_INT(bad, 0);
    CHECK_INT(ps_cache_count(&c), n);
    CHECK(ps_cache_get(&c, 301ULL << 24 | 2015000) == NULL);
    ps_cache_free(&c);
}

/* A value that owns memory: drop frees it whenever the table forgets it. */
static int drops;

static void drop_buf(void *val)
{
    char **buf = val;
    free(*buf);
    drops++;
}

TEST(drop_frees_what_values_own)
{
    ps_cache c;
    ps_cache_init(&c, &(ps_cache_opts){.val_size = sizeof(char *), .max = 3, .drop = drop_buf});
    drops = 0;
    for (uint64_t k = 1; k <= 3; k++)
        *(char **)ps_cache_put(&c, k) = malloc(16);
    CHECK_INT(drops, 0);
    *(char **)ps_cache_put(&c, 4) = malloc(16); /* the bound: three dropped */
    CHECK_INT(drops, 3);
    CHECK_INT(ps_cache_count(&c), 1);
    *(char **)ps_cache_put(&c, 5) = malloc(16);
    ps_cache_clear(&c);
    CHECK_INT(drops, 5);
    *(char **)ps_cache_put(&c, 6) = malloc(16);
    ps_cache_free(&c);
    CHECK_INT(drops, 6);
    ps_cache_free(&c); /* empty: nothing more */
    CHECK_INT(drops, 6);
}

int main(void)
{
    RUN(values_in_and_out);
    RUN(set_adds_once);
    RUN(bound_clears_whole_table);
    RUN(no_bound_keeps_everything);
    RUN(groups_keep_keys_apart);
    RUN(drop_frees_what_values_own);
    return check_done();
}
