/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* sys_mem_blocks: the bitmap edge cases of Zephyr's mem_blocks suite, plus a model check. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/sys/mem_blocks.h>

#include "../common/ktest.h"

#define BLK_SZ   64
#define NUM_BLKS 70 /* three bitmap words, the last one partial */

SYS_MEM_BLOCKS_DEFINE(blocks, BLK_SZ, NUM_BLKS, 16);
SYS_MEM_BLOCKS_DEFINE_STATIC(small_blocks, 16, 4, 4);
static uint8_t ext_buf[8 * 32] __attribute__((aligned(32)));
SYS_MEM_BLOCKS_DEFINE_STATIC_WITH_EXT_BUF(ext_blocks, 32, 8, ext_buf);

static uint8_t *base(void)
{
	return blocks.buffer;
}

static void *blk(unsigned int i)
{
	return base() + (size_t)i * BLK_SZ;
}

static void free_everything(void)
{
	for (unsigned int i = 0; i < NUM_BLKS; i++) {
		if (!sys_mem_blocks_is_region_free(&blocks, blk(i), 1)) {
			CHECK_EQ(sys_mem_blocks_free_contiguous(&blocks, blk(i), 1), 0);
		}
	}
	CHECK_EQ(blocks.info.used_blocks, 0);
}

static void test_alloc_all_then_enomem(void)
{
	void *out[NUM_BLKS];
	void *extra = NULL;
	struct sys_memory_stats st;

	CHECK_EQ(sys_mem_blocks_alloc(&blocks, NUM_BLKS, out), 0);
	for (unsigned int i = 0; i < NUM_BLKS; i++) {
		CHECK(out[i] == blk(i)); /* lowest first */
	}
	CHECK_EQ(sys_mem_blocks_alloc(&blocks, 1, &extra), -ENOMEM);
	CHECK(extra == NULL);
	CHECK_EQ(sys_mem_blocks_runtime_stats_get(&blocks, &st), 0);
	CHECK_EQ(st.allocated_bytes, NUM_BLKS * BLK_SZ);
	CHECK_EQ(st.free_bytes, 0);
	CHECK_EQ(st.max_allocated_bytes, NUM_BLKS * BLK_SZ);

	CHECK_EQ(sys_mem_blocks_free(&blocks, NUM_BLKS, out), 0);
	CHECK_EQ(sys_mem_blocks_runtime_stats_get(&blocks, &st), 0);
	CHECK_EQ(st.allocated_bytes, 0);
	CHECK_EQ(st.free_bytes, NUM_BLKS * BLK_SZ);
	CHECK_EQ(st.max_allocated_bytes, NUM_BLKS * BLK_SZ);
	CHECK_EQ(sys_mem_blocks_runtime_stats_reset_max(&blocks), 0);
	CHECK_EQ(sys_mem_blocks_runtime_stats_get(&blocks, &st), 0);
	CHECK_EQ(st.max_allocated_bytes, 0);
}

static void test_all_or_nothing(void)
{
	void *out[NUM_BLKS + 1];

	CHECK_EQ(sys_mem_blocks_alloc(&blocks, 0, out), 0);
	CHECK_EQ(blocks.info.used_blocks, 0);
	CHECK_EQ(sys_mem_blocks_alloc(&blocks, NUM_BLKS + 1, out), -ENOMEM);
	CHECK_EQ(blocks.info.used_blocks, 0);
	CHECK_EQ(sys_mem_blocks_alloc(&blocks, 60, out), 0);
	CHECK_EQ(sys_mem_blocks_alloc(&blocks, 11, out + 60), -ENOMEM);
	CHECK_EQ(blocks.info.used_blocks, 60);
	CHECK_EQ(sys_mem_blocks_alloc(&blocks, 10, out + 60), 0);
	CHECK(out[69] == blk(69)); /* the last block of the partial word */
	CHECK_EQ(sys_mem_blocks_alloc(NULL, 1, out), -EINVAL);
	CHECK_EQ(sys_mem_blocks_alloc(&blocks, 1, NULL), -EINVAL);
	free_everything();
}

