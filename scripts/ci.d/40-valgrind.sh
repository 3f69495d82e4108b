#!/usr/bin/env bash
# The core's tests (ctest label "core") under valgrind memcheck: any error or definite leak
# fails the test. Tests added with zmem_add_test() run through ZMEM_TEST_LAUNCHER.
# Iterations are divided by 4 (valgrind is ~50x slower; the native stages run them in full),
# and the big-heap runs of the option variants are left to the native stages. The core's tests
# do not use the host runtime, so it is not built here (as in the -m32 stage): the kernel, its
# tests and the applications took most of this stage's time and none of them ran.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg valgrind valgrind
cmake_build valgrind -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DZMEM_HOST_RUNTIME=OFF -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF -DZMEM_TEST_ITER_DIVISOR=4 \
  "-DZMEM_TEST_LAUNCHER=valgrind;--error-exitcode=1;--leak-check=full;--errors-for-leak-kinds=definite;--track-origins=yes;-q"
ctest_run valgrind -L core -E '^heap_stress_big\.'
prune_build valgrind
