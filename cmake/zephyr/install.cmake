# Installing zmem for Zephyr applications: with ZEPHYR_BASE pointing at the install prefix,
# find_package(Zephyr) finds <prefix>/share/zephyr-package/cmake/ZephyrConfig.cmake. Since zmem
# is compiled with each application's configuration, the install carries the sources needed
# to build it (under <prefix>/share/zmem/source), not only the prebuilt default library.
include(GNUInstallDirs)
set(_zmem_source_dest ${CMAKE_INSTALL_DATADIR}/zmem/source)
# Every Kconfig file at the top (Kconfig, Kconfig.zephyr and what it sources from there).
file(GLOB _zmem_top_kconfig ${PROJECT_SOURCE_DIR}/Kconfig*)
install(FILES ${PROJECT_SOURCE_DIR}/CMakeLists.txt ${_zmem_top_kconfig}
  DESTINATION ${_zmem_source_dest})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scripts/kconfig DESTINATION ${_zmem_source_dest}/scripts
  USE_SOURCE_PERMISSIONS PATTERN __pycache__ EXCLUDE)
# The generator of applications' own system calls (cmake/zephyr/zephyr_package.cmake).
install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/gen_app_syscalls.py
  DESTINATION ${_zmem_source_dest}/scripts)
foreach(dir arch cmake include kernel lib share subsys)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${dir})
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir} DESTINATION ${_zmem_source_dest})
  endif()
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/cmake/zephyr/ZephyrConfig.installed.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zephyr-package/cmake RENAME ZephyrConfig.cmake)
install(FILES ${PROJECT_SOURCE_DIR}/share/zephyr-package/cmake/ZephyrConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zephyr-package/cmake)
