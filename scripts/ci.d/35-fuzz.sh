#!/usr/bin/env bash
# Fuzzing (tests/fuzz, docs/fuzzing.md): the fuzz targets built as libFuzzer fuzzers with clang,
# ASan and UBSan; every checked-in corpus replayed through them (ctest -L fuzz), then each
# fuzzer run for ZMEM_FUZZ_SECONDS (default 15) from its corpus. Then the same for a 32-bit
# build (-m32) of the targets that reach the heap, whose small heaps use 4-byte chunk units, a
# layout no 64-bit build has (ZMEM_FUZZ_SECONDS_M32, default 10), and its size-build (-Os) and
# compact-policy variants of sys_heap_misuse and sys_heap_overflow (ZMEM_FUZZ_SECONDS_VARIANTS,
# default 5; every variant's corpus replay runs in both builds). A crash or an oracle failure
# fails the stage and leaves the input in $ZMEM_OUT/fuzz-artifacts/<target>/ (m32-<target>/ for
# the 32-bit build; add it to the corpus once the defect is fixed). Targets listed in
# ZMEM_FUZZ_PENDING (tests/fuzz/CMakeLists.txt: known failures awaiting a fix) are built, not
# run. Then the prj.conf mutation test (tests/fuzz/conf_mutation.py) with 1500 inputs. About
# 2.5 minutes on 2 cores.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg clang clang
# libFuzzer's runtime (a Recommends of clang, absent with --no-install-recommends).
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  ver="$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)"
  need_pkg "libclang_rt.fuzzer (clang $ver)" "libclang-rt-$ver-dev"
fi
secs="${ZMEM_FUZZ_SECONDS:-15}"
secs_m32="${ZMEM_FUZZ_SECONDS_M32:-10}"
secs_variants="${ZMEM_FUZZ_SECONDS_VARIANTS:-5}"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The targets whose code depends on the heap's layout or the pointer size (the k_malloc header),
# fuzzed again at -m32.
m32_targets="sys_heap_ops sys_heap_misuse sys_heap_overflow multi_heap k_heap_malloc"
# The other builds of lib/heap (tests/fuzz/CMakeLists.txt: fuzz_<target>.<variant>), fuzzed at
# -m32 only: that is where the size build's layout tests see both small layouts.
m32_variants="sys_heap_misuse.os sys_heap_overflow.os sys_heap_misuse.compact sys_heap_overflow.compact"

# fuzz_build NAME [CMAKE ARGS...]: configure and build the fuzzers in $ZMEM_OUT/NAME, then replay
# every corpus through them.
fuzz_build() {
  local name="$1"; shift
  cmake -S "$ZMEM_ROOT" -B "$ZMEM_OUT/$name" -DCMAKE_C_COMPILER=clang -DZMEM_FUZZ=ON \
    -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF "$@" >/dev/null
  cmake --build "$ZMEM_OUT/$name" -j "$ZMEM_JOBS" --target fuzz_all
  ctest --test-dir "$ZMEM_OUT/$name" -L fuzz -E conf_mutation --output-on-failure -j "$ZMEM_JOBS"
}
fuzz_build fuzz

# fuzz_one BUILD TARGET SECS TAG: run one fuzzer of build BUILD for SECS seconds (a variant,
# TARGET.VARIANT, reads its target's corpus); its verdict goes
# to its artifacts folder, fuzz-artifacts/TAG (result.txt, first line "ok" or "FAILED"), so
# fuzzers can run side by side.
fuzz_one() {
  local build="$ZMEM_OUT/$1" t="$2" secs="$3" tag="$4" quiet=""
  local work="$ZMEM_OUT/fuzz-corpus/$tag" art="$ZMEM_OUT/fuzz-artifacts/$tag"
  mkdir -p "$work" "$art"
  # The trace reader reports every malformed line on stderr: keep the log small.
  [ "$t" != trace_reader ] || quiet="-close_fd_mask=2"
  # New inputs go to a scratch corpus; the checked-in one is only read.
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$art/" -print_final_stats=1 $quiet \
      "$work" "$ZMEM_ROOT/tests/fuzz/corpus/${t%%.*}" >"$art/log.txt" 2>&1; then
    echo "ok $(sed -n 's/^stat::number_of_executed_units: *//p' "$art/log.txt")" >"$art/result.txt"
  else
    echo FAILED >"$art/result.txt"
  fi
}

