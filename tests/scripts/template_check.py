#!/usr/bin/env python3
# template_check.py - what tests/scripts/test_template.sh reads and computes
# on its own, independently of provstat's code.
#
# usage:
#   template_check.py expected CATALOG_DIR REPORTER PERIOD
#       the values due from REPORTER in the month PERIOD (YYYY-MM), one
#       "unit,indicator,period" line each, in template order (unit in
#       catalog order, indicator by group then order), computed from the
#       catalog's CSV files by SPEC §6's rule: the units the reporter reports
#       for, valid that month, times its non-derived indicators due that
#       month by their frequency (a quarter in its last month, and so on)
#   template_check.py rows FILE.csv|FILE.xlsx
#       the template's rows as "unit,indicator,period" lines
#   template_check.py agree CATALOG_DIR DIR
#       for each DIR/R@P.rc (the exit status of `template` for reporter R and
#       month P), compares expected(R, P) with DIR/R@P.csv, DIR/R@P.xlsx and
#       DIR/R@P.missing.csv (`status --missing --format csv`): equal, or,
#       when nothing is due, exit status 1 and nothing missing. Prints one
#       FAIL line per disagreement and last "agree N ROWS NOTHING DISAGREE"
#   template_check.py missing FILE.csv
#       the rows of `status --missing --format csv` as "unit,indicator,period"
#   template_check.py refs FILE.csv|FILE.xlsx
#       the template's rows as "unit,indicator,period,prev,last_year"
#       (a number in the shortest form, '-' for a mark, '' for none)
#   template_check.py fill IN.csv OUT.csv CATALOG_DIR
#       fills a CSV template as an officer would, keeping every column, the
#       header and the byte-order mark: row k gets the value 1000 - 10k
#       (plus .5 when the indicator has decimals; decreasing, so that "of
#       which" rows stay below their totals), the second row '-', the third
#       'x', the fourth status E and a note; prints what ingest must store,
#       "unit,indicator,period,value,status,note" per stored row ('x' stores
#       nothing)
#   template_check.py xlsx FILE.xlsx CATALOG_DIR LANG
#       checks the workbook and prints "ok NAME" or "FAIL NAME: why" per
#       check; each value cell's validation formula is evaluated with
#       Excel's rules (xl_eval) on the marks, numbers in and out of the
#       indicator's range and decimals, and text
import csv
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

VI_HEAD = ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Kỳ", "Loại", "Giá trị",
           "Trạng thái", "Ghi chú", "Kỳ trước", "Cùng kỳ năm trước"]
EN_HEAD = ["unit", "unit_name", "indicator", "indicator_name", "unit_measure", "period", "measure", "value",
           "status", "note", "prev_value", "last_year_value"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def catalog(d):
    def rows(name):
        with open(os.path.join(d, name), newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))
    return rows("units.csv"), rows("reporters.csv"), rows("indicators.csv")


def month_index(text, last):
    """A validity bound (YYYY or YYYY-MM) as year*12+month-1."""
    if len(text) == 4:
        return int(text) * 12 + (11 if last else 0)
    y, m = text.split("-")
    return int(y) * 12 + int(m) - 1


