#!/usr/bin/env bash
# Starts lede-server on a free local port, analyzes the sample article with
# the CLI, prints the result and stops the server.
set -euo pipefail
build=${1:-build}
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$build/service/lede-server" --listen=127.0.0.1:0 --port_file="$dir/port" \
  --log_level=warning 2>"$dir/server.log" &
pid=$!
for _ in $(seq 1 100); do
  [ -s "$dir/port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done
port=$(cat "$dir/port")
echo "lede-server running on 127.0.0.1:$port (pid $pid)"
echo "\$ lede analyze --format=text --reference-time=2024-03-04 examples/harbour.txt"
echo
"$build/client/lede" analyze --server="127.0.0.1:$port" --format=text \
  --reference-time=2024-03-04 examples/harbour.txt
kill -TERM "$pid"
wait "$pid"
echo "lede-server stopped"
