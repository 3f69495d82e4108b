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
/* The same with slack: [guard 0][slack 0][stack 0][guard 1][slack 1][stack 1]. */
#define SMALL_STACK_SIZE 2048
K_THREAD_STACK_ARRAY_DEFINE(small_stacks, 2, SMALL_STACK_SIZE);

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
static bool started; /* the two threads of the current test were created */

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

/* The clasher on @p stacks[1], the neighbour on @p stacks[0], @p size bytes declared each. */
static void clash(k_thread_stack_t *low_stack, k_thread_stack_t *high_stack, size_t size)
{
	/* The neighbour's whole object: guard page, slack (below a declared size that is not a
	 * whole number of pages) and declared area, up to the clasher's guard page. */
	char *low = (char *)low_stack;
	size_t span = (size_t)((char *)high_stack - low);
	static unsigned char before[3 * 4096];

	zassert_true(span <= sizeof(before));
	memset(&fault, 0, sizeof(fault));
	reached_write = 0;
	neighbour_ok = -1;
	k_thread_create(&neighbour, low_stack, size, neighbour_entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_name_set(&neighbour, "neighbour");
	started = true;
	k_sleep(K_MSEC(1)); /* the neighbour marks its stack and waits */
	/* Past the neighbour's guard page (closed while it lives): its slack and stack. */
	memcpy(before, low + 4096, span - 4096);

	k_thread_create(&clasher, high_stack, size, clasher_entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_name_set(&clasher, "clasher");
	zassert_equal(k_thread_join(&clasher, K_MSEC(5000)), 0);

	/* The overflow is the clasher's, caught before its write. */
	zassert_equal(fault.count, 1);
	zassert_equal(fault.reason, K_ERR_STACK_CHK_FAIL);
	zassert_true(fault.thread == &clasher);
	zassert_equal(reached_write, 0);

	/* Not one byte of the neighbour's stack changed, and it runs on unharmed. */
	zassert_equal(memcmp(before, low + 4096, span - 4096), 0);
	k_sem_give(&neighbour_go);
	zassert_equal(k_thread_join(&neighbour, K_MSEC(5000)), 0);
	zassert_equal(neighbour_ok, 1);
	zassert_equal(fault.count, 1);
}

/* 4096 declared: no slack, the guard page right below the stack. */
ZTEST(hardening_stack_clash, test_large_frame_is_an_overflow)
{
	clash(stacks[0], stacks[1], STACK_SIZE);
}

/* 2048 declared: 2048 bytes of slack, then the guard page; the frame still reaches past both. */
ZTEST(hardening_stack_clash, test_large_frame_is_an_overflow_with_slack)
{
	clash(small_stacks[0], small_stacks[1], SMALL_STACK_SIZE);
}

/* A failed test leaves the neighbour waiting (and, without probes, the clasher running on a
 * smashed stack): end both so that the next test starts clean. */
static void end_threads(void *fixture)
{
	(void)fixture;
	if (started) {
		k_thread_abort(&clasher);
		k_thread_abort(&neighbour);
		started = false;
	}
}

ZTEST_SUITE(hardening_stack_clash, NULL, NULL, NULL, end_threads, NULL);
