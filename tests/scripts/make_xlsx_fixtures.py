#!/usr/bin/env python3
"""make_xlsx_fixtures.py - the workbooks the .xlsx reader's unit tests read.

Usage: make_xlsx_fixtures.py OUTDIR [GROUP...]
Writes the fixtures of the groups named (vietnamese, choice, openpyxl,
rows, hostile, damaged, others; all when none is named) into OUTDIR (run by tests/unit/core/test_xlsx*.c and
test_filetype.c at test time; nothing binary is kept in git). Most are
written part by part with zipfile, as Excel writes them, so that each test
knows exactly what the file holds; openpyxl.xlsx is made by openpyxl.
"""
import base64
import datetime
import os
import random
import struct
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Excel's styles: 0 General, 1 built-in date 14, 2 custom dd/mm/yyyy,
# 3 custom [h]:mm (a duration, not a date), 4 text (@), 5 a quoted unit,
# 6 built-in time 20 (h:mm), 7 custom mm/yyyy, 8 month name only (mmmm),
# 9 minutes and seconds (mm:ss, not a date)
STYLES = DECL + f'''<styleSheet {NS}><numFmts count="6">
<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/>
<numFmt numFmtId="166" formatCode="#,##0.0&quot; tỷ đồng&quot;"/><numFmt numFmtId="167" formatCode="[$-42A]mm/yyyy;@"/>
<numFmt numFmtId="168" formatCode="mmmm"/><numFmt numFmtId="169" formatCode="mm:ss"/>
</numFmts><fonts count="1"><font><sz val="11"/></font></fonts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="10"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/>
<xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="166"/><xf numFmtId="20"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="169"/></cellXfs>
</styleSheet>'''


def content_types(nsheets):
    over = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(nsheets))
    return DECL + ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.spreadsheetml.sheet.main+xml"/>' + over + '</Types>')


def sheet_xml(rows, before=""):
    return DECL + f'<worksheet {NS} {NS_R}>{before}<sheetData>{rows}</sheetData></worksheet>'


def sst_xml(items):
    body = "".join(i if i.startswith("<") else f"<si><t xml:space=\"preserve\">{i}</t></si>" for i in items)
    return DECL + f'<sst {NS} count="{len(items)}" uniqueCount="{len(items)}">{body}</sst>'


