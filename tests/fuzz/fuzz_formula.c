/* fuzz_formula.c - the formula language (core/formula.h).
 *
 * Properties: a formula either parses or is refused with a message; a
 * parsed tree prints (ps_formula_to_string) to text that parses to an equal
 * tree which prints the same text again; evaluation in a toy context (every
 * code has a value from its name, every shift works) is finite or missing.
 */
#include "core/formula.h"
#include "core/formula_int.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool value(void *self, const void *ctx, const char *code, double *v)
{
    size_t n = strlen(code);
    if (code[0] == 'M') /* codes starting with M are missing */
        return false;
    *v = (double)(n * 7 % 13) - 3 + *(const int *)ctx;
    return true;
}

static bool shift(void *self, const void *ctx, ps_ffn fn, void *out)
{
    int c = *(const int *)ctx;
    if (c < -20)
        return false;
    *(int *)out = c - 1 - (int)fn;
    return true;
}

static bool pop(void *self, const void *ctx, double *p)
{
    *p = *(const int *)ctx;
    return true;
}

static void count_ref(const char *code, bool in_call, void *arg)
{
    FUZZ_ASSERT(code && *code, "an empty code");
    ++*(int *)arg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_str(data, size);
    char msg[512];
    ps_fnode *f = ps_formula_parse(text, msg, sizeof msg);
    if (!f) {
        FUZZ_ASSERT(msg[0] != '\0', "refused without a reason");
        free(text);
        return 0;
    }
    FUZZ_ASSERT(msg[0] == '\0', "message '%s' on success", msg);
    char *s1 = ps_formula_to_string(f);
    ps_fnode *g = ps_formula_parse(s1, msg, sizeof msg);
    FUZZ_ASSERT(g != NULL, "the printed '%s' does not parse: %s", s1, msg);
    FUZZ_ASSERT(ps_formula_equal(f, g), "'%s' parses to another tree", s1);
    char *s2 = ps_formula_to_string(g);
    FUZZ_ASSERT(strcmp(s1, s2) == 0, "'%s' prints as '%s'", s1, s2);

    int refs = 0;
    ps_formula_walk_refs(f, count_ref, &refs);
    ps_feval_ops ops = {value, shift, pop, sizeof(int)};
    int ctx = 5;
    double out = NAN;
    if (ps_formula_eval(f, &ops, NULL, &ctx, &out))
        FUZZ_ASSERT(isfinite(out), "'%s' evaluates to %g", s1, out);
    free(s1);
    free(s2);
    ps_formula_free(f);
    ps_formula_free(g);
    free(text);
    return 0;
}
