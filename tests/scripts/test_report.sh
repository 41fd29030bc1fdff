#!/bin/sh
# test_report.sh - the report workbook, read back by an independent reader.
#
# usage (from the repo root): sh tests/scripts/test_report.sh PROVSTAT PROVSTAT_TEST
#
# Loads samples/quang-ninh into a temporary database, adds two small files
# (a note that looks like an Excel formula, and Cô Tô's July new enterprises
# sent as "-"), writes the July 2016 report in Vietnamese and English and
# reads it with openpyxl (tests/scripts/read_xlsx.py): the six sheets, the
# seed figures as numbers with their display formats, the marks of estimates,
# the "-" of a none-occurred value, highlights, the Data table, print set-up
# and properties. Then: SOURCE_DATE_EPOCH gives byte-identical files, Data
# continues on further sheets past its row limit (lowered by a test hook of
# provstat-test, cli/test_hooks.h), constant-memory mode gives the same figures, and a report that cannot be
# written exits 3 with a clear message, leaves no temporary file and an
# existing report untouched.
# Prints "N passed, M failed" last; exits 1 when a check failed.

. "$(dirname "$0")/lib.sh"
script_start report "$@"
need_test_build
need_sample
here=tests/scripts
[ -f "$here/read_xlsx.py" ] || { echo "test_report: $here/read_xlsx.py is missing" >&2; exit 2; }
py=
for c in python3 /usr/bin/python3; do
    if "$c" -c 'import openpyxl' 2>/dev/null; then
        py=$c
        break
    fi
done
if [ -z "$py" ]; then
    echo "test_report: needs Python 3 with openpyxl (Debian: apt-get install python3-openpyxl)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
unset SOURCE_DATE_EPOCH PROVSTAT_TEST_DATA_ROWS PROVSTAT_TEST_CONSTANT_MEMORY_ROWS
on_exit='chmod -R u+w "$tmp" 2>/dev/null'
db=$tmp/q.db
PROVSTAT_DB=$db
export PROVSTAT_DB
checks=$tmp/checks.txt
: >"$checks"
# c NAME EXPR: a check for read_xlsx.py
c() {
    printf '%s\t%s\n' "$1" "$2" >>"$checks"
}
# run_checks: evaluates the queued checks and counts them
run_checks() {
    "$py" "$here/read_xlsx.py" "$sample/catalog" "$checks" >"$tmp/checks.out" 2>&1
    cat "$tmp/checks.out"
    n_ok=$(grep -c '^ok ' "$tmp/checks.out")
    n_fail=$(grep -c '^FAIL ' "$tmp/checks.out")
    n_want=$(grep -c . "$checks")
    passed=$((passed + n_ok))
    failed=$((failed + n_fail))
    if [ $((n_ok + n_fail)) -ne "$n_want" ]; then
        fail "read_xlsx.py ran every check ($((n_ok + n_fail)) of $n_want)"
    fi
    : >"$checks"
}
# report NAME OUT [ARGS...]: writes a report, expecting success
# report NAME OUT [OPTION...]: a report by provstat; report_by PROGRAM NAME
# OUT [OPTION...]: by PROGRAM (provstat-test for the test hooks)
report() {
    report_by "$ps" "$@"
}
report_by() {
    prog=$1
    name=$2
    out=$3
    shift 3
    if "$prog" report --period 2016-07 --out "$out" "$@" >"$tmp/report.out" 2>"$tmp/report.err" &&
        [ -s "$out" ] && [ ! -s "$tmp/report.err" ] && grep -qxF "$out" "$tmp/report.out"; then
        ok "report $name"
    else
        fail "report $name"
        sed 's/^/    /' "$tmp/report.err"
    fi
}

# --- load the sample and two extra files ------------------------------------
if sh scripts/load-sample.sh "$ps" "$db" >"$tmp/load.log" 2>&1; then
    ok "load the sample"
else
    fail "load the sample"
    sed 's/^/    /' "$tmp/load.log"
fi

printf '%s\n' 'unit,indicator,period,value,status,note' \
    '22,PROC_ONLINE_L3,2016-07,509,A,"=HYPERLINK(""http://x"",""y"")"' >"$tmp/STTTT-note.csv"
printf '%s\n' 'unit,indicator,period,value,status,note' \
    '207,NEW_ENTERPRISES,2016-07,-,E,Không phát sinh' >"$tmp/CCTK_207-dash.csv"
