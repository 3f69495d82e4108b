/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap: zmem's core allocator, with Zephyr's API.
 *
 * A sys_heap manages one caller-provided buffer. All metadata lives inside that buffer; the
 * allocator needs no OS, no libc allocator and no locks. It is not synchronized: the caller
 * serializes access (k_heap adds a lock and blocking on top).
 *
 * Behaviour follows Zephyr's sys_heap; the calls past Zephyr's set (fragmentation report, heap
 * walk, error hook) are marked "zmem extension".
 */
#ifndef ZEPHYR_INCLUDE_SYS_SYS_HEAP_H_
#define ZEPHYR_INCLUDE_SYS_SYS_HEAP_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zephyr/sys/mem_stats.h>

#ifdef __cplusplus
extern "C" {
#endif

struct z_heap;

/**
 * @brief 1 when sys_heap keeps runtime statistics (CONFIG_SYS_HEAP_RUNTIME_STATS, default y;
 * a build without a configuration header gets the default too).
 */
#if defined(CONFIG_SYS_HEAP_RUNTIME_STATS) ? CONFIG_SYS_HEAP_RUNTIME_STATS : !defined(ZMEM_AUTOCONF)
#define SYS_HEAP_STATS_ENABLED 1
#else
#define SYS_HEAP_STATS_ENABLED 0
#endif

/**
 * @brief 1 when 32-bit small heaps use 4-byte chunk units (CONFIG_SYS_HEAP_SMALL_UNIT4, default
 * y, n with CONFIG_SYS_HEAP_COMPACT; a build without a configuration header gets the default
 * too): heaps of at most 32767 4-byte units (128 KiB) on targets with 32-bit pointers, whose
 * blocks are then 4-aligned. Always 0 on 64-bit hosts and with CONFIG_SYS_HEAP_BIG_ONLY.
 */
#if (defined(CONFIG_SYS_HEAP_SMALL_UNIT4)                                                          \
	     ? CONFIG_SYS_HEAP_SMALL_UNIT4                                                         \
	     : !defined(ZMEM_AUTOCONF) &&                                                          \
		       !(defined(CONFIG_SYS_HEAP_COMPACT) && CONFIG_SYS_HEAP_COMPACT)) &&          \
	UINTPTR_MAX <= 0xFFFFFFFFu &&                                                              \
	!(defined(CONFIG_SYS_HEAP_BIG_ONLY) && CONFIG_SYS_HEAP_BIG_ONLY)
#define SYS_HEAP_UNIT4_ENABLED 1
#else
#define SYS_HEAP_UNIT4_ENABLED 0
#endif

/**
 * @brief A heap over one caller-provided buffer. Treat the fields as private.
 *
 * The first three fields are Zephyr's. The others are zmem's bookkeeping, kept here rather
 * than in the buffer so that no overflow of a block can change the heap's bounds or its
 * failed-size cache (the buffer holds only the chunk headers and the free-list heads).
 */
struct sys_heap {
	struct z_heap *heap; /**< Grid origin inside the buffer (free-list heads start here). */
	void *init_mem;      /**< Buffer given to sys_heap_init(). */
	size_t init_bytes;   /**< Its size in bytes. */
	size_t fit_limit;    /**< Requests above this many bytes fail at once. */
	size_t allocated_bytes;     /**< With CONFIG_SYS_HEAP_RUNTIME_STATS: bytes in used chunks. */
	size_t max_allocated_bytes; /**< With CONFIG_SYS_HEAP_RUNTIME_STATS: high-water mark. */
	uint32_t bitmap[2];  /**< Bit k % 32 of word k / 32 set when free list k is not empty. */
	uint32_t cap_hint;   /**< Largest chunk put on the last class while it stays there, or 0. */
	uint32_t cap_hint_units; /**< Its size in units (0: none). */
	uint32_t end;        /**< Index of the end-marker chunk (0: not usable). */
	uint16_t first;      /**< Index of the first chunk (the units chunk 0 takes). */
	uint8_t lay;         /**< Layout (small, big, small with 4-byte units: lib/heap/heap.h). */
	uint8_t kmax;        /**< Last size class (it also holds every larger chunk). */
	uint8_t cap_class;   /**< kmax when capped below the largest chunk's class, else 0. */
};

