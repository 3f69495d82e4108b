#!/usr/bin/env bash
# Instructions per alloc + free pair of k_mem_slab, k_heap and sys_heap, and per put + get round
# trip of k_msgq (16-byte messages) and k_fifo, counted by callgrind inside the API entry points
# only (inclusive of everything they call, locks included).
#
# Usage: instructions.sh BENCH_EXE [PAIRS]   (BENCH_EXE: the bench_kernel_objects binary)
# Prints key=value lines; with CHECK=1 exits non-zero when a target is missed
# (k_mem_slab <= 40 instructions per pair, k_heap <= 1.3 x sys_heap).
set -euo pipefail
exe="$1"
pairs="${2:-20000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# count ONLY FUNCTIONS...: total instructions collected inside those functions.
count() {
  local only="$1"; shift
  local toggles=()
  for f in "$@"; do toggles+=("--toggle-collect=$f"); done
  BENCH_ONLY="$only" BENCH_PAIRS="$pairs" valgrind --tool=callgrind --collect-atstart=no \
    "${toggles[@]}" --callgrind-out-file="$tmp/cg.$only" "$exe" --no-rt >/dev/null 2>"$tmp/err.$only" ||
    { cat "$tmp/err.$only" >&2; exit 1; }
  # "summary:" (or "totals:") holds the collected instruction count.
  awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.$only"
}

slab=$(count slab k_mem_slab_alloc k_mem_slab_free)
kheap=$(count kheap k_heap_alloc k_heap_free)
sysheap=$(count sysheap sys_heap_alloc sys_heap_free)
msgq=$(count msgq k_msgq_put k_msgq_get)
fifo=$(count fifo k_queue_append k_queue_get)

awk -v s="$slab" -v k="$kheap" -v h="$sysheap" -v m="$msgq" -v f="$fifo" -v n="$pairs" -v check="${CHECK:-0}" 'BEGIN {
  sp = s / n; kp = k / n; hp = h / n; r = kp / hp
  printf "bench=kernel_objects_instructions pairs=%d slab_instr_per_pair=%.1f kheap_instr_per_pair=%.1f sysheap_instr_per_pair=%.1f kheap_over_sysheap=%.2f msgq_instr_per_round_trip=%.1f fifo_instr_per_round_trip=%.1f\n", n, sp, kp, hp, r, m / n, f / n
  bad = 0
  if (check && sp > 40) { print "FAIL: k_mem_slab alloc+free above 40 instructions"; bad = 1 }
  if (check && r > 1.3) { print "FAIL: k_heap alloc+free above 1.3 x sys_heap"; bad = 1 }
  exit bad
}'
