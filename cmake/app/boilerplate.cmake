# SPDX-License-Identifier: Apache-2.0
#
# Zephyr applications written before find_package(Zephyr) existed start with
#   include($ENV{ZEPHYR_BASE}/cmake/app/boilerplate.cmake NO_POLICY_SCOPE)
#   project(my_app)
# Zephyr kept this file as a shim for that form until 3.x (a deprecation warning, then the
# package); zmem does the same, so such folders (many of Zephyr's own older test folders and
# samples) build unchanged (docs/compatibility.md).
message(WARNING "Loading of Zephyr boilerplate.cmake directly is deprecated, please use "
  "'find_package(Zephyr REQUIRED HINTS $ENV{ZEPHYR_BASE})'")
include("${CMAKE_CURRENT_LIST_DIR}/../zephyr/zephyr_package.cmake")
