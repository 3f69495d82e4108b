/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The heap array (CONFIG_SYS_HEAP_ARRAY_SIZE): every heap sys_heap_init() set up, for
 * tools that report on all heaps (Zephyr's sys_heap_array_save / sys_heap_array_get).
 */
#include <errno.h>

#include <zephyr/logging/log.h>

#include "heap.h"

#if Z_HEAP_ARRAY_SIZE > 0
LOG_MODULE_DECLARE(sys_heap, LOG_LEVEL_ERR);

static struct sys_heap *heap_array[Z_HEAP_ARRAY_SIZE];
static size_t heap_array_count;

int sys_heap_array_save(struct sys_heap *h)
{
	if (h == NULL) {
		return -EINVAL;
	}
	/*
	 * A heap initialized again (k_heap_init on the same object, a test re-using a static heap)
	 * keeps its one entry: Zephyr adds it again, which fills the array with copies and then
	 * hides heaps initialized later.
	 */
	for (size_t i = 0; i < heap_array_count; i++) {
		if (heap_array[i] == h) {
			return 0;
		}
	}
	if (heap_array_count == Z_HEAP_ARRAY_SIZE) {
		/* Zephyr says nothing: a heap would silently go missing from every report. */
		LOG_ERR("heap %p: heap array full (CONFIG_SYS_HEAP_ARRAY_SIZE=%d), not listed",
			(void *)h, Z_HEAP_ARRAY_SIZE);
		return -EINVAL;
	}
	heap_array[heap_array_count++] = h;
	return 0;
}

int sys_heap_array_get(struct sys_heap ***heap)
{
	if (heap == NULL) {
		return -EINVAL;
	}
	*heap = heap_array;
	return (int)heap_array_count;
}
#endif
