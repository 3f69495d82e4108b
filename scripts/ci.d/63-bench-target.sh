#!/usr/bin/env bash
# The benchmark's workloads (W1 on 64 and 256 KiB, W2 on 64 KiB, W3 on 256 KiB, 2,000,000 ops
# each) and the fixed-overhead table on Cortex-M3 (QEMU mps2-an385) against a 32-bit host
# build: the same program (bench/bench_report.c over bench/workloads.c and sys_heap) must
# validate every heap and print identical figures (attempts, frees, failures, live-bytes sum
# at failures, utilization; largest block and 16-byte blocks per heap size; smallest heap for
# one 16-byte block). Both are 32-bit builds of one algorithm, so the layouts are the same.
# No timing (QEMU is not cycle-accurate); instruction counts from bench/target_instr. About 15 s
# once the Cortex-M3 build of stage 60 exists.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg arm-none-eabi-gcc gcc-arm-none-eabi
need_pkg arm-none-eabi-newlib libnewlib-arm-none-eabi
need_pkg qemu-system-arm qemu-system-arm
need_pkg gcc-multilib gcc-multilib
need_i386_exec

# Target: the Cortex-M3 build of stage 60 (built here when this stage runs alone).
cmake_build cortex-m3 -DCMAKE_TOOLCHAIN_FILE="$ZMEM_ROOT/cmake/toolchain-arm-none-eabi.cmake" \
  -DZMEM_CORTEX_M_CPU=cortex-m3 -DZMEM_HOST_RUNTIME=OFF >/dev/null
target="$ZMEM_OUT/cortex-m3/tests/target/bench_report.elf"

# Host: the core alone, -m32, then the same report program linked against it.
cmake_build bench-host-m32 -DCMAKE_C_COMPILER=gcc -DCMAKE_C_FLAGS=-m32 -DZMEM_HOST_RUNTIME=OFF \
  -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF >/dev/null
host="$ZMEM_OUT/bench-host-m32/bench_report_m32"
gcc -m32 -std=c11 -O2 -Wall -Wextra -Werror -I "$ZMEM_ROOT/include" -I "$ZMEM_ROOT/bench" \
  -o "$host" "$ZMEM_ROOT/bench/bench_report.c" "$ZMEM_ROOT/bench/workloads.c" \
  "$ZMEM_ROOT/bench/worst.c" \
  "$ZMEM_OUT/bench-host-m32/libzmem.a"

"$host" >"$ZMEM_OUT/bench-host-m32.txt"
"$ZMEM_ROOT/arch/cortex_m/qemu-run.sh" mps2-an385 "$target" >"$ZMEM_OUT/bench-cortex-m3.txt"
echo "host -m32:"; cat "$ZMEM_OUT/bench-host-m32.txt"
echo "cortex-m3:"; cat "$ZMEM_OUT/bench-cortex-m3.txt"
grep -q '^PASS$' "$ZMEM_OUT/bench-host-m32.txt"
grep -q '^PASS$' "$ZMEM_OUT/bench-cortex-m3.txt"
figures() { grep -E '^(W[123]|OVERHEAD|SMALLEST16) ' "$1"; }
for want in "W1 heap_kib=64 " "W1 heap_kib=256 " "W2 heap_kib=64 " "W3 heap_kib=256 " \
  "OVERHEAD heap=64 " "OVERHEAD heap=16777216 " "SMALLEST16 "; do
  if [ "$(figures "$ZMEM_OUT/bench-host-m32.txt" | grep -c "^$want")" -ne 1 ]; then
    echo "bench: no single line '$want' in the host output" >&2
    exit 1
  fi
done
if ! diff <(figures "$ZMEM_OUT/bench-host-m32.txt") <(figures "$ZMEM_OUT/bench-cortex-m3.txt"); then
  echo "bench: Cortex-M3 figures differ from the 32-bit host's" >&2
  exit 1
fi
echo "bench: Cortex-M3 and 32-bit host figures are identical ($(figures "$ZMEM_OUT/bench-host-m32.txt" | wc -l) lines)"
# The instruction counter (bench/target_instr) on the same image: its QEMU plugin loads in
# this QEMU, and its count checks itself (the free wrapper's share a multiple of its calls).
counts="$(ZMEM_TI_ELF="$target" ZMEM_TI_OPS=20000 "$ZMEM_ROOT/bench/target_instr/run.sh" \
  "$ZMEM_OUT/target-instr")"
echo "bench: Cortex-M3 instructions per op over 20,000 ops (W1 256 / W1 64 / W2 / W3): $counts"
# The Cortex-M3 tree of stage 60 was kept for this stage.
prune_build cortex-m3 bench-host-m32 target-instr
