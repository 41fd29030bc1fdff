#!/bin/sh
# test_report_print.sh - the report workbook prints (SPEC §6): every sheet on
# A4 landscape, one page wide, no chart and no row cut by a page break, the
# Summary's legend on the Summary's first page.
#
# usage (from the repo root): sh tests/scripts/test_report_print.sh PROVSTAT [PROVSTAT_TEST]
#
# Loads samples/quang-ninh, writes the July 2016 report in Vietnamese and in
# English, the May 2016 report, Cô Tô's July report, the July report in
# constant-memory mode (with PROVSTAT_TEST) and that of a catalog of 114
# indicators, and computes their
# pages from the workbooks' XML with tests/scripts/print_pages.py (print
# settings, row heights, column widths, manual breaks, chart anchors). The
# checker itself is shown to catch what it looks for: the July workbook
# with its sheets set back to "fit to one page wide" (as they were before
# the page breaks; Excel then ignores manual breaks) must fail on the cut
# trend charts and the Summary's legend.
# Prints "N passed, M failed" last; exits 1 when a check failed.

. "$(dirname "$0")/lib.sh"
script_start report_print "$@"
need_sample
here=tests/scripts
if ! python3 -c 'import sys' 2>/dev/null; then
    echo "test_report_print: needs Python 3" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
unset SOURCE_DATE_EPOCH
db=$tmp/q.db
if sh scripts/load-sample.sh "$ps" "$db" >"$tmp/load.log" 2>&1; then
    ok "load the sample"
else
    fail "load the sample" "$tmp/load.log"
fi

# pages NAME FILE LEGEND_HEAD: every sheet of FILE prints right
pages() {
    if python3 "$here/print_pages.py" "$2" "$3" --show >"$tmp/pages.out" 2>&1; then
        ok "$1: $(grep -c '^ok ' "$tmp/pages.out") sheets print whole ($(grep '^ok ' "$tmp/pages.out" | sed 's/^ok //' | tr '\n' ';'))"
    else
        fail "$1: every sheet prints whole" "$tmp/pages.out"
    fi
}
# report NAME FILE ARGS...: writes a report
report() {
    name=$1
    out=$2
    shift 2
    if "$ps" --db "$db" report --out "$out" "$@" >"$tmp/report.log" 2>&1 && [ -s "$out" ]; then
        ok "report $name"
    else
        fail "report $name" "$tmp/report.log"
    fi
}

report "July 2016, vi" "$tmp/vi.xlsx" --period 2016-07
report "July 2016, en" "$tmp/en.xlsx" --period 2016-07 --lang en
report "May 2016, vi" "$tmp/may.xlsx" --period 2016-05
report "July 2016 of Cô Tô, en" "$tmp/coto.xlsx" --period 2016-07 --unit 207 --lang en
pages "July 2016, vi" "$tmp/vi.xlsx" "Ghi chú:"
pages "July 2016, en" "$tmp/en.xlsx" "Notes:"
pages "May 2016, vi" "$tmp/may.xlsx" "Ghi chú:"
pages "Cô Tô, en" "$tmp/coto.xlsx" "Notes:"
# written in constant-memory mode (a test hook of provstat-test), the same
if [ -n "$ps_test" ]; then
    if PROVSTAT_TEST_CONSTANT_MEMORY_ROWS=0 "$ps_test" --db "$db" report --period 2016-07 --out "$tmp/cm.xlsx" \
        >"$tmp/report.log" 2>&1; then
        ok "report July 2016, vi, constant-memory mode"
    else
        fail "report July 2016, vi, constant-memory mode" "$tmp/report.log"
    fi
    pages "July 2016, vi, constant-memory mode" "$tmp/cm.xlsx" "Ghi chú:"
fi

# The pages are what was asked for: the trends keep two blocks a page (not
# one chart a page), the Summary is one page.
python3 "$here/print_pages.py" "$tmp/vi.xlsx" "Ghi chú:" >"$tmp/vi.pages" 2>&1
if grep -q '^ok Tổng hợp: 1 page at' "$tmp/vi.pages"; then
    ok "vi Summary: one page"
else
    fail "vi Summary: one page" "$tmp/vi.pages"
fi
ntrend=$(sed -n 's/^ok Xu hướng: \([0-9]*\) pages.*/\1/p' "$tmp/vi.pages")
if [ -n "$ntrend" ] && [ "$ntrend" -le 6 ]; then
    ok "vi Trends: 9 charts on $ntrend pages"
