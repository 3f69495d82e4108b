/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_multi_heap: several sys_heaps behind one allocator, routed by a choice function
 * (Zephyr API).
 *
 * The application's choice function decides, for each request, which heap serves it (e.g. by
 * memory type passed in @c cfg: DMA-capable, cached, fast). Frees and reallocations find the
 * owning heap from the address. Like sys_heap it is not synchronized.
 */
#ifndef ZEPHYR_INCLUDE_SYS_MULTI_HEAP_H_
#define ZEPHYR_INCLUDE_SYS_MULTI_HEAP_H_

#include <stddef.h>
#include <zephyr/sys/sys_heap.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Most heaps one sys_multi_heap holds. */
#define MAX_MULTI_HEAPS 8

struct sys_multi_heap;

/**
 * @brief Serve one request.
 *
 * Typically picks a heap from @p mheap->heaps by @p cfg and calls sys_heap_aligned_alloc() on
 * it, possibly falling back to another heap.
 *
 * @param mheap The multi-heap.
 * @param cfg Opaque value from the caller of sys_multi_heap_alloc().
 * @param align Alignment wanted (0 for natural).
 * @param size Bytes wanted.
 * @return The memory, or NULL.
 */
typedef void *(*sys_multi_heap_fn_t)(struct sys_multi_heap *mheap, void *cfg, size_t align,
				     size_t size);

/** @brief One heap of a multi-heap and its user data. */
struct sys_multi_heap_rec {
	struct sys_heap *heap; /**< The heap. */
	void *user_data;       /**< Given to sys_multi_heap_add_heap(), e.g. its memory type. */
};

/** @brief A multi-heap. Fields are readable by the choice function. */
struct sys_multi_heap {
	unsigned int nheaps;                              /**< Heaps added. */
	sys_multi_heap_fn_t choice;                       /**< Routes requests. */
	struct sys_multi_heap_rec heaps[MAX_MULTI_HEAPS]; /**< Sorted by address. */
};

/**
 * @brief Initialize an empty multi-heap.
 * @param heap The multi-heap.
 * @param choice_fn Routes every allocation.
 */
void sys_multi_heap_init(struct sys_multi_heap *heap, sys_multi_heap_fn_t choice_fn);

/**
 * @brief Add an initialized sys_heap. Heaps must not overlap. Beyond MAX_MULTI_HEAPS, or
 * for a NULL heap, the call is logged and ignored.
 * @param mheap The multi-heap.
 * @param heap The heap to add.
 * @param user_data Stored beside it for the choice function.
 */
void sys_multi_heap_add_heap(struct sys_multi_heap *mheap, struct sys_heap *heap, void *user_data);

/**
 * @brief Allocate through the choice function.
 * @return Memory, or NULL (also for 0 bytes).
 */
void *sys_multi_heap_alloc(struct sys_multi_heap *mheap, void *cfg, size_t bytes);

/**
 * @brief Allocate aligned memory through the choice function.
 * @return Memory aligned to @p align, or NULL.
 */
void *sys_multi_heap_aligned_alloc(struct sys_multi_heap *mheap, void *cfg, size_t align,
				   size_t bytes);

/**
 * @brief The heap record owning @p addr (any address inside a heap's buffer), or NULL.
 */
const struct sys_multi_heap_rec *sys_multi_heap_get_heap(const struct sys_multi_heap *mheap,
							 void *addr);

/**
 * @brief Free a block of any heap of the multi-heap. NULL is a no-op; an address outside
 * every heap is logged and ignored.
 */
void sys_multi_heap_free(struct sys_multi_heap *mheap, void *block);

/**
 * @brief Resize a block, keeping its contents.
 *
 * NULL @p ptr allocates through the choice function; 0 @p bytes frees and returns NULL. The
 * block is first resized within its own heap; when that fails, a new block is obtained
 * through the choice function, the contents copied and the old block freed.
 *
 * @return The (possibly moved) block, or NULL, in which case @p ptr is untouched.
 */
void *sys_multi_heap_aligned_realloc(struct sys_multi_heap *mheap, void *cfg, void *ptr,
				     size_t align, size_t bytes);

/** @brief sys_multi_heap_aligned_realloc() with natural alignment. */
#define sys_multi_heap_realloc(mheap, cfg, ptr, bytes)                                             \
	sys_multi_heap_aligned_realloc((mheap), (cfg), (ptr), 0, (bytes))

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_MULTI_HEAP_H_ */
