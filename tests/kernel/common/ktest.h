/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Minimal test harness for the kernel-object tests: checks report file, line and the failed
 * expression, and the test's exit status is the number of failed checks (capped), so ctest
 * sees any failure.
 */
#ifndef ZMEM_TESTS_KTEST_H_
#define ZMEM_TESTS_KTEST_H_

#include <stdio.h>

/* On the host runtime printk formats on the runtime's own stack: the C library's printf needs
 * several KiB of the (small) test thread's stack. Freestanding targets use stdio. */
#if defined(CONFIG_PRINTK)
#include <zephyr/sys/printk.h>
#define KTEST_PRINT(...) printk(__VA_ARGS__)
#define KTEST_ERR(...)   printk(__VA_ARGS__)
#else
#define KTEST_PRINT(...) printf(__VA_ARGS__)
#define KTEST_ERR(...)   fprintf(stderr, __VA_ARGS__)
#endif

static int ktest_failures;
static int ktest_checks;

#define CHECK_COUNT       ktest_checks
#define CHECK_FAILURES    ktest_failures
#define CHECK_REPORT(...) KTEST_ERR(__VA_ARGS__)
#define CHECK_PRINT(...)  KTEST_PRINT(__VA_ARGS__)
#include "../../common/check.h"

#define KTEST_RESULT()                                                                             \
	(KTEST_PRINT("%d checks, %d failed\n", ktest_checks, ktest_failures),                      \
	 ktest_failures > 100 ? 100 : ktest_failures)

#endif /* ZMEM_TESTS_KTEST_H_ */
