/* test_formula.c - the formula parser, printer, queries and evaluator. */
#include "check.h"

#include "core/formula.h"
#include "core/formula_int.h"

#include <float.h>
#include <stdbool.h>
#include <stdlib.h>

/* ---------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------- */

static char last_msg[512];

/* Parses text and returns its canonical text (static buffer), or "ERR: msg". */
static const char *canon(const char *text)
{
    static char out[4096];
    ps_fnode *f = ps_formula_parse(text, last_msg, sizeof last_msg);
    if (!f) {
        snprintf(out, sizeof out, "ERR: %s", last_msg);
        return out;
    }
    char *s = ps_formula_to_string(f);
    snprintf(out, sizeof out, "%s", s);
    free(s);
    ps_formula_free(f);
    return out;
}

/* Parses text and returns the error message, or "OK" when it parses. */
static const char *err(const char *text)
{
    ps_fnode *f = ps_formula_parse(text, last_msg, sizeof last_msg);
    if (f) {
        ps_formula_free(f);
        return "OK";
    }
    return last_msg;
}

/* True when text parses, prints, and the printed text parses to an equal tree
 * that prints the same again. */
static bool round_trips(const char *text)
{
    char msg[256];
    ps_fnode *f = ps_formula_parse(text, msg, sizeof msg);
    if (!f)
        return false;
    char *s1 = ps_formula_to_string(f);
    ps_fnode *g = ps_formula_parse(s1, msg, sizeof msg);
    bool ok = g && ps_formula_equal(f, g);
    if (ok) {
        char *s2 = ps_formula_to_string(g);
        ok = strcmp(s1, s2) == 0;
        free(s2);
    }
    if (!ok)
        printf("round trip failed: \"%s\" -> \"%s\"\n", text, s1);
    free(s1);
    ps_formula_free(f);
    ps_formula_free(g);
    return ok;
}

/* A fake evaluation world: ctx is a period (months counted from 1), a unit
 * (0 is the top, 1 and 2 its children) and a measure. */
enum { M_ACTUAL, M_PLAN, M_YTD };
typedef struct fctx {
    int period;
    int unit;
    int measure;
} fctx;

typedef struct world {
    int value_calls;
    int shift_calls;
    char seen[256]; /* codes looked up, each followed by '@period.unit.measure ' */
} world;

static bool w_value(void *self, const void *ctx, const char *code, double *v)
{
    world *w = self;
    const fctx *c = ctx;
    w->value_calls++;
    size_t n = strlen(w->seen);
    snprintf(w->seen + n, sizeof w->seen - n, "%s@%d.%d.%d ", code, c->period, c->unit,
             c->measure);
    if (strcmp(code, "X") == 0) {
        *v = c->period * 10 + c->unit * 1000 + c->measure * 100000;
        return true;
    }
    if (strcmp(code, "TWO") == 0) {
        *v = 2;
        return true;
    }
    if (strcmp(code, "ZERO") == 0) {
        *v = 0;
        return true;
    }
    if (strcmp(code, "BIG") == 0) {
        *v = DBL_MAX;
        return true;
    }
    if (strcmp(code, "NANV") == 0) {
        *v = NAN;
        return true;
    }
    return false; /* MISS and everything else */
}

static bool w_shift(void *self, const void *ctx, ps_ffn fn, void *out)
{
    world *w = self;
    const fctx *c = ctx;
    fctx *o = out;
    w->shift_calls++;
    *o = *c;
    switch (fn) {
    case PS_FN_PREV_YEAR:
        o->period -= 12;
        return o->period >= 1;
    case PS_FN_PREV:
        if (c->measure == M_YTD)
            return false;
        o->period -= 1;
        return o->period >= 1;
    case PS_FN_YTD:
        o->measure = M_YTD;
        return true;
    case PS_FN_PLAN:
        o->measure = M_PLAN;
        return true;
    case PS_FN_PARENT:
        if (c->unit == 0)
            return false;
        o->unit = 0;
        return true;
    case PS_FN_PER_CAPITA:
        break;
    }
    return false; /* per_capita must never reach shift */
}

static bool w_pop(void *self, const void *ctx, double *pop)
{
    const fctx *c = ctx;
    (void)self;
    if (c->unit == 0) {
        *pop = 4;
        return true;
    }
    if (c->unit == 1) {
        *pop = 0;
        return true;
    }
    return false;
}

static const ps_feval_ops w_ops = {w_value, w_shift, w_pop, sizeof(fctx)};

/* Evaluates text at ctx; returns true with *v, or false when missing. */
static bool ev_at(const char *text, fctx ctx, double *v, world *w)
{
    char msg[256];
    ps_fnode *f = ps_formula_parse(text, msg, sizeof msg);
    if (!f) {
        printf("cannot parse \"%s\": %s\n", text, msg);
        return false;
    }
    bool ok = ps_formula_eval(f, &w_ops, w, &ctx, v);
    ps_formula_free(f);
    return ok;
}

