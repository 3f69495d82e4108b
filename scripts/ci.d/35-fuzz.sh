#!/usr/bin/env bash
# Fuzzing (tests/fuzz, docs/fuzzing.md): the fuzz targets built as libFuzzer fuzzers with clang,
# ASan and UBSan; every checked-in corpus replayed through them (ctest -L fuzz), then each
# fuzzer run for ZMEM_FUZZ_SECONDS (default 15) from its corpus. A crash or an oracle failure
# fails the stage and leaves the input in $ZMEM_OUT/fuzz-artifacts/<target>/ (add it to the
# corpus once the defect is fixed). Targets listed in ZMEM_FUZZ_PENDING (tests/fuzz/
# CMakeLists.txt: known failures awaiting a fix) are built, not run. Then the prj.conf mutation
# test (tests/fuzz/conf_mutation.py) with 1500 inputs. About 1.5 minutes on 2 cores.
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg clang clang
# libFuzzer's runtime (a Recommends of clang, absent with --no-install-recommends).
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  ver="$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)"
  need_pkg "libclang_rt.fuzzer (clang $ver)" "libclang-rt-$ver-dev"
fi
secs="${ZMEM_FUZZ_SECONDS:-15}"
build="$ZMEM_OUT/fuzz"
cmake -S "$ZMEM_ROOT" -B "$build" -DCMAKE_C_COMPILER=clang -DZMEM_FUZZ=ON \
  -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" -j "$ZMEM_JOBS" --target fuzz_all
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
ctest --test-dir "$build" -L fuzz -E conf_mutation --output-on-failure -j "$ZMEM_JOBS"

# fuzz_one TARGET: run one fuzzer for $secs seconds; its verdict goes to its artifacts folder
# (result.txt, first line "ok" or "FAILED"), so fuzzers can run side by side.
fuzz_one() {
  local t="$1" work="$ZMEM_OUT/fuzz-corpus/$1" art="$ZMEM_OUT/fuzz-artifacts/$1" quiet=""
  mkdir -p "$work" "$art"
  # The trace reader reports every malformed line on stderr: keep the log small.
  [ "$t" != trace_reader ] || quiet="-close_fd_mask=2"
  # New inputs go to a scratch corpus; the checked-in one is only read.
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$art/" -print_final_stats=1 $quiet \
      "$work" "$ZMEM_ROOT/tests/fuzz/corpus/$t" >"$art/log.txt" 2>&1; then
    echo "ok $(sed -n 's/^stat::number_of_executed_units: *//p' "$art/log.txt")" >"$art/result.txt"
  else
    echo FAILED >"$art/result.txt"
  fi
}

# libFuzzer runs one process on one core: run $ZMEM_JOBS fuzzers at a time, each for the full
# $secs (the stage's fuzzing took 7 x 15 s one after the other).
status=0
targets=()
while read -r t state; do
  if [ "$state" != run ]; then
    echo "fuzz $t: PENDING (built, not run: see ZMEM_FUZZ_PENDING in tests/fuzz/CMakeLists.txt)"
    continue
  fi
  targets+=("$t")
  rm -f "$ZMEM_OUT/fuzz-artifacts/$t/result.txt"
  while [ "$(jobs -rp | wc -l)" -ge "$ZMEM_JOBS" ]; do wait -n || true; done
  fuzz_one "$t" &
done <"$build/tests/fuzz/fuzz_targets.txt"
wait
for t in "${targets[@]}"; do
  art="$ZMEM_OUT/fuzz-artifacts/$t"
  read -r verdict runs <"$art/result.txt" || verdict=FAILED
  if [ "$verdict" = ok ]; then
    echo "fuzz $t: ok, $runs runs in ${secs} s"
  else
    echo "fuzz $t: FAILED; input and log in $art"
    grep -E 'oracle failed|ERROR|SUMMARY' "$art/log.txt" | head -5 || true
    status=1
  fi
done

# The prj.conf step: more mutations than ctest's 600, from another seed (about 30 s).
python="$(sed -n 's/^ZMEM_PYTHON:FILEPATH=//p' "$build/CMakeCache.txt")"
if "${python:-/usr/bin/python3}" "$ZMEM_ROOT/tests/fuzz/conf_mutation.py" "$ZMEM_ROOT" \
    "$ZMEM_OUT/fuzz-artifacts/conf_mutation" 1500 35; then
  echo "fuzz conf_mutation: ok"
else
  echo "fuzz conf_mutation: FAILED; inputs in $ZMEM_OUT/fuzz-artifacts/conf_mutation"
  status=1
fi
[ $status -ne 0 ] || prune_build fuzz fuzz-corpus fuzz-artifacts
exit $status
