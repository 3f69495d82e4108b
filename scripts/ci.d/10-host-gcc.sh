#!/usr/bin/env bash
# The main host build with GCC and its full test suite; then the host runtime's test programs
# again under valgrind memcheck (scripts/valgrind_ctest.py: the kernel, runtime, logging,
# ztest and compat suites, the examples and the benchmarks' checks; about 30 s on 2 cores).
# valgrind is installed before the build: the runtime tells it about its stacks through
# valgrind's headers.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg valgrind valgrind
cmake_build host-gcc -DCMAKE_C_COMPILER=gcc
ctest_run host-gcc
python3 "$ZMEM_ROOT/scripts/valgrind_ctest.py" "$ZMEM_OUT/host-gcc" -j "$ZMEM_JOBS"
prune_build host-gcc
