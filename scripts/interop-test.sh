#!/usr/bin/env bash
# Interop tests: clients that lede did not write, against a real lede-server.
#   Python  Debian's python3-grpcio, stubs generated at test time
#           (tests/interop/python/test_interop.py)
#   Node    @grpc/grpc-js + @grpc/proto-loader, and a reflection-only client
#           (tests/interop/node/interop.test.js; packages pinned in
#           examples/node/package-lock.json, installed with `npm ci`)
# Each suite starts its own server on a free loopback port.
#
# Usage: scripts/interop-test.sh [BUILD_DIR]   (default: build; needs
#        BUILD_DIR/service/lede-server, e.g. from `make build`)
# Installs missing Debian packages when run as root. Exits non-zero on any
# failure; the last line is "interop: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
server_bin=$(realpath -m "$build/service/lede-server")
export LEDE_SERVER_BIN=$server_bin
export LEDE_MODEL_DIR=${LEDE_MODEL_DIR:-$(pwd)/models}
start=$(date +%s)
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
step() { echo "=== $* ($(($(date +%s) - start))s)"; }
finish() {
  echo "interop: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit
}

if [ ! -x "$server_bin" ]; then
  echo "interop: no lede-server at $server_bin; build it first (make build)" >&2
  failed=1
  finish
fi

step "dependencies"
pkgs=(python3 python3-grpcio python3-grpc-tools python3-protobuf)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere than Debian (NodeSource on this machine,
# whose nodejs conflicts with Debian's npm): Debian's only when none is there.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "interop: missing ${missing[*]}; run as root or apt-get install them" >&2
    failed=1
    finish
  fi
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "interop: apt-get install failed" >&2; failed=1; finish; }
fi
# Node's packages: `npm ci` installs exactly package-lock.json; a stamp
# skips it while node_modules matches the lock.
stamp=examples/node/node_modules/.lede-lock-stamp
if ! cmp -s examples/node/package-lock.json "$stamp"; then
  (cd examples/node && npm ci --no-audit --no-fund --loglevel=error) \
    || { echo "interop: npm ci failed in examples/node" >&2; failed=1; finish; }
  cp examples/node/package-lock.json "$stamp"
fi

step "python (/usr/bin/python3 $(/usr/bin/python3 -c 'import grpc; print("grpcio", grpc.__version__)'))"
# Debian's interpreter on purpose: python3-grpcio is installed for it, not
# for a python3 that may come first on PATH (pyenv and the like).
if LEDE_INTEROP_COUNTS="$tmp/py" /usr/bin/python3 tests/interop/python/test_interop.py 2>&1 \
    | sed 's/^/  py: /'; then :; fi
if [ -s "$tmp/py" ]; then
  read -r p f <"$tmp/py"
  passed=$((passed + p))
  failed=$((failed + f))
else
  echo "interop: the python suite did not finish" >&2
  failed=$((failed + 1))
fi

step "node ($(node --version), @grpc/grpc-js $(node -p "require('./examples/node/node_modules/@grpc/grpc-js/package.json').version" 2>/dev/null))"
node --test --test-reporter=tap tests/interop/node/ >"$tmp/node.tap" 2>&1
sed 's/^/  node: /' "$tmp/node.tap" | grep -vE '^  node: +(---|\.\.\.|duration_ms)' || true
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tmp/node.tap" | tail -1)
f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tmp/node.tap" | tail -1)
if [ -n "$p" ] && [ -n "$f" ]; then
  passed=$((passed + p))
  failed=$((failed + f))
  # A failing before/after hook (server start, SIGTERM exit code) shows as a
  # non-zero exit without a failed test.
  if ! grep -q '^# fail [1-9]' "$tmp/node.tap" && grep -q '^not ok' "$tmp/node.tap"; then
    failed=$((failed + 1))
  fi
else
  echo "interop: the node suite did not finish" >&2
  failed=$((failed + 1))
fi

step "done"
finish
