/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * An application's allocator options (prj.conf) reach zmem's core on every platform: on
 * native_sim through the core built for the application's configuration, on the bare-metal
 * boards through the options the application's build passes to the core it compiles.
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/sys/heap_listener.h>
#include <zephyr/sys/sys_heap.h>

#include <zephyr/ztest.h>

static struct sys_heap heap;
static _Alignas(8) uint8_t heap_mem[2048];
static int allocs, frees;
static void *alloc_mem, *free_mem;

static void on_alloc(uintptr_t id, void *mem, size_t bytes)
{
	zassert_equal(id, HEAP_ID_FROM_POINTER(&heap));
	zassert_true(bytes >= 32u);
	allocs++;
	alloc_mem = mem;
}

static void on_free(uintptr_t id, void *mem, size_t bytes)
{
	zassert_equal(id, HEAP_ID_FROM_POINTER(&heap));
	zassert_true(bytes >= 32u);
	frees++;
	free_mem = mem;
}

HEAP_LISTENER_ALLOC_DEFINE(alloc_listener, HEAP_ID_FROM_POINTER(&heap), on_alloc);
HEAP_LISTENER_FREE_DEFINE(free_listener, HEAP_ID_FROM_POINTER(&heap), on_free);

/* CONFIG_SYS_HEAP_LISTENER=y: sys_heap_alloc() and sys_heap_free() notify the listeners. */
ZTEST(heap_config, test_listeners_are_notified)
{
	sys_heap_init(&heap, heap_mem, sizeof(heap_mem));
	heap_listener_register(&alloc_listener);
	heap_listener_register(&free_listener);

	void *p = sys_heap_alloc(&heap, 32);

	zassert_not_null(p);
	zassert_equal(allocs, 1, "the allocation was not notified");
	zassert_equal_ptr(alloc_mem, p);
	sys_heap_free(&heap, p);
	zassert_equal(frees, 1, "the free was not notified");
	zassert_equal_ptr(free_mem, p);

	heap_listener_unregister(&alloc_listener);
	heap_listener_unregister(&free_listener);
}

/* CONFIG_SYS_HEAP_RUNTIME_STATS=n: the statistics call says so instead of reporting figures. */
ZTEST(heap_config, test_statistics_are_off)
{
	struct sys_memory_stats stats;

	sys_heap_init(&heap, heap_mem, sizeof(heap_mem));
	zassert_equal(sys_heap_runtime_stats_get(&heap, &stats), -ENOTSUP);
}

ZTEST_SUITE(heap_config, NULL, NULL, NULL, NULL, NULL);
