# Builds a Zephyr application folder the way its users do, as a separate CMake project:
#   ZEPHYR_BASE=<zmem> cmake -S <app> -B <build> [-D...] && cmake --build <build>
# then runs <build>/zephyr/zephyr.exe and checks its output (EXPECT), or, with EXPECT_FAIL,
# checks that configuring fails with a message matching EXPECT_FAIL.
#
#   cmake -DZMEM_ROOT= -DAPP= -DBUILD= -DGENERATOR= -DC_COMPILER= [-DCONFIGURE_ARGS=a|b]
#         [-DEXPECT=<file>] [-DEXPECT_WARNING=<regex>] [-DEXPECT_FAIL=<regex>] [-DRUN_ARGS=a|b]
#         [-DINSTALL_FROM=<zmem build dir>] [-DEXPECT_AUTOCONF=<file>]
#         [-DEXPECT_TARGETS=a|b] [-DMENUCONFIG_TOGGLE=SYMBOL
#         -DPYTHON=<python3>] -P app_build_test.cmake
# With EXPECT_AUTOCONF, only configures and checks that every `#define` line of that file is a
# line of the generated zephyr/autoconf.h.
# EXPECT_TARGETS: build targets that must exist after configuring (menuconfig, ...).
# MENUCONFIG_TOGGLE: after configuring, run the menuconfig target in a pseudo-terminal, toggle
# SYMBOL and save (menuconfig_pty.py); the next build (of target hardenconfig) has to re-run
# the configuration from the saved .config (check the result with EXPECT_AUTOCONF).
# With INSTALL_FROM, zmem is first installed from that build tree into <build>-prefix, and
# ZEPHYR_BASE points at the install instead of the checkout.
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${BUILD}")
string(REPLACE "|" ";" CONFIGURE_ARGS "${CONFIGURE_ARGS}")
set(ENV{ZEPHYR_BASE} "${ZMEM_ROOT}")
if(INSTALL_FROM)
  file(REMOVE_RECURSE "${BUILD}-prefix")
  execute_process(COMMAND ${CMAKE_COMMAND} --install "${INSTALL_FROM}" --prefix "${BUILD}-prefix"
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message("${out}${err}")
    message(FATAL_ERROR "FAIL: installing zmem from ${INSTALL_FROM}")
  endif()
  set(ENV{ZEPHYR_BASE} "${BUILD}-prefix")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${APP}" -B "${BUILD}" -G "${GENERATOR}"
    "-DCMAKE_C_COMPILER=${C_COMPILER}" ${CONFIGURE_ARGS}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
set(configure_log "${out}${err}")
string(REGEX REPLACE "\n  " " " configure_flat "${configure_log}") # undo message wrapping

if(EXPECT_FAIL)
  message("${configure_log}")
  if(rc EQUAL 0)
    message(FATAL_ERROR "FAIL: configuring ${APP} succeeded; it should have failed")
  endif()
  if(NOT configure_flat MATCHES "${EXPECT_FAIL}")
    message(FATAL_ERROR "FAIL: configure error does not match: ${EXPECT_FAIL}")
  endif()
  message("configure failed as expected")
  return()
endif()

if(NOT rc EQUAL 0)
  message("${configure_log}")
  message(FATAL_ERROR "FAIL: configuring ${APP} failed")
endif()
if(EXPECT_WARNING AND NOT configure_flat MATCHES "${EXPECT_WARNING}")
  message(FATAL_ERROR "FAIL: no configure warning matching ${EXPECT_WARNING}:\n${configure_log}")
endif()
if(EXPECT_TARGETS)
  execute_process(COMMAND ${CMAKE_COMMAND} --build "${BUILD}" --target help
    OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  string(REPLACE "|" ";" EXPECT_TARGETS "${EXPECT_TARGETS}")
  foreach(t IN LISTS EXPECT_TARGETS)
    if(NOT help MATCHES "(^|[\n ])${t}([\n :]|$)") # (Ninja lists "name: phony")
      message(FATAL_ERROR "FAIL: no build target ${t}:\n${help}")
    endif()
  endforeach()
  message("targets present: ${EXPECT_TARGETS}")
endif()
if(MENUCONFIG_TOGGLE)
  execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 1) # a newer time stamp than the configure
  execute_process(COMMAND "${PYTHON}" "${CMAKE_CURRENT_LIST_DIR}/menuconfig_pty.py" "${BUILD}"
    "${MENUCONFIG_TOGGLE}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "FAIL: menuconfig target")
  endif()
  # Any build now re-runs the configuration from the saved .config; hardenconfig compiles
  # nothing (and shows the new value).
  execute_process(COMMAND ${CMAKE_COMMAND} --build "${BUILD}" --target hardenconfig
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  message("${out}${err}")
  if(NOT rc EQUAL 0 OR NOT "${out}${err}" MATCHES "as saved by menuconfig")
    message(FATAL_ERROR "FAIL: the build did not re-run the configuration from the saved .config")
  endif()
endif()
if(EXPECT_AUTOCONF)
  # Configure-only check: each line of EXPECT_AUTOCONF must be a line of zephyr/autoconf.h.
  file(READ "${BUILD}/zephyr/autoconf.h" autoconf)
  file(STRINGS "${EXPECT_AUTOCONF}" wanted REGEX "^#define ")
  foreach(line IN LISTS wanted)
    string(FIND "${autoconf}" "${line}\n" at)
    if(at EQUAL -1)
      message("${autoconf}")
      message(FATAL_ERROR "FAIL: autoconf.h lacks: ${line}")
    endif()
  endforeach()
  message("autoconf.h has the expected values")
  return()
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${BUILD}" -j 2
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message("${out}${err}")
  message(FATAL_ERROR "FAIL: building ${APP} failed")
endif()
set(exe "${BUILD}/zephyr/zephyr.exe")
if(NOT EXISTS "${exe}")
  message(FATAL_ERROR "FAIL: ${exe} was not produced")
endif()
foreach(f autoconf.h .config)
  if(NOT EXISTS "${BUILD}/zephyr/${f}")
    message(FATAL_ERROR "FAIL: ${BUILD}/zephyr/${f} was not produced")
  endif()
endforeach()
set(command "${exe}")
if(RUN_ARGS)
  string(APPEND command "|${RUN_ARGS}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${command}" "-DEXPECT=${EXPECT}"
  -P "${ZMEM_ROOT}/cmake/zmem_check_output.cmake" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: output of ${exe}")
endif()
