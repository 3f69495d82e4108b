/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Prints sys_heap_print_info() for a heap with free chunks of many sizes, preceded by what the
 * public API says about the same heap (EXPECT lines). check_print_info.cmake compares the two:
 * the totals, the chunk list (order, used / free) and the bucket table (every free chunk lies in
 * the size range its class line announces). A ztest suite: the checks it can make itself
 * (every allocation succeeds, the walk agrees with its own count, the heap stays valid) are
 * assertions; the comparison with the printed report is the CMake script's.
 */
#include <stdio.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>
#include <zephyr/ztest.h>

#include "heap_test_util.h"

#define HEAP_BYTES (32u * 1024u)
#define NBLK       48

static _Alignas(HEAP_BUF_ALIGN) union {
	uint64_t align;
	uint8_t b[HEAP_BYTES];
} heap_buf;
static struct walk_rec recs[2 * NBLK + 4];

ZTEST(heap_print_info, test_print_info_report)
{
	struct sys_heap heap;
	void *blk[NBLK];
	size_t free_bytes = 0, used_bytes = 0, used = 0;
	char seq[2 * NBLK + 5];

	sys_heap_init(&heap, heap_buf.b, HEAP_BYTES);
	for (int i = 0; i < NBLK; i++) {
		/* Sizes from 4 bytes to ~1.2 KiB: free chunks land in exact and in wide classes. */
		blk[i] = sys_heap_alloc(&heap, 4 + (size_t)i * (size_t)i / 2);
		zassert_not_null(blk[i], "allocation %d failed", i);
	}
	for (int i = 0; i < NBLK; i += 2) {
		sys_heap_free(&heap, blk[i]);
	}
	size_t n = walk_collect(&heap, recs, sizeof(recs) / sizeof(recs[0]));
	zassert_true(n != (size_t)-1 && n <= sizeof(recs) / sizeof(recs[0]), "walk failed");
	for (size_t i = 0; i < n; i++) {
		if (recs[i].used) {
			used++;
			used_bytes += recs[i].bytes;
		} else {
			free_bytes += recs[i].bytes;
		}
		seq[i] = recs[i].used ? 'u' : 'f';
	}
	seq[n] = '\0';
	printf("EXPECT free=%lu allocated=%lu blocks=%lu chunks=%lu\n", (unsigned long)free_bytes,
	       (unsigned long)used_bytes, (unsigned long)used, (unsigned long)n);
	printf("EXPECT sequence=%s\n", seq);
	fflush(stdout);
	sys_heap_print_info(&heap, true);
	fflush(stdout);
	zassert_true(sys_heap_validate(&heap));
}

ZTEST_SUITE(heap_print_info, NULL, NULL, NULL, NULL, NULL);
