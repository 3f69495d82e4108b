# zmem's configuration step in CMake: Kconfig symbols + configuration files -> autoconf.h.
#
# The work is done by scripts/kconfig/zmem_config.py (kconfiglib, Debian's python3-kconfiglib,
# as Zephyr does it); this file finds Python with kconfiglib (installing it with apt-get when
# configuring as root), runs the script only when one of its inputs changed, reports its
# messages, and adds the menuconfig / guiconfig / hardenconfig targets. See docs/kconfig.md.
#
#   include(zmem_kconfig)
#   zmem_kconfig_generate(OUTPUT <dir>/autoconf.h
#                         [KCONFIG_ROOT <Kconfig>]   # default: zmem's root Kconfig
#                         [CONF_FILES <prj.conf>...] # applied in order, later wins
#                         [TARGET_PREFIX <p>]        # add targets <p>menuconfig, <p>guiconfig,
#                                                    #   <p>hardenconfig
#                         [TARGETS_UNPREFIXED]       # add menuconfig, guiconfig, hardenconfig
#                         [EXPORT_VARIABLES])        # set CONFIG_X in the caller (bool: y/n,
#                                                    #   string: unquoted), ZMEM_KCONFIG_SYMBOLS
# writes <dir>/autoconf.h and <dir>/.config, plus <dir>/.config.cmake (CMake values),
# <dir>/.kconfig_sources (Kconfig files read) and <dir>/.kconfig_state / .kconfig_stamp.
# ZMEM_KCONFIG_STRICT=ON makes an assignment to an unknown symbol an error.
include_guard(GLOBAL)

option(ZMEM_KCONFIG_STRICT "Assignments to unknown CONFIG_ symbols are errors" OFF)

# zmem_write_if_changed(<path> <content>): write only when the content differs, so that
# regenerating a file does not make everything that includes it rebuild.
function(zmem_write_if_changed path content)
  set(old "")
  if(EXISTS "${path}")
    file(READ "${path}" old)
  endif()
  if(NOT old STREQUAL "${content}")
    file(WRITE "${path}" "${content}")
  endif()
endfunction()

