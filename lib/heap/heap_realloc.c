/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Realloc: shrink in place, grow into a free right neighbour, else move.
 */
#include <string.h>

#include "heap.h"

void *sys_heap_aligned_realloc(struct sys_heap *heap, void *ptr, size_t align, size_t bytes)
{
	struct z_heap *h = heap->heap;

	if (ptr == NULL) {
		return sys_heap_aligned_alloc(heap, align, bytes);
	}
	if (bytes == 0u) {
		sys_heap_free(heap, ptr);
		return NULL;
	}
	size_t c = z_heap_check_block(heap, ptr);

	if (c == 0u || (align & (align - 1u)) != 0u || bytes > h->max_bytes) {
		return NULL;
	}

	if (align <= CHUNK_UNIT || ((uintptr_t)ptr & (align - 1u)) == 0u) {
		size_t units = bytes_to_units(bytes);
		size_t have = chunk_size(h, c);
		size_t r = c + have;
		size_t saved_max = stats_max_save(h);

		if (units > have && !chunk_used(h, r) && have + chunk_size(h, r) >= units) {
			/* Grow into the free right neighbour. */
			size_t ru = chunk_size(h, r);

			if (ru >= MIN_CHUNK) {
				z_heap_list_remove(h, r, ru);
			}
			have += ru;
			stats_alloc(h, ru);
			set_size_used(h, c, have, true);
			set_left_size(h, c + have, have);
		}
		if (units <= have) {
			z_heap_trim(h, c, units);
			stats_max_settle(h, saved_max);
#if Z_HEAP_CANARY
			z_heap_canary_set(h, c);
#endif
			return ptr;
		}
	}

	void *mem = sys_heap_aligned_alloc(heap, align, bytes);

	if (mem != NULL) {
		size_t old = chunk_usable(chunk_size(h, c));

		memcpy(mem, ptr, old < bytes ? old : bytes);
		sys_heap_free(heap, ptr);
	}
	return mem;
}

void *sys_heap_realloc(struct sys_heap *heap, void *ptr, size_t bytes)
{
	return sys_heap_aligned_realloc(heap, ptr, 0, bytes);
}
