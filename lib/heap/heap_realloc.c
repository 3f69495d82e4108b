/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Realloc: shrink in place, grow into free neighbours (right, then left), else move.
 */
#include <string.h>

#include "heap_ops.h"

#if !Z_HEAP_COMPACT
/*
 * Grow used chunk @p c (@p have units, its right neighbour already absorbed when free) by the
 * top @p d units of its free left neighbour @p l (@p lu units, class @p lk; its links and the
 * list head for its rest already checked when the level asks): the contents (@p keep bytes)
 * move down by memmove; what stays of l keeps its list place while its class does not change.
 * This serves a growth that a move could not (no room is needed for a second copy) and leaves
 * no hole. Returns the block's new chunk.
 */
static size_t grow_left(struct sys_heap *heap, size_t c, size_t have, size_t l, size_t lu,
			unsigned int lk, size_t d, size_t keep)
{
	struct zh z = zh_get(heap, Z_HEAP_LAY(heap));
	struct z_heap *h = z.h;
	zl_t lay = ZH_LAY(&z);
	size_t b = cut_top(&z, l, lk, lu - d);
	size_t bu = c + have - b;

	memmove(chunk_mem(h, lay, b), chunk_mem(h, lay, c), keep);
	set_size_used(h, lay, b, bu, true);
	set_left_size(h, lay, c + have, bu);
	stats_alloc(heap, lay, bu - have);
	return b;
}

#endif

/*
 * In place when possible: ptr (chunk c, already checked by z_heap_check_block()) resized to
 * @p units, growing into a free right neighbour, then (plain alignment only) into a free left
 * neighbour, the contents moved down; NULL when it must move, (void *)-1 when corruption was
 * found (reported: refuse the call; the block stays as it was, or as grown).
 */
