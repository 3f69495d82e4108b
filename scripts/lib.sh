# Helpers shared by scripts/run-tests.sh stages. Source it; it defines functions only.

# need_pkg COMMAND PACKAGE: make COMMAND available, installing PACKAGE when root.
need_pkg() {
  local cmd="$1" pkg="$2"
  if command -v "$cmd" >/dev/null 2>&1 || dpkg -s "$pkg" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ]; then
    echo "installing $pkg (for $cmd)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
  else
    echo "missing $cmd: install the Debian package $pkg" >&2
    return 1
  fi
}

# cmake_build NAME [CMAKE ARGS...]: configure and build into $ZMEM_OUT/NAME.
cmake_build() {
  local name="$1"; shift
  cmake -S "$ZMEM_ROOT" -B "$ZMEM_OUT/$name" "$@" >/dev/null
  cmake --build "$ZMEM_OUT/$name" -j "$ZMEM_JOBS"
}

# ctest_run NAME [CTEST ARGS...]: run the tests of build NAME.
ctest_run() {
  local name="$1"; shift
  ctest --test-dir "$ZMEM_OUT/$name" --output-on-failure -j "$ZMEM_JOBS" "$@"
}

# elf_class FILE: print 32 or 64 (the ELF class byte), using coreutils only.
elf_class() {
  case "$(od -An -tx1 -j4 -N1 "$1" | tr -d ' ')" in
    01) echo 32 ;;
    02) echo 64 ;;
    *) echo unknown ;;
  esac
}

# cortex_m_stage CPU: cross build the core and its tests for CPU (cortex-m3 -> mps2-an385,
# cortex-m4 -> mps2-an386) and run each test image under QEMU through ctest.
cortex_m_stage() {
  local cpu="$1"
  need_pkg arm-none-eabi-gcc gcc-arm-none-eabi
  need_pkg arm-none-eabi-newlib libnewlib-arm-none-eabi
  need_pkg qemu-system-arm qemu-system-arm
  cmake_build "$cpu" -DCMAKE_TOOLCHAIN_FILE="$ZMEM_ROOT/cmake/toolchain-arm-none-eabi.cmake" \
    -DZMEM_CORTEX_M_CPU="$cpu" -DZMEM_HOST_RUNTIME=OFF
  ctest_run "$cpu"
}
