#!/usr/bin/env bash
# Load test of lede-server on loopback: documents/s and latency p50/p90/p99
# at several concurrencies (h2load, closed loop), latency at 50% load (open
# loop, bench/rate_client), the one-core server's words/s beside wink-nlp's,
# start-up time, idle memory and the memory one big request takes.
# Every figure of docs/performance.md's "Through gRPC" table comes from here.
#
# Usage: bench/load_test.sh [BUILD_DIR]     (default: build)
# Environment:
#   LOAD_DURATION     seconds measured per h2load run (default 10)
#   LOAD_WARMUP       seconds of warm-up before each (default 2)
#   LOAD_CONCURRENCY  concurrencies for the article (default "1 2 4 8 16")
#   LOAD_PEERS        1: also time wink-nlp on the same files in this run,
#                     in each round of the one-core section
#                     (default 1 when bench/peers/node_modules exists)
#   LOAD_ROUNDS       rounds of the one-core section (default 3)
#   LOAD_OUT          results directory (default BUILD_DIR/load-results)
# Needs h2load and nghttp (Debian: nghttp2-client); installs them as root
# when missing. Loopback only; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build}
build=$(cd "$build" && pwd)
out=${LOAD_OUT:-$build/load-results}
dur=${LOAD_DURATION:-10}
warm=${LOAD_WARMUP:-2}
concurrency=${LOAD_CONCURRENCY:-"1 2 4 8 16"}
corpus="$build/bench-corpus"
uri_path=/lede.v1.TextAnalytics/Analyze
mkdir -p "$out" "$corpus"

die() { echo "load_test: FAIL: $*" >&2; exit 1; }
for tool in h2load nghttp; do
  if ! command -v "$tool" >/dev/null; then
    [ "$(id -u)" -eq 0 ] || die "$tool missing (apt-get install nghttp2-client)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null; }
  fi
done

echo "== building"
cmake --build "$build" -j "$(nproc)" --target lede-server lede bench_corpus make_request rate_client pipeline_bench >/dev/null
server_bin="$build/service/lede-server"
cli="$build/client/lede"
"$build/bench/bench_corpus" "$corpus" >"$out/corpus.txt"
for d in article large doc_4m; do
  "$build/bench/make_request" "$corpus/$d.txt" "$corpus/$d.req" >/dev/null
done
# The same article 20 times in one AnalyzeStream call: the per-call cost of
# gRPC (a new HTTP/2 stream, headers, trailers) shared by 20 documents, as a
# client analyzing many documents (the lede CLI) sends them.
stream_docs=20
"$build/bench/make_request" "$corpus/article.txt" "$corpus/article_stream.req" --repeat=$stream_docs >/dev/null
stream_path=/lede.v1.TextAnalytics/AnalyzeStream
words() { tr -s ' \t\r\n' '\n' <"$1" | grep -c .; }
article_words=$(words "$corpus/article.txt")
large_words=$(words "$corpus/large.txt")
article_bytes=$(stat -c %s "$corpus/article.txt")

echo "== lede load test ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), build $build"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "texts: article $article_bytes bytes / $article_words words; large $(stat -c %s "$corpus/large.txt") bytes / $large_words words"

server_pid=""
port=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT

# start_server [taskset CPUS|-] [server flags...]: starts lede-server on a
# free loopback port and sets server_pid, port and start_ms (start to
# healthy: port file written, then `lede health` answers SERVING).
start_server() {
  local cpus=$1; shift
  local pf="$out/port.$$"
  rm -f "$pf"
  local t0 t1
  t0=$(date +%s%N)
  if [ "$cpus" = "-" ]; then
    "$server_bin" --listen=127.0.0.1:0 --port_file="$pf" --log_level=warning "$@" 2>>"$out/server.log" &
  else
    taskset -c "$cpus" "$server_bin" --listen=127.0.0.1:0 --port_file="$pf" --log_level=warning "$@" 2>>"$out/server.log" &
  fi
  server_pid=$!
  for _ in $(seq 1000); do
    [ -s "$pf" ] && break
    kill -0 "$server_pid" 2>/dev/null || die "lede-server exited (see $out/server.log)"
    sleep 0.005
  done
  [ -s "$pf" ] || die "lede-server wrote no port file within 5 s"
  port=$(cat "$pf")
  port_ms=$((($(date +%s%N) - t0) / 1000000))
  "$cli" health --server="127.0.0.1:$port" >/dev/null 2>&1 || die "lede health failed on port $port"
  t1=$(date +%s%N)
  start_ms=$(((t1 - t0) / 1000000))
  rm -f "$pf"
}

