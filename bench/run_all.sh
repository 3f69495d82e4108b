#!/usr/bin/env bash
# Every benchmark figure of docs/benchmarks.md, as markdown tables on stdout, with the method of
# /work/shared/docs/peer-figures.md (the peers' side-by-side figures).
#
#   bench/run_all.sh [-B BUILD_ROOT] [--doc] [PART...]
#
# --doc also writes the tables into docs/benchmarks.md, between its "BEGIN run_all" and
# "END run_all" markers (the rest of that page, the method and the peers' figures, is text).
#
# PART (default: all of them, in this order):
#   instr     instructions per op, x86-64, callgrind: inclusive Ir of the driver's noinline
#             wrappers w1_alloc/w1_free/w1_aligned_alloc over the first 400,000 ops of W1
#             (256 and 64 KiB), W2 (64 KiB), W3 (256 KiB); also the same less the wrappers' own
#             instructions (inside the allocator only)
#   target    the same instructions per op on Cortex-M3 under QEMU (bench/target_instr), -O2
#             and -Os, for the default build, Zephyr's defaults with both layouts and with
#             small heaps only, and the compact policy (about 3 minutes)
#   figures   failures and utilization at failure over 2,000,000 ops (deterministic): x86-64,
#             -m32 host and Cortex-M3 under QEMU mps2-an385 (the two 32-bit runs must agree)
#   overhead  largest single allocation right after init and 16-byte blocks that fit, heaps of
#             64 B .. 16 MiB, smallest heap serving one 16-byte block; 32- and 64-bit
#   size      code size, Cortex-M3 -Os Thumb-2 (bench/heap_size.sh)
#   worst     worst-case instructions of a single call on an adversarial sequence (callgrind)
#   traces    real programs' malloc traces (bench/traces: cc1, sqlite3, bc) replayed on a heap of
#             1.25 x their peak live bytes, 64- and 32-bit (bench/trace_replay.sh, ~10 s)
# With every part, a last table checks the figures against the targets of issue 10.
#
# BUILD_ROOT (default build-bench in the source tree) holds the three builds: host (gcc -O2 -g
# -DNDEBUG), m32 (the same, -m32) and cortex-m3 (arm-none-eabi-gcc, the project's toolchain
# file). Needs valgrind for instr and worst, gcc-multilib, gcc-arm-none-eabi,
# libnewlib-arm-none-eabi and qemu-system-arm for target/figures/overhead/size. About 5 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/build-bench"
doc=0
parts=()
while [ $# -gt 0 ]; do
  case "$1" in
    -B) out="$2"; shift 2 ;;
    --doc) doc=1; shift ;;
    instr|target|figures|overhead|size|worst|traces) parts+=("$1"); shift ;;
    *) echo "usage: $0 [-B BUILD_ROOT] [--doc] [instr|target|figures|overhead|size|worst|traces]..." >&2; exit 2 ;;
  esac
