#!/usr/bin/env bash
# Zephyr-style tests through scripts/twister: its own self-test (known passing, failing,
# filtered and erroring scenarios, both reports), then every testcase.yaml / sample.yaml under
# tests/ and examples/ on native_sim. ccache and Ninja (installed by scripts/run-tests.sh) make
# scenarios share the zmem objects that their configurations compile alike.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg python3-yaml python3-yaml
cd "$ZMEM_ROOT"
# The applications compile with the compiler stage 10 named (gcc), not CMake's default `cc`:
# ccache keys an object on the compiler's name too, and with `cc` not one of stage 10's objects
# was reused (a cold configuration took 16 s instead of 5).
export CC=gcc
/usr/bin/python3 tests/ztest/twister_selftest.py "$ZMEM_OUT/twister-selftest"
prune_build twister-selftest
# A passed scenario keeps only its logs and .config (a failed one everything): about 50
# scenarios' build folders would otherwise stay (ccache's size: scripts/run-tests.sh).
roots=(-T tests)
[ -d examples ] && roots+=(-T examples)
/usr/bin/python3 scripts/twister "${roots[@]}" -O "$ZMEM_OUT/twister" -j "$ZMEM_JOBS" --inline-logs \
  --runtime-artifact-cleanup pass
# The scenarios that build freestanding (platform_allow names the boards) on Cortex-M3 and
# Cortex-M4F under QEMU, with ztest's single-thread runner.
need_pkg arm-none-eabi-gcc gcc-arm-none-eabi
need_pkg arm-none-eabi-newlib libnewlib-arm-none-eabi
need_pkg qemu-system-arm qemu-system-arm
/usr/bin/python3 scripts/twister -T tests -p qemu_cortex_m3 -p mps2/an386 \
  -O "$ZMEM_OUT/twister-cortex-m" -j "$ZMEM_JOBS" --inline-logs --runtime-artifact-cleanup pass
