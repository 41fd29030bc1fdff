#!/bin/sh
# export.sh - the export benchmark: a long CSV export of about a million rows
# against the sqlite3 shell dumping as many rows of a plain table as CSV.
#
# usage: bench/export.sh [-n RUNS] [--size U,I]
#   -n RUNS      runs of each measurement (default 3); median wall time, largest peak RSS
#   --size U,I   districts and indicators (default 700,100); the data are
#                24 months, 2015-01 to 2016-12, and the export is 2016-01..2016-12
#
# Environment: PROVSTAT (default build/provstat), WORK (default bench/work).
#
# Untimed set-up: the data set (bench/gen_national) in WORK/rollup-U-I/ with
# its provstat database and a plain sqlite3 table (shared with rollup.sh).
# (a) provstat export --from 2016-01 --to 2016-12 --format long --level district
#     --out a.csv: every unit from the nation down to the districts, submitted,
#     rolled up and derived values, with names, status, coverage and flags
# (b) sqlite3 -csv plain.db "SELECT * FROM t LIMIT N" >b.csv, N = the rows (a) wrote
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=3
size=700,100
work=${WORK:-$here/work}
ps=${PROVSTAT:-$root/build/provstat}
while [ $# -gt 0 ]; do
    case $1 in
    -n) runs=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    *) echo "usage: bench/export.sh [-n RUNS] [--size U,I]" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "export.sh needs GNU time: apt-get install time" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "export.sh needs the sqlite3 shell: apt-get install sqlite3" >&2; exit 1; }
units=${size%,*}
inds=${size#*,}
mkdir -p "$work"
gen=$work/gen_national
[ -x "$gen" ] && [ "$gen" -nt "$here/gen_national.c" ] || cc -O2 -o "$gen" "$here/gen_national.c" -lm
data=$work/rollup-$units-$inds
if [ ! -f "$data/data.csv" ]; then
    "$gen" "$data" "$units" "$inds" 24 2015-01 >/dev/null
fi
db=$data/provstat.db
plain=$data/plain.db
if [ ! -f "$db" ]; then
    "$ps" --db "$db" init --catalog "$data/catalog" >/dev/null
    "$ps" --db "$db" ingest "$data/data.csv" --reporter NSO --received 2017-01-15 >/dev/null 2>&1 || {
        rc=$?; [ $rc -eq 1 ] || { echo "export.sh: ingest failed ($rc)" >&2; rm -f "$db"; exit 1; }
    }
fi
if [ ! -f "$plain" ]; then
    sqlite3 "$plain" <<SQL
CREATE TABLE t(unit TEXT, indicator TEXT, period TEXT, value REAL, status TEXT);
CREATE UNIQUE INDEX t_key ON t(unit, indicator, period);
.import --csv --skip 1 $data/data.csv t
SQL
fi
out=$work/export
mkdir -p "$out"
now() { date +%s%N; }
ta=""; tb=""; ma=0; mb=0; n=""
i=0
while [ $i -lt "$runs" ]; do
    rm -f "$out/a.csv"
    s=$(now)
    /usr/bin/time -f %M -o "$work/rss" "$ps" --db "$db" export --from 2016-01 --to 2016-12 --format long --level district --out "$out/a.csv" >"$out/said.txt"
    e=$(now); ta="$ta $(( (e - s) / 1000000 ))"
    m=$(cat "$work/rss"); [ "$m" -gt "$ma" ] && ma=$m
    [ -n "$n" ] || n=$(($(wc -l <"$out/a.csv") - 1))
    s=$(now)
    /usr/bin/time -f %M -o "$work/rss" sqlite3 -csv "$plain" "SELECT * FROM t LIMIT $n" >"$out/b.csv"
    e=$(now); tb="$tb $(( (e - s) / 1000000 ))"
    m=$(cat "$work/rss"); [ "$m" -gt "$mb" ] && mb=$m
    i=$((i + 1))
done
nb=$(wc -l <"$out/b.csv")
median() { echo "$@" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mda=$(median $ta); mdb=$(median $tb)
rows=$(($(wc -l <"$data/data.csv") - 1))
echo "#### $(date +%F): \`bench/export.sh -n $runs --size $size\`"
echo
echo "- data: $units districts x $inds indicators x 24 months = $rows rows ingested; export 2016-01..2016-12, long, nation down to districts"
echo "- provstat: $("$ps" --version 2>/dev/null | head -1), source tree $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
echo "- rows: (a) $n data rows, $(wc -c <"$out/a.csv") bytes; (b) $nb rows, $(wc -c <"$out/b.csv") bytes; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "- machine: $(nproc) cores; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measurement | median wall | peak RSS | runs (ms) |"
echo "|---|---:|---:|---|"
echo "| (a) provstat export --format long --level district, 12 months | $mda ms | $((ma / 1024)) MiB |$ta |"
echo "| (b) sqlite3 -csv SELECT * FROM t LIMIT $n | $mdb ms | $((mb / 1024)) MiB |$tb |"
echo
awk -v a="$mda" -v b="$mdb" 'BEGIN { printf "- ratio a/b: %.2f (target <= 2.0)\n", a / b }'
echo "- provstat said: $(cat "$out/said.txt")"
