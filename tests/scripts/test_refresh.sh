#!/bin/sh
# test_refresh.sh - a change of data carries the kept roll-ups over
# (ingest/refresh.h): what it reaches is computed again in its transaction,
# the rest stays, and every answer after it equals one computed from nothing.
#
# usage (from the repo root): sh tests/scripts/test_refresh.sh PROVSTAT PROVSTAT_TEST
#
# - The Quảng Ninh sample loaded folder by folder (the 2015 backfill, each
#   month of 2016, the plans): after each folder, a battery of queries
#   (long exports of every month, quarter and year of 2015-2016 down to the
#   districts; show and status of the folder's month, of 2016-07 and of
#   2016-Q2; the workbook of the month under SOURCE_DATE_EPOCH) gives the
#   same bytes from the carried roll-ups as from a copy with none kept; and
#   after the first folder the kept rows stay valid through every ingest.
# - A one-value revision drops only what it reaches: the district's own
#   derived series and the province's series of the indicator and of those
#   that depend on it, and a share of the province (PARENT) in every
#   district; other districts' series and other indicators' stay byte for
#   byte. A retraction carries them over too; so do close and reopen, and a
#   value forced into a closed period flags the province above it.
# - A change that reaches more kept values than the bound
#   (PROVSTAT_TEST_REFRESH_MAX of provstat-test) leaves them all to the next query, silently.
# - A refresh that fails (a trigger refusing its deletes, its updates or its
#   inserts, or the mark of their validity) stores the file all the same, warns naming the file and the
#   reason, and leaves the kept rows unused; a retraction likewise, naming
#   the database; the next query equals a cold one.
# Prints "N passed, M failed" last; exits 1 when a check failed.

. "$(dirname "$0")/lib.sh"
script_start refresh "$@"
need_test_build
need_sample
command -v sqlite3 >/dev/null || { echo "test_refresh: needs the sqlite3 shell" >&2; exit 2; }
db=$tmp/q.db
SOURCE_DATE_EPOCH=1480000000
export SOURCE_DATE_EPOCH

q() { sqlite3 "$1" "$2"; }
gen() { q "$1" "SELECT value FROM meta WHERE key = 'generation'"; }
kept_gen() { q "$1" "SELECT value FROM meta WHERE key = 'rollup_generation'"; }

# battery DB DIR MONTH: the queries, their outputs in DIR
battery() {
    mkdir -p "$2"
    for r in 2015-01:2016-12 2015-Q1:2016-Q4 2015:2016; do
        "$ps" --db "$1" export --from "${r%:*}" --to "${r#*:}" --format long --level district \
            --out "$2/export-${r%:*}.csv" >/dev/null 2>>"$2/err"
    done
    for p in "$3" 2016-07 2016-Q2; do
        "$ps" --db "$1" show --period "$p" --format csv >"$2/show-$p.csv" 2>>"$2/err"
        "$ps" --db "$1" status --period "$p" --format csv >"$2/status-$p.csv" 2>>"$2/err"
    done
    "$ps" --db "$1" report --period "$3" --out "$2/report.xlsx" >/dev/null 2>>"$2/err"
}

# same_as_cold NAME MONTH: the battery from the kept roll-ups equals the
# battery on a copy with none kept
same_as_cold() {
    rm -rf "$tmp/warm" "$tmp/cold" "$tmp/cold.db"
    battery "$db" "$tmp/warm" "$2"
    "$ps" --db "$db" backup "$tmp/cold.db" >/dev/null
    q "$tmp/cold.db" "DELETE FROM rollup"
    battery "$tmp/cold.db" "$tmp/cold" "$2"
    if [ -s "$tmp/warm/report.xlsx" ] && [ ! -s "$tmp/warm/err" ] && diff -r "$tmp/cold" "$tmp/warm" >"$tmp/diff" 2>&1; then
        ok "$1: every answer from the kept roll-ups equals the answer computed cold"
    else
        cat "$tmp/warm/err" >>"$tmp/diff" 2>/dev/null
        fail "$1: every answer from the kept roll-ups equals the answer computed cold" "$tmp/diff"
    fi
}

