#!/usr/bin/env bash
# cmake --install into a scratch prefix, then build and run two consumers outside the tree:
# one with find_package(zmem), one with pkg-config. Nothing from the source or build tree may
# leak into them (they see only the prefix).
set -euo pipefail
source "$ZMEM_ROOT/scripts/lib.sh"
need_pkg pkg-config pkg-config
prefix="$ZMEM_OUT/install/prefix"
rm -rf "$ZMEM_OUT/install"
cmake_build install/build -DCMAKE_C_COMPILER=gcc -DZMEM_BUILD_TESTS=OFF \
  -DZMEM_BUILD_BENCH=OFF -DZMEM_BUILD_EXAMPLES=OFF -DCMAKE_INSTALL_PREFIX="$prefix"
cmake --install "$ZMEM_OUT/install/build" >/dev/null
(cd "$prefix" && find . -type f | sort) >"$ZMEM_OUT/install/files.txt"
echo "installed $(wc -l <"$ZMEM_OUT/install/files.txt") files (list: $ZMEM_OUT/install/files.txt)"
for f in /libzmem.a /cmake/zmem/zmemConfig.cmake /include/zephyr/sys/sys_heap.h /pkgconfig/zmem.pc; do
  grep -q "$f\$" "$ZMEM_OUT/install/files.txt" || { echo "install: no $f"; exit 1; }
done

# find_package(zmem)
cmake -S "$ZMEM_ROOT/tests/install/cmake-consumer" -B "$ZMEM_OUT/install/cmake-consumer" \
  -DCMAKE_C_COMPILER=gcc -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >/dev/null
cmake --build "$ZMEM_OUT/install/cmake-consumer" -j "$ZMEM_JOBS"
"$ZMEM_OUT/install/cmake-consumer/cmake_consumer"

# pkg-config
CC=gcc "$ZMEM_ROOT/tests/install/pkgconfig-consumer/build.sh" "$prefix" "$ZMEM_OUT/install/pkgconfig-consumer"
"$ZMEM_OUT/install/pkgconfig-consumer/pkgconfig_consumer"
