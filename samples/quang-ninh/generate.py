#!/usr/bin/env python3
# generate.py - builds the Quảng Ninh sample: catalog, submissions, manifest.
"""Generate the bundled Quảng Ninh sample of provstat.

Writes catalog/{units,reporters,indicators,rules}.csv and rewrites
submissions/ from scratch (one folder per batch plus manifest.csv). The data
are made up around the figures of the seed article (7 months of 2016); a few
real published figures are used as anchors (see README.md).

Python 3 standard library only. Deterministic: every random number comes
from random.Random(SEED), nothing depends on the clock, so two runs give
byte-identical files.

After writing, the script reads its own files back the way SPEC.md says the
engine will (manifest order, delimiter and header detection, number formats,
marks, revisions), checks every ingest rule it can (scope, frequency,
decimals, ranges, duplicates, error rules, the outlier and same-period
warnings) and computes the seed figures with the semantics of SPEC §5. Any
failure stops the script with a message; the figures are printed at the end.

Usage: python3 samples/quang-ninh/generate.py
"""

import csv
import io
import math
import os
import re
import shutil
import sys
from fractions import Fraction
import random

SEED = 20160810
HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG_DIR = os.path.join(HERE, "catalog")
SUBMISSIONS_DIR = os.path.join(HERE, "submissions")

# Limits the generator keeps to, slightly inside the engine's warning
# thresholds (SPEC §4: modified z-score 3.5, change of 50%).
Z_REPAIR = 2.8
Z_ASSERT = 3.4
YOY_REPAIR = 0.42
YOY_ASSERT = 0.48


def fail(msg):
    sys.stderr.write("generate.py: check failed: %s\n" % msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


# ===================================================================
# Catalog
# ===================================================================

PROVINCE = "22"

# code, name_vi, name_en, level, kind, parent, valid_from, valid_to, successor
UNITS = [
    ("22", "Tỉnh Quảng Ninh", "Quang Ninh Province", "province", "tỉnh", "", "", "", ""),
    ("193", "Thành phố Hạ Long", "Ha Long City", "district", "thành phố", "22", "", "", ""),
    ("194", "Thành phố Móng Cái", "Mong Cai City", "district", "thành phố", "22", "", "", ""),
    ("195", "Thành phố Cẩm Phả", "Cam Pha City", "district", "thành phố", "22", "", "", ""),
    ("196", "Thành phố Uông Bí", "Uong Bi City", "district", "thành phố", "22", "", "", ""),
    ("198", "Huyện Bình Liêu", "Binh Lieu District", "district", "huyện", "22", "", "", ""),
    ("199", "Huyện Tiên Yên", "Tien Yen District", "district", "huyện", "22", "", "", ""),
    ("200", "Huyện Đầm Hà", "Dam Ha District", "district", "huyện", "22", "", "", ""),
    ("201", "Huyện Hải Hà", "Hai Ha District", "district", "huyện", "22", "", "", ""),
    ("202", "Huyện Ba Chẽ", "Ba Che District", "district", "huyện", "22", "", "", ""),
    ("203", "Huyện Vân Đồn", "Van Don District", "district", "huyện", "22", "", "", ""),
    ("204", "Huyện Hoành Bồ", "Hoanh Bo District", "district", "huyện", "22", "", "2019-12", "193"),
    ("205", "Thị xã Đông Triều", "Dong Trieu Town", "district", "thị xã", "22", "", "", ""),
    ("206", "Thị xã Quảng Yên", "Quang Yen Town", "district", "thị xã", "22", "", "", ""),
    ("207", "Huyện Cô Tô", "Co To District", "district", "huyện", "22", "", "", ""),
]
DISTRICTS = [u[0] for u in UNITS if u[3] == "district"]

# Per-district parameters of the made-up data (relative sizes only):
# retail share, documents a month, procedure files a month, new enterprises
# a month, population (raw, scaled to the province total), rice area of the
# main season (ha), rice yields of the two seasons (tạ/ha), offsets of the
# online and signed shares of documents.
DISTRICT_PROFILE = {
    #        retail  docs  procf  newent  pop    riceS2  yS1   yS2   onl     sig
    "193": (0.355, 3400, 2600, 38, 236.0, 180, 53.0, 49.0, 0.025, 0.010),
    "194": (0.125, 1700, 1300, 10, 99.0, 1500, 52.0, 48.5, 0.010, 0.005),
    "195": (0.160, 2200, 1500, 12, 184.0, 420, 51.0, 47.5, 0.015, 0.008),
    "196": (0.100, 1800, 1200, 9, 115.0, 650, 54.0, 50.0, 0.020, 0.010),
    "198": (0.009, 700, 350, 1, 30.0, 1150, 45.0, 42.0, -0.040, -0.020),
    "199": (0.020, 900, 600, 2, 49.5, 1850, 50.0, 46.0, -0.020, -0.010),
    "200": (0.015, 800, 500, 2, 38.5, 1650, 52.0, 48.0, -0.015, -0.008),
    "201": (0.025, 1000, 800, 3, 57.5, 2750, 53.0, 49.0, -0.010, -0.005),
    "202": (0.007, 650, 300, 1, 20.5, 480, 44.0, 41.0, -0.045, -0.025),
    "203": (0.030, 1100, 700, 5, 45.0, 560, 50.5, 46.5, 0.000, -0.003),
    "204": (0.025, 850, 500, 2, 49.0, 880, 51.5, 47.0, -0.010, -0.006),
    "205": (0.068, 1600, 1400, 7, 166.0, 5150, 56.0, 51.5, 0.005, 0.004),
    "206": (0.055, 1500, 1300, 6, 139.0, 4750, 55.5, 51.0, 0.005, 0.002),
    "207": (0.006, 400, 120, 1, 6.0, 40, 45.0, 42.0, -0.050, -0.030),
}

G_GROWTH = "Tăng trưởng kinh tế"
G_AGRI = "Nông nghiệp"
G_BUDGET = "Tài chính - ngân sách"
G_INVEST = "Đầu tư"
G_TRADE = "Thương mại - du lịch"
G_ENTERPRISE = "Doanh nghiệp"
G_POP = "Dân số - lao động"
G_ADMIN = "Cải cách hành chính"
# the groups' English names (indicators.csv's group_en, SPEC §3)
GROUP_EN = {
    G_GROWTH: "Economic growth",
    G_AGRI: "Agriculture",
    G_BUDGET: "Public finance",
    G_INVEST: "Investment",
    G_TRADE: "Trade and tourism",
    G_ENTERPRISE: "Enterprises",
    G_POP: "Population and labour",
    G_ADMIN: "Administrative reform",
}

# code, name_vi, name_en, unit_vi, unit_en, kind, space_agg, time_agg,
# decimals, min, max, formula, group, frequency, key  (order is assigned)
INDICATORS = [
    ("GRDP", "Tổng sản phẩm trên địa bàn (GRDP, giá so sánh 2010)",
     "Gross regional domestic product (GRDP, 2010 prices)",
     "tỷ đồng", "billion VND", "flow", "sum", "sum", 1, "0", "", "", G_GROWTH, "quarter", 1),
    ("IIP", "Chỉ số sản xuất công nghiệp (cùng kỳ năm trước = 100)",
     "Index of industrial production (same period last year = 100)",
     "%", "%", "rate", "none", "none", 1, "0", "", "", G_GROWTH, "month", 0),
    ("CPI", "Chỉ số giá tiêu dùng (tháng trước = 100)",
     "Consumer price index (previous month = 100)",
     "%", "%", "rate", "none", "none", 2, "0", "", "", G_GROWTH, "month", 0),
    ("RICE_AREA", "Diện tích lúa thu hoạch", "Harvested rice area",
     "ha", "ha", "flow", "sum", "sum", 0, "0", "", "", G_AGRI, "half", 0),
    ("RICE_YIELD", "Năng suất lúa", "Rice yield",
     "tạ/ha", "quintals/ha", "rate", "wmean:RICE_AREA", "none", 1, "0", "100", "", G_AGRI, "half", 0),
    ("RICE_OUTPUT", "Sản lượng lúa", "Rice output",
     "tấn", "tonnes", "derived", "", "", 0, "", "", "RICE_AREA * RICE_YIELD / 10", G_AGRI, "half", 0),
    ("BUDGET_REV", "Tổng thu ngân sách nhà nước trên địa bàn",
     "State budget revenue collected in the province",
     "tỷ đồng", "billion VND", "derived", "", "", 1, "", "", "BUDGET_REV_DOM + BUDGET_REV_XNK",
     G_BUDGET, "month", 1),
    ("BUDGET_REV_DOM", "Thu nội địa", "Domestic revenue",
     "tỷ đồng", "billion VND", "flow", "sum", "sum", 1, "0", "", "", G_BUDGET, "month", 0),
    ("BUDGET_REV_XNK", "Thu từ hoạt động xuất nhập khẩu", "Revenue from imports and exports",
     "tỷ đồng", "billion VND", "flow", "sum", "sum", 1, "0", "", "", G_BUDGET, "month", 0),
    ("BUDGET_EXP", "Tổng chi ngân sách địa phương", "Local budget expenditure",
     "tỷ đồng", "billion VND", "flow", "sum", "sum", 1, "0", "", "", G_BUDGET, "month", 0),
    ("BUDGET_REV_PC", "Thu ngân sách nhà nước bình quân đầu người",
     "State budget revenue per person",
     "triệu đồng/người", "million VND per person", "derived", "", "", 2, "", "",
     "per_capita(BUDGET_REV)", G_BUDGET, "month", 0),
    ("INVEST_STATE", "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước do địa phương quản lý",
     "State budget investment managed locally",
     "tỷ đồng", "billion VND", "flow", "sum", "sum", 0, "0", "", "", G_INVEST, "month", 1),
    ("FDI_PROJECTS", "Số dự án đầu tư trực tiếp nước ngoài được cấp mới",
     "New foreign direct investment projects licensed",
     "dự án", "projects", "flow", "sum", "sum", 0, "0", "", "", G_INVEST, "month", 0),
    ("FDI_CAPITAL", "Vốn đăng ký của dự án đầu tư trực tiếp nước ngoài cấp mới",
     "Registered capital of new FDI projects",
     "triệu USD", "million USD", "flow", "sum", "sum", 1, "0", "", "", G_INVEST, "month", 0),
    ("RETAIL", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
     "Retail sales of goods and consumer services",
     "tỷ đồng", "billion VND", "flow", "sum", "sum", 1, "0", "", "", G_TRADE, "month", 1),
    ("RETAIL_PC", "Bán lẻ hàng hóa và dịch vụ tiêu dùng bình quân đầu người",
     "Retail sales per person",
     "triệu đồng/người", "million VND per person", "derived", "", "", 2, "", "",
     "per_capita(RETAIL)", G_TRADE, "month", 0),
    ("EXPORTS", "Kim ngạch xuất khẩu hàng hóa", "Exports of goods",
     "triệu USD", "million USD", "flow", "sum", "sum", 1, "0", "", "", G_TRADE, "month", 0),
    ("TOURISTS", "Tổng số lượt khách du lịch", "Tourist arrivals",
     "nghìn lượt người", "thousand arrivals", "flow", "sum", "sum", 1, "0", "", "", G_TRADE, "month", 1),
    ("TOURISTS_INTL", "Trong đó: khách quốc tế", "of which international",
     "nghìn lượt người", "thousand arrivals", "flow", "sum", "sum", 1, "0", "", "", G_TRADE, "month", 0),
    ("TOURISM_REV", "Tổng doanh thu du lịch", "Tourism revenue",
     "tỷ đồng", "billion VND", "flow", "sum", "sum", 1, "0", "", "", G_TRADE, "month", 0),
    ("NEW_ENTERPRISES", "Số doanh nghiệp thành lập mới", "Newly registered enterprises",
     "doanh nghiệp", "enterprises", "flow", "sum", "sum", 0, "0", "", "", G_ENTERPRISE, "month", 1),
    ("POP", "Dân số trung bình", "Average population",
     "nghìn người", "thousand persons", "stock", "sum", "last", 1, "0", "", "", G_POP, "year", 0),
    ("JOBS_CREATED", "Số lao động được tạo việc làm mới", "Persons given new jobs",
     "người", "persons", "flow", "sum", "sum", 0, "0", "", "", G_POP, "month", 0),
    ("PROC_ONLINE_L3", "Số thủ tục hành chính cung cấp trực tuyến mức độ 3",
     "Administrative procedures online at level 3",
     "thủ tục", "procedures", "stock", "sum", "last", 0, "0", "", "", G_ADMIN, "month", 1),
    ("PROC_FILES", "Hồ sơ thủ tục hành chính đã giải quyết tại trung tâm hành chính công cấp huyện",
     "Administrative files settled at district public administration centres",
     "hồ sơ", "files", "flow", "sum", "sum", 0, "0", "", "", G_ADMIN, "month", 0),
    ("PROC_FILES_ONTIME", "Trong đó: giải quyết đúng hạn", "of which settled on time",
     "hồ sơ", "files", "flow", "sum", "sum", 0, "0", "", "", G_ADMIN, "month", 0),
    ("PROC_ONTIME_PCT", "Tỷ lệ hồ sơ giải quyết đúng hạn", "Share of files settled on time",
     "%", "%", "derived", "", "", 1, "", "", "PROC_FILES_ONTIME / PROC_FILES * 100", G_ADMIN, "month", 0),
    ("DOCS_TOTAL", "Văn bản trao đổi giữa các cơ quan hành chính",
     "Documents exchanged between administrative agencies",
     "văn bản", "documents", "flow", "sum", "sum", 0, "0", "", "", G_ADMIN, "month", 0),
    ("DOCS_ONLINE", "Trong đó: gửi nhận qua mạng", "of which exchanged online",
     "văn bản", "documents", "flow", "sum", "sum", 0, "0", "", "", G_ADMIN, "month", 0),
    ("DOCS_SIGNED", "Trong đó: có chữ ký số", "of which digitally signed",
     "văn bản", "documents", "flow", "sum", "sum", 0, "0", "", "", G_ADMIN, "month", 0),
    ("DOCS_ONLINE_PCT", "Tỷ lệ văn bản trao đổi qua mạng", "Share of documents exchanged online",
     "%", "%", "derived", "", "", 1, "", "", "DOCS_ONLINE / DOCS_TOTAL * 100", G_ADMIN, "month", 1),
    ("DOCS_SIGNED_PCT", "Tỷ lệ văn bản qua mạng có chữ ký số",
     "Share of online documents digitally signed",
     "%", "%", "derived", "", "", 1, "", "", "DOCS_SIGNED / DOCS_ONLINE * 100", G_ADMIN, "month", 1),
    ("CIVIL_SERVANTS", "Số công chức hành chính cấp tỉnh và cấp huyện",
     "Civil servants of provincial and district administrations",
     "người", "persons", "stock", "sum", "last", 0, "0", "", "", G_ADMIN, "quarter", 0),
    ("STAFF_CUT", "Số người tinh giản biên chế", "Staff cut under the downsizing plan",
     "người", "persons", "flow", "sum", "sum", 0, "0", "", "", G_ADMIN, "quarter", 0),
]
IND = {row[0]: row for row in INDICATORS}


def dec_of(code):
    return IND[code][8]


DISTRICT_INDICATORS = ["RETAIL", "NEW_ENTERPRISES", "POP", "RICE_AREA", "RICE_YIELD",
                       "PROC_FILES", "PROC_FILES_ONTIME", "DOCS_TOTAL", "DOCS_ONLINE",
                       "DOCS_SIGNED"]

# code, name_vi, name_en, indicators, deadline_day (departments: scope 22)
DEPARTMENTS = [
    ("CTK", "Cục Thống kê tỉnh Quảng Ninh", "Quang Ninh Statistics Office",
     ["GRDP", "IIP", "CPI", "INVEST_STATE"], 20),
    ("STC", "Sở Tài chính", "Department of Finance",
     ["BUDGET_REV_DOM", "BUDGET_REV_XNK", "BUDGET_EXP"], 25),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment",
     ["FDI_PROJECTS", "FDI_CAPITAL"], 20),
    ("SCT", "Sở Công Thương", "Department of Industry and Trade", ["EXPORTS"], 20),
    ("SDL", "Sở Du lịch", "Department of Tourism",
     ["TOURISTS", "TOURISTS_INTL", "TOURISM_REV"], 20),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội",
     "Department of Labour, Invalids and Social Affairs", ["JOBS_CREATED"], 20),
    ("SNV", "Sở Nội vụ", "Department of Home Affairs", ["CIVIL_SERVANTS", "STAFF_CUT"], 25),
    ("STTTT", "Sở Thông tin và Truyền thông", "Department of Information and Communications",
     ["PROC_ONLINE_L3"], 20),
]


