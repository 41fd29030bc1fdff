#!/usr/bin/env python3
# print_pages.py - how a workbook prints, computed from its XML: the page
# breaks of every sheet from its print settings, row heights, column widths,
# manual breaks and chart anchors, the way Excel and LibreOffice paginate.
#
# usage: print_pages.py WORKBOOK.xlsx LEGEND_HEAD [--show]
#   Checks, for every sheet: A4 landscape; one page wide; no row taller
#   than a page (such a row is cut); no chart cut by a page break (nor
#   taller than a page); and, on the first sheet, the legend on page 1: the
#   row whose second column reads LEGEND_HEAD and the rows below it that
#   have text in that column.
#   Prints "ok SHEET: N pages" or "FAIL SHEET: why" per sheet, --show adds
#   each page's rows; exits 1 when a check failed, 2 on wrong usage or a
#   workbook it cannot read.
#
# The model (ECMA-376 part 1, §18.3.1):
#   - paper A4 (paperSize 9) is 210 x 297 mm; the printable area is the page
#     less pageMargins (inches);
#   - a column of width w characters is trunc(w * 7 + 0.5) pixels of 0.75
#     pt (Calibri 11's digit, the default font of libxlsxwriter's files);
#     a row is its ht in points, else the sheet's defaultRowHeight;
#   - with fitToPage, the scale is the largest whole percent (10..100) at
#     which the print range is fitToWidth pages wide (and fitToHeight pages
#     tall, unless 0), and manual breaks are ignored; otherwise the scale
#     is pageSetup's scale (default 100) and rowBreaks are honoured;
#   - pages fill row by row: a row that does not fit starts the next page;
#     the print titles (repeat rows) head every page after the first one
#     whose top row lies below them;
#   - a chart (a two-cell anchor) is cut when a page starts at a row
#     strictly inside it: after its top row and at or before its bottom row
#     (when the bottom row's offset is not 0).
import math
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
}
RID = "{%s}id" % NS["r"]
A4 = (210 / 25.4 * 72, 297 / 25.4 * 72)  # portrait width, height in points


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def ref_rc(ref):
    m = re.match(r"\$?([A-Z]+)\$?(\d+)", ref)
    return int(m.group(2)) - 1, col_index(m.group(1))


def rels(z, part):
    folder, name = part.rsplit("/", 1)
    path = "%s/_rels/%s.rels" % (folder, name)
    if path not in z.namelist():
        return {}
    out = {}
    for r in ET.fromstring(z.read(path)).findall("rel:Relationship", NS):
        target = r.get("Target")
        if not target.startswith("/"):
            parts = folder.split("/") + target.split("/")
            stack = []
            for p in parts:
                if p == "..":
                    stack.pop()
                elif p and p != ".":
                    stack.append(p)
            target = "/".join(stack)
        else:
            target = target[1:]
        out[r.get("Id")] = target
    return out


class Sheet:
    def __init__(self, name, index):
        self.name = name
        self.index = index
        self.colw = {}          # column -> width in characters
        self.rowh = {}          # row -> height in points
        self.default_h = 15.0
        self.default_w = 8.43
        self.last_row = 0
        self.last_col = 0
        self.breaks = []        # rows (0-based) that start a page
        self.titles = None      # (first, last) repeat rows
        self.area = None        # (r0, c0, r1, c1)
        self.charts = []        # (r0, off0, r1, off1) rows and EMU offsets
        self.fit = False
        self.fit_w = 1
        self.fit_h = 1
        self.scale = 100
        self.paper = None
        self.landscape = False
        self.margins = (0.7, 0.7, 0.75, 0.75)
        self.first_col_text = {}  # row -> text of column B (for the legend)

    def row_h(self, r):
        return self.rowh.get(r, self.default_h)

    def col_pt(self, c):
        w = self.colw.get(c, self.default_w)
        return math.trunc(w * 7 + 0.5) * 0.75


