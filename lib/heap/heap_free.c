/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Free with hardening checks, and sys_heap_usable_size().
 */
#include "heap.h"

size_t z_heap_check_block(struct sys_heap *heap, void *mem)
{
	struct z_heap *h = heap->heap;
	uintptr_t off = (uintptr_t)mem - (uintptr_t)h;
	size_t c = off / CHUNK_UNIT;
	size_t end = h->end;
	size_t first = chunk_size(h, 0);
	enum sys_heap_error err = SYS_HEAP_ERR_BAD_POINTER;

	/* On the chunk grid, between chunk 0 (the heap header) and the end marker. */
	if ((off & (CHUNK_UNIT - 1u)) != 0u || c - first >= end - first) {
		goto bad;
	}
	chunkid_t *hdr = chunk_hdr(h, c);

	err = SYS_HEAP_ERR_DOUBLE_FREE;
	if ((hdr[0] & 1u) == 0u) {
		goto bad;
	}
	size_t units = hdr[0] >> 1;
	size_t left = hdr[1];

	/* Both neighbours must point back at this chunk. */
	err = SYS_HEAP_ERR_CORRUPT_HEADER;
	if (units - 1u >= end - c || left_size(h, c + units) != units || left - 1u >= c ||
	    chunk_size(h, c - left) != left) {
		goto bad;
	}
	/* A free right neighbour is merged: its own extent must be sane too. */
	size_t r = c + units;

	if (!chunk_used(h, r)) {
		size_t ru = chunk_size(h, r);

		if (ru - 1u >= end - r || left_size(h, r + ru) != ru) {
			goto bad;
		}
	}
#if Z_HEAP_CANARY
	err = SYS_HEAP_ERR_CANARY;
	if (!z_heap_canary_ok(h, c)) {
		goto bad;
	}
#endif
	return c;
bad:
	z_heap_report(heap, mem, err);
	return 0;
}

void sys_heap_free(struct sys_heap *heap, void *mem)
{
	if (mem == NULL) {
		return;
	}
	size_t c = z_heap_check_block(heap, mem);

	if (c != 0u) {
		struct z_heap *h = heap->heap;

		stats_free(h, chunk_size(h, c));
		z_heap_free_chunk(h, c);
	}
}

size_t sys_heap_usable_size(struct sys_heap *heap, void *mem)
{
	if (mem == NULL) {
		return 0;
	}
	size_t c = z_heap_check_block(heap, mem);

	return c != 0u ? chunk_usable(chunk_size(heap->heap, c)) : 0u;
}
