/* period.h - reporting periods: years, halves, quarters, months, year-to-date.
 *
 * Canonical text: `2016`, `2016-S1`, `2016-Q3`, `2016-07`, `2016-YTD07`
 * (January to July; a year-to-date to December is the year itself and is
 * always represented as PS_P_YEAR). Years 1900..2100.
 *
 * Input forms accepted by ps_period_parse (any letter case, surrounding
 * spaces ignored): the canonical forms, `2016M07`, `2016-M07`, `07/2016`,
 * `7/2016`, `T7/2016`, `T07/2016`, `2016Q3`, `Q3/2016`, `2016-A` (a year),
 * `2016-H1` and `2016H1` (a half), `2016-YTD7`, and SDMX time ranges that start on 1 January:
 * `2016-01-01/P7M` (year-to-date), `2016-01-01/P12M` and `2016-01-01/P1Y`
 * (the year); other starts are refused. Also read, as harmless variants:
 * `2016-7`, `2016/07`, `7-2016`, `T7-2016`, `Q3-2016`, `2016S1`, `2016A`,
 * `2016-A1` (SDMX's year), `2016YTD07`.
 *
 * What Excel does to a period is recognised and refused with a hint that
 * gives the period to write: `Jul-16`, `Jul-2016`, `16-Jul`, `1-Jul-16`,
 * `7/1/2016` (month/day), `01/07/2016` (day/month), `2016-07-01`, the same
 * with a time (`7/1/2016 0:00`), and date serial numbers of the first day
 * of a month such as `42552` (2016-07-01).
 *
 * A ps_period is a small value type, passed by value.
 */
#ifndef PS_PERIOD_H
#define PS_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ps_period_type {
    PS_P_NONE = 0,    /* not a period (parse failure, "no previous") */
    PS_P_MONTH = 1,
    PS_P_QUARTER = 2,
    PS_P_HALF = 3,
    PS_P_YEAR = 4,
    PS_P_YTD = 5      /* January to month `num` (1..11) */
} ps_period_type;

typedef struct ps_period {
    short year;        /* 1900..2100 */
    unsigned char type;/* ps_period_type */
    unsigned char num; /* month 1-12, quarter 1-4, half 1-2, ytd 1-11, year 0 */
} ps_period;

/* Longest canonical text plus NUL ("2016-YTD07"); SDMX needs more. */
#define PS_PERIOD_BUFSZ 24

/* Parses text into *out (borrowed; nothing is kept). On success returns
 * true and msg is set to "". On failure returns false, sets *out to a
 * period of type PS_P_NONE and writes a one-line reason without a newline
 * into msg (if msg is not NULL; truncated to msgsz), e.g.
 *   "month 13 does not exist: months are 01 to 12"
 *   "quarter 5 does not exist: quarters are Q1 to Q4"
 *   "year 0 is outside 1900 to 2100"
 *   "Jul-16 looks like a date that Excel made from a period; write the
 *    period as 2016-07"
 *   "42552 looks like an Excel date serial number (2016-07-01); write the
 *    period as 2016-07"
 *   "only SDMX time ranges starting on 1 January are accepted, ..."
 *   "'abc' is not a period: write a year (2016), a half (2016-S1), ..."
 * text NULL is read as empty ("the period is empty"). */
bool ps_period_parse(const char *text, ps_period *out, char *msg, size_t msgsz);

/* Writes the canonical text of p (buf of PS_PERIOD_BUFSZ); returns buf.
 * An invalid p (ps_period_valid false) gives "". */
char *ps_period_format(ps_period p, char *buf);
/* Writes the SDMX TIME_PERIOD: 2016, 2016-S1, 2016-Q3, 2016-07, and a
 * year-to-date as 2016-01-01/P7M. Returns buf. */
char *ps_period_format_sdmx(ps_period p, char *buf);

/* Constructors. A YTD with month 12 returns the year; for a year, num is
 * ignored (stored as 0). A year outside 1900..2100, an unknown type or a
 * num outside the type's range (month 1-12, quarter 1-4, half 1-2, ytd
 * 1-12) gives a period of type PS_P_NONE. */