function(_zmem_python_has_kconfiglib python out)
  set(${out} FALSE PARENT_SCOPE)
  if(python AND EXISTS "${python}")
    execute_process(COMMAND "${python}" -c "import kconfiglib"
      RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(rc EQUAL 0)
      set(${out} TRUE PARENT_SCOPE)
    endif()
  endif()
endfunction()

# Sets ZMEM_PYTHON (cache) to a Python 3 that imports kconfiglib: ZMEM_PYTHON if given, Debian's
# /usr/bin/python3 (python3-kconfiglib), then python3 on PATH. Missing: installed with apt-get
# when running as root on Debian/Ubuntu, else the configuration stops with the command to run.
function(zmem_kconfig_find_python)
  get_property(done GLOBAL PROPERTY _ZMEM_KCONFIG_PYTHON_OK)
  if(done)
    return()
  endif()
  find_program(_zmem_path_python3 NAMES python3)
  foreach(candidate "${ZMEM_PYTHON}" /usr/bin/python3 "${_zmem_path_python3}")
    _zmem_python_has_kconfiglib("${candidate}" ok)
    if(ok)
      set(found "${candidate}")
      break()
    endif()
  endforeach()
  if(NOT found AND EXISTS /usr/bin/apt-get)
    execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(uid STREQUAL "0")
      message(STATUS "zmem: Kconfig needs Python 3 with kconfiglib; installing: "
        "apt-get install -y python3 python3-kconfiglib")
      set(ENV{DEBIAN_FRONTEND} noninteractive)
      execute_process(COMMAND apt-get install -y -q python3 python3-kconfiglib RESULT_VARIABLE rc)
      if(NOT rc EQUAL 0)
        message(STATUS "zmem: apt-get update, then apt-get install -y python3 python3-kconfiglib")
        execute_process(COMMAND apt-get update -q)
        execute_process(COMMAND apt-get install -y -q python3 python3-kconfiglib)
      endif()
      _zmem_python_has_kconfiglib(/usr/bin/python3 ok)
      if(ok)
        set(found /usr/bin/python3)
      endif()
    endif()
  endif()
  if(NOT found)
    message(FATAL_ERROR "zmem reads its configuration (Kconfig) with Python 3 and kconfiglib, "
      "which are missing. Install them:\n"
      "  sudo apt-get install python3 python3-kconfiglib\n"
      "(other systems: pip install kconfiglib, then configure with -DZMEM_PYTHON=<that python3>)")
  endif()
  if(NOT "${found}" STREQUAL "$CACHE{ZMEM_PYTHON}")
    message(STATUS "zmem: Kconfig configuration with ${found} (kconfiglib)")
  endif()
  set(ZMEM_PYTHON "${found}" CACHE FILEPATH "Python 3 with kconfiglib, for the configuration step"
    FORCE)
  set_property(GLOBAL PROPERTY _ZMEM_KCONFIG_PYTHON_OK TRUE)
endfunction()

# The zmem tree and the script, from wherever the functions are called (variables set when this
# file was included are not visible in other directories' scopes).
macro(_zmem_kconfig_paths)
  get_filename_component(ZMEM_KCONFIG_ZEPHYR_BASE "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/.." ABSOLUTE)
  set(ZMEM_KCONFIG_SCRIPT "${ZMEM_KCONFIG_ZEPHYR_BASE}/scripts/kconfig/zmem_config.py")
  # The target's pointer size, which Kconfig reads as $(ZMEM_POINTER_BYTES) (CONFIG_64BIT,
  # arch/Kconfig): every Kconfig tool gets it in its environment, so the configuration step,
  # the editors and savedefconfig agree on the defaults that follow from it.
  set(ZMEM_KCONFIG_ENV "")
  if(CMAKE_SIZEOF_VOID_P)
    set(ZMEM_KCONFIG_ENV "ZMEM_POINTER_BYTES=${CMAKE_SIZEOF_VOID_P}")
  endif()
endmacro()

# The stamp of a configuration step: a hash of the command line <cmd> and of every input file
# after it (its name and content; a missing file counts as "missing"), so that any change to
# one of them changes the stamp. zmem_kconfig_generate() computes it before the step, to decide
# whether to run it, and after, to record the state the step left.
function(_zmem_kconfig_stamp out cmd)
  string(SHA256 stamp "${cmd}")
  foreach(f IN LISTS ARGN)
    if(EXISTS "${f}")
      file(SHA256 "${f}" h)
    else()
      set(h missing)
    endif()
    string(SHA256 stamp "${stamp}${f}${h}")
  endforeach()
  set(${out} "${stamp}" PARENT_SCOPE)
endfunction()

function(zmem_kconfig_generate)
  _zmem_kconfig_paths()
  # The old one-line-per-symbol files are not read any more: stop rather than lose symbols.
  file(GLOB old_format "${ZMEM_KCONFIG_ZEPHYR_BASE}/kconfig/*.conf")
  if(old_format)
    message(FATAL_ERROR "zmem: ${old_format}: symbol files in the removed kconfig/*.conf format. "
      "Declare these symbols in the Kconfig file of their area instead (docs/kconfig.md, "
      "\"Declaring a new symbol\") and delete the file.")
  endif()
  cmake_parse_arguments(PARSE_ARGV 0 ARG "EXPORT_VARIABLES;TARGETS_UNPREFIXED"
    "OUTPUT;KCONFIG_ROOT;TARGET_PREFIX"
    "CONF_FILES")
  if(NOT ARG_OUTPUT)
    message(FATAL_ERROR "zmem_kconfig_generate: OUTPUT is required")
  endif()
  if(NOT ARG_KCONFIG_ROOT)
    set(ARG_KCONFIG_ROOT "${ZMEM_KCONFIG_ZEPHYR_BASE}/Kconfig")
  endif()
  get_filename_component(root "${ARG_KCONFIG_ROOT}" ABSOLUTE)
  if(NOT EXISTS "${root}")
    message(FATAL_ERROR "zmem: Kconfig file ${root} does not exist")
  endif()
  zmem_kconfig_find_python()
  get_filename_component(dir "${ARG_OUTPUT}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  set(dotconfig "${dir}/.config")
  set(cmake_out "${dir}/.config.cmake")
  set(sources_out "${dir}/.kconfig_sources")

  set(cmd ${CMAKE_COMMAND} -E env ${ZMEM_KCONFIG_ENV}
    "${ZMEM_PYTHON}" "${ZMEM_KCONFIG_SCRIPT}" --kconfig "${root}"
    --zephyr-base "${ZMEM_KCONFIG_ZEPHYR_BASE}" --dotconfig "${dotconfig}"
    --autoconf "${ARG_OUTPUT}" --cmake "${cmake_out}" --sources "${sources_out}"
    --state "${dir}/.kconfig_state")
  foreach(f IN LISTS ARG_CONF_FILES)
    if(NOT EXISTS "${f}")
      message(FATAL_ERROR "zmem: configuration file ${f} does not exist")
    endif()
    list(APPEND cmd --conf "${f}")
  endforeach()
  if(ZMEM_KCONFIG_STRICT)
    list(APPEND cmd --strict)
  endif()

  # Re-run only when an input changed: the command, the conf files, the Kconfig files read
  # last time, the script and the .config (menuconfig saves there).
  set(kconfig_files "")
  if(EXISTS "${sources_out}")
    file(STRINGS "${sources_out}" kconfig_files)
  endif()
  _zmem_kconfig_stamp(stamp "${cmd}" ${ARG_CONF_FILES} ${kconfig_files} "${ZMEM_KCONFIG_SCRIPT}"
    "${dotconfig}")
  set(old_stamp "")
  if(EXISTS "${dir}/.kconfig_stamp")
    file(READ "${dir}/.kconfig_stamp" old_stamp)
  endif()
  if(NOT stamp STREQUAL old_stamp OR NOT EXISTS "${ARG_OUTPUT}" OR NOT EXISTS "${cmake_out}")
    execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT "${out}${err}" STREQUAL "")
      message(NOTICE "${out}${err}")
    endif()
    if(NOT rc EQUAL 0)
      file(REMOVE "${dir}/.kconfig_stamp")
      message(FATAL_ERROR "zmem: configuration stopped by the errors above (Kconfig ${root})")
    endif()
    # The stamp of the state after this run (the script may have rewritten .config).
    file(STRINGS "${sources_out}" kconfig_files)
    _zmem_kconfig_stamp(stamp "${cmd}" ${ARG_CONF_FILES} ${kconfig_files}
      "${ZMEM_KCONFIG_SCRIPT}" "${dotconfig}")
    file(WRITE "${dir}/.kconfig_stamp" "${stamp}")
  endif()

  if(ARG_EXPORT_VARIABLES)
    include("${cmake_out}")
    foreach(name IN LISTS ZMEM_KCONFIG_SYMBOLS)
      set(${name} "${${name}}" PARENT_SCOPE)
    endforeach()
    set(ZMEM_KCONFIG_SYMBOLS "${ZMEM_KCONFIG_SYMBOLS}" PARENT_SCOPE)
  endif()

  if(NOT CMAKE_SCRIPT_MODE_FILE)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
      ${ARG_CONF_FILES} ${kconfig_files} "${ZMEM_KCONFIG_SCRIPT}"
      "${ZMEM_KCONFIG_ZEPHYR_BASE}/scripts/kconfig/spellings.txt" "${dotconfig}")
    if(ARG_TARGET_PREFIX)
      zmem_kconfig_add_targets("${ARG_TARGET_PREFIX}" "${root}" "${dotconfig}")
    elseif(ARG_TARGETS_UNPREFIXED)
      zmem_kconfig_add_targets("" "${root}" "${dotconfig}")
    endif()
  endif()
