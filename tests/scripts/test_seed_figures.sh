#!/bin/sh
# test_seed_figures.sh - the seed article's figures come out of the sample,
# computed from district and department submissions, not stored.
#
# usage (from the repo root): sh tests/scripts/test_seed_figures.sh PROVSTAT
#
# Loads samples/quang-ninh (catalog, then every file of its manifest in order
# with its reporter, received date and options), then checks on
# `show --period 2016-07 --unit 22 --format csv`: GRDP 7 months at 109.2% of
# the same period of 2015, budget revenue at 62.0% of the annual estimate,
# 509 procedures online at level 3, 90.0% of documents online, over 95%
# signed. Then revises one district's DOCS_ONLINE by +100 and checks that the
# province total moves by exactly +100 and its ratio is the new ratio of sums.
# Prints "N passed, M failed" last; exits 1 when a check failed.

. "$(dirname "$0")/lib.sh"
script_start seed_figures "$@"
need_sample
db=$tmp/q.db
PROVSTAT_DB=$db
export PROVSTAT_DB

# check NAME PYTHON-EXPR: the expression sees `row(unit, indicator)` (a dict
# of the show csv row) in files $tmp/before.csv / $tmp/after.csv, the helper
# r1 (round half away from zero to 1 decimal) and `num`.
check() {
    name=$1
    expr=$2
    if python3 - "$tmp" "$expr" <<'EOF'
import csv, sys
from decimal import Decimal, ROUND_HALF_UP
tmp, expr = sys.argv[1], sys.argv[2]
def load(name):
    try:
        with open(tmp + "/" + name, newline="", encoding="utf-8") as f:
            return {(r["unit"], r["indicator"]): r for r in csv.DictReader(f)}
    except FileNotFoundError:
        return {}
before, after = load("before.csv"), load("after.csv")
def num(s):
    return float(s)
def r1(x):
    return float(Decimal(repr(float(x))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
try:
    ok = eval(expr)
except Exception as exc:
    print("   ", type(exc).__name__, exc)
    ok = False
sys.exit(0 if ok else 1)
EOF
    then
        ok "$name"
    else
        fail "$name"
    fi
}

# --- load the sample -------------------------------------------------------
if sh scripts/load-sample.sh "$ps" "$db" >"$tmp/load.log" 2>&1; then
    ok "load the sample: $(tail -n 1 "$tmp/load.log")"
else
    fail "load the sample"
    sed 's/^/    /' "$tmp/load.log"
fi

# --- the seed figures ------------------------------------------------------
"$ps" show --period 2016-07 --unit 22 --format csv >"$tmp/before.csv" 2>"$tmp/show.err" ||
    { echo "   show failed:"; cat "$tmp/show.err"; }
head -n 1 "$tmp/before.csv" >"$tmp/header"
echo "unit,indicator,period,measure,value,status,coverage,ytd,ytd_coverage,plan,index_prev_year,ytd_index_prev_year,pct_of_plan,pace,share_of_parent,flags" >"$tmp/header.want"
if cmp -s "$tmp/header" "$tmp/header.want"; then ok "show csv header"; else fail "show csv header"; fi

check "GRDP 7 months index on 2015 rounds to 109.2" \
    'r1(num(before["22","GRDP"]["ytd_index_prev_year"])) == 109.2'
check "GRDP growth 9.2% (index - 100 rounds to 9.2)" \
    'r1(num(before["22","GRDP"]["ytd_index_prev_year"]) - 100) == 9.2'
check "BUDGET_REV pct_of_plan rounds to 62.0" \
    'r1(num(before["22","BUDGET_REV"]["pct_of_plan"])) == 62.0'
check "BUDGET_REV pct_of_plan = ytd / plan * 100" \
    'abs(num(before["22","BUDGET_REV"]["pct_of_plan"]) - num(before["22","BUDGET_REV"]["ytd"]) / num(before["22","BUDGET_REV"]["plan"]) * 100) < 1e-9'
check "PROC_ONLINE_L3 value = 509" \
    'num(before["22","PROC_ONLINE_L3"]["value"]) == 509'
check "DOCS_ONLINE_PCT value rounds to 90.0" \
    'r1(num(before["22","DOCS_ONLINE_PCT"]["value"])) == 90.0'
check "DOCS_ONLINE_PCT = DOCS_ONLINE / DOCS_TOTAL * 100 (ratio of sums)" \
    'abs(num(before["22","DOCS_ONLINE_PCT"]["value"]) - num(before["22","DOCS_ONLINE"]["value"]) / num(before["22","DOCS_TOTAL"]["value"]) * 100) < 1e-9'
check "DOCS_SIGNED_PCT value > 95" \
    'num(before["22","DOCS_SIGNED_PCT"]["value"]) > 95'

# --- computed, not stored: revise one district ----------------------------
"$ps" show --period 2016-07 --unit 193 --indicator DOCS_ONLINE --format csv >"$tmp/d.csv" 2>>"$tmp/show.err"
old=$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(r[0]["value"] if r else "")' "$tmp/d.csv")
if [ -n "$old" ]; then
    new=$(python3 -c 'import sys; v=float(sys.argv[1])+100; print(int(v) if v==int(v) else repr(v))' "$old")
    printf 'unit,indicator,period,value,status\n193,DOCS_ONLINE,2016-07,%s,A\n' "$new" >"$tmp/CCTK_193-revised.csv"
    if "$ps" ingest "$tmp/CCTK_193-revised.csv" --reporter CCTK_193 --received 2016-09-05 >"$tmp/rev.log" 2>&1; then
        ok "ingest the revision of 193 DOCS_ONLINE 2016-07 ($old -> $new)"
    else
        fail "ingest the revision of 193 DOCS_ONLINE 2016-07"
        sed 's/^/    /' "$tmp/rev.log"
    fi
else
    fail "district 193 has a DOCS_ONLINE value for 2016-07"
fi
"$ps" show --period 2016-07 --unit 22 --format csv >"$tmp/after.csv" 2>>"$tmp/show.err"
check "province DOCS_ONLINE moved by exactly +100" \
    'num(after["22","DOCS_ONLINE"]["value"]) - num(before["22","DOCS_ONLINE"]["value"]) == 100'
check "province DOCS_ONLINE ytd moved by exactly +100" \
    'num(after["22","DOCS_ONLINE"]["ytd"]) - num(before["22","DOCS_ONLINE"]["ytd"]) == 100'
check "province DOCS_TOTAL unchanged" \
    'after["22","DOCS_TOTAL"]["value"] == before["22","DOCS_TOTAL"]["value"]'
check "province DOCS_ONLINE_PCT is the new ratio of sums" \
    'abs(num(after["22","DOCS_ONLINE_PCT"]["value"]) - (num(before["22","DOCS_ONLINE"]["value"]) + 100) / num(before["22","DOCS_TOTAL"]["value"]) * 100) < 1e-9 and after["22","DOCS_ONLINE_PCT"]["value"] != before["22","DOCS_ONLINE_PCT"]["value"]'
check "other indicators unchanged (GRDP, BUDGET_REV)" \
    'after["22","GRDP"] == before["22","GRDP"] and after["22","BUDGET_REV"] == before["22","BUDGET_REV"]'

if [ -s "$tmp/show.err" ]; then
    echo "   show wrote to standard error:"
    sed 's/^/    /' "$tmp/show.err"
fi
finish
