/* formula_int.h - what only the formula module and its tests use: the
 * canonical text of a tree, function names, tree equality. */
#ifndef PS_FORMULA_INT_H
#define PS_FORMULA_INT_H

#include "core/formula.h"

/* The canonical text ("function" names lower case, single spaces around
 * binary operators, minimal parentheses, codes as written, numbers in the
 * shortest form that reads back to the same double, e.g. 0.1, 1e+20); owned.
 * Parsing it gives a tree equal (ps_formula_equal) to f for any tree made by
 * ps_formula_parse. A double minus is written "- -a"
 * (no parentheses, so the text nests no deeper than the parsed one did). NULL gives "". */
char *ps_formula_to_string(const ps_fnode *f);
/* The function's name in lower case, e.g. "prev_year"; "?" for a value
 * outside the enum. Static storage. */
const char *ps_formula_fn_name(ps_ffn fn);
/* Looks a function name up, case-insensitively ("YTD" -> PS_FN_YTD);
 * false when name is not a function. */
bool ps_formula_fn_lookup(const char *name, ps_ffn *fn);
/* True when the two trees have the same shape, codes (case-sensitive),
 * functions and numbers (compared with ==). NULL equals only NULL. */
bool ps_formula_equal(const ps_fnode *x, const ps_fnode *y);

#endif
