/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief One allocator in both builds: a fixed pseudo-random sequence of alloc, aligned_alloc,
 * aligned_realloc and free, summarized as a hash of every returned offset and a failure count.
 *
 * The program is linked once against the core built for speed (-O2: fast paths, specialized
 * layouts) and once against the same core built for size (-Os: one out-of-line copy of each
 * list operation, code of its own in a few places); check_twins.cmake runs both and requires the
 * same "heap ..." lines, so the size build places every block exactly where the speed build does.
 * A ztest suite, one test per heap; each also asserts that its heap ends valid.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zephyr/sys/sys_heap.h>
#include <zephyr/ztest.h>

#include "../common/test_rand.h"

#define SLOTS 256

static uint64_t rnd_state;

static uint32_t rnd(void)
{
	return (uint32_t)test_rand64(&rnd_state);
}

/* Aligned to more than any alignment requested, so that placement is the same in every binary. */
static _Alignas(4096) uint8_t buf[1100000];

static void run(size_t heap_bytes, unsigned long ops, uint64_t seed)
{
	struct sys_heap h;
	void *slot[SLOTS] = {0};
	uint64_t hash = 1469598103934665603ull;
	unsigned long failed = 0;
	uint8_t *base = buf + 4; /* a buffer start that is not 8-aligned */

	rnd_state = 88172645463325252ull + seed;
	sys_heap_init(&h, base, heap_bytes);
	for (unsigned long i = 0; i < ops; i++) {
		unsigned int s = rnd() % SLOTS;
		uint32_t r = rnd();
		void *p;

		if (slot[s] != NULL && r % 4u == 0u) {
			sys_heap_free(&h, slot[s]);
			slot[s] = NULL;
			continue;
		}
		size_t bytes = (r >> 8) % 8u == 0u ? 1u + rnd() % 4000u : 1u + rnd() % 200u;

		if (slot[s] != NULL && r % 4u == 1u) {
			size_t align = (r >> 4) % 3u == 0u ? (size_t)8 << (rnd() % 6u) : 0u;

			p = sys_heap_aligned_realloc(&h, slot[s], align, bytes);
			if (p != NULL) {
				slot[s] = p;
			}
		} else {
			if (slot[s] != NULL) {
				sys_heap_free(&h, slot[s]);
				slot[s] = NULL;
			}
			if (r % 4u == 2u) {
				p = sys_heap_aligned_alloc(&h, (size_t)4 << (rnd() % 8u), bytes);
			} else {
				p = sys_heap_alloc(&h, bytes);
			}
			if (p != NULL) {
				slot[s] = p;
				memset(p, (int)s, bytes);
			}
		}
		failed += p == NULL;
		hash = (hash ^ (p != NULL ? (uint64_t)((uint8_t *)p - base) : 0xffffu)) *
		       1099511628211ull;
	}
	zassert_true(sys_heap_validate(&h), "heap %zu: not valid", heap_bytes);
	printf("heap %zu seed %llu: %016llx, %lu failed\n", heap_bytes, (unsigned long long)seed,
	       (unsigned long long)hash, failed);
}

ZTEST(heap_twins, test_twins_64k)
{
	run(65536, 200000, 0);
}

ZTEST(heap_twins, test_twins_4k)
{
	run(4096, 50000, 1);
}

ZTEST(heap_twins, test_twins_600)
{
	run(600, 20000, 4);
}

ZTEST(heap_twins, test_twins_300000)
{
	run(300000, 100000, 2);
}

ZTEST(heap_twins, test_twins_1m)
{
	run(1048576, 100000, 3);
}

ZTEST_SUITE(heap_twins, NULL, NULL, NULL, NULL, NULL);
