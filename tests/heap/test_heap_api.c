/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Unit tests for every call in <zephyr/sys/sys_heap.h> and the edge cases of Zephyr's sys_heap
 * (docs: zephyr-api-reference.md, section sys_heap): 0 bytes, SIZE_MAX, NULL, alignment rules,
 * realloc in place / moving / failing, statistics, print_info, the fragmentation report, the heap
 * walk, tiny and odd buffers, several heaps side by side.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>

#include "heap_test_util.h"
#include "zmem_test.h"

#define HEAP_BYTES (64u * 1024u)
#define PTR_ALIGN  sizeof(void *)

static _Alignas(HEAP_BUF_ALIGN) union {
	uint64_t align;
	uint8_t b[HEAP_BYTES];
} heap_buf;

static struct sys_heap heap;

#define MAX_RECS 1024
static struct walk_rec recs[MAX_RECS];

static void fresh_heap(size_t bytes)
{
	hook_install();
	memset(heap_buf.b, 0x5a, sizeof(heap_buf.b));
	sys_heap_init(&heap, heap_buf.b, bytes);
}

/* The first 64 sizes just below SIZE_MAX, then values that overflow once a header or rounding
 * is added, and a few halves. */
static size_t huge_size(unsigned int i)
{
	static const size_t extra[] = {
		SIZE_MAX / 2, SIZE_MAX / 2 + 1, SIZE_MAX / 2 - 1, SIZE_MAX / 4,
		SIZE_MAX - HEAP_BYTES, SIZE_MAX - 2 * HEAP_BYTES, (size_t)1 << (sizeof(size_t) * 8 - 1),
		HEAP_BYTES, HEAP_BYTES + 1, HEAP_BYTES - 1, 2 * HEAP_BYTES,
	};
	if (i < 64) {
		return SIZE_MAX - i;
	}
	return extra[i - 64];
}
#define HUGE_COUNT (64 + 11)

ZT_TEST(test_alloc_zero_returns_null)
{
	fresh_heap(HEAP_BYTES);
	struct sys_memory_stats before = stats_of(&heap);

	ZT_ASSERT_NULL(sys_heap_alloc(&heap, 0));
	ZT_ASSERT_NULL(sys_heap_aligned_alloc(&heap, 0, 0));
	ZT_ASSERT_NULL(sys_heap_aligned_alloc(&heap, 64, 0));
	ZT_ASSERT_NULL(sys_heap_realloc(&heap, NULL, 0));
	ZT_ASSERT_NULL(sys_heap_aligned_realloc(&heap, NULL, 16, 0));
	struct sys_memory_stats after = stats_of(&heap);
	ZT_ASSERT_EQ(after.allocated_bytes, before.allocated_bytes);
	ZT_ASSERT_EQ(after.free_bytes, before.free_bytes);
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_alloc_huge_returns_null)
{
	fresh_heap(HEAP_BYTES);
	void *keep = sys_heap_alloc(&heap, 100);

	ZT_ASSERT_NOT_NULL(keep);
	pattern_fill(keep, 100, 1);
	struct sys_memory_stats before = stats_of(&heap);

	for (unsigned int i = 0; i < HUGE_COUNT; i++) {
		size_t n = huge_size(i);

		ZT_ASSERT_MSG(sys_heap_alloc(&heap, n) == NULL, "alloc(%lu) did not fail",
			      (unsigned long)n);
		for (size_t align = 1; align <= 4096; align <<= 3) {
			ZT_ASSERT_MSG(sys_heap_aligned_alloc(&heap, align, n) == NULL,
				      "aligned_alloc(%lu, %lu) did not fail", (unsigned long)align,
				      (unsigned long)n);
		}
		ZT_ASSERT_MSG(sys_heap_realloc(&heap, keep, n) == NULL, "realloc(p, %lu) did not fail",
			      (unsigned long)n);
		ZT_ASSERT_MSG(sys_heap_aligned_realloc(&heap, keep, 64, n) == NULL,
			      "aligned_realloc(p, 64, %lu) did not fail", (unsigned long)n);
		ZT_ASSERT_MSG(sys_heap_realloc(&heap, NULL, n) == NULL,
			      "realloc(NULL, %lu) did not fail", (unsigned long)n);
	}
	struct sys_memory_stats after = stats_of(&heap);
	ZT_ASSERT_EQ(after.allocated_bytes, before.allocated_bytes);
	ZT_ASSERT_EQ(after.free_bytes, before.free_bytes);
	ZT_ASSERT_EQ(pattern_check(keep, 100, 1), PATTERN_OK);
	ZT_ASSERT(sys_heap_validate(&heap));
	/* Too-large requests are ordinary failures, not misuse. */
	ZT_ASSERT_EQ(hook_log.count, 0);
	/* The heap still works afterwards. */
	void *p = sys_heap_alloc(&heap, 1000);
	ZT_ASSERT_NOT_NULL(p);
	sys_heap_free(&heap, p);
	sys_heap_free(&heap, keep);
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
}

