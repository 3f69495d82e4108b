/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_mem_blocks as Zephyr code sees it: the public fields (info.num_blocks,
 * info.blk_sz_shift, buffer, a sys_bitarray bitmap read with sys_bitarray_test_bit), heap
 * listener events with CONFIG_SYS_MEM_BLOCKS_LISTENER, and Zephyr's answers to edge cases.
 */
#include <zephyr/kernel.h>
#include <zephyr/sys/heap_listener.h>
#include <zephyr/sys/mem_blocks.h>

#include "compat_tests.h"

#define BLK  32
#define NBLK 40

SYS_MEM_BLOCKS_DEFINE_STATIC(mb, BLK, NBLK, 8);
static uint8_t other_buf[4 * 16];
SYS_MEM_BLOCKS_DEFINE_STATIC_WITH_EXT_BUF(mb_other, 16, 4, other_buf);

static int bit(sys_mem_blocks_t *m, size_t i)
{
	int v = -1;

	CHECK_EQ(sys_bitarray_test_bit(m->bitmap, i, &v), 0);
	return v;
}

static void *blk(size_t i)
{
	return mb.buffer + i * BLK;
}

/* Listener log. */
static struct {
	bool alloc;
	uintptr_t id;
	void *mem;
	size_t bytes;
} events[16];
static int n_events;

/* Log one event; those after the 16th are only counted. */
static void log_event(bool alloc, uintptr_t id, void *mem, size_t bytes)
{
	if (n_events < 16) {
		events[n_events].alloc = alloc;
		events[n_events].id = id;
		events[n_events].mem = mem;
		events[n_events].bytes = bytes;
	}
	n_events++;
}

static void on_alloc(uintptr_t id, void *mem, size_t bytes)
{
	log_event(true, id, mem, bytes);
}

static void on_free(uintptr_t id, void *mem, size_t bytes)
{
	log_event(false, id, mem, bytes);
}

HEAP_LISTENER_ALLOC_DEFINE(mb_alloc_listener, HEAP_ID_FROM_POINTER(&mb), on_alloc);
HEAP_LISTENER_FREE_DEFINE(mb_free_listener, HEAP_ID_FROM_POINTER(&mb), on_free);

static void expect_event(int i, bool alloc, void *mem, size_t bytes)
{
	CHECK_EQ(events[i].alloc, alloc);
	CHECK_EQ(events[i].id, HEAP_ID_FROM_POINTER(&mb));
	CHECK(events[i].mem == mem);
	CHECK_EQ(events[i].bytes, bytes);
}

static void test_public_layout(void)
{
	CHECK_EQ(mb.info.num_blocks, NBLK);
	CHECK_EQ(mb.info.blk_sz_shift, 5);
	CHECK_EQ(mb.bitmap->num_bits, NBLK);
	CHECK_EQ(mb.bitmap->num_bundles, 2);
	CHECK(((uintptr_t)mb.buffer & 7) == 0);
	CHECK(mb_other.buffer == other_buf);

	void *b[3];

	CHECK_EQ(sys_mem_blocks_alloc(&mb, 3, b), 0);
	CHECK(b[0] == blk(0) && b[1] == blk(1) && b[2] == blk(2));
	CHECK_EQ(bit(&mb, 0), 1);
	CHECK_EQ(bit(&mb, 2), 1);
	CHECK_EQ(bit(&mb, 3), 0);
	CHECK_EQ(mb.info.used_blocks, 3);
	/* The bitmap is Zephyr's sys_bitarray: its calls see the same bits. */
	size_t count = 0;

	CHECK_EQ(sys_bitarray_popcount_region(mb.bitmap, NBLK, 0, &count), 0);
	CHECK_EQ(count, 3);
	CHECK_EQ(sys_mem_blocks_free(&mb, 3, b), 0);
	CHECK_EQ(bit(&mb, 1), 0);
	CHECK_EQ(mb.info.used_blocks, 0);
	CHECK_EQ(mb.info.max_used_blocks, 3);
}

