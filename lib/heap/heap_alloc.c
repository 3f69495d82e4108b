/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Allocation: class search, bounded best-fit probe, split; aligned allocation.
 */
#include "heap_ops.h"

/*
 * Which layouts' aligned requests first try the aligned fit (aligned_fit()): those with 4-byte
 * units, where an 8-byte alignment (malloc's) would otherwise cost three units of room. On the
 * 8-byte-unit layouts it raises W3's utilization at failure (32-bit, 256 KiB: 0.836 to 0.867)
 * at +15 instructions per W3 operation, and 8 alignment is free there: not built by default
 * (-DZ_HEAP_ALIGNED_FIT_ALL=1 builds it for every layout, for measurement).
 */
#ifndef Z_HEAP_ALIGNED_FIT_ALL
#define Z_HEAP_ALIGNED_FIT_ALL 0
#endif
/* (Built where it serves: not in the compact policy.) */
#define Z_HEAP_HAS_ALIGNED_FIT  ((Z_HEAP_UNIT4 && !Z_HEAP_COMPACT) || Z_HEAP_ALIGNED_FIT_ALL)
#define Z_HEAP_ALIGNED_FIT(lay) (Z_HEAP_HAS_ALIGNED_FIT && (Z_HEAP_ALIGNED_FIT_ALL || LAY_U4(lay)))
/* Smallest chunk unit built. */
#define Z_HEAP_MIN_UNIT (Z_HEAP_UNIT4 ? 4u : CHUNK_UNIT)

/*
 * Nothing of @p units or more fits until something is freed: fail such requests at once.
 * (Compact: no failed-size cache.)
 */
static void note_failure(struct sys_heap *heap, zl_t lay, size_t units)
{
	if (!Z_HEAP_COMPACT) {
		heap->fit_limit = units > min_chunk(lay) ? chunk_usable(lay, units - 1u) : 0u;
	}
}

/*
 * Report damaged chunk @p c, which a list or size led to: its address is computed as an integer,
 * since a damaged link can name a chunk far outside the heap and pointer arithmetic past the
 * address space (32-bit targets) is undefined. Out of line in speed builds, where it leaves the
 * allocation's registers alone (x86-64, default: W2 160.6 -> 158.4 instructions per operation);
 * inline in size builds, whose hot path it then does not change.
 */
#if Z_HEAP_SPECIALIZE
static __attribute__((noinline, cold))
#else
static inline
#endif
void report_corrupt(struct sys_heap *heap, struct z_heap *h, zl_t lay, size_t c)
{
	z_heap_report(heap, (void *)((uintptr_t)h + c * UNIT(lay)), SYS_HEAP_ERR_CORRUPT_HEADER);
}

#if Z_HEAP_HAS_ALIGNED_FIT
/*
 * Does free chunk @p c of @p su units hold a block of @p units aligned to @p amask + 1 units,
 * at its lowest aligned unit (in the heap's address space) that leaves nothing or a chunk that
 * can stand alone below it (where alloc_impl() places it)?
 */
Z_HEAP_HOT bool aligned_fits(struct z_heap *h, zl_t lay, size_t c, size_t su, size_t units,
			     size_t amask)
{
	size_t hu = (uintptr_t)h / UNIT(lay);
	size_t b = ((hu + c + amask) & ~amask) - hu;

	if (b != c && b - c < min_chunk(lay)) {
		b += amask + 1u;
	}
	return b - c + units <= su;
}
#endif

/*
 * Take a free chunk of at least @p need units: the head of the request's exact class when it has
 * one; else the request's own class is probed when it also holds smaller chunks, then the first
 * non-empty larger class gives its head (every chunk there fits). The block, @p units, is cut
 * from the start of the chunk (low addresses first, as Zephyr places them, so that a block has
 * its chunk's free rest above it to grow into), at the lowest position aligned to @p amask + 1
 * units (in the heap's address space) when @p amask is not 0. The free rest above the block
 * goes to the head of its class's list (in every build); what lies below an aligned block stays
 * free where it is, in the chunk's list place while its class holds (the compact policy adds it
 * to the head of its class's list as well). Returns the block's chunk, 0 on failure.
 */
