/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Statistics, fragmentation report and heap walk.
 *
 * With CONFIG_SYS_HEAP_RUNTIME_STATS every alloc/free keeps the allocated bytes and their
 * high-water mark. Without it there is no high-water mark to report: sys_heap_runtime_stats_get()
 * then fills in the free and allocated bytes (recounted by a walk), sets max_allocated_bytes to 0
 * and returns -ENOTSUP, so no caller mistakes the figures for complete ones.
 */
#include <errno.h>

#include "heap_ops.h"

size_t sys_heap_walk(struct sys_heap *heap, sys_heap_walk_cb_t cb, void *user_data)
{
	size_t n = 0;

	if (heap == NULL || heap->heap == NULL || heap->end == 0u) {
		return 0; /* not initialized, or initialized on an unusable buffer */
	}
	struct z_heap *h = heap->heap;
	zl_t lay = Z_HEAP_LAY(heap);

	for (size_t c = heap->first; c < heap->end; c += chunk_size(h, lay, c)) {
		size_t units = chunk_size(h, lay, c);

		if (units == 0u || units > heap->end - c) {
			break; /* corrupt: never loop forever or leave the heap */
		}
		n++;
		if (cb != NULL && !cb(chunk_mem(h, lay, c), chunk_usable(lay, units),
				      chunk_used(h, lay, c), user_data)) {
			break;
		}
	}
	return n;
}

#if !Z_HEAP_STATS
/* Free and allocated chunk bytes, headers included. */
static void count_bytes(struct sys_heap *heap, size_t *free_bytes, size_t *used_bytes)
{
	struct z_heap *h = heap->heap;
	zl_t lay = Z_HEAP_LAY(heap);

	*free_bytes = 0;
	*used_bytes = 0;
	for (size_t c = heap->first; c < heap->end; c += chunk_size(h, lay, c)) {
		size_t units = chunk_size(h, lay, c);

		if (units == 0u || units > heap->end - c) {
			break;
		}
		*(chunk_used(h, lay, c) ? used_bytes : free_bytes) += units * UNIT(lay);
	}
}
#endif

int sys_heap_runtime_stats_get(struct sys_heap *heap, struct sys_memory_stats *stats)
{
	if (heap == NULL || stats == NULL || heap->heap == NULL) {
		return -EINVAL;
	}
#if Z_HEAP_STATS
	size_t capacity = (size_t)(heap->end - heap->first) * UNIT(Z_HEAP_LAY(heap));

	stats->allocated_bytes = heap->allocated_bytes;
	stats->free_bytes = capacity - heap->allocated_bytes;
	stats->max_allocated_bytes = heap->max_allocated_bytes;
	return 0;
#else
	count_bytes(heap, &stats->free_bytes, &stats->allocated_bytes);
	stats->max_allocated_bytes = 0;
	return -ENOTSUP;
#endif
}

int sys_heap_runtime_stats_reset_max(struct sys_heap *heap)
{
	if (heap == NULL || heap->heap == NULL) {
		return -EINVAL;
	}
#if Z_HEAP_STATS
	heap->max_allocated_bytes = heap->allocated_bytes;
	return 0;
#else
	return -ENOTSUP;
#endif
}

int sys_heap_fragmentation_get(struct sys_heap *heap, struct sys_heap_fragmentation *frag)
{
	if (heap == NULL || frag == NULL || heap->heap == NULL) {
		return -EINVAL;
	}
	struct z_heap *h = heap->heap;
	zl_t lay = Z_HEAP_LAY(heap);

	frag->free_bytes = 0;
	frag->free_blocks = 0;
	for (size_t c = heap->first; c < heap->end; c += chunk_size(h, lay, c)) {
		size_t units = chunk_size(h, lay, c);

		if (units == 0u || units > heap->end - c) {
			return -EINVAL; /* corrupt: stop rather than loop */
		}
		if (!chunk_used(h, lay, c)) {
			frag->free_bytes += chunk_usable(lay, units);
			frag->free_blocks++;
		}
	}

	/*
	 * The largest request sys_heap_alloc() satisfies now: every request up to the lowest
	 * size of the highest non-empty class, or up to the largest chunk the allocation probe
	 * sees at the head of that class or, in the last class, its remembered largest chunk (not
	 * necessarily the largest free chunk). The probe count is alloc_impl()'s for a request in
	 * that class: CONFIG_SYS_HEAP_ALLOC_PROBES, or without probes one chunk in the last class
	 * (nothing lies above it) and, in the compact policy, in every class (it probes each class
	 * from the request's up). The failed-size cache is cleared, so that
	 * alloc(largest_free_block) succeeds.
	 */
	size_t largest = 0;

	if (bitmap_get(heap) != 0u) {
		unsigned int top = z_msb64(bitmap_get(heap));
		size_t c = head_get(h, lay, top);
		int probes = CONFIG_SYS_HEAP_ALLOC_PROBES != 0
				 ? CONFIG_SYS_HEAP_ALLOC_PROBES
				 : (int)(Z_HEAP_COMPACT || top == heap->kmax);

		largest = class_min_units(heap, top);
		for (int i = 0; c != 0u && in_heap_range(heap, c) && i < probes; i++) {
			if (chunk_size(h, lay, c) > largest) {
				largest = chunk_size(h, lay, c);
			}
			c = link_get(h, lay, c, 1);
		}
		/* When the probe fails, the last class's remembered largest chunk is tried. */
		if (top == heap->kmax && heap->cap_hint != 0u && heap->cap_hint_units > largest) {
			largest = heap->cap_hint_units;
		}
	}
	heap->fit_limit = heap_max_bytes(heap);
	frag->largest_free_block = chunk_usable(lay, largest);
	frag->fragmentation_pct = frag->free_bytes != 0u
				      ? (unsigned int)(100u - (uint64_t)frag->largest_free_block *
								  100u / frag->free_bytes)
				      : 0u;
	return 0;
}
