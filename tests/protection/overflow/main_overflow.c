/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * main() itself runs off its CONFIG_MAIN_STACK_SIZE stack: the guard page catches it, the
 * fatal error is K_ERR_STACK_CHK_FAIL for main, and the default handler halts the system
 * (non-zero exit status) instead of the process crashing on SIGSEGV.
 */
#include <zephyr/kernel.h>

static volatile int depth_limit = 1 << 30;

static __attribute__((noinline)) int recurse(int n)
{
	volatile char buf[256];

	buf[0] = (char)n;
	if (n >= depth_limit) {
		return buf[0];
	}
	return recurse(n + 1) + buf[0];
}

int main(void)
{
	printk("main overflows its %zu-byte stack\n", k_thread_stack_size_get(k_current_get()));
	recurse(0);
	printk("FAIL: recursion returned\n");
	return 0;
}
