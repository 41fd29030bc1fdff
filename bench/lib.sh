# lib.sh - what rollup.sh, report.sh and export.sh share. Source it after
# setting here (bench/), then call bench_start.

now() { date +%s%N; }

# bench_start NAME DEFAULT-SIZE ARGS...: the options every query benchmark
# takes ([-n RUNS] [--size U,I]); sets root, runs, size, units, inds, work
# (WORK or bench/work), ps (PROVSTAT or build/provstat), checks the tools
# and makes the data set (national_data: data, db, plain).
bench_start() {
    _b=$1
    size=$2
    shift 2
    root=$(dirname "$here")
    runs=3
    work=${WORK:-$here/work}
    ps=${PROVSTAT:-$root/build/provstat}
    while [ $# -gt 0 ]; do
        case $1 in
        -n) runs=$2; shift 2 ;;
        --size) size=$2; shift 2 ;;
        *) echo "usage: bench/$_b.sh [-n RUNS] [--size U,I]" >&2; exit 2 ;;
        esac
    done
    need_tools "$_b.sh"
    units=${size%,*}
    inds=${size#*,}
    national_data "$units" "$inds"
}

# median N...: the middle value (the lower middle of an even count)
median() { echo "$@" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# need_tools NAME: stops unless GNU time and the sqlite3 shell are there
need_tools() {
    [ -x /usr/bin/time ] || { echo "$1 needs GNU time: apt-get install time" >&2; exit 1; }
    command -v sqlite3 >/dev/null || { echo "$1 needs the sqlite3 shell: apt-get install sqlite3" >&2; exit 1; }
}

# national_data UNITS INDICATORS: the 24-month data set (2015-01..2016-12) in
# $work/rollup-U-I/, its provstat database and the plain sqlite3 table t,
# made once and not timed. Sets data, db and plain.
national_data() {
    mkdir -p "$work"
    gen=$work/gen_national
    [ -x "$gen" ] && [ "$gen" -nt "$here/gen_national.c" ] || cc -O2 -o "$gen" "$here/gen_national.c" -lm
    data=$work/rollup-$1-$2
    [ -f "$data/data.csv" ] || "$gen" "$data" "$1" "$2" 24 2015-01 >/dev/null
    db=$data/provstat.db
    plain=$data/plain.db
    if [ ! -f "$db" ]; then
        "$ps" --db "$db" init --catalog "$data/catalog" >/dev/null
        "$ps" --db "$db" ingest "$data/data.csv" --reporter NSO --received 2017-01-15 >/dev/null 2>&1 || {
            rc=$?
            # 1: some rows got warnings or were refused; the data are in
            [ $rc -eq 1 ] || { echo "bench: ingest failed ($rc)" >&2; rm -f "$db"; exit 1; }
        }
    fi
    if [ ! -f "$plain" ]; then
        sqlite3 "$plain" <<SQL
CREATE TABLE t(unit TEXT, indicator TEXT, period TEXT, value REAL, status TEXT);
CREATE UNIQUE INDEX t_key ON t(unit, indicator, period);
.import --csv --skip 1 $data/data.csv t
SQL
    fi
}

# stale DB: what an ingest does to the roll-ups provstat keeps (store/rollup.h):
# bumps the data generation, so the next command computes everything again.
# Untimed; it stands for "the first report after new data came in".
stale() { sqlite3 "$1" "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"; }

# timed NAME COMMAND...: runs COMMAND (its output goes where the caller
# redirects), appends its wall time in ms to t_NAME and keeps the largest
# peak RSS (KiB) in m_NAME
timed() {
    _n=$1
    shift
    _s=$(now)
    /usr/bin/time -f %M -o "$work/rss" "$@"
    _e=$(now)
    eval "t_$_n=\"\${t_$_n:-} $(((_e - _s) / 1000000))\""
    _m=$(cat "$work/rss")
    eval "[ \"$_m\" -gt \"\${m_$_n:-0}\" ] && m_$_n=$_m || :"
}

# table_head: the machine line (load average then and now; the caller set
# load_before before its runs) and the head of the table of rows
table_head() {
    echo "- machine: $(nproc) cores; load average before/after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| measurement | median wall | peak RSS | runs (ms) |"
    echo "|---|---:|---:|---|"
}

# row NAME LABEL: a table row "| LABEL | median ms | peak MiB | runs |" for NAME
row() {
    eval "_t=\$t_$1; _m=\${m_$1:-0}"
    echo "| $2 | $(median $_t) ms | $((_m / 1024)) MiB |$_t |"
}

# source_tree: the provstat version and the git revision measured
source_tree() {
    echo "$("$ps" --version 2>/dev/null | head -1), source tree $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
}
