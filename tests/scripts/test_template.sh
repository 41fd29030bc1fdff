#!/bin/sh
# test_template.sh PROVSTAT - templates and `status --missing` agree, and a
# filled template ingests as it is (SPEC §3 "Templates", §6; issue 12).
#
# On a database holding only the Quảng Ninh sample catalog:
#   1. for every reporter and a normal month (2016-05), a quarter-end month
#      (2016-06), January (2016-01) and December (2016-12, the yearly and
#      half-yearly indicators), plus 2020-01 (after Hoành Bồ's merger): the
#      template's rows (CSV and workbook) equal what `status --missing`
#      lists, and both equal the values due computed independently from the
#      catalog's files (tests/scripts/template_check.py); a reporter with
#      nothing due gets no template (exit 1) and nothing missing;
#   2. the workbook, read back with openpyxl: sheet, header under a title,
#      frozen header, protection without a password, codes, names and
#      references locked, value, status and note open, each value cell
#      validated by its indicator's range and decimals with the marks, the
#      status list, sized columns; in Vietnamese and in English;
#   3. an untouched template is refused ("the file holds no values",
#      exit 1) and not counted as received;
#   4. a template filled as an officer would (values, a '-', an 'x', a
#      status E with a note; header, byte-order mark and reference columns
#      kept) ingests without a warning and stores exactly its values (read
#      back with history); the 'x' row stays missing;
#   5. the next month's template and next year's carry those values as
#      references (prev_value, last_year_value); the English template
#      ingests too;
#   6. a plan template for 2017: flow and stock indicators only, measure
#      plan, last year's plan as reference.
# Prints one line per check and "N passed, M failed" last; exits 1 when a
# check failed.

. "$(dirname "$0")/lib.sh"
script_start template "$@"
need_sample
here=tests/scripts
py=
for c in python3 /usr/bin/python3; do
    if "$c" -c 'import openpyxl' 2>/dev/null; then
        py=$c
        break
    fi
done
if [ -z "$py" ]; then
    echo "test_template: needs Python 3 with openpyxl (Debian: apt-get install python3-openpyxl)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
unset PROVSTAT_LANG
PROVSTAT_DB=$tmp/t.db
export PROVSTAT_DB
cat_dir=$sample/catalog
tc() {
    "$py" "$here/template_check.py" "$@"
}
if ! "$ps" init --catalog "$cat_dir" >"$tmp/log" 2>&1; then
    fail "init" "$tmp/log"
    finish
fi

# --- 1. template rows = status --missing = the catalog's rule -----------------
reporters=$(tail -n +2 "$cat_dir/reporters.csv" | cut -d, -f1)
mkdir "$tmp/agree"
for p in 2016-05 2016-06 2016-01 2016-12 2020-01; do
    for r in $reporters; do
        f=$tmp/agree/$r@$p
        "$ps" status --period "$p" --missing --reporter "$r" --as-of 2016-01-01 --format csv >"$f.missing.csv"
        "$ps" template --reporter "$r" --period "$p" --out "$f.xlsx" >/dev/null 2>&1
        "$ps" template --reporter "$r" --period "$p" --out "$f.csv" >"$f.out" 2>"$f.err"
        echo $? >"$f.rc"
    done
done
tc agree "$cat_dir" "$tmp/agree" >"$tmp/agree.out" 2>&1
sed -n '/^FAIL/,$p' "$tmp/agree.out" | grep -v '^agree ' | head -40
set -- $(grep '^agree ' "$tmp/agree.out")
check_eq "every reporter and month: template = workbook = status --missing = the rule" "0" "${5:-none}"
# the sample has reporters with nothing due in some months (SNV is quarterly,
# Hoành Bồ's office reports nothing once its district is gone): both kinds met
if [ "${2:-0}" -gt 0 ] && [ "${3:-0}" -gt 300 ] && [ "${4:-0}" -gt 0 ]; then
    ok "${2} templates (${3} rows) and ${4} with nothing due"
else
    fail "templates met: ${2:-?} (${3:-?} rows), nothing due: ${4:-?}"
fi
# a reporter with nothing due says so
check_eq "nothing due: the message" \
    "provstat: nothing is due from SNV for 2016-05: no template written (its indicators are due in other periods, or its units are not valid then)" \
    "$(cat "$tmp/agree/SNV@2016-05.err")"
