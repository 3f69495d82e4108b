/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_mem_blocks: one bit per block in a caller-provided bitmap (set = allocated).
 *
 * Searches skip whole bitmap words that are full (single blocks) or look at runs of clear
 * bits (contiguous requests), so cost grows with the number of blocks / 32. Every call that
 * changes state validates its whole input first, so a bad call leaves the bitmap and the
 * counters exactly as they were.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include <zephyr/logging/log.h>
#include <zephyr/sys/__assert.h>
#include <zephyr/sys/mem_blocks.h>
#if defined(CONFIG_SYS_MEM_BLOCKS_LISTENER) && CONFIG_SYS_MEM_BLOCKS_LISTENER
#include <zephyr/sys/heap_listener.h>
#endif

#include "../zmem_lib_lock.h"

LOG_MODULE_REGISTER(mem_blocks, CONFIG_LOG_DEFAULT_LEVEL);

static Z_LIB_LOCK_DEFINE(mem_blocks_lock);

/* CONFIG_SYS_MEM_BLOCKS_LISTENER: heap listeners hear of every allocation and free, with
 * HEAP_ID_FROM_POINTER(mem_block) as heap id, as on Zephyr: one event per block for
 * sys_mem_blocks_alloc/free, one for the whole run for the contiguous calls and get. */
#if defined(CONFIG_SYS_MEM_BLOCKS_LISTENER) && CONFIG_SYS_MEM_BLOCKS_LISTENER
static void notify(sys_mem_blocks_t *mb, bool alloc, void *mem, size_t count)
{
	size_t bytes = count << mb->info.blk_sz_shift;

	if (alloc) {
		heap_listener_notify_alloc(HEAP_ID_FROM_POINTER(mb), mem, bytes);
	} else {
		heap_listener_notify_free(HEAP_ID_FROM_POINTER(mb), mem, bytes);
	}
}
#else
static inline void notify(sys_mem_blocks_t *mb, bool alloc, void *mem, size_t count)
{
	(void)mb;
	(void)alloc;
	(void)mem;
	(void)count;
}
#endif

static inline size_t blk_size(const sys_mem_blocks_t *mb)
{
	return (size_t)1 << mb->info.blk_sz_shift;
}

static inline bool bit_is_set(const sys_mem_blocks_t *mb, uint32_t idx)
{
	return (mb->bitmap->bundles[idx / 32] >> (idx % 32)) & 1U;
}

static inline void bit_set(sys_mem_blocks_t *mb, uint32_t idx)
{
	mb->bitmap->bundles[idx / 32] |= 1U << (idx % 32);
}

static inline void bit_clear(sys_mem_blocks_t *mb, uint32_t idx)
{
	mb->bitmap->bundles[idx / 32] &= ~(1U << (idx % 32));
}

static inline void *idx_to_ptr(const sys_mem_blocks_t *mb, uint32_t idx)
{
	return mb->buffer + ((size_t)idx << mb->info.blk_sz_shift);
}

/* Block index of @p ptr, or -1 when it is not the start of a block of @p mb. */
static long ptr_to_idx(const sys_mem_blocks_t *mb, const void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;
	uintptr_t start = (uintptr_t)mb->buffer;

	if (p < start) {
		return -1;
	}
	uintptr_t off = p - start;

	if ((off & (blk_size(mb) - 1)) != 0) {
		return -1;
	}
	uintptr_t idx = off >> mb->info.blk_sz_shift;

	return idx < mb->info.num_blocks ? (long)idx : -1;
}

/* First index of the range [ptr, ptr + count blocks) or -1 when it does not lie in @p mb. */
static long range_to_idx(const sys_mem_blocks_t *mb, const void *ptr, size_t count)
{
	long first = ptr_to_idx(mb, ptr);

	if (first < 0 || count > mb->info.num_blocks - (uint32_t)first) {
		return -1;
	}
	return first;
}

static bool range_all(const sys_mem_blocks_t *mb, uint32_t first, size_t count, bool set)
{
	for (size_t i = 0; i < count; i++) {
		if (bit_is_set(mb, first + (uint32_t)i) != set) {
			return false;
		}
	}
	return true;
}