static bool ev(const char *text, double *v)
{
    world w;
    memset(&w, 0, sizeof w);
    fctx c = {30, 1, M_ACTUAL};
    return ev_at(text, c, v, &w);
}

/* ---------------------------------------------------------------------------
 * Parsing and printing
 * ------------------------------------------------------------------------- */

TEST(precedence_and_associativity)
{
    CHECK_STR(canon("a-b-c"), "a - b - c");
    CHECK_STR(canon("a-(b-c)"), "a - (b - c)");
    CHECK_STR(canon("(a-b)-c"), "a - b - c");
    CHECK_STR(canon("a/b/c"), "a / b / c");
    CHECK_STR(canon("a/(b/c)"), "a / (b / c)");
    CHECK_STR(canon("a/(b*c)"), "a / (b * c)");
    CHECK_STR(canon("a+(b-c)"), "a + (b - c)");
    CHECK_STR(canon("a+b*c"), "a + b * c");
    CHECK_STR(canon("(a+b)*c"), "(a + b) * c");
    CHECK_STR(canon("-a*b"), "-a * b");
    CHECK_STR(canon("-(a*b)"), "-(a * b)");
    CHECK_STR(canon("2*-3"), "2 * -3");
    CHECK_STR(canon("a - -b"), "a - -b");
    CHECK_STR(canon("--a"), "- -a");
    CHECK_STR(canon("+a"), "a");
    CHECK_STR(canon("-+-a"), "- -a");
    CHECK_STR(canon("((a))"), "a");
    CHECK_STR(canon("  A\t+\nB  "), "A + B");

    ps_fnode *f = ps_formula_parse("a - b - c", NULL, 0);
    CHECK(f != NULL);
    if (f) {
        CHECK_INT(f->kind, PS_FK_SUB);
        CHECK_INT(f->a->kind, PS_FK_SUB);
        CHECK_STR(f->a->a->code, "a");
        CHECK_STR(f->a->b->code, "b");
        CHECK_INT(f->b->kind, PS_FK_REF);
        CHECK_STR(f->b->code, "c");
    }
    ps_formula_free(f);

    f = ps_formula_parse("-a * b", NULL, 0);
    CHECK(f && f->kind == PS_FK_MUL && f->a->kind == PS_FK_NEG && f->b->kind == PS_FK_REF);
    ps_formula_free(f);

    f = ps_formula_parse("2 * -3", NULL, 0);
    CHECK(f && f->kind == PS_FK_MUL && f->a->kind == PS_FK_NUM && f->b->kind == PS_FK_NEG &&
          f->b->a->kind == PS_FK_NUM && f->b->a->num == 3);
    ps_formula_free(f);

    double v = 0;
    CHECK(ev("10 - 4 - 3", &v));
    CHECK_NEAR(v, 3, 0);
    CHECK(ev("100 / 10 / 5", &v));
    CHECK_NEAR(v, 2, 0);
    CHECK(ev("-2 * 3", &v));
    CHECK_NEAR(v, -6, 0);
    CHECK(ev("2 * -3", &v));
    CHECK_NEAR(v, -6, 0);
    CHECK(ev("2 + 3 * 4", &v));
    CHECK_NEAR(v, 14, 0);
    CHECK(ev("(2 + 3) * 4", &v));
    CHECK_NEAR(v, 20, 0);
    CHECK(ev("2 - 3 + 4", &v));
    CHECK_NEAR(v, 3, 0);
    CHECK(ev("-(-5)", &v));
    CHECK_NEAR(v, 5, 0);
}

TEST(functions)
{
    CHECK_STR(canon("prev_year(X)"), "prev_year(X)");
    CHECK_STR(canon("prev(X)"), "prev(X)");
    CHECK_STR(canon("ytd(X)"), "ytd(X)");
    CHECK_STR(canon("plan(X)"), "plan(X)");
    CHECK_STR(canon("parent(X)"), "parent(X)");
    CHECK_STR(canon("per_capita(X)"), "per_capita(X)");
    /* names are case-insensitive before '(' and may have spaces before it */
    CHECK_STR(canon("PREV_YEAR (X)"), "prev_year(X)");
    CHECK_STR(canon("Ytd( X + Y )"), "ytd(X + Y)");
    /* nested functions and expressions as arguments */
    CHECK_STR(canon("ytd(X) / prev_year(ytd(X)) * 100"), "ytd(X) / prev_year(ytd(X)) * 100");
    CHECK_STR(canon("plan((A+B)*2)"), "plan((A + B) * 2)");
    CHECK_STR(canon("-parent(X)"), "-parent(X)");
    /* a function name without '(' is a code */
    CHECK_STR(canon("PLAN + plan"), "PLAN + plan");
    CHECK_STR(canon("PER_CAPITA"), "PER_CAPITA");

    ps_fnode *f = ps_formula_parse("prev(ytd(X))", NULL, 0);
    CHECK(f && f->kind == PS_FK_CALL && f->fn == PS_FN_PREV && f->a->kind == PS_FK_CALL &&
          f->a->fn == PS_FN_YTD && f->a->a->kind == PS_FK_REF);
    ps_formula_free(f);

    for (int i = 0; i <= PS_FN_PER_CAPITA; i++) {
        ps_ffn fn = PS_FN_PREV;
        CHECK(ps_formula_fn_lookup(ps_formula_fn_name((ps_ffn)i), &fn));
        CHECK_INT(fn, i);
    }
    CHECK_STR(ps_formula_fn_name(PS_FN_PREV_YEAR), "prev_year");
    CHECK_STR(ps_formula_fn_name(PS_FN_PER_CAPITA), "per_capita");
    CHECK_STR(ps_formula_fn_name((ps_ffn)99), "?");
    ps_ffn fn = PS_FN_PREV;
    CHECK(ps_formula_fn_lookup("PARENT", &fn));
    CHECK_INT(fn, PS_FN_PARENT);
    CHECK(!ps_formula_fn_lookup("sqrt", &fn));
    CHECK(!ps_formula_fn_lookup("prev_", &fn));
    CHECK(!ps_formula_fn_lookup("", &fn));
    CHECK(!ps_formula_fn_lookup(NULL, &fn));
}

