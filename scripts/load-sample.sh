#!/bin/sh
# load-sample.sh PROVSTAT DB - a fresh database DB from the Quảng Ninh sample:
# the catalog, then every submission of the manifest in order, each with its
# reporter, received date and options. Prints one line per file; on the first
# file that fails, prints provstat's output and exits 1. Used by the sample
# pipeline and by the tests that need the loaded sample.
set -eu
[ $# -eq 2 ] || { echo "usage: load-sample.sh PROVSTAT DB" >&2; exit 2; }
ps=$1
db=$2
sample=$(cd "$(dirname "$0")/../samples/quang-ninh" && pwd)
rm -f "$db" "$db-wal" "$db-shm"
"$ps" --db "$db" init --catalog "$sample/catalog"
log=$(mktemp "${TMPDIR:-/tmp}/provstat-load.XXXXXX")
trap 'rm -f "$log"' EXIT
n=0
# manifest.csv: file,reporter,received,options (no quoted fields)
tail -n +2 "$sample/submissions/manifest.csv" | tr -d '\r' | {
    while IFS=, read -r file reporter received options; do
        [ -n "$file" ] || continue
        # shellcheck disable=SC2086
        if ! "$ps" --db "$db" ingest "$sample/submissions/$file" --reporter "$reporter" \
            --received "$received" $options >"$log" 2>&1; then
            cat "$log" >&2
            echo "load-sample: ingest of $file failed" >&2
            exit 1
        fi
        n=$((n + 1))
    done
    echo "loaded $n files of $sample/submissions/manifest.csv into $db"
}
