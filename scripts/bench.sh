#!/usr/bin/env bash
# Runs every benchmark and prints its figures: bundle size, then each bench/*.cpp natively
# and as WebAssembly under Node, then any bench/*.mjs (browser or peer comparisons).
# Budgets are printed beside the figures; nothing here fails on time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log "building benchmarks (native release)"
cmake -S "$YOUSAID_ROOT" -B "$YOUSAID_BUILD/native-release" -DCMAKE_BUILD_TYPE=Release \
  -DYOUSAID_BUILD_APP=OFF -DYOUSAID_BUILD_TESTS=OFF >/dev/null
cmake --build "$YOUSAID_BUILD/native-release" -j"$(nproc)" >/dev/null
log "building the web app and WebAssembly benchmarks"
bench_targets=()
for source in "$YOUSAID_ROOT"/bench/*.cpp; do bench_targets+=("$(basename "${source%.cpp}")"); done
build_web yousaid_app "${bench_targets[@]}" >/dev/null

# What each page downloads. The code (.wasm + .js) has its own budget per page: 450 KB gzip
# for a station tablet (app), 700 KB for the officer's page (officer), which a tablet never
# loads; the fonts and surveys (.data) come on top, once.
bundle_size() {
  local page=$1 html=$2 budget=$3 total_raw=0 total_gzip=0 code_gzip=0
  echo "== bundle size: $html (code budget: ${budget} KB gzip)"
  for file in "$page.wasm" "$page.js" "$page.data" "$html"; do
    path="$YOUSAID_BUILD/wasm/web/$file"
    [ -f "$path" ] || continue
    raw=$(stat -c %s "$path")
    gz=$(gzip -9 -c "$path" | wc -c)
    total_raw=$((total_raw + raw))
    total_gzip=$((total_gzip + gz))
    case "$file" in *.wasm|*.js) code_gzip=$((code_gzip + gz)) ;; esac
    printf '  %-14s %9d bytes  %9d gzip\n' "$file" "$raw" "$gz"
  done
  printf '  %-14s %9d bytes  %9d gzip\n' total "$total_raw" "$total_gzip"
  # KB here is 1,024 bytes, as the budgets were counted.
  printf '  %-14s %9d gzip (%d KB; budget %d KB = %d bytes)\n' "code" "$code_gzip" $((code_gzip / 1024)) "$budget" $((budget * 1024))
}
bundle_size app index.html 450
bundle_size officer officer.html 700

for name in "${bench_targets[@]}"; do
  echo "== $name (native)"
  (cd "$YOUSAID_ROOT" && "$YOUSAID_BUILD/native-release/$name")
  echo "== $name (WebAssembly, Node)"
  (cd "$YOUSAID_ROOT" && node --no-experimental-fetch "$YOUSAID_BUILD/wasm/$name.js")
done

for script in "$YOUSAID_ROOT"/bench/*.mjs; do
  [ -f "$script" ] || continue
  echo "== $(basename "$script")"
  (cd "$YOUSAID_ROOT" && YOUSAID_WEB_DIR="$YOUSAID_BUILD/wasm/web" node "$script")
done

# Peers in Python (e.g. pandas): Debian's packages are for /usr/bin/python3, not a pyenv
# python3 on PATH. They read what the C++ benchmarks above wrote to /tmp.
for script in "$YOUSAID_ROOT"/bench/*.py; do
  [ -f "$script" ] || continue
  echo "== $(basename "$script")"
  (cd "$YOUSAID_ROOT" && /usr/bin/python3 "$script") || echo "  ($(basename "$script") reported a problem)"
done
