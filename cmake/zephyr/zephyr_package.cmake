# The Zephyr CMake package as zmem provides it: find_package(Zephyr) in an unmodified Zephyr
# application folder. Defines the `app` target the application adds its sources to, generates
# build/zephyr/autoconf.h and build/zephyr/.config from the conf files, compiles zmem with that
# configuration, and links build/zephyr/zephyr.exe (target zephyr_final), as native_sim does.
#
# Configuration files, as on Zephyr (each a cache/-D variable or an environment variable):
#   CONF_FILE        default <app>/prj.conf; a list (';' or ' ' separated) is applied in order
#   boards/<board>.conf  after prj.conf (or boards/<board>_<type>.conf after a single
#                    CONF_FILE prj_<type>.conf), for the board zmem stands in for (below)
#   EXTRA_CONF_FILE  applied after CONF_FILE
#   OVERLAY_CONFIG   older name of EXTRA_CONF_FILE, also applied
#   -DCONFIG_X=...   applied last (written to build/zephyr/cmdline.conf)
# Symbols: the application's own Kconfig file (<app>/Kconfig, sourcing "Kconfig.zephyr", as on
# Zephyr) or KCONFIG_ROOT; without either, zmem's root Kconfig. ZMEM_KCONFIG is an older name
# of KCONFIG_ROOT. ZMEM_KCONFIG_STRICT=ON: unknown symbols are errors. Targets menuconfig,
# guiconfig and hardenconfig work on build/zephyr/.config (docs/kconfig.md).
# Every CONFIG_ symbol is also a CMake variable after find_package (bool: y/n), so
# `if(CONFIG_FOO)` and target_sources_ifdef(CONFIG_FOO app PRIVATE ...) work.
include_guard(GLOBAL)

