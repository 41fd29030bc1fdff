#!/bin/sh
# test_read_ahead.sh - a workbook's rows read ahead in a thread
# (ingest/read_ahead), its sheet inflated in another (core/inflate_ahead),
# against the plain way, all in the ingest's own thread
# (PROVSTAT_TEST_PLAIN_READ=1, cli/test_hooks.h).
#
# For every workbook of the tests (the officer's, the fixtures of
# make_ingest_workbooks.py and make_xlsx_fixtures.py, hostile ones
# included) and a workbook of 4,800 rows made here (more than one stage of
# the writer's, PS_WRITER_STAGE_READ_AHEAD, written while rows are read;
# title rows, a header wider than its rows, empty rows, bad values and a
# date in the period column), both ways
# must give the same exit status, the same output and diagnostics, the
# same errors CSV and the same stored values, in English and in
# Vietnamese: a refusal found by the reading thread is written in the
# caller's language.
. "$(dirname "$0")/lib.sh"
script_start read_ahead "$@"
need_test_build
py=/usr/bin/python3
[ -x "$py" ] || py=python3
sample=samples/quang-ninh
"$py" tests/scripts/make_ingest_workbooks.py "$tmp/wb" || { fail "make the workbooks"; finish; }
"$py" tests/scripts/make_xlsx_fixtures.py "$tmp/fx" hostile damaged others rows || { fail "make the fixtures"; finish; }
"$py" - "$tmp/big.xlsx" >"$tmp/big.expect" <<'PY' || { fail "make the big workbook"; finish; }
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Dữ liệu"
ws.append(["Báo cáo thống kê tháng"])
ws.append([])
ws.append(["Mã đơn vị", "Mã chỉ tiêu", "Kỳ", "Giá trị", "Loại", "Trạng thái", "Ghi chú"])
n = bad = 0
for y in range(1916, 2016):
    for m in range(1, 13):
        for ind in ("RETAIL", "NEW_ENTERPRISES", "DOCS_TOTAL", "PROC_FILES"):
            n += 1
            if n % 211 == 0:
                ws.append([])
            period = datetime.datetime(y, m, 1) if n == 1234 else "%d-%02d" % (y, m)
            value = "12,5,3" if n % 97 == 0 else 100 + (n * 37) % 900
            bad += n % 97 == 0
            ws.append(["195", ind, period, value])
            if n == 1234:
                date_at = "%d:3: warning: .*%d-%02d-01" % (ws.max_row, y, m)
wb.save(sys.argv[1])
print(n - bad, bad, date_at)
PY

# ingest FILE LANG PLAIN OUT: one way into a new database; OUT.rc, OUT.out,
# OUT.err, OUT.errors.csv and OUT.obs (the stored values) are what it did
ingest() {
    rm -f "$4.db" "$4.db-wal" "$4.db-shm"
    "$ps" --db "$4.db" init --catalog "$sample/catalog" >/dev/null
    PROVSTAT_TEST_PLAIN_READ=$3 "$ps_test" --db "$4.db" --lang "$2" ingest "$1" --reporter CCTK_195 --partial \
        --received 2016-08-05 --errors-csv "$4.errors.csv" >"$4.out" 2>"$4.err"
    echo $? >"$4.rc"
    sqlite3 "$4.db" "SELECT unit_id, indicator_id, period, measure, value, status, flags, note, line FROM obs
                     ORDER BY 1, 2, 3, 4" >"$4.obs"
}

same=0
differ=""
rows=0
for f in "$sample/submissions/2016-07/CCTK_195.xlsx" "$tmp/big.xlsx" "$tmp"/wb/*.xlsx "$tmp"/fx/*; do
    for lang in en vi; do
        ingest "$f" "$lang" 1 "$tmp/p"
        ingest "$f" "$lang" 0 "$tmp/a"
        ok_all=1
        for part in rc out err errors.csv obs; do
            cmp -s "$tmp/p.$part" "$tmp/a.$part" || ok_all=0
        done
        if [ $ok_all = 1 ]; then
            same=$((same + 1))
        else
            differ="$differ $(basename "$f")/$lang"
            diff "$tmp/p.err" "$tmp/a.err" | head -5
        fi
        if [ "$f" = "$tmp/big.xlsx" ] && [ "$lang" = en ]; then
            rows=$(wc -l <"$tmp/a.obs")
            cp "$tmp/a.err" "$tmp/big.err"
        fi
    done
done
check_eq "every workbook ingests the same read ahead and read plainly, in both languages (differing:$differ)" \
    "" "$differ"
[ "$same" -ge 60 ] && ok "($same workbook and language pairs compared)" || fail "only $same pairs compared"

# the big workbook, written in more than one stage: what it holds is right
read good bad date_at <"$tmp/big.expect"
check_eq "the 4,800-row workbook stores its good rows" "$good" "$rows"
check_eq "and names each of its bad values, at its own row" "$bad" \
    "$(grep -c "^$tmp/big.xlsx:[0-9]*:4: error: 12,5,3 is not a plain number" "$tmp/big.err")"
if grep -q "^$tmp/big.xlsx:$date_at" "$tmp/big.err"; then
    ok "the date typed in the period column is read as its month, with a warning at its row"
else
    fail "the date typed in the period column is read as its month, with a warning at its row ($date_at)" "$tmp/big.err"
fi

# a refusal found while the rows are read, in the caller's language
ingest "$tmp/fx/bad_number.xlsx" vi 0 "$tmp/vi"
ingest "$tmp/fx/bad_number.xlsx" en 0 "$tmp/en"
if [ -s "$tmp/vi.err" ] && ! cmp -s "$tmp/vi.err" "$tmp/en.err" && grep -q ",unreadable-file," "$tmp/vi.errors.csv" &&
    LC_ALL=C.UTF-8 grep -q "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]" "$tmp/vi.err"; then
    ok "a sheet refused by the reading thread is explained in Vietnamese to a Vietnamese caller"
else
    fail "a sheet refused by the reading thread is explained in Vietnamese to a Vietnamese caller" "$tmp/vi.err"
fi
finish
