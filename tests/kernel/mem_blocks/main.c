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

#include <zephyr/ztest.h>

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
			zassert_equal(sys_mem_blocks_free_contiguous(&blocks, blk(i), 1), 0);
		}
	}
	zassert_equal(blocks.info.used_blocks, 0);
}

ZTEST(kernel_mem_blocks, test_alloc_all_then_enomem)
{
	void *out[NUM_BLKS];
	void *extra = NULL;
	struct sys_memory_stats st;

	zassert_equal(sys_mem_blocks_alloc(&blocks, NUM_BLKS, out), 0);
	for (unsigned int i = 0; i < NUM_BLKS; i++) {
		zassert_true(out[i] == blk(i)); /* lowest first */
	}
	zassert_equal(sys_mem_blocks_alloc(&blocks, 1, &extra), -ENOMEM);
	zassert_true(extra == NULL);
	zassert_equal(sys_mem_blocks_runtime_stats_get(&blocks, &st), 0);
	zassert_equal(st.allocated_bytes, NUM_BLKS * BLK_SZ);
	zassert_equal(st.free_bytes, 0);
	zassert_equal(st.max_allocated_bytes, NUM_BLKS * BLK_SZ);

	zassert_equal(sys_mem_blocks_free(&blocks, NUM_BLKS, out), 0);
	zassert_equal(sys_mem_blocks_runtime_stats_get(&blocks, &st), 0);
	zassert_equal(st.allocated_bytes, 0);
	zassert_equal(st.free_bytes, NUM_BLKS * BLK_SZ);
	zassert_equal(st.max_allocated_bytes, NUM_BLKS * BLK_SZ);
	zassert_equal(sys_mem_blocks_runtime_stats_reset_max(&blocks), 0);
	zassert_equal(sys_mem_blocks_runtime_stats_get(&blocks, &st), 0);
	zassert_equal(st.max_allocated_bytes, 0);
}

ZTEST(kernel_mem_blocks, test_all_or_nothing)
{
	void *out[NUM_BLKS + 1];

	zassert_equal(sys_mem_blocks_alloc(&blocks, 0, out), 0);
	zassert_equal(blocks.info.used_blocks, 0);
	zassert_equal(sys_mem_blocks_alloc(&blocks, NUM_BLKS + 1, out), -ENOMEM);
	zassert_equal(blocks.info.used_blocks, 0);
	zassert_equal(sys_mem_blocks_alloc(&blocks, 60, out), 0);
	zassert_equal(sys_mem_blocks_alloc(&blocks, 11, out + 60), -ENOMEM);
	zassert_equal(blocks.info.used_blocks, 60);
	zassert_equal(sys_mem_blocks_alloc(&blocks, 10, out + 60), 0);
	zassert_true(out[69] == blk(69)); /* the last block of the partial word */
	zassert_equal(sys_mem_blocks_alloc(NULL, 1, out), -EINVAL);
	zassert_equal(sys_mem_blocks_alloc(&blocks, 1, NULL), -EINVAL);
	free_everything();
}

ZTEST(kernel_mem_blocks, test_contiguous)
{
	void *run = NULL;

	/* Odd blocks taken: no run of two anywhere. */
	for (unsigned int i = 1; i < NUM_BLKS; i += 2) {
		zassert_equal(sys_mem_blocks_get(&blocks, blk(i), 1), 0);
	}
	zassert_equal(sys_mem_blocks_alloc_contiguous(&blocks, 2, &run), -ENOMEM);
	/* Freeing block 33 opens the run 32..34, straddling the first word boundary. */
	zassert_equal(sys_mem_blocks_free_contiguous(&blocks, blk(33), 1), 0);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&blocks, 3, &run), 0);
	zassert_true(run == blk(32));
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, blk(32), 3), 0);
	free_everything();

	/* A run exactly at the end of the bitmap. */
	zassert_equal(sys_mem_blocks_get(&blocks, blk(0), 60), 0);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&blocks, 11, &run), -ENOMEM);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&blocks, 10, &run), 0);
	zassert_true(run == blk(60));
	zassert_equal(blocks.info.used_blocks, NUM_BLKS);
	free_everything();

	/* Whole allocator in one run, then 0 and too many. */
	zassert_equal(sys_mem_blocks_alloc_contiguous(&blocks, NUM_BLKS + 1, &run), -ENOMEM);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&blocks, NUM_BLKS, &run), 0);
	zassert_true(run == blk(0));
	zassert_equal(sys_mem_blocks_free_contiguous(&blocks, run, NUM_BLKS), 0);
	zassert_equal(sys_mem_blocks_alloc_contiguous(&blocks, 0, &run), 0);
	zassert_true(run == NULL);
	zassert_equal(blocks.info.used_blocks, 0);
}

