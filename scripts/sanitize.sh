#!/usr/bin/env bash
# Sanitizer runs, each a named CI step:
#   asan  build-asan with clang-14, ASan + UBSan (and libFuzzer's coverage
#         instrumentation, so the same build serves scripts/fuzz.sh): every
#         unit and end-to-end test (ctest -LE eval), servers included
#   fuzz  each libFuzzer target from that same build, FUZZ_SECONDS each
#   tsan  build-tsan with GCC, -DLEDE_SANITIZE=thread: the server tests
#         (e2e_test, reliability_test, hostile_test, security_test), servers
#         included
#
#   scripts/sanitize.sh            # all three
#   scripts/sanitize.sh asan fuzz|tsan
#
# Debian's gRPC, protobuf, Abseil and OpenSSL are not built with TSan, so
# TSan cannot see their synchronization; tests/tsan.supp suppresses reports
# with a frame in those libraries or with gRPC's C++ header templates (whose
# other half is in libgrpc) on top, and ignores the memory accesses of the
# libc calls libgrpc and libgrpc++ make themselves. The hand-offs through
# gRPC in service/server.cc are annotated (service/tsan_annotations.h), so a
# race between two stacks of lede code is still reported, also when one or
# both are code that gRPC calls back (the service's handlers and reactors);
# see tests/tsan.supp for what is and is not covered.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
modes=("$@")
((${#modes[@]})) || modes=(asan fuzz tsan)
# -O1 with line tables only: sanitizer reports keep file:line, and the
# two extra builds cost far less than with RelWithDebInfo's full debug info.
common=(-DLEDE_BUILD_TOOLS=OFF -DLEDE_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=None
        "-DCMAKE_CXX_FLAGS=-O1 -g1")
# clang-14 overflows its default 8 MiB stack on engine/dates/date_tagger.cc
# with the sanitizer flags.
ulimit -s unlimited 2>/dev/null || ulimit -s 65536 || true
start=$(date +%s)
status=0
for mode in "${modes[@]}"; do
  t0=$(date +%s)
  case "$mode" in
    asan)
      scripts/fuzz.sh --configure-only build-asan -DLEDE_BUILD_TESTS=ON "${common[@]}"
      cmake --build build-asan -j "$JOBS"
      # UBSan findings fail the test that triggers them.
      (cd build-asan &&
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
        LSAN_OPTIONS=suppressions=$PWD/../tests/lsan.supp \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --output-on-failure -LE eval -j "$JOBS") || status=1
      ;;
    fuzz)
      BUILD=build-asan scripts/fuzz.sh || status=1
      ;;
    tsan)
      # The tests with a real server: calls, streams, the worker pool,
      # overload, shutdown and replicas run concurrently in e2e_test and
      # reliability_test; hostile_test sends its hostile shapes at a quarter
      # of their size in a TSan build (full size takes over ten minutes
      # here), against a server started with a limit to match; security_test
      # needs the called_from_lib line of tests/tsan.supp for its mutual-TLS
      # handshake.
      server_tests=(e2e_test reliability_test hostile_test security_test)
      cmake -S . -B build-tsan -DLEDE_SANITIZE=thread "${common[@]}" >/dev/null
      cmake --build build-tsan -j "$JOBS" --target lede-server lede "${server_tests[@]}"
      regex="^($(IFS='|'; echo "${server_tests[*]}"))\$"
      # Reports go to files (log_path), so that a race inside a server child,
      # whose stderr the test deletes, still fails the run.
      reports=$(mktemp -d)
      (cd build-tsan &&
        TSAN_OPTIONS="suppressions=$PWD/../tests/tsan.supp log_path=$reports/tsan second_deadlock_stack=1 history_size=4" \
        ctest --output-on-failure -R "$regex" -j 1) || status=1
      if compgen -G "$reports/tsan*" >/dev/null; then
        echo "sanitize: ThreadSanitizer reports:"
        cat "$reports"/tsan*
        status=1
      fi
      rm -rf "$reports"
      ;;
    *) echo "sanitize: unknown mode $mode (asan, fuzz, tsan)" >&2; exit 2 ;;
  esac
  echo "sanitize: $mode took $(( $(date +%s) - t0 ))s"
done
echo "sanitize: total $(( $(date +%s) - start ))s"
exit $status
