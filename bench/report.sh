#!/bin/sh
# report.sh - the report benchmark: provstat's monthly workbook of the nation
# on the national data set, against Python XlsxWriter and a bare libxlsxwriter
# loop writing the same cells.
#
# usage: bench/report.sh [-n RUNS] [--size U,I]
#   -n RUNS      runs of each measurement (default 3); median wall time, largest peak RSS
#   --size U,I   districts and indicators (default 700,30); the data are
#                24 months, 2015-01 to 2016-12, and the month is 2016-07
#
# Environment: PROVSTAT (default build/provstat), WORK (default bench/work).
#
# Untimed set-up: the data set (bench/gen_national) and its provstat database
# in WORK/rollup-U-I/ (shared with rollup.sh), provstat's report written once,
# and its cells dumped (sheet, row, column, number or text) with openpyxl.
# (a) SOURCE_DATE_EPOCH=... provstat report --period 2016-07 --unit VN --out a.xlsx,
#     measured three ways:
#     - after new data: the first report after a province's file came in
#       (province 01's 11 districts x I indicators for 2016-07, revised:
#       the ingest carries the kept roll-ups over, ingest/refresh.h, and is
#       timed too);
#     - warm: the same again (what a leader's second report costs);
#     - from nothing kept: right after the data generation is bumped by
#       hand, as a change of catalog or closed periods does (every roll-up
#       computed again from every district, and kept)
# (b) /usr/bin/python3 bench/xlsx_baseline.py cells.tsv b.xlsx: XlsxWriter
#     writing the same sheets and cells (default options, no formats, no charts)
# (c) xlsx_floor cells.tsv c.xlsx: libxlsxwriter in constant-memory mode, the
#     same cells, nothing else (bench/xlsx_floor.c)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
. "$here/lib.sh"
bench_start report 700,30 "$@"
$py -c 'import xlsxwriter, openpyxl' 2>/dev/null ||
    { echo "report.sh needs python3-xlsxwriter and python3-openpyxl (Debian) for $py" >&2; exit 1; }
floor=$work/xlsx_floor
[ -x "$floor" ] && [ "$floor" -nt "$here/xlsx_floor.c" ] || cc -std=c11 -O2 -o "$floor" "$here/xlsx_floor.c" -lxlsxwriter
SOURCE_DATE_EPOCH=1480000000
export SOURCE_DATE_EPOCH
out=$work/report
mkdir -p "$out"
# untimed: provstat's report once, and its cells
"$ps" --db "$db" report --period 2016-07 --unit VN --out "$out/a.xlsx" >/dev/null
cells=$out/cells.tsv
$py - "$out/a.xlsx" "$cells" >"$out/sheets.txt" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for ws in wb.worksheets:
        f.write("S\t%s\n" % ws.title)
        nn = ns = rows = cols = 0
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None:
                    continue
                rows = max(rows, c.row); cols = max(cols, c.column)
                if isinstance(v, bool):
                    v = int(v)
                if isinstance(v, (int, float)):
                    f.write("n\t%d\t%d\t%r\n" % (c.row - 1, c.column - 1, v)); nn += 1
                else:
                    t = str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    f.write("s\t%d\t%d\t%s\n" % (c.row - 1, c.column - 1, t)); ns += 1
        print("%s: %d rows x %d columns, %d numbers, %d texts" % (ws.title, rows, cols, nn, ns))
