#!/bin/sh
# test_ingest_xlsx.sh - workbook submissions through ingest (SPEC §3
# "Workbook submissions"; issue 12 point 2). The workbooks are made here
# by tests/scripts/make_ingest_workbooks.py and make_xlsx_fixtures.py.
#
# - an officer's workbook (title rows, sheet Dữ liệu, Vietnamese headers,
#   a code as text) stores what the same rows as CSV store;
# - diagnostics give line = the row, column = the cell's column, and name
#   the cell: a value that is not a number, a date typed in the period
#   column (a warning; the month is read);
# - a template filled in Excel's place (openpyxl) stores its values; an
#   untouched one is refused;
# - .xls, .ods, .xlsb, an encrypted workbook, another zip, a PDF are refused
#   with what they are; hostile workbooks are refused, quickly;
# - a workbook read from a FIFO is the same file, and sent twice is "already".
. "$(dirname "$0")/lib.sh"
script_start ingest_xlsx "$@"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
sample=samples/quang-ninh
"$py" tests/scripts/make_ingest_workbooks.py "$tmp/wb" || { fail "make the workbooks"; finish; }
"$py" tests/scripts/make_xlsx_fixtures.py "$tmp/fx" hostile others rows || { fail "make the fixtures"; finish; }

newdb() {
    rm -f "$1" "$1-wal" "$1-shm"
    "$ps" --db "$1" init --catalog "$sample/catalog" >/dev/null
}

# --- the sample's officer's workbook against its CSV ----------------------------
newdb "$tmp/x.db"
newdb "$tmp/c.db"
"$ps" --db "$tmp/x.db" ingest "$sample/submissions/2016-07/CCTK_195.xlsx" --reporter CCTK_195 >"$tmp/x.out" 2>&1
check_eq "the officer's workbook is stored (exit 0)" "0" "$?"
"$ps" --db "$tmp/c.db" ingest "$sample/submissions/2016-07/CCTK_195.csv" --reporter CCTK_195 >/dev/null 2>&1
"$ps" --db "$tmp/x.db" show --period 2016-07 --unit 195 --format csv >"$tmp/x.csv"
"$ps" --db "$tmp/c.db" show --period 2016-07 --unit 195 --format csv >"$tmp/c.csv"
if [ -s "$tmp/x.csv" ] && cmp -s "$tmp/x.csv" "$tmp/c.csv"; then
    ok "and holds what the same rows as CSV hold"
else
    fail "and holds what the same rows as CSV hold" "$tmp/x.out"
fi
line=$("$ps" --db "$tmp/x.db" history --unit 195 --indicator RETAIL --period 2016-07 --format csv | tail -1 | cut -d, -f11)
check_eq "a value's line is its row in the sheet" "6" "$line"

# --- diagnostics name the cell -------------------------------------------------------
newdb "$tmp/d.db"
"$ps" --db "$tmp/d.db" ingest "$tmp/wb/bad.xlsx" --reporter CCTK_193 >"$tmp/bad.out" 2>"$tmp/bad.err"
check_eq "a workbook with a bad value is refused (exit 1)" "1" "$?"
if grep -q "^$tmp/wb/bad.xlsx:7:5: error: 12,5,3 is not a plain number.* (Dữ liệu!E7)\$" "$tmp/bad.err"; then
    ok "the error names row, column and cell (Dữ liệu!E7)"
else
    fail "the error names row, column and cell (Dữ liệu!E7)" "$tmp/bad.err"
fi
if grep -q "^$tmp/wb/bad.xlsx:6:4: warning: .*2016-07-01.* 2016-07.* (Dữ liệu!D6)\$" "$tmp/bad.err"; then
    ok "a date in the period column is read as its month, with a warning at the cell"
else
    fail "a date in the period column is read as its month, with a warning at the cell" "$tmp/bad.err"
fi
"$ps" --db "$tmp/d.db" ingest "$tmp/wb/bad.xlsx" --reporter CCTK_193 --errors-csv "$tmp/errors.csv" >/dev/null 2>&1
if grep -q '^.*bad.xlsx,7,5,error,bad-number,.*(Dữ liệu!E7).*,12,5,3\|bad.xlsx,7,5,error,bad-number,.*Dữ liệu!E7' "$tmp/errors.csv"; then
    ok "the errors CSV names the cell in the message"
else
    fail "the errors CSV names the cell in the message" "$tmp/errors.csv"
