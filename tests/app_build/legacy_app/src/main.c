/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Headers as code written before Zephyr 3.0 includes them. */
#include <kernel.h>
#include <sys/atomic.h>
#include <sys/printk.h>

int main(void)
{
	atomic_t n = ATOMIC_INIT(1);

	atomic_inc(&n);
	printk("legacy app on %s, board %s: extra stack %d, atomic %ld\n", APP_ARCH, APP_BOARD,
	       CONFIG_TEST_EXTRA_STACKSIZE, atomic_get(&n));
	return 0;
}
