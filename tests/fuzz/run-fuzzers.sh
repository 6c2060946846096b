#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang, ASan, UBSan; incremental) and
#  1. runs every saved regression input once (tests/fuzz/regressions/<target>/: inputs that once
#     crashed a target and must never again), then
#  2. fuzzes each target for FO_FUZZ_SECONDS seconds (default 30) on a COPY of its seed corpus
#     (tests/fuzz/corpus/<target>/), so that CI never grows the committed corpus.
# Crash inputs go to build-fuzz/artifacts/<target>/. Exits 1 when any target crashed.
#
# In CI (CI=true) each target instead makes a fixed number of runs from a fixed seed
# (FO_FUZZ_SEED, default 1): the same inputs on every machine, so a run that passed here passes
# there, and a crash the fuzzer finds is a bug to fix here, never a random red CI. Longer fuzzing
# with fresh seeds is for developers:
# FO_FUZZ_SECONDS=600 bash tests/fuzz/run-fuzzers.sh       fuzz longer (random seed)
# FO_FUZZ_TARGETS="paste html_export" bash tests/fuzz/...  only some targets
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD=${FO_FUZZ_BUILD_DIR:-build-fuzz}
SECONDS_EACH=${FO_FUZZ_SECONDS:-30}
DETERMINISTIC=${FO_FUZZ_DETERMINISTIC:-${CI:-}}
SEED=${FO_FUZZ_SEED:-1}
# Runs per target in the deterministic mode: each about 30 s on the 2-core machine.
runs_for() {
  case $1 in
    markdown_import) echo 5000 ;;
    plaintext_import) echo 20000 ;;
    paste) echo 5000 ;;
    html_export) echo 20000 ;;
    library_open) echo 20000 ;;
    *) echo 5000 ;;
  esac
}
TARGETS=${FO_FUZZ_TARGETS:-"markdown_import plaintext_import paste html_export library_open"}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
FUZZ_DIR=tests/fuzz

CLANG_CC=${CC_FUZZ:-clang-14}
CLANG_CXX=${CXX_FUZZ:-clang++-14}
if [ ! -f "$BUILD/build.ninja" ]; then
  CC=$CLANG_CC CXX=$CLANG_CXX cmake -S . -B "$BUILD" -G Ninja -DFO_FUZZ=ON -DBUILD_TESTING=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo || exit 1
fi
build_start=$(date +%s)
cmake --build "$BUILD" -j "$JOBS" || exit 1
echo "fuzz: build took $(( $(date +%s) - build_start )) s"

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

dict_for() {
  case $1 in
    markdown_import | html_export) echo "$FUZZ_DIR/markdown.dict" ;;
    plaintext_import) echo "$FUZZ_DIR/plaintext.dict" ;;
    paste) echo "$FUZZ_DIR/html.dict" ;;
  esac
}

# The first report of a crash (a stack overflow repeats its frames thousands of times).
show_crash() {
  grep -m1 -B2 -A30 -E '^==[0-9]+==ERROR|^fuzz: |runtime error|^SUMMARY' "$1" || tail -n 40 "$1"
  grep -E '^Running: ' "$1" | tail -n 1
}

failed=()
for target in $TARGETS; do
  exe="$BUILD/bin/fuzz_$target"
  artifacts="$BUILD/artifacts/$target"
  work="$BUILD/fuzz-corpus/$target"
  mkdir -p "$artifacts"
  common=(-rss_limit_mb=2048 "-artifact_prefix=$artifacts/")
  dict=$(dict_for "$target")
  [ -n "$dict" ] && common+=("-dict=$dict")

  regressions=("$FUZZ_DIR/regressions/$target"/*)
  if [ -e "${regressions[0]}" ]; then
    echo "fuzz: $target: ${#regressions[@]} regression input(s)"
    # Some are 20,000-deep nestings, slow under ASan by nature: a longer time limit for those.
    if ! "$exe" "${common[@]}" -timeout=60 "${regressions[@]}" >"$artifacts/regressions.log" 2>&1; then
      show_crash "$artifacts/regressions.log"
      echo "fuzz: $target: a regression input crashes it again (log: $artifacts/regressions.log)"
      failed+=("$target (regression)")
      continue
    fi
  fi

  rm -rf "$work" && mkdir -p "$work"
  cp -r "$FUZZ_DIR/corpus/$target/." "$work/"
  if [ -n "$DETERMINISTIC" ]; then
    # A generous time cap only as a safety net; the run count is what bounds it.
    budget=(-seed="$SEED" -runs="$(runs_for "$target")" -max_total_time=300)
    echo "fuzz: $target: $(runs_for "$target") runs from seed $SEED"
  else
    budget=(-max_total_time="$SECONDS_EACH")
    echo "fuzz: $target: fuzzing for $SECONDS_EACH s"
  fi
  if ! "$exe" "${common[@]}" -timeout=10 "${budget[@]}" -print_final_stats=1 "$work" \
      >"$artifacts/fuzz.log" 2>&1; then
    show_crash "$artifacts/fuzz.log"
    echo "fuzz: $target: crashed; the input is in $artifacts/ (log: $artifacts/fuzz.log)"
    failed+=("$target")
    continue
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$artifacts/fuzz.log" | sed "s/^/fuzz: $target: /"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}"
  exit 1
fi
echo "fuzz: all targets ran without a crash"