static void range_mark(sys_mem_blocks_t *mb, uint32_t first, size_t count, bool set)
{
	for (size_t i = 0; i < count; i++) {
		if (set) {
			bit_set(mb, first + (uint32_t)i);
		} else {
			bit_clear(mb, first + (uint32_t)i);
		}
	}
}

static void account_alloc(sys_mem_blocks_t *mb, size_t count)
{
	mb->info.used_blocks += (uint32_t)count;
	if (mb->info.used_blocks > mb->info.max_used_blocks) {
		mb->info.max_used_blocks = mb->info.used_blocks;
	}
}

/* Lowest free block at or after @p from, or num_blocks when none. */
static uint32_t next_free(const sys_mem_blocks_t *mb, uint32_t from)
{
	while (from < mb->info.num_blocks) {
		uint32_t word = mb->bitmap->bundles[from / 32] | ((1U << (from % 32)) - 1U);

		if (word != UINT32_MAX) {
			uint32_t idx = (from & ~31U) + (uint32_t)__builtin_ctz(~word);

			return idx < mb->info.num_blocks ? idx : mb->info.num_blocks;
		}
		from = (from & ~31U) + 32;
	}
	return mb->info.num_blocks;
}

int sys_mem_blocks_alloc(sys_mem_blocks_t *mem_block, size_t count, void **out_blocks)
{
	/* Zephyr asserts on NULL arguments (CONFIG_ASSERT) and otherwise returns -EINVAL. */
	__ASSERT_NO_MSG(mem_block != NULL);
	__ASSERT_NO_MSG(out_blocks != NULL);
	if (mem_block == NULL || (out_blocks == NULL && count != 0)) {
		return -EINVAL;
	}
	if (count == 0) {
		return 0;
	}

	Z_LIB_LOCK(mem_blocks_lock);
	int ret = -ENOMEM;

	if (count <= mem_block->info.num_blocks - mem_block->info.used_blocks) {
		uint32_t idx = 0;

		/* Enough blocks are free, so the search cannot run out. */
		for (size_t i = 0; i < count; i++) {
			idx = next_free(mem_block, idx);
			bit_set(mem_block, idx);
			out_blocks[i] = idx_to_ptr(mem_block, idx);
		}
		account_alloc(mem_block, count);
		ret = 0;
	}
	Z_LIB_UNLOCK(mem_blocks_lock);
	for (size_t i = 0; ret == 0 && i < count; i++) {
		notify(mem_block, true, out_blocks[i], 1);
	}
	return ret;
}

int sys_mem_blocks_alloc_contiguous(sys_mem_blocks_t *mem_block, size_t count, void **out_block)
{
	__ASSERT_NO_MSG(mem_block != NULL);
	__ASSERT_NO_MSG(out_block != NULL);
	if (mem_block == NULL || out_block == NULL) {
		return -EINVAL;
	}
	if (count == 0) {
		*out_block = NULL;
		return 0;
	}

	Z_LIB_LOCK(mem_blocks_lock);
	int ret = -ENOMEM;
	uint32_t n = mem_block->info.num_blocks;

	if (count <= n - mem_block->info.used_blocks) {
		uint32_t start = next_free(mem_block, 0);

		while (start < n && count <= n - start) {
			uint32_t end = start + 1;

			while (end - start < count && !bit_is_set(mem_block, end)) {
				end++;
			}
			if (end - start == count) {
				range_mark(mem_block, start, count, true);
				account_alloc(mem_block, count);
				*out_block = idx_to_ptr(mem_block, start);
				ret = 0;
				break;
			}
			/* Block `end` is taken: no run can start before the next free one. */
			start = next_free(mem_block, end);
		}
	}
	Z_LIB_UNLOCK(mem_blocks_lock);
	if (ret == 0) {
		notify(mem_block, true, *out_block, count);
	}
	return ret;
}

/*
 * Moves the @p count blocks at @p block from free to used (@p to_used) or back, all or none.
 * A range that is not this allocator's gets @p bad_range (logged), one not wholly in the
 * expected state @p bad_state: logged for a free (a misuse), silent for a get (blocks taken by
 * someone else are an ordinary answer).
 */
