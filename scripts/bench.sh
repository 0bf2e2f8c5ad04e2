#!/usr/bin/env bash
# Runs lede's Google Benchmarks (bench/*_bench.cc): every stage
# (segmentation, entities, dates, quotes, summary) and the whole pipeline,
# on the article-sized document and the ~1 MB document of bench/corpus.h,
# reporting bytes/s and words/s (items = words). See docs/performance.md.
#
# Usage: scripts/bench.sh [BUILD_DIR]     (default: build; `make bench`)
# Environment:
#   BENCH_FILTER    regex for --benchmark_filter (default: all)
#   BENCH_ONLY      space-separated binaries to run (default: all *_bench)
#   BENCH_MIN_TIME  seconds per benchmark (default 0.5)
#   BENCH_REPS      repetitions; >1 reports medians (default 1)
#   BENCH_OUT       results directory (default BUILD_DIR/bench-results)
# The load test and the Node peers are separate: bench/load_test.sh,
# bench/peers/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${BENCH_OUT:-$build/bench-results}
min_time=${BENCH_MIN_TIME:-0.5}
reps=${BENCH_REPS:-1}

[ -f "$build/CMakeCache.txt" ] || { echo "bench: no CMake build in $build (make build first)" >&2; exit 2; }
if ! grep -q '^benchmark_DIR:PATH=/' "$build/CMakeCache.txt"; then
  echo "bench: Google Benchmark not found when $build was configured (apt-get install libbenchmark-dev, then reconfigure)" >&2
  exit 2
fi

mapfile -t srcs < <(ls bench/*_bench.cc)
targets=()
for s in "${srcs[@]}"; do targets+=("$(basename "$s" .cc)"); done
if [ -n "${BENCH_ONLY:-}" ]; then read -r -a targets <<<"$BENCH_ONLY"; fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >/dev/null

mkdir -p "$out"
rm -f "$out"/*.json
echo "== lede benchmarks ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "build: $build ($(grep -m1 '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" | cut -d= -f2)), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
args=(--benchmark_min_time="$min_time" --benchmark_counters_tabular=false)
[ "$reps" -gt 1 ] && args+=(--benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true)
[ -n "${BENCH_FILTER:-}" ] && args+=(--benchmark_filter="$BENCH_FILTER")
for t in "${targets[@]}"; do
  bin="$build/bench/$t"
  [ -x "$bin" ] || { echo "bench: $bin missing" >&2; exit 1; }
  echo "--- $t"
  "$bin" "${args[@]}" --benchmark_out="$out/$t.json" --benchmark_out_format=json
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
if command -v python3 >/dev/null; then
  python3 bench/report.py "$out"/*.json
else
  echo "(python3 missing: no summary; raw results in $out)"
fi
echo "results: $out/*.json"
