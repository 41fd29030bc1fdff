#!/bin/sh
# test_run_cases.sh - the golden-case runner lays the shared catalogs right.
#
# usage: sh tests/scripts/test_run_cases.sh PROVSTAT [PROVSTAT_TEST]
# Runs tests/run_cases.sh on an area of four cases made here: one on a
# shared catalog (catalog.base) with one file of its own laid over it, one
# with a whole catalog of its own, one with no catalog, and one naming a
# shared catalog that does not exist, which must fail saying so.

. "$(dirname "$0")/lib.sh"
script_start run_cases "$@"
here=$(cd "$(dirname "$0")" && pwd)
shared=$here/../data/catalogs/ingest
area=$tmp/area

# each case lists what its copy holds, and the catalog's files
mk_case() {
    mkdir -p "$area/$1"
    printf 'ls -A\nls catalog 2>/dev/null\ncat catalog/units.csv 2>/dev/null\ntrue\n' >"$area/$1/cmd"
    echo 0 >"$area/$1/expected.rc"
}
mk_case 001-shared
echo ingest >"$area/001-shared/catalog.base"
mkdir "$area/001-shared/catalog"
printf 'code,name_vi\n1,own\n' >"$area/001-shared/catalog/units.csv"
{
    printf 'catalog\ncmd\n'
    (cd "$shared" && ls)
    printf 'code,name_vi\n1,own\n'
} >"$area/001-shared/expected.stdout"

mk_case 002-whole
mkdir "$area/002-whole/catalog"
printf 'code\n2\n' >"$area/002-whole/catalog/units.csv"
printf 'catalog\ncmd\nunits.csv\ncode\n2\n' >"$area/002-whole/expected.stdout"

mk_case 003-none
printf 'cmd\n' >"$area/003-none/expected.stdout"

mk_case 004-unknown-base
echo nowhere >"$area/004-unknown-base/catalog.base"

sh "$here/../run_cases.sh" "$ps" "$area" >"$tmp/out" 2>&1
check_eq "exit status: a case failed" 1 "$?"
for c in 001-shared 002-whole 003-none; do
    if grep -qx "ok $c" "$tmp/out"; then ok "$c"; else fail "$c" "$tmp/out"; fi
done
if grep -qx "FAIL area/004-unknown-base" "$tmp/out" &&
    grep -q "catalog.base names \"nowhere\", which is not a shared catalog" "$tmp/out"; then
    ok "an unknown shared catalog fails, naming it"
else
    fail "an unknown shared catalog fails, naming it" "$tmp/out"
fi
check_eq "tally" "3 passed, 1 failed" "$(tail -n 1 "$tmp/out")"

finish