Z_HEAP_HOT size_t alloc_impl(struct sys_heap *heap, zl_t lay, size_t need, size_t units,
			     size_t amask)
{
	const struct zh zv = zh_get(heap, lay);
	const struct zh *z = &zv;
	struct z_heap *h = z->h;
	unsigned int k;
	size_t c;

	bool all;

#if Z_HEAP_HAS_ALIGNED_FIT
	/*
	 * With the aligned fit (an aligned request in a layout that has it: fit), a first pass
	 * over chunks of the request's own size, each checked at its aligned position: the same
	 * search as below with "holds the block at its aligned position" in place of "is large
	 * enough" (the own class probed even when all its chunks are large enough; of the next
	 * class's first two the smaller that holds it). Only then, as for any request, a chunk of
	 * need units, large enough at any aligned position (need 0: none can be). Without it an
	 * alignment of two units (8 bytes with 4-byte units) would take three units more than the
	 * request.
	 */
	bool fit = Z_HEAP_ALIGNED_FIT(lay) && amask != 0u;
	size_t want = fit ? units : need;

	for (;;) {
		k = class_req(lay, z->kmax, want, &all);
		if (!all || fit) {
			int probes = CONFIG_SYS_HEAP_ALLOC_PROBES != 0
					 ? CONFIG_SYS_HEAP_ALLOC_PROBES
					 : (int)(fit || k == z->kmax);

			c = head_get(h, lay, k);
			Z_HEAP_UNROLL_PROBES
			for (int i = 0; (Z_HEAP_SPECIALIZE || c != 0u) && i < probes; i++) {
				if (Z_HEAP_SPECIALIZE && c == 0u) {
					break; /* (speed builds: Z_HEAP_UNROLL_PROBES) */
				}
				if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
					goto corrupt;
				}
				size_t cs = chunk_size(h, lay, c);

				if (fit ? aligned_fits(h, lay, c, cs, units, amask) : cs >= need) {
					goto found;
				}
				c = link_get(h, lay, c, 1);
			}
			if (k == z->kmax) {
				/* Nothing lies above the last class: its remembered largest chunk.
				 */
				c = heap->cap_hint;
				if (c != 0u && (fit ? aligned_fits(h, lay, c, heap->cap_hint_units,
								   units, amask)
						    : heap->cap_hint_units >= need)) {
					goto found;
				}
				goto next_pass;
			}
			k++;
		}
		/* First non-empty class from k up (every chunk there is large enough). */
		if (!bitmap_find(heap, k, &k)) {
			goto next_pass;
		}
		c = head_get(h, lay, k);
		if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
			goto corrupt;
		}
		{
			/* The smaller of the first two (below); an exact class's head. */
			size_t n = link_get(h, lay, c, 1);
			size_t cs = chunk_size(h, lay, c);
			bool ok = !fit || aligned_fits(h, lay, c, cs, units, amask);

			if (n != 0u && (k >= CLS_X(lay) || !ok)) {
				if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, n)) {
					goto corrupt;
				}
				size_t ns = chunk_size(h, lay, n);

				if ((!fit || aligned_fits(h, lay, n, ns, units, amask)) &&
				    (!ok || ns < cs || (ns == cs && n < c))) {
					c = n;
					ok = true;
				}
			}
			if (ok) {
				goto found;
			}
		}
	next_pass:
		if (!fit) {
			note_failure(heap, lay, need);
			return 0;
		}
		if (need == 0u) {
			return 0; /* no chunk is known to hold it at any aligned position */
		}
		fit = false;
		want = need;
	}