TEST(numbers)
{
    CHECK_STR(canon("12"), "12");
    CHECK_STR(canon("0.5"), "0.5");
    CHECK_STR(canon("1e3"), "1000");
    CHECK_STR(canon("1.5E+6"), "1500000");
    CHECK_STR(canon("2e-3"), "0.002");
    CHECK_STR(canon("0.1"), "0.1");
    CHECK_STR(canon("9.2"), "9.2");
    CHECK_STR(canon("1e20"), "1e+20");
    CHECK_STR(canon("0.00001"), "1e-05");
    CHECK_STR(canon("007"), "7");
    CHECK_STR(canon("1e-999"), "0"); /* underflow is 0, not an error */

    ps_fnode *f = ps_formula_parse("1e3", NULL, 0);
    CHECK(f && f->kind == PS_FK_NUM && f->num == 1000);
    ps_formula_free(f);
    f = ps_formula_parse("0.1", NULL, 0);
    CHECK(f && f->num == 0.1);
    ps_formula_free(f);
    /* e after a number joins it only as an exponent: 1e-3-1 is 0.001 - 1 */
    f = ps_formula_parse("1e-3-1", NULL, 0);
    CHECK(f && f->kind == PS_FK_SUB && f->a->num == 0.001 && f->b->num == 1);
    ps_formula_free(f);

    /* .5 and 5. are refused: numbers start and end with digits */
    CHECK_STR(err(".5"), "a number is badly written at character 1: .5 (write a 0 before the '.')");
    CHECK_STR(err("A * 5."), "a number is badly written at character 5: 5.");
    CHECK_STR(err("1+1.2.3"), "a number is badly written at character 3: 1.2.3");
    CHECK_STR(err("2e"), "a number is badly written at character 1: 2e");
    CHECK_STR(err("2e+"), "a number is badly written at character 1: 2e");
    CHECK_STR(err("12abc"), "a number is badly written at character 1: 12abc");
    CHECK_STR(err("0x1F"), "a number is badly written at character 1: 0x1F");
    CHECK_STR(err("3_000"), "a number is badly written at character 1: 3_000");
    CHECK_STR(err("1,5 * A"),
              "unexpected character ',' at character 2: the decimal mark in formulas is '.'");
    CHECK_STR(err("A + 1e999"), "the number 1e999 at character 5 is too large");
}

