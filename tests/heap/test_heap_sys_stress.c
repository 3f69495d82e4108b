/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_heap_stress() driven over a sys_heap. The alloc and free callbacks keep their own record
 * of every call, fill each block with a pattern and check it before freeing, validate the heap
 * after every call, and at the end the result's counts must equal that record.
 */
#include <stdio.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>
#include <zephyr/ztest.h>

#include "heap_test_util.h"

#define HEAP_MAX   (64u * 1024u)
#define MAX_BLOCKS 600 /* more than the scratch below can describe */
#define PTR_ALIGN  sizeof(void *)

static _Alignas(HEAP_BUF_ALIGN) union {
	uint64_t align;
	uint8_t b[HEAP_MAX];
} heap_buf;
static _Alignas(HEAP_BUF_ALIGN) union {
	uint64_t align;
	uint8_t b[512 * 2 * sizeof(void *)];
} scratch;

static struct {
	struct sys_heap heap;
	struct {
		uint8_t *ptr;
		size_t bytes;
		uint32_t id;
	} blocks[MAX_BLOCKS];
	size_t nblocks;
	uint32_t alloc_calls, alloc_ok, free_calls, next_id;
	uint64_t in_use_sum; /* sum after each of the first op_count calls of live bytes */
	uint32_t calls, op_count, drain_allocs;
	size_t in_use;
	bool broken; /* a check inside a callback failed */
} d;

static void note_broken(const char *what, const void *p)
{
	if (!d.broken) {
		TC_PRINT("    callback check failed: %s (%p)\n", what, p);
	}
	d.broken = true;
}

static void *alloc_cb(void *arg, size_t bytes)
{
	uint8_t *p = sys_heap_alloc(arg, bytes);

	d.alloc_calls++;
	if (p != NULL) {
		d.alloc_ok++;
		if (!is_aligned(p, PTR_ALIGN) || !in_heap(&d.heap, p, bytes) ||
		    sys_heap_usable_size(&d.heap, p) < bytes) {
			note_broken("bad block", p);
		}
		if (d.nblocks == MAX_BLOCKS) {
			note_broken("more live blocks than the scratch can hold", p);
		} else {
			d.blocks[d.nblocks].ptr = p;
			d.blocks[d.nblocks].bytes = bytes;
			d.blocks[d.nblocks].id = d.next_id++;
			pattern_fill(p, bytes, d.blocks[d.nblocks].id);
			d.nblocks++;
		}
		d.in_use += bytes;
	}
	if (!sys_heap_validate(&d.heap)) {
		note_broken("heap invalid after alloc", p);
	}
	if (d.calls++ < d.op_count) {
		d.in_use_sum += d.in_use;
	} else {
		d.drain_allocs++; /* past op_count only frees may come */
	}
	return p;
}

static void free_cb(void *arg, void *p)
{
	size_t i;

	d.free_calls++;
	for (i = 0; i < d.nblocks && d.blocks[i].ptr != p; i++) {
	}
	if (i == d.nblocks) {
		note_broken("free of a block never allocated", p);
	} else {
		if (pattern_check(p, d.blocks[i].bytes, d.blocks[i].id) != PATTERN_OK) {
			note_broken("block contents changed", p);
		}
		d.in_use -= d.blocks[i].bytes;
		d.blocks[i] = d.blocks[--d.nblocks];
	}
	sys_heap_free(arg, p);
	if (!sys_heap_validate(&d.heap)) {
		note_broken("heap invalid after free", p);
	}
	if (d.calls++ < d.op_count) {
		d.in_use_sum += d.in_use;
	}
}

static void run(size_t heap_bytes, uint32_t ops, int target_percent, size_t scratch_bytes)
{
	struct z_heap_stress_result res;

	memset(&d, 0, sizeof(d));
	d.op_count = ops;
	memset(&res, 0xa5, sizeof(res));
	hook_install();
	sys_heap_init(&d.heap, heap_buf.b, heap_bytes);
	sys_heap_stress(alloc_cb, free_cb, &d.heap, heap_bytes, ops, scratch.b, scratch_bytes,
			target_percent, &res);
	printf("  heap %lu B, %lu ops, target %d%%: %lu allocs (%lu ok), %lu frees, mean in use "
	       "%lu B\n",
	       (unsigned long)heap_bytes, (unsigned long)ops, target_percent,
	       (unsigned long)res.total_allocs, (unsigned long)res.successful_allocs,
	       (unsigned long)res.total_frees,
	       (unsigned long)(ops ? res.accumulated_in_use_bytes / ops : 0));
	zassert_true(!d.broken);
	zassert_equal(res.total_allocs, d.alloc_calls);
	zassert_equal(res.successful_allocs, d.alloc_ok);
	zassert_equal(res.total_frees, d.free_calls);
	zassert_true(res.successful_allocs <= res.total_allocs);
	zassert_true(res.total_frees <= res.successful_allocs);
	/* One callback per operation; past op_count the driver may only free what it left
	 * (zmem's driver returns every block, Zephyr's leaves them allocated). */
	zassert_equal(d.drain_allocs, 0);
	zassert_true(d.calls >= ops);
	zassert_true(d.calls == ops || d.nblocks == 0);
	zassert_equal(res.total_allocs + res.total_frees, d.calls);
	/* in use summed over the operations, as the callbacks saw it */
	zassert_equal(res.accumulated_in_use_bytes, d.in_use_sum);
	zassert_true(res.successful_allocs > 0);
	zassert_true(res.total_frees > 0);
	zassert_true(sys_heap_validate(&d.heap));
	zassert_equal(hook_log.count, 0);
	/* What the driver left allocated is still intact and frees cleanly. */
	while (d.nblocks > 0) {
		void *p = d.blocks[d.nblocks - 1].ptr;

		free_cb(&d.heap, p);
		zassert_true(!d.broken);
	}
	zassert_equal(stats_of(&d.heap).allocated_bytes, 0);
	zassert_true(sys_heap_validate(&d.heap));
}

ZTEST(heap_sys_stress, test_stress_driver_4k)
{
	run(4096, TEST_ITER(20000), 50, sizeof(scratch.b));
}

ZTEST(heap_sys_stress, test_stress_driver_4k_nearly_full)
{
	run(4096, TEST_ITER(20000), 99, sizeof(scratch.b));
}

ZTEST(heap_sys_stress, test_stress_driver_64k)
{
	run(64 * 1024, TEST_ITER(20000), 80, sizeof(scratch.b));
}

ZTEST(heap_sys_stress, test_stress_driver_64k_low_fill)
{
	run(64 * 1024, TEST_ITER(10000), 20, sizeof(scratch.b));
}

ZTEST(heap_sys_stress, test_stress_driver_small_scratch)
{
	/* Scratch for only a few blocks: the driver must free instead of overflowing it. */
	run(64 * 1024, TEST_ITER(5000), 90, 16 * 2 * sizeof(void *));
}

/* The error hook is the core's global state: leave the default one behind. */
static void heap_sys_stress_teardown(void *fixture)
{
	(void)fixture;
	hook_restore_default();
}

ZTEST_SUITE(heap_sys_stress, NULL, NULL, NULL, NULL, heap_sys_stress_teardown);
