/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_mem_slab: O(1) fixed-size blocks with blocking allocation.
 *
 * Fast paths (a block is free / nobody waits) touch only the slab, and take no lock unless
 * configured to (kobj_fast_lock.h). A free with waiters hands the block straight to the first
 * waiter (highest priority, then longest waiting) without putting it on the free list, so no
 * other thread can take it in between. Blocks never handed out are taken from the untouched
 * end of the buffer, so a slab needs no start-up pass over its blocks.
 *
 * Used map: one bit per block, outside the blocks, set while the block is handed out. Nothing
 * the slab decides depends on what a block contains, because a block's owner (or a stale
 * pointer to a freed block) can write anything into it:
 *  - free: the pointer must be a block boundary below `untouched` (else BAD_POINTER) whose bit
 *    is set (else DOUBLE_FREE). num_used only drops when a bit is cleared, so it never wraps.
 *  - alloc: the free list's links live in free blocks and may have been overwritten. The head
 *    is taken only when it is a block boundary whose bit is clear; otherwise the list is
 *    rebuilt from the map (FREE_LIST_CORRUPT, O(blocks)). A block is therefore never handed
 *    out twice, and never one outside the buffer. A list shortened by a stale write loses its
 *    tail only until the next rebuild: when the list is empty while the map says some blocks
 *    are free, it is rebuilt too.
 * Every check is O(1): a multiplication and a rotation for the block index (block_number()),
 * one bit test.
 *
 * Memory: ceil(num_blocks / 32) 32-bit words per slab. K_MEM_SLAB_DEFINE places them beside
 * the buffer; k_mem_slab_init() takes them from a static pool of
 * CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS words shared by the slabs set up at run time (recorded
 * by slab address, so initializing the same slab object again reuses its words).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include <ksched.h>
#include <wait_q.h>

#include "kobj_fast_lock.h"
#include "kobject_registry.h"

LOG_MODULE_REGISTER(mem_slab, CONFIG_LOG_DEFAULT_LEVEL);

#define WORD sizeof(void *)

/* Without a configuration header (freestanding and Cortex-M builds): the kconfig defaults. */
#ifndef CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS
#define CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS 64
#endif
#ifndef CONFIG_ZMEM_MEM_SLAB_INIT_MAX
#define CONFIG_ZMEM_MEM_SLAB_INIT_MAX 8
#endif

static void default_error_hook(struct k_mem_slab *slab, void *mem, enum k_mem_slab_error err)
{
	if (err == K_MEM_SLAB_ERR_FREE_LIST_CORRUPT) {
		LOG_ERR("k_mem_slab %p: free list damaged at %p (a freed block was written to); "
			"rebuilt from the used map",
			(void *)slab, mem);
		return;
	}
	LOG_ERR("k_mem_slab %p: free of %p ignored: %s", (void *)slab, mem,
		err == K_MEM_SLAB_ERR_DOUBLE_FREE ? "block is already free"
						  : "not a block of this slab");
}

static k_mem_slab_error_hook_t error_hook = default_error_hook;

void k_mem_slab_error_hook_set(k_mem_slab_error_hook_t hook)
{
	error_hook = hook != NULL ? hook : default_error_hook;
}

/* The used-map words of slabs set up by k_mem_slab_init(), handed out once each. */
static uint32_t init_map_pool[CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS];
static size_t init_map_top;
static struct {
	const struct k_mem_slab *slab;
	uint32_t *map;
	size_t words;
} init_maps[CONFIG_ZMEM_MEM_SLAB_INIT_MAX];

/* Words for @p slab's map: its own again if it was set up before with as many, else fresh
 * ones. NULL when the pool (or the record table) is exhausted. */
static uint32_t *init_map_get(const struct k_mem_slab *slab, size_t words)
{
	size_t i;

	for (i = 0; i < CONFIG_ZMEM_MEM_SLAB_INIT_MAX && init_maps[i].slab != NULL; i++) {
		if (init_maps[i].slab == slab) {
			break;
		}
	}
	if (i == CONFIG_ZMEM_MEM_SLAB_INIT_MAX) {
		return NULL;
	}
	if (init_maps[i].slab == slab && init_maps[i].words >= words) {
		return init_maps[i].map;
	}
	if (init_maps[i].slab == slab &&
	    init_maps[i].map + init_maps[i].words == &init_map_pool[init_map_top] &&
	    words - init_maps[i].words <= CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS - init_map_top) {
		/* The last map handed out grows in place. */
		init_map_top += words - init_maps[i].words;
		init_maps[i].words = words;
		return init_maps[i].map;
	}
	if (words > CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS - init_map_top) {
		return NULL;
	}
	/* A slab that grew leaves its old, smaller words unused. */
	init_maps[i].slab = slab;
	init_maps[i].map = &init_map_pool[init_map_top];
	init_maps[i].words = words;
	init_map_top += words;
	return init_maps[i].map;
}

