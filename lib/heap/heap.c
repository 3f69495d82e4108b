/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap_init() and the free path shared by realloc and aligned allocation.
 */
#include <string.h>

#define Z_HEAP_DEFINE_OPS
#include "heap_ops.h"

/* Grid origin of a heap that failed to initialize: end 0, so every call fails cleanly. */
static uint64_t z_heap_unusable[2];

/*
 * Units chunk 0 takes (its header, then the list heads) in a heap whose end marker is chunk
 * @p end: the size Zephyr's heap header takes in the same buffer, so that the largest block is
 * never smaller than Zephyr's (3 + floor(log2(end - 1) / 2) units is (20 + 4 log2(end - 1))
 * bytes rounded up to whole units). Z_HEAP_F_() in sys_heap.h is the same rule.
 */
static size_t first_units(size_t end)
{
	return 3u + z_msb((uint32_t)(end - 1u)) / 2u;
}

void sys_heap_init(struct sys_heap *heap, void *mem, size_t bytes)
{
	uintptr_t start = (uintptr_t)mem;
	uintptr_t limit = start + bytes;

	heap->init_mem = mem;
	heap->init_bytes = bytes;
	heap->heap = (struct z_heap *)(void *)z_heap_unusable;
	heap->fit_limit = 0;
	heap->allocated_bytes = 0;
	heap->max_allocated_bytes = 0;
	heap->end = 0;
	heap->bitmap = 0;
	heap->first = 0;
	heap->big = 0;
	heap->kmax = 0;
	if (mem == NULL || limit < start) {
		goto bad;
	}

	/* Small layout when the heap has at most 32767 units, else 8-byte headers. */
	bool big = false;
	uintptr_t g = (start + 4u + CHUNK_UNIT - 1u) & ~(uintptr_t)(CHUNK_UNIT - 1u);

	if (g >= limit || (limit - g) / CHUNK_UNIT < 2u) {
		goto bad;
	}
	size_t end = (limit - g) / CHUNK_UNIT;

	if (end > SMALL_MAX_END) {
		big = true;
		g = (start + 8u + CHUNK_UNIT - 1u) & ~(uintptr_t)(CHUNK_UNIT - 1u);
		end = (limit - g) / CHUNK_UNIT;
		if (end > 0x7fffffffu) {
			end = 0x7fffffffu; /* 31-bit sizes: the rest of a 16 GiB+ buffer is unused */
		}
	}
	size_t first = first_units(end);

	if (end < first + bytes_to_units(big, 1)) { /* room for one block of one byte */
		goto bad;
	}
	struct z_heap *h = (struct z_heap *)g;
	size_t n = end - first;

	/* As many classes as the largest chunk needs, as far as chunk 0 has room for heads. */
	size_t cap = (first * CHUNK_UNIT - hdr_bytes(big)) / (big ? 4u : 2u);
	unsigned int kmax = class_raw(big, n);

	if (kmax > cap) {
		kmax = (unsigned int)cap;
	}
	if (kmax > 63u) {
		kmax = 63u;
	}

	memset(h, 0, first * CHUNK_UNIT - hdr_bytes(big));
	heap->heap = h;
	heap->end = (uint32_t)end;
	heap->first = (uint16_t)first;
	heap->big = big;
	heap->kmax = (uint8_t)kmax;
	set_size_used(h, big, 0, first, true);
	set_left_size(h, big, 0, 0);
	set_size_used(h, big, first, n, false);
	set_left_size(h, big, first, first);
	set_size_used(h, big, end, 0, true);
	set_left_size(h, big, end, n);
	struct zh z = zh_get(heap, big);

	list_add(&z, first, class_of(big, kmax, n));
	heap->fit_limit = heap_max_bytes(heap, big);
	return;
bad:
	z_heap_report(heap, mem, SYS_HEAP_ERR_BAD_INIT);
}

bool z_heap_free_chunk(struct sys_heap *heap, size_t c, void *mem)
{
#if Z_HEAP_SPECIALIZE
	if (heap->big) {
		struct zh z = zh_get(heap, true);

		return free_chunk_impl(&z, c, mem, NULL);
	}
	struct zh z = zh_get(heap, false);
#else
	struct zh z = zh_get(heap, heap->big);
#endif
	return free_chunk_impl(&z, c, mem, NULL);
}

bool z_heap_free_ok(struct sys_heap *heap, size_t c)
{
	struct zh z = zh_get(heap, heap->big);
	struct zfree f;

	return free_plan(&z, c, &f, NULL);
}

bool z_heap_trim(struct sys_heap *heap, size_t c, size_t units)
{
	struct z_heap *h = heap->heap;
	bool big = heap->big;
	size_t have = chunk_size(h, big, c);

	if (have - units < min_chunk(big)) {
		return true;
	}
	size_t t = c + units;
	uint32_t saved[2];

	/* The tail becomes a used chunk, then is freed (merging right): undone if that fails. */
	memcpy(saved, chunk_ptr(h, t) - hdr_bytes(big), hdr_bytes(big));
	set_size_used(h, big, t, have - units, true);
	set_left_size(h, big, t, units);
	set_left_size(h, big, c + have, have - units);
	set_size_used(h, big, c, units, true);
	if (!z_heap_free_chunk(heap, t, chunk_mem(h, c))) {
		memcpy(chunk_ptr(h, t) - hdr_bytes(big), saved, hdr_bytes(big));
		set_size_used(h, big, c, have, true);
		set_left_size(h, big, c + have, have);
		return false;
	}
	stats_free(heap, have - units);
	return true;
}
