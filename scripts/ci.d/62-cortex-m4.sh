#!/usr/bin/env bash
# Cortex-M4F on QEMU mps2-an386 (hard-float ABI, FPU enabled at reset): the same cross build
# and tests as 60-cortex-m3, each run under QEMU by ctest.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
cortex_m_stage cortex-m4
prune_build cortex-m4
