#!/usr/bin/env bash
# Cortex-M4F on QEMU mps2-an386 (hard-float ABI, FPU enabled at reset): the same cross build
# and tests as 60-cortex-m3, each run under QEMU by ctest.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg arm-none-eabi-gcc gcc-arm-none-eabi
need_pkg arm-none-eabi-newlib libnewlib-arm-none-eabi
need_pkg qemu-system-arm qemu-system-arm
cmake_build cortex-m4 -DCMAKE_TOOLCHAIN_FILE="$ZMEM_ROOT/cmake/toolchain-arm-none-eabi.cmake" \
  -DZMEM_CORTEX_M_CPU=cortex-m4 -DZMEM_HOST_RUNTIME=OFF
ctest_run cortex-m4
