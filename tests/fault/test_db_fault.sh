#!/bin/sh
# test_db_fault.sh PROVSTAT SHIM - the database fails in the middle of a
# computation, and the command says so and exits 3.
#
# SHIM is tests/fault/sqlite_fault.c built as a shared module: preloaded, it
# makes the Nth sqlite3_step of the process return SQLITE_IOERR. For show,
# export and report, on the loaded sample with nothing kept (cold) and with
# the roll-ups kept (warm), and on a small merger whose derived value is
# compared on a comparable basis, the fault is put at many steps N of the
# command. Each run must either exit 3 with "provstat: " and a message on
# standard error and leave no output file, or exit 0 with output identical
# to the run without a fault (a fault in a step whose failure the command may
# survive, such as keeping the roll-ups for later). Anything else, above all
# exit 0 with other output, is a failure reaching nobody.
. "$(dirname "$0")/../scripts/lib.sh"
if [ $# -ne 2 ]; then
    echo "usage: sh tests/fault/test_db_fault.sh PROVSTAT SHIM" >&2
    exit 2
fi
case $2 in /*) shim=$2 ;; *) shim=$(pwd)/$2 ;; esac
[ -f "$shim" ] || { echo "test_db_fault: $shim is not the shim" >&2; exit 2; }
script_start db_fault "$1"
need_sample
SOURCE_DATE_EPOCH=1480000000
export SOURCE_DATE_EPOCH
# an ASan build must accept a preloaded library before its runtime
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS

# run DB OUT ARGS...: one command on a fresh copy of DB (run.db), output to
# OUT (stdout when OUT is "-", else the command writes OUT itself); leaves rc
run() {
    _db=$1 _out=$2
    shift 2
    rm -f "$tmp/run.db" "$tmp/run.db-wal" "$tmp/run.db-shm" "$tmp/out" "$tmp/err"
    cp "$_db" "$tmp/run.db"
    if [ "$_out" = - ]; then
        LD_PRELOAD="$shim" "$ps" --db "$tmp/run.db" "$@" >"$tmp/out" 2>"$tmp/err"
    else
        LD_PRELOAD="$shim" "$ps" --db "$tmp/run.db" "$@" >/dev/null 2>"$tmp/err"
    fi
    rc=$?
}

# sweep NAME DB OUTFILE ARGS...: the reference run, then a fault at each N of
# a spread over the command's steps (every N up to 40, then about 60 more)
sweep() {
    _name=$1 _db=$2 _file=$3
    shift 3
    rm -f "$tmp/log"
    PS_FAULT_STEP=0 PS_FAULT_LOG="$tmp/log" run "$_db" "$_file" "$@"
    if [ "$rc" -ne 0 ]; then
        fail "$_name: the run without a fault exits $rc" "$tmp/err"
        return
    fi
    if [ "$_file" = - ]; then cp "$tmp/out" "$tmp/ref"; else cp "$_file" "$tmp/ref"; fi
    total=$(sed -n 's/^steps \([0-9]*\) .*/\1/p' "$tmp/log")
    stride=$(( (total - 40) / 60 ))
    [ "$stride" -ge 1 ] || stride=1
    n=1 bad=0 errs=0 survived=0
    while [ "$n" -le "$total" ]; do
        [ "$_file" = - ] || rm -f "$_file"
        rm -f "$tmp/log"
        PS_FAULT_STEP=$n PS_FAULT_LOG="$tmp/log" run "$_db" "$_file" "$@"
        if ! grep -q "fired $n sql" "$tmp/log"; then
            fail "$_name: step $n never ran (the command takes other steps than its reference run)"
            bad=$((bad + 1))
        elif [ "$rc" -eq 3 ] && grep -q '^provstat: .' "$tmp/err" && { [ "$_file" = - ] || [ ! -e "$_file" ]; }; then
            errs=$((errs + 1))
        elif [ "$rc" -eq 0 ] && { if [ "$_file" = - ]; then cmp -s "$tmp/out" "$tmp/ref"; else cmp -s "$_file" "$tmp/ref"; fi; }; then
            survived=$((survived + 1))
            [ -z "${FAULT_VERBOSE:-}" ] || sed -n 's/.* sql /survived: /p' "$tmp/log"
        else
            fail "$_name: a fault at step $n of $total: exit $rc" "$tmp/err"
            bad=$((bad + 1))
        fi
        if [ "$n" -lt 40 ]; then n=$((n + 1)); else n=$((n + stride)); fi
        [ "$bad" -lt 5 ] || break
    done
    if [ "$bad" -eq 0 ] && [ "$errs" -gt 0 ]; then
        ok "$_name: $errs faults of $total steps exit 3 with a message, $survived survived with the same output"
    elif [ "$bad" -eq 0 ]; then
        fail "$_name: no fault ever reached the exit status"
    fi
}

