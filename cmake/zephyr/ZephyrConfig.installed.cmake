# Installed as <prefix>/share/zephyr-package/cmake/ZephyrConfig.cmake: find_package(Zephyr)
# with ZEPHYR_BASE=<prefix> builds the application against the zmem sources installed with it.
include("${CMAKE_CURRENT_LIST_DIR}/../../zmem/source/cmake/zephyr/zephyr_package.cmake")
