/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_heap and the system heap on the Cortex-M target, one thread (arch/cortex_m/kernel_single.c
 * stands in for the scheduler, with a virtual clock): allocation forms, a wait that times out
 * (the clock jumps to its end) and returns NULL, K_HEAP_DEFINE heaps set up by constructors
 * before main, k_heap_array_get, and k_malloc & co on the system heap. Multi-thread waiting
 * stays in tests/kernel/heap (host runtime).
 *
 *   test_k_heap_single          the suite
 *   test_k_heap_single forever  waits with K_FOREVER on a full heap: must be reported
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>

#include "../../kernel/common/ktest.h"

K_HEAP_DEFINE(static_heap, 2048);

static uint64_t heap_mem[4096 / sizeof(uint64_t)];
static struct k_heap heap;

static void test_alloc_forms(void)
{
	k_heap_init(&heap, heap_mem, sizeof(heap_mem));
	void *a = k_heap_alloc(&heap, 100, K_NO_WAIT);
	void *b = k_heap_aligned_alloc(&heap, 256, 40, K_NO_WAIT);
	uint32_t *c = k_heap_calloc(&heap, 16, sizeof(uint32_t), K_NO_WAIT);

	CHECK(a != NULL);
	CHECK(b != NULL && (uintptr_t)b % 256 == 0);
	CHECK(c != NULL);
	if (c != NULL) {
		for (int i = 0; i < 16; i++) {
			CHECK_EQ(c[i], 0);
		}
	}
	CHECK(k_heap_calloc(&heap, SIZE_MAX / 2, 4, K_NO_WAIT) == NULL); /* overflow */
	memset(a, 0x5A, 100);
	void *a2 = k_heap_realloc(&heap, a, 1000, K_NO_WAIT);

	CHECK(a2 != NULL);
	if (a2 != NULL) {
		CHECK_EQ(((uint8_t *)a2)[99], 0x5A);
	}
	k_heap_free(&heap, a2);
	k_heap_free(&heap, b);
	k_heap_free(&heap, c);
	k_heap_free(&heap, NULL);

	struct sys_memory_stats st;

	CHECK_EQ(k_heap_runtime_stats_get(&heap, &st), 0);
	CHECK_EQ(st.allocated_bytes, 0);
}

static void test_timeout_on_full_heap(void)
{
	void *big = k_heap_alloc(&heap, 3000, K_NO_WAIT);

	CHECK(big != NULL);
	int64_t before = sys_clock_tick_get();
	/* Nothing can free memory meanwhile: NULL once the wait is over, and the wait took its
	 * full length on the (virtual) clock. */
	CHECK(k_heap_alloc(&heap, 3000, K_MSEC(50)) == NULL);
	CHECK(sys_clock_tick_get() - before >= K_MSEC(50).ticks);
	CHECK(k_heap_alloc(&heap, 3000, K_NO_WAIT) == NULL);
	k_heap_free(&heap, big);
	big = k_heap_alloc(&heap, 3000, K_MSEC(50));
	CHECK(big != NULL);
	k_heap_free(&heap, big);
}

static void test_static_heaps_ready_before_main(void)
{
	struct k_heap *heaps = NULL;
	int n = k_heap_array_get(&heaps);
	bool found_static = false;
	bool found_system = false;

	CHECK(n >= 2); /* static_heap and the system heap */
	for (int i = 0; i < n; i++) {
		found_static |= &heaps[i] == &static_heap;
		found_system |= &heaps[i] == k_system_heap_get();
	}
	CHECK(found_static);
	CHECK(found_system);
	void *p = k_heap_alloc(&static_heap, 1024, K_NO_WAIT);

	CHECK(p != NULL);
	CHECK((char *)p >= (char *)static_heap.heap.init_mem &&
	      (char *)p < (char *)static_heap.heap.init_mem + 2048);
	k_heap_free(&static_heap, p);
}

static void test_system_heap(void)
{
	void *p = k_malloc(200);
	void *q = k_aligned_alloc(64, 100);
	uint8_t *z = k_calloc(50, 2);

	CHECK(p != NULL);
	CHECK(q != NULL && (uintptr_t)q % 64 == 0);
	CHECK(z != NULL);
	if (z != NULL) {
		for (int i = 0; i < 100; i++) {
			CHECK_EQ(z[i], 0);
		}
	}
	memset(p, 0x11, 200);
	void *p2 = k_realloc(p, 4000);

	CHECK(p2 != NULL);
	if (p2 != NULL) {
		CHECK_EQ(((uint8_t *)p2)[199], 0x11);
	}
	CHECK(k_malloc(1u << 20) == NULL); /* larger than the whole system heap */
	k_free(p2);
	k_free(q);
	k_free(z);
	k_free(NULL);

	struct sys_memory_stats st;

	CHECK_EQ(k_heap_runtime_stats_get(k_system_heap_get(), &st), 0);
	CHECK_EQ(st.allocated_bytes, 0);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "forever") == 0) {
		k_heap_init(&heap, heap_mem, sizeof(heap_mem));
		void *big = k_heap_alloc(&heap, 3000, K_NO_WAIT);

		printf("waiting forever on a full heap (%p held)\n", big);
		void *p = k_heap_alloc(&heap, 3000, K_FOREVER);

		printf("returned %p: the deadlock was not reported\n", p);
		return 1;
	}
	RUN_TEST(test_alloc_forms);
	RUN_TEST(test_timeout_on_full_heap);
	RUN_TEST(test_static_heaps_ready_before_main);
	RUN_TEST(test_system_heap);
	return KTEST_RESULT();
}
