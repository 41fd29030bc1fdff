#!/bin/sh
# test_fault_disk_full.sh - a full disk loses nothing and says so.
#
# usage: sh tests/scripts/test_fault_disk_full.sh PROVSTAT [PROVSTAT_TEST]
# The disk fills up in two ways: a small tmpfs (a real "no space left",
# ENOSPC; only where mounting is allowed, i.e. as root outside a locked-down
# container) and a file-size limit (ulimit -f, EFBIG; everywhere). Under
# each: an ingest that does not fit exits 3 with a message naming the
# database and leaves it as it was (integrity_check, the same observations,
# revisions and submissions); once there is room the same file goes in whole.
# A report that does not fit exits 3 naming the output file, and leaves no
# file and no temporary in the folder; once there is room it is written.

. "$(dirname "$0")/lib.sh"
script_start disk_full "$@"
need_sample
SOURCE_DATE_EPOCH=1480000000
export SOURCE_DATE_EPOCH
mnt=
on_exit='[ -n "$mnt" ] && umount "$mnt" 2>/dev/null'
here=$(cd "$(dirname "$0")" && pwd)
cp -R "$here/../data/catalogs/ingest" "$tmp/catalog"

# big.csv: 3 districts x 3 indicators x 720 months (1960 .. 2019): 6480 rows
awk 'BEGIN {
    print "unit,indicator,period,value"
    split("193 196 204", u, " ")
    for (y = 1960; y <= 2019; y++)
        for (m = 1; m <= 12; m++)
            for (i = 1; i <= 3; i++) {
                p = sprintf("%d-%02d", y, m)
                printf "%s,RETAIL,%s,%d\n", u[i], p, 100 + (m % 3)
                printf "%s,DOCS_TOTAL,%s,%d\n", u[i], p, 50 + (m % 3)
                printf "%s,DOCS_ONLINE,%s,%d\n", u[i], p, 20 + (m % 3)
            }
}' > "$tmp/big.csv"
R=$(($(wc -l < "$tmp/big.csv") - 1))
printf 'unit,indicator,period,value\n193,RETAIL,2020-01,5\n196,RETAIL,2020-01,6\n' > "$tmp/before.csv"
"$ps" --db "$tmp/small.db" init --catalog "$tmp/catalog" >/dev/null || exit 2
"$ps" --db "$tmp/small.db" ingest "$tmp/before.csv" --reporter CTK --received 2020-02-10 >/dev/null || exit 2
sh scripts/load-sample.sh "$ps" "$tmp/sample.db" >/dev/null || exit 2
# the report's roll-ups kept beforehand: the report itself writes only its file
"$ps" --db "$tmp/sample.db" report --period 2016-07 --out "$tmp/ref.xlsx" >/dev/null || exit 2
state() { sqlite3 "$1" "select (select count(*) || '/' || coalesce(sum(value), 0) from obs), (select count(*) from revision), (select count(*) from submission), (select group_concat(name) from (select name from sqlite_master order by name))"; }
size() { wc -c < "$1"; }

# ulimit -f counts in blocks of 512 bytes in some shells, 1024 in others
bs=$( (trap '' XFSZ; ulimit -f 1; head -c 800 /dev/zero > "$tmp/probe" 2>/dev/null) && echo 1024 || echo 512)
rm -f "$tmp/probe"

# limited DIR_FREE_KB COMMAND...: runs COMMAND under the current mode's limit
limited() {
    _kb=$1
    shift
    if [ "$mode" = ulimit ]; then
        (trap '' XFSZ; ulimit -f $((_kb * 1024 / bs)); "$@")
    else
        "$@"
    fi
}

# setup DB FREE_KB LIMIT_KB: dir holds a copy of DB with about FREE_KB of
# room left (tmpfs), or files are limited to LIMIT_KB (ulimit)
setup() {
    if [ "$mode" = tmpfs ]; then
        [ -z "$mnt" ] || umount "$mnt"
        mnt=$tmp/mnt
        mkdir -p "$mnt"
        # the database, its -shm (32 KiB) and the room
        mount -t tmpfs -o size=$((($(size "$1") + 1023) / 1024 + 32 + $2))k tmpfs "$mnt" || return 1
        dir=$mnt
    else
        dir=$tmp/lim
        rm -rf "$dir"
        mkdir "$dir"
    fi
    cp "$1" "$dir/t.db"
    limit_kb=$3
}

