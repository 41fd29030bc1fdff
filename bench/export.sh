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
# (a) measured cold (right after the data generation is bumped, as an ingest
#     does: everything computed again) and warm (the same again, with the
#     roll-ups provstat kept): provstat export --from 2016-01 --to 2016-12
#     --format long --level district --out a.csv: every unit from the nation down to the districts, submitted,
#     rolled up and derived values, with names, status, coverage and flags
# (b) sqlite3 -csv plain.db "SELECT * FROM t LIMIT N" >b.csv, N = the rows (a) wrote
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_start export 700,100 "$@"
out=$work/export
mkdir -p "$out"
n=""
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
i=0
while [ $i -lt "$runs" ]; do
    rm -f "$out/a.csv" "$out/a2.csv"
    stale "$db"
    timed cold "$ps" --db "$db" export --from 2016-01 --to 2016-12 --format long --level district --out "$out/a.csv" >"$out/said.txt"
    timed warm "$ps" --db "$db" export --from 2016-01 --to 2016-12 --format long --level district --out "$out/a2.csv" >/dev/null
    cmp -s "$out/a.csv" "$out/a2.csv" || { echo "export.sh: the warm export differs from the cold one" >&2; exit 1; }
    [ -n "$n" ] || n=$(($(wc -l <"$out/a.csv") - 1))
    timed sql sqlite3 -csv "$plain" "SELECT * FROM t LIMIT $n" >"$out/b.csv"
    i=$((i + 1))
done
nb=$(wc -l <"$out/b.csv")
rows=$(($(wc -l <"$data/data.csv") - 1))
echo "#### $(date +%F): \`bench/export.sh -n $runs --size $size\`"
echo
echo "- data: $units districts x $inds indicators x 24 months = $rows rows ingested; export 2016-01..2016-12, long, nation down to districts"
echo "- provstat: $(source_tree)"
echo "- rows: (a) $n data rows, $(wc -c <"$out/a.csv") bytes; (b) $nb rows, $(wc -c <"$out/b.csv") bytes; sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
table_head
row cold "(a) cold: provstat export --format long --level district, 12 months, after new data"
row warm "(a) warm: the same again, roll-ups kept"
row sql "(b) sqlite3 -csv SELECT * FROM t LIMIT $n"
echo
awk -v c="$(median $t_cold)" -v w="$(median $t_warm)" -v b="$(median $t_sql)" 'BEGIN {
    printf "- ratio cold/b: %.2f, warm/b: %.2f (target <= 2.0)\n", c / b, w / b }'
echo "- provstat said: $(cat "$out/said.txt")"
