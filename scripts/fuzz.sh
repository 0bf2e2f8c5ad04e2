#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz with clang-14 (ASan + UBSan) in
# build-fuzz and runs each from its committed seed corpus for a fixed time.
# Fails on any crash, leak, sanitizer report or broken invariant.
#
#   scripts/fuzz.sh                 # every target, FUZZ_SECONDS (20) each
#   FUZZ_SECONDS=15 scripts/fuzz.sh
#   scripts/fuzz.sh pipeline_fuzzer analyzer_fuzzer
#   scripts/fuzz.sh --configure-only DIR [cmake args...]
#                                   # only configure DIR for fuzzing (clang,
#                                   # LEDE_FUZZ=ON); scripts/sanitize.sh uses
#                                   # it so one build serves the ASan tests too
#
# A BUILD dir already configured with LEDE_FUZZ=ON keeps its options.
#
# New inputs found during the run go to a scratch copy of the corpus, never
# into the source tree; a crashing input is left in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-20}
JOBS=${JOBS:-$(nproc)}

need=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

all=(pipeline_fuzzer segmenter_fuzzer entities_fuzzer dates_fuzzer quotes_fuzzer
     summarizer_fuzzer analyzer_fuzzer model_file_fuzzer tagger_load_fuzzer)

# clang-14 overflows its default 8 MiB stack (segfault, exit 139) on
# engine/dates/date_tagger.cc with the sanitizer flags.
ulimit -s unlimited 2>/dev/null || ulimit -s 65536 || true
start=$(date +%s)

configure() {  # configure DIR [extra cmake args]
  local dir=$1; shift
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -DLEDE_FUZZ=ON \
    -DLEDE_BUILD_SERVICE=ON -DLEDE_BUILD_TESTS=OFF -DLEDE_BUILD_TOOLS=OFF \
    -DLEDE_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
}
if [ "${1:-}" = --configure-only ]; then
  shift
  dir=${1:?--configure-only needs a build dir}; shift
  configure "$dir" "$@"
  exit 0
fi

targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")
if grep -q '^LEDE_FUZZ:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$BUILD" >/dev/null
else
  configure "$BUILD"
fi
cmake --build "$BUILD" -j "$JOBS" --target "${targets[@]}"
echo "fuzz: built in $(( $(date +%s) - start ))s"

export LEDE_MODEL_DIR=${LEDE_MODEL_DIR:-$PWD/models}
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$BUILD/artifacts"
passed=0 failed=0
for t in "${targets[@]}"; do
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$t/." "$work/" 2>/dev/null || true
  t0=$(date +%s)
  if "$BUILD/tests/fuzz/$t" "$work" -max_total_time="$SECONDS_EACH" \
      -rss_limit_mb=4096 -timeout=60 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$BUILD/artifacts/$t-" >"$BUILD/artifacts/$t.log" 2>&1; then
    passed=$((passed + 1))
    echo "fuzz: $t ok ($(( $(date +%s) - t0 ))s, $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$BUILD/artifacts/$t.log" | grep -o '[0-9]*$') runs)"
  else
    failed=$((failed + 1))
    echo "fuzz: $t FAILED; log $BUILD/artifacts/$t.log:"
    grep -E -A40 'ERROR|INVARIANT|runtime error|==[0-9]+==' "$BUILD/artifacts/$t.log" | head -80
  fi
  rm -rf "$work"
done
echo "fuzz: total $(( $(date +%s) - start ))s"
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
