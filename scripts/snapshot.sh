#!/usr/bin/env bash
# Every output the tool writes for a set of plans, into one folder, so that two checkouts
# can be compared with `diff -r` (a refactoring must not change a byte):
#
#   bash scripts/snapshot.sh OUT [CORPUS ...]      # default CORPUS: orgs
#
# Run it from the checkout to measure (it uses that checkout's .venv/bin/staffing), once
# before a change and once after, with the same CORPUS paths, then `diff -r OUT1 OUT2`.
# A large corpus comes from `staffing generate --towns 2000 --seed 1 DIR` (give it an
# absolute path outside both checkouts, so both show it the same way).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="$1"; shift
CORPORA=("${@:-orgs}")
S=.venv/bin/staffing
mkdir -p "$OUT"
rm -rf "$OUT"/*
n=0
for corpus in "${CORPORA[@]}"; do
  n=$((n + 1)); c="c$n"
  for lang in zh en; do
    for fmt in text json sarif junit github; do
      $S check --no-cache --format "$fmt" --lang "$lang" "$corpus" >"$OUT/$c.$fmt.$lang" 2>"$OUT/$c.$fmt.$lang.err"
      echo "exit $?" >>"$OUT/$c.$fmt.$lang.err"
    done
    $S check --no-cache --strict --lang "$lang" "$corpus" >"$OUT/$c.strict.$lang" 2>&1; echo "exit $?" >>"$OUT/$c.strict.$lang"
    $S check --no-cache --explain-roles --lang "$lang" "$corpus" >"$OUT/$c.roles.$lang" 2>&1; echo "exit $?" >>"$OUT/$c.roles.$lang"
    cache=$(mktemp -d)
    $S check --cache-dir "$cache" --format json --lang "$lang" "$corpus" >"$OUT/$c.cold.$lang" 2>&1; echo "exit $?" >>"$OUT/$c.cold.$lang"
    $S check --cache-dir "$cache" --format json --lang "$lang" "$corpus" >"$OUT/$c.warm.$lang" 2>&1; echo "exit $?" >>"$OUT/$c.warm.$lang"
    $S check --cache-dir "$cache" --lang "$lang" "$corpus" >"$OUT/$c.warm-text.$lang" 2>&1; echo "exit $?" >>"$OUT/$c.warm-text.$lang"
    rm -rf "$cache"
    files=$(mktemp -d)
    $S check --no-cache --lang "$lang" --output "csv=$files/s.csv" --output "xlsx=$files/s.xlsx" "$corpus" >/dev/null 2>&1
    cp "$files/s.csv" "$OUT/$c.summary.$lang.csv" 2>/dev/null
    # a workbook is a zip with times in it: compare what it holds
    .venv/bin/python - "$files/s.xlsx" >"$OUT/$c.summary.$lang.xlsx.txt" 2>&1 <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print("==", ws.title, ws.dimensions, ws.page_setup.orientation, ws.print_title_rows)
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                print(c.coordinate, repr(c.value), c.number_format, c.font.b, c.alignment.horizontal)
PY
    rm -rf "$files"
  done
done
# charts, reports, render and diff on the shipped examples
charts=/tmp/staffing-snapshot-charts
rm -rf "$charts"; mkdir -p "$charts"
$S check --no-cache --charts "$charts" orgs >"$OUT/charts.out" 2>&1; echo "exit $?" >>"$OUT/charts.out"
(cd "$charts" && sha256sum *.svg) >"$OUT/charts.sha256"
rm -rf "$charts"
for lang in zh en; do
  # written at a fixed path, since the command says where it wrote
  $S report --lang "$lang" orgs -o "/tmp/staffing-snapshot-report.html" >"$OUT/report.$lang.out" 2>&1; echo "exit $?" >>"$OUT/report.$lang.out"
  mv /tmp/staffing-snapshot-report.html "$OUT/report.$lang.html"
  $S report --lang "$lang" orgs/jiangsu/suzhou/kunshan/zhangpu.yaml -o "/tmp/staffing-snapshot-report.html" >/dev/null 2>&1
  mv /tmp/staffing-snapshot-report.html "$OUT/report-zhangpu.$lang.html"
done
for plan in $(find orgs -name '*.yaml' | sort); do
  name=$(basename "$plan" .yaml)
  $S render "$plan" -o "$OUT/render-$name.svg" >/dev/null 2>&1
  $S render --compare "$plan" -o "$OUT/render-compare-$name.svg" >/dev/null 2>&1
done
$S render orgs/jiangsu/zhenjiang/jurong/xiashu.yaml orgs/jiangsu/suzhou/kunshan/zhangpu.yaml -o "$OUT/render-versions.svg" >/dev/null 2>&1
# a second version of a plan: one body renamed, one quota raised
versions=/tmp/staffing-snapshot-versions
rm -rf "$versions"; mkdir -p "$versions"
sed -e 's/经济发展局/经济发展和招商局/' -e '0,/administrative: \([0-9]*\)/s//administrative: 99/' \
  orgs/jiangsu/suzhou/kunshan/zhangpu.yaml >"$versions/zhangpu-v2.yaml"
for lang in zh en; do
  for fmt in text json; do
    $S diff --lang "$lang" --format "$fmt" orgs/jiangsu/suzhou/kunshan/zhangpu.yaml "$versions/zhangpu-v2.yaml" >"$OUT/diff.$fmt.$lang" 2>&1; echo "exit $?" >>"$OUT/diff.$fmt.$lang"
    $S diff --force --lang "$lang" --format "$fmt" orgs/jiangsu/taizhou/taixing/hongqiao.yaml orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml >"$OUT/diff2.$fmt.$lang" 2>&1; echo "exit $?" >>"$OUT/diff2.$fmt.$lang"
  done
done
$S render orgs/jiangsu/suzhou/kunshan/zhangpu.yaml "$versions/zhangpu-v2.yaml" -o "$OUT/render-versions2.svg" >/dev/null 2>&1
rm -rf "$versions"
# the report's date is today's: the same on both sides of a comparison made on one day
echo "snapshot of $(ls "$OUT" | wc -l) outputs in $OUT"
