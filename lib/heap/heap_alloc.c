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
 * Take a free chunk of at least @p units: the request's own class is probed when it also holds
 * smaller chunks, then the first non-empty larger class gives its head (every chunk there
 * fits). The tail beyond the request goes back on a list. Returns the chunk, 0 on failure.
 */
Z_HEAP_HOT size_t alloc_impl(struct sys_heap *heap, bool big, size_t units)
{
	const struct zh zv = zh_get(heap, big);
	const struct zh *z = &zv;
	struct z_heap *h = z->h;
	unsigned int k;
	size_t c;

	if (units < CLS_X(big)) {
		k = (unsigned int)units; /* exact class: every chunk on it fits */
	} else {
		unsigned int sh = z_msb((uint32_t)units) - CLS_SL(big);

		k = (sh << CLS_SL(big)) + (unsigned int)(units >> sh) - CLS_OFF(big);
		int probes = (units & (((size_t)1 << sh) - 1u)) != 0u ? CONFIG_SYS_HEAP_ALLOC_PROBES
								       : -1;

		if (k >= z->kmax) {
			/*
			 * Nothing lies above the last class (which, when capped, also holds every
			 * larger size): probe it, its head at least even with probes set to 0.
			 */
			if (k > z->kmax) {
				k = z->kmax;
				probes = CONFIG_SYS_HEAP_ALLOC_PROBES;
			}
			if (probes == 0) {
				probes = 1;
			}
		}
		if (probes >= 0) {
			/* Class k also holds chunks smaller than the request: probe a few. */
			c = head_get(h, big, k);
			for (int i = 0; c != 0u && i < probes; i++) {
#if Z_HEAP_LEVEL >= 2
				if (!zh_in_range(z, c)) {
					goto corrupt;
				}
#endif
				if (chunk_size(h, big, c) >= units) {
					goto found;
				}
				c = link_get(h, big, c, 1);
			}
			k++; /* every chunk of class k + 1 and above fits */
		}
	}

	/* First non-empty class from k up. */
	uint64_t m = k < 64u ? heap->bitmap & (~(uint64_t)0 << k) : 0u;

	if (m == 0u) {
		note_failure(heap, big, units);
		return 0;
	}
	k = z_ctz64(m);
	c = head_get(h, big, k);
#if Z_HEAP_LEVEL >= 2
	if (!zh_in_range(z, c)) {
		goto corrupt;
	}
#endif
found:;
	size_t w = hdr_get(h, big, c, 0);
	size_t su = w >> 1;
	size_t tu = su - units;
	unsigned int tk = 0;

	if (tu >= min_chunk(big)) {
		tk = class_of(big, z->kmax, tu);
	}
#if Z_HEAP_LEVEL >= 2
	/* A chunk off a list must be free, fit, end in the heap, be echoed and linked back. */
	if ((w & 1u) != 0u || su < units || su > z->end - c || left_size(h, big, c + su) != su ||
	    !links_ok(z, c, k) || (tk != 0u && !head_ok(z, tk, c, 0))) {
		goto corrupt;
	}
#endif
	list_remove(z, c, k);
	if (tk != 0u) {
		size_t t = c + units;

		set_size_used(h, big, t, tu, false);
		set_left_size(h, big, t, units);
		set_left_size(h, big, c + su, tu);
		list_add(z, t, tk);
		su = units;
	}
	set_size_used(h, big, c, su, true);
	stats_alloc(heap, su);
	return c;
#if Z_HEAP_LEVEL >= 2
corrupt:
	z_heap_report(heap, chunk_mem(h, c), SYS_HEAP_ERR_CORRUPT_HEADER);
	return 0;
#endif
}

size_t z_heap_alloc_chunk(struct sys_heap *heap, size_t units)
{
#if Z_HEAP_SPECIALIZE
	if (heap->big) {
		return alloc_impl(heap, true, units);
	}
	return alloc_impl(heap, false, units);
#else
	return alloc_impl(heap, heap->big, units);
#endif
}

/* sys_heap_alloc() without the listener notification. */
Z_HEAP_HOT void *alloc_nn(struct sys_heap *heap, size_t bytes)
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
	size_t c;

#if Z_HEAP_SPECIALIZE
	if (heap->big) {
		c = alloc_impl(heap, true, bytes_to_units(true, bytes));
	} else {
		c = alloc_impl(heap, false, bytes_to_units(false, bytes));
	}