done
[ ${#parts[@]} -gt 0 ] || parts=(instr target figures overhead size worst traces)
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
report="$tmp/report.md"
exec 3>&1 1>"$report" # the tables go to $report, shown (and spliced into the doc) at the end

echo "Measured by \`bench/run_all.sh ${parts[*]}\` on zmem $commit, $(date -u '+%Y-%m-%d %H:%M UTC')."
echo
# The heap configuration each build used: the x86-64 build's generated autoconf.h; the
# 32-bit builds (freestanding core) use the sources' #ifndef defaults.
build_host
heap_conf="$(grep -h '^#define CONFIG_SYS_HEAP_' "$out/host/zephyr/autoconf.h" 2>/dev/null |
  awk '{ printf "%s`%s=%s`", sep, $2, $3; sep = ", " }')"
echo "Heap configuration: x86-64 build ${heap_conf:-none} (its \`autoconf.h\`, the Kconfig"
echo "defaults; symbols not listed are n); 32-bit builds: the sources' defaults."
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
  t_instr="${alloc_only[0]} ${alloc_only[1]} ${alloc_only[2]} ${alloc_only[3]}"
  t_instr_incl="${incl[0]} ${incl[1]} ${incl[2]} ${incl[3]}"
  echo "### Instructions per operation (x86-64, callgrind, first 400,000 ops)"
  echo
  echo "| zmem $commit | W1 256 KiB | W1 64 KiB | W2 64 KiB | W3 256 KiB |"
  echo "|---|---:|---:|---:|---:|"
  echo "| inclusive Ir of the wrappers / ops | ${incl[0]} | ${incl[1]} | ${incl[2]} | ${incl[3]} |"
  echo "| less the wrappers' own instructions | ${alloc_only[0]} | ${alloc_only[1]} | ${alloc_only[2]} | ${alloc_only[3]} |"
  echo
fi

# ---- instructions per op on Cortex-M3 -------------------------------------------------------
if want target; then
  basic="-DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0"
  # name|label|CFLAGS
  ti_builds=("default|default (MODERATE, statistics)|"
    "basic|Zephyr's defaults, both layouts (BASIC, no statistics)|$basic"
    "small|Zephyr's defaults, small heaps only|$basic -DCONFIG_SYS_HEAP_SMALL_ONLY=1"
    "compact|the same + \`CONFIG_SYS_HEAP_COMPACT=y\`|$basic -DCONFIG_SYS_HEAP_SMALL_ONLY=1 -DCONFIG_SYS_HEAP_COMPACT=1")
  echo "### Instructions per operation, Cortex-M3 under QEMU (bench/target_instr, first 400,000 ops)"
  echo
  echo "The same inclusive count as the x86-64 table, by a QEMU plugin: every instruction of the"
  echo "functions the wrappers reach (bench/target_instr/README.md). arm-none-eabi-gcc"
  echo "$(arm-none-eabi-gcc -dumpversion), \`-mcpu=cortex-m3 -mthumb\`, \`-DNDEBUG\`."
  echo
  echo "| zmem $commit | opt. | W1 256 KiB | W1 64 KiB | W2 64 KiB | W3 256 KiB |"
  echo "|---|---|---:|---:|---:|---:|"
  for opt in -O2 -Os; do
    for b in "${ti_builds[@]}"; do
      IFS='|' read -r name label flags <<<"$b"
      log "Cortex-M3 instructions: $name $opt"
      # shellcheck disable=SC2086
      row="$(ZMEM_TI_OPT="$opt" "$root/bench/target_instr/run.sh" "$out/ti-$name$opt" $flags)"
      read -r a b2 c d <<<"$row"
      echo "| $label | \`$opt\` | $a | $b2 | $c | $d |"
    done
  done
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
  t_w1u32="$(ratio3 "$(field util_ppm "$(grep '^W1 heap_kib=256 ' "$tmp/f32")")") $(ratio3 "$(field util_ppm "$(grep '^W1 heap_kib=64 ' "$tmp/f32")")")"
  t_w2f32="$(field failed "$(grep '^W2 heap_kib=64 ' "$tmp/f32")")"
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
  t_small32="$(field heap "$(grep '^SMALLEST16' "$tmp/o32")")"
  t_small64="$(field heap "$(grep '^SMALLEST16' "$tmp/o64")")"
  echo "Smallest heap that serves one 16-byte block: $(field heap "$(grep '^SMALLEST16' "$tmp/o32")") B" \
    "(32-bit), $(field heap "$(grep '^SMALLEST16' "$tmp/o64")") B (64-bit)."
  echo
fi

# ---- code size -------------------------------------------------------------------------------
if want size; then
  log "code size (Cortex-M3 -Os)"
  HEAP_SIZE_TSV="$tmp/size.tsv" "$root/bench/heap_size.sh" --markdown
  echo
fi

# ---- worst case ------------------------------------------------------------------------------
if want worst; then
  build_host
  log "worst case (callgrind, one dump per measured call)"
  "$root/bench/worst_case.sh" "$host_bin"
  echo
fi

# ---- real programs' traces -------------------------------------------------------------------
if want traces; then
  log "real programs' traces (bench/trace_replay.sh)"
  echo "### Real programs' malloc traces on a heap of 1.25 x their peak live bytes"
  echo
  echo "The traces and how they were recorded: bench/traces/README.md; method: docs/traces.md."
  echo
  "$root/bench/trace_replay.sh" -B "$out" | tee "$tmp/traces.md"
  echo
fi

# ---- targets of issue 10 ---------------------------------------------------------------------
# mark OK_IF_TRUE: a check mark or a cross.
mark() { if [ "$1" = 1 ]; then echo "met"; else echo "**not met**"; fi; }
# mark2 OK_256 OK_64: one mark for a pair of heap sizes, or one per size when they differ.
mark2() {
  if [ "$1" = "$2" ]; then mark "$1"; else echo "256 KiB $(mark "$1"), 64 KiB $(mark "$2")"; fi
}
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? 1 : 0 }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? 1 : 0 }'; }
if want instr && want figures && want overhead && want size && want worst; then
  echo "### Targets of issue 10"
  echo
  echo "Instruction targets are checked against the allocator-only figure (the wrapper-inclusive"
  echo "one in parentheses; see the method). Zephyr's overhead figures are the peers' (peer-figures.md)."
  echo
  echo "| metric | target | zmem $commit | |"
  echo "|---|---|---|---|"
  read -r s32 <<<"$t_small32"
  echo "| smallest heap serving one 16-byte block | <= 64 B | $t_small32 B (32-bit), $t_small64 B (64-bit) | $(mark "$(( s32 > 0 && s32 <= 64 && t_small64 > 0 && t_small64 <= 64 ? 1 : 0 ))") |"
  # Zephyr's largest block per heap size, 32- and 64-bit (peer-figures.md).
  zl32=(64:20 128:84 256:204 512:460 1024:964 2048:1988 8192:8124 1048576:1048472)
  zl64=(64:16 128:80 256:200 512:456 1024:960 2048:1984 8192:8120 1048576:1048472)
  ok=1
  below=0
  worst_gap=""
  for bits in 32 64; do
    if [ "$bits" = 32 ]; then list=("${zl32[@]}"); else list=("${zl64[@]}"); fi
    for pair in "${list[@]}"; do
      IFS=: read -r hs zb <<<"$pair"
      zm="$(field largest "$(grep "^OVERHEAD heap=$hs " "$tmp/o$bits")")"
      if [ -z "$zm" ] || [ "$zm" -lt "$zb" ]; then
        ok=0
        below=$((below + 1))
        [ "$below" -gt 3 ] || worst_gap+="${worst_gap:+, }$(human "$hs")$([ "$hs" -lt 65536 ] && echo " B") $bits-bit: ${zm:-refused} < $zb"
      fi
    done
  done
  [ "$below" -le 3 ] || worst_gap+=" and $((below - 3)) more"
  [ "$below" = 0 ] || worst_gap="below at $below of 16: $worst_gap"
  echo "| largest block after init, 32/64-bit, the sizes the peers measured (64 B .. 8 KiB, 1 MiB) | >= Zephyr's at every size | ${worst_gap:-as large as Zephyr or larger at all 16} | $(mark "$ok") |"
  b() { field blocks16 "$(grep "^OVERHEAD heap=$2 " "$tmp/o$1")"; }
  b256="$(b 32 256)"; b1k="$(b 32 1024)"; b8k="$(b 32 8192)"
  echo "| 16-byte blocks, 256 B / 1 KiB / 8 KiB (32-bit) | >= 8 / 40 / 338 | ${b256:-0} / ${b1k:-0} / ${b8k:-0} | $(mark "$(( ${b256:-0} >= 8 && ${b1k:-0} >= 40 && ${b8k:-0} >= 338 ? 1 : 0 ))") |"
  read -r i1 i2 i3 i4 <<<"$t_instr"
  read -r j1 j2 j3 j4 <<<"$t_instr_incl"
  echo "| W1 instructions/op, 256 / 64 KiB | <= 60 / <= 48 | $i1 ($j1) / $i2 ($j2) | $(mark2 "$(le "$i1" 60)" "$(le "$i2" 48)") |"
  echo "| W2 instructions/op | <= 70 | $i3 ($j3) | $(mark "$(le "$i3" 70)") |"
  echo "| W3 instructions/op | <= 85 | $i4 ($j4) | $(mark "$(le "$i4" 85)") |"
  read -r u1 u2 <<<"$t_w1u32"
  echo "| W1 utilization at failure, 32-bit, 256 / 64 KiB | >= 0.90 / >= 0.85 | $u1 / $u2 | $(mark2 "$(ge "$u1" 0.90)" "$(ge "$u2" 0.85)") |"
  echo "| W2 failures, 32-bit | < 142,653 (Zephyr) | $(thousands "$t_w2f32") | $(mark "$(( t_w2f32 < 142653 ? 1 : 0 ))") |"
  # Code size with a hardened free: hardening level 1 (basic) when the allocator has levels,
  # without statistics, small heaps only when it has that choice (Zephyr's defaults where SRAM
  # is at most 256 KiB, which its 1316-byte figure was measured with).
  size_row="$(awk -F'\t' '$1 == "-DCONFIG_SYS_HEAP_SMALL_ONLY=1 -DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0" { print $2 }' "$tmp/size.tsv")"
  size_what="small heaps only, level 1 (basic), no statistics"
  if [ -z "$size_row" ]; then
    size_row="$(awk -F'\t' '$1 == "-DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0" { print $2 }' "$tmp/size.tsv")"
    size_what="level 1 (basic), no statistics"
  fi
  if [ -z "$size_row" ]; then
    size_row="$(awk -F'\t' '$1 == "default" { print $2 }' "$tmp/size.tsv")"
    size_what="default"
  fi
  # The size-first policy, where the allocator has it, is the smallest hardened build: it is
  # the figure held against the target, with Zephyr's defaults beside it.
  compact_row="$(awk -F'\t' '$1 == "-DCONFIG_SYS_HEAP_SMALL_ONLY=1 -DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0 -DCONFIG_SYS_HEAP_COMPACT=1" { print $2 }' "$tmp/size.tsv")"
  if [ -n "$compact_row" ] && [ "$compact_row" != "-" ]; then
    echo "| Cortex-M3 -Os core API, hardened free | <= 1240 B | $compact_row B (the same + \`CONFIG_SYS_HEAP_COMPACT=y\`); $size_row B ($size_what) | $(mark "$(le "$compact_row" 1240)") |"
  else
    echo "| Cortex-M3 -Os core API, hardened free | <= 1240 B | $size_row B ($size_what) | $(mark "$(le "$size_row" 1240)") |"
  fi
  if want traces; then
    # Columns 7 and 8 of bench/trace_replay.sh's table: failed requests, 64- and 32-bit.
    tr_fail="$(awk -F'|' '/^\| [a-z0-9_-]+ \|/ && $2 != " trace " { for (c = 7; c <= 8; c++) { split($c, w, " "); v = w[1]; gsub(/[^0-9]/, "", v); if (v != "0") bad++ } n++ } END { print n + 0, bad + 0 }' "$tmp/traces.md")"
    read -r tr_n tr_bad <<<"$tr_fail"
    echo "| real programs' traces (bench/traces) at 1.25 x peak live bytes, 64- and 32-bit | no failed allocation | $([ "$tr_bad" = 0 ] && echo "none failed in $tr_n traces" || echo "failures in $tr_bad of $((tr_n * 2)) replays") | $(mark "$(( tr_n > 0 && tr_bad == 0 ? 1 : 0 ))") |"
  fi
  echo
fi

exec 1>&3 3>&-
cat "$report"
if [ "$doc" = 1 ]; then
  page="$root/docs/benchmarks.md"
  if ! grep -q '^<!-- BEGIN run_all' "$page" || ! grep -q '^<!-- END run_all' "$page"; then
    echo "run_all: $page has no BEGIN/END run_all markers" >&2
    exit 1
  fi
  awk -v report="$report" '
    /^<!-- BEGIN run_all/ { print; while ((getline line < report) > 0) print line; skip = 1; next }
    /^<!-- END run_all/ { skip = 0 }
    !skip { print }' "$page" >"$tmp/page.md"
  cp "$tmp/page.md" "$page"
  log "wrote the tables into $page"
fi
