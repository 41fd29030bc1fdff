# lib.sh - what the script tests share: a tally of checks and its closing
# line "N passed, M failed". Source it after the script's own set-up:
#     . "$(dirname "$0")/lib.sh"
passed=0
failed=0

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
