/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The heap array (CONFIG_SYS_HEAP_ARRAY_SIZE): heaps set up before main are listed, a heap
 * initialized again keeps one entry, a full array refuses and the heap still works, NULL
 * arguments are refused, and the statistics of all listed heaps add up to what k_malloc took.
 * Also Zephyr's other sys_heap conveniences: CONFIG_SYS_HEAP_ALLOC_LOOPS sets zmem's probe
 * count, and sys_heap_noalign_alloc() serves where sys_heap_aligned_alloc()'s signature is
 * expected.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/sys_heap.h>
#include <zephyr/ztest.h>

BUILD_ASSERT(CONFIG_SYS_HEAP_ALLOC_PROBES == 5, "SYS_HEAP_ALLOC_LOOPS must set the probe count");

K_HEAP_DEFINE(heap_a, 1024);
K_HEAP_DEFINE(heap_b, 2048);

static int listed(struct sys_heap *h)
{
	struct sys_heap **heaps;
	int n = sys_heap_array_get(&heaps);
	int found = 0;

	zassert_true(n >= 0 && n <= CONFIG_SYS_HEAP_ARRAY_SIZE, "count %d", n);
	for (int i = 0; i < n; i++) {
		found += heaps[i] == h;
	}
	return found;
}

static int count(void)
{
	struct sys_heap **heaps;

	return sys_heap_array_get(&heaps);
}

ZTEST(heap_array, test_heaps_defined_before_main_are_listed)
{
	zassert_equal(listed(&heap_a.heap), 1);
	zassert_equal(listed(&heap_b.heap), 1);
	/* And the system heap: k_malloc's block lies in one of the listed heaps. */
	void *p = k_malloc(64);
	struct sys_heap **heaps;
	int n = sys_heap_array_get(&heaps);
	int owners = 0;

	zassert_not_null(p);
	for (int i = 0; i < n; i++) {
		uintptr_t lo = (uintptr_t)heaps[i]->init_mem;

		owners += (uintptr_t)p >= lo && (uintptr_t)p < lo + heaps[i]->init_bytes;
	}
	k_free(p);
	zassert_equal(owners, 1, "k_malloc's block in %d listed heaps", owners);
}

ZTEST(heap_array, test_heap_initialized_again_keeps_one_entry)
{
	int before = count();

	k_heap_init(&heap_a, heap_a.heap.init_mem, heap_a.heap.init_bytes);
	sys_heap_init(&heap_b.heap, heap_b.heap.init_mem, heap_b.heap.init_bytes);
	zassert_equal(count(), before);
	zassert_equal(listed(&heap_a.heap), 1);
	zassert_equal(listed(&heap_b.heap), 1);
}

ZTEST(heap_array, test_full_array_refuses_and_heap_still_works)
{
	static uint8_t mem[CONFIG_SYS_HEAP_ARRAY_SIZE + 1][256];
	static struct sys_heap extra[CONFIG_SYS_HEAP_ARRAY_SIZE + 1];
	int i = 0;

	/* Fill whatever room is left, then one more. */
	while (count() < CONFIG_SYS_HEAP_ARRAY_SIZE) {
		zassert_true(i < CONFIG_SYS_HEAP_ARRAY_SIZE);
		sys_heap_init(&extra[i], mem[i], sizeof(mem[i]));
		zassert_equal(listed(&extra[i]), 1);
		i++;
	}
	sys_heap_init(&extra[i], mem[i], sizeof(mem[i]));
	zassert_equal(count(), CONFIG_SYS_HEAP_ARRAY_SIZE);
	zassert_equal(listed(&extra[i]), 0);
	zassert_equal(sys_heap_array_save(&extra[i]), -EINVAL);
	/* Not listed, but a working heap. */
	void *p = sys_heap_alloc(&extra[i], 100);

	zassert_not_null(p);
	sys_heap_free(&extra[i], p);
	zassert_true(sys_heap_validate(&extra[i]));
	/* A heap already listed is still accepted when the array is full. */
	zassert_equal(sys_heap_array_save(&heap_a.heap), 0);
	zassert_equal(count(), CONFIG_SYS_HEAP_ARRAY_SIZE);
}

ZTEST(heap_array, test_null_arguments)
{
	zassert_equal(sys_heap_array_save(NULL), -EINVAL);
	zassert_equal(sys_heap_array_get(NULL), -EINVAL);
}

ZTEST(heap_array, test_statistics_over_all_heaps)
{
	struct sys_heap **heaps;
	size_t before = 0, after = 0;
	struct sys_memory_stats st;
	int n = sys_heap_array_get(&heaps);

	for (int i = 0; i < n; i++) {
		zassert_equal(sys_heap_runtime_stats_get(heaps[i], &st), 0);
		before += st.allocated_bytes;
	}
	void *p = k_malloc(300);

	zassert_not_null(p);
	for (int i = 0; i < n; i++) {
		zassert_equal(sys_heap_runtime_stats_get(heaps[i], &st), 0);
		after += st.allocated_bytes;
	}
	k_free(p);
	zassert_true(after >= before + 300 && after <= before + 300 + 32, "%zu -> %zu", before,
		     after);
}

typedef void *(*alloc_fn_t)(struct sys_heap *h, size_t align, size_t bytes);

ZTEST(heap_array, test_noalign_alloc_in_place_of_aligned_alloc)
{
	static uint8_t mem[1024];
	struct sys_heap h;
	const alloc_fn_t fns[] = {sys_heap_aligned_alloc, sys_heap_noalign_alloc};

	sys_heap_init(&h, mem, sizeof(mem));
	for (size_t i = 0; i < ARRAY_SIZE(fns); i++) {
		uint8_t *p = fns[i](&h, 64, 100);

		zassert_not_null(p);
		zassert_true(sys_heap_usable_size(&h, p) >= 100);
		zassert_equal((uintptr_t)p % sizeof(void *), 0);
		if (i == 0) {
			zassert_equal((uintptr_t)p % 64, 0);
		}
		memset(p, 0xa5, 100);
		sys_heap_free(&h, p);
	}
	/* The alignment is ignored, not checked: not a power of two is no error here. */
	void *q = sys_heap_noalign_alloc(&h, 3, 16);

	zassert_not_null(q);
	sys_heap_free(&h, q);
	zassert_is_null(sys_heap_noalign_alloc(&h, 0, sizeof(mem)));
	zassert_true(sys_heap_validate(&h));
}

ZTEST_SUITE(heap_array, NULL, NULL, NULL, NULL, NULL);
