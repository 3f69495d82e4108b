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

# CONFIG_STACK_CANARIES, as Zephyr: every function of the application and of its zmem library
# gets a canary (-fstack-protector-all), compared against zmem's global __stack_chk_guard
# (-mstack-protector-guard=global where the compiler has it: x86, where glibc would otherwise
# use its own value in thread-local storage); a mismatch calls zmem's __stack_chk_fail, a
# K_ERR_STACK_CHK_FAIL fatal error of the running thread (subsys/random/stack_canary.c).
# zmem_app_configure() adds these options for configurations that set the symbol.
if(ZMEM_HOST_RUNTIME)
  # Linked with a definition of the guard, as zmem provides one.
  include(CheckCSourceCompiles)
  set(CMAKE_REQUIRED_FLAGS "-fstack-protector-all -mstack-protector-guard=global -Werror")
  check_c_source_compiles("unsigned long __stack_chk_guard;
    int main(void) { volatile char b[8]; b[0] = 1; return b[0]; }" ZMEM_HAVE_STACK_GUARD_GLOBAL)
  unset(CMAKE_REQUIRED_FLAGS)
  check_c_compiler_flag("-fstack-protector-all -Werror" ZMEM_HAVE_STACK_PROTECTOR)
  if(ZMEM_HAVE_STACK_GUARD_GLOBAL)
    set_property(GLOBAL PROPERTY ZMEM_STACK_CANARY_OPTIONS
      -fstack-protector-all -mstack-protector-guard=global)
  elseif(ZMEM_HAVE_STACK_PROTECTOR)
    set_property(GLOBAL PROPERTY ZMEM_STACK_CANARY_OPTIONS -fstack-protector-all)
  endif()
endif()
