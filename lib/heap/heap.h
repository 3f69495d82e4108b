/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Private layout of a sys_heap: chunks, size classes, free lists and their bitmap.
 *
 * The buffer is cut into chunks on a grid of 8-byte units. Chunk c starts HDR_BYTES before
 * address (char *)h + 8 * c, where h is the struct z_heap, so every payload is 8-aligned.
 * A chunk header holds two hdr_t fields: the chunk's size in units shifted left by one with
 * the used flag in bit 0, and the size of its left neighbour. With 16-bit fields (the
 * default) a header costs 4 bytes and one chunk spans at most MAX_CHUNK = 32767 units
 * (256 KiB - 8 bytes); CONFIG_SYS_HEAP_BIG_CHUNKS selects 32-bit fields (8-byte headers,
 * chunks up to 16 GiB). Chunk indices (free-list links) are 32-bit in both layouts, so a heap
 * may be larger than one chunk: sys_heap_init() then cuts it into segments of at most
 * MAX_CHUNK units separated by one-unit used "fence" chunks, and no merge can ever produce a
 * chunk too big for its header. Fences are the only one-unit used chunks (an allocation is at
 * least MIN_CHUNK = 2 units), which is how walks tell them apart.
 *
 * A free chunk of one unit ("dust", the tail of a split one unit short of MIN_CHUNK) cannot
 * hold the list links and is on no list: it only waits to merge with a neighbour when that
 * is freed. Requests are at least MIN_CHUNK units, so dust is never needed for allocation.
 *
 * Chunk 0 is a used chunk that holds struct z_heap; the last index (h->end) is a header-only
 * used chunk. So every real chunk has a used sentinel on both sides and coalescing needs no
 * bounds checks.
 *
 * Free chunks sit on one doubly linked list per size class (TLSF-like two-level classes:
 * exact sizes below 32 units, then 16 classes per power of two). A bitmap with one bit per
 * non-empty list, plus a summary word with one bit per bitmap word, finds the first non-empty
 * class at or above a given one in constant time.
 */
#ifndef ZMEM_LIB_HEAP_HEAP_H_
#define ZMEM_LIB_HEAP_HEAP_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zephyr/sys/sys_heap.h>

/** A chunk index (free-list links and heads). */
typedef uint32_t chunkid_t;

#if defined(CONFIG_SYS_HEAP_BIG_CHUNKS) && CONFIG_SYS_HEAP_BIG_CHUNKS
typedef uint32_t hdr_t;  /**< One chunk header field. */
#define Z_HEAP_MAX_FL 30 /* log2 of the largest chunk in units */
#else
typedef uint16_t hdr_t;
#define Z_HEAP_MAX_FL 14
#endif

#if defined(CONFIG_SYS_HEAP_RUNTIME_STATS) && CONFIG_SYS_HEAP_RUNTIME_STATS
#define Z_HEAP_STATS 1
#else
#define Z_HEAP_STATS 0
#endif

#if defined(CONFIG_SYS_HEAP_CANARY) && CONFIG_SYS_HEAP_CANARY
#define Z_HEAP_CANARY 1
#else
#define Z_HEAP_CANARY 0
#endif

/** Bytes per chunk unit. */
#define CHUNK_UNIT 8u
/** Bytes of a chunk header. */
#define HDR_BYTES (2u * (unsigned int)sizeof(hdr_t))
/** Smallest free or allocated chunk, in units: a header plus the two free-list links. */
#define MIN_CHUNK                                                                                  \
	((HDR_BYTES + 2u * (unsigned int)sizeof(chunkid_t) + CHUNK_UNIT - 1u) / CHUNK_UNIT)
/** Largest chunk size the header encodes, in units. */
#define MAX_CHUNK ((size_t)((hdr_t)-1 >> 1))
/**
 * Smallest tail cut off a chunk: one unit (it stays as dust), unless a one-unit chunk cannot
 * even hold its header and canary (8-byte headers with CONFIG_SYS_HEAP_CANARY).
 */
#define MIN_SPLIT (CHUNK_UNIT >= HDR_BYTES + CANARY_BYTES ? 1u : MIN_CHUNK)
/** Size of a fence chunk (segment separator in heaps larger than MAX_CHUNK). */
#define FENCE_UNITS 1u
/** Bytes a canary takes at the end of each used chunk. */
#define CANARY_BYTES (Z_HEAP_CANARY ? 4u : 0u)

