/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap_validate(): a full consistency check, linear in the size of the heap.
 */
#include "heap_ops.h"

/* Walk left to right: sizes, left links, no two adjacent free chunks, canaries. */
static bool walk_forward(struct sys_heap *heap, size_t *nb_free, size_t *used_bytes)
{
	struct z_heap *h = heap->heap;
	zl_t lay = Z_HEAP_LAY(heap);
	size_t end = heap->end;
	size_t prev = 0;
	bool prev_free = false;
	size_t c;

	for (c = heap->first; c < end; c += chunk_size(h, lay, c)) {
		size_t units = chunk_size(h, lay, c);

		if (units < min_chunk(lay) || units > end - c || left_size(h, lay, c) != c - prev) {
			return false;
		}
		if (chunk_used(h, lay, c)) {
			*used_bytes += units * UNIT(lay);
#if Z_HEAP_CANARY
			if (!z_heap_canary_ok(heap, c)) {
				return false;
			}
#endif
			prev_free = false;
		} else {
			if (prev_free) {
				return false; /* two free neighbours should have merged */
			}
			++*nb_free;
			prev_free = true;
		}
		prev = c;
	}
	return c == end && chunk_used(h, lay, end) && left_size(h, lay, end) == end - prev;
}

/* Walk right to left through the left-size fields back to the first chunk. */
static bool walk_backward(struct sys_heap *heap)
{
	struct z_heap *h = heap->heap;
	zl_t lay = Z_HEAP_LAY(heap);
	size_t first = heap->first;

	for (size_t c = heap->end; c != first;) {
		size_t left = left_size(h, lay, c);

		if (left == 0u || left > c - first || chunk_size(h, lay, c - left) != left) {
			return false;
		}
		c -= left;
	}
	return true;
}

/* Every list holds free chunks of its class, doubly linked, and matches the bitmap. */
static bool check_free_lists(struct sys_heap *heap, size_t nb_free)
{
	struct z_heap *h = heap->heap;
	zl_t lay = Z_HEAP_LAY(heap);
	unsigned int top = size_class(heap, heap->end - heap->first);
	size_t listed = 0;

	uint64_t bitmap = bitmap_get(heap);

	if ((bitmap & (((uint64_t)1 << min_chunk(lay)) - 1u)) != 0u || top > 63u ||
	    (top < 63u && (bitmap >> (top + 1u)) != 0u)) {
		return false; /* none below the smallest chunk's class, none beyond the largest's */
	}
	bool hint_seen = heap->cap_hint == 0u && heap->cap_hint_units == 0u;

	for (unsigned int k = min_chunk(lay); k <= top; k++) {
		size_t prev = 0;
		size_t c = head_get(h, lay, k);

		if ((c != 0u) != ((bitmap >> k) & 1u)) {
			return false;
		}
		for (; c != 0u; c = link_get(h, lay, c, 1)) {
			if (!in_heap_range(heap, c) || chunk_used(h, lay, c) ||
			    size_class(heap, chunk_size(h, lay, c)) != k ||
			    link_get(h, lay, c, 0) != prev ||
			    left_size(h, lay, c + chunk_size(h, lay, c)) != chunk_size(h, lay, c) ||
			    ++listed > nb_free) {
				return false;
			}
			if (c == heap->cap_hint && k == heap->cap_class &&
			    chunk_size(h, lay, c) == heap->cap_hint_units) {
				hint_seen = true;
			}
			prev = c;
		}
	}
	/* The last class's remembered chunk, if any, is on that list with its size. */
	return listed == nb_free && hint_seen;
}

bool sys_heap_validate(struct sys_heap *heap)
{
	struct z_heap *h = heap->heap;
	size_t nb_free = 0;
	size_t used_bytes = 0;

	if (h == NULL || heap->end == 0u) {
		return false; /* never initialized, or initialized on an unusable buffer */
	}
	if (!chunk_used(h, Z_HEAP_LAY(heap), 0) || chunk_size(h, Z_HEAP_LAY(heap), 0) != heap->first) {
		return false;
	}
	if (!walk_forward(heap, &nb_free, &used_bytes) || !walk_backward(heap) ||
	    !check_free_lists(heap, nb_free)) {
		return false;
	}
#if Z_HEAP_STATS
	if (heap->allocated_bytes != used_bytes || heap->max_allocated_bytes < used_bytes) {
		return false;
	}
#endif
	(void)used_bytes;
	return true;
}
