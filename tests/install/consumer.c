/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A program built outside the zmem tree against an installed zmem, once through
 * find_package(zmem) and once through pkg-config: the installed headers compile on their own
 * and the installed library links and works.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <zephyr/sys/mem_stats.h>
#include <zephyr/sys/sys_heap.h>

static uint64_t heap_mem[1024];

int main(void)
{
	struct sys_heap heap;
	struct sys_memory_stats stats;

	sys_heap_init(&heap, heap_mem, sizeof(heap_mem));
	char *a = sys_heap_alloc(&heap, 100);
	char *b = sys_heap_aligned_alloc(&heap, 64, 200);

	if (a == NULL || b == NULL || ((uintptr_t)b & 63) != 0) {
		printf("consumer: allocation failed\n");
		return 1;
	}
	strcpy(a, "hello from an installed zmem");
	a = sys_heap_realloc(&heap, a, 400);
	if (a == NULL || strcmp(a, "hello from an installed zmem") != 0) {
		printf("consumer: realloc lost the contents\n");
		return 1;
	}
	if (sys_heap_runtime_stats_get(&heap, &stats) != 0 || stats.allocated_bytes < 600) {
		printf("consumer: statistics wrong\n");
		return 1;
	}
	sys_heap_free(&heap, a);
	sys_heap_free(&heap, b);
	if (!sys_heap_validate(&heap) || sys_heap_runtime_stats_get(&heap, &stats) != 0 ||
	    stats.allocated_bytes != 0) {
		printf("consumer: heap not empty and valid after freeing\n");
		return 1;
	}
	printf("consumer (%s): OK, %lu bytes free\n", ZMEM_CONSUMER_KIND,
	       (unsigned long)stats.free_bytes);
	return 0;
}