#else
	c = alloc_impl(heap, heap->big, bytes_to_units(heap->big, bytes));
#endif
	if (c == 0u) {
		return NULL;
	}
#if Z_HEAP_CANARY
	z_heap_canary_set(heap, c);
#endif
	return chunk_mem(heap->heap, c);
}

void *z_heap_alloc_nn(struct sys_heap *heap, size_t bytes)
{
	return alloc_nn(heap, bytes);
}

void *sys_heap_alloc(struct sys_heap *heap, size_t bytes)
{
	void *mem = alloc_nn(heap, bytes);

	if (Z_HEAP_LISTENER && mem != NULL) {
		z_heap_notify_alloc(heap, mem);
	}
	return mem;
}

/*
 * sys_heap_aligned_alloc() for alignments above a unit, one copy per layout in speed builds:
 * a chunk large enough for any leading gap, the gap given back, the tail trimmed.
 */
Z_HEAP_HOT void *aligned_impl(struct sys_heap *heap, bool big, size_t align, size_t bytes)
{
	struct z_heap *h = heap->heap;

	if (bytes - 1u >= heap_max_bytes(heap, big)) {
		return NULL;
	}

	/*
	 * Room for the request plus the largest leading gap: align - 8 bytes; in the big layout
	 * a one-unit gap cannot stand alone and becomes align + 8 bytes.
	 */
	size_t units = bytes_to_units(big, bytes);
	size_t room = heap->end - heap->first;
	size_t pad = align / CHUNK_UNIT - 1u + 2u * (min_chunk(big) - 1u);

	if (pad >= room || units > room - pad) {
		return NULL;
	}
	size_t saved_max = stats_max_save(heap);
#if Z_HEAP_SPECIALIZE
	size_t c = alloc_impl(heap, big, units + pad);
#else
	size_t c = z_heap_alloc_chunk(heap, units + pad);
#endif

	if (c == 0u) {
		return NULL;
	}

	uintptr_t mem = (uintptr_t)chunk_mem(h, c);
	uintptr_t aligned = (mem + align - 1u) & ~(uintptr_t)(align - 1u);

	if (aligned != mem && aligned - mem < min_chunk(big) * CHUNK_UNIT) {
		aligned += align; /* a leading gap must be a chunk of its own */
	}

	size_t a = (aligned - (uintptr_t)h) / CHUNK_UNIT;

	if (a != c) {
		/* Give the leading gap back (merged with a free left neighbour). */
		size_t have = chunk_size(h, big, c);
		size_t gap = a - c;

		set_size_used(h, big, a, have - gap, true);
		set_left_size(h, big, a, gap);
		set_left_size(h, big, c + have, have - gap);
		set_size_used(h, big, c, gap, true);
		if (!z_heap_free_chunk(heap, c, (void *)aligned)) {
			return NULL; /* corruption reported: the heap stays consistent, the gap leaks */
		}
		stats_free(heap, gap);
	}
	if (!z_heap_trim(heap, a, units)) {
		return NULL;
	}
	stats_max_settle(heap, saved_max);
#if Z_HEAP_CANARY
	z_heap_canary_set(heap, a);
#endif
	return (void *)aligned;
}

/* sys_heap_aligned_alloc() without the listener notification (for realloc). */
void *z_heap_aligned_alloc_nn(struct sys_heap *heap, size_t align, size_t bytes)
{
	if ((align & (align - 1u)) != 0u) {
		z_heap_bad_align(heap, align);
		return NULL;
	}
	if (align <= CHUNK_UNIT) {
		return z_heap_alloc_nn(heap, bytes);
	}
#if Z_HEAP_SPECIALIZE
	if (heap->big) {
		return aligned_impl(heap, true, align, bytes);
	}
	return aligned_impl(heap, false, align, bytes);
#else
	return aligned_impl(heap, heap->big, align, bytes);
#endif
}

void *sys_heap_aligned_alloc(struct sys_heap *heap, size_t align, size_t bytes)
{
	void *mem = z_heap_aligned_alloc_nn(heap, align, bytes);

	if (Z_HEAP_LISTENER && mem != NULL) {
		z_heap_notify_alloc(heap, mem);
	}
	return mem;
}
