/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_heap (a sys_heap with a lock and blocking allocation), the system heap (k_malloc
 * and friends) and thread resource pools (Zephyr API).
 *
 * Blocking follows Zephyr: K_NO_WAIT fails at once; with a timeout the caller waits for frees,
 * every k_heap_free() wakes all waiters, which retry in priority order and wait again for the
 * rest of their timeout; at expiry there is one last try. Waiting from an ISR is refused with
 * an error message.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_HEAP_H_
#define ZEPHYR_INCLUDE_KERNEL_HEAP_H_

#include <stddef.h>
#include <stdint.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys/mem_stats.h>
#include <zephyr/sys/sys_heap.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

struct k_thread;

/** @brief A kernel heap. Fields are private except @c heap (Zephyr code reads h->heap). */
struct k_heap {
	struct sys_heap heap;   /**< The allocator. */
	_wait_q_t wait_q;       /**< Threads waiting for memory. */
	struct k_spinlock lock; /**< Serializes the allocator. */
};

/** @cond INTERNAL_HIDDEN */
/* Statically defined heaps live side by side in this section (k_heap_array_get()). */
#define Z_K_HEAP_SECTION "zmem_k_heap"

/* Initializes a statically defined heap before main() (called by a constructor); safe to call
 * again, and used by the system heap's early (pre-constructor) users. */
void z_k_heap_static_init(struct k_heap *h);

/* Zephyr rounds a heap too small to hold one block up to Z_HEAP_MIN_SIZE. */
#ifdef Z_HEAP_MIN_SIZE
#define Z_K_HEAP_BYTES(bytes) ((bytes) > Z_HEAP_MIN_SIZE ? (bytes) : Z_HEAP_MIN_SIZE)
#else
#define Z_K_HEAP_BYTES(bytes) (bytes)
#endif

/* The buffer comes first, so that `static K_HEAP_DEFINE(...)` (Zephyr code writes it) makes the
 * buffer file-local, as on Zephyr; the k_heap itself must stay visible to the section. */
