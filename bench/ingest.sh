#!/bin/sh
# ingest.sh - the ingest benchmark: provstat init + ingest of a national file against the sqlite3 .import floor.
#
# usage: bench/ingest.sh [-n RUNS] [--only provstat|sqlite] [--size U,I,M] [--order unit|period]
#                        [--index-after] [--work DIR] [--keep]
#
#   -n RUNS        runs of each measurement (default 3, or $RUNS); the report
#                  gives the median wall time and the largest peak memory
#   --only WHAT    run only (a) and (c) (provstat) or only (b) (sqlite)
#   --size U,I,M   districts, indicators, months (default 700,200,72:
#                  10,080,000 rows; SMALL=1 means 20,20,12: 4,800 rows)
#   --order ORDER  the data file's row order: unit (unit, indicator, period:
#                  a province's export; the default) or period (period,
#                  unit, indicator: a backfill, or monthly files in turn)
#   --index-after  the floor (b) builds its UNIQUE index after the .import
#                  instead of before it
#   --work DIR     where data, databases and results go (default bench/work,
#                  or $WORK); must be on a local disk
#   --keep         keep the databases of the last run
#
# Environment: PROVSTAT, the binary to measure (default build/provstat);
# SMALL=1 for the quick check; RUNS; WORK.
#
# Measures, in the same run, alternating, each in a fresh database file:
#   (a) provstat --db DB init --catalog catalog
#       && provstat --db DB ingest data.csv --reporter NSO --received 2017-01-15
#       (every check on: no --partial, --dry-run or --force);
#   (b) the floor: the sqlite3 shell creating a plain table
#       t(unit TEXT, indicator TEXT, period TEXT, value REAL, status TEXT)
#       with a UNIQUE index on (unit, indicator, period), then
#       .import --csv --skip 1 data.csv t (one transaction); with
#       --index-after, the .import first and CREATE UNIQUE INDEX after it;
# and then, after the last (a), into the database it left:
#   (c) provstat ingest of a 14-district month (14 districts x the
#       indicators, months 2017-01, 2017-02, ... one per run), the monthly
#       file of a province, into a database that holds the whole history.
# Wall time is taken with `date +%s%N` around each command, peak memory
# (max RSS) with GNU time's %M (Debian package `time`). Before each timed
# command the page cache is flushed to disk (`sync`); the data file is read
# once beforehand so that every run finds it in the cache.
#
# Prints a Markdown block for bench/README.md and writes it to
# WORK/results/ingest-DATE-TIME.md. Exit status 0, or 1 when a command
# failed or stored the wrong number of rows, 2 on wrong usage.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${RUNS:-3}
only=
keep=0
order=unit
index_after=0
work=${WORK:-$here/work}
if [ "${SMALL:-0}" = 1 ]; then size=20,20,12; else size=700,200,72; fi
ps=${PROVSTAT:-$root/build/provstat}

usage() { # usage STATUS
    sed -n '3,23p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "$1"
}

while [ $# -gt 0 ]; do
    case $1 in
    -n) [ $# -ge 2 ] || usage 2; runs=$2; shift 2 ;;
    --only) [ $# -ge 2 ] || usage 2; only=$2; shift 2 ;;
    --size) [ $# -ge 2 ] || usage 2; size=$2; shift 2 ;;
    --order) [ $# -ge 2 ] || usage 2; order=$2; shift 2 ;;
    --index-after) index_after=1; shift ;;
    --work) [ $# -ge 2 ] || usage 2; work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "ingest.sh: unknown option $1" >&2; usage 2 ;;
    esac
done
case $runs in ''|*[!0-9]*|0) echo "ingest.sh: -n wants a whole number of runs, not '$runs'" >&2; exit 2 ;; esac
case $only in ''|provstat|sqlite) ;; *) echo "ingest.sh: --only provstat or --only sqlite" >&2; exit 2 ;; esac
case $order in unit|period) ;; *) echo "ingest.sh: --order unit or --order period, not '$order'" >&2; exit 2 ;; esac
units=${size%%,*} rest=${size#*,}
inds=${rest%%,*} months=${rest#*,}
case $size in
*[!0-9,]*|*,,*|,*|*,|*,*,*,*) size_ok=0 ;;
*,*,*) size_ok=1 ;;
*) size_ok=0 ;;
esac
case $size_ok in
0) echo "ingest.sh: --size wants UNITS,INDICATORS,MONTHS, not '$size'" >&2; exit 2 ;;
esac
rows=$((units * inds * months))
month_units=14
[ "$units" -lt "$month_units" ] && month_units=$units
do_a=1 do_b=1
[ "$only" = sqlite ] && do_a=0
[ "$only" = provstat ] && do_b=0

