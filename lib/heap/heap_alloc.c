/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Allocation: class search, bounded best-fit probe, split; aligned allocation.
 */
#include "heap.h"

/* Take chunk c of @p have units (already unlinked) for a request of @p units. */
Z_HEAP_HOT void *take_chunk(struct z_heap *h, size_t c, size_t have, size_t units)
{
	if (have - units >= MIN_SPLIT) {
		/* The tail stays free; a one-unit tail is dust, too small for a list. */
		z_heap_split(h, c, have, units);
		if (have - units >= MIN_CHUNK) {
			z_heap_list_add(h, c + units, have - units);
		}
		have = units;
	}
	set_size_used(h, c, have, true);
	stats_alloc(h, have);
	return chunk_mem(h, c);
}

/* Take the first chunk of own class k holding @p units; NULL when the probe fails. */
Z_HEAP_HOT void *probe_class(struct z_heap *h, unsigned int k, size_t units)
{
	size_t c = h->free_list[k];

	for (int i = 0; c != 0u && i < CONFIG_SYS_HEAP_ALLOC_PROBES; i++) {
		size_t have = chunk_size(h, c);

		if (have >= units) {
			z_heap_list_remove(h, c, have);
			return take_chunk(h, c, have, units);
		}
		c = next_free(h, c);
	}
	return NULL;
}

/* Nothing of @p units or more fits until something is freed: fail such requests at once. */
static void note_failure(struct z_heap *h, size_t units)
{
	/* units >= MIN_CHUNK here; failing at MIN_CHUNK means nothing fits at all */
	h->fit_limit = units > MIN_CHUNK ? chunk_usable(units - 1u) : 0u;
}

/* Unlink chunk @p c, the head of list @p k. */
Z_HEAP_HOT void pop_head(struct z_heap *h, unsigned int k, size_t c)
{
#if Z_HEAP_SHARED_HELPERS
	(void)k;
	z_heap_list_remove(h, c, chunk_size(h, c)); /* same effect, no second copy */
#else
	chunkid_t n = next_free(h, c);

	h->free_list[k] = n;
	if (n != 0u) {
		chunk_links(h, n)[0] = 0;
	} else {
		bitmap_clear(h, k);
	}
#endif
}

Z_HEAP_HOT void *alloc_mem(struct z_heap *h, size_t units)
{
	unsigned int k;
	size_t c;

	if (units < EXACT_UNITS) {
#if !Z_HEAP_SHARED_HELPERS
		/*
		 * Small sizes have a list each: an exact fit is one pop, the common case. (A
		 * shortcut only: the bitmap search below finds the same chunk.)
		 */
		c = h->free_list[units];
		if (c != 0u) {
			pop_head(h, (unsigned int)units, c);
			set_size_used(h, c, units, true);
			stats_alloc(h, units);
			return chunk_mem(h, c);
		}
		/* The list of this size is empty (always so below MIN_CHUNK). */
		if (units < MIN_CHUNK) {
			units = MIN_CHUNK;
			k = MIN_CHUNK;
		} else {
			k = (unsigned int)units + 1u;
		}
#else
		units = units < MIN_CHUNK ? MIN_CHUNK : units;
		k = (unsigned int)units;
#endif
	} else {
		unsigned int sh = z_msb((uint32_t)units) - SL_BITS;

		k = (sh << SL_BITS) + (unsigned int)(units >> sh);
		if ((units & ((1u << sh) - 1u)) != 0u) {
			/* Class k also holds chunks smaller than the request: probe a few. */
			void *mem = probe_class(h, k, units);

			if (mem != NULL) {
				return mem;
			}
			k++; /* every chunk of class k + 1 and above fits */
		}
	}

	/* First non-empty class from k up: the bitmap word of k, else the next word. */
	unsigned int w = k >> 5;
	uint32_t m = h->bitmap[w] & (~0u << (k & 31u));

	if (m == 0u) {
		uint32_t s = h->summary & (~1u << w);

		if (s == 0u) {
			note_failure(h, units);
			return NULL;
		}
		w = (unsigned int)__builtin_ctz(s);
		m = h->bitmap[w];
	}
	k = (w << 5) | (unsigned int)__builtin_ctz(m);
	c = h->free_list[k];
	pop_head(h, k, c);
	return take_chunk(h, c, chunk_size(h, c), units);
}

size_t z_heap_alloc_chunk(struct z_heap *h, size_t units)
{
	void *mem = alloc_mem(h, units);

	return mem != NULL ? (size_t)((uint8_t *)mem - (uint8_t *)h) / CHUNK_UNIT : 0u;
}

void *sys_heap_alloc(struct sys_heap *heap, size_t bytes)
{
	struct z_heap *h = heap->heap;

	if (bytes - 1u >= h->fit_limit) {
		return NULL; /* 0 bytes, more than the heap holds, or known not to fit now */
	}
#if Z_HEAP_SHARED_HELPERS || Z_HEAP_CANARY
	size_t c = z_heap_alloc_chunk(h, bytes_to_units_raw(bytes));

	if (c == 0u) {
		return NULL;
	}
#if Z_HEAP_CANARY
	z_heap_canary_set(h, c);
#endif
	return chunk_mem(h, c);
#else
	return alloc_mem(h, bytes_to_units_raw(bytes));
#endif
}

void *sys_heap_aligned_alloc(struct sys_heap *heap, size_t align, size_t bytes)
{
	struct z_heap *h = heap->heap;

	if ((align & (align - 1u)) != 0u) {
		return NULL;
	}
	if (align <= CHUNK_UNIT) {
		return sys_heap_alloc(heap, bytes);
	}
	if (bytes - 1u >= h->max_bytes) {
		return NULL;
	}

	/* Room for the request plus the largest leading gap (align - 8 bytes, or more when a
	 * one-unit gap cannot stand alone). */
	size_t units = bytes_to_units(bytes);
	size_t total = units + align / CHUNK_UNIT - 1u + (MIN_SPLIT > 1u ? MIN_SPLIT : 0u);

	if (total > h->max_units) {
		return NULL;
	}
	size_t saved_max = stats_max_save(h);
	size_t c = z_heap_alloc_chunk(h, total);

	if (c == 0u) {
		return NULL;
	}

	uintptr_t mem = (uintptr_t)chunk_mem(h, c);
	uintptr_t aligned = (mem + align - 1u) & ~(uintptr_t)(align - 1u);

	if (aligned != mem && aligned - mem < MIN_SPLIT * CHUNK_UNIT) {
		aligned +=
		    align; /* a gap too small to stand alone (only when dust is impossible) */
	}

	size_t a = (aligned - (uintptr_t)h) / CHUNK_UNIT;

	if (a != c) {
		/* Give the leading gap back: a free chunk, or dust when one unit. */
		size_t have = chunk_size(h, c);
		size_t gap = a - c;

		z_heap_split(h, c, have, gap);
		set_size_used(h, a, have - gap, true);
		set_size_used(h, c, gap, false);
		stats_free(h, gap);
		z_heap_free_chunk(h, c);
	}
	z_heap_trim(h, a, units);
	stats_max_settle(h, saved_max);
#if Z_HEAP_CANARY
	z_heap_canary_set(h, a);
#endif
	return (void *)aligned;
}
