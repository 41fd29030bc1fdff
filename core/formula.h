/* formula.h - the formula language of derived indicators and rules.
 *
 * Grammar (SPEC §5):
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary)*
 *   unary  := '-' unary | '+' unary | primary
 *   primary:= NUMBER | CODE | FUNC '(' expr ')' | '(' expr ')'
 *   FUNC   := prev_year | prev | ytd | plan | parent | per_capita
 * NUMBER is plain ('.' decimal, optional exponent). CODE is an indicator
 * code: an ASCII letter followed by letters, digits and '_'; codes are
 * upper case in the catalog, and function names are matched case-
 * insensitively only when followed by '('. Spaces are ignored.
 *
 * A function's argument may be any expression: it is evaluated with the
 * function's shift applied (another period, the plan, the parent unit).
 */
#ifndef PS_FORMULA_H
#define PS_FORMULA_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ps_fkind {
    PS_FK_NUM, PS_FK_REF, PS_FK_NEG, PS_FK_ADD, PS_FK_SUB, PS_FK_MUL, PS_FK_DIV, PS_FK_CALL
} ps_fkind;

typedef enum ps_ffn {
    PS_FN_PREV_YEAR, PS_FN_PREV, PS_FN_YTD, PS_FN_PLAN, PS_FN_PARENT, PS_FN_PER_CAPITA
} ps_ffn;

typedef struct ps_fnode {
    ps_fkind kind;
    double num;             /* PS_FK_NUM */
    char *code;             /* PS_FK_REF: owned */
    ps_ffn fn;              /* PS_FK_CALL */
    struct ps_fnode *a, *b; /* operands: NEG and CALL use a; binary ops a, b */
} ps_fnode;

/* Parses text. Returns an owned tree, or NULL with a one-line reason in msg
 * naming the position, e.g. "unexpected ')' at character 7", "unknown
 * function sqrt at character 1", "the formula is empty". */
ps_fnode *ps_formula_parse(const char *text, char *msg, size_t msgsz);
void ps_formula_free(ps_fnode *f);

/* Calls fn(code, in_call, arg) for every indicator code the formula names,
 * in order of appearance (repeats included); in_call is true when the code
 * is inside a function. */
void ps_formula_walk_refs(const ps_fnode *f,
                          void (*fn)(const char *code, bool in_call, void *arg), void *arg);
/* True when the formula calls function fn somewhere. */
bool ps_formula_uses(const ps_fnode *f, ps_ffn fn);
/* True when the formula uses only numbers, codes and + - * / (no function). */
bool ps_formula_is_arithmetic(const ps_fnode *f);
/* The canonical text ("function" names lower case, single spaces around
 * binary operators, minimal parentheses); owned. */
char *ps_formula_to_string(const ps_fnode *f);
const char *ps_formula_fn_name(ps_ffn fn);

#endif
