/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Runs every compatibility test file (docs/compatibility.md). */
#include <zephyr/kernel.h>

#include "compat_tests.h"

int compat_failures;
int compat_checks;

int main(void)
{
	compat_static_defines_tests();
	compat_names_tests();
	compat_bitarray_tests();
	compat_mem_blocks_tests();
	compat_ring_buffer_tests();
	compat_random_tests();
	printk("%d checks, %d failed\n", compat_checks, compat_failures);
	return compat_failures > 100 ? 100 : compat_failures;
}