#else
	k = class_req(lay, z->kmax, need, &all);
	if (Z_HEAP_COMPACT || !all) {
		/*
		 * Class k also holds chunks smaller than the request: probe a few (the last class,
		 * which holds every larger size and has nothing above it, at least once).
		 *
		 * Compact has no bitmap: it probes every class from k up the same way, at least
		 * one chunk each (above k the head, which fits, as the class search below would
		 * take it; in k too when all its chunks fit), then the last class's hint.
		 */
		int probes = CONFIG_SYS_HEAP_ALLOC_PROBES != 0 ? CONFIG_SYS_HEAP_ALLOC_PROBES
							       : (int)(Z_HEAP_COMPACT || k == z->kmax);

#if Z_HEAP_COMPACT
		for (; k <= z->kmax; k++) {
#endif
			c = head_get(h, lay, k);
			Z_HEAP_UNROLL_PROBES
			for (int i = 0; (Z_HEAP_SPECIALIZE || c != 0u) && i < probes; i++) {
				if (Z_HEAP_SPECIALIZE && c == 0u) {
					break; /* (speed builds: Z_HEAP_UNROLL_PROBES) */
				}
				if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
					goto corrupt;
				}
				if (chunk_size(h, lay, c) >= need) {
					goto found;
				}
				c = link_get(h, lay, c, 1);
			}
#if Z_HEAP_COMPACT
		}
		k = z->kmax; /* (then only the hint is left) */
#endif
		if (k == z->kmax) {
			/* Nothing lies above the last class: try its remembered largest chunk. */
			c = heap->cap_hint;
			if (c != 0u && heap->cap_hint_units >= need) {
				goto found;
			}
			note_failure(heap, lay, need);
			return 0;
		}
		k++; /* every chunk of class k + 1 and above fits */
	}

	/* First non-empty class from k up (every chunk there fits). */
	if (!bitmap_find(heap, k, &k)) {
		note_failure(heap, lay, need);
		return 0;
	}
	c = head_get(h, lay, k);
	if (!Z_HEAP_COMPACT) { /* (compact: the head) */
		/*
		 * Every chunk of class k fits: take the smaller of its first two (equal sizes: the
		 * lower address), a bounded step towards best fit that leaves larger chunks whole.
		 * An exact class holds one size: its head is taken, as the fast path takes it, so
		 * a block's place does not depend on the path, the level or a listener.
		 */
		if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
			goto corrupt;
		}
		size_t n = link_get(h, lay, c, 1);

		if (n != 0u && k >= CLS_X(lay)) {
			if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, n)) {
				goto corrupt;
			}
			size_t cs = chunk_size(h, lay, c);
			size_t ns = chunk_size(h, lay, n);

			if (ns < cs || (ns == cs && n < c)) {
				c = n;
			}
		}
	}
#endif
found:;
#if Z_HEAP_HAS_ALIGNED_FIT
	if (fit) {
		need = units; /* (what the checks below expect of the chunk) */
	}
#endif
	/* A chunk off a list must be free, fit, end in the heap and be echoed. */
	if (Z_HEAP_LEVEL >= 2 && !zh_in_range(z, c)) {
		goto corrupt;
	}
	size_t w = hdr_get(h, lay, c, 0);
	size_t su = w >> 1;

	if (Z_HEAP_LEVEL >= 2 &&
	    ((w & 1u) != 0u || su < need || su > z->end - c || left_size(h, lay, c + su) != su)) {
		goto corrupt;
	}
	size_t top = c + su;
	/* The block: at the chunk's start, or its lowest aligned position. */
	size_t b = c; /* the block: at the chunk's start, or its lowest aligned position */

	if (amask != 0u) {
		size_t hu = (uintptr_t)h / UNIT(lay);

		b = ((hu + c + amask) & ~amask) - hu;
		if (b != c && b - c < min_chunk(lay)) {
			b += amask + 1u; /* what stays below must be able to stand alone */
		}
	}
	size_t tu = b - c;             /* stays free below an aligned block */
	size_t tail = top - b - units; /* free above the block */
	if (tail < min_chunk(lay)) {
		tail = 0; /* too small to stand alone: part of the block */
	}
	/*
	 * Class 0 when there is no rest. (The plain allocation's copies in speed builds, where
	 * amask is the constant 0 and a rest nearly always stands alone, compute it without a
	 * branch; where amask is not a constant, the test stays.)
	 */
	unsigned int xk =
	    (Z_HEAP_SPECIALIZE && __builtin_constant_p(amask) && amask == 0u) || tail != 0u
		? class_of(lay, z->kmax, tail)
		: 0u;
	size_t t = top - tail; /* the free chunk above the block, when tail != 0 */