static void *resize_in_place(struct sys_heap *heap, size_t c, void *ptr, size_t units,
			     bool may_move_down)
{
	struct zh z = zh_get(heap, Z_HEAP_LAY(heap));
	struct z_heap *h = z.h;
	zl_t lay = ZH_LAY(&z);
	size_t have = chunk_size(h, lay, c);
	size_t r = c + have;
	/* The right neighbour's header; when free, its extent was checked with the block. */
	size_t rw = hdr_get(h, lay, r, 0);
	size_t saved_max = stats_max_save(heap);

#if Z_HEAP_COMPACT
	/*
	 * Compact: Zephyr's realloc (no growth into the left neighbour). A free right neighbour is
	 * absorbed whenever the block then fits, growing or not; what lies above the request is
	 * then cut off and freed as the allocation's rest is (z_heap_carve(): its right neighbour
	 * is used).
	 */
	(void)may_move_down;
	size_t ru = (rw & 1u) == 0u && units <= have + (rw >> 1) ? rw >> 1 : 0u;

	if (units > have + ru) {
		return NULL;
	}
	unsigned int rk = class_of(lay, z.kmax, ru);

#if Z_HEAP_LEVEL >= 2
	/* Before any write: the right neighbour's links, and the head of the rest's list. */
	size_t tail = have + ru - units;

	if ((ru != 0u && !links_ok(&z, r, rk)) ||
	    (tail >= min_chunk(lay) &&
	     !head_ok(&z, class_of(lay, z.kmax, tail), ru != 0u ? r : 0u, 0u))) {
		z_heap_report(heap, ptr, SYS_HEAP_ERR_CORRUPT_HEADER);
		return (void *)-1;
	}
#endif
	if (ru != 0u) {
		list_remove(&z, r, rk);
		stats_alloc(heap, lay, ru);
	}
	stats_free(heap, lay, have + ru - z_heap_carve(heap, c, units, have + ru, 0u));
#else
	if (units > have) {
		/* Free neighbours (their extents were checked with the block). */
		size_t ru = (rw & 1u) == 0u ? rw >> 1 : 0u;
		size_t lu = left_size(h, lay, c);
		size_t l = c - lu;
		size_t lw = hdr_get(h, lay, l, 0);

		if (!may_move_down || (lw & 1u) != 0u) {
			lu = 0; /* the left neighbour is used, or the block may not move */
		}
		if (have + ru + lu < units) {
			return NULL;
		}
		bool left = have + ru < units; /* the right neighbour alone is not enough */
		unsigned int rk = class_of(lay, z.kmax, ru);
		unsigned int lk = class_of(lay, z.kmax, lu);

#if Z_HEAP_LEVEL >= 2
		/* Before any write: the links of the neighbours that leave their lists, and the
		 * head of the list the rest of the left one may join. */
		size_t d = units - have - ru;

		if ((ru != 0u && !links_ok(&z, r, rk)) ||
		    (left && (!links_ok(&z, l, lk) ||
			      (lu - d >= min_chunk(lay) && size_class(heap, lu - d) != lk &&
			       !head_ok(&z, size_class(heap, lu - d), l, ru != 0u ? r : 0u))))) {
			z_heap_report(heap, ptr, SYS_HEAP_ERR_CORRUPT_HEADER);
			return (void *)-1; /* refuse the call */
		}
#endif
		size_t keep = chunk_usable(lay, have);

		if (ru != 0u) {
			list_remove(&z, r, rk);
			have += ru;
			stats_alloc(heap, lay, ru);
			set_size_used(h, lay, c, have, true);
			set_left_size(h, lay, c + have, have);
		}
		if (left) {
			size_t top = c + have;

			c = grow_left(heap, c, have, l, lu, lk, units - have, keep);
			ptr = chunk_mem(h, lay, c);
			have = top - c;
		}
		/*
		 * What lies right of the grown block is used (free chunks are never neighbours): a
		 * tail cut off below is freed without merging to its right.
		 */
		rw = 1u;
	}
	if (have - units >= min_chunk(lay)) {
		/* Shrink: the tail is freed, merged with a free right neighbour (checked above). */
		size_t t = c + units;

		if (!free_merge(&z, t, have - units, units, rw, 1u, true)) {
			/* Level 2 found a bad list link: the block stays as it was, or as grown. */
			stats_max_settle(heap, saved_max);
			z_heap_report(heap, ptr, SYS_HEAP_ERR_CORRUPT_HEADER);
			return (void *)-1;
		}
		set_size_used(h, lay, c, units, true);
		set_left_size(h, lay, t, units);
		stats_free(heap, lay, have - units);
	}
#endif
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
	/*
	 * Compact: a bad alignment, or a request larger than any, takes the move's path, where the
	 * aligned allocation reports or refuses it (one test of each instead of two).
	 */
	bool may_resize = !Z_HEAP_COMPACT || ((align & (align - 1u)) == 0u && bytes <= heap->fit_limit);

	if (!Z_HEAP_COMPACT && (align & (align - 1u)) != 0u) {
		z_heap_bad_align(heap, align);
		return NULL;
	}
	zl_t lay = Z_HEAP_LAY(heap);

	if (!Z_HEAP_COMPACT && bytes > heap_max_bytes(heap)) {
		return NULL;
	}
	size_t have = chunk_size(heap->heap, lay, c);
	size_t old = Z_HEAP_COMPACT ? block_usable(lay, have) : chunk_usable(lay, have);
	void *mem = NULL;

	if (may_resize && (align <= UNIT(lay) || ((uintptr_t)ptr & (align - 1u)) == 0u)) {
		mem = resize_in_place(heap, c, ptr, bytes_to_units(lay, bytes), align <= UNIT(lay));
		/* (Only level 2 finds damage here: below it, never.) */
		if ((!Z_HEAP_COMPACT || Z_HEAP_LEVEL >= 2) && mem == (void *)-1) {
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
		if (!z_heap_free_nn(heap, ptr) && Z_HEAP_LEVEL >= 2) {
			/*
			 * The free found damage that the check above cannot see (a neighbour's list
			 * links, seen only when merging; reported): the call fails, as every call
			 * that reports does, and the new block goes back.
			 */
			(void)z_heap_free_nn(heap, mem);
			return NULL;
		}
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
