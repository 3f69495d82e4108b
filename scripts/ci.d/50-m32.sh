#!/usr/bin/env bash
# 32-bit x86 (-m32), in two builds:
# - the core and its tests (4-byte pointers and size_t, the chunk layouts of 32-bit targets:
#   small heaps with 4-byte units and the big-heap layout past 256 KiB) under UBSan: on a 32-bit
#   target an index or size gone wrong can wrap pointer arithmetic around the address space,
#   which no 64-bit build sees. The Linux host runtime is not part of it: the core must not
#   need it.
# - the host runtime, as Zephyr's native_sim builds by default (32-bit): the tests of the
#   runtime, kernel objects, protection, ztest, logging, the examples and the tools (the
#   build-system tests, which configure applications of their own, run in stage 10).
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg gcc-multilib gcc-multilib
need_i386_exec
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cmake_build m32 -DCMAKE_C_COMPILER=gcc -DCMAKE_C_FLAGS=-m32 -DZMEM_SANITIZE=undefined \
  -DZMEM_HOST_RUNTIME=OFF -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF
[ "$(elf_class "$ZMEM_OUT/m32/tests/heap/heap_api")" = 32 ] \
  || { echo "m32: test binaries are not 32-bit"; exit 1; }
ctest_run m32 -L core
prune_build m32

need_pkg i386-libstdc++ g++-multilib
cmake -S "$ZMEM_ROOT" -B "$ZMEM_OUT/m32-host" -G Ninja -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_C_FLAGS=-m32 -DCMAKE_CXX_FLAGS=-m32 -DCMAKE_EXE_LINKER_FLAGS=-m32 \
  -DZMEM_BUILD_BENCH=OFF >/dev/null
cmake --build "$ZMEM_OUT/m32-host" -j "$ZMEM_JOBS" --target tests/runtime/all \
  tests/kernel/all tests/protection/all tests/ztest/all tests/logging/all tests/compat/all \
  tests/tools/all tools/all examples/all
[ "$(elf_class "$ZMEM_OUT/m32-host/tests/protection/protection_overflow")" = 32 ] \
  || { echo "m32-host: test binaries are not 32-bit"; exit 1; }
ctest_run m32-host -R '^(runtime|kernel|protection|ztest|logging|compat|tools|examples)' \
  -LE build-system
prune_build m32-host