#if Z_HEAP_SPECIALIZE
	if (tu == 0u) {
		/*
		 * The block starts the chunk: c leaves its list, and the rest above goes to the
		 * head of its class's list (measured: taking c's place when the class holds fails
		 * more of W2's allocations, 142,711 against 141,905 at 32-bit).
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
		unsigned int tk = class_of(lay, z->kmax, tu);

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
		set_size_used(h, lay, c, tu, false);
		set_left_size(h, lay, b, tu);
	}
#elif Z_HEAP_COMPACT
	/*
	 * Compact: c leaves its list; what stays free below the block and above it joins the head
	 * of its list (list_add() also writes its header and its right neighbour's left size).
	 * Level 2 first checks c's links and the heads of those lists.
	 */
	if (Z_HEAP_LEVEL >= 2 &&
	    (!links_ok(z, c, k) || (tu != 0u && !head_ok(z, class_of(lay, z->kmax, tu), c, 0)) ||
	     (tail != 0u && !head_ok(z, xk, c, 0)))) {
		goto corrupt;
	}
	list_remove(z, c, k);
	(void)t;
	stats_alloc(heap, lay, z_heap_carve(heap, b, units, top - b, tu));
	return b;
#else
	/*
	 * Size builds: the same checks (when c leaves its list place: its links; the heads of the
	 * lists its rest below and the free chunk above join), then the shared copy of the same
	 * cut (as realloc's growth down makes it) and the free chunk above to the head of its list.
	 */
	if (Z_HEAP_LEVEL >= 2) {
		unsigned int tk = tu != 0u ? class_of(lay, z->kmax, tu) : 0u;

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
#if !Z_HEAP_COMPACT
	size_t bu = t - b; /* the block's units */

	set_size_used(h, lay, b, bu, true);
	if (tail != 0u) {
		set_size_used(h, lay, t, tail, false);
		set_left_size(h, lay, t, bu);
	}
	set_left_size(h, lay, top, t == top ? bu : tail);
	stats_alloc(heap, lay, bu);
	return b;
#endif
corrupt:
	report_corrupt(heap, h, lay, c);
	return 0;
}

/*
 * sys_heap_alloc() (@p amask 0) and sys_heap_aligned_alloc() for alignments above a unit (@p
 * amask + 1 units) without the listener notification, one copy per layout in speed builds: for
 * an aligned block, a chunk with room for it at any aligned position (first, where the layout
 * has it, the aligned fit).
 */
Z_HEAP_HOT void *alloc_nn_impl(struct sys_heap *heap, zl_t lay, size_t amask, size_t bytes)
{
	/* amask comes in 4-byte units when they are built: in 8-byte units, half. */
	if (Z_HEAP_UNIT4 && !LAY_U4(lay)) {
		amask >>= 1;
	}
	/* (Speed builds: every caller tested it before the layout dispatch.) */
	if (!Z_HEAP_SPECIALIZE && bytes - 1u >= heap->fit_limit) {
		return NULL; /* 0 bytes, more than the heap holds, or known not to fit now */
	}
#if Z_HEAP_LEVEL >= 4
	if (!sys_heap_validate(heap)) {
		z_heap_report(heap, NULL, SYS_HEAP_ERR_CORRUPT_HEADER);
		return NULL;
	}
#endif
	size_t units = bytes_to_units(lay, bytes);
	size_t need = units;

	if (amask != 0u) {
		/*
		 * Room for the request plus the largest distance to an aligned position (align - 1
		 * unit); with a two-unit minimum chunk two more units, so that what stays below the
		 * block is never a single unit, too small to stand alone.
		 */
		size_t room = heap->end - heap->first;
		size_t pad = amask + 2u * (min_chunk(lay) - 1u);

		/*
		 * (Compact: a need larger than the heap is left to the search, which compares
		 * every chunk it takes with it and finds none. With a 32-bit size_t the need stays
		 * below 2^30; with a 64-bit one the padding's test keeps it within the 32 bits the
		 * class function reads.)
		 */
		if (Z_HEAP_COMPACT ? SIZE_MAX > 0xFFFFFFFFu && pad >= room
				   : pad >= room || units > room - pad ||
					 chunk_usable(lay, units + pad) > heap->fit_limit) {
#if Z_HEAP_HAS_ALIGNED_FIT
			if (!Z_HEAP_ALIGNED_FIT(lay)) {
				return NULL; /* never fits, or that large is known not to fit now */
			}
			need = 0u; /* only the aligned fit (alloc_impl()) can serve it */
#else
			return NULL; /* never fits, or a chunk that large is known not to fit now */
#endif
		} else {
			need += pad;
		}
	}
	size_t c = alloc_impl(heap, lay, need, units, amask);

	if (c == 0u) {
		return NULL;
	}
#if Z_HEAP_CANARY
	z_heap_canary_set(heap, c);
#endif
	return chunk_mem(heap->heap, lay, c);
}

#if !Z_HEAP_COMPACT /* (compact: sys_heap_alloc() is sys_heap_aligned_alloc()) */
/* sys_heap_alloc() without the listener notification. */
Z_HEAP_HOT void *alloc_nn(struct sys_heap *heap, size_t bytes)
{
	/* The common failure, before the layout dispatch (size builds: alloc_nn_impl() tests it).
	 */
	if (Z_HEAP_SPECIALIZE && bytes - 1u >= heap->fit_limit) {
		return NULL;
	}
	return Z_HEAP_DISPATCH(alloc_nn_impl, heap, 0u, bytes);
}

/* The general path of sys_heap_alloc(), out of line so that the fast path stays small. */
Z_HEAP_GENERAL void *alloc_general(struct sys_heap *heap, size_t bytes)
{
	void *mem = alloc_nn(heap, bytes);

	if (Z_HEAP_LISTENER && mem != NULL) {
		z_heap_notify_alloc(heap, mem);
	}
	return mem;
}
#endif

#if Z_HEAP_FAST
/*
 * The head of exact class @p units (the request's) taken whole, with the checks of level 2 (in
 * range, free and of exactly that size, echoed, first on its list, its successor pointing back); 0
 * when the class is empty or a check fails (the general path then checks again and reports).
 */
Z_HEAP_HOT size_t alloc_fast(struct sys_heap *heap, zl_t lay, size_t units)
{
	/* (With 4-byte units a heap of 128 B or less has fewer than CLS_X(lay) classes.) */
	if (units >= CLS_X(lay) || (LAY_U4(lay) && units > heap->kmax)) {
		return 0;
	}
	struct z_heap *h = heap->heap;
	size_t c = head_get(h, lay, (unsigned int)units);

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
		n = link_get(h, lay, c, 1);
		if (hdr_get(h, lay, c, 0) != units << 1 || units > room - (c - first) ||
		    left_size(h, lay, c + units) != units || link_get(h, lay, c, 0) != 0u ||
		    (n != 0u && (n - first >= room || link_get(h, lay, n, 0) != c))) {
			return 0;
		}
	} else {
		n = link_get(h, lay, c, 1);
	}
	head_set(h, lay, (unsigned int)units, n);
	if (n != 0u) {
		link_set(h, lay, n, 0, 0);
	} else {
		bitmap_clear(heap, (unsigned int)units);
	}

	set_size_used(h, lay, c, units, true);
	stats_alloc(heap, lay, units);
	return c;
}
#endif