fi
check_eq "nothing of it is stored" "0" "$(sqlite3 "$tmp/d.db" 'SELECT count(*) FROM obs')"
"$ps" --db "$tmp/d.db" ingest "$tmp/wb/good.xlsx" --reporter CCTK_193 >/dev/null 2>&1
check_eq "put right, it is stored (3 values)" "3" "$(sqlite3 "$tmp/d.db" 'SELECT count(*) FROM obs')"

# --- a template, filled and untouched ------------------------------------------------
newdb "$tmp/t.db"
"$ps" --db "$tmp/t.db" template --reporter CCTK_193 --period 2016-07 --out "$tmp/t.xlsx" >/dev/null 2>&1
"$ps" --db "$tmp/t.db" ingest "$tmp/t.xlsx" --reporter CCTK_193 >"$tmp/t.out" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q "holds no values" "$tmp/t.out"; then
    ok "an untouched template workbook is refused: it holds no values"
else
    fail "an untouched template workbook is refused: it holds no values (exit $rc)" "$tmp/t.out"
fi
"$py" tests/scripts/make_ingest_workbooks.py "$tmp/wb" fill "$tmp/t.xlsx" "$tmp/tf.xlsx" RETAIL=1723.2 PROC_FILES=2956
"$ps" --db "$tmp/t.db" ingest "$tmp/tf.xlsx" --reporter CCTK_193 >"$tmp/tf.out" 2>&1
check_eq "a filled template workbook is stored as it is (exit 0)" "0" "$?"
check_eq "with exactly its values" "1723.2;2956.0" \
    "$(sqlite3 "$tmp/t.db" "SELECT group_concat(printf('%.1f', value), ';') FROM (SELECT value FROM obs ORDER BY value)")"

# --- what is not a workbook ----------------------------------------------------------
refused() { # FILE WHAT
    "$ps" --db "$tmp/t.db" ingest "$1" --reporter CCTK_193 >"$tmp/r.out" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ] && grep -qi "$2" "$tmp/r.out"; then
        ok "$(basename "$1") is refused, saying what it is ($2; exit $rc)"
    else
        fail "$(basename "$1") is refused, saying what it is ($2; exit $rc)" "$tmp/r.out"
    fi
}
refused "$tmp/fx/old.xls" "97-2003"
refused "$tmp/fx/sheet.ods" "OpenDocument"
refused "$tmp/fx/book.xlsb" "binary"
refused "$tmp/fx/encrypted.xlsx" "password"
refused "$tmp/fx/plain.zip" "zip"
printf '%%PDF-1.4\n%%\342\343\n1 0 obj\n' >"$tmp/report.pdf"
refused "$tmp/report.pdf" "PDF"

# --- hostile workbooks: refused, within bounded time ---------------------------------
for f in ratio_bomb deep lying_size malformed row_beyond col_beyond doctype; do
    start=$(date +%s)
    "$ps" --db "$tmp/t.db" ingest "$tmp/fx/$f.xlsx" --reporter CCTK_193 >"$tmp/h.out" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    if [ "$rc" -eq 1 ] && [ "$took" -lt 60 ] && grep -q "$f.xlsx" "$tmp/h.out"; then
        ok "hostile $f.xlsx is refused with a message naming it (exit 1, ${took}s)"
    else
        fail "hostile $f.xlsx is refused with a message naming it (exit $rc, ${took}s)" "$tmp/h.out"
    fi
done
"$ps" --db "$tmp/t.db" ingest "$tmp/fx/million_empty.xlsx" --reporter CCTK_193 >"$tmp/m.out" 2>&1
check_eq "a sheet of a million empty rows is read to its end and refused for its content (exit 1)" "1" "$?"

# --- streams ----------------------------------------------------------------------
newdb "$tmp/f.db"
mkfifo "$tmp/fifo"
cat "$tmp/wb/good.xlsx" >"$tmp/fifo" &
"$ps" --db "$tmp/f.db" ingest "$tmp/fifo" --reporter CCTK_193 >"$tmp/f.out" 2>&1
check_eq "a workbook read from a FIFO is stored (exit 0)" "0" "$?"
"$ps" --db "$tmp/f.db" ingest "$tmp/wb/good.xlsx" --reporter CCTK_193 >"$tmp/f2.out" 2>&1
if grep -qi "already" "$tmp/f2.out"; then
    ok "the same bytes from the file are already ingested"
else
    fail "the same bytes from the file are already ingested" "$tmp/f2.out"
fi
finish
