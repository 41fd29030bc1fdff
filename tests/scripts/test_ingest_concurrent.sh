#!/bin/sh
# test_ingest_concurrent.sh - several ingests at once on one database.
#
# usage: sh tests/scripts/test_ingest_concurrent.sh PROVSTAT
# Five different files at once must all be stored, each value exactly once;
# the same file twice at once must be stored by exactly one submission.

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

finish