# the periods the frequencies give: GRDP's quarter in June only, POP's year
# and the rice half in December, STAFF_CUT's quarter in June
a=$tmp/agree
tc rows "$a/CTK@2016-06.csv" >"$tmp/ctk6"
tc rows "$a/CTK@2016-05.csv" >"$tmp/ctk5"
tc rows "$a/CCTK_195@2016-12.csv" >"$tmp/c12"
tc missing "$a/SNV@2016-06.missing.csv" >"$tmp/snv6"
if grep -qx '22,GRDP,2016-Q2' "$tmp/ctk6" && ! grep -q GRDP "$tmp/ctk5" && grep -qx '195,POP,2016' "$tmp/c12" &&
    grep -qx '195,RICE_AREA,2016-S2' "$tmp/c12" && grep -qx '22,STAFF_CUT,2016-Q2' "$tmp/snv6"; then
    ok "a quarterly value in June as 2016-Q2 (template and missing), none in May; POP 2016 and RICE_AREA 2016-S2 in December"
else
    fail "periods of the frequencies"
fi

# --- 2. the workbook ---------------------------------------------------------
for lang in vi en; do
    "$ps" template --reporter CTK --period 2016-06 --lang "$lang" --out "$tmp/w-$lang.xlsx" >/dev/null 2>&1
    tc xlsx "$tmp/w-$lang.xlsx" "$cat_dir" "$lang" >"$tmp/xl.out" 2>&1
    while IFS= read -r line; do
        case $line in
        "ok "*) ok "workbook $lang: ${line#ok }" ;;
        *) fail "workbook $lang: ${line#FAIL }" ;;
        esac
    done <"$tmp/xl.out"
    [ -s "$tmp/xl.out" ] || fail "workbook $lang: no checks ran"
done
# PROVSTAT_LANG=en gives an English document; the locale does not
PROVSTAT_LANG=en "$ps" template --reporter CTK --period 2016-06 --out "$tmp/env.csv" >/dev/null 2>&1
LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "$ps" template --reporter CTK --period 2016-06 --out "$tmp/loc.csv" >/dev/null 2>&1
check_eq "PROVSTAT_LANG=en: English headers" "unit,unit_name" "$(head -n 1 "$tmp/env.csv" | sed 's/^\xEF\xBB\xBF//' | cut -d, -f1,2)"
check_eq "an English locale: still Vietnamese" "Mã đơn vị,Tên đơn vị" "$(head -n 1 "$tmp/loc.csv" | sed 's/^\xEF\xBB\xBF//' | cut -d, -f1,2)"

# --- 3. an untouched template is refused ---------------------------------------
"$ps" template --reporter CCTK_193 --period 2016-07 --out "$tmp/blank.csv" >/dev/null 2>&1
if "$ps" ingest "$tmp/blank.csv" --reporter CCTK_193 --received 2016-08-10 >"$tmp/out" 2>"$tmp/err"; then
    rc=0
else
    rc=$?
fi
if [ "$rc" -eq 1 ] && grep -q "blank.csv: error: the file holds no values" "$tmp/err" &&
    ! grep -q warning "$tmp/err"; then
    ok "an untouched template: refused, the file holds no values (exit 1)"
else
    fail "an untouched template: rc=$rc" "$tmp/err"
fi
check_eq "an untouched template is not received" "CCTK_193,2016-07,7,0,7,0,0,0" \
    "$("$ps" status --period 2016-07 --format csv | grep '^CCTK_193,')"

# --- 4. a filled template stores exactly its values ---------------------------
tc fill "$tmp/blank.csv" "$tmp/filled.csv" "$cat_dir" >"$tmp/stored"
if "$ps" ingest "$tmp/filled.csv" --reporter CCTK_193 --received 2016-08-10 >"$tmp/out" 2>"$tmp/err" &&
    [ ! -s "$tmp/err" ]; then
    ok "a filled template ingests as it is, without a warning ($(cat "$tmp/out"))"
else
    fail "a filled template ingests" "$tmp/err"
fi
bad=0
while IFS=, read -r u x p v s note; do
    "$ps" history --unit "$u" --indicator "$x" --period "$p" --format csv >"$tmp/h.csv" 2>&1
    got=$("$py" -c '
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["current"] == "1"]
print(",".join([rows[0]["value"], rows[0]["status"]]) if len(rows) == 1 else "none")' "$tmp/h.csv")
    if [ "$got" != "$v,$s" ]; then
        bad=$((bad + 1))
        echo "$u $x $p: want $v,$s got $got" >>"$tmp/bad"
    fi
