#!/usr/bin/env bash
# Builds the lede container image with podman and checks it for real:
#   1. base images debian:bookworm and debian:bookworm-slim made locally with
#      debootstrap from the machine's Debian mirror (cached tarballs, so only
#      the first run downloads them);
#   2. `podman build` of the Dockerfile (host network, for apt-get);
#   3. the container runs on a published loopback port: the host's `lede`
#      CLI waits for health, analyzes examples/harbour.txt and the JSON must
#      have sentences whose text is the slice their span names;
#   4. `podman stop` (SIGTERM) must drain and exit 0.
#
# Usage: scripts/container-test.sh [BUILD_DIR]   (default: build; the host
#        CLI is BUILD_DIR/client/lede, built by `make build`)
#        scripts/container-test.sh --prepare
#            only steps 1 and the image's toolchain stage (apt-get inside the
#            image): downloads, little CPU. .ci/run starts this in the
#            background while it builds and tests, then runs the full test,
#            whose build finds the toolchain layer cached.
# Root only (rootful podman). Environment:
#   LEDE_CI_CACHE        cache dir for the base tarballs (/var/cache/lede-ci)
#   LEDE_DEBIAN_MIRROR   Debian mirror (default: the one apt uses here)
#   LEDE_IMAGE           image name (localhost/lede:test)
#   LEDE_REFRESH_BASE=1  rebuild the base images even if cached
#   LEDE_SOURCE=head     build the image from the last commit (git archive
#                        HEAD) instead of the working tree; any commit-ish
#                        works (LEDE_SOURCE=v0.1.0)
#
# Podman settings live in a containers.conf this script writes (runc as the
# runtime, nofile/nproc ulimits this VM permits) and passes through
# CONTAINERS_CONF, so nothing global is changed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
prepare=0
if [ "${1:-}" = --prepare ]; then prepare=1; shift; fi
build=${1:-build}
cli="$build/client/lede"
cache=${LEDE_CI_CACHE:-/var/cache/lede-ci}
image=${LEDE_IMAGE:-localhost/lede:test}
name="lede-ct-$$"
start=$(date +%s)
step() { echo "=== $* ($(($(date +%s) - start))s)"; }
die() { echo "container-test: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (rootful podman and debootstrap)"
[ "$prepare" = 1 ] || [ -x "$cli" ] || die "no host CLI at $cli; build it first: make build (or pass the build dir)"

step "tools"
pkgs=(podman runc debootstrap uidmap slirp4netns fuse-overlayfs
      containernetworking-plugins iptables python3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$cache"
# crun fails here (cgroups hybrid mode) and raising rlimits is not permitted:
# runc, and ulimits at or below the VM's.
cat >"$cache/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

[engine]
runtime = "runc"
EOF
export CONTAINERS_CONF="$cache/containers.conf"

mirror=${LEDE_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
  mirror=$(grep -hoE '^(URIs:|deb)[[:space:]]+[^[:space:]]+' \
             /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
             /etc/apt/sources.list.d/*.sources 2>/dev/null \
           | awk '{print $2}' | grep -E '/debian/?$' | head -1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
fi
security=${mirror%/debian*}/debian-security

# make_base: debootstrap'd bookworm (minbase) as two tarballs, full and
# slim (no docs, man pages or locales, and dpkg told to skip them later).
make_base() {
  local dir="$cache/rootfs"
  rm -rf "$dir-slim"
  # A finished debootstrap left by an interrupted run is reused.
  if [ ! -e "$dir/.lede-debootstrap-done" ]; then
    rm -rf "$dir"
    echo "debootstrap --variant=minbase bookworm from $mirror (cold: ~10 min, once)"
    debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; die "debootstrap failed"; }
    touch "$dir/.lede-debootstrap-done"
  fi
  rm -f "$dir/.lede-debootstrap-done"
  rm -f "$dir/etc/apt/sources.list"
  cat >"$dir/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/var/log/*.log
  tar --numeric-owner -C "$dir" -cf "$cache/bookworm-minbase.tar.tmp" .
  mv "$cache/bookworm-minbase.tar.tmp" "$cache/bookworm-minbase.tar"

  cp -a "$dir" "$dir-slim"
  cat >"$dir-slim/etc/dpkg/dpkg.cfg.d/slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF
  find "$dir-slim/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
  rm -rf "$dir-slim"/usr/share/man/* "$dir-slim"/usr/share/info/* \
         "$dir-slim"/usr/share/locale/* "$dir-slim"/usr/share/lintian/*
  tar --numeric-owner -C "$dir-slim" -cf "$cache/bookworm-minbase-slim.tar.tmp" .
  mv "$cache/bookworm-minbase-slim.tar.tmp" "$cache/bookworm-minbase-slim.tar"
  rm -rf "$dir" "$dir-slim"
}

step "base images"
if [ "${LEDE_REFRESH_BASE:-0}" = 1 ] || [ ! -s "$cache/bookworm-minbase.tar" ] \
   || [ ! -s "$cache/bookworm-minbase-slim.tar" ]; then
  make_base
  podman rmi -f debian:bookworm debian:bookworm-slim >/dev/null 2>&1 || true
else
  echo "cached: $cache/bookworm-minbase{,-slim}.tar"
fi
podman image exists debian:bookworm \
  || podman import -q "$cache/bookworm-minbase.tar" debian:bookworm >/dev/null
podman image exists debian:bookworm-slim \
  || podman import -q "$cache/bookworm-minbase-slim.tar" debian:bookworm-slim >/dev/null
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'debian:bookworm' || true

if [ "$prepare" = 1 ]; then
  step "podman build --target toolchain (log: $cache/toolchain.log)"
  podman build --format=docker --network=host --pull=never --target toolchain \
    -f Dockerfile . >"$cache/toolchain.log" 2>&1 \
    || { tail -40 "$cache/toolchain.log" >&2; die "toolchain stage failed"; }
  step "prepared: base images and the toolchain layer are in podman's store"
  exit 0
fi

context=.
source=${LEDE_SOURCE:-worktree}
if [ "$source" != worktree ]; then
  [ "$source" = head ] && source=HEAD
  context=$(mktemp -d)
  git archive "$source" | tar -x -C "$context" || die "git archive $source failed"
  cp Dockerfile "$context/Dockerfile"
fi
step "podman build $image (context: ${LEDE_SOURCE:-worktree}; log: $cache/build.log)"
podman build --format=docker --network=host --pull=never -t "$image" -f Dockerfile "$context" \
  >"$cache/build.log" 2>&1 || { tail -40 "$cache/build.log" >&2; die "image build failed (log: $cache/build.log)"; }
[ "$context" = . ] || rm -rf "$context"
size=$(podman image inspect "$image" --format '{{.Size}}')
echo "image $image: $((size / 1000000)) MB"

step "run"
cleanup() { podman rm -f "$name" >/dev/null 2>&1 || true; rm -f "${out:-}"; }
trap cleanup EXIT
# --health-interval=disable: no systemd timer (there is no systemd here);
# the HEALTHCHECK is run once by hand below.
# podman's complaints about missing systemd go to a log, shown on failure.
podman run -d --name "$name" --health-interval=disable -p 127.0.0.1::50051 "$image" \
  >/dev/null 2>"$cache/run.err" || { cat "$cache/run.err" >&2; die "podman run failed"; }
addr=$(podman port "$name" 50051/tcp | head -1)
[ -n "$addr" ] || die "no published port"
addr=${addr/0.0.0.0/127.0.0.1}
echo "container $name published on $addr"

healthy=0
for _ in $(seq 1 120); do
  if [ "$(podman inspect "$name" --format '{{.State.Running}}')" != true ]; then
    podman logs "$name" >&2 || true
    die "container exited before serving"
  fi
  if "$cli" --server="$addr" health >/dev/null 2>&1; then healthy=1; break; fi
  sleep 0.5
done
[ "$healthy" = 1 ] || { podman logs "$name" >&2; die "not healthy after 60s"; }
echo "healthy: lede --server=$addr health"
podman healthcheck run "$name" >/dev/null || die "the image's HEALTHCHECK failed"
echo "image HEALTHCHECK passes"
uid=$(podman exec "$name" id -u)
[ "$uid" = 10001 ] || die "runs as uid $uid, want 10001"
echo "runs as uid $uid"

step "analyze examples/harbour.txt"
out=$(mktemp)
"$cli" analyze examples/harbour.txt --server="$addr" --format=jsonl >"$out" \
  || die "lede analyze failed"
python3 - "$out" examples/harbour.txt <<'EOF' || die "response check failed"
import json, sys
resp = json.loads(open(sys.argv[1], encoding="utf-8").readline())
content = open(sys.argv[2], "rb").read()
sents = resp.get("sentences", [])
assert sents, "no sentences"
for s in sents:
    b, e = s["span"].get("begin", 0), s["span"]["end"]
    assert content[b:e].decode("utf-8") == s["text"], f"span {b}:{e} != text"
print(f"{len(sents)} sentences, {len(resp.get('entities', []))} entities, "
      f"summary of {len(resp.get('summary', {}).get('sentences', []))}; spans match the text")
EOF

step "stop (SIGTERM)"
podman stop -t 20 "$name" >/dev/null 2>>"$cache/run.err" \
  || { cat "$cache/run.err" >&2; die "podman stop failed"; }
code=$(podman inspect "$name" --format '{{.State.ExitCode}}')
logs=$(podman logs "$name" 2>&1)
# tini passes SIGTERM to lede-server, which drains and returns 0. 143
# (128+SIGTERM) would mean the signal killed a process that did not handle
# it; 137 that podman had to SIGKILL after the timeout.
[ "$code" = 0 ] || { echo "$logs" | tail -20 >&2; die "exit code $code after SIGTERM, want 0"; }
grep -q "SIGTERM received" <<<"$logs" || die "server did not log the SIGTERM"
grep -q "lede-server: stopped" <<<"$logs" || die "server did not log a clean stop"
echo "exit code 0; server logged SIGTERM and a clean stop"

step "done: container test passed (image $((size / 1000000)) MB)"
