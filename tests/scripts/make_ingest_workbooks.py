#!/usr/bin/env python3
"""make_ingest_workbooks.py - workbooks for test_ingest_xlsx.sh, made at test time.

usage: make_ingest_workbooks.py OUTDIR

bad.xlsx: Hạ Long's July the way an officer's Excel holds it (sheet "Dữ
liệu", two title rows, Vietnamese headers, the unit code as text), with the
period of row 6 typed as a date and the value of row 7 written "12,5,3".
good.xlsx: the same with both put right. fill.py fills a template (below).
"""
import datetime
import os
import sys

import openpyxl

ROWS = [("193", "RETAIL", "2016-07", 1723.2, "E", "Ước tính"),
        ("193", "NEW_ENTERPRISES", "2016-07", 34, "E", "Ước tính"),
        ("193", "PROC_FILES", "2016-07", 2956, "E", "Ước tính")]


def book(path, date_in_row6, bad_value):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws["A1"] = "CHI CỤC THỐNG KÊ THÀNH PHỐ HẠ LONG"
    ws["A2"] = "Số liệu tháng 7 năm 2016"
    ws.append([])
    ws.append(["Mã đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kỳ", "Giá trị", "Trạng thái", "Ghi chú"])
    for i, (u, x, p, v, s, n) in enumerate(ROWS):
        ws.append([u, x, "", p, v, s, n])
    if date_in_row6:
        ws["D6"] = datetime.date(2016, 7, 1)
        ws["D6"].number_format = "mm/yyyy"
    if bad_value:
        ws["E7"] = "12,5,3"
    for row in ws.iter_rows(min_row=5, max_col=1):
        row[0].number_format = "@"
    fixed = datetime.datetime(2016, 8, 10, 9, 0, 0)
    wb.properties.created = wb.properties.modified = fixed
    wb.save(path)


def fill_template(src, dst, values):
    """Writes a value into every row of a template's sheet whose indicator is in values."""
    wb = openpyxl.load_workbook(src)
    ws = wb.active
    head = None
    for row in ws.iter_rows():
        names = [c.value for c in row]
        if head is None:
            if "value" in names or "Giá trị" in names:
                head = {n: i for i, n in enumerate(names)}
            continue
        ind = row[head.get("indicator", head.get("Mã chỉ tiêu", 2))].value
        if ind in values:
            row[head.get("value", head.get("Giá trị"))].value = values[ind]
    wb.save(dst)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    if len(sys.argv) > 2 and sys.argv[2] == "fill":
        values = dict((k, float(v)) for k, v in (a.split("=") for a in sys.argv[5:]))
        fill_template(sys.argv[3], sys.argv[4], values)
        return
    book(os.path.join(out, "bad.xlsx"), True, True)
    book(os.path.join(out, "good.xlsx"), False, False)


if __name__ == "__main__":
    main()
