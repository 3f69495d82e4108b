#!/usr/bin/env bash
# Workload W1 (issue 2) for zmem and the system allocators this machine has: ns/op over the
# whole loop (fastest of 3 runs), per-call latency percentiles (each call's fastest of 5
# identical runs, so preemptions drop out), then callgrind for the instructions executed
# inside the allocator's entry points (inclusive cost of alloc + free, divided by the ops).
#
#   bench/run_w1.sh [BUILD_DIR] [OPS]
#
# BUILD_DIR (default build-bench) is configured here with gcc -O2 -g -DNDEBUG
# (RelWithDebInfo), the setting the issue's peer figures were measured with. Timings on a
# shared or virtual machine stay noisy; instruction counts are exact and repeatable.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-bench}"
ops="${2:-2000000}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DZMEM_HOST_RUNTIME=OFF -DZMEM_BUILD_TESTS=OFF -DZMEM_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" -j 2 --target bench_w1 >/dev/null
for extra in bench_w1_jemalloc bench_w1_mimalloc; do
  cmake --build "$build" -j 2 --target "$extra" >/dev/null 2>&1 || true
done
bin="$build/bench"

# name|binary|heap KiB|callgrind entry points
runs=("zmem|bench_w1|64|sys_heap_alloc sys_heap_free"
      "zmem|bench_w1|256|sys_heap_alloc sys_heap_free"
      "glibc|bench_w1|256|malloc free")
[ -x "$bin/bench_w1_jemalloc" ] && runs+=("jemalloc|bench_w1_jemalloc|256|malloc free")
# libmimalloc's mi_malloc/mi_free are aliases of its malloc/free symbols.
[ -x "$bin/bench_w1_mimalloc" ] && runs+=("mimalloc|bench_w1_mimalloc|256|malloc free")

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

have_valgrind=1
command -v valgrind >/dev/null 2>&1 || have_valgrind=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

printf '%-9s %5s %8s %6s %8s %8s %9s %11s %9s %10s %8s\n' allocator heap ns/op ratio \
  p50_ns p99_ns p99.99_ns max_ns instr/op failed util
glibc_ns=""
lines=()
for r in "${runs[@]}"; do
  IFS='|' read -r name exe kib entries <<<"$r"
  out="$("$bin/$exe" "$name" "$kib" "$ops")"
  ins="n/a"
  if [ "$have_valgrind" = 1 ]; then
    toggles=()
    for e in $entries; do toggles+=(--toggle-collect="$e"); done
    collected="$(valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" --collect-atstart=no \
      "${toggles[@]}" "$bin/$exe" "$name" "$kib" "$ops" count 2>&1 |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p')"
    ins="$(awk -v c="$collected" -v n="$ops" 'BEGIN { printf "%.1f", c / n }')"
  fi
  [ "$name" = glibc ] && glibc_ns="$(field ns_per_op "$out")"
  lines+=("$name|$kib|$out|$ins")
done
for l in "${lines[@]}"; do
  IFS='|' read -r name kib out ins <<<"$l"
  ns="$(field ns_per_op "$out")"
  ratio="$(awk -v a="$ns" -v b="${glibc_ns:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
  failed="$(field failed "$out")"
  util="$(awk -v p="$(field util_ppm "$out")" -v f="$failed" \
    'BEGIN { if (f > 0) printf "%.3f", p / 1e6; else print "n/a" }')"
  printf '%-9s %5s %8s %6s %8s %8s %9s %11s %9s %10s %8s\n' "$name" "$kib" "$ns" "$ratio" \
    "$(field p50_ns "$out")" "$(field p99_ns "$out")" "$(field p9999_ns "$out")" \
    "$(field max_ns "$out")" "$ins" "$failed" "$util"
done
echo "ratio: ns/op relative to glibc malloc. Latencies: per call, fastest of 5 runs, less the"
echo "timer's own cost. glibc/jemalloc/mimalloc are unbounded: their heap column is ignored"
echo "and they never fail."
