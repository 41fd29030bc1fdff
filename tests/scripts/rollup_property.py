#!/usr/bin/env python3
"""rollup_property.py - random data for test_rollup_property.sh, and its checks.

  rollup_property.py gen DIR SEED
      writes DIR/catalog/ (a province, 5-12 districts, several monthly flow
      indicators with space_agg sum and time_agg sum, one reporter for all
      districts) and DIR/sub/YYYY-MM.csv (one file a month for two years,
      some rows left out as gaps), plus DIR/files (the files in order).
  rollup_property.py check DIR
      reads DIR/show/YYYY-MM.csv and DIR/show/YYYY-YTDMM.csv (the output of
      `show --period P --format csv` for every unit) and checks, for every
      sum indicator: the province value of each month is the sum of its
      districts' values (relative tolerance 1e-12; empty when no district has
      one), its coverage is the share of districts that reported; every
      unit's year-to-date (the ytd column of the month and the value of the
      YTD period) is the sum of its months present. Prints one line per
      failure and "N passed, M failed" last; exits 1 on failure.
Standard library only.
"""
import csv
import math
import os
import random
import sys

YEARS = (2015, 2016)
PROVINCE = "90"


def gen(d, seed):
    rnd = random.Random(seed)
    ndist = rnd.randint(5, 12)
    nind = rnd.randint(3, 5)
    districts = ["%03d" % (900 + k) for k in range(ndist)]
    inds = ["S%d" % (k + 1) for k in range(nind)]
    os.makedirs(d + "/catalog", exist_ok=True)
    os.makedirs(d + "/sub", exist_ok=True)
    with open(d + "/catalog/units.csv", "w", encoding="utf-8") as f:
        f.write("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n")
        f.write("%s,Tỉnh thử,Test province,province,tỉnh,,,,\n" % PROVINCE)
        for k, u in enumerate(districts):
            f.write("%s,Huyện %d,District %d,district,huyện,%s,,,\n" % (u, k, k, PROVINCE))
    with open(d + "/catalog/indicators.csv", "w", encoding="utf-8") as f:
        f.write("code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,"
                "formula,order,group,frequency,key\n")
        for k, x in enumerate(inds):
            f.write("%s,Chỉ tiêu %d,Indicator %d,tỷ đồng,bn VND,flow,sum,sum,3,,,,%d,G,month,0\n"
                    % (x, k, k, k + 1))
    with open(d + "/catalog/reporters.csv", "w", encoding="utf-8") as f:
        f.write("code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n")
        f.write("CTK,Cục Thống kê,PSO,%s,*,district,20\n" % PROVINCE)
    # magnitudes differ by indicator and district so that order matters
    scale = {(u, x): 10 ** rnd.randint(-2, 8) for u in districts for x in inds}
    files = []
    for y in YEARS:
        for m in range(1, 13):
            rows = []
            for u in districts:
                for x in inds:
                    if rnd.random() < 0.12:
                        continue  # a gap: nothing sent
                    v = round(rnd.uniform(0, 1) * scale[u, x], 3)
                    if rnd.random() < 0.05:
                        v = -v  # flows may be negative (a net figure)
                    rows.append("%s,%s,%d-%02d,%s\n" % (u, x, y, m, repr(v)))
            if not rows:
                continue
            name = "sub/%d-%02d.csv" % (y, m)
            with open(d + "/" + name, "w", encoding="utf-8") as f:
                f.write("unit,indicator,period,value\n")
                f.writelines(rows)
            files.append(name)
    with open(d + "/files", "w") as f:
        f.write("".join(n + "\n" for n in files))
    with open(d + "/periods", "w") as f:
        for y in YEARS:
            for m in range(1, 13):
                f.write("%d-%02d\n%d-YTD%02d\n" % (y, m, y, m))
    return 0


def num(s):
    # numbers are written as numbers: a leading ' (the text guard) is a bug
    return None if s == "" else float(s)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))


def check(d):
    with open(d + "/catalog/units.csv", encoding="utf-8") as f:
        units = list(csv.DictReader(f))
    with open(d + "/catalog/indicators.csv", encoding="utf-8") as f:
        inds = [r["code"] for r in csv.DictReader(f)]
    districts = [u["code"] for u in units if u["parent"] == PROVINCE]
    passed = failed = 0
    bad = []

    def expect(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            if len(bad) < 40:
                bad.append(what)

    def load(p):
        with open("%s/show/%s.csv" % (d, p), encoding="utf-8") as f:
            return {(r["unit"], r["indicator"]): r for r in csv.DictReader(f)}

    for y in YEARS:
        months = {m: load("%d-%02d" % (y, m)) for m in range(1, 13)}
        ytds = {m: load("%d-YTD%02d" % (y, m)) for m in range(1, 13)}
        for x in inds:
            for m in range(1, 13):
                rows = months[m]
                p = "%d-%02d" % (y, m)
                vals = [num(rows[u, x]["value"]) for u in districts]
                have = [v for v in vals if v is not None]
                want = math.fsum(have) if have else None
                got = num(rows[PROVINCE, x]["value"])
                expect(close(got, want), "%s %s %s: province %r, sum of districts %r"
                       % (PROVINCE, x, p, got, want))
                if have:
                    cov = num(rows[PROVINCE, x]["coverage"])
                    expect(cov is not None and abs(cov - len(have) / len(districts)) < 1e-15,
                           "%s %s %s: coverage %r, %d of %d districts"
                           % (PROVINCE, x, p, cov, len(have), len(districts)))
                for u in [PROVINCE] + districts:
                    mv = [num(months[k][u, x]["value"]) for k in range(1, m + 1)]
                    present = [v for v in mv if v is not None]
                    want_ytd = math.fsum(present) if present else None
                    got_col = num(rows[u, x]["ytd"])
                    got_ytd = num(ytds[m][u, x]["value"])
                    expect(close(got_col, want_ytd), "%s %s %s: ytd column %r, sum of months %r"
                           % (u, x, p, got_col, want_ytd))
                    expect(close(got_ytd, want_ytd), "%s %s %d-YTD%02d: value %r, sum of months %r"
                           % (u, x, y, m, got_ytd, want_ytd))
                # the province's YTD is also the sum of the districts' YTDs
                dy = [num(ytds[m][u, x]["value"]) for u in districts]
                dy = [v for v in dy if v is not None]
                expect(close(num(ytds[m][PROVINCE, x]["value"]), math.fsum(dy) if dy else None),
                       "%s %s %d-YTD%02d: province YTD is not the sum of the districts' YTDs"
                       % (PROVINCE, x, y, m))
    for b in bad:
        print("FAIL", b)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "gen":
        sys.exit(gen(sys.argv[2], int(sys.argv[3])))
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    print("usage: rollup_property.py gen DIR SEED | check DIR", file=sys.stderr)
    sys.exit(2)