int k_mem_slab_init(struct k_mem_slab *slab, void *buffer, size_t block_size, uint32_t num_blocks)
{
	size_t total;

	if (slab == NULL || buffer == NULL || num_blocks == 0 || block_size < WORD ||
	    (block_size % WORD) != 0 || ((uintptr_t)buffer % WORD) != 0 ||
	    __builtin_mul_overflow(block_size, (size_t)num_blocks, &total) ||
	    (uintptr_t)buffer + total < (uintptr_t)buffer) {
		LOG_ERR("k_mem_slab_init(%p, %p, %zu, %u): buffer and block size must be "
			"word-aligned, blocks at least one word, at least one block",
			(void *)slab, buffer, block_size, (unsigned int)num_blocks);
		return -EINVAL;
	}

	size_t words = Z_MEM_SLAB_MAP_WORDS((size_t)num_blocks);
	uint32_t *map = init_map_get(slab, words);

	if (map == NULL) {
		LOG_ERR("k_mem_slab_init(%p): no room for the used map of %u blocks; raise "
			"CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS (%u words, %zu used) or "
			"CONFIG_ZMEM_MEM_SLAB_INIT_MAX (%u slabs), or use K_MEM_SLAB_DEFINE",
			(void *)slab, (unsigned int)num_blocks,
			(unsigned int)CONFIG_ZMEM_MEM_SLAB_INIT_MAP_WORDS, init_map_top,
			(unsigned int)CONFIG_ZMEM_MEM_SLAB_INIT_MAX);
		return -ENOMEM;
	}
	memset(map, 0, words * sizeof(uint32_t));

	z_object_init(slab);
	z_waitq_init(&slab->wait_q);
	slab->lock = (struct k_spinlock){0};
	slab->buffer = buffer;
	slab->free_list = NULL;
	slab->untouched = buffer;
	slab->end = (char *)buffer + total;
	slab->used_map = map;
	slab->div_shift = (uint32_t)__builtin_ctzll((unsigned long long)block_size);

	uintptr_t odd = (uintptr_t)block_size >> slab->div_shift;
	uintptr_t inv = odd; /* correct to 3 bits; each step doubles that */

	for (int i = 0; i < 5; i++) {
		inv *= (uintptr_t)2 - odd * inv;
	}
	slab->div_inv = inv;
	slab->info.num_blocks = num_blocks;
	slab->info.block_size = block_size;
	slab->info.num_used = 0;
	slab->info.max_used = 0;
	return 0;
}

static inline void count_alloc(struct k_mem_slab *slab)
{
	uint32_t used = ++slab->info.num_used;

	if (used > slab->info.max_used) {
		slab->info.max_used = used;
	}
}

/*
 * Block number of @p blk, found without a division: with the block size s = d * 2^k (d odd),
 * q = rotr((blk - buffer) * inverse(d), k) equals (blk - buffer) / s when blk is a block start,
 * and is at least 2^bits / s > num_blocks otherwise (a misaligned offset, or a pointer below
 * the buffer, which wraps to a huge offset). So `q < num_blocks` is the whole "is a block of
 * this slab" test (sizes are checked at init so that num_blocks * s does not overflow).
 */
static inline uintptr_t block_number(const struct k_mem_slab *slab, const char *blk)
{
	uintptr_t q = ((uintptr_t)blk - (uintptr_t)slab->buffer) * slab->div_inv;
	unsigned int k = slab->div_shift;

	return (q >> k) | (q << ((sizeof(uintptr_t) * 8U - k) & (sizeof(uintptr_t) * 8U - 1U)));
}

/* Index of @p blk when it is the start of a block handed out at some point, else -1. */
static inline size_t block_index(const struct k_mem_slab *slab, const char *blk)
{
	uintptr_t idx = block_number(slab, blk);

	if (idx >= slab->info.num_blocks || blk >= slab->untouched) {
		return (size_t)-1;
	}
	return idx;
}

