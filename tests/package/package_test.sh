#!/usr/bin/env bash
# Installs lede from a build tree into a scratch prefix, then builds a
# separate project against the installed client library two ways (CMake's
# find_package(lede) and pkg-config) and has each call the installed
# lede-server.
#
#   tests/package/package_test.sh BUILD_DIR
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: package_test.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
die() { echo "package_test: FAIL: $*" >&2; exit 1; }

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" \
  || { cat "$work/install.log"; die "cmake --install failed"; }
for f in bin/lede-server bin/lede include/client/client.h include/lede/v1/lede.pb.h \
         lib/liblede_client.a lib/cmake/lede/ledeConfig.cmake lib/pkgconfig/lede.pc \
         share/lede/models/ner.bin; do
  [ -e "$prefix/$f" ] || die "not installed: $f"
done
echo "installed into a scratch prefix"

"$prefix/bin/lede-server" --listen=127.0.0.1:0 --port_file="$work/port" \
  --model_dir="$prefix/share/lede/models" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { cat "$work/server.log"; die "installed server did not start"; }
addr=127.0.0.1:$(cat "$work/port")

# 1. CMake: find_package(lede) from the installed prefix.
cmake -S "$src/tests/package/consumer" -B "$work/cmake-build" \
  -DCMAKE_PREFIX_PATH="$prefix" >"$work/cmake.log" 2>&1 \
  || { cat "$work/cmake.log"; die "find_package(lede) failed"; }
cmake --build "$work/cmake-build" >>"$work/cmake.log" 2>&1 \
  || { tail -30 "$work/cmake.log"; die "consumer (CMake) did not build"; }
"$work/cmake-build/consumer" "$addr" || die "consumer (CMake) call failed"
echo "CMake consumer: built against the installed package and called the server"

# 2. pkg-config: a plain compiler line.
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
flags=$(pkg-config --cflags --libs lede) || die "pkg-config lede failed"
# shellcheck disable=SC2086
c++ -std=c++17 -o "$work/consumer-pc" "$src/tests/package/consumer/main.cc" $flags \
  2>"$work/pc.log" || { tail -30 "$work/pc.log"; die "consumer (pkg-config) did not build"; }
"$work/consumer-pc" "$addr" || die "consumer (pkg-config) call failed"
echo "pkg-config consumer: built with \`pkg-config --cflags --libs lede\` and called the server"
echo "package_test: passed"
