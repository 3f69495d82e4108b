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
 * chunk grid: rotating the byte offset right by log2 of the unit moves misaligned low bits to
 * the top, so one comparison against the chunk count checks both range and alignment.
 */
static inline size_t chunk_rank(struct sys_heap *heap, zl_t lay, void *mem)
{
	uintptr_t off = (uintptr_t)mem - ((uintptr_t)heap->heap + heap->first * UNIT(lay));

	return (size_t)((off >> UNIT_SH(lay)) | (off << (sizeof(off) * 8u - UNIT_SH(lay))));
}

/* Header words of a block to free, as check_impl() read (and, at level 1 and up, checked) them. */
struct zhdr {
	size_t units; /* its size */
	size_t lu;    /* its left size */
	size_t rw;    /* right neighbour's size << 1 | used */
	size_t lw;    /* left neighbour's size << 1 | used */
};

/*
 * All checks of one free/realloc before anything is written: the chunk, or 0 (reported); @p hw
 * gets the header words read on the way, for free_merge().
 */
Z_HEAP_HOT size_t check_impl(struct sys_heap *heap, zl_t lay, void *mem, struct zhdr *hw)
{
	struct z_heap *h = heap->heap;
	size_t first = heap->first;
	size_t rank = chunk_rank(heap, lay, mem);
	size_t room = heap->end - first; /* units from the first chunk to the end marker */
	enum sys_heap_error err = SYS_HEAP_ERR_BAD_POINTER;

	if (rank >= room) {
		if (mem == NULL) {
			return 0; /* never a block; callers that accept NULL test it first */
		}
		goto bad;
	}
	size_t c = first + rank;

	room -= rank; /* units from this chunk to the end marker */
	size_t w0 = hdr_get(h, lay, c, 0);
	size_t units = w0 >> 1;
	size_t left = hdr_get(h, lay, c, 1);

	/*
	 * Both neighbours must point back at this chunk, within the heap. Checked before the
	 * used bit, so that only a consistent free chunk is called a double free; a pointer
	 * into a block or a damaged header is a corrupt header.
	 */
	err = SYS_HEAP_ERR_CORRUPT_HEADER;
	if (Z_HEAP_LEVEL >= 1 &&
	    (units - 1u >= room || left_size(h, lay, c + units) != units || left - 1u >= c)) {
		goto bad;
	}
	size_t lw = hdr_get(h, lay, c - left, 0);
	size_t rw = hdr_get(h, lay, c + units, 0);

	if (Z_HEAP_LEVEL >= 1) {
		if ((lw >> 1) != left) {
			goto bad;
		}
		if ((w0 & 1u) == 0u) {
			err = SYS_HEAP_ERR_DOUBLE_FREE;
			goto bad;
		}
		/* A free right neighbour is merged: its own extent must be sane too. */
		size_t ru = rw >> 1;

		if ((rw & 1u) == 0u &&
		    (ru - 1u >= room - units || left_size(h, lay, c + units + ru) != ru)) {
			goto bad;
		}
	}
	if (!Z_HEAP_COMPACT || hw != NULL) { /* (compact: NULL when only the checks are wanted) */
		hw->units = units;
		hw->lu = left;
		hw->rw = rw;
		hw->lw = lw;
	}
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
	return c;
bad:
	z_heap_report(heap, mem, err);
	return 0;
}

Z_HEAP_HOT size_t check_block(struct sys_heap *heap, zl_t lay, void *mem)
{
#if Z_HEAP_COMPACT
	return check_impl(heap, lay, mem, NULL);
#else
	struct zhdr hw;

	return check_impl(heap, lay, mem, &hw);
#endif
}

size_t z_heap_check_block(struct sys_heap *heap, void *mem)
{
	return Z_HEAP_DISPATCH(check_block, heap, mem);
}

/* Free without the listener notification; false when refused (reported). */
Z_HEAP_HOT bool free_impl(struct sys_heap *heap, zl_t lay, void *mem)
{
	struct zhdr hw;
	size_t c = check_impl(heap, lay, mem, &hw);

	if (c == 0u) {
		return false;
	}
	struct zh z = zh_get(heap, lay);

	if (!free_merge(&z, c, hw.units, hw.lu, hw.rw, hw.lw, true)) {
		z_heap_report(heap, mem, SYS_HEAP_ERR_CORRUPT_HEADER);
		return false;
	}
	stats_free(heap, lay, hw.units);
	return true;
}

Z_HEAP_HOT bool free_nn(struct sys_heap *heap, void *mem)
{
	return Z_HEAP_DISPATCH(free_impl, heap, mem);
}

#if Z_HEAP_LEVEL >= 2
/* Level 2's part of freeing block @p c, which already passed check_impl(): no write, no report. */
Z_HEAP_HOT bool free_ok_impl(struct sys_heap *heap, zl_t lay, size_t c)
{
	struct zh z = zh_get(heap, lay);
	size_t units = chunk_size(z.h, lay, c);
	size_t lu = left_size(z.h, lay, c);

	return free_merge(&z, c, units, lu, hdr_get(z.h, lay, c + units, 0),
			  hdr_get(z.h, lay, c - lu, 0), false);
}

