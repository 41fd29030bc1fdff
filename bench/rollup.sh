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
# provstat keeps its roll-ups between commands until the data change
# (store/rollup.h), so (a) is measured twice in each run:
# (a) cold: right after the data generation is bumped (what an ingest does;
#     bench/lib.sh stale), computing everything and keeping it;
# (a) warm: the same command again, from the kept roll-ups.
# The command: provstat show --period 2016-07 --unit VN --format csv: every indicator
#     of the nation, rolled up districts -> provinces -> regions -> nation,
#     with value, year-to-date, plan, index on last year (month and
#     year-to-date), pace and flags: 4 sums per indicator and their coverage.
# (b) sqlite3 on a plain table t(unit, indicator, period, value, status) with
#     a UNIQUE index on (unit, indicator, period): one GROUP BY indicator
#     computing the same four sums (2016-07, 2016-01..07, 2015-07,
#     2015-01..07) for every indicator.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_start rollup 700,200 "$@"
query="SELECT indicator,
  sum(CASE WHEN period = '2016-07' THEN value END),
  sum(CASE WHEN period BETWEEN '2016-01' AND '2016-07' THEN value END),
  sum(CASE WHEN period = '2015-07' THEN value END),
  sum(CASE WHEN period BETWEEN '2015-01' AND '2015-07' THEN value END)
FROM t GROUP BY indicator;"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
i=0
while [ $i -lt "$runs" ]; do
    stale "$db"
    timed cold "$ps" --db "$db" show --period 2016-07 --unit VN --format csv >"$work/a.csv"
    timed warm "$ps" --db "$db" show --period 2016-07 --unit VN --format csv >"$work/a2.csv"
    cmp -s "$work/a.csv" "$work/a2.csv" || { echo "rollup.sh: the warm show differs from the cold one" >&2; exit 1; }
    timed sql sqlite3 "$plain" "$query" >"$work/b.txt"
    i=$((i + 1))
done
rows=$(($(wc -l <"$data/data.csv") - 1))
echo "#### $(date +%F): \`bench/rollup.sh -n $runs --size $size\`"
echo
echo "- data: $units districts x $inds indicators x 24 months = $rows rows; nation VN, month 2016-07"
echo "- provstat: $(source_tree)"
table_head
row cold "(a) cold: provstat show --unit VN after new data, every indicator with comparisons"
row warm "(a) warm: the same again, from the kept roll-ups"
row sql "(b) sqlite3 GROUP BY indicator, the same four sums"
echo
awk -v c="$(median $t_cold)" -v w="$(median $t_warm)" -v b="$(median $t_sql)" 'BEGIN {
    printf "- ratio cold/b: %.2f, warm/b: %.3f (target <= 1.0); memory target < 200 MB\n", c / b, w / b }'
