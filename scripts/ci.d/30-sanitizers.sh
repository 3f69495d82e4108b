#!/usr/bin/env bash
# The host build with Clang (its own warnings as errors) under ASan + UBSan, at -O1; every test
# runs with any report fatal. This is also CI's Clang build: it replaces a separate unsanitized
# Clang stage (307 s) and a GCC -O0 sanitizer stage (231 s) that ran the same tests; this one
# took 372 s. At -O0 Clang's ASan frames outgrew the small thread stacks of 14 tests; at -O1
# all pass.
#
# Skipped here (and only here):
#  - tests labelled "no-sanitize" (a test that cannot run under the sanitizers says so itself)
#    and "build-system" (separate CMake projects and Python, built without the sanitizers);
#    stage 10 runs them;
#  - the tests listed in not_under_asan below, whose owners have not labelled them yet. They
#    fail under ASan for reasons of the test, not of the code sanitized: thread-stack sizes
#    and usage figures measured on small thread stacks that ASan's redzones outgrow.
# Leak detection is off: LeakSanitizer's tracer faults on the host runtime's guard pages;
# leaks of the core are checked by the valgrind stage.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg clang clang
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
not_under_asan='^(examples\.sensor_hub)$'
cmake_build clang-asan-ubsan -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g" -DZMEM_SANITIZE=address,undefined -DZMEM_BUILD_BENCH=OFF
ctest_run clang-asan-ubsan -LE "no-sanitize|build-system" -E "$not_under_asan"
prune_build clang-asan-ubsan