# fuzz_all_of BUILD SECS PREFIX TARGET...: run the fuzzers of build BUILD, $ZMEM_JOBS at a time
# (libFuzzer runs one process on one core), each for the full SECS; report each verdict.
fuzz_all_of() {
  local build="$1" secs="$2" prefix="$3" t tag verdict runs art
  shift 3
  local tags=()
  for t in "$@"; do
    tag="$prefix$t"
    tags+=("$tag")
    rm -f "$ZMEM_OUT/fuzz-artifacts/$tag/result.txt"
    while [ "$(jobs -rp | wc -l)" -ge "$ZMEM_JOBS" ]; do wait -n || true; done
    fuzz_one "$build" "$t" "$secs" "$tag" &
  done
  wait
  for tag in "${tags[@]}"; do
    art="$ZMEM_OUT/fuzz-artifacts/$tag"
    read -r verdict runs <"$art/result.txt" || verdict=FAILED
    if [ "$verdict" = ok ]; then
      echo "fuzz $tag: ok, $runs runs in ${secs} s"
    else
      echo "fuzz $tag: FAILED; input and log in $art"
      grep -E 'oracle failed|ERROR|SUMMARY' "$art/log.txt" | head -5 || true
      status=1
    fi
  done
}

status=0
targets=()
while read -r t state; do
  [ "$state" != variant ] || continue # replayed by ctest above; fuzzed at -m32 below
  if [ "$state" != run ]; then
    echo "fuzz $t: PENDING (built, not run: see ZMEM_FUZZ_PENDING in tests/fuzz/CMakeLists.txt)"
    continue
  fi
  targets+=("$t")
done <"$ZMEM_OUT/fuzz/tests/fuzz/fuzz_targets.txt"
fuzz_all_of fuzz "$secs" "" "${targets[@]}"

# 32-bit: clang -m32 (libFuzzer's i386 runtime comes with clang's; it links 32-bit libstdc++).
# Its small heaps use 4-byte units, which 64-bit builds never do.
need_pkg i386-libstdc++ g++-multilib
need_i386_exec
fuzz_build fuzz-m32 -DCMAKE_C_FLAGS=-m32 -DCMAKE_EXE_LINKER_FLAGS=-m32
[ "$(elf_class "$ZMEM_OUT/fuzz-m32/tests/fuzz/fuzz_sys_heap_ops")" = 32 ] \
  || { echo "fuzz-m32: the fuzzers are not 32-bit"; exit 1; }
# listed_as STATE TARGET...: the TARGETs the 32-bit build lists in that state.
listed_as() {
  local state="$1" t
  shift
  for t in "$@"; do
    grep -qx "$t $state" "$ZMEM_OUT/fuzz-m32/tests/fuzz/fuzz_targets.txt" && echo "$t"
  done
}
mapfile -t m32_run < <(listed_as run $m32_targets)
fuzz_all_of fuzz-m32 "$secs_m32" m32- "${m32_run[@]}"
mapfile -t m32_var_run < <(listed_as variant $m32_variants)
fuzz_all_of fuzz-m32 "$secs_variants" m32- "${m32_var_run[@]}"

# The prj.conf step: more mutations than ctest's 600, from another seed (about 30 s).
python="$(sed -n 's/^ZMEM_PYTHON:FILEPATH=//p' "$ZMEM_OUT/fuzz/CMakeCache.txt")"
if "${python:-/usr/bin/python3}" "$ZMEM_ROOT/tests/fuzz/conf_mutation.py" "$ZMEM_ROOT" \
    "$ZMEM_OUT/fuzz-artifacts/conf_mutation" 1500 35; then
  echo "fuzz conf_mutation: ok"
else
  echo "fuzz conf_mutation: FAILED; inputs in $ZMEM_OUT/fuzz-artifacts/conf_mutation"
  status=1
fi
[ $status -ne 0 ] || prune_build fuzz fuzz-m32 fuzz-corpus fuzz-artifacts
exit $status
