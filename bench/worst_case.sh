#!/usr/bin/env bash
# Worst-case instructions of a single sys_heap call, measured: bench_report's adversarial
# sequence (bench/worst.c, and the first 3,000 calls of W1/W2/W3 on small heaps) under
# callgrind, collecting only inside the measured wrappers and dumping the counters after every
# measured call (a client request naming the call). Prints a markdown table: per call kind, the
# calls measured, the mean and the maximum instructions of one call, and the call that took
# the maximum.
#
#   bench/worst_case.sh BENCH_REPORT_BINARY     (a host build with valgrind's headers)
set -euo pipefail
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
toggles=()
for f in wc_alloc wc_free wc_aligned_alloc wc_realloc w1_alloc w1_free w1_aligned_alloc; do
  toggles+=(--toggle-collect="$f")
done
# LD_BIND_NOW: no lazy symbol binding inside a measured call (the first memcpy of realloc).
LD_BIND_NOW=1 valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" --collect-atstart=no --dump-instr=no \
  --dump-line=no "${toggles[@]}" "$bin" worst >"$tmp/out.txt" 2>"$tmp/vg.txt"
if ! grep -q '^PASS$' "$tmp/out.txt"; then
  cat "$tmp/out.txt" >&2
  exit 1
fi
dumps="$(find "$tmp" -name 'cg.*' | wc -l)"
if [ "$dumps" -lt 1000 ]; then
  echo "worst_case: only $dumps callgrind dumps (is bench_report built with valgrind/callgrind.h?)" >&2
  exit 1
fi
# One line per measured call: "IR<tab>KIND<tab>LABEL".
find "$tmp" -name 'cg.*' -print0 | xargs -0 awk '
  FNR == 1 { label = "" }
  /^desc: Trigger: Client Request: / { label = substr($0, length("desc: Trigger: Client Request: ") + 1) }
  /^summary: / && label != "" {
    split(label, w, " ")
    kind = w[1]
    if (kind == "workload") kind = "workload " w[2]
    else if (label ~ /realloc-large-copy/) kind = "realloc (moving a 64 KiB block)"
    else if (kind == "realloc") kind = "realloc (blocks up to 8 KiB)"
    else if (label ~ / failing / && kind == "free") kind = "free (bad pointer: error hook)"
    printf "%s\t%s\t%s\n", $2, kind, label
  }' >"$tmp/calls.tsv"
echo "### Worst-case instructions of one call (x86-64, callgrind)"
echo
echo "Adversarial sequence: \`bench_report worst\` (bench/worst.c), $(wc -l <"$tmp/calls.tsv" |
  sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') calls, each"
echo "measured alone (inclusive instructions of the wrapper around the call)."
echo
echo "| call | calls measured | mean | max | the most expensive call |"
echo "|---|---:|---:|---:|---|"
sort -t"$(printf '\t')" -k2,2 -k1,1nr "$tmp/calls.tsv" | awk -F'\t' '
  $2 != kind {
    if (kind != "") printf "| %s | %d | %.1f | %d | %s |\n", kind, n, sum / n, max, what
    kind = $2; n = 0; sum = 0; max = $1; what = $3
  }
  { n++; sum += $1 }
  END { if (kind != "") printf "| %s | %d | %.1f | %d | %s |\n", kind, n, sum / n, max, what }'