#define Z_HEAP_DEFINE(name, bytes)                                                                 \
	char __attribute__((aligned(8))) kheap_##name[Z_K_HEAP_BYTES(bytes)];                      \
	__attribute__((section(Z_K_HEAP_SECTION), used,                                            \
		       aligned(__alignof__(struct k_heap)))) struct k_heap name = {                \
	    .heap = {.heap = NULL, .init_mem = kheap_##name, .init_bytes = sizeof(kheap_##name)},  \
	    .wait_q = Z_WAIT_Q_INIT(&(name).wait_q),                                               \
	};                                                                                         \
	__attribute__((constructor(200))) static void z_k_heap_ctor_##name(void)                   \
	{                                                                                          \
		z_k_heap_static_init(&(name));                                                     \
	}                                                                                          \
	struct z_k_heap_define_##name##_needs_a_semicolon
/** @endcond */

/**
 * @brief Define a k_heap of @p bytes bytes at file scope, ready before main() runs.
 *
 * A few bytes of @p bytes hold the allocator's own header.
 */
#define K_HEAP_DEFINE(name, bytes) Z_HEAP_DEFINE(name, bytes)

/**
 * @brief As K_HEAP_DEFINE(), in uncached memory on targets that have a cache (the host has
 * none, so it is the same).
 */
#define K_HEAP_DEFINE_NOCACHE(name, bytes) Z_HEAP_DEFINE(name, bytes)

/**
 * @brief Size of the system heap, as a preprocessor number (Zephyr code writes
 * `#if K_HEAP_MEM_POOL_SIZE > 0`): CONFIG_HEAP_MEM_POOL_SIZE, 0 when there is none.
 */
#if defined(CONFIG_HEAP_MEM_POOL_SIZE)
#define K_HEAP_MEM_POOL_SIZE CONFIG_HEAP_MEM_POOL_SIZE
#else
#define K_HEAP_MEM_POOL_SIZE 0
#endif

/**
 * @brief Initialize a k_heap over @p mem.
 * @param h The heap.
 * @param mem Buffer, valid for the heap's lifetime.
 * @param bytes Size of @p mem.
 */
void k_heap_init(struct k_heap *h, void *mem, size_t bytes);

/**
 * @brief Allocate memory, waiting up to @p timeout for frees.
 *
 * @param h The heap.
 * @param bytes Bytes wanted (0 gives NULL at once).
 * @param timeout K_NO_WAIT, a duration or K_FOREVER.
 * @return Memory aligned to at least a word, or NULL.
 */
void *k_heap_alloc(struct k_heap *h, size_t bytes, k_timeout_t timeout);

/**
 * @brief Allocate aligned memory, waiting up to @p timeout for frees.
 * @param h The heap.
 * @param align A power of two (0 for natural alignment).
 * @param bytes Bytes wanted.
 * @param timeout K_NO_WAIT, a duration or K_FOREVER.
 * @return Memory aligned to @p align, or NULL.
 */
void *k_heap_aligned_alloc(struct k_heap *h, size_t align, size_t bytes, k_timeout_t timeout);

/**
 * @brief Allocate a zeroed array of @p num elements of @p size bytes.
 * @return Zeroed memory, or NULL (also when @p num * @p size overflows).
 */
void *k_heap_calloc(struct k_heap *h, size_t num, size_t size, k_timeout_t timeout);

/**
 * @brief Resize a block, waiting up to @p timeout for frees when it must grow.
 *
 * NULL @p ptr allocates. 0 @p bytes frees @p ptr once and returns NULL (whatever the
 * timeout). On failure NULL is returned and @p ptr is untouched.
 */
void *k_heap_realloc(struct k_heap *h, void *ptr, size_t bytes, k_timeout_t timeout);

/**
 * @brief Free memory and wake every thread waiting on the heap.
 *
 * NULL is a no-op. A double free or a foreign pointer is reported by the sys_heap error hook
 * and ignored.
 */
void k_heap_free(struct k_heap *h, void *mem);

/**
 * @brief Read the heap's usage (the seed's form of sys_heap_runtime_stats_get(&h->heap, ...)).
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 */
int k_heap_runtime_stats_get(struct k_heap *h, struct sys_memory_stats *stats);

/**
 * @brief Set the heap's high-water mark to what is allocated now.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 */
int k_heap_runtime_stats_reset_max(struct k_heap *h);

/**
 * @brief The heaps defined with K_HEAP_DEFINE (including the system heap).
 * @param heap Receives the first of them (they are contiguous), or NULL when there are none.
 * @return Their number.
 */
int k_heap_array_get(struct k_heap **heap);

/**
 * @brief Allocate from the system heap (CONFIG_HEAP_MEM_POOL_SIZE bytes).
 *
 * The owning heap is kept in a header before the block, so k_free() needs no heap argument
 * and k_malloc(0) returns a valid, freeable pointer. Never waits.
 *
 * @return Word-aligned memory, or NULL (also when @p size plus the header overflows).
 */
void *k_malloc(size_t size);

/**
 * @brief Allocate from the system heap with an alignment.
 * @param align A power of two (smaller than a word means a word).
 * @param size Bytes wanted; need not be a multiple of @p align.
 * @return Memory aligned to @p align, or NULL.
 */
void *k_aligned_alloc(size_t align, size_t size);

/** @brief Zeroed array from the system heap; NULL when @p nmemb * @p size overflows. */
void *k_calloc(size_t nmemb, size_t size);

/**
 * @brief Resize a block from k_malloc() and friends (in the heap it came from).
 *
 * NULL @p ptr behaves like k_malloc(); 0 @p size frees and returns NULL; on failure NULL is
 * returned and @p ptr is untouched.
 */
void *k_realloc(void *ptr, size_t size);

/**
 * @brief Free memory from k_malloc(), k_calloc(), k_realloc(), k_aligned_alloc(),
 * z_thread_malloc() or z_thread_aligned_alloc(), whichever heap it came from.
 *
 * NULL is a no-op. A pointer whose header is not one of ours (foreign or already freed) is
 * reported with LOG_ERR and ignored.
 */
void k_free(void *ptr);

/**
 * @brief Usable bytes of a block from k_malloc() and friends (0 for NULL or a foreign
 * pointer).
 */
size_t k_malloc_usable_size(void *ptr);

/** @brief The system heap, or NULL when CONFIG_HEAP_MEM_POOL_SIZE is 0 (zmem extension). */
struct k_heap *k_system_heap_get(void);

/**
 * @brief Make @p heap the resource pool of @p thread (used by z_thread_malloc(); inherited
 * by the threads it creates). NULL removes the pool.
 */
void k_thread_heap_assign(struct k_thread *thread, struct k_heap *heap);

/** @brief The seed's name for k_thread_heap_assign(). */
static inline void k_thread_resource_pool_assign(struct k_thread *thread, struct k_heap *heap)
{
	k_thread_heap_assign(thread, heap);
}

/** @brief Make the system heap the resource pool of @p thread. */
void k_thread_system_pool_assign(struct k_thread *thread);

/**
 * @brief Allocate from the calling thread's resource pool (from an ISR: the system heap).
 * Freed with k_free().
 * @return Word-aligned memory, or NULL when the thread has no pool or it is full.
 */
void *z_thread_malloc(size_t size);

/**
 * @brief Aligned allocation from the calling thread's resource pool (see z_thread_malloc()).
 */
void *z_thread_aligned_alloc(size_t align, size_t size);

/**
 * @brief Allocate from @p heap with the k_free() header (Zephyr's internal helper behind
 * k_malloc and z_thread_malloc; NULL heap gives NULL).
 */
void *z_heap_aligned_alloc(struct k_heap *heap, size_t align, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_HEAP_H_ */
