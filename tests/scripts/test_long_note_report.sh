#!/bin/sh
# test_long_note_report.sh - a long note reaches the report whole.
#
# usage (from the repo root): sh tests/scripts/test_long_note_report.sh PROVSTAT
#
# A value of Hạ Long (193) for July 2016 is sent with a note of 5,000 bytes,
# then revised with another note of 5,000 bytes; the July report's Data
# sheet, read back with openpyxl (tests/scripts/read_xlsx.py), carries the
# revised note whole. (The store once kept a 511-byte copy of a note, and
# the report read the history again to get the rest; tests/unit/ingest/
# test_long_note.c checks the store's side.)
# Prints "N passed, M failed" last; exits 1 when a check failed.

. "$(dirname "$0")/lib.sh"
script_start long_note_report "$@"
need_sample
here=tests/scripts
py=
for c in python3 /usr/bin/python3; do
    if "$c" -c 'import openpyxl' 2>/dev/null; then
        py=$c
        break
    fi
done
if [ -z "$py" ]; then
    echo "test_long_note_report: needs Python 3 with openpyxl (Debian: apt-get install python3-openpyxl)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
unset SOURCE_DATE_EPOCH PROVSTAT_TEST_DATA_ROWS PROVSTAT_TEST_CONSTANT_MEMORY_ROWS
PROVSTAT_DB=$tmp/t.db
export PROVSTAT_DB

# note FILL LAST: 5,000 bytes of FILL with a comma inside, ending in LAST
note() { printf '%05000d' 0 | tr 0 "$1" | sed "s/^\(.\{100\}\)./\1,/; s/.\$/$2/"; }
a=$(note a z)
b=$(note b y)
printf 'unit,indicator,period,value,status,note\n193,RETAIL,2016-07,12,E,"%s"\n' "$a" >"$tmp/a.csv"
printf 'unit,indicator,period,value,status,note\n193,RETAIL,2016-07,13,A,"%s"\n' "$b" >"$tmp/b.csv"
check_eq "the note is 5,000 bytes" 5000 "$(printf '%s' "$b" | wc -c | tr -d ' ')"

if "$ps" init --catalog "$sample/catalog" >"$tmp/log" 2>&1 &&
    "$ps" ingest "$tmp/a.csv" --reporter CCTK_193 --received 2016-08-10 >>"$tmp/log" 2>&1 &&
    "$ps" ingest "$tmp/b.csv" --reporter CCTK_193 --received 2016-08-12 >>"$tmp/log" 2>&1 &&
    grep -q '0 new, 1 revised' "$tmp/log"; then
    ok "ingest a long note, then revise it with another"
else
    fail "ingest a long note, then revise it with another" "$tmp/log"
fi
R=$tmp/r.xlsx
if "$ps" report --period 2016-07 --out "$R" >"$tmp/report.log" 2>&1 && [ -s "$R" ]; then
    ok "report July 2016"
else
    fail "report July 2016" "$tmp/report.log"
fi
printf '%s\t%s\n' "the Data sheet carries the revised note whole" \
    "drow('$R', '193', 'RETAIL', '2016-07')['note'] == '$b'" >"$tmp/checks.txt"
"$py" "$here/read_xlsx.py" "$sample/catalog" "$tmp/checks.txt" >"$tmp/checks.out" 2>&1
cat "$tmp/checks.out"
if grep -q '^ok ' "$tmp/checks.out"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi
finish