if "$ps" ingest "$tmp/STTTT-note.csv" --reporter STTTT --received 2016-08-15 >"$tmp/x.log" 2>&1 &&
    "$ps" ingest "$tmp/CCTK_207-dash.csv" --reporter CCTK_207 --received 2016-08-16 >>"$tmp/x.log" 2>&1; then
    ok "ingest a formula-like note and a '-' mark"
else
    fail "ingest a formula-like note and a '-' mark"
    sed 's/^/    /' "$tmp/x.log"
fi

# --- the reports ------------------------------------------------------------
R=$tmp/r.xlsx
SOURCE_DATE_EPOCH=1470000000 report "vi with SOURCE_DATE_EPOCH" "$R"
sleep 1
SOURCE_DATE_EPOCH=1470000000 report "vi again" "$tmp/r2.xlsx"
if cmp -s "$R" "$tmp/r2.xlsx"; then ok "SOURCE_DATE_EPOCH: byte-identical files"; else fail "SOURCE_DATE_EPOCH: byte-identical files"; fi
E=$tmp/en.xlsx
SOURCE_DATE_EPOCH=1470000000 report "--lang en" "$E" --lang en
MAY=$tmp/may.xlsx
if "$ps" report --period 2016-05 --out "$MAY" --lang en >/dev/null 2>"$tmp/report.err" && [ -s "$MAY" ]; then
    ok "report May 2016, en"
else
    fail "report May 2016, en" "$tmp/report.err"
fi
U=$tmp/u207.xlsx
report "--unit 207" "$U" --unit 207
S=$tmp/split.xlsx
PROVSTAT_TEST_DATA_ROWS=500 report_by "$ps_test" "Data continued past 500 rows (test hook)" "$S"
M=$tmp/cm.xlsx
PROVSTAT_TEST_CONSTANT_MEMORY_ROWS=0 report_by "$ps_test" "constant-memory mode (test hook)" "$M"

# --- sheets, titles, headers --------------------------------------------------
c "six sheets, Vietnamese names" \
    "book('$R').sheetnames == ['Tổng hợp', 'Theo huyện', 'Xu hướng', 'Tình hình báo cáo', 'Dữ liệu', 'Ghi chú']"
c "six sheets, English names" \
    "book('$E').sheetnames == ['Summary', 'By district', 'Trends', 'Reporting', 'Data', 'Notes']"
c "vi title" "cell('$R', 0, 'A1').value == 'Báo cáo tình hình kinh tế – xã hội tháng 7 và 7 tháng năm 2016'"
c "en title" "cell('$E', 0, 'A1').value == 'Socio-economic report, July and the first 7 months of 2016'"
c "vi headers" "[x.value for x in sheet('$R', 0)[4]][:11] == ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch năm 2016', 'Thực hiện tháng 6', 'Ước tính tháng 7', 'Cộng dồn 7 tháng', 'Tháng 7/2016 so với cùng kỳ (%)', '7 tháng so với cùng kỳ (%)', '7 tháng so với kế hoạch năm (%)', 'Tiến độ thời gian (%)']"
c "en headers" "[x.value for x in sheet('$E', 0)[4]] == ['No.', 'Indicator', 'Unit', 'Plan for 2016', 'June 2016 (revised)', 'July 2016 (estimate)', 'Jan–Jul 2016', 'July 2016 vs same month 2015 (%)', 'Jan–Jul 2016 vs same period 2015 (%)', 'Jan–Jul 2016 vs plan for the year (%)', 'Time elapsed (%)', 'Notes']"
c "en rows carry English names" "scell('$E', 'GRDP', 'C', 'en').value == 'billion VND'"
c "groups in catalog order, with a heading row each" \
    "[sheet('$R', 0).cell(r, 2).value for r in range(5, 60) if sheet('$R', 0).cell(r, 1).value in ('I', 'II', 'III')] == ['Tăng trưởng kinh tế', 'Nông nghiệp', 'Tài chính - ngân sách']"
c "en groups by their group_en" \
    "[sheet('$E', 0).cell(r, 2).value for r in range(5, 60) if sheet('$E', 0).cell(r, 1).value in ('I', 'II', 'III', 'VIII')] == ['Economic growth', 'Agriculture', 'Public finance', 'Administrative reform']"
