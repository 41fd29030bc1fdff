#!/bin/sh
# test_export_roundtrip.sh PROVSTAT - a long export, ingested into a fresh
# database with the same catalog, gives the same values (SPEC §6, issue 5).
#
# Loads the Quảng Ninh sample (as scripts/run-sample.sh does) into database
# A. For each period checked (2016-07 and 2016-YTD07): exports it from A with
# `export --format long`, ingests that file into a fresh database B made
# from a copy of the catalog with one more reporter, NSO (scope the top unit
# 22, indicators `*`, so that it may send every indicator of every unit),
# exports the same period from B, and compares the two exports row by row on
# unit, indicator, period, measure, value, status and coverage: values
# identical to the last digit, and a coverage below 1 kept as given (SPEC
# §5). Flags are not compared: a value re-ingested from a row with coverage
# below 1 adds incomplete-source (test_export_coverage.sh checks those rows
# byte for byte on a catalog of its own). Derived rows are skipped on
# ingest (flag `derived`) and recomputed by B.
#
# per_capita(X) divides by POP of the same or the previous year, which a
# month's or a year-to-date's export does not hold: B first receives the POP
# rows of A's export of the years 2015 and 2016 (the province's population
# file, in effect), so that the per-capita rows are compared too.
#
# Prints one line per check and "N passed, M failed" last; exits 1 when a
# check failed.

. "$(dirname "$0")/lib.sh"
script_start export_roundtrip "$@"
here=$(cd "$(dirname "$0")/../.." && pwd)
sample=$here/samples/quang-ninh
unset PROVSTAT_DB

# --- database A: the sample ---------------------------------------------------
a=$tmp/a.db
if ! sh scripts/load-sample.sh "$ps" "$a" >"$tmp/log" 2>&1; then
    fail "load the sample" "$tmp/log"
    finish
fi
ok "$(tail -n 1 "$tmp/log")"

# --- the catalog of B: the sample's, plus a national reporter ---------------
mkdir "$tmp/catalog"
cp "$sample/catalog/"*.csv "$tmp/catalog/"
printf 'NSO,Tổng cục,National office,22,*,,20\n' >>"$tmp/catalog/reporters.csv"

# POP of 2015 and 2016 from A, for per_capita in B
if "$ps" --db "$a" export --from 2015 --to 2016 --format long --out "$tmp/years.csv" >"$tmp/log" 2>&1; then
    { head -n 1 "$tmp/years.csv"; awk -F, '$3 == "POP" && $7 == "actual"' "$tmp/years.csv"; } >"$tmp/pop.csv"
    if [ "$(wc -l <"$tmp/pop.csv")" -gt 1 ]; then
        ok "POP of 2015 and 2016 exported ($(($(wc -l <"$tmp/pop.csv") - 1)) rows)"
    else
        fail "the export of 2015 and 2016 holds no POP row"
    fi
else
    fail "export --from 2015 --to 2016" "$tmp/log"
    finish
fi

# The key columns of a long export (unit, indicator, period, measure, value,
# status, coverage), read with RFC 4180 quoting (names may hold quoted commas).
keys() {
    awk '
    function field(   f) {           # next CSV field of $0 from position pos
        if (substr(line, pos, 1) == "\"") {
            f = ""; pos++
            while (pos <= length(line)) {
                c = substr(line, pos, 1)
                if (c == "\"") {
                    if (substr(line, pos + 1, 1) == "\"") { f = f "\""; pos += 2; continue }
                    pos++; break
                }
                f = f c; pos++
            }
        } else {
            n = index(substr(line, pos), ",")
            if (n == 0) { f = substr(line, pos); pos = length(line) + 1 }
            else { f = substr(line, pos, n - 1); pos += n - 1 }
        }
        pos++                         # the comma
        return f
    }
    NR > 1 {
        line = $0; pos = 1
        for (i = 1; i <= 11; i++) v[i] = field()
        print v[1] "," v[3] "," v[6] "," v[7] "," v[8] "," v[9] "," v[10]
    }' "$1"
}

for period in 2016-07 2016-YTD07; do
    ea=$tmp/a-$period.csv
    eb=$tmp/b-$period.csv
    b=$tmp/b-$period.db
    if ! "$ps" --db "$a" export --period "$period" --format long --out "$ea" >"$tmp/log" 2>&1; then
        fail "$period: export from the sample" "$tmp/log"
        continue
    fi
    nrows=$(($(wc -l <"$ea") - 1))
    nderived=$(grep -c 'derived$' "$ea")
    if [ "$nrows" -lt 100 ] || [ "$nderived" -lt 1 ]; then
        fail "$period: the sample's export has $nrows rows, $nderived derived (expected many of both)"
        continue
    fi
    if ! "$ps" --db "$b" init --catalog "$tmp/catalog" >"$tmp/log" 2>&1 ||
        ! "$ps" --db "$b" ingest "$tmp/pop.csv" --reporter NSO --received 2016-08-20 >"$tmp/log" 2>&1; then
        fail "$period: a fresh database with POP" "$tmp/log"
        continue
    fi
    if ! "$ps" --db "$b" ingest "$ea" --reporter NSO --received 2016-08-20 >"$tmp/log" 2>&1; then
        fail "$period: ingest of the export" "$tmp/log"
        continue
    fi
    if ! grep -q "$nderived derived skipped" "$tmp/log"; then
        fail "$period: ingest did not skip the $nderived derived rows" "$tmp/log"
        continue
    fi
    if ! "$ps" --db "$b" export --period "$period" --format long --out "$eb" >"$tmp/log" 2>&1; then
        fail "$period: export from the re-ingested database" "$tmp/log"
        continue
    fi
    keys "$ea" >"$ea.keys"
    keys "$eb" >"$eb.keys"
    if cmp -s "$ea.keys" "$eb.keys"; then
        ok "$period: $nrows rows ($nderived derived) come back identical"
    else
        diff "$ea.keys" "$eb.keys" >"$tmp/diff"
        fail "$period: values differ after the round trip (< sample, > re-ingested)" "$tmp/diff"
    fi
done

finish
