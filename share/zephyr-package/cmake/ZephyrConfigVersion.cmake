# zmem implements the application-facing build of Zephyr 3.x/4.x; it accepts any requested
# Zephyr version so that find_package(Zephyr 3.5 ...) works too, and reports its own.
set(PACKAGE_VERSION "4.0.0")
set(PACKAGE_VERSION_COMPATIBLE TRUE)
if(PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
  set(PACKAGE_VERSION_EXACT TRUE)
endif()
