#!/usr/bin/env bash
# The core allocator (lib/heap) compiled the way a Cortex-M firmware compiles it: freestanding,
# -Os, warnings as errors, no configuration header. Its objects may reference nothing outside
# themselves except the compiler's memory helpers (memcpy / memset / memmove and __aeabi_*), so
# it links into any bare-metal image. Built in the default configuration and with every bool
# option of lib/heap/Kconfig switched on; prints a size report of each.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg arm-none-eabi-gcc gcc-arm-none-eabi
CC=arm-none-eabi-gcc
out="$ZMEM_OUT/freestanding"
rm -rf "$out"
mkdir -p "$out"
shopt -s nullglob
srcs=("$ZMEM_ROOT"/lib/heap/*.c)
if [ ${#srcs[@]} -eq 0 ]; then
  echo "freestanding: no sources in lib/heap"; exit 1
fi
cflags=(-mcpu=cortex-m3 -mthumb -Os -ffreestanding -std=c11 -Wall -Wextra -Werror
        -ffunction-sections -fdata-sections -I"$ZMEM_ROOT/include" -I"$ZMEM_ROOT/lib/heap")

# The bool options of the heap's Kconfig file (a `config NAME` line followed by a `bool` one).
options=()
while read -r name; do
  options+=("-DCONFIG_$name=1")
done < <(awk '/^config /{name=$2; next} name && /^[ \t]+bool/{print name} {name=""}' \
           "$ZMEM_ROOT/lib/heap/Kconfig")

build() { # build NAME [DEFINES...]
  local name="$1"; shift
  local dir="$out/$name" objs=()
  mkdir -p "$dir"
  for src in "${srcs[@]}"; do
    local obj="$dir/$(basename "$src" .c).o"
    "$CC" "${cflags[@]}" "$@" -c "$src" -o "$obj"
    objs+=("$obj")
  done
  # One relocatable object: references between the core's own files resolve here.
  arm-none-eabi-ld -r -o "$dir/core_all.o" "${objs[@]}"
  local bad
  bad="$(arm-none-eabi-nm -u "$dir/core_all.o" | awk '{print $2}' \
         | grep -Ev '^(memcpy|memset|memmove|__aeabi_[A-Za-z0-9_]+)$' || true)"
  if [ -n "$bad" ]; then
    echo "freestanding ($name): lib/heap references symbols outside itself:"
    echo "$bad" | sed 's/^/  /'
    return 1
  fi
  echo "freestanding ($name): OK; undefined: $(arm-none-eabi-nm -u "$dir/core_all.o" | awk '{print $2}' | tr '\n' ' ')"
  arm-none-eabi-size -t "${objs[@]}" | sed "s|$dir/||"
}

build default
if [ ${#options[@]} -gt 0 ]; then
  echo "all options on: ${options[*]}"
  build all-options "${options[@]}"
fi
prune_build freestanding