def district_reporter(code):
    return "CCTK_" + code


def build_reporters():
    rows = []
    for u in UNITS:
        if u[3] != "district":
            continue
        prefix = {"thành phố": "Thành phố ", "thị xã": "Thị xã ", "huyện": "Huyện "}[u[4]]
        check(u[1].startswith(prefix), "name of %s" % u[0])
        rows.append((district_reporter(u[0]),
                     "Chi cục Thống kê %s %s" % (u[4], u[1][len(prefix):]),
                     "%s Statistics Office" % u[2],
                     u[0], ";".join(DISTRICT_INDICATORS), "", "20"))
    for code, name_vi, name_en, inds, deadline in DEPARTMENTS:
        rows.append((code, name_vi, name_en, PROVINCE, ";".join(inds), "", str(deadline)))
    return rows


RULES = [
    ("DOCS_SIGNED_LE_ONLINE", "DOCS_SIGNED", "<=", "DOCS_ONLINE", "error",
     "Số văn bản có chữ ký số không được lớn hơn số văn bản gửi nhận qua mạng",
     "Digitally signed documents cannot exceed documents exchanged online"),
    ("DOCS_ONLINE_LE_TOTAL", "DOCS_ONLINE", "<=", "DOCS_TOTAL", "error",
     "Số văn bản gửi nhận qua mạng không được lớn hơn tổng số văn bản",
     "Documents exchanged online cannot exceed all documents"),
    ("PROC_ONTIME_LE_FILES", "PROC_FILES_ONTIME", "<=", "PROC_FILES", "error",
     "Số hồ sơ giải quyết đúng hạn không được lớn hơn số hồ sơ đã giải quyết",
     "Files settled on time cannot exceed files settled"),
    ("TOURISTS_INTL_LE_TOTAL", "TOURISTS_INTL", "<=", "TOURISTS", "warning",
     "Khách quốc tế lớn hơn tổng số khách du lịch: kiểm tra lại",
     "International arrivals exceed all arrivals: please check"),
    ("RICE_YIELD_MAX", "RICE_YIELD", "<=", "80", "warning",
     "Năng suất lúa trên 80 tạ/ha: kiểm tra lại",
     "Rice yield above 80 quintals per hectare: please check"),
]


