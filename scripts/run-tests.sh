#!/usr/bin/env bash
# Builds zmem in every configuration CI checks and runs every test.
#
# Each stage is one file in scripts/ci.d/, run in name order; a stage exits non-zero on failure.
# Stages share ZMEM_ROOT (the source tree) and ZMEM_OUT (a scratch folder for build trees).
# Missing Debian packages are installed when running as root (CI does), else named and failed.
set -euo pipefail
export ZMEM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ZMEM_OUT="${ZMEM_OUT:-$ZMEM_ROOT/out}"
export ZMEM_JOBS="${ZMEM_JOBS:-$(nproc)}"
mkdir -p "$ZMEM_OUT"
source "$ZMEM_ROOT/scripts/lib.sh"
# Every build's configuration step reads the Kconfig files with kconfiglib under Debian's
# python3 (scripts/kconfig/zmem_config.py).
need_pkg /usr/bin/python3 python3
need_pkg python3-kconfiglib python3-kconfiglib
need_cmake_at_least 3.28

only="${1:-}"
failed=()
passed=()
for stage in "$ZMEM_ROOT"/scripts/ci.d/*.sh; do
  name="$(basename "$stage" .sh)"
  if [ -n "$only" ] && [[ "$name" != *"$only"* ]]; then continue; fi
  echo "=== stage $name"
  start=$SECONDS
  if bash "$stage"; then passed+=("$name"); else failed+=("$name"); echo "=== stage $name FAILED"; fi
  echo "=== stage $name: $((SECONDS - start)) s"
done
echo
echo "stages passed: ${passed[*]:-none}"
[ ${#failed[@]} -eq 0 ] || echo "stages failed: ${failed[*]}"
echo "stages: ${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
