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

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		ktest_checks++;                                                                    \
		if (!(cond)) {                                                                     \
			ktest_failures++;                                                          \
			KTEST_ERR("%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond);               \
		}                                                                                  \
	} while (0)

#define CHECK_EQ(a, b)                                                                             \
	do {                                                                                       \
		long long ktest_a_ = (long long)(a);                                               \
		long long ktest_b_ = (long long)(b);                                               \
		ktest_checks++;                                                                    \
		if (ktest_a_ != ktest_b_) {                                                        \
			ktest_failures++;                                                          \
			KTEST_ERR("%s:%d: FAILED: %s == %s (%lld != %lld)\n", __FILE__, __LINE__,  \
				  #a, #b, ktest_a_, ktest_b_);                                     \
		}                                                                                  \
	} while (0)

#define RUN_TEST(fn)                                                                               \
	do {                                                                                       \
		int ktest_before_ = ktest_failures;                                                \
		fn();                                                                              \
		KTEST_PRINT("%s %s\n", ktest_failures == ktest_before_ ? "PASS" : "FAIL", #fn);    \
	} while (0)

#define KTEST_RESULT()                                                                             \
	(KTEST_PRINT("%d checks, %d failed\n", ktest_checks, ktest_failures),                      \
	 ktest_failures > 100 ? 100 : ktest_failures)

#endif /* ZMEM_TESTS_KTEST_H_ */