def write_csv(path, header, rows, delimiter=",", bom=False, crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n",
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_catalog():
    write_csv(os.path.join(CATALOG_DIR, "units.csv"),
              ["code", "name_vi", "name_en", "level", "kind", "parent", "valid_from",
               "valid_to", "successor"], UNITS)
    write_csv(os.path.join(CATALOG_DIR, "reporters.csv"),
              ["code", "name_vi", "name_en", "scope_unit", "indicators", "report_level",
               "deadline_day"], build_reporters())
    rows = []
    for i, r in enumerate(INDICATORS):
        (code, nvi, nen, uvi, uen, kind, sagg, tagg, dec, mn, mx, formula, group, freq, key) = r
        rows.append((code, nvi, nen, uvi, uen, kind, sagg, tagg, str(dec), mn, mx, formula,
                     str((i + 1) * 10), group, freq, str(key), GROUP_EN[group]))
    write_csv(os.path.join(CATALOG_DIR, "indicators.csv"),
              ["code", "name_vi", "name_en", "unit_vi", "unit_en", "kind", "space_agg",
               "time_agg", "decimals", "min", "max", "formula", "order", "group", "frequency",
               "key", "group_en"], rows)
    write_csv(os.path.join(CATALOG_DIR, "rules.csv"),
              ["code", "left", "op", "right", "severity", "message_vi", "message_en"], RULES)


# ===================================================================
# Periods and small statistics helpers
# ===================================================================

MONTHS = [(2015, m) for m in range(1, 13)] + [(2016, m) for m in range(1, 8)]


def pm(y, m):
    return "%04d-%02d" % (y, m)


def median(xs):
    s = sorted(xs)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2.0


def zscore(x, hist):
    """Modified z-score of x against hist, or None (SPEC §4)."""
    if len(hist) < 6:
        return None
    med = median(hist)
    mad = median([abs(h - med) for h in hist])
    if mad == 0:
        return None
    return 0.6745 * abs(x - med) / mad


def season(m, amp, peak):
    return 1.0 + amp * math.cos(2.0 * math.pi * (m - peak) / 12.0)


# Generation keeps values a little further inside the limits than the final
# check asserts, so that revisions and small adjustments stay inside too.
Z_GEN = 3.0
YOY_GEN = 0.45
N = len(MONTHS)          # 19: 2015-01 .. 2016-07
FIRST_E = 11             # the first month sent as an estimate (2015-12)


def value_ok(x, hist, ly):
    """x passes the engine's two warnings against hist (earlier values of
    the same period type) and ly (same period last year, or None)."""
    z = zscore(x, hist)
    if z is not None and z > Z_GEN:
        return False
    if ly:
        if abs(x / ly - 1.0) > YOY_GEN:
            return False
    return True


def finals_ok(f):
    """Every official value of a monthly series passes against the official
    values of the earlier months."""
    for i in range(len(f)):
        ly = f[i - 12] if i >= 12 else None
        if not value_ok(f[i], f[:i], ly):
            return False
    return True


def repair(vals, dec, lo=None, forced=None):
    """Round a chronological list of floats (months 2015-01..2016-07) to
    scaled integers, pulling any value that would trip the engine's outlier
    or same-month-last-year warning back toward the history."""
    scale = 10 ** dec
    forced = forced or {}
    out = []
    for i, v in enumerate(vals):
        if i in forced:
            out.append(forced[i])
            continue
        x = v * scale
        for _ in range(400):
            xi = round(x)
            if lo is not None and xi < lo:
                xi = lo
                x = float(lo)
            z = zscore(xi, out)
            if z is not None and z > Z_REPAIR:
                med = median(out)
                x = med + (x - med) * 0.9
                continue
            if i >= 12 and out[i - 12] > 0:
                ly = out[i - 12]
                if abs(xi / ly - 1.0) > YOY_REPAIR:
                    x = ly + (x - ly) * 0.9
                    continue
            break
        xi = round(x)
        if lo is not None and xi < lo:
            xi = lo
        out.append(xi)
    return out


def monthly_raw(rng, base, growth, amp, peak, noise, amp2=0.0, peak2=0.0):
    """Floats for MONTHS: a level growing `growth` a year, a seasonal wave
    and gaussian noise (relative)."""
    out = []
    for (y, m) in MONTHS:
        t = (y - 2015) + (m - 1) / 12.0
        level = base * (1.0 + growth) ** t
        s = season(m, amp, peak)
        if amp2:
            s += amp2 * math.cos(4.0 * math.pi * (m - peak2) / 12.0)
        out.append(level * s * (1.0 + rng.gauss(0.0, noise)))
    return out


def est_ok(f, est, i, x):
    """The estimate x of month i passes against the database before its file
    (previous month still an estimate) and after it (previous month official)."""
    ly = f[i - 12] if i >= 12 else None
    if not value_ok(x, f[:i], ly):
        return False
    if i - 1 >= FIRST_E and est[i - 1] is not None:
        if not value_ok(x, f[:i - 1] + [est[i - 1]], ly):
            return False
    return True


def make_ests(rng, group, lo=0.005, hi=0.03):
    """Estimates for 2015-12 .. 2016-06 of a group of series revised together
    (one factor per month, so that rules between them still hold): off the
    official figure by lo..hi, less where that would trip a warning. An
    estimate is also kept from making next month's figure look like an
    outlier while it is still in the database; so the last resort, the
    official figure itself, always passes."""
    ests = [[None] * N for _ in group]
    for i in range(FIRST_E, N - 1):
        base = rng.uniform(lo, hi) * (1 if rng.random() < 0.5 else -1)
        for k in [1.0 + base * s for s in (1.0, 0.6, 0.35, 0.2, 0.1)] + [1.0]:
            e = [round(f[i] * k) for f in group]
            ok = True
            for j, f in enumerate(group):
                ly_next = f[i + 1 - 12] if i + 1 >= 12 else None
                if not (est_ok(f, ests[j], i, e[j])
                        and value_ok(f[i + 1], f[:i] + [e[j]], ly_next)):
                    ok = False
                    break
            if ok:
                break
        for j in range(len(group)):
            ests[j][i] = e[j]
    return ests


def gen_monthly(rng, base, growth, amp, peak, noise, dec, lo=0, amp2=0.0, peak2=0.0,
                forced=None, tries=200):
    """A repaired series whose official values all pass; redrawn if not."""
    for _ in range(tries):
        f = repair(monthly_raw(rng, base, growth, amp, peak, noise, amp2, peak2), dec, lo,
                   forced)
        if finals_ok(f):
            return f
    fail("cannot draw a smooth series (base %s)" % base)


def spread(values, diff):
    """Add diff (an integer) to a list of integers, in proportion to their
    size (largest remainder), keeping every value non-negative."""
    total = sum(values)
    shares = [diff * v / total for v in values]
    add = [int(math.floor(s)) for s in shares]
    rest = diff - sum(add)
    order = sorted(range(len(values)), key=lambda k: (-(shares[k] - add[k]), k))
    for k in order[:rest]:
        add[k] += 1
    return [v + a for v, a in zip(values, add)]


# ===================================================================
# The made-up data
# ===================================================================

class Data:
    """final[(unit, ind, period)] = scaled int, the value in force at the end
    (status A, except July 2016 and the estimates nobody revised);
    est[(unit, ind, period)] = the earlier estimate that a later file revised;
    marks[(unit, ind, period)] = '-' for 'nothing occurred';
    plan[(unit, ind)] = (scaled int, note) for 2016."""

    def __init__(self):
        self.final = {}
        self.est = {}
        self.marks = {}
        self.plan = {}

    def put_months(self, unit, ind, ints):
        check(len(ints) == N, "a series of 19 months")
        for (y, m), v in zip(MONTHS, ints):
            self.final[(unit, ind, pm(y, m))] = v

    def months(self, unit, ind):
        return [self.final[(unit, ind, pm(y, m))] for (y, m) in MONTHS]

    def put_ests(self, unit, inds, lo=0.005, hi=0.03, rng=None):
        group = [self.months(unit, ind) for ind in inds]
        ests = make_ests(rng, group, lo, hi)
        for ind, e in zip(inds, ests):
            for i in range(FIRST_E, N - 1):
                y, m = MONTHS[i]
                self.est[(unit, ind, pm(y, m))] = e[i]


EA_MONTHLY = {"IIP", "INVEST_STATE", "BUDGET_REV_DOM", "BUDGET_REV_XNK", "BUDGET_EXP",
              "EXPORTS", "TOURISTS", "TOURISTS_INTL", "TOURISM_REV", "JOBS_CREATED",
              "RETAIL", "NEW_ENTERPRISES", "PROC_FILES", "PROC_FILES_ONTIME",
              "DOCS_TOTAL", "DOCS_ONLINE", "DOCS_SIGNED"}
A_MONTHLY = {"CPI", "FDI_PROJECTS", "FDI_CAPITAL", "PROC_ONLINE_L3"}

# Province-wide share of documents online / signed, by month of 2016 (the
# article: "90% ... qua mạng, trong đó trên 95% ... có chữ ký số").
ONLINE_2016 = [0.897, 0.898, 0.900, 0.901, 0.902, 0.901, 0.900]
SIGNED_2016 = [0.949, 0.950, 0.951, 0.952, 0.953, 0.953, 0.953]


def build_data():
    rng = random.Random(SEED)
    D = Data()
    P = PROVINCE

    # ---- GRDP (CTK, quarterly, tenths of tỷ đồng) ---------------------
    # 7 months of 2016 on 7 months of 2015: 109.2 (seed article).
    q15 = [178450, 193120, 201560, 214870]
    q16 = [round(q15[0] * 1.089), round(q15[1] * 1.091)]
    for i, v in enumerate(q15):
        D.final[(P, "GRDP", "2015-Q%d" % (i + 1))] = v
    for i, v in enumerate(q16):
        D.final[(P, "GRDP", "2016-Q%d" % (i + 1))] = v
    july15 = 66013
    ytd15 = q15[0] + q15[1] + july15
    ytd16 = round(ytd15 * 1.092)
    D.final[(P, "GRDP", "2015-YTD07")] = ytd15
    D.final[(P, "GRDP", "2016-YTD07")] = ytd16
    D.est[(P, "GRDP", "2015-Q4")] = round(q15[3] * 0.994)
    D.est[(P, "GRDP", "2016-Q1")] = round(q16[0] * 0.995)
    D.est[(P, "GRDP", "2016-Q2")] = round(q16[1] * 0.996)
    D.plan[(P, "GRDP")] = (int(round(sum(q15) * 1.09, -1)),
                           "Kế hoạch UBND tỉnh giao: GRDP tăng 9%")

    # ---- IIP (CTK, monthly index on the same month last year, tenths) --
    # 2015 as a whole: 105.2, 2016: 100.1 (GSO yearbook); coal output fell.
    weights = [1.05, 0.85, 1.05, 1.0, 1.0, 0.98, 0.9, 0.9, 0.95, 1.05, 1.1, 1.17]
    for _ in range(200):
        raw15 = [107.0 - 3.4 * (m - 1) / 11.0 + rng.gauss(0, 1.3) for m in range(1, 13)]
        shift = 105.2 - sum(w * v for w, v in zip(weights, raw15)) / sum(weights)
        i15 = [round((v + shift) * 10) for v in raw15]
        # rounding: put the rest of the tenths on the month of largest weight
        rest = round(1052 * sum(weights) - sum(w * v for w, v in zip(weights, i15)))
        i15[11] += int(round(rest / weights[11]))
        raw16 = [99.6 + 0.15 * m + rng.gauss(0, 1.0) for m in range(1, 8)]
        iip = repair([v / 10.0 for v in i15] + raw16, 1, forced=dict(enumerate(i15)))
        year = sum(w * v for w, v in zip(weights, iip[:12])) / sum(weights)
        if finals_ok(iip) and abs(year - 1052) < 0.5:
            break
    else:
        fail("IIP")
    D.put_months(P, "IIP", iip)
    D.final[(P, "IIP", "2015")] = 1052
    D.est[(P, "IIP", "2015")] = 1049

    # ---- CPI (CTK, previous month = 100, hundredths) ------------------
    for _ in range(200):
        raw = [100.0 + (0.06 if y == 2015 else 0.28) + rng.gauss(0, 0.18) for (y, m) in MONTHS]
        cpi = repair(raw, 2)
        if finals_ok(cpi):
            break
    D.put_months(P, "CPI", cpi)

    # ---- INVEST_STATE (CTK): anchored on GSO's tables of June and July
    # 2016 (Quảng Ninh: May 458, June est. 448 / actual 521, July est. 512,
    # 7 months 2611 = 40.8% of plan, 108.8% of the same period of 2015).
    inv15 = [175, 180, 300, 350, 420, 481, 494, 510, 540, 580, 620, 700]
    inv16 = [190, 205, 335, 390, 458, 521, 512]
    D.put_months(P, "INVEST_STATE", inv15 + inv16)
    D.plan[(P, "INVEST_STATE")] = (6400, "Kế hoạch vốn đầu tư công năm 2016 HĐND tỉnh giao")

    # ---- Budget (STC, tenths of tỷ đồng) -----------------------------
    # Estimate 2016 (HĐND tỉnh): 23 800 + 10 500 = 34 300 tỷ đồng; the
    # province reports 62.0% of it after 7 months.
    plan_dom, plan_xnk = 238000, 105000
    target_ytd = round((plan_dom + plan_xnk) * 0.62)
    for _ in range(200):
        rdom = monthly_raw(rng, 1960.0, 0.09, 0.05, 12, 0.03)
        rxnk = monthly_raw(rng, 850.0, 0.07, 0.04, 9, 0.035)
        f = target_ytd / 10.0 / (sum(rdom[12:]) + sum(rxnk[12:]))
        rdom = rdom[:12] + [v * f for v in rdom[12:]]
        rxnk = rxnk[:12] + [v * f for v in rxnk[12:]]
        dom = repair(rdom, 1, 0)
        xnk = repair(rxnk, 1, 0)
        dom[18] += target_ytd - (sum(dom[12:]) + sum(xnk[12:]))
        if finals_ok(dom) and finals_ok(xnk):
            break
    else:
        fail("budget")
    D.put_months(P, "BUDGET_REV_DOM", dom)
    D.put_months(P, "BUDGET_REV_XNK", xnk)
    D.put_months(P, "BUDGET_EXP", gen_monthly(rng, 1290.0, 0.05, 0.06, 12, 0.04, 1))
    note = "Dự toán HĐND tỉnh giao"
    D.plan[(P, "BUDGET_REV_DOM")] = (plan_dom, note)
    D.plan[(P, "BUDGET_REV_XNK")] = (plan_xnk, note)
    D.plan[(P, "BUDGET_EXP")] = (159697, note)   # = MoF tổng chi cân đối NSĐP

    # ---- FDI (SKHDT): 7 months of 2016 = 7 projects, 153.5 million USD
    # (GSO table of July 2016).
    D.put_months(P, "FDI_PROJECTS", [1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2] + [1] * 7)
    cap16 = [182, 156, 240, 215, 263, 221, 258]
    for _ in range(200):
        raw = [rng.uniform(150, 260) / 10.0 for _ in range(12)] + [c / 10.0 for c in cap16]
        cap = repair(raw, 1, forced={12 + i: c for i, c in enumerate(cap16)})
        if finals_ok(cap):
            break
    else:
        fail("FDI")
    D.put_months(P, "FDI_CAPITAL", cap)

    # ---- Trade and tourism (SCT, SDL), labour (SLDTBXH) ---------------
    D.put_months(P, "EXPORTS", gen_monthly(rng, 135.0, 0.06, 0.05, 11, 0.035, 1))
    tour = gen_monthly(rng, 640.0, 0.10, 0.12, 6.5, 0.035, 1, amp2=0.04, peak2=2)
    intl = gen_monthly(rng, 235.0, 0.08, 0.09, 7, 0.035, 1)
    D.put_months(P, "TOURISTS", tour)
    D.put_months(P, "TOURISTS_INTL", intl)
    D.put_months(P, "TOURISM_REV", gen_monthly(rng, 560.0, 0.14, 0.12, 6.5, 0.035, 1))
    D.put_months(P, "JOBS_CREATED", gen_monthly(rng, 1400.0, 0.04, 0.08, 4, 0.04, 0))
    D.plan[(P, "EXPORTS")] = (17500, "Kế hoạch UBND tỉnh giao")
    D.plan[(P, "TOURISTS")] = (85000, "Kế hoạch UBND tỉnh giao")
    D.plan[(P, "TOURISTS_INTL")] = (30000, "Kế hoạch UBND tỉnh giao")
    D.plan[(P, "TOURISM_REV")] = (78000, "Kế hoạch UBND tỉnh giao")
    D.plan[(P, "JOBS_CREATED")] = (17500, "Kế hoạch UBND tỉnh giao")

    # ---- Procedures online at level 3 (STTTT, a stock) ----------------
    # 509 from 1 July 2016 (seed article).
    D.put_months(P, "PROC_ONLINE_L3",
                 [300, 309, 318, 330, 341, 350, 360, 370, 379, 390, 401, 410,
                  420, 428, 436, 445, 452, 462, 509])

    # ---- Civil servants and downsizing (SNV, quarterly) ---------------
    quarters = ["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4", "2016-Q1", "2016-Q2"]
    for q, v in zip(quarters, [4320, 4305, 4290, 4262, 4240, 4205]):
        D.final[(P, "CIVIL_SERVANTS", q)] = v
    for q, v in zip(quarters, [28, 35, 31, 46, 38, 50]):
        D.final[(P, "STAFF_CUT", q)] = v
    D.est[(P, "CIVIL_SERVANTS", "2015-Q4")] = 4265
    D.est[(P, "CIVIL_SERVANTS", "2016-Q1")] = 4244
    D.est[(P, "CIVIL_SERVANTS", "2016-Q2")] = 4210
    D.est[(P, "STAFF_CUT", "2015-Q4")] = 44
    D.est[(P, "STAFF_CUT", "2016-Q1")] = 37
    D.est[(P, "STAFF_CUT", "2016-Q2")] = 48

    build_districts(rng, D)

    # ---- Estimates of the monthly E/A series --------------------------
    for ind in ["IIP", "INVEST_STATE", "BUDGET_REV_DOM", "BUDGET_REV_XNK", "BUDGET_EXP",
                "EXPORTS", "TOURISTS", "TOURISTS_INTL", "TOURISM_REV", "JOBS_CREATED"]:
        if ind == "IIP":
            D.put_ests(P, [ind], 0.002, 0.012, rng=rng)
        else:
            D.put_ests(P, [ind], rng=rng)
    # IIP of the months so far: the months weighted by production. The
    # estimate of a month's file uses that month's estimate.
    cum_w = 0.0
    cum = 0.0
    for m in range(1, 8):
        v = iip[12 + m - 1]
        e = D.est.get((P, "IIP", pm(2016, m)), v)
        D.final[(P, "IIP", "2016-YTD%02d" % m)] = round((cum + weights[m - 1] * v)
                                                        / (cum_w + weights[m - 1]))
        if m < 7:
            D.est[(P, "IIP", "2016-YTD%02d" % m)] = round((cum + weights[m - 1] * e)
                                                          / (cum_w + weights[m - 1]))
        cum += weights[m - 1] * v
        cum_w += weights[m - 1]
    # INVEST_STATE as GSO printed it: June report "ước tính tháng 6" 448.
    D.est[(P, "INVEST_STATE", "2016-05")] = 450
    D.est[(P, "INVEST_STATE", "2016-06")] = 448
    for d in DISTRICTS:
        D.put_ests(d, ["RETAIL"], rng=rng)
        D.put_ests(d, ["NEW_ENTERPRISES"], rng=rng)
        D.put_ests(d, ["PROC_FILES", "PROC_FILES_ONTIME"], rng=rng)
        D.put_ests(d, ["DOCS_TOTAL", "DOCS_ONLINE", "DOCS_SIGNED"], rng=rng)
    return D


def build_districts(rng, D):
    # Retail: 2015 province total 53 398,8 tỷ đồng (GSO yearbook), +12,9%.
    retail = {}
    for d in DISTRICTS:
        share = DISTRICT_PROFILE[d][0] / sum(p[0] for p in DISTRICT_PROFILE.values())
        level15 = sum(1.129 ** ((m - 1) / 12.0) for m in range(1, 13)) / 12.0
        # 7 months of 2016 near +12.9% on 7 months of 2015, the growth of the year
        for _ in range(500):
            retail[d] = gen_monthly(rng, share * 53398.8 / 12.0 / level15, 0.129, 0.04, 1.5,
                                    0.025, 1)
            if 1.12 <= sum(retail[d][12:]) / sum(retail[d][:7]) <= 1.14:
                break
        else:
            fail("retail of %s" % d)
    diff = 533988 - sum(sum(retail[d][:12]) for d in DISTRICTS)
    # spread the difference over all districts and months of 2015
    flat = [retail[d][i] for d in DISTRICTS for i in range(12)]
    flat = spread(flat, diff)
    for k, d in enumerate(DISTRICTS):
        retail[d][:12] = flat[12 * k:12 * k + 12]
        D.put_months(d, "RETAIL", retail[d])
        D.plan[(d, "RETAIL")] = (int(round(sum(retail[d][:12]) * 1.12, -1)),
                                 "Kế hoạch UBND cấp huyện giao")

    # New enterprises; Cô Tô had none in March 2015 and March 2016.
    for d in DISTRICTS:
        base = DISTRICT_PROFILE[d][3]
        forced = {2: 0, 14: 0} if d == "207" else None
        D.put_months(d, "NEW_ENTERPRISES",
                     gen_monthly(rng, base, 0.10, 0.10, 10, 0.15 if base >= 5 else 0.3, 0,
                                 lo=1, forced=forced))
    D.marks[("207", "NEW_ENTERPRISES", "2015-03")] = "-"
    D.marks[("207", "NEW_ENTERPRISES", "2016-03")] = "-"

    # Population: 1 211,3 thousand in 2015 and 1 224,6 in 2016 (GSO).
    pops = {d: DISTRICT_PROFILE[d][4] for d in DISTRICTS}
    s = sum(pops.values())
    p15 = {d: round(pops[d] * 1211.3 / s * 10) for d in DISTRICTS}
    p15["193"] += 12113 - sum(p15.values())
    g = {d: 1.0 + rng.uniform(0.007, 0.016) for d in DISTRICTS}
    s16 = sum(p15[d] * g[d] for d in DISTRICTS)
    p16 = {d: round(p15[d] * g[d] * 12246 / s16) for d in DISTRICTS}
    p16["193"] += 12246 - sum(p16.values())
    for d in DISTRICTS:
        D.final[(d, "POP", "2015")] = p15[d]
        D.final[(d, "POP", "2016")] = p16[d]

    # Rice: two seasons (Đông Xuân = S1, Mùa = S2).
    for d in DISTRICTS:
        area2 = DISTRICT_PROFILE[d][5]
        y1, y2 = DISTRICT_PROFILE[d][6], DISTRICT_PROFILE[d][7]
        a151 = round(area2 * 0.82 * rng.uniform(0.97, 1.03))
        a152 = round(area2 * rng.uniform(0.98, 1.02))
        a161 = round(a151 * rng.uniform(0.97, 1.005))
        y151 = round((y1 + rng.gauss(0, 0.8)) * 10)
        y152 = round((y2 + rng.gauss(0, 0.8)) * 10)
        y161 = round((y151 / 10.0 + 0.3 + rng.gauss(0, 0.6)) * 10)
        D.final[(d, "RICE_AREA", "2015-S1")] = a151
        D.final[(d, "RICE_AREA", "2015-S2")] = a152
        D.final[(d, "RICE_AREA", "2016-S1")] = a161
        D.final[(d, "RICE_YIELD", "2015-S1")] = y151
        D.final[(d, "RICE_YIELD", "2015-S2")] = y152
        D.final[(d, "RICE_YIELD", "2016-S1")] = y161
        D.est[(d, "RICE_AREA", "2016-S1")] = round(a161 * rng.uniform(0.99, 1.01))
        D.est[(d, "RICE_YIELD", "2016-S1")] = y161 + rng.choice([-3, -2, -1, 1, 2])

    # Procedure files at the public administration centres.
    for d in DISTRICTS:
        base = DISTRICT_PROFILE[d][2]
        for _ in range(200):
            files = gen_monthly(rng, base, 0.08, 0.03, 12, 0.04, 0, lo=1)
            ontime = [min(f, round(f * (0.975 + rng.uniform(0.0, 0.022)))) for f in files]
            if finals_ok(ontime):
                break
        else:
            fail("PROC_FILES of %s" % d)
        D.put_months(d, "PROC_FILES", files)
        D.put_months(d, "PROC_FILES_ONTIME", ontime)

    # Documents between agencies: total, online, signed. The shares rise
    # through 2015 and stay near 90% / 95% in 2016.
    def shares(i):
        y, m = MONTHS[i]
        if y == 2015:
            return (0.76 + (0.875 - 0.76) * (m - 1) / 11.0,
                    0.86 + (0.935 - 0.86) * (m - 1) / 11.0)
        return ONLINE_2016[m - 1], SIGNED_2016[m - 1]

    weight = {d: DISTRICT_PROFILE[d][1] for d in DISTRICTS}
    wsum = float(sum(weight.values()))
    mean_on = sum(weight[d] * DISTRICT_PROFILE[d][8] for d in DISTRICTS) / wsum
    mean_sg = sum(weight[d] * DISTRICT_PROFILE[d][9] for d in DISTRICTS) / wsum
    totals, online, signed = {}, {}, {}
    for d in DISTRICTS:
        for _ in range(500):
            t = gen_monthly(rng, DISTRICT_PROFILE[d][1], 0.035, 0.02, 11, 0.035, 0, lo=1)
            on, sg = [], []
            for i in range(N):
                r_on, r_sg = shares(i)
                ro = r_on + DISTRICT_PROFILE[d][8] - mean_on + rng.gauss(0, 0.005)
                rs = r_sg + DISTRICT_PROFILE[d][9] - mean_sg + rng.gauss(0, 0.004)
                on.append(min(t[i], round(t[i] * ro)))
                sg.append(min(on[i], round(on[i] * rs)))
            if finals_ok(on) and finals_ok(sg):
                break
        else:
            fail("documents of %s" % d)
        totals[d], online[d], signed[d] = t, on, sg
    # hit the province-wide shares exactly (to the document)
    for i in range(N):
        r_on, r_sg = shares(i)
        t_sum = sum(totals[d][i] for d in DISTRICTS)
        want_on = round(r_on * t_sum)
        col = spread([online[d][i] for d in DISTRICTS],
                     want_on - sum(online[d][i] for d in DISTRICTS))
        for d, v in zip(DISTRICTS, col):
            online[d][i] = v
            check(v <= totals[d][i], "online above total")
        want_sg = round(r_sg * want_on)
        col = spread([signed[d][i] for d in DISTRICTS],
                     want_sg - sum(signed[d][i] for d in DISTRICTS))
        for d, v in zip(DISTRICTS, col):
            signed[d][i] = v
            check(v <= online[d][i], "signed above online")
    for d in DISTRICTS:
        D.put_months(d, "DOCS_TOTAL", totals[d])
        D.put_months(d, "DOCS_ONLINE", online[d])
        D.put_months(d, "DOCS_SIGNED", signed[d])


# ===================================================================
# Files
# ===================================================================

SLOTS = ["2015-backfill", "2016-plan"] + ["2016-%02d" % m for m in range(1, 8)]

NOTE_E = "Ước tính"
NOTE_A = "Số chính thức"


def fmt_plain(scaled, dec):
    neg = scaled < 0
    s = str(abs(scaled)).rjust(dec + 1, "0")
    if dec:
        ip, fp = s[:-dec], s[-dec:]
        fp = fp.rstrip("0")
        s = ip + ("." + fp if fp else "")
    return ("-" if neg else "") + s


def fmt_vi(scaled, dec):
    s = fmt_plain(scaled, dec)
    ip, _, fp = s.partition(".")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = ".".join(groups)
    return out + ("," + fp if fp else "")


def rows_for(D, reporter_inds, units, slot):
    """(unit, indicator, period, scaled or mark, measure, status, note) rows
    of one reporter's file for one slot."""
    rows = []

    def add(u, ind, p, status, note, src="final"):
        key = (u, ind, p)
        if src == "est":
            v = D.est[key]
        else:
            v = D.final[key]
        mark = D.marks.get(key)
        if mark:
            note = "Không phát sinh"
        rows.append((u, ind, p, mark if mark else v, "actual", status, note))

    for u in units:
        for ind in reporter_inds:
            freq = IND[ind][13]
            if slot == "2016-plan":
                if (u, ind) in D.plan:
                    v, note = D.plan[(u, ind)]
                    rows.append((u, ind, "2016", int(v), "plan", "A", note))
                continue
            if freq == "month":
                ea = ind in EA_MONTHLY
                if slot == "2015-backfill":
                    for (y, m) in MONTHS[:12]:
                        p = pm(y, m)
                        if ea and m == 12:
                            add(u, ind, p, "E", NOTE_E, "est")
                        else:
                            add(u, ind, p, "A", "")
                    if ind == "IIP":
                        add(u, ind, "2015", "E", NOTE_E, "est")
                else:
                    m = int(slot[5:])
                    p = pm(2016, m)
                    prev = pm(2015, 12) if m == 1 else pm(2016, m - 1)
                    if ea:
                        add(u, ind, prev, "A", NOTE_A)
                        if ind == "IIP" and m == 1:
                            add(u, ind, "2015", "A", NOTE_A)
                        if ind == "IIP" and m > 1:
                            add(u, ind, "2016-YTD%02d" % (m - 1), "A", NOTE_A)
                        add(u, ind, p, "E", NOTE_E, "final" if m == 7 else "est")
                        if ind == "IIP":
                            add(u, ind, "2016-YTD%02d" % m, "E", NOTE_E,
                                "final" if m == 7 else "est")
                    else:
                        add(u, ind, p, "A", "")
            elif freq == "quarter":
                sched = {"2015-backfill": [("2015-Q1", "A"), ("2015-Q2", "A"), ("2015-Q3", "A"),
                                           ("2015-Q4", "E")],
                         "2016-01": [("2015-Q4", "A")],
                         "2016-03": [("2016-Q1", "E")],
                         "2016-04": [("2016-Q1", "A")],
                         "2016-06": [("2016-Q2", "E")],
                         "2016-07": [("2016-Q2", "A")]}
                for p, st in sched.get(slot, []):
                    if st == "E":
                        add(u, ind, p, "E", NOTE_E, "est")
                    else:
                        add(u, ind, p, "A", NOTE_A if slot != "2015-backfill" else "")
                if ind == "GRDP" and slot == "2015-backfill":
                    add(u, ind, "2015-YTD07", "A", "")
                if ind == "GRDP" and slot == "2016-07":
                    add(u, ind, "2016-YTD07", "E", NOTE_E)
            elif freq == "half":
                if slot == "2015-backfill":
                    add(u, ind, "2015-S1", "A", "")
                    add(u, ind, "2015-S2", "A", "")
                elif slot == "2016-06":
                    add(u, ind, "2016-S1", "E", NOTE_E, "est")
                elif slot == "2016-07":
                    add(u, ind, "2016-S1", "A", NOTE_A)
            elif freq == "year":
                if slot == "2015-backfill":
                    add(u, ind, "2015", "A", "")
                elif slot == "2016-03" and u == "198":
                    rows.append((u, ind, "2016", "..", "actual", "",
                                 "Chưa có số liệu ước tính dân số năm 2016"))
                elif slot == "2016-06":
                    add(u, ind, "2016", "E", NOTE_E)
    return rows


# Special files: (reporter, slot) -> how it is written.
VI_NUMBERS = ("CCTK_196", "2016-04")      # ';', 1.234,5, BOM, CRLF
VI_HEADERS = ("CCTK_194", "2016-05")      # ma_don_vi,..., periods as T5/2016
LATE = {("CCTK_202", "2016-02"): (2016, 3, 24),
        ("CCTK_207", "2016-05"): (2016, 6, 27),
        ("SNV", "2016-03"): (2016, 4, 27)}


def received_date(rng, reporter, deadline, slot):
    if (reporter, slot) in LATE:
        return "%04d-%02d-%02d" % LATE[(reporter, slot)]
    if slot == "2015-backfill":
        return "2016-01-%02d" % rng.randint(11, 15)
    if slot == "2016-plan":
        return "2016-01-%02d" % rng.randint(18, 22)
    m = int(slot[5:]) + 1
    day = rng.randint(5, 18) if deadline <= 20 else rng.randint(8, 24)
    return "2016-%02d-%02d" % (m, day)


def write_submissions(D):
    if os.path.isdir(SUBMISSIONS_DIR):
        shutil.rmtree(SUBMISSIONS_DIR)
    os.makedirs(SUBMISSIONS_DIR)
    rng = random.Random(SEED + 1)
    manifest = []
    reporters = build_reporters()
    for si, slot in enumerate(SLOTS):
        for ri, rep in enumerate(reporters):
            code, inds, scope, deadline = rep[0], rep[4].split(";"), rep[3], int(rep[6])
            units = [scope]
            rows = rows_for(D, inds, units, slot)
            if not rows:
                continue
            rel = "%s/%s.csv" % (slot, code)
            path = os.path.join(SUBMISSIONS_DIR, rel)
            options = ""
            if (code, slot) == VI_NUMBERS:
                out = [(u, i, p, v if isinstance(v, str) else fmt_vi(v, dec_of(i)), me, st, n)
                       for (u, i, p, v, me, st, n) in rows]
                write_csv(path, ["unit", "indicator", "period", "value", "measure", "status",
                                 "note"], out, delimiter=";", bom=True, crlf=True)
                options = "--number-format vi"
            elif (code, slot) == VI_HEADERS:
                out = []
                for (u, i, p, v, me, st, n) in rows:
                    if len(p) == 7 and p[4] == "-" and p[5].isdigit():
                        p = "T%d/%s" % (int(p[5:]), p[:4])
                    out.append((u, i, p, v if isinstance(v, str) else fmt_plain(v, dec_of(i)),
                                me, st, n))
                write_csv(path, ["ma_don_vi", "ma_chi_tieu", "ky", "gia_tri", "loai",
                                 "trang_thai", "ghi_chu"], out)
            else:
                out = [(u, i, p, v if isinstance(v, str) else fmt_plain(v, dec_of(i)), me, st, n)
                       for (u, i, p, v, me, st, n) in rows]
                write_csv(path, ["unit", "indicator", "period", "value", "measure", "status",
                                 "note"], out)
            manifest.append((received_date(rng, code, deadline, slot), si, ri, rel, code,
                             options))
    manifest.sort()
    write_csv(os.path.join(SUBMISSIONS_DIR, "manifest.csv"),
              ["file", "reporter", "received", "options"],
              [(rel, code, rec, opt) for (rec, si, ri, rel, code, opt) in manifest])


# ===================================================================
# Independent check: read the files back as the engine will
# ===================================================================

def read_table(path):
    """Rows of a CSV file as lists of fields, with the physical line of each
    record, the delimiter detected from the header line (SPEC §3)."""
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")          # must be valid UTF-8
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delim = max(counts, key=lambda d: counts[d])
    check(counts[delim] > 0, "%s: no delimiter in the header" % path)
    recs = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True))
    return delim, recs


