/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Statistics, fragmentation report and heap walk.
 *
 * Without CONFIG_SYS_HEAP_RUNTIME_STATS the allocator keeps no counters (as in Zephyr), so
 * sys_heap_runtime_stats_get() recounts free and allocated bytes with a walk and reports the
 * current allocation as the high-water mark.
 */
#include <errno.h>

#include "heap.h"

size_t sys_heap_walk(struct sys_heap *heap, sys_heap_walk_cb_t cb, void *user_data)
{
	struct z_heap *h;
	size_t n = 0;

	if (heap == NULL || (h = heap->heap) == NULL || h->end == 0u) {
		return 0; /* not initialized, or initialized on an unusable buffer */
	}
	for (size_t c = chunk_size(h, 0); c < h->end; c += chunk_size(h, c)) {
		size_t units = chunk_size(h, c);

		if (units == 0u) {
			break; /* corrupt: never loop forever */
		}
		if (chunk_is_fence(h, c)) {
			continue; /* a segment separator, not a block */
		}
		n++;
		if (cb != NULL &&
		    !cb(chunk_mem(h, c), chunk_usable_any(units), chunk_used(h, c), user_data)) {
			break;
		}
	}
	return n;
}

/* Free and allocated chunk bytes, headers included. */
static void count_bytes(struct z_heap *h, size_t *free_bytes, size_t *used_bytes)
{
	*free_bytes = 0;
	*used_bytes = 0;
	if (h->end == 0u) {
		return; /* initialized on an unusable buffer */
	}
	for (size_t c = chunk_size(h, 0); c < h->end; c += chunk_size(h, c)) {
		size_t units = chunk_size(h, c);

		if (units == 0u) {
			break;
		}
		if (!chunk_is_fence(h, c)) {
			*(chunk_used(h, c) ? used_bytes : free_bytes) += units * CHUNK_UNIT;
		}
	}
}

int sys_heap_runtime_stats_get(struct sys_heap *heap, struct sys_memory_stats *stats)
{
	if (heap == NULL || stats == NULL || heap->heap == NULL) {
		return -EINVAL;
	}
	struct z_heap *h = heap->heap;

	count_bytes(h, &stats->free_bytes, &stats->allocated_bytes);
#if Z_HEAP_STATS
	stats->max_allocated_bytes = h->max_allocated_bytes;
#else
	stats->max_allocated_bytes = stats->allocated_bytes;
#endif
	return 0;
}

int sys_heap_runtime_stats_reset_max(struct sys_heap *heap)
{
	if (heap == NULL || heap->heap == NULL) {
		return -EINVAL;
	}
#if Z_HEAP_STATS
	heap->heap->max_allocated_bytes = heap->heap->allocated_bytes;
#endif
	return 0;
}

int sys_heap_fragmentation_get(struct sys_heap *heap, struct sys_heap_fragmentation *frag)
{
	if (heap == NULL || frag == NULL || heap->heap == NULL) {
		return -EINVAL;
	}
	struct z_heap *h = heap->heap;
	unsigned int top = 0; /* highest non-empty class + 1 */

	/* Free space as the walk sees it, dust (one-unit free chunks, on no list) included. */
	frag->free_bytes = 0;
	frag->free_blocks = 0;
	if (h->end != 0u) {
		for (size_t c = chunk_size(h, 0); c < h->end; c += chunk_size(h, c)) {
			size_t units = chunk_size(h, c);

			if (units == 0u) {
				return -EINVAL; /* corrupt: stop rather than loop */
			}
			if (!chunk_used(h, c)) {
				frag->free_bytes += chunk_usable_any(units);
				frag->free_blocks++;
			}
		}
	}
	for (unsigned int k = h->nb_classes; k-- > 0u;) {
		if (h->free_list[k] != 0u) {
			top = k + 1u;
			break;
		}
	}

	/*
	 * The largest request sys_heap_alloc() satisfies now: every request up to the lowest
	 * size of the highest non-empty class, or up to the largest chunk the allocation probe
	 * sees at the head of that class (not necessarily the largest free chunk).
	 */
	size_t largest = 0;

	if (top != 0u) {
		size_t c = h->free_list[top - 1u];

		largest = class_min_units(top - 1u);
		for (int i = 0; c != 0u && i < CONFIG_SYS_HEAP_ALLOC_PROBES; i++) {
			if (chunk_size(h, c) > largest) {
				largest = chunk_size(h, c);
			}
			c = next_free(h, c);
		}
	}
	frag->largest_free_block = largest != 0u ? chunk_usable(largest) : 0u;
	frag->fragmentation_pct = frag->free_bytes != 0u
				      ? (unsigned int)(100u - (uint64_t)frag->largest_free_block *
								  100u / frag->free_bytes)
				      : 0u;
	return 0;
}
