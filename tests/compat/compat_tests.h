/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The compatibility test program: one entry per file, run in order by main.c. Checks print
 * file, line and expression; the counters are shared by all files, and main's exit status is
 * the number of failed checks (capped at 100).
 */
#ifndef ZMEM_TESTS_COMPAT_TESTS_H_
#define ZMEM_TESTS_COMPAT_TESTS_H_

#include <zephyr/sys/printk.h>

extern int compat_failures;
extern int compat_checks;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		compat_checks++;                                                                   \
		if (!(cond)) {                                                                     \
			compat_failures++;                                                         \
			printk("%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond);                  \
		}                                                                                  \
	} while (0)

#define CHECK_EQ(a, b)                                                                             \
	do {                                                                                       \
		long long compat_a_ = (long long)(a);                                              \
		long long compat_b_ = (long long)(b);                                              \
		compat_checks++;                                                                   \
		if (compat_a_ != compat_b_) {                                                      \
			compat_failures++;                                                         \
			printk("%s:%d: FAILED: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a, \
			       #b, compat_a_, compat_b_);                                          \
		}                                                                                  \
	} while (0)

#define RUN_TEST(fn)                                                                               \
	do {                                                                                       \
		int compat_before_ = compat_failures;                                              \
		fn();                                                                              \
		printk("%s %s\n", compat_failures == compat_before_ ? "PASS" : "FAIL", #fn);       \
	} while (0)

void compat_static_defines_tests(void);
void compat_names_tests(void);
void compat_bitarray_tests(void);
void compat_mem_blocks_tests(void);
void compat_ring_buffer_tests(void);
void compat_random_tests(void);

#endif /* ZMEM_TESTS_COMPAT_TESTS_H_ */