ZTEST(kernel_mem_blocks, test_get_and_region)
{
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, blk(0), NUM_BLKS), 1);
	zassert_equal(sys_mem_blocks_get(&blocks, blk(10), 5), 0);
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, blk(5), 5), 1);
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, blk(5), 6), 0);
	/* Overlapping a taken block: refused, nothing changed. */
	zassert_equal(sys_mem_blocks_get(&blocks, blk(8), 3), -ENOMEM);
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, blk(8), 2), 1);
	zassert_equal(blocks.info.used_blocks, 5);
	/* Out of range, misaligned, past the end. */
	zassert_equal(sys_mem_blocks_get(&blocks, base() - BLK_SZ, 1), -EINVAL);
	zassert_equal(sys_mem_blocks_get(&blocks, base() + 1, 1), -EINVAL);
	zassert_equal(sys_mem_blocks_get(&blocks, blk(68), 3), -ENOMEM); /* past the end, as Zephyr */
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, blk(68), 3), 0);
	zassert_equal(blocks.info.used_blocks, 5);
	free_everything();
}

ZTEST(kernel_mem_blocks, test_bad_frees)
{
	void *out[3];
	void *bad[3];
	int foreign;

	zassert_equal(sys_mem_blocks_alloc(&blocks, 3, out), 0);
	/* A foreign pointer after two good ones: nothing is freed. */
	bad[0] = out[0];
	bad[1] = out[1];
	bad[2] = &foreign;
	zassert_equal(sys_mem_blocks_free(&blocks, 3, bad), -EFAULT);
	zassert_equal(blocks.info.used_blocks, 3);
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, out[0], 1), 0);
	/* Misaligned pointer into a block. */
	bad[2] = (uint8_t *)out[2] + 4;
	zassert_equal(sys_mem_blocks_free(&blocks, 3, bad), -EFAULT);
	zassert_equal(blocks.info.used_blocks, 3);
	/* The same block twice in one call. */
	bad[2] = out[0];
	zassert_equal(sys_mem_blocks_free(&blocks, 3, bad), -EFAULT);
	zassert_equal(blocks.info.used_blocks, 3);
	zassert_equal(sys_mem_blocks_is_region_free(&blocks, out[0], 1), 0);
	/* Double free. */
	zassert_equal(sys_mem_blocks_free(&blocks, 1, &out[1]), 0);
	zassert_equal(sys_mem_blocks_free(&blocks, 1, &out[1]), -EFAULT);
	zassert_equal(blocks.info.used_blocks, 2);
	/* free_contiguous over a range with a free block in it. */
	zassert_equal(sys_mem_blocks_free_contiguous(&blocks, out[0], 3), -EFAULT);
	zassert_equal(blocks.info.used_blocks, 2);
	zassert_equal(sys_mem_blocks_free_contiguous(&blocks, &foreign, 1), -EFAULT);
	zassert_equal(sys_mem_blocks_free(&blocks, 1, &out[0]), 0);
	zassert_equal(sys_mem_blocks_free(&blocks, 1, &out[2]), 0);
	zassert_equal(blocks.info.used_blocks, 0);
	zassert_equal(sys_mem_blocks_free(&blocks, 0, NULL), 0);
}

