/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_mem_blocks: a bitmap allocator of equal, power-of-two sized blocks (Zephyr API).
 *
 * One bit per block records whether it is allocated, so single blocks, scattered sets of blocks
 * and contiguous runs can all be handed out and returned. The object needs no OS; on the host
 * runtime every call is serialized by a lock, in freestanding builds the caller serializes.
 */
#ifndef ZEPHYR_INCLUDE_SYS_MEM_BLOCKS_H_
#define ZEPHYR_INCLUDE_SYS_MEM_BLOCKS_H_

#include <stddef.h>
#include <stdint.h>
#include <zephyr/math/ilog2.h>
#include <zephyr/sys/bitarray.h>
#include <zephyr/sys/mem_stats.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Most allocators one sys_multi_mem_blocks group can hold. */
#define MAX_MULTI_ALLOCATORS 8

/**
 * @brief Geometry and usage of a memory block allocator (Zephyr's `info` member: code reads
 * `info.num_blocks` and `info.blk_sz_shift`).
 *
 * zmem always keeps the usage counters, which Zephyr has only with
 * CONFIG_SYS_MEM_BLOCKS_RUNTIME_STATS.
 */
struct sys_mem_blocks_info {
	uint32_t num_blocks;      /**< Blocks in the buffer. */
	uint8_t blk_sz_shift;     /**< log2 of the block size. */
	uint32_t used_blocks;     /**< Blocks allocated now. */
	uint32_t max_used_blocks; /**< High-water mark of @ref used_blocks. */
};

/**
 * @brief A memory block allocator, laid out as Zephyr's: `info`, `buffer` and `bitmap` (a
 * sys_bitarray with one bit per block, set when allocated) may be read; change the
 * allocator through the calls below only.
 */
typedef struct sys_mem_blocks {
	struct sys_mem_blocks_info info; /**< Geometry and usage. */
	uint8_t *buffer;                 /**< First block. */
	sys_bitarray_t *bitmap;          /**< One bit per block, set when allocated. */
} sys_mem_blocks_t;

struct sys_multi_mem_blocks;

/**
 * @brief Picks the allocator of a group for one allocation.
 * @param group The group.
 * @param cfg Opaque value passed to sys_multi_mem_blocks_alloc().
 * @return An allocator of the group, or NULL to refuse.
 */
typedef sys_mem_blocks_t *(*sys_multi_mem_blocks_choice_fn_t)(struct sys_multi_mem_blocks *group,
							      void *cfg);

/** @brief A group of memory block allocators. Treat the fields as private. */
typedef struct sys_multi_mem_blocks {
	int num_allocators;                                 /**< Allocators added. */
	sys_multi_mem_blocks_choice_fn_t choice_fn;         /**< Chooses an allocator. */
	sys_mem_blocks_t *allocators[MAX_MULTI_ALLOCATORS]; /**< The allocators. */
} sys_multi_mem_blocks_t;

/** @cond INTERNAL_HIDDEN */
#define Z_MEM_BLOCKS_IS_POW2(x) ((x) != 0 && (((x) & ((x)-1)) == 0))

/* Definitions start with the object a storage class written before the macro should apply to
 * (`static SYS_MEM_BLOCKS_DEFINE(...)`: the buffer, as on Zephyr) and end with the checks. */
