/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * System heap (k_malloc family, sized by prj.conf) and thread resource pools (z_thread_malloc,
 * inheritance by child threads, ISR use, the seed's k_thread_resource_pool_assign).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>

#include "../common/ktest.h"

#define STACK_SIZE 16384
K_THREAD_STACK_DEFINE(stack0, STACK_SIZE);
K_THREAD_STACK_DEFINE(stack1, STACK_SIZE);
static struct k_thread t0, t1;

K_HEAP_DEFINE(pool_a, 1024);
K_HEAP_DEFINE(pool_b, 1024);

static size_t used(struct k_heap *h)
{
	struct sys_memory_stats st;

	CHECK_EQ(k_heap_runtime_stats_get(h, &st), 0);
	return st.allocated_bytes;
}

static bool inside(struct k_heap *h, void *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)h->heap.init_mem;

	return off < h->heap.init_bytes;
}

static void test_system_heap_size(void)
{
	struct k_heap *sys = k_system_heap_get();
	struct sys_memory_stats st;

	CHECK(sys != NULL);
	CHECK_EQ(sys->heap.init_bytes, CONFIG_HEAP_MEM_POOL_SIZE);
	CHECK_EQ(k_heap_runtime_stats_get(sys, &st), 0);
	CHECK(st.free_bytes + st.allocated_bytes <= CONFIG_HEAP_MEM_POOL_SIZE);
	CHECK(st.free_bytes + st.allocated_bytes > CONFIG_HEAP_MEM_POOL_SIZE * 9 / 10);

	struct k_heap *arr;
	int n = k_heap_array_get(&arr);
	int found = 0;

	for (int i = 0; i < n; i++) {
		found += &arr[i] == sys;
	}
	CHECK_EQ(found, 1);
}

static void test_malloc_basics(void)
{
	struct k_heap *sys = k_system_heap_get();
	size_t base = used(sys);
	void *z1 = k_malloc(0);
	void *z2 = k_malloc(0);

	CHECK(z1 != NULL && z2 != NULL && z1 != z2); /* k_malloc(0) is a real block */
	k_free(z1);
	k_free(z2);
	CHECK_EQ(used(sys), base);

	char *p = k_malloc(100);
	CHECK(p != NULL);
	CHECK_EQ((uintptr_t)p % sizeof(void *), 0);
	CHECK(inside(sys, p));
	CHECK(k_malloc_usable_size(p) >= 100);
	memset(p, 1, 100);
	k_free(p);
	k_free(NULL);
	CHECK_EQ(used(sys), base);

	/* Overflow-checked sizes. */
	CHECK(k_malloc(SIZE_MAX) == NULL);
	CHECK(k_malloc(SIZE_MAX - 8) == NULL);
	CHECK(k_malloc(CONFIG_HEAP_MEM_POOL_SIZE) == NULL);
	CHECK(k_calloc(SIZE_MAX / 4, 8) == NULL);
	CHECK(k_calloc(2, SIZE_MAX / 2 + 1) == NULL);
	CHECK(k_aligned_alloc(64, SIZE_MAX - 32) == NULL);
	CHECK_EQ(used(sys), base);

	unsigned char *c = k_calloc(10, 10);
	int zero = 1;
	for (int i = 0; c != NULL && i < 100; i++) {
		zero &= c[i] == 0;
	}
	CHECK(c != NULL && zero);
	k_free(c);

	for (size_t align = 8; align <= 1024; align *= 2) {
		void *a = k_aligned_alloc(align, 13); /* size need not be a multiple */
		CHECK(a != NULL);
		CHECK_EQ((uintptr_t)a % align, 0);
		k_free(a);
	}
	CHECK(k_aligned_alloc(24, 16) == NULL); /* not a power of two */
	CHECK_EQ(used(sys), base);
}

static void test_realloc(void)
{
	struct k_heap *sys = k_system_heap_get();
	size_t base = used(sys);
	char *p = k_realloc(NULL, 16);

	CHECK(p != NULL);
	for (int i = 0; i < 16; i++) {
		p[i] = (char)('a' + i);
	}
	char *g = k_realloc(p, 1000);
	CHECK(g != NULL);
	CHECK(g != NULL && memcmp(g, "abcdefghijklmnop", 16) == 0);
	char *s = k_realloc(g, 4);
	CHECK(s != NULL && memcmp(s, "abcd", 4) == 0);
	CHECK(k_realloc(s, SIZE_MAX - 4) == NULL);              /* overflow: kept */
	CHECK(k_realloc(s, CONFIG_HEAP_MEM_POOL_SIZE) == NULL); /* too big: kept */
	CHECK(memcmp(s, "abcd", 4) == 0);
	char *al = k_aligned_alloc(256, 32);
	memcpy(al, "aligned", 8);
	char *al2 = k_realloc(al, 600);
	CHECK(al2 != NULL && (uintptr_t)al2 % 256 == 0 && strcmp(al2, "aligned") == 0);
	k_free(al2);
	CHECK(k_realloc(s, 0) == NULL); /* frees */
	CHECK_EQ(used(sys), base);
}