ZT_TEST(test_alloc_larger_than_heap_or_free_space)
{
	fresh_heap(4096);
	ZT_ASSERT_NULL(sys_heap_alloc(&heap, 4096));
	ZT_ASSERT_NULL(sys_heap_alloc(&heap, 4095));
	ZT_ASSERT_NULL(sys_heap_alloc(&heap, 4097));
	/* Fill the heap, then any request fails until something is freed. */
	void *ptrs[512];
	size_t n = 0;

	while (n < 512 && (ptrs[n] = sys_heap_alloc(&heap, 64)) != NULL) {
		n++;
	}
	ZT_ASSERT_GT(n, 40); /* 4 KiB / 64 with modest per-block overhead */
	ZT_ASSERT_LT(n, 512);
	ZT_ASSERT_NULL(sys_heap_alloc(&heap, 64));
	ZT_ASSERT(sys_heap_validate(&heap));
	sys_heap_free(&heap, ptrs[n / 2]);
	void *again = sys_heap_alloc(&heap, 64);
	ZT_ASSERT(again == ptrs[n / 2]);
	for (size_t i = 0; i < n; i++) {
		sys_heap_free(&heap, ptrs[i]);
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_alloc_alignment_and_usable_size)
{
	static void *ptrs[300];

	fresh_heap(HEAP_BYTES);
	for (size_t i = 0; i < 300; i++) {
		size_t req = i + 1;

		ptrs[i] = sys_heap_alloc(&heap, req);
		ZT_ASSERT_MSG(ptrs[i] != NULL, "alloc(%lu) failed", (unsigned long)req);
		ZT_ASSERT_MSG(is_aligned(ptrs[i], PTR_ALIGN), "alloc(%lu) = %p", (unsigned long)req,
			      ptrs[i]);
		size_t usable = sys_heap_usable_size(&heap, ptrs[i]);

		ZT_ASSERT_GE(usable, req);
		/* Rounding waste stays small: a few granules, not a power-of-two class. */
		ZT_ASSERT_LE(usable, req + 32);
		ZT_ASSERT(in_heap(&heap, ptrs[i], usable));
		/* The whole usable size is ours to write. */
		pattern_fill(ptrs[i], usable, (uint32_t)i);
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	for (size_t i = 0; i < 300; i++) {
		size_t usable = sys_heap_usable_size(&heap, ptrs[i]);

		ZT_ASSERT_MSG(pattern_check(ptrs[i], usable, (uint32_t)i) == PATTERN_OK,
			      "block %lu overwritten", (unsigned long)i);
	}
	for (size_t i = 0; i < 300; i += 2) {
		sys_heap_free(&heap, ptrs[i]);
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	for (size_t i = 1; i < 300; i += 2) {
		ZT_ASSERT(pattern_check(ptrs[i], i + 1, (uint32_t)i) == PATTERN_OK);
		sys_heap_free(&heap, ptrs[i]);
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_aligned_alloc_every_power_of_two)
{
	static const size_t sizes[] = {1, 3, 8, 24, 100, 1000};

	fresh_heap(HEAP_BYTES);
	/* A few live blocks so aligned requests do not always start at a fresh heap. */
	void *a = sys_heap_alloc(&heap, 40);
	void *b = sys_heap_alloc(&heap, 12);

	ZT_ASSERT(a && b);
	pattern_fill(a, 40, 1);
	pattern_fill(b, 12, 2);
	for (size_t align = 1; align <= HEAP_BYTES / 4; align <<= 1) {
		for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			size_t n = sizes[k];
			void *p = sys_heap_aligned_alloc(&heap, align, n);

			ZT_ASSERT_MSG(p != NULL, "aligned_alloc(%lu, %lu) failed", (unsigned long)align,
				      (unsigned long)n);
			ZT_ASSERT_MSG(is_aligned(p, align > PTR_ALIGN ? align : PTR_ALIGN),
				      "aligned_alloc(%lu, %lu) = %p", (unsigned long)align,
				      (unsigned long)n, p);
			size_t usable = sys_heap_usable_size(&heap, p);
			ZT_ASSERT_GE(usable, n);
			ZT_ASSERT(in_heap(&heap, p, usable));
			pattern_fill(p, usable, 77);
			ZT_ASSERT_MSG(sys_heap_validate(&heap), "after aligned_alloc(%lu, %lu)",
				      (unsigned long)align, (unsigned long)n);
			sys_heap_free(&heap, p);
			ZT_ASSERT(sys_heap_validate(&heap));
		}
	}
	/* align 0: natural alignment. */
	void *z = sys_heap_aligned_alloc(&heap, 0, 10);
	ZT_ASSERT_NOT_NULL(z);
	ZT_ASSERT(is_aligned(z, PTR_ALIGN));
	sys_heap_free(&heap, z);
	/*
	 * Alignments larger than the heap: met only where an address so aligned lies in a free
	 * chunk with room above it (the aligned fit checks the chunk's own aligned position), so
	 * either NULL or a block in the heap at such an address; never one past the heap.
	 */
	for (size_t align = 2 * HEAP_BYTES; align != 0; align <<= 1) {
		void *p = sys_heap_aligned_alloc(&heap, align, 8);

		if (p != NULL) {
			ZT_ASSERT_MSG(is_aligned(p, align) && in_heap(&heap, p, 8),
				      "aligned_alloc(%lu, 8) = %p", (unsigned long)align, p);
			ZT_ASSERT(sys_heap_validate(&heap));
			sys_heap_free(&heap, p);
		}
	}
	/* Many aligned blocks live at once do not overlap. */
	void *live[64];
	size_t nlive = 0;
	for (size_t i = 0; i < 64; i++) {
		size_t align = (size_t)1 << (i % 9);
		void *p = sys_heap_aligned_alloc(&heap, align, 16 + i * 3);

		if (p == NULL) {
			break;
		}
		ZT_ASSERT(is_aligned(p, align));
		pattern_fill(p, 16 + i * 3, (uint32_t)(100 + i));
		live[nlive++] = p;
	}
	ZT_ASSERT_EQ(nlive, 64);
	ZT_ASSERT(sys_heap_validate(&heap));
	for (size_t i = 0; i < nlive; i++) {
		ZT_ASSERT_MSG(pattern_check(live[i], 16 + i * 3, (uint32_t)(100 + i)) == PATTERN_OK,
			      "aligned block %lu overwritten", (unsigned long)i);
		sys_heap_free(&heap, live[i]);
	}
	ZT_ASSERT(pattern_check(a, 40, 1) == PATTERN_OK);
	ZT_ASSERT(pattern_check(b, 12, 2) == PATTERN_OK);
	sys_heap_free(&heap, a);
	sys_heap_free(&heap, b);
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_aligned_alloc_large_alignments)
{
	/* Alignments up to half the heap either succeed correctly aligned or fail cleanly. */
	fresh_heap(HEAP_BYTES);
	for (size_t align = HEAP_BYTES / 4; align <= HEAP_BYTES; align <<= 1) {
		void *p = sys_heap_aligned_alloc(&heap, align, 16);

		if (p != NULL) {
			ZT_ASSERT(is_aligned(p, align));
			ZT_ASSERT(in_heap(&heap, p, 16));
			sys_heap_free(&heap, p);
		}
		ZT_ASSERT(sys_heap_validate(&heap));
	}
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
}

ZT_TEST(test_aligned_alloc_not_power_of_two_fails)
{
	static const size_t bad[] = {3, 5, 6, 7, 12, 24, 48, 100, 4097, 3 << 10, SIZE_MAX,
				     SIZE_MAX - 1};

	fresh_heap(HEAP_BYTES);
	void *p = sys_heap_alloc(&heap, 64);
	ZT_ASSERT_NOT_NULL(p);
	pattern_fill(p, 64, 9);
	struct sys_memory_stats before = stats_of(&heap);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ZT_ASSERT_MSG(sys_heap_aligned_alloc(&heap, bad[i], 16) == NULL,
			      "aligned_alloc(%lu, 16) did not fail", (unsigned long)bad[i]);
		ZT_ASSERT_MSG(sys_heap_aligned_realloc(&heap, p, bad[i], 16) == NULL,
			      "aligned_realloc(p, %lu, 16) did not fail", (unsigned long)bad[i]);
	}
	struct sys_memory_stats after = stats_of(&heap);
	ZT_ASSERT_EQ(after.allocated_bytes, before.allocated_bytes);
	ZT_ASSERT_EQ(pattern_check(p, 64, 9), PATTERN_OK);
	ZT_ASSERT(sys_heap_validate(&heap));
	sys_heap_free(&heap, p);
}

ZT_TEST(test_free_null_is_noop)
{
	static struct heap_snapshot snap;

	fresh_heap(4096);
	void *p = sys_heap_alloc(&heap, 100);
	ZT_ASSERT_NOT_NULL(p);
	snapshot_take(&heap, &snap);
	sys_heap_free(&heap, NULL);
	ZT_ASSERT_EQ(snapshot_diff(&heap, &snap), (size_t)-1);
	ZT_ASSERT_EQ(hook_log.count, 0);
	sys_heap_free(&heap, p);
	ZT_ASSERT(sys_heap_validate(&heap));
}

ZT_TEST(test_realloc_null_allocates)
{
	fresh_heap(HEAP_BYTES);
	void *p = sys_heap_realloc(&heap, NULL, 100);
	ZT_ASSERT_NOT_NULL(p);
	ZT_ASSERT(is_aligned(p, PTR_ALIGN));
	ZT_ASSERT_GE(sys_heap_usable_size(&heap, p), 100);
	void *q = sys_heap_aligned_realloc(&heap, NULL, 512, 100);
	ZT_ASSERT_NOT_NULL(q);
	ZT_ASSERT(is_aligned(q, 512));
	ZT_ASSERT_GE(sys_heap_usable_size(&heap, q), 100);
	ZT_ASSERT(sys_heap_validate(&heap));
	sys_heap_free(&heap, p);
	sys_heap_free(&heap, q);
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
}

ZT_TEST(test_realloc_zero_frees)
{
	fresh_heap(HEAP_BYTES);
	void *p = sys_heap_alloc(&heap, 100);
	void *q = sys_heap_aligned_alloc(&heap, 64, 100);
	ZT_ASSERT(p && q);
	ZT_ASSERT_NULL(sys_heap_realloc(&heap, p, 0));
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_NULL(sys_heap_aligned_realloc(&heap, q, 64, 0));
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	/* Both blocks really are free: the walk shows no used block. */
	size_t n = walk_collect(&heap, recs, MAX_RECS);
	ZT_ASSERT_NE(n, (size_t)-1);
	for (size_t i = 0; i < n && i < MAX_RECS; i++) {
		ZT_ASSERT(!recs[i].used);
	}
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_realloc_shrink_in_place)
{
	fresh_heap(HEAP_BYTES);
	void *p = sys_heap_alloc(&heap, 2048);
	void *guard = sys_heap_alloc(&heap, 64); /* keeps the right side used */
	ZT_ASSERT(p && guard);
	pattern_fill(p, 2048, 5);
	pattern_fill(guard, 64, 6);
	struct sys_memory_stats before = stats_of(&heap);

	void *q = sys_heap_realloc(&heap, p, 100);
	ZT_ASSERT(q == p);
	ZT_ASSERT_GE(sys_heap_usable_size(&heap, q), 100);
	ZT_ASSERT_LT(sys_heap_usable_size(&heap, q), 2048);
	ZT_ASSERT_EQ(pattern_check(q, 100, 5), PATTERN_OK);
	struct sys_memory_stats after = stats_of(&heap);
	/* The cut-off tail went back to the heap. */
	ZT_ASSERT_LT(after.allocated_bytes, before.allocated_bytes);
	ZT_ASSERT_GT(after.free_bytes, before.free_bytes);
	ZT_ASSERT(sys_heap_validate(&heap));
	/* Shrinking by less than a granule also keeps the pointer. */
	size_t u = sys_heap_usable_size(&heap, q);
	ZT_ASSERT(sys_heap_realloc(&heap, q, u - 1) == q);
	ZT_ASSERT(sys_heap_realloc(&heap, q, u) == q);
	ZT_ASSERT(sys_heap_aligned_realloc(&heap, q, PTR_ALIGN, 50) == q);
	ZT_ASSERT_EQ(pattern_check(q, 50, 5), PATTERN_OK);
	ZT_ASSERT_EQ(pattern_check(guard, 64, 6), PATTERN_OK);
	ZT_ASSERT(sys_heap_validate(&heap));
	sys_heap_free(&heap, q);
	sys_heap_free(&heap, guard);
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

/* Index in recs of the block right after the one at @p p, or -1 if @p p is the last. */
static long right_of(void *p, size_t *nrecs)
{
	size_t n = walk_collect(&heap, recs, MAX_RECS);
	long i;

	*nrecs = n;
	if (n == (size_t)-1 || n > MAX_RECS) {
		return -2;
	}
	i = walk_find(recs, n, p);
	if (i < 0) {
		return -2;
	}
	return (size_t)(i + 1) < n ? i + 1 : -1;
}

ZT_TEST(test_realloc_grow_in_place)
{
	fresh_heap(HEAP_BYTES);
	void *blk[3];
	size_t n;

	for (int i = 0; i < 3; i++) {
		blk[i] = sys_heap_alloc(&heap, 256);
		ZT_ASSERT_NOT_NULL(blk[i]);
		pattern_fill(blk[i], 256, (uint32_t)i);
	}
	/* Pick a block whose right neighbour is free or one of ours we can free. */
	int pick = -1;
	for (int i = 0; i < 3 && pick < 0; i++) {
		long r = right_of(blk[i], &n);

		ZT_ASSERT_NE(r, -2);
		if (r < 0) {
			continue;
		}
		if (!recs[r].used) {
			pick = i;
		}
		for (int j = 0; j < 3; j++) {
			if (j != i && recs[r].mem == (uintptr_t)blk[j]) {
				sys_heap_free(&heap, blk[j]);
				blk[j] = NULL;
				pick = i;
			}
		}
	}
	ZT_ASSERT_MSG(pick >= 0, "no block has a free or freeable right neighbour");
	void *p = blk[pick];
	long r = right_of(p, &n);
	ZT_ASSERT_GE(r, 0);
	ZT_ASSERT(!recs[r].used);
	size_t old_usable = sys_heap_usable_size(&heap, p);
	size_t want = old_usable + recs[r].bytes / 2;

	void *q = sys_heap_realloc(&heap, p, want);
	ZT_ASSERT_MSG(q == p, "grow into a free right neighbour moved %p to %p", p, q);
	ZT_ASSERT_GE(sys_heap_usable_size(&heap, q), want);
	ZT_ASSERT_EQ(pattern_check(q, 256, (uint32_t)pick), PATTERN_OK);
	pattern_fill(q, want, 42);
	ZT_ASSERT(sys_heap_validate(&heap));
	for (int j = 0; j < 3; j++) {
		if (blk[j] != NULL && j != pick) {
			ZT_ASSERT(pattern_check(blk[j], 256, (uint32_t)j) == PATTERN_OK);
			sys_heap_free(&heap, blk[j]);
		}
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	sys_heap_free(&heap, q);
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

/*
 * A block whose right neighbour is used grows into its free left neighbour, the contents moved
 * down, before it would move: here a move could not succeed (no other free chunk holds the new
 * size), growing down does.
 */
ZT_TEST(test_realloc_grows_into_free_left_neighbour)
{
	fresh_heap(1024);
	void *a = sys_heap_alloc(&heap, 300);
	void *p = sys_heap_alloc(&heap, 300);
	size_t n;

	ZT_ASSERT_NOT_NULL(a);
	ZT_ASSERT_NOT_NULL(p);
	struct sys_heap_fragmentation f;
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	void *fill = f.largest_free_block != 0u ? sys_heap_alloc(&heap, f.largest_free_block) : NULL;
	ZT_ASSERT_MSG((uint8_t *)a < (uint8_t *)p, "precondition: blocks placed low address first");
	sys_heap_free(&heap, a);
	long r = right_of(p, &n);
	ZT_ASSERT_NE(r, -2);
	ZT_ASSERT_MSG(r < 0 || recs[r].used, "precondition: nothing free right of the block");
	size_t old_usable = sys_heap_usable_size(&heap, p);
	pattern_fill(p, old_usable, 5);
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	ZT_ASSERT_LT(f.largest_free_block, 550);
	(void)sys_heap_runtime_stats_reset_max(&heap);

	uint8_t *q = sys_heap_realloc(&heap, p, 550);
	ZT_ASSERT_NOT_NULL(q);
	ZT_ASSERT(q < (uint8_t *)p);
	ZT_ASSERT(is_aligned(q, PTR_ALIGN));
	ZT_ASSERT_GE(sys_heap_usable_size(&heap, q), 550);
	ZT_ASSERT_MSG(q + sys_heap_usable_size(&heap, q) >= (uint8_t *)p + old_usable,
		      "the grown block covers the old one");
	ZT_ASSERT_EQ(pattern_check(q, old_usable, 5), PATTERN_OK);
	ZT_ASSERT(sys_heap_validate(&heap));
	if (STATS_RC == 0) {
		/* No transient second copy: the high-water mark is what is allocated now. */
		ZT_ASSERT_EQ(stats_of(&heap).max_allocated_bytes, stats_of(&heap).allocated_bytes);
	}
	pattern_fill(q, 550, 6);

	/* Shrinking it again frees its top, in place. */
	uint8_t *s = sys_heap_realloc(&heap, q, 100);
	ZT_ASSERT(s == q);
	ZT_ASSERT_EQ(pattern_check(s, 100, 6), PATTERN_OK);
	ZT_ASSERT(sys_heap_validate(&heap));
	sys_heap_free(&heap, s);
	sys_heap_free(&heap, fill);
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_realloc_move_copies_usable_bytes)
{
	fresh_heap(HEAP_BYTES);
	void *p = sys_heap_alloc(&heap, 10);
	void *fence[8];
	size_t n;

	ZT_ASSERT_NOT_NULL(p);
	for (int i = 0; i < 8; i++) {
		fence[i] = sys_heap_alloc(&heap, 10);
		ZT_ASSERT_NOT_NULL(fence[i]);
		pattern_fill(fence[i], 10, (uint32_t)(50 + i));
	}
	long r = right_of(p, &n);
	ZT_ASSERT_NE(r, -2);
	ZT_ASSERT_MSG(r < 0 || recs[r].used, "precondition: p's right neighbour is in use");
	/* Fill every usable byte, not only the 10 requested: realloc copies the usable size. */
	size_t old_usable = sys_heap_usable_size(&heap, p);
	pattern_fill(p, old_usable, 7);

	void *q = sys_heap_realloc(&heap, p, 4000);
	ZT_ASSERT_NOT_NULL(q);
	ZT_ASSERT(q != p);
	ZT_ASSERT(is_aligned(q, PTR_ALIGN));
	ZT_ASSERT_GE(sys_heap_usable_size(&heap, q), 4000);
	ZT_ASSERT_MSG(pattern_check(q, old_usable, 7) == PATTERN_OK,
		      "moved block lost byte %lu of %lu", (unsigned long)pattern_check(q, old_usable, 7),
		      (unsigned long)old_usable);
	ZT_ASSERT(sys_heap_validate(&heap));

	/* A move to a smaller size (forced by alignment) copies only the new size. */
	pattern_fill(q, 4000, 8);
	size_t align = 4096;
	while (is_aligned(q, align)) {
		align <<= 1;
	}
	void *s = sys_heap_aligned_realloc(&heap, q, align, 300);
	ZT_ASSERT_NOT_NULL(s);
	ZT_ASSERT(s != q);
	ZT_ASSERT(is_aligned(s, align));
	ZT_ASSERT_EQ(pattern_check(s, 300, 8), PATTERN_OK);
	for (int i = 0; i < 8; i++) {
		ZT_ASSERT(pattern_check(fence[i], 10, (uint32_t)(50 + i)) == PATTERN_OK);
		sys_heap_free(&heap, fence[i]);
	}
	sys_heap_free(&heap, s);
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_realloc_failure_keeps_block)
{
	static struct heap_snapshot snap;

	fresh_heap(4096);
	void *p = sys_heap_alloc(&heap, 200);
	void *others[64];
	size_t n = 0;

	ZT_ASSERT_NOT_NULL(p);
	pattern_fill(p, 200, 3);
	/* Fill the rest of the heap so no grow can succeed. */
	while (n < 64 && (others[n] = sys_heap_alloc(&heap, 100)) != NULL) {
		pattern_fill(others[n], 100, (uint32_t)(10 + n));
		n++;
	}
	ZT_ASSERT_GT(n, 5);
	/* Every block, header and free list stays as it was (the heap header may cache the
	 * failure). */
	snapshot_take(&heap, &snap);
	ZT_ASSERT_NULL(sys_heap_realloc(&heap, p, 1000));
	ZT_ASSERT_EQ(snapshot_diff_blocks(&heap, &snap), (size_t)-1);
	ZT_ASSERT_NULL(sys_heap_realloc(&heap, p, 5000));
	ZT_ASSERT_EQ(snapshot_diff_blocks(&heap, &snap), (size_t)-1);
	ZT_ASSERT_NULL(sys_heap_aligned_realloc(&heap, p, 1024, 300));
	ZT_ASSERT_EQ(snapshot_diff_blocks(&heap, &snap), (size_t)-1);
	ZT_ASSERT_NULL(sys_heap_realloc(&heap, p, SIZE_MAX));
	ZT_ASSERT_NULL(sys_heap_realloc(&heap, p, SIZE_MAX - 3));
	ZT_ASSERT_EQ(snapshot_diff_blocks(&heap, &snap), (size_t)-1);
	ZT_ASSERT_EQ(pattern_check(p, 200, 3), PATTERN_OK);
	ZT_ASSERT(sys_heap_validate(&heap));
	/* The old block is still owned and usable. */
	ZT_ASSERT_GE(sys_heap_usable_size(&heap, p), 200);
	sys_heap_free(&heap, p);
	for (size_t i = 0; i < n; i++) {
		ZT_ASSERT(pattern_check(others[i], 100, (uint32_t)(10 + i)) == PATTERN_OK);
		sys_heap_free(&heap, others[i]);
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_aligned_realloc_moves_misaligned_block)
{
	fresh_heap(HEAP_BYTES);
	/* From 16: the allocator may align every block to 8 even where pointers take 4. */
	for (size_t align = 16; align <= 4096; align <<= 1) {
		void *p = NULL;
		void *spare[4] = {NULL, NULL, NULL, NULL};
		int k = 0;

		/* Find a block that is not aligned to align (keep the aligned ones aside); sizes
		 * vary so that consecutive blocks do not all share one alignment. */
		while (k < 4) {
			p = sys_heap_alloc(&heap, 100 + 8 * (size_t)k);
			ZT_ASSERT_NOT_NULL(p);
			if (!is_aligned(p, align)) {
				break;
			}
			spare[k++] = p;
			p = NULL;
		}
		ZT_ASSERT_NOT_NULL(p);
		pattern_fill(p, 100, (uint32_t)align);
		void *q = sys_heap_aligned_realloc(&heap, p, align, 100);
		ZT_ASSERT_NOT_NULL(q);
		ZT_ASSERT_MSG(is_aligned(q, align), "aligned_realloc(p, %lu) = %p",
			      (unsigned long)align, q);
		ZT_ASSERT(q != p);
		ZT_ASSERT_EQ(pattern_check(q, 100, (uint32_t)align), PATTERN_OK);
		ZT_ASSERT(sys_heap_validate(&heap));
		/* Already aligned: a shrink keeps it where it is. */
		ZT_ASSERT(sys_heap_aligned_realloc(&heap, q, align, 60) == q);
		ZT_ASSERT_EQ(pattern_check(q, 60, (uint32_t)align), PATTERN_OK);
		sys_heap_free(&heap, q);
		for (int i = 0; i < k; i++) {
			sys_heap_free(&heap, spare[i]);
		}
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

ZT_TEST(test_runtime_stats)
{
	struct sys_memory_stats s;

	fresh_heap(HEAP_BYTES);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, &s), STATS_RC);
	ZT_ASSERT_EQ(s.allocated_bytes, 0);
	ZT_ASSERT_EQ(s.max_allocated_bytes, 0);
	ZT_ASSERT_GT(s.free_bytes, HEAP_BYTES - 1024);
	ZT_ASSERT_LE(s.free_bytes, HEAP_BYTES);
	const size_t total = s.free_bytes;

	void *a = sys_heap_alloc(&heap, 1000);
	void *b = sys_heap_alloc(&heap, 3000);
	ZT_ASSERT(a && b);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, &s), STATS_RC);
	ZT_ASSERT_GE(s.allocated_bytes, 4000);
	ZT_ASSERT_GE(s.allocated_bytes, sys_heap_usable_size(&heap, a) +
						sys_heap_usable_size(&heap, b));
	ZT_ASSERT_LE(s.allocated_bytes, 4000 + 2 * 64);
	ZT_ASSERT_EQ(s.free_bytes + s.allocated_bytes, total);
	ZT_ASSERT_EQ(s.max_allocated_bytes, HEAP_TRACKS_MAX ? s.allocated_bytes : 0u);
	const size_t peak = s.allocated_bytes;

	sys_heap_free(&heap, b);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, &s), STATS_RC);
	ZT_ASSERT_LT(s.allocated_bytes, peak);
	ZT_ASSERT_EQ(s.free_bytes + s.allocated_bytes, total);
	const size_t now = s.allocated_bytes;
#if HEAP_TRACKS_MAX
	ZT_ASSERT_EQ(s.max_allocated_bytes, peak);
#else
	/* No counters: no maximum (and the call says so with -ENOTSUP). */
	ZT_ASSERT_EQ(s.max_allocated_bytes, 0);
#endif

	ZT_ASSERT_EQ(sys_heap_runtime_stats_reset_max(&heap), STATS_RC);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, &s), STATS_RC);
	ZT_ASSERT_EQ(s.max_allocated_bytes, HEAP_TRACKS_MAX ? now : 0u);
	ZT_ASSERT_EQ(s.allocated_bytes, now);

	/* realloc moves the numbers too; the peak of a moving realloc holds both blocks. */
	void *c = sys_heap_realloc(&heap, a, 2000);
	ZT_ASSERT_NOT_NULL(c);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, &s), STATS_RC);
	ZT_ASSERT_GE(s.allocated_bytes, 2000);
	ZT_ASSERT_EQ(s.free_bytes + s.allocated_bytes, total);
	ZT_ASSERT_GE(s.max_allocated_bytes, HEAP_TRACKS_MAX ? s.allocated_bytes : 0u);
	sys_heap_free(&heap, c);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, &s), STATS_RC);
	ZT_ASSERT_EQ(s.allocated_bytes, 0);
	ZT_ASSERT_EQ(s.free_bytes, total);