static void test_contiguous(void)
{
	void *run = NULL;

	/* Odd blocks taken: no run of two anywhere. */
	for (unsigned int i = 1; i < NUM_BLKS; i += 2) {
		CHECK_EQ(sys_mem_blocks_get(&blocks, blk(i), 1), 0);
	}
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&blocks, 2, &run), -ENOMEM);
	/* Freeing block 33 opens the run 32..34, straddling the first word boundary. */
	CHECK_EQ(sys_mem_blocks_free_contiguous(&blocks, blk(33), 1), 0);
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&blocks, 3, &run), 0);
	CHECK(run == blk(32));
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, blk(32), 3), 0);
	free_everything();

	/* A run exactly at the end of the bitmap. */
	CHECK_EQ(sys_mem_blocks_get(&blocks, blk(0), 60), 0);
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&blocks, 11, &run), -ENOMEM);
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&blocks, 10, &run), 0);
	CHECK(run == blk(60));
	CHECK_EQ(blocks.info.used_blocks, NUM_BLKS);
	free_everything();

	/* Whole allocator in one run, then 0 and too many. */
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&blocks, NUM_BLKS + 1, &run), -ENOMEM);
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&blocks, NUM_BLKS, &run), 0);
	CHECK(run == blk(0));
	CHECK_EQ(sys_mem_blocks_free_contiguous(&blocks, run, NUM_BLKS), 0);
	CHECK_EQ(sys_mem_blocks_alloc_contiguous(&blocks, 0, &run), 0);
	CHECK(run == NULL);
	CHECK_EQ(blocks.info.used_blocks, 0);
}

static void test_get_and_region(void)
{
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, blk(0), NUM_BLKS), 1);
	CHECK_EQ(sys_mem_blocks_get(&blocks, blk(10), 5), 0);
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, blk(5), 5), 1);
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, blk(5), 6), 0);
	/* Overlapping a taken block: refused, nothing changed. */
	CHECK_EQ(sys_mem_blocks_get(&blocks, blk(8), 3), -ENOMEM);
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, blk(8), 2), 1);
	CHECK_EQ(blocks.info.used_blocks, 5);
	/* Out of range, misaligned, past the end. */
	CHECK_EQ(sys_mem_blocks_get(&blocks, base() - BLK_SZ, 1), -EINVAL);
	CHECK_EQ(sys_mem_blocks_get(&blocks, base() + 1, 1), -EINVAL);
	CHECK_EQ(sys_mem_blocks_get(&blocks, blk(68), 3), -ENOMEM); /* past the end, as Zephyr */
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, blk(68), 3), 0);
	CHECK_EQ(blocks.info.used_blocks, 5);
	free_everything();
}

static void test_bad_frees(void)
{
	void *out[3];
	void *bad[3];
	int foreign;

	CHECK_EQ(sys_mem_blocks_alloc(&blocks, 3, out), 0);
	/* A foreign pointer after two good ones: nothing is freed. */
	bad[0] = out[0];
	bad[1] = out[1];
	bad[2] = &foreign;
	CHECK_EQ(sys_mem_blocks_free(&blocks, 3, bad), -EFAULT);
	CHECK_EQ(blocks.info.used_blocks, 3);
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, out[0], 1), 0);
	/* Misaligned pointer into a block. */
	bad[2] = (uint8_t *)out[2] + 4;
	CHECK_EQ(sys_mem_blocks_free(&blocks, 3, bad), -EFAULT);
	CHECK_EQ(blocks.info.used_blocks, 3);
	/* The same block twice in one call. */
	bad[2] = out[0];
	CHECK_EQ(sys_mem_blocks_free(&blocks, 3, bad), -EFAULT);
	CHECK_EQ(blocks.info.used_blocks, 3);
	CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, out[0], 1), 0);
	/* Double free. */
	CHECK_EQ(sys_mem_blocks_free(&blocks, 1, &out[1]), 0);
	CHECK_EQ(sys_mem_blocks_free(&blocks, 1, &out[1]), -EFAULT);
	CHECK_EQ(blocks.info.used_blocks, 2);
	/* free_contiguous over a range with a free block in it. */
	CHECK_EQ(sys_mem_blocks_free_contiguous(&blocks, out[0], 3), -EFAULT);
	CHECK_EQ(blocks.info.used_blocks, 2);
	CHECK_EQ(sys_mem_blocks_free_contiguous(&blocks, &foreign, 1), -EFAULT);
	CHECK_EQ(sys_mem_blocks_free(&blocks, 1, &out[0]), 0);
	CHECK_EQ(sys_mem_blocks_free(&blocks, 1, &out[2]), 0);
	CHECK_EQ(blocks.info.used_blocks, 0);
	CHECK_EQ(sys_mem_blocks_free(&blocks, 0, NULL), 0);
}