#if Z_HEAP_FAST
/*
 * Per layout, two out-of-line copies: the allocation (alloc_lay_*: the head of the request's
 * exact class, else a tail call, made before any register is saved) and its general path
 * (alloc_slow_*, which does not test the fit or the layout again: sys_heap_alloc() did). A
 * general allocation so saves no register for the fast path and computes nothing twice.
 */
#define Z_ALLOC_COPIES(sfx, L)                                                                     \
	static                                                                                     \
	    __attribute__((noinline)) void *alloc_slow_##sfx(struct sys_heap *heap, size_t units)  \
	{                                                                                          \
		size_t c = alloc_impl(heap, (zl_t)(L), units, units, 0u);                          \
                                                                                                   \
		return c != 0u ? chunk_mem(heap->heap, (zl_t)(L), c) : NULL;                       \
	}                                                                                          \
	static                                                                                     \
	    __attribute__((noinline)) void *alloc_lay_##sfx(struct sys_heap *heap, size_t bytes)   \
	{                                                                                          \
		size_t u = bytes_to_units((zl_t)(L), bytes);                                       \
		size_t c = alloc_fast(heap, (zl_t)(L), u);                                         \
                                                                                                   \
		return c != 0u ? chunk_mem(heap->heap, (zl_t)(L), c) : alloc_slow_##sfx(heap, u);  \
	}
