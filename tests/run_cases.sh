#!/bin/sh
# run_cases.sh - runs the command-line golden cases of one area.
#
# usage: sh tests/run_cases.sh PROVSTAT AREA_DIR
#
# Each case is a folder AREA_DIR/NNN-slug/ holding:
#   cmd              a shell script run with sh in a fresh copy of the folder;
#                    it runs provstat as "$PROVSTAT" (PROVSTAT_DB=test.db, so
#                    the database lives in the copy); it may run several
#                    commands; the status of its last command is compared
#   expected.rc      the expected exit status (a number)
#   expected.stdout  the expected standard output of the whole script (optional)
#   expected.stderr  the expected standard error of the whole script (optional)
#   expected/        files the script must leave behind, byte for byte (optional)
#   catalog.base     the name of a shared catalog (below)
#   anything else    input files (catalog folders, submissions)
#
# The catalog. The cases share catalogs: each folder of tests/data/catalogs/
# is one. A case that holds a file catalog.base (one line: the name of a
# shared catalog, e.g. "ingest") runs with that catalog copied in as
# catalog/, and the case's own catalog/ folder, if it has one, laid over it:
# such a folder holds only the files that differ from the shared catalog.
# A case with a catalog/ folder and no catalog.base uses that catalog as it
# is, whole. The rule for which to write:
#   - a whole catalog of its own when the catalog is what the case tests:
#     init is meant to refuse it (the checks of the catalog area, a missing
#     file), or its files are written in a form no shared catalog has (BOM,
#     CRLF, ';' and quotes); such a catalog reads best in one place;
#   - otherwise catalog.base, naming the shared catalog closest to what the
#     case needs, and in catalog/ only the files it changes. A case that
#     needs a file of the shared catalog absent keeps a whole catalog.
# A case with neither has no catalog.
#
# With PS_CASES_LANG=vi the cases run in Vietnamese (PROVSTAT_LANG=vi; a
# case that says --lang itself keeps it) and are held to what must not
# change with the language (SPEC §4): the exit status; the place and kind
# of every diagnostic ("file:line:column: error:", in order) on standard
# error and output; the first five columns (file, line, column, severity,
# code) of every errors CSV under expected/, and every other file there
# byte for byte. And what must: a diagnostic
# or "provstat: " line of the English run found word for word in the
# Vietnamese one is a failure (a message missing from the Vietnamese
# table); cases whose expected text is partly Vietnamese already (those
# about the language) are held to the first part only.
#
# Prints "ok NNN-slug" or "FAIL AREA/NNN-slug" with a unified diff per case,
# then "N passed, M failed"; exits 1 when a case failed, 2 on wrong usage.
# With UPDATE=1, expected.rc, expected.stdout and expected.stderr (and the
# files already under expected/) are rewritten from what the case did: read
# every file it writes before committing it.

if [ $# -ne 2 ]; then
    echo "usage: sh run_cases.sh PROVSTAT AREA_DIR" >&2
    exit 2
fi

# English messages whatever the machine's language (SPEC §4: --lang, else
# PROVSTAT_LANG, else LC_ALL, LC_MESSAGES, LANG); a case that tests the
# choice sets these itself.
LC_ALL=C
export LC_ALL
unset PROVSTAT_LANG LC_MESSAGES LANG
case ${PS_CASES_LANG:-en} in
en) vi=0 ;;
vi) vi=1 ;;
*) echo "run_cases.sh: PS_CASES_LANG is en or vi, not $PS_CASES_LANG" >&2; exit 2 ;;
esac

