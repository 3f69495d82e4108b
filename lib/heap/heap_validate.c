/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap_validate(): a full consistency check, linear in the size of the heap.
 */
#include "heap.h"

/* Walk left to right: sizes, left links, no two adjacent free chunks, canaries. */
static bool walk_forward(struct z_heap *h, size_t *nb_free, size_t *used_bytes)
{
	size_t end = h->end;
	size_t prev = 0;
	bool prev_free = false;
	size_t c;

	for (c = chunk_size(h, 0); c < end; c += chunk_size(h, c)) {
		size_t units = chunk_size(h, c);

		if (units == 0u || units > end - c || left_size(h, c) != c - prev) {
			return false;
		}
		if (chunk_used(h, c)) {
			if (!chunk_is_fence(h, c)) {
				*used_bytes += units * CHUNK_UNIT;
#if Z_HEAP_CANARY
				if (!z_heap_canary_ok(h, c)) {
					return false;
				}
#endif
			}
			prev_free = false;
		} else {
			if (prev_free) {
				return false; /* two free neighbours should have merged */
			}
			if (units >= MIN_CHUNK) {
				++*nb_free; /* dust (one free unit) is on no list */
			}
			prev_free = true;
		}
		prev = c;
	}
	return c == end && chunk_used(h, end) && left_size(h, end) == end - prev;
}

/* Walk right to left through the left-size fields back to chunk 0. */
static bool walk_backward(struct z_heap *h)
{
	size_t first = chunk_size(h, 0);

	for (size_t c = h->end; c != first;) {
		size_t left = left_size(h, c);

		if (left == 0u || left > c - first || chunk_size(h, c - left) != left) {
			return false;
		}
		c -= left;
	}
	return true;
}

/* Every list holds free chunks of its class, doubly linked, and matches the bitmap. */
static bool check_free_lists(struct z_heap *h, size_t nb_free)
{
	size_t first = chunk_size(h, 0);
	size_t listed = 0;
	uint32_t summary = 0;

	for (unsigned int k = 0; k < NB_WORDS * 32u; k++) {
		bool bit = (h->bitmap[k >> 5] & (1u << (k & 31u))) != 0u;

		if (bit) {
			summary |= 1u << (k >> 5);
		}
		if (k >= h->nb_classes) {
			if (bit) {
				return false;
			}
			continue;
		}
		size_t prev = 0;

		if ((h->free_list[k] != 0u) != bit) {
			return false;
		}
		for (size_t c = h->free_list[k]; c != 0u; c = next_free(h, c)) {
			if (c < first || c >= h->end || chunk_used(h, c) ||
			    size_class(chunk_size(h, c)) != k || prev_free(h, c) != prev ||
			    left_size(h, c + chunk_size(h, c)) != chunk_size(h, c) ||
			    ++listed > nb_free) {
				return false;
			}
			prev = c;
		}
	}
	return listed == nb_free && summary == h->summary;
}

bool sys_heap_validate(struct sys_heap *heap)
{
	struct z_heap *h = heap->heap;
	size_t nb_free = 0;
	size_t used_bytes = 0;

	if (h == NULL || h->end == 0u) {
		return false; /* never initialized, or initialized on an unusable buffer */
	}
	size_t first = chunk_size(h, 0);

	if (!chunk_used(h, 0) || first == 0u || first >= h->end) {
		return false;
	}
	if (!walk_forward(h, &nb_free, &used_bytes) || !walk_backward(h) ||
	    !check_free_lists(h, nb_free)) {
		return false;
	}
#if Z_HEAP_STATS
	if (h->allocated_bytes != used_bytes || h->max_allocated_bytes < used_bytes) {
		return false;
	}
#endif
	return true;
}