static void test_bad_frees(void)
{
	struct k_heap *sys = k_system_heap_get();
	size_t base = used(sys);
	static uint64_t foreign[8];
	void *p = k_malloc(64);

	k_free(&foreign[4]); /* foreign: logged, ignored */
	CHECK(k_realloc(&foreign[4], 10) == NULL);
	CHECK_EQ(k_malloc_usable_size(&foreign[4]), 0);
	k_free(p);
	k_free(p); /* double free: logged, ignored */
	CHECK_EQ(used(sys), base);
	CHECK(sys_heap_validate(&sys->heap));
}

/* Resource pools. */
static void *child_got;
static struct k_heap *child_pool;

static void child(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	child_pool = k_current_get()->resource_pool;
	child_got = z_thread_malloc(32);
}

static void *isr_got;
static void isr_fn(const void *arg)
{
	(void)arg;
	isr_got = z_thread_malloc(24);
}

static void test_resource_pools(void)
{
	k_tid_t self = k_current_get();

	k_thread_heap_assign(self, NULL);
	CHECK(z_thread_malloc(16) == NULL); /* no pool: NULL */
	CHECK(z_thread_aligned_alloc(64, 16) == NULL);

	k_thread_resource_pool_assign(self, &pool_a); /* the seed's name */
	void *a = z_thread_malloc(100);
	void *b = z_thread_aligned_alloc(64, 100);

	CHECK(a != NULL && inside(&pool_a, a));
	CHECK(b != NULL && inside(&pool_a, b) && (uintptr_t)b % 64 == 0);
	CHECK(used(&pool_a) > 200);
	k_free(a); /* k_free finds the pool from the header */
	k_free(b);
	CHECK_EQ(used(&pool_a), 0);

	/* A child created now inherits pool_a. */
	k_thread_create(&t0, stack0, STACK_SIZE, child, NULL, NULL, NULL, 5, 0, K_NO_WAIT);
	k_thread_join(&t0, K_FOREVER);
	CHECK(child_pool == &pool_a);
	CHECK(child_got != NULL && inside(&pool_a, child_got));
	k_free(child_got);

	/* Reassigned to pool_b, then to the system heap. */
	k_thread_heap_assign(self, &pool_b);
	k_thread_create(&t1, stack1, STACK_SIZE, child, NULL, NULL, NULL, 5, 0, K_NO_WAIT);
	k_thread_join(&t1, K_FOREVER);
	CHECK(child_pool == &pool_b);
	CHECK(child_got != NULL && inside(&pool_b, child_got));
	k_free(child_got);

	k_thread_system_pool_assign(self);
	void *s = z_thread_malloc(10);
	CHECK(s != NULL && inside(k_system_heap_get(), s));
	k_free(s);

	/* From an ISR: the system heap, whatever the interrupted thread's pool. */
	k_thread_heap_assign(self, NULL);
	irq_offload(isr_fn, NULL);
	CHECK(isr_got != NULL && inside(k_system_heap_get(), isr_got));
	k_free(isr_got);

	/* A full pool gives NULL, and k_malloc is unaffected by pools. */
	k_thread_heap_assign(self, &pool_b);
	CHECK(z_thread_malloc(2048) == NULL);
	void *m = k_malloc(10);
	CHECK(m != NULL && inside(k_system_heap_get(), m));
	k_free(m);
	CHECK_EQ(used(&pool_b), 0);
	k_thread_heap_assign(self, NULL);
}

/* The seed's safe_memory_operations and allocator snippets. */
static void test_seed_samples(void)
{
	void *ptr = k_malloc(256);

	CHECK(ptr != NULL);
	memset(ptr, 0, 256);
	k_free(ptr);
	ptr = NULL;

	void *aligned_ptr = k_aligned_alloc(64, 1024);
	CHECK(aligned_ptr != NULL && (uintptr_t)aligned_ptr % 64 == 0);
	k_free(aligned_ptr);

	void *thread_ptr = k_malloc(256);
	CHECK(thread_ptr != NULL);
	k_free(thread_ptr);

#define CACHE_LINE_SIZE 32
	size_t buffer_size = 200;
	void *dma_buffer = k_aligned_alloc(CACHE_LINE_SIZE, buffer_size);
	CHECK(dma_buffer != NULL && (uintptr_t)dma_buffer % CACHE_LINE_SIZE == 0);
	k_free(dma_buffer);
}

int main(void)
{
	RUN_TEST(test_system_heap_size);
	RUN_TEST(test_malloc_basics);
	RUN_TEST(test_realloc);
	RUN_TEST(test_bad_frees);
	RUN_TEST(test_resource_pools);
	RUN_TEST(test_seed_samples);
	return KTEST_RESULT();
}
