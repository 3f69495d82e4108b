#!/usr/bin/env bash
# Cortex-M3 on QEMU mps2-an385: cross build of the core with its tests, each run under QEMU by
# ctest (arch/cortex_m/qemu-run.sh); prints the size report the build generates.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg arm-none-eabi-gcc gcc-arm-none-eabi
need_pkg arm-none-eabi-newlib libnewlib-arm-none-eabi
need_pkg qemu-system-arm qemu-system-arm
cmake_build cortex-m3 -DCMAKE_TOOLCHAIN_FILE="$ZMEM_ROOT/cmake/toolchain-arm-none-eabi.cmake" \
  -DZMEM_CORTEX_M_CPU=cortex-m3 -DZMEM_HOST_RUNTIME=OFF
ctest_run cortex-m3
# The build generated the code-size report (tools/size_report); show it in the log.
cat "$ZMEM_OUT/cortex-m3/size_report.md"