HEADER_ALIASES = {"unit": "unit", "ma_don_vi": "unit", "indicator": "indicator",
                  "ma_chi_tieu": "indicator", "period": "period", "ky": "period",
                  "value": "value", "gia_tri": "value", "measure": "measure", "loai": "measure",
                  "status": "status", "trang_thai": "status", "note": "note", "ghi_chu": "note"}


def parse_period(s):
    """(kind, year, n) with kind M, Q, S, Y, YTD; None when bad. Covers the
    canonical forms and the T7/2016 form."""
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})", s)
    if m:
        mo = int(m.group(2))
        return ("M", int(m.group(1)), mo) if 1 <= mo <= 12 else None
    m = re.fullmatch(r"[Tt](\d{1,2})/(\d{4})", s)
    if m:
        mo = int(m.group(1))
        return ("M", int(m.group(2)), mo) if 1 <= mo <= 12 else None
    m = re.fullmatch(r"(\d{4})-Q([1-4])", s)
    if m:
        return ("Q", int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})-S([12])", s)
    if m:
        return ("S", int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})-YTD(\d{2})", s)
    if m:
        n = int(m.group(2))
        return ("YTD", int(m.group(1)), n) if 1 <= n <= 11 else None
    m = re.fullmatch(r"(\d{4})", s)
    if m:
        return ("Y", int(m.group(1)), 12)
    return None