def expected(cat_dir, rep_code, period):
    units, reps, inds = catalog(cat_dir)
    rep = [r for r in reps if r["code"] == rep_code][0]
    by_code = {u["code"]: u for u in units}
    y, m = (int(x) for x in period.split("-"))
    mi = y * 12 + m - 1

    def within(u, scope):
        while u is not None:
            if u["code"] == scope:
                return True
            u = by_code.get(u["parent"])
        return False

    def reports_for(u):
        if not rep["report_level"]:
            return u["code"] == rep["scope_unit"]
        return u["level"] == rep["report_level"] and within(u, rep["scope_unit"])

    def valid(u):
        if u["valid_from"] and mi < month_index(u["valid_from"], False):
            return False
        return not (u["valid_to"] and mi > month_index(u["valid_to"], True))

    groups = []
    for x in inds:
        if x["group"] not in groups:
            groups.append(x["group"])
    order = sorted(inds, key=lambda x: (groups.index(x["group"]), float(x["order"])))
    allowed = rep["indicators"].split(";")
    out = []
    for u in units:
        if not reports_for(u) or not valid(u):
            continue
        for x in order:
            if x["kind"] == "derived" or (rep["indicators"] != "*" and x["code"] not in allowed):
                continue
            freq = x.get("frequency") or "month"
            if freq == "month":
                p = period
            elif freq == "quarter" and m % 3 == 0:
                p = "%d-Q%d" % (y, m // 3)
            elif freq == "half" and m % 6 == 0:
                p = "%d-S%d" % (y, m // 6)
            elif freq == "year" and m == 12:
                p = "%d" % y
            else:
                continue
            out.append("%s,%s,%s" % (u["code"], x["code"], p))
    return out


def template_rows(path):
    """The rows below the header, as lists of text (xlsx: from the header row on)."""
    if path.endswith(".csv"):
        return read_csv(path)[1:]
    import openpyxl
    ws = openpyxl.load_workbook(path).worksheets[0]
    out = []
    for r in ws.iter_rows(min_row=4, values_only=True):
        out.append(["" if v is None else v for v in r])
    return out


def num(v):
    if v == "" or v is None:
        return ""
    if isinstance(v, str):
        return v
    r = repr(float(v))
    return r[:-2] if r.endswith(".0") else r


def fill(src, dst):
    rows = read_csv(src)
    head, body = rows[0], rows[1:]
    out = []
    for k, r in enumerate(body):
        dec = DECIMALS.get(r[2], 0)
        value = str(1000 - 10 * k) + (".5" if dec else "")
        status, note = "", ""
        if k == 1:
            value = "-"
        elif k == 2:
            value = "x"
        elif k == 3:
            status, note = "E", "ước tính – sẽ có số chính thức"
        r[7], r[8], r[9] = value, status, note
        if value != "x":
            out.append("%s,%s,%s,%s,%s,%s" % (r[0], r[2], r[5], "0" if value == "-" else value, status or "A",
                                               note))
    with open(dst, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head)
        w.writerows(body)
    return out


# --- a small evaluator of the validation formulas, with Excel's rules: an
# error (#VALUE!) passes through OR and AND, IF evaluates only the branch
# taken, text is never equal to a number and orders above every number,
# text compares without regard to case ---------------------------------------
class XlError(Exception):
    pass


def xl_eval(formula, value):
    toks = re.findall(r'"[^"]*"|TRUE|FALSE|[A-Z]+[0-9]+|[A-Z]+(?=\()|[0-9.]+(?:E[+-]?[0-9]+)?|>=|<=|[=(),-]', formula.lstrip("="))
    pos = [0]

    def peek():
        return toks[pos[0]] if pos[0] < len(toks) else None

    def take():
        pos[0] += 1
        return toks[pos[0] - 1]

    def atom():
        t = take()
        if t == "-":
            return ("neg", atom())
        if t.startswith('"'):
            return ("lit", t[1:-1])
        if t in ("TRUE", "FALSE"):
            return ("lit", t == "TRUE")
        if re.fullmatch(r"[0-9.]+(?:E[+-]?[0-9]+)?", t):
            return ("lit", float(t))
        if re.fullmatch(r"[A-Z]+[0-9]+", t):
            return ("cell",)
        args = []
        take()  # (
        while peek() != ")":
            args.append(expr())
            if peek() == ",":
                take()
        take()  # )
        return ("fn", t, args)

    def expr():
        left = atom()
        if peek() in ("=", ">=", "<="):
            op = take()
            return ("cmp", op, left, atom())
        return left

    tree = expr()

    def ev(n):
        k = n[0]
        if k == "lit":
            return n[1]
        if k == "cell":
            return value
        if k == "neg":
            return -ev(n[1])
        if k == "cmp":
            a, b = ev(n[2]), ev(n[3])
            if isinstance(a, str) != isinstance(b, str):
                if n[1] == "=":
                    return False
                return (n[1] == ">=") == isinstance(a, str)
            if isinstance(a, str):
                a, b = a.lower(), b.lower()
            return {"=": a == b, ">=": a >= b, "<=": a <= b}[n[1]]
        name, args = n[1], n[2]
        if name == "IF":
            return ev(args[1]) if ev(args[0]) else ev(args[2])
        vals = [ev(a) for a in args]  # an error raised here passes on
        if name == "OR":
            return any(vals)
        if name == "AND":
            return all(vals)
        if name == "ISNUMBER":
            return not isinstance(vals[0], str)
        if name == "ROUND":
            if isinstance(vals[0], str):
                raise XlError("#VALUE!")
            q = Decimal(repr(vals[0])).quantize(Decimal(1).scaleb(-int(vals[1])), rounding=ROUND_HALF_UP)
            return float(q)
        raise ValueError("unknown function " + name)

    try:
        return bool(ev(tree))
    except XlError:
        return False


def accepts(formula, x):
    """The values the validation of indicator x must take, and refuse."""
    dec = int(x["decimals"])
    lo = float(x["min"]) if x["min"] else -1e15
    hi = float(x["max"]) if x["max"] else 1e15
    good = ["-", "\u2013", "\u2014", "..", "...", "\u2026", "x", "X", lo, hi, lo + 1]
    if dec:
        good.append(lo + 1 + 10 ** -dec)
    bad = [lo + 10 ** -(dec + 1), "abc", "1,5", "--", lo - 1]
    if x["max"]:
        bad.append(hi + 1)
    wrong = [v for v in good if not xl_eval(formula, v)] + ["not " + repr(v) for v in bad if xl_eval(formula, v)]
    return wrong


DECIMALS = {}


def xlsx_checks(path, cat_dir, lang):
    import openpyxl
    _, _, inds = catalog(cat_dir)
    ind = {x["code"]: x for x in inds}
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    res = []

    def check(name, cond, why=""):
        res.append(("ok " + name) if cond else ("FAIL %s: %s" % (name, why)))

    check("sheet name", ws.title == ("Dữ liệu" if lang == "vi" else "Data"), ws.title)
    head = [c.value for c in ws[3]]
    check("header in row 3", head == (VI_HEAD if lang == "vi" else EN_HEAD), head)
    check("a title above the header", bool(ws["A1"].value), ws["A1"].value)
    check("header frozen", ws.freeze_panes == "A4", ws.freeze_panes)
    check("sheet protected", ws.protection.sheet is True, ws.protection.sheet)
    check("no password", not ws.protection.password, ws.protection.password)
    n = ws.max_row - 3
    check("rows below the header", n > 0, n)
    dvs = {}
    status_dv = None
    for dv in ws.data_validations.dataValidation:
        if dv.type == "custom":
            for rng in str(dv.sqref).split():
                dvs[rng] = dv.formula1
        elif dv.type == "list":
            status_dv = dv
    bad = []
    for r in range(4, ws.max_row + 1):
        code = ws.cell(r, 3).value
        x = ind[code]
        for c in range(1, 13):
            locked = ws.cell(r, c).protection.locked
            if locked != (c not in (8, 9, 10)):
                bad.append("%s%d locked=%s" % ("ABCDEFGHIJKL"[c - 1], r, locked))
        f = dvs.get("H%d" % r)
        if f is None:
            bad.append("H%d has no validation" % r)
            continue
        h = "H%d" % r
        # the number's tests only for a number (IF): a mark must not reach ROUND
        want = ['%s="-"' % h, '%s=".."' % h, '%s="..."' % h, '%s="x"' % h, "IF(ISNUMBER(%s),AND(" % h,
                "ROUND(%s,%s)=%s),FALSE)" % (h, x["decimals"], h)]
        if x["min"]:
            want.append("%s>=%s" % (h, x["min"]))
        if x["max"]:
            want.append("%s<=%s" % (h, x["max"]))
        missing = [wnt for wnt in want if wnt not in f]
        if missing:
            bad.append("%s: %s lacks %s" % (h, f, missing))
        wrong = accepts(f, x)
        if wrong:
            bad.append("%s: %s takes or refuses wrongly %s" % (h, f, wrong))
        if ws.cell(r, 5).value != (x["unit_vi"] if lang == "vi" else x["unit_en"]):
            bad.append("E%d unit of measure %s" % (r, ws.cell(r, 5).value))
    check("codes, names and references locked; value, status, note open; value validated", not bad, bad[:5])
    check("status a list of A, P, E over every row",
          status_dv is not None and status_dv.formula1 == '"A,P,E"' and str(status_dv.sqref) == "I4:I%d" % ws.max_row,
          status_dv and (status_dv.formula1, str(status_dv.sqref)))
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJKL"]
    check("columns sized", all(w and w >= 6 for w in widths) and widths[3] > widths[0], widths)
    return res


def agree(cat_dir, d):
    n = rows = nothing = bad = 0
    for name in sorted(os.listdir(d)):
        if not name.endswith(".rc"):
            continue
        base = os.path.join(d, name[:-3])
        r, p = name[:-3].split("@")
        rc = int(open(base + ".rc").read())
        want = expected(cat_dir, r, p)
        missing = ["%s,%s,%s" % (x[1], x[2], x[3]) for x in read_csv(base + ".missing.csv")[1:]]
        if not want:
            if rc == 1 and not missing:
                nothing += 1
            else:
                bad += 1
                print("FAIL %s %s: nothing due, yet template exit %d and missing %s" % (r, p, rc, missing))
            continue
        got = {}
        for ext in ("csv", "xlsx"):
            got[ext] = ["%s,%s,%s" % (x[0], x[2], x[5]) for x in template_rows(base + "." + ext)] if rc == 0 else []
        if rc == 0 and want == got["csv"] == got["xlsx"] == missing:
            n += 1
            rows += len(want)
        else:
            bad += 1
            print("FAIL %s %s: exit %d\n    rule     %s\n    csv      %s\n    xlsx     %s\n    missing  %s"
                  % (r, p, rc, want, got["csv"], got["xlsx"], missing))
    print("agree %d %d %d %d" % (n, rows, nothing, bad))


def main():
    cmd = sys.argv[1]
    if cmd == "expected":
        print("\n".join(expected(sys.argv[2], sys.argv[3], sys.argv[4])))
    elif cmd == "agree":
        agree(sys.argv[2], sys.argv[3])
    elif cmd == "rows":
        for r in template_rows(sys.argv[2]):
            print("%s,%s,%s" % (r[0], r[2], r[5]))
    elif cmd == "missing":
        for r in read_csv(sys.argv[2])[1:]:
            print("%s,%s,%s" % (r[1], r[2], r[3]))
    elif cmd == "refs":
        for r in template_rows(sys.argv[2]):
            print("%s,%s,%s,%s,%s" % (r[0], r[2], r[5], num(r[10]), num(r[11])))
    elif cmd == "fill":
        _, _, inds = catalog(sys.argv[4])
        for x in inds:
            DECIMALS[x["code"]] = int(x["decimals"])
        print("\n".join(fill(sys.argv[2], sys.argv[3])))
    elif cmd == "xlsx":
        res = xlsx_checks(sys.argv[2], sys.argv[3], sys.argv[4])
        print("\n".join(res))
    else:
        sys.exit("template_check.py: unknown command " + cmd)


if __name__ == "__main__":
    main()
