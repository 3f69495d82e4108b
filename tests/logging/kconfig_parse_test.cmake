# prj.conf parsing test, run by ctest as `cmake -P`. Each case writes symbol and conf files,
# runs the generator (cmake/zmem_kconfig.cmake) as its own process and checks the exit status,
# the messages and the generated autoconf.h.
cmake_minimum_required(VERSION 3.20)
set(generator "${ZMEM_ROOT}/cmake/zmem_kconfig.cmake")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/kconfig")
# (No comment first: an empty conf file read after it must not see a stale first line.)
file(WRITE "${WORK_DIR}/kconfig/test.conf" [=[
CONFIG_B_ON     bool   y    on by default
CONFIG_B_OFF    bool   n    off by default
CONFIG_I        int    10   an int
CONFIG_H        hex    0x10 a hex
CONFIG_S        string "default text"   a string
CONFIG_KEEP     int    7    keeps its default
]=])
set(failures 0)

# run_case(<name> <expected exit: 0 or 1> <conf file>...): runs the generator; sets `output`.
function(run_case name expect_fail)
  execute_process(COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${WORK_DIR}/${name}/zephyr/autoconf.h"
    "-DKCONFIG_DIR=${WORK_DIR}/kconfig" "-DCONF_FILES=${ARGN}" -P "${generator}"
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  set(output "${out}${err}")
  string(REGEX REPLACE "\n  " " " output "${output}") # undo CMake's message wrapping
  set(output "${output}" PARENT_SCOPE)
  if((expect_fail AND rc EQUAL 0) OR (NOT expect_fail AND NOT rc EQUAL 0))
    message("FAIL ${name}: exit status ${rc}\n${output}")
    math(EXPR f "${failures} + 1")
    set(failures ${f} PARENT_SCOPE)
  endif()
endfunction()

function(expect_in name text haystack)
  string(FIND "${haystack}" "${text}" at)
  if(at EQUAL -1)
    message("FAIL ${name}: expected to find\n  ${text}\nin\n${haystack}")
    math(EXPR f "${failures} + 1")
    set(failures ${f} PARENT_SCOPE)
  endif()
endfunction()

function(expect_not_in name text haystack)
  string(FIND "${haystack}" "${text}" at)
  if(NOT at EQUAL -1)
    message("FAIL ${name}: did not expect\n  ${text}\nin\n${haystack}")
    math(EXPR f "${failures} + 1")
    set(failures ${f} PARENT_SCOPE)
  endif()
endfunction()

# 1. Every accepted form, comments, blank lines, spaces, a later file overriding an earlier one.
file(WRITE "${WORK_DIR}/good.conf" [=[
# a comment

CONFIG_B_ON=n
# CONFIG_B_OFF is not set
   CONFIG_I = -42
CONFIG_H=0xBEEF
CONFIG_S="semi;colon [bracket \"quoted\""
# CONFIG_KEEP is not set
CONFIG_B_OFF=y
]=])
file(WRITE "${WORK_DIR}/overlay.conf" "CONFIG_I=99\n")
run_case(good FALSE "${WORK_DIR}/good.conf;${WORK_DIR}/overlay.conf")
file(READ "${WORK_DIR}/good/zephyr/autoconf.h" h)
expect_in(good "#define CONFIG_B_OFF 1\n" "${h}")
expect_not_in(good "CONFIG_B_ON" "${h}")
expect_in(good "#define CONFIG_I 99\n" "${h}")
expect_in(good "#define CONFIG_H 0xBEEF\n" "${h}")
expect_in(good "#define CONFIG_S \"semi;colon [bracket \\\"quoted\\\"\"\n" "${h}")
expect_in(good "#define CONFIG_KEEP 7\n" "${h}")
expect_not_in(good "Warning" "${output}")
file(READ "${WORK_DIR}/good/zephyr/.config" dotconfig)
expect_in(good "# CONFIG_B_ON is not set\n" "${dotconfig}")
expect_in(good "CONFIG_I=99\n" "${dotconfig}")

# 2. Defaults alone.
file(WRITE "${WORK_DIR}/empty.conf" "")
run_case(defaults FALSE "${WORK_DIR}/empty.conf")
file(READ "${WORK_DIR}/defaults/zephyr/autoconf.h" h)
expect_in(defaults "#define CONFIG_B_ON 1\n" "${h}")
expect_not_in(defaults "CONFIG_B_OFF" "${h}")
expect_in(defaults "#define CONFIG_I 10\n" "${h}")
expect_in(defaults "#define CONFIG_S \"default text\"\n" "${h}")

# 3. Unknown symbol: a warning naming file:line, the rest still applied.
file(WRITE "${WORK_DIR}/unknown.conf" "CONFIG_I=5\n\nCONFIG_NOT_A_SYMBOL=y\n")
run_case(unknown FALSE "${WORK_DIR}/unknown.conf")
expect_in(unknown "${WORK_DIR}/unknown.conf:3: unknown symbol CONFIG_NOT_A_SYMBOL ignored"
  "${output}")
file(READ "${WORK_DIR}/unknown/zephyr/autoconf.h" h)
expect_in(unknown "#define CONFIG_I 5\n" "${h}")
expect_not_in(unknown "NOT_A_SYMBOL" "${h}")

# 4. Malformed lines: an error naming file:line, no header written.
set(n 0)
foreach(bad "CONFIG_I 5" "I=5" "CONFIG_I" "config_i=5" "CONFIG-I=5" "CONFIG_I=5 # comment")
  math(EXPR n "${n} + 1")
  file(WRITE "${WORK_DIR}/malformed${n}.conf" "# first line\nCONFIG_H=0x1\n${bad}\n")
  run_case(malformed${n} TRUE "${WORK_DIR}/malformed${n}.conf")
  expect_in(malformed${n} "${WORK_DIR}/malformed${n}.conf:3: " "${output}")
  if(EXISTS "${WORK_DIR}/malformed${n}/zephyr/autoconf.h")
    message("FAIL malformed${n}: autoconf.h written despite the error")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()

# 5. Values of the wrong type: an error naming file:line and the symbol.
set(n 0)
foreach(bad "CONFIG_B_ON=yes" "CONFIG_B_ON=1" "CONFIG_I=0x10" "CONFIG_I=12abc" "CONFIG_H=16"
    "CONFIG_S=unquoted" "CONFIG_S=\"open" "CONFIG_I=")
  math(EXPR n "${n} + 1")
  file(WRITE "${WORK_DIR}/type${n}.conf" "\n${bad}\n")
  run_case(type${n} TRUE "${WORK_DIR}/type${n}.conf")
  string(REGEX MATCH "CONFIG_[A-Z_]+" sym "${bad}")
  expect_in(type${n} "${WORK_DIR}/type${n}.conf:2: invalid value" "${output}")
  expect_in(type${n} "${sym}" "${output}")
endforeach()

# 6. A missing conf file is an error, not an empty configuration.
run_case(missing TRUE "${WORK_DIR}/does_not_exist.conf")
expect_in(missing "does_not_exist.conf does not exist" "${output}")

# 7. A malformed symbol declaration names its file:line too.
file(WRITE "${WORK_DIR}/kconfig/zz_bad.conf" "CONFIG_X float 1.0 not a type\n")
run_case(bad_decl TRUE "${WORK_DIR}/empty.conf")
expect_in(bad_decl "zz_bad.conf:1: malformed symbol declaration" "${output}")

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} check(s) failed")
endif()
message("kconfig parse: all checks passed")
