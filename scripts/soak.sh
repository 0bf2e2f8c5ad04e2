#!/usr/bin/env bash
# Soak test: SOAK_SECONDS (60) of saturating load from h2load over loopback
# against one lede-server with a small --max_queued_calls. Passes when
#   - h2load sees no failed, errored or timed-out request and only HTTP 200;
#   - the server's grpc-status counts (its Prometheus endpoint, which counts
#     every handled call by code) hold only OK and the designed
#     RESOURCE_EXHAUSTED, with some of each, plus CANCELLED for at most the
#     calls h2load itself left open when its time ran out;
#   - resident memory (VmRSS) grows at most 10% from the first 10 s to the
#     last 10 s (peak of each window);
#   - the server still answers and exits cleanly on SIGTERM.
# Loopback only; bounded in time (h2load -D, plus start-up and drain).
#
#   scripts/soak.sh [build-dir]     # default: build (as `make test` leaves it)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-${BUILD:-build}}
DURATION=${SOAK_SECONDS:-60}
SERVER=$BUILD/service/lede-server

need=()
for p in nghttp2-client protobuf-compiler; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -x "$SERVER" ]; then
  cmake --build "$BUILD" -j "$(nproc)" --target lede-server
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The request: a short article, all features, UTF-16 offsets.
cat >"$work/request.txtpb" <<'TXT'
document {
  id: "soak"
  content: "WELLINGTON, March 3 (Lede) \342\200\224 The harbour board voted on Monday to rebuild the old ferry terminal, a project expected to cost $40 million.\n\342\200\234We have waited 20 years for this,\342\200\235 board chair Maria Ngata said. Work starts in September.\nNgata's deputy, Tom Reid, told reporters the tender opens next week. Prices rose 4% in Auckland and Christchurch last year, according to the Reserve Bank.\n"
}
encoding_type: UTF16
TXT
protoc --encode=lede.v1.AnalyzeRequest -I proto proto/lede/v1/lede.proto \
  <"$work/request.txtpb" >"$work/request.pb"
# gRPC message frame: 0 (uncompressed), 4-byte big-endian length, message.
len=$(stat -c %s "$work/request.pb")
printf "\\x00\\x$(printf %02x $((len >> 24 & 255)))\\x$(printf %02x $((len >> 16 & 255)))\\x$(printf %02x $((len >> 8 & 255)))\\x$(printf %02x $((len & 255)))" >"$work/body"
cat "$work/request.pb" >>"$work/body"

"$SERVER" --listen=127.0.0.1:0 --port_file="$work/port" --worker_threads=2 \
  --max_queued_calls=4 --metrics_listen=127.0.0.1:0 --log_level=error \
  2>"$work/server.log" &
server_pid=$!
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "soak: server did not start"; cat "$work/server.log"; exit 1; }
port=$(cat "$work/port")
for _ in $(seq 50); do grep -q "metrics on port" "$work/server.log" && break; sleep 0.1; done
mport=$(grep -o 'metrics on port [0-9]*' "$work/server.log" | grep -o '[0-9]*$' || true)
[ -n "$mport" ] || { echo "soak: no metrics port in the server log"; cat "$work/server.log"; exit 1; }
url="http://127.0.0.1:$port/lede.v1.TextAnalytics/Analyze"
headers=(-H 'content-type: application/grpc' -H 'te: trailers')

metrics() {
  if command -v curl >/dev/null; then
    curl -s "http://127.0.0.1:$mport/metrics"
  else
    exec 3<>"/dev/tcp/127.0.0.1/$mport"
    printf 'GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    cat <&3
    exec 3<&-
  fi
}

# One call by hand: the frame is right and the server answers grpc-status 0.
nghttp -v -d "$work/body" "${headers[@]}" "$url" >"$work/one.txt" 2>&1 || true
if ! grep -q 'grpc-status: 0' "$work/one.txt"; then
  echo "soak: a single call did not get grpc-status 0:"; tail -20 "$work/one.txt"; exit 1
fi

# RSS sampler: one VmRSS reading (kB) per second, with its second.
(
  for s in $(seq 0 "$DURATION"); do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    echo "$s $rss"
    sleep 1
  done
) >"$work/rss.txt" &
sampler=$!

echo "soak: ${DURATION}s of h2load against 127.0.0.1:$port (server pid $server_pid)"
h2load -D "$DURATION" -c 4 -m 16 -t 1 -d "$work/body" "${headers[@]}" "$url" \
  >"$work/h2load.txt" 2>&1 || true
wait "$sampler" || true
grep -E '^(finished|requests|status codes|traffic)' "$work/h2load.txt" || cat "$work/h2load.txt"