/** @cond INTERNAL_HIDDEN */
/*
 * Helpers for Z_HEAP_MIN_SIZE_FOR(), the exact layout rule of sys_heap_init() written so that
 * the preprocessor expands each argument a bounded number of times. A heap whose end marker is
 * chunk e (e = (bytes - 8) / 8 for an 8-byte aligned buffer) gives chunk 0 (its header and the
 * list heads) F(e) = 3 + floor(log2(e - 1) / 2) units; its largest chunk is e - F(e) units.
 */
#if defined(__GNUC__) || defined(__clang__)
/*
 * F(e) - 3 is floor(log4(e - 1)), at most 15: with __builtin_clzll (an integer constant
 * expression in GCC and Clang) e is expanded twice instead of fifteen times. The nested helpers
 * below copy their arguments many times over, so the portable form made each use of
 * Z_HEAP_MIN_SIZE_FOR() about 300 KB of preprocessed text (seconds of compile time).
 */
#define Z_HEAP_F_(e)                                                                               \
	(3ull + ((unsigned long long)((e) - 1u) >= 0x40000000ull                                  \
			 ? 15u                                                                     \
			 : (63u - (unsigned)__builtin_clzll((unsigned long long)((e) - 1u) | 1ull)) / \
				   2u))
#else
#define Z_HEAP_F_(e)                                                                               \
	(3ull + ((e) - 1u >= 0x4ull) + ((e) - 1u >= 0x10ull) + ((e) - 1u >= 0x40ull) +             \
	 ((e) - 1u >= 0x100ull) + ((e) - 1u >= 0x400ull) + ((e) - 1u >= 0x1000ull) +               \
	 ((e) - 1u >= 0x4000ull) + ((e) - 1u >= 0x10000ull) + ((e) - 1u >= 0x40000ull) +           \
	 ((e) - 1u >= 0x100000ull) + ((e) - 1u >= 0x400000ull) + ((e) - 1u >= 0x1000000ull) +      \
	 ((e) - 1u >= 0x4000000ull) + ((e) - 1u >= 0x10000000ull) + ((e) - 1u >= 0x40000000ull))
#endif
#if defined(CONFIG_SYS_HEAP_CANARY) && CONFIG_SYS_HEAP_CANARY ||                              \
	defined(CONFIG_SYS_HEAP_HARDENING_LEVEL) && CONFIG_SYS_HEAP_HARDENING_LEVEL >= 3
#define Z_HEAP_CANARY_BYTES_ 4ull
#else
#define Z_HEAP_CANARY_BYTES_ 0ull
#endif
/* Units a request of @p b bytes takes with @p hb-byte headers (never below the minimum chunk). */
#define Z_HEAP_UNITS_(b, hb)                                                                       \
	(((unsigned long long)(b) + (hb) + Z_HEAP_CANARY_BYTES_ + 7u) / 8u < (hb) / 4u            \
		 ? (hb) / 4u                                                                       \
		 : ((unsigned long long)(b) + (hb) + Z_HEAP_CANARY_BYTES_ + 7u) / 8u)
/*
 * Smallest end marker whose heap holds a chunk of @p u units: a = u + F(u + 1) is a lower
 * bound, and F grows by at most 2 over the next 20 units, so it is a, a + 1 or a + 2.
 */
#define Z_HEAP_A_(u) ((u) + Z_HEAP_F_((u) + 1u))
#define Z_HEAP_END_(u)                                                                             \
	(Z_HEAP_A_(u) - Z_HEAP_F_(Z_HEAP_A_(u)) >= (u)             ? Z_HEAP_A_(u)                 \
	 : Z_HEAP_A_(u) + 1u - Z_HEAP_F_(Z_HEAP_A_(u) + 1u) >= (u) ? Z_HEAP_A_(u) + 1u            \
								     : Z_HEAP_A_(u) + 2u)
#define Z_HEAP_SMALL_END_(b) Z_HEAP_END_(Z_HEAP_UNITS_(b, 4u))
#define Z_HEAP_BIG_END_(b)   Z_HEAP_END_(Z_HEAP_UNITS_(b, 8u))
/*
 * The layout sys_heap_init() picks: AUTO the small one (4-byte headers) up to an end marker of
 * 32767, the big one (8-byte headers) past it; BIG_ONLY always the big one; SMALL_ONLY always
 * the small one (a heap larger than 32767 units uses its first 32767, so a request whose small
 * end marker passes 32767 is served by no buffer at all).
 */
#if defined(CONFIG_SYS_HEAP_BIG_ONLY) && CONFIG_SYS_HEAP_BIG_ONLY &&                               \
	!(defined(CONFIG_SYS_HEAP_SMALL_ONLY) && CONFIG_SYS_HEAP_SMALL_ONLY)
