# Building Zephyr-style applications against zmem.
#
#   zmem_add_application(<name>
#     SOURCES <file>...             application sources (relative to the current source dir)
#     [CONF <prj.conf>...]          configuration files, applied in order (later wins)
#     [KCONFIG <Kconfig>]           the application's own Kconfig file (declares its CONFIG_
#                                   symbols and sources "Kconfig.zephyr"); default: zmem's
#     [NO_WARNINGS])                do not link zmem_warnings (-Wall -Wextra -Werror)
#
# creates the executable target <name> in the current binary dir, and <name>_menuconfig /
# <name>_guiconfig / <name>_savedefconfig / <name>_hardenconfig on its configuration. Its
# configuration (<binary dir>/<name>_config/zephyr/autoconf.h, plus .config) comes from the
# Kconfig files and the CONF files (cmake/zmem_kconfig.cmake, docs/kconfig.md); application sources and the zmem
# sources it links all see it through -imacros, as
# on Zephyr where the kernel is compiled with the application's configuration. Applications
# whose configuration is identical share one build of the zmem library (the default one when
# nothing differs from the defaults), and configuration libraries share the object of every
# source whose configuration reads they agree on (_zmem_app_finalize), so most tests cost little
# extra compilation.
#
# The application links as the host runtime's zmem_app_runtime target says (whole-archive zmem,
# main() renamed __real_main by -Wl,--wrap=main so the runtime owns the process entry and runs
# main() as Zephyr's main thread, plus any INTERFACE_SOURCES it lists, compiled with the
# application's configuration), with the configuration's own zmem library in place of zmem.
#
# zmem_app_configure(<target-with-sources> <target-to-link> <config-dir> CONF ... [KCONFIG <file>]
# [TARGET_PREFIX <p> | TARGETS_UNPREFIXED] [EXPORT_VARIABLES]) is the shared step, also used by the Zephyr CMake
# package (cmake/zephyr/).

include_guard(GLOBAL)
include(${CMAKE_CURRENT_LIST_DIR}/zmem_kconfig.cmake)

# Where zmem is, whichever directory includes this file.
get_filename_component(_zmem_app_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set_property(GLOBAL PROPERTY ZMEM_SOURCE_DIR "${_zmem_app_root}")

function(zmem_add_application name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "NO_WARNINGS" "" "SOURCES;CONF;KCONFIG")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "zmem_add_application(${name}): SOURCES is required")
  endif()
  add_executable(${name} ${ARG_SOURCES})
  if(NOT ARG_NO_WARNINGS AND TARGET zmem_warnings)
    target_link_libraries(${name} PRIVATE zmem_warnings)
  endif()
  # KCONFIG only when given: an empty keyword value is unset or empty depending on policy
  # CMP0174 (CMake 3.31 warns about it).
  set(kconfig_arg "")
  if(ARG_KCONFIG)
    set(kconfig_arg KCONFIG ${ARG_KCONFIG})
  endif()
  zmem_app_configure(${name} ${name} "${CMAKE_CURRENT_BINARY_DIR}/${name}_config"
    CONF ${ARG_CONF} ${kconfig_arg} TARGET_PREFIX ${name}_)
endfunction()

