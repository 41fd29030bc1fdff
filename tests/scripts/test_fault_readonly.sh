#!/bin/sh
# test_fault_readonly.sh - a database or folder that may not be written
# loses nothing and says so.
#
# usage: sh tests/scripts/test_fault_readonly.sh PROVSTAT [PROVSTAT_TEST]
# A read-only database file: ingest exits 3 naming the database, show and
# report still answer (keeping nothing). A folder that may not be written
# (SQLite must create the -shm file beside the database): ingest exits 3
# naming the file and the fix; a report whose output folder may not be
# written exits 3 and writes nothing. After each: integrity_check, the
# observations, revisions and submissions as before; once writing is allowed
# again the refused file goes in, once. Root may write anything, so as root
# the commands run as nobody (setpriv).

. "$(dirname "$0")/lib.sh"
script_start readonly "$@"
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then
    as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
    ro_file=644 rw_file=666 ro_dir=755 rw_dir=777
else
    as_user() { "$@"; }
    ro_file=444 rw_file=644 ro_dir=555 rw_dir=755
fi
chmod 755 "$tmp"
w=$tmp/w
mkdir "$w"
cp "$ps" "$w/provstat"
cp -R "$here/../data/catalogs/ingest" "$w/catalog"
db=$w/d.db
"$ps" --db "$db" init --catalog "$w/catalog" >/dev/null || exit 2
printf 'unit,indicator,period,value\n193,RETAIL,2020-01,5\n196,RETAIL,2020-01,6\n' > "$w/before.csv"
"$ps" --db "$db" ingest "$w/before.csv" --reporter CTK --received 2020-02-10 >/dev/null || exit 2
printf 'unit,indicator,period,value\n193,RETAIL,2020-01,7\n193,RETAIL,2020-02,8\n' > "$w/new.csv"
chmod -R a+rX "$w"
state() { sqlite3 "$db" "PRAGMA integrity_check; select count(*) || '/' || sum(value) from obs; select count(*) from revision; select count(*) from submission" | tr '\n' '|'; }
before=$(state)
ingest_new() { as_user "$w/provstat" --db "$db" ingest "$w/new.csv" --reporter CTK --received 2020-03-10; }

# --- a database file that may not be written, in a folder that may
chmod "$ro_file" "$db"
chmod "$rw_dir" "$w"
ingest_new >"$tmp/a.out" 2>"$tmp/a.err"
check_eq "read-only database: ingest exits 3" 3 "$?"
if grep -q "^provstat: database $db is read-only for you (.*): ask for write access to the file" "$tmp/a.err"; then
    ok "read-only database: the message names it and the fix"
else
    fail "read-only database: the message names it and the fix" "$tmp/a.err"
fi
check_eq "read-only database: as it was" "$before" "$(state)"
as_user "$w/provstat" --db "$db" show --period 2020-01 --unit 193 --indicator RETAIL --format csv >"$tmp/show.csv" 2>"$tmp/show.err"
check_eq "read-only database: show answers" "0:" "$?:$(cat "$tmp/show.err")"
if grep -q ',5$\|,5,' "$tmp/show.csv"; then ok "read-only database: with the stored value"; else fail "read-only database: with the stored value" "$tmp/show.csv"; fi
mkdir "$tmp/out" && chmod 777 "$tmp/out"
as_user "$w/provstat" --db "$db" report --period 2020-01 --out "$tmp/out/r.xlsx" >/dev/null 2>"$tmp/rep.err"
check_eq "read-only database: report is written" "0:yes" "$?:$([ -s "$tmp/out/r.xlsx" ] && echo yes)"
check_eq "read-only database: and keeps nothing" "$before" "$(state)"

# --- a folder that may not be written (the database file may)
chmod "$rw_file" "$db"
rm -f "$db-wal" "$db-shm"
chmod "$ro_dir" "$w"
ingest_new >"$tmp/b.out" 2>"$tmp/b.err"
check_eq "read-only folder: ingest exits 3" 3 "$?"
if grep -q "^provstat: cannot write database $db (.*): SQLite needs to create $db-wal and $db-shm beside it and the folder is not writable for you; ask for write access to the folder" "$tmp/b.err"; then
    ok "read-only folder: the message names the -shm file and the fix"
else
    fail "read-only folder: the message names the -shm file and the fix" "$tmp/b.err"
fi
check_eq "read-only folder: as it was" "$before" "$(state)"
# a report into a folder that may not be written (from a copy of the
# database in a folder that may)
cp "$db" "$tmp/out/c.db" && chmod 666 "$tmp/out/c.db"
as_user "$w/provstat" --db "$tmp/out/c.db" report --period 2020-01 --out "$w/r.xlsx" >/dev/null 2>"$tmp/c.err"
check_eq "report into a read-only folder exits 3" 3 "$?"
if grep -q "^provstat: cannot write $w/r.xlsx" "$tmp/c.err"; then
    ok "report into a read-only folder: the message names the file"
else
    fail "report into a read-only folder: the message names the file" "$tmp/c.err"
fi
check_eq "report into a read-only folder: nothing written there" "" "$(ls -A "$w" | grep -v '^\(provstat\|catalog\|d\.db.*\|before\.csv\|new\.csv\)$')"
check_eq "report into a read-only folder: the database as it was" "$before" "$(state)"

# --- writing allowed again: the refused file goes in, once
chmod "$rw_dir" "$w"
ingest_new >/dev/null 2>"$tmp/d.err"
check_eq "writable again: the file goes in" "0:" "$?:$(cat "$tmp/d.err")"
check_eq "writable again: once, nothing lost" "ok|3/21.0|1|2|" "$(state)"
chmod 700 "$tmp"
finish