/** log2 of the number of second-level classes per power of two. */
#ifndef SL_BITS
#define SL_BITS 4u
#endif
/** Number of size classes the largest encodable chunk needs. */
#define NB_CLASSES_MAX (((Z_HEAP_MAX_FL - SL_BITS) << SL_BITS) + (2u << SL_BITS))
/** Bitmap words: one spare so that "class + 1" never indexes past the end. */
#define NB_WORDS ((NB_CLASSES_MAX + 1u + 31u) / 32u)

/** Heap header, the payload of chunk 0. */
struct z_heap {
	/**
	 * Requests above this many bytes fail at once. Normally max_bytes; after a failed
	 * allocation it drops below the failed size (nothing that large fits until space is
	 * freed), and every free restores it, so repeated failures cost a single comparison.
	 */
	size_t fit_limit;
	size_t max_bytes;          /**< Largest request that could ever fit. */
	uintptr_t first_mem;       /**< Address of the first chunk's memory (range checks). */
	size_t nb_units;           /**< Units from the first chunk to the end marker. */
	chunkid_t end;             /**< Index of the end-marker chunk. */
	chunkid_t first;           /**< Index of the first chunk after chunk 0. */
	chunkid_t max_units;       /**< Largest chunk this heap can hold. */
	chunkid_t nb_classes;      /**< Entries in free_list[]. */
	uint32_t summary;          /**< Bit w set when bitmap[w] != 0. */
	uint32_t bitmap[NB_WORDS]; /**< Bit k set when free_list[k] is not empty. */
#if Z_HEAP_STATS
	size_t allocated_bytes;     /**< Bytes in used chunks (headers included). */
	size_t max_allocated_bytes; /**< High-water mark of allocated_bytes. */
#endif
	chunkid_t free_list[]; /**< First chunk of each class, 0 when empty. */
};

/* ---- chunk fields ---- */

static inline hdr_t *chunk_hdr(struct z_heap *h, size_t c)
{
	return (hdr_t *)((uint8_t *)h + c * CHUNK_UNIT - HDR_BYTES);
}

static inline chunkid_t *chunk_links(struct z_heap *h, size_t c)
{
	return (chunkid_t *)((uint8_t *)h + c * CHUNK_UNIT);
}

static inline void *chunk_mem(struct z_heap *h, size_t c)
{
	return (uint8_t *)h + c * CHUNK_UNIT;
}

static inline size_t chunk_size(struct z_heap *h, size_t c)
{
	return chunk_hdr(h, c)[0] >> 1;
}

static inline bool chunk_used(struct z_heap *h, size_t c)
{
	return (chunk_hdr(h, c)[0] & 1u) != 0;
}

static inline size_t left_size(struct z_heap *h, size_t c)
{
	return chunk_hdr(h, c)[1];
}

static inline void set_size_used(struct z_heap *h, size_t c, size_t size, bool used)
{
	chunk_hdr(h, c)[0] = (hdr_t)((size << 1) | (used ? 1u : 0u));
}

static inline void set_left_size(struct z_heap *h, size_t c, size_t size)
{
	chunk_hdr(h, c)[1] = (hdr_t)size;
}

static inline chunkid_t prev_free(struct z_heap *h, size_t c)
{
	return chunk_links(h, c)[0];
}

static inline chunkid_t next_free(struct z_heap *h, size_t c)
{
	return chunk_links(h, c)[1];
}

/** Usable bytes of a chunk of @p units. */
/** A one-unit used chunk: a fence between segments, never an allocation. */
static inline bool chunk_is_fence(struct z_heap *h, size_t c)
{
	return chunk_hdr(h, c)[0] == ((FENCE_UNITS << 1) | 1u);
}

static inline size_t chunk_usable(size_t units)
{
	return units * CHUNK_UNIT - HDR_BYTES - CANARY_BYTES;
}

/** chunk_usable() that also covers dust (a one-unit free chunk may hold less than nothing). */
static inline size_t chunk_usable_any(size_t units)
{
	return units * CHUNK_UNIT > HDR_BYTES + CANARY_BYTES ? chunk_usable(units) : 0u;
}

