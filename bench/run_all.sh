#!/usr/bin/env bash
# Every benchmark figure of docs/benchmarks.md, as markdown tables on stdout, with the method of
# /work/shared/docs/peer-figures.md (the peers' side-by-side figures).
#
#   bench/run_all.sh [-B BUILD_ROOT] [PART...]
#
# PART (default: all of them, in this order):
#   instr     instructions per op, x86-64, callgrind: inclusive Ir of the driver's noinline
#             wrappers w1_alloc/w1_free/w1_aligned_alloc over the first 400,000 ops of W1
#             (256 and 64 KiB), W2 (64 KiB), W3 (256 KiB); also the same less the wrappers' own
#             instructions (inside the allocator only)
#   figures   failures and utilization at failure over 2,000,000 ops (deterministic): x86-64,
#             -m32 host and Cortex-M3 under QEMU mps2-an385 (the two 32-bit runs must agree)
#   overhead  largest single allocation right after init and 16-byte blocks that fit, heaps of
#             64 B .. 16 MiB, smallest heap serving one 16-byte block; 32- and 64-bit
#   size      code size, Cortex-M3 -Os Thumb-2 (bench/heap_size.sh)
#   worst     worst-case instructions of a single call on an adversarial sequence (callgrind)
#
# BUILD_ROOT (default build-bench in the source tree) holds the three builds: host (gcc -O2 -g
# -DNDEBUG), m32 (the same, -m32) and cortex-m3 (arm-none-eabi-gcc, the project's toolchain
# file). Needs valgrind for instr and worst, gcc-multilib, gcc-arm-none-eabi,
# libnewlib-arm-none-eabi and qemu-system-arm for figures/overhead/size. About 2-3 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/build-bench"
if [ "${1:-}" = -B ]; then
  out="$2"
  shift 2
fi
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(instr figures overhead size worst)
jobs="${BENCH_JOBS:-2}"
mkdir -p "$out"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache)

want() {
  local p
  for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done
  return 1
}
log() { echo "[run_all] $*" >&2; }

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$root" status --porcelain -- lib include 2>/dev/null)" ]; then
  commit="$commit+local changes"
fi

# ---- builds --------------------------------------------------------------------------------
build_host() {
  [ -n "${host_bin:-}" ] && return 0
  log "building host (x86-64, -O2 -g -DNDEBUG)"
  cmake -S "$root" -B "$out/host" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZMEM_HOST_RUNTIME=OFF \
    -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_EXAMPLES=OFF "${launcher[@]}" >/dev/null
  cmake --build "$out/host" -j "$jobs" --target bench_report >/dev/null
  host_bin="$out/host/bench/bench_report"
}
build_m32() {
  [ -n "${m32_bin:-}" ] && return 0
  log "building host -m32"
  cmake -S "$root" -B "$out/m32" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=gcc \
    -DCMAKE_C_FLAGS=-m32 -DZMEM_HOST_RUNTIME=OFF -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_BENCH=OFF \
    -DZMEM_BUILD_EXAMPLES=OFF "${launcher[@]}" >/dev/null
  cmake --build "$out/m32" -j "$jobs" --target zmem >/dev/null
  m32_bin="$out/m32/bench_report_m32"
  gcc -m32 -std=c11 -O2 -g -DNDEBUG -Wall -Wextra -Werror -I "$root/include" -I "$root/bench" \
    -o "$m32_bin" "$root/bench/bench_report.c" "$root/bench/workloads.c" "$root/bench/worst.c" "$out/m32/libzmem.a"
}
build_m3() {
  [ -n "${m3_bin:-}" ] && return 0
  log "building Cortex-M3"
  cmake -S "$root" -B "$out/cortex-m3" \
    -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchain-arm-none-eabi.cmake" \
    -DZMEM_CORTEX_M_CPU=cortex-m3 -DZMEM_HOST_RUNTIME=OFF "${launcher[@]}" >/dev/null
  cmake --build "$out/cortex-m3" -j "$jobs" --target bench_report >/dev/null
  m3_bin="$out/cortex-m3/tests/target/bench_report.elf"
}

# ---- helpers ---------------------------------------------------------------------------------
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
ratio3() { awk -v p="$1" 'BEGIN { printf "%.3f", p / 1e6 }'; }
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }

workloads=("1 256" "1 64" "2 64" "3 256")
wl_label() {
  case "$1" in
    "1 256") echo "W1 256 KiB" ;;
    "1 64") echo "W1 64 KiB" ;;
    "2 64") echo "W2 64 KiB" ;;
    "3 256") echo "W3 256 KiB" ;;
  esac
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "<!-- bench/run_all.sh ${parts[*]}: zmem $commit, $(date -u '+%Y-%m-%d %H:%M UTC') -->"
echo