# the sample's catalog, and a district's share of its province (PARENT: a
# change of one district reaches this indicator in every district)
cp -r "$sample/catalog" "$tmp/catalog"
printf '%s\n' 'DOCS_SHARE,Tỷ trọng văn bản qua mạng,Share of the documents online,%,%,derived,,,1,,,DOCS_ONLINE / PARENT(DOCS_ONLINE) * 100,311,Cải cách hành chính,month,0,Administrative reform' \
    >>"$tmp/catalog/indicators.csv"
"$ps" --db "$db" init --catalog "$tmp/catalog" >"$tmp/log" 2>&1 || { fail "init" "$tmp/log"; finish; }
folders=$(tail -n +2 "$sample/submissions/manifest.csv" | tr -d '\r' | cut -d/ -f1 | uniq)
first=1
for folder in $folders; do
    g0=$(gen "$db")
    grep "^$folder/" "$sample/submissions/manifest.csv" | tr -d '\r' >"$tmp/files"
    loaded=1
    while IFS=, read -r file reporter received options; do
        # shellcheck disable=SC2086
        if ! "$ps" --db "$db" ingest "$sample/submissions/$file" --reporter "$reporter" \
            --received "$received" $options >"$tmp/log" 2>&1; then
            fail "ingest $file" "$tmp/log"
            loaded=0
        elif grep -q "kept roll-ups" "$tmp/log"; then
            fail "ingest $file: no warning about kept roll-ups" "$tmp/log"
        fi
    done <"$tmp/files"
    [ "$loaded" = 1 ] || continue
    case $folder in
    2016-[0-9][0-9]) month=$folder ;;
    *) month=2015-12 ;; # the latest month loaded (a report of a month without data is refused)
    esac
    if [ "$first" = 0 ]; then
        if [ "$(gen "$db")" -gt "$g0" ] && [ "$(kept_gen "$db")" = "$(gen "$db")" ]; then
            ok "$folder: the ingests moved the generation and the kept rows moved with it"
        else
            fail "$folder: the ingests moved the generation and the kept rows moved with it ($g0 -> $(gen "$db"), kept $(kept_gen "$db"))"
        fi
    fi
    same_as_cold "$folder" "$month"
    first=0
done

