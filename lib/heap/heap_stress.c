/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief sys_heap_stress(): a deterministic random workload for any allocator.
 */
#include <string.h>

#include "heap.h"

struct stress_block {
	void *mem;
	size_t bytes;
};

static uint32_t stress_rand(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return (uint32_t)(x >> 32);
}

/* Sizes spread over orders of magnitude, up to a quarter of the heap: mostly small. */
static size_t stress_size(uint64_t *state, size_t total_bytes)
{
	size_t cap = total_bytes / 4u;
	unsigned int bits = 1;

	while (bits < 31u && ((size_t)1 << bits) < cap) {
		bits++;
	}
	size_t limit = (size_t)1 << (stress_rand(state) % bits + 1u);

	if (limit > cap) {
		limit = cap;
	}
	return 1u + stress_rand(state) % (limit != 0u ? limit : 1u);
}

void sys_heap_stress(void *(*alloc_fn)(void *arg, size_t bytes),
		     void (*free_fn)(void *arg, void *p), void *arg, size_t total_bytes,
		     uint32_t op_count, void *scratch_mem, size_t scratch_bytes, int target_percent,
		     struct z_heap_stress_result *result)
{
	struct stress_block *blocks = scratch_mem;
	size_t max_blocks = scratch_bytes / sizeof(*blocks);
	size_t nb = 0;
	size_t in_use = 0;
	uint64_t state = 0x2545F4914F6CDD1Du;

	memset(result, 0, sizeof(*result));
	for (uint32_t op = 0; op < op_count; op++) {
		bool below =
		    (uint64_t)in_use * 100u < (uint64_t)total_bytes * (unsigned int)target_percent;
		/* Below the target, allocate three times in four; above it, once in four. */
		bool alloc =
		    nb == 0u || (nb < max_blocks && ((stress_rand(&state) & 3u) != 0u) == below);

		if (alloc) {
			size_t bytes = stress_size(&state, total_bytes);
			void *mem = alloc_fn(arg, bytes);

			result->total_allocs++;
			if (mem != NULL) {
				result->successful_allocs++;
				blocks[nb].mem = mem;
				blocks[nb].bytes = bytes;
				nb++;
				in_use += bytes;
			}
		} else {
			size_t i = stress_rand(&state) % nb;

			free_fn(arg, blocks[i].mem);
			in_use -= blocks[i].bytes;
			blocks[i] = blocks[--nb];
			result->total_frees++;
		}
		result->accumulated_in_use_bytes += in_use;
	}
	/* Leave the allocator as it was found. */
	while (nb != 0u) {
		free_fn(arg, blocks[--nb].mem);
		result->total_frees++;
	}
}