# room: there is room again (a larger tmpfs; no limit)
room() {
    if [ "$mode" = tmpfs ]; then mount -o remount,size=64m "$mnt"; fi
    limit_kb=
}

run_mode() {
    # --- an ingest that does not fit
    setup "$tmp/small.db" 48 $((($(size "$tmp/small.db") + 1023) / 1024 + 48)) || return
    before=$(state "$dir/t.db")
    limited "$limit_kb" "$ps" --db "$dir/t.db" ingest "$tmp/big.csv" --reporter CTK --received 2020-02-10 \
        >"$tmp/i.out" 2>"$tmp/i.err"
    check_eq "$mode: an ingest that does not fit exits 3" 3 "$?"
    # a full disk says so; a file-size limit too
    if [ "$mode" = tmpfs ]; then why="the disk is full"; else why="the file-size limit, ulimit -f"; fi
    if grep -q "^provstat: .*$dir/t.db.*$why" "$tmp/i.err"; then
        ok "$mode: the message names the database and why ($(grep -m1 '^provstat: ' "$tmp/i.err" | sed "s|$dir|DIR|"))"
    else
        fail "$mode: the message names the database and why" "$tmp/i.err"
    fi
    check_eq "$mode: integrity after the failed ingest" ok "$(sqlite3 "$dir/t.db" 'PRAGMA integrity_check')"
    check_eq "$mode: nothing stored, nothing lost" "$before" "$(state "$dir/t.db")"
    room
    "$ps" --db "$dir/t.db" ingest "$tmp/big.csv" --reporter CTK --received 2020-02-10 >/dev/null 2>"$tmp/i2.err"
    check_eq "$mode: with room the same file goes in" 0 "$?"
    check_eq "$mode: whole, once" "$((R + 2))|1|2" \
        "$(sqlite3 "$dir/t.db" "select count(*) from obs; select count(*) from submission where file like '%big.csv'; select count(*) from submission" | tr '\n' '|' | sed 's/|$//')"

    # --- a report that does not fit (the workbook is over 50 KB; the
    # database is only read, its -shm takes 32 KB)
    setup "$tmp/sample.db" 40 40 || return
    before=$(state "$dir/t.db")
    limited "$limit_kb" "$ps" --db "$dir/t.db" report --period 2016-07 --out "$dir/r.xlsx" >/dev/null 2>"$tmp/r.err"
    check_eq "$mode: a report that does not fit exits 3" 3 "$?"
    if grep -q "^provstat: .*$dir/r.xlsx" "$tmp/r.err"; then
        ok "$mode: the message names the report ($(grep -m1 '^provstat: ' "$tmp/r.err" | sed "s|$dir|DIR|"))"
    else
        fail "$mode: the message names the report" "$tmp/r.err"
    fi
    check_eq "$mode: no report and no temporary left" "" \
        "$(ls -A "$dir" | grep -v '^t\.db\(-wal\|-shm\)\{0,1\}$' | tr '\n' ' ')"
    check_eq "$mode: the database as it was" "ok|$before" "$(sqlite3 "$dir/t.db" 'PRAGMA integrity_check')|$(state "$dir/t.db")"
    room
    "$ps" --db "$dir/t.db" report --period 2016-07 --out "$dir/r.xlsx" >/dev/null 2>"$tmp/r2.err"
    check_eq "$mode: with room the report is written" 0 "$?"
    if cmp -s "$dir/r.xlsx" "$tmp/ref.xlsx"; then ok "$mode: the complete report"; else fail "$mode: the complete report"; fi
}

mode=ulimit
run_mode
mode=tmpfs
mkdir "$tmp/probe.d"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs "$tmp/probe.d" 2>/dev/null; then
    umount "$tmp/probe.d"
    run_mode
    umount "$mnt" && mnt=
else
    echo "(no tmpfs: mounting is not allowed here; the disk filled up through ulimit -f only)"
fi
finish