ps_period ps_period_month(int year, int month);
ps_period ps_period_make(ps_period_type type, int year, int num);

/* True when p is a period that a constructor can return (never PS_P_NONE). */
bool ps_period_valid(ps_period p);
/* First and last calendar month (1..12) that p covers; 0 when p is invalid. */
int ps_period_first_month(ps_period p);
int ps_period_last_month(ps_period p);
/* The first and last month p covers as year * 12 + month - 1, a count on
 * which months of different years compare; 0 and -1 when p is invalid. */
void ps_period_month_span(ps_period p, int *first, int *last);
/* Number of months inside p; 0 when p is invalid. */
int ps_period_month_count(ps_period p);

/* The previous period of the same type (2016-01 -> 2015-12, 2016-Q1 ->
 * 2015-Q4, 2016 -> 2015). A YTD has no previous: returns type PS_P_NONE.
 * Also PS_P_NONE when the result would leave 1900..2100. */
ps_period ps_period_prev(ps_period p);
/* The next period of the same type; PS_P_NONE for YTD or out of range. */
ps_period ps_period_next(ps_period p);
/* The same period one year earlier, a year-to-date included (PS_P_NONE
 * before 1900). */
ps_period ps_period_prev_year(ps_period p);
/* The year-to-date that ends with p's last month (a year for December; a
 * year-to-date gives itself). */
ps_period ps_period_ytd_of(ps_period p);
/* The period of `type` (month, quarter, half, year) that contains month m of
 * year y; for PS_P_YTD the year-to-date ending with month m. PS_P_NONE when
 * y or m is out of range. */
ps_period ps_period_containing(ps_period_type type, int year, int month);

/* True when every month of inner lies inside outer (same year; both valid). */
bool ps_period_contains(ps_period outer, ps_period inner);
/* Orders periods: by year, then type rank (year, halves, quarters, months,
 * year-to-date), then number. Returns -1, 0, 1. */
int ps_period_cmp(ps_period a, ps_period b);
bool ps_period_eq(ps_period a, ps_period b);

/* A compact integer that sorts like ps_period_cmp and round-trips:
 * year*1000 + rank*100 + num, with rank 0 year, 1 half, 2 quarter,
 * 3 month, 4 ytd (2016-07 is 2016307, 2016-YTD07 2016407, 2016 2016000).
 * Used as the period key in the database. An invalid period gives 0;
 * ps_period_from_key gives PS_P_NONE for any key ps_period_key never
 * returns. */
int ps_period_key(ps_period p);
ps_period ps_period_from_key(int key);

/* Frequencies, as indicators declare them: "month", "quarter", "half",
 * "year", in any letter case. Returns PS_P_NONE for other text (an empty
 * cell included: the caller applies the default) and for NULL. */
ps_period_type ps_frequency_parse(const char *text);
/* "month", "quarter", "half", "year"; "year-to-date" for PS_P_YTD; "" for
 * PS_P_NONE. Static strings. */
const char *ps_frequency_name(ps_period_type t);
/* The word for a period type in the thread's language (core/msg.h), for
 * messages: "month" / "tháng"; in English the same as ps_frequency_name. */
const char *ps_period_type_word(ps_period_type t);
/* The number of months of a frequency (month 1, quarter 3, half 6, year
 * 12); 0 for PS_P_YTD and PS_P_NONE. */
int ps_frequency_months(ps_period_type t);

/* Lists every period of `type` whose months lie inside p, in order; e.g.
 * the months of 2016-Q3, the quarters of 2016, the months of 2016-YTD07
 * (the parts of type PS_P_YTD of 2016-YTD07 are YTD01 to YTD07).
 * Writes at most max items into out (which may be NULL when max is 0) and
 * returns how many there are; 0 for an invalid p. */
int ps_period_parts(ps_period p, ps_period_type type, ps_period *out, int max);

#endif
