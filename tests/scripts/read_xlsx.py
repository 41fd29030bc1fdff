#!/usr/bin/env python3
# read_xlsx.py - reads a provstat report workbook with openpyxl (an independent
# reader) and evaluates checks on it, for tests/scripts/test_report.sh.
#
# usage: read_xlsx.py CATALOG_DIR CHECKS_FILE
#   CHECKS_FILE holds one check per line: NAME<TAB>PYTHON-EXPRESSION.
#   Each line prints "ok NAME" or "FAIL NAME" (with the reason); the exit
#   status is the number of failures (at most 100).
#
# The expressions see:
#   book(path)            the workbook (openpyxl, cached)
#   sheet(path, i)        the i-th sheet (0-based) of a workbook
#   srow(path, code, lang="vi")
#                         the Summary row number (1-based) of an indicator,
#                         found by its name in the catalog
#   cell(path, i, ref)    a cell of sheet i, e.g. cell(p, 0, "F12")
#   scell(path, code, col, lang="vi")
#                         the Summary cell of an indicator in column col ("F")
#   drow(path, unit, code, period, measure="actual")
#                         the Data-sheet row of a value: a dict keyed by the
#                         columns of export --format long and "note"
#                         (DATA_CODES), whichever language heads the sheet
#   data_cell(path, unit, code, period, column)
#                         the openpyxl cell of a Data-sheet value's column
#   DATA_HEADS            the Data sheets' headers, by language
#   dcell(path, unit, code, k=0)
#                         the by-district cell of a unit and key indicator:
#                         k = 0 value, 1 share, 2 rank
#   KEYS                  the key indicators' codes, in catalog order
#   xml(path, name)       the text of a part of the zip, e.g. "xl/workbook.xml"
#   parts(path)           the names of the zip's parts
#   r1(x)                 x rounded half away from zero to one decimal
#   ts(x)                 datetime of a POSIX time, naive UTC
import csv
import datetime
import os
import sys
import zipfile
from decimal import Decimal, ROUND_HALF_UP

import openpyxl

CATALOG = sys.argv[1]
NAMES = {}
KEYS = []
with open(os.path.join(CATALOG, "indicators.csv"), newline="", encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        NAMES[r["code"]] = {"vi": r["name_vi"], "en": r["name_en"]}
        if r.get("key", "0").strip() == "1":
            KEYS.append(r["code"])

_books = {}


def book(path):
    if path not in _books:
        _books[path] = openpyxl.load_workbook(path)
    return _books[path]


def sheet(path, i):
    return book(path).worksheets[i]


def cell(path, i, ref):
    return sheet(path, i)[ref]


def srow(path, code, lang="vi"):
    ws = sheet(path, 0)
    name = NAMES[code][lang]
    for row in ws.iter_rows(min_col=2, max_col=2):
        if row[0].value == name:
            return row[0].row
    raise KeyError("no Summary row for " + code)


def scell(path, code, col, lang="vi"):
    return sheet(path, 0)["%s%d" % (col, srow(path, code, lang))]


def dcell(path, unit, code, k=0, lang="vi"):
    ws = sheet(path, 1)
    col = None
    for x in ws[4]:
        if x.value == NAMES[code][lang]:
            col = x.column
    if col is None:
        raise KeyError("no by-district column for " + code)
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 2).value == unit:
            return ws.cell(r, col + k)
    raise KeyError("no by-district row for " + unit)


# The Data sheets' headers in each language, and the column codes of
# export --format long (and "note") that data_rows keys its rows by.
DATA_CODES = ["unit", "unit_name", "indicator", "indicator_name", "unit_measure", "period", "measure", "value",
              "status", "coverage", "flags", "note"]
DATA_HEADS = {
    "vi": ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Kỳ", "Loại", "Giá trị",
           "Trạng thái", "Độ bao phủ", "Đánh dấu", "Ghi chú"],
    "en": ["Unit", "Unit name", "Indicator", "Indicator name", "Unit of measure", "Period", "Measure", "Value",
           "Status", "Coverage", "Flags", "Note"],
}


def data_head(ws):
    """The column codes of a Data sheet (by its headers, either language), or None."""
    first = [c.value for c in ws[1]] if ws.max_row >= 1 else []
    for heads in DATA_HEADS.values():
        if first[:len(heads)] == heads:
            return DATA_CODES
    return None


def data_rows(path):
    out = []
    for ws in book(path).worksheets:
        first = data_head(ws)
        if first is None:
            continue
        for row in ws.iter_rows(min_row=2, values_only=True):
            if row[0] is None:
                continue
            out.append(dict(zip(first, row)))
    return out


def drow(path, unit, code, period, measure="actual"):
    for d in data_rows(path):
        if (d["unit"], d["indicator"], d["period"], d["measure"]) == (unit, code, period, measure):
            return d
    raise KeyError("no Data row for %s %s %s %s" % (unit, code, period, measure))


def data_cell(path, unit, code, period, column, measure="actual"):
    """The openpyxl cell of a Data-sheet value (for its data type)."""
    for ws in book(path).worksheets:
        head = data_head(ws)
        if head is None:
            continue
        ci = head.index(column)
        for row in ws.iter_rows(min_row=2):
            v = [c.value for c in row]
            if (v[0], v[2], v[5], v[6]) == (unit, code, period, measure):
                return row[ci]
    raise KeyError("no Data cell for %s %s %s %s" % (unit, code, period, column))


def xml(path, name):
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def parts(path):
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def r1(x):
    return float(Decimal(repr(float(x))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def ts(x):
    return datetime.datetime.utcfromtimestamp(x)


failed = 0
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        name, expr = line.split("\t", 1)
        try:
            ok = bool(eval(expr))
            why = ""
        except Exception as exc:  # a missing sheet or row fails the check
            ok = False
            why = "%s: %s" % (type(exc).__name__, exc)
        if ok:
            print("ok " + name)
        else:
            failed += 1
            print("FAIL " + name)
            if why:
                print("    " + why)
sys.exit(min(failed, 100))
