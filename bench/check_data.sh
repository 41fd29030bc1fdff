#!/bin/sh
# check_data.sh - checks what gen_national wrote: catalog shape, header, row count, order, keys, values.
#
# usage: bench/check_data.sh DIR UNITS INDICATORS MONTHS [FIRST-MONTH [ORDER]]
#
# DIR is gen_national's output folder; the sizes, first month and order
# (unit, the default, or period) are the ones it was given.
# Checks, without provstat (so that a bad generator is not mistaken for a
# slow or wrong ingest):
#   catalog  one nation VN, 6 regions, 63 provinces (2-digit codes), at
#            least UNITS districts (3-digit codes); codes unique; every
#            parent exists and is one level up; 200+ submitted indicators
#            and some derived ones whose formulas name existing indicators;
#            reporter NSO with scope VN, '*', report_level district;
#   data     the header `unit,indicator,period,value,status`; exactly
#            UNITS x INDICATORS x MONTHS rows; keys strictly increasing in
#            (unit, indicator, period), or (period, unit, indicator) for
#            ORDER period, so no key appears twice and the order is the
#            documented one; each unit a district of the
#            catalog and each indicator a submitted one; periods YYYY-MM
#            inside the range; values plain positive numbers with at most the
#            indicator's decimals, inside its min/max; status A or E.
# Memory stays small on the 10-million-row file (a streaming pass), which
# takes about half a minute there.
# Exit status 0 when all hold, 1 with a list of problems otherwise.
set -eu
if [ $# -lt 4 ] || [ $# -gt 6 ]; then
    echo "usage: $0 DIR UNITS INDICATORS MONTHS [FIRST-MONTH [ORDER]]" >&2
    exit 2
fi
dir=$1 units=$2 inds=$3 months=$4 first=${5:-2011-01} order=${6:-unit}
case $order in unit|period) ;; *) echo "check_data: ORDER is unit or period, not '$order'" >&2; exit 2 ;; esac
case "$units$inds$months" in *[!0-9]*) echo "check_data: sizes must be whole numbers" >&2; exit 2 ;; esac
rows=$((units * inds * months))
cat=$dir/catalog
for f in "$cat/units.csv" "$cat/indicators.csv" "$cat/reporters.csv" "$dir/data.csv"; do
    [ -r "$f" ] || { echo "check_data: missing $f" >&2; exit 1; }
done
export LC_ALL=C

# --- catalog -------------------------------------------------------------
awk -F, -v units="$units" -v inds="$inds" '
function bad(msg) { print "check_data: " FILENAME ":" FNR ": " msg; nbad++ }
FNR == 1 { file++; next }
file == 1 {                                   # units.csv
    if (NF != 9) bad("expected 9 fields, got " NF)
    if ($1 in level) bad("duplicate unit code " $1)
    level[$1] = $4; parent[$1] = $6; n[$4]++
    if ($4 == "nation" && ($1 != "VN" || $6 != "")) bad("the nation must be VN without parent")
    if ($4 == "province" && $1 !~ /^[0-9][0-9]$/) bad("province code " $1 " is not 2 digits")
    if ($4 == "district" && $1 !~ /^[0-9][0-9][0-9]$/) bad("district code " $1 " is not 3 digits")
    next
}
file == 2 {                                   # indicators.csv
    if (NF != 16) bad("expected 16 fields, got " NF)
    if ($1 in kind) bad("duplicate indicator code " $1)
    kind[$1] = $6
    if ($6 == "derived") { nder++; formula[$1] = $12 } else nsub++
    if ($6 == "rate" && ($7 == "sum" || $8 == "sum")) bad("rate " $1 " is summed")
    if ($6 != "derived" && ($9 < 0 || $9 > 2)) bad($1 " has decimals " $9)
    next
}
file == 3 {                                   # reporters.csv
    nrep++
    if ($0 != "NSO,Tổng cục Thống kê,General Statistics Office,VN,*,district,20") bad("unexpected reporter line: " $0)
}
END {
    up["region"] = "nation"; up["province"] = "region"; up["district"] = "province"
    for (u in level) {
        if (level[u] == "nation") continue
        if (!(parent[u] in level)) { print "check_data: unit " u ": parent " parent[u] " does not exist"; nbad++ }
        else if (level[parent[u]] != up[level[u]]) { print "check_data: unit " u " (" level[u] ") has a " level[parent[u]] " parent"; nbad++ }
    }
    if (n["nation"] != 1 || n["region"] != 6 || n["province"] != 63 || n["district"] < units) {
        printf "check_data: units.csv has %d nation, %d regions, %d provinces, %d districts\n", n["nation"], n["region"], n["province"], n["district"]; nbad++
    }
    if (nsub < inds || nsub < 200 || nder < 1) { printf "check_data: indicators.csv has %d submitted and %d derived indicators\n", nsub, nder; nbad++ }
    for (d in formula) {
        m = split(formula[d], tok, /[^A-Z0-9_]+/)
        for (i = 1; i <= m; i++)
            if (tok[i] ~ /^[A-Z]/ && (!(tok[i] in kind) || kind[tok[i]] == "derived")) { print "check_data: " d " names " tok[i] ", not a submitted indicator"; nbad++ }
    }
    if (nrep != 1) { print "check_data: reporters.csv must hold one reporter"; nbad++ }
    exit nbad > 0
}' "$cat/units.csv" "$cat/indicators.csv" "$cat/reporters.csv" || { echo "check_data: the catalog in $cat is not valid" >&2; exit 1; }

