/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap_init() and the free path shared by free, realloc and aligned alloc.
 */
#include <string.h>

#define Z_HEAP_DEFINE_HELPERS
#include "heap.h"

static struct z_heap z_heap_unusable; /* max_bytes 0 and end 0: every call fails cleanly */

void sys_heap_init(struct sys_heap *heap, void *mem, size_t bytes)
{
	uintptr_t start = (uintptr_t)mem;
	uintptr_t limit = start + bytes;
	uintptr_t base = (start + HDR_BYTES + CHUNK_UNIT - 1u) & ~(uintptr_t)(CHUNK_UNIT - 1u);

	heap->init_mem = mem;
	heap->init_bytes = bytes;
	heap->heap = &z_heap_unusable;
	if (mem == NULL || limit < start || base >= limit) {
		goto bad;
	}

	size_t end = (limit - base) / CHUNK_UNIT;
	size_t top = end < MAX_CHUNK ? end : MAX_CHUNK;
	unsigned int nb_classes = size_class(top) + 1u;
	size_t hdr_bytes = sizeof(struct z_heap) + nb_classes * sizeof(chunkid_t);
	size_t chunk0 = (hdr_bytes + HDR_BYTES + CHUNK_UNIT - 1u) / CHUNK_UNIT;

	if (end < chunk0 + MIN_CHUNK) {
		goto bad;
	}
#if SIZE_MAX > UINT32_MAX
	if (end > UINT32_MAX) {
		goto bad; /* beyond 32-bit chunk indices: 32 GiB */
	}
#endif

	struct z_heap *h = (struct z_heap *)base;
	size_t units = end - chunk0;

	memset(h, 0, hdr_bytes);
	h->end = (chunkid_t)end;
	h->first = (chunkid_t)chunk0;
	h->max_units = (chunkid_t)(units < MAX_CHUNK ? units : MAX_CHUNK);
	h->nb_classes = (chunkid_t)nb_classes;
	h->max_bytes = chunk_usable(h->max_units);
	h->fit_limit = h->max_bytes;
	h->first_mem = (uintptr_t)chunk_mem(h, chunk0);
	h->nb_units = units;
	set_size_used(h, 0, chunk0, true);

	/*
	 * Free segments of at most MAX_CHUNK units, each followed by a one-unit used chunk: a
	 * fence, or for the last segment the end marker. A segment cut short keeps room for a
	 * last one of at least MIN_CHUNK units.
	 */
	size_t c = chunk0;
	size_t left = chunk0;

	do {
		size_t n = end - c;

		if (n > MAX_CHUNK) {
			n = MAX_CHUNK - MIN_CHUNK;
		}
		set_size_used(h, c, n, false);
		set_left_size(h, c, left);
		z_heap_list_add(h, c, n);
		c += n;
		set_size_used(h, c, FENCE_UNITS, true);
		set_left_size(h, c, n);
		c += FENCE_UNITS;
		left = FENCE_UNITS;
	} while (c < end);
	heap->heap = h;
	return;
bad:
	z_heap_report(heap, mem, SYS_HEAP_ERR_BAD_INIT);
}

void z_heap_free_chunk(struct z_heap *h, size_t c)
{
	h->fit_limit = h->max_bytes;
	size_t units = chunk_size(h, c);
	size_t r = c + units;

	if (!chunk_used(h, r)) {
		size_t ru = chunk_size(h, r);

		if (ru >= MIN_CHUNK) {
			z_heap_list_remove(h, r, ru);
		}
		units += ru;
	}
	if (!chunk_used(h, c - left_size(h, c))) {
		size_t lu = left_size(h, c);

		c -= lu;
		if (lu >= MIN_CHUNK) {
			z_heap_list_remove(h, c, lu);
		}
		units += lu;
	}
	set_size_used(h, c, units, false);
	set_left_size(h, c + units, units);
	if (units >= MIN_CHUNK) {
		z_heap_list_add(h, c, units);
	}
}

void z_heap_trim(struct z_heap *h, size_t c, size_t units)
{
	size_t have = chunk_size(h, c);

	if (have - units >= MIN_SPLIT) {
		stats_free(h, have - units);
		z_heap_split(h, c, have, units);
		set_size_used(h, c, units, true);
		z_heap_free_chunk(h, c + units);
	}
}