static sys_mem_blocks_t *choose(struct sys_multi_mem_blocks *group, void *cfg)
{
	uintptr_t which = (uintptr_t)cfg;

	return which < (uintptr_t)group->num_allocators ? group->allocators[which]
							: (sys_mem_blocks_t *)cfg;
}

static void test_multi(void)
{
	sys_multi_mem_blocks_t group;
	void *out[4];
	size_t sz = 0;

	sys_multi_mem_blocks_init(&group, choose);
	sys_multi_mem_blocks_add_allocator(&group, &small_blocks);
	sys_multi_mem_blocks_add_allocator(&group, &ext_blocks);

	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, (void *)0, 4, out, &sz), 0);
	CHECK_EQ(sz, 16);
	CHECK(out[0] == small_blocks.buffer);
	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, (void *)0, 1, out, &sz), -ENOMEM);
	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, (void *)1, 1, &out[0], &sz), 0);
	CHECK_EQ(sz, 32);
	CHECK(out[0] == (void *)ext_buf);
	/* A choice outside the group is refused. */
	CHECK_EQ(sys_multi_mem_blocks_alloc(&group, &blocks, 1, out, &sz), -EINVAL);
	CHECK_EQ(blocks.info.used_blocks, 0);
	/* Frees are routed by address. */
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 1, &out[0]), 0);
	CHECK_EQ(ext_blocks.info.used_blocks, 0);
	CHECK_EQ(small_blocks.info.used_blocks, 4);
	void *s[4] = {small_blocks.buffer, small_blocks.buffer + 16, small_blocks.buffer + 32,
		      small_blocks.buffer + 48};
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 4, s), 0);
	CHECK_EQ(small_blocks.info.used_blocks, 0);
	int foreign;
	void *f = &foreign;
	CHECK_EQ(sys_multi_mem_blocks_free(&group, 1, &f), -EINVAL);
}

/* Random operations checked against a plain array model (fixed seed). */
static void test_model(void)
{
	bool model[NUM_BLKS] = {0};
	unsigned int used = 0;
	uint32_t seed = 12345;

	for (int op = 0; op < 20000; op++) {
		seed = seed * 1103515245u + 12345u;
		unsigned int r = (seed >> 16) & 0x7fff;
		unsigned int n = 1 + r % 5;

		if (r % 3 == 0) {
			void *run;
			int ret = sys_mem_blocks_alloc_contiguous(&blocks, n, &run);
			/* Expected: lowest free run of n. */
			int expect = -1;

			for (unsigned int s = 0; s + n <= NUM_BLKS && expect < 0; s++) {
				unsigned int k = 0;

				while (k < n && !model[s + k]) {
					k++;
				}
				if (k == n) {
					expect = (int)s;
				}
			}
			if (expect < 0) {
				CHECK_EQ(ret, -ENOMEM);
			} else {
				CHECK_EQ(ret, 0);
				CHECK(run == blk((unsigned int)expect));
				for (unsigned int k = 0; k < n; k++) {
					model[expect + k] = true;
				}
				used += n;
			}
		} else if (r % 3 == 1) {
			void *out[5];
			int ret = sys_mem_blocks_alloc(&blocks, n, out);

			if (n > NUM_BLKS - used) {
				CHECK_EQ(ret, -ENOMEM);
			} else {
				CHECK_EQ(ret, 0);
				for (unsigned int k = 0; k < n; k++) {
					unsigned int i =
					    (unsigned int)(((uint8_t *)out[k] - base()) / BLK_SZ);
					CHECK(!model[i]);
					model[i] = true;
				}
				used += n;
			}
		} else {
			unsigned int i = r % NUM_BLKS;
			void *p = blk(i);
			int ret = sys_mem_blocks_free(&blocks, 1, &p);

			CHECK_EQ(ret, model[i] ? 0 : -EFAULT);
			if (model[i]) {
				model[i] = false;
				used--;
			}
		}
		CHECK_EQ(blocks.info.used_blocks, used);
		if (ktest_failures > 20) {
			break;
		}
	}
	for (unsigned int i = 0; i < NUM_BLKS; i++) {
		CHECK_EQ(sys_mem_blocks_is_region_free(&blocks, blk(i), 1), !model[i]);
	}
	free_everything();
}

int main(void)
{
	RUN_TEST(test_alloc_all_then_enomem);
	RUN_TEST(test_all_or_nothing);
	RUN_TEST(test_contiguous);
	RUN_TEST(test_get_and_region);
	RUN_TEST(test_bad_frees);
	RUN_TEST(test_multi);
	RUN_TEST(test_model);
	return KTEST_RESULT();
}
