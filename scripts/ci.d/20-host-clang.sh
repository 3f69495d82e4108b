#!/usr/bin/env bash
# The host build with Clang (its own warnings as errors) and the full test suite, but for the
# build-system tests (label build-system: separate CMake projects and the Python configuration
# step, which the compiler does not change; stage 10 runs them).
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg clang clang
cmake_build host-clang -DCMAKE_C_COMPILER=clang
ctest_run host-clang -LE build-system
prune_build host-clang
