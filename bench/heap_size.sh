#!/usr/bin/env bash
# Code size of the sys_heap core on Cortex-M3 (arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -Os),
# per configuration option: what each CONFIG_ symbol costs on top of the default build.
#
#   bench/heap_size.sh [-v]     (-v also lists every function kept in the default build)
#
# Method (the same as tools/size_report, without CMake): lib/heap is compiled with
# -ffunction-sections, a probe image references only the API set (init, alloc, aligned_alloc,
# realloc, free) and is linked with --gc-sections; the text kept from lib/heap is summed.
# memcpy/memset and compiler helpers are not counted (left unresolved). A second figure adds
# the rest of the API (validate, stats, fragmentation, walk, print, stress, usable_size).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cc=arm-none-eabi-gcc
nm=arm-none-eabi-nm
verbose=0
[ "${1:-}" = -v ] && verbose=1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

core_api="sys_heap_init sys_heap_alloc sys_heap_aligned_alloc sys_heap_realloc sys_heap_free"
full_api="$core_api sys_heap_aligned_realloc sys_heap_usable_size sys_heap_validate
  sys_heap_runtime_stats_get sys_heap_runtime_stats_reset_max sys_heap_fragmentation_get
  sys_heap_walk sys_heap_print_info sys_heap_stress sys_heap_error_hook_set sys_heap_error_str"

# size FLAGS API...: text bytes of lib/heap kept by a probe that references API.
size_of() {
  local flags="$1"; shift
  local dir="$tmp/$RANDOM$RANDOM"
  mkdir -p "$dir"
  {
    for fn in "$@"; do echo "extern void $fn(void);"; done
    echo "void (*const volatile probe[])(void) = {"
    for fn in "$@"; do echo "  $fn,"; done
    echo "};"
    echo "int main(void) { return probe[0] != 0; }"
  } >"$dir/probe.c"
  # shellcheck disable=SC2086
  (cd "$dir" && $cc -mcpu=cortex-m3 -mthumb -Os -std=c11 -ffreestanding -ffunction-sections \
    -fdata-sections -Wall -Wextra -Werror $flags -I"$root/include" -c "$root"/lib/heap/*.c)
  $cc -mcpu=cortex-m3 -mthumb -Os -ffreestanding -c "$dir/probe.c" -o "$dir/probe.o"
  $cc -mcpu=cortex-m3 -mthumb -nostdlib -Wl,--gc-sections -Wl,-e,main \
    -Wl,--unresolved-symbols=ignore-all -o "$dir/image.elf" "$dir/probe.o" "$dir"/heap*.o
  $nm -S --size-sort "$dir/image.elf" | while read -r _ sz t name; do
    case "$t" in t|T) [ "$name" != main ] && echo $((16#$sz));; esac
  done | awk '{ s += $1 } END { print s }'
  if [ "$verbose" = 1 ] && [ -z "$flags" ] && [ "$#" -le 5 ]; then
    $nm -S --size-sort "$dir/image.elf" | while read -r _ sz t name; do
      case "$t" in t|T) [ "$name" != main ] && printf '    %-28s %5d\n' "$name" $((16#$sz));; esac
    done >&2
  fi
}

base_core="$(size_of "" $core_api)"
base_full="$(size_of "" $full_api)"
printf '%-48s %12s %12s\n' "configuration (Cortex-M3, -Os)" "core API" "whole API"
printf '%-48s %12s %12s\n' "default" "$base_core" "$base_full"
for opt in "-DCONFIG_SYS_HEAP_RUNTIME_STATS=1" "-DCONFIG_SYS_HEAP_CANARY=1" \
           "-DCONFIG_SYS_HEAP_BIG_CHUNKS=1" "-DCONFIG_SYS_HEAP_ALLOC_PROBES=0" \
           "-DCONFIG_SYS_HEAP_RUNTIME_STATS=1 -DCONFIG_SYS_HEAP_CANARY=1"; do
  core="$(size_of "$opt" $core_api)"
  full="$(size_of "$opt" $full_api)"
  printf '%-48s %6s (%+4d) %6s (%+4d)\n' "${opt//-D/}" "$core" $((core - base_core)) \
    "$full" $((full - base_full))
done
echo "core API: sys_heap_init, _alloc, _aligned_alloc, _realloc, _free (target: at most 1638 B)."
