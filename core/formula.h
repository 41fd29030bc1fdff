/* formula.h - the formula language of derived indicators and rules.
 *
 * Grammar (SPEC §5):
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary)*
 *   unary  := '-' unary | '+' unary | primary
 *   primary:= NUMBER | CODE | FUNC '(' expr ')' | '(' expr ')'
 *   FUNC   := prev_year | prev | ytd | plan | parent | per_capita
 * Binary operators are left-associative (a - b - c is (a - b) - c); a unary
 * sign binds tighter than '*' and '/' (-a * b is (-a) * b, 2 * -3 is
 * accepted). A unary '+' leaves no node in the tree.
 *
 * NUMBER is plain, with '.' as the decimal mark and never a locale's:
 *   DIGITS ('.' DIGITS)? (('e' | 'E') ('+' | '-')? DIGITS)?
 * so 12, 0.5, 1e3, 1.5E+6 and 2e-3 are numbers, while .5, 5., 1,5, 1e and
 * 12abc are refused ("a number is badly written at character N: .5 ...").
 * A number too large for a double (1e999) is refused too. A number never
 * carries a sign: -5 is the unary minus applied to 5.
 *
 * CODE is an indicator code: an ASCII letter followed by letters, digits
 * and '_'. It is kept as written (codes are upper case in the catalog; the
 * parser does not check that they exist). A name followed by '(' (spaces
 * between are allowed) is a function call: the function names are matched
 * case-insensitively, and any other name there is an unknown function.
 * A function name not followed by '(' is an ordinary code. Spaces, tabs,
 * line breaks and no-break spaces (U+00A0, U+202F) between tokens are
 * ignored.
 *
 * A function's argument may be any expression: it is evaluated with the
 * function's shift applied (another period, the plan, the parent unit).
 *
 * Limits against hostile input (both refused with a message naming the
 * character): at most PS_FORMULA_MAX_NESTING levels of parentheses,
 * function calls and signs nested inside one another, and a tree at most
 * PS_FORMULA_MAX_HEIGHT nodes high (a chain of about that many operators).
 * Every recursive function below relies on trees that respect these limits,
 * which all trees made by ps_formula_parse() do.
 *
 * Positions in messages are 1-based and count characters (UTF-8 code
 * points), not bytes; the end of the text is its length + 1.
 */
#ifndef PS_FORMULA_H
#define PS_FORMULA_H

#include "core/period.h"

#include <stdbool.h>
#include <stddef.h>

#define PS_FORMULA_MAX_NESTING 200
#define PS_FORMULA_MAX_HEIGHT 1000

typedef enum ps_fkind {
    PS_FK_NUM, PS_FK_REF, PS_FK_NEG, PS_FK_ADD, PS_FK_SUB, PS_FK_MUL, PS_FK_DIV, PS_FK_CALL
} ps_fkind;

typedef enum ps_ffn {
    PS_FN_PREV_YEAR, PS_FN_PREV, PS_FN_YTD, PS_FN_PLAN, PS_FN_PARENT, PS_FN_PER_CAPITA
} ps_ffn;

typedef struct ps_fnode {
    ps_fkind kind;
    double num;             /* PS_FK_NUM: finite and >= 0 when parsed */
    char *code;             /* PS_FK_REF: owned */
    ps_ffn fn;              /* PS_FK_CALL */
    struct ps_fnode *a, *b; /* operands: NEG and CALL use a; binary ops a, b */
} ps_fnode;

/* Parses text (NULL reads as empty). Returns an owned tree (free it with
 * ps_formula_free), or NULL with a one-line reason in msg naming the
 * position and what was expected. The messages are:
 *   "the formula is empty"
 *   "unexpected ')' at character 7"
 *   "unexpected B at character 3: expected an operator"
 *   "unexpected character '%' at character 3"  (also "... : the decimal
 *       mark in formulas is '.'" for 1,5)
 *   "expected ')' at character 12 to close the '(' at character 5"
 *   "missing operand after '+' at character 9"   (the '+' is there)
 *   "missing operand before '*' at character 1"
 *   "unknown function sqrt at character 1: functions are prev_year, prev,
 *       ytd, plan, parent, per_capita"
 *   "a number is badly written at character 3: 1.2.3"
 *   "the number 1e999 at character 3 is too large"
 *   "the formula is nested too deeply at character N: ..."
 *   "the formula is too long at character N: ..."
 * msg may be NULL or msgsz 0; on success msg is set to "". */