static int range_change(sys_mem_blocks_t *mem_block, void *block, size_t count, bool to_used,
			int bad_range, int bad_state)
{
	__ASSERT_NO_MSG(mem_block != NULL);
	if (mem_block == NULL) {
		return -EINVAL;
	}
	if (count == 0) {
		return 0;
	}

	long first = range_to_idx(mem_block, block, count);

	/* A get that starts at one of our blocks but runs past the last one asks for blocks
	 * that are not there: -ENOMEM, as on Zephyr (no log: an ordinary answer). */
	if (first < 0 && to_used && ptr_to_idx(mem_block, block) >= 0) {
		return bad_state;
	}
	if (first < 0) {
		LOG_ERR("mem_blocks %p: %p + %zu blocks is not a range of this allocator",
			(void *)mem_block, block, count);
		return bad_range;
	}

	Z_LIB_LOCK(mem_blocks_lock);
	int ret = bad_state;

	if (range_all(mem_block, (uint32_t)first, count, !to_used)) {
		range_mark(mem_block, (uint32_t)first, count, to_used);
		if (to_used) {
			account_alloc(mem_block, count);
		} else {
			mem_block->info.used_blocks -= (uint32_t)count;
		}
		ret = 0;
	}
	Z_LIB_UNLOCK(mem_blocks_lock);
	if (ret == 0) {
		notify(mem_block, to_used, block, count);
	}
	if (ret != 0 && !to_used) {
		LOG_ERR("mem_blocks %p: %p + %zu blocks are not all allocated; nothing freed",
			(void *)mem_block, block, count);
	}
	return ret;
}

int sys_mem_blocks_get(sys_mem_blocks_t *mem_block, void *in_block, size_t count)
{
	return range_change(mem_block, in_block, count, true, -EINVAL, -ENOMEM);
}

int sys_mem_blocks_is_region_free(sys_mem_blocks_t *mem_block, void *in_block, size_t count)
{
	if (mem_block == NULL) {
		return 0;
	}

	long first = range_to_idx(mem_block, in_block, count);

	if (first < 0) {
		return 0;
	}

	Z_LIB_LOCK(mem_blocks_lock);
	bool all_free = range_all(mem_block, (uint32_t)first, count, false);

	Z_LIB_UNLOCK(mem_blocks_lock);
	return all_free ? 1 : 0;
}

int sys_mem_blocks_free(sys_mem_blocks_t *mem_block, size_t count, void **in_blocks)
{
	__ASSERT_NO_MSG(mem_block != NULL);
	__ASSERT_NO_MSG(in_blocks != NULL);
	if (mem_block == NULL || (in_blocks == NULL && count != 0)) {
		return -EINVAL;
	}
	/* More blocks than the allocator has cannot all be allocated ones (Zephyr: -EINVAL),
	 * and the array must not be read that far. */
	if (count > mem_block->info.num_blocks) {
		LOG_ERR("mem_blocks %p: freeing %zu blocks, it has %u", (void *)mem_block, count,
			(unsigned int)mem_block->info.num_blocks);
		return -EINVAL;
	}

	Z_LIB_LOCK(mem_blocks_lock);
	int ret = 0;
	size_t i;

	/* Clear as we check; a bad entry (foreign, free, or repeated) undoes what was cleared. */
	for (i = 0; i < count; i++) {
		long idx = ptr_to_idx(mem_block, in_blocks[i]);

		if (idx < 0 || !bit_is_set(mem_block, (uint32_t)idx)) {
			LOG_ERR("mem_blocks %p: %p is not an allocated block (%s); nothing freed",
				(void *)mem_block, in_blocks[i],
				idx < 0 ? "not ours" : "already free");
			ret = -EFAULT;
			break;
		}
		bit_clear(mem_block, (uint32_t)idx);
	}
	if (ret != 0) {
		while (i-- > 0) {
			bit_set(mem_block, (uint32_t)ptr_to_idx(mem_block, in_blocks[i]));
		}
	} else {
		mem_block->info.used_blocks -= (uint32_t)count;
	}
	Z_LIB_UNLOCK(mem_blocks_lock);
	for (size_t j = 0; ret == 0 && j < count; j++) {
		notify(mem_block, false, in_blocks[j], 1);
	}
	return ret;
}

