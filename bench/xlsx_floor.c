/* xlsx_floor.c - the floor of the report benchmark: a bare loop over libxlsxwriter writing given cells. */
/*
 * usage: xlsx_floor CELLS.tsv OUT.xlsx
 *
 * CELLS.tsv is the cell dump that bench/report.sh takes, untimed, from
 * provstat's own report (one line per cell, in row order within a sheet):
 *   S <tab> sheet name             starts a sheet
 *   n <tab> row <tab> col <tab> v  a number (row and col from 0)
 *   s <tab> row <tab> col <tab> t  a text, with \t, \n and \\ escaped
 * The program writes the same sheets and cells with no formats, charts or
 * data behind them, in libxlsxwriter's constant-memory mode (cells are
 * written row by row and flushed), so it is the least a report of these
 * cells can cost. Build: cc -O2 -o xlsx_floor bench/xlsx_floor.c -lxlsxwriter
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: xlsx_floor CELLS.tsv OUT.xlsx\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 3;
    }
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(argv[2], &opt);
    lxw_worksheet *ws = NULL;
    static char line[1 << 16];
    long cells = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == 'S') {
            ws = workbook_add_worksheet(wb, line + 2);
            continue;
        }
        char *p = line + 2, *end;
        long r = strtol(p, &end, 10);
        long c = strtol(end + 1, &end, 10);
        char *v = end + 1;
        if (!ws)
            continue;
        if (line[0] == 'n') {
            worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, strtod(v, NULL), NULL);
        } else {
            unescape(v);
            worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, v, NULL);
        }
        cells++;
    }
    fclose(in);
    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        fprintf(stderr, "xlsx_floor: %s\n", lxw_strerror(err));
        return 3;
    }
    printf("%ld cells\n", cells);
    return 0;
}