# --- tools -------------------------------------------------------------------
if ! /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    echo "ingest.sh: needs GNU time as /usr/bin/time for peak memory: install the Debian package 'time' (apt-get install time)" >&2
    exit 1
fi
command -v cc >/dev/null || { echo "ingest.sh: needs a C compiler: install the Debian package 'gcc'" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "ingest.sh: needs the sqlite3 shell: install the Debian package 'sqlite3'" >&2; exit 1; }
if [ "$do_a" = 1 ]; then
    [ -x "$ps" ] || { echo "ingest.sh: no provstat at $ps: build it (cmake --build build) or set PROVSTAT" >&2; exit 1; }
    ps=$(cd "$(dirname "$ps")" && pwd)/$(basename "$ps")
    "$ps" ingest --help >/dev/null 2>&1 || {
        echo "ingest.sh: $ps has no ingest command yet; run with --only sqlite for the floor alone" >&2
        exit 1
    }
fi
mkdir -p "$work/results"
work=$(cd "$work" && pwd)

# the source tree as it is now (read-only git queries: tracked files changed,
# or new files outside bench/), and when the binary was built
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")
if ! git -C "$root" diff-index --quiet HEAD -- 2>/dev/null ||
    [ -n "$(git -C "$root" ls-files --others --exclude-standard -- . ':!bench' 2>/dev/null)" ]; then
    rev="$rev + uncommitted changes"
fi
[ "$do_a" = 0 ] || built=$(date -r "$ps" '+%Y-%m-%d %H:%M')

# --- data --------------------------------------------------------------------
gen=$work/gen_national
if [ ! -x "$gen" ] || [ -n "$(find "$here/gen_national.c" -newer "$gen")" ]; then
    cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -o "$gen" "$here/gen_national.c" -lm
fi
gen_sum=$(cksum <"$here/gen_national.c")

# generate DIR UNITS INDICATORS MONTHS FIRST [ORDER]: writes and checks a
# data set, unless DIR already holds one made by this generator with these
# sizes and order
generate() {
    stamp="$gen_sum $2 $3 $4 $5 ${6:-unit}"
    if [ -f "$1/.complete" ] && [ "$(cat "$1/.complete")" = "$stamp" ]; then
        return 0
    fi
    rm -rf "$1"
    "$gen" --order "${6:-unit}" "$1" "$2" "$3" "$4" "$5"
    sh "$here/check_data.sh" "$1" "$2" "$3" "$4" "$5" "${6:-unit}"
    echo "$stamp" >"$1/.complete"
}

national=$work/national-$units-$inds-$months
[ "$order" = unit ] || national=$national-by-$order
generate "$national" "$units" "$inds" "$months" 2011-01 "$order"
data=$national/data.csv
bytes=$(wc -c <"$data")

month_period() { # month_period K: the K-th month from 2017-01
    echo "$1" | awk '{ printf "%04d-%02d", 2017 + int(($1 - 1) / 12), ($1 - 1) % 12 + 1 }'
}
if [ "$do_a" = 1 ]; then
    k=1
    while [ "$k" -le "$runs" ]; do
        p=$(month_period "$k")
        generate "$work/month-$month_units-$inds-$p" "$month_units" "$inds" 1 "$p"
        k=$((k + 1))
    done
fi

# --- measuring -------------------------------------------------------------

