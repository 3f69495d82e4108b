# Runs a program and checks its exit status and its stdout against expected lines, in order.
#
#   cmake "-DCOMMAND=<exe>|<arg>|..." -DEXPECT=<file> [-DEXIT_CODE=0] [-DPOINTER_BYTES=8|4]
#         -P zmem_check_output.cmake
#
# Each non-empty line of EXPECT is a regular expression (CMake syntax) that must match one
# whole output line; they must match in order, other output lines may come in between. A line
# starting with '!' is a regex that no output line may match. '@TS@' stands for a log timestamp
# `[hh:mm:ss.mmm,uuu]` and '@HEX@' for a 0x-prefixed hex number. '@WORD(a,b)@' stands for a on
# a build with 8-byte pointers and b on one with 4-byte pointers (POINTER_BYTES, the program's
# CMAKE_SIZEOF_VOID_P): a figure that follows the word size, exact on each. Lines starting with
# '#' are comments.
cmake_minimum_required(VERSION 3.20)
if(NOT DEFINED EXIT_CODE)
  set(EXIT_CODE 0)
endif()
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc
  TIMEOUT 120)
message("---- stdout of ${COMMAND}\n${out}---- stderr\n${err}---- exit status ${rc}")

set(failed FALSE)
if(NOT rc STREQUAL "${EXIT_CODE}")
  message("FAIL: exit status ${rc}, expected ${EXIT_CODE}")
  set(failed TRUE)
endif()

set(d "[0-9]")
set(ts_re "\\[${d}${d}+:${d}${d}:${d}${d}\\.${d}${d}${d},${d}${d}${d}\\]")
# Output as a list of lines; ';' would split lines, so it stands in as a placeholder.
string(REPLACE ";" "<semicolon>" out "${out}")
string(REPLACE "\n" ";" lines "${out}")
file(STRINGS "${EXPECT}" expected)
set(pos 0)
list(LENGTH lines nlines)
foreach(want IN LISTS expected)
  if(want MATCHES "^#" OR want STREQUAL "")
    continue()
  endif()
  string(REPLACE "@TS@" "${ts_re}" re "${want}")
  string(REPLACE "@HEX@" "0x[0-9a-fA-F]+" re "${re}")
  if(re MATCHES "@WORD\\(")
    if(POINTER_BYTES STREQUAL "8")
      set(pick "\\1")
    elseif(POINTER_BYTES STREQUAL "4")
      set(pick "\\2")
    else()
      message(FATAL_ERROR "${EXPECT}: @WORD(a,b)@ needs -DPOINTER_BYTES=8 or 4")
    endif()
    string(REGEX REPLACE "@WORD\\(([^,()]*),([^,()]*)\\)@" "${pick}" re "${re}")
  endif()
  if(re MATCHES "^!(.*)$")
    set(re "${CMAKE_MATCH_1}")
    foreach(line IN LISTS lines)
      if(line MATCHES "^${re}$")
        message("FAIL: unexpected line: ${line}")
        set(failed TRUE)
      endif()
    endforeach()
    continue()
  endif()
  set(found FALSE)
  while(pos LESS nlines)
    list(GET lines ${pos} line)
    math(EXPR pos "${pos} + 1")
    if(line MATCHES "^${re}$")
      set(found TRUE)
      break()
    endif()
  endwhile()
  if(NOT found)
    message("FAIL: no output line (in order) matches: ${want}")
    set(failed TRUE)
    set(pos 0) # report each missing line independently
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "output check failed")
endif()
message("output check passed")
