# lib.sh - what the script tests share: their start (script_start) and a
# tally of checks with its closing line "N passed, M failed". Source it first:
#     . "$(dirname "$0")/lib.sh"
#     script_start seed "$@"
passed=0
failed=0

# script_start NAME ARGS...: the arguments are the provstat binary and,
# optionally, provstat-test (the test build that reads PROVSTAT_TEST_*,
# cli/test_hooks.h); sets ps and ps_test (their absolute paths; ps_test is
# empty when not given), LC_ALL=C and TZ=UTC, and tmp, a new folder removed
# on exit (after running $on_exit, when the script sets it). Stops with
# exit 2 on wrong usage.
script_start() {
    _name=$1
    shift
    if [ $# -lt 1 ] || [ $# -gt 2 ]; then
        echo "usage: sh tests/scripts/test_$_name.sh PROVSTAT [PROVSTAT_TEST]" >&2
        exit 2
    fi
    ps=$(abs_program "$1") || exit 2
    ps_test=
    if [ $# -eq 2 ]; then
        ps_test=$(abs_program "$2") || exit 2
    fi
    LC_ALL=C
    TZ=UTC
    export LC_ALL TZ
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/provstat-$_name.XXXXXX") || exit 2
    on_exit=""
    trap 'eval "$on_exit"; rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM HUP
}

# abs_program PATH: prints PATH made absolute; fails, saying why, unless
# it is an executable program.
abs_program() {
    case $1 in
    /*) _p=$1 ;;
    *) _p=$(pwd)/$1 ;;
    esac
    if [ ! -x "$_p" ] || [ -d "$_p" ]; then
        echo "test_$_name: $_p is not a provstat binary" >&2
        return 1
    fi
    echo "$_p"
}

# need_test_build: stops unless provstat-test was given (the second argument).
need_test_build() {
    if [ -z "$ps_test" ]; then
        echo "usage: sh tests/scripts/test_$_name.sh PROVSTAT PROVSTAT_TEST (this test needs the test build, provstat-test)" >&2
        exit 2
    fi
}

# need_sample: stops unless run from the repo root (the sample is there)
need_sample() {
    sample=samples/quang-ninh
    if [ ! -f "$sample/submissions/manifest.csv" ]; then
        echo "test_$_name: run from the repo root (samples/quang-ninh is not here)" >&2
        exit 2
    fi
}

# ok NAME: a check that held.
ok() {
    echo "ok $1"
    passed=$((passed + 1))
}

# fail NAME [LOG]: a check that did not; LOG, when given, is shown indented.
fail() {
    echo "FAIL $1"
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        sed 's/^/    /' "$2" | head -40
    fi
    failed=$((failed + 1))
}

# check_eq NAME EXPECTED ACTUAL: ok when the two strings are equal.
check_eq() {
    if [ "$2" = "$3" ]; then
        ok "$1"
    else
        fail "$1: expected [$2], got [$3]"
    fi
}

# finish: prints the tally and exits 0 only when nothing failed.
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}