#define MAP_WORD(slab, idx) ((slab)->used_map[(idx) / 32U])
#define MAP_BIT(idx)        ((uint32_t)1 << ((idx) % 32U))

/* Rebuild the free list from the used map: every handed-out-before block whose bit is clear.
 * Called under the lock after a stale write damaged the list; O(blocks). */
static void rebuild_free_list(struct k_mem_slab *slab)
{
	char *list = NULL;
	size_t n = (size_t)(slab->untouched - slab->buffer) / slab->info.block_size;

	for (size_t i = n; i-- > 0;) {
		if ((MAP_WORD(slab, i) & MAP_BIT(i)) == 0U) {
			char *blk = slab->buffer + i * slab->info.block_size;

			*(char **)blk = list;
			list = blk;
		}
	}
	slab->free_list = list;
}

/* Take a free block under the lock, or NULL: the list head when it is sound, else an untouched
 * block. A damaged list is rebuilt from the map (at most once per call) and *bad tells the
 * caller to report it: the first unsound link, or the slab's buffer when the list had lost
 * blocks the map counts as free. */
static char *take_locked(struct k_mem_slab *slab, char **bad)
{
	bool rebuilt = false;

	for (;;) {
		char *blk = slab->free_list;

		if (blk == NULL) {
			if (slab->untouched != slab->end) {
				size_t idx = (size_t)(slab->untouched - slab->buffer) /
					     slab->info.block_size;

				blk = slab->untouched;
				slab->untouched += slab->info.block_size;
				MAP_WORD(slab, idx) |= MAP_BIT(idx);
				return blk;
			}
			/* The map counts free blocks the list lost to a stale write. */
			if (slab->info.num_used < slab->info.num_blocks && !rebuilt) {
				rebuilt = true;
				*bad = slab->buffer;
				rebuild_free_list(slab);
				continue;
			}
			return NULL;
		}

		size_t idx = block_index(slab, blk);

		if (idx != (size_t)-1 && (MAP_WORD(slab, idx) & MAP_BIT(idx)) == 0U) {
			MAP_WORD(slab, idx) |= MAP_BIT(idx);
			slab->free_list = *(char **)blk;
			return blk;
		}
		/* A link that is no free block of ours. A rebuilt list holds only sound links,
		 * so this happens once per call at most. */
		rebuilt = true;
		*bad = blk;
		rebuild_free_list(slab);
	}
}

/* Nothing sound on the free list: an untouched block, a rebuild, or wait. */
static __attribute__((noinline)) int alloc_slow(struct k_mem_slab *slab, void **mem,
						k_timeout_t timeout)
{
	if (unlikely(slab == NULL || mem == NULL)) {
		return -EINVAL;
	}

	k_spinlock_key_t key = k_spin_lock(&slab->lock);
	char *bad = NULL;
	char *blk = take_locked(slab, &bad);

	if (unlikely(bad != NULL)) {
		/* Reported without the lock, like every other misuse (the hook may log). */
		k_spin_unlock(&slab->lock, key);
		error_hook(slab, bad, K_MEM_SLAB_ERR_FREE_LIST_CORRUPT);
		key = k_spin_lock(&slab->lock);
		if (blk == NULL) {
			blk = take_locked(slab, &bad);
		}
	}
	if (blk == NULL) {
		*mem = NULL;
		if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
			k_spin_unlock(&slab->lock, key);
			return -ENOMEM;
		}
		if (k_is_in_isr()) {
			k_spin_unlock(&slab->lock, key);
			LOG_ERR("k_mem_slab_alloc(%p): cannot wait in an ISR; use K_NO_WAIT",
				(void *)slab);
			return -EINVAL;
		}

		int ret = z_pend_curr_desc(&slab->lock, key, &slab->wait_q, timeout, "k_mem_slab");

		if (ret == 0) {
			/* k_mem_slab_free() handed us its block (its bit stays set) and left
			 * num_used as it was. */
			*mem = k_current_get()->base.swap_data;
		}
		return ret;
	}
	count_alloc(slab);
	k_spin_unlock(&slab->lock, key);
	*mem = blk;
	return 0;
}

