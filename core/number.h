/* number.h - reading numbers as offices write them, writing them exactly.
 *
 * Reading: three formats.
 *   plain  `1234.5`, `-3`, `1.5e6`, `+2`        ('.' decimal, no grouping)
 *   vi     `1.234,5`, `9,2`, `1 234,5`          ('.', space or no-break
 *          space U+00A0 / U+202F groups of three, ',' decimal)
 *   en     `1,234.5`                            (',' groups of three, '.' decimal)
 * Every format accepts a leading '+' or '-' (or U+2212 MINUS SIGN), and
 * (allow_percent) one trailing '%', which does not scale the value ("12%"
 * is 12: the indicator's unit is %). Surrounding spaces (ASCII, U+00A0,
 * U+202F) are ignored. A grouped number has one kind of separator, groups
 * of exactly three digits after the first group of one to three, and does
 * not start with 0 ("1.23,4" and "0.500" are not vi). vi and en take no
 * exponent. "-0" reads as 0.
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
 * "1.234,5 is not a plain number; with --number-format vi it reads 1234.5",
 * "2.611 is ambiguous: as a plain number it is 2.611, in Vietnamese grouping
 * it is 2611; the indicator has 0 decimals. Write 2611 or use
 * --number-format vi", "12% has a % sign, but the indicator's unit is not %",
 * "1e999 is too large to be a number". On success msg is "".
 * *value (value may be NULL) is set for PS_NUM_VALUE and PS_NUM_NONE_OCCURRED
 * only; otherwise it is left untouched. The result is always finite:
 * overflow is PS_NUM_BAD. text NULL reads as empty. */
ps_num_kind ps_number_parse(const char *text, ps_numfmt fmt, bool allow_percent,
                            int max_decimals, double *value, char *msg, size_t msgsz);

/* "plain", "vi", "en" (any letter case) -> format; returns false for other
 * text and leaves *out untouched. */
bool ps_numfmt_parse(const char *text, ps_numfmt *out);
/* "plain", "vi", "en"; a static string. */
const char *ps_numfmt_name(ps_numfmt fmt);

/* Locale-free strtod for the plain grammar only ([+-]digits[.digits][e[+-]digits]);
 * returns false unless the whole string is consumed (no spaces) and the
 * result is finite. Correctly rounded (strtod in the "C" locale). */
bool ps_number_strtod(const char *text, double *value);

/* Writes v in the shortest form that reads back to the same double (tries
 * %.15g, %.16g, %.17g, in the C locale), with no exponent for magnitudes
 * from 1e-5 to below 1e15: 9.2, 109.2, 0.1, 1234567, -0.5, 0.00001. Other
 * magnitudes take an exponent: 1e+15, 1.5e-7. -0 prints "0". The text reads
 * back exactly through ps_number_strtod and ps_number_parse (plain).
 * buf must hold PS_NUMBER_BUFSZ bytes. Returns buf. v must be finite (NaN
 * and infinities print "nan", "inf", "-inf", which nothing reads back). */
#define PS_NUMBER_BUFSZ 40
char *ps_number_format(double v, char *buf);

/* Rounds half away from zero to `decimals` places (as Excel displays),
 * correcting for binary representation: the value is first taken to 15
 * significant decimal digits, as Excel does, and that decimal is rounded:
 * 62.25 -> 62.3, 2.675 -> 2.68, 1.005 -> 1.01, -0.5 -> -1 at 0 places.
 * Returns the double nearest to the rounded decimal; never -0 (a result of
 * zero is +0). Negative decimals round to tens, hundreds...; values that
 * have no digit beyond the 15th at that place come back unchanged. */
double ps_number_round(double v, int decimals);

/* Writes v rounded half away from zero to `decimals` places, for terminal
 * tables, with grouping when fmt is vi ("1.234,5") or en ("1,234.5"), none
 * for plain. decimals is clamped to 0..15. A value that rounds to zero has
 * no minus sign ("0.0"). Text that would not fit in the buffer (a very
 * large |v|, beyond about 1e18 with grouping and many decimals) falls back
 * to ps_number_format (with ',' as decimal mark in vi). Returns buf
 * (PS_NUMBER_BUFSZ bytes). */
char *ps_number_format_fixed(double v, int decimals, ps_numfmt fmt, char *buf);
/* strlen of what ps_number_format_fixed writes, mostly without writing it
 * (for column widths). */
size_t ps_number_fixed_len(double v, int decimals, ps_numfmt fmt);

#endif
