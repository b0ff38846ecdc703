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

echo "== bundle size (budget: under 1.5 MB gzip for everything a first visit downloads)"
total_raw=0
total_gzip=0
for file in app.wasm app.js app.data index.html; do
  path="$YOUSAID_BUILD/wasm/web/$file"
  [ -f "$path" ] || continue
  raw=$(stat -c %s "$path")
  gz=$(gzip -9 -c "$path" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  printf '  %-12s %9d bytes  %9d gzip\n' "$file" "$raw" "$gz"
done
printf '  %-12s %9d bytes  %9d gzip\n' total "$total_raw" "$total_gzip"

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