int k_mem_slab_alloc(struct k_mem_slab *slab, void **mem, k_timeout_t timeout)
{
	k_spinlock_key_t key = Z_KOBJ_FAST_LOCK(&slab->lock);
	char *blk = slab->free_list;

	if (likely(blk != NULL)) {
		/* The head came from a link stored in a free block: check it (see the top). */
		uintptr_t idx = block_number(slab, blk);

		if (likely(idx < slab->info.num_blocks && blk < slab->untouched &&
			   (MAP_WORD(slab, idx) & MAP_BIT(idx)) == 0U)) {
			MAP_WORD(slab, idx) |= MAP_BIT(idx);
			slab->free_list = *(char **)blk;
			count_alloc(slab);
			Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
			*mem = blk;
			return 0;
		}
	}
	Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
	return alloc_slow(slab, mem, timeout);
}

/* Everything but the plain case: NULL, misuse, waiters. */
static __attribute__((noinline)) void free_slow(struct k_mem_slab *slab, char *blk)
{
	if (blk == NULL || slab == NULL) {
		return;
	}

	k_spinlock_key_t key = k_spin_lock(&slab->lock);
	size_t idx = block_index(slab, blk);
	int err = -1;

	if (idx == (size_t)-1) {
		err = K_MEM_SLAB_ERR_BAD_POINTER;
	} else if ((MAP_WORD(slab, idx) & MAP_BIT(idx)) == 0U) {
		err = K_MEM_SLAB_ERR_DOUBLE_FREE;
	}
	if (unlikely(err >= 0)) {
		k_spin_unlock(&slab->lock, key);
		error_hook(slab, blk, (enum k_mem_slab_error)err);
		return;
	}

	struct k_thread *waiter = z_unpend_first_thread(&slab->wait_q);

	if (waiter != NULL) {
		/* The block goes straight to the waiter: it stays used. */
		z_thread_return_value_set_with_data(waiter, 0, blk);
		z_ready_thread(waiter);
		z_reschedule(&slab->lock, key);
		return;
	}

	MAP_WORD(slab, idx) &= ~MAP_BIT(idx);
	*(char **)blk = slab->free_list;
	slab->free_list = blk;
	slab->info.num_used--;
	k_spin_unlock(&slab->lock, key);
}

void(k_mem_slab_free)(struct k_mem_slab *slab, void *mem) /* (parenthesized: the header's macro) */
{
	char *blk = mem;
	k_spinlock_key_t key = Z_KOBJ_FAST_LOCK(&slab->lock);

	/* The plain case: a block whose bit is set (so handed out), nobody waiting. */
	uintptr_t idx = block_number(slab, blk);

	if (likely(idx < slab->info.num_blocks && (MAP_WORD(slab, idx) & MAP_BIT(idx)) != 0U &&
		   z_waitq_is_empty(&slab->wait_q))) {
		MAP_WORD(slab, idx) &= ~MAP_BIT(idx);
		*(char **)blk = slab->free_list;
		slab->free_list = blk;
		slab->info.num_used--;
		Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
		return;
	}
	Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
	free_slow(slab, blk);
}

void z_mem_slab_free_either_form(struct k_mem_slab *slab, void *mem)
{
	/* Where the blocks are never changes after init, so this test needs no lock. */
	if (mem != NULL && block_number(slab, mem) >= slab->info.num_blocks) {
		mem = *(void **)mem; /* Zephyr before 3.5: the address of the block pointer */
	}
	k_mem_slab_free(slab, mem);
}

int k_mem_slab_runtime_stats_get(struct k_mem_slab *slab, struct sys_memory_stats *stats)
{
	if (slab == NULL || stats == NULL) {
		return -EINVAL;
	}

	k_spinlock_key_t key = k_spin_lock(&slab->lock);

	stats->allocated_bytes = (size_t)slab->info.num_used * slab->info.block_size;
	stats->free_bytes =
	    (size_t)(slab->info.num_blocks - slab->info.num_used) * slab->info.block_size;
	stats->max_allocated_bytes = (size_t)slab->info.max_used * slab->info.block_size;
	k_spin_unlock(&slab->lock, key);
	return 0;
}

int k_mem_slab_runtime_stats_reset_max(struct k_mem_slab *slab)
{
	if (slab == NULL) {
		return -EINVAL;
	}

	k_spinlock_key_t key = k_spin_lock(&slab->lock);

	slab->info.max_used = slab->info.num_used;
	k_spin_unlock(&slab->lock, key);
	return 0;
}
