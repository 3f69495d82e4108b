#!/usr/bin/env bash
# Re-records the traces of bench/traces/ (how, and with which versions: README.md there).
#
#   bench/traces/record.sh LIBMALLOC_TRACE.so [OUT_DIR]
#
# LIBMALLOC_TRACE.so is tools/malloc_trace's library from a host build (e.g.
# build/tools/malloc_trace/libmalloc_trace.so). OUT_DIR (default: bench/traces) receives
# cc1.trace.xz, sqlite3.trace.xz, sqlite3-embedded.trace.xz and bc.trace.xz. The compiler's
# input is zmem's own lib/heap/*.c at CC1_SOURCE_COMMIT (default: the commit the committed
# trace was recorded from), concatenated.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="$(realpath "${1:?usage: record.sh LIBMALLOC_TRACE.so [OUT_DIR]}")"
out="$(realpath "${2:-$here}")"
commit="${CC1_SOURCE_COMMIT:-93c041a}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The compiler: gcc -O2 -c of lib/heap/*.c as one file. gcc starts cc1 as a child process;
# ZMEM_MALLOC_TRACE_ONLY=cc1 records that child alone. cc1 hashes pointers, so its calls
# depend on where things land: address randomization off (setarch -R, where the system lets
# it) and a fixed -frandom-seed make two recordings the same.
norandom=(setarch -R)
setarch -R true 2>/dev/null || { echo "record.sh: setarch -R refused; cc1's trace will vary" >&2; norandom=(); }
mkdir -p "$tmp/src/include"
git -C "$root" archive "$commit" include lib/heap | tar -x -C "$tmp/src"
(cd "$tmp/src" && LC_ALL=C cat lib/heap/*.c >heap_all.c)
(cd "$tmp/src" && LC_ALL=C ZMEM_MALLOC_TRACE="$tmp/cc1.%p.trace" ZMEM_MALLOC_TRACE_ONLY=cc1 \
  LD_PRELOAD="$lib" "${norandom[@]}" gcc -O2 -frandom-seed=zmem -c -I include -I lib/heap heap_all.c \
  -o heap_all.o)
set -- "$tmp"/cc1.*.trace
[ $# -eq 1 ] || { echo "record.sh: expected one cc1 trace, got $#" >&2; exit 1; }
grep -v '^#' "$1" | xz -9e >"$out/cc1.trace.xz"

# The database engine: the sqlite3 shell running a workload on a new database file; the
# embedded one has 1 KiB pages, a 16-page cache and a tenth of the rows.
for w in sqlite3:sqlite_workload sqlite3-embedded:sqlite_workload_embedded; do
  name="${w%%:*}"
  (cd "$tmp" && rm -f workload.db && LC_ALL=C ZMEM_MALLOC_TRACE="$tmp/$name.trace" \
    LD_PRELOAD="$lib" sqlite3 -batch -init /dev/null workload.db <"$here/${w#*:}.sql" >/dev/null)
  grep -v '^#' "$tmp/$name.trace" | xz -9e >"$out/$name.trace.xz"
done
# A heap of embedded size (under 256 KiB): GNU bc computing pi to 500 decimals, an
# arbitrary-precision interpreter allocating and freeing numbers all the time.
(cd "$tmp" && echo 'scale = 500; 4 * a(1)' >pi.bc && LC_ALL=C ZMEM_MALLOC_TRACE="$tmp/bc.trace" \
  LD_PRELOAD="$lib" bc -l pi.bc >/dev/null)
grep -v '^#' "$tmp/bc.trace" | xz -9e >"$out/bc.trace.xz"
ls -l "$out"/cc1.trace.xz "$out"/sqlite3.trace.xz "$out"/sqlite3-embedded.trace.xz "$out"/bc.trace.xz
