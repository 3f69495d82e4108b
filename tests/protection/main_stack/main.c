/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A 2048-byte main stack (CONFIG_MAIN_STACK_SIZE=2048, rounded up to one page on the host) that
 * logs and prints with %.1f runs fine, and its usage figures are the application's own: the
 * C library's formatting runs on the runtime's stack, not on main's.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "../common/ptest.h"

LOG_MODULE_REGISTER(main_stack, LOG_LEVEL_INF);

/* The seed chapter's monitor, unchanged. */
void monitor_stack_usage(k_tid_t thread)
{
	size_t unused_space = k_thread_stack_space_get(thread);
	size_t total_size = k_thread_stack_size_get(thread);
	size_t used_space = total_size - unused_space;

	printk("Thread stack usage: %zu/%zu bytes (%.1f%%)\n", used_space, total_size,
	       (double)((float)used_space * 100.0f / total_size));
}

int main(void)
{
	struct k_thread *self = k_current_get();
	size_t before = k_thread_stack_size_get(self) - k_thread_stack_space_get(self);

	CHECK_EQ(CONFIG_MAIN_STACK_SIZE, 2048);
	CHECK_EQ(k_thread_stack_size_get(self), 2048);
	for (int i = 0; i < 20; i++) {
		LOG_INF("reading %d: %.1f C, %.3f V, %s", i, 20.0 + i / 10.0, 3.3 - i / 100.0,
			"ok");
		printk("printk %.1f %e %g %zu %p\n", i * 1.5, i * 1e10, i / 3.0, (size_t)i,
		       (void *)self);
	}
	size_t after = k_thread_stack_size_get(self) - k_thread_stack_space_get(self);

	printk("main stack: %zu bytes used before logging, %zu after, of %zu\n", before, after,
	       k_thread_stack_size_get(self));
	monitor_stack_usage(self);
	/* glibc's vfprintf with a float needs several KB; none of that landed here. */
	CHECK(after < 1536U);
	CHECK(after - before < 1024U);
	return ptest_result("protection.main_stack");
}
