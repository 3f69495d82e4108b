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

#define CHECK_COUNT       compat_checks
#define CHECK_FAILURES    compat_failures
#define CHECK_REPORT(...) printk(__VA_ARGS__)
#define CHECK_PRINT(...)  printk(__VA_ARGS__)
#include "../common/check.h"

void compat_static_defines_tests(void);
void compat_names_tests(void);
void compat_bitarray_tests(void);
void compat_mem_blocks_tests(void);
void compat_ring_buffer_tests(void);
void compat_random_tests(void);

#endif /* ZMEM_TESTS_COMPAT_TESTS_H_ */
