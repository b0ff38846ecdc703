#!/usr/bin/env bash
# Runs every test layer and ends with one line "N passed, M failed" across all of them.
# Called by `scripts/yousaid test` after setup; exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

logs="$YOUSAID_BUILD/test-logs"
mkdir -p "$logs"
total_passed=0
total_failed=0
layer_lines=()

# Each layer's time (build included) is shown beside its counts: SECONDS since it began.
layer_started=$SECONDS
# record LAYER PASSED FAILED
record() {
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  layer_lines+=("$(printf '%-28s %4d passed, %d failed  (%d s)' "$1" "$2" "$3" $((SECONDS - layer_started)))")
  layer_started=$SECONDS
}

# doctest prints "[doctest] test cases: 12 | 12 passed | 0 failed | 0 skipped".
record_doctest() {
  local layer=$1 log=$2 status=$3 line passed failed
  line=$(grep -a "test cases:" "$log" | tail -1)
  if [ -z "$line" ]; then
    record "$layer" 0 1
    log "$layer: no doctest summary (exit $status); see $log"
    return
  fi
  passed=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line")
  failed=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  # A crash after the summary still fails the layer.
  if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
  record "$layer" "$passed" "$failed"
}

log "1/4 unit tests, native (g++)"
if cmake -S "$YOUSAID_ROOT" -B "$YOUSAID_BUILD/native" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
     -DYOUSAID_BUILD_APP=ON -DYOUSAID_IMGUI_DIR="$YOUSAID_IMGUI_DIR" >"$logs/native-configure.log" 2>&1 &&
   cmake --build "$YOUSAID_BUILD/native" -j"$(nproc)" >"$logs/native-build.log" 2>&1; then
  (cd "$YOUSAID_ROOT" && "$YOUSAID_BUILD/native/yousaid_tests" --no-colors) 2>&1 | tee "$logs/native-tests.log"
  record_doctest "unit tests (native)" "$logs/native-tests.log" "${PIPESTATUS[0]}"
else
  tail -n 40 "$logs/native-configure.log" "$logs/native-build.log"
  record "unit tests (native): build" 0 1
fi

log "2/4 unit tests, WebAssembly (em++ under Node)"
if build_web yousaid_tests yousaid_app yousaid_report >"$logs/wasm-build.log" 2>&1; then
  (cd "$YOUSAID_ROOT" && node --no-experimental-fetch "$YOUSAID_BUILD/wasm/yousaid_tests.js" --no-colors) 2>&1 |
    tee "$logs/wasm-tests.log"
  record_doctest "unit tests (wasm, Node)" "$logs/wasm-tests.log" "${PIPESTATUS[0]}"
  # The officer's downloads in the browser must be the files the CLI writes: the README's demo
  # report from the WebAssembly engine under Node, byte for byte against the native one.
  if bash "$YOUSAID_ROOT/scripts/compare_report_builds.sh" "$YOUSAID_BUILD/native/yousaid_report" \
       "node --no-experimental-fetch $YOUSAID_BUILD/wasm/yousaid_report.js" >"$logs/report-bytes.log" 2>&1; then
    record "report files (wasm = native)" 1 0
  else
    cat "$logs/report-bytes.log"
    record "report files (wasm = native)" 0 1
  fi
else
  tail -n 40 "$logs/wasm-build.log"
  record "unit tests (wasm): build" 0 1
fi

# Short runs add up: the corpus each run grows is kept in the cache, outside the repository,
# so every later run (a fresh clone too) starts from everything found before.
fuzz_seconds=${YOUSAID_FUZZ_SECONDS:-6}
log "3/4 fuzzing every parser (libFuzzer with ASan and UBSan, $fuzz_seconds s each, corpus in $YOUSAID_CACHE/fuzz-corpus)"
if cmake -S "$YOUSAID_ROOT" -B "$YOUSAID_BUILD/fuzz" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
     -DCMAKE_BUILD_TYPE=RelWithDebInfo -DYOUSAID_BUILD_FUZZERS=ON -DYOUSAID_BUILD_TESTS=OFF \
     -DYOUSAID_BUILD_TOOLS=OFF -DYOUSAID_BUILD_BENCH=OFF -DYOUSAID_BUILD_APP=OFF >"$logs/fuzz-configure.log" 2>&1 &&
   cmake --build "$YOUSAID_BUILD/fuzz" -j"$(nproc)" >"$logs/fuzz-build.log" 2>&1; then
  # One fuzzer per core at a time: each still gets a whole core for its time.
  run_fuzzer() {
    local name=$1 corpus="$YOUSAID_CACHE/fuzz-corpus/$1" seeds=()
    mkdir -p "$corpus"
    [ -d "$YOUSAID_ROOT/fuzz/seeds/$name" ] && seeds=("$YOUSAID_ROOT/fuzz/seeds/$name")
    (cd "$YOUSAID_BUILD/fuzz" && "./$name" -max_total_time="$fuzz_seconds" -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 "$corpus" "${seeds[@]}") >"$logs/fuzz-$name.log" 2>&1
    echo $? >"$logs/fuzz-$name.status"
  }
  fuzzers=()
  for source in "$YOUSAID_ROOT"/fuzz/*.cpp; do fuzzers+=("$(basename "${source%.cpp}")"); done
  for name in "${fuzzers[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n; done
    rm -f "$logs/fuzz-$name.status"
    run_fuzzer "$name" &
  done
  wait
  fuzz_passed=0
  fuzz_failed=0
  for name in "${fuzzers[@]}"; do
    if [ "$(cat "$logs/fuzz-$name.status" 2>/dev/null)" = 0 ]; then
      fuzz_passed=$((fuzz_passed + 1))
      echo "  $name: $(grep -a -m1 'stat::number_of_executed_units' "$logs/fuzz-$name.log" | awk '{print $2}') runs, no crash"
    else
      fuzz_failed=$((fuzz_failed + 1))
      echo "  $name: FAILED (see $logs/fuzz-$name.log)"
      grep -a -m5 -E "ERROR|runtime error|Test unit written" "$logs/fuzz-$name.log" || true
    fi
  done
  record "fuzzers (libFuzzer)" "$fuzz_passed" "$fuzz_failed"
else
  tail -n 30 "$logs/fuzz-configure.log" "$logs/fuzz-build.log"
  record "fuzzers: build" 0 1
fi

log "4/4 browser tests (Playwright + Chromium, 1024x768 touch, DPR 2)"
if [ -f "$YOUSAID_BUILD/wasm/web/app.wasm" ]; then
  # Two test files at a time, longest first (tests/browser/run.mjs says why).
  (cd "$YOUSAID_ROOT" && YOUSAID_WEB_DIR="$YOUSAID_BUILD/wasm/web" YOUSAID_ARTIFACTS="$YOUSAID_BUILD/test-artifacts" \
     node tests/browser/run.mjs) 2>&1 | tee "$logs/browser-tests.log"
  status=${PIPESTATUS[0]}
  passed=$(grep -aE '^ℹ pass [0-9]+' "$logs/browser-tests.log" | tail -1 | awk '{print $3}')
  failed=$(grep -aE '^ℹ fail [0-9]+' "$logs/browser-tests.log" | tail -1 | awk '{print $3}')
  passed=${passed:-0}
  failed=${failed:-1}
  if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
  record "browser tests (Chromium)" "$passed" "$failed"
else
  record "browser tests: no web build" 0 1
fi

echo
for line in "${layer_lines[@]}"; do echo "  $line"; done
echo "  all layers took $SECONDS s"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" = 0 ] && [ "$total_passed" -gt 0 ]