#define Z_HEAP_MIN8_(b) (8u + 8u * Z_HEAP_BIG_END_(b))
#elif defined(CONFIG_SYS_HEAP_SMALL_ONLY) && CONFIG_SYS_HEAP_SMALL_ONLY
#define Z_HEAP_MIN8_(b) (8u + 8u * Z_HEAP_SMALL_END_(b))
#else
#define Z_HEAP_MIN8_(b)                                                                            \
	(8u + 8u * (Z_HEAP_SMALL_END_(b) <= 32767u ? Z_HEAP_SMALL_END_(b) : Z_HEAP_BIG_END_(b)))
#endif
/*
 * 4-byte units (SYS_HEAP_UNIT4_ENABLED): a heap whose end marker is chunk e (e = (bytes - 4) / 4
 * for a 4-byte aligned buffer, at most 32767) gives chunk 0 F4(e) = 2 F(floor(e / 2)) units; a
 * request takes max(2, ceil((b + 4) / 4)) units (the canary included). The smallest e holding a
 * chunk of u units is a = u + F4(u + 6) (a lower bound, as e >= u + 6) or one of the next three.
 */
#define Z_HEAP_F4_(e) (2u * Z_HEAP_F_((e) >> 1))
#define Z_HEAP_UNITS4_(b)                                                                          \
	(((unsigned long long)(b) + 4u + Z_HEAP_CANARY_BYTES_ + 3u) / 4u < 2u                     \
		 ? 2ull                                                                            \
		 : ((unsigned long long)(b) + 4u + Z_HEAP_CANARY_BYTES_ + 3u) / 4u)
#define Z_HEAP_A4_(u)  ((u) + Z_HEAP_F4_((u) + 6u))
#define Z_HEAP_OK4_(e, u) ((e) - Z_HEAP_F4_(e) >= (u))
#define Z_HEAP_END4_(u)                                                                            \
	(Z_HEAP_OK4_(Z_HEAP_A4_(u), u)        ? Z_HEAP_A4_(u)                                      \
	 : Z_HEAP_OK4_(Z_HEAP_A4_(u) + 1u, u) ? Z_HEAP_A4_(u) + 1u                                 \
	 : Z_HEAP_OK4_(Z_HEAP_A4_(u) + 2u, u) ? Z_HEAP_A4_(u) + 2u                                 \
					      : Z_HEAP_A4_(u) + 3u)
/* Past 32767 4-byte units a heap has 8-byte units: a buffer of 131076 bytes or more. */
#define Z_HEAP_MIN4_(b)                                                                            \
	(Z_HEAP_END4_(Z_HEAP_UNITS4_(b)) <= 32767u ? 4u + 4u * Z_HEAP_END4_(Z_HEAP_UNITS4_(b))     \
	 : Z_HEAP_MIN8_(b) > 131076u                ? Z_HEAP_MIN8_(b)                              \
						    : 131076u)
/** @endcond */

/**
 * @brief Smallest buffer (8-byte aligned) in which one allocation of @p bytes succeeds right
 * after sys_heap_init() (exact: one byte less and it fails). A buffer that is not 8-byte aligned
 * may need up to 7 bytes more (with 4-byte units, SYS_HEAP_UNIT4_ENABLED, a 4-byte aligned one
 * needs none more below 128 KiB).
 */
#if SYS_HEAP_UNIT4_ENABLED
#define Z_HEAP_MIN_SIZE_FOR(bytes) ((size_t)Z_HEAP_MIN4_(bytes))
#else
#define Z_HEAP_MIN_SIZE_FOR(bytes) ((size_t)Z_HEAP_MIN8_(bytes))
#endif

/**
 * @brief Smallest buffer (8-byte aligned) sys_heap_init() accepts (exact: one byte less is
 * refused): the smallest that can serve one allocation of one byte.
 */
#define Z_HEAP_MIN_SIZE Z_HEAP_MIN_SIZE_FOR(1u)

/** @brief Result of sys_heap_stress(). */
struct z_heap_stress_result {
	uint32_t total_allocs;             /**< Allocation attempts. */
	uint32_t successful_allocs;        /**< Attempts that returned memory. */
	uint32_t total_frees;              /**< Frees performed. */
	uint64_t accumulated_in_use_bytes; /**< Sum over ops of bytes in use (for averages). */
};