def canon(p):
    kind, y, n = p
    return {"M": "%04d-%02d" % (y, n), "Q": "%04d-Q%d" % (y, n), "S": "%04d-S%d" % (y, n),
            "YTD": "%04d-YTD%02d" % (y, n), "Y": "%04d" % y}[kind]


def period_months(p):
    kind, y, n = p
    return {"M": 1, "Q": 3, "S": 6, "YTD": n, "Y": 12}[kind]


def period_last_month(p):
    kind, y, n = p
    return {"M": n, "Q": 3 * n, "S": 6 * n, "YTD": n, "Y": 12}[kind]


FREQ_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def parse_number(s, fmt):
    """(Fraction, decimals written) or None."""
    s = s.strip()
    if fmt == "vi":
        m = re.fullmatch(r"[+-]?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?", s)
        if not m:
            return None
        intpart = m.group(1).replace(".", "")
        frac = m.group(2) or ""
    else:
        m = re.fullmatch(r"[+-]?(\d+)(?:\.(\d+))?", s)
        if not m:
            return None
        intpart = m.group(1)
        frac = m.group(2) or ""
    v = Fraction(int(intpart + frac), 10 ** len(frac))
    if s.startswith("-"):
        v = -v
    return v, len(frac)


class Formula:
    """Arithmetic formulas of the catalog: numbers, codes, + - * /, ()."""

    TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Z][A-Z0-9_]*)|(.))")

    def __init__(self, text):
        self.toks = []
        for num, name, op in self.TOKEN.findall(text):
            if num:
                self.toks.append(("n", Fraction(num)))
            elif name:
                self.toks.append(("c", name))
            elif op.strip():
                self.toks.append(("o", op))
        self.text = text

    def codes(self):
        return [t[1] for t in self.toks if t[0] == "c"]

    def eval(self, get):
        self.pos = 0
        v = self.expr(get)
        check(self.pos == len(self.toks), "formula %s: trailing input" % self.text)
        return v

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else ("e", None)

    def expr(self, get):
        v = self.term(get)
        while self.peek() in (("o", "+"), ("o", "-")):
            op = self.toks[self.pos][1]
            self.pos += 1
            w = self.term(get)
            v = None if v is None or w is None else (v + w if op == "+" else v - w)
        return v

    def term(self, get):
        v = self.atom(get)
        while self.peek() in (("o", "*"), ("o", "/")):
            op = self.toks[self.pos][1]
            self.pos += 1
            w = self.atom(get)
            if v is None or w is None or (op == "/" and w == 0):
                v = None
            else:
                v = v * w if op == "*" else v / w
        return v

    def atom(self, get):
        t = self.peek()
        self.pos += 1
        if t[0] == "n":
            return t[1]
        if t[0] == "c":
            return get(t[1])
        if t == ("o", "("):
            v = self.expr(get)
            check(self.peek() == ("o", ")"), "formula %s: missing )" % self.text)
            self.pos += 1
            return v
        if t == ("o", "-"):
            v = self.atom(get)
            return None if v is None else -v
        fail("formula %s: unexpected %r" % (self.text, t))