/**
 * Units for a request of @p bytes (the caller has bounded @p bytes by max_bytes), before the
 * MIN_CHUNK floor: requests of a few bytes give 1 unit here.
 */
static inline size_t bytes_to_units_raw(size_t bytes)
{
	return (bytes + HDR_BYTES + CANARY_BYTES + CHUNK_UNIT - 1u) / CHUNK_UNIT;
}

/** Units of a chunk for a request of @p bytes (bounded by max_bytes). */
static inline size_t bytes_to_units(size_t bytes)
{
	size_t u = bytes_to_units_raw(bytes);

	return u < MIN_CHUNK ? MIN_CHUNK : u;
}

/* ---- size classes ---- */

static inline unsigned int z_msb(uint32_t v)
{
	return 31u - (unsigned int)__builtin_clz(v);
}

/** Sizes below this many units each have a class of their own. */
#define EXACT_UNITS (2u << SL_BITS)

/** Size class of a chunk of @p units: exact below EXACT_UNITS, then 2^SL_BITS per octave. */
static inline unsigned int size_class(size_t units)
{
	if (units < EXACT_UNITS) {
		return (unsigned int)units;
	}
	unsigned int sh = z_msb((uint32_t)units) - SL_BITS;

	return (sh << SL_BITS) + (unsigned int)(units >> sh);
}

/** Lowest chunk size, in units, of class @p k (the inverse of size_class()). */
static inline size_t class_min_units(unsigned int k)
{
	if (k < EXACT_UNITS) {
		return k;
	}
	unsigned int sh = (k >> SL_BITS) - 1u;

	return (size_t)(k - (sh << SL_BITS)) << sh;
}

/**
 * Chunks of the request's own class tried, before any larger class, when that class also
 * holds chunks smaller than the request (bounded best fit). A constant bound, independent of
 * the number of free chunks; 0 gives pure good fit (the first chunk of a larger class).
 */
#ifndef CONFIG_SYS_HEAP_ALLOC_PROBES
#define CONFIG_SYS_HEAP_ALLOC_PROBES 3
#endif

/* ---- free lists ----
 *
 * Optimized for speed (-O2) the list helpers are inlined everywhere; optimized for size
 * (-Os) one shared copy lives in heap.c.
 */
#if defined(__OPTIMIZE_SIZE__)
#define Z_HEAP_HOT            static inline
#define Z_HEAP_SHARED_HELPERS 1
#define Z_HEAP_HELPER
void z_heap_list_add(struct z_heap *h, size_t c, size_t units);
void z_heap_list_remove(struct z_heap *h, size_t c, size_t units);
void z_heap_split(struct z_heap *h, size_t c, size_t have, size_t units);
#else
#define Z_HEAP_HOT            static inline __attribute__((always_inline))
#define Z_HEAP_SHARED_HELPERS 0
#define Z_HEAP_HELPER         static inline __attribute__((always_inline))
#endif

static inline void bitmap_set(struct z_heap *h, unsigned int k)
{
	h->bitmap[k >> 5] |= 1u << (k & 31u);
	h->summary |= 1u << (k >> 5);
}

static inline void bitmap_clear(struct z_heap *h, unsigned int k)
{
	uint32_t w = h->bitmap[k >> 5] & ~(1u << (k & 31u));

	h->bitmap[k >> 5] = w;
	if (w == 0u) {
		h->summary &= ~(1u << (k >> 5));
	}
}

#if !Z_HEAP_SHARED_HELPERS || defined(Z_HEAP_DEFINE_HELPERS)
/** Push free chunk @p c (size already set) on the list of its class. */
Z_HEAP_HELPER void z_heap_list_add(struct z_heap *h, size_t c, size_t units)
{
	unsigned int k = size_class(units);
	chunkid_t first = h->free_list[k];
	chunkid_t *l = chunk_links(h, c);

	l[0] = 0;
	l[1] = first;
	h->free_list[k] = (chunkid_t)c;
	if (first != 0u) {
		chunk_links(h, first)[0] = (chunkid_t)c;
	} else {
		bitmap_set(h, k);
	}
}