# the loaded sample, with nothing kept and with the roll-ups kept
sh scripts/load-sample.sh "$ps" "$tmp/cold.db" >/dev/null || exit 2
cp "$tmp/cold.db" "$tmp/warm.db"
"$ps" --db "$tmp/warm.db" report --period 2016-07 --out "$tmp/warm.xlsx" || exit 2
for t in cold warm; do
    sweep "$t show" "$tmp/$t.db" - show --period 2016-07 --unit 22 --format csv
    sweep "$t export" "$tmp/$t.db" "$tmp/x.csv" export --period 2016-07 --format long --out "$tmp/x.csv"
    sweep "$t report" "$tmp/$t.db" "$tmp/x.xlsx" report --period 2016-07 --out "$tmp/x.xlsx"
done

# a merger: Hoành Bồ (202) ends in 2019 and merges into Hạ Long (193); the
# revenue per head of January 2020 is compared with January 2019 on the
# comparable basis, a derived value computed from comparable components
mkdir "$tmp/cat"
cat >"$tmp/cat/units.csv" <<'CSV'
code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor
22,Quảng Ninh,Quang Ninh,province,tỉnh,,,,
193,Hạ Long,Ha Long,district,thành phố,22,,,
202,Hoành Bồ,Hoanh Bo,district,huyện,22,,2019-12,193
CSV
cat >"$tmp/cat/reporters.csv" <<'CSV'
code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day
CTK,Cục Thống kê,Statistics Office,22,*,district,20
CSV
cat >"$tmp/cat/indicators.csv" <<'CSV'
code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,formula,order,group
REV,Thu ngân sách,Budget revenue,tỷ đồng,VND bn,flow,sum,sum,1,0,,,1,Ngân sách
POP,Dân số,Population,người,persons,stock,sum,last,0,0,,,2,Dân số
REVPC,Thu ngân sách bình quân,Revenue per head,nghìn đồng,VND thousand,derived,,,1,,,per_capita(REV) * 1000,3,Ngân sách
CSV
# (Hoành Bồ's revenue comes from a long export whose coverage was below 1:
# its coverage is read on its own, one more read for the sweep to fail)
cat >"$tmp/data.csv" <<'CSV'
unit,indicator,period,value,coverage
193,REV,2019-01,100,
202,REV,2019-01,40,0.5
193,POP,2019-01,250000,
202,POP,2019-01,50000,
193,REV,2020-01,150,
193,POP,2020-01,300000,
CSV
"$ps" --db "$tmp/merger.db" init --catalog "$tmp/cat" >/dev/null || exit 2
"$ps" --db "$tmp/merger.db" ingest "$tmp/data.csv" --reporter CTK --received 2020-02-10 >/dev/null || exit 2
for t in merger; do
    sweep "$t show" "$tmp/$t.db" - show --period 2020-01 --unit 193 --format csv
    sweep "$t show derived" "$tmp/$t.db" - show --period 2020-01 --unit 193 --indicator REVPC --format csv
    sweep "$t show province" "$tmp/$t.db" - show --period 2020-01 --format csv
    sweep "$t export" "$tmp/$t.db" "$tmp/x.csv" export --period 2020-01 --format long --out "$tmp/x.csv"
    sweep "$t report" "$tmp/$t.db" "$tmp/x.xlsx" report --period 2020-01 --unit 193 --out "$tmp/x.xlsx"
    sweep "$t trend" "$tmp/$t.db" - trend --indicator REVPC --unit 193 --from 2019-01 --to 2020-01 --format json
done
finish
