#!/bin/sh
# rollup.sh - the aggregation benchmark: the full roll-up of every indicator
# to the nation for one month and its year-to-date, with the comparisons on
# the same period of last year, against the sqlite3 GROUP BY that computes
# the same sums from a plain table.
#
# usage: bench/rollup.sh [-n RUNS] [--size U,I]
#   -n RUNS      runs of each measurement (default 3); median wall time, largest peak RSS
#   --size U,I   districts and indicators (default 700,200); the data are
#                24 months, 2015-01 to 2016-12, and the month is 2016-07
#
# Environment: PROVSTAT (default build/provstat), WORK (default bench/work).
#
# (a) provstat show --period 2016-07 --unit VN --format csv: every indicator
#     of the nation, rolled up districts -> provinces -> regions -> nation,
#     with value, year-to-date, plan, index on last year (month and
#     year-to-date), pace and flags: 4 sums per indicator and their coverage.
# (b) sqlite3 on a plain table t(unit, indicator, period, value, status) with
#     a UNIQUE index on (unit, indicator, period): one GROUP BY indicator
#     computing the same four sums (2016-07, 2016-01..07, 2015-07,
#     2015-01..07) for every indicator.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=3
size=700,200
work=${WORK:-$here/work}
ps=${PROVSTAT:-$root/build/provstat}
while [ $# -gt 0 ]; do
    case $1 in
    -n) runs=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    *) echo "usage: bench/rollup.sh [-n RUNS] [--size U,I]" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "rollup.sh needs GNU time: apt-get install time" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "rollup.sh needs the sqlite3 shell: apt-get install sqlite3" >&2; exit 1; }
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
    "$ps" --db "$db" ingest "$data/data.csv" --reporter NSO --received 2017-01-15 >/dev/null 2>&1
fi
if [ ! -f "$plain" ]; then
    sqlite3 "$plain" <<SQL
CREATE TABLE t(unit TEXT, indicator TEXT, period TEXT, value REAL, status TEXT);
CREATE UNIQUE INDEX t_key ON t(unit, indicator, period);
.import --csv --skip 1 $data/data.csv t
SQL
fi
query="SELECT indicator,
  sum(CASE WHEN period = '2016-07' THEN value END),
  sum(CASE WHEN period BETWEEN '2016-01' AND '2016-07' THEN value END),
  sum(CASE WHEN period = '2015-07' THEN value END),
  sum(CASE WHEN period BETWEEN '2015-01' AND '2015-07' THEN value END)
FROM t GROUP BY indicator;"

now() { date +%s%N; }
ta=""; tb=""; ma=0; mb=0
i=0
while [ $i -lt "$runs" ]; do
    s=$(now)
    /usr/bin/time -f %M -o "$work/rss" "$ps" --db "$db" show --period 2016-07 --unit VN --format csv >"$work/a.csv"
    e=$(now); ta="$ta $(( (e - s) / 1000000 ))"
    m=$(cat "$work/rss"); [ "$m" -gt "$ma" ] && ma=$m
    s=$(now)
    /usr/bin/time -f %M -o "$work/rss" sqlite3 "$plain" "$query" >"$work/b.txt"
    e=$(now); tb="$tb $(( (e - s) / 1000000 ))"
    m=$(cat "$work/rss"); [ "$m" -gt "$mb" ] && mb=$m
    i=$((i + 1))
done
median() { echo "$@" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mda=$(median $ta); mdb=$(median $tb)
rows=$(($(wc -l <"$data/data.csv") - 1))
echo "#### $(date +%F): \`bench/rollup.sh -n $runs --size $size\`"
echo
echo "- data: $units districts x $inds indicators x 24 months = $rows rows; nation VN, month 2016-07"
echo "- machine: $(nproc) cores; load average before/after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measurement | median wall | peak RSS | runs (ms) |"
echo "|---|---:|---:|---|"
echo "| (a) provstat show --unit VN, every indicator with comparisons | $mda ms | $((ma / 1024)) MiB |$ta |"
echo "| (b) sqlite3 GROUP BY indicator, the same four sums | $mdb ms | $((mb / 1024)) MiB |$tb |"
echo
awk -v a="$mda" -v b="$mdb" 'BEGIN { printf "- ratio a/b: %.2f (target <= 1.0); memory target < 200 MB\n", a / b }'