/** Unlink free chunk @p c of @p units from its class list. */
Z_HEAP_HELPER void z_heap_list_remove(struct z_heap *h, size_t c, size_t units)
{
	chunkid_t *l = chunk_links(h, c);
	chunkid_t p = l[0];
	chunkid_t n = l[1];

	if (n != 0u) {
		chunk_links(h, n)[0] = p;
	}
	if (p != 0u) {
		chunk_links(h, p)[1] = n;
	} else {
		unsigned int k = size_class(units);

		h->free_list[k] = n;
		if (n == 0u) {
			bitmap_clear(h, k);
		}
	}
}

/**
 * Cut chunk @p c of @p have units after @p units: c's size field is left to the caller; the
 * tail c + units gets a header (free, on no list) and its right neighbour learns its size.
 */
Z_HEAP_HELPER void z_heap_split(struct z_heap *h, size_t c, size_t have, size_t units)
{
	size_t t = c + units;

	set_size_used(h, t, have - units, false);
	set_left_size(h, t, units);
	set_left_size(h, c + have, have - units);
}
#endif

/* ---- shared internals (one definition each, in heap*.c) ---- */

/**
 * Return chunk @p c (marked used or not) to the free lists, merging with free neighbours; a
 * one-unit result stays dust, on no list.
 */
void z_heap_free_chunk(struct z_heap *h, size_t c);

/** Allocate a chunk of at least @p units (at most h->end); 0 when none fits. */
size_t z_heap_alloc_chunk(struct z_heap *h, size_t units);

/**
 * Hardening checks for a pointer handed to free/realloc: returns its chunk, or 0 after
 * reporting the problem through the error hook.
 */
size_t z_heap_check_block(struct sys_heap *heap, void *mem);

/** Report an error through the current hook. */
void z_heap_report(struct sys_heap *heap, void *mem, enum sys_heap_error err);

/** Shrink used chunk @p c to @p units, freeing the tail (merged with a free right neighbour). */
void z_heap_trim(struct z_heap *h, size_t c, size_t units);

#if Z_HEAP_CANARY
/** Canary value for used chunk @p c of @p units. */
static inline uint32_t chunk_canary_value(struct z_heap *h, size_t c, size_t units)
{
	uint32_t v = (uint32_t)(uintptr_t)h ^ ((uint32_t)c * 0x9E3779B1u) ^ ((uint32_t)units << 16);

	return v ^ 0xA5C3E187u;
}

static inline uint8_t *chunk_canary_ptr(struct z_heap *h, size_t c, size_t units)
{
	return (uint8_t *)h + (c + units) * CHUNK_UNIT - HDR_BYTES - CANARY_BYTES;
}

void z_heap_canary_set(struct z_heap *h, size_t c);
bool z_heap_canary_ok(struct z_heap *h, size_t c);
#endif

#if Z_HEAP_STATS
static inline void stats_alloc(struct z_heap *h, size_t units)
{
	h->allocated_bytes += units * CHUNK_UNIT;
	if (h->allocated_bytes > h->max_allocated_bytes) {
		h->max_allocated_bytes = h->allocated_bytes;
	}
}

static inline void stats_free(struct z_heap *h, size_t units)
{
	h->allocated_bytes -= units * CHUNK_UNIT;
}

/*
 * Aligned allocation and in-place growth take more than they keep, then give the excess
 * back: the high-water mark must not record that transient.
 */
static inline size_t stats_max_save(struct z_heap *h)
{
	return h->max_allocated_bytes;
}

static inline void stats_max_settle(struct z_heap *h, size_t saved)
{
	h->max_allocated_bytes = h->allocated_bytes > saved ? h->allocated_bytes : saved;
}
#else
static inline size_t stats_max_save(struct z_heap *h)
{
	(void)h;
	return 0;
}

static inline void stats_max_settle(struct z_heap *h, size_t saved)
{
	(void)h;
	(void)saved;
}

static inline void stats_alloc(struct z_heap *h, size_t units)
{
	(void)h;
	(void)units;
}

static inline void stats_free(struct z_heap *h, size_t units)
{
	(void)h;
	(void)units;
}
#endif

#endif /* ZMEM_LIB_HEAP_HEAP_H_ */
