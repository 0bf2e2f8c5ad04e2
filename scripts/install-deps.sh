#!/usr/bin/env bash
# Installs the Debian 12 packages lede builds and tests with, if missing.
#   scripts/install-deps.sh       what `make demo` and `make test` need
#   scripts/install-deps.sh ci    also what .ci/run's further steps need
#                                 (clang for ASan and fuzzing, h2load for the
#                                 soak, podman for the container test, the
#                                 Python gRPC stack for interop), all at once
#                                 so that no step runs apt-get beside another
set -euo pipefail
pkgs=(g++ cmake make pkg-config git
      libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
      libabsl-dev libicu-dev libgtest-dev libgmock-dev libbenchmark-dev
      libstemmer-dev prometheus-cpp-dev libxml2-dev zlib1g-dev clang-format
      openssl chromium python3-yaml)
if [ "${1:-}" = ci ]; then
  pkgs+=(clang-14 libclang-rt-14-dev nghttp2-client
         python3 python3-grpcio python3-grpc-tools python3-protobuf
         podman runc debootstrap uidmap slirp4netns fuse-overlayfs
         containernetworking-plugins iptables)
  # Node may come from elsewhere than Debian (NodeSource's nodejs conflicts
  # with Debian's npm): Debian's only when none is there.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    pkgs+=(nodejs npm)
  fi
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "lede: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "lede: missing packages; run as root or: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
