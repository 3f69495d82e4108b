#!/usr/bin/env bash
# The host build with Clang (its own warnings as errors) and the full test suite.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg clang clang
cmake_build host-clang -DCMAKE_C_COMPILER=clang
ctest_run host-clang
prune_build host-clang
