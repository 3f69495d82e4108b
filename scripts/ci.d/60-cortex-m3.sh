#!/usr/bin/env bash
# Cortex-M3 on QEMU mps2-an385: cross build of the core with its tests, each run under QEMU by
# ctest (arch/cortex_m/qemu-run.sh); prints the size report the build generates.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
cortex_m_stage cortex-m3
# The build generated the code-size report (tools/size_report); show it in the log.
cat "$ZMEM_OUT/cortex-m3/size_report.md"
