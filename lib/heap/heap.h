/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Private layout of a sys_heap: chunks, size classes, free lists and their bitmap.
 *
 * The buffer is cut into chunks on a grid of units of U = 8 bytes (4 in small4 heaps). Chunk
 * c's payload starts at (char *)h + U * c, where h (the grid origin, sys_heap.heap) is
 * U-aligned, and its header is the HB bytes before that. Every heap picks its layout at
 * sys_heap_init() from its size:
 *
 * - small4 (32-bit targets with CONFIG_SYS_HEAP_SMALL_UNIT4, at most 32767 4-byte units,
 *   128 KiB): the small layout's fields on 4-byte units; the smallest chunk is two units.
 * - small (at most 32767 units, 256 KiB): 16-bit fields. A header is 4 bytes (size << 1 |
 *   used, left neighbour's size), a free chunk holds two 16-bit list links, so the smallest
 *   chunk is one unit and every free chunk fits on a list.
 * - big: 32-bit fields: 8-byte headers, 32-bit links, chunks of two units or more.
 *
 * Chunk 0 is a used chunk (its header just before h) whose payload holds the list heads
 * (16- or 32-bit chunk indices, one per size class); the end marker (index end) is a
 * header-only used chunk, so every real chunk has used neighbours at both ends of the heap.
 * The rest of the bookkeeping (end, first chunk, class layout, bitmap, failed-size cache,
 * statistics) lives in struct sys_heap, outside the buffer, where no overflow can reach it.
 *
 * Size classes are TLSF-like: exact sizes below 16 units (small layouts; 4 big), then four
 * classes per power of two up to 255 units and one per power of two above (small; one per power
 * of two throughout in the big layout), as many as chunk 0 has room for heads (below).
 */
#ifndef ZMEM_LIB_HEAP_HEAP_H_
#define ZMEM_LIB_HEAP_HEAP_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zephyr/sys/sys_heap.h>

/* ---- configuration (every symbol has a default, so no configuration header is needed) ---- */

#ifndef CONFIG_SYS_HEAP_HARDENING_LEVEL
#define CONFIG_SYS_HEAP_HARDENING_LEVEL 2
#endif
/** 0 none, 1 basic (free checks), 2 moderate (checked lists), 3 full (canary), 4 extreme. */
#define Z_HEAP_LEVEL CONFIG_SYS_HEAP_HARDENING_LEVEL

#define Z_HEAP_STATS SYS_HEAP_STATS_ENABLED

#if (defined(CONFIG_SYS_HEAP_CANARY) && CONFIG_SYS_HEAP_CANARY) || Z_HEAP_LEVEL >= 3
#define Z_HEAP_CANARY 1
#else
#define Z_HEAP_CANARY 0
#endif

/*
 * Listener notifications (CONFIG_SYS_HEAP_LISTENER, Kconfig default y) need lib/heap_listener:
 * a core built without a configuration header (Cortex-M, -m32, size probes) or compiled alone
 * with -ffreestanding does not notify, as it may be linked without that library.
 */
#if defined(CONFIG_SYS_HEAP_LISTENER) && CONFIG_SYS_HEAP_LISTENER && __STDC_HOSTED__
#define Z_HEAP_LISTENER 1
#else
#define Z_HEAP_LISTENER 0
#endif

/**
 * Chunks of the request's own size class tried, before any larger class, when that class also
 * holds chunks smaller than the request (bounded best fit); 0 gives pure good fit.
 */
#ifndef CONFIG_SYS_HEAP_ALLOC_PROBES
/* (Without Kconfig: Zephyr's name for it, when given, at most 64 as Kconfig's range has it.) */
#if defined(CONFIG_SYS_HEAP_ALLOC_LOOPS)
#define CONFIG_SYS_HEAP_ALLOC_PROBES                                                               \
	(CONFIG_SYS_HEAP_ALLOC_LOOPS > 64 ? 64 : CONFIG_SYS_HEAP_ALLOC_LOOPS)
#else
#define CONFIG_SYS_HEAP_ALLOC_PROBES 3
#endif
#endif

/** Heaps sys_heap_init() remembers for sys_heap_array_get() (0: no array, no call). */
#if defined(CONFIG_SYS_HEAP_ARRAY_SIZE) && CONFIG_SYS_HEAP_ARRAY_SIZE > 0
#define Z_HEAP_ARRAY_SIZE CONFIG_SYS_HEAP_ARRAY_SIZE
#else
#define Z_HEAP_ARRAY_SIZE 0
#endif

/** Bytes a canary takes at the end of each used chunk. */
#define CANARY_BYTES (Z_HEAP_CANARY ? 4u : 0u)
/** Largest unit count of a small heap (15-bit sizes). */
#define SMALL_MAX_END 32767u

/* ---- layouts built (Zephyr's CONFIG_SYS_HEAP_SMALL_ONLY / BIG_ONLY / AUTO) ----
 *
 * AUTO (the default) builds both layouts and picks one per heap at init. SMALL_ONLY builds only
 * the 4-byte-header layout (a buffer over 32767 units then uses its first 32767: 256 KiB), as
 * Zephyr does where SRAM is at most 256 KiB; BIG_ONLY only the 8-byte one, for every heap size.
 * With one layout, Z_HEAP_LAY() is a constant and the other layout's code is never compiled.
 */
#if defined(CONFIG_SYS_HEAP_SMALL_ONLY) && CONFIG_SYS_HEAP_SMALL_ONLY
#define Z_HEAP_ONLY_SMALL 1
#define Z_HEAP_ONLY_BIG   0
#elif defined(CONFIG_SYS_HEAP_BIG_ONLY) && CONFIG_SYS_HEAP_BIG_ONLY
#define Z_HEAP_ONLY_SMALL 0
#define Z_HEAP_ONLY_BIG   1
#else
#define Z_HEAP_ONLY_SMALL 0
#define Z_HEAP_ONLY_BIG   0
#endif

/*
 * 4-byte chunk units (CONFIG_SYS_HEAP_SMALL_UNIT4, Kconfig default y) for small heaps of at most
 * 32767 4-byte units (128 KiB), only where pointers are 32-bit: a 64-bit host keeps 8-byte units
 * everywhere (its blocks stay 8-aligned and its code does not change). Decided in sys_heap.h,
 * whose Z_HEAP_MIN_SIZE_FOR() depends on it too.
 */
#define Z_HEAP_UNIT4 SYS_HEAP_UNIT4_ENABLED

/*
 * A heap's layout (struct sys_heap.lay, passed as zl_t lay to every accessor). Without 4-byte
 * units there are two and zl_t is a bool (0 small, 1 big), so 64-bit hosts build exactly the
 * code they built before. With them the value carries the unit: bits 0-1 are log2 of the
 * unit's bytes (3 small, 2 small with 4-byte units, "small4"), bit 2 the big layout (7), so
 * that a size build, which tests the layout at run time, finds the unit shift with one AND
 * (with only the small layouts built, the value itself). 0 (a heap that failed to initialize)
 * reads as small4 with unit shift 0: such a heap has no chunk, every call fails before one.
 */
#if Z_HEAP_UNIT4
typedef unsigned int zl_t;
#define Z_LAY_SMALL  3u
#define Z_LAY_BIG    7u
#define Z_LAY_SMALL4 2u
/** Is @p lay the big layout (8-byte headers, 32-bit links)? A constant with one layout built. */
#define LAY_BIG(lay) (Z_HEAP_ONLY_SMALL ? false : ((lay)&4u) != 0u)
/** Does @p lay use 4-byte units? */
#define LAY_U4(lay) (((lay)&1u) == 0u)
/** log2 of the bytes per chunk unit of @p lay, and the bytes. */
#define UNIT_SH(lay) (Z_HEAP_ONLY_SMALL ? (unsigned int)(lay) : (unsigned int)(lay)&3u)
#define UNIT(lay)    (1u << UNIT_SH(lay))
#else
typedef bool zl_t;
#define Z_LAY_SMALL  0u
#define Z_LAY_BIG    1u
#define LAY_BIG(lay) (Z_HEAP_ONLY_SMALL ? false : Z_HEAP_ONLY_BIG ? true : ((lay)&1u) != 0u)
#define LAY_U4(lay)  false
/* (Plain constants: the compiler sees the same expressions as before 4-byte units.) */
#define UNIT_SH(lay) ((void)(lay), 3u)
#define UNIT(lay)    ((void)(lay), 8u)
#endif
/** Largest chunk unit: the grid origin's alignment in the 8-byte-unit layouts. */
#define CHUNK_UNIT 8u

/** Is only one layout built (Z_HEAP_LAY() a constant)? */
#define Z_HEAP_ONE_LAY ((Z_HEAP_ONLY_SMALL && !Z_HEAP_UNIT4) || Z_HEAP_ONLY_BIG)

/** The layout of @p heap: a constant when only one is built. */
#define Z_HEAP_LAY(heap)                                                                           \
	(Z_HEAP_ONLY_BIG                      ? (zl_t)Z_LAY_BIG                                    \
	 : Z_HEAP_ONLY_SMALL && !Z_HEAP_UNIT4 ? (zl_t)Z_LAY_SMALL                                  \
					      : (zl_t)(heap)->lay)

/*
 * The compact policy (CONFIG_SYS_HEAP_COMPACT, Kconfig default n): the smallest code, at some
 * cost in utilization (docs/sys_heap.md, "Code size"). It builds the size build's code at any
 * optimization level and leaves out what only improves placement or speeds up failures: the
 * best of two, list places kept in merges and splits, realloc's growth into the left
 * neighbour, the failed-size cache and the aligned fit. Every hardening check stays, and so
 * does the last class's hint (without it a large request could fail beside a free chunk
 * that holds it).
 */
#if defined(CONFIG_SYS_HEAP_COMPACT) && CONFIG_SYS_HEAP_COMPACT
#define Z_HEAP_COMPACT 1
#else
#define Z_HEAP_COMPACT 0
#endif

/* ---- speed or size ----
 *
 * Built for speed (-O2) every entry point is specialized for both layouts (one test of
 * heap->big per call) and the helpers are inlined; built for size (-Os), or compact, one copy
 * tests the layout at each access. Unoptimized builds (-O0, a debug build) take the size
 * build's structure too: forced inlining there gave every inlined helper's locals their own
 * stack slots (x86-64 gcc -O0: sys_heap_free's frame 2656 bytes, the allocation's 1760, about
 * 4 KiB for a free that merges), which overflowed 2 KiB thread stacks that -O2 code uses a
 * fraction of.
 */
#if defined(__OPTIMIZE_SIZE__) || !defined(__OPTIMIZE__) || Z_HEAP_COMPACT
#define Z_HEAP_HOT        static inline
#define Z_HEAP_SPECIALIZE 0
#else
#define Z_HEAP_HOT        static inline __attribute__((always_inline))
#define Z_HEAP_SPECIALIZE 1
#endif

/*
 * Speed builds unroll the bounded probe of a class list (at most CONFIG_SYS_HEAP_ALLOC_PROBES
 * steps, 3 by default): no loop counter is kept (measured, x86-64 -O2: 0.1 to 1.1 instructions
 * per operation fewer on W1-W3 at every level). Size builds keep the loop. In speed builds the
 * loop's condition tests only the count (the end of the list is a break): with both in it, GCC
 * 12 for Arm ignores the annotation, with a warning.
 */
#if Z_HEAP_SPECIALIZE && defined(__GNUC__)
#define Z_HEAP_UNROLL_PROBES _Pragma("GCC unroll 4")
#else
#define Z_HEAP_UNROLL_PROBES
#endif

/**
 * Fast paths (speed builds without canary or whole-heap validation): an allocation of an exact
 * class whose list is not empty, and a free between two used neighbours, inlined with their
 * checks and nothing else; any other case, and any failed check, takes the general path (which
 * checks again and reports).
 */
#define Z_HEAP_FAST (Z_HEAP_SPECIALIZE && !Z_HEAP_CANARY && Z_HEAP_LEVEL < 4)

/* A general path: out of line where a fast path is inlined before it, else one tail call less. */
#if Z_HEAP_FAST
#define Z_HEAP_GENERAL static __attribute__((noinline))
#else
#define Z_HEAP_GENERAL static inline
#endif

/**
 * Call f(heap, big, ...) with big a constant where that pays: one copy per layout in speed
 * builds of AUTO, a single copy with one layout or in size builds.
 */
#if (Z_HEAP_ONLY_SMALL && !Z_HEAP_UNIT4) || Z_HEAP_ONLY_BIG || !Z_HEAP_SPECIALIZE
#define Z_HEAP_DISPATCH(f, heap, ...) f(heap, Z_HEAP_LAY(heap), __VA_ARGS__)
#elif Z_HEAP_ONLY_SMALL
/* Small heaps only, with 4-byte units: one copy per unit. */
#define Z_HEAP_DISPATCH(f, heap, ...)                                                              \
	((heap)->lay == Z_LAY_SMALL ? f(heap, Z_LAY_SMALL, __VA_ARGS__)                            \
				    : f(heap, Z_LAY_SMALL4, __VA_ARGS__))
#elif Z_HEAP_UNIT4
#define Z_HEAP_DISPATCH(f, heap, ...)                                                              \
	((heap)->lay == Z_LAY_SMALL ? f(heap, Z_LAY_SMALL, __VA_ARGS__)                            \
	 : (heap)->lay == Z_LAY_BIG ? f(heap, Z_LAY_BIG, __VA_ARGS__)                              \
				    : f(heap, Z_LAY_SMALL4, __VA_ARGS__))
#else
#define Z_HEAP_DISPATCH(f, heap, ...)                                                              \
	((heap)->lay ? f(heap, true, __VA_ARGS__) : f(heap, false, __VA_ARGS__))
#endif

/**
 * Call the out-of-line copy of f for @p heap's layout: f_small, f_big or f_small4 (defined by
 * the caller's file for the layouts built, for example with a macro), as Z_HEAP_DISPATCH()
 * picks the layout. A copy per layout lets a path that ends in a tail call (a fast path's
 * miss) save no register, which an inlined dispatch between two inlined copies cannot.
 */
#if Z_HEAP_ONLY_BIG
#define Z_HEAP_LAY_CALL(f, heap, ...) f##_big(heap, __VA_ARGS__)
#elif Z_HEAP_ONLY_SMALL && !Z_HEAP_UNIT4
#define Z_HEAP_LAY_CALL(f, heap, ...) f##_small(heap, __VA_ARGS__)
#elif Z_HEAP_ONLY_SMALL
#define Z_HEAP_LAY_CALL(f, heap, ...)                                                              \
	((heap)->lay == Z_LAY_SMALL ? f##_small(heap, __VA_ARGS__) : f##_small4(heap, __VA_ARGS__))
#elif Z_HEAP_UNIT4
#define Z_HEAP_LAY_CALL(f, heap, ...)                                                              \
	((heap)->lay == Z_LAY_SMALL ? f##_small(heap, __VA_ARGS__)                                 \
	 : (heap)->lay == Z_LAY_BIG ? f##_big(heap, __VA_ARGS__)                                   \
				    : f##_small4(heap, __VA_ARGS__))
#else
#define Z_HEAP_LAY_CALL(f, heap, ...)                                                              \
	((heap)->lay ? f##_big(heap, __VA_ARGS__) : f##_small(heap, __VA_ARGS__))
#endif

/** Define COPY(suffix, layout) for each layout built (the copies Z_HEAP_LAY_CALL() calls). */
#if Z_HEAP_ONLY_BIG
#define Z_HEAP_LAY_COPIES(COPY) COPY(big, Z_LAY_BIG)
#elif Z_HEAP_ONLY_SMALL && !Z_HEAP_UNIT4
#define Z_HEAP_LAY_COPIES(COPY) COPY(small, Z_LAY_SMALL)
#elif Z_HEAP_ONLY_SMALL
#define Z_HEAP_LAY_COPIES(COPY) COPY(small, Z_LAY_SMALL) COPY(small4, Z_LAY_SMALL4)
#elif Z_HEAP_UNIT4
#define Z_HEAP_LAY_COPIES(COPY)                                                                    \
	COPY(small, Z_LAY_SMALL) COPY(big, Z_LAY_BIG) COPY(small4, Z_LAY_SMALL4)
#else
#define Z_HEAP_LAY_COPIES(COPY) COPY(small, Z_LAY_SMALL) COPY(big, Z_LAY_BIG)
#endif

/*
 * The field, size and class accessors below. Speed builds leave them to the compiler, which
 * inlines them at -O2. At -Os, with both the small and the big layouts built, each accessor
 * tests the layout and GCC keeps several out of line (link_get, head_get, class_raw...): each
 * call then costs more than its body, the call and the registers its caller saves around it.
 * Forced inline there (Cortex-M3 -Os, bench/target_instr; W1 256 KiB / W1 64 KiB / W2 / W3
 * instructions per operation): the default build 414.0 / 254.2 / 461.8 / 299.5 -> 298.9 /
 * 190.9 / 348.3 / 212.3; at BASIC without statistics 298.0 / 189.2 / 343.8 / 216.2 -> 213.6 /
 * 143.3 / 260.7 / 156.9; core code (bench/heap_size.sh) +54 and -44 bytes. With the small
 * layouts only (SMALL_ONLY), forcing made the code 24 bytes larger and no faster: left to GCC.
 */
#if defined(__OPTIMIZE_SIZE__) && !Z_HEAP_ONLY_SMALL && !Z_HEAP_ONLY_BIG
#define Z_HEAP_ACC static inline __attribute__((always_inline))
#else
#define Z_HEAP_ACC static inline
#endif

/* ---- raw field access ---- */

Z_HEAP_ACC uint8_t *chunk_ptr(struct z_heap *h, zl_t lay, size_t c)
{
	return (uint8_t *)h + c * UNIT(lay);
}

Z_HEAP_ACC void *chunk_mem(struct z_heap *h, zl_t lay, size_t c)
{
	return chunk_ptr(h, lay, c);
}

/** Header bytes of a layout. */
Z_HEAP_ACC size_t hdr_bytes(zl_t lay)
{
	return LAY_BIG(lay) ? 8u : 4u;
}

/** Smallest chunk: a header and two links (8 bytes small, 16 big). */
Z_HEAP_ACC size_t min_chunk(zl_t lay)
{
	return LAY_BIG(lay) || LAY_U4(lay) ? 2u : 1u;
}

/* Header field f (0: size << 1 | used, 1: left size) of the chunk whose payload is at @p p. */
Z_HEAP_ACC size_t phdr_get(const uint8_t *p, zl_t lay, int f)
{
	return LAY_BIG(lay) ? ((const uint32_t *)(const void *)p)[f - 2]
			    : ((const uint16_t *)(const void *)p)[f - 2];
}

Z_HEAP_ACC void phdr_set(uint8_t *p, zl_t lay, int f, size_t v)
{
	if (LAY_BIG(lay)) {
		((uint32_t *)(void *)p)[f - 2] = (uint32_t)v;
	} else {
		((uint16_t *)(void *)p)[f - 2] = (uint16_t)v;
	}
}

/* List link i (0: previous, 1: next) of the free chunk whose payload is at @p p. */
Z_HEAP_ACC void plink_set(uint8_t *p, zl_t lay, int i, size_t v)
{
	if (LAY_BIG(lay)) {
		((uint32_t *)(void *)p)[i] = (uint32_t)v;
	} else {
		((uint16_t *)(void *)p)[i] = (uint16_t)v;
	}
}

/* Header field f (0: size << 1 | used, 1: left size) of chunk c. */
Z_HEAP_ACC size_t hdr_get(struct z_heap *h, zl_t lay, size_t c, int f)
{
	uint8_t *p = chunk_ptr(h, lay, c);

	return LAY_BIG(lay) ? ((uint32_t *)(void *)p)[f - 2] : ((uint16_t *)(void *)p)[f - 2];
}

Z_HEAP_ACC void hdr_set(struct z_heap *h, zl_t lay, size_t c, int f, size_t v)
{
	uint8_t *p = chunk_ptr(h, lay, c);

	if (LAY_BIG(lay)) {
		((uint32_t *)(void *)p)[f - 2] = (uint32_t)v;
	} else {
		((uint16_t *)(void *)p)[f - 2] = (uint16_t)v;
	}
}

/* List link i (0: previous, 1: next) of free chunk c; 0 ends a list. */
Z_HEAP_ACC size_t link_get(struct z_heap *h, zl_t lay, size_t c, int i)
{
	uint8_t *p = chunk_ptr(h, lay, c);

	return LAY_BIG(lay) ? ((uint32_t *)(void *)p)[i] : ((uint16_t *)(void *)p)[i];
}

Z_HEAP_ACC void link_set(struct z_heap *h, zl_t lay, size_t c, int i, size_t v)
{
	uint8_t *p = chunk_ptr(h, lay, c);

	if (LAY_BIG(lay)) {
		((uint32_t *)(void *)p)[i] = (uint32_t)v;
	} else {
		((uint16_t *)(void *)p)[i] = (uint16_t)v;
	}
}

/*
 * The list heads, in chunk 0's payload, one per class from the smallest chunk's class up (class 0
 * is never used). With 4-byte units the smallest chunk is 2 units, not 1: class 1 never has a
 * list, and its slot holds one more class at the top, where the heads run out (W6 at 96 and
 * 128 KiB: docs/sys_heap.md). The big layout, whose classes never run out, keeps slot k - 1.
 */
Z_HEAP_ACC uint16_t *heads16(struct z_heap *h, zl_t lay)
{
	return (uint16_t *)(void *)h + UNIT_SH(lay) - 4; /* slot k - 1, k - 2 with 4-byte units */
}

/* First chunk of class k (k >= min_chunk(lay)). */
Z_HEAP_ACC size_t head_get(struct z_heap *h, zl_t lay, unsigned int k)
{
	return LAY_BIG(lay) ? ((uint32_t *)(void *)h - 1)[k] : heads16(h, lay)[k];
}

Z_HEAP_ACC void head_set(struct z_heap *h, zl_t lay, unsigned int k, size_t c)
{
	if (LAY_BIG(lay)) {
		((uint32_t *)(void *)h - 1)[k] = (uint32_t)c;
	} else {
		heads16(h, lay)[k] = (uint16_t)c;
	}
}

Z_HEAP_ACC size_t chunk_size(struct z_heap *h, zl_t lay, size_t c)
{
	return hdr_get(h, lay, c, 0) >> 1;
}

Z_HEAP_ACC bool chunk_used(struct z_heap *h, zl_t lay, size_t c)
{
	return (hdr_get(h, lay, c, 0) & 1u) != 0u;
}

Z_HEAP_ACC size_t left_size(struct z_heap *h, zl_t lay, size_t c)
{
	return hdr_get(h, lay, c, 1);
}

Z_HEAP_ACC void set_size_used(struct z_heap *h, zl_t lay, size_t c, size_t units, bool used)
{
	hdr_set(h, lay, c, 0, (units << 1) | (used ? 1u : 0u));
}

Z_HEAP_ACC void set_left_size(struct z_heap *h, zl_t lay, size_t c, size_t units)
{
	hdr_set(h, lay, c, 1, units);
}

/** Usable bytes of a used chunk of @p units. */
Z_HEAP_ACC size_t chunk_usable(zl_t lay, size_t units)
{
	size_t o = hdr_bytes(lay) + CANARY_BYTES;

	return units * UNIT(lay) > o ? units * UNIT(lay) - o : 0u;
}

/** Usable bytes of a chunk of @p units, at least a minimum chunk (no test for less). */
Z_HEAP_ACC size_t block_usable(zl_t lay, size_t units)
{
	return units * UNIT(lay) - hdr_bytes(lay) - CANARY_BYTES;
}

/**
 * Units for a request of @p bytes (already bounded by the heap's size). Every caller passes at
 * least 1 byte, which takes a minimum chunk in every layout (a header and a unit's byte: 1 unit
 * small, 2 big or small4), so speed builds and the compact policy do not test for less. (The
 * other size builds keep the test: without it GCC's -Os inlining choices change and the code
 * grows, by 100 bytes at Zephyr's defaults on Cortex-M3.)
 */
Z_HEAP_ACC size_t bytes_to_units(zl_t lay, size_t bytes)
{
	size_t u = (bytes + hdr_bytes(lay) + CANARY_BYTES + UNIT(lay) - 1u) / UNIT(lay);

	return !Z_HEAP_COMPACT && !Z_HEAP_SPECIALIZE && u < min_chunk(lay) ? min_chunk(lay) : u;
}

/* ---- size classes ---- */

Z_HEAP_ACC unsigned int z_msb(uint32_t v)
{
	return 31u - (unsigned int)__builtin_clz(v);
}

/*
 * Size classes. Small layout: sizes below 16 units each have a class (class = size), from 16 to
 * 255 units each power of two is split in four, from 256 units on each has one class. Big
 * layout: sizes 2 and 3 exact, then one class per power of two. A heap has as many classes as
 * its largest chunk needs, but no more than chunk 0 has room for heads (and 63, one 64-bit
 * bitmap word): the last class, kmax, then also holds every larger chunk. Class 0 is never used.
 *
 * (The heads chunk 0 has room for, 34 to 38 in heaps of 64 to 256 KiB, decide the split: with
 * eight classes per power of two they ended at 320 to 896 bytes, with four at every power at 1.5
 * to 6 KiB, and every larger chunk shared the capped last class, which is probed from its head:
 * workloads of mid-sized and large chunks failed requests with a fitting chunk free. One class
 * per power of two from 256 units reaches 8 KiB in heaps of 64 to 128 KiB (with 4-byte units
 * through the heads' slot class 1 does not need, heads16()), and the largest chunk of a 256 KiB
 * one. docs/sys_heap.md, "Size classes for workloads nobody tuned for".)
 */
#define CLS_X(lay)    (LAY_BIG(lay) ? 4u : 16u) /* exact sizes below this */
#define CLS_SL(lay)   (LAY_BIG(lay) ? 0u : 2u)  /* log2 of classes per power of two above */
#define CLS_LOGX(lay) (LAY_BIG(lay) ? 2u : 4u)
/* Class offset making the first class above the exact ones equal to CLS_X (unsigned: with four
 * classes per power of two it is -4, and the sums it enters wrap back to the class). */
#define CLS_OFF(lay)                                                                               \
	(((CLS_LOGX(lay) - CLS_SL(lay)) << CLS_SL(lay)) + (1u << CLS_SL(lay)) - CLS_X(lay))
/*
 * From 2^CLS_LOGT units on, one class per power of two; CLS_KT is the class of 2^CLS_LOGT. (In
 * the big layout, one class per power of two throughout, the two rules give the same classes,
 * so no layout test is needed.)
 */
#define CLS_LOGT    8u
#define CLS_KT(lay) (((CLS_LOGT - CLS_SL(lay)) << CLS_SL(lay)) + (1u << CLS_SL(lay)) - CLS_OFF(lay))

/** Class of @p units before the kmax cap. */
Z_HEAP_ACC unsigned int class_raw(zl_t lay, size_t units)
{
	if (units < CLS_X(lay)) {
		return (unsigned int)units;
	}
	unsigned int msb = z_msb((uint32_t)units);
	unsigned int sh = msb - CLS_SL(lay);
	unsigned int k = (sh << CLS_SL(lay)) + (unsigned int)(units >> sh) - CLS_OFF(lay);

	/* From 2^CLS_LOGT units on the one-per-power class is the smaller: no branch. (Not in the
	 * compact policy: its 10 bytes would take it past issue 10's 1240.) */
	return Z_HEAP_COMPACT || k < CLS_KT(lay) - CLS_LOGT + msb ? k : CLS_KT(lay) - CLS_LOGT + msb;
}

/** Class of a chunk of @p units in a heap whose last class is @p kmax. */
#if Z_HEAP_SPECIALIZE
Z_HEAP_ACC unsigned int class_of(zl_t lay, unsigned int kmax, size_t units)
{
	unsigned int k = class_raw(lay, units);

	return k < kmax ? k : kmax;
}
#elif Z_HEAP_ONE_LAY && Z_HEAP_COMPACT
/* Size builds: one copy (heap.c), not one per use; compact with one layout built: no layout
 * argument (2 bytes less at each call). */
unsigned int z_heap_class_of(unsigned int kmax, size_t units) __attribute__((const));
#define class_of(lay, kmax, units) ((void)(lay), z_heap_class_of(kmax, units))
#else
/* Size builds: one copy (heap.c), not one per use. */
unsigned int z_heap_class_of(zl_t lay, unsigned int kmax, size_t units) __attribute__((const));
#define class_of z_heap_class_of
#endif

/** Lowest size, in units, of class @p k (the inverse of class_raw()). */
Z_HEAP_ACC size_t class_min_of(zl_t lay, unsigned int k)
{
	if (k < CLS_X(lay)) {
		return k;
	}
	if (!Z_HEAP_COMPACT && k >= CLS_KT(lay)) {
		return (size_t)1 << (CLS_LOGT + k - CLS_KT(lay));
	}
	unsigned int kk = k + CLS_OFF(lay);
	unsigned int sh = (kk >> CLS_SL(lay)) - 1u;

	return (size_t)(kk - (sh << CLS_SL(lay))) << sh;
}

/**
 * Class of a request of @p units in a heap whose last class is @p kmax, and in @p all whether
 * every chunk of that class fits it (@p units is the class's lowest size): one computation
 * instead of class_of() and class_min_of().
 */
#if Z_HEAP_SPECIALIZE
Z_HEAP_ACC unsigned int class_req(zl_t lay, unsigned int kmax, size_t units, bool *all)
{
	unsigned int k;
	bool exact = true;

	if (units < CLS_X(lay)) {
		k = (unsigned int)units;
	} else {
		unsigned int msb = z_msb((uint32_t)units);
		unsigned int sh = msb - CLS_SL(lay);
		unsigned int k1 = CLS_KT(lay) - CLS_LOGT + msb; /* one class per power of two */

		k = (sh << CLS_SL(lay)) + (unsigned int)(units >> sh) - CLS_OFF(lay);
		if (!Z_HEAP_COMPACT && k > k1) {
			/* (Equal below 2^CLS_LOGT, at the last class of a power: its lowest size is
			 * a multiple of 2^sh, not a power of two.) */
			k = k1;
			sh = msb;
		}
		exact = (units >> sh) << sh == units;
	}
	if (k >= kmax) {
		/* The last class also holds every larger chunk: all fit only its lowest size. */
		exact = exact && k == kmax;
		k = kmax;
	}
	*all = exact;
	return k;
}
#else
/* Size builds: the shared class_of() call and a comparison. */
Z_HEAP_ACC unsigned int class_req(zl_t lay, unsigned int kmax, size_t units, bool *all)
{
	unsigned int k = class_of(lay, kmax, units);

	/* The class's lowest size: one unit less is in a lower class (a second call of the shared
	 * class function is smaller code than class_min_of()). */
	*all = class_of(lay, kmax, units - 1u) < k;
	return k;
}
#endif

Z_HEAP_ACC unsigned int size_class(const struct sys_heap *heap, size_t units)
{
	return class_of(Z_HEAP_LAY(heap), heap->kmax, units);
}

Z_HEAP_ACC size_t class_min_units(const struct sys_heap *heap, unsigned int k)
{
	return class_min_of(Z_HEAP_LAY(heap), k);
}

/** Highest set bit of a non-zero 64-bit word. */
Z_HEAP_ACC unsigned int z_msb64(uint64_t m)
{
	uint32_t hi = (uint32_t)(m >> 32);

	return hi != 0u ? 32u + z_msb(hi) : z_msb((uint32_t)m);
}

/* ---- the class bitmap (two 32-bit words: one-word operations on 32-bit targets) ---- */

#if UINTPTR_MAX > 0xFFFFFFFFu && defined(__BYTE_ORDER__) &&                                        \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* 64-bit little-endian hosts: the two words are one 64-bit word (bit k of it is bit k % 32 of
 * word k / 32), read and written whole: one operation instead of a word select. */
#define Z_HEAP_BITMAP64 1
#else
#define Z_HEAP_BITMAP64 0
#endif

#if Z_HEAP_COMPACT
/*
 * The compact policy keeps no class bitmap (heap->bitmap stays 0): a search scans the list
 * heads from its class up, at most kmax (38 at the most) loads instead of a bit scan, and no
 * list operation maintains bits. The mask is computed from the heads for the reports.
 */
static inline uint64_t bitmap_get(const struct sys_heap *heap)
{
	uint64_t m = 0;

	for (unsigned int k = min_chunk(Z_HEAP_LAY(heap)); k <= heap->kmax; k++) {
		if (head_get(heap->heap, Z_HEAP_LAY(heap), k) != 0u) {
			m |= (uint64_t)1 << k;
		}
	}
	return m;
}

static inline void bitmap_set(struct sys_heap *heap, unsigned int k)
{
	(void)heap;
	(void)k;
}

static inline void bitmap_clear(struct sys_heap *heap, unsigned int k)
{
	(void)heap;
	(void)k;
}

/** First non-empty class at or above @p k, or 0 when there is none. */
static inline unsigned int bitmap_from(const struct sys_heap *heap, unsigned int k)
{
	for (; k <= heap->kmax; k++) {
		if (head_get(heap->heap, Z_HEAP_LAY(heap), k) != 0u) {
			return k;
		}
	}
	return 0u;
}
#else
static inline uint64_t bitmap_get(const struct sys_heap *heap)
{
#if Z_HEAP_BITMAP64
	uint64_t m;

	__builtin_memcpy(&m, heap->bitmap, sizeof(m));
	return m;
#else
	return ((uint64_t)heap->bitmap[1] << 32) | heap->bitmap[0];
#endif
}

static inline void bitmap_set(struct sys_heap *heap, unsigned int k)
{
#if Z_HEAP_BITMAP64
	uint64_t m = bitmap_get(heap) | (uint64_t)1 << k;

	__builtin_memcpy(heap->bitmap, &m, sizeof(m));
#else
	heap->bitmap[k >> 5] |= (uint32_t)1 << (k & 31u);
#endif
}

static inline void bitmap_clear(struct sys_heap *heap, unsigned int k)
{
#if Z_HEAP_BITMAP64
	uint64_t m = bitmap_get(heap) & ~((uint64_t)1 << k);

	__builtin_memcpy(heap->bitmap, &m, sizeof(m));
#else
	heap->bitmap[k >> 5] &= ~((uint32_t)1 << (k & 31u));
#endif
}

/** First non-empty class at or above @p k (at most 64), or 0 when there is none. */
static inline unsigned int bitmap_from(const struct sys_heap *heap, unsigned int k)
{
#if !Z_HEAP_SPECIALIZE
	/* Size builds: one loop over the two words. */
	for (unsigned int w = k >> 5; w < 2u; w++) {
		uint32_t m = heap->bitmap[w] & (~(uint32_t)0 << (k & 31u));

		if (m != 0u) {
			return 32u * w + (unsigned int)__builtin_ctz(m);
		}
		k = 0u;
	}
	return 0u;
#elif Z_HEAP_BITMAP64
	uint64_t m = k < 64u ? bitmap_get(heap) & (~(uint64_t)0 << k) : 0u;

	return m != 0u ? (unsigned int)__builtin_ctzll(m) : 0u;
#else
	if (k < 32u) {
		uint32_t m = heap->bitmap[0] & (~(uint32_t)0 << k);

		if (m != 0u) {
			return (unsigned int)__builtin_ctz(m);
		}
		k = 32u;
	}
	if (k < 64u) {
		uint32_t m = heap->bitmap[1] & (~(uint32_t)0 << (k - 32u));

		if (m != 0u) {
			return 32u + (unsigned int)__builtin_ctz(m);
		}
	}
	return 0u;
#endif
}
#endif

/**
 * First non-empty class at or above @p k in @p out; false when there is none. (Speed builds on
 * 64-bit hosts test the masked word itself: the class found by ctz needs no test of its own.)
 */
static inline bool bitmap_find(const struct sys_heap *heap, unsigned int k, unsigned int *out)
{
#if !Z_HEAP_COMPACT && Z_HEAP_SPECIALIZE && Z_HEAP_BITMAP64
	uint64_t m = k < 64u ? bitmap_get(heap) & (~(uint64_t)0 << k) : 0u;

	if (m == 0u) {
		return false;
	}
	*out = (unsigned int)__builtin_ctzll(m);
	return true;
#else
	*out = bitmap_from(heap, k);
	return *out != 0u;
#endif
}

/* ---- shared internals ---- */

/** Report an error through the current hook (and __ASSERT with CONFIG_ASSERT). */
void z_heap_report(struct sys_heap *heap, void *mem, enum sys_heap_error err);

/**
 * All checks of a pointer handed to free/realloc/usable_size: returns its chunk, or 0 after
 * reporting the problem through the error hook.
 */
size_t z_heap_check_block(struct sys_heap *heap, void *mem);

/** sys_heap_free() / sys_heap_aligned_alloc() without notifications (for realloc). */
bool z_heap_free_nn(struct sys_heap *heap, void *mem);
void *z_heap_aligned_alloc_nn(struct sys_heap *heap, size_t align, size_t bytes);

/** An alignment that is not a power of two (asserts with CONFIG_ASSERT, else nothing). */
void z_heap_bad_align(struct sys_heap *heap, size_t align);

/** Would freeing used chunk @p c, already checked by z_heap_check_block(), pass the list checks
 * too (no write, no report)? Below level 2 there are none: a checked block always frees. */
#if Z_HEAP_LEVEL >= 2
bool z_heap_free_ok(struct sys_heap *heap, size_t c);
#else
#define z_heap_free_ok(heap, c) ((void)(heap), (void)(c), true)
#endif

#if Z_HEAP_CANARY
/** Canary value for used chunk @p c of @p units. */
static inline uint32_t chunk_canary_value(struct z_heap *h, size_t c, size_t units)
{
	uint32_t v = (uint32_t)(uintptr_t)h ^ ((uint32_t)c * 0x9E3779B1u) ^ ((uint32_t)units << 16);

	return v ^ 0xA5C3E187u;
}

static inline uint8_t *chunk_canary_ptr(struct z_heap *h, zl_t lay, size_t c, size_t units)
{
	return chunk_ptr(h, lay, c + units) - hdr_bytes(lay) - CANARY_BYTES;
}

void z_heap_canary_set(struct sys_heap *heap, size_t c);
bool z_heap_canary_ok(struct sys_heap *heap, size_t c);
#endif

/* ---- statistics (counters in struct sys_heap, kept only with CONFIG_SYS_HEAP_RUNTIME_STATS) ----
 */

static inline void stats_alloc(struct sys_heap *heap, zl_t lay, size_t units)
{
#if Z_HEAP_STATS
	heap->allocated_bytes += units * UNIT(lay);
	if (heap->allocated_bytes > heap->max_allocated_bytes) {
		heap->max_allocated_bytes = heap->allocated_bytes;
	}
#else
	(void)heap;
	(void)lay;
	(void)units;
#endif
}

static inline void stats_free(struct sys_heap *heap, zl_t lay, size_t units)
{
#if Z_HEAP_STATS
	heap->allocated_bytes -= units * UNIT(lay);
#else
	(void)heap;
	(void)lay;
	(void)units;
#endif
}

/*
 * Aligned allocation and in-place growth take more than they keep, then give the excess
 * back: the high-water mark must not record that transient.
 */
static inline size_t stats_max_save(struct sys_heap *heap)
{
#if Z_HEAP_STATS
	return heap->max_allocated_bytes;
#else
	(void)heap;
	return 0;
#endif
}

static inline void stats_max_settle(struct sys_heap *heap, size_t saved)
{
#if Z_HEAP_STATS
	heap->max_allocated_bytes = heap->allocated_bytes > saved ? heap->allocated_bytes : saved;
#else
	(void)heap;
	(void)saved;
#endif
}

/* ---- heap listeners (CONFIG_SYS_HEAP_LISTENER) ---- */

#if Z_HEAP_LISTENER
#include <zephyr/sys/heap_listener.h>
void z_heap_notify_alloc(struct sys_heap *heap, void *mem);
void z_heap_notify_free(struct sys_heap *heap, void *mem, size_t bytes);
/** Is any listener registered (then every call takes the general path, which notifies)? */
#define Z_HEAP_LISTENING() (z_heap_listener_count != 0u)
#else
#define Z_HEAP_LISTENING() false
static inline void z_heap_notify_alloc(struct sys_heap *heap, void *mem)
{
	(void)heap;
	(void)mem;
}
static inline void z_heap_notify_free(struct sys_heap *heap, void *mem, size_t bytes)
{
	(void)heap;
	(void)mem;
	(void)bytes;
}
#endif

#endif /* ZMEM_LIB_HEAP_HEAP_H_ */
