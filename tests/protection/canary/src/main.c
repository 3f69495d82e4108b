/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * CONFIG_STACK_CANARIES as on Zephyr: every function has a canary (the global, random
 * __stack_chk_guard); a function whose local buffer was overrun fails its check on return, and
 * that is a K_ERR_STACK_CHK_FAIL fatal error of the running thread, which ends it: the code
 * after the call never runs, and the process goes on.
 */
#include <stdint.h>

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define STACK_SIZE 4096

extern uintptr_t __stack_chk_guard;

static K_THREAD_STACK_DEFINE(stack, STACK_SIZE);
static struct k_thread thread;
static volatile unsigned int fault_reason = 0xffffffffU;
static volatile int faults;
static volatile bool ran_on;
/* Bytes written into a 16-byte buffer (volatile: the compiler cannot see the overrun). */
static volatile size_t write_len;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	fault_reason = reason;
	faults++;
}

static __attribute__((noinline)) void fill_buffer(size_t n)
{
	char buf[16];
	volatile char *p = buf;

	for (size_t i = 0; i < n; i++) {
		p[i] = 'x';
	}
}

static void entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	if (write_len > 16U) {
		ztest_set_fault_valid(true);
	}
	fill_buffer(write_len);
	ran_on = true;
}

static void run(size_t n)
{
	faults = 0;
	ran_on = false;
	write_len = n;
	k_thread_create(&thread, stack, STACK_SIZE, entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0,
			K_NO_WAIT);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	ztest_set_fault_valid(false);
}

ZTEST(protection_canary, test_guard_is_set)
{
	zassert_not_equal(__stack_chk_guard, 0U, "the canary value was never set");
	zassert_equal(__stack_chk_guard & 0xFFU, 0U, "low byte not zero");
}

ZTEST(protection_canary, test_no_false_positive)
{
	run(16);
	zassert_equal(faults, 0);
	zassert_true(ran_on);
}

ZTEST(protection_canary, test_overrun_is_stack_check_failure)
{
	run(48);
	zassert_equal(faults, 1, "%d faults", faults);
	zassert_equal(fault_reason, K_ERR_STACK_CHK_FAIL, "reason %u", fault_reason);
	zassert_false(ran_on, "the thread returned through a smashed frame");
}

ZTEST_SUITE(protection_canary, NULL, NULL, NULL, NULL, NULL);
