/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Free with hardening checks, and sys_heap_usable_size().
 *
 * The checks, in the order they run: the pointer lies on the chunk grid between chunk 0 and
 * the end marker (else BAD_POINTER); its size reaches no further than the end marker and the
 * right neighbour's left size equals it; its left size reaches no further back than chunk 0
 * and the left neighbour's size equals it (else CORRUPT_HEADER: a pointer into a block or a
 * damaged header); the chunk is marked used (else DOUBLE_FREE: only a consistent free chunk
 * gets this far); a free right neighbour, which will be merged, also ends within the heap and
 * is echoed by its own right neighbour (else CORRUPT_HEADER); with CONFIG_SYS_HEAP_CANARY the
 * canary is intact (else CANARY). All of them run before anything is written, so a failed check
 * leaves the heap unchanged.
 */
#include "heap.h"

/*
 * Index of @p mem's chunk relative to the first chunk, or a huge value when @p mem is off the
 * chunk grid: rotating the byte offset right by 3 moves misaligned low bits to the top, so
 * one comparison against the chunk count checks both range and alignment.
 */
static inline size_t chunk_rank(struct z_heap *h, void *mem)
{
	uintptr_t off = (uintptr_t)mem - h->first_mem;

	return (size_t)((off >> 3) | (off << (sizeof(off) * 8u - 3u)));
}

/*
 * All checks of one free/realloc before anything is written. Returns the chunk of @p mem
 * and, in *rw0 / *lw0, the first header words of its right and left neighbours; 0 after
 * reporting an error.
 */
Z_HEAP_HOT size_t check_block(struct sys_heap *heap, void *mem, size_t *rw0, size_t *lw0)
{
	struct z_heap *h = heap->heap;
	size_t rank = chunk_rank(h, mem);
	size_t room = h->nb_units; /* units from the first chunk to the end marker */
	enum sys_heap_error err = SYS_HEAP_ERR_BAD_POINTER;

	if (rank >= room) {
		goto bad;
	}
	room -= rank; /* units from this chunk to the end marker */

	hdr_t *hdr = (hdr_t *)((uint8_t *)mem - HDR_BYTES);
	size_t w0 = hdr[0];
	size_t units = w0 >> 1;
	size_t left = hdr[1];

	/*
	 * Both neighbours must point back at this chunk, within the heap. Checked before the
	 * used bit, so that only a consistent free chunk is called a double free; a pointer
	 * into a block or a damaged header is a corrupt header.
	 */
	err = SYS_HEAP_ERR_CORRUPT_HEADER;
	hdr_t *rhdr = (hdr_t *)((uint8_t *)hdr + units * CHUNK_UNIT);

	if (units - 1u >= room || rhdr[1] != units || left > rank + h->first) {
		goto bad;
	}
	*lw0 = ((hdr_t *)((uint8_t *)hdr - left * CHUNK_UNIT))[0];
	if ((*lw0 >> 1) != left) {
		goto bad;
	}
	if ((w0 & 1u) == 0u) {
		err = SYS_HEAP_ERR_DOUBLE_FREE;
		goto bad;
	}
	/* A free right neighbour is merged: its own extent must be sane too. */
	*rw0 = rhdr[0];
	if ((*rw0 & 1u) == 0u) {
		size_t ru = *rw0 >> 1;

		if (ru > room - units || ((hdr_t *)((uint8_t *)rhdr + ru * CHUNK_UNIT))[1] != ru) {
			goto bad;
		}
	}
#if Z_HEAP_CANARY
	err = SYS_HEAP_ERR_CANARY;
	if (!z_heap_canary_ok(h, h->first + rank)) {
		goto bad;
	}
#endif
	return h->first + rank;
bad:
	z_heap_report(heap, mem, err);
	return 0;
}

size_t z_heap_check_block(struct sys_heap *heap, void *mem)
{
	size_t rw0;
	size_t lw0;

	return check_block(heap, mem, &rw0, &lw0);
}

void sys_heap_free(struct sys_heap *heap, void *mem)
{
#if Z_HEAP_SHARED_HELPERS
	if (mem == NULL) {
		return;
	}
	size_t c = z_heap_check_block(heap, mem);

	if (c != 0u) {
		stats_free(heap->heap, chunk_size(heap->heap, c));
		z_heap_free_chunk(heap->heap, c);
	}
#else
	/* check_block() and z_heap_free_chunk() fused, so that each header is read once. */
	struct z_heap *h = heap->heap;
	size_t rank = chunk_rank(h, mem);
	size_t room = h->nb_units;
	enum sys_heap_error err = SYS_HEAP_ERR_BAD_POINTER;

	if (rank >= room) {
		/*
		 * NULL always lands here (a heap cannot end beyond the top of the address space,
		 * so NULL's rank is at least the chunk count): its test is off the common path.
		 */
		if (mem == NULL) {
			return;
		}
		goto bad;
	}
	room -= rank;

	hdr_t *hdr = (hdr_t *)((uint8_t *)mem - HDR_BYTES);
	size_t w0 = hdr[0];
	size_t units = w0 >> 1;
	size_t left = hdr[1];
	size_t c = h->first + rank;

	err = SYS_HEAP_ERR_CORRUPT_HEADER;
	hdr_t *rhdr = (hdr_t *)((uint8_t *)hdr + units * CHUNK_UNIT);

	if (units - 1u >= room || rhdr[1] != units || left > c) {
		goto bad;
	}
	size_t lw0 = ((hdr_t *)((uint8_t *)hdr - left * CHUNK_UNIT))[0];

	if ((lw0 >> 1) != left) {
		goto bad;
	}
	if ((w0 & 1u) == 0u) {
		err = SYS_HEAP_ERR_DOUBLE_FREE;
		goto bad;
	}
	size_t rw0 = rhdr[0];
	size_t ru = rw0 >> 1;

	if ((rw0 & 1u) == 0u &&
	    (ru > room - units || ((hdr_t *)((uint8_t *)rhdr + ru * CHUNK_UNIT))[1] != ru)) {
		goto bad;
	}
#if Z_HEAP_CANARY
	err = SYS_HEAP_ERR_CANARY;
	if (!z_heap_canary_ok(h, c)) {
		goto bad;
	}
#endif
	stats_free(h, units);
	h->fit_limit = h->max_bytes;
	if ((rw0 & 1u) == 0u) {
		if (ru >= MIN_CHUNK) {
			z_heap_list_remove(h, c + units, ru);
		}
		units += ru;
	}
	if ((lw0 & 1u) == 0u) {
		c -= left;
		if (left >= MIN_CHUNK) {
			z_heap_list_remove(h, c, left);
		}
		units += left;
	}
	set_size_used(h, c, units, false);
	set_left_size(h, c + units, units);
	z_heap_list_add(h, c, units);
	return;
bad:
	z_heap_report(heap, mem, err);
#endif
}

size_t sys_heap_usable_size(struct sys_heap *heap, void *mem)
{
	if (mem == NULL) {
		return 0;
	}
	size_t c = z_heap_check_block(heap, mem);

	return c != 0u ? chunk_usable(chunk_size(heap->heap, c)) : 0u;
}