static sys_mem_blocks_t *choose(struct sys_multi_mem_blocks *group, void *cfg)
{
	uintptr_t which = (uintptr_t)cfg;

	return which < (uintptr_t)group->num_allocators ? group->allocators[which]
							: (sys_mem_blocks_t *)cfg;
}

ZTEST(kernel_mem_blocks, test_multi)
{
	sys_multi_mem_blocks_t group;
	void *out[4];
	size_t sz = 0;

	sys_multi_mem_blocks_init(&group, choose);
	sys_multi_mem_blocks_add_allocator(&group, &small_blocks);
	sys_multi_mem_blocks_add_allocator(&group, &ext_blocks);

	zassert_equal(sys_multi_mem_blocks_alloc(&group, (void *)0, 4, out, &sz), 0);
	zassert_equal(sz, 16);
	zassert_true(out[0] == small_blocks.buffer);
	zassert_equal(sys_multi_mem_blocks_alloc(&group, (void *)0, 1, out, &sz), -ENOMEM);
	zassert_equal(sys_multi_mem_blocks_alloc(&group, (void *)1, 1, &out[0], &sz), 0);
	zassert_equal(sz, 32);
	zassert_true(out[0] == (void *)ext_buf);
	/* A choice outside the group is refused. */
	zassert_equal(sys_multi_mem_blocks_alloc(&group, &blocks, 1, out, &sz), -EINVAL);
	zassert_equal(blocks.info.used_blocks, 0);
	/* Frees are routed by address. */
	zassert_equal(sys_multi_mem_blocks_free(&group, 1, &out[0]), 0);
	zassert_equal(ext_blocks.info.used_blocks, 0);
	zassert_equal(small_blocks.info.used_blocks, 4);
	void *s[4] = {small_blocks.buffer, small_blocks.buffer + 16, small_blocks.buffer + 32,
		      small_blocks.buffer + 48};
	zassert_equal(sys_multi_mem_blocks_free(&group, 4, s), 0);
	zassert_equal(small_blocks.info.used_blocks, 0);
	int foreign;
	void *f = &foreign;
	zassert_equal(sys_multi_mem_blocks_free(&group, 1, &f), -EINVAL);
}

/* Random operations checked against a plain array model (fixed seed). */
ZTEST(kernel_mem_blocks, test_model)
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
				zassert_equal(ret, -ENOMEM);
			} else {
				zassert_equal(ret, 0);
				zassert_true(run == blk((unsigned int)expect));
				for (unsigned int k = 0; k < n; k++) {
					model[expect + k] = true;
				}
				used += n;
			}
		} else if (r % 3 == 1) {
			void *out[5];
			int ret = sys_mem_blocks_alloc(&blocks, n, out);

			if (n > NUM_BLKS - used) {
				zassert_equal(ret, -ENOMEM);
			} else {
				zassert_equal(ret, 0);
				for (unsigned int k = 0; k < n; k++) {
					unsigned int i =
					    (unsigned int)(((uint8_t *)out[k] - base()) / BLK_SZ);
					zassert_true(!model[i]);
					model[i] = true;
				}
				used += n;
			}
		} else {
			unsigned int i = r % NUM_BLKS;
			void *p = blk(i);
			int ret = sys_mem_blocks_free(&blocks, 1, &p);

			zassert_equal(ret, model[i] ? 0 : -EFAULT);
			if (model[i]) {
				model[i] = false;
				used--;
			}
		}
		zassert_equal(blocks.info.used_blocks, used);
	}
	for (unsigned int i = 0; i < NUM_BLKS; i++) {
		zassert_equal(sys_mem_blocks_is_region_free(&blocks, blk(i), 1), !model[i]);
	}
	free_everything();
}

ZTEST_SUITE(kernel_mem_blocks, NULL, NULL, NULL, NULL, NULL);
