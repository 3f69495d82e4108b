# Cross build for Cortex-M with arm-none-eabi-gcc (Debian: gcc-arm-none-eabi,
# libnewlib-arm-none-eabi), tests run under QEMU (Debian: qemu-system-arm).
#
#   cmake -S . -B build-m3 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-arm-none-eabi.cmake
#   cmake --build build-m3 && ctest --test-dir build-m3
#
# ZMEM_CORTEX_M_CPU picks the core and its QEMU board:
#   cortex-m3 (default) -> mps2-an385;  cortex-m4 -> mps2-an386 (with the single-precision FPU).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_AR arm-none-eabi-ar CACHE FILEPATH "")
set(CMAKE_RANLIB arm-none-eabi-ranlib CACHE FILEPATH "")
set(CMAKE_SIZE arm-none-eabi-size CACHE FILEPATH "size of the target toolchain")
# Compiler checks cannot link without a board; they compile only.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_EXECUTABLE_SUFFIX .elf)
set(CMAKE_EXECUTABLE_SUFFIX_C .elf)

set(ZMEM_CORTEX_M_CPU cortex-m3 CACHE STRING "Cortex-M core: cortex-m3 or cortex-m4")
set_property(CACHE ZMEM_CORTEX_M_CPU PROPERTY STRINGS cortex-m3 cortex-m4)
if(ZMEM_CORTEX_M_CPU STREQUAL "cortex-m3")
  set(zmem_cpu_flags "-mcpu=cortex-m3 -mthumb -mfloat-abi=soft")
  set(zmem_qemu_machine mps2-an385)
elseif(ZMEM_CORTEX_M_CPU STREQUAL "cortex-m4")
  set(zmem_cpu_flags "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
  set(zmem_qemu_machine mps2-an386)
else()
  message(FATAL_ERROR "ZMEM_CORTEX_M_CPU must be cortex-m3 or cortex-m4, not '${ZMEM_CORTEX_M_CPU}'")
endif()
# Debian's arm-none-eabi-gcc finds its own freestanding <stdint.h> before newlib's, and newlib's
# <inttypes.h> then defines no PRI*64 macros. Searching newlib's headers first fixes that.
set(ZMEM_NEWLIB_INCLUDE "" CACHE PATH "newlib's include directory, searched before the compiler's")
if(NOT ZMEM_NEWLIB_INCLUDE AND EXISTS /usr/include/newlib/stdint.h)
  set(ZMEM_NEWLIB_INCLUDE /usr/include/newlib CACHE PATH "" FORCE)
endif()
set(zmem_newlib_flags "")
if(ZMEM_NEWLIB_INCLUDE)
  set(zmem_newlib_flags "-isystem ${ZMEM_NEWLIB_INCLUDE}")
endif()
set(CMAKE_C_FLAGS_INIT "${zmem_cpu_flags} ${zmem_newlib_flags} -ffunction-sections -fdata-sections")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${zmem_cpu_flags}")

# The board support the top level links into every executable (arch/cortex_m).
set(ZMEM_BOARD cortex_m CACHE STRING "Bare-metal board support folder in arch/")
set(ZMEM_QEMU_MACHINE ${zmem_qemu_machine})

# ctest runs each test image under QEMU through this wrapper (timeout, exit status, argv).
set(CMAKE_CROSSCOMPILING_EMULATOR
  "${CMAKE_CURRENT_LIST_DIR}/../arch/cortex_m/qemu-run.sh;${zmem_qemu_machine}")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
