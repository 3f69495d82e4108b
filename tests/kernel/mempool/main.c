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

#include <zephyr/ztest.h>

#define STACK_SIZE 16384
K_THREAD_STACK_DEFINE(stack0, STACK_SIZE);
K_THREAD_STACK_DEFINE(stack1, STACK_SIZE);
static struct k_thread t0, t1;

K_HEAP_DEFINE(pool_a, 1024);
K_HEAP_DEFINE(pool_b, 1024);

static size_t used(struct k_heap *h)
{
	struct sys_memory_stats st;

	zassert_equal(k_heap_runtime_stats_get(h, &st), 0);
	return st.allocated_bytes;
}

static bool inside(struct k_heap *h, void *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)h->heap.init_mem;

	return off < h->heap.init_bytes;
}

ZTEST(kernel_mempool, test_system_heap_size)
{
	struct k_heap *sys = k_system_heap_get();
	struct sys_memory_stats st;

	zassert_true(sys != NULL);
	zassert_equal(sys->heap.init_bytes, CONFIG_HEAP_MEM_POOL_SIZE);
	zassert_equal(k_heap_runtime_stats_get(sys, &st), 0);
	zassert_true(st.free_bytes + st.allocated_bytes <= CONFIG_HEAP_MEM_POOL_SIZE);
	zassert_true(st.free_bytes + st.allocated_bytes > CONFIG_HEAP_MEM_POOL_SIZE * 9 / 10);

	struct k_heap *arr;
	int n = k_heap_array_get(&arr);
	int found = 0;

	for (int i = 0; i < n; i++) {
		found += &arr[i] == sys;
	}
	zassert_equal(found, 1);
}

ZTEST(kernel_mempool, test_malloc_basics)
{
	struct k_heap *sys = k_system_heap_get();
	size_t base = used(sys);
	void *z1 = k_malloc(0);
	void *z2 = k_malloc(0);

	zassert_true(z1 != NULL && z2 != NULL && z1 != z2); /* k_malloc(0) is a real block */
	k_free(z1);
	k_free(z2);
	zassert_equal(used(sys), base);

	char *p = k_malloc(100);
	zassert_true(p != NULL);
	zassert_equal((uintptr_t)p % sizeof(void *), 0);
	zassert_true(inside(sys, p));
	zassert_true(k_malloc_usable_size(p) >= 100);
	memset(p, 1, 100);
	k_free(p);
	k_free(NULL);
	zassert_equal(used(sys), base);

	/* Overflow-checked sizes. */
	zassert_true(k_malloc(SIZE_MAX) == NULL);
	zassert_true(k_malloc(SIZE_MAX - 8) == NULL);
	zassert_true(k_malloc(CONFIG_HEAP_MEM_POOL_SIZE) == NULL);
	zassert_true(k_calloc(SIZE_MAX / 4, 8) == NULL);
	zassert_true(k_calloc(2, SIZE_MAX / 2 + 1) == NULL);
	zassert_true(k_aligned_alloc(64, SIZE_MAX - 32) == NULL);
	zassert_equal(used(sys), base);

	unsigned char *c = k_calloc(10, 10);
	int zero = 1;
	for (int i = 0; c != NULL && i < 100; i++) {
		zero &= c[i] == 0;
	}
	zassert_true(c != NULL && zero);
	k_free(c);

	for (size_t align = 8; align <= 1024; align *= 2) {
		void *a = k_aligned_alloc(align, 13); /* size need not be a multiple */
		zassert_true(a != NULL);
		zassert_equal((uintptr_t)a % align, 0);
		k_free(a);
	}
	zassert_true(k_aligned_alloc(24, 16) == NULL); /* not a power of two */
	/* Below the pointer size too: an 8-aligned block is not 6- or 3-aligned. */
	zassert_true(k_aligned_alloc(6, 16) == NULL);
	zassert_true(k_aligned_alloc(3, 16) == NULL);
	/* Powers of two below it are served at the pointer size's alignment. */
	for (size_t align = 1; align < sizeof(void *); align *= 2) {
		void *a = k_aligned_alloc(align, 5);

		zassert_true(a != NULL && (uintptr_t)a % sizeof(void *) == 0);
		k_free(a);
	}
	zassert_equal(used(sys), base);
}

