# zmem's configuration generator: Kconfig-style symbols -> zephyr/autoconf.h.
#
# Symbols are declared in kconfig/*.conf, one per line:
#   CONFIG_NAME  TYPE  DEFAULT  help text...      (TYPE: bool | int | hex | string)
# An application's prj.conf (and extra conf files, applied in order) then assigns values:
#   CONFIG_X=y | n | 123 | -4 | 0x1F | "text"     and   # CONFIG_X is not set
# Comments and blank lines are ignored. An unknown symbol is ignored with a warning naming
# file:line (as Zephyr's Kconfig does); a malformed line or a value of the wrong type stops the
# configuration with an error naming file:line, since a silently dropped setting would give an
# application a configuration it never asked for.
#
# Output: autoconf.h (bool y -> `#define CONFIG_X 1`, n -> absent; int/hex/string verbatim) and,
# next to it, a `.config` listing every symbol's final value.
#
# Use from CMake:
#   include(zmem_kconfig)
#   zmem_kconfig_generate(OUTPUT <dir>/zephyr/autoconf.h
#                         [CONF_FILES <prj.conf>...]      # applied in order, later wins
#                         [KCONFIG_FILES <symbols.conf>...]  # extra declarations (app symbols)
#                         [KCONFIG_DIR <dir>]             # default: zmem's kconfig/
#                         [EXPORT_VARIABLES])             # also set CONFIG_X in the caller
#                             (bool: y/n, string: unquoted) and ZMEM_KCONFIG_SYMBOLS (the names)
# Use as a script (tests, tools):
#   cmake -DOUTPUT=<file> [-DCONF_FILES="a.conf;b.conf"] [-DKCONFIG_DIR=<dir>] -P zmem_kconfig.cmake

cmake_minimum_required(VERSION 3.20)

set(ZMEM_KCONFIG_DEFAULT_DIR "${CMAKE_CURRENT_LIST_DIR}/../kconfig")
get_filename_component(ZMEM_KCONFIG_DEFAULT_DIR "${ZMEM_KCONFIG_DEFAULT_DIR}" ABSOLUTE)

# Value syntax per type. Strings are double-quoted with backslash escapes, as in Kconfig.
set(_zk_re_bool "^[yn]$")
set(_zk_re_int "^-?[0-9]+$")
set(_zk_re_hex "^0[xX][0-9a-fA-F]+$")
set(_zk_re_string "^\"([^\"\\\\]|\\\\.)*\"$")

# Reads one file into _zk_lines_N variables (N from 1), keeping every line, including lines
# with ';' or '[' that CMake lists would mangle, so that line numbers stay exact.
# zmem_write_if_changed(<path> <content>): write only when the content differs, so that
# regenerating a configuration does not make everything that includes it rebuild.
function(zmem_write_if_changed path content)
  set(old "")
  if(EXISTS "${path}")
    file(READ "${path}" old)
  endif()
  if(NOT old STREQUAL "${content}")
    file(WRITE "${path}" "${content}")
  endif()
endfunction()

macro(_zk_read_lines file)
  file(READ "${file}" _zk_content)
  string(REPLACE "\r" "" _zk_content "${_zk_content}")
  set(_zk_nlines 0)
  while(NOT _zk_content STREQUAL "")
    string(FIND "${_zk_content}" "\n" _zk_nl)
    math(EXPR _zk_nlines "${_zk_nlines} + 1")
    if(_zk_nl EQUAL -1)
      set(_zk_lines_${_zk_nlines} "${_zk_content}")
      set(_zk_content "")
    else()
      string(SUBSTRING "${_zk_content}" 0 ${_zk_nl} _zk_lines_${_zk_nlines})
      math(EXPR _zk_nl "${_zk_nl} + 1")
      string(SUBSTRING "${_zk_content}" ${_zk_nl} -1 _zk_content)
    endif()
  endwhile()
endmacro()

