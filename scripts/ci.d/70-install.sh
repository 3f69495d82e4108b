#!/usr/bin/env bash
# One build, installed with cmake --install --prefix into two prefixes that differ from the
# configure-time CMAKE_INSTALL_PREFIX; the second is then moved elsewhere. Against each prefix,
# two consumers are built and run outside the tree: one with find_package(zmem), one with
# pkg-config. Nothing from the source or build tree, nor the configure-time prefix, may leak
# into the installed package files (they must locate everything from where they lie).
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg pkg-config pkg-config
out="$ZMEM_OUT/install"
rm -rf "$out"
configured="$out/never-installed-here"
cmake_build install/build -DCMAKE_C_COMPILER=gcc -DZMEM_BUILD_TESTS=OFF \
  -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF -DCMAKE_INSTALL_PREFIX="$configured"

# consumers PREFIX NAME: build and run both consumers against PREFIX.
consumers() {
  local prefix="$1" name="$2"
  cmake -S "$ZMEM_ROOT/tests/install/cmake-consumer" -B "$out/$name/cmake-consumer" \
    -DCMAKE_C_COMPILER=gcc -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >/dev/null
  cmake --build "$out/$name/cmake-consumer" -j "$ZMEM_JOBS" >/dev/null
  "$out/$name/cmake-consumer/cmake_consumer"
  CC=gcc "$ZMEM_ROOT/tests/install/pkgconfig-consumer/build.sh" "$prefix" "$out/$name/pkgconfig-consumer"
  "$out/$name/pkgconfig-consumer/pkgconfig_consumer"
}

# check_prefix PREFIX: the key files are there and the package files name no other place.
check_prefix() {
  local prefix="$1"
  (cd "$prefix" && find . -type f | sort) >"$prefix.files.txt"
  echo "installed $(wc -l <"$prefix.files.txt") files into $prefix"
  for f in /libzmem.a /cmake/zmem/zmemConfig.cmake /include/zephyr/sys/sys_heap.h /pkgconfig/zmem.pc \
    /share/zephyr-package/cmake/ZephyrConfig.cmake /bin/heap_planner; do
    grep -q "$f\$" "$prefix.files.txt" || { echo "install: no $f in $prefix"; exit 1; }
  done
  # The installed tools run from the prefix: the recorder traces a real program (sort).
  if grep -q "/zmem/libmalloc_trace.so\$" "$prefix.files.txt"; then
    printf 'b\na\n' | ZMEM_MALLOC_TRACE="$prefix.trace" LD_PRELOAD="$(find "$prefix" -name libmalloc_trace.so)" \
      sort >/dev/null
    head -1 "$prefix.trace" | grep -q '^# zmem malloc_trace: pid [0-9]* sort$' &&
      grep -q '^a ' "$prefix.trace" || { echo "install: the installed malloc_trace recorded no trace"; exit 1; }
    "$prefix/bin/heap_planner" stats "$prefix.trace" >/dev/null
  fi
  local leaks
  leaks="$(grep -rlF -e "$configured" -e "$out/build" -e "$ZMEM_ROOT" \
    "$prefix"/lib*/pkgconfig "$prefix"/lib*/cmake "$prefix"/share/zephyr-package || true)"
  if [ -n "$leaks" ]; then
    echo "install: package files name the build tree or the configure-time prefix:"
    echo "$leaks"
    exit 1
  fi
}

for p in first second; do
  cmake --install "$out/build" --prefix "$out/$p" >/dev/null
  check_prefix "$out/$p"
done
[ ! -e "$configured" ] || { echo "install: wrote into the configure-time prefix"; exit 1; }
echo "pkg-config prefix of the first: $(PKG_CONFIG_PATH="$(dirname "$(find "$out/first" -name zmem.pc)")" pkg-config --variable=prefix zmem)"
consumers "$out/first" first
# The second install, moved: nothing inside it may depend on where it was installed.
mv "$out/second" "$out/moved"
consumers "$out/moved" moved
echo "install: relocatable (two prefixes and a moved tree)"
prune_build install
