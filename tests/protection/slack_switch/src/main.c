/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A thread that blocks while its stack pointer is past its declared size, in the slack above
 * the guard page, is checked on that very stack when it switches out. The overflow must be
 * reported as the thread's K_ERR_STACK_CHK_FAIL, once, and the process go on. (Found with
 * Zephyr's tests/kernel/mem_protect/stackprot, whose 640-byte main stack zmem's main outgrows:
 * the check painted the slack over its own live frames and the process crashed in memset.)
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define DECLARED 2048

static K_THREAD_STACK_DEFINE(stack, DECLARED);
static struct k_thread thread;
static volatile unsigned int fault_reason = 0xffffffffU;
static volatile int faults;
static volatile bool came_back;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	fault_reason = reason;
	faults++;
}

/* Takes @p n bytes of stack, every one touched, and blocks from inside that frame. */
static __attribute__((noinline)) void deep_then_yield(size_t n)
{
	volatile uint8_t *buf = __builtin_alloca(n);

	for (size_t i = 0; i < n; i++) {
		buf[i] = (uint8_t)i;
	}
	ztest_set_fault_valid(true);
	k_msleep(1); /* switches out with the stack pointer in the slack */
	came_back = true;
	buf[0] = 0;
}

static void entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	deep_then_yield((size_t)(uintptr_t)p1);
}

ZTEST(protection_slack_switch, test_block_while_in_slack)
{
	/* 2048 declared: the slack is 2048 bytes more; go 1200 bytes into it. */
	k_thread_create(&thread, stack, DECLARED, entry, (void *)(uintptr_t)(DECLARED + 1200), NULL,
			NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	zassert_equal(faults, 1, "%d faults", faults);
	zassert_equal(fault_reason, K_ERR_STACK_CHK_FAIL, "reason %u", fault_reason);
	zassert_false(came_back, "the overflowing thread ran on");

	/* The stack object is usable again, for a thread that stays inside. */
	faults = 0;
	k_thread_create(&thread, stack, DECLARED, entry, (void *)(uintptr_t)256, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	ztest_set_fault_valid(false);
	zassert_equal(faults, 0);
	zassert_true(came_back);
}

/* No fault seen yet: before each test, and each thread of the loop below. */
static void reset(void *fixture)
{
	ARG_UNUSED(fixture);
	faults = 0;
	fault_reason = 0xffffffffU;
	came_back = false;
}

/* Touches @p n bytes of stack below its caller's frame, then returns. */
static __attribute__((noinline)) void touch(size_t n)
{
	volatile uint8_t *buf = __builtin_alloca(n);

	for (size_t i = 0; i < n; i++) {
		buf[i] = (uint8_t)i;
	}
}

/* Dirties the slack 24 bytes deep and comes back (p1: that depth), then blocks at depth p2. */
static void entry_dirty_then_block(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	touch((size_t)(uintptr_t)p1);
	deep_then_yield((size_t)(uintptr_t)p2);
}

/*
 * A thread that went a little past its declared size and came back blocks with its frame just
 * above the slack: the check, on the thread's own stack, then runs a few hundred bytes deeper,
 * its calls reaching into the slack it repaints. At every depth tried the overflow must be
 * reported as K_ERR_STACK_CHK_FAIL. (Found with Zephyr's k_heap_api on a 320-byte thread: the
 * repaint overwrote memset's return address, and the thread died of a NULL read instead.)
 */
ZTEST(protection_slack_switch, test_block_just_above_slack)
{
	for (size_t depth = DECLARED - 1024; depth <= DECLARED; depth += 8) {
		reset(NULL);
		k_thread_create(&thread, stack, DECLARED, entry_dirty_then_block,
				(void *)(uintptr_t)(DECLARED + 24), (void *)(uintptr_t)depth, NULL,
				K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
		zassert_ok(k_thread_join(&thread, K_FOREVER));
		zassert_equal(faults, 1, "depth %zu: %d faults", depth, faults);
		zassert_equal(fault_reason, K_ERR_STACK_CHK_FAIL, "depth %zu: reason %u", depth,
			      fault_reason);
		zassert_false(came_back, "depth %zu: the overflowing thread ran on", depth);
	}
	ztest_set_fault_valid(false);
}

ZTEST_SUITE(protection_slack_switch, NULL, NULL, reset, NULL, NULL);