function(zmem_kconfig_generate)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "EXPORT_VARIABLES" "OUTPUT;KCONFIG_DIR"
    "CONF_FILES;KCONFIG_FILES")
  if(NOT ARG_OUTPUT)
    message(FATAL_ERROR "zmem_kconfig_generate: OUTPUT is required")
  endif()
  if(NOT ARG_KCONFIG_DIR)
    set(ARG_KCONFIG_DIR "${ZMEM_KCONFIG_DEFAULT_DIR}")
  endif()
  if(CMAKE_SCRIPT_MODE_FILE)
    file(GLOB decl_files "${ARG_KCONFIG_DIR}/*.conf")
  else()
    file(GLOB decl_files CONFIGURE_DEPENDS "${ARG_KCONFIG_DIR}/*.conf")
  endif()
  list(SORT decl_files)
  list(APPEND decl_files ${ARG_KCONFIG_FILES})

  # 1. Declarations: name, type, default.
  set(names "")
  foreach(file IN LISTS decl_files)
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "zmem kconfig: symbol file ${file} does not exist")
    endif()
    _zk_read_lines("${file}")
    set(n 0)
    while(n LESS _zk_nlines) # not foreach(RANGE 1 N): for N = 0 it yields 1 and 0
      math(EXPR n "${n} + 1")
      set(line "${_zk_lines_${n}}")
      if(line MATCHES "^[ \t]*(#.*)?$")
        continue()
      endif()
      if(NOT line MATCHES "^(CONFIG_[A-Za-z0-9_]+)[ \t]+(bool|int|hex|string)[ \t]+(\"([^\"\\\\]|\\\\.)*\"|[^ \t]+)([ \t]+.*)?$")
        message(FATAL_ERROR "${file}:${n}: malformed symbol declaration (expected "
          "'CONFIG_NAME TYPE DEFAULT help...'): ${line}")
      endif()
      set(name "${CMAKE_MATCH_1}")
      set(type "${CMAKE_MATCH_2}")
      set(value "${CMAKE_MATCH_3}")
      if(NOT value MATCHES "${_zk_re_${type}}")
        message(FATAL_ERROR "${file}:${n}: default '${value}' of ${name} is not a valid ${type}")
      endif()
      if(DEFINED type_${name})
        message(FATAL_ERROR "${file}:${n}: ${name} is already declared in ${where_${name}}")
      endif()
      set(type_${name} "${type}")
      set(value_${name} "${value}")
      set(where_${name} "${file}:${n}")
      list(APPEND names "${name}")
    endwhile()
  endforeach()

  # 2. Assignments from the application's conf files, in order.
  foreach(file IN LISTS ARG_CONF_FILES)
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "zmem kconfig: configuration file ${file} does not exist")
    endif()
    _zk_read_lines("${file}")
    set(n 0)
    while(n LESS _zk_nlines) # not foreach(RANGE 1 N): for N = 0 it yields 1 and 0
      math(EXPR n "${n} + 1")
      set(line "${_zk_lines_${n}}")
      string(STRIP "${line}" line)
      if(line MATCHES "^# *(CONFIG_[A-Za-z0-9_]+) is not set$")
        set(name "${CMAKE_MATCH_1}")
        set(value "n")
        set(unset TRUE)
      elseif(line STREQUAL "" OR line MATCHES "^#")
        continue()
      elseif(line MATCHES "^(CONFIG_[A-Za-z0-9_]+)[ \t]*=[ \t]*(.*)$")
        set(name "${CMAKE_MATCH_1}")
        set(value "${CMAKE_MATCH_2}")
        set(unset FALSE)
      else()
        message(FATAL_ERROR "${file}:${n}: malformed line (expected CONFIG_NAME=value): ${line}")
      endif()
      if(NOT DEFINED type_${name})
        message(WARNING "${file}:${n}: unknown symbol ${name} ignored")
        continue()
      endif()
      set(type "${type_${name}}")
      if(unset AND NOT type STREQUAL "bool")
        continue() # "is not set" on a non-bool keeps its default, as Kconfig does
      endif()
      if(NOT value MATCHES "${_zk_re_${type}}")
        message(FATAL_ERROR "${file}:${n}: invalid value '${value}' for ${type} symbol ${name}")
      endif()
      set(value_${name} "${value}")
    endwhile()
  endforeach()

  # 3. Output, rewritten only when it changes so that builds stay incremental.
  list(SORT names)
  set(header "/* Generated by zmem from the kconfig/ symbol files")
  foreach(file IN LISTS ARG_CONF_FILES)
    get_filename_component(base "${file}" NAME)
    string(APPEND header " + ${base}")
  endforeach()
  string(APPEND header ". Do not edit. */\n#define ZMEM_AUTOCONF 1\n")
  set(dotconfig "# Generated by zmem. Final value of every symbol.\n")
  foreach(name IN LISTS names)
    set(type "${type_${name}}")
    set(value "${value_${name}}")
    if(type STREQUAL "bool")
      if(value STREQUAL "y")
        string(APPEND header "#define ${name} 1\n")
        string(APPEND dotconfig "${name}=y\n")
      else()
        string(APPEND dotconfig "# ${name} is not set\n")
      endif()
    else()
      string(APPEND header "#define ${name} ${value}\n")
      string(APPEND dotconfig "${name}=${value}\n")
    endif()
    if(ARG_EXPORT_VARIABLES)
      if(type STREQUAL "string")
        string(REGEX REPLACE "^\"(.*)\"$" "\\1" value "${value}")
      endif()
      set(${name} "${value}" PARENT_SCOPE)
    endif()
  endforeach()

  if(ARG_EXPORT_VARIABLES)
    set(ZMEM_KCONFIG_SYMBOLS "${names}" PARENT_SCOPE)
  endif()

  get_filename_component(outdir "${ARG_OUTPUT}" DIRECTORY)
  file(MAKE_DIRECTORY "${outdir}")
  foreach(pair "${ARG_OUTPUT}|header" "${outdir}/.config|dotconfig")
    string(REPLACE "|" ";" pair "${pair}")
    list(GET pair 0 path)
    list(GET pair 1 var)
    zmem_write_if_changed("${path}" "${${var}}")
  endforeach()

  # Editing a conf file or adding a component's symbols re-runs the configuration.
  if(NOT CMAKE_SCRIPT_MODE_FILE)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
      ${decl_files} ${ARG_CONF_FILES})
  endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  set(_zk_args OUTPUT "${OUTPUT}" CONF_FILES ${CONF_FILES})
  if(KCONFIG_DIR)
    list(APPEND _zk_args KCONFIG_DIR "${KCONFIG_DIR}")
  endif()
  if(KCONFIG_FILES)
    list(APPEND _zk_args KCONFIG_FILES ${KCONFIG_FILES})
  endif()
  zmem_kconfig_generate(${_zk_args})
endif()