c "indicators in report order (GRDP before IIP before BUDGET_REV)" \
    "srow('$R', 'GRDP') < srow('$R', 'IIP') < srow('$R', 'BUDGET_REV') < srow('$R', 'DOCS_SIGNED_PCT')"

# --- the seed figures, as numbers with their display formats -----------------
c "GRDP year-to-date index rounds to 109.2" "r1(scell('$R', 'GRDP', 'I').value) == 109.2"
c "GRDP index is a number at full precision" \
    "isinstance(scell('$R', 'GRDP', 'I').value, float) and scell('$R', 'GRDP', 'I').value != 109.2"
c "GRDP index shown as 0.0" "scell('$R', 'GRDP', 'I').number_format == '0.0'"
c "GRDP year-to-date shown with 1 decimal" "scell('$R', 'GRDP', 'G').number_format == '#,##0.0'"
c "BUDGET_REV % of plan rounds to 62.0" "r1(scell('$R', 'BUDGET_REV', 'J').value) == 62.0"
c "BUDGET_REV % of plan shown as 0.0" "scell('$R', 'BUDGET_REV', 'J').number_format == '0.0'"
c "BUDGET_REV pace 58.3 beside it" "r1(scell('$R', 'BUDGET_REV', 'K').value) == 58.3"
c "BUDGET_REV plan 34,300" "scell('$R', 'BUDGET_REV', 'D').value == 34300"
c "PROC_ONLINE_L3 month = 509" "scell('$R', 'PROC_ONLINE_L3', 'F').value == 509"
c "PROC_ONLINE_L3 shown as #,##0" "scell('$R', 'PROC_ONLINE_L3', 'F').number_format == '#,##0'"
c "DOCS_ONLINE_PCT month rounds to 90.0" "r1(scell('$R', 'DOCS_ONLINE_PCT', 'F').value) == 90.0"
c "DOCS_ONLINE_PCT shown with 1 decimal" "scell('$R', 'DOCS_ONLINE_PCT', 'F').number_format == '#,##0.0'"
c "DOCS_SIGNED_PCT month above 95" "scell('$R', 'DOCS_SIGNED_PCT', 'F').value > 95"
c "no index for a derived % indicator" "scell('$R', 'DOCS_SIGNED_PCT', 'H').value is None"
c "a missing value is an empty cell (GRDP month)" "scell('$R', 'GRDP', 'F').value is None"

# --- marks, highlights, '-' ---------------------------------------------------
c "estimate marked in the notes column (RETAIL)" "'ước tính' in scell('$R', 'RETAIL', 'L').value"
c "estimate cell has a comment" "'ước tính' in scell('$R', 'RETAIL', 'F').comment.text.lower()"
c "estimate shown in italics" "scell('$R', 'RETAIL', 'F').font.i"
c "official value not marked (CPI)" "scell('$R', 'CPI', 'F').comment is None and not scell('$R', 'CPI', 'L').value"
c "en estimate mark" "'estimate' in scell('$E', 'RETAIL', 'L', 'en').value"
c "legend under the table" "any(x.value and 'ước tính' in str(x.value) and 'E' in str(x.value) for x in sheet('$R', 0)['B'][srow('$R', 'STAFF_CUT'):])"
c "plan note as a comment" "'Dự toán HĐND tỉnh giao' in scell('$R', 'BUDGET_REV_DOM', 'D').comment.text"
c "index below 100 highlighted by the displayed value" \
    "any('ROUND(H' in f and '<100' in f for cf in sheet('$R', 0).conditional_formatting for r in cf.rules for f in r.formula)"
c "plan behind pace highlighted by the displayed value" \
    "any('ROUND(\$J' in f and 'ROUND(\$K' in f for cf in sheet('$R', 0).conditional_formatting for r in cf.rules for f in r.formula)"
c "'-' for nothing occurred (by district: Cô Tô new enterprises)" \
    "dcell('$R', '207', 'NEW_ENTERPRISES').value == 0 and dcell('$R', '207', 'NEW_ENTERPRISES').number_format.endswith(';\"-\"')"
c "'-' for nothing occurred (summary of Cô Tô)" \
    "scell('$U', 'NEW_ENTERPRISES', 'F').value == 0 and scell('$U', 'NEW_ENTERPRISES', 'F').number_format.endswith(';\"-\"')"
c "a real 0 is not shown as '-' (format)" "'\"-\"' not in scell('$R', 'PROC_ONLINE_L3', 'F').number_format"