status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
# Context switches so far, summed over the process's threads.
# (A thread may end between the glob and the read: never a failure.)
ctx_switches() { { cat /proc/"$1"/task/*/status 2>/dev/null || true; } | awk '/ctxt_switches/ {n += $2} END {print n + 0}'; }
# CPU clock ticks so far (user + system) of the server's analysis threads,
# which lede-server names lede-worker: each runs the analysis, encodes the
# response and hands it to gRPC. The rest of the server's CPU is gRPC's own
# threads (reading, HTTP/2, writing) and the kernel work they cause.
worker_ticks() { { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk '$2 == "(lede-worker)" {n += $14 + $15} END {print n + 0}'; }

# grpc_call REQ: one call with nghttp; prints "<grpc-status> <DATA bytes>"
# (the response body as h2load counts it: the sum of the DATA frames).
grpc_call() {
  nghttp -v -H 'content-type: application/grpc' -H 'te: trailers' \
    -d "$1" "http://127.0.0.1:$port$uri_path" >"$out/nghttp.log" 2>&1 || true
  awk '/recv \(stream_id=[0-9]+\) grpc-status:/ {st = $NF}
       /recv DATA frame/ {if (match($0, /length=[0-9]+/)) n += substr($0, RSTART + 7, RLENGTH - 7)}
       END {print (st == "" ? "none" : st), n + 0}' "$out/nghttp.log"
}

# h2load_run NAME REQ CONCURRENCY [h2load taskset CPUS] [MODE] [DOCS]:
# closed-loop load; calls go to $uri_path, each carrying DOCS documents
# (default 1; more for an AnalyzeStream body); appends
# "name conc docs/s p50 p90 p99 calls ok_bodies" to $out/h2load.tsv and
# checks gRPC: every response body must be the size of a good response
# (a failed call has none), and a sample of calls made with nghttp during
# the run must end with grpc-status 0.
h2load_run() {
  local name=$1 req=$2 c=$3 cpus=${4:-} mode=${5:-"-D $dur"} docs=${6:-1}
  local log="$out/h2load-$name-c$c.log" reqlog="$out/h2load-$name-c$c.req.log"
  read -r st0 good_size < <(grpc_call "$req")
  [ "$st0" = 0 ] || die "$name: grpc-status $st0 before the run"
  local pre=()
  [ -n "$cpus" ] && pre=(taskset -c "$cpus")
  # Warm-up as a run of its own, so that the measured run's DATA bytes count
  # exactly its own responses.
  "${pre[@]}" h2load -c "$c" -m 1 -D "$warm" \
    -H 'content-type: application/grpc' -H 'te: trailers' -d "$req" \
    "http://127.0.0.1:$port$uri_path" >"$log.warmup" 2>&1 || die "h2load warm-up failed: $(tail -3 "$log.warmup")"
  local cpu0 cs0 w0
  cpu0=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
  cs0=$(ctx_switches "$server_pid")
  w0=$(worker_ticks "$server_pid")
  "${pre[@]}" h2load -c "$c" -m 1 $mode \
    -H 'content-type: application/grpc' -H 'te: trailers' -d "$req" \
    --log-file="$reqlog" "http://127.0.0.1:$port$uri_path" >"$log" 2>&1 &
  local h2pid=$!
  # Sample of gRPC statuses while under load.
  local samples=0 bad=0
  for _ in 1 2 3; do
    sleep "$(awk -v d="$dur" 'BEGIN {print d / 5}')"
    read -r st _ < <(grpc_call "$req")
    samples=$((samples + 1))
    [ "$st" = 0 ] || bad=$((bad + 1))
  done
  wait "$h2pid" || die "h2load failed: $(tail -5 "$log")"
  # Server CPU seconds (user + system, all threads) during the run.
  local cpu_s switches worker_s
  switches=$(($(ctx_switches "$server_pid") - cs0))
  cpu_s=$(awk -v a="$cpu0" -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15 - a) / t}' "/proc/$server_pid/stat")
  worker_s=$(awk -v a="$w0" -v b="$(worker_ticks "$server_pid")" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) / t}')
  local rps succeeded data
  rps=$(awk -v k="$docs" '/^finished in/ {gsub(",", "", $4); printf "%.2f", $4 * k}' "$log")
  succeeded=$(awk '/^requests:/ {print $8}' "$log")
  # "traffic: 6.03MB (6319555) total, 2.65KB (2718) headers (space savings
  # 96.19%), 7.85MB (8233826) data": the 8th field split on parentheses.
  data=$(awk -F'[()]' '/^traffic:/ {print $8}' "$log")
  # A failed call is trailers-only (no DATA): with every call good, DATA is a
  # whole number of good bodies, at least one per succeeded call (a call cut
  # at the end of the run may have its body and no trailers yet).
  # For a stream the unit is one document's response (a failed document's
  # is a short error message, so it breaks the whole number): streams cut
  # at the end of the run may hold only some of theirs.
  local bodies_ok="yes" unit=$((good_size / docs))
  if [ -z "$succeeded" ] || [ "$succeeded" -eq 0 ] || [ -z "$data" ]; then
    bodies_ok="no(0 succeeded)"
  elif [ "$((good_size % docs))" -ne 0 ] || [ "$((data % unit))" -ne 0 ] ||
    [ "$((data / unit))" -lt "$((succeeded * docs))" ]; then
    bodies_ok="no($data data bytes for $succeeded calls of $docs responses of $unit bytes)"
  fi
  [ "$bad" -eq 0 ] || bodies_ok="no($bad/$samples sampled calls not grpc-status 0)"
  # Latency percentiles from the per-request log (3rd column, microseconds).
  local pcts
  pcts=$(awk '{print $3}' "$reqlog" | sort -n |
    awk '{a[NR] = $1} END {
      if (NR == 0) {print "- - -"; exit}
      i50 = int(NR * 0.50); i90 = int(NR * 0.90); i99 = int(NR * 0.99);
      if (i50 < 1) i50 = 1; if (i90 < 1) i90 = 1; if (i99 < 1) i99 = 1;
      printf "%.2f %.2f %.2f\n", a[i50] / 1000, a[i90] / 1000, a[i99] / 1000}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$c" "$rps" "$pcts" "$succeeded" "$bodies_ok" | tr ' ' '\t' >>"$out/h2load.tsv"
  last_cpu_rps=$(awk -v n="$succeeded" -v k="$docs" -v c="$cpu_s" 'BEGIN {printf "%.1f", (c > 0) ? n * k / c : 0}')
  # Per document; the nghttp status samples add a handful of calls.
  local switches_per_doc
  switches_per_doc=$(awk -v s="$switches" -v n="$succeeded" -v k="$docs" 'BEGIN {printf "%.1f", (n > 0) ? s / (n * k) : 0}')
  # Server CPU per document, split: analysis threads / gRPC's threads.
  read -r last_worker_ms last_other_ms < <(awk -v w="$worker_s" -v c="$cpu_s" -v n="$succeeded" -v k="$docs" \
    'BEGIN {d = (n > 0) ? n * k : 1; printf "%.3f %.3f\n", w * 1000 / d, (c - w) * 1000 / d}')
  printf '  %-14s c=%-3s %9s docs/s   p50 %6s ms  p90 %6s ms  p99 %6s ms   %6s calls, server %s CPU-s (%s docs/CPU-s; CPU ms/doc: %s lede-worker + %s other threads; %s context switches/doc), gRPC OK: %s\n' \
    "$name" "$c" "$rps" $pcts "$succeeded" "$cpu_s" "$last_cpu_rps" "$last_worker_ms" "$last_other_ms" "$switches_per_doc" "$bodies_ok"
  [ "$bodies_ok" = yes ] || failures=$((failures + 1))
  last_rps=$rps
}

failures=0
: >"$out/h2load.tsv"

# --- 1. Start-up, idle memory, one big request -------------------------------
echo
echo "== start-up and memory (fresh server, 2 worker threads)"
start_server -
echo "  start to healthy: ${start_ms} ms (target <= 1000); serving (port file written) after ${port_ms} ms, the rest is the lede CLI's health call"
sleep 1
idle_rss=$(status_kb "$server_pid" VmRSS)
idle_hwm=$(status_kb "$server_pid" VmHWM)
echo "  idle resident memory with models loaded: $((idle_rss / 1024)) MB (VmRSS $idle_rss kB, VmHWM $idle_hwm kB; target <= 200 MB)"
# Each big request on a fresh server, its peak counted from the resident
# memory just before it: VmHWM is reset to VmRSS (clear_refs 5), so the
# model loading's own peak (the model file is read whole, then parsed) does
# not count as the request's.
for d in large doc_4m; do
  if [ "$d" != large ]; then stop_server; start_server -; sleep 1; fi
  before=$(status_kb "$server_pid" VmRSS)
  how="VmHWM reset to VmRSS before the call"
  { echo 5 >"/proc/$server_pid/clear_refs"; } 2>/dev/null || how="VmHWM not resettable here: includes the start-up peak"
  read -r st size < <(grpc_call "$corpus/$d.req")
  [ "$st" = 0 ] || die "$d: grpc-status $st"
  hwm=$(status_kb "$server_pid" VmHWM)
  bytes=$(stat -c %s "$corpus/$d.txt")
  echo "  one $d request on a fresh server ($bytes bytes, response $size bytes): VmRSS before $before kB, VmHWM after $hwm kB ($how);" \
    "peak beyond idle = $(awk -v h="$hwm" -v i="$before" -v b="$bytes" 'BEGIN {printf "%.1f", (h - i) * 1024 / b}')x the document (target <= 20x)"
done
stop_server

# --- 2. Both cores: article documents/s and latency vs in-process -------------
echo
echo "== in-process, two threads (pipeline_bench, same run)"
"$build/bench/pipeline_bench" --benchmark_filter='BM_Pipeline/0/real_time/threads:2' \
  --benchmark_min_time=3 --benchmark_out="$out/inproc2.json" --benchmark_out_format=json >/dev/null 2>&1
inproc2=$(python3 -c 'import json,sys; b=json.load(open(sys.argv[1]))["benchmarks"][0]; print("%.1f" % b["docs/s"])' "$out/inproc2.json")
echo "  article: $inproc2 docs/s"

echo
echo "== gRPC on loopback, server on both cores (default worker_threads), article"
start_server -
best=0
for c in $concurrency; do
  h2load_run article "$corpus/article.req" "$c"
  best=$(awk -v a="$best" -v b="$last_rps" 'BEGIN {print (b > a) ? b : a}')
done
echo "  best: $best docs/s = $(awk -v a="$best" -v b="$inproc2" 'BEGIN {printf "%.0f", 100 * a / b}')% of in-process 2 threads (target >= 85%)"
best_stream=0
for c in 2 4; do
  uri_path=$stream_path h2load_run article_stream "$corpus/article_stream.req" "$c" "" "-D $dur" $stream_docs
  best_stream=$(awk -v a="$best_stream" -v b="$last_rps" 'BEGIN {print (b > a) ? b : a}')
done
echo "  best through AnalyzeStream ($stream_docs articles per call; latency is per call): $best_stream docs/s = $(awk -v a="$best_stream" -v b="$inproc2" 'BEGIN {printf "%.0f", 100 * a / b}')% of in-process 2 threads"
h2load_run large "$corpus/large.req" 2 "" "-n ${LOAD_LARGE_N:-8}"

# Open loop at half the best closed-loop rate: latency at 50% load.
half=$(awk -v b="$best" 'BEGIN {printf "%.1f", b / 2}')
echo "  open loop at 50% load ($half docs/s, rate_client, every status checked):"
if rc_line=$("$build/bench/rate_client" --server="127.0.0.1:$port" --file="$corpus/article.txt" \
  --rate="$half" --duration="$dur" --warmup="$warm"); then :; else failures=$((failures + 1)); fi
echo "  $rc_line"
echo "  (target: p99 <= 5 ms)"
stop_server

# --- 3. One core: server pinned to CPU 0 with one worker ---------------------
# The machine's speed drifts by tens of percent from minute to minute, so
# the one-core article figures are taken in rounds of short runs back to
# back on CPU 0 (wink-nlp, lede through the server, the same through
# AnalyzeStream, lede in-process) and every ratio to wink-nlp is formed
# within its round; the median over the rounds is the figure to quote.
peers=${LOAD_PEERS:-}
[ -z "$peers" ] && [ -d bench/peers/node_modules ] && peers=1
if [ "${peers:-0}" = 1 ] && [ ! -d bench/peers/node_modules ]; then
  (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error)
fi
rounds=${LOAD_ROUNDS:-3}
# inproc_words FILTER MIN_TIME JSON: in-process words/s (wall) of one
# pipeline_bench case on CPU 0 (its Google Benchmark output in JSON).
inproc_words() {
  taskset -c 0 "$build/bench/pipeline_bench" --benchmark_filter="$1" \
    --benchmark_min_time="${2:-1}" --benchmark_out="$3" --benchmark_out_format=json >/dev/null 2>&1
  python3 -c 'import json, sys
b = json.load(open(sys.argv[1]))["benchmarks"][0]
print("%.0f" % (b["items_per_second"] * b["cpu_time"] / b["real_time"]))' "$3"
}
# wink_words FILE [MIN_TIME]: wink-nlp's words/s (wall) on FILE, on CPU 0.
wink_words() {
  taskset -c 0 node bench/peers/peers.js --libs=wink --min_time="${2:-2}" --json="$out/wink.jsonl" "$1" >/dev/null
  python3 -c 'import json, sys; print("%.0f" % json.loads(open(sys.argv[1]).readline())["words_per_s"])' "$out/wink.jsonl"
}
words_of() { awk -v r="$1" -v w="$2" 'BEGIN {printf "%.0f", r * w}'; }

echo
echo "== one core: taskset -c 0 lede-server --worker_threads=1 (h2load on CPU 1), $rounds rounds"
start_server 0 --worker_threads=1
: >"$out/rounds.tsv"
for r in $(seq "$rounds"); do
  wink_a=-
  [ "${peers:-0}" = 1 ] && wink_a=$(wink_words "$corpus/article.txt")
  h2load_run "article1c_r$r" "$corpus/article.req" 2 1
  grpc_a=$(words_of "$last_rps" "$article_words")
  unary_worker_ms=$last_worker_ms unary_other_ms=$last_other_ms
  uri_path=$stream_path h2load_run "stream1c_r$r" "$corpus/article_stream.req" 2 1 "-D $dur" $stream_docs
  stream_a=$(words_of "$last_rps" "$article_words")
  inproc_a=$(inproc_words 'BM_Pipeline/0$' 1 "$out/inproc1_r$r.json")
  printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$wink_a" "$grpc_a" "$stream_a" "$inproc_a" >>"$out/rounds.tsv"
  echo "  round $r, article words/s: wink-nlp $wink_a, lede through gRPC $grpc_a, through AnalyzeStream $stream_a, in-process $inproc_a"
  echo "    server CPU ms per unary article: $unary_worker_ms in lede-worker (analysis, response encoding) + $unary_other_ms in gRPC's threads;" \
    "in-process analysis $(awk -v w="$article_words" -v r="$inproc_a" 'BEGIN {printf "%.3f", w * 1000 / r}') ms"
done
h2load_run large1c "$corpus/large.req" 2 1 "-n ${LOAD_LARGE_N:-8}"
large1c=$last_rps
large1c_cpu=$last_cpu_rps
stop_server
inproc_large=$(inproc_words 'BM_Pipeline/1$' 2 "$out/inproc1_large.json")
echo "  1 MB words/s: lede through gRPC $(words_of "$large1c" "$large_words")" \
  "($(words_of "$large1c_cpu" "$large_words") per server CPU-second), in-process $inproc_large"

if [ "${peers:-0}" = 1 ]; then
  wink_large=$(wink_words "$corpus/large.txt" 3)
  echo "  1 MB words/s: wink-nlp $wink_large"
  echo
  echo "== lede against wink-nlp, one core (target >= 2x)"
  python3 - "$out/rounds.tsv" "$inproc_large" "$(words_of "$large1c" "$large_words")" "$wink_large" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
for name, col in (("in-process", 4), ("through gRPC", 2), ("through AnalyzeStream (20 per call)", 3)):
    ratios = [float(r[col]) / float(r[1]) for r in rows]
    print("  article  %-36s %s per round, median %.2fx"
          % (name, ", ".join("%.2fx" % x for x in ratios), statistics.median(ratios)))
inproc, grpc, wink = (float(x) for x in sys.argv[2:5])
print("  1MB      in-process %.1fx, through gRPC %.1fx (one run each, minutes apart)" % (inproc / wink, grpc / wink))
PY
fi

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $out"
[ "$failures" -eq 0 ] || die "$failures run(s) with gRPC errors"
echo "load_test: done"
