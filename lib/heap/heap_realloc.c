/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Realloc: shrink in place, grow into a free right neighbour, else move.
 */
#include <string.h>

#include "heap_ops.h"

/* In place when possible: ptr (chunk c) resized to @p units; NULL when it must move. */
static void *resize_in_place(struct sys_heap *heap, size_t c, void *ptr, size_t units)
{
	struct z_heap *h = heap->heap;
	bool big = Z_HEAP_BIG(heap);
	size_t have = chunk_size(h, big, c);
	size_t r = c + have;
	size_t saved_max = stats_max_save(heap);

	if (units > have) {
		/* Grow into the free right neighbour (its extent was checked with the block). */
		size_t rw = hdr_get(h, big, r, 0);
		size_t ru = rw >> 1;

		if ((rw & 1u) != 0u || have + ru < units) {
			return NULL;
		}
		unsigned int rk = size_class(heap, ru);

		struct zh z = zh_get(heap, big);

#if Z_HEAP_LEVEL >= 2
		if (!links_ok(&z, r, rk)) {
			z_heap_report(heap, ptr, SYS_HEAP_ERR_CORRUPT_HEADER);
			return (void *)-1; /* refuse the call */
		}
#endif
		list_remove(&z, r, rk);
		have += ru;
		stats_alloc(heap, ru);
		set_size_used(h, big, c, have, true);
		set_left_size(h, big, c + have, have);
	}
	/* Shrink (a tail the free path refuses leaves the block as it was, or as grown). */
	if (!z_heap_trim(heap, c, units) && units < have) {
		stats_max_settle(heap, saved_max);
		return (void *)-1; /* corruption reported: refuse the call */
	}
	stats_max_settle(heap, saved_max);
#if Z_HEAP_CANARY
	z_heap_canary_set(heap, c);
#endif
	return ptr;
}

void *sys_heap_aligned_realloc(struct sys_heap *heap, void *ptr, size_t align, size_t bytes)
{
	if (ptr == NULL) {
		return sys_heap_aligned_alloc(heap, align, bytes);
	}
	if (bytes == 0u) {
		sys_heap_free(heap, ptr);
		return NULL;
	}
	size_t c = z_heap_check_block(heap, ptr);

	if (c == 0u) {
		return NULL;
	}
	if ((align & (align - 1u)) != 0u) {
		z_heap_bad_align(heap, align);
		return NULL;
	}
	bool big = Z_HEAP_BIG(heap);

	if (bytes > heap_max_bytes(heap)) {
		return NULL;
	}
	size_t old = chunk_usable(big, chunk_size(heap->heap, big, c));
	void *mem = NULL;

	if (align <= CHUNK_UNIT || ((uintptr_t)ptr & (align - 1u)) == 0u) {
		mem = resize_in_place(heap, c, ptr, bytes_to_units(big, bytes));
		if (mem == (void *)-1) {
			return NULL;
		}
	}
	if (mem == NULL) {
		/* Moving frees the old block: it must pass the free path's checks first. */
		if (!z_heap_free_ok(heap, c)) {
			z_heap_report(heap, ptr, SYS_HEAP_ERR_CORRUPT_HEADER);
			return NULL;
		}
		mem = z_heap_aligned_alloc_nn(heap, align, bytes);
		if (mem == NULL) {
			return NULL;
		}
		memcpy(mem, ptr, old < bytes ? old : bytes);
		(void)z_heap_free_nn(heap, ptr);
	}
	if (Z_HEAP_LISTENER) {
		/* A resize is a free of the old block and an allocation of the new one. */
		z_heap_notify_free(heap, ptr, old);
		z_heap_notify_alloc(heap, mem);
	}
	return mem;
}

void *sys_heap_realloc(struct sys_heap *heap, void *ptr, size_t bytes)
{
	return sys_heap_aligned_realloc(heap, ptr, 0, bytes);
}
