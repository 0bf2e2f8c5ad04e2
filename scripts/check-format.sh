#!/usr/bin/env bash
# Fails when a C++ file differs from clang-format's output (.clang-format).
set -euo pipefail
bad=0
for f in $(git ls-files '*.cc' '*.h'); do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f" >&2
    bad=1
  fi
done
[ "$bad" -eq 0 ] && echo "format: all C++ files formatted"
exit "$bad"