/**
 * @brief Initialize a heap over a buffer.
 *
 * The start is aligned up and the end aligned down; a few bytes hold the heap header and an
 * end marker. A buffer too small to hold the header and one chunk, or too large for the
 * chunk encoding, is a programming error: it is reported through the error hook and the heap
 * is left unusable (every allocation returns NULL).
 *
 * @param h Heap to initialize.
 * @param mem Buffer to manage; it must stay valid for the heap's lifetime.
 * @param bytes Size of @p mem in bytes.
 */
void sys_heap_init(struct sys_heap *h, void *mem, size_t bytes);

/**
 * @brief Allocate memory.
 *
 * @param h Heap.
 * @param bytes Bytes wanted.
 * @return Memory aligned to at least sizeof(void *), or NULL for 0 bytes, for a request larger
 *         than the heap (including sizes near SIZE_MAX) or when no free block fits.
 */
void *sys_heap_alloc(struct sys_heap *h, size_t bytes);

/**
 * @brief Allocate aligned memory.
 *
 * @param h Heap.
 * @param align Power of two (0 means natural alignment). Alignments at or below the natural
 *        alignment behave like sys_heap_alloc().
 * @param bytes Bytes wanted.
 * @return Memory aligned to @p align, or NULL (see sys_heap_alloc(); also NULL when @p align
 *         is not a power of two).
 */
void *sys_heap_aligned_alloc(struct sys_heap *h, size_t align, size_t bytes);

/**
 * @brief sys_heap_alloc() with sys_heap_aligned_alloc()'s signature (Zephyr's), for code that
 * passes one allocation function around: @p align is ignored.
 *
 * A function of the library, as in Zephyr (its address can be taken and it can be linked to).
 *
 * @param h Heap.
 * @param align Ignored.
 * @param bytes Bytes wanted.
 * @return As sys_heap_alloc().
 */
void *sys_heap_noalign_alloc(struct sys_heap *h, size_t align, size_t bytes);

/**
 * @brief Free memory.
 *
 * NULL is a no-op. A double free, a pointer that is not a live block of this heap, or a block
 * whose neighbour headers were overwritten is reported through the error hook and ignored: the
 * heap is left as it was.
 *
 * @param h Heap.
 * @param mem Memory returned by this heap, or NULL.
 */
void sys_heap_free(struct sys_heap *h, void *mem);

/**
 * @brief Resize an allocation, keeping its contents.
 *
 * Same as sys_heap_aligned_realloc() with align 0.
 */
void *sys_heap_realloc(struct sys_heap *h, void *ptr, size_t bytes);

/**
 * @brief Resize an allocation with an alignment, keeping its contents.
 *
 * NULL @p ptr allocates; 0 @p bytes frees and returns NULL. Shrinks in place; grows in place
 * into a free right neighbour; otherwise allocates, copies min(old usable size, @p bytes) and
 * frees the old block. A block not aligned to @p align always moves.
 *
 * @return The (possibly moved) block, or NULL on failure, in which case @p ptr is untouched
 *         and still owned by the caller.
 */
void *sys_heap_aligned_realloc(struct sys_heap *h, void *ptr, size_t align, size_t bytes);

/**
 * @brief Bytes usable from @p mem to the end of its block (at least the size requested).
 */
size_t sys_heap_usable_size(struct sys_heap *h, void *mem);

/**
 * @brief Check the whole heap for consistency.
 *
 * Walks every chunk in both directions and every free list, and checks the free-list bitmap
 * and the statistics against a recount.
 *
 * @return true when the heap is consistent.
 */
bool sys_heap_validate(struct sys_heap *h);

/**
 * @brief Drive an allocator with a random workload (Zephyr's test helper).
 *
 * @param alloc_fn Allocation function called with @p arg and a size.
 * @param free_fn Free function called with @p arg and a pointer.
 * @param arg Passed to both functions.
 * @param total_bytes Size of the heap under test, used to pick sizes.
 * @param op_count Operations to run.
 * @param scratch_mem Scratch space to remember live blocks.
 * @param scratch_bytes Size of @p scratch_mem.
 * @param target_percent Fill level the workload steers towards.
 * @param result Filled with counts.
 */
void sys_heap_stress(void *(*alloc_fn)(void *arg, size_t bytes),
		     void (*free_fn)(void *arg, void *p), void *arg, size_t total_bytes,
		     uint32_t op_count, void *scratch_mem, size_t scratch_bytes, int target_percent,
		     struct z_heap_stress_result *result);