ZTEST(kernel_mempool, test_realloc)
{
	struct k_heap *sys = k_system_heap_get();
	size_t base = used(sys);
	char *p = k_realloc(NULL, 16);

	zassert_true(p != NULL);
	size_t with_p = used(sys);

	/* As Zephyr: 0 bytes is tested first, freeing (nothing) and giving NULL. */
	zassert_true(k_realloc(NULL, 0) == NULL);
	zassert_equal(used(sys), with_p);
	for (int i = 0; i < 16; i++) {
		p[i] = (char)('a' + i);
	}
	char *g = k_realloc(p, 1000);
	zassert_true(g != NULL);
	zassert_true(g != NULL && memcmp(g, "abcdefghijklmnop", 16) == 0);
	char *s = k_realloc(g, 4);
	zassert_true(s != NULL && memcmp(s, "abcd", 4) == 0);
	zassert_true(k_realloc(s, SIZE_MAX - 4) == NULL);              /* overflow: kept */
	zassert_true(k_realloc(s, CONFIG_HEAP_MEM_POOL_SIZE) == NULL); /* too big: kept */
	zassert_true(memcmp(s, "abcd", 4) == 0);
	char *al = k_aligned_alloc(256, 32);
	memcpy(al, "aligned", 8);
	char *al2 = k_realloc(al, 600);
	zassert_true(al2 != NULL && (uintptr_t)al2 % 256 == 0 && strcmp(al2, "aligned") == 0);
	k_free(al2);
	zassert_true(k_realloc(s, 0) == NULL); /* frees */
	zassert_equal(used(sys), base);
}

ZTEST(kernel_mempool, test_bad_frees)
{
	struct k_heap *sys = k_system_heap_get();
	size_t base = used(sys);
	static uint64_t foreign[8];
	void *p = k_malloc(64);

	k_free(&foreign[4]); /* foreign: logged, ignored */
	zassert_true(k_realloc(&foreign[4], 10) == NULL);
	zassert_equal(k_malloc_usable_size(&foreign[4]), 0);
	k_free(p);
	k_free(p); /* double free: logged, ignored */
	zassert_equal(used(sys), base);
	zassert_true(sys_heap_validate(&sys->heap));
}

/*
 * A pointer that k_realloc() moved, freed afterwards (a stale pointer): k_free() must leave the
 * live block's bytes alone. Here the block grows down into its free left neighbour, so the new
 * block covers the old one's 16-byte header, which nothing overwrote.
 */
K_HEAP_DEFINE(pool_c, 2048);