TEST(error_messages)
{
    CHECK_STR(err(""), "the formula is empty");
    CHECK_STR(err("   \t "), "the formula is empty");
    CHECK_STR(err(NULL), "the formula is empty");
    CHECK_STR(err("(A + B))"), "unexpected ')' at character 8");
    CHECK_STR(err("A + B))"), "unexpected ')' at character 6");
    CHECK_STR(err(")"), "unexpected ')' at character 1");
    CHECK_STR(err("ytd((A + B)"), "expected ')' at character 12 to close the '(' at character 4");
    CHECK_STR(err("(A + B C)"), "expected ')' at character 8 to close the '(' at character 1");
    CHECK_STR(err("sqrt(A)"),
              "unknown function sqrt at character 1: functions are prev_year, prev, ytd, plan, "
              "parent, per_capita");
    CHECK_STR(err("A + Foo (B)"),
              "unknown function Foo at character 5: functions are prev_year, prev, ytd, plan, "
              "parent, per_capita");
    CHECK_STR(err("A * (B + "), "missing operand after '+' at character 8");
    CHECK_STR(err("A + B +"), "missing operand after '+' at character 7");
    CHECK_STR(err("(A -)"), "missing operand after '-' at character 4");
    CHECK_STR(err("-"), "missing operand after '-' at character 1");
    CHECK_STR(err("()"), "missing operand after '(' at character 1");
    CHECK_STR(err("prev()"), "missing operand after '(' at character 5");
    CHECK_STR(err("A + * B"), "missing operand before '*' at character 5");
    CHECK_STR(err("/ B"), "missing operand before '/' at character 1");
    CHECK_STR(err("A B"), "unexpected B at character 3: expected an operator");
    CHECK_STR(err("A 2"), "unexpected 2 at character 3: expected an operator");
    CHECK_STR(err("2 (A)"), "unexpected '(' at character 3: expected an operator");
    CHECK_STR(err("A % B"), "unexpected character '%' at character 3");
    CHECK_STR(err("=A+B"), "unexpected character '=' at character 1");
    CHECK_STR(err("_A"), "unexpected character '_' at character 1");
    CHECK_STR(err("A\x01"), "unexpected control character 0x01 at character 2");
    /* positions count characters, not bytes: "Đ" is 2 bytes, 1 character */
    CHECK_STR(err("Đ + A"), "unexpected character 'Đ' at character 1");
    CHECK_STR(err("A × B"), "unexpected character '×' at character 3");
    CHECK_STR(err("(\"Đ\" + )"), "unexpected character '\"' at character 2");
    CHECK_STR(err("(Đ"), "unexpected character 'Đ' at character 2");
    CHECK_STR(err("A /*Đ*/ + (B"), "missing operand before '*' at character 4");
    /* no-break spaces are spaces, and count as one character each */
    CHECK_STR(err("A\u00a0+\u202fB )"), "unexpected ')' at character 7");
    CHECK_STR(canon("A\u00a0+\u202fB"), "A + B");

    /* the message buffer: truncated safely, NULL allowed, "" on success */
    char small[12];
    CHECK(ps_formula_parse("sqrt(A)", small, sizeof small) == NULL);
    CHECK_STR(small, "unknown fun");
    CHECK(ps_formula_parse("sqrt(A)", NULL, 0) == NULL);
    char msg[64] = "junk";
    ps_fnode *f = ps_formula_parse("A", msg, sizeof msg);
    CHECK(f != NULL);
    CHECK_STR(msg, "");
    ps_formula_free(f);
}

TEST(limits)
{
    char buf[8192];
    /* 150 nested parentheses are fine, 250 are refused */
    int n = 150;
    memset(buf, '(', (size_t)n);
    buf[n] = 'A';
    memset(buf + n + 1, ')', (size_t)n);
    buf[2 * n + 1] = '\0';
    CHECK_STR(canon(buf), "A");

    n = 250;
    memset(buf, '(', (size_t)n);
    buf[n] = 'A';
    memset(buf + n + 1, ')', (size_t)n);
    buf[2 * n + 1] = '\0';
    CHECK_STR(err(buf), "the formula is nested too deeply at character 201: at most 200 levels "
                        "of parentheses, functions and signs");

    /* signs and functions count as levels too */
    memset(buf, '-', 5000);
    strcpy(buf + 5000, "A");
    const char *deep = "the formula is nested too deeply at character 201:";
    CHECK(strncmp(err(buf), deep, strlen(deep)) == 0);
    buf[0] = '\0';
    for (int i = 0; i < 300; i++)
        strcat(buf, "ytd(");
    strcat(buf, "A");
    for (int i = 0; i < 300; i++)
        strcat(buf, ")");
    CHECK(strncmp(err(buf), "the formula is nested too deeply", 32) == 0);

    /* a long chain: 500 terms fine, 1500 refused */
    buf[0] = '\0';
    for (int i = 0; i < 500; i++)
        strcat(buf, i ? "+A" : "A");
    CHECK_STR(err(buf), "OK");
    buf[0] = '\0';
    for (int i = 0; i < 1500; i++)
        strcat(buf, i ? "+A" : "A");
    CHECK_STR(err(buf), "the formula is too long at character 2000: more than 1000 operations "
                        "follow one another");
}

/* Every tree the parser accepts prints to text it accepts again, at the
 * edge of the nesting limit too (issue 13, item 8: 101 minuses printed as
 * -(-(-...)) nested twice as deep as the text read, and were refused). */
TEST(deepest_accepted_prints_back)
{
    char buf[1024];
    static const char *const around[][2] = {{"", "A"}, {"", "(A + B)"}, {"ytd(", "X)"}, {"2 * ", "A"}};
    static const int counts[] = {101, 150, 197, 198};
    for (size_t k = 0; k < sizeof around / sizeof around[0]; k++) {
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            snprintf(buf, sizeof buf, "%s", around[k][0]);
            for (int i = 0; i < counts[c]; i++)
                strcat(buf, "-");
            strcat(buf, around[k][1]);
            if (strcmp(err(buf), "OK") != 0)
                continue; /* beyond the limit (with the wrapper's own levels) */
            CHECK(round_trips(buf));
        }
    }
    /* 101 minuses: accepted, printed with a space between signs, read back */
    memset(buf, '-', 101);
    strcpy(buf + 101, "A");
    CHECK_STR(err(buf), "OK");
    CHECK(round_trips(buf));
    CHECK_STR(canon("---A"), "- - -A");
    /* the most signs the parser takes (199, with the operand's level) print back */
    memset(buf, '-', 199);
    strcpy(buf + 199, "A");
    CHECK_STR(err(buf), "OK");
    CHECK(round_trips(buf));
}