ps_fnode *ps_formula_parse(const char *text, char *msg, size_t msgsz);
/* Frees a tree and everything in it; NULL does nothing. */
void ps_formula_free(ps_fnode *f);

/* Calls fn(code, in_call, arg) for every indicator code the formula names,
 * in order of appearance (left to right, repeats included); in_call is true
 * when the code is inside a function (at any depth). code is borrowed from
 * the tree. f may be NULL (no calls). */
void ps_formula_walk_refs(const ps_fnode *f,
                          void (*fn)(const char *code, bool in_call, void *arg), void *arg);
/* True when the formula calls function fn somewhere (NULL: false). */
bool ps_formula_uses(const ps_fnode *f, ps_ffn fn);
/* True when the formula uses only numbers, codes and + - * / (no function);
 * NULL gives true. */
bool ps_formula_is_arithmetic(const ps_fnode *f);

/* --- evaluation -------------------------------------------------------
 * The evaluator knows nothing of the database: a context (ctx) is an opaque
 * value of the caller's choice (typically unit, period and measure), and the
 * ops say how to read a code's value in a context and how each function
 * shifts a context. */
typedef struct ps_feval_ops {
    /* Returns true and sets *v when the indicator `code` has a value in
     * context ctx; false when missing. Called once for each code reached
     * during one evaluation (evaluation stops at the first missing operand),
     * so an implementation may gather coverage, status or flags in self. A
     * derived code is the implementation's to compute (e.g. by evaluating
     * its own formula). A non-finite *v counts as missing. */
    bool (*value)(void *self, const void *ctx, const char *code, double *v);
    /* Makes the shifted context for function fn applied in context ctx,
     * writing it into out (an opaque buffer of ctx_size bytes, suitably
     * aligned for any type); returns false when the shift is impossible
     * (e.g. no previous period), which makes the call's result missing.
     * Never called for PS_FN_PER_CAPITA. NULL: every shift is impossible. */
    bool (*shift)(void *self, const void *ctx, ps_ffn fn, void *out);
    /* For per_capita: the POP value for ctx; false when missing. NULL: every
     * per_capita is missing. */
    bool (*per_capita_pop)(void *self, const void *ctx, double *pop);
    /* Size of a context in bytes. Contexts of up to 256 bytes are shifted
     * in stack buffers; larger ones are allocated. */
    size_t ctx_size;
} ps_feval_ops;

/* Evaluates f in context ctx (borrowed). Returns true with a finite *out,
 * or false (leaving *out untouched) when any operand is missing, a division
 * by zero happens, or a result is not finite (never returns inf or NaN).
 * PS_FN_PER_CAPITA(x) is the value of x in ctx divided by per_capita_pop(ctx)
 * (a POP of 0 makes it missing); every other function shifts the context
 * with ops->shift and evaluates its argument in the shifted context, so in
 * prev_year(ytd(X)) prev_year shifts ctx first and ytd shifts the result.
 * + and - are exact on their operands' decimals (SPEC §5 "Sums are exact",
 * core/decsum.h): 2112.3 + 952.9 is 3065.2; * and / are in double. */
bool ps_formula_eval(const ps_fnode *f, const ps_feval_ops *ops, void *self,
                     const void *ctx, double *out);

/* The period a function looks at from period *p: prev_year(X) the same
 * period a year earlier, prev(X) the previous one of the same type (none
 * for a year-to-date), ytd(X) the year-to-date to p's last month, plan(X)
 * p's year, with *plan set. parent and per_capita leave *p as it is.
 * Returns false when there is no such period. Every evaluator (ingest's
 * rules, the engine, check) shifts periods through this one function. */
bool ps_formula_shift_period(ps_ffn fn, ps_period *p, bool *plan);

/* The population per_capita(X) divides by (SPEC §5): POP for the same unit
 * and period p, or, where there is none, the latest POP of the same or the
 * previous year (the year of p, then the one before), which then stands in
 * (the caller flags it carried). get(arg, q, fallback, pop) looks POP up
 * for period q (fallback: q is a year standing in for p) and returns 1 with
 * *pop when it has one, 0 when it has none, -1 to stop (an error the caller
 * noted). Returns true with *pop, and *carried true when a year stood in;
 * false when no POP was found or get stopped. Every evaluator (the engine,
 * ingest's rules) finds per_capita's population through this function. */
bool ps_formula_per_capita_pop(ps_period p, int (*get)(void *arg, ps_period q, bool fallback, double *pop),
                               void *arg, double *pop, bool *carried);

#endif
