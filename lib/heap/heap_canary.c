/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Per-block canary (hardening level 3, or CONFIG_SYS_HEAP_CANARY): a word after each
 * block's usable bytes, derived from the heap, the chunk and its size, checked on free and
 * realloc and by sys_heap_validate().
 */
#include <string.h>

#include "heap.h"

#if Z_HEAP_CANARY
void z_heap_canary_set(struct sys_heap *heap, size_t c)
{
	struct z_heap *h = heap->heap;
	size_t units = chunk_size(h, Z_HEAP_LAY(heap), c);
	uint32_t v = chunk_canary_value(h, c, units);

	memcpy(chunk_canary_ptr(h, Z_HEAP_LAY(heap), c, units), &v, sizeof(v));
}

bool z_heap_canary_ok(struct sys_heap *heap, size_t c)
{
	struct z_heap *h = heap->heap;
	size_t units = chunk_size(h, Z_HEAP_LAY(heap), c);
	uint32_t v;

	memcpy(&v, chunk_canary_ptr(h, Z_HEAP_LAY(heap), c, units), sizeof(v));
	return v == chunk_canary_value(h, c, units);
}
#else
typedef int z_heap_canary_unused; /* ISO C forbids an empty translation unit */
#endif