#if HEAP_TRACKS_MAX
	ZT_ASSERT_GE(s.max_allocated_bytes, 2000);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_reset_max(&heap), STATS_RC);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, &s), STATS_RC);
#endif
	ZT_ASSERT_EQ(s.max_allocated_bytes, 0);

	/* NULL arguments. */
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(NULL, &s), -EINVAL);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(&heap, NULL), -EINVAL);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_get(NULL, NULL), -EINVAL);
	ZT_ASSERT_EQ(sys_heap_runtime_stats_reset_max(NULL), -EINVAL);
	ZT_ASSERT(sys_heap_validate(&heap));
}

ZT_TEST(test_print_info_changes_nothing)
{
	static struct heap_snapshot snap;

	fresh_heap(4096);
	sys_heap_print_info(&heap, false);
	sys_heap_print_info(&heap, true);
	void *a = sys_heap_alloc(&heap, 100);
	void *b = sys_heap_alloc(&heap, 300);
	void *c = sys_heap_alloc(&heap, 50);
	ZT_ASSERT(a && b && c);
	sys_heap_free(&heap, b);
	snapshot_take(&heap, &snap);
	sys_heap_print_info(&heap, false);
	sys_heap_print_info(&heap, true);
	ZT_ASSERT_EQ(snapshot_diff(&heap, &snap), (size_t)-1);
	ZT_ASSERT(sys_heap_validate(&heap));
	sys_heap_free(&heap, a);
	sys_heap_free(&heap, c);
}