fail=0
read -r total started done succeeded failed errored timeout < <(
  sed -n 's/^requests: \([0-9]*\) total, \([0-9]*\) started, \([0-9]*\) done, \([0-9]*\) succeeded, \([0-9]*\) failed, \([0-9]*\) errored, \([0-9]*\) timeout.*/\1 \2 \3 \4 \5 \6 \7/p' \
    "$work/h2load.txt")
read -r s2xx s3xx s4xx s5xx < <(
  sed -n 's/^status codes: \([0-9]*\) 2xx, \([0-9]*\) 3xx, \([0-9]*\) 4xx, \([0-9]*\) 5xx.*/\1 \2 \3 \4/p' \
    "$work/h2load.txt")
if [ -z "${done:-}" ] || [ "${done:-0}" -eq 0 ]; then
  echo "soak: FAIL: h2load completed no request"; fail=1
elif [ "$failed" -ne 0 ] || [ "$errored" -ne 0 ] || [ "$timeout" -ne 0 ] ||
     [ "$s2xx" -ne "$done" ]; then
  echo "soak: FAIL: h2load saw failed/errored/timed-out requests or non-200 statuses"; fail=1
fi

# grpc-status of every handled Analyze call, by code.
metrics >"$work/metrics.txt" || true
grep '^grpc_server_handled_total' "$work/metrics.txt" | grep 'grpc_method="Analyze"' \
  | sed 's/.*grpc_code="\([A-Z_]*\)".* \([0-9.e+]*\)$/\1 \2/' >"$work/codes.txt" || true
echo "soak: grpc-status counts (Analyze):"; sed 's/^/  /' "$work/codes.txt"
ok_calls=$(awk '$1=="OK" {printf "%d", $2}' "$work/codes.txt")
exhausted=$(awk '$1=="RESOURCE_EXHAUSTED" {printf "%d", $2}' "$work/codes.txt")
# h2load stops at the end of -D with calls still open and resets them: the
# server sees those as CANCELLED (it stops analyzing a call whose client has
# gone). At most started - done of them; anything else is a failure.
cancelled=$(awk '$1=="CANCELLED" {printf "%d", $2}' "$work/codes.txt")
cut_off=$(( ${started:-0} - ${done:-0} ))
others=$(awk '$1!="OK" && $1!="RESOURCE_EXHAUSTED" && $1!="CANCELLED" && $2>0' "$work/codes.txt")
if [ -n "$others" ]; then
  echo "soak: FAIL: grpc-status other than OK, RESOURCE_EXHAUSTED and CANCELLED:"; echo "$others"; fail=1
fi
if [ "${cancelled:-0}" -gt "$cut_off" ]; then
  echo "soak: FAIL: ${cancelled} CANCELLED, more than the ${cut_off} calls h2load left open at the end"; fail=1
elif [ "${cancelled:-0}" -gt 0 ]; then
  echo "soak: ${cancelled} CANCELLED: calls h2load left open when its time ran out (${cut_off})"
fi
if [ "${ok_calls:-0}" -eq 0 ]; then
  echo "soak: FAIL: no call succeeded"; fail=1
fi
counted=$(( ${ok_calls:-0} + ${exhausted:-0} ))
echo "soak: h2load completed ${done:-0} calls; the server counted $counted (OK + RESOURCE_EXHAUSTED)"
[ "${exhausted:-0}" -gt 0 ] || echo "soak: note: no RESOURCE_EXHAUSTED counted; the load did not saturate the queue"

# Memory: peak VmRSS of the first 10 s against the last 10 s.
read -r first last < <(awk -v d="$DURATION" '
  $1 < 10 && $2 > f {f = $2}
  $1 > d - 10 && $2 > l {l = $2}
  END {print f + 0, l + 0}' "$work/rss.txt")
growth=$(awk -v f="$first" -v l="$last" 'BEGIN {printf "%.1f", f ? 100 * (l - f) / f : 999}')
echo "soak: VmRSS peak first 10 s ${first} kB, last 10 s ${last} kB (${growth}%)"
if awk -v g="$growth" 'BEGIN {exit !(g > 10)}'; then
  echo "soak: FAIL: resident memory grew more than 10%"; fail=1
fi

# Still serving, then a clean shutdown.
nghttp -d "$work/body" "${headers[@]}" -v "$url" >"$work/after.txt" 2>&1 || true
grep -q 'grpc-status: 0' "$work/after.txt" || { echo "soak: FAIL: no answer after the soak"; fail=1; }
kill -TERM "$server_pid"
for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then
  echo "soak: FAIL: server still running 30 s after SIGTERM"; fail=1
else
  wait "$server_pid" && rc=0 || rc=$?
  [ "$rc" -eq 0 ] || { echo "soak: FAIL: server exited with $rc"; fail=1; }
  server_pid=
fi
if [ "$fail" -ne 0 ]; then
  echo "soak: server log:"; tail -20 "$work/server.log"
  echo "soak: 0 passed, 1 failed"
  exit 1
fi
echo "soak: 1 passed, 0 failed"
