#!/usr/bin/env bash
# Runs the README's demo report with two builds of the report tool and checks that every
# file they write is byte-identical, then the same with the demo comment themes (--themes:
# comment_themes.csv) and with the demo action list (--actions: the
# KPI row, actions.csv and the posters). Usage: compare_report_builds.sh "NATIVE CMD" "OTHER CMD"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
demo_report() {
  $1 --survey assets/surveys/pupil.json \
    --responses assets/demo/pupil_responses_2024.csv assets/demo/pupil_responses_2025.csv \
    --population assets/demo/population.csv --kpis assets/demo/kpis.csv \
    --by school --by year_group --by send_status --by school,year_group --out "$2" $3 >/dev/null 2>&1
}
status=0
compare() {  # compare LABEL EXTRA-OPTIONS
  demo_report "$NATIVE" "$out/first$1" "$2"
  demo_report "$OTHER" "$out/second$1" "$2"
  local files
  files=$(cd "$out/first$1" && ls)
  [ -n "$files" ] || { echo "the first build wrote no files"; exit 1; }
  for file in $files; do
    if cmp -s "$out/first$1/$file" "$out/second$1/$file"; then
      echo "$file$1: identical ($(wc -c <"$out/first$1/$file") bytes)"
    else
      echo "$file$1: DIFFERS at $(cmp "$out/first$1/$file" "$out/second$1/$file" 2>&1 | head -1)"
      status=1
    fi
  done
  [ "$(cd "$out/second$1" && ls)" = "$files" ] || { echo "the two builds wrote different sets of files$1"; status=1; }
}
NATIVE=$1
OTHER=$2
compare "" ""
compare " (with --themes)" "--themes tests/fixtures/report_demo/themes.json"
compare " (with --actions)" "--actions assets/demo/you_said_we_did.json"
exit $status
