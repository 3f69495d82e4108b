/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Heap listener registry: delivery by heap id and event kind, order, unregistering. */
#include <stdint.h>

#include <zephyr/sys/heap_listener.h>

#include <zephyr/ztest.h>

#define HEAP_A ((uintptr_t)0x1000)
#define HEAP_B ((uintptr_t)0x2000)

static int allocs, frees, resizes, second_allocs;
static size_t alloc_bytes, free_bytes;
static void *last_mem, *last_end;
static int order[4], order_n;

static void on_alloc(uintptr_t id, void *mem, size_t bytes)
{
	zassert_true(id == HEAP_A);
	allocs++;
	alloc_bytes += bytes;
	last_mem = mem;
	if (order_n < 4) {
		order[order_n++] = 1;
	}
}

static void on_alloc_second(uintptr_t id, void *mem, size_t bytes)
{
	(void)id;
	(void)mem;
	(void)bytes;
	second_allocs++;
	if (order_n < 4) {
		order[order_n++] = 2;
	}
}

static void on_free(uintptr_t id, void *mem, size_t bytes)
{
	zassert_true(id == HEAP_A);
	frees++;
	free_bytes += bytes;
	last_mem = mem;
}

static void on_resize(uintptr_t id, void *old_end, void *new_end)
{
	zassert_true(id == HEAP_B);
	zassert_true(old_end == (void *)0x2100);
	resizes++;
	last_end = new_end;
}

HEAP_LISTENER_ALLOC_DEFINE(alloc_listener, HEAP_A, on_alloc);
HEAP_LISTENER_ALLOC_DEFINE(alloc_listener2, HEAP_A, on_alloc_second);
HEAP_LISTENER_FREE_DEFINE(free_listener, HEAP_A, on_free);
HEAP_LISTENER_RESIZE_DEFINE(resize_listener, HEAP_B, on_resize);

/* Each test starts with the four listeners registered, in this order, and zeroed counters. */
static void register_all(void *fixture)
{
	(void)fixture;
	allocs = frees = resizes = second_allocs = 0;
	alloc_bytes = free_bytes = 0;
	last_mem = last_end = NULL;
	order_n = 0;
	heap_listener_register(&alloc_listener);
	heap_listener_register(&alloc_listener2);
	heap_listener_register(&free_listener);
	heap_listener_register(&resize_listener);
}

static void unregister_all(void *fixture)
{
	(void)fixture;
	heap_listener_unregister(&alloc_listener);
	heap_listener_unregister(&alloc_listener2);
	heap_listener_unregister(&free_listener);
	heap_listener_unregister(&resize_listener);
}

ZTEST(kernel_heap_listener, test_delivery)
{
	heap_listener_register(&alloc_listener); /* twice: still delivered once */

	heap_listener_notify_alloc(HEAP_A, (void *)0x1010, 24);
	zassert_equal(allocs, 1);
	zassert_equal(second_allocs, 1);
	zassert_equal(alloc_bytes, 24);
	zassert_true(last_mem == (void *)0x1010);
	zassert_equal(order_n, 2);
	zassert_equal(order[0], 1); /* registration order */
	zassert_equal(order[1], 2);

	/* Other heap or other kind: not delivered. */
	heap_listener_notify_alloc(HEAP_B, (void *)0x2010, 8);
	heap_listener_notify_free(HEAP_B, (void *)0x2010, 8);
	zassert_equal(allocs, 1);
	zassert_equal(frees, 0);

	heap_listener_notify_free(HEAP_A, (void *)0x1010, 24);
	zassert_equal(frees, 1);
	zassert_equal(free_bytes, 24);
	zassert_equal(allocs, 1);

	heap_listener_notify_resize(HEAP_B, (void *)0x2100, (void *)0x2200);
	zassert_equal(resizes, 1);
	zassert_true(last_end == (void *)0x2200);
	heap_listener_notify_resize(HEAP_A, (void *)0x2100, (void *)0x2200);
	zassert_equal(resizes, 1);
}

ZTEST(kernel_heap_listener, test_unregister)
{
	/* One allocation and its free delivered while everything is registered. */
	heap_listener_notify_alloc(HEAP_A, (void *)0x1010, 24);
	heap_listener_notify_free(HEAP_A, (void *)0x1010, 24);
	zassert_equal(allocs, 1);
	zassert_equal(second_allocs, 1);
	zassert_equal(frees, 1);

	heap_listener_unregister(&alloc_listener);
	heap_listener_unregister(&alloc_listener); /* not registered any more: no-op */
	heap_listener_notify_alloc(HEAP_A, (void *)0x1020, 16);
	zassert_equal(allocs, 1);
	zassert_equal(second_allocs, 2);
	heap_listener_unregister(&alloc_listener2);
	heap_listener_unregister(&free_listener);
	heap_listener_unregister(&resize_listener);
	heap_listener_notify_alloc(HEAP_A, (void *)0x1020, 16);
	heap_listener_notify_free(HEAP_A, (void *)0x1020, 16);
	zassert_equal(second_allocs, 2);
	zassert_equal(frees, 1);
}

ZTEST(kernel_heap_listener, test_invalid)
{
	struct heap_listener none = {.heap_id = HEAP_A, .event = HEAP_ALLOC};
	struct heap_listener bad_kind = {
	    .heap_id = HEAP_A, .event = HEAP_MAX_EVENTS, .alloc_cb = on_alloc};

	heap_listener_register(&none);
	heap_listener_register(&bad_kind);
	heap_listener_notify_alloc(HEAP_A, (void *)0x1030, 8); /* would crash if `none` ran */
	zassert_equal(allocs, 1); /* alloc_listener only: bad_kind's on_alloc was not registered */
}

ZTEST_SUITE(kernel_heap_listener, NULL, NULL, register_all, unregister_all, NULL);
