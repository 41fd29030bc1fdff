#!/bin/sh
# test_export_coverage.sh PROVSTAT - a long export whose rows have coverage
# below 1 comes back from ingest as it was (SPEC §5: "a value ingested from
# a long export row whose coverage is below 1 keeps that coverage (shown as
# given, flagged incomplete and incomplete-source), so that export ->
# ingest -> export gives the same rows").
#
# On a catalog of its own (a province 22 of three districts), database A
# holds RETAIL for June and July 2016 of districts 193 and 196 and for June
# only of 197: the province's July has coverage 2/3, and the year-to-dates
# to July have coverage below 1 everywhere. For the month and the
# year-to-date, A's long export is ingested into a fresh database B by a
# reporter of the whole province and exported again:
# - every row of B's export equals A's byte for byte, except that a row
#   with coverage below 1 adds the flag incomplete-source (A's flags
#   followed by ";incomplete-source": the word comes last);
# - there are such rows (the province's, with coverage 2/3 for the month);
# - B's export, ingested into a third database C and exported again, is
#   byte for byte B's.
# Prints one line per check and "N passed, M failed" last; exits 1 when a
# check failed.

. "$(dirname "$0")/lib.sh"
script_start export_coverage "$@"
unset PROVSTAT_DB

cat_dir=$tmp/catalog
mkdir "$cat_dir"
cat >"$cat_dir/units.csv" <<'EOF'
code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor
22,Quảng Ninh,Quang Ninh,province,tỉnh,,,,
193,"Thành phố Hạ Long, tỉnh",Ha Long City,district,thành phố,22,,,
196,Thành phố Uông Bí,Uong Bi City,district,thành phố,22,,,
197,Thành phố Móng Cái,Mong Cai City,district,thành phố,22,,,
EOF
cat >"$cat_dir/indicators.csv" <<'EOF'
code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,formula,order,group,frequency,key
RETAIL,Bán lẻ,Retail sales,tỷ đồng,bn VND,flow,sum,sum,1,0,,,1,Thương mại,month,1
EOF
cat >"$cat_dir/reporters.csv" <<'EOF'
code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day
CTK,Cục Thống kê,PSO,22,*,district,25
NSO,Tổng cục,National office,22,*,,20
EOF
cat >"$tmp/data.csv" <<'EOF'
unit,indicator,period,value,status
193,RETAIL,2016-06,10.1,A
196,RETAIL,2016-06,5.3,A
197,RETAIL,2016-06,2.2,A
193,RETAIL,2016-07,10.7,E
196,RETAIL,2016-07,5.6,A
EOF

# db NAME: a fresh database of the catalog; false (with the log) when not
db() {
    "$ps" --db "$tmp/$1.db" init --catalog "$cat_dir" >"$tmp/log" 2>&1
}

if db a && "$ps" --db "$tmp/a.db" ingest "$tmp/data.csv" --reporter CTK --received 2016-08-10 >"$tmp/log" 2>&1; then
    ok "database A"
else
    fail "database A" "$tmp/log"
    finish
fi

for period in 2016-07 2016-YTD07; do
    ea=$tmp/a-$period.csv eb=$tmp/b-$period.csv ec=$tmp/c-$period.csv
    if ! "$ps" --db "$tmp/a.db" export --period "$period" --format long --out "$ea" >"$tmp/log" 2>&1; then
        fail "$period: export from A" "$tmp/log"
        continue
    fi
    # the rows of coverage below 1 (field 10; no field before it holds a
    # comma except the quoted name of 193, which the first sed unquotes)
    low=$(tail -n +2 "$ea" | sed 's/"[^"]*"/name/' | awk -F, '$10 != 1' | wc -l)
    if [ "$low" -lt 1 ]; then
        fail "$period: A's export has no row with coverage below 1" "$ea"
        continue
    fi
    if ! db "b-$period" ||
        ! "$ps" --db "$tmp/b-$period.db" ingest "$ea" --reporter NSO --received 2016-08-20 >"$tmp/log" 2>&1 ||
        ! "$ps" --db "$tmp/b-$period.db" export --period "$period" --format long --out "$eb" >"$tmp/log" 2>&1; then
        fail "$period: A's export into B and out again" "$tmp/log"
        continue
    fi
    # A's rows as B must give them: incomplete-source added where coverage < 1
    awk -F, 'NR > 1 { line = $0; gsub(/"[^"]*"/, "name", line); split(line, f, ",")
                      if (f[10] != 1) $0 = $0 ";incomplete-source" } { print }' "$ea" >"$ea.want"
    if cmp -s "$ea.want" "$eb"; then
        ok "$period: $low rows with coverage below 1 come back as given, flagged incomplete-source"
    else
        diff "$ea.want" "$eb" >"$tmp/diff"
        fail "$period: B's export differs (< A's with incomplete-source, > B's)" "$tmp/diff"
    fi
    if [ "$period" = 2016-07 ]; then
        if grep -q '^22,.*,2016-07,actual,[0-9.]*,E,0\.6666666666666666,incomplete;estimate;incomplete-source$' "$eb"; then
            ok "$period: the province's July: coverage 2/3, flagged"
        else
            fail "$period: the province's July is not there with coverage 2/3" "$eb"
        fi
    fi
    if db "c-$period" &&
        "$ps" --db "$tmp/c-$period.db" ingest "$eb" --reporter NSO --received 2016-08-21 >"$tmp/log" 2>&1 &&
        "$ps" --db "$tmp/c-$period.db" export --period "$period" --format long --out "$ec" >"$tmp/log" 2>&1 &&
        cmp -s "$eb" "$ec"; then
        ok "$period: B's export through a third database is byte for byte B's"
    else
        [ -f "$ec" ] && diff "$eb" "$ec" >"$tmp/log"
        fail "$period: B's export through a third database" "$tmp/log"
    fi
done

finish
