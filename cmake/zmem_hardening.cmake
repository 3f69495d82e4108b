# Compiler hardening of zmem and of everything that links it (applications, tests, benchmarks).
#
# -fstack-clash-protection: a frame larger than a page is allocated one page at a time, each
# page touched (probed) before the next, so a frame can never jump over a thread's guard page
# into the neighbouring stack: the first probe below the stack lands in the guard page and is
# reported as that thread's stack overflow (K_ERR_STACK_CHK_FAIL). Host builds only: the
# Cortex-M and freestanding builds have no guard page (no MMU) and GCC does not implement the
# option for ARM targets ("not supported for this target"), so it is left off there.
include(CheckCCompilerFlag)
if(ZMEM_HOST_RUNTIME)
  check_c_compiler_flag("-fstack-clash-protection -Werror" ZMEM_HAVE_STACK_CLASH_PROTECTION)
  if(ZMEM_HAVE_STACK_CLASH_PROTECTION)
    # PUBLIC: applications compiled against zmem (zmem_add_application, find_package(Zephyr),
    # the installed package) get it too.
    target_compile_options(zmem PUBLIC -fstack-clash-protection)
  else()
    message(WARNING "zmem: ${CMAKE_C_COMPILER} lacks -fstack-clash-protection: a stack frame "
                    "larger than the guard page can skip it")
  endif()
endif()
