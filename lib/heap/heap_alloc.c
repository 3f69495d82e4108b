/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Allocation: class search, bounded best-fit probe, split; aligned allocation.
 */
#include "heap_ops.h"

/* Nothing of @p units or more fits until something is freed: fail such requests at once. */
static void note_failure(struct sys_heap *heap, bool big, size_t units)
{
	heap->fit_limit = units > min_chunk(big) ? chunk_usable(big, units - 1u) : 0u;
}

/*
 * Take a free chunk of at least @p need units: the head of the request's exact class when it has
 * one; else the request's own class is probed when it also holds smaller chunks, then the first
 * non-empty larger class gives its head (every chunk there fits). The block, @p units, is cut
 * from the start of the chunk (low addresses first, as Zephyr places them, so that a block has
 * its chunk's free rest above it to grow into), at the lowest position aligned to @p amask + 1
 * units (in the heap's address space) when @p amask is not 0. The free rest above the block
 * takes the chunk's list place while its class does not change; what lies below an aligned
 * block stays free where it is, in its list place while its class holds. Returns the block's
 * chunk, 0 on failure.
 */
Z_HEAP_HOT size_t alloc_impl(struct sys_heap *heap, bool big, size_t need, size_t units,
			     size_t amask)
{
	const struct zh zv = zh_get(heap, big);
	const struct zh *z = &zv;
	struct z_heap *h = z->h;
	unsigned int k;
	size_t c;

	bool all;

	k = class_req(big, z->kmax, need, &all);
	if (!all) {
		/*
		 * Class k also holds chunks smaller than the request: probe a few (the last class,
		 * which holds every larger size and has nothing above it, at least once).
		 */
		int probes = CONFIG_SYS_HEAP_ALLOC_PROBES != 0 ? CONFIG_SYS_HEAP_ALLOC_PROBES
							       : (int)(k == z->kmax);

		c = head_get(h, big, k);
		for (int i = 0; c != 0u && i < probes; i++) {
			if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
				goto corrupt;
			}
			if (chunk_size(h, big, c) >= need) {
				goto found;
			}
			c = link_get(h, big, c, 1);
		}
		if (k == z->kmax) {
			/* Nothing lies above the last class: try its remembered largest chunk. */
			c = heap->cap_hint;
			if (c != 0u && heap->cap_hint_units >= need) {
				goto found;
			}
			note_failure(heap, big, need);
			return 0;
		}
		k++; /* every chunk of class k + 1 and above fits */
	}

	/* First non-empty class from k up (every chunk there fits). */
	k = bitmap_from(heap, k);
	if (k == 0u) {
		note_failure(heap, big, need);
		return 0;
	}
	c = head_get(h, big, k);
	{
		/*
		 * Every chunk of class k fits: take the smaller of its first two (equal sizes: the
		 * lower address), a bounded step towards best fit that leaves larger chunks whole.
		 * An exact class holds one size: its head is taken, as the fast path takes it, so
		 * a block's place does not depend on the path, the level or a listener.
		 */
		if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
			goto corrupt;
		}
		size_t n = link_get(h, big, c, 1);

		if (n != 0u && k >= CLS_X(big)) {
			if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, n)) {
				goto corrupt;
			}
			size_t cs = chunk_size(h, big, c);
			size_t ns = chunk_size(h, big, n);

			if (ns < cs || (ns == cs && n < c)) {
				c = n;
			}
		}
	}
found:;
	/* A chunk off a list must be free, fit, end in the heap and be echoed. */
	if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
		goto corrupt;
	}
	size_t w = hdr_get(h, big, c, 0);
	size_t su = w >> 1;

	if (Z_HEAP_LEVEL >= 2 && ((w & 1u) != 0u || su < need || su > z->end - c ||
				  left_size(h, big, c + su) != su)) {
		goto corrupt;
	}
	size_t top = c + su;
	size_t b = c; /* the block: at the chunk's start, or its lowest aligned position */

	if (amask != 0u) {
		size_t hu = (uintptr_t)h / CHUNK_UNIT;

		b = ((hu + c + amask) & ~amask) - hu;
		if (b != c && b - c < min_chunk(big)) {
			b += amask + 1u; /* what stays below must be able to stand alone */
		}
	}
	size_t tu = b - c;             /* stays free below an aligned block */
	size_t tail = top - b - units; /* free above the block */
	unsigned int xk = 0;

	if (tail < min_chunk(big)) {
		tail = 0; /* too small to stand alone: part of the block */
	} else {
		xk = class_of(big, z->kmax, tail);
	}
	size_t t = top - tail; /* the free chunk above the block, when tail != 0 */

