#!/bin/sh
# xlsx.sh - the .xlsx reader (core/xlsx) against the CSV reader (core/csv) on the same rows.
#
# usage: bench/xlsx.sh [-n RUNS] [--size U,I,M] [--work DIR]
#
#   -n RUNS        runs of each measurement (default 5), alternating; the
#                  report gives the median and the largest peak memory
#   --size U,I,M   districts, indicators, months of bench/gen_national.c
#                  (default 700,12,12: 100,800 rows)
#   --work DIR     where the files go (default bench/work, or $WORK)
#
# Makes, once, gen_national's catalog and submission data.csv (unit,
# indicator, period, value, status), data-same.csv (the same with numbers
# written as a workbook shows them: 12.9 for 12.90) and two workbooks with
# the same rows in
# a sheet "Dữ liệu" (values as numbers, the rest as text): -excel.xlsx the
# way Excel writes one (a shared-string table, row spans) and
# -openpyxl.xlsx the way openpyxl does (every text inline). Then times, in
# each run:
#   csv:      bench/xlsx_read.c: ps_csv_open + ps_csv_next over data-same.csv
#             (streamed, as ingest does)
#   excel, openpyxl: bench/xlsx_read.c: the whole workbook read into
#             memory, ps_xlsx_open + ps_xlsx_next
#   floor:    bench/xlsx_read.c: data-excel.xlsx read into memory, its sheet
#             inflated by libzip and parsed by expat with no handlers (what
#             any reader on these two libraries pays)
#   ingest:   provstat ingest data-same.csv into a database just made by init
#             (init not timed), every check on
# The readers print the rows, fields and a hash of every field: they must
# agree.
#   ingestx:  provstat ingest data-excel.xlsx, likewise: the whole ingest of
#             the workbook against ingest's of the CSV, in the same run (its
#             rows read ahead in a second thread, ingest/read_ahead.h)
#   ingestp:  the same, read the plain way, in the ingest's own thread
#             (provstat-test with PROVSTAT_TEST_PLAIN_READ=1)
# Wall time with `date +%s%N`; CPU time (user + system) and peak memory
# (max RSS) with GNU time's %U %S %M: on a busy machine CPU time is the
# steadier figure. Needs a build (cmake --build build), python3 with
# openpyxl and /usr/bin/time.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=5
size=700,12,12
work=${WORK:-$here/work}
ps=${PROVSTAT:-$root/build/provstat}
while [ $# -gt 0 ]; do
    case $1 in
    -n) runs=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "xlsx.sh needs GNU time: apt-get install time" >&2; exit 1; }
lib=$root/build/libprovstat_core.a
[ -f "$lib" ] || { echo "xlsx.sh needs a build: cmake -S . -B build && cmake --build build" >&2; exit 1; }
py=
for c in python3 /usr/bin/python3; do
    if "$c" -c 'import openpyxl' 2>/dev/null; then py=$c; break; fi
done
[ -n "$py" ] || { echo "xlsx.sh needs python3 with openpyxl (apt-get install python3-openpyxl)" >&2; exit 1; }

mkdir -p "$work"
reader=$work/xlsx_read
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -I"$root" -o "$reader" "$here/xlsx_read.c" "$lib" \
    $(pkg-config --libs libzip expat) -lcsv -lunistring -lcrypto -lm