int sys_mem_blocks_free_contiguous(sys_mem_blocks_t *mem_block, void *block, size_t count)
{
	return range_change(mem_block, block, count, false, -EFAULT, -EFAULT);
}

int sys_mem_blocks_runtime_stats_get(sys_mem_blocks_t *mem_block, struct sys_memory_stats *stats)
{
	if (mem_block == NULL || stats == NULL) {
		return -EINVAL;
	}

	Z_LIB_LOCK(mem_blocks_lock);
	stats->allocated_bytes = (size_t)mem_block->info.used_blocks << mem_block->info.blk_sz_shift;
	stats->free_bytes = (size_t)(mem_block->info.num_blocks - mem_block->info.used_blocks)
			    << mem_block->info.blk_sz_shift;
	stats->max_allocated_bytes = (size_t)mem_block->info.max_used_blocks << mem_block->info.blk_sz_shift;
	Z_LIB_UNLOCK(mem_blocks_lock);
	return 0;
}

int sys_mem_blocks_runtime_stats_reset_max(sys_mem_blocks_t *mem_block)
{
	if (mem_block == NULL) {
		return -EINVAL;
	}

	Z_LIB_LOCK(mem_blocks_lock);
	mem_block->info.max_used_blocks = mem_block->info.used_blocks;
	Z_LIB_UNLOCK(mem_blocks_lock);
	return 0;
}

void sys_multi_mem_blocks_init(sys_multi_mem_blocks_t *group,
			       sys_multi_mem_blocks_choice_fn_t choice_fn)
{
	group->num_allocators = 0;
	group->choice_fn = choice_fn;
}

void sys_multi_mem_blocks_add_allocator(sys_multi_mem_blocks_t *group, sys_mem_blocks_t *alloc)
{
	if (group->num_allocators >= MAX_MULTI_ALLOCATORS) {
		LOG_ERR("multi_mem_blocks %p: already %d allocators, %p not added", (void *)group,
			MAX_MULTI_ALLOCATORS, (void *)alloc);
		return;
	}
	group->allocators[group->num_allocators++] = alloc;
}

static bool group_has(const sys_multi_mem_blocks_t *group, const sys_mem_blocks_t *mb)
{
	for (int i = 0; i < group->num_allocators; i++) {
		if (group->allocators[i] == mb) {
			return true;
		}
	}
	return false;
}

int sys_multi_mem_blocks_alloc(sys_multi_mem_blocks_t *group, void *cfg, size_t count,
			       void **out_blocks, size_t *blk_size_out)
{
	__ASSERT_NO_MSG(group != NULL);
	__ASSERT_NO_MSG(out_blocks != NULL);
	if (group == NULL || group->choice_fn == NULL || out_blocks == NULL) {
		return -EINVAL;
	}
	/* Nothing asked, nothing to choose (Zephyr returns 0 before calling the choice). */
	if (count == 0) {
		return 0;
	}

	sys_mem_blocks_t *mb = group->choice_fn(group, cfg);

	if (mb == NULL || !group_has(group, mb)) {
		return -EINVAL;
	}

	int ret = sys_mem_blocks_alloc(mb, count, out_blocks);

	if (ret == 0 && blk_size_out != NULL) {
		*blk_size_out = blk_size(mb);
	}
	return ret;
}

int sys_multi_mem_blocks_free(sys_multi_mem_blocks_t *group, size_t count, void **in_blocks)
{
	__ASSERT_NO_MSG(group != NULL);
	__ASSERT_NO_MSG(in_blocks != NULL);
	if (group == NULL || (in_blocks == NULL && count != 0)) {
		return -EINVAL;
	}
	if (count == 0) {
		return 0;
	}

	for (int i = 0; i < group->num_allocators; i++) {
		sys_mem_blocks_t *mb = group->allocators[i];
		uintptr_t p = (uintptr_t)in_blocks[0];
		uintptr_t start = (uintptr_t)mb->buffer;

		if (p >= start && p - start < ((uintptr_t)mb->info.num_blocks << mb->info.blk_sz_shift)) {
			return sys_mem_blocks_free(mb, count, in_blocks);
		}
	}
	LOG_ERR("multi_mem_blocks %p: %p belongs to no allocator of the group", (void *)group,
		in_blocks[0]);
	return -EINVAL;
}
