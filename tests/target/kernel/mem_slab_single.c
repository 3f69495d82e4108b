/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_mem_slab on the Cortex-M target, one thread (arch/cortex_m/kernel_single.c stands in for
 * the scheduler): init rules, every block handed out once and aligned, -ENOMEM, -EAGAIN for a
 * timeout nothing can end, counts and statistics, misuse detection leaving the slab unchanged.
 * The blocking scenarios with several threads stay in tests/kernel/mem_slab (host runtime).
 *
 *   test_mem_slab_single          the suite
 *   test_mem_slab_single forever  waits with K_FOREVER on an empty slab: must be reported
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>

#include "../../kernel/common/ktest.h"

#define BLK_SIZE 64
#define NUM_BLOCKS 8

K_MEM_SLAB_DEFINE(slab, BLK_SIZE, NUM_BLOCKS, 16);

static void *blocks[NUM_BLOCKS];

static void test_init_rules(void)
{
	static uint64_t buf[16];
	struct k_mem_slab s;
	char *cbuf = (char *)buf;

	CHECK_EQ(k_mem_slab_init(&s, cbuf + 1, 16, 4), -EINVAL);
	CHECK_EQ(k_mem_slab_init(&s, buf, 0, 4), -EINVAL);
	CHECK_EQ(k_mem_slab_init(&s, buf, 16, 0), -EINVAL);
	CHECK_EQ(k_mem_slab_init(&s, NULL, 16, 4), -EINVAL);
	CHECK_EQ(k_mem_slab_init(&s, buf, 16, 8), 0);
	CHECK_EQ(k_mem_slab_num_free_get(&s), 8);
	CHECK_EQ(k_mem_slab_num_used_get(&s), 0);
}

static void test_all_blocks_distinct_and_aligned(void)
{
	uintptr_t lo = (uintptr_t)slab.buffer;
	uintptr_t hi = lo + BLK_SIZE * NUM_BLOCKS;

	for (int i = 0; i < NUM_BLOCKS; i++) {
		CHECK_EQ(k_mem_slab_alloc(&slab, &blocks[i], K_NO_WAIT), 0);
		CHECK(blocks[i] != NULL);
		CHECK_EQ((uintptr_t)blocks[i] % 16, 0);
		CHECK((uintptr_t)blocks[i] >= lo && (uintptr_t)blocks[i] + BLK_SIZE <= hi);
		memset(blocks[i], i + 1, BLK_SIZE);
	}
	/* Each block kept its own pattern: none overlaps another. */
	for (int i = 0; i < NUM_BLOCKS; i++) {
		const uint8_t *b = blocks[i];

		for (int j = 0; j < BLK_SIZE; j++) {
			if (b[j] != (uint8_t)(i + 1)) {
				CHECK_EQ(b[j], i + 1);
				break;
			}
		}
	}
	CHECK_EQ(k_mem_slab_num_used_get(&slab), NUM_BLOCKS);
	CHECK_EQ(k_mem_slab_num_free_get(&slab), 0);
}

static void test_exhausted(void)
{
	void *p = (void *)1;

	CHECK_EQ(k_mem_slab_alloc(&slab, &p, K_NO_WAIT), -ENOMEM);
	CHECK(p == NULL);
	p = (void *)1;
	/* One thread, no interrupts: nothing can free a block during the wait. */
	CHECK_EQ(k_mem_slab_alloc(&slab, &p, K_MSEC(100)), -EAGAIN);
	CHECK(p == NULL);
}

static void test_free_and_reuse(void)
{
	k_mem_slab_free(&slab, blocks[3]);
	CHECK_EQ(k_mem_slab_num_used_get(&slab), NUM_BLOCKS - 1);
	void *p = NULL;

	CHECK_EQ(k_mem_slab_alloc(&slab, &p, K_NO_WAIT), 0);
	CHECK(p == blocks[3]); /* the only free block */
	for (int i = 0; i < NUM_BLOCKS; i++) {
		k_mem_slab_free(&slab, blocks[i]);
	}
	CHECK_EQ(k_mem_slab_num_used_get(&slab), 0);
	CHECK_EQ(k_mem_slab_max_used_get(&slab), NUM_BLOCKS);

	struct sys_memory_stats st;

	CHECK_EQ(k_mem_slab_runtime_stats_get(&slab, &st), 0);
	CHECK_EQ(st.allocated_bytes, 0);
	CHECK_EQ(st.free_bytes, BLK_SIZE * NUM_BLOCKS);
	CHECK_EQ(st.max_allocated_bytes, BLK_SIZE * NUM_BLOCKS);
	CHECK_EQ(k_mem_slab_runtime_stats_reset_max(&slab), 0);
	CHECK_EQ(k_mem_slab_max_used_get(&slab), 0);
}

static int hook_calls;
static enum k_mem_slab_error hook_err;
static void *hook_mem;

static void count_hook(struct k_mem_slab *s, void *mem, enum k_mem_slab_error err)
{
	(void)s;
	hook_calls++;
	hook_err = err;
	hook_mem = mem;
}

static void test_misuse_detected(void)
{
	void *p = NULL;
	static uint64_t foreign[8];

	k_mem_slab_error_hook_set(count_hook);
	CHECK_EQ(k_mem_slab_alloc(&slab, &p, K_NO_WAIT), 0);
	k_mem_slab_free(&slab, p);
	k_mem_slab_free(&slab, p); /* double free */
	CHECK_EQ(hook_calls, 1);
	CHECK_EQ(hook_err, K_MEM_SLAB_ERR_DOUBLE_FREE);
	CHECK(hook_mem == p);
	k_mem_slab_free(&slab, foreign); /* not from this slab */
	CHECK_EQ(hook_calls, 2);
	CHECK_EQ(hook_err, K_MEM_SLAB_ERR_BAD_POINTER);
	k_mem_slab_free(&slab, (char *)slab.buffer + 1); /* inside a block, not its start */
	CHECK_EQ(hook_calls, 3);
	CHECK_EQ(hook_err, K_MEM_SLAB_ERR_BAD_POINTER);
	k_mem_slab_error_hook_set(NULL);
	/* The slab is intact: every block can still be taken exactly once. */
	CHECK_EQ(k_mem_slab_num_used_get(&slab), 0);
	for (int i = 0; i < NUM_BLOCKS; i++) {
		CHECK_EQ(k_mem_slab_alloc(&slab, &blocks[i], K_NO_WAIT), 0);
	}
	CHECK_EQ(k_mem_slab_alloc(&slab, &p, K_NO_WAIT), -ENOMEM);
	for (int i = 0; i < NUM_BLOCKS; i++) {
		k_mem_slab_free(&slab, blocks[i]);
	}
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "forever") == 0) {
		void *p;

		for (int i = 0; i < NUM_BLOCKS; i++) {
			(void)k_mem_slab_alloc(&slab, &blocks[i], K_NO_WAIT);
		}
		printf("waiting forever on an empty slab\n");
		int ret = k_mem_slab_alloc(&slab, &p, K_FOREVER);

		printf("returned %d: the deadlock was not reported\n", ret);
		return 1;
	}
	RUN_TEST(test_init_rules);
	RUN_TEST(test_all_blocks_distinct_and_aligned);
	RUN_TEST(test_exhausted);
	RUN_TEST(test_free_and_reuse);
	RUN_TEST(test_misuse_detected);
	return KTEST_RESULT();
}
