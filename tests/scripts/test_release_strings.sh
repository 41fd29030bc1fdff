#!/bin/sh
# test_release_strings.sh - the release program holds no test switch.
#
# usage: sh tests/scripts/test_release_strings.sh PROVSTAT PROVSTAT_TEST
# The PROVSTAT_TEST_* variables (cli/test_hooks.h) are read by the test
# build, provstat-test, only: not one of their names may be in the bytes of
# provstat, while provstat-test must hold every one (so that the check
# below would see them if they came back into the release program).

. "$(dirname "$0")/lib.sh"
script_start release_strings "$@"
need_test_build

for v in PAUSE_ROWS PAUSE_FILE REFRESH_MAX DATA_ROWS CONSTANT_MEMORY_ROWS; do
    check_eq "provstat-test reads PROVSTAT_TEST_$v" 1 \
        "$(grep -c -a "PROVSTAT_TEST_$v" "$ps_test" | awk '{ print ($1 > 0) }')"
done
check_eq "no PROVSTAT_TEST_ in provstat" 0 "$(grep -c -a "PROVSTAT_TEST_" "$ps")"

finish
