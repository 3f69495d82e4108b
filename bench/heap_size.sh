#!/usr/bin/env bash
# Code size of the sys_heap core on Cortex-M3 (arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -Os),
# with the method of the peer figures: the functions (and read-only data) of the allocator's own
# objects that survive --gc-sections in an image calling init, alloc, realloc, aligned_alloc
# and free; per configuration (each CONFIG_ option the sources know, and every hardening level).
#
#   bench/heap_size.sh [-v] [--markdown]
#     -v          also list every function kept in the default build (on stderr)
#     --markdown  print a markdown table (bench/run_all.sh size) instead of plain columns
#   HEAP_SIZE_TSV=FILE: also write one line per configuration, "FLAGS<tab>core text<tab>
#   core rodata<tab>whole text" ("-" when it does not build), for bench/run_all.sh.
#
# Method (the same as tools/size_report, without CMake): lib/heap is compiled with
# -ffunction-sections -fdata-sections, a probe image references only the API set and is linked
# with --gc-sections; the input sections the linker kept from lib/heap's objects are summed from
# the link map by kind (text, rodata, data, bss). memcpy/memset and compiler helpers are not
# counted (left unresolved). A second figure adds the rest of the API (validate, stats,
# fragmentation, walk, print, stress, usable_size, aligned_realloc, error hook).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cc=arm-none-eabi-gcc
nm=arm-none-eabi-nm
verbose=0
markdown=0
for a in "$@"; do
  case "$a" in
    -v) verbose=1 ;;
    --markdown) markdown=1 ;;
    *) echo "usage: $0 [-v] [--markdown]" >&2; exit 2 ;;
  esac
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

core_api="sys_heap_init sys_heap_alloc sys_heap_aligned_alloc sys_heap_realloc sys_heap_free"
full_api="$core_api sys_heap_aligned_realloc sys_heap_usable_size sys_heap_validate
  sys_heap_runtime_stats_get sys_heap_runtime_stats_reset_max sys_heap_fragmentation_get
  sys_heap_walk sys_heap_print_info sys_heap_stress sys_heap_error_hook_set sys_heap_error_str"

