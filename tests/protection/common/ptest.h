/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Minimal checks (printed with printk, which formats on the runtime's stack, so checks
 * cost the small application stacks nothing) for the protection tests: each failed check prints what failed and
 * where; ptest_result() gives main()'s exit status (0 only if every check passed).
 *
 * A fatal-error handler that returns is shared by the tests: it records the reason, the thread
 * and the fault's address and access, so a test can provoke a fault in a thread, join the thread
 * and assert on what was caught while the rest of the system runs on.
 */
#ifndef ZMEM_TESTS_PROTECTION_PTEST_H_
#define ZMEM_TESTS_PROTECTION_PTEST_H_

#include <stdint.h>
#include <zephyr/kernel.h>

/*
 * AddressSanitizer's redzones and runtime make frames several times larger: stacks given to
 * test threads grow with it, and figures about native frame sizes are only checked natively.
 */
#if defined(__SANITIZE_ADDRESS__)
#define PTEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PTEST_ASAN 1
#endif
#endif
#ifdef PTEST_ASAN
#define PTEST_STACK(size)     ((size) * 4)
#define PTEST_NATIVE_FRAMES   0
#else
#define PTEST_STACK(size)     (size)
#define PTEST_NATIVE_FRAMES   1
#endif

static int ptest_failures;
static int ptest_checks;

#define CHECK_COUNT       ptest_checks
#define CHECK_FAILURES    ptest_failures
#define CHECK_REPORT(...) printk(__VA_ARGS__)
#include "../../common/check.h" /* CHECK(), CHECK_EQ() */

static inline int ptest_result(const char *suite)
{
	printk("%s: %d checks, %d failed\n", suite, ptest_checks, ptest_failures);
	return ptest_failures == 0 ? 0 : 1;
}

/** @brief What the last fatal error was. */
struct ptest_fault {
	int count;
	unsigned int reason;
	struct k_thread *thread;
	uintptr_t addr;
	enum arch_host_access access;
};

static struct ptest_fault ptest_last_fault;

/** @brief Forget the last fault. */
static inline void ptest_fault_reset(void)
{
	ptest_last_fault = (struct ptest_fault){0};
}

/* The application's handler: record and return, so only the faulting thread is aborted. */
void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	ptest_last_fault.count++;
	ptest_last_fault.reason = reason;
	ptest_last_fault.thread = k_current_get();
	ptest_last_fault.addr = esf != NULL ? esf->fault_addr : 0;
	ptest_last_fault.access = esf != NULL ? esf->access : ARCH_HOST_ACCESS_UNKNOWN;
}

#endif /* ZMEM_TESTS_PROTECTION_PTEST_H_ */