# measure LOG CMD...: runs CMD (output appended to LOG), sets m_wall
# (seconds) and m_rss (KB); returns CMD's exit status
measure() {
    m_log=$1
    shift
    sync
    m_t0=$(date +%s%N)
    m_rc=0
    /usr/bin/time -f %M -o "$work/rss" "$@" >>"$m_log" 2>&1 || m_rc=$?
    m_t1=$(date +%s%N)
    m_wall=$(awk -v ns=$((m_t1 - m_t0)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    m_rss=$(tail -n 1 "$work/rss")
    return $m_rc
}

fail() { # fail LOG MESSAGE
    echo "ingest.sh: $2; the last lines of $1:" >&2
    tail -n 20 "$1" >&2
    exit 1
}

rmdb() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

count_rows() { # count_rows DB TABLE: rows in TABLE, or "?" when it cannot be read
    sqlite3 "$1" "SELECT count(*) FROM $2" 2>/dev/null || echo "?"
}

# shellcheck disable=SC2086 # the lists are split on purpose
median() { # median "v1 v2 ...": prints the median
    printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 }
        END { if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# shellcheck disable=SC2086
largest() { printf '%s\n' $1 | sort -n | tail -n 1; }

sqlscript=$work/floor.sql
if [ "$index_after" = 1 ]; then
    cat >"$sqlscript" <<EOF
CREATE TABLE t(unit TEXT, indicator TEXT, period TEXT, value REAL, status TEXT);
.import --csv --skip 1 "$data" t
CREATE UNIQUE INDEX t_key ON t(unit, indicator, period);
EOF
else
    cat >"$sqlscript" <<EOF
CREATE TABLE t(unit TEXT, indicator TEXT, period TEXT, value REAL, status TEXT);
CREATE UNIQUE INDEX t_key ON t(unit, indicator, period);
.import --csv --skip 1 "$data" t
EOF
fi

logs=$work/logs
mkdir -p "$logs"
rm -f "$logs"/*.log
dba=$work/a.db dbb=$work/b.db
a_wall='' a_ingest='' a_rss='' b_wall='' b_rss='' c_wall='' c_rss=''
cat "$data" >/dev/null   # into the page cache for every run alike
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

run=1
while [ "$run" -le "$runs" ]; do
    if [ "$do_a" = 1 ]; then
        log=$logs/a-$run.log
        rmdb "$dba"
        measure "$log" "$ps" --db "$dba" init --catalog "$national/catalog" || fail "$log" "(a) init failed"
        init_wall=$m_wall init_rss=$m_rss
        measure "$log" "$ps" --db "$dba" ingest "$data" --reporter NSO --received 2017-01-15 ||
            fail "$log" "(a) ingest refused the file or failed"
        a_ingest="$a_ingest $m_wall"
        a_wall="$a_wall $(awk -v x="$init_wall" -v y="$m_wall" 'BEGIN { printf "%.3f", x + y }')"
        a_rss="$a_rss $init_rss $m_rss"
        n=$(count_rows "$dba" obs)
        [ "$n" = "?" ] || [ "$n" = "$rows" ] || fail "$log" "(a) stored $n observations, expected $rows"
        echo "run $run (a) provstat: init $init_wall s, ingest $m_wall s, peak $init_rss / $m_rss KB, $n observations" >&2
    fi
    if [ "$do_b" = 1 ]; then
        log=$logs/b-$run.log
        rmdb "$dbb"
        measure "$log" sqlite3 -bail "$dbb" <"$sqlscript" || fail "$log" "(b) sqlite3 .import failed"
        [ ! -s "$log" ] || fail "$log" "(b) sqlite3 reported problems"
        b_wall="$b_wall $m_wall" b_rss="$b_rss $m_rss"
        n=$(count_rows "$dbb" t)
        [ "$n" = "$rows" ] || fail "$log" "(b) imported $n rows, expected $rows"
        echo "run $run (b) sqlite3: $m_wall s, peak $m_rss KB, $n rows" >&2
    fi
    run=$((run + 1))
done

if [ "$do_a" = 1 ]; then
    run=1
    while [ "$run" -le "$runs" ]; do
        p=$(month_period "$run")
        log=$logs/c-$run.log
        measure "$log" "$ps" --db "$dba" ingest "$work/month-$month_units-$inds-$p/data.csv" \
            --reporter NSO --received "$(month_period $((run + 1)))-15" ||
            fail "$log" "(c) ingest of the $p month failed"
        c_wall="$c_wall $m_wall" c_rss="$c_rss $m_rss"
        echo "run $run (c) provstat month $p: $m_wall s, peak $m_rss KB" >&2
        run=$((run + 1))
    done
    n=$(count_rows "$dba" obs)
    expect=$((rows + runs * month_units * inds))
    [ "$n" = "?" ] || [ "$n" = "$expect" ] || fail "$log" "(c) the database holds $n observations, expected $expect"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$keep" = 1 ] || { rmdb "$dba"; rmdb "$dbb"; }

# --- report ------------------------------------------------------------------
fmt_int() { # 1234567 -> 1,234,567
    echo "$1" | awk '{ s = sprintf("%d", $1); o = ""
        while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
        print s o }'
}
per_s() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%d", (t > 0 ? n / t : 0) }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
fs=$(df -PT "$work" | awk 'NR == 2 { print $2 }')
when=$(date +%Y-%m-%d)
cmd="bench/ingest.sh -n $runs --size $size${only:+ --only $only}"
[ "$order" = unit ] || cmd="$cmd --order $order"
[ "$index_after" = 0 ] || cmd="$cmd --index-after"
[ "${SMALL:-0}" = 1 ] && cmd="SMALL=1 $cmd"

out=$work/results/ingest-$(date +%Y%m%d-%H%M%S).md
{
    echo "#### $when: \`$cmd\`"
    echo
    echo "- machine: $cpu, $(nproc) cores, $mem, Linux $(uname -r), $fs file system"
    echo "- sqlite3 $(sqlite3 --version | cut -d' ' -f1)$([ "$do_a" = 1 ] && echo "; $("$ps" --version 2>/dev/null | head -n 1), binary built $built, source tree at the start: $rev")"
    echo "- data: $units districts x $inds indicators x $months months = $(fmt_int "$rows") rows, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }') (bench/gen_national), ordered by $([ "$order" = unit ] && echo "unit, indicator, period" || echo "period, unit, indicator")"
    echo "- runs: $runs of each, alternating; median wall time, largest peak RSS; load average $load_before before, $load_after after (other work on the machine skews the times)"
    echo
    echo "| measurement | median wall | rows/s | peak RSS | runs (s) |"
    echo "|---|---:|---:|---:|---|"
    if [ "$do_a" = 1 ]; then
        ma=$(median "$a_wall")
        mi=$(median "$a_ingest")
        echo "| (a) provstat init + ingest | $ma s | $(fmt_int "$(per_s "$rows" "$ma")") | $(mib "$(largest "$a_rss")") |$a_wall |"
        echo "| (a) of which ingest | $mi s | $(fmt_int "$(per_s "$rows" "$mi")") | |$a_ingest |"
    fi
    if [ "$do_b" = 1 ]; then
        mbw=$(median "$b_wall")
        echo "| (b) sqlite3 .import floor$([ "$index_after" = 1 ] && echo ", UNIQUE index built after") | $mbw s | $(fmt_int "$(per_s "$rows" "$mbw")") | $(mib "$(largest "$b_rss")") |$b_wall |"
    fi
    if [ "$do_a" = 1 ]; then
        mc=$(median "$c_wall")
        echo "| (c) provstat ingest, $month_units-district month ($(fmt_int $((month_units * inds))) rows) into (a)'s database | $mc s | $(fmt_int "$(per_s $((month_units * inds)) "$mc")") | $(mib "$(largest "$c_rss")") |$c_wall |"
    fi
    echo
    if [ "$do_a" = 1 ] && [ "$do_b" = 1 ]; then
        echo "- ratio a/b: $(awk -v a="$ma" -v b="$mbw" 'BEGIN { printf "%.2f", a / b }') (target <= 1.0); peak memory target < 100 MB (= 95.4 MiB); (c) target well under 1 s"
    fi
    if [ "$do_a" = 1 ]; then
        echo "- provstat said (last run of (a)): $(grep -h 'rows read' "$logs/a-$runs.log" | sed "s|^$work/||")$(grep -h 'more warnings' "$logs/a-$runs.log" | sed 's/^/; /')"
    fi
} | tee "$out"
echo "ingest.sh: written to $out" >&2
