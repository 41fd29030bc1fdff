#!/bin/sh
# test_ingest_concurrent.sh - several ingests at once on one database.
#
# usage: sh tests/scripts/test_ingest_concurrent.sh PROVSTAT
# Five different files at once must all be stored, each value exactly once;
# the same file twice at once must be stored by exactly one submission.
# Ingests queue without a time limit (SPEC §4): four large files at once,
# behind a writer that holds the lock longer than the 30 s after which
# they used to give up, are all stored, and the one on a terminal says
# once that it waits; a command whose transaction committed exits at once
# while another process holds a read transaction open.

. "$(dirname "$0")/lib.sh"
script_start ingest_concurrent "$@"
P=$ps
here=$(cd "$(dirname "$0")" && pwd)
cat_src=$here/../data/catalogs/ingest
cd "$tmp" || exit 2
cp -R "$cat_src" catalog
db=$tmp/c.db
"$P" --db "$db" init --catalog catalog >/dev/null || { echo "init failed"; exit 1; }

# five files, one year each (2010 .. 2014): 3 districts x 3 indicators x 12 months = 108 rows
for y in 2010 2011 2012 2013 2014; do
    awk -v y=$y 'BEGIN {
        print "unit,indicator,period,value"
        split("193 196 204", u, " ")
        for (m = 1; m <= 12; m++)
            for (i = 1; i <= 3; i++) {
                p = sprintf("%d-%02d", y, m)
                printf "%s,RETAIL,%s,%d\n", u[i], p, y - 2000 + m
                printf "%s,DOCS_TOTAL,%s,%d\n", u[i], p, 50 + m
                printf "%s,DOCS_ONLINE,%s,%d\n", u[i], p, 20 + m
            }
    }' > y$y.csv
done

pids=
for y in 2010 2011 2012 2013 2014; do
    "$P" --db "$db" ingest y$y.csv --reporter CTK --received 2015-02-10 >y$y.out 2>y$y.err &
    pids="$pids $!"
done
n=0
for p in $pids; do
    wait "$p"
    st=$?
    n=$((n + 1))
    check_eq "parallel ingest $n exit status" 0 "$st"
done
for y in 2010 2011 2012 2013 2014; do
    check_eq "summary of y$y.csv" "108 rows read, 108 new" "$(sed -n 's/^y[0-9]*\.csv: \([0-9]* rows read, [0-9]* new\),.*/\1/p' y$y.out)"
done
check_eq "values stored" 540 "$(sqlite3 "$db" 'select count(*) from obs')"
check_eq "values stored once" 0 "$(sqlite3 "$db" 'select count(*) from (select unit_id, indicator_id, period, measure from obs group by 1, 2, 3, 4 having count(*) > 1)')"
check_eq "no revisions" 0 "$(sqlite3 "$db" 'select count(*) from revision')"
check_eq "five submissions" "5|540" "$(sqlite3 "$db" 'select count(*), sum(stored) from submission')"
check_eq "stored sum" "$(cat y20*.csv | awk -F, '$1 != "unit" { s += $4 } END { print s }')" \
    "$(sqlite3 "$db" 'select cast(sum(value) as integer) from obs')"

# the same file twice at once
awk 'BEGIN {
    print "unit,indicator,period,value"
    for (m = 1; m <= 12; m++) {
        printf "193,RETAIL,2015-%02d,%d\n", m, 10 + m
        printf "196,RETAIL,2015-%02d,%d\n", m, 20 + m
    }
}' > same.csv
"$P" --db "$db" ingest same.csv --reporter CTK --received 2016-01-10 >s1.out 2>s1.err &
p1=$!
"$P" --db "$db" ingest same.csv --reporter CTK --received 2016-01-10 >s2.out 2>s2.err &
p2=$!
wait $p1
st1=$?
wait $p2
st2=$?
check_eq "same file, first exit status" 0 "$st1"
check_eq "same file, second exit status" 0 "$st2"
check_eq "same file stored by one submission" 1 "$(sqlite3 "$db" "select count(*) from submission where file = 'same.csv' and stored > 0")"
check_eq "same file values" 564 "$(sqlite3 "$db" 'select count(*) from obs')"
check_eq "same file: no revisions" 0 "$(sqlite3 "$db" 'select count(*) from revision')"
check_eq "one of them says already ingested" 1 "$(cat s1.out s2.out | grep -c 'already ingested')"
check_eq "integrity" ok "$(sqlite3 "$db" 'PRAGMA integrity_check')"

