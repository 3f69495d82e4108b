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

# need_cmake_at_least VERSION: Zephyr's newest test folders ask for CMake 3.28 while Debian 12
# ships 3.25. When root on Debian bookworm with an older cmake, install cmake from Debian's own
# bookworm-backports (3.31); otherwise say what is missing (zmem itself needs only 3.24).
need_cmake_at_least() {
  local want="$1" have
  have=$(cmake --version 2>/dev/null | sed -n '1s/.* //p')
  if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" = "$want" ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && grep -qs bookworm /etc/os-release; then
    echo "installing cmake >= $want from bookworm-backports (have ${have:-none})"
    local src=/etc/apt/sources.list.d/zmem-bookworm-backports.list
    [ -f "$src" ] || echo "deb http://deb.debian.org/debian bookworm-backports main" >"$src"
    apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t bookworm-backports cmake >/dev/null &&
      hash -r && return 0
    echo "warning: could not install cmake >= $want; Zephyr folders asking for it will not configure" >&2
    return 0
  fi
  echo "note: cmake $have is older than $want; Zephyr test folders that ask for $want will not configure" >&2
}

# cmake_build NAME [CMAKE ARGS...]: configure and build into $ZMEM_OUT/NAME.
cmake_build() {
  local name="$1"; shift
  cmake -S "$ZMEM_ROOT" -B "$ZMEM_OUT/$name" "$@" >/dev/null
  cmake --build "$ZMEM_OUT/$name" -j "$ZMEM_JOBS"
}

# prune_build NAME...: delete build trees under $ZMEM_OUT that no later stage reads, once their
# stage passed, so a whole run needs room for one stage's trees at a time, not all of them
# (the checker's disk filled up during stage 50 when every tree was kept). ZMEM_KEEP_BUILDS=1
# keeps them (incremental re-runs; inspection). A failing stage exits before its prune.
prune_build() {
  [ "${ZMEM_KEEP_BUILDS:-0}" = 1 ] && return 0
  local name
  for name in "$@"; do
    rm -rf "${ZMEM_OUT:?}/$name"
  done
}

# ctest_run NAME [CTEST ARGS...]: run the tests of build NAME.
ctest_run() {
  local name="$1"; shift
  ctest --test-dir "$ZMEM_OUT/$name" --output-on-failure -j "$ZMEM_JOBS" "$@"
}

# need_i386_exec: make sure this host runs 32-bit x86 programs (the -m32 stages run them). A
# kernel built without IA32 emulation refuses them ("Exec format error", seen on the CI machine
# from 2026-12-01); then, as root, run them through qemu-i386 (Debian's qemu-user-static) by
# registering it with binfmt_misc, so ctest, scripts and the benchmark start them unchanged.
need_i386_exec() {
  local probe="${ZMEM_OUT:?}/i386-probe"
  printf 'int main(void) { return 0; }\n' | gcc -m32 -x c -o "$probe" - || return 1
  "$probe" 2>/dev/null && return 0
  need_pkg qemu-i386-static qemu-user-static || return 1
  if [ "$(id -u)" = 0 ]; then
    [ -e /proc/sys/fs/binfmt_misc/register ] ||
      mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || true
    if [ -e /proc/sys/fs/binfmt_misc/register ] && [ ! -e /proc/sys/fs/binfmt_misc/zmem-i386 ]; then
      echo "the kernel does not run 32-bit x86 programs: running them through qemu-i386"
      # ELF, 32-bit, little-endian, executable or shared object, machine 3 (i386).
      printf '%s' ':zmem-i386:M::\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00:\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-i386-static:F' \
        >/proc/sys/fs/binfmt_misc/register || true
    fi
  fi
  "$probe" && return 0
  echo "this host cannot run 32-bit x86 programs (no IA32 emulation, no qemu-i386 binfmt)" >&2
  return 1
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
