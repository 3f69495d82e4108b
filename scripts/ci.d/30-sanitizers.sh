#!/usr/bin/env bash
# ASan + UBSan build of everything; every test runs with any report fatal.
# A test that cannot run under ASan (e.g. it switches stacks behind ASan's back) carries the
# ctest label "no-sanitize" and is skipped here, nowhere else.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
export ASAN_OPTIONS="abort_on_error=0:halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cmake_build asan-ubsan -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Debug \
  -DZMEM_SANITIZE=address,undefined -DZMEM_BUILD_BENCH=OFF
ctest_run asan-ubsan -LE no-sanitize