u=${size%%,*}; rest=${size#*,}; i=${rest%%,*}; m=${rest#*,}
dir=$work/xlsx-$u-$i-$m
data=$dir/data
if [ ! -f "$data.csv" ]; then
    cc -O2 -o "$work/gen_national" "$here/gen_national.c" -lm
    "$work/gen_national" "$dir" "$u" "$i" "$m" 2015-01 >/dev/null
fi
if [ ! -f "$data-excel.xlsx" ] || [ ! -f "$data-openpyxl.xlsx" ] || [ ! -f "$data-same.csv" ]; then
    "$py" - "$data" <<'PY'
import csv, sys, zipfile
import openpyxl
out = sys.argv[1]
with open(out + ".csv", newline="", encoding="utf-8") as f:
    table = list(csv.reader(f))
header, rows = table[0], [[float(v) if i == 3 else v for i, v in enumerate(r)] for r in table[1:]]
# the CSV again with numbers as a workbook shows them (12.9, not 12.90), so
# that the readers can be shown to read the same text
with open(out + "-same.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n").writerows([header] + [["%.15g" % v if isinstance(v, float) else v
                                                              for v in r] for r in rows])
# as openpyxl writes it: every text inline
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Dữ liệu")
ws.append(header)
for r in rows:
    ws.append(r)
wb.save(out + "-openpyxl.xlsx")
# as Excel writes it: a shared-string table, row spans
strings, index = [], {}
def ref(s):
    if s not in index:
        index[s] = len(strings)
        strings.append(s)
    return index[s]
body = []
for n, r in enumerate([header] + rows, 1):
    cells = []
    for i, v in enumerate(r):
        c = "ABCDEFGHIJ"[i]
        if isinstance(v, float):
            cells.append('<c r="%s%d"><v>%s</v></c>' % (c, n, "%.15g" % v))
        elif v != "":
            cells.append('<c r="%s%d" t="s"><v>%d</v></c>' % (c, n, ref(v)))
    body.append('<row r="%d" spans="1:%d" x14ac:dyDescent="0.25">%s</row>' % (n, len(header), "".join(cells)))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
P = 'http://schemas.openxmlformats.org/package/2006/relationships'
sst = "".join("<si><t>%s</t></si>" % s for s in strings)
parts = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>' % (P, R),
    "xl/workbook.xml": '<workbook %s xmlns:r="%s"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/>'
                       '</sheets></workbook>' % (NS, R),
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" '
        'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%s/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>' % (P, R, R),
    "xl/sharedStrings.xml": '<sst %s count="%d" uniqueCount="%d">%s</sst>' % (NS, len(strings), len(strings), sst),
    "xl/worksheets/sheet1.xml": '<worksheet %s xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/'
        '2009/9/ac"><dimension ref="A1:E%d"/><sheetData>%s</sheetData></worksheet>' % (NS, n, "".join(body)),
}
with zipfile.ZipFile(out + "-excel.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(name, text.encode("utf-8"))
PY
fi

now() { date +%s%N; }
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
kinds="csv excel openpyxl floor ingest ingestx ingestp"
pst=$root/build/provstat-test
db=$dir/bench.db
for k in $kinds; do
    eval "wall_$k=; cpu_$k=; mem_$k=0"
done
for i in $(seq "$runs"); do
    for k in $kinds; do
        case $k in
        csv) set -- "$reader" csv "$data-same.csv" ;;
        floor) set -- "$reader" floor "$data-excel.xlsx" ;;
        ingest) rm -f "$db" "$db-wal" "$db-shm"
                "$ps" --db "$db" init --catalog "$dir/catalog" >/dev/null
                set -- "$ps" --db "$db" ingest "$data-same.csv" --reporter NSO --received 2017-01-15 ;;
        ingestx) rm -f "$db" "$db-wal" "$db-shm"
                "$ps" --db "$db" init --catalog "$dir/catalog" >/dev/null
                set -- "$ps" --db "$db" ingest "$data-excel.xlsx" --reporter NSO --received 2017-01-15 ;;
        ingestp) rm -f "$db" "$db-wal" "$db-shm"
                "$ps" --db "$db" init --catalog "$dir/catalog" >/dev/null
                set -- env PROVSTAT_TEST_PLAIN_READ=1 "$pst" --db "$db" ingest "$data-excel.xlsx" --reporter NSO \
                    --received 2017-01-15 ;;
        *) set -- "$reader" xlsx "$data-$k.xlsx" ;;
        esac
        sync
        t0=$(now)
        rc=0
        /usr/bin/time -f "%M %U %S" -o "$work/xlsx-time" "$@" >"$work/xlsx-out-$k" 2>"$work/xlsx-err-$k" || rc=$?
        t1=$(now)
        # ingest: 1 means some rows got warnings or were refused; the data are in
        if [ $rc -ne 0 ] && ! { [ "${k#ingest}" != "$k" ] && [ $rc -eq 1 ]; }; then
            echo "xlsx.sh: $k failed ($rc):" >&2
            cat "$work/xlsx-err-$k" >&2
            exit 1
        fi
        read -r mem user sys <"$work/xlsx-time"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
        eval "wall_$k=\"\$wall_$k $(( (t1 - t0) / 1000000 ))\"; cpu_$k=\"\$cpu_$k $cpu\""
        eval "[ $mem -gt \$mem_$k ] && mem_$k=$mem || true"
    done
done
for k in excel openpyxl; do
    cmp -s "$work/xlsx-out-csv" "$work/xlsx-out-$k" || {
        echo "xlsx.sh: the readers disagree:" >&2
        cat "$work/xlsx-out-csv" "$work/xlsx-out-$k" >&2
        exit 1
    }
done
rm -f "$db" "$db-wal" "$db-shm"
echo "### bench/xlsx.sh -n $runs --size $size ($(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "The three readers read: $(cat "$work/xlsx-out-csv")"
echo
echo "| reader, file | size | wall, median (runs) ms | CPU, median (runs) ms | peak RSS |"
echo "|---|---:|---|---|---:|"
for k in $kinds; do
    case $k in
    csv) file=$data-same.csv; who="core/csv, data-same.csv" ;;
    floor) file=$data-excel.xlsx; who="floor: libzip + expat without handlers, data-excel.xlsx" ;;
    ingest) file=$data-same.csv; who="provstat ingest data-same.csv" ;;
    ingestx) file=$data-excel.xlsx; who="provstat ingest data-excel.xlsx (read ahead)" ;;
    ingestp) file=$data-excel.xlsx; who="provstat ingest data-excel.xlsx, read plainly" ;;
    *) file=$data-$k.xlsx; who="core/xlsx, data-$k.xlsx" ;;
    esac
    eval "w=\$wall_$k; c=\$cpu_$k; m=\$mem_$k"
    echo "| $who | $(stat -c %s "$file") B | $(echo "$w" | median) ($w ) | $(echo "$c" | median) ($c ) | $((m / 1024)) MiB |"
    eval "medw_$k=$(echo "$w" | median); medc_$k=$(echo "$c" | median)"
done
echo
for k in excel openpyxl floor; do
    eval "w=\$medw_$k; c=\$medc_$k"
    awk -v k="$k" -v w="$w" -v c="$c" -v cw="$medw_csv" -v cc="$medc_csv" \
        'BEGIN { printf "- reader %s / csv: wall %.2f, CPU %.2f\n", k, (cw > 0 ? w / cw : 0), (cc > 0 ? c / cc : 0) }'
done
awk -v w="$medw_ingestx" -v c="$medc_ingestx" -v iw="$medw_ingest" -v ic="$medc_ingest" \
    'BEGIN { printf "- whole ingest of the workbook / of the same rows as CSV (measured): wall %.2f, CPU %.2f (target <= 2)\n",
             (iw > 0 ? w / iw : 0), (ic > 0 ? c / ic : 0) }'
awk -v w="$medw_ingestp" -v c="$medc_ingestp" -v iw="$medw_ingest" -v ic="$medc_ingest" \
    'BEGIN { printf "- the same read plainly, in one thread / CSV: wall %.2f, CPU %.2f\n",
             (iw > 0 ? w / iw : 0), (ic > 0 ? c / ic : 0) }'