# --- by district, trends, reporting ---------------------------------------------
c "by district: 14 units and the total" \
    "[sheet('$R', 1).cell(r, 2).value for r in range(6, 21)] == ['22', '193', '194', '195', '196', '198', '199', '200', '201', '202', '203', '204', '205', '206', '207']"
c "by district: shares of RETAIL add up to 100" \
    "abs(sum(sheet('$R', 1).cell(r, 14).value for r in range(7, 21)) - 100) < 1e-9"
c "by district: RETAIL ranks 1..14 by value" \
    "sorted(sheet('$R', 1).cell(r, 15).value for r in range(7, 21)) == list(range(1, 15)) and sheet('$R', 1).cell(7, 15).value == 1"
c "by district: share shown as 0.0" "sheet('$R', 1).cell(7, 14).number_format == '0.0'"
c "by district: GRDP (quarterly) shows Q2 in July, named in its header" \
    "sheet('$R', 1).cell(5, 4).value == 'Giá trị quý II/2016 (tỷ đồng)' and dcell('$R', '22', 'GRDP').value == drow('$R', '22', 'GRDP', '2016-Q2')['value']"
c "by district: GRDP Q2 equals the trend's Q2" \
    "any(sheet('$R', 2).cell(r, 1).value == 'Quý II' and sheet('$R', 2).cell(r, 2).value == dcell('$R', '22', 'GRDP').value for r in range(1, 200))"
c "by district: a monthly key keeps the month (RETAIL)" "sheet('$R', 1).cell(5, 13).value == 'Giá trị (tỷ đồng)'"
c "by district: GRDP shows Q1 in May (en)" \
    "sheet('$MAY', 1).cell(5, 4).value == 'Value Q1 2016 (billion VND)' and dcell('$MAY', '22', 'GRDP', 0, 'en').value == drow('$MAY', '22', 'GRDP', '2016-Q1')['value']"
c "trends: the quarterly key's header names its latest quarter" \
    "sheet('$R', 2).cell(5, 2).value == 'Năm 2016 (đến quý II)' and sheet('$MAY', 2).cell(5, 2).value == '2016 (to Q1)'"
c "trends: a monthly key's header does not" \
    "sum(1 for r in range(1, 200) if sheet('$R', 2).cell(r, 2).value == 'Năm 2016') == len(KEYS) - 1"
c "trends: a line chart per key indicator and a column chart" \
    "sorted(type(x).__name__ for x in sheet('$R', 2)._charts) == ['BarChart'] + ['LineChart'] * len(KEYS)"
c "trends: July 2016 RETAIL equals the summary" \
    "any(sheet('$R', 2).cell(r, 1).value == 'Tháng 7' and sheet('$R', 2).cell(r, 2).value == scell('$R', 'RETAIL', 'F').value for r in range(1, 200))"
c "reporting: a row per reporter and the total" \
    "[sheet('$R', 3).cell(r, 1).value for r in range(4, 27)][-1] == '*' and sheet('$R', 3).cell(4, 1).value == 'CCTK_193'"
c "reporting: rates are numbers" "sheet('$R', 3).cell(26, 8).value == 100"

# --- data: a table, every value used, notes as text ------------------------------
c "data sheet is an Excel table" "len(sheet('$R', 4).tables) == 1"
c "data columns in Vietnamese" \
    "[x.value for x in sheet('$R', 4)[1]] == ['Mã đơn vị', 'Tên đơn vị', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Đơn vị tính', 'Kỳ', 'Loại', 'Giá trị', 'Trạng thái', 'Độ bao phủ', 'Đánh dấu', 'Ghi chú']"
c "data columns in English" \
    "[x.value for x in sheet('$E', 4)[1]] == ['Unit', 'Unit name', 'Indicator', 'Indicator name', 'Unit of measure', 'Period', 'Measure', 'Value', 'Status', 'Coverage', 'Flags', 'Note']"
c "data table headed in Vietnamese" "[c.name for c in sheet('$R', 4).tables['Data'].tableColumns][:3] == ['Mã đơn vị', 'Tên đơn vị', 'Mã chỉ tiêu']"
c "data values with the indicator's decimals (GRDP 1, CPI 2, PROC_ONLINE_L3 0)" \
    "data_cell('$R', '22', 'GRDP', '2016-YTD07', 'value').number_format == '#,##0.0' and data_cell('$R', '22', 'CPI', '2016-07', 'value').number_format == '#,##0.00' and data_cell('$E', '22', 'PROC_ONLINE_L3', '2016-07', 'value').number_format == '#,##0'"
