#!/bin/sh
# test_symbols.sh - no two files of the library define the same global
# symbol. A static library links whichever object it meets first, so two
# functions of one name in two modules (as once ps_xlsx_sheet_name in the
# .xlsx reader and in the report's sheet names) compile, link, and then
# call the wrong one. Reads the libraries beside the provstat binary.
. "$(dirname "$0")/lib.sh"
script_start symbols "$@"
dir=$(dirname "$ps")
for lib in "$dir"/libprovstat_core.a "$dir"/libprovstat_web.a; do
    [ -f "$lib" ] || continue
    nm -g --defined-only "$lib" 2>/dev/null | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort | uniq -d >"$tmp/dup"
    if [ -s "$tmp/dup" ]; then
        fail "$(basename "$lib"): every global symbol is defined once" "$tmp/dup"
    else
        ok "$(basename "$lib"): every global symbol is defined once"
    fi
done
[ "$passed" -gt 0 ] || fail "a library beside $ps" ""
finish