#define _SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(name, blk_sz, num_blks, buf, mbmod)                    \
	_SYS_BITARRAY_DEFINE(_sys_mem_blocks_bitmap_##name, num_blks, mbmod);                      \
	mbmod sys_mem_blocks_t name = {                                                            \
	    .info = {.num_blocks = (num_blks), .blk_sz_shift = ilog2(blk_sz)},                     \
	    .buffer = (uint8_t *)(buf),                                                            \
	    .bitmap = &_sys_mem_blocks_bitmap_##name,                                              \
	};                                                                                         \
	_Static_assert(Z_MEM_BLOCKS_IS_POW2(blk_sz), "block size must be a power of two");         \
	_Static_assert((num_blks) > 0, "a memory block object needs at least one block")

#define _SYS_MEM_BLOCKS_DEFINE(name, blk_sz, num_blks, balign, mbmod)                              \
	mbmod uint8_t _sys_mem_blocks_buf_##name[(num_blks) * (blk_sz)]                            \
	    __attribute__((aligned(balign)));                                                      \
	_SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(name, blk_sz, num_blks, _sys_mem_blocks_buf_##name,    \
					    mbmod);                                                \
	_Static_assert(Z_MEM_BLOCKS_IS_POW2(balign), "buffer alignment must be a power of two")
/** @endcond */

/**
 * @brief Define a memory block object with its own buffer.
 * @param name Name of the object.
 * @param blk_sz Block size in bytes (a power of two).
 * @param num_blks Number of blocks.
 * @param buf_align Alignment of the buffer (a power of two).
 */
#define SYS_MEM_BLOCKS_DEFINE(name, blk_sz, num_blks, buf_align)                                   \
	_SYS_MEM_BLOCKS_DEFINE(name, blk_sz, num_blks, buf_align, )

/** @brief As SYS_MEM_BLOCKS_DEFINE(), with file-local objects; usable at block scope too. */
#define SYS_MEM_BLOCKS_DEFINE_STATIC(name, blk_sz, num_blks, buf_align)                            \
	_SYS_MEM_BLOCKS_DEFINE(name, blk_sz, num_blks, buf_align, static)

/**
 * @brief Define a memory block object over a buffer the caller provides.
 * @param name Name of the object.
 * @param blk_sz Block size in bytes (a power of two).
 * @param num_blks Number of blocks.
 * @param buf Buffer of at least @p blk_sz * @p num_blks bytes.
 */
#define SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(name, blk_sz, num_blks, buf)                            \
	_SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(name, blk_sz, num_blks, buf, )

/** @brief As SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(), with a file-local object. */
#define SYS_MEM_BLOCKS_DEFINE_STATIC_WITH_EXT_BUF(name, blk_sz, num_blks, buf)                     \
	_SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(name, blk_sz, num_blks, buf, static)

/**
 * @brief Allocate @p count blocks, not necessarily adjacent.
 *
 * All or nothing: when fewer than @p count blocks are free, nothing is allocated.
 *
 * @param mem_block The allocator.
 * @param count Blocks wanted (0 does nothing and succeeds).
 * @param out_blocks Receives @p count block addresses.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 * @retval -ENOMEM Not enough free blocks.
 */
int sys_mem_blocks_alloc(sys_mem_blocks_t *mem_block, size_t count, void **out_blocks);

/**
 * @brief Allocate @p count adjacent blocks (the lowest free run that fits).
 *
 * @param mem_block The allocator.
 * @param count Blocks wanted (0 gives NULL and succeeds).
 * @param out_block Receives the address of the first block.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 * @retval -ENOMEM No free run of @p count blocks.
 */
int sys_mem_blocks_alloc_contiguous(sys_mem_blocks_t *mem_block, size_t count, void **out_block);

/**
 * @brief Allocate the @p count blocks starting at @p in_block.
 *
 * @retval 0 Success.
 * @retval -EINVAL NULL argument, or @p in_block is not a block of this allocator.
 * @retval -ENOMEM One of the blocks is already allocated, or the run goes past the last block
 * (nothing is changed).
 */
int sys_mem_blocks_get(sys_mem_blocks_t *mem_block, void *in_block, size_t count);

/**
 * @brief Whether the @p count blocks starting at @p in_block are all free.
 * @return 1 when all are free; 0 when one is allocated or the range is not ours.
 */
int sys_mem_blocks_is_region_free(sys_mem_blocks_t *mem_block, void *in_block, size_t count);

/**
 * @brief Free blocks given one by one.
 *
 * Every pointer is checked before anything is freed: when one is not an allocated block of
 * this allocator (or appears twice), the error is logged and nothing is freed.
 *
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 * @retval -EFAULT A pointer that is not an allocated block of this allocator.
 */
int sys_mem_blocks_free(sys_mem_blocks_t *mem_block, size_t count, void **in_blocks);

/**
 * @brief Free @p count adjacent blocks starting at @p block.
 *
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 * @retval -EFAULT The range is not made of allocated blocks of this allocator (nothing freed).
 */
int sys_mem_blocks_free_contiguous(sys_mem_blocks_t *mem_block, void *block, size_t count);

/**
 * @brief Read usage in bytes.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 */
int sys_mem_blocks_runtime_stats_get(sys_mem_blocks_t *mem_block, struct sys_memory_stats *stats);

/**
 * @brief Set the high-water mark to the blocks allocated now.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 */
int sys_mem_blocks_runtime_stats_reset_max(sys_mem_blocks_t *mem_block);

/**
 * @brief Initialize an empty group of allocators.
 * @param group The group.
 * @param choice_fn Picks the allocator for each allocation.
 */
void sys_multi_mem_blocks_init(sys_multi_mem_blocks_t *group,
			       sys_multi_mem_blocks_choice_fn_t choice_fn);

/**
 * @brief Add an allocator to a group. Beyond MAX_MULTI_ALLOCATORS the call is logged and
 * ignored.
 */
void sys_multi_mem_blocks_add_allocator(sys_multi_mem_blocks_t *group, sys_mem_blocks_t *alloc);

/**
 * @brief Allocate @p count blocks from the allocator the choice function picks.
 *
 * @param group The group.
 * @param cfg Passed to the choice function.
 * @param count Blocks wanted.
 * @param out_blocks Receives the block addresses.
 * @param blk_size When not NULL, receives the chosen allocator's block size.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument, or the choice function picked no allocator of the group.
 * @retval -ENOMEM Not enough free blocks in the chosen allocator.
 */
int sys_multi_mem_blocks_alloc(sys_multi_mem_blocks_t *group, void *cfg, size_t count,
			       void **out_blocks, size_t *blk_size);

/**
 * @brief Free blocks that all come from one allocator of the group.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument, or the first block belongs to no allocator of the group.
 * @retval -EFAULT A pointer that is not an allocated block of that allocator.
 */
int sys_multi_mem_blocks_free(sys_multi_mem_blocks_t *group, size_t count, void **in_blocks);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_MEM_BLOCKS_H_ */
