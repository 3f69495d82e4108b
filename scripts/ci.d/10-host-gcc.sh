#!/usr/bin/env bash
# The main host build with GCC and its full test suite.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
cmake_build host-gcc -DCMAKE_C_COMPILER=gcc
ctest_run host-gcc
prune_build host-gcc