c "data values at full precision" "data_cell('$R', '22', 'DOCS_SIGNED_PCT', '2016-07', 'value').value == scell('$R', 'DOCS_SIGNED_PCT', 'F').value"
c "data: GRDP 2015-YTD07 (the index's base) is there" "drow('$R', '22', 'GRDP', '2015-YTD07')['value'] == 43758.3"
c "data: the plan" "drow('$R', '22', 'BUDGET_REV_DOM', '2016', 'plan')['value'] == 23800"
c "data: a district's value" "drow('$R', '207', 'RETAIL', '2016-07')['value'] > 0"
c "data: flags" "drow('$R', '207', 'NEW_ENTERPRISES', '2016-07')['flags'] == 'estimate;none-occurred'"
c "data: unit codes are text" "data_cell('$R', '22', 'GRDP', '2016-YTD07', 'unit').data_type == 's'"
c "the formula-like note is a string cell" \
    "data_cell('$R', '22', 'PROC_ONLINE_L3', '2016-07', 'note').value == '=HYPERLINK(\"http://x\",\"y\")' and data_cell('$R', '22', 'PROC_ONLINE_L3', '2016-07', 'note').data_type == 's'"
c "no formula anywhere in the workbook" "not any('<f>' in xml('$R', n) or '<f ' in xml('$R', n) for n in parts('$R') if n.startswith('xl/worksheets/sheet'))"
c "data continues on 'Dữ liệu 2', 'Dữ liệu 3'" \
    "book('$S').sheetnames[4:7] == ['Dữ liệu', 'Dữ liệu 2', 'Dữ liệu 3'] and book('$S').sheetnames[-1] == 'Ghi chú'"
c "each data sheet has its table and at most 500 rows" \
    "all(len(ws.tables) == 1 and ws.max_row <= 501 for ws in book('$S').worksheets if ws.title.startswith('Dữ liệu'))"
c "split data holds the same rows" "data_rows('$S') == data_rows('$R')"

# --- notes ----------------------------------------------------------------------
c "notes: every derived formula" \
    "any(x.value == 'BUDGET_REV_DOM + BUDGET_REV_XNK' for x in sheet('$R', 5)['C']) and any(x.value == 'DOCS_SIGNED / DOCS_ONLINE * 100' for x in sheet('$R', 5)['C'])"
c "notes: the marks" "any(x.value == '- (none-occurred)' for x in sheet('$R', 5)['A'])"
c "notes: the sources" "any(x.value == 'STTTT' for x in sheet('$R', 5)['A'])"

# --- layout, print set-up, properties ----------------------------------------------
c "summary panes frozen below the header" "sheet('$R', 0).freeze_panes == 'C5'"
c "data panes frozen below the header" "sheet('$R', 4).freeze_panes == 'A2'"
c "A4 landscape; Data fit one page wide" \
    "all(ws.page_setup.paperSize in (9, '9') and ws.page_setup.orientation == 'landscape' for ws in book('$R').worksheets) and sheet('$R', 4).sheet_properties.pageSetUpPr.fitToPage and sheet('$R', 4).page_setup.fitToWidth in (None, 1, '1') and sheet('$R', 4).page_setup.fitToHeight in (0, '0')"
c "the other sheets at a print scale, so that their page breaks hold (test_report_print.sh checks the pages)" \
    "all(not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage) and 10 <= int(ws.page_setup.scale or 100) <= 100 for i, ws in enumerate(book('$R').worksheets) if i != 4)"
c "indicator column sized to its text" "30 < sheet('$R', 0).column_dimensions['B'].width <= 52"
c "properties: title, author, date from SOURCE_DATE_EPOCH" \
    "book('$R').properties.title == cell('$R', 0, 'A1').value and book('$R').properties.creator == 'provstat' and book('$R').properties.created == ts(1470000000)"

# --- constant-memory mode gives the same figures ------------------------------
c "constant memory: same sheets" "book('$M').sheetnames == book('$R').sheetnames"
c "constant memory: same summary values" \
    "list(sheet('$M', 0).iter_rows(min_row=1, max_row=80, max_col=12, values_only=True)) == list(sheet('$R', 0).iter_rows(min_row=1, max_row=80, max_col=12, values_only=True))"
