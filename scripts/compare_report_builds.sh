#!/usr/bin/env bash
# Runs the README's demo report with two builds of the report tool and checks that every
# file they write is byte-identical. Usage: compare_report_builds.sh "NATIVE CMD" "OTHER CMD"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
demo_report() {
  $1 --survey assets/surveys/pupil.json \
    --responses assets/demo/pupil_responses_2024.csv assets/demo/pupil_responses_2025.csv \
    --population assets/demo/population.csv --kpis assets/demo/kpis.csv \
    --by school --by year_group --by send_status --by school,year_group --out "$2" ${3:+--themes "$3"} >/dev/null 2>&1
}
status=0
# The README's demo, then the same with the officer's comment themes (comment_themes.csv).
for themes in "" tests/fixtures/report_demo/themes.json; do
  demo_report "$1" "$out/first" "$themes"
  demo_report "$2" "$out/second" "$themes"
  files=$(cd "$out/first" && ls)
  [ -n "$files" ] || { echo "the first build wrote no files"; exit 1; }
  for file in $files; do
    if cmp -s "$out/first/$file" "$out/second/$file"; then
      echo "${themes:+with themes: }$file: identical ($(wc -c <"$out/first/$file") bytes)"
    else
      echo "${themes:+with themes: }$file: DIFFERS at $(cmp "$out/first/$file" "$out/second/$file" 2>&1 | head -1)"
      status=1
    fi
  done
  [ "$(cd "$out/second" && ls)" = "$files" ] || { echo "the two builds wrote different sets of files"; status=1; }
  rm -rf "$out/first" "$out/second"
done
exit $status