case $1 in
/*) prog=$1 ;;
*) prog=$(pwd)/$1 ;;
esac
if [ ! -x "$prog" ] || [ -d "$prog" ]; then
    echo "run_cases.sh: $1 is not an executable program" >&2
    exit 2
fi
if [ ! -d "$2" ]; then
    echo "run_cases.sh: $2 is not a folder" >&2
    exit 2
fi
area_dir=$(cd "$2" && pwd)
area=$(basename "$area_dir")
catalogs=$(cd "$(dirname "$0")/data/catalogs" 2>/dev/null && pwd)
if [ -z "$catalogs" ]; then
    echo "run_cases.sh: the shared catalogs are missing: $(dirname "$0")/data/catalogs is not a folder" >&2
    exit 2
fi

tmproot=$(mktemp -d "${TMPDIR:-/tmp}/provstat-cases.XXXXXX") || exit 2
trap 'rm -rf "$tmproot"' EXIT
trap 'exit 130' INT TERM HUP
trap 'exit 141' PIPE

passed=0
failed=0

# diff labels: the expected file's path and "actual" (GNU and busybox diff)
if diff -u --label x --label y /dev/null /dev/null >/dev/null 2>&1; then
    labels=1
else
    labels=0
fi

# prints the failure heading once per case
fail_heading() {
    if [ "$case_ok" = 1 ]; then
        echo "FAIL $area/$name"
        echo "  case folder: $case_dir"
        case_ok=0
    fi
}

# check_text WHAT EXPECTED ACTUAL
check_text() {
    if [ -f "$2" ] && ! cmp -s "$2" "$3"; then
        fail_heading
        echo "  $1 differs (--- expected, +++ actual):"
        if [ "$labels" = 1 ]; then
            diff -u --label "$2" --label "actual $1" "$2" "$3"
        else
            diff -u "$2" "$3"
        fi | sed 's/^/    /'
    fi
}

# positions FILE: the place and kind of each diagnostic, in order
positions() {
    sed -n 's/^\([^ ]*:[0-9][0-9]*:[0-9][0-9]*: [a-z]*\): .*/\1/p' "$1"
}

# check_vi WHAT EXPECTED ACTUAL: the Vietnamese run against the English
# expected text (see PS_CASES_LANG above)
check_vi() {
    [ -f "$2" ] || return 0
    positions "$2" >"$out/want.pos"
    positions "$3" >"$out/got.pos"
    check_text "$1: the diagnostics' places and kinds" "$out/want.pos" "$out/got.pos"
    # a case about the language holds Vietnamese lines in its expected text already
    grep -q 'không\| của \| là \|hãy ' "$2" && return 0
    grep '^[^ ]*:[0-9][0-9]*:[0-9][0-9]*: [a-z]*: .*[a-z][a-z]\|^provstat: .*[a-z][a-z]' "$2" >"$out/en.diag"
    if [ -s "$out/en.diag" ] && grep -Fxf "$out/en.diag" "$3" >"$out/same.diag"; then
        fail_heading
        echo "  $1: diagnostics left in English in the Vietnamese run:"
        sed 's/^/    /' "$out/same.diag"
    fi
}

# check_file_vi NAME EXPECTED ACTUAL: an errors CSV (with or without its
# byte-order mark) by its file, line, column, severity and code; any other
# file byte for byte (exports do not change with the language)
bom=$(printf '\357\273\277')
check_file_vi() {
    if head -1 "$2" | grep -q "^\($bom\)\{0,1\}file,line,column,severity,code"; then
        cut -d, -f1-5 "$2" >"$out/want.csv"
        cut -d, -f1-5 "$3" >"$out/got.csv"
        check_text "errors CSV $1: its first five columns" "$out/want.csv" "$out/got.csv"
    else
        check_text "file $1" "$2" "$3"
    fi
}

# lay_catalog: copies the shared catalog named by the case's catalog.base,
# if it has one, into $run/catalog; fails, saying why, on a bad name.
lay_catalog() {
    [ -f "$case_dir/catalog.base" ] || return 0
    base=$(tr -d ' \t\r\n' <"$case_dir/catalog.base")
    case $base in
    '' | *[!a-z0-9-]*) base_ok=0 ;;
    *) [ -d "$catalogs/$base" ] && base_ok=1 || base_ok=0 ;;
    esac
    if [ "$base_ok" = 0 ]; then
        fail_heading
        echo "  catalog.base names \"$base\", which is not a shared catalog (a folder of $catalogs)"
        return 1
    fi
    if ! cp -R "$catalogs/$base" "$run/catalog"; then
        fail_heading
        echo "  cannot copy the shared catalog $base into $run"
        return 1
    fi
}