# --- data ------------------------------------------------------------------
awk -F, -v rows="$rows" -v units="$units" -v inds="$inds" -v months="$months" -v first="$first" -v order="$order" '
function bad(msg) { if (nbad++ < 20) print "check_data: " FILENAME ":" FNR ": " msg }
FNR == 1 { file++ }
file == 1 { if (FNR > 1 && $4 == "district") district[$1] = 1; next }
file == 2 {
    if (FNR > 1 && $6 != "derived") { dec[$1] = $9; lo[$1] = $10; hi[$1] = $11 }
    next
}
FNR == 1 {
    sub(/\r$/, "")
    if ($0 != "unit,indicator,period,value,status") bad("header is \"" $0 "\"")
    y0 = substr(first, 1, 4) + 0; m0 = substr(first, 6, 2) + 0
    t0 = y0 * 12 + m0 - 1
    next
}
{
    nrows++
    if (NF != 5) { bad("expected 5 fields, got " NF); next }
    key = order == "period" ? $3 "," $1 "," $2 : $1 "," $2 "," $3
    if (nrows > 1 && key <= prev) bad("key " key " does not come after " prev (key == prev ? " (a duplicate)" : ""))
    prev = key
    if (!($1 in district)) bad("unit " $1 " is not a district of the catalog")
    if (!($2 in dec)) { bad("indicator " $2 " is not a submitted indicator"); next }
    if ($3 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]$/) bad("period " $3 " is not YYYY-MM")
    t = substr($3, 1, 4) * 12 + substr($3, 6, 2) - 1
    if (t < t0 || t >= t0 + months) bad("period " $3 " is outside the generated range")
    if ($4 !~ /^[0-9]+(\.[0-9]+)?$/) bad("value " $4 " is not a plain number")
    d = index($4, ".") ? length($4) - index($4, ".") : 0
    if (d > dec[$2]) bad("value " $4 " has " d " decimals, " $2 " allows " dec[$2])
    v = $4 + 0
    if (v <= 0) bad("value " $4 " is not positive")
    if (lo[$2] != "" && v < lo[$2] + 0) bad("value " $4 " is below the minimum " lo[$2])
    if (hi[$2] != "" && v > hi[$2] + 0) bad("value " $4 " is above the maximum " hi[$2])
    if ($5 != "A" && $5 != "E") bad("status " $5 " is not A or E")
    seen_u[$1] = 1; seen_i[$2] = 1
}
END {
    if (nrows != rows) { print "check_data: " nrows " data rows, expected " rows; nbad++ }
    nu = 0; for (u in seen_u) nu++
    ni = 0; for (i in seen_i) ni++
    if (nu != units || ni != inds) { print "check_data: " nu " units and " ni " indicators in the data, expected " units " and " inds; nbad++ }
    if (nbad > 20) print "check_data: ... " nbad - 20 " more problems"
    if (nbad == 0) printf "check_data: %s: valid: %d rows, %d units x %d indicators x %d months from %s, keys unique and ordered\n", FILENAME, nrows, nu, ni, months, first
    exit nbad > 0
}' "$cat/units.csv" "$cat/indicators.csv" "$dir/data.csv"