endfunction()

# <prefix>menuconfig, <prefix>guiconfig (kconfiglib's editors), <prefix>savedefconfig and
# <prefix>hardenconfig on a build's .config. Saving from an editor changes .config; the next build re-runs the
# configuration, which then takes the saved .config as the configuration (until a conf file
# or Kconfig file changes), as on Zephyr.
function(zmem_kconfig_add_targets prefix root dotconfig)
  _zmem_kconfig_paths()
  set(env ${CMAKE_COMMAND} -E env "ZEPHYR_BASE=${ZMEM_KCONFIG_ZEPHYR_BASE}"
    "srctree=${ZMEM_KCONFIG_ZEPHYR_BASE}" "KCONFIG_CONFIG=${dotconfig}" ${ZMEM_KCONFIG_ENV})
  foreach(tool menuconfig guiconfig)
    if(NOT TARGET ${prefix}${tool})
      add_custom_target(${prefix}${tool}
        COMMAND ${env} "${ZMEM_PYTHON}"
          "${ZMEM_KCONFIG_ZEPHYR_BASE}/scripts/kconfig/run_editor.py" ${tool} "${root}"
        WORKING_DIRECTORY "${ZMEM_KCONFIG_ZEPHYR_BASE}"
        USES_TERMINAL
        COMMENT "${tool} on ${dotconfig} (the next build applies what you save)")
    endif()
  endforeach()
  if(NOT TARGET ${prefix}savedefconfig)
    get_filename_component(dir "${dotconfig}" DIRECTORY)
    add_custom_target(${prefix}savedefconfig
      COMMAND ${env} "${ZMEM_PYTHON}" -m savedefconfig --kconfig "${root}" --out "${dir}/defconfig"
      WORKING_DIRECTORY "${ZMEM_KCONFIG_ZEPHYR_BASE}"
      COMMENT "Minimal configuration of ${dotconfig} (values differing from the defaults) -> "
        "${dir}/defconfig, to copy into prj.conf")
  endif()
  if(NOT TARGET ${prefix}hardenconfig)
    add_custom_target(${prefix}hardenconfig
      COMMAND ${env} "${ZMEM_PYTHON}" "${ZMEM_KCONFIG_ZEPHYR_BASE}/scripts/kconfig/hardenconfig.py"
        --kconfig "${root}" --zephyr-base "${ZMEM_KCONFIG_ZEPHYR_BASE}" --dotconfig "${dotconfig}"
      USES_TERMINAL
      COMMENT "Hardening options of ${dotconfig} against zmem's recommendations")
  endif()
endfunction()