# Generates the configuration of application target <code> (which holds the sources), and links
# <exe> against a zmem library compiled with the same configuration.
function(zmem_app_configure code exe config_dir)
  cmake_parse_arguments(PARSE_ARGV 3 ARG "EXPORT_VARIABLES;TARGETS_UNPREFIXED" "KCONFIG;TARGET_PREFIX" "CONF")
  set(conf_files "")
  foreach(f IN LISTS ARG_CONF)
    get_filename_component(f "${f}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND conf_files "${f}")
  endforeach()
  set(kconfig_args "")
  if(ARG_KCONFIG)
    get_filename_component(f "${ARG_KCONFIG}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    set(kconfig_args KCONFIG_ROOT "${f}")
  endif()
  if(ARG_TARGET_PREFIX)
    list(APPEND kconfig_args TARGET_PREFIX "${ARG_TARGET_PREFIX}")
  elseif(ARG_TARGETS_UNPREFIXED)
    list(APPEND kconfig_args TARGETS_UNPREFIXED)
  endif()
  set(autoconf "${config_dir}/zephyr/autoconf.h")
  zmem_kconfig_generate(OUTPUT "${autoconf}" ${kconfig_args} CONF_FILES ${conf_files}
    EXPORT_VARIABLES)
  if(ARG_EXPORT_VARIABLES)
    foreach(name IN LISTS ZMEM_KCONFIG_SYMBOLS)
      set(${name} "${${name}}" PARENT_SCOPE)
    endforeach()
  endif()

  # One zmem library per distinct configuration.
  file(READ "${autoconf}" content)
  string(REGEX REPLACE "^/\\*[^\n]*\n" "" body "${content}") # the header names the conf files
  get_property(default_autoconf GLOBAL PROPERTY ZMEM_DEFAULT_AUTOCONF)
  set(default_body "")
  if(default_autoconf AND EXISTS "${default_autoconf}")
    file(READ "${default_autoconf}" default_body)
    string(REGEX REPLACE "^/\\*[^\n]*\n" "" default_body "${default_body}")
  endif()
  if(body STREQUAL default_body)
    set(lib zmem)
  else()
    string(SHA256 hash "${body}")
    string(SUBSTRING "${hash}" 0 12 hash)
    set(lib zmem_cfg_${hash})
    if(NOT TARGET ${lib})
      get_property(bindir GLOBAL PROPERTY ZMEM_BINARY_DIR)
      set(lib_autoconf "${bindir}/configs/${hash}/zephyr/autoconf.h")
      file(MAKE_DIRECTORY "${bindir}/configs/${hash}/zephyr")
      zmem_write_if_changed("${lib_autoconf}" "${content}")
      add_library(${lib} STATIC)
      set_property(GLOBAL APPEND PROPERTY ZMEM_CONFIG_LIBS ${lib})
      set_property(TARGET ${lib} PROPERTY ZMEM_AUTOCONF "${lib_autoconf}")
      _zmem_app_schedule_finalize()
    endif()
  endif()

  target_compile_options(${code} PRIVATE -imacros${autoconf})
  target_include_directories(${code} PRIVATE "${config_dir}")
  # CONFIG_STACK_CANARIES: canaries in the application and its zmem library
  # (cmake/zmem_hardening.cmake).
  get_property(canary_opts GLOBAL PROPERTY ZMEM_STACK_CANARY_OPTIONS)
  if(canary_opts AND content MATCHES "\n#define CONFIG_STACK_CANARIES 1\n")
    target_compile_options(${code} PRIVATE ${canary_opts})
    if(NOT lib STREQUAL "zmem")
      set_property(TARGET ${lib} PROPERTY ZMEM_EXTRA_COMPILE_OPTIONS "${canary_opts}")
    endif()
  endif()

  # The host runtime's link recipe (target zmem_app_runtime: whole-archive zmem, --wrap=main,
  # per-application sources such as app_config.c), with this configuration's library in place
  # of the default zmem. A library must appear under one link feature only, hence the rewrite.
  set(link_items ${lib})
  if(TARGET zmem_app_runtime)
    # Imported targets are visible in the directory that found them only; the runtime links
    # Threads::Threads, so find it here too.
    if(NOT TARGET Threads::Threads)
      set(THREADS_PREFER_PTHREAD_FLAG ON)
      find_package(Threads REQUIRED)
    endif()
    get_target_property(rt_libs zmem_app_runtime INTERFACE_LINK_LIBRARIES)
    set(link_items "")
    foreach(item IN LISTS rt_libs)
      if(item STREQUAL "zmem" OR item STREQUAL "zmem::zmem")
        set(item ${lib})
      else()
        string(REPLACE ",zmem>" ",${lib}>" item "${item}")
      endif()
      list(APPEND link_items "${item}")
    endforeach()
    get_target_property(rt_options zmem_app_runtime INTERFACE_LINK_OPTIONS)
    if(rt_options)
      target_link_options(${exe} PRIVATE ${rt_options})
    endif()
    get_target_property(rt_sources zmem_app_runtime INTERFACE_SOURCES)
    if(rt_sources)
      target_sources(${code} PRIVATE ${rt_sources})
    endif()
  endif()
  if(code STREQUAL exe)
    target_link_libraries(${exe} PRIVATE ${link_items})
  else()
    target_link_libraries(${code} PUBLIC ${link_items})
  endif()
  set_property(TARGET ${exe} PROPERTY ZMEM_AUTOCONF "${autoconf}")
endfunction()

# The per-configuration libraries copy zmem's sources and usage requirements once every
# component has added its sources: at the end of the top-level directory.
function(_zmem_app_schedule_finalize)
  get_property(scheduled GLOBAL PROPERTY ZMEM_APP_FINALIZE_SCHEDULED)
  if(NOT scheduled)
    set_property(GLOBAL PROPERTY ZMEM_APP_FINALIZE_SCHEDULED TRUE)
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _zmem_app_finalize)
  endif()
endfunction()

# Each configuration library compiles zmem's sources with its configuration, except that a source
# whose configuration reads (scripts/config_reads.py: the CONFIG_* and ZMEM_* names in its include
# closure) have the same values as in a library finalized before is not compiled again: the
# library takes that one's object. The objects are identical (same source, same options, same
# preprocessed text), and a build of the tests compiles about a third of the sources it would
# otherwise (each configuration differs from the others in a few symbols that few sources read).
# A compiler cache would find the same objects, but only after running the preprocessor on every
# copy: in the 2-core CI machine, whose processes are costly, that was a third of a build.
function(_zmem_app_finalize)
  get_property(libs GLOBAL PROPERTY ZMEM_CONFIG_LIBS)
  get_property(default_autoconf GLOBAL PROPERTY ZMEM_DEFAULT_AUTOCONF)
  get_target_property(zmem_dir zmem SOURCE_DIR)
  get_target_property(zmem_sources zmem SOURCES)
  get_property(root GLOBAL PROPERTY ZMEM_SOURCE_DIR)
  set(sources "")
  foreach(src IN LISTS zmem_sources)
    # Paths given relative to zmem's own folder would resolve against the clone's folder.
    if(NOT src MATCHES "^\\$<" AND NOT IS_ABSOLUTE "${src}")
      set(src "${zmem_dir}/${src}")
    endif()
    list(APPEND sources "${src}")
  endforeach()
  _zmem_config_reads("${sources}")
  # A library picks a borrowed object out of the owner's objects by the end of its path, the
  # source's path below zmem's folder: a source outside that folder, or one whose path ends
  # another's (heap.c and lib/heap/heap.c), is compiled by every library instead.
  set(rels "")
  foreach(src IN LISTS sources)
    if(IS_ABSOLUTE "${src}")
      file(RELATIVE_PATH rel "${root}" "${src}")
      list(APPEND rels "/${rel}")
    endif()
  endforeach()
  foreach(src IN LISTS sources)
    if(NOT IS_ABSOLUTE "${src}")
      continue()
    endif()
    file(RELATIVE_PATH rel "${root}" "${src}")
    set(ends 0)
    foreach(other IN LISTS rels)
      string(LENGTH "${other}" n)
      string(LENGTH "/${rel}" m)
      if(n GREATER_EQUAL m)
        math(EXPR start "${n} - ${m}")
        string(SUBSTRING "${other}" ${start} -1 tail)
        if(tail STREQUAL "/${rel}")
          math(EXPR ends "${ends} + 1")
        endif()
      endif()
    endforeach()
    if(rel MATCHES "^\\.\\./" OR NOT ends EQUAL 1)
      unset("ZMEM_CONFIG_READS_${src}")
    endif()
  endforeach()
  foreach(lib IN LISTS libs)
    get_target_property(autoconf ${lib} ZMEM_AUTOCONF)
    _zmem_autoconf_definitions("${autoconf}" defines)
    get_target_property(extra ${lib} ZMEM_EXTRA_COMPILE_OPTIONS)
    if(NOT extra)
      set(extra "")
    endif()
    # The sources this library compiles itself go to its object library; it takes the others'
    # objects from the object library of the first configuration that compiled them alike.
    set(own "")
    set(own_index "")
    set(taken "")
    set(index 0)
    foreach(src IN LISTS sources)
      math(EXPR index "${index} + 1")
      set(reads "*")
      if(defines AND DEFINED "ZMEM_CONFIG_READS_${src}")
        set(reads "${ZMEM_CONFIG_READS_${src}}")
      endif()
      if(reads STREQUAL "*")
        list(APPEND own "${src}")
        list(APPEND own_index ${index})
        set(read_defines_${index} "${defines}")
        continue()
      endif()
      set(key "${src}|${extra}")
      set(read_defines "")
      foreach(def IN LISTS defines)
        string(REGEX MATCH "^[^=]+" name "${def}")
        if(name IN_LIST reads)
          string(APPEND key "|${def}")
          list(APPEND read_defines "${def}")
        endif()
      endforeach()
      string(SHA1 key "${key}")
      get_property(owner GLOBAL PROPERTY ZMEM_OBJECT_OWNER_${key})
      if(owner)
        file(RELATIVE_PATH rel "${root}" "${src}")
        string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" rel "${rel}")
        list(APPEND taken "$<FILTER:$<TARGET_OBJECTS:${owner}_objects>,INCLUDE,/${rel}\\.o$>")
        add_dependencies(${lib} ${owner}_objects)
      else()
        set_property(GLOBAL PROPERTY ZMEM_OBJECT_OWNER_${key} ${lib})
        list(APPEND own "${src}")
        list(APPEND own_index ${index})
        set(read_defines_${index} "${read_defines}")
      endif()
    endforeach()
    set(targets ${lib})
    if(own)
      add_library(${lib}_objects OBJECT ${own})
      list(APPEND targets ${lib}_objects)
    endif()
    foreach(target IN LISTS targets)
      foreach(prop INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS COMPILE_FEATURES
          LINK_LIBRARIES INTERFACE_INCLUDE_DIRECTORIES INTERFACE_SYSTEM_INCLUDE_DIRECTORIES
          INTERFACE_COMPILE_DEFINITIONS INTERFACE_COMPILE_OPTIONS INTERFACE_COMPILE_FEATURES
          INTERFACE_LINK_LIBRARIES INTERFACE_LINK_OPTIONS C_STANDARD C_STANDARD_REQUIRED
          C_EXTENSIONS POSITION_INDEPENDENT_CODE)
        get_target_property(value zmem ${prop})
        if(NOT value STREQUAL "value-NOTFOUND")
          if(prop STREQUAL "COMPILE_OPTIONS" AND defines)
            # The library's own sources get the configuration as -D options instead (below).
            list(FILTER value EXCLUDE REGEX "-imacros")
          endif()
          string(REPLACE "${default_autoconf}" "${autoconf}" value "${value}")
          set_property(TARGET ${target} PROPERTY ${prop} "${value}")
        endif()
      endforeach()
      if(defines AND NOT target STREQUAL "${lib}_objects")
        target_compile_definitions(${target} PRIVATE ${defines})
      endif()
      if(extra)
        target_compile_options(${target} PRIVATE ${extra})
      endif()
    endforeach()
    if(own)
      target_sources(${lib} PRIVATE $<TARGET_OBJECTS:${lib}_objects>)
      # Each source is compiled with the -D options of the names it reads only (all of them when
      # its reads are unknown), so its command line is the same in every configuration, and in
      # every project, that agrees on those names: a compiler cache then finds the object from
      # the command line and the files' contents (ccache's direct mode), without running the
      # preprocessor. Twister's scenarios, separate CMake projects, share objects that way.
      # The source's property names a property of the compiling target (empty for zmem's own
      # library, which reads its configuration through -imacros).
      foreach(src index IN ZIP_LISTS own own_index)
        set_property(TARGET ${lib}_objects PROPERTY ZMEM_DEFINES_${index} "${read_defines_${index}}")
        get_property(done SOURCE "${src}" PROPERTY ZMEM_PER_SOURCE_DEFINES)
        if(NOT done)
          set_property(SOURCE "${src}" PROPERTY ZMEM_PER_SOURCE_DEFINES TRUE)
          set_property(SOURCE "${src}" APPEND PROPERTY COMPILE_DEFINITIONS
            "$<TARGET_PROPERTY:ZMEM_DEFINES_${index}>")
        endif()
      endforeach()
    endif()
    target_sources(${lib} PRIVATE ${taken})
  endforeach()
endfunction()

# _zmem_config_reads(<sources>): sets ZMEM_CONFIG_READS_<source> in the caller for each source
# scripts/config_reads.py could analyse, and makes CMake re-run when a file they read changes.
# Without Python (ZMEM_PYTHON unset) nothing is set, and nothing is shared.
function(_zmem_config_reads sources)
  get_property(root GLOBAL PROPERTY ZMEM_SOURCE_DIR)
  get_property(bindir GLOBAL PROPERTY ZMEM_BINARY_DIR)
  if(NOT ZMEM_PYTHON OR NOT EXISTS "${ZMEM_PYTHON}")
    return()
  endif()
  get_target_property(dirs zmem INCLUDE_DIRECTORIES)
  set(args "")
  foreach(dir IN LISTS dirs)
    string(REGEX REPLACE "^\\$<BUILD_INTERFACE:(.*)>$" "\\1" dir "${dir}")
    if(NOT dir MATCHES "\\$<" AND IS_ABSOLUTE "${dir}")
      list(APPEND args -I "${dir}")
    endif()
  endforeach()
  set(files "")
  foreach(src IN LISTS sources)
    if(IS_ABSOLUTE "${src}" AND EXISTS "${src}")
      list(APPEND files "${src}")
    endif()
  endforeach()
  set(out "${bindir}/zmem_config_reads.cmake")
  execute_process(COMMAND "${ZMEM_PYTHON}" "${root}/scripts/config_reads.py" "${out}" ${args} --
    ${files} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(WARNING "zmem: scripts/config_reads.py failed (${rc}); configuration libraries "
      "compile every source")
    return()
  endif()
  include("${out}")
  set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    "${root}/scripts/config_reads.py" ${ZMEM_CONFIG_READS_FILES})
  foreach(src IN LISTS files)
    set("ZMEM_CONFIG_READS_${src}" "${ZMEM_CONFIG_READS_${src}}" PARENT_SCOPE)
  endforeach()
endfunction()

# _zmem_autoconf_definitions(<autoconf.h> <out-var>): the configuration's macros as a list of
# NAME=VALUE compile definitions, or an empty list when a value is not a plain number or a
# simple string (then the library keeps -imacros).
#
# Why: the same macros given as -D options instead of through a file named after the
# configuration make a source's preprocessed text independent of which configuration it was
# compiled for, wherever the configurations differ only in symbols that source does not use.
# A compiler cache that hashes preprocessed text (ccache; CI uses it, see scripts/run-tests.sh) then
# compiles each such source once and shares the object among every configuration library, and
# among the separate builds of twister's scenarios: most configurations differ from each other
# in a few symbols (a stack size, CONFIG_ASSERT) that few sources read.
function(_zmem_autoconf_definitions autoconf out_var)
  file(STRINGS "${autoconf}" lines REGEX "^#define ")
  set(defines "")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^#define ([A-Za-z_][A-Za-z0-9_]*) (.*)$")
      set(${out_var} "" PARENT_SCOPE)
      return()
    endif()
    set(name "${CMAKE_MATCH_1}")
    set(value "${CMAKE_MATCH_2}")
    # Numbers, hex numbers and strings without quotes, backslashes or characters a shell or
    # make treats specially inside them: every build tool passes those through unchanged.
    if(NOT value MATCHES "^(-?[0-9]+|0[xX][0-9a-fA-F]+|\"[A-Za-z0-9_ .,:/+=@-]*\")$")
      set(${out_var} "" PARENT_SCOPE)
      return()
    endif()
    list(APPEND defines "${name}=${value}")
  endforeach()
  set(${out_var} "${defines}" PARENT_SCOPE)
endfunction()

# zmem_core_options(<out-var>): the allocators' own options (CONFIG_SYS_HEAP_*,
# CONFIG_SYS_MEM_BLOCKS_*) of the configuration that zmem_kconfig_generate(... EXPORT_VARIABLES)
# exported to the caller, as NAME=VALUE definitions for a core compiled without the whole
# autoconf.h (bare-metal boards: cmake/zephyr/zephyr_package.cmake). A symbol that is n becomes 0:
# without autoconf.h's ZMEM_AUTOCONF the core reads an absent symbol as its default, not as n.
function(zmem_core_options out_var)
  set(defines "")
  foreach(name IN LISTS ZMEM_KCONFIG_SYMBOLS)
    if(name MATCHES "^CONFIG_SYS_(HEAP|MEM_BLOCKS)_[A-Z0-9_]+$")
      set(value "${${name}}")
      if(value STREQUAL "y")
        set(value 1)
      elseif(value STREQUAL "n")
        set(value 0)
      endif()
      list(APPEND defines "${name}=${value}")
    endif()
  endforeach()
  set(${out_var} "${defines}" PARENT_SCOPE)
endfunction()

#   zmem_add_output_test(<test name> COMMAND <target or program> [args...] EXPECT <file>
#                        [EXIT_CODE <n>])
# registers a ctest that runs the program and checks its exit status (default 0) and its output
# lines against EXPECT (see cmake/zmem_check_output.cmake for the format).
function(zmem_add_output_test name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "EXPECT;EXIT_CODE" "COMMAND")
  if(NOT DEFINED ARG_EXIT_CODE)
    set(ARG_EXIT_CODE 0)
  endif()
  list(POP_FRONT ARG_COMMAND program)
  if(TARGET ${program})
    set(program "$<TARGET_FILE:${program}>")
  endif()
  get_filename_component(expect "${ARG_EXPECT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_property(root GLOBAL PROPERTY ZMEM_SOURCE_DIR)
  set(command "${program}")
  foreach(arg IN LISTS ARG_COMMAND)
    string(APPEND command "|${arg}") # '|' keeps the command line one argument of add_test
  endforeach()
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${command}" "-DEXPECT=${expect}"
    "-DEXIT_CODE=${ARG_EXIT_CODE}" "-DPOINTER_BYTES=${CMAKE_SIZEOF_VOID_P}"
    -P "${root}/cmake/zmem_check_output.cmake")
endfunction()