c "constant memory: data with an autofilter" "sheet('$M', 4).auto_filter.ref.startswith('A1:L') and data_rows('$M') == data_rows('$R')"
c "constant memory: comments kept" "scell('$M', 'RETAIL', 'F').comment is not None"
run_checks

# --- an incomplete value: one district's July retail withdrawn ---------------------
I=$tmp/incomplete.xlsx
if "$ps" retract --unit 198 --indicator RETAIL --period 2016-07 --reporter CCTK_198 >"$tmp/x.log" 2>&1; then
    ok "retract Bình Liêu's July retail"
else
    fail "retract Bình Liêu's July retail"
    sed 's/^/    /' "$tmp/x.log"
fi
report "with an incomplete value" "$I"
c "incomplete marked with its coverage in the notes column" \
    "'chưa đủ số liệu (tháng 7: 93%' in scell('$I', 'RETAIL', 'L').value"
c "incomplete cell has a comment with its coverage" "'93%' in scell('$I', 'RETAIL', 'F').comment.text"
c "incomplete value in italics" "scell('$I', 'RETAIL', 'F').font.i"
c "the district without a value has no rank and an empty cell" \
    "dcell('$I', '198', 'RETAIL').value is None and dcell('$I', '198', 'RETAIL', 2).value is None"
c "data: incomplete flag and coverage" \
    "drow('$I', '22', 'RETAIL', '2016-07')['flags'].startswith('incomplete') and abs(drow('$I', '22', 'RETAIL', '2016-07')['coverage'] - 13 / 14) < 1e-12"
run_checks

# --- failures: exit 3, a clear message, nothing left behind -------------------------
# A folder the report cannot be written to: a read-only folder (root can write
# anywhere, so as root use /sys, which is mounted read-only).
if [ "$(id -u)" != 0 ]; then
    mkdir "$tmp/ro"
    chmod 555 "$tmp/ro"
    rodir=$tmp/ro
elif [ -d /sys ] && ! (: >/sys/provstat-probe) 2>/dev/null; then
    rodir=/sys
else
    rodir=
fi
if [ -n "$rodir" ]; then
    "$ps" report --period 2016-07 --out "$rodir/r.xlsx" >"$tmp/ro.out" 2>"$tmp/ro.err"
    rc=$?
    if [ "$rc" = 3 ]; then ok "non-writable folder: exit 3"; else fail "non-writable folder: exit 3 (got $rc)"; fi
    if grep -q "cannot write $rodir/r.xlsx" "$tmp/ro.err" && grep -qi "denied\|read-only" "$tmp/ro.err"; then
        ok "non-writable folder: the message names the file and the reason"
    else
        fail "non-writable folder: the message names the file and the reason"
        sed 's/^/    /' "$tmp/ro.err"
    fi
    if ls -a "$rodir" | grep -q 'r\.xlsx'; then fail "non-writable folder: no file left"; else ok "non-writable folder: no file left"; fi
else
    echo "   (no non-writable folder available: skipped)"
fi
# A failure after the workbook was written (the target is a folder): the
# temporary file is removed.
mkdir "$tmp/out" "$tmp/out/dir.xlsx"
"$ps" report --period 2016-07 --out "$tmp/out/dir.xlsx" >/dev/null 2>"$tmp/dir.err"
rc=$?
if [ "$rc" = 3 ] && grep -q "cannot write $tmp/out/dir.xlsx" "$tmp/dir.err"; then
    ok "target is a folder: exit 3 with the path"
else
    fail "target is a folder: exit 3 with the path (got $rc)"
    sed 's/^/    /' "$tmp/dir.err"
fi
if [ "$(ls -A "$tmp/out")" = "dir.xlsx" ]; then ok "target is a folder: no temporary file left"; else fail "target is a folder: no temporary file left"; ls -A "$tmp/out"; fi
# An existing report survives a failed run.
cp "$R" "$tmp/out/keep.xlsx"
"$ps" report --period 2016-07 --out "$tmp/out/keep.xlsx" --unit 999 >/dev/null 2>"$tmp/keep.err"
rc=$?
if [ "$rc" = 2 ] && cmp -s "$R" "$tmp/out/keep.xlsx"; then
    ok "an unknown unit: exit 2, the existing report untouched"
else
    fail "an unknown unit: exit 2, the existing report untouched (got $rc)"
