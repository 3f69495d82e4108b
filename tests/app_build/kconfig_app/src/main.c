/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
#include <zephyr/kernel.h>
#include <zephyr/sys/printk.h>

void verbose(void);

int main(void)
{
	void *buffers[CONFIG_APP_BUFFER_COUNT];
	int n = 0;

	for (int i = 0; i < CONFIG_APP_BUFFER_COUNT; i++) {
		buffers[i] = k_malloc(64);
		n += buffers[i] != NULL;
	}
	printk("%s: %d of %d buffers from a %d-byte heap, magic 0x%X\n", CONFIG_APP_GREETING, n,
	       CONFIG_APP_BUFFER_COUNT, CONFIG_HEAP_MEM_POOL_SIZE, CONFIG_APP_MAGIC);
#ifdef CONFIG_APP_VERBOSE
	verbose();
#endif
	for (int i = 0; i < CONFIG_APP_BUFFER_COUNT; i++) {
		k_free(buffers[i]);
	}
	return 0;
}