ZTEST(kernel_mempool, test_stale_free_touches_no_live_block)
{
	k_tid_t self = k_current_get();
	static uint8_t before[512];

	k_thread_heap_assign(self, &pool_c);
	uint8_t *x = z_thread_malloc(200);
	uint8_t *p = z_thread_malloc(40);
	uint8_t *y = z_thread_malloc(40); /* p cannot grow up */

	zassert_true(x != NULL && p != NULL && y != NULL);
	memset(p, 0x5a, 40);
	k_free(x);

	size_t n = (size_t)(y - x) - 32; /* room from x to y, less both headers */
	uint8_t *q = k_realloc(p, n);

	/* It grew down into x's chunk (contents moved), over p's old header. */
	zassert_true(q >= x && q < p - 16 && q + n >= p, "q %p, p %p", (void *)q, (void *)p);
	zassert_true(q[0] == 0x5a && q[39] == 0x5a);
	memcpy(before, q, n);
	k_free(p); /* stale: logged, ignored */
	zassert_mem_equal(q, before, n, "k_free() of a stale pointer wrote into a live block");
	zassert_true(sys_heap_validate(&pool_c.heap));
	k_free(q);
	k_free(y);
	zassert_equal(used(&pool_c), 0);
	k_thread_heap_assign(self, NULL);
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

ZTEST(kernel_mempool, test_resource_pools)
{
	k_tid_t self = k_current_get();

	k_thread_heap_assign(self, NULL);
	zassert_true(z_thread_malloc(16) == NULL); /* no pool: NULL */
	zassert_true(z_thread_aligned_alloc(64, 16) == NULL);

	k_thread_resource_pool_assign(self, &pool_a); /* the seed's name */
	void *a = z_thread_malloc(100);
	void *b = z_thread_aligned_alloc(64, 100);

	zassert_true(a != NULL && inside(&pool_a, a));
	zassert_true(b != NULL && inside(&pool_a, b) && (uintptr_t)b % 64 == 0);
	zassert_true(used(&pool_a) > 200);
	k_free(a); /* k_free finds the pool from the header */
	k_free(b);
	zassert_equal(used(&pool_a), 0);

	/* A child created now inherits pool_a. */
	k_thread_create(&t0, stack0, STACK_SIZE, child, NULL, NULL, NULL, 5, 0, K_NO_WAIT);
	k_thread_join(&t0, K_FOREVER);
	zassert_true(child_pool == &pool_a);
	zassert_true(child_got != NULL && inside(&pool_a, child_got));
	k_free(child_got);

	/* Reassigned to pool_b, then to the system heap. */
	k_thread_heap_assign(self, &pool_b);
	k_thread_create(&t1, stack1, STACK_SIZE, child, NULL, NULL, NULL, 5, 0, K_NO_WAIT);
	k_thread_join(&t1, K_FOREVER);
	zassert_true(child_pool == &pool_b);
	zassert_true(child_got != NULL && inside(&pool_b, child_got));
	k_free(child_got);

	k_thread_system_pool_assign(self);
	void *s = z_thread_malloc(10);
	zassert_true(s != NULL && inside(k_system_heap_get(), s));
	k_free(s);

	/* From an ISR: the system heap, whatever the interrupted thread's pool. */
	k_thread_heap_assign(self, NULL);
	irq_offload(isr_fn, NULL);
	zassert_true(isr_got != NULL && inside(k_system_heap_get(), isr_got));
	k_free(isr_got);

	/* A full pool gives NULL, and k_malloc is unaffected by pools. */
	k_thread_heap_assign(self, &pool_b);
	zassert_true(z_thread_malloc(2048) == NULL);
	void *m = k_malloc(10);
	zassert_true(m != NULL && inside(k_system_heap_get(), m));
	k_free(m);
	zassert_equal(used(&pool_b), 0);
	k_thread_heap_assign(self, NULL);
}

/* The seed's safe_memory_operations and allocator snippets. */
ZTEST(kernel_mempool, test_seed_samples)
{
	void *ptr = k_malloc(256);

	zassert_true(ptr != NULL);
	memset(ptr, 0, 256);
	k_free(ptr);
	ptr = NULL;

	void *aligned_ptr = k_aligned_alloc(64, 1024);
	zassert_true(aligned_ptr != NULL && (uintptr_t)aligned_ptr % 64 == 0);
	k_free(aligned_ptr);

	void *thread_ptr = k_malloc(256);
	zassert_true(thread_ptr != NULL);
	k_free(thread_ptr);

#define CACHE_LINE_SIZE 32
	size_t buffer_size = 200;
	void *dma_buffer = k_aligned_alloc(CACHE_LINE_SIZE, buffer_size);
	zassert_true(dma_buffer != NULL && (uintptr_t)dma_buffer % CACHE_LINE_SIZE == 0);
	k_free(dma_buffer);
}

ZTEST_SUITE(kernel_mempool, NULL, NULL, NULL, NULL, NULL);
