/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP=y: the seed's malloc / calloc / realloc / free samples
 * are served by the system heap (visible in its statistics and to HEAP_ID_LIBC listeners), in
 * main() and in the threads it creates; the C library keeps working.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/heap_listener.h>

#include <zephyr/ztest.h>

static size_t sys_used(void)
{
	struct sys_memory_stats st;

	zassert_equal(k_heap_runtime_stats_get(k_system_heap_get(), &st), 0);
	return st.allocated_bytes;
}

static bool in_sys(void *p)
{
	struct k_heap *h = k_system_heap_get();

	return (uintptr_t)p - (uintptr_t)h->heap.init_mem < h->heap.init_bytes;
}

static int libc_allocs;

/* Stores through here keep the compiler from eliding unused malloc/free pairs. */
static void *volatile sink;

static void on_libc_alloc(uintptr_t id, void *mem, size_t bytes)
{
	(void)id;
	(void)mem;
	(void)bytes;
	libc_allocs++;
}

ZTEST(kernel_libc_malloc, test_seed_samples)
{
	size_t base = sys_used();

	/* Standard malloc/free with system heap */
	void *ptr = malloc(512);
	sink = ptr;
	zassert_true(ptr != NULL && in_sys(ptr));
	zassert_true(sys_used() >= base + 512);
	if (ptr != NULL) {
		free(ptr);
	}
	zassert_equal(sys_used(), base);

	/* Calloc for zero-initialized arrays */
	int *array = calloc(100, sizeof(int));
	zassert_true(array != NULL && in_sys(array) && array[99] == 0);
	free(array);

	/* Realloc for dynamic resizing */
	char *buffer = malloc(256);
	memset(buffer, 'x', 256);
	buffer = realloc(buffer, 512); /* Expand to 512 bytes */
	zassert_true(buffer != NULL && in_sys(buffer) && buffer[255] == 'x');
	zassert_true(malloc_usable_size(buffer) >= 512);
	free(buffer);
	zassert_equal(sys_used(), base);
}

ZTEST(kernel_libc_malloc, test_alignment_family)
{
	size_t base = sys_used();
	void *p = NULL;

	zassert_equal(posix_memalign(&p, 64, 100), 0);
	zassert_true(p != NULL && in_sys(p) && (uintptr_t)p % 64 == 0);
	free(p);
	zassert_equal(posix_memalign(&p, 3, 100), EINVAL);
	void *a = aligned_alloc(128, 256);
	zassert_true(a != NULL && in_sys(a) && (uintptr_t)a % 128 == 0);
	free(a);
	void *m = malloc(1);
	sink = m;
	zassert_true(m != NULL && (uintptr_t)m % _Alignof(max_align_t) == 0);
	free(m);
	volatile size_t huge = SIZE_MAX; /* volatile: the compiler would reject the constant */
	/* Through `sink`: an unused allocation may be assumed to succeed and be elided. */
	sink = malloc(huge);
	zassert_true(sink == NULL);
	sink = calloc(huge / 2, 4);
	zassert_true(sink == NULL);
	void *z = malloc(0);
	sink = z;
	zassert_true(z != NULL);
	free(z);
	zassert_equal(sys_used(), base);
}

ZTEST(kernel_libc_malloc, test_listener)
{
	static HEAP_LISTENER_ALLOC_DEFINE(l, 0, on_libc_alloc);

	l.heap_id = HEAP_ID_LIBC;
	zassert_true(HEAP_ID_LIBC == HEAP_ID_FROM_POINTER(&k_system_heap_get()->heap));
	heap_listener_register(&l);
	void *p = malloc(40);
	sink = p;
	zassert_equal(libc_allocs, 1);
	free(p);
	heap_listener_unregister(&l);
}

K_THREAD_STACK_DEFINE(stack, 16384);
static struct k_thread thread;
static void *thread_ptr;

static void worker(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	thread_ptr = malloc(300);
	char *dup = strdup("from a thread");
	printf("%s\n", dup);
	free(dup);
}

ZTEST(kernel_libc_malloc, test_threads_and_libc)
{
	size_t base = sys_used();

	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), worker, NULL, NULL, NULL, 5,
			0, K_NO_WAIT);
	k_thread_join(&thread, K_FOREVER);
	zassert_true(thread_ptr != NULL && in_sys(thread_ptr));
	zassert_true(sys_used() >= base + 300);
	free(thread_ptr);
	zassert_equal(sys_used(), base);
	/* Formatting through the C library still works. */
	char line[64];
	snprintf(line, sizeof(line), "%d-%s-%.1f", 42, "ok", 1.5);
	zassert_true(strcmp(line, "42-ok-1.5") == 0);
}

/* AddressSanitizer owns malloc in sanitized builds, zmem does not replace it: the suite is
 * skipped there. */
static bool libc_malloc_is_zmems(const void *state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__)
	return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	return false;
#endif
#endif
	return true;
}

ZTEST_SUITE(kernel_libc_malloc, libc_malloc_is_zmems, NULL, NULL, NULL, NULL);
