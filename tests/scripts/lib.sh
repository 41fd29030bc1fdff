# lib.sh - what the script tests share: their start (script_start) and a
# tally of checks with its closing line "N passed, M failed". Source it first:
#     . "$(dirname "$0")/lib.sh"
#     script_start seed "$@"
passed=0
failed=0

# script_start NAME ARGS...: the one argument is the provstat binary; sets
# ps (its absolute path), LC_ALL=C and TZ=UTC, and tmp, a new folder
# removed on exit (after running $on_exit, when the script sets it). Stops
# with exit 2 on wrong usage.
script_start() {
    _name=$1
    shift
    if [ $# -ne 1 ]; then
        echo "usage: sh tests/scripts/test_$_name.sh PROVSTAT" >&2
        exit 2
    fi
    case $1 in
    /*) ps=$1 ;;
    *) ps=$(pwd)/$1 ;;
    esac
    if [ ! -x "$ps" ]; then
        echo "test_$_name: $ps is not a provstat binary" >&2
        exit 2
    fi
    LC_ALL=C
    TZ=UTC
    export LC_ALL TZ
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/provstat-$_name.XXXXXX") || exit 2
    on_exit=""
    trap 'eval "$on_exit"; rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM HUP
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
