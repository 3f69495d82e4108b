#!/bin/sh
# Runs one bare-metal test image under QEMU and returns its exit status (ctest's
# CMAKE_CROSSCOMPILING_EMULATOR for the Cortex-M builds).
#
#   qemu-run.sh MACHINE IMAGE.elf [ARGS...]
#
# The image talks to QEMU through semihosting: console on our stdout, its exit status becomes
# QEMU's. ARGS reach the program's argv through the semihosting command line. A run longer than
# ZMEM_QEMU_TIMEOUT seconds (default 300) is killed and fails with status 124.
set -u
machine="$1"
image="$2"
shift 2

# Semihosting's command line: the image name then each argument; ',' is doubled for QEMU's
# option parser. Arguments must not contain spaces (the target splits on them).
semi="enable=on,target=native,arg=$(basename "$image")"
for a in "$@"; do
  case "$a" in *" "*) echo "qemu-run.sh: argument with a space: '$a'" >&2; exit 2 ;; esac
  semi="$semi,arg=$(printf '%s' "$a" | sed 's/,/,,/g')"
done

timeout -k 5 "${ZMEM_QEMU_TIMEOUT:-300}" \
  qemu-system-arm -M "$machine" -nographic -monitor none -serial null \
  -semihosting-config "$semi" -kernel "$image" </dev/null
status=$?
[ "$status" -eq 124 ] && echo "[qemu-run] timed out after ${ZMEM_QEMU_TIMEOUT:-300} s"
echo "[qemu-run] $machine $(basename "$image"): exit status $status"
exit "$status"