else
    fail "vi Trends: 9 charts on at most 6 pages (got '${ntrend:-none}')" "$tmp/vi.pages"
fi

# A catalog too long for one page at a readable scale: the Summary prints
# at its width on several pages, the legend above the table on page 1.
cp -r "$sample/catalog" "$tmp/big"
i=0
while [ $i -lt 80 ]; do
    i=$((i + 1))
    printf 'EXTRA_%d,Chỉ tiêu bổ sung số %d,Extra indicator %d,người,persons,flow,sum,sum,0,0,,,%d,Chỉ tiêu khác,month,0,Other indicators\n' \
        $i $i $i $((1000 + i)) >>"$tmp/big/indicators.csv"
done
big=$tmp/big.db
if "$ps" --db "$big" init --catalog "$tmp/big" >"$tmp/big.log" 2>&1 &&
    "$ps" --db "$big" ingest "$sample/submissions/2016-07/CCTK_193.csv" --reporter CCTK_193 \
        --received 2016-08-05 >>"$tmp/big.log" 2>&1 &&
    "$ps" --db "$big" report --period 2016-07 --out "$tmp/big.xlsx" >>"$tmp/big.log" 2>&1; then
    ok "report of a catalog of 114 indicators"
else
    fail "report of a catalog of 114 indicators" "$tmp/big.log"
fi
pages "114 indicators, vi" "$tmp/big.xlsx" "Ghi chú:"
python3 "$here/print_pages.py" "$tmp/big.xlsx" "Ghi chú:" >"$tmp/big.pages" 2>&1
if grep -q '^ok Tổng hợp: [2-9] pages at [5-9][0-9]%' "$tmp/big.pages"; then
    ok "114 indicators: the Summary on several pages at a readable scale, its legend on page 1"
else
    fail "114 indicators: the Summary on several pages at a readable scale, its legend on page 1" "$tmp/big.pages"
fi

# The checker catches a cut chart and a legend off the first page: the same
# workbook fit to one page wide, without its breaks.
python3 - "$tmp/vi.xlsx" "$tmp/fit.xlsx" <<'EOF'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
    for item in zi.infolist():
        data = zi.read(item.filename)
        if re.match(r"xl/worksheets/sheet\d+\.xml$", item.filename):
            s = data.decode("utf-8")
            s = re.sub(r"<rowBreaks.*?</rowBreaks>", "", s)
            s = re.sub(r' scale="\d+"', "", s)
            if "fitToHeight" not in s:
                s = s.replace("<pageSetup ", '<pageSetup fitToHeight="0" ')
            if "<sheetPr>" not in s and "<sheetPr/>" not in s and "fitToPage" not in s:
                s = s.replace("<dimension ", '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ', 1)
            data = s.encode("utf-8")
        zo.writestr(item, data)
EOF
python3 "$here/print_pages.py" "$tmp/fit.xlsx" "Ghi chú:" >"$tmp/fit.out" 2>&1
rc=$?
if [ "$rc" = 1 ] && grep -q '^FAIL Xu hướng: chart at rows .* cut by the page starting at row' "$tmp/fit.out" &&
    grep -q '^FAIL Tổng hợp: legend rows .* are not on the first page' "$tmp/fit.out"; then
    ok "the checker finds the cut charts and the legend off page 1 of a workbook fit to the width"
else
    fail "the checker finds the cut charts and the legend off page 1 of a workbook fit to the width (exit $rc)" "$tmp/fit.out"
fi
# ... and a row taller than a page (at 100% a page holds more than Excel's
# tallest row, 409 pt: printed at 200%, it does not).
python3 - "$tmp/vi.xlsx" "$tmp/tall.xlsx" <<'EOF'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
    for item in zi.infolist():
        data = zi.read(item.filename)
        if item.filename == "xl/worksheets/sheet6.xml":
            data = data.replace(b'<row r="3" ', b'<row r="3" ht="409" customHeight="1" ', 1)
            data = data.replace(b' scale="86"', b' scale="200"', 1)
        zo.writestr(item, data)
EOF
python3 "$here/print_pages.py" "$tmp/tall.xlsx" "Ghi chú:" >"$tmp/tall.out" 2>&1
if grep -q '^FAIL Ghi chú: row 3 (409 pt) is taller than a page: cut' "$tmp/tall.out"; then
    ok "the checker finds a row taller than a page"
else
    fail "the checker finds a row taller than a page" "$tmp/tall.out"
fi
finish
