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
# Ninja for every CMake build tree (the Makefile generator spends a process or more per object
# on top of the compiler: 22% more CPU time for the same gcc build on the 2-core machine, 1031 s
# against 846 s).
need_pkg ninja ninja-build
export CMAKE_GENERATOR="${CMAKE_GENERATOR:-Ninja}"
# Every stage compiles through ccache, with its cache in this run's scratch folder (so a run on a
# fresh machine is what is measured). Within a build, the per-configuration zmem libraries
# (cmake/zmem_app.cmake) get their configuration as -D options, so a source whose preprocessed
# text does not depend on what differs between two configurations is compiled once and shared;
# CCACHE_NOHASHDIR lets libraries built from different folders share. Set
# CMAKE_C_COMPILER_LAUNCHER= (empty) to build without it.
need_pkg ccache ccache
export CMAKE_C_COMPILER_LAUNCHER="${CMAKE_C_COMPILER_LAUNCHER-ccache}"
export CCACHE_DIR="${ZMEM_CCACHE_DIR:-$ZMEM_OUT/ccache}"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"

# Room on the disk: builds are pruned once their stage passed (scripts/lib.sh prune_build), so a
# run needs about the largest stage's trees; say what there is, and what each stage left.
room() { df -Pm "$ZMEM_OUT" | awk 'NR == 2 { print $4 " MiB free" }'; }
used() { du -sm "$ZMEM_OUT" 2>/dev/null | awk '{ print $1 " MiB in " "'"$ZMEM_OUT"'" }'; }
echo "disk: $(room) at the start"

# Each stage's output also goes to $ZMEM_OUT/logs/STAGE.log; after the stage list, a failed
# stage's digest (scripts/ci_failure_digest.py: the failed tests and the start of their output)
# is printed again, since a reader of a long run often sees only its end.
logs="$ZMEM_OUT/logs"
mkdir -p "$logs"
only="${1:-}"
failed=()
passed=()
for stage in "$ZMEM_ROOT"/scripts/ci.d/*.sh; do
  name="$(basename "$stage" .sh)"
  if [ -n "$only" ] && [[ "$name" != *"$only"* ]]; then continue; fi
  echo "=== stage $name"
  start=$SECONDS
  if bash "$stage" 2>&1 | tee "$logs/$name.log"; then
    passed+=("$name")
  else
    failed+=("$name")
    echo "=== stage $name FAILED"
  fi
  echo "=== stage $name: $((SECONDS - start)) s; $(used), $(room)"
done
echo
for name in "${failed[@]}"; do
  echo "=== why stage $name failed (whole output: $logs/$name.log)"
  python3 "$ZMEM_ROOT/scripts/ci_failure_digest.py" "$logs/$name.log" || true
  echo
done
echo "stages passed: ${passed[*]:-none}"
[ ${#failed[@]} -eq 0 ] || echo "stages failed: ${failed[*]}"
echo "stages: ${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
