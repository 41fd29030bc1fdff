#!/bin/sh
# run.sh - build the libFuzzer harnesses and run each for as long as asked.
#
# usage: sh tests/fuzz/run.sh [SECONDS] [NAME...]
#        sh tests/fuzz/run.sh --build DIR --seconds N [--scratch] [NAME...]
# SECONDS (default 60) is for each harness; NAME is a harness such as
# fuzz_csv (default: every tests/fuzz/fuzz_*.c). Without --build the
# harnesses are built in build-fuzz/ (CC=clang, -DPS_FUZZ=ON). Each runs on
# a working corpus (DIR/fuzz-work/NAME, kept between runs; with --scratch a
# temporary folder, as the test command's smoke run does) plus the seeds in
# tests/fuzz/corpus/NAME, which are only read. A find is saved as
# DIR/fuzz-artifacts/NAME/crash-* and the script exits 1.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build= seconds=60 scratch= names=
while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --scratch) scratch=1; shift ;;
    [0-9]*) seconds=$1; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) names="$names $1"; shift ;;
    esac
done
if [ -z "$build" ]; then
    build=$root/build-fuzz
    CC=clang cmake -S "$root" -B "$build" -DPS_FUZZ=ON -DPS_WERROR=ON -DPS_BUILD_TESTS=OFF >/dev/null || exit 2
    cmake --build "$build" -j2 >/dev/null || { echo "run.sh: the fuzz build failed" >&2; exit 2; }
fi
if [ -z "$names" ]; then
    for f in "$here"/fuzz_*.c; do names="$names $(basename "$f" .c)"; done
fi
tmp=
[ -z "$scratch" ] || { tmp=$(mktemp -d) || exit 2; trap 'rm -rf "$tmp"' EXIT; }
status=0
for n in $names; do
    bin=$build/tests/fuzz/$n
    [ -x "$bin" ] || { echo "run.sh: $bin is not built" >&2; status=2; continue; }
    if [ -n "$tmp" ]; then work=$tmp/$n; else work=$build/fuzz-work/$n; fi
    art=$build/fuzz-artifacts/$n
    mkdir -p "$work" "$art"
    # a harness without seeds starts from nothing and hardly gets past its
    # first checks: refuse to call that a run
    if [ -z "$(ls -A "$here/corpus/$n" 2>/dev/null)" ]; then
        echo "FAIL $n: no seeds in $here/corpus/$n (each harness fuzz_NAME has its seeds in corpus/fuzz_NAME)"
        status=1
        continue
    fi
    log=$art/last.log
    # -rss_limit_mb: the ingest harness holds a database; -timeout: a hang is a find
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
        "$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$art/" "$work" "$here/corpus/$n" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    if [ "$rc" -ne 0 ]; then
        echo "FAIL $n ($seconds s): exit $rc; see $log"
        grep -m 5 -E 'ERROR|property broken|Test unit written' "$log"
        status=1
    else
        echo "ok   $n: ${execs:-?} inputs in $seconds s, corpus $(ls "$work" | wc -l) files"
    fi
done
exit $status
