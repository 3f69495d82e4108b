# find_package(Zephyr REQUIRED HINTS $ENV{ZEPHYR_BASE}) with ZEPHYR_BASE pointing at zmem finds
# this file (CMake searches <prefix>/share/<name>*/cmake/), as with Zephyr's own package.
# The work is done by zmem's cmake/zephyr/zephyr_package.cmake.
include("${CMAKE_CURRENT_LIST_DIR}/../../../cmake/zephyr/zephyr_package.cmake")