TEST(round_trips)
{
    static const char *const texts[] = {
        "A", "12", "0.1", "9.2", "1e+20", "1e-05", "1.2345678901234568e+17", "0.30000000000000004",
        "A + B * C - D / E", "(A + B) * (C - D) / (E + F)", "A / (B / C)", "A - (B + C)",
        "A * (B * C)", "A + (B + C)", "-A", "- -A", "-(A + B)", "-A * -B", "A - -B",
        "2 * -3", "-(2 * 3)", "-2 * 3", "ytd(X) / prev_year(ytd(X)) * 100 - 100",
        "per_capita(GRDP) * 1000", "plan(A + B) / (parent(A) - prev(B))",
        "ytd(plan(-prev(X)))", "X / (prev_year(X) * (1 + 0.5))", "PLAN * plan(PLAN)",
        "DOCS_SIGNED / DOCS_ONLINE * 100", "a_1 + B2_c",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        CHECK(round_trips(texts[i]));
        CHECK_STR(canon(texts[i]), texts[i]); /* these are already canonical */
    }
    CHECK(round_trips("((A))+(((B*C)))"));
    CHECK(round_trips("123456789012345678"));
    CHECK_STR(canon("ytd(plan(-(prev(X))))"), "ytd(plan(-prev(X)))");
    CHECK(round_trips(" - + - 3.25e2 * PREV ( Y ) "));
    CHECK_STR(canon(" - + - 3.25e2 * PREV ( Y ) "), "- -325 * prev(Y)");
}

/* A small deterministic generator for the random tests. */
static unsigned long rng_state = 12345;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)((rng_state >> 33) % n);
}

static ps_fnode *random_tree(int depth)
{
    ps_fnode *n = calloc(1, sizeof *n);
    unsigned pick = depth <= 0 ? rnd(2) : rnd(8);
    static const char *const codes[] = {"A", "B", "POP", "X_1"};
    static const double nums[] = {0, 1, 0.1, 100, 1e-7, 2.5e21, 123.456, 1.0 / 3};
    switch (pick) {
    case 0:
        n->kind = PS_FK_NUM;
        n->num = nums[rnd(8)];
        break;
    case 1:
        n->kind = PS_FK_REF;
        n->code = strdup(codes[rnd(4)]);
        break;
    case 2:
        n->kind = PS_FK_NEG;
        n->a = random_tree(depth - 1);
        break;
    case 3:
        n->kind = PS_FK_CALL;
        n->fn = (ps_ffn)rnd(6);
        n->a = random_tree(depth - 1);
        break;
    default:
        n->kind = (ps_fkind)(PS_FK_ADD + rnd(4));
        n->a = random_tree(depth - 1);
        n->b = random_tree(depth - 1);
        break;
    }
    return n;
}

TEST(random_round_trips)
{
    int failures = 0;
    for (int i = 0; i < 2000; i++) {
        ps_fnode *t = random_tree(6);
        char *s = ps_formula_to_string(t);
        char msg[256];
        ps_fnode *g = ps_formula_parse(s, msg, sizeof msg);
        if (!g || !ps_formula_equal(t, g)) {
            if (failures++ < 5)
                printf("random round trip failed: %s (%s)\n", s, g ? "differs" : msg);
        }
        free(s);
        ps_formula_free(g);
        ps_formula_free(t);
    }
    CHECK_INT(failures, 0);
}

TEST(random_garbage)
{
    /* any text either parses (and then round-trips) or gives a message */
    static const char alphabet[] = "aB1.e+-*/() _,x(p)ytdE9";
    char text[40];
    int bad = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned len = rnd(sizeof text - 1);
        for (unsigned k = 0; k < len; k++)
            text[k] = alphabet[rnd(sizeof alphabet - 1)];
        text[len] = '\0';
        char msg[256] = "";
        ps_fnode *f = ps_formula_parse(text, msg, sizeof msg);
        if (f) {
            if (!round_trips(text))
                bad++;
            ps_formula_free(f);
        } else if (msg[0] == '\0') {
            printf("no message for \"%s\"\n", text);
            bad++;
        }
    }
    CHECK_INT(bad, 0);
}

TEST(equal)
{
    ps_fnode *a = ps_formula_parse("A + ytd(B)", NULL, 0);
    ps_fnode *b = ps_formula_parse("(A)+YTD(B)", NULL, 0);
    ps_fnode *c = ps_formula_parse("A + prev(B)", NULL, 0);
    ps_fnode *d = ps_formula_parse("a + ytd(B)", NULL, 0);
    ps_fnode *e = ps_formula_parse("A + ytd(B) + 0", NULL, 0);
    CHECK(ps_formula_equal(a, b));
    CHECK(!ps_formula_equal(a, c));
    CHECK(!ps_formula_equal(a, d));
    CHECK(!ps_formula_equal(a, e));
    CHECK(!ps_formula_equal(a, NULL));
    CHECK(ps_formula_equal(NULL, NULL));
    ps_formula_free(a);
    ps_formula_free(b);
    ps_formula_free(c);
    ps_formula_free(d);
    ps_formula_free(e);
    ps_formula_free(NULL);
    char *s = ps_formula_to_string(NULL);
    CHECK_STR(s, "");
    free(s);
}

