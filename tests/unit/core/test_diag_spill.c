/* test_diag_spill.c - a list of diagnostics beyond its bound in memory
 * goes to a temporary file (core/diag_spill.c) and reads, sorts, moves and
 * filters exactly as a list held whole in memory. */
#include "check.h"

#include "core/diag.h"
#include "core/diag_int.h"
#include "core/strbuf.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>

/* n diagnostics in a fixed shuffled order: lines repeat (ties keep the
 * order found), paths two, values sometimes NULL, messages of any length. */
static void fill(ps_diags *d, int n)
{
    for (int i = 0; i < n; i++) {
        long line = (i * 37) % 11;
        const char *path = i % 5 == 0 ? "b.csv" : "a.csv";
        char value[16];
        snprintf(value, sizeof value, "v%d", i);
        ps_diag_add(d, path, line, i % 3, i % 4 ? PS_SEV_WARNING : PS_SEV_ERROR, PS_D_BAD_NUMBER,
                    i % 6 ? value : NULL, "diagnostic %d %.*s", i, i % 40, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    }
}

/* n diagnostics found line by line (runs spilled in order), then n/2
 * more found at the end (history warnings), on earlier lines. */
static void fill_in_order(ps_diags *d, int n)
{
    for (int i = 0; i < n; i++)
        ps_diag_add(d, "a.csv", 2 + i / 3, 4, PS_SEV_ERROR, PS_D_BAD_NUMBER, "x", "row %d", i);
    for (int i = 0; i < n / 2; i++)
        ps_diag_add(d, "a.csv", 2 + (i * 7) % (n / 3), 0, PS_SEV_WARNING, PS_D_OUTLIER, NULL, "late %d", i);
}

static void append(const ps_diag *x, void *arg)
{
    ps_sb_printf(arg, "%s:%ld:%d:%d:%d:%s:%s\n", x->path, x->line, x->column, (int)x->severity, (int)x->code,
                 x->message, x->value ? x->value : "(null)");
}

/* Everything of d, in its order, as text. */
static char *dump(const ps_diags *d)
{
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_diags_each(d, append, &sb);
    return ps_sb_steal(&sb);
}

static bool every_third(size_t i, void *arg)
{
    (void)arg;
    return i % 3 == 0;
}

/* The same operations with a bound of `at` in memory. */
static void run_with(void (*filler)(ps_diags *d, int n), size_t at, int n, char **listed, char **sorted, char **moved, char **filtered,
                     size_t *nerr, size_t *nwarn)
{
    ps_diag_spill_at = at;
    ps_diags d, e, f, g;
    ps_diags_init(&d);
    filler(&d, n);
    *nerr = d.nerr;
    *nwarn = d.nwarn;
    *listed = dump(&d);
    ps_diags_sort(&d);
    *sorted = dump(&d);
    /* into a list that holds some already, then a filter of the whole */
    ps_diags_init(&e);
    fill(&e, 7);
    ps_diags_move(&e, &d);
    CHECK_INT(d.nerr + d.nwarn, 0);
    *moved = dump(&e);
    ps_diags_init(&f);
    ps_diags_move_if(&f, &e, every_third, NULL);
    *filtered = dump(&f);
    /* into an empty list: taken whole */
    ps_diags_init(&g);
    ps_diags_move(&g, &f);
    char *again = dump(&g);
    CHECK_STR(again, *filtered);
    free(again);
    ps_diags_free(&g);
    ps_diags_free(&f);
    ps_diags_free(&e);
    ps_diags_free(&d);
}

TEST(spilled_equals_in_memory)
{
    char *l1, *s1, *m1, *f1, *l2, *s2, *m2, *f2;
    size_t e1, w1, e2, w2;
    run_with(fill, (size_t)1 << 30, 1000, &l1, &s1, &m1, &f1, &e1, &w1);
    run_with(fill, 16, 1000, &l2, &s2, &m2, &f2, &e2, &w2);
    CHECK_STR(l2, l1);
    CHECK_STR(s2, s1);
    CHECK_STR(m2, m1);
    CHECK_STR(f2, f1);
    CHECK_INT(e2, e1);
    CHECK_INT(w2, w1);
    CHECK_INT(e1 + w1, 1000);
    CHECK(strcmp(l1, s1) != 0); /* the sort did sort */
    free(l1); free(s1); free(m1); free(f1);
    free(l2); free(s2); free(m2); free(f2);
    /* runs in order already are merged without being rewritten */
    run_with(fill_in_order, (size_t)1 << 30, 600, &l1, &s1, &m1, &f1, &e1, &w1);
    run_with(fill_in_order, 16, 600, &l2, &s2, &m2, &f2, &e2, &w2);
    CHECK_STR(s2, s1);
    CHECK_STR(m2, m1);
    CHECK_STR(f2, f1);
    CHECK(strcmp(l1, s1) != 0);
    free(l1); free(s1); free(m1); free(f1);
    free(l2); free(s2); free(m2); free(f2);
    ps_diag_spill_at = 16384;
}

TEST(memory_holds_the_newest_only)
{
    ps_diag_spill_at = 10;
    ps_diags d;
    ps_diags_init(&d);
    fill(&d, 95);
    CHECK(d.n <= 10);
    CHECK(d.spill != NULL);
    CHECK_INT(d.nerr + d.nwarn, 95);
    /* the newest is in memory */
    CHECK(d.n > 0 && strncmp(d.v[d.n - 1].message, "diagnostic 94 ", 14) == 0);
    ps_diags_truncate(&d, 0);
    CHECK(d.spill == NULL);
    CHECK_INT(d.n, 0);
    CHECK_INT(d.nerr + d.nwarn, 0);
    ps_diags_free(&d);
    ps_diag_spill_at = 16384;
}

TEST(a_full_temporary_folder_keeps_the_list_in_memory)
{
    /* files of at most 2,000 bytes: the first run fits, the second not */
    char *l1, *s1, *m1, *f1, *l2, *s2, *m2, *f2;
    size_t e1, w1, e2, w2;
    run_with(fill, (size_t)1 << 30, 300, &l1, &s1, &m1, &f1, &e1, &w1);
    struct rlimit old, small = {2000, 2000};
    CHECK(getrlimit(RLIMIT_FSIZE, &old) == 0);
    signal(SIGXFSZ, SIG_IGN);
    small.rlim_max = old.rlim_max;
    CHECK(setrlimit(RLIMIT_FSIZE, &small) == 0);
    run_with(fill, 16, 300, &l2, &s2, &m2, &f2, &e2, &w2);
    CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
    signal(SIGXFSZ, SIG_DFL);
    CHECK_STR(l2, l1);
    CHECK_STR(s2, s1);
    CHECK_STR(m2, m1);
    CHECK_STR(f2, f1);
    CHECK_INT(e2 + w2, 300);
    free(l1); free(s1); free(m1); free(f1);
    free(l2); free(s2); free(m2); free(f2);
    ps_diag_spill_at = 16384;
}

int main(void)
{
    RUN(spilled_equals_in_memory);
    RUN(memory_holds_the_newest_only);
    RUN(a_full_temporary_folder_keeps_the_list_in_memory);
    return check_done();
}