def load(path):
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    wrels = rels(z, "xl/workbook.xml")
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    sheets = []
    for i, s in enumerate(wb.find("m:sheets", NS)):
        sh = Sheet(s.get("name"), i)
        read_sheet(z, wrels[s.get(RID)], sh, shared)
        sheets.append(sh)
    names = wb.find("m:definedNames", NS)
    for dn in names if names is not None else []:
        idx = dn.get("localSheetId")
        if idx is None:
            continue
        sh = sheets[int(idx)]
        text = dn.text or ""
        if dn.get("name") == "_xlnm.Print_Titles":
            m = re.search(r"!\$(\d+):\$(\d+)", text)
            if m:
                sh.titles = (int(m.group(1)) - 1, int(m.group(2)) - 1)
        elif dn.get("name") == "_xlnm.Print_Area":
            a, b = text.split("!")[1].split(":")
            (r0, c0), (r1, c1) = ref_rc(a), ref_rc(b)
            sh.area = (r0, c0, r1, c1)
    return sheets


def read_sheet(z, part, sh, shared):
    root = ET.fromstring(z.read(part))
    m = NS["m"]
    fmt = root.find("m:sheetFormatPr", NS)
    if fmt is not None:
        sh.default_h = float(fmt.get("defaultRowHeight", "15"))
        if fmt.get("defaultColWidth"):
            sh.default_w = float(fmt.get("defaultColWidth"))
    for c in root.iter("{%s}col" % m):
        for k in range(int(c.get("min")) - 1, int(c.get("max"))):
            sh.colw[k] = float(c.get("width"))
    for row in root.iter("{%s}row" % m):
        r = int(row.get("r")) - 1
        if row.get("ht"):
            sh.rowh[r] = float(row.get("ht"))
        for c in row.findall("m:c", NS):
            rr, cc = ref_rc(c.get("r"))
            sh.last_row = max(sh.last_row, rr)
            sh.last_col = max(sh.last_col, cc)
            v = c.find("m:v", NS)
            if cc == 1 and c.get("t") == "s" and v is not None:
                sh.first_col_text[rr] = shared[int(v.text)]
            elif cc == 1 and c.get("t") == "inlineStr":
                sh.first_col_text[rr] = "".join(t.text or "" for t in c.iter("{%s}t" % m))
    pr = root.find("m:sheetPr/m:pageSetUpPr", NS)
    sh.fit = pr is not None and pr.get("fitToPage") in ("1", "true")
    ps = root.find("m:pageSetup", NS)
    if ps is not None:
        sh.paper = ps.get("paperSize", "1")
        sh.landscape = ps.get("orientation") == "landscape"
        sh.scale = int(ps.get("scale", "100"))
        sh.fit_w = int(ps.get("fitToWidth", "1"))
        sh.fit_h = int(ps.get("fitToHeight", "1"))
    pm = root.find("m:pageMargins", NS)
    if pm is not None:
        sh.margins = tuple(float(pm.get(k)) for k in ("left", "right", "top", "bottom"))
    rb = root.find("m:rowBreaks", NS)
    if rb is not None:
        sh.breaks = sorted(int(b.get("id")) for b in rb.findall("m:brk", NS))
    dr = root.find("m:drawing", NS)
    if dr is not None:
        dpart = rels(z, part)[dr.get(RID)]
        droot = ET.fromstring(z.read(dpart))
        for a in droot.findall("xdr:twoCellAnchor", NS):
            f, t = a.find("xdr:from", NS), a.find("xdr:to", NS)
            rows = [int(x.find("xdr:row", NS).text) for x in (f, t)]
            offs = [int(x.find("xdr:rowOff", NS).text) for x in (f, t)]
            cols = [int(x.find("xdr:col", NS).text) for x in (f, t)]
            sh.charts.append((rows[0], offs[0], rows[1], offs[1]))
            sh.last_row = max(sh.last_row, rows[1])
            sh.last_col = max(sh.last_col, cols[1])


def range_of(sh):
    if sh.area:
        return sh.area
    return (0, 0, sh.last_row, sh.last_col)


