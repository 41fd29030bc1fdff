#!/bin/sh
# run-sample.sh PROVSTAT - the Quảng Ninh sample pipeline: a fresh database
# from the catalog, every submission of the manifest in order, who has
# reported for July 2016, the province's figures with their comparisons,
# and the July 2016 report workbook. Everything goes to build/sample/.
set -eu
cd "$(dirname "$0")/.."
ps=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sample=samples/quang-ninh
out=build/sample
mkdir -p "$out"
db=$out/quang-ninh.db
sh scripts/load-sample.sh "$ps" "$db"
"$ps" --db "$db" catalog units
"$ps" --db "$db" status --period 2016-07
"$ps" --db "$db" history --unit 22 --indicator BUDGET_REV_DOM --period 2016-06
"$ps" --db "$db" show --period 2016-07 --unit 22
"$ps" --db "$db" check --period 2016-07
"$ps" --db "$db" export --period 2016-07 --format long --out "$out/quang-ninh-2016-07.csv"
# the form Hạ Long's district office fills for August 2016 (SPEC §3 Templates)
"$ps" --db "$db" template --reporter CCTK_193 --period 2016-08 --out "$out/CCTK_193-2016-08-template.xlsx"
echo "database: $(pwd)/$db"
"$ps" --db "$db" report --period 2016-07 --out "$out/quang-ninh-2016-07.xlsx" >/dev/null
echo "report: $(pwd)/$out/quang-ninh-2016-07.xlsx"