/* ---------------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------------- */

static void collect(const char *code, bool in_call, void *arg)
{
    char *out = arg;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s%s ", code, in_call ? "*" : "");
}

static const char *refs(const char *text)
{
    static char out[256];
    out[0] = '\0';
    ps_fnode *f = ps_formula_parse(text, NULL, 0);
    ps_formula_walk_refs(f, collect, out);
    ps_formula_free(f);
    return out;
}

TEST(walk_refs)
{
    CHECK_STR(refs("A + B * C"), "A B C ");
    CHECK_STR(refs("C * (B - A) / B"), "C B A B ");
    CHECK_STR(refs("ytd(A) / prev_year(ytd(A)) * 100 + B"), "A* A* B ");
    CHECK_STR(refs("-per_capita(GRDP + FDI) - X"), "GRDP* FDI* X ");
    CHECK_STR(refs("12 * 3"), "");
    CHECK_STR(refs("plan"), "plan ");
    char out[256] = "";
    ps_formula_walk_refs(NULL, collect, out);
    CHECK_STR(out, "");
}

TEST(uses_and_is_arithmetic)
{
    ps_fnode *f = ps_formula_parse("A / plan(B) + -prev(per_capita(C))", NULL, 0);
    CHECK(ps_formula_uses(f, PS_FN_PLAN));
    CHECK(ps_formula_uses(f, PS_FN_PREV));
    CHECK(ps_formula_uses(f, PS_FN_PER_CAPITA));
    CHECK(!ps_formula_uses(f, PS_FN_YTD));
    CHECK(!ps_formula_uses(f, PS_FN_PREV_YEAR));
    CHECK(!ps_formula_uses(f, PS_FN_PARENT));
    CHECK(!ps_formula_is_arithmetic(f));
    ps_formula_free(f);

    f = ps_formula_parse("(A + B) / -C * 100 - 1e3", NULL, 0);
    CHECK(ps_formula_is_arithmetic(f));
    for (int i = 0; i <= PS_FN_PER_CAPITA; i++)
        CHECK(!ps_formula_uses(f, (ps_ffn)i));
    ps_formula_free(f);

    f = ps_formula_parse("PLAN * 2", NULL, 0); /* a code, not the function */
    CHECK(ps_formula_is_arithmetic(f));
    CHECK(!ps_formula_uses(f, PS_FN_PLAN));
    ps_formula_free(f);

    CHECK(!ps_formula_uses(NULL, PS_FN_PLAN));
    CHECK(ps_formula_is_arithmetic(NULL));
}

/* ---------------------------------------------------------------------------
 * Evaluation
 * ------------------------------------------------------------------------- */

TEST(eval_arithmetic_and_missing)
{
    double v = -1;
    CHECK(ev("X", &v));
    CHECK_NEAR(v, 1300, 0); /* period 30, unit 1 */
    CHECK(ev("X / TWO + 1", &v));
    CHECK_NEAR(v, 651, 0);
    /* + and - are exact on the decimals (SPEC §5): never 0.30000000000000004 */
    CHECK(ev("0.1 + 0.2", &v));
    CHECK_NEAR(v, 0.3, 0);
    CHECK(ev("2112.3 + 952.9", &v));
    CHECK_NEAR(v, 3065.2, 0);
    CHECK(ev("0.3 - 0.1", &v));
    CHECK_NEAR(v, 0.2, 0);
    CHECK(ev("0.1 + 0.2 + 0.3 - 0.6", &v));
    CHECK_NEAR(v, 0, 0);
    CHECK(ev("X / 3 + 1", &v)); /* a third has no decimal form: added in double */
    CHECK_NEAR(v, 1300.0 / 3 + 1, 0);

    /* missing operand: no value, and *out untouched */
    v = 42;
    CHECK(!ev("MISS", &v));
    CHECK(!ev("X + MISS", &v));
    CHECK(!ev("MISS * 0", &v));
    CHECK(!ev("-MISS", &v));
    CHECK(!ev("NANV + 1", &v)); /* a non-finite value counts as missing */
    CHECK_NEAR(v, 42, 0);

    /* division by zero, whatever the numerator */
    CHECK(!ev("X / ZERO", &v));
    CHECK(!ev("0 / 0", &v));
    CHECK(!ev("X / (TWO - 2)", &v));
    CHECK(ev("ZERO / X", &v));
    CHECK_NEAR(v, 0, 0);

    /* overflow to inf */
    CHECK(!ev("BIG * 2", &v));
    CHECK(!ev("BIG + BIG", &v));
    CHECK(!ev("-BIG - BIG", &v));
    CHECK(!ev("BIG / 0.5", &v));
    CHECK(ev("BIG / 2 + BIG / 2", &v));
    CHECK_NEAR(v, DBL_MAX, 0);

    /* evaluation stops at the first missing operand */
    world w;
    memset(&w, 0, sizeof w);
    fctx c = {30, 1, M_ACTUAL};
    CHECK(!ev_at("MISS + X + X", c, &v, &w));
    CHECK_INT(w.value_calls, 1);

    /* bad arguments */
    ps_fnode *f = ps_formula_parse("X", NULL, 0);
    CHECK(!ps_formula_eval(NULL, &w_ops, &w, &c, &v));
    CHECK(!ps_formula_eval(f, NULL, &w, &c, &v));
    ps_formula_free(f);
}