get_filename_component(ZEPHYR_BASE "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
set(ENV{ZEPHYR_BASE} "${ZEPHYR_BASE}")
set(APPLICATION_SOURCE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
set(APPLICATION_BINARY_DIR "${CMAKE_CURRENT_BINARY_DIR}")
set(Zephyr_FOUND TRUE)
# Zephyr's build sets these for the application's CMakeLists.txt; test folders write, e.g.,
# target_include_directories(app PRIVATE ${ZEPHYR_BASE}/arch/${ARCH}/include). zmem runs where
# native_sim does: the POSIX architecture, zmem's host board (CONFIG_ARCH, CONFIG_BOARD).
if(NOT DEFINED ARCH)
  set(ARCH posix)
endif()
if(NOT DEFINED BOARD)
  set(BOARD zmem_host)
endif()

if(TARGET app)
  message(FATAL_ERROR "zmem: a build tree holds one Zephyr application (target `app` exists "
    "already). Inside the zmem tree, use zmem_add_application() for further applications.")
endif()

# Out of the zmem tree: build zmem itself here, without its tests, benchmarks and examples.
# Zephyr's package declares its own project (enabling the languages) before the application's
# project() call; so does this one.
if(NOT TARGET zmem)
  project(Zephyr-Kernel LANGUAGES C)
  set(ZMEM_BUILD_TESTS OFF)
  set(ZMEM_BUILD_BENCH OFF)
  set(ZMEM_BUILD_EXAMPLES OFF)
  set(ZMEM_BUILD_TOOLS OFF)
  add_subdirectory("${ZEPHYR_BASE}" "${APPLICATION_BINARY_DIR}/zmem" EXCLUDE_FROM_ALL)
  set(_zmem_in_tree FALSE)
else()
  set(_zmem_in_tree TRUE)
endif()
include("${ZEPHYR_BASE}/cmake/zmem_app.cmake")

# Applications call project(name), which enables C and C++. zmem needs only C; on a machine
# without a C++ compiler, a project() without languages enables C alone instead of failing.
# Whether there is one is looked up as project() will look for it: $CXX, else the C compiler's
# prefix (arm-none-eabi-) with c++, g++ or clang++ on the PATH or beside the C compiler.
# check_language(CXX) answers by configuring a whole CMake project of its own, 0.7 s of every
# application's configure step; the lookup takes milliseconds. A C++ compiler that is found but
# does not work fails project(), as it does on Zephyr, which always enables C++.
if(NOT CMAKE_CXX_COMPILER)
  set(_zmem_cxx "$ENV{CXX}")
  if(_zmem_cxx STREQUAL "")
    get_filename_component(_zmem_cc_name "${CMAKE_C_COMPILER}" NAME)
    get_filename_component(_zmem_cc_dir "${CMAKE_C_COMPILER}" DIRECTORY)
    set(_zmem_prefix "")
    if(_zmem_cc_name MATCHES "^(.+-)(gcc|cc|clang)(-[0-9.]+)?$")
      set(_zmem_prefix "${CMAKE_MATCH_1}")
    endif()
    unset(_zmem_cxx)
    find_program(_zmem_cxx NAMES ${_zmem_prefix}c++ ${_zmem_prefix}g++ ${_zmem_prefix}clang++
      HINTS "${_zmem_cc_dir}" NO_CACHE)
  endif()
  if(NOT _zmem_cxx)
    macro(project name)
      if("${ARGN}" STREQUAL "")
        _project(${name} LANGUAGES C)
      else()
        _project(${name} ${ARGN})
      endif()
    endmacro()
  endif()
endif()

# Zephyr accepts lists separated by spaces or semicolons, relative to the application folder.
function(_zephyr_conf_list out)
  set(files "")
  foreach(value IN LISTS ARGN)
    string(REPLACE " " ";" value "${value}")
    foreach(f IN LISTS value)
      if(NOT f STREQUAL "")
        get_filename_component(f "${f}" ABSOLUTE BASE_DIR "${APPLICATION_SOURCE_DIR}")
        list(APPEND files "${f}")
      endif()
    endforeach()
  endforeach()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

foreach(var CONF_FILE EXTRA_CONF_FILE OVERLAY_CONFIG KCONFIG_ROOT ZMEM_KCONFIG)
  if(NOT DEFINED ${var} AND DEFINED ENV{${var}})
    set(${var} "$ENV{${var}}")
  endif()
endforeach()
# The application's configuration folder (Zephyr's APPLICATION_CONFIG_DIR): prj.conf and boards/.
if(DEFINED APPLICATION_CONFIG_DIR)
  get_filename_component(APPLICATION_CONFIG_DIR "${APPLICATION_CONFIG_DIR}" ABSOLUTE
    BASE_DIR "${APPLICATION_SOURCE_DIR}")
else()
  set(APPLICATION_CONFIG_DIR "${APPLICATION_SOURCE_DIR}")
endif()
# Board fragments (boards/<board>.conf) join prj.conf, or a single prj_<type>.conf given as
# CONF_FILE (then boards/<board>_<type>.conf), as on Zephyr; a list given as CONF_FILE has none.
set(_zmem_board_fragments FALSE)
set(_zmem_build_type "")
if(NOT DEFINED CONF_FILE AND EXISTS "${APPLICATION_CONFIG_DIR}/prj.conf")
  set(CONF_FILE "${APPLICATION_CONFIG_DIR}/prj.conf")
  set(_zmem_board_fragments TRUE)
elseif(DEFINED CONF_FILE)
  string(REPLACE " " ";" _zmem_conf_list "${CONF_FILE}")
  list(LENGTH _zmem_conf_list _zmem_conf_n)
  get_filename_component(_zmem_conf_name "${CONF_FILE}" NAME)
  if(_zmem_conf_n EQUAL 1 AND _zmem_conf_name MATCHES "^prj_(.+)\\.conf$")
    set(_zmem_build_type "${CMAKE_MATCH_1}")
    set(_zmem_board_fragments TRUE)
  elseif(_zmem_conf_n EQUAL 1 AND _zmem_conf_name STREQUAL "prj.conf")
    set(_zmem_board_fragments TRUE)
  endif()
endif()
set(CONF_FILE "${CONF_FILE}" CACHE STRING "The application's configuration file(s)")
_zephyr_conf_list(_zmem_conf_files "${CONF_FILE}")
if(_zmem_board_fragments)
  # The board zmem stands in for: native_sim, and on 64-bit hosts (where zmem builds 64-bit
  # programs) its 64-bit target native_sim/native/64; then zmem's own name. With -DBOARD=X
  # (twister passes native_sim), X and its fully qualified target, e.g. native_sim/native/64.
  # Every fragment found is used, the least qualified first, as Zephyr merges them.
  if(BOARD STREQUAL "zmem_host")
    set(_zmem_board_names native_sim)
    if(CMAKE_SIZEOF_VOID_P EQUAL 8)
      list(APPEND _zmem_board_names native_sim_native_64)
    endif()
    list(APPEND _zmem_board_names zmem_host)
  else()
    string(REGEX REPLACE "[/@].*" "" _zmem_board_base "${BOARD}")
    string(REGEX REPLACE "[/@]" "_" _zmem_board_full "${BOARD}")
    set(_zmem_board_names ${_zmem_board_base})
    if(NOT _zmem_board_full STREQUAL _zmem_board_base)
      list(APPEND _zmem_board_names ${_zmem_board_full})
    endif()
  endif()
  foreach(_zmem_board_name IN LISTS _zmem_board_names)
    if(_zmem_build_type STREQUAL "")
      set(_zmem_fragment "${APPLICATION_CONFIG_DIR}/boards/${_zmem_board_name}.conf")
    else()
      set(_zmem_fragment
        "${APPLICATION_CONFIG_DIR}/boards/${_zmem_board_name}_${_zmem_build_type}.conf")
    endif()
    if(EXISTS "${_zmem_fragment}")
      list(APPEND _zmem_conf_files "${_zmem_fragment}")
    endif()
  endforeach()
endif()
_zephyr_conf_list(_zmem_extra_conf_files "${EXTRA_CONF_FILE}" "${OVERLAY_CONFIG}")
list(APPEND _zmem_conf_files ${_zmem_extra_conf_files})

# -DCONFIG_X=value on the cmake command line wins over every file, as on Zephyr (strings keep
# their quotes: -DCONFIG_BOARD=\"name\"). They stay in the cache until removed (-UCONFIG_X).
get_cmake_property(_zmem_cache_vars CACHE_VARIABLES)
set(_zmem_cmdline "")
foreach(_zmem_var IN LISTS _zmem_cache_vars)
  if(_zmem_var MATCHES "^CONFIG_[A-Za-z0-9_]+$")
    string(APPEND _zmem_cmdline "${_zmem_var}=$CACHE{${_zmem_var}}\n")
  endif()
endforeach()
if(NOT _zmem_cmdline STREQUAL "")
  zmem_write_if_changed("${APPLICATION_BINARY_DIR}/zephyr/cmdline.conf" "${_zmem_cmdline}")
  list(APPEND _zmem_conf_files "${APPLICATION_BINARY_DIR}/zephyr/cmdline.conf")
endif()
if(NOT KCONFIG_ROOT AND ZMEM_KCONFIG)
  set(KCONFIG_ROOT "${ZMEM_KCONFIG}")
endif()
if(KCONFIG_ROOT)
  get_filename_component(_zmem_kconfig_root "${KCONFIG_ROOT}" ABSOLUTE
    BASE_DIR "${APPLICATION_SOURCE_DIR}")
elseif(EXISTS "${APPLICATION_SOURCE_DIR}/Kconfig")
  set(_zmem_kconfig_root "${APPLICATION_SOURCE_DIR}/Kconfig")
else()
  set(_zmem_kconfig_root "${ZEPHYR_BASE}/Kconfig")
endif()
message(STATUS "zmem: Zephyr application ${APPLICATION_SOURCE_DIR}, Kconfig "
  "${_zmem_kconfig_root}, configuration: ${_zmem_conf_files}")

# `app` holds the application's sources (an object library, so that every object, main()
# included, is linked); zephyr_final is the program.
add_library(app OBJECT)
add_executable(zephyr_final)
target_link_libraries(zephyr_final PRIVATE app)
set_target_properties(zephyr_final PROPERTIES
  OUTPUT_NAME zephyr SUFFIX ".exe"
  RUNTIME_OUTPUT_DIRECTORY "${APPLICATION_BINARY_DIR}/zephyr")
# Strict C11 (-std=c11, not gnu11), as zmem's own code and as Zephyr builds applications (its
# C standard choice has no GNU dialect): the host C library then declares only standard names,
# so an application's globals such as `index` or `rindex` do not collide with BSD extensions.
set_target_properties(app PROPERTIES C_STANDARD 11 C_EXTENSIONS OFF)
if(_zmem_in_tree AND TARGET zmem_warnings)
  target_link_libraries(app PRIVATE zmem_warnings)
endif()
if(ZMEM_BOARD AND NOT ZMEM_HOST_RUNTIME)
  # A bare-metal board (cmake/toolchain-*.cmake, e.g. twister's qemu_cortex_m3): only the
  # freestanding parts exist there. The configuration applies to the application's sources and,
  # for the allocators' own options (CONFIG_SYS_HEAP_*, CONFIG_SYS_MEM_BLOCKS_*), to zmem's core:
  # the rest of it (logging, the kernel) has no counterpart on the board, so the core gets those
  # options as definitions instead of the whole autoconf.h, and keeps its freestanding defaults
  # for everything else. The program links the board support, the single-thread kernel objects
  # and, with CONFIG_ZTEST, ztest's single-thread runner.
  set(_zmem_autoconf "${APPLICATION_BINARY_DIR}/zephyr/autoconf.h")
  zmem_kconfig_generate(OUTPUT "${_zmem_autoconf}"
    KCONFIG_ROOT "${_zmem_kconfig_root}" TARGETS_UNPREFIXED CONF_FILES ${_zmem_conf_files}
    EXPORT_VARIABLES)
  target_compile_options(app PRIVATE -imacros${_zmem_autoconf})
  zmem_core_options(_zmem_core_defs)
  if(NOT _zmem_in_tree)
    # zmem's libraries of this build (the core, the single-thread kernel objects, ztest's
    # runner) share the core's structures, so all of them get the options; the application has
    # them from its autoconf.h. (Inside the zmem tree they are shared by every program of the
    # build and keep the tree's configuration; no board build of the tree has such a program.)
    foreach(_zmem_lib zmem zmem_kernel_single zmem_ztest_single)
      if(TARGET ${_zmem_lib})
        target_compile_definitions(${_zmem_lib} PRIVATE ${_zmem_core_defs})
      endif()
    endforeach()
  endif()
  target_include_directories(app PRIVATE "${APPLICATION_BINARY_DIR}")
  set_target_properties(zephyr_final PROPERTIES SUFFIX ".elf")
  if(CONFIG_ZTEST)
    target_link_libraries(app PUBLIC zmem_ztest_single)
  endif()
  if(TARGET zmem_kernel_single)
    target_link_libraries(app PUBLIC zmem_kernel_single)
  endif()
  target_link_libraries(app PUBLIC zmem)
  # An object library's objects reach only the target that links it directly.
  target_link_libraries(zephyr_final PRIVATE zmem_board)
else()
  zmem_app_configure(app zephyr_final "${APPLICATION_BINARY_DIR}"
    CONF ${_zmem_conf_files} KCONFIG "${_zmem_kconfig_root}" TARGETS_UNPREFIXED EXPORT_VARIABLES)
endif()

# The application's own system calls (`__syscall` declarations in its headers, included as
# <syscalls/NAME.h>, implemented with <syscalls/CALL_mrsh.c>): generated from every header
# under the application folder by scripts/gen_app_syscalls.py, as Zephyr's build does
# (docs/protection.md, "Application system calls"). Regenerated when a header changes.
zmem_kconfig_find_python()
file(GLOB_RECURSE _zmem_app_headers CONFIGURE_DEPENDS "${APPLICATION_SOURCE_DIR}/*.h")
list(FILTER _zmem_app_headers EXCLUDE REGEX "^${APPLICATION_BINARY_DIR}/")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_zmem_app_headers}
  "${ZEPHYR_BASE}/scripts/gen_app_syscalls.py")
