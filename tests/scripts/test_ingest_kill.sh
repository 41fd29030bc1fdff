#!/bin/sh
# test_ingest_kill.sh - a killed ingest leaves the database as it was before the file.
#
# usage: sh tests/scripts/test_ingest_kill.sh PROVSTAT PROVSTAT_TEST [TRIES]
# The test build, provstat-test, pauses (PROVSTAT_TEST_PAUSE_ROWS, through
# the ingest's progress callback) inside the open transaction; the process
# is killed with SIGKILL there, then the database is checked with provstat.
# Then TRIES ingests (20 by default, as the test command runs it; 100 or more
# by hand) are killed at random moments, each file revising every value:
# after each kill the database passes integrity_check and holds either the
# whole file or none of it, never part, and nothing is lost or doubled.

. "$(dirname "$0")/lib.sh"
tries=20
if [ $# -eq 3 ]; then
    tries=$3
    set -- "$1" "$2"
fi
script_start ingest_kill "$@"
need_test_build
P=$ps
here=$(cd "$(dirname "$0")" && pwd)
cat_src=$here/../data/catalogs/ingest
pid=
on_exit='[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null'
cd "$tmp" || exit 2
cp -R "$cat_src" catalog
db=$tmp/k.db
"$P" --db "$db" init --catalog catalog >/dev/null || { echo "init failed"; exit 1; }

# what was there before: two values of 2020
printf 'unit,indicator,period,value\n193,RETAIL,2020-01,5\n196,RETAIL,2020-01,6\n' > before.csv
"$P" --db "$db" ingest before.csv --reporter CTK --received 2020-02-10 >/dev/null
check_eq "before stored" 0 "$?"
rev_before=$(sqlite3 "$db" 'select count(*) from revision')

# 3 districts x 3 indicators x 240 months (2000-01 .. 2019-12) = 2160 rows
awk 'BEGIN {
    print "unit,indicator,period,value"
    split("193 196 204", u, " ")
    for (y = 2000; y <= 2019; y++)
        for (m = 1; m <= 12; m++)
            for (i = 1; i <= 3; i++) {
                p = sprintf("%d-%02d", y, m)
                printf "%s,RETAIL,%s,%d\n", u[i], p, 100 + (m % 3)
                printf "%s,DOCS_TOTAL,%s,%d\n", u[i], p, 50 + (m % 3)
                printf "%s,DOCS_ONLINE,%s,%d\n", u[i], p, 20 + (m % 3)
            }
}' > big.csv
rows=$(($(wc -l < big.csv) - 1))
check_eq "rows generated" 2160 "$rows"

mark=$tmp/paused
PROVSTAT_TEST_PAUSE_ROWS=1000 PROVSTAT_TEST_PAUSE_FILE=$mark \
    "$ps_test" --db "$db" ingest big.csv --reporter CTK --received 2020-02-10 >killed.out 2>killed.err &
pid=$!
i=0
while [ ! -f "$mark" ] && [ $i -lt 300 ]; do
    sleep 0.1
    i=$((i + 1))
done
check_eq "pause reached" yes "$([ -f "$mark" ] && echo yes || echo no)"
kill -9 "$pid"
wait "$pid" 2>/dev/null
st=$?
pid=
check_eq "killed by SIGKILL" 137 "$st"

check_eq "integrity after kill" ok "$(sqlite3 "$db" 'PRAGMA integrity_check')"
check_eq "obs after kill" 2 "$(sqlite3 "$db" 'select count(*) from obs')"
check_eq "revisions after kill" "$rev_before" "$(sqlite3 "$db" 'select count(*) from revision')"
check_eq "submissions after kill" "1|before.csv" "$(sqlite3 "$db" "select count(*), group_concat(file) from submission")"
check_eq "earlier values intact" "5.0,6.0" "$(sqlite3 "$db" "select group_concat(value) from (select value from obs order by value)")"

"$P" --db "$db" ingest big.csv --reporter CTK --received 2020-02-10 >again.out 2>again.err
check_eq "ingest after kill" 0 "$?"
check_eq "ingest after kill summary" "big.csv: 2160 rows read, 2160 new, 0 revised, 0 unchanged, 0 refused; stored as submission 2" "$(cat again.out)"
check_eq "obs after ingest" 2162 "$(sqlite3 "$db" 'select count(*) from obs')"
check_eq "stored sum" "$(awk -F, 'NR > 1 { s += $4 } END { print s + 11 }' big.csv)" \
    "$(sqlite3 "$db" 'select cast(sum(value) as integer) from obs')"