TEST(eval_functions)
{
    world w;
    double v = 0;
    fctx c = {30, 1, M_ACTUAL};

    memset(&w, 0, sizeof w);
    CHECK(ev_at("prev_year(X)", c, &v, &w));
    CHECK_NEAR(v, 1180, 0);
    CHECK_STR(w.seen, "X@18.1.0 ");
    CHECK_INT(w.shift_calls, 1);

    memset(&w, 0, sizeof w);
    CHECK(ev_at("prev(X)", c, &v, &w));
    CHECK_NEAR(v, 1290, 0);

    memset(&w, 0, sizeof w);
    CHECK(ev_at("ytd(X)", c, &v, &w));
    CHECK_NEAR(v, 201300, 0);

    memset(&w, 0, sizeof w);
    CHECK(ev_at("plan(X)", c, &v, &w));
    CHECK_NEAR(v, 101300, 0);

    memset(&w, 0, sizeof w);
    CHECK(ev_at("parent(X)", c, &v, &w));
    CHECK_NEAR(v, 300, 0);

    /* per_capita divides by POP in the same context; never shifts */
    c.unit = 0;
    memset(&w, 0, sizeof w);
    CHECK(ev_at("per_capita(X)", c, &v, &w));
    CHECK_NEAR(v, 300.0 / 4, 0);
    CHECK_INT(w.shift_calls, 0);
    c.unit = 1; /* POP is 0 */
    CHECK(!ev_at("per_capita(X)", c, &v, &w));
    c.unit = 2; /* POP is missing */
    CHECK(!ev_at("per_capita(X)", c, &v, &w));
    c.unit = 1;
    CHECK(ev_at("parent(per_capita(X))", c, &v, &w)); /* POP of the parent */
    CHECK_NEAR(v, 300.0 / 4, 0);
    CHECK(!ev_at("per_capita(MISS)", c, &v, &w));

    /* nested shifts: the outer function shifts first */
    memset(&w, 0, sizeof w);
    CHECK(ev_at("prev_year(ytd(X))", c, &v, &w));
    CHECK_STR(w.seen, "X@18.1.2 ");
    CHECK_INT(w.shift_calls, 2);
    memset(&w, 0, sizeof w);
    CHECK(ev_at("ytd(X) / prev_year(ytd(X)) * 100", c, &v, &w));
    CHECK_NEAR(v, 201300.0 / 201180.0 * 100, 1e-15);
    CHECK_STR(w.seen, "X@30.1.2 X@18.1.2 ");
    memset(&w, 0, sizeof w);
    CHECK(ev_at("prev(prev(prev_year(X)))", c, &v, &w));
    CHECK_STR(w.seen, "X@16.1.0 ");
    /* a shift applies to every code of its argument */
    memset(&w, 0, sizeof w);
    CHECK(ev_at("parent(X - prev(X)) + X", c, &v, &w));
    CHECK_NEAR(v, 10 + 1300, 0);
    CHECK_STR(w.seen, "X@30.0.0 X@29.0.0 X@30.1.0 ");

    /* an impossible shift makes the call missing */
    CHECK(!ev_at("ytd(prev(X))", c, &v, &w)); /* prev in a year-to-date: none */
    memset(&w, 0, sizeof w);
    CHECK(ev_at("prev(ytd(X))", c, &v, &w));  /* the previous month's year-to-date */
    CHECK_STR(w.seen, "X@29.1.2 ");
    CHECK(!ev_at("parent(parent(X))", c, &v, &w));
    c.period = 5;
    CHECK(!ev_at("prev_year(X)", c, &v, &w));
    CHECK(!ev_at("X + prev_year(X)", c, &v, &w));
    CHECK(ev_at("X + prev(X)", c, &v, &w));
    CHECK_NEAR(v, 1050 + 1040, 0);

    /* ops without shift or per_capita_pop: those calls are missing */
    ps_feval_ops bare = {w_value, NULL, NULL, sizeof(fctx)};
    ps_fnode *f = ps_formula_parse("ytd(X)", NULL, 0);
    CHECK(!ps_formula_eval(f, &bare, &w, &c, &v));
    ps_formula_free(f);
    f = ps_formula_parse("per_capita(X)", NULL, 0);
    CHECK(!ps_formula_eval(f, &bare, &w, &c, &v));
    ps_formula_free(f);
    f = ps_formula_parse("X * 2", NULL, 0);
    CHECK(ps_formula_eval(f, &bare, &w, &c, &v));
    CHECK_NEAR(v, 2100, 0);
    ps_formula_free(f);
}