Z_HEAP_LAY_COPIES(Z_ALLOC_COPIES)
#endif

void *sys_heap_alloc(struct sys_heap *heap, size_t bytes)
{
#if Z_HEAP_FAST
	if (bytes - 1u >= heap->fit_limit) {
		return NULL; /* 0 bytes, more than the heap holds, or known not to fit now */
	}
	if (!Z_HEAP_LISTENING()) {
		return Z_HEAP_LAY_CALL(alloc_lay, heap, bytes);
	}
#endif
#if Z_HEAP_COMPACT
	/* (Compact: one allocation path, the aligned one with no alignment.) */
	return sys_heap_aligned_alloc(heap, 0u, bytes);
#else
	return alloc_general(heap, bytes);
#endif
}

/* Zephyr's extern function: sys_heap_alloc() behind the aligned allocation's signature. */
void *sys_heap_noalign_alloc(struct sys_heap *heap, size_t align, size_t bytes)
{
	(void)align;
	return sys_heap_alloc(heap, bytes);
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
	 * plus, where there is no aligned fit, the distance to an aligned position, up to align -
	 * 8 bytes, and nothing over fit_limit fits. alloc_nn_impl() checks the exact room again.
	 */
	if (Z_HEAP_SPECIALIZE &&
	    (bytes - 1u >= heap->fit_limit ||
	     (align > CHUNK_UNIT && align - CHUNK_UNIT > heap->fit_limit - bytes &&
	      !Z_HEAP_ALIGNED_FIT(Z_HEAP_LAY(heap))))) {
		return NULL;
	}
	/*
	 * The alignment in the smallest unit built: alloc_nn_impl() halves it for 8-byte units.
	 * (Compact: the same mask, align a power of two or 0, in one expression.)
	 */
	return aligned_alloc_general(
	    heap,
	    Z_HEAP_COMPACT ? (align - (align != 0u)) / Z_HEAP_MIN_UNIT
	    : align <= Z_HEAP_MIN_UNIT ? 0u
				       : align / Z_HEAP_MIN_UNIT - 1u,
	    bytes);
}

void *sys_heap_aligned_alloc(struct sys_heap *heap, size_t align, size_t bytes)
{
	void *mem = z_heap_aligned_alloc_nn(heap, align, bytes);

	if (Z_HEAP_LISTENER && mem != NULL) {
		z_heap_notify_alloc(heap, mem);
	}
	return mem;
}