static void test_listener_events(void)
{
	void *b[2];
	void *run;

	n_events = 0;
	heap_listener_register(&mb_alloc_listener);
	heap_listener_register(&mb_free_listener);

	/* One event per block for alloc/free... */
	CHECK_EQ(sys_mem_blocks_alloc(&mb, 2, b), 0);
	/* ...one per run for the contiguous calls and get. */
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&mb, 4, &run), 0);
	CHECK_EQ(sys_mem_blocks_get(&mb, blk(10), 3), 0);
	CHECK_EQ(sys_mem_blocks_free_contiguous(&mb, blk(10), 3), 0);
	CHECK_EQ(sys_mem_blocks_free_contiguous(&mb, run, 4), 0);
	CHECK_EQ(sys_mem_blocks_free(&mb, 2, b), 0);
	/* Refused calls say nothing. */
	CHECK_EQ(sys_mem_blocks_free(&mb, 1, b), -EFAULT);
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&mb, NBLK + 1, &run), -ENOMEM);

	heap_listener_unregister(&mb_alloc_listener);
	heap_listener_unregister(&mb_free_listener);

	CHECK_EQ(n_events, 8);
	expect_event(0, true, blk(0), BLK);
	expect_event(1, true, blk(1), BLK);
	expect_event(2, true, blk(2), 4 * BLK);
	expect_event(3, true, blk(10), 3 * BLK);
	expect_event(4, false, blk(10), 3 * BLK);
	expect_event(5, false, blk(2), 4 * BLK);
	expect_event(6, false, blk(0), BLK);
	expect_event(7, false, blk(1), BLK);
}

static void test_zephyr_edge_cases(void)
{
	void *b[2] = {NULL, NULL};

	/* Zero blocks: nothing to do, success. */
	CHECK_EQ(sys_mem_blocks_alloc(&mb, 0, b), 0);
	CHECK_EQ(sys_mem_blocks_free(&mb, 0, b), 0);
	/* More than there are: -ENOMEM to allocate, -EINVAL to free (the array is not read). */
	CHECK_EQ(sys_mem_blocks_alloc(&mb, NBLK + 1, b), -ENOMEM);
	CHECK_EQ(sys_mem_blocks_alloc(&mb, 1, b), 0);
	CHECK_EQ(sys_mem_blocks_free(&mb, NBLK + 1, b), -EINVAL);
	CHECK_EQ(mb.info.used_blocks, 1);
	CHECK_EQ(sys_mem_blocks_free(&mb, 1, b), 0);
	/* Freed twice, or just past the buffer: -EFAULT. */
	CHECK_EQ(sys_mem_blocks_free(&mb, 1, b), -EFAULT);
	b[0] = mb.buffer + ((size_t)mb.info.num_blocks << mb.info.blk_sz_shift);
	CHECK_EQ(sys_mem_blocks_free(&mb, 1, b), -EFAULT);
	/* A get running past the last block is refused like a taken one. */
	CHECK_EQ(sys_mem_blocks_get(&mb, blk(NBLK - 1), 2), -ENOMEM);
	CHECK_EQ(bit(&mb, NBLK - 1), 0);
	CHECK_EQ(sys_mem_blocks_get(&mb, blk(NBLK - 1), 1), 0);
	CHECK_EQ(sys_mem_blocks_free_contiguous(&mb, blk(NBLK - 1), 1), 0);
}

static sys_mem_blocks_t *choose(struct sys_multi_mem_blocks *group, void *cfg)
{
	uintptr_t i = (uintptr_t)cfg;

	return i < (uintptr_t)group->num_allocators ? group->allocators[i] : NULL;
}

static void test_multi_edge_cases(void)
{
	sys_multi_mem_blocks_t group;
	void *b[2] = {NULL, NULL};
	size_t sz = 0;

	sys_multi_mem_blocks_init(&group, choose);
	sys_multi_mem_blocks_add_allocator(&group, &mb);
	sys_multi_mem_blocks_add_allocator(&group, &mb_other);
	CHECK_EQ(group.num_allocators, 2);
	CHECK(group.allocators[1] == &mb_other);

	/* Zero blocks succeed before the choice is asked (it would refuse cfg 9). */
	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, (void *)9, 0, b, NULL), 0);
	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, (void *)9, 1, b, NULL), -EINVAL);
	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, (void *)1, 5, b, NULL), -ENOMEM);
	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, (void *)1, 1, b, &sz), 0);
	CHECK_EQ(sz, 16);
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 0, b), 0);
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 5, b), -EINVAL);
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 1, b), 0);
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 1, b), -EFAULT);
	/* A pointer in no allocator of the group. */
	static uint8_t nowhere[16];

	b[0] = nowhere;
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 1, b), -EINVAL);
}

void compat_mem_blocks_tests(void)
{
	RUN_TEST(test_public_layout);
	RUN_TEST(test_listener_events);
	RUN_TEST(test_zephyr_edge_cases);
	RUN_TEST(test_multi_edge_cases);
}
