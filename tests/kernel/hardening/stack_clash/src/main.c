/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A stack frame larger than the guard page (issue 13): a supervisor thread whose function
 * has an 8,400-byte local array, on a 4 KiB stack directly above another thread's stack.
 * Without probing, the frame's low end lies below the guard page, in the neighbour's stack,
 * and a write there corrupts it silently. Built with -fstack-clash-protection (every zmem
 * host build, cmake/zmem_hardening.cmake), the frame is allocated page by page, the probe of
 * the guard page faults, and the result is K_ERR_STACK_CHK_FAIL for the offending thread;
 * the neighbour's stack is unchanged.
 */
#include <string.h>

#include <zephyr/kernel.h>

#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define STACK_SIZE 4096 /* a whole page: no slack between the guard page and the stack */
#define BIG_FRAME  8400

/* Element 1 sits right above element 0: [guard 0][stack 0][guard 1][stack 1]. */
K_THREAD_STACK_ARRAY_DEFINE(stacks, 2, STACK_SIZE);

static struct k_thread neighbour, clasher;
K_SEM_DEFINE(neighbour_go, 0, 1);

static struct {
	int count;
	unsigned int reason;
	struct k_thread *thread;
	uintptr_t addr;
} fault;

/* ztest's fatal hook (CONFIG_ZTEST_FATAL_HOOK): the clasher declared its fault expected, so
 * only the clasher ends. */
void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	fault.count++;
	fault.reason = reason;
	fault.thread = k_current_get();
	fault.addr = esf != NULL ? esf->fault_addr : 0;
}

static volatile char sink;
static volatile int reached_write;
static volatile int lowest; /* 0, unknown to the compiler: the whole array must exist */

/* Only the lowest byte of the array is written, so without probes nothing between the frame's
 * top and its bottom (the guard page among it) is touched. */
static __attribute__((noinline)) void big_frame(void)
{
	volatile char arr[BIG_FRAME];

	reached_write = 1;
	arr[lowest] = 0x5C;
	sink = arr[lowest];
}

static void clasher_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	ztest_set_fault_valid(true);
	big_frame();
	ztest_set_fault_valid(false);
}

/* The neighbour keeps a marked array at the top of its stack while it waits. */
#define MARK_BYTES 1024
static volatile int neighbour_ok = -1;

static void neighbour_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	volatile unsigned char mark[MARK_BYTES];

	for (int i = 0; i < MARK_BYTES; i++) {
		mark[i] = (unsigned char)(i * 7 + 1);
	}
	k_sem_take(&neighbour_go, K_FOREVER);

	int ok = 1;

	for (int i = 0; i < MARK_BYTES; i++) {
		if (mark[i] != (unsigned char)(i * 7 + 1)) {
			ok = 0;
		}
	}
	neighbour_ok = ok;
}

ZTEST(hardening_stack_clash, test_large_frame_is_an_overflow)
{
	char *low = (char *)K_THREAD_STACK_BUFFER(stacks[0]);
	size_t size = K_THREAD_STACK_SIZEOF(stacks[0]);
	static unsigned char before[STACK_SIZE];

	k_thread_create(&neighbour, stacks[0], size, neighbour_entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_name_set(&neighbour, "neighbour");
	k_sleep(K_MSEC(1)); /* the neighbour marks its stack and waits */
	memcpy(before, low, size);

	k_thread_create(&clasher, stacks[1], K_THREAD_STACK_SIZEOF(stacks[1]), clasher_entry, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_name_set(&clasher, "clasher");
	zassert_equal(k_thread_join(&clasher, K_MSEC(5000)), 0);

	/* The overflow is the clasher's, caught before its write. */
	zassert_equal(fault.count, 1);
	zassert_equal(fault.reason, K_ERR_STACK_CHK_FAIL);
	zassert_true(fault.thread == &clasher);
	zassert_equal(reached_write, 0);

	/* Not one byte of the neighbour's stack changed, and it runs on unharmed. */
	zassert_equal(memcmp(before, low, size), 0);
	k_sem_give(&neighbour_go);
	zassert_equal(k_thread_join(&neighbour, K_MSEC(5000)), 0);
	zassert_equal(neighbour_ok, 1);
	zassert_equal(fault.count, 1);
}

ZTEST_SUITE(hardening_stack_clash, NULL, NULL, NULL, NULL, NULL);