def parts(sheets, sst=None, date1904=False, sheet_type="worksheet"):
    """sheets: (name, xml, state) triples. Returns {entry: text}."""
    def state(st):
        return ' state="%s"' % st if st else ""
    wb_sheets = "".join(f'<sheet name="{n}" sheetId="{i + 1}"{state(st)} r:id="rId{i + 1}"/>'
                        for i, (n, _, st) in enumerate(sheets))
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="124226"/>'
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/{sheet_type}" '
                   f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    rels += f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>'
    out = {
        "[Content_Types].xml": content_types(len(sheets)),
        "_rels/.rels": DECL + f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
                              f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": DECL + f'<workbook {NS} {NS_R}>{pr}<sheets>{wb_sheets}</sheets></workbook>',
        "xl/styles.xml": STYLES,
    }
    if sst is not None:
        rels += f'<Relationship Id="rIdT" Type="{REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
        out["xl/sharedStrings.xml"] = sst_xml(sst)
    out["xl/_rels/workbook.xml.rels"] = DECL + f'<Relationships xmlns="{PKG_REL}">{rels}</Relationships>'
    for i, (_, xml, _) in enumerate(sheets):
        out[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    return out


def write(path, entries, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, text in entries.items():
            z.writestr(name, text.encode("utf-8") if isinstance(text, str) else text)


def one_sheet(out, name, rows, sst=None, **kw):
    write(os.path.join(out, name), parts([("Data", sheet_xml(rows), None)], sst, **kw))


# --- the workbook the way Vietnamese Excel saves one ------------------------

VN_SST = ["BÁO CÁO THỐNG KÊ THÁNG", "Mã đơn vị", "Mã chỉ tiêu", "Kỳ", "Giá trị", "Ghi chú", "RETAIL",
          "<si><r><t xml:space=\"preserve\">Ước </t></r><r><rPr><b/></rPr><t>tính</t></r>"
          "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>",
          "001", "2016-07", "Ha\u0323 Long", "003", ""]

VN_ROWS = (
    '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Tháng 7 năm 2016</t></is></c></row>'
    '<row r="3" spans="1:5" ht="6" customHeight="1"/>'
    '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4" t="s"><v>2</v></c><c r="C4" t="s"><v>3</v></c>'
    '<c r="D4" t="s"><v>4</v></c><c r="E4" t="s"><v>5</v></c></row>'
    '<row r="5"><c r="A5" s="4" t="s"><v>8</v></c><c r="B5" t="s"><v>6</v></c>'
    '<c r="C5" s="1"><v>42552</v></c><c r="D5"><v>1234.5</v></c><c r="E5" t="s"><v>7</v></c></row>'
    '<row r="6"><c r="A6" t="inlineStr"><is><t>002</t></is></c><c r="B6" t="s"><v>6</v></c>'
    '<c r="C6" s="2"><v>42582.75</v></c><c r="D6"><f>D5*2</f><v>2469</v></c><c r="E6" s="3"/></row>'
    '<row r="7"><c r="A7" t="s"><v>11</v></c><c r="B7" t="s"><v>6</v></c><c r="C7" t="s"><v>9</v></c>'
    '<c r="D7"><f>0.1+0.2</f><v>0.30000000000000004</v></c>'
    '<c r="E7" t="str"><f>TEXT(12,"0000")</f><v>0012</v></c></row>'
    '<row r="8"><c r="B8" t="s"><v>10</v></c><c r="C8" t="s"><v>12</v></c></row>'
    '<row r="9"><c r="A9" t="b"><v>1</v></c><c r="B9" t="e"><v>#DIV/0!</v></c><c r="C9" s="3"><v>1.5</v></c>'
    '<c r="D9" s="5"><v>12</v></c><c r="E9" s="6"><v>0.5</v></c><c r="F9" s="7"><v>42552</v></c><c r="G9" s="8"><v>42552</v></c>'
    '<c r="H9" s="9"><v>42552</v></c></row>'
    '<row r="10"><c t="inlineStr"><is><t>a_x000D_b</t></is></c><c t="inlineStr"><is><t>_x005F_x0041_</t>'
    '</is></c><c><v>1E-3</v></c><c><v>-100</v></c><c t="d"><v>2016-07-15T00:00:00</v></c>'
    '<c><f>B5</f></c></row>'
    '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>')


def vietnamese(out):
    guide = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Hướng dẫn</t></is></c></row>')
    write(os.path.join(out, "vietnamese.xlsx"),
          parts([("Hướng dẫn", guide, None), ("Dữ liệu", sheet_xml(VN_ROWS), None)], VN_SST))


def sheet_choice(out):
    a = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row>')
    b = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>second</t></is></c></row>')
    c = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>third</t></is></c></row>')
    write(os.path.join(out, "upper.xlsx"), parts([("Ghi chú", a, None), (" DỮ LIỆU ", b, None)]))
    write(os.path.join(out, "nfd.xlsx"), parts([("Sheet1", a, None), ("Du\u031b\u0303 lie\u0323\u0302u", b, None)]))
    write(os.path.join(out, "data.xlsx"), parts([("Sheet1", a, None), ("data", b, None)]))
    write(os.path.join(out, "hidden.xlsx"), parts([("Lists", a, "hidden"), ("Báo cáo", b, None), ("x", c, None)]))
    one_sheet(out, "date1904.xlsx", '<row r="1"><c r="A1" s="1"><v>41090</v></c></row>', date1904=True)
    write(os.path.join(out, "chart_only.xlsx"), parts([("Chart1", a, None)], sheet_type="chartsheet"))


def made_by_openpyxl(out):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.title = "Ghi chú"
    ws = wb.create_sheet("Data")
    ws.append(["unit", "indicator", "period", "value"])
    ws.append(["001", "RETAIL", datetime.date(2016, 7, 1), 9.2])
    ws.append(["0022", "Bán lẻ", "2016-07", 109.2 - 100])
    ws["C2"].number_format = "mm/yyyy"
    wb.save(os.path.join(out, "openpyxl.xlsx"))


def empty_rows(out):
    empty = "".join(f'<row r="{i}"/>' for i in range(1, 1000001))
    one_sheet(out, "million_empty.xlsx", empty + '<row r="1000001"><c r="B1000001"><v>5</v></c></row>')


# --- hostile and damaged files ---------------------------------------------

def cells(n):
    return "".join(f'<c r="A{i}"><v>{i}</v></c>' for i in range(1, n + 1))


def hostile(out):
    # a sheet that inflates 1000 times: 32 MiB of spaces between elements
    one_sheet(out, "ratio_bomb.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (32 << 20))
    # a sheet that is large and hardly compressible (for byte limits)
    rnd = random.Random(7)
    big = "".join(f'<row r="{i}"><c r="A{i}"><v>{rnd.random()}</v></c></row>' for i in range(1, 60001))
    one_sheet(out, "big_sheet.xlsx", big)
    write(os.path.join(out, "lying_size.xlsx"), parts([("Data", sheet_xml(big), None)]))
    lie_about_size(os.path.join(out, "lying_size.xlsx"), "xl/worksheets/sheet1.xml", 2000)
    one_sheet(out, "many_strings.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
              [f"s{i}" for i in range(11)])
    one_sheet(out, "deep.xlsx", '<row r="1"><c r="A1"><v>1</v></c>' + "<x>" * 100 + "</x>" * 100 + "</row>")
    one_sheet(out, "row_beyond.xlsx", '<row r="3"><c r="A3"><v>1</v></c></row><row r="1048577"/>')
    one_sheet(out, "col_beyond.xlsx", '<row r="1"><c r="XFE1"><v>1</v></c></row>')
    one_sheet(out, "row_text.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row><row r="x7"/>')
    one_sheet(out, "row_order.xlsx", '<row r="5"><c r="A5"><v>1</v></c></row><row r="4"/>')
    one_sheet(out, "cell_order.xlsx", '<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>')
    one_sheet(out, "malformed.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"></row>')
    dtd = DECL + '<!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>'
    write(os.path.join(out, "doctype.xlsx"), parts([("Data", dtd, None)]))
    one_sheet(out, "bad_shared.xlsx", '<row r="2"><c r="C2" t="s"><v>3</v></c></row>', ["a"])
    one_sheet(out, "bad_number.xlsx", '<row r="4"><c r="B4"><v>12abc</v></c></row>')
    one_sheet(out, "bad_bool.xlsx", '<row r="1"><c r="A1" t="b"><v>yes</v></c></row>')
    one_sheet(out, "bad_isodate.xlsx", '<row r="1"><c r="A1" t="d"><v>July</v></c></row>')
    one_sheet(out, "bad_type.xlsx", '<row r="1"><c r="A1" t="q"><v>1</v></c></row>')
    text = base64.b64encode(rnd.randbytes(140000)).decode()[:140000]
    one_sheet(out, "long_cell.xlsx", f'<row r="1"><c r="A1" t="inlineStr"><is><t>{text}</t></is></c></row>')
    one_sheet(out, "long_shared.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [text])
    wide = base64.b64encode(rnd.randbytes(90000)).decode()
    row = "".join(f'<c t="inlineStr"><is><t>{wide}</t></is></c>' for _ in range(150))
    one_sheet(out, "wide_row.xlsx", f'<row r="9">{row}</row>')


def lie_about_size(path, entry, size):
    """Rewrites the inflated size an entry declares (local and central headers)."""
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(entry)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == entry.encode():
            struct.pack_into("<I", data, pos + 24, size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    open(path, "wb").write(bytes(data))


def patch_entry(path, entry, flag_bits=0, method=None, flip_data=False):
    """Sets general-purpose flag bits, the compression method, or damages the data of an entry."""
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(entry)
    lh = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, lh + 26)
    if flip_data:
        start = lh + 30 + name_len + extra_len
        for i in range(start + 2, start + 40):
            data[i] ^= 0x5A
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n] == entry.encode():
            if flag_bits:
                struct.pack_into("<H", data, lh + 6, struct.unpack_from("<H", data, lh + 6)[0] | flag_bits)
                struct.pack_into("<H", data, pos + 8, struct.unpack_from("<H", data, pos + 8)[0] | flag_bits)
            if method is not None:
                struct.pack_into("<H", data, lh + 8, method)
                struct.pack_into("<H", data, pos + 10, method)
        pos = data.find(b"PK\x01\x02", pos + 4)
    open(path, "wb").write(bytes(data))


def damaged(out):
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>{i * 7}</v></c></row>' for i in range(1, 400))
    base = parts([("Data", sheet_xml(rows), None)])
    for name in ("password.xlsx", "method.xlsx", "flipped.xlsx", "truncated.xlsx"):
        write(os.path.join(out, name), base)
    patch_entry(os.path.join(out, "password.xlsx"), "xl/worksheets/sheet1.xml", flag_bits=1)
    patch_entry(os.path.join(out, "method.xlsx"), "xl/worksheets/sheet1.xml", method=97)
    patch_entry(os.path.join(out, "flipped.xlsx"), "xl/worksheets/sheet1.xml", flip_data=True)
    whole = open(os.path.join(out, "truncated.xlsx"), "rb").read()
    open(os.path.join(out, "truncated.xlsx"), "wb").write(whole[:len(whole) * 2 // 3])

    def without(name, *drop, **change):
        p = dict(base)
        for d in drop:
            del p[d]
        p.update(change)
        write(os.path.join(out, name), p)
    without("no_sheet_part.xlsx", "xl/worksheets/sheet1.xml")
    without("no_workbook_rels.xlsx", "xl/_rels/workbook.xml.rels")
    without("no_pkg_rels.xlsx", "_rels/.rels")
    without("wrong_workbook.xlsx", **{"_rels/.rels": base["_rels/.rels"].replace("xl/workbook.xml", "xl/book.xml")})
    without("bad_workbook_xml.xlsx", **{"xl/workbook.xml": base["xl/workbook.xml"][:-5]})
    without("no_strings.xlsx", **{"xl/worksheets/sheet1.xml": sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')})
    with zipfile.ZipFile(os.path.join(out, "many_entries.xlsx"), "w", zipfile.ZIP_STORED) as z:
        for name, text in base.items():
            z.writestr(name, text)
        for i in range(65537):
            z.writestr(f"x/{i}", b"")


def others(out):
    with zipfile.ZipFile(os.path.join(out, "plain.zip"), "w") as z:
        z.writestr("a.csv", "unit,indicator\n")
        z.writestr("b.xlsx", b"PK\3\4")
    with zipfile.ZipFile(os.path.join(out, "sheet.ods"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(os.path.join(out, "book.xlsb"), "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    ole = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 1016)
    open(os.path.join(out, "old.xls"), "wb").write(bytes(ole) + b"\x09\x08" + b"\x00" * 1022)
    enc = bytes(ole) + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 900
    open(os.path.join(out, "encrypted.xlsx"), "wb").write(enc)


GROUPS = {"vietnamese": vietnamese, "choice": sheet_choice, "openpyxl": made_by_openpyxl,
          "rows": empty_rows, "hostile": hostile, "damaged": damaged, "others": others}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name in sys.argv[2:] or GROUPS:
        GROUPS[name](out)


if __name__ == "__main__":
    main()