/**
 * @brief Read the heap's usage statistics.
 * @return 0, or -EINVAL when @p h or @p stats is NULL.
 */
int sys_heap_runtime_stats_get(struct sys_heap *h, struct sys_memory_stats *stats);

/**
 * @brief Set the high-water mark to the bytes allocated now.
 * @return 0, or -EINVAL when @p h is NULL.
 */
int sys_heap_runtime_stats_reset_max(struct sys_heap *h);

/**
 * @brief Print the heap's layout: units, a bucket table, optionally every chunk, then free
 * bytes, allocated bytes and overhead.
 */
void sys_heap_print_info(struct sys_heap *h, bool dump_chunks);

/**
 * @brief Remember a heap in the heap array (CONFIG_SYS_HEAP_ARRAY_SIZE > 0).
 *
 * sys_heap_init() calls it for every heap it sets up, so k_heap, the system heap and every
 * sys_heap appear without their owners exporting them. A heap already in the array (one
 * initialized again) is not added twice. Like Zephyr's, the array takes no lock: heaps are
 * set up at boot or by their owner; serialize concurrent first initializations.
 *
 * @param h Heap to remember.
 * @return 0, or -EINVAL when @p h is NULL or the array is full.
 */
int sys_heap_array_save(struct sys_heap *h);

/**
 * @brief The heaps remembered so far (CONFIG_SYS_HEAP_ARRAY_SIZE > 0), in the order they were
 * first initialized, e.g. to sum sys_heap_runtime_stats_get() over all of them.
 *
 * @param heap Set to the array of heap pointers.
 * @return The number of heaps in it, or -EINVAL when @p heap is NULL.
 */
int sys_heap_array_get(struct sys_heap ***heap);

/** @brief Fragmentation report (zmem extension). */
struct sys_heap_fragmentation {
	size_t free_bytes;        /**< Usable bytes in all free blocks. */
	size_t largest_free_block; /**< Largest request sys_heap_alloc() can satisfy now. */
	size_t free_blocks;       /**< Number of free blocks. */
	/** 100 * (1 - largest_free_block / free_bytes): 0 means all free space is one block. */
	unsigned int fragmentation_pct;
};

/**
 * @brief Report free space, the largest free block and a fragmentation figure (zmem
 * extension). Walks the heap: cost grows with the number of blocks.
 * @return 0, or -EINVAL when an argument is NULL.
 */
int sys_heap_fragmentation_get(struct sys_heap *h, struct sys_heap_fragmentation *frag);

/**
 * @brief Heap walk callback (zmem extension).
 * @param mem Start of the block's usable memory.
 * @param bytes Usable bytes in the block.
 * @param used true for an allocated block, false for a free one.
 * @param user_data As passed to sys_heap_walk().
 * @return true to continue the walk, false to stop it.
 */
typedef bool (*sys_heap_walk_cb_t)(void *mem, size_t bytes, bool used, void *user_data);

/**
 * @brief Call @p cb for every block in address order (zmem extension).
 * @return Number of blocks visited.
 */
size_t sys_heap_walk(struct sys_heap *h, sys_heap_walk_cb_t cb, void *user_data);

/** @brief Kinds of misuse and corruption the heap detects (zmem extension). */
enum sys_heap_error {
	SYS_HEAP_ERR_DOUBLE_FREE,    /**< Block is already free. */
	SYS_HEAP_ERR_BAD_POINTER,    /**< Not the start of a block of this heap. */
	SYS_HEAP_ERR_CORRUPT_HEADER, /**< A chunk header (own or neighbour's) was overwritten. */
	SYS_HEAP_ERR_CANARY,         /**< A block's canary was overwritten (hardened level). */
	SYS_HEAP_ERR_BAD_INIT,       /**< sys_heap_init() given an unusable buffer. */
};

/**
 * @brief Error hook: called once per detected error, before the bad call returns having
 * changed nothing (zmem extension).
 */
typedef void (*sys_heap_error_hook_t)(struct sys_heap *h, void *mem, enum sys_heap_error err);

/**
 * @brief Replace the error hook for all heaps; NULL restores the default, which logs the
 * address and the reason through the logging system.
 */
void sys_heap_error_hook_set(sys_heap_error_hook_t hook);

/** @brief Name of an error, for messages. */
const char *sys_heap_error_str(enum sys_heap_error err);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_SYS_HEAP_H_ */