fi
"$ps" --db "$tmp/missing.db" report --period 2016-07 --out "$tmp/out/keep.xlsx" >/dev/null 2>"$tmp/keep.err"
rc=$?
if [ "$rc" = 3 ] && cmp -s "$R" "$tmp/out/keep.xlsx" && [ "$(ls -A "$tmp/out" | wc -l)" = 2 ]; then
    ok "a missing database: exit 3, the existing report untouched"
else
    fail "a missing database: exit 3, the existing report untouched (got $rc)"
    sed 's/^/    /' "$tmp/keep.err"
fi
# Usage errors: exit 2 and a message naming the problem.
usage_case() {
    name=$1
    want=$2
    shift 2
    "$@" >/dev/null 2>"$tmp/usage.err"
    rc=$?
    if [ "$rc" = 2 ] && grep -qF -- "$want" "$tmp/usage.err" && [ ! -e "$tmp/x.xlsx" ]; then
        ok "usage error: $name"
    else
        fail "usage error: $name (exit $rc)"
        sed 's/^/    /' "$tmp/usage.err"
    fi
}
usage_case "no --out" "--out FILE.xlsx is required" "$ps" report --period 2016-07
usage_case "--lang fr" "--lang fr" "$ps" report --period 2016-07 --out "$tmp/x.xlsx" --lang fr
usage_case "bad period" "--period 2016-13" "$ps" report --period 2016-13 --out "$tmp/x.xlsx"
usage_case "unknown unit" "--unit 999" "$ps" report --period 2016-07 --out "$tmp/x.xlsx" --unit 999
usage_case "--out not .xlsx" "--out $tmp/x.xls: a report is an Excel workbook; name it FILE.xlsx" "$ps" report --period 2016-07 --out "$tmp/x.xls"
usage_case "--out .xlsx only as a folder name" "name it FILE.xlsx" "$ps" report --period 2016-07 --out "$tmp/x.xlsx/r.csv"
usage_case "bad SOURCE_DATE_EPOCH" "SOURCE_DATE_EPOCH" env SOURCE_DATE_EPOCH=yesterday "$ps" report --period 2016-07 --out "$tmp/x.xlsx"

# A period without any value (SPEC §6): no file, exit 1, the latest period
# with data named (months: July 2016; a year's population does not count
# for a month); an existing file of that name stays as it was.
empty_case() {
    name=$1
    want=$2
    shift 2
    "$@" >"$tmp/empty.out" 2>"$tmp/empty.err"
    rc=$?
    if [ "$rc" = 1 ] && grep -qF -- "$want" "$tmp/empty.err" && [ ! -s "$tmp/empty.out" ] &&
        [ ! -e "$tmp/e.xlsx" ]; then
        ok "no data: $name"
    else
        fail "no data: $name (exit $rc)"
        sed 's/^/    /' "$tmp/empty.err"
    fi
}
empty_case "September 2016" "hold no data for 2016-09; the latest period with data is 2016-07" \
    "$ps" report --period 2016-09 --out "$tmp/e.xlsx"
empty_case "2016-Q4 of Cô Tô" "unit 207 (Huyện Cô Tô) and the units below it hold no data for 2016-Q4; the latest period with data is 2016-Q3" \
    "$ps" report --period 2016-Q4 --unit 207 --out "$tmp/e.xlsx"
empty_case "year 2017" "the latest period with data is 2016 " "$ps" report --period 2017 --out "$tmp/e.xlsx"
empty_case "before any data" "hold no data for 2014-07; the latest period with data is 2016-07" \
    "$ps" report --period 2014-07 --out "$tmp/e.xlsx"
cp "$R" "$tmp/out/keep2.xlsx"
"$ps" report --period 2016-09 --out "$tmp/out/keep2.xlsx" >/dev/null 2>&1
rc=$?
if [ "$rc" = 1 ] && cmp -s "$R" "$tmp/out/keep2.xlsx"; then
    ok "no data: an existing report of that name untouched"
else
    fail "no data: an existing report of that name untouched (exit $rc)"
fi
emptydb=$tmp/empty.db
"$ps" --db "$emptydb" init --catalog "$sample/catalog" >/dev/null 2>&1
empty_case "a database without values" "hold no data at all; ingest their files first" \
    "$ps" --db "$emptydb" report --period 2016-07 --out "$tmp/e.xlsx"

finish
