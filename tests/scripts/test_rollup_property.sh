#!/bin/sh
# test_rollup_property.sh - on random data (fixed seeds), every sum roll-up is
# the sum of its parts: the province value of every month is the sum of its
# districts' values, every year-to-date the sum of its months present.
#
# usage (from the repo root): sh tests/scripts/test_rollup_property.sh PROVSTAT
#
# tests/scripts/rollup_property.py writes the catalog and submissions and does
# the checks on `show --period P --format csv` for every month and YTD of two
# years. Prints "N passed, M failed" last; exits 1 when a check failed.

. "$(dirname "$0")/lib.sh"
script_start rollup_property "$@"
here=$(cd "$(dirname "$0")" && pwd)

total_passed=0
total_failed=0
for seed in 20160701 42 7; do
    d=$tmp/$seed
    mkdir -p "$d/show"
    PROVSTAT_DB=$d/p.db
    export PROVSTAT_DB
    python3 "$here/rollup_property.py" gen "$d" "$seed" || exit 2
    if ! "$ps" init --catalog "$d/catalog" >"$d/log" 2>&1; then
        echo "FAIL seed $seed: init"
        cat "$d/log"
        total_failed=$((total_failed + 1))
        continue
    fi
    loadfail=0
    while IFS= read -r f; do
        if ! "$ps" ingest "$d/$f" --reporter CTK --received 2017-01-15 >"$d/log" 2>&1; then
            echo "FAIL seed $seed: ingest $f"
            sed 's/^/    /' "$d/log"
            loadfail=1
        fi
    done <"$d/files"
    if [ "$loadfail" = 1 ]; then
        total_failed=$((total_failed + 1))
        continue
    fi
    showfail=0
    while IFS= read -r p; do
        if ! "$ps" show --period "$p" --format csv >"$d/show/$p.csv" 2>"$d/log"; then
            echo "FAIL seed $seed: show --period $p"
            sed 's/^/    /' "$d/log"
            showfail=1
        fi
    done <"$d/periods"
    if [ "$showfail" = 1 ]; then
        total_failed=$((total_failed + 1))
        continue
    fi
    python3 "$here/rollup_property.py" check "$d" >"$d/result"
    sed '$d' "$d/result" | sed "s/^/seed $seed: /"
    last=$(tail -n 1 "$d/result")
    echo "seed $seed: $last"
    p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    if [ -z "$p" ] || [ -z "$f" ]; then
        total_failed=$((total_failed + 1))
        continue
    fi
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
done
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
