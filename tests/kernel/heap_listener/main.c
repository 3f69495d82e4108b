/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Heap listener registry: delivery by heap id and event kind, order, unregistering. */
#include <stdint.h>

#include <zephyr/sys/heap_listener.h>

#include "../common/ktest.h"

#define HEAP_A ((uintptr_t)0x1000)
#define HEAP_B ((uintptr_t)0x2000)

static int allocs, frees, resizes, second_allocs;
static size_t alloc_bytes, free_bytes;
static void *last_mem, *last_end;
static int order[4], order_n;

static void on_alloc(uintptr_t id, void *mem, size_t bytes)
{
	CHECK(id == HEAP_A);
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
	CHECK(id == HEAP_A);
	frees++;
	free_bytes += bytes;
	last_mem = mem;
}

static void on_resize(uintptr_t id, void *old_end, void *new_end)
{
	CHECK(id == HEAP_B);
	CHECK(old_end == (void *)0x2100);
	resizes++;
	last_end = new_end;
}

HEAP_LISTENER_ALLOC_DEFINE(alloc_listener, HEAP_A, on_alloc);
HEAP_LISTENER_ALLOC_DEFINE(alloc_listener2, HEAP_A, on_alloc_second);
HEAP_LISTENER_FREE_DEFINE(free_listener, HEAP_A, on_free);
HEAP_LISTENER_RESIZE_DEFINE(resize_listener, HEAP_B, on_resize);

static void test_delivery(void)
{
	heap_listener_register(&alloc_listener);
	heap_listener_register(&alloc_listener2);
	heap_listener_register(&free_listener);
	heap_listener_register(&resize_listener);
	heap_listener_register(&alloc_listener); /* twice: still delivered once */

	heap_listener_notify_alloc(HEAP_A, (void *)0x1010, 24);
	CHECK_EQ(allocs, 1);
	CHECK_EQ(second_allocs, 1);
	CHECK_EQ(alloc_bytes, 24);
	CHECK(last_mem == (void *)0x1010);
	CHECK_EQ(order_n, 2);
	CHECK_EQ(order[0], 1); /* registration order */
	CHECK_EQ(order[1], 2);

	/* Other heap or other kind: not delivered. */
	heap_listener_notify_alloc(HEAP_B, (void *)0x2010, 8);
	heap_listener_notify_free(HEAP_B, (void *)0x2010, 8);
	CHECK_EQ(allocs, 1);
	CHECK_EQ(frees, 0);

	heap_listener_notify_free(HEAP_A, (void *)0x1010, 24);
	CHECK_EQ(frees, 1);
	CHECK_EQ(free_bytes, 24);
	CHECK_EQ(allocs, 1);

	heap_listener_notify_resize(HEAP_B, (void *)0x2100, (void *)0x2200);
	CHECK_EQ(resizes, 1);
	CHECK(last_end == (void *)0x2200);
	heap_listener_notify_resize(HEAP_A, (void *)0x2100, (void *)0x2200);
	CHECK_EQ(resizes, 1);
}

static void test_unregister(void)
{
	heap_listener_unregister(&alloc_listener);
	heap_listener_unregister(&alloc_listener); /* not registered any more: no-op */
	heap_listener_notify_alloc(HEAP_A, (void *)0x1020, 16);
	CHECK_EQ(allocs, 1);
	CHECK_EQ(second_allocs, 2);
	heap_listener_unregister(&alloc_listener2);
	heap_listener_unregister(&free_listener);
	heap_listener_unregister(&resize_listener);
	heap_listener_notify_alloc(HEAP_A, (void *)0x1020, 16);
	heap_listener_notify_free(HEAP_A, (void *)0x1020, 16);
	CHECK_EQ(second_allocs, 2);
	CHECK_EQ(frees, 1);
}

static void test_invalid(void)
{
	struct heap_listener none = {.heap_id = HEAP_A, .event = HEAP_ALLOC};
	struct heap_listener bad_kind = {
	    .heap_id = HEAP_A, .event = HEAP_MAX_EVENTS, .alloc_cb = on_alloc};

	heap_listener_register(&none);
	heap_listener_register(&bad_kind);
	heap_listener_notify_alloc(HEAP_A, (void *)0x1030, 8); /* would crash if `none` ran */
	CHECK_EQ(allocs, 1);
}

int main(void)
{
	RUN_TEST(test_delivery);
	RUN_TEST(test_unregister);
	RUN_TEST(test_invalid);
	return KTEST_RESULT();
}