run_case() {
    work=$tmproot/$name
    run=$work/run
    out=$work/out
    case_ok=1
    if ! mkdir -p "$run" "$out"; then
        fail_heading
        echo "  cannot make $run"
        return 1
    fi
    lay_catalog || return 1
    if ! cp -R "$case_dir"/. "$run"/; then
        fail_heading
        echo "  cannot copy the case into $run"
        return 1
    fi
    rm -rf "$run/expected" "$run/expected.rc" "$run/expected.stdout" "$run/expected.stderr" "$run/catalog.base"

    (
        cd "$run" || exit 125
        PROVSTAT=$prog
        PROVSTAT_DB=test.db
        TZ=UTC
        export PROVSTAT PROVSTAT_DB TZ
        if [ "$vi" = 1 ]; then
            PROVSTAT_LANG=vi
            export PROVSTAT_LANG
        fi
        unset SOURCE_DATE_EPOCH
        if command -v timeout >/dev/null 2>&1; then
            timeout 120 sh ./cmd
        else
            sh ./cmd
        fi
    ) >"$out/stdout" 2>"$out/stderr" </dev/null
    rc=$?

    if [ "${UPDATE:-0}" = 1 ] && [ "$vi" = 0 ]; then
        echo "$rc" >"$case_dir/expected.rc"
        cp "$out/stdout" "$case_dir/expected.stdout"
        cp "$out/stderr" "$case_dir/expected.stderr"
        if [ -d "$case_dir/expected" ]; then
            while IFS= read -r f; do
                if [ -n "$f" ] && [ -f "$run/$f" ]; then
                    cp "$run/$f" "$case_dir/expected/$f"
                fi
            done <<EOF
$(cd "$case_dir/expected" && find . -type f | sort)
EOF
        fi
    fi

    if [ ! -f "$case_dir/expected.rc" ]; then
        fail_heading
        echo "  expected.rc is missing (exit status was $rc)"
    else
        want=$(tr -d ' \t\r\n' <"$case_dir/expected.rc")
        if [ "$want" != "$rc" ]; then
            fail_heading
            echo "  exit status $rc, expected $want"
            [ "$rc" = 124 ] && echo "  (124: the case was stopped after 120 seconds)"
        fi
    fi
    if [ "$vi" = 1 ]; then
        check_vi "standard output" "$case_dir/expected.stdout" "$out/stdout"
        check_vi "standard error" "$case_dir/expected.stderr" "$out/stderr"
    else
        check_text "standard output" "$case_dir/expected.stdout" "$out/stdout"
        check_text "standard error" "$case_dir/expected.stderr" "$out/stderr"
    fi
    if [ -d "$case_dir/expected" ]; then
        while IFS= read -r f; do
            [ -n "$f" ] || continue
            rel=${f#./}
            if [ ! -f "$run/$rel" ]; then
                fail_heading
                echo "  file $rel was not written"
            elif [ "$vi" = 1 ]; then
                check_file_vi "$rel" "$case_dir/expected/$rel" "$run/$rel"
            else
                check_text "file $rel" "$case_dir/expected/$rel" "$run/$rel"
            fi
        done <<EOF
$(cd "$case_dir/expected" && find . -type f | sort)
EOF
    fi
    if [ "$case_ok" = 1 ]; then
        return 0
    fi
    # what the case printed, when the diff alone does not show it
    if [ ! -f "$case_dir/expected.stderr" ] && [ -s "$out/stderr" ]; then
        echo "  standard error:"
        sed 's/^/    /' "$out/stderr"
    fi
    return 1
}

for case_dir in "$area_dir"/*/; do
    [ -d "$case_dir" ] || continue
    case_dir=${case_dir%/}
    name=$(basename "$case_dir")
    if [ ! -f "$case_dir/cmd" ]; then
        echo "FAIL $area/$name"
        echo "  case folder: $case_dir"
        echo "  the case has no cmd file"
        failed=$((failed + 1))
        continue
    fi
    if run_case; then
        echo "ok $name"
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
    rm -rf "${tmproot:?}/$name"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