# sizes FLAGS API...: "text rodata data bss" bytes kept from lib/heap by a probe that
# references API.
sizes() {
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
  if ! (cd "$dir" && $cc -mcpu=cortex-m3 -mthumb -Os -std=c11 -ffreestanding -ffunction-sections \
    -fdata-sections -Wall -Wextra -Werror $flags -I"$root/include" -c "$root"/lib/heap/*.c); then
    echo "configuration '$flags' does not build" >&2
    echo "- - - -"
    return 0
  fi
  $cc -mcpu=cortex-m3 -mthumb -Os -ffreestanding -c "$dir/probe.c" -o "$dir/probe.o"
  local objs=()
  for o in "$dir"/*.o; do [ "$o" != "$dir/probe.o" ] && objs+=("$o"); done
  $cc -mcpu=cortex-m3 -mthumb -nostdlib -Wl,--gc-sections -Wl,-e,main \
    -Wl,--unresolved-symbols=ignore-all -Wl,-Map="$dir/image.map" -o "$dir/image.elf" \
    "$dir/probe.o" "${objs[@]}"
  # Input sections in the map: " .text.name  0xADDR 0xSIZE file.o" (or the name alone on a
  # line and the rest on the next). Discarded sections are listed before "Memory map".
  awk -v dir="$dir/" '
    function hex(s,   i, n) {
      n = 0
      s = tolower(substr(s, 3))
      for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
      return n
    }
    /^Linker script and memory map/ { on = 1; next }
    !on { next }
    /^ \.[^ ]+$/ { pending = $1; next }
    {
      name = ""; addr = ""; size = ""; file = ""
      if ($1 ~ /^\./ && NF >= 4) { name = $1; addr = $2; size = $3; file = $4 }
      else if (pending != "" && $1 ~ /^0x/ && NF >= 3) { name = pending; addr = $1; size = $2; file = $3 }
      pending = ""
      if (name == "" || file == "" || index(file, dir) != 1 || file ~ /probe\.o$/) next
      n = hex(size)
      if (name ~ /^\.text/) t += n
      else if (name ~ /^\.rodata/) r += n
      else if (name ~ /^\.data/) d += n
      else if (name ~ /^\.bss/ || name ~ /^COMMON/) b += n
    }
    END { printf "%d %d %d %d\n", t, r, d, b }' "$dir/image.map"
  if [ "$verbose" = 1 ] && [ -z "$flags" ] && [ "$#" -le 5 ]; then
    $nm -S --size-sort "$dir/image.elf" | while read -r _ sz t name; do
      case "$t" in t|T) [ "$name" != main ] && printf '    %-28s %5d\n' "$name" $((16#$sz));; esac
    done >&2
  fi
}

# Configurations: every hardening level the sources define (with each level's name from the
# configuration's help text), then each other option the sources use, on the default level.
configs=()
names=()
src_has() { grep -rqw "$1" "$root/lib/heap" "$root/include/zephyr/sys/sys_heap.h"; }
src_default() { # SYMBOL: the value lib/heap gives it when unset (empty if none)
  grep -hA1 "^#ifndef $1\$" "$root"/lib/heap/*.h | sed -n "s/^#define $1 \(.*\)/\1/p" | head -1
}
if src_has CONFIG_SYS_HEAP_HARDENING_LEVEL; then
  level_default="$(src_default CONFIG_SYS_HEAP_HARDENING_LEVEL)"
  level_max="$(grep -rhoE '(Z_HEAP_LEVEL|CONFIG_SYS_HEAP_HARDENING_LEVEL) *>=? *[0-9]+' \
    "$root/lib/heap" "$root/include/zephyr/sys/sys_heap.h" | grep -oE '[0-9]+$' | sort -n | tail -1)"
  # Zephyr's level names, as the configuration help or heap.h spell them ("2 moderate").
  help="$(cat "$root/lib/heap/Kconfig" "$root"/lib/heap/*.h "$root"/kconfig/*.conf 2>/dev/null || true)"
  for ((lvl = 0; lvl <= level_max; lvl++)); do
    lname="$(grep -oE "(^|[^0-9])$lvl (none|basic|moderate|full|extreme)" <<<"$help" | head -1 |
      sed 's/.* //')"
    [ -n "$lname" ] || lname="$(sed -n "s/.*default $lvl if SYS_HEAP_HARDENING_\([A-Z]*\).*/\1/p" \
      <<<"$help" | head -1 | tr 'A-Z' 'a-z')"
    label="\`CONFIG_SYS_HEAP_HARDENING_LEVEL=$lvl\`${lname:+ ($lname)}"
    [ "$lvl" = "$level_default" ] && label="$label, default"
    configs+=("-DCONFIG_SYS_HEAP_HARDENING_LEVEL=$lvl")
    names+=("$label")
  done
else
  configs+=("")
  names+=("default")
fi
# Statistics: both ways (the default differs between versions); with hardening levels, also
# level 1 (a hardened free, Zephyr's default level) without statistics (Zephyr's default).
if src_has CONFIG_SYS_HEAP_RUNTIME_STATS; then
  configs+=("-DCONFIG_SYS_HEAP_RUNTIME_STATS=0" "-DCONFIG_SYS_HEAP_RUNTIME_STATS=1")
  names+=("default + \`CONFIG_SYS_HEAP_RUNTIME_STATS=n\`" "default + \`CONFIG_SYS_HEAP_RUNTIME_STATS=y\`")
  if src_has CONFIG_SYS_HEAP_HARDENING_LEVEL; then
    configs+=("-DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0")
    names+=("\`CONFIG_SYS_HEAP_HARDENING_LEVEL=1\` + \`CONFIG_SYS_HEAP_RUNTIME_STATS=n\`")
  fi
fi
# One layout built (Zephyr's SYS_HEAP_SMALL_ONLY / BIG_ONLY): at the default level, and small
# only at level 1 without statistics (Zephyr's defaults where SRAM is at most 256 KiB, the
# configuration of its 1316-byte peer figure).
if src_has CONFIG_SYS_HEAP_SMALL_ONLY; then
  configs+=("-DCONFIG_SYS_HEAP_SMALL_ONLY=1" "-DCONFIG_SYS_HEAP_BIG_ONLY=1")
  names+=("default + \`CONFIG_SYS_HEAP_SMALL_ONLY=y\`" "default + \`CONFIG_SYS_HEAP_BIG_ONLY=y\`")
  configs+=("-DCONFIG_SYS_HEAP_SMALL_ONLY=1 -DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0")
  names+=("\`CONFIG_SYS_HEAP_SMALL_ONLY=y\` + \`CONFIG_SYS_HEAP_HARDENING_LEVEL=1\` + \`CONFIG_SYS_HEAP_RUNTIME_STATS=n\` (Zephyr's defaults)")
fi
# 8-byte chunk units on 32-bit targets (CONFIG_SYS_HEAP_SMALL_UNIT4=n): at the default and at
# Zephyr's defaults.
if src_has CONFIG_SYS_HEAP_SMALL_UNIT4; then
  configs+=("-DCONFIG_SYS_HEAP_SMALL_UNIT4=0")
  names+=("default + \`CONFIG_SYS_HEAP_SMALL_UNIT4=n\`")
  configs+=("-DCONFIG_SYS_HEAP_SMALL_ONLY=1 -DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0 -DCONFIG_SYS_HEAP_SMALL_UNIT4=0")
  names+=("Zephyr's defaults + \`CONFIG_SYS_HEAP_SMALL_UNIT4=n\`")
fi
# The compact policy (smallest code, simpler placement): at Zephyr's defaults (the size target's
# row) and at the sources' defaults.
if src_has CONFIG_SYS_HEAP_COMPACT; then
  configs+=("-DCONFIG_SYS_HEAP_SMALL_ONLY=1 -DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0 -DCONFIG_SYS_HEAP_COMPACT=1")
  names+=("Zephyr's defaults + \`CONFIG_SYS_HEAP_COMPACT=y\` (8-byte units)")
  configs+=("-DCONFIG_SYS_HEAP_COMPACT=1")
  names+=("default + \`CONFIG_SYS_HEAP_COMPACT=y\` (8-byte units)")
fi
for opt in CONFIG_SYS_HEAP_CANARY CONFIG_SYS_HEAP_BIG_CHUNKS; do
  if src_has "$opt"; then configs+=("-D$opt=1"); names+=("default + \`$opt=y\`"); fi
done
if src_has CONFIG_SYS_HEAP_ALLOC_PROBES; then
  configs+=("-DCONFIG_SYS_HEAP_ALLOC_PROBES=0")
  names+=("default + \`CONFIG_SYS_HEAP_ALLOC_PROBES=0\`")
fi
# The reference row (differences are against it): the sources' defaults.
base_flags=""

if [ "$markdown" = 1 ]; then
  echo "### Code size, Cortex-M3 \`-Os\` Thumb-2 (arm-none-eabi-gcc $($cc -dumpfullversion))"
  echo
  echo "Bytes of lib/heap kept by \`--gc-sections\` in an image calling init, alloc, realloc,"
  echo "aligned_alloc and free (\"core API\"), and in one calling the whole API; in parentheses"
  echo "the difference from the build with no configuration at all (the sources' defaults)."
  echo
  echo "| configuration | core API text | rodata | data | bss | whole API text | rodata |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
else
  printf '%-52s %16s %16s\n' "configuration (Cortex-M3, -Os)" "core API" "whole API"
fi
read -r base_core _ _ _ <<<"$(sizes "$base_flags" $core_api)"
# shellcheck disable=SC2086
read -r base_full _ _ _ <<<"$(sizes "$base_flags" $full_api)"
[ -z "${HEAP_SIZE_TSV:-}" ] || : >"$HEAP_SIZE_TSV"
for i in "${!configs[@]}"; do
  read -r ct cr cd cb <<<"$(sizes "${configs[$i]}" $core_api)"
  # shellcheck disable=SC2086
  read -r ft fr _ _ <<<"$(sizes "${configs[$i]}" $full_api)"
  [ -z "${HEAP_SIZE_TSV:-}" ] ||
    printf '%s\t%s\t%s\t%s\n' "${configs[$i]:-default}" "$ct" "$cr" "$ft" >>"$HEAP_SIZE_TSV"
  if [ "$ct" = - ] || [ "$ft" = - ]; then
    if [ "$markdown" = 1 ]; then
      echo "| ${names[$i]} | does not build | | | | | |"
    else
      printf '%-52s does not build\n' "${names[$i]//\`/}"
    fi
  elif [ "$markdown" = 1 ]; then
    printf '| %s | %d (%+d) | %d | %d | %d | %d (%+d) | %d |\n' "${names[$i]}" "$ct" \
      $((ct - base_core)) "$cr" "$cd" "$cb" "$ft" $((ft - base_full)) "$fr"
  else
    printf '%-52s %6d (%+5d) r%-3d %6d (%+5d)\n' "${names[$i]//\`/}" "$ct" $((ct - base_core)) \
      "$cr" "$ft" $((ft - base_full))
  fi
done
[ "$markdown" = 1 ] ||
  echo "core API: sys_heap_init, _alloc, _aligned_alloc, _realloc, _free; r = rodata bytes."