check_eq "integrity at end" ok "$(sqlite3 "$db" 'PRAGMA integrity_check')"

# --- kill -9 at random moments ----------------------------------------------
# k.csv: 3 districts x 3 indicators x 360 months (1990-01 .. 2019-12), every
# value shifted by K * 1000 so that each file revises every stored value
gen() { # gen K FILE
    awk -v k="$1" 'BEGIN {
        print "unit,indicator,period,value"
        split("193 196 204", u, " ")
        for (y = 1990; y <= 2019; y++)
            for (m = 1; m <= 12; m++)
                for (i = 1; i <= 3; i++) {
                    p = sprintf("%d-%02d", y, m)
                    printf "%s,RETAIL,%s,%d\n", u[i], p, 100 + (m % 3) + k * 1000
                    printf "%s,DOCS_TOTAL,%s,%d\n", u[i], p, 50 + (m % 3) + k * 1000
                    printf "%s,DOCS_ONLINE,%s,%d\n", u[i], p, 20 + (m % 3) + k * 1000
                }
    }' > "$2"
}
sum_of() { awk -F, 'NR > 1 { s += $4 } END { print s }' "$1"; }
kdb=$tmp/kill.db
"$P" --db "$kdb" init --catalog catalog >/dev/null || { echo "init failed"; exit 1; }
gen 0 f0.csv
R=$(($(wc -l < f0.csv) - 1))
t0=$(date +%s%N)
"$P" --db "$kdb" ingest f0.csv --reporter CTK --received 2020-02-10 >/dev/null
check_eq "the first file stored" 0 "$?"
# the delays spread over twice the first ingest (a revising one takes longer)
span_ms=$((($(date +%s%N) - t0) / 500000 + 20))
last=f0.csv committed=1 killed_in_tx=0 bad=0
i=1
while [ $i -le "$tries" ]; do
    gen "$i" "f$i.csv"
    delay=$(awk -v s="$i" -v d="$span_ms" 'BEGIN { srand(s); printf "%.3f", rand() * d / 1000 }')
    "$P" --db "$kdb" ingest "f$i.csv" --reporter CTK --received 2020-02-10 >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
    in=$(sqlite3 "$kdb" "select count(*) from submission where file = 'f$i.csv'")
    if [ "$in" = 1 ]; then last=f$i.csv committed=$((committed + 1)); else killed_in_tx=$((killed_in_tx + 1)); fi
    got="$(sqlite3 "$kdb" 'PRAGMA integrity_check')|$in|$(sqlite3 "$kdb" 'select count(*), cast(sum(value) as integer) from obs')|$(sqlite3 "$kdb" 'select count(*) from revision')|$(sqlite3 "$kdb" 'select count(*) from submission')"
    want="ok|$in|$R|$(sum_of "$last")|$((R * (committed - 1)))|$committed"
    if [ "$got" != "$want" ]; then
        fail "kill $i after ${delay}s: expected [$want], got [$got] (integrity|file stored|obs, sum|revisions|submissions)"
        bad=$((bad + 1))
        [ $bad -lt 5 ] || break
    fi
    i=$((i + 1))
done
[ $bad -ne 0 ] || ok "$tries ingests killed at random moments: each left the whole file or none ($((committed - 1)) finished, $killed_in_tx killed before their commit)"
# the last killed file goes in afterwards, once (the first value of a series
# is no revision: each file after f0 revises all R values)
if [ "$last" != "f$tries.csv" ]; then
    [ -f "f$tries.csv" ] || gen "$tries" "f$tries.csv"
    "$P" --db "$kdb" ingest "f$tries.csv" --reporter CTK --received 2020-02-10 >/dev/null
    check_eq "the last killed file ingests afterwards" 0 "$?"
    last=f$tries.csv committed=$((committed + 1))
fi
check_eq "after the loop: every value of the last file, once" "$R|$(sum_of "$last")|$((R * (committed - 1)))" \
    "$(sqlite3 "$kdb" 'select count(*), cast(sum(value) as integer) from obs')|$(sqlite3 "$kdb" 'select count(*) from revision')"
check_eq "after the loop: integrity" ok "$(sqlite3 "$kdb" 'PRAGMA integrity_check')"

finish
