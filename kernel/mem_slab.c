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
 * end of the buffer, so a slab needs no start-up pass.
 *
 * Free-block tag: a free block's second word holds free_tag(slab). A pointer handed to
 * k_mem_slab_free() whose second word does not hold the tag is certainly allocated (O(1)).
 * When it does hold it, the block is probably free already: the free list is walked to be sure,
 * since user data could contain the same value by chance. An allocation clears the tag.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include <ksched.h>
#include <wait_q.h>

#include "kobj_fast_lock.h"

LOG_MODULE_REGISTER(mem_slab, CONFIG_LOG_DEFAULT_LEVEL);

#define WORD       sizeof(void *)
#define FREE_MAGIC ((uintptr_t)0x5A1BF4EEC0DEF00DULL)

static void default_error_hook(struct k_mem_slab *slab, void *mem, enum k_mem_slab_error err)
{
	LOG_ERR("k_mem_slab %p: free of %p ignored: %s", (void *)slab, mem,
		err == K_MEM_SLAB_ERR_DOUBLE_FREE ? "block is already free"
						  : "not a block of this slab");
}

static k_mem_slab_error_hook_t error_hook = default_error_hook;

void k_mem_slab_error_hook_set(k_mem_slab_error_hook_t hook)
{
	error_hook = hook != NULL ? hook : default_error_hook;
}

static inline bool has_tag_room(const struct k_mem_slab *slab)
{
	return slab->info.block_size >= 2 * WORD;
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

	z_waitq_init(&slab->wait_q);
	slab->lock = (struct k_spinlock){0};
	slab->buffer = buffer;
	slab->free_list = NULL;
	slab->free_list_word = NULL;
	slab->tagged_span = 0;
	slab->untouched = buffer;
	slab->end = (char *)buffer + total;
	slab->info.num_blocks = num_blocks;
	slab->info.block_size = block_size;
	slab->info.num_used = 0;
	slab->info.max_used = 0;
	return 0;
}

/* The free list in use: one-word blocks keep theirs apart, so that the fast paths (which
 * read and write the tag word) never see them. */
static inline char **free_list_of(struct k_mem_slab *slab)
{
	return has_tag_room(slab) ? &slab->free_list : &slab->free_list_word;
}

/* The tag a free block carries in its second word (see the file comment). */
static inline uintptr_t free_tag(const struct k_mem_slab *slab)
{
	return (uintptr_t)slab ^ FREE_MAGIC;
}

static void count_alloc(struct k_mem_slab *slab)
{
	uint32_t used = ++slab->info.num_used;

	if (used > slab->info.max_used) {
		slab->info.max_used = used;
	}
}

/* Nothing on the free list: an untouched block, or wait. */
static __attribute__((noinline)) int alloc_slow(struct k_mem_slab *slab, void **mem,
						k_timeout_t timeout)
{
	if (unlikely(slab == NULL || mem == NULL)) {
		return -EINVAL;
	}

	k_spinlock_key_t key = k_spin_lock(&slab->lock);
	char **list = free_list_of(slab);
	char *blk = *list;

	if (blk != NULL) {
		/* One-word blocks always come here; others only with a locked fast path that
		 * lost a race with a free. */
		*list = *(char **)blk;
		if (has_tag_room(slab)) {
			((uintptr_t *)blk)[1] = 0;
		}
	} else if (slab->untouched != slab->end) {
		blk = slab->untouched;
		slab->untouched += slab->info.block_size;
		if (has_tag_room(slab)) {
			slab->tagged_span = (uintptr_t)(slab->untouched - slab->buffer);
		}
	} else {
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
			/* k_mem_slab_free() handed us its block and left num_used as it was. */
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

	/* Only slabs with tag room use this list. */
	if (likely(blk != NULL)) {
		slab->free_list = *(char **)blk;
		((uintptr_t *)blk)[1] = 0;
		count_alloc(slab);
		Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
		*mem = blk;
		return 0;
	}
	Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
	return alloc_slow(slab, mem, timeout);
}

static bool on_free_list(struct k_mem_slab *slab, const char *blk)
{
	for (const char *p = *free_list_of(slab); p != NULL; p = *(char *const *)p) {
		if (p == blk) {
			return true;
		}
	}
	return false;
}

/* True when @p blk is the start of a block this slab has handed out at some point. */
static inline bool is_our_block(const struct k_mem_slab *slab, const char *blk)
{
	/* Unsigned: below the buffer wraps to a huge offset. Past `untouched` was never ours. */
	uintptr_t off = (uintptr_t)blk - (uintptr_t)slab->buffer;

	return off < (uintptr_t)(slab->untouched - slab->buffer) &&
	       off % slab->info.block_size == 0;
}

/* Everything but the plain case: NULL, misuse, one-word blocks, waiters. */
static __attribute__((noinline)) void free_slow(struct k_mem_slab *slab, char *blk)
{
	if (blk == NULL || slab == NULL) {
		return;
	}

	k_spinlock_key_t key = k_spin_lock(&slab->lock);
	int err = -1;

	if (!is_our_block(slab, blk)) {
		err = K_MEM_SLAB_ERR_BAD_POINTER;
	} else if ((!has_tag_room(slab) || ((uintptr_t *)blk)[1] == free_tag(slab)) &&
		   on_free_list(slab, blk)) {
		err = K_MEM_SLAB_ERR_DOUBLE_FREE;
	}
	if (unlikely(err >= 0)) {
		k_spin_unlock(&slab->lock, key);
		error_hook(slab, blk, (enum k_mem_slab_error)err);
		return;
	}

	struct k_thread *waiter = z_unpend_first_thread(&slab->wait_q);

	if (waiter != NULL) {
		z_thread_return_value_set_with_data(waiter, 0, blk);
		z_ready_thread(waiter);
		z_reschedule(&slab->lock, key);
		return;
	}

	char **list = free_list_of(slab);

	*(char **)blk = *list;
	if (has_tag_room(slab)) {
		((uintptr_t *)blk)[1] = free_tag(slab);
	}
	*list = blk;
	slab->info.num_used--;
	k_spin_unlock(&slab->lock, key);
}

void k_mem_slab_free(struct k_mem_slab *slab, void *mem)
{
	char *blk = mem;
	k_spinlock_key_t key = Z_KOBJ_FAST_LOCK(&slab->lock);

	/* The plain case: a block of ours (with tag room: tagged_span is 0 otherwise), not
	 * carrying the free tag, nobody waiting. */
	uintptr_t off = (uintptr_t)blk - (uintptr_t)slab->buffer;

	if (likely(off < slab->tagged_span && off % slab->info.block_size == 0 &&
		   ((uintptr_t *)blk)[1] != free_tag(slab) && z_waitq_is_empty(&slab->wait_q))) {
		*(char **)blk = slab->free_list;
		((uintptr_t *)blk)[1] = free_tag(slab);
		slab->free_list = blk;
		slab->info.num_used--;
		Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
		return;
	}
	Z_KOBJ_FAST_UNLOCK(&slab->lock, key);
	free_slow(slab, blk);
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