#if Z_HEAP_SPECIALIZE
	if (tu == 0u) {
		/*
		 * The block starts the chunk: c leaves its list, and the rest above goes to the head
		 * of its class's list (measured: taking c's place when the class holds fails more
		 * of W2's allocations, 142,711 against 141,905 at 32-bit).
		 */
		if (Z_HEAP_LEVEL >= 2 &&
		    (!links_ok(z, c, k) || (tail != 0u && !head_ok(z, xk, c, 0)))) {
			goto corrupt;
		}
		list_remove(z, c, k);
		if (tail != 0u) {
			list_add(z, t, xk, tail);
		}
	} else {
		/* Below an aligned block c stays free, in its list place while its class holds. */
		unsigned int tk = class_of(big, z->kmax, tu);

		if (Z_HEAP_LEVEL >= 2 && (tk != k || tail != 0u) &&
		    (!links_ok(z, c, k) || (tk != k && !head_ok(z, tk, c, 0)) ||
		     (tail != 0u && !head_ok(z, xk, c, 0)))) {
			goto corrupt;
		}
		if (tk != k) {
			list_remove(z, c, k);
			list_add(z, c, tk, tu);
		} else if (c == heap->cap_hint) {
			heap->cap_hint_units = (uint32_t)tu; /* the remembered chunk shrank */
		}
		if (tail != 0u) {
			list_add(z, t, xk, tail);
		}
		set_size_used(h, big, c, tu, false);
		set_left_size(h, big, b, tu);
	}
#else
	/*
	 * Size builds: the same checks (when c leaves its list place: its links; the heads of the
	 * lists its rest below and the free chunk above join), then the shared copy of the same
	 * cut (as realloc's growth down makes it) and the free chunk above to the head of its list.
	 */
	if (Z_HEAP_LEVEL >= 2) {
		unsigned int tk = tu != 0u ? class_of(big, z->kmax, tu) : 0u;

		if ((tu == 0u || tk != k || tail != 0u) &&
		    (!links_ok(z, c, k) || (tu != 0u && tk != k && !head_ok(z, tk, c, 0)) ||
		     (tail != 0u && !head_ok(z, xk, c, 0)))) {
			goto corrupt;
		}
	}
	(void)cut_top(z, c, k, tu);
	if (tail != 0u) {
		list_add(z, t, xk, tail);
	}
#endif
	size_t bu = t - b; /* the block's units */

	set_size_used(h, big, b, bu, true);
	if (tail != 0u) {
		set_size_used(h, big, t, tail, false);
		set_left_size(h, big, t, bu);
	}
	set_left_size(h, big, top, t == top ? bu : tail);
	stats_alloc(heap, bu);
	return b;
corrupt:
	z_heap_report(heap, chunk_mem(h, c), SYS_HEAP_ERR_CORRUPT_HEADER);
	return 0;
}




/*
 * sys_heap_alloc() (@p amask 0) and sys_heap_aligned_alloc() for alignments above a unit (@p
 * amask + 1 units) without the listener notification, one copy per layout in speed builds: for
 * an aligned block, a chunk with room for it at any aligned position.
 */
Z_HEAP_HOT void *alloc_nn_impl(struct sys_heap *heap, bool big, size_t amask, size_t bytes)
{
	if (bytes - 1u >= heap->fit_limit) {
		return NULL; /* 0 bytes, more than the heap holds, or known not to fit now */
	}
#if Z_HEAP_LEVEL >= 4
	if (!sys_heap_validate(heap)) {
		z_heap_report(heap, NULL, SYS_HEAP_ERR_CORRUPT_HEADER);
		return NULL;
	}
#endif
	size_t units = bytes_to_units(big, bytes);
	size_t need = units;

	if (amask != 0u) {
		/*
		 * Room for the request plus the largest distance to an aligned position (align - 8
		 * bytes); in the big layout two more units, so that what stays below the block is
		 * never a single unit, too small to stand alone.
		 */
		size_t room = heap->end - heap->first;
		size_t pad = amask + 2u * (min_chunk(big) - 1u);

		if (pad >= room || units > room - pad ||
		    chunk_usable(big, units + pad) > heap->fit_limit) {
			return NULL; /* never fits, or a chunk that large is known not to fit now */
		}
		need += pad;
	}
	size_t c = alloc_impl(heap, big, need, units, amask);

	if (c == 0u) {
		return NULL;
	}
#if Z_HEAP_CANARY
	z_heap_canary_set(heap, c);
#endif
	return chunk_mem(heap->heap, c);
}

/* sys_heap_alloc() without the listener notification. */
Z_HEAP_HOT void *alloc_nn(struct sys_heap *heap, size_t bytes)
{
	/* The common failure, before the layout dispatch (size builds: alloc_nn_impl() tests it). */
	if (Z_HEAP_SPECIALIZE && bytes - 1u >= heap->fit_limit) {
		return NULL;
	}
	return Z_HEAP_DISPATCH(alloc_nn_impl, heap, 0u, bytes);
}

