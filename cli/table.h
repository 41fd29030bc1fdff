/* table.h - terminal tables, CSV and JSON writers for command output.
 *
 * A ps_table collects rows of text cells and prints them aligned, counting
 * display columns (Vietnamese letters are one column, combining marks none).
 * The CSV writer follows RFC 4180; the JSON writer escapes strings.
 */
#ifndef PS_TABLE_H
#define PS_TABLE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct ps_table ps_table;

/* A table with ncols columns and the given header cells (copied). */
ps_table *ps_table_new(int ncols, const char *const *header);
/* Marks column c as numeric: right-aligned. */
void ps_table_align_right(ps_table *t, int c);
/* Appends a row; cells are copied; NULL prints as empty. */
void ps_table_add(ps_table *t, const char *const *cells);
void ps_table_print(const ps_table *t, FILE *out);
void ps_table_free(ps_table *t);

/* Writes one CSV field (quoted when needed) followed by sep (',' or '\n').
 * With guard, text a spreadsheet would read as a formula gets a leading '. */
void ps_csv_field(FILE *out, const char *s, char sep, bool guard);
/* Writes a whole CSV row of n fields. */
void ps_csv_row(FILE *out, const char *const *cells, int n, bool guard);

/* Writes s as a JSON string literal (with quotes); NULL writes null. */
void ps_json_string(FILE *out, const char *s);

#endif
