/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The host's exception stack frame: what a fault handler knows about a fault.
 */
#ifndef ZEPHYR_INCLUDE_ARCH_HOST_EXCEPTION_H_
#define ZEPHYR_INCLUDE_ARCH_HOST_EXCEPTION_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief How the faulting instruction touched memory. */
enum arch_host_access {
	ARCH_HOST_ACCESS_UNKNOWN = 0, /**< Not a memory fault, or unknown. */
	ARCH_HOST_ACCESS_READ,        /**< A load. */
	ARCH_HOST_ACCESS_WRITE,       /**< A store. */
	ARCH_HOST_ACCESS_EXEC,        /**< An instruction fetch. */
};

/** @brief Exception stack frame of the host architecture. */
struct arch_esf {
	int signo;                    /**< Host signal (SIGSEGV, SIGBUS...), 0 for software faults. */
	int si_code;                  /**< siginfo si_code (SEGV_ACCERR, SEGV_MAPERR...). */
	uintptr_t fault_addr;         /**< Faulting data address (0 if none). */
	uintptr_t pc;                 /**< Program counter of the faulting instruction, if known. */
	enum arch_host_access access; /**< Kind of access. */
};

/**
 * @brief The exception stack frame's older name: Zephyr called it z_arch_esf_t until 3.7 (then
 * deprecated it), and test code of that time declares k_sys_fatal_error_handler() with it.
 */
typedef struct arch_esf z_arch_esf_t;

/**
 * @brief Enter the fatal path for a host fault. Safe to call from a signal handler running on
 * the alternate signal stack: it abandons the faulting context and runs z_fatal_error() on the
 * current thread's runtime stack. Never returns.
 */
void arch_host_fault(unsigned int reason, const struct arch_esf *esf);

/**
 * @brief Fatal error reason for a host fault (default K_ERR_CPU_EXCEPTION). Weak: the stacks
 * layer overrides it to report guard-page hits as K_ERR_STACK_CHK_FAIL. Runs in the signal
 * handler: async-signal-safe code only.
 */
unsigned int z_host_fault_reason(const struct arch_esf *esf);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_ARCH_HOST_EXCEPTION_H_ */