/* A context too large for the evaluator's stack buffer. */
typedef struct bigctx {
    int period;
    double pad[100];
    int last;
} bigctx;

static bool big_value(void *self, const void *ctx, const char *code, double *v)
{
    const bigctx *c = ctx;
    (void)self;
    (void)code;
    if (c->last != c->period)
        return false; /* the whole context must have been copied */
    *v = c->period + c->pad[99];
    return true;
}

static bool big_shift(void *self, const void *ctx, ps_ffn fn, void *out)
{
    bigctx *o = out;
    (void)self;
    (void)fn;
    memcpy(o, ctx, sizeof *o);
    o->period -= 12;
    o->last = o->period;
    return true;
}

TEST(eval_large_context)
{
    bigctx c;
    memset(&c, 0, sizeof c);
    c.period = 40;
    c.last = 40;
    c.pad[99] = 0.5;
    ps_feval_ops ops = {big_value, big_shift, NULL, sizeof(bigctx)};
    ps_fnode *f = ps_formula_parse("prev_year(prev_year(X)) + X", NULL, 0);
    double v = 0;
    CHECK(ps_formula_eval(f, &ops, NULL, &c, &v));
    CHECK_NEAR(v, 16.5 + 40.5, 0);
    ps_formula_free(f);
}

/* A POP table for per_capita's population: keys of periods that have one,
 * and the periods asked for, in order. */
typedef struct pop_table {
    int keys[4], n;
    double vals[4];
    int asked[8], nasked;
    int stop_at;  /* a period key whose look-up fails (-1), 0: none */
} pop_table;

static int pop_get(void *arg, ps_period q, bool fallback, double *pop)
{
    pop_table *t = arg;
    int k = ps_period_key(q);
    if (t->nasked < 8)
        t->asked[t->nasked++] = fallback ? -k : k;
    if (k == t->stop_at)
        return -1;
    for (int i = 0; i < t->n; i++)
        if (t->keys[i] == k) {
            *pop = t->vals[i];
            return 1;
        }
    return 0;
}

TEST(per_capita_pop_fallback)
{
    ps_period jul = ps_period_month(2016, 7);
    int k2016 = ps_period_key(ps_period_make(PS_P_YEAR, 2016, 0));
    int k2015 = ps_period_key(ps_period_make(PS_P_YEAR, 2015, 0));
    double pop = 0;
    bool carried = true;
    /* the period's own POP: no stand-in */
    pop_table own = {{ps_period_key(jul), k2016}, 2, {1300, 1299}, {0}, 0, 0};
    CHECK(ps_formula_per_capita_pop(jul, pop_get, &own, &pop, &carried));
    CHECK_NEAR(pop, 1300, 0);
    CHECK(!carried);
    CHECK_INT(own.nasked, 1);
    /* none for July nor 2016: the year before stands in, asked in that order */
    pop_table prev = {{k2015}, 1, {1250}, {0}, 0, 0};
    CHECK(ps_formula_per_capita_pop(jul, pop_get, &prev, &pop, &carried));
    CHECK_NEAR(pop, 1250, 0);
    CHECK(carried);
    CHECK_INT(prev.nasked, 3);
    CHECK_INT(prev.asked[0], ps_period_key(jul));
    CHECK_INT(prev.asked[1], -k2016);
    CHECK_INT(prev.asked[2], -k2015);
    /* nothing two years back is looked at */
    pop_table none = {{ps_period_key(ps_period_make(PS_P_YEAR, 2014, 0))}, 1, {1200}, {0}, 0, 0};
    CHECK(!ps_formula_per_capita_pop(jul, pop_get, &none, &pop, &carried));
    CHECK_INT(none.nasked, 3);
    /* a failed look-up stops the search */
    pop_table fails = {{k2015}, 1, {1250}, {0}, 0, k2016};
    CHECK(!ps_formula_per_capita_pop(jul, pop_get, &fails, &pop, &carried));
    CHECK_INT(fails.nasked, 2);
}

int main(void)
{
    RUN(precedence_and_associativity);
    RUN(functions);
    RUN(numbers);
    RUN(error_messages);
    RUN(limits);
    RUN(deepest_accepted_prints_back);
    RUN(round_trips);
    RUN(random_round_trips);
    RUN(random_garbage);
    RUN(equal);
    RUN(walk_refs);
    RUN(uses_and_is_arithmetic);
    RUN(eval_arithmetic_and_missing);
    RUN(eval_functions);
    RUN(eval_large_context);
    RUN(per_capita_pop_fallback);
    return check_done();
}