execute_process(COMMAND "${ZMEM_PYTHON}" "${ZEPHYR_BASE}/scripts/gen_app_syscalls.py"
    "${APPLICATION_BINARY_DIR}/zephyr/include/generated" "${APPLICATION_SOURCE_DIR}"
  RESULT_VARIABLE _zmem_syscalls_rc)
if(NOT _zmem_syscalls_rc EQUAL 0)
  message(FATAL_ERROR "zmem: generating the application's system calls failed")
endif()
target_include_directories(app PRIVATE "${APPLICATION_BINARY_DIR}/zephyr/include/generated")

# CONFIG_LEGACY_INCLUDE_PATH (Zephyr 3.0 to 3.4): <kernel.h>, <ztest.h>, <sys/printk.h>...
# without the zephyr/ prefix, for applications written before Zephyr 3.0.
if(CONFIG_LEGACY_INCLUDE_PATH)
  target_include_directories(app PRIVATE "${ZEPHYR_BASE}/include/zephyr")
endif()

# The few Zephyr CMake extensions applications commonly use.
macro(target_sources_ifdef cond target)
  if(${cond})
    target_sources(${target} ${ARGN})
  endif()
endmacro()
macro(target_sources_ifndef cond target)
  if(NOT ${cond})
    target_sources(${target} ${ARGN})
  endif()
endmacro()
function(zephyr_include_directories)
  target_include_directories(app PRIVATE ${ARGN})
endfunction()
function(zephyr_compile_definitions)
  target_compile_definitions(app PRIVATE ${ARGN})
endfunction()
function(zephyr_compile_options)
  target_compile_options(app PRIVATE ${ARGN})
endfunction()