bool z_heap_free_ok(struct sys_heap *heap, size_t c)
{
	return Z_HEAP_DISPATCH(free_ok_impl, heap, c);
}
#endif

bool z_heap_free_nn(struct sys_heap *heap, void *mem)
{
	return free_nn(heap, mem);
}

/* The general path of sys_heap_free(), out of line so that the fast path stays small. */
Z_HEAP_GENERAL void free_general(struct sys_heap *heap, void *mem)
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

#if Z_HEAP_FAST
/*
 * The free of a checked block, inlined (speed builds): the checks of check_impl(), then a block
 * between two used neighbours is pushed on its class list (the list head checked), one with a
 * free neighbour merged by free_merge(). False when a check fails: the general path then checks
 * again and reports.
 */
Z_HEAP_HOT bool free_fast(struct sys_heap *heap, zl_t lay, void *mem)
{
	struct z_heap *h = heap->heap;
	size_t first = heap->first;
	size_t room = heap->end - first;
	uintptr_t off = (uintptr_t)mem - ((uintptr_t)h + first * UNIT(lay));
	size_t rank = (size_t)((off >> UNIT_SH(lay)) | (off << (sizeof(off) * 8u - UNIT_SH(lay))));

	if (rank >= room) {
		return false;
	}
	/* Headers are reached from the block's address: p (this chunk), rp and lp (neighbours). */
	uint8_t *p = mem;
	size_t w0 = phdr_get(p, lay, 0);
	size_t units = w0 >> 1;
	size_t left = phdr_get(p, lay, 1);

	/*
	 * Each extent is checked before its neighbour's address is formed: on a 32-bit target a
	 * damaged size would take the pointer arithmetic past the end of the address space.
	 */
	if (Z_HEAP_LEVEL >= 1 && units - 1u >= room - rank) {
		return false;
	}
	uint8_t *rp = p + (units * UNIT(lay));

	if (Z_HEAP_LEVEL >= 1 && (phdr_get(rp, lay, 1) != units || left - 1u >= first + rank)) {
		return false;
	}
	uint8_t *lp = p - (left * UNIT(lay));
	size_t lw = phdr_get(lp, lay, 0);
	size_t rw = phdr_get(rp, lay, 0);

	if (Z_HEAP_LEVEL >= 1 && ((lw >> 1) != left || (w0 & 1u) == 0u)) {
		return false;
	}
	size_t c = first + rank;

	if ((rw & lw & 1u) == 0u) {
		/* Free neighbours: free_merge() inlined; a free right neighbour's extent checked
		 * first. */
		size_t ru = rw >> 1;
		struct zh z = zh_get(heap, lay);

		if (Z_HEAP_LEVEL >= 1 && (rw & 1u) == 0u &&
		    (ru - 1u >= room - rank - units ||
		     phdr_get(rp + (ru * UNIT(lay)), lay, 1) != ru)) {
			return false;
		}
		/*
		 * A copy of the merge for a free right neighbour only (the common case of FIFO-like
		 * use), with the left one's used bit a constant, and one for the other cases.
		 */
		bool ok = (lw & 1u) != 0u ? free_merge(&z, c, units, left, rw, 1u, true)
					  : free_merge(&z, c, units, left, rw, lw, true);

		if (!ok) {
			return false;
		}
		stats_free(heap, lay, units);
		return true;
	}
	unsigned int k = class_of(lay, heap->kmax, units);
	size_t x = head_get(h, lay, k);

	if (Z_HEAP_LEVEL >= 2 && x != 0u && (x - first >= room || link_get(h, lay, x, 0) != 0u)) {
		return false;
	}
	hint_note(heap, k, c, units, ~(size_t)0);
	plink_set(p, lay, 0, 0);
	plink_set(p, lay, 1, x);
	head_set(h, lay, k, c);
	if (x != 0u) {
		link_set(h, lay, x, 0, c);
	} else {
		bitmap_set(heap, k);
	}
	phdr_set(p, lay, 0, units << 1);
	stats_free(heap, lay, units);
	fit_raise(heap, lay, units);
	return true;
}
#endif

void sys_heap_free(struct sys_heap *heap, void *mem)
{
#if Z_HEAP_FAST
	if (!Z_HEAP_LISTENING() && Z_HEAP_DISPATCH(free_fast, heap, mem)) {
		return;
	}
#endif
	free_general(heap, mem);
}

size_t sys_heap_usable_size(struct sys_heap *heap, void *mem)
{
	if (mem == NULL) {
		return 0;
	}
	size_t c = z_heap_check_block(heap, mem);

	return c != 0u ? chunk_usable(Z_HEAP_LAY(heap), chunk_size(heap->heap, Z_HEAP_LAY(heap), c))
		       : 0u;
}
