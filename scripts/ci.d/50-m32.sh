#!/usr/bin/env bash
# The core and its tests built for 32-bit x86 (-m32): 4-byte pointers and size_t, the chunk
# layouts of 32-bit targets (small heaps and the big-heap layout past 256 KiB), under UBSan:
# on a 32-bit target an index or size gone wrong can wrap pointer arithmetic around the address
# space, which no 64-bit build sees. The Linux host runtime is not part of this build: the core
# must not need it.
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