PY
ncells=$(grep -c -v '^S' "$cells")
# prov_file FACTOR FILE: province 01's 2016-07 rows of the data set, each
# value times FACTOR (a different one each run and each invocation, or the
# ingest would find the file sent already and change nothing)
prov_file() {
    awk -F, -v k="$1" 'NR == FNR { if ($6 == "01") d[$1] = 1; next }
        FNR == 1 || (($1 in d) && $3 == "2016-07") { if (FNR > 1) $4 = sprintf("%.1f", $4 * k); print }' \
        OFS=, "$data/catalog/units.csv" "$data/data.csv" >"$2"
}
salt=$((($$ + $(date +%s)) % 1000))
prov_file 1 "$out/p01.csv"
nprov=$(($(wc -l <"$out/p01.csv") - 1))
# the runs change the data: they work on a copy, and the data set stays as made
rdb=$out/report.db
rm -f "$rdb" "$rdb-wal" "$rdb-shm"
sqlite3 "$db" ".backup '$rdb'"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
i=0
while [ $i -lt "$runs" ]; do
    rm -f "$out/a.xlsx" "$out/a2.xlsx" "$out/a3.xlsx" "$out/b.xlsx" "$out/c.xlsx"
    stale "$rdb"
    timed full "$ps" --db "$rdb" report --period 2016-07 --unit VN --out "$out/a3.xlsx" >/dev/null
    f=$out/p01-$i.csv
    prov_file "$(awk -v i=$i -v s=$salt 'BEGIN { printf "%.5f", 1 + (i + 1) / 100 + s / 100000 }')" "$f"
    timed ingest "$ps" --db "$rdb" ingest "$f" --reporter NSO --received 2016-08-15 >"$out/ingest.log" 2>&1 ||
        [ $? = 1 ] || { echo "report.sh: the ingest of the province's file failed" >&2; exit 1; }
    grep -q " $nprov revised," "$out/ingest.log" ||
        { echo "report.sh: the province's file did not revise its $nprov values:" >&2; cat "$out/ingest.log" >&2; exit 1; }
    timed cold "$ps" --db "$rdb" report --period 2016-07 --unit VN --out "$out/a.xlsx" >/dev/null
    timed warm "$ps" --db "$rdb" report --period 2016-07 --unit VN --out "$out/a2.xlsx" >/dev/null
    cmp -s "$out/a.xlsx" "$out/a2.xlsx" || { echo "report.sh: the warm report differs from the one after new data" >&2; exit 1; }
    # the report from carried roll-ups is the report computed from nothing kept
    rm -f "$out/check.db"
    sqlite3 "$rdb" ".backup '$out/check.db'"
    stale "$out/check.db"
    "$ps" --db "$out/check.db" report --period 2016-07 --unit VN --out "$out/a4.xlsx" >/dev/null
    cmp -s "$out/a.xlsx" "$out/a4.xlsx" || { echo "report.sh: the report after new data differs from one computed from nothing kept" >&2; exit 1; }
    timed py $py "$here/xlsx_baseline.py" "$cells" "$out/b.xlsx" >/dev/null
    timed floor "$floor" "$cells" "$out/c.xlsx" >/dev/null
    i=$((i + 1))
done
rm -f "$out/check.db"
rm -f "$rdb" "$rdb-wal" "$rdb-shm"
mdc=$(median $t_cold); mdw=$(median $t_warm); mdb=$(median $t_py); mdf=$(median $t_floor); mdu=$(median $t_full)
rows=$(($(wc -l <"$data/data.csv") - 1))
echo "#### $(date +%F): \`bench/report.sh -n $runs --size $size\`"
echo
echo "- data: $units districts x $inds indicators x 24 months = $rows rows; report of VN, 2016-07, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
echo "- provstat: $(source_tree)"
echo "- cells written by each, $ncells in all (provstat's report read back with openpyxl):"
sed 's/^/  - /' "$out/sheets.txt"
table_head
row ingest "provstat ingest of the province's file ($nprov values revised; not a report)"
row cold "(a) after new data: provstat report --unit VN, the first after that file (with formats and charts)"
row warm "(a) warm: the same again"
row full "(a) from nothing kept: the report after the generation is bumped by hand"
row py "(b) Python XlsxWriter, the same cells"
row floor "(c) C libxlsxwriter floor, the same cells"
echo
awk -v a="$mdc" -v w="$mdw" -v u="$mdu" -v b="$mdb" -v c="$mdf" -v m="${m_warm:-0}" -v mc="${m_cold:-0}" \
    -v mu="${m_full:-0}" 'BEGIN {
    printf "- ratio a/b: after new data %.2f, warm %.2f, from nothing kept %.2f (target <= 0.33, i.e. 3 times faster than XlsxWriter)\n", a / b, w / b, u / b
    printf "- ratio a/c: after new data %.2f, warm %.2f, from nothing kept %.2f (target <= 1.5)\n", a / c, w / c, u / c
    printf "- peak RSS of (a): after new data %.1f MB, warm %.1f MB, from nothing kept %.1f MB (target < 200 MB)\n", mc * 1024 / 1e6, m * 1024 / 1e6, mu * 1024 / 1e6 }'
