/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Free with hardening checks, and sys_heap_usable_size().
 *
 * The checks, in the order they run (hardening level 1 and up): the pointer lies on the chunk
 * grid between the first chunk and the end marker (else BAD_POINTER); its size reaches no
 * further than the end marker and the right neighbour's left size equals it; its left size
 * reaches no further back than chunk 0 and the left neighbour's size equals it (else
 * CORRUPT_HEADER: a pointer into a block or a damaged header); the chunk is marked used (else
 * DOUBLE_FREE: only a consistent free chunk gets this far); a free right neighbour, which will
 * be merged, also ends within the heap and is echoed by its own right neighbour (else
 * CORRUPT_HEADER); with the canary the canary is intact (else CANARY). Level 2 then checks the
 * list links of the neighbours that will be merged and the head of the list the result joins
 * (heap_ops.h). All of them run before anything is written, so a failed check leaves the heap
 * unchanged.
 */
#include "heap_ops.h"

/*
 * Index of @p mem's chunk relative to the first chunk, or a huge value when @p mem is off the
 * chunk grid: rotating the byte offset right by 3 moves misaligned low bits to the top, so
 * one comparison against the chunk count checks both range and alignment.
 */
static inline size_t chunk_rank(struct sys_heap *heap, void *mem)
{
	uintptr_t off = (uintptr_t)mem - ((uintptr_t)heap->heap + heap->first * CHUNK_UNIT);

	return (size_t)((off >> 3) | (off << (sizeof(off) * 8u - 3u)));
}

#if !Z_HEAP_SPECIALIZE
/* Size builds fill no struct zhdr: the parameter goes (it changed their inlining). */
#define check_impl(heap, big, mem, hw) check_impl3(heap, big, mem)
#endif

/*
 * All checks of one free/realloc before anything is written: the chunk, or 0 (reported). At
 * level 1 and up, @p hw gets the header words read on the way, for free_plan().
 */
Z_HEAP_HOT size_t check_impl(struct sys_heap *heap, bool big, void *mem, struct zhdr *hw)
{
	struct z_heap *h = heap->heap;

	(void)h;
	size_t first = heap->first;
	size_t rank = chunk_rank(heap, mem);
	size_t room = heap->end - first; /* units from the first chunk to the end marker */
	enum sys_heap_error err = SYS_HEAP_ERR_BAD_POINTER;

	if (rank >= room) {
		if (mem == NULL) {
			return 0; /* never a block; callers that accept NULL test it first */
		}
		goto bad;
	}
	size_t c = first + rank;

#if Z_HEAP_LEVEL >= 1
	room -= rank; /* units from this chunk to the end marker */
	size_t w0 = hdr_get(h, big, c, 0);
	size_t units = w0 >> 1;
	size_t left = hdr_get(h, big, c, 1);

	/*
	 * Both neighbours must point back at this chunk, within the heap. Checked before the
	 * used bit, so that only a consistent free chunk is called a double free; a pointer
	 * into a block or a damaged header is a corrupt header.
	 */
	err = SYS_HEAP_ERR_CORRUPT_HEADER;
	if (units - 1u >= room || left_size(h, big, c + units) != units || left - 1u >= c) {
		goto bad;
	}
	size_t lw = hdr_get(h, big, c - left, 0);

	if ((lw >> 1) != left) {
		goto bad;
	}
	if ((w0 & 1u) == 0u) {
		err = SYS_HEAP_ERR_DOUBLE_FREE;
		goto bad;
	}
	/* A free right neighbour is merged: its own extent must be sane too. */
	size_t rw = hdr_get(h, big, c + units, 0);
	size_t ru = rw >> 1;

	if ((rw & 1u) == 0u &&
	    (ru - 1u >= room - units || left_size(h, big, c + units + ru) != ru)) {
		goto bad;
	}
#if Z_HEAP_SPECIALIZE
	hw->units = units;
	hw->lu = left;
	hw->rw = rw;
	hw->lw = lw;
#else
	(void)lw;
#endif
#elif Z_HEAP_SPECIALIZE
	(void)hw;
#endif
#if Z_HEAP_CANARY
	err = SYS_HEAP_ERR_CANARY;
	if (!z_heap_canary_ok(heap, c)) {
		goto bad;
	}
#endif
#if Z_HEAP_LEVEL >= 4
	/* Extreme: the block's own checks passed; now the whole heap must be consistent. */
	err = SYS_HEAP_ERR_CORRUPT_HEADER;
	if (!sys_heap_validate(heap)) {
		goto bad;
	}
#endif
	(void)big;
	return c;
bad:
	z_heap_report(heap, mem, err);
	return 0;
}

size_t z_heap_check_block(struct sys_heap *heap, void *mem)
{
#if Z_HEAP_SPECIALIZE
	struct zhdr hw;

	if (heap->big) {
		return check_impl(heap, true, mem, &hw);
	}
	return check_impl(heap, false, mem, &hw);
#else
	return check_impl(heap, heap->big, mem, NULL);
#endif
}

/* Free without the listener notification; false when refused (reported). */
Z_HEAP_HOT bool free_impl(struct sys_heap *heap, bool big, void *mem)
{
	struct zhdr hw;
	size_t c = check_impl(heap, big, mem, Z_HEAP_SPECIALIZE ? &hw : NULL);

	if (c == 0u) {
		return false;
	}
	struct zh z = zh_get(heap, big);
	size_t units = Z_HEAP_SPECIALIZE && Z_HEAP_LEVEL >= 1 ? hw.units : chunk_size(z.h, big, c);

	/* check_impl() (level 1 and up) already read and checked what free_plan() starts with. */
	if (!free_chunk_impl(&z, c, mem, Z_HEAP_SPECIALIZE && Z_HEAP_LEVEL >= 1 ? &hw : NULL)) {
		return false;
	}
	stats_free(heap, units);
	return true;
}

Z_HEAP_HOT bool free_nn(struct sys_heap *heap, void *mem)
{
#if Z_HEAP_SPECIALIZE
	if (heap->big) {
		return free_impl(heap, true, mem);
	}
	return free_impl(heap, false, mem);
#else
	return free_impl(heap, heap->big, mem);
#endif
}

bool z_heap_free_nn(struct sys_heap *heap, void *mem)
{
	return free_nn(heap, mem);
}

void sys_heap_free(struct sys_heap *heap, void *mem)
{
#if Z_HEAP_LISTENER
	if (z_heap_listener_count != 0u && mem != NULL) {
		/* usable_size runs the checks first, reporting a bad pointer once. */
		size_t bytes = sys_heap_usable_size(heap, mem);

		if (bytes != 0u && free_nn(heap, mem)) {
			z_heap_notify_free(heap, mem, bytes);
		}
		return;
	}
#endif
	(void)free_nn(heap, mem);
}

size_t sys_heap_usable_size(struct sys_heap *heap, void *mem)
{
	if (mem == NULL) {
		return 0;
	}
	size_t c = z_heap_check_block(heap, mem);

	return c != 0u ? chunk_usable(heap->big, chunk_size(heap->heap, heap->big, c)) : 0u;
}
