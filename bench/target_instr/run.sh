#!/usr/bin/env bash
# Instructions per operation of the benchmark's workloads on Cortex-M3 (QEMU mps2-an385): the
# 32-bit counterpart of the callgrind figures (bench/run_all.sh), which valgrind cannot give
# for a Cortex-M target. It counts, with a QEMU plugin (insn_count.c), every instruction
# executed in the functions the allocator wrappers of bench/bench_report.c (w1_alloc, w1_free,
# w1_aligned_alloc) can reach by direct calls and branches, found in the image's disassembly:
# the same inclusive cost callgrind's --toggle-collect gives on the host. A function of that
# set is counted wherever it is called from: the validation after the run calls a few (a few
# thousand instructions over 400,000 operations, under 0.01 per operation).
#
#   bench/target_instr/run.sh BUILD_DIR [CFLAGS...]
#
# BUILD_DIR is configured here as a Cortex-M3 tree (cmake/toolchain-arm-none-eabi.cmake) built
# with -O2 -DNDEBUG, as the host's callgrind figures (ZMEM_TI_OPT=-Os for the size setting),
# plus CFLAGS, e.g. "-DCONFIG_SYS_HEAP_HARDENING_LEVEL=1 -DCONFIG_SYS_HEAP_RUNTIME_STATS=0";
# only the report program (tests/target bench_report) is built. Prints one line: W1 256 KiB /
# W1 64 KiB / W2 64 KiB / W3 256 KiB, each instructions per operation over ZMEM_TI_OPS
# operations (default 400,000, as run_all.sh). ZMEM_TI_ELF=IMAGE counts an image built
# elsewhere instead (no CFLAGS then).
# Exact and repeatable: QEMU translates the same code the same way on every run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$1"; shift
cflags="$*"
ops="${ZMEM_TI_OPS:-400000}"
for tool in arm-none-eabi-gcc arm-none-eabi-objdump arm-none-eabi-nm qemu-system-arm gcc; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 2; }
done

if [ -n "${ZMEM_TI_ELF:-}" ]; then
  # An image built elsewhere (CI's Cortex-M3 tree): counted as it is, BUILD_DIR holds the work.
  [ -z "$cflags" ] || { echo "run.sh: CFLAGS need a build, not ZMEM_TI_ELF" >&2; exit 2; }
  elf="$ZMEM_TI_ELF"
else
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchain-arm-none-eabi.cmake" \
    -DZMEM_CORTEX_M_CPU=cortex-m3 -DZMEM_HOST_RUNTIME=OFF \
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_C_FLAGS_RELEASE=${ZMEM_TI_OPT:--O2} -DNDEBUG $cflags" >/dev/null
  cmake --build "$build" --target bench_report >/dev/null
  elf="$build/tests/target/bench_report.elf"
fi
[ -f "$elf" ] || { echo "run.sh: $elf was not built" >&2; exit 1; }

work="$build/target_instr"
mkdir -p "$work"
gcc -std=c11 -O2 -Wall -Wextra -Werror -shared -fPIC -fvisibility=hidden \
  -o "$work/insn_count.so" "$root/bench/target_instr/insn_count.c"

# The functions reachable from the wrappers: a breadth-first walk over the branch targets
# (bl, b.w, conditional branches to another function's label) of each function reached.
arm-none-eabi-objdump -d --no-show-raw-insn "$elf" >"$work/disasm.txt"
arm-none-eabi-nm -S --defined-only "$elf" >"$work/symbols.txt"
python3 - "$work/disasm.txt" "$work/symbols.txt" "$work/ranges.txt" <<'EOF'
# By address, not by name: two static functions of different files may share a name (a
# validation file's copy of an accessor beside the allocator's), and only one is reached.
import bisect, re, sys
disasm, symbols, out = sys.argv[1:4]
funcs = {}                                  # start -> (end, name): sized code symbols
for line in open(symbols):
    parts = line.split()
    if len(parts) == 4 and parts[2] in 'tTW':
        start = int(parts[0], 16) & ~1      # Thumb symbols carry bit 0
        funcs[start] = (start + int(parts[1], 16), parts[3])
