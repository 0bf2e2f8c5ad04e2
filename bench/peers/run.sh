#!/usr/bin/env bash
# lede beside peer NLP libraries, in one run on the same text files, one
# core each (taskset -c 0): lede's whole pipeline (all four analyses) and
# date stage in-process, wink-nlp, compromise + compromise-dates, and
# chrono-node (dates only), in words/s. See docs/performance.md.
#
# Usage: bench/peers/run.sh [BUILD_DIR]     (default: build)
# Environment:
#   PEERS_MIN_TIME   seconds per measurement (default 3)
#   PEERS_CPU        CPU to pin everything to (default 0; "" = no pinning)
#   PEERS_OUT        results directory (default BUILD_DIR/peers-results)
#   PEERS_COMPROMISE_TIMEOUT  seconds for compromise's one pass over the
#                    1 MB document (default 300)
# The Node packages are the exact versions of package-lock.json, installed
# with `npm ci` (again only when the lock file changes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
build=${1:-build}
build=$(cd "$build" && pwd)
out=${PEERS_OUT:-$build/peers-results}
min_time=${PEERS_MIN_TIME:-3}
cpu=${PEERS_CPU-0}
corpus="$build/bench-corpus"
mkdir -p "$out" "$corpus"
pin=()
[ -n "$cpu" ] && pin=(taskset -c "$cpu")

command -v node >/dev/null && command -v npm >/dev/null ||
  { echo "peers: node and npm needed (apt-get install nodejs npm)" >&2; exit 2; }
stamp="$here/node_modules/.lede-lock.sha256"
want=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== npm ci (bench/peers)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
fi

cmake --build "$build" -j "$(nproc)" --target bench_corpus pipeline_bench dates_bench >/dev/null
"$build/bench/bench_corpus" "$corpus" >/dev/null

echo "== lede vs peers ($(date -u +%Y-%m-%dT%H:%M:%SZ)), pinned: ${cpu:-no}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); node $(node --version)"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
files=("$corpus/article.txt" "$corpus/large.txt")

echo "--- lede (in-process, one thread)"
"${pin[@]}" "$build/bench/pipeline_bench" --benchmark_filter='BM_Pipeline/[01]$' \
  --benchmark_min_time="$min_time" --benchmark_out="$out/lede_pipeline.json" --benchmark_out_format=json >/dev/null
"${pin[@]}" "$build/bench/dates_bench" --benchmark_filter='BM_TagCorpus' \
  --benchmark_min_time="$min_time" --benchmark_out="$out/lede_dates.json" --benchmark_out_format=json >/dev/null

echo "--- peers"
: >"$out/peers.jsonl"
"${pin[@]}" node "$here/peers.js" --libs=wink,chrono --min_time="$min_time" --json="$out/p1.jsonl" "${files[@]}"
"${pin[@]}" node "$here/peers.js" --libs=compromise --min_time="$min_time" --json="$out/p2.jsonl" "$corpus/article.txt"
# compromise takes minutes per MB: one timed pass, no warm-up, bounded.
ctimeout=${PEERS_COMPROMISE_TIMEOUT:-300}
rm -f "$out/p3.jsonl"
"${pin[@]}" timeout "$ctimeout" node "$here/peers.js" --libs=compromise --warmup=0 --max_iters=1 \
  --json="$out/p3.jsonl" "$corpus/large.txt" ||
  echo "compromise   large.txt    no result within ${ctimeout} s (PEERS_COMPROMISE_TIMEOUT)"
cat "$out"/p[123].jsonl >"$out/peers.jsonl" 2>/dev/null || true

echo
python3 - "$out/lede_pipeline.json" "$out/lede_dates.json" "$out/peers.jsonl" <<'PY'
import json, sys
# (wall-clock words/s, words per CPU-second) for every row.
lede = {}
for path, what in ((sys.argv[1], "pipeline"), (sys.argv[2], "dates")):
    for b in json.load(open(path))["benchmarks"]:
        cpu = b["items_per_second"]
        lede[(what, b["label"])] = (cpu * b["cpu_time"] / b["real_time"], cpu)
peers = [json.loads(l) for l in open(sys.argv[3]) if l.strip()]
doc_of = {"article.txt": "article", "large.txt": "1MB"}
rows = [("lede pipeline (all four analyses)", lede.get(("pipeline", "article")), lede.get(("pipeline", "1MB"))),
        ("lede date stage only", lede.get(("dates", "article")), lede.get(("dates", "1MB")))]
names = {p["lib"]: p["library"] for p in peers}
res = {}
for p in peers:
    res[(p["lib"], doc_of[p["file"]])] = (p["words_per_s"], p["words_per_cpu_s"])
for lib in ("wink", "compromise", "chrono"):
    if lib in names:
        rows.append((names[lib], res.get((lib, "article")), res.get((lib, "1MB"))))
f = lambda x: "%10.0f %10.0f" % x if x else "%21s" % "-"
print("%-58s %21s %21s" % ("one core", "article", "1 MB"))
print("%-58s %21s %21s" % ("", "words/s  per CPU-s", "words/s  per CPU-s"))
for name, a, l in rows:
    print("%-58s %s %s" % (name, f(a), f(l)))
for d in ("article", "1MB"):
    for lib, what in (("wink", "pipeline"), ("chrono", "dates")):
        if (lib, d) in res and (what, d) in lede:
            a, b = lede[(what, d)], res[(lib, d)]
            print("%s: lede %s / %s = %.1fx per wall second, %.1fx per CPU-second%s"
                  % (d, what, lib, a[0] / b[0], a[1] / b[1], " (target >= 2x)" if lib == "wink" else ""))
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $out"
