/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap_init(), and the size build's one copy of each list operation.
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

#if !Z_HEAP_SPECIALIZE
#if Z_HEAP_COMPACT
/* (Not inlined into sys_heap_init(): one copy of the class computation, class_raw() inlined.) */
__attribute__((noinline))
#endif
#if Z_HEAP_ONE_LAY && Z_HEAP_COMPACT
unsigned int z_heap_class_of(unsigned int kmax, size_t units)
{
	unsigned int k = class_raw(Z_HEAP_ONLY_BIG ? (zl_t)Z_LAY_BIG : (zl_t)Z_LAY_SMALL, units);
#else
unsigned int z_heap_class_of(zl_t lay, unsigned int kmax, size_t units)
{
	unsigned int k = class_raw(lay, units);
#endif

	return k < kmax ? k : kmax;
}

/* The size build's one copy of each op (heap_ops.h): the heap's bounds read here. */
#define ZH_LOCAL struct zh z = zh_get(heap, Z_HEAP_LAY(heap))

void z_heap_list_remove(struct sys_heap *heap, size_t c, unsigned int k)
{
	ZH_LOCAL;
	if (Z_HEAP_COMPACT && Z_HEAP_LEVEL < 2) {
		k = class_of(z.lay, z.kmax, chunk_size(z.h, z.lay, c)); /* (heap_ops.h) */
	}
	zb_list_remove(&z, c, k);
}

#if Z_HEAP_ADD_FINDS_CLASS
void z_heap_list_add(struct sys_heap *heap, size_t c, size_t units)
{
	ZH_LOCAL;
	if (Z_HEAP_COMPACT) {
		/* Compact: every caller makes c a free chunk of @p units here. */
		set_size_used(z.h, z.lay, c, units, false);
		set_left_size(z.h, z.lay, c + units, units);
	}
	zb_list_add(&z, c, class_of(z.lay, z.kmax, units), units);
}
#else
void z_heap_list_add(struct sys_heap *heap, size_t c, unsigned int k, size_t units)
{
	ZH_LOCAL;
	zb_list_add(&z, c, k, units);
}
#endif

#if Z_HEAP_COMPACT
size_t z_heap_carve(struct sys_heap *heap, size_t c, size_t units, size_t have, size_t below)
{
	zl_t lay = Z_HEAP_LAY(heap);

	if (below != 0u) {
		z_heap_list_add(heap, c - below, below);
	}

	if (have - units >= min_chunk(lay)) {
		z_heap_list_add(heap, c + units, have - units);
		have = units;
	}
	set_size_used(heap->heap, lay, c, have, true);
	set_left_size(heap->heap, lay, c + have, have);
	return have;
}
#endif

void z_heap_list_replace(struct sys_heap *heap, size_t old, size_t c, unsigned int k)
{
	ZH_LOCAL;
	zb_list_replace(&z, old, c, k);
}

size_t z_heap_cut_top(struct sys_heap *heap, size_t c, unsigned int k, size_t tu)
{
	ZH_LOCAL;
	return zb_cut_top(&z, c, k, tu);
}

bool z_heap_links_ok(struct sys_heap *heap, size_t c, unsigned int k)
{
	ZH_LOCAL;
	return zb_links_ok(&z, c, k);
}

bool z_heap_head_ok(struct sys_heap *heap, unsigned int k, size_t skip1, size_t skip2)
{
	ZH_LOCAL;
	return zb_head_ok(&z, k, skip1, skip2);
}

#if Z_HEAP_LEVEL >= 2
bool z_heap_free_merge(struct sys_heap *heap, size_t c, size_t units, size_t lu, size_t rw,
		       size_t lw, bool apply)
{
	ZH_LOCAL;
	return zb_free_merge(&z, c, units, lu, rw, lw, apply);
}
#else
void z_heap_free_merge(struct sys_heap *heap, size_t c, size_t units, size_t lu, size_t rw,
		       size_t lw)
{
	ZH_LOCAL;
	(void)zb_free_merge(&z, c, units, lu, rw, lw, true);
}
#endif
#endif

void sys_heap_init(struct sys_heap *heap, void *mem, size_t bytes)
{
	uintptr_t start = (uintptr_t)mem;
	uintptr_t limit = start + bytes;
	/*
	 * Small layout when the heap has at most 32767 units (4-byte units first where they are
	 * built, then 8-byte ones), else 8-byte headers (AUTO); with one layout built, that one
	 * (SMALL_ONLY uses at most 32767 8-byte units of a larger buffer).
	 */
	zl_t lay = Z_HEAP_ONLY_BIG ? Z_LAY_BIG : Z_LAY_SMALL;
	uintptr_t g = (start + hdr_bytes(lay) + CHUNK_UNIT - 1u) & ~(uintptr_t)(CHUNK_UNIT - 1u);
	size_t end = 0;

	/*
	 * Every other field 0: end 0 makes every call fail cleanly until the heap is set up (the
	 * layout a valid one, so that no unit shift is 0).
	 */
	*heap = (struct sys_heap)
	{
		.heap = (struct z_heap *)(void *)z_heap_unusable, .init_mem = mem,
		.init_bytes = bytes,
#if Z_HEAP_UNIT4
		.lay = (uint8_t)Z_LAY_SMALL4,
#endif
	};
	if (mem != NULL && limit >= start && g < limit) {
		end = (limit - g) / CHUNK_UNIT;
	}
#if Z_HEAP_UNIT4
	/* 4-byte units: the grid origin 4-aligned, after chunk 0's 4-byte header. */
	uintptr_t g4 = (start + 7u) & ~(uintptr_t)3u;

	if (mem != NULL && limit >= start && g4 < limit && (limit - g4) / 4u <= SMALL_MAX_END) {
		lay = Z_LAY_SMALL4;
		g = g4;
		end = (limit - g4) / 4u;
	}
#endif
	if (!LAY_BIG(lay) && !LAY_U4(lay) && end > SMALL_MAX_END) {
		if (Z_HEAP_ONLY_SMALL) {
			end = SMALL_MAX_END;
		} else {
			lay = Z_LAY_BIG;
			g = (start + 8u + CHUNK_UNIT - 1u) & ~(uintptr_t)(CHUNK_UNIT - 1u);
			end = (limit - g) / CHUNK_UNIT;
		}
	}
	if (end > 0x7fffffffu) {
		end = 0x7fffffffu; /* 31-bit sizes: the rest of a 16 GiB+ buffer is unused */
	}
	/*
	 * Chunk 0 takes at least 3 units: with fewer than 4 there is no room for a block. With
	 * 4-byte units it takes the bytes it takes with 8-byte units in a heap of half the units
	 * (Z_HEAP_F4_() in sys_heap.h).
	 */
	size_t first = LAY_U4(lay) ? (end < 8u ? end : 2u * first_units(end >> 1))
				   : (end < 4u ? end : first_units(end));
	size_t n = end - first;

	if (n < bytes_to_units(lay, 1)) { /* room for one block of one byte */
		z_heap_report(heap, mem, SYS_HEAP_ERR_BAD_INIT);
		return;
	}
	struct z_heap *h = (struct z_heap *)g;
	size_t hb = hdr_bytes(lay);

	/*
	 * As many classes as the largest chunk needs, as far as chunk 0 has room for heads (at
	 * most (8 * 10 - 4) / 2 = 38 small, (4 * 18 - 4) / 2 + 1 = 35 with 4-byte units, or
	 * (8 * 18 - 8) / 4 = 34 big ones: within the bitmap).
	 */
	size_t cap = LAY_BIG(lay) ? (first * UNIT(lay) - hb) / 4u
				  : (first * UNIT(lay) - hb) / 2u + min_chunk(lay) - 1u;
#if !Z_HEAP_COMPACT
	unsigned int kmax = class_raw(lay, n);

	if (kmax > cap) {
		kmax = (unsigned int)cap;
		/* A capped last class holds chunks of any larger size: it keeps a hint
		 * (heap_ops.h). */
		heap->cap_class = (uint8_t)kmax;
	}
#else
	/*
	 * Compact: the shared class function (then the only user of class_raw()); the last class
	 * keeps the hint whether capped or not (a chunk of the last class that the probe misses
	 * is found there too).
	 */
	unsigned int kmax = class_of(lay, (unsigned int)cap, n);

	heap->cap_class = (uint8_t)kmax;
#endif
	/* The list heads empty (compact: chunk 0's whole header too, its left size 0). */
	memset((uint8_t *)h - (Z_HEAP_COMPACT ? hb : 0u), 0,
	       first * UNIT(lay) - (Z_HEAP_COMPACT ? 0u : hb));
	heap->heap = h;
	heap->end = (uint32_t)end;
	heap->first = (uint16_t)first;
	if (!Z_HEAP_ONLY_SMALL || Z_HEAP_UNIT4) {
		heap->lay = (uint8_t)lay; /* (0 already when only the small layout is built) */
	}
	heap->kmax = (uint8_t)kmax;
	set_size_used(h, lay, 0, first, true);
	if (!Z_HEAP_COMPACT) {
		set_left_size(h, lay, 0, 0);
	}
	set_left_size(h, lay, first, first);
	set_size_used(h, lay, end, 0, true);
	/* The rest is one free chunk between two used ones: it joins its list, sets the end
	 * marker's left size and raises the failed-size cache (0 so far) to its size. */
	struct zh z = zh_get(heap, lay);

#if Z_HEAP_COMPACT
	/* (Compact: list_add() writes the header and the end marker's left size; no cache:
	 * fit_limit is the largest request, for good.) */
	list_add(&z, first, 0u, n);
	heap->fit_limit = block_usable(lay, n);
#else
	(void)free_merge(&z, first, n, first, 1u, 1u, true);
#endif
#if Z_HEAP_ARRAY_SIZE > 0
	(void)sys_heap_array_save(heap); /* a full array: the heap works, it is just not listed */
#endif
}
