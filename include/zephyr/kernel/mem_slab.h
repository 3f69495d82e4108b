/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Memory slabs: fixed-size blocks in O(1), with blocking allocation (Zephyr API).
 *
 * Free blocks form an intrusive LIFO list: the first word of a free block points to the next
 * free one. Blocks never handed out yet are taken from the untouched end of the buffer, so a
 * slab needs no start-up pass over its buffer and K_MEM_SLAB_DEFINE_STATIC works at block
 * scope too.
 *
 * Misuse is caught, reported through the slab error hook (default: LOG_ERR) and ignored, so
 * the counts stay right (Zephyr #96560): freeing a pointer that is not a block of the slab
 * (outside the buffer, not on a block boundary, or never handed out), and freeing a block that
 * is already free. A used map outside the blocks (one bit per block) decides both in O(1),
 * whatever the blocks contain: a write into a freed block followed by a second free is still a
 * double free, and a free-list link damaged by such a write is found before the block it names
 * is handed out (the list is then rebuilt from the map). The map costs ceil(num_blocks / 32)
 * 32-bit words per slab.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_MEM_SLAB_H_
#define ZEPHYR_INCLUDE_KERNEL_MEM_SLAB_H_

#include <stddef.h>
#include <stdint.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys/mem_stats.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Geometry and usage counters of a slab (Zephyr's struct k_mem_slab_info). */
struct k_mem_slab_info {
	uint32_t num_blocks; /**< Blocks in the buffer. */
	size_t block_size;   /**< Bytes per block (the stride between blocks). */
	uint32_t num_used;   /**< Blocks allocated now. */
	uint32_t max_used;   /**< High-water mark of num_used. */
};

/** @brief A memory slab. Treat the fields as private. */
struct k_mem_slab {
	_wait_q_t wait_q;       /**< Threads waiting for a block. */
	struct k_spinlock lock; /**< Serializes everything below. */
	char *buffer;           /**< First block. */
	char *free_list;        /**< Freed blocks, last freed first (links inside the blocks). */
	char *untouched;        /**< First block never handed out (== end when none). */
	char *end;              /**< End of the last block. */
	uint32_t *used_map;     /**< Bit i set while block i is handed out. */
	uintptr_t div_inv;      /**< Inverse of the block size's odd part, modulo 2^bits. */
	uint32_t div_shift;     /**< Trailing zero bits of the block size. */
	struct k_mem_slab_info info; /**< Geometry and counters. */
};

/** @cond INTERNAL_HIDDEN */
#define Z_MEM_SLAB_WORD sizeof(void *)
/* Stride of a block: the size rounded up to a whole word, as Zephyr's WB_UP(). */
#define Z_MEM_SLAB_STRIDE(sz) ((((size_t)(sz)) + Z_MEM_SLAB_WORD - 1) & ~(Z_MEM_SLAB_WORD - 1))
#define Z_MEM_SLAB_ALIGN(al)  ((al) > Z_MEM_SLAB_WORD ? (al) : Z_MEM_SLAB_WORD)
#define Z_MEM_SLAB_IS_POW2(x) ((x) != 0 && (((x) & ((x)-1)) == 0))
/* 32-bit words of the used map of @p num blocks. */
#define Z_MEM_SLAB_MAP_WORDS(num) (((num) + 31U) / 32U)
/* Block index by multiplication: a stride s = d * 2^k (d odd) keeps k and d's inverse modulo
 * 2^bits (Newton's iteration, each step doubling the correct low bits from 3: five steps give
 * 96 >= 64). Constant for a constant stride, so K_MEM_SLAB_DEFINE needs no start-up pass. */
#define Z_MEM_SLAB_SHIFT(s)       ((uint32_t)__builtin_ctzll((unsigned long long)(s)))
#define Z_MEM_SLAB_ODD(s)         ((uintptr_t)(s) >> Z_MEM_SLAB_SHIFT(s))
#define Z_MEM_SLAB_NEWTON(d, x)   ((x) * ((uintptr_t)2 - (d) * (x)))
#define Z_MEM_SLAB_INV_ODD(d)                                                                      \
	Z_MEM_SLAB_NEWTON(d, Z_MEM_SLAB_NEWTON(d, Z_MEM_SLAB_NEWTON(                               \
				 d, Z_MEM_SLAB_NEWTON(d, Z_MEM_SLAB_NEWTON(d, (d))))))
#define Z_MEM_SLAB_INV(s) Z_MEM_SLAB_INV_ODD(Z_MEM_SLAB_ODD(s))

#define Z_MEM_SLAB_INITIALIZER(_slab, _buf, _stride, _num, _map)                                   \
	{                                                                                          \
		.wait_q = Z_WAIT_Q_INIT(&(_slab).wait_q), .buffer = (char *)(_buf),                \
		.free_list = NULL, .untouched = (char *)(_buf),                                    \
		.end = (char *)(_buf) + (size_t)(_stride) * (size_t)(_num), .used_map = (_map),    \
		.div_inv = Z_MEM_SLAB_INV(_stride), .div_shift = Z_MEM_SLAB_SHIFT(_stride),        \
		.info = {.num_blocks = (_num), .block_size = (_stride)},                           \
	}

#define Z_MEM_SLAB_CHECKS(size, num, align)                                                        \
	_Static_assert(Z_MEM_SLAB_IS_POW2(align), "slab alignment must be a power of two");        \
	_Static_assert(((size) % (align)) == 0,                                                    \
		       "slab block size must be a multiple of its align");                         \
	_Static_assert((size) > 0 && (num) > 0, "a slab needs blocks of a nonzero size")

/* The buffer comes first and the checks last, so that a storage class written before the macro
 * (`static K_MEM_SLAB_DEFINE(...)`, as Zephyr code does) applies to the buffer, as on Zephyr.
 * @p bufmod is the buffer's own storage class, @p mod the slab's. */
#define Z_MEM_SLAB_DEFINE(bufmod, mod, name, size, num, align)                                     \
	bufmod char _k_mem_slab_buf_##name[(num)*Z_MEM_SLAB_STRIDE(size)]                          \
	    __attribute__((aligned(Z_MEM_SLAB_ALIGN(align))));                                     \
	static uint32_t _k_mem_slab_map_##name[Z_MEM_SLAB_MAP_WORDS(num)];                         \
	mod struct k_mem_slab name = Z_MEM_SLAB_INITIALIZER(name, _k_mem_slab_buf_##name,          \
							    Z_MEM_SLAB_STRIDE(size), num,          \
							    _k_mem_slab_map_##name);               \
	Z_MEM_SLAB_CHECKS(size, num, align);                                                       \
	Z_KOBJ_STATIC_RECORD(name)
/** @endcond */

/**
 * @brief Define a memory slab, ready before main() runs.
 *
 * @param name Name of the slab.
 * @param slab_block_size Bytes per block (a multiple of @p slab_align; rounded up to a word).
 * @param slab_num_blocks Number of blocks.
 * @param slab_align Alignment of every block (a power of two).
 */
#define K_MEM_SLAB_DEFINE(name, slab_block_size, slab_num_blocks, slab_align)                      \
	Z_MEM_SLAB_DEFINE(, , name, slab_block_size, slab_num_blocks, slab_align)

/**
 * @brief As K_MEM_SLAB_DEFINE(), with a static slab; usable at block scope too.
 */
#define K_MEM_SLAB_DEFINE_STATIC(name, slab_block_size, slab_num_blocks, slab_align)               \
	Z_MEM_SLAB_DEFINE(static, static, name, slab_block_size, slab_num_blocks, slab_align)

/**
 * @brief Define a slab of objects of type @p type (size and alignment taken from the type).
 */
#define K_MEM_SLAB_DEFINE_TYPE(name, type, slab_num_blocks)                                        \
	K_MEM_SLAB_DEFINE(name, sizeof(type), slab_num_blocks, _Alignof(type))

/**
 * @brief Initialize a slab over a caller-provided buffer.
 *
 * @param slab The slab.
 * @param buffer At least @p block_size * @p num_blocks bytes, word-aligned.
 * @param block_size Bytes per block: a multiple of the word size.
 * @param num_blocks Number of blocks.
 * The slab's used map (ceil(@p num_blocks / 32) words) comes from a static pool shared by the
 * slabs set up this way (CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS words for at most
 * CONFIG_ZMEM_MEM_SLAB_INIT_MAX slab objects; initializing the same object again reuses its
 * words). K_MEM_SLAB_DEFINE() slabs have their own.
 *
 * @retval 0 Success.
 * @retval -EINVAL NULL slab or buffer, @p buffer or @p block_size not word-aligned, a block
 *         smaller than a word, no blocks, or a buffer size that overflows.
 * @retval -ENOMEM The map pool is exhausted (zmem; Zephyr needs no map).
 */
int k_mem_slab_init(struct k_mem_slab *slab, void *buffer, size_t block_size, uint32_t num_blocks);

/**
 * @brief Take a block.
 *
 * Waiters are served highest priority first, then the longest waiting. From an ISR a free
 * block is handed out whatever the timeout; having to wait there is refused with an error
 * message and -EINVAL.
 *
 * @param slab The slab (not NULL).
 * @param mem Receives the block, or NULL on failure (not NULL itself).
 * @param timeout K_NO_WAIT, a duration or K_FOREVER.
 * @retval 0 Success.
 * @retval -ENOMEM No block free and K_NO_WAIT.
 * @retval -EAGAIN No block became free within @p timeout.
 * @retval -EINVAL No block free and waiting requested from an ISR.
 */
int k_mem_slab_alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout);

/**
 * @brief Give a block back. If a thread waits, it receives this block directly.
 *
 * NULL is a no-op. A pointer that is not a block of @p slab, or a block that is already
 * free, is reported through the error hook and ignored.
 */
void k_mem_slab_free(struct k_mem_slab *slab, void *mem);

/**
 * @brief k_mem_slab_free() for an argument of type `void **`: Zephyr before 3.5 took the
 * address of the block pointer (`k_mem_slab_free(slab, &block)`), Zephyr 3.5 and later the
 * block itself.
 *
 * A @p mem that is a block of @p slab is freed as it is (a block typed `void **`, as in a slab
 * of list nodes); anything else is taken as the older form and the block pointer it points at
 * is freed. Code passing `void *` or another pointer type calls k_mem_slab_free() directly.
 * Without this, the older form compiles (`void **` converts to `void *`) and every free is
 * reported as a foreign pointer and ignored: the blocks leak.
 */
void z_mem_slab_free_either_form(struct k_mem_slab *slab, void *mem);

#if !defined(__cplusplus)
/* (A function-like macro does not expand itself: `default` names the function above.) */
#define k_mem_slab_free(slab, mem)                                                                 \
	_Generic((mem), void **: z_mem_slab_free_either_form, default: k_mem_slab_free)((slab), (mem))
#endif

/** @brief Blocks allocated now. */
static inline uint32_t k_mem_slab_num_used_get(struct k_mem_slab *slab)
{
	return slab->info.num_used;
}

/** @brief Most blocks ever allocated at once (since the last reset). */
static inline uint32_t k_mem_slab_max_used_get(struct k_mem_slab *slab)
{
	return slab->info.max_used;
}

/** @brief Blocks free now. */
static inline uint32_t k_mem_slab_num_free_get(struct k_mem_slab *slab)
{
	return slab->info.num_blocks - slab->info.num_used;
}

/**
 * @brief Usage in bytes (blocks times block size).
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 */
int k_mem_slab_runtime_stats_get(struct k_mem_slab *slab, struct sys_memory_stats *stats);

/**
 * @brief Set the high-water mark to the blocks allocated now.
 * @retval 0 Success.
 * @retval -EINVAL NULL argument.
 */
int k_mem_slab_runtime_stats_reset_max(struct k_mem_slab *slab);

/** @brief Misuse a slab detects (zmem extension). */
enum k_mem_slab_error {
	K_MEM_SLAB_ERR_DOUBLE_FREE, /**< The block is already free. */
	K_MEM_SLAB_ERR_BAD_POINTER, /**< Not a block this slab handed out. */
	/** An allocation found the free list damaged (a freed block was written to): @p mem is
	 * the first unsound link, or the slab's buffer when the list had lost free blocks. The
	 * list was rebuilt from the used map and the allocation went on. */
	K_MEM_SLAB_ERR_FREE_LIST_CORRUPT,
};

/**
 * @brief Error hook: called once per detected misuse (zmem extension). A refused free has
 * changed nothing when the hook runs; an allocation that found a damaged free list has
 * rebuilt it and goes on.
 */
typedef void (*k_mem_slab_error_hook_t)(struct k_mem_slab *slab, void *mem,
					enum k_mem_slab_error err);

/** @brief Replace the error hook for all slabs; NULL restores the default (LOG_ERR). */
void k_mem_slab_error_hook_set(k_mem_slab_error_hook_t hook);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_MEM_SLAB_H_ */