# --- a one-value revision drops only what it reaches ------------------------------
blob() { q "$db" "SELECT hex(body) FROM rollup WHERE unit_id = (SELECT id FROM unit WHERE code = '$1')
                  AND indicator_id = (SELECT id FROM indicator WHERE code = '$2')"; }
for s in 193:DOCS_ONLINE_PCT 196:DOCS_ONLINE_PCT 22:DOCS_ONLINE 22:DOCS_ONLINE_PCT 22:GRDP 196:DOCS_SHARE; do
    eval "before_${s%%:*}_${s#*:}=\$(blob ${s%%:*} ${s#*:})"
done
if [ -n "$before_193_DOCS_ONLINE_PCT" ] && [ -n "$before_196_DOCS_ONLINE_PCT" ] && [ -n "$before_22_GRDP" ]; then
    ok "the series looked at below are kept"
else
    fail "the series looked at below are kept"
fi
old=$("$ps" --db "$db" show --period 2016-07 --format csv | grep '^193,DOCS_ONLINE,' | cut -d, -f5)
printf 'unit,indicator,period,value,status\n193,DOCS_ONLINE,2016-07,%s,A\n' "$((old + 100))" >"$tmp/rev.csv"
"$ps" --db "$db" ingest "$tmp/rev.csv" --reporter CCTK_193 --received 2016-09-05 >"$tmp/log" 2>&1 ||
    fail "ingest a revision" "$tmp/log"
check_eq "the revision carried the kept rows" "$(gen "$db")" "$(kept_gen "$db")"
for s in 193:DOCS_ONLINE_PCT 22:DOCS_ONLINE 22:DOCS_ONLINE_PCT 196:DOCS_SHARE; do
    eval "b=\$before_${s%%:*}_${s#*:}"
    if [ "$(blob ${s%%:*} ${s#*:})" != "$b" ]; then ok "reached and computed again: $s"; else fail "reached and computed again: $s"; fi
done
for s in 196:DOCS_ONLINE_PCT 22:GRDP; do
    eval "b=\$before_${s%%:*}_${s#*:}"
    check_eq "not reached, left as it was: $s" "$b" "$(blob ${s%%:*} ${s#*:})"
done
same_as_cold "after a one-value revision" 2016-07

"$ps" --db "$db" retract --unit 193 --indicator DOCS_ONLINE --period 2016-07 --reporter CCTK_193 >"$tmp/log" 2>&1 ||
    fail "retract" "$tmp/log"
check_eq "a retraction carried the kept rows" "$(gen "$db")" "$(kept_gen "$db")"
same_as_cold "after a retraction" 2016-07

# --- closing a period changes no computed number; forcing a value into it does ---------
"$ps" --db "$db" close --period 2016-06 >"$tmp/log" 2>&1 || fail "close" "$tmp/log"
check_eq "close carried the kept rows" "$(gen "$db")" "$(kept_gen "$db")"
same_as_cold "after close" 2016-06
june=$("$ps" --db "$db" show --period 2016-06 --format csv | grep '^193,DOCS_ONLINE,' | cut -d, -f5)
printf 'unit,indicator,period,value,status\n193,DOCS_ONLINE,2016-06,%s,A\n' "$((june + 100))" >"$tmp/forced.csv"
"$ps" --db "$db" ingest "$tmp/forced.csv" --reporter CCTK_193 --received 2016-09-05 --force >"$tmp/log" 2>&1 ||
    fail "ingest into the closed period with --force" "$tmp/log"
check_eq "a forced value carried the kept rows" "$(gen "$db")" "$(kept_gen "$db")"
if "$ps" --db "$db" show --period 2016-06 --format csv | grep -q '^22,DOCS_ONLINE,2016-06,.*revised-after-close'; then
    ok "the province's value above the forced one is flagged revised-after-close"
else
    fail "the province's value above the forced one is flagged revised-after-close"
fi
same_as_cold "after a value forced into the closed period" 2016-06
"$ps" --db "$db" reopen --period 2016-06 >"$tmp/log" 2>&1 || fail "reopen" "$tmp/log"
check_eq "reopen carried the kept rows" "$(gen "$db")" "$(kept_gen "$db")"
same_as_cold "after reopen" 2016-06

# --- a change past the bound leaves everything to the next query ------------------------
printf 'unit,indicator,period,value,status\n193,DOCS_ONLINE,2016-07,%s,A\n' "$((old + 7))" >"$tmp/rev2.csv"
PROVSTAT_TEST_REFRESH_MAX=3 "$ps_test" --db "$db" ingest "$tmp/rev2.csv" --reporter CCTK_193 --received 2016-09-06 \
    >"$tmp/log" 2>&1 || fail "ingest past the bound" "$tmp/log"
if [ "$(kept_gen "$db")" != "$(gen "$db")" ] && ! grep -q "kept roll-ups" "$tmp/log"; then
    ok "past the bound: the kept rows are left unused, and nothing is said"
else
    fail "past the bound: the kept rows are left unused, and nothing is said" "$tmp/log"
fi
same_as_cold "after a change past the bound" 2016-07

# --- a refresh that fails ------------------------------------------------------------
# each of its writes refused in turn: dropping a series (DELETE on rollup),
# dropping the kept counts of the months (DELETE on status_count), keeping
# what it computed (INSERT on each), marking the kept rows valid for the
# new data (INSERT into meta)
k=9
for what in DELETE:rollup DELETE:status_count INSERT:rollup INSERT:status_count INSERT:meta; do
    op=${what%:*}
    table=${what#*:}
    "$ps" --db "$db" show --period 2016-07 >/dev/null 2>&1
    "$ps" --db "$db" status --period 2016-07 >/dev/null 2>&1
    "$ps" --db "$db" status --period 2016-06 >/dev/null 2>&1 # counts of another month, which stay
    q "$db" "CREATE TRIGGER no_keep BEFORE $op ON $table BEGIN SELECT RAISE(ABORT, 'kept roll-ups refused for the test'); END;"
    k=$((k + 1))
    printf 'unit,indicator,period,value,status\n193,DOCS_ONLINE,2016-07,%s,A\n' "$((old + k))" >"$tmp/rev$k.csv"
    "$ps" --db "$db" ingest "$tmp/rev$k.csv" --reporter CCTK_193 --received 2016-09-07 >"$tmp/out" 2>"$tmp/log"
    rc=$?
    op="$op on $table"
    check_eq "$op refused: a failed refresh does not fail the ingest (exit 0)" "0" "$rc"
    if grep -q "^provstat: warning: $tmp/rev$k.csv: stored, but the kept roll-ups could not be brought up to date (.*kept roll-ups refused for the test.*); the next query computes them again$" "$tmp/log"; then
        ok "$op refused: a warning naming the file and the reason"
    else
        fail "$op refused: a warning naming the file and the reason" "$tmp/log"
    fi
    check_eq "$op refused: the file was stored all the same" "$((old + k))" \
        "$("$ps" --db "$db" history --unit 193 --indicator DOCS_ONLINE --period 2016-07 --format csv | awk -F, '$NF == 1 { print $6 }')"
    if [ "$(kept_gen "$db")" != "$(gen "$db")" ]; then ok "$op refused: the kept rows are left unused"; else fail "$op refused: the kept rows are left unused"; fi
    q "$db" "DROP TRIGGER no_keep"
done
"$ps" --db "$db" show --period 2016-07 >/dev/null 2>&1
q "$db" "CREATE TRIGGER no_keep BEFORE DELETE ON rollup BEGIN SELECT RAISE(ABORT, 'kept roll-ups refused for the test'); END;"
"$ps" --db "$db" retract --unit 193 --indicator DOCS_ONLINE --period 2016-07 --reporter CCTK_193 >"$tmp/out" 2>"$tmp/log"
check_eq "a retraction whose refresh fails still retracts (exit 0)" "0" "$?"
if grep -q "^provstat: warning: $db: stored, but the kept roll-ups could not be brought up to date (.*kept roll-ups refused for the test.*); the next query computes them again$" "$tmp/log" &&
    grep -q "^retracted 193 DOCS_ONLINE 2016-07" "$tmp/out"; then
    ok "and warns, naming the database and the reason"
else
    fail "and warns, naming the database and the reason" "$tmp/log"
fi
q "$db" "DROP TRIGGER no_keep"
same_as_cold "after a failed refresh" 2016-07

# a damaged file: the ingest cannot tell whether the kept rows are valid,
# and stores nothing
g=$(gen "$db")
q "$db" "DELETE FROM meta WHERE key = 'generation'"
printf 'unit,indicator,period,value,status\n193,DOCS_ONLINE,2016-07,%s,A\n' "$((old + 50))" >"$tmp/rev50.csv"
"$ps" --db "$db" ingest "$tmp/rev50.csv" --reporter CCTK_193 --received 2016-09-08 >"$tmp/out" 2>"$tmp/log"
rc=$?
if [ "$rc" = 3 ] && grep -q "$db is not a provstat database or is damaged: no data generation" "$tmp/log"; then
    ok "a file without its data generation: the ingest fails, naming it (exit 3)"
else
    fail "a file without its data generation: the ingest fails, naming it (exit $rc)" "$tmp/log"
fi
q "$db" "INSERT INTO meta(key, value) VALUES ('generation', '$g')"
check_eq "and stored nothing" "" \
    "$("$ps" --db "$db" history --unit 193 --indicator DOCS_ONLINE --period 2016-07 --format csv | awk -F, -v v=$((old + 50)) '$6 == v')"

# --- closing and reopening: nothing to do, and a refresh that fails ------------------
"$ps" --db "$db" close --period 2016-05 >/dev/null 2>&1 || fail "close 2016-05"
g=$(gen "$db")
"$ps" --db "$db" close --period 2016-05 >"$tmp/out" 2>"$tmp/log"
check_eq "closing a closed period again: exit 0" "0" "$?"
check_eq "and says so" "already closed: 2016-05 for 22 (Tỉnh Quảng Ninh) and every unit below it" "$(cat "$tmp/out")"
check_eq "and moves no generation" "$g" "$(gen "$db")"
"$ps" --db "$db" reopen --period 2016-04 >"$tmp/out" 2>"$tmp/log"
check_eq "reopening a period that is not closed is refused (exit 1)" "1" "$?"
check_eq "naming the period, the unit and how locks are reopened" \
    "provstat: 2016-04 was not closed for 22: nothing to reopen (a lock is reopened with the --period and --unit it was closed with)" \
    "$(cat "$tmp/log")"
check_eq "and moves no generation" "$g" "$(gen "$db")"
"$ps" --db "$db" show --period 2016-07 >/dev/null 2>&1
q "$db" "CREATE TRIGGER no_keep BEFORE INSERT ON meta BEGIN SELECT RAISE(ABORT, 'kept roll-ups refused for the test'); END;"
"$ps" --db "$db" close --period 2016-04 >"$tmp/out" 2>"$tmp/log"
check_eq "a close whose refresh fails still closes (exit 0)" "0" "$?"
if grep -q "^provstat: warning: $db: stored, but the kept roll-ups could not be brought up to date (.*kept roll-ups refused for the test.*); the next query computes them again$" "$tmp/log" &&
    grep -q "^closed 2016-04 for 22" "$tmp/out"; then
    ok "and warns, naming the database and the reason"
else
    fail "and warns, naming the database and the reason" "$tmp/log"
fi
q "$db" "DROP TRIGGER no_keep"
if [ "$(kept_gen "$db")" != "$(gen "$db")" ]; then ok "the kept rows are left unused"; else fail "the kept rows are left unused"; fi
printf 'unit,indicator,period,value,status\n193,DOCS_ONLINE,2016-04,1,A\n' >"$tmp/apr.csv"
"$ps" --db "$db" ingest "$tmp/apr.csv" --reporter CCTK_193 --received 2016-09-09 >/dev/null 2>&1
check_eq "the period is closed all the same: a row into it is refused (exit 1)" "1" "$?"
same_as_cold "after a close whose refresh failed" 2016-04


# --- a changed catalog whose change of generation fails ---------------------------------
# init ends through the same one end of every change: moving the generation
# is refused, so the whole init is undone and says why (exit 3)
cp -r "$tmp/catalog" "$tmp/catalog2"
sed 's/^193,\([^,]*\),[^,]*,/193,\1,Ha Long City (renamed for the test),/' "$tmp/catalog/units.csv" >"$tmp/catalog2/units.csv"
g=$(gen "$db")
q "$db" "CREATE TRIGGER no_bump BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'generation refused for the test'); END;"
"$ps" --db "$db" init --catalog "$tmp/catalog2" >"$tmp/out" 2>"$tmp/log"
rc=$?
q "$db" "DROP TRIGGER no_bump"
if [ "$rc" = 3 ] && grep -q "generation refused for the test" "$tmp/log"; then
    ok "an init whose generation cannot move fails, saying why (exit 3)"
else
    fail "an init whose generation cannot move fails, saying why (exit $rc)" "$tmp/log"
fi
check_eq "and changes nothing: the generation" "$g" "$(gen "$db")"
if "$ps" --db "$db" catalog units --format csv | grep -q "renamed for the test"; then
    fail "and changes nothing: the catalog"
else
    ok "and changes nothing: the catalog"
fi
"$ps" --db "$db" init --catalog "$tmp/catalog2" >"$tmp/log" 2>&1 || fail "the same init without the trigger" "$tmp/log"
if "$ps" --db "$db" catalog units --format csv | grep -q "renamed for the test" && [ "$(gen "$db")" -gt "$g" ]; then
    ok "the same init without the trigger changes the catalog and moves the generation"
else
    fail "the same init without the trigger changes the catalog and moves the generation"
fi

finish
