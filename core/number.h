/* number.h - reading numbers as offices write them, writing them exactly.
 *
 * Reading: three formats.
 *   plain  `1234.5`, `-3`, `1.5e6`, `+2`        ('.' decimal, no grouping)
 *   vi     `1.234,5`, `9,2`, `1 234,5`          ('.', space or no-break
 *          space U+00A0 / U+202F groups of three, ',' decimal)
 *   en     `1,234.5`                            (',' groups of three, '.' decimal)
 * Every format accepts a leading '+' or '-', and (allow_percent) one
 * trailing '%'. Surrounding spaces are ignored.
 *
 * Marks of Vietnamese tables are recognised before numbers:
 *   `-`, `–` (U+2013), `—` (U+2014)      PS_NUM_NONE_OCCURRED (value 0)
 *   `..`  `...` (and `…` U+2026)         PS_NUM_NA_DOTS
 *   `x` / `X`                             PS_NUM_NA_X
 *   empty or spaces only                  PS_NUM_EMPTY
 *
 * No locale is involved anywhere (never strtod under a user locale).
 */
#ifndef PS_NUMBER_H
#define PS_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ps_numfmt { PS_NF_PLAIN = 0, PS_NF_VI = 1, PS_NF_EN = 2 } ps_numfmt;

typedef enum ps_num_kind {
    PS_NUM_VALUE = 0,         /* a number; *value set */
    PS_NUM_NONE_OCCURRED,     /* '-': nothing occurred; *value = 0 */
    PS_NUM_NA_DOTS,           /* '..', '...': not collected */
    PS_NUM_NA_X,              /* 'x': not collected */
    PS_NUM_EMPTY,             /* empty cell: not collected */
    PS_NUM_BAD,               /* not a number in this format: msg explains */
    PS_NUM_AMBIGUOUS          /* plain `2.611` with more decimals than allowed,
                                 also valid Vietnamese grouping: msg states both */
} ps_num_kind;

/* Parses text in format fmt. max_decimals is the indicator's decimals
 * (0..6), used only for the plain-format ambiguity check; pass -1 to skip
 * that check. On PS_NUM_BAD / PS_NUM_AMBIGUOUS, writes into msg a one-line
 * reason that, where another format would read the text, names it, e.g.
 * "1.234,5 is not a plain number; with --number-format vi it reads 1234.5".
 * The result is always finite: overflow is PS_NUM_BAD. */
ps_num_kind ps_number_parse(const char *text, ps_numfmt fmt, bool allow_percent,
                            int max_decimals, double *value, char *msg, size_t msgsz);

/* "plain", "vi", "en" -> format; returns false for other text. */
bool ps_numfmt_parse(const char *text, ps_numfmt *out);
const char *ps_numfmt_name(ps_numfmt fmt);

/* Locale-free strtod for the plain grammar only ([+-]digits[.digits][e[+-]digits]);
 * returns false unless the whole string is consumed and the result is finite. */
bool ps_number_strtod(const char *text, double *value);

/* Writes v in the shortest form that reads back to the same double (tries
 * %.15g, %.16g, %.17g, in the C locale), with no exponent for magnitudes
 * from 1e-5 to below 1e15: 9.2, 109.2, 0.1, 1234567, -0.5. -0 prints "0".
 * buf must hold PS_NUMBER_BUFSZ bytes. Returns buf. v must be finite. */
#define PS_NUMBER_BUFSZ 40
char *ps_number_format(double v, char *buf);

/* Rounds half away from zero to `decimals` places (as Excel displays),
 * correcting for binary representation: 62.25 -> 62.3, 2.675 -> 2.68,
 * -0.5 -> -1 at 0 places. */
double ps_number_round(double v, int decimals);

/* Writes v rounded half away from zero to `decimals` places, for terminal
 * tables, with grouping when fmt is vi ("1.234,5") or en ("1,234.5"), none
 * for plain. Returns buf (PS_NUMBER_BUFSZ bytes). */
char *ps_number_format_fixed(double v, int decimals, ps_numfmt fmt, char *buf);

#endif
