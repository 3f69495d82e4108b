#!/usr/bin/env bash
# The core built freestanding for RISC-V (rv32imac and rv64imac) with riscv64-unknown-elf-gcc,
# which has no C library: proves the core needs nothing beyond what docs/targets.md lists.
#  1. compile lib/heap with -ffreestanding against tests/target/freestanding/include only;
#  2. list the archive's external symbols: each must be in the documented set or in libgcc;
#  3. link the whole archive with -nostdlib into an image (undefined symbols fail the link).
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg riscv64-unknown-elf-gcc gcc-riscv64-unknown-elf

fs="$ZMEM_ROOT/tests/target/freestanding"
documented="memcpy memmove memset memcmp"

for isa in rv32imac:ilp32 rv64imac:lp64; do
  arch="${isa%%:*}" abi="${isa##*:}" name="riscv-freestanding-${isa%%:*}"
  cmake_build "$name" -DCMAKE_TOOLCHAIN_FILE="$ZMEM_ROOT/cmake/toolchain-riscv64-unknown-elf.cmake" \
    -DZMEM_RISCV_ARCH="$arch" -DZMEM_RISCV_ABI="$abi" -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DZMEM_HOST_RUNTIME=OFF -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF
  dir="$ZMEM_OUT/$name"
  lib="$dir/libzmem.a"
  flags=(-march="$arch" -mabi="$abi" -mcmodel=medany -ffreestanding -Os -Wall -Wextra -Werror
         -std=c11 -isystem "$fs/include" -I "$ZMEM_ROOT/include")
  libgcc="$(riscv64-unknown-elf-gcc "${flags[@]}" -print-libgcc-file-name)"

  riscv64-unknown-elf-nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u >"$dir/defined.txt"
  riscv64-unknown-elf-nm -u "$lib" | awk 'NF == 2 { print $2 }' | sort -u >"$dir/undefined.txt"
  riscv64-unknown-elf-nm -g --defined-only "$libgcc" | awk 'NF == 3 { print $3 }' | sort -u >"$dir/libgcc.txt"
  comm -23 "$dir/undefined.txt" "$dir/defined.txt" >"$dir/external.txt"
  bad=()
  while read -r sym; do
    if [[ " $documented " == *" $sym "* ]] || grep -qx "$sym" "$dir/libgcc.txt"; then continue; fi
    bad+=("$sym")
  done <"$dir/external.txt"
  echo "$arch: core's external symbols: $(tr '\n' ' ' <"$dir/external.txt")"
  if [ ${#bad[@]} -ne 0 ]; then
    echo "$arch: FAIL: undocumented dependencies of the core: ${bad[*]}" >&2
    exit 1
  fi

  riscv64-unknown-elf-gcc "${flags[@]}" -fno-tree-loop-distribute-patterns -nostdlib -static \
    -o "$dir/proof.elf" "$fs/proof_main.c" "$fs/mini_libc.c" \
    -Wl,--whole-archive "$lib" -Wl,--no-whole-archive -lgcc
  riscv64-unknown-elf-size "$dir/proof.elf"
done
echo "freestanding proof: OK"
prune_build riscv-freestanding-rv32imac riscv-freestanding-rv64imac
