#!/usr/bin/env bash
# Installs the Debian 12 packages lede builds and tests with, if missing.
set -euo pipefail
pkgs=(g++ cmake make pkg-config git
      libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
      libabsl-dev libicu-dev libgtest-dev libgmock-dev libbenchmark-dev
      libstemmer-dev prometheus-cpp-dev libxml2-dev zlib1g-dev clang-format
      openssl chromium python3-yaml)
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
