#!/bin/sh
# test_report_kill.sh - a report killed at any moment loses nothing.
#
# usage: sh tests/scripts/test_report_kill.sh PROVSTAT [PROVSTAT_TEST] [TRIES]
# TRIES reports (20 by default, as the test command runs it; 100 or more by
# hand) of the loaded sample are killed with SIGKILL at random moments, on a
# database with nothing kept yet (the report keeps its roll-ups, a write) or
# with what earlier tries kept. After each kill: the database passes
# integrity_check and its observations are unchanged; the report file is
# absent or byte for byte the complete report, never a part; a report run
# then gives the same file. At the end the next write to the folder leaves no
# temporary file there (SPEC §6: a killed writer's temporary is removed by
# the next write to its folder).

. "$(dirname "$0")/lib.sh"
tries=20
case ${2:-} in
[0-9]*) tries=$2; set -- "$1" ;;
esac
if [ $# -eq 3 ]; then
    tries=$3
    set -- "$1" "$2"
fi
script_start report_kill "$@"
need_sample
SOURCE_DATE_EPOCH=1480000000
export SOURCE_DATE_EPOCH
pid=
on_exit='[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null'
sh scripts/load-sample.sh "$ps" "$tmp/cold.db" >/dev/null || exit 2
obs() { sqlite3 "$1" 'select count(*), sum(value), sum(revision) from obs'; }
obs_before=$(obs "$tmp/cold.db")
mkdir "$tmp/out" "$tmp/check"
cp "$tmp/cold.db" "$tmp/ref.db"
t0=$(date +%s%N)
"$ps" --db "$tmp/ref.db" report --period 2016-07 --out "$tmp/ref.xlsx" >/dev/null || exit 2
span_ms=$((($(date +%s%N) - t0) / 1000000 + 20))

out=$tmp/out/r.xlsx db=$tmp/run.db
bad=0 whole=0 absent=0 temps=0
i=1
while [ $i -le "$tries" ]; do
    if [ $((i % 2)) = 1 ]; then # a database with nothing kept, every other try
        rm -f "$db" "$db-wal" "$db-shm"
        cp "$tmp/cold.db" "$db"
    fi
    delay=$(awk -v s="$i" -v d="$span_ms" 'BEGIN { srand(s + 7); printf "%.3f", rand() * d / 1000 }')
    "$ps" --db "$db" report --period 2016-07 --out "$out" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
    problem=
    [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || problem="integrity_check fails"
    [ "$(obs "$db")" = "$obs_before" ] || problem="$problem; the observations changed"
    if [ ! -e "$out" ]; then
        absent=$((absent + 1))
    elif cmp -s "$out" "$tmp/ref.xlsx"; then
        whole=$((whole + 1))
    else
        problem="$problem; $out is not the complete report"
    fi
    [ -z "$(find "$tmp/out" -name '.*.tmp*')" ] || temps=$((temps + 1))
    "$ps" --db "$db" report --period 2016-07 --out "$tmp/check/r.xlsx" >"$tmp/check.err" 2>&1 ||
        problem="$problem; the next report fails: $(head -1 "$tmp/check.err")"
    cmp -s "$tmp/check/r.xlsx" "$tmp/ref.xlsx" || problem="$problem; the next report differs"
    if [ -n "$problem" ]; then
        fail "report killed after ${delay}s (try $i): ${problem#; }"
        bad=$((bad + 1))
        [ $bad -lt 5 ] || break
    fi
    i=$((i + 1))
done
[ $bad -ne 0 ] ||
    ok "$tries reports killed at random moments: the database intact, the file complete or absent ($whole complete, $absent absent, a temporary left after $temps kills)"

# the next write to the folder removes what killed writers left
"$ps" --db "$db" report --period 2016-07 --out "$out" >/dev/null 2>"$tmp/last.err"
check_eq "the next report to the folder succeeds" 0 "$?"
check_eq "and leaves only its file there" "r.xlsx" "$(ls -A "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
if cmp -s "$out" "$tmp/ref.xlsx"; then ok "the report is the complete one"; else fail "the report is the complete one"; fi
finish
