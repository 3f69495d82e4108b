# Installing zmem for Zephyr applications: with ZEPHYR_BASE pointing at the install prefix,
# find_package(Zephyr) finds <prefix>/share/zephyr-package/cmake/ZephyrConfig.cmake. Since zmem
# is compiled with each application's configuration, the install carries the sources needed
# to build it (under <prefix>/share/zmem/source), not only the prebuilt default library.
include(GNUInstallDirs)
set(_zmem_source_dest ${CMAKE_INSTALL_DATADIR}/zmem/source)
install(FILES ${PROJECT_SOURCE_DIR}/CMakeLists.txt ${PROJECT_SOURCE_DIR}/Kconfig
  ${PROJECT_SOURCE_DIR}/Kconfig.zephyr ${PROJECT_SOURCE_DIR}/Kconfig.compat
  DESTINATION ${_zmem_source_dest})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scripts/kconfig DESTINATION ${_zmem_source_dest}/scripts
  USE_SOURCE_PERMISSIONS PATTERN __pycache__ EXCLUDE)
foreach(dir arch cmake include kernel lib share subsys)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${dir})
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir} DESTINATION ${_zmem_source_dest})
  endif()
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/cmake/zephyr/ZephyrConfig.installed.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zephyr-package/cmake RENAME ZephyrConfig.cmake)
install(FILES ${PROJECT_SOURCE_DIR}/share/zephyr-package/cmake/ZephyrConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zephyr-package/cmake)