/* fragmentation_pct as documented: 100 * (1 - largest / free), allowing for rounding. */
static bool pct_matches(const struct sys_heap_fragmentation *f)
{
	unsigned long long want;

	if (f->free_bytes == 0) {
		return f->fragmentation_pct == 0;
	}
	want = 100ull - (100ull * f->largest_free_block) / f->free_bytes;
	return f->fragmentation_pct + 1 >= want && f->fragmentation_pct <= want + 1;
}

/* largest_free_block is exactly the largest request that succeeds now. */
static void check_largest_is_exact(void)
{
	struct sys_heap_fragmentation f;

	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	if (f.largest_free_block > 0) {
		void *p = sys_heap_alloc(&heap, f.largest_free_block);

		ZT_ASSERT_MSG(p != NULL, "alloc(largest_free_block = %lu) failed",
			      (unsigned long)f.largest_free_block);
		sys_heap_free(&heap, p);
	}
	void *q = sys_heap_alloc(&heap, f.largest_free_block + 1);
	ZT_ASSERT_MSG(q == NULL, "alloc(largest_free_block + 1 = %lu) succeeded",
		      (unsigned long)f.largest_free_block + 1);
	ZT_ASSERT(sys_heap_validate(&heap));
}

ZT_TEST(test_fragmentation_report)
{
	struct sys_heap_fragmentation f;
	void *blk[32];
	size_t n;

	fresh_heap(HEAP_BYTES);
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(NULL, &f), -EINVAL);
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, NULL), -EINVAL);
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	ZT_ASSERT_EQ(f.free_blocks, 1);
	ZT_ASSERT_GT(f.largest_free_block, HEAP_BYTES - 1024);
	ZT_ASSERT_LE(f.largest_free_block, f.free_bytes);
	ZT_ASSERT(pct_matches(&f));
	check_largest_is_exact();
	ZT_RETURN_IF_FAILED();

	/* A checkerboard: every other 256-byte block freed. */
	for (int i = 0; i < 32; i++) {
		blk[i] = sys_heap_alloc(&heap, 256);
		ZT_ASSERT_NOT_NULL(blk[i]);
	}
	for (int i = 0; i < 32; i += 2) {
		sys_heap_free(&heap, blk[i]);
	}
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	ZT_ASSERT_GE(f.free_blocks, 16);
	ZT_ASSERT(pct_matches(&f));
	check_largest_is_exact();
	ZT_RETURN_IF_FAILED();

	/* free_bytes and free_blocks agree with the walk. */
	n = walk_collect(&heap, recs, MAX_RECS);
	ZT_ASSERT(n != (size_t)-1 && n <= MAX_RECS);
	size_t free_sum = 0, free_count = 0, largest = 0;
	for (size_t i = 0; i < n; i++) {
		if (!recs[i].used) {
			free_sum += recs[i].bytes;
			free_count++;
			largest = recs[i].bytes > largest ? recs[i].bytes : largest;
		}
	}
	ZT_ASSERT_EQ(f.free_bytes, free_sum);
	ZT_ASSERT_EQ(f.free_blocks, free_count);
	ZT_ASSERT_LE(f.largest_free_block, largest);

	/* Fill the tail so only the holes remain: largest becomes a hole. */
	void *tail = sys_heap_alloc(&heap, f.largest_free_block);
	ZT_ASSERT_NOT_NULL(tail);
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	ZT_ASSERT_LT(f.largest_free_block, 2 * 256 + 64);
	ZT_ASSERT_GE(f.largest_free_block, 256);
	ZT_ASSERT_GE(f.fragmentation_pct, 80);
	ZT_ASSERT(pct_matches(&f));
	check_largest_is_exact();
	ZT_RETURN_IF_FAILED();
	sys_heap_free(&heap, tail);
	for (int i = 1; i < 32; i += 2) {
		sys_heap_free(&heap, blk[i]);
	}
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	ZT_ASSERT_EQ(f.free_blocks, 1);
	ZT_ASSERT(pct_matches(&f));

	/* A full heap: nothing free at all. */
	void *all = sys_heap_alloc(&heap, f.largest_free_block);
	ZT_ASSERT_NOT_NULL(all);
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	if (f.free_blocks == 0) {
		ZT_ASSERT_EQ(f.largest_free_block, 0);
		ZT_ASSERT_EQ(f.fragmentation_pct, 0);
	}
	check_largest_is_exact();
	ZT_RETURN_IF_FAILED();
	sys_heap_free(&heap, all);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