/* The general path of sys_heap_alloc(), out of line so that the fast path stays small. */
static __attribute__((noinline)) void *alloc_general(struct sys_heap *heap, size_t bytes)
{
	void *mem = alloc_nn(heap, bytes);

	if (Z_HEAP_LISTENER && mem != NULL) {
		z_heap_notify_alloc(heap, mem);
	}
	return mem;
}

#if Z_HEAP_FAST
/*
 * The head of exact class @p units taken whole, with the checks of level 2 (in range, free and
 * of exactly that size, echoed, first on its list, its successor pointing back); 0 when the
 * class is empty or a check fails (the general path then checks again and reports).
 */
Z_HEAP_HOT size_t alloc_fast(struct sys_heap *heap, bool big, size_t bytes)
{
	size_t units = bytes_to_units(big, bytes);

	if (units >= CLS_X(big)) {
		return 0;
	}
	struct z_heap *h = heap->heap;
	size_t c = head_get(h, big, (unsigned int)units);

	if (c == 0u) {
		return 0;
	}
	size_t n;

	if (Z_HEAP_LEVEL >= 2) {
		size_t first = heap->first;
		size_t room = heap->end - first;

		if (c - first >= room) {
			return 0;
		}
		n = link_get(h, big, c, 1);
		if (hdr_get(h, big, c, 0) != units << 1 || units > room - (c - first) ||
		    left_size(h, big, c + units) != units || link_get(h, big, c, 0) != 0u ||
		    (n != 0u && (n - first >= room || link_get(h, big, n, 0) != c))) {
			return 0;
		}
	} else {
		n = link_get(h, big, c, 1);
	}
	head_set(h, big, (unsigned int)units, n);
	if (n != 0u) {
		link_set(h, big, n, 0, 0);
	} else {
		bitmap_clear(heap, (unsigned int)units);
	}

	set_size_used(h, big, c, units, true);
	stats_alloc(heap, units);
	return c;
}
#endif

void *sys_heap_alloc(struct sys_heap *heap, size_t bytes)
{
#if Z_HEAP_FAST
	if (bytes - 1u >= heap->fit_limit) {
		return NULL; /* 0 bytes, more than the heap holds, or known not to fit now */
	}
	if (!Z_HEAP_LISTENING()) {
		size_t c = Z_HEAP_DISPATCH(alloc_fast, heap, bytes);

		if (c != 0u) {
			return chunk_mem(heap->heap, c);
		}
	}
#endif
	return alloc_general(heap, bytes);
}

/*
 * The aligned allocation proper, out of line in speed builds: both layouts' copies of
 * alloc_impl() need every callee-saved register, which the refusals before it then do not pay
 * for (W3: 88.7 -> 77.1 instructions per call at BASIC, three in four requests being refused).
 */
#if Z_HEAP_SPECIALIZE
static __attribute__((noinline)) void *aligned_alloc_general(struct sys_heap *heap, size_t amask,
							     size_t bytes)
{
	return Z_HEAP_DISPATCH(alloc_nn_impl, heap, amask, bytes);
}
#else
#define aligned_alloc_general(heap, amask, bytes) Z_HEAP_DISPATCH(alloc_nn_impl, heap, amask, bytes)
#endif

/* sys_heap_aligned_alloc() without the listener notification (for realloc). */
void *z_heap_aligned_alloc_nn(struct sys_heap *heap, size_t align, size_t bytes)
{
	if ((align & (align - 1u)) != 0u) {
		z_heap_bad_align(heap, align);
		return NULL;
	}
	/*
	 * The common failures refused before the layout dispatch, with no registers saved (most
	 * aligned requests of a full heap end here): the block needs at least @p bytes of room
	 * plus the distance to an aligned position, up to align - 8 bytes, and nothing over
	 * fit_limit fits. alloc_nn_impl() checks the exact room again.
	 */
	if (Z_HEAP_SPECIALIZE && (bytes - 1u >= heap->fit_limit ||
				  (align > CHUNK_UNIT && align - CHUNK_UNIT > heap->fit_limit - bytes))) {
		return NULL;
	}
	return aligned_alloc_general(heap, align <= CHUNK_UNIT ? 0u : align / CHUNK_UNIT - 1u, bytes);
}

void *sys_heap_aligned_alloc(struct sys_heap *heap, size_t align, size_t bytes)
{
	void *mem = z_heap_aligned_alloc_nn(heap, align, bytes);

	if (Z_HEAP_LISTENER && mem != NULL) {
		z_heap_notify_alloc(heap, mem);
	}
	return mem;
}
