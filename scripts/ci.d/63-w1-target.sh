#!/usr/bin/env bash
# W1 on Cortex-M3 (QEMU mps2-an385) against a 32-bit host build: the same program
# (tests/target/w1/w1_report.c over bench/w1.c and sys_heap) must print identical figures
# (attempts, frees, failures, utilization at failure) for the 64 and 256 KiB heaps. Both are
# 32-bit builds of the same algorithm, so the heap layouts are the same.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg arm-none-eabi-gcc gcc-arm-none-eabi
need_pkg arm-none-eabi-newlib libnewlib-arm-none-eabi
need_pkg qemu-system-arm qemu-system-arm
need_pkg gcc-multilib gcc-multilib

# Target: the Cortex-M3 build of stage 60 (built here when this stage runs alone).
cmake_build cortex-m3 -DCMAKE_TOOLCHAIN_FILE="$ZMEM_ROOT/cmake/toolchain-arm-none-eabi.cmake" \
  -DZMEM_CORTEX_M_CPU=cortex-m3 -DZMEM_HOST_RUNTIME=OFF >/dev/null
target="$ZMEM_OUT/cortex-m3/tests/target/w1_report.elf"

# Host: the core alone, -m32, then the same report program linked against it.
cmake_build w1-host-m32 -DCMAKE_C_COMPILER=gcc -DCMAKE_C_FLAGS=-m32 -DZMEM_HOST_RUNTIME=OFF \
  -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF >/dev/null
host="$ZMEM_OUT/w1-host-m32/w1_report_m32"
gcc -m32 -std=c11 -O2 -Wall -Wextra -Werror -I "$ZMEM_ROOT/include" -I "$ZMEM_ROOT/bench" \
  -o "$host" "$ZMEM_ROOT/tests/target/w1/w1_report.c" "$ZMEM_ROOT/bench/w1.c" \
  "$ZMEM_OUT/w1-host-m32/libzmem.a"

"$host" >"$ZMEM_OUT/w1-host-m32.txt"
"$ZMEM_ROOT/arch/cortex_m/qemu-run.sh" mps2-an385 "$target" >"$ZMEM_OUT/w1-cortex-m3.txt"
echo "host -m32:"; cat "$ZMEM_OUT/w1-host-m32.txt"
echo "cortex-m3:"; cat "$ZMEM_OUT/w1-cortex-m3.txt"
grep -q '^PASS$' "$ZMEM_OUT/w1-host-m32.txt"
grep -q '^PASS$' "$ZMEM_OUT/w1-cortex-m3.txt"
if [ "$(grep -c '^W1 ' "$ZMEM_OUT/w1-host-m32.txt")" -ne 2 ]; then
  echo "W1: expected two result lines" >&2
  exit 1
fi
if ! diff <(grep '^W1 ' "$ZMEM_OUT/w1-host-m32.txt") <(grep '^W1 ' "$ZMEM_OUT/w1-cortex-m3.txt"); then
  echo "W1: Cortex-M3 figures differ from the 32-bit host's" >&2
  exit 1
fi
echo "W1: Cortex-M3 and 32-bit host figures are identical"
