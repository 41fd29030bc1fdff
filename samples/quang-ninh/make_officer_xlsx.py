"""make_officer_xlsx.py - the sample's one workbook submission, made the way
a district officer's Excel saves it (SPEC §3 "Workbook submissions").

usage: python3 make_officer_xlsx.py SUBMISSIONS_DIR

Reads 2016-07/CCTK_195.csv (Cẩm Phả's July file as the generator wrote it)
and writes 2016-07/CCTK_195.xlsx holding the same rows as a Vietnamese
office lays them out: a sheet named "Dữ liệu", two title rows above the
header, the header in Vietnamese ("Mã đơn vị", "Mã chỉ tiêu", "Kỳ",
"Giá trị", "Loại", "Trạng thái", "Ghi chú") with the indicator's name in a
column of its own, the unit code typed as text, values as numbers, and a
column width an officer would set. The file's dates are fixed so that the
same input gives the same bytes. It then points the manifest's line for
that file at the .xlsx; the .csv stays as the record of what the workbook
holds (it is not loaded). Run it after generate.py, which writes the
manifest anew.
"""
import csv
import datetime
import os
import sys
import zipfile

import openpyxl
from openpyxl.styles import Font

NAMES = {
    "RETAIL": "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tiêu dùng",
    "NEW_ENTERPRISES": "Số doanh nghiệp thành lập mới",
    "RICE_AREA": "Diện tích lúa",
    "RICE_YIELD": "Năng suất lúa",
    "PROC_FILES": "Số hồ sơ thủ tục hành chính tiếp nhận",
    "PROC_FILES_ONTIME": "Số hồ sơ giải quyết đúng hạn",
    "DOCS_TOTAL": "Tổng số văn bản đi",
    "DOCS_ONLINE": "Văn bản gửi qua mạng",
    "DOCS_SIGNED": "Văn bản có chữ ký số",
}


def fix_zip_times(path, when):
    """Rewrites the zip with every entry dated `when` (openpyxl dates them now)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            zi = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def main():
    sub = sys.argv[1]
    src = os.path.join(sub, "2016-07", "CCTK_195.csv")
    with open(src, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws["A1"] = "CHI CỤC THỐNG KÊ THÀNH PHỐ CẨM PHẢ"
    ws["A1"].font = Font(bold=True)
    ws["A2"] = "Báo cáo tình hình kinh tế – xã hội tháng 7 năm 2016"
    ws.append([])
    ws.append(["Mã đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kỳ", "Giá trị", "Loại", "Trạng thái", "Ghi chú"])
    for c in ws[4]:
        c.font = Font(bold=True)
    for r in rows:
        v = float(r["value"])
        ws.append([r["unit"], r["indicator"], NAMES.get(r["indicator"], ""), r["period"],
                   int(v) if v.is_integer() else v, r["measure"], r["status"], r["note"]])
    for row in ws.iter_rows(min_row=5, max_col=1):
        row[0].number_format = "@"  # the unit code is text, as an officer types it ('195)
    for col, width in zip("ABCDEFGH", (10, 20, 48, 10, 12, 8, 10, 16)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"
    fixed = datetime.datetime(2016, 8, 19, 8, 30, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "Chi cục Thống kê Cẩm Phả"
    out = os.path.join(sub, "2016-07", "CCTK_195.xlsx")
    wb.save(out)
    fix_zip_times(out, fixed)
    manifest = os.path.join(sub, "manifest.csv")
    with open(manifest, encoding="utf-8") as f:
        text = f.read()
    with open(manifest, "w", encoding="utf-8") as f:
        f.write(text.replace("2016-07/CCTK_195.csv,", "2016-07/CCTK_195.xlsx,"))
    print(out)


if __name__ == "__main__":
    main()