# ---- instructions per op -------------------------------------------------------------------
if want instr; then
  build_host
  command -v valgrind >/dev/null || { echo "valgrind is needed for instr" >&2; exit 1; }
  incl=()
  alloc_only=()
  for wl in "${workloads[@]}"; do
    log "callgrind $(wl_label "$wl")"
    # shellcheck disable=SC2086
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" --collect-atstart=no \
      --toggle-collect=w1_alloc --toggle-collect=w1_free --toggle-collect=w1_aligned_alloc \
      "$host_bin" wl $wl 400000 >"$tmp/wl.txt" 2>"$tmp/vg.txt"
    grep -q '^PASS$' "$tmp/wl.txt" || { cat "$tmp/wl.txt" >&2; exit 1; }
    total="$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/vg.txt")"
    # The wrappers' own (self) instructions, from the profile.
    self="$(callgrind_annotate --inclusive=no "$tmp/cg" 2>/dev/null |
      awk '/:w1_(alloc|free|aligned_alloc) / { gsub(",", "", $1); s += $1 } END { print s + 0 }')"
    incl+=("$(awk -v c="$total" 'BEGIN { printf "%.1f", c / 400000 }')")
    alloc_only+=("$(awk -v c="$total" -v s="$self" 'BEGIN { printf "%.1f", (c - s) / 400000 }')")
  done
  echo "### Instructions per operation (x86-64, callgrind, first 400,000 ops)"
  echo
  echo "| zmem $commit | W1 256 KiB | W1 64 KiB | W2 64 KiB | W3 256 KiB |"
  echo "|---|---:|---:|---:|---:|"
  echo "| inclusive Ir of the wrappers / ops | ${incl[0]} | ${incl[1]} | ${incl[2]} | ${incl[3]} |"
  echo "| less the wrappers' own instructions | ${alloc_only[0]} | ${alloc_only[1]} | ${alloc_only[2]} | ${alloc_only[3]} |"
  echo
fi

# ---- failures and utilization ---------------------------------------------------------------
run_figures() { # BIN... -> one line per workload in $tmp/$2
  local name="$1"
  shift
  : >"$tmp/$name"
  for wl in "${workloads[@]}"; do
    # shellcheck disable=SC2086
    "$@" wl $wl >>"$tmp/$name"
  done
  grep -c '^PASS$' "$tmp/$name" | grep -qx 4 || { cat "$tmp/$name" >&2; exit 1; }
}
if want figures; then
  build_host
  build_m32
  build_m3
  log "figures: x86-64, -m32, Cortex-M3"
  run_figures f64 "$host_bin"
  run_figures f32 "$m32_bin"
  run_figures fm3 "$root/arch/cortex_m/qemu-run.sh" mps2-an385 "$m3_bin"
  if ! diff <(grep '^W' "$tmp/f32") <(grep '^W' "$tmp/fm3") >&2; then
    echo "Cortex-M3 and -m32 figures differ" >&2
    exit 1
  fi
  echo "### Failures and utilization at failure (2,000,000 ops)"
  echo
  echo "32-bit: \`-m32\` host and Cortex-M3 under QEMU \`mps2-an385\`, identical (checked)."
  echo
  echo "| zmem $commit | W1 256 KiB | W1 64 KiB | W2 64 KiB | W3 256 KiB |"
  echo "|---|---:|---:|---:|---:|"
  for bits in 32 64; do
    f="$tmp/f$bits"
    row_u="| utilization at failure, $bits-bit |"
    row_f="| failures / attempts, $bits-bit |"
    for wl in "${workloads[@]}"; do
      IFS=' ' read -r k kib <<<"$wl"
      line="$(grep "^W$k heap_kib=$kib " "$f")"
      row_u+=" $(ratio3 "$(field util_ppm "$line")") |"
      row_f+=" $(thousands "$(field failed "$line")") / $(thousands "$(field allocs "$line")") |"
    done
    echo "$row_u"
    echo "$row_f"
  done
  echo
fi

# ---- fixed overhead ---------------------------------------------------------------------------
human() {
  case "$1" in
    65536) echo "64 KiB" ;; 262144) echo "256 KiB" ;; 1048576) echo "1 MiB" ;;
    16777216) echo "16 MiB" ;; *) echo "$1" ;;
  esac
}
if want overhead; then
  build_host
  build_m32
  build_m3
  log "overhead: x86-64, -m32, Cortex-M3"
  "$host_bin" overhead >"$tmp/o64"
  "$m32_bin" overhead >"$tmp/o32"
  "$root/arch/cortex_m/qemu-run.sh" mps2-an385 "$m3_bin" overhead >"$tmp/om3"
  for f in o64 o32 om3; do grep -q '^PASS$' "$tmp/$f" || { cat "$tmp/$f" >&2; exit 1; }; done
  if ! diff <(grep -E '^(OVERHEAD|SMALLEST16)' "$tmp/o32") \
    <(grep -E '^(OVERHEAD|SMALLEST16)' "$tmp/om3") >&2; then
    echo "Cortex-M3 and -m32 overhead figures differ" >&2
    exit 1
  fi
  cell() {
    local line
    line="$(grep "^OVERHEAD heap=$2 " "$tmp/$1")"
    case "$line" in
      *refused*) echo "refused" ;;
      *) echo "$(field largest "$line") B, $(field blocks16 "$line")" ;;
    esac
  }
  echo "### Fixed overhead: largest single allocation right after init, 16-byte blocks that fit"
  echo
  echo "32-bit: \`-m32\` host and Cortex-M3, identical (checked). Largest block found by binary"
  echo "search on fresh heaps, then allocated for real (and one byte more refused)."
  echo
  echo "| heap | zmem $commit 32-bit | zmem $commit 64-bit |"
  echo "|---:|---|---|"
  for s in 64 128 256 512 1024 2048 8192 65536 262144 1048576 16777216; do
    echo "| $(human "$s") | $(cell o32 "$s") | $(cell o64 "$s") |"
  done
  echo
  echo "Smallest heap that serves one 16-byte block: $(field heap "$(grep '^SMALLEST16' "$tmp/o32")") B" \
    "(32-bit), $(field heap "$(grep '^SMALLEST16' "$tmp/o64")") B (64-bit)."
  echo
fi

# ---- code size -------------------------------------------------------------------------------
if want size; then
  log "code size (Cortex-M3 -Os)"
  "$root/bench/heap_size.sh" --markdown
  echo
fi

# ---- worst case ------------------------------------------------------------------------------
if want worst; then
  build_host
  log "worst case (callgrind, one dump per measured call)"
  "$root/bench/worst_case.sh" "$host_bin"
  echo
fi