starts = sorted(funcs)

def owner(addr):
    i = bisect.bisect_right(starts, addr) - 1
    return starts[i] if i >= 0 and addr < funcs[starts[i]][0] else None

head = re.compile(r'^([0-9a-f]+) <[^>]+>:$')
branch = re.compile(r'^\s*[0-9a-f]+:\s+(?:b|bl|blx|b\.[nw]|b(?:eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)(?:\.[nw])?)\s+([0-9a-f]+) <')
calls, current = {}, None
for line in open(disasm):
    m = head.match(line)
    if m:
        current = int(m.group(1), 16)
        calls.setdefault(current, set())
        continue
    m = branch.match(line)
    if m and current is not None:
        target = int(m.group(1), 16)
        callee = owner(target)
        if callee is None:                  # code without a size (assembly): an error if reached
            calls[current].add(-target)
        elif callee != current:
            calls[current].add(callee)
roots = []
for name in ('w1_alloc', 'w1_free', 'w1_aligned_alloc'):
    found = [a for a in starts if funcs[a][1] == name]
    if len(found) != 1:
        sys.exit(f'run.sh: {name} is in the image {len(found)} times, not once')
    roots += found
seen, pending = set(roots), list(roots)
while pending:
    for callee in calls.get(pending.pop(), ()):
        if callee < 0:
            sys.exit(f'run.sh: a reached branch to {-callee:x}, in no function with a size')
        if callee not in seen:
            seen.add(callee)
            pending.append(callee)
with open(out, 'w') as f:
    for a in sorted(seen):
        f.write(f'{a:x} {funcs[a][0]:x} {funcs[a][1]}\n')
EOF

line=""
for wl in "1 256" "1 64" "2 64" "3 256"; do
  set -- $wl
  rm -f "$work/count_$1_$2.txt"
  timeout -k 5 600 qemu-system-arm -M mps2-an385 -nographic -monitor none -serial null \
    -semihosting-config "enable=on,target=native,arg=bench_report.elf,arg=wl,arg=$1,arg=$2,arg=$ops" \
    -plugin "$work/insn_count.so,ranges=$work/ranges.txt,out=$work/count_$1_$2.txt" \
    -kernel "$elf" </dev/null >"$work/wl$1_$2.txt" 2>&1 || {
    echo "run.sh: W$1 $2 KiB failed:" >&2; cat "$work/wl$1_$2.txt" >&2; exit 1; }
  grep -q '^PASS$' "$work/wl$1_$2.txt" || { cat "$work/wl$1_$2.txt" >&2; exit 1; }
  n="$(sed -n 's/^insns //p' "$work/count_$1_$2.txt")"
  # A check of the count itself: every call of the free wrapper runs the same instructions,
  # so its share is a multiple of its calls (a count that lost or added blocks would not be).
  # Each block allocated is freed once, in the run or when the heap is emptied after it: the
  # calls are the allocations that did not fail. Also: the allocator's entry points ran.
  frees="$(sed -n 's/^W[123] .* allocs=\([0-9]*\) .* failed=\([0-9]*\) .*/\1 \2/p' \
    "$work/wl$1_$2.txt" | awk '{ print $1 - $2 }')"
  awk -v n="$n" -v frees="$frees" '/^function / { f[$2] = $3 }
    END { exit !(n > 0 && frees > 0 && (("sys_heap_alloc" in f) || ("sys_heap_aligned_alloc" in f)) && ("sys_heap_free" in f) &&
                 f["w1_free"] > 0 && f["w1_free"] % frees == 0 && f["w1_free"] / frees <= 8) }' \
    "$work/count_$1_$2.txt" || { echo "run.sh: inconsistent count for W$1 $2 KiB ($frees frees)" >&2;
    cat "$work/count_$1_$2.txt" >&2; exit 1; }
  line="$line $(awk -v n="$n" -v o="$ops" 'BEGIN { printf "%.1f", n / o }')"
done
echo "${line# }"