# --- four large ingests queue behind a writer ----------------------------------
# 200 more districts; each file 50 of them x 3 indicators x 200 months
mkdir big
cp catalog/* big/
awk 'BEGIN { for (u = 1000; u < 1200; u++) printf "%d,Huyện %d,District %d,district,huyện,22,,,\n", u, u, u }' >> big/units.csv
qdb=$tmp/q.db
"$P" --db "$qdb" init --catalog big >/dev/null || { echo "init of the large catalog failed"; exit 1; }
for f in 0 1 2 3; do
    awk -v f=$f 'BEGIN {
        print "unit,indicator,period,value"
        for (u = 1000 + 50 * f; u < 1050 + 50 * f; u++)
            for (i = 0; i < 200; i++) {
                p = sprintf("%d-%02d", 2000 + int(i / 12), i % 12 + 1)
                printf "%d,RETAIL,%s,%d.5\n", u, p, u + i
                printf "%d,DOCS_TOTAL,%s,%d\n", u, p, 100 + i % 7
                printf "%d,DOCS_ONLINE,%s,%d\n", u, p, 50 + i % 5
            }
    }' > big$f.csv
done
check_eq "rows generated" 120000 "$(cat big?.csv | grep -vc '^unit')"

# a writer holds the lock for 32 s (waiting its turn behind the probe
# below, which takes the lock for a moment); once it has it, the ingests start
(echo ".timeout 60000"; echo "BEGIN IMMEDIATE;"; sleep 32; echo "COMMIT;") | sqlite3 "$qdb" &
holder=$!
on_exit='kill $holder $reader 2>/dev/null'
i=0
while sqlite3 "$qdb" 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
pids=
for f in 0 1 2; do
    "$P" --db "$qdb" ingest big$f.csv --reporter CTK --received 2017-01-10 >big$f.out 2>big$f.err &
    pids="$pids $!"
done
# the fourth on a terminal (script(1) gives it one), to see what it says
script -qec "'$P' --db '$qdb' ingest big3.csv --reporter CTK --received 2017-01-10" /dev/null >big3.tty &
pids="$pids $!"
n=0
for p in $pids; do
    wait "$p"
    st=$?
    check_eq "large ingest $n exit status" 0 "$st"
    n=$((n + 1))
done
wait $holder
for f in 0 1 2; do
    check_eq "summary of big$f.csv" "big$f.csv: 30000 rows read, 30000 new" "$(cut -d, -f1-2 big$f.out)"
done
check_eq "summary of big3.csv on the terminal" 1 "$(grep -c 'big3.csv: 30000 rows read, 30000 new' big3.tty)"
check_eq "the terminal is told once that it waits" 1 "$(grep -c 'provstat: waiting for another ingest to finish' big3.tty)"
check_eq "not told where no terminal is" 0 "$(cat big0.err big1.err big2.err | grep -c waiting)"
check_eq "large values stored" 120000 "$(sqlite3 "$qdb" 'select count(*) from obs')"
check_eq "large values stored once" 0 "$(sqlite3 "$qdb" 'select count(*) from (select unit_id, indicator_id, period, measure from obs group by 1, 2, 3, 4 having count(*) > 1)')"
check_eq "four submissions" "4|120000" "$(sqlite3 "$qdb" 'select count(*), sum(stored) from submission')"
check_eq "large stored sum" "$(cat big?.csv | awk -F, '$1 != "unit" { s += $4 } END { printf "%.1f", s }')" \
    "$(sqlite3 "$qdb" 'select printf("%.1f", sum(value)) from obs')"
check_eq "raw bytes kept of each" "$(cat big?.csv | wc -c)" "$(sqlite3 "$qdb" 'select sum(length(bytes)) from submission_raw')"
check_eq "large integrity" ok "$(sqlite3 "$qdb" 'PRAGMA integrity_check')"

# --- a committed command exits while another holds a read transaction ---------
(echo "BEGIN; SELECT count(*) FROM obs;"; sleep 30) | sqlite3 "$qdb" >reader.out &
reader=$!
i=0
while [ ! -s reader.out ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
check_eq "the reader holds its snapshot" 120000 "$(cat reader.out)"
printf 'unit,indicator,period,value\n193,RETAIL,2016-01,5\n' >late.csv
t0=$(date +%s)
timeout 20 "$P" --db "$qdb" ingest late.csv --reporter CTK --received 2016-02-10 >late.out 2>late.err
st=$?
t1=$(date +%s)
check_eq "committed beside a reader: exit status" 0 "$st"
check_eq "and it exits at once" yes "$([ $((t1 - t0)) -lt 10 ] && echo yes || echo "no ($((t1 - t0)) s)")"
kill $reader 2>/dev/null
wait $reader 2>/dev/null
check_eq "stored beside the reader" 120001 "$(sqlite3 "$qdb" 'select count(*) from obs')"
check_eq "integrity at the end" ok "$(sqlite3 "$qdb" 'PRAGMA integrity_check')"

finish
