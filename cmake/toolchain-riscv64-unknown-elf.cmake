# Freestanding cross build of the core for RISC-V with riscv64-unknown-elf-gcc (Debian:
# gcc-riscv64-unknown-elf, which ships no C library at all). It exists to prove the core has no
# libc or OS dependency beyond the documented one (docs/targets.md): it compiles with
# -ffreestanding against two tiny headers (tests/target/freestanding/include: string.h with
# memcpy/memset/memmove/memcmp, errno.h with Zephyr's error codes) and links with -nostdlib.
#
#   cmake -S . -B build-rv -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-riscv64-unknown-elf.cmake \
#         -DZMEM_BUILD_TESTS=OFF
#
# ZMEM_RISCV_ARCH / ZMEM_RISCV_ABI choose the ISA: rv64imac/lp64 (default) or rv32imac/ilp32.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv)

set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_AR riscv64-unknown-elf-ar CACHE FILEPATH "")
set(CMAKE_RANLIB riscv64-unknown-elf-ranlib CACHE FILEPATH "")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(ZMEM_RISCV_ARCH rv64imac CACHE STRING "RISC-V -march")
set(ZMEM_RISCV_ABI lp64 CACHE STRING "RISC-V -mabi")
set(ZMEM_FREESTANDING_INCLUDE "${CMAKE_CURRENT_LIST_DIR}/../tests/target/freestanding/include")
set(CMAKE_C_FLAGS_INIT
  "-march=${ZMEM_RISCV_ARCH} -mabi=${ZMEM_RISCV_ABI} -mcmodel=medany -ffreestanding -ffunction-sections -fdata-sections -isystem ${ZMEM_FREESTANDING_INCLUDE}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-march=${ZMEM_RISCV_ARCH} -mabi=${ZMEM_RISCV_ABI} -nostdlib")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
