/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A sample that never ends, as many of Zephyr's do (tests/ztest/twister_selftest.py): its
 * console harness must stop it once the expected lines came, and pass it.
 */
#include <zephyr/kernel.h>

int main(void)
{
	for (unsigned int round = 0;; round++) {
		printk("round %u\n", round);
		k_sleep(K_MSEC(100));
	}
	return 0;
}