done <"$tmp/stored"
check_eq "every filled value stored exactly, with its status ($(wc -l <"$tmp/stored") values)" 0 "$bad"
[ "$bad" -eq 0 ] || cat "$tmp/bad"
# the note (history does not show notes: read the stored row itself)
notes=$("$py" -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = "select u.code, i.code, o.note from obs o join unit u on u.id = o.unit_id join indicator i on i.id = o.indicator_id where o.note != \"\""
print(";".join(",".join(r) for r in db.execute(q)))' "$PROVSTAT_DB")
check_eq "the note is kept with its value" "$(awk -F, '$6 != "" { print $1 "," $2 "," $6 }' "$tmp/stored")" "$notes"
xrow=$(tc rows "$tmp/filled.csv" | sed -n 3p)
"$ps" status --period 2016-07 --missing --reporter CCTK_193 --as-of 2016-08-10 --format csv >"$tmp/m.csv"
check_eq "the 'x' row alone is still missing" "$xrow" "$(tc missing "$tmp/m.csv")"

# --- 5. references: the previous period and the same period last year --------
"$ps" template --reporter CCTK_193 --period 2016-08 --out "$tmp/aug.csv" >/dev/null 2>&1
"$ps" template --reporter CCTK_193 --period 2017-07 --out "$tmp/next.xlsx" >/dev/null 2>&1
# stored: unit,indicator,2016-07,value -> the reference each template shows
awk -F, '{ print $1 "," $2 "," ($4 == "0" ? "-" : $4) }' "$tmp/stored" | sort >"$tmp/want.refs"
tc refs "$tmp/aug.csv" | awk -F, '$4 != "" { print $1 "," $2 "," $4 }' | sort >"$tmp/prev.refs"
tc refs "$tmp/next.xlsx" | awk -F, '$5 != "" { print $1 "," $2 "," $5 }' | sort >"$tmp/last.refs"
if cmp -s "$tmp/want.refs" "$tmp/prev.refs" && cmp -s "$tmp/want.refs" "$tmp/last.refs"; then
    ok "prev_value of 2016-08 and last_year_value of 2017-07 are the values stored for 2016-07 ('-' kept)"
else
    diff "$tmp/want.refs" "$tmp/prev.refs" >"$tmp/log" 2>&1
    diff "$tmp/want.refs" "$tmp/last.refs" >>"$tmp/log" 2>&1
    fail "references" "$tmp/log"
fi
# the English template of another office, filled and ingested
"$ps" template --reporter CCTK_194 --period 2016-07 --lang en --out "$tmp/en.csv" >/dev/null 2>&1
tc fill "$tmp/en.csv" "$tmp/en-filled.csv" "$cat_dir" >"$tmp/en-stored"
if "$ps" ingest "$tmp/en-filled.csv" --reporter CCTK_194 --received 2016-08-10 >"$tmp/out" 2>"$tmp/err" &&
    [ ! -s "$tmp/err" ] && grep -q "$(wc -l <"$tmp/en-stored") new" "$tmp/out"; then
    ok "an English template ingests as it is ($(cat "$tmp/out"))"
else
    fail "an English template ingests" "$tmp/err"
fi

# --- 6. the plan template -------------------------------------------------------
printf 'unit,indicator,period,measure,value\n193,RETAIL,2016,plan,21000\n193,POP,2016,plan,240.5\n' >"$tmp/plan16.csv"
"$ps" ingest "$tmp/plan16.csv" --reporter CCTK_193 --received 2016-01-15 >/dev/null 2>&1
if "$ps" template --reporter CCTK_193 --period 2017 --measure plan --out "$tmp/plan.csv" >"$tmp/out" 2>"$tmp/err"; then
    # flow and stock indicators of the office, in catalog order, measure plan
    want=$(awk -F, 'NR > 1 && ($6 == "flow" || $6 == "stock") { print $1 }' "$cat_dir/indicators.csv" |
        grep -xE 'RETAIL|NEW_ENTERPRISES|POP|RICE_AREA|PROC_FILES|PROC_FILES_ONTIME|DOCS_TOTAL|DOCS_ONLINE|DOCS_SIGNED' |
        awk '{ print "193," $1 ",2017" }' | sort)
    got=$(tc rows "$tmp/plan.csv" | sort)
    measures=$("$py" -c '
import csv, sys
print(" ".join(sorted({r[6] for r in list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))[1:]})))' "$tmp/plan.csv")
    refs=$(tc refs "$tmp/plan.csv" | awk -F, '$4 != "" { print $2 "=" $4 }' | sort | tr '\n' ' ')
    check_eq "plan template: the flow and stock indicators" "$want" "$got"
    check_eq "plan template: measure plan" "plan" "$measures"
    check_eq "plan template: last year's plan as reference" "POP=240.5 RETAIL=21000 " "$refs"
else
    fail "plan template" "$tmp/err"
fi
finish
