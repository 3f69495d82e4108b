/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_multi_heap: the records are kept sorted by buffer address so that finding the owner of
 * a pointer is a binary search, whatever order the heaps were added in.
 */
#include <stdint.h>
#include <string.h>

#include <zephyr/logging/log.h>
#include <zephyr/sys/multi_heap.h>

LOG_MODULE_REGISTER(multi_heap, CONFIG_LOG_DEFAULT_LEVEL);

void sys_multi_heap_init(struct sys_multi_heap *heap, sys_multi_heap_fn_t choice_fn)
{
	heap->nheaps = 0;
	heap->choice = choice_fn;
}

void sys_multi_heap_add_heap(struct sys_multi_heap *mheap, struct sys_heap *heap, void *user_data)
{
	if (heap == NULL || mheap->nheaps >= MAX_MULTI_HEAPS) {
		LOG_ERR("multi_heap %p: cannot add heap %p (%u heaps already)", (void *)mheap,
			(void *)heap, mheap->nheaps);
		return;
	}

	unsigned int i = mheap->nheaps;

	/* Insertion sort by start address. */
	while (i > 0 && (uintptr_t)mheap->heaps[i - 1].heap->init_mem > (uintptr_t)heap->init_mem) {
		mheap->heaps[i] = mheap->heaps[i - 1];
		i--;
	}
	mheap->heaps[i].heap = heap;
	mheap->heaps[i].user_data = user_data;
	mheap->nheaps++;
}

void *sys_multi_heap_alloc(struct sys_multi_heap *mheap, void *cfg, size_t bytes)
{
	return sys_multi_heap_aligned_alloc(mheap, cfg, 0, bytes);
}

void *sys_multi_heap_aligned_alloc(struct sys_multi_heap *mheap, void *cfg, size_t align,
				   size_t bytes)
{
	if (mheap == NULL || mheap->choice == NULL || bytes == 0) {
		return NULL;
	}
	return mheap->choice(mheap, cfg, align, bytes);
}

const struct sys_multi_heap_rec *sys_multi_heap_get_heap(const struct sys_multi_heap *mheap,
							 void *addr)
{
	uintptr_t a = (uintptr_t)addr;
	unsigned int lo = 0;
	unsigned int hi = mheap->nheaps;

	/* Last heap starting at or below addr. */
	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if ((uintptr_t)mheap->heaps[mid].heap->init_mem <= a) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	if (mheap->nheaps == 0) {
		return NULL;
	}

	const struct sys_multi_heap_rec *rec = &mheap->heaps[lo];
	uintptr_t start = (uintptr_t)rec->heap->init_mem;

	if (a < start || a - start >= rec->heap->init_bytes) {
		return NULL;
	}
	return rec;
}

void sys_multi_heap_free(struct sys_multi_heap *mheap, void *block)
{
	if (block == NULL) {
		return;
	}

	const struct sys_multi_heap_rec *rec = sys_multi_heap_get_heap(mheap, block);

	if (rec == NULL) {
		LOG_ERR("multi_heap %p: %p is in none of its heaps; not freed", (void *)mheap,
			block);
		return;
	}
	sys_heap_free(rec->heap, block);
}

void *sys_multi_heap_aligned_realloc(struct sys_multi_heap *mheap, void *cfg, void *ptr,
				     size_t align, size_t bytes)
{
	if (ptr == NULL) {
		return sys_multi_heap_aligned_alloc(mheap, cfg, align, bytes);
	}
	if (bytes == 0) {
		sys_multi_heap_free(mheap, ptr);
		return NULL;
	}

	const struct sys_multi_heap_rec *rec = sys_multi_heap_get_heap(mheap, ptr);

	if (rec == NULL) {
		LOG_ERR("multi_heap %p: %p is in none of its heaps; not resized", (void *)mheap,
			ptr);
		return NULL;
	}

	void *moved = sys_heap_aligned_realloc(rec->heap, ptr, align, bytes);

	if (moved != NULL) {
		return moved;
	}

	/* Its own heap is full: let the choice function place it elsewhere. */
	void *fresh = sys_multi_heap_aligned_alloc(mheap, cfg, align, bytes);

	if (fresh != NULL) {
		size_t old = sys_heap_usable_size(rec->heap, ptr);

		memcpy(fresh, ptr, old < bytes ? old : bytes);
		sys_heap_free(rec->heap, ptr);
	}
	return fresh;
}
