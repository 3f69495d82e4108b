#!/usr/bin/env bash
# Checks tools/malloc_trace: the trace of a known program, exactly, and a threaded one for
# consistency.
# usage: malloc_trace_test.sh LIBMALLOC_TRACE.so MALLOC_TRACE_DEMO EXPECTED_TRACE SCRATCH_DIR
set -u
LIB="$1"; DEMO="$2"; EXPECTED="$3"; D="$4"
rm -rf "$D"; mkdir -p "$D"
fails=0; passes=0
check() { # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; fails=$((fails + 1)); fi
}

# 1. The single-threaded sequence, line for line; nothing on the program's stdout.
ZMEM_MALLOC_TRACE="$D/demo.%p.trace" LD_PRELOAD="$LIB" "$DEMO" >"$D/stdout"; rc=$?
check "demo exits 0 (every call behaved as glibc documents)" test $rc -eq 0
check "nothing written to stdout" test ! -s "$D/stdout"
set -- "$D"/demo.*.trace
check "one trace file, named by the pid" test $# -eq 1 -a -f "$1"
grep -v '^#' "$1" >"$D/demo.lines"
check "the trace is exactly expected.trace" cmp -s "$EXPECTED" "$D/demo.lines"
cmp -s "$EXPECTED" "$D/demo.lines" || diff "$EXPECTED" "$D/demo.lines" | head -20
check "the header comment names the program" grep -q '^# zmem malloc_trace: pid [0-9]* malloc_trace_demo$' "$1"

# 2. Four threads of malloc(4321)/free: every pair recorded, in an order that replays (no ID
#    allocated twice while live, no free or realloc of a dead ID).
ZMEM_MALLOC_TRACE="$D/threads.trace" LD_PRELOAD="$LIB" "$DEMO" threads >"$D/stdout"; rc=$?
check "threaded demo exits 0" test $rc -eq 0
check "threaded: nothing written to stdout" test ! -s "$D/stdout"
check "threaded: 8000 blocks of 4321 bytes" \
  test "$(grep -c '^a [0-9]* 4321$' "$D/threads.trace")" -eq 8000
out=$(awk '
  /^#/ { next }
  $1 == "a" || $1 == "m" { if (live[$2]) { print "line " NR ": ID " $2 " allocated twice"; bad++ } live[$2] = 1 }
  $1 == "r" { if (!live[$2]) { print "line " NR ": realloc of dead ID " $2; bad++ } }
  $1 == "f" { if (!live[$2]) { print "line " NR ": free of dead ID " $2; bad++ } live[$2] = 0 }
  END { exit bad != 0 }' "$D/threads.trace"); rc=$?
check "threaded: the trace is consistent" test $rc -eq 0
[ -n "$out" ] && echo "$out" | head

# 3. ZMEM_MALLOC_TRACE_ONLY naming another program: no trace; unset variable: no trace.
ZMEM_MALLOC_TRACE="$D/only.trace" ZMEM_MALLOC_TRACE_ONLY=cc1 LD_PRELOAD="$LIB" "$DEMO"; rc=$?
check "ZMEM_MALLOC_TRACE_ONLY=cc1: demo exits 0" test $rc -eq 0
check "ZMEM_MALLOC_TRACE_ONLY=cc1: no trace" test ! -e "$D/only.trace"
ZMEM_MALLOC_TRACE_ONLY=malloc_trace_demo ZMEM_MALLOC_TRACE="$D/only.trace" LD_PRELOAD="$LIB" "$DEMO"
check "ZMEM_MALLOC_TRACE_ONLY=malloc_trace_demo: traced" test -s "$D/only.trace"

# 4. A trace file that cannot be opened: one line on stderr, the program runs as usual.
ZMEM_MALLOC_TRACE="$D/no/such/dir/x.trace" LD_PRELOAD="$LIB" "$DEMO" >"$D/stdout" 2>"$D/stderr"
rc=$?
check "unopenable file: demo exits 0" test $rc -eq 0
check "unopenable file: nothing on stdout" test ! -s "$D/stdout"
check "unopenable file: reported on stderr" grep -q 'malloc_trace: cannot open' "$D/stderr"

echo "malloc_trace: $passes passed, $fails failed"
test $fails -eq 0