def paginate(sh):
    """The pages as lists of rows, the scale and the printable size."""
    pw, ph = (A4[1], A4[0]) if sh.landscape else A4
    l, r, t, b = sh.margins
    pw -= (l + r) * 72
    ph -= (t + b) * 72
    r0, c0, r1, c1 = range_of(sh)
    width = sum(sh.col_pt(c) for c in range(c0, c1 + 1))
    height = sum(sh.row_h(x) for x in range(r0, r1 + 1))
    if sh.fit:
        s = 100
        if sh.fit_w > 0:
            s = min(s, math.floor(sh.fit_w * pw / width * 100))
        if sh.fit_h > 0:
            s = min(s, math.floor(sh.fit_h * ph / height * 100))
        scale = max(10, s) / 100
        manual = set()
    else:
        scale = sh.scale / 100
        manual = set(sh.breaks)
    avail = ph / scale
    titles_h = 0
    if sh.titles:
        titles_h = sum(sh.row_h(x) for x in range(sh.titles[0], sh.titles[1] + 1))
    pages, page, used, cap = [], [], 0.0, avail
    for row in range(r0, r1 + 1):
        h = sh.row_h(row)
        if page and (row in manual or used + h > cap + 1e-6):
            pages.append(page)
            page, used = [], 0.0
            cap = avail - (titles_h if sh.titles and row > sh.titles[1] else 0)
        page.append(row)
        used += h
    if page:
        pages.append(page)
    return pages, scale, width * scale, pw, avail, cap


def check(sh, legend_head):
    why = []
    if sh.paper not in ("9",):
        why.append("paper %s, not A4" % sh.paper)
    if not sh.landscape:
        why.append("not landscape")
    pages, scale, width, pw, avail, _ = paginate(sh)
    if width > pw + 0.5:
        why.append("%.0f pt wide at %d%%: more than one page (%.0f pt)" % (width, round(scale * 100), pw))
    titles_h = sum(sh.row_h(x) for x in range(sh.titles[0], sh.titles[1] + 1)) if sh.titles else 0
    for row in range(range_of(sh)[0], range_of(sh)[2] + 1):
        if sh.row_h(row) > avail - titles_h:
            why.append("row %d (%.0f pt) is taller than a page: cut" % (row + 1, sh.row_h(row)))
    starts = {p[0] for p in pages[1:]}
    for (a, oa, z, oz) in sh.charts:
        last = z if oz > 0 else z - 1
        if sum(sh.row_h(x) for x in range(a, last + 1)) > avail - titles_h:
            why.append("chart at rows %d-%d is taller than a page" % (a + 1, z + 1))
        cut = sorted(x for x in starts if a < x <= last)
        if cut:
            why.append("chart at rows %d-%d cut by the page starting at row %d" % (a + 1, z + 1, cut[0] + 1))
    if legend_head is not None:
        rows = [r for r, t in sh.first_col_text.items() if t == legend_head]
        if not rows:
            why.append("no legend headed %r" % legend_head)
        else:
            first = set(pages[0]) if pages else set()
            end = rows[0]
            while end + 1 in sh.first_col_text:
                end += 1
            off = [x for x in range(rows[0], end + 1) if x not in first]
            if off:
                why.append("legend rows %d-%d are not on the first page (it ends at row %d)"
                           % (off[0] + 1, off[-1] + 1, pages[0][-1] + 1))
    return why, pages, scale


def main(argv):
    if len(argv) < 3:
        print("usage: print_pages.py WORKBOOK.xlsx LEGEND_HEAD [--show]", file=sys.stderr)
        return 2
    show = "--show" in argv[3:]
    failed = 0
    try:
        sheets = load(argv[1])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, ET.ParseError) as exc:
        print("print_pages.py: cannot read %s: %s" % (argv[1], exc), file=sys.stderr)
        return 2
    for sh in sheets:
        why, pages, scale = check(sh, argv[2] if sh.index == 0 else None)
        if why:
            failed += 1
            for w in why:
                print("FAIL %s: %s" % (sh.name, w))
        else:
            print("ok %s: %d page%s at %d%%" % (sh.name, len(pages), "" if len(pages) == 1 else "s",
                                               round(scale * 100)))
        if show:
            for i, p in enumerate(pages):
                print("    page %d: rows %d-%d" % (i + 1, p[0] + 1, p[-1] + 1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