/* Several free blocks of nearly the same size, freed in the order given: the report must be
 * exactly the largest request alloc then serves. */
static void similar_blocks_scenario(bool largest_last)
{
	static const size_t sizes[] = {4200, 4150, 4120, 4100, 4180, 4110};
	const size_t n = sizeof(sizes) / sizeof(sizes[0]);
	void *x[6], *spacer[6];

	fresh_heap(HEAP_BYTES);
	for (size_t i = 0; i < n; i++) {
		x[i] = sys_heap_alloc(&heap, sizes[i]);
		spacer[i] = sys_heap_alloc(&heap, 16);
		ZT_ASSERT(x[i] && spacer[i]);
	}
	/* Use up the rest of the heap so only the blocks freed below remain. */
	struct sys_heap_fragmentation f;
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	void *rest = sys_heap_alloc(&heap, f.largest_free_block);
	ZT_ASSERT_NOT_NULL(rest);
	for (size_t k = 0; k < n; k++) {
		sys_heap_free(&heap, x[largest_last ? n - 1u - k : k]);
	}
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	/* The bounded probe may not reach the 4200-byte chunk, but whichever chunk it takes fits
	 * at least the smallest freed size. */
	ZT_ASSERT_GE(f.largest_free_block, 4100);
	ZT_ASSERT_LT(f.largest_free_block, 4200 + 16);
	check_largest_is_exact();
	ZT_RETURN_IF_FAILED();
	sys_heap_free(&heap, rest);
	for (size_t i = 0; i < n; i++) {
		sys_heap_free(&heap, spacer[i]);
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
}

ZT_TEST(test_largest_free_block_among_similar_blocks)
{
	similar_blocks_scenario(false);
	ZT_RETURN_IF_FAILED();
	similar_blocks_scenario(true);
}

/* The walk and the fragmentation report describe the same free blocks. */
static void check_walk_matches_report(const char *when, size_t size)
{
	struct sys_heap_fragmentation f;
	size_t n = walk_collect(&heap, recs, MAX_RECS);
	size_t free_sum = 0, free_count = 0;

	ZT_ASSERT(n != (size_t)-1 && n <= MAX_RECS);
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	for (size_t i = 0; i < n; i++) {
		if (!recs[i].used) {
			ZT_ASSERT_MSG(recs[i].bytes <= heap.init_bytes,
				      "%s (size %lu): free block of %lu bytes", when,
				      (unsigned long)size, (unsigned long)recs[i].bytes);
			free_sum += recs[i].bytes;
			free_count++;
		}
	}
	ZT_ASSERT_MSG(free_count == f.free_blocks && free_sum == f.free_bytes,
		      "%s (size %lu): walk %lu free blocks / %lu bytes, report %lu / %lu", when,
		      (unsigned long)size, (unsigned long)free_count, (unsigned long)free_sum,
		      (unsigned long)f.free_blocks, (unsigned long)f.free_bytes);
}

ZT_TEST(test_walk_matches_fragmentation_report)
{
	/* Reuse a freed block for a request a little smaller: whatever is left over (however
	 * small) is seen the same way by the walk and by the report. */
	fresh_heap(HEAP_BYTES);
	for (size_t size = 24; size <= 120; size++) {
		for (size_t less = 1; less <= 16; less += 5) {
			void *x = sys_heap_alloc(&heap, size);
			void *guard = sys_heap_alloc(&heap, 16);

			ZT_ASSERT(x && guard);
			sys_heap_free(&heap, x);
			void *y = sys_heap_alloc(&heap, size - less);
			ZT_ASSERT_NOT_NULL(y);
			check_walk_matches_report("after a smaller reuse", size);
			ZT_RETURN_IF_FAILED();
			ZT_ASSERT_NOT_NULL(sys_heap_realloc(&heap, y, 8));
			check_walk_matches_report("after a shrink", size);
			ZT_RETURN_IF_FAILED();
			sys_heap_free(&heap, y);
			sys_heap_free(&heap, guard);
			ZT_ASSERT(sys_heap_validate(&heap));
		}
	}
	/* Aligned allocations leave leading gaps of every size. */
	for (size_t k = 0; k < 64; k++) {
		void *pad = sys_heap_alloc(&heap, 1 + k);
		void *a = sys_heap_aligned_alloc(&heap, 64, 40);

		ZT_ASSERT(pad && a);
		check_walk_matches_report("after an aligned allocation", k);
		ZT_RETURN_IF_FAILED();
		sys_heap_free(&heap, pad);
		check_walk_matches_report("after freeing the padding", k);
		ZT_RETURN_IF_FAILED();
		sys_heap_free(&heap, a);
	}
	ZT_ASSERT(sys_heap_validate(&heap));
	ZT_ASSERT_EQ(stats_of(&heap).allocated_bytes, 0);
}

struct stop_ctx {
	unsigned int calls;
	unsigned int stop_after;
};

static bool stop_cb(void *mem, size_t bytes, bool used, void *user_data)
{
	struct stop_ctx *c = user_data;

	(void)mem;
	(void)bytes;
	(void)used;
	c->calls++;
	return c->calls < c->stop_after;
}

/* Checks the walk's shape: address order, no overlap, inside the buffer, equal gaps (one chunk
 * header each); returns the bytes the walk does not cover (heap header, headers, end marker). */
static size_t check_walk_shape(size_t *count_out, size_t *used_out)
{
	size_t n = walk_collect(&heap, recs, MAX_RECS);
	uintptr_t lo = (uintptr_t)heap.init_mem, hi = lo + heap.init_bytes;
	size_t covered = 0, used = 0;

	*count_out = n;
	if (n == (size_t)-1 || n == 0 || n > MAX_RECS) {
		zt_note("walk returned %lu blocks", (unsigned long)n);
		return (size_t)-1;
	}
	for (size_t i = 0; i < n; i++) {
		/* A free block may be too small to hold any request (0 usable bytes). */
		if (recs[i].mem < lo || recs[i].mem > hi || recs[i].bytes > hi - recs[i].mem ||
		    (recs[i].bytes == 0 && recs[i].used)) {
			zt_note("block %lu outside the buffer", (unsigned long)i);
			return (size_t)-1;
		}
		if (i > 0 && recs[i].mem < recs[i - 1].mem + recs[i - 1].bytes) {
			zt_note("block %lu not after block %lu", (unsigned long)i,
				(unsigned long)(i - 1));
			return (size_t)-1;
		}
		if (i > 1 && recs[i].mem - (recs[i - 1].mem + recs[i - 1].bytes) !=
				     recs[1].mem - (recs[0].mem + recs[0].bytes)) {
			zt_note("gap before block %lu differs", (unsigned long)i);
			return (size_t)-1;
		}
		if (i > 0 && !recs[i].used && !recs[i - 1].used) {
			zt_note("free blocks %lu and %lu not merged", (unsigned long)(i - 1),
				(unsigned long)i);
			return (size_t)-1;
		}
		covered += recs[i].bytes;
		used += recs[i].used;
	}
	*used_out = used;
	return heap.init_bytes - covered;
}

ZT_TEST(test_heap_walk)
{
	void *blk[40];
	size_t n, used;

	fresh_heap(HEAP_BYTES);
	size_t fixed0 = check_walk_shape(&n, &used);
	ZT_ASSERT_NE(fixed0, (size_t)-1);
	ZT_ASSERT_EQ(n, 1);
	ZT_ASSERT_EQ(used, 0);
	ZT_ASSERT_LT(fixed0, 1024); /* heap header + end marker stay small */

	for (int i = 0; i < 40; i++) {
		blk[i] = (i % 3 == 0) ? sys_heap_aligned_alloc(&heap, 128, 20 + 7 * (size_t)i)
				      : sys_heap_alloc(&heap, 20 + 7 * (size_t)i);
		ZT_ASSERT_NOT_NULL(blk[i]);
	}
	for (int i = 0; i < 40; i += 4) {
		sys_heap_free(&heap, blk[i]);
		blk[i] = NULL;
	}
	size_t fixed = check_walk_shape(&n, &used);
	ZT_ASSERT_NE(fixed, (size_t)-1);
	ZT_ASSERT_EQ(used, 30);
	/* Every live block appears once, used, with its usable size. */
	for (int i = 0; i < 40; i++) {
		if (blk[i] == NULL) {
			continue;
		}
		long k = walk_find(recs, n, blk[i]);
		ZT_ASSERT_MSG(k >= 0, "live block %d (%p) not visited", i, blk[i]);
		ZT_ASSERT(recs[k].used);
		ZT_ASSERT_EQ(recs[k].bytes, sys_heap_usable_size(&heap, blk[i]));
	}
	/* What the walk does not cover is the fixed part plus one header per extra block. */
	size_t gap = n > 1 ? recs[1].mem - (recs[0].mem + recs[0].bytes) : 0;
	ZT_ASSERT_LE(gap, 16);
	ZT_ASSERT_EQ(fixed, fixed0 + (n - 1) * gap);
	/* The walk's free blocks agree with the statistics' free space. */
	struct sys_heap_fragmentation f;
	ZT_ASSERT_EQ(sys_heap_fragmentation_get(&heap, &f), 0);
	size_t free_sum = 0;
	for (size_t i = 0; i < n; i++) {
		free_sum += recs[i].used ? 0 : recs[i].bytes;
	}
	ZT_ASSERT_EQ(free_sum, f.free_bytes);

	/* A callback returning false stops the walk at once. */
	struct stop_ctx sc = {0, 3};
	size_t visited = sys_heap_walk(&heap, stop_cb, &sc);
	ZT_ASSERT_EQ(sc.calls, 3);
	ZT_ASSERT_EQ(visited, 3);

	for (int i = 0; i < 40; i++) {
		sys_heap_free(&heap, blk[i]);
	}
	fixed = check_walk_shape(&n, &used);
	ZT_ASSERT_EQ(n, 1);
	ZT_ASSERT_EQ(fixed, fixed0);
	ZT_ASSERT_EQ(hook_log.count, 0);
}

/* Buffers with guard bytes on both sides, at every start offset, of many lengths. */
#define GUARD 64
static uint8_t tiny_area[GUARD + 8 + 4096 + GUARD];

static bool guards_intact(size_t off, size_t len)
{
	for (size_t i = 0; i < GUARD + off; i++) {
		if (tiny_area[i] != 0xc3) {
			return false;
		}
	}
	for (size_t i = GUARD + off + len; i < sizeof(tiny_area); i++) {
		if (tiny_area[i] != 0xc3) {
			return false;
		}
	}
	return true;
}

ZT_TEST(test_init_tiny_and_odd_buffers)
{
	static const size_t lens[] = {0, 1, 2, 3, 4, 7, 8, 12, 15, 16, 23, 24, 31, 32, 40, 47, 48,
				      63, 64, 65, 80, 96, 127, 128, 129, 191, 255, 256, 257, 511,
				      512, 777, 1000, 1023, 2049, 4095, 4096};
	size_t smallest_ok = SIZE_MAX;

	for (size_t off = 0; off < 8; off++) {
		for (size_t k = 0; k < sizeof(lens) / sizeof(lens[0]); k++) {
			size_t len = lens[k];
			uint8_t *mem = tiny_area + GUARD + off;
			struct sys_heap th;
			void *ptrs[64];
			size_t n = 0;

			memset(tiny_area, 0xc3, sizeof(tiny_area));
			hook_install();
			sys_heap_init(&th, mem, len);
			ZT_ASSERT_MSG(guards_intact(off, len), "init(+%lu, %lu) wrote outside",
				      (unsigned long)off, (unsigned long)len);
			if (hook_log.count != 0) {
				/* Rejected: reported as BAD_INIT, and the heap hands out nothing. */
				ZT_ASSERT_EQ(hook_log.count, 1);
				ZT_ASSERT_EQ(hook_log.err, SYS_HEAP_ERR_BAD_INIT);
				ZT_ASSERT_MSG(len < 512, "init(+%lu, %lu) rejected", (unsigned long)off,
					      (unsigned long)len);
				ZT_ASSERT_NULL(sys_heap_alloc(&th, 1));
				ZT_ASSERT_NULL(sys_heap_aligned_alloc(&th, 8, 1));
				ZT_ASSERT_NULL(sys_heap_realloc(&th, NULL, 1));
				ZT_ASSERT(guards_intact(off, len));
				continue;
			}
			if (len < smallest_ok) {
				smallest_ok = len;
			}
			/* Accepted: at least one small block, all inside, all aligned. */
			ZT_ASSERT(sys_heap_validate(&th));
			while (n < 64 && (ptrs[n] = sys_heap_alloc(&th, 1 + n % 13)) != NULL) {
				size_t u = sys_heap_usable_size(&th, ptrs[n]);

				ZT_ASSERT(is_aligned(ptrs[n], PTR_ALIGN));
				ZT_ASSERT_MSG((uint8_t *)ptrs[n] >= mem &&
						      (uint8_t *)ptrs[n] + u <= mem + len,
					      "block outside init(+%lu, %lu)", (unsigned long)off,
					      (unsigned long)len);
				memset(ptrs[n], 0xee, u);
				n++;
			}
			ZT_ASSERT_MSG(n > 0, "init(+%lu, %lu) accepted but alloc(1) fails",
				      (unsigned long)off, (unsigned long)len);
			ZT_ASSERT(guards_intact(off, len));
			ZT_ASSERT(sys_heap_validate(&th));
			for (size_t i = 0; i < n; i++) {
				sys_heap_free(&th, ptrs[i]);
			}
			ZT_ASSERT(sys_heap_validate(&th));
			ZT_ASSERT(guards_intact(off, len));
			ZT_ASSERT_EQ(hook_log.count, 0);
		}
	}
	ZT_ASSERT_LT(smallest_ok, 512);
	/* No buffer at all. */
	struct sys_heap nh;
	hook_install();
	sys_heap_init(&nh, NULL, 1024);
	ZT_ASSERT_EQ(hook_log.count, 1);
	ZT_ASSERT_EQ(hook_log.err, SYS_HEAP_ERR_BAD_INIT);
	ZT_ASSERT_NULL(sys_heap_alloc(&nh, 8));
}

ZT_TEST(test_several_heaps_side_by_side)
{
	static struct heap_snapshot snap;
	struct sys_heap hs[3];
	/* Touching buffers with odd boundaries. */
	size_t starts[4] = {0, 5001, 13003, 20000};
	void *p[3][20];

	hook_install();
	for (int k = 0; k < 3; k++) {
		sys_heap_init(&hs[k], heap_buf.b + starts[k], starts[k + 1] - starts[k]);
	}
	ZT_ASSERT_EQ(hook_log.count, 0);
	for (int i = 0; i < 20; i++) {
		for (int k = 0; k < 3; k++) {
			p[k][i] = sys_heap_alloc(&hs[k], 50 + 13 * (size_t)i);
			ZT_ASSERT_NOT_NULL(p[k][i]);
			ZT_ASSERT(in_heap(&hs[k], p[k][i], 50 + 13 * (size_t)i));
			pattern_fill(p[k][i], 50 + 13 * (size_t)i, (uint32_t)(k * 100 + i));
		}
	}
	for (int k = 0; k < 3; k++) {
		ZT_ASSERT(sys_heap_validate(&hs[k]));
	}
	/* Freeing heap 0's block through heap 1 is rejected and changes nothing. */
	sys_heap_free(&hs[0], p[0][3]);
	p[0][3] = NULL;
	ZT_ASSERT_EQ(hook_log.count, 0);
	snapshot_take(&hs[1], &snap);
	sys_heap_free(&hs[1], p[0][4]);
	ZT_ASSERT_EQ(hook_log.count, 1);
	ZT_ASSERT_EQ(hook_log.err, SYS_HEAP_ERR_BAD_POINTER);
	ZT_ASSERT(hook_log.heap == &hs[1]);
	ZT_ASSERT(hook_log.mem == p[0][4]);
	ZT_ASSERT_EQ(snapshot_diff(&hs[1], &snap), (size_t)-1);
	for (int k = 0; k < 3; k++) {
		ZT_ASSERT(sys_heap_validate(&hs[k]));
		for (int i = 0; i < 20; i++) {
			if (p[k][i] != NULL) {
				ZT_ASSERT_MSG(pattern_check(p[k][i], 50 + 13 * (size_t)i,
							    (uint32_t)(k * 100 + i)) == PATTERN_OK,
					      "heap %d block %d overwritten", k, i);
				sys_heap_free(&hs[k], p[k][i]);
			}
		}
		ZT_ASSERT(sys_heap_validate(&hs[k]));
		ZT_ASSERT_EQ(stats_of(&hs[k]).allocated_bytes, 0);
	}
	ZT_ASSERT_EQ(hook_log.count, 1);
}

ZT_TEST(test_error_names)
{
	static const enum sys_heap_error all[] = {SYS_HEAP_ERR_DOUBLE_FREE, SYS_HEAP_ERR_BAD_POINTER,
						  SYS_HEAP_ERR_CORRUPT_HEADER, SYS_HEAP_ERR_CANARY,
						  SYS_HEAP_ERR_BAD_INIT};
	const size_t n = sizeof(all) / sizeof(all[0]);

	for (size_t i = 0; i < n; i++) {
		const char *s = sys_heap_error_str(all[i]);

		ZT_ASSERT_NOT_NULL(s);
		ZT_ASSERT(s[0] != '\0');
		for (size_t j = 0; j < i; j++) {
			ZT_ASSERT_MSG(strcmp(s, sys_heap_error_str(all[j])) != 0,
				      "errors %lu and %lu share the name \"%s\"", (unsigned long)i,
				      (unsigned long)j, s);
		}
	}
	ZT_ASSERT_NOT_NULL(sys_heap_error_str((enum sys_heap_error)99));
}

static const struct zt_case cases[] = {
	ZT_CASE(test_alloc_zero_returns_null),
	ZT_CASE(test_alloc_huge_returns_null),
	ZT_CASE(test_alloc_larger_than_heap_or_free_space),
	ZT_CASE(test_alloc_alignment_and_usable_size),
	ZT_CASE(test_aligned_alloc_every_power_of_two),
	ZT_CASE(test_aligned_alloc_large_alignments),
	ZT_CASE(test_aligned_alloc_not_power_of_two_fails),
	ZT_CASE(test_free_null_is_noop),
	ZT_CASE(test_realloc_null_allocates),
	ZT_CASE(test_realloc_zero_frees),
	ZT_CASE(test_realloc_shrink_in_place),
	ZT_CASE(test_realloc_grow_in_place),
	ZT_CASE(test_realloc_grows_into_free_left_neighbour),
	ZT_CASE(test_realloc_move_copies_usable_bytes),
	ZT_CASE(test_realloc_failure_keeps_block),
	ZT_CASE(test_aligned_realloc_moves_misaligned_block),
	ZT_CASE(test_runtime_stats),
	ZT_CASE(test_print_info_changes_nothing),
	ZT_CASE(test_fragmentation_report),
	ZT_CASE(test_largest_free_block_among_similar_blocks),
	ZT_CASE(test_heap_walk),
	ZT_CASE(test_walk_matches_fragmentation_report),
	ZT_CASE(test_init_tiny_and_odd_buffers),
	ZT_CASE(test_several_heaps_side_by_side),
	ZT_CASE(test_error_names),
};

int main(int argc, char **argv)
{
	int rc = zt_main(argc, argv, "heap_api", cases, ZT_COUNT(cases));

	hook_restore_default();
	return rc;
}