class Mini:
    """A small, independent reading of the catalog and submissions."""

    def __init__(self):
        self.units = {}
        self.children = {}
        self.inds = {}
        self.reps = {}
        self.rules = []
        # store[(unit, ind, period, measure)] = (Fraction, status, reporter)
        self.store = {}
        self.history = {}
        self.stats = {"files": 0, "rows": 0, "revisions": 0, "none_occurred": 0,
                      "not_collected": 0, "late": 0}

    # ---- catalog --------------------------------------------------
    def load_catalog(self):
        def dicts(name):
            _, recs = read_table(os.path.join(CATALOG_DIR, name))
            head = recs[0]
            return [dict(zip(head, r)) for r in recs[1:]]

        for u in dicts("units.csv"):
            check(u["code"] not in self.units, "duplicate unit %s" % u["code"])
            self.units[u["code"]] = u
        tops = [c for c, u in self.units.items() if not u["parent"]]
        check(tops == [PROVINCE], "one top unit, 22")
        for c, u in self.units.items():
            if u["parent"]:
                check(u["parent"] in self.units, "parent of %s" % c)
                self.children.setdefault(u["parent"], []).append(c)
            if u["successor"]:
                check(u["successor"] in self.units and not self.units[u["successor"]]["valid_to"],
                      "successor of %s" % c)
        check(len(self.children[PROVINCE]) == 14, "14 district units")
        for i in dicts("indicators.csv"):
            check(re.fullmatch(r"[A-Z][A-Z0-9_]*", i["code"]) is not None, "code %s" % i["code"])
            check(i["code"] not in self.inds, "duplicate indicator %s" % i["code"])
            i["decimals"] = int(i["decimals"])
            check(0 <= i["decimals"] <= 6, "decimals of %s" % i["code"])
            if i["kind"] == "rate":
                check(i["space_agg"] != "sum" and i["time_agg"] != "sum",
                      "rate %s summed" % i["code"])
            self.inds[i["code"]] = i
        check(25 <= len(self.inds) <= 35, "25 to 35 indicators")
        for c, i in self.inds.items():
            if i["kind"] == "derived":
                check(i["formula"] != "", "formula of %s" % c)
                for code in re.findall(r"[A-Z][A-Z0-9_]*", i["formula"].replace("per_capita", "")):
                    check(code in self.inds and code != c, "formula of %s names %s" % (c, code))
            else:
                check(i["formula"] == "", "formula on non-derived %s" % c)
            if i["space_agg"].startswith("wmean:"):
                check(i["space_agg"][6:] in self.inds, "wmean weight of %s" % c)
        for r in dicts("reporters.csv"):
            check(r["scope_unit"] in self.units, "scope of %s" % r["code"])
            r["list"] = r["indicators"].split(";")
            for c in r["list"]:
                check(c in self.inds and self.inds[c]["kind"] != "derived",
                      "reporter %s lists %s" % (r["code"], c))
            check(1 <= int(r["deadline_day"]) <= 28, "deadline of %s" % r["code"])
            self.reps[r["code"]] = r
        check(len([r for r in self.reps if not r.startswith("CCTK_")]) == 8, "8 departments")
        # each non-derived indicator of each unit has exactly one reporter
        owner = {}
        for rc, r in self.reps.items():
            for c in r["list"]:
                key = (r["scope_unit"], c)
                check(key not in owner, "%s/%s has two reporters" % key)
                owner[key] = rc
        for c, i in self.inds.items():
            if i["kind"] == "derived":
                continue
            on_22 = (PROVINCE, c) in owner
            on_d = [(d, c) in owner for d in self.children[PROVINCE]]
            check(on_22 != any(on_d) and (all(on_d) or not any(on_d)),
                  "%s: either the province or every district reports it" % c)
        _, recs = read_table(os.path.join(CATALOG_DIR, "rules.csv"))
        for r in recs[1:]:
            rule = dict(zip(recs[0], r))
            rule["l"] = Formula(rule["left"])
            rule["r"] = Formula(rule["right"])
            for code in rule["l"].codes() + rule["r"].codes():
                check(code in self.inds, "rule %s names %s" % (rule["code"], code))
            self.rules.append(rule)

    def in_scope(self, unit, scope):
        while unit:
            if unit == scope:
                return True
            unit = self.units[unit]["parent"]
        return False

    def valid(self, unit, p):
        vt = self.units[unit]["valid_to"]
        if not vt:
            return True
        y, m = int(vt[:4]), int(vt[5:7])
        return (p[1], period_last_month(p) - period_months(p) + 1) <= (y, m)

    # ---- ingest -----------------------------------------------------
    def ingest(self, rel, reporter, received, options):
        path = os.path.join(SUBMISSIONS_DIR, rel)
        where = "submissions/" + rel
        check(reporter in self.reps, "%s: unknown reporter" % where)
        rep = self.reps[reporter]
        check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", received) is not None, "%s: received" % where)
        opts = options.split()
        fmt = "plain"
        if opts:
            check(opts[0] == "--number-format" and len(opts) == 2, "%s: options" % where)
            fmt = opts[1]
        delim, recs = read_table(path)
        if delim == ";" and not opts:
            fmt = "vi"
        head = [HEADER_ALIASES.get(h.strip().lower()) for h in recs[0]]
        check(None not in head, "%s: unknown column" % where)
        for need in ("unit", "indicator", "period", "value"):
            check(need in head, "%s: no %s column" % (where, need))
        seen = set()
        rows = []
        for ln, rec in enumerate(recs[1:], start=2):
            at = "%s:%d" % (where, ln)
            check(len(rec) == len(head), "%s: field count" % at)
            r = dict(zip(head, rec))
            unit, ind = r["unit"], r["indicator"]
            check(unit in self.units, "%s: unknown unit %s" % (at, unit))
            check(self.in_scope(unit, rep["scope_unit"]), "%s: unit out of scope" % at)
            check(ind in self.inds, "%s: unknown indicator" % at)
            check(ind in rep["list"], "%s: %s not in the list of %s" % (at, ind, reporter))
            info = self.inds[ind]
            p = parse_period(r["period"])
            check(p is not None, "%s: bad period %s" % (at, r["period"]))
            measure = r.get("measure") or "actual"
            check(measure in ("actual", "plan"), "%s: measure" % at)
            if measure == "plan":
                check(p[0] == "Y", "%s: a plan is yearly" % at)
            check(period_months(p) >= FREQ_MONTHS[info["frequency"] or "month"],
                  "%s: period shorter than the frequency of %s" % (at, ind))
            check(self.valid(unit, p), "%s: unit not valid" % at)
            status = r.get("status") or "A"
            check(status in ("A", "P", "E"), "%s: status" % at)
            key = (unit, ind, canon(p), measure)
            check(key not in seen, "%s: duplicate row" % at)
            seen.add(key)
            raw = r["value"].strip()
            if raw in ("..", "...", "x", ""):
                self.stats["not_collected"] += 1
                continue
            if raw in ("-", "–", "—"):
                val, nd = Fraction(0), 0
                self.stats["none_occurred"] += 1
            else:
                got = parse_number(raw, fmt)
                check(got is not None, "%s: number %r in format %s" % (at, raw, fmt))
                val, nd = got
                if fmt == "plain":
                    check(parse_number(raw, "vi") is None or nd <= info["decimals"],
                          "%s: ambiguous %r" % (at, raw))
            check(nd <= info["decimals"], "%s: %r has more than %d decimals"
                  % (at, raw, info["decimals"]))
            if info["min"]:
                check(val >= Fraction(info["min"]), "%s: below min" % at)
            if info["max"]:
                check(val <= Fraction(info["max"]), "%s: above max" % at)
            old = self.store.get(key)
            if old is not None:
                check(old[2] == reporter, "%s: value of another reporter" % at)
            rows.append((at, key, p, val, status))
        before = dict(self.store)
        for at, key, p, val, status in rows:
            old = self.store.get(key)
            if old is None or old[0] != val or old[1] != status:
                if old is not None:
                    self.stats["revisions"] += 1
                self.store[key] = (val, status, reporter)
                self.history.setdefault(key, []).append((val, status, rel))
        after = self.store
        # error rules on the unit/periods this file touched
        touched = sorted({(k[0], k[2]) for _, k, _, _, _ in rows if k[3] == "actual"})
        for unit, per in touched:
            for rule in self.rules:
                if rule["severity"] != "error":
                    continue
                self.check_rule(rule, unit, per, "%s (%s %s)" % (where, unit, per))
        # warnings: outlier and same period last year, against the database
        # before the file and after it (either reading of "the database")
        for at, key, p, val, status in rows:
            if key[3] != "actual":
                continue
            for state in (before, after):
                self.check_warnings(at, key, p, float(val), state)
        self.stats["files"] += 1
        self.stats["rows"] += len(rows)
        ds = self.reps[reporter]["deadline_day"]
        if re.fullmatch(r"2016-\d\d", rel[:7]):
            y, m = int(rel[:4]), int(rel[5:7])
            due = "%04d-%02d-%02d" % (y + (m == 12), m % 12 + 1, int(ds))
            if received > due:
                self.stats["late"] += 1

    def check_rule(self, rule, unit, per, where):
        def get(code):
            v = self.store.get((unit, code, per, "actual"))
            return None if v is None else v[0]
        lv = rule["l"].eval(get)
        rv = rule["r"].eval(get)
        if lv is None or rv is None:
            return
        op = rule["op"]
        ok = {"<=": lv <= rv, "<": lv < rv, ">=": lv >= rv, ">": lv > rv,
              "!=": lv != rv,
              "==": abs(lv - rv) <= Fraction(5, 1000) * max(abs(lv), abs(rv))}[op]
        check(ok, "%s: rule %s fails (%s %s %s)" % (where, rule["code"], lv, op, rv))

    def check_warnings(self, at, key, p, x, state):
        unit, ind, per, measure = key
        hist = []
        for (u2, i2, per2, m2), v in state.items():
            if u2 != unit or i2 != ind or m2 != measure:
                continue
            p2 = parse_period(per2)
            if p2[0] != p[0]:
                continue
            if (p2[1], p2[2]) < (p[1], p[2]):
                hist.append(float(v[0]))
        z = zscore(x, hist)
        check(z is None or z <= Z_ASSERT, "%s: %s %s %s = %s is an outlier (z = %.2f)"
              % (at, unit, ind, per, x, z or 0))
        ly = state.get((unit, ind, canon((p[0], p[1] - 1, p[2])), measure))
        if ly is not None and ly[0] != 0:
            ch = abs(x / float(ly[0]) - 1.0)
            check(ch <= YOY_ASSERT, "%s: %s %s %s changes %.0f%% on last year"
                  % (at, unit, ind, per, 100 * ch))

    # ---- values with SPEC §5 semantics (what the seeds need) ----------
    def submitted(self, unit, ind, per, measure="actual"):
        v = self.store.get((unit, ind, per, measure))
        return None if v is None else v

    def value(self, unit, ind, per):
        """(Fraction or None, status, coverage): space first, then time."""
        info = self.inds[ind]
        if info["kind"] == "derived":
            f = Formula(info["formula"])
            parts = []

            def get(code):
                v = self.value(unit, code, per)
                parts.append(v)
                return v[0]
            val = f.eval(get)
            st = weakest([q[1] for q in parts])
            cov = min([q[2] for q in parts]) if parts else 0
            return (val, st, cov if val is not None else 0)
        s = self.submitted(unit, ind, per)
        if s is not None:
            return (s[0], s[1], 1.0)
        p = parse_period(per)
        fm = FREQ_MONTHS[info["frequency"] or "month"]
        if period_months(p) == fm:
            kids = [c for c in self.children.get(unit, []) if self.valid(c, p)]
            if not kids:
                return (None, "A", 0.0)
            vals = [self.value(c, ind, per) for c in kids]
            cov = sum(v[2] for v in vals) / len(kids)
            have = [v for v in vals if v[0] is not None]
            st = weakest([v[1] for v in have])
            agg = info["space_agg"]
            if not have:
                return (None, "A", 0.0)
            if agg == "sum":
                return (sum(v[0] for v in have), st, cov)
            if agg.startswith("wmean:"):
                w = [self.value(c, agg[6:], per) for c in kids]
                num = sum(v[0] * ww[0] for v, ww in zip(vals, w)
                          if v[0] is not None and ww[0] is not None)
                den = sum(ww[0] for v, ww in zip(vals, w)
                          if v[0] is not None and ww[0] is not None)
                return ((num / den) if den else None, st, cov)
            return (None, "A", 0.0)
        # a longer period from the unit's own values of its frequency
        tagg = info["time_agg"]
        if tagg in ("", "none") or period_months(p) < fm:
            return (None, "A", 0.0)
        last = period_last_month(p)
        first = last - period_months(p) + 1
        subs = []
        for mo in range(first, last + 1):
            if mo % fm == 0:
                sub = {1: ("M", p[1], mo), 3: ("Q", p[1], mo // 3), 6: ("S", p[1], mo // 6),
                       12: ("Y", p[1], 12)}[fm]
                subs.append(self.value(unit, ind, canon(sub)))
        if not subs:
            return (None, "A", 0.0)
        have = [v for v in subs if v[0] is not None]
        if tagg == "sum":
            if not have:
                return (None, "A", 0.0)
            return (sum(v[0] for v in have), weakest([v[1] for v in have]),
                    sum(v[2] for v in subs) / len(subs))
        if tagg == "last":
            for v in reversed(subs):
                if v[0] is not None:
                    return v
            return (None, "A", 0.0)
        return (None, "A", 0.0)

    def plan(self, unit, ind, year):
        info = self.inds[ind]
        s = self.submitted(unit, ind, str(year), "plan")
        if s is not None:
            return s[0]
        if info["kind"] == "derived":
            return Formula(info["formula"]).eval(lambda c: self.plan(unit, c, year))
        kids = self.children.get(unit, [])
        if kids and info["space_agg"] == "sum":
            vals = [self.plan(c, ind, year) for c in kids]
            if all(v is not None for v in vals):
                return sum(vals)
        return None


def weakest(statuses):
    order = {"A": 0, "P": 1, "E": 2}
    return max(statuses, key=lambda s: order[s]) if statuses else "A"


def r1(x):
    """Round half away from zero to one decimal, as the workbook shows it."""
    return math.floor(abs(float(x)) * 10 + 0.5) / 10 * (1 if x >= 0 else -1)


def verify_and_report():
    M = Mini()
    M.load_catalog()
    _, recs = read_table(os.path.join(SUBMISSIONS_DIR, "manifest.csv"))
    check(recs[0] == ["file", "reporter", "received", "options"], "manifest header")
    prev = ""
    for rec in recs[1:]:
        check(len(rec) == 4 and "," not in "".join(rec), "manifest row %r" % rec)
        check(rec[2] >= prev, "manifest not chronological at %s" % rec[0])
        prev = rec[2]
        M.ingest(*rec)
    listed = {r[0] for r in recs[1:]}
    for root, _, files in os.walk(SUBMISSIONS_DIR):
        for fn in files:
            rel = os.path.relpath(os.path.join(root, fn), SUBMISSIONS_DIR).replace(os.sep, "/")
            check(rel == "manifest.csv" or rel in listed, "%s is not in the manifest" % rel)

    P = PROVINCE
    # every district sent every monthly indicator of every month
    for d in M.children[P]:
        for ind in ("RETAIL", "NEW_ENTERPRISES", "PROC_FILES", "PROC_FILES_ONTIME",
                    "DOCS_TOTAL", "DOCS_ONLINE", "DOCS_SIGNED"):
            for (y, m) in MONTHS:
                check((d, ind, pm(y, m), "actual") in M.store, "missing %s %s %s"
                      % (d, ind, pm(y, m)))
    # warning rules hold wherever both sides were submitted
    units_periods = sorted({(k[0], k[2]) for k in M.store if k[3] == "actual"})
    for u, per in units_periods:
        for rule in M.rules:
            M.check_rule(rule, u, per, "check %s %s" % (u, per))
    # statuses of the seed month: June revised to A, July estimated
    for d in M.children[P]:
        for ind in ("DOCS_TOTAL", "DOCS_ONLINE", "DOCS_SIGNED"):
            check(M.store[(d, ind, "2016-06", "actual")][1] == "A", "June is A")
            check(M.store[(d, ind, "2016-07", "actual")][1] == "E", "July is E")
    for ind in ("BUDGET_REV_DOM", "BUDGET_REV_XNK"):
        check(M.store[(P, ind, "2016-06", "actual")][1] == "A", "June is A")
        check(M.store[(P, ind, "2016-07", "actual")][1] == "E", "July is E")

    fig = {}
    # 1. GRDP, 7 months, index on the same period of 2015
    g16, g15 = M.value(P, "GRDP", "2016-YTD07"), M.value(P, "GRDP", "2015-YTD07")
    fig["grdp"] = g16[0] / g15[0] * 100
    check(abs(fig["grdp"] - Fraction(10920, 100)) <= Fraction(2, 100), "GRDP index 109.2")
    # 2. Budget revenue, 7 months, % of the annual estimate
    rev = M.value(P, "BUDGET_REV", "2016-YTD07")
    plan = M.plan(P, "BUDGET_REV", 2016)
    fig["budget"] = rev[0] / plan * 100
    check(rev[2] == 1.0, "budget revenue complete")
    check(abs(fig["budget"] - 62) <= Fraction(3, 100), "budget 62.0% of plan")
    # 3. procedures online at level 3
    proc = M.value(P, "PROC_ONLINE_L3", "2016-07")
    check(proc[0] == 509, "509 procedures")
    proc_ytd = M.value(P, "PROC_ONLINE_L3", "2016-YTD07")
    check(proc_ytd[0] == 509, "509 procedures, year to date (time_agg last)")
    # 4. documents online, signed
    on_m = M.value(P, "DOCS_ONLINE_PCT", "2016-07")
    on_y = M.value(P, "DOCS_ONLINE_PCT", "2016-YTD07")
    sg_m = M.value(P, "DOCS_SIGNED_PCT", "2016-07")
    sg_y = M.value(P, "DOCS_SIGNED_PCT", "2016-YTD07")
    check(on_m[2] == 1.0 and on_y[2] == 1.0, "documents complete")
    check(abs(on_m[0] - 90) <= Fraction(3, 100), "documents online 90.0% in July")
    check(r1(on_y[0]) == 90.0, "documents online 90.0% in 7 months")
    check(sg_m[0] > 95 and sg_y[0] > 95, "signed above 95%")
    check(on_m[1] == "E" and rev[1] == "E", "July is an estimate")

    # more figures of the July report, printed for the README
    inv_jun = M.value(P, "INVEST_STATE", "2016-06")[0]
    inv_jul = M.value(P, "INVEST_STATE", "2016-07")[0]
    inv_ytd = M.value(P, "INVEST_STATE", "2016-YTD07")[0]
    inv_ytd15 = M.value(P, "INVEST_STATE", "2015-YTD07")[0]
    inv_plan = M.plan(P, "INVEST_STATE", 2016)
    check((inv_jun, inv_jul, inv_ytd) == (521, 512, 2611), "INVEST_STATE as GSO")
    check(r1(inv_ytd / inv_plan * 100) == 40.8 and r1(inv_ytd / inv_ytd15 * 100) == 108.8,
          "INVEST_STATE ratios as GSO")
    retail15 = M.value(P, "RETAIL", "2015")
    check(retail15[0] == Fraction(533988, 10) and retail15[2] == 1.0, "retail 2015 = 53 398,8")
    pop16 = M.value(P, "POP", "2016")[0]
    pop15 = M.value(P, "POP", "2015")[0]
    check(pop16 == Fraction(12246, 10) and pop15 == Fraction(12113, 10), "population")
    ret_ytd = M.value(P, "RETAIL", "2016-YTD07")[0]
    rev15 = M.value(P, "BUDGET_REV", "2015-YTD07")[0]
    ret_ytd15 = M.value(P, "RETAIL", "2015-YTD07")[0]
    fdi = (M.value(P, "FDI_PROJECTS", "2016-YTD07")[0], M.value(P, "FDI_CAPITAL", "2016-YTD07")[0])
    check(fdi == (7, Fraction(1535, 10)), "FDI 7 months as GSO")
    rice_y = M.value(P, "RICE_YIELD", "2016-S1")[0]
    rice_o = M.value(P, "RICE_OUTPUT", "2016-S1")[0]
    rev_pc = rev[0] / pop16
    iip_ytd = M.value(P, "IIP", "2016-YTD07")[0]

    print("Quảng Ninh sample written to %s" % os.path.relpath(HERE))
    print("  %d files, %d rows (%d revisions, %d '-' marks, %d '..' marks), %d late"
          % (M.stats["files"], M.stats["rows"] + M.stats["not_collected"],
             M.stats["revisions"], M.stats["none_occurred"], M.stats["not_collected"],
             M.stats["late"]))
    print("Seed figures, unit 22, July 2016 (SPEC §5 semantics, computed from the files):")
    print("  GRDP 7 months: %s / %s tỷ đồng = %.4f -> %.1f (growth %.1f%%)"
          % (fp(g16[0]), fp(g15[0]), float(fig["grdp"]), r1(fig["grdp"]), r1(fig["grdp"]) - 100))
    print("  Budget revenue 7 months: %s tỷ đồng of plan %s = %.4f%% -> %.1f%% (pace 58.3)"
          % (fp(rev[0]), fp(plan), float(fig["budget"]), r1(fig["budget"])))
    print("  (budget revenue 7 months of 2015: %s tỷ đồng; 2016 at %.1f%% of it)"
          % (fp(rev15), r1(rev[0] / rev15 * 100)))
    print("  Procedures online at level 3, 2016-07: %s" % fp(proc[0]))
    print("  Documents online, 2016-07: %.4f%% -> %.1f%%; 7 months: %.4f%% -> %.1f%%"
          % (float(on_m[0]), r1(on_m[0]), float(on_y[0]), r1(on_y[0])))
    print("  Documents signed, 2016-07: %.4f%% -> %.1f%%; 7 months: %.4f%% -> %.1f%%"
          % (float(sg_m[0]), r1(sg_m[0]), float(sg_y[0]), r1(sg_y[0])))
    print("Other figures:")
    print("  State investment: June %s, July %s (E), 7 months %s = %.1f%% of plan %s, %.1f%% of 2015"
          % (inv_jun, inv_jul, inv_ytd, r1(inv_ytd / inv_plan * 100), inv_plan,
             r1(inv_ytd / inv_ytd15 * 100)))
    print("  Retail 2015: %s tỷ đồng; 7 months 2016: %s (%.1f%% of 2015)"
          % (fp(retail15[0]), fp(ret_ytd), r1(ret_ytd / ret_ytd15 * 100)))
    print("  Population 2015: %s, 2016: %s thousand; revenue per person 7 months: %.2f triệu đồng"
          % (fp(pop15), fp(pop16), float(rev_pc)))
    print("  FDI 7 months: %s projects, %s million USD; IIP 7 months: %s"
          % (fp(fdi[0]), fp(fdi[1]), fp(iip_ytd)))
    print("  Rice 2016-S1: yield %.1f tạ/ha (weighted), output %.0f tấn"
          % (float(rice_y), float(rice_o)))


def fp(x):
    x = Fraction(x)
    if x.denominator == 1:
        return str(x.numerator)
    return ("%.4f" % float(x)).rstrip("0").rstrip(".")


def main():
    write_catalog()
    D = build_data()
    write_submissions(D)
    verify_and_report()


if __name__ == "__main__":
    main()
