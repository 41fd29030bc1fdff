#!/usr/bin/python3
"""xlsx_baseline.py - the baseline of the report benchmark: Python XlsxWriter writing given cells.

usage: /usr/bin/python3 bench/xlsx_baseline.py CELLS.tsv OUT.xlsx

CELLS.tsv is the cell dump bench/report.sh takes, untimed, from provstat's own
report (see xlsx_floor.c for the format). The script writes the same sheets
and cells with XlsxWriter's default options (shared strings, whole workbook
in memory), as a Python user would; no formats or charts. Uses the Debian
package python3-xlsxwriter.
"""
import sys

import xlsxwriter


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            i += 1
            ch = {"t": "\t", "n": "\n"}.get(s[i], s[i])
        out.append(ch)
        i += 1
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: xlsx_baseline.py CELLS.tsv OUT.xlsx\n")
        return 2
    wb = xlsxwriter.Workbook(sys.argv[2])
    ws = None
    cells = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line[0] == "S":
                ws = wb.add_worksheet(line[2:])
                continue
            kind, r, c, v = line.split("\t", 3)
            if kind == "n":
                ws.write_number(int(r), int(c), float(v))
            else:
                ws.write_string(int(r), int(c), unescape(v) if "\\" in v else v)
            cells += 1
    wb.close()
    print(cells, "cells")
    return 0


if __name__ == "__main__":
    sys.exit(main())
