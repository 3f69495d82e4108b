#!/usr/bin/env bash
# Replays real programs' malloc traces (bench/traces/*.trace.xz) on zmem's sys_heap, 64- and
# 32-bit, on a heap FACTOR (default 1.25) times each trace's peak live bytes, and prints a
# markdown table; failed requests, if any, are listed after it (size, live bytes at the time,
# free bytes, largest free block).
#
#   bench/trace_replay.sh [-B BUILD_ROOT] [--factor F] [--size] [TRACE.xz...]
#
# --size also finds the smallest heap that serves each trace (heap_planner size; about half a
# minute per trace and word size for cc1). BUILD_ROOT (default build-bench in the source tree)
# holds the x86-64 build (host) and the -m32 one (m32), configured as bench/run_all.sh does;
# only heap_planner is built in them. The 32-bit column needs gcc-multilib (skipped, with a
# note, when -m32 cannot build). Prints the table on stdout, progress on stderr; exits 0 unless
# something could not be run. About 10 seconds, plus the builds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/build-bench"
factor=1.25
size=0
traces=()
while [ $# -gt 0 ]; do
  case "$1" in
    -B) out="$2"; shift 2 ;;
    --factor) factor="$2"; shift 2 ;;
    --size) size=1; shift ;;
    -*) echo "usage: $0 [-B BUILD_ROOT] [--factor F] [--size] [TRACE.xz...]" >&2; exit 2 ;;
    *) traces+=("$1"); shift ;;
  esac
done
[ ${#traces[@]} -gt 0 ] || traces=("$root"/bench/traces/*.trace.xz)
jobs="${BENCH_JOBS:-2}"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache)
log() { echo "[trace_replay] $*" >&2; }
mkdir -p "$out"

# The same configurations as bench/run_all.sh's host and m32 builds.
log "building heap_planner (x86-64)"
cmake -S "$root" -B "$out/host" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZMEM_HOST_RUNTIME=OFF \
  -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_EXAMPLES=OFF "${launcher[@]}" >/dev/null
cmake --build "$out/host" -j "$jobs" --target heap_planner >/dev/null
hp64="$out/host/tools/heap_planner/heap_planner"
hp32=""
log "building heap_planner (-m32)"
if cmake -S "$root" -B "$out/m32" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_C_FLAGS=-m32 -DZMEM_HOST_RUNTIME=OFF -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_BENCH=OFF \
  -DZMEM_BUILD_EXAMPLES=OFF "${launcher[@]}" >/dev/null 2>&1 &&
  cmake --build "$out/m32" -j "$jobs" --target heap_planner >/dev/null 2>&1; then
  hp32="$out/m32/tools/heap_planner/heap_planner"
else
  log "-m32 build failed (gcc-multilib missing?): no 32-bit column"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
stat_of() { sed -n "s/^$1  *\([0-9]*\).*/\1/p" "$2"; }

# replay HEAP_PLANNER TRACE LABEL: "failures" (or "failures (util. U)") for the table; the
# failed requests go to $tmp/failures.
replay() {
  local rc=0
  "$1" replay --peak-factor "$factor" --failures 20 "$2" >"$tmp/replay.txt" || rc=$?
  [ $rc -le 1 ] || { cat "$tmp/replay.txt" >&2; echo "replay of $2 failed to run" >&2; exit 1; }
  local n util
  n="$(stat_of "failed allocations" "$tmp/replay.txt")"
  if [ "$n" != 0 ]; then
    util="$(sed -n 's/^util. at failure *\([0-9.]*\).*/\1/p' "$tmp/replay.txt")"
    { echo; echo "$3:"; echo; echo '```'; grep -E '^(failed {2,}|\()' "$tmp/replay.txt"; echo '```'; } \
      >>"$tmp/failures"
    echo "**$(commas "$n")** (util. $util)"
  else
    echo "0"
  fi
}

# smallest HEAP_PLANNER TRACE PEAK: "bytes (x peak)".
smallest() {
  local b
  b="$("$1" size "$2" | sed -n 's/^smallest heap *\([0-9]*\).*/\1/p')"
  [ -n "$b" ] || { echo "none"; return; }
  echo "$(commas "$b") ($(awk -v b="$b" -v p="$3" 'BEGIN { printf "%.3f", b / p }')x)"
}

: >"$tmp/failures"
echo "Heap: $factor x each trace's peak live bytes (the sum of live requested bytes, every"
echo "request served), rounded up to 8. Failures: allocations and growing reallocs that returned"
echo "NULL; util. = mean live bytes / heap size when one failed."
echo
if [ $size = 1 ]; then
  echo "| trace | operations | peak live bytes (blocks) | largest request | heap | failed, 64-bit | failed, 32-bit | smallest heap, 64-bit | smallest heap, 32-bit |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
else
  echo "| trace | operations | peak live bytes (blocks) | largest request | heap | failed, 64-bit | failed, 32-bit |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
fi
for t in "${traces[@]}"; do
  name="$(basename "$t" .trace.xz)"
  log "$name"
  xz -dc "$t" >"$tmp/$name.trace"
  "$hp64" stats "$tmp/$name.trace" >"$tmp/stats.txt"
  ops="$(stat_of operations "$tmp/stats.txt")"
  peak="$(stat_of "peak live bytes" "$tmp/stats.txt")"
  blocks="$(stat_of "peak live blocks" "$tmp/stats.txt")"
  largest="$(stat_of "largest request" "$tmp/stats.txt")"
  heap="$(awk -v p="$peak" -v f="$factor" 'BEGIN { h = int(f * p); printf "%d", h + (8 - h % 8) % 8 }')"
  f64="$(replay "$hp64" "$tmp/$name.trace" "$name, 64-bit")"
  f32="n/a"
  [ -z "$hp32" ] || f32="$(replay "$hp32" "$tmp/$name.trace" "$name, 32-bit")"
  row="| $name | $(commas "$ops") | $(commas "$peak") ($(commas "$blocks")) | $(commas "$largest") | $(commas "$heap") | $f64 | $f32 |"
  if [ $size = 1 ]; then
    s64="$(smallest "$hp64" "$tmp/$name.trace" "$peak")"
    s32="n/a"
    [ -z "$hp32" ] || s32="$(smallest "$hp32" "$tmp/$name.trace" "$peak")"
    row="$row $s64 | $s32 |"
  fi
  echo "$row"
  rm -f "$tmp/$name.trace"
done
if [ -s "$tmp/failures" ]; then
  echo
  echo "Failed requests (the first 20 of each replay; operation = line of the trace without comments):"
  cat "$tmp/failures"
fi
