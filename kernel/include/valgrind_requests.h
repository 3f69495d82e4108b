/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * What the host runtime tells valgrind (memcheck) about its stacks. memcheck keeps its own view
 * of stack memory: what lies below a stack pointer that went up is dead, and a jump of the stack
 * pointer shorter than --max-stackframe is frames pushed or popped. The runtime switches each
 * host thread between two stacks, and reuses, paints and scans thread stacks that are also
 * plain static memory, so it says what it does:
 * - Z_VG_STACK_REGISTER/DEREGISTER: a host thread's runtime and application stacks are stacks,
 *   so that a jump between them is a switch (otherwise memcheck now and then marks other
 *   threads' stacks dead: kernel.msgq failed about one run in three);
 * - Z_VG_DEFINED: a stack object handed to a new thread holds its bytes again (a thread that
 *   ended left them dead), before the runtime paints it or the application reads what it
 *   painted itself; only there, since a running thread's frames keep what memcheck knows;
 * - Z_VG_UNDEFINED: stack memory below a stack pointer, about to be used as a fresh stack (the
 *   fault path's context low on the runtime stack);
 * - Z_VG_QUIET_BEGIN/END: around a scan for a thread's stack paint, which reads up to the first
 *   byte its frames wrote, below that thread's stack pointer.
 * With valgrind's headers installed at build time these are its client requests (a few
 * instructions, nothing when the program does not run under valgrind); otherwise nothing.
 */
#ifndef ZMEM_KERNEL_INCLUDE_VALGRIND_REQUESTS_H_
#define ZMEM_KERNEL_INCLUDE_VALGRIND_REQUESTS_H_

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#define Z_VALGRIND_HEADERS 1
#endif
#endif

#ifdef Z_VALGRIND_HEADERS
#include <valgrind/memcheck.h>
#define Z_VG_STACK_REGISTER(lo, hi) VALGRIND_STACK_REGISTER((lo), (hi))
#define Z_VG_STACK_DEREGISTER(id)   VALGRIND_STACK_DEREGISTER(id)
#define Z_VG_DEFINED(addr, len)     ((void)VALGRIND_MAKE_MEM_DEFINED((addr), (len)))
#define Z_VG_UNDEFINED(addr, len)   ((void)VALGRIND_MAKE_MEM_UNDEFINED((addr), (len)))
#define Z_VG_QUIET_BEGIN()          VALGRIND_DISABLE_ERROR_REPORTING
#define Z_VG_QUIET_END()            VALGRIND_ENABLE_ERROR_REPORTING
#else
#define Z_VG_STACK_REGISTER(lo, hi) ((void)(lo), (void)(hi), 0U)
#define Z_VG_STACK_DEREGISTER(id)   ((void)(id))
#define Z_VG_DEFINED(addr, len)     ((void)(addr), (void)(len))
#define Z_VG_UNDEFINED(addr, len)   ((void)(addr), (void)(len))
#define Z_VG_QUIET_BEGIN()          ((void)0)
#define Z_VG_QUIET_END()            ((void)0)
#endif

#endif /* ZMEM_KERNEL_INCLUDE_VALGRIND_REQUESTS_H_ */
