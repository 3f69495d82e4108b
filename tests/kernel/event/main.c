/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_event: post / set / set_masked / clear return the previous bits; wait for any and for
 * all, with reset, every timeout kind; a post wakes every satisfied waiter in priority order;
 * the _safe waits consume what they receive; ISR posts; user mode.
 */
#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

static K_EVENT_DEFINE(ev); /* static prefix accepted */

static uint32_t got[KZ_THREADS];
static int order[KZ_THREADS];
static int done;

static void before(void *f)
{
	(void)f;
	k_event_init(&ev);
	done = 0;
}

ZTEST_SUITE(kernel_event, NULL, NULL, before, NULL, NULL);

ZTEST(kernel_event, test_bits)
{
	/* Each call returns the bits it may change as they were before, as Zephyr's
	 * k_event_post_internal() does: post and clear their own bits, set_masked the mask's,
	 * set all of them.
	 */
	zassert_equal(k_event_post(&ev, 0x3), 0);
	zassert_equal(k_event_post(&ev, 0x4), 0, "0x4 was not set before");
	zassert_equal(k_event_post(&ev, 0x6), 0x6, "0x2 and 0x4 were set");
	zassert_equal(k_event_set(&ev, 0x10), 0x7);
	zassert_equal(k_event_set_masked(&ev, 0x0F, 0x0C), 0, "no bit of 0x0C was set");
	zassert_equal(k_event_test(&ev, ~0U), 0x1C);
	zassert_equal(k_event_set_masked(&ev, 0, 0x18), 0x18);
	zassert_equal(k_event_set_masked(&ev, 0x1C, 0x1C), 0x04);
	zassert_equal(k_event_clear(&ev, 0x05), 0x04);
	zassert_equal(k_event_clear(&ev, 0x04), 0);
	zassert_equal(k_event_test(&ev, 0xFF), 0x18);
	zassert_equal(k_event_test(&ev, 0x01), 0);
}

ZTEST(kernel_event, test_wait_now_and_timeouts)
{
	int64_t t0 = k_uptime_ticks();

	k_event_post(&ev, 0x5);
	zassert_equal(k_event_wait(&ev, 0x6, false, K_NO_WAIT), 0x4);
	zassert_equal(k_event_wait_all(&ev, 0x5, false, K_NO_WAIT), 0x5);
	zassert_equal(k_event_wait_all(&ev, 0x7, false, K_NO_WAIT), 0);
	zassert_equal(k_uptime_ticks(), t0);
	zassert_equal(k_event_wait(&ev, 0x0, false, K_FOREVER), 0); /* nothing asked */
	zassert_equal(k_event_wait_all(&ev, 0x7, false, K_MSEC(10)), 0);
	zassert_true(k_uptime_ticks() - t0 >= K_MSEC(10).ticks);
	/* reset: the bits are cleared before the wait */
	zassert_equal(k_event_wait(&ev, 0x1, true, K_NO_WAIT), 0);
	zassert_equal(k_event_test(&ev, 0xFF), 0);
}

static void waiter(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p1;
	uint32_t want = (uint32_t)(uintptr_t)p2;
	unsigned int mode = (unsigned int)(uintptr_t)p3;

	switch (mode) {
	case 0:
		got[idx] = k_event_wait(&ev, want, false, K_FOREVER);
		break;
	case 1:
		got[idx] = k_event_wait_all(&ev, want, false, K_FOREVER);
		break;
	case 2:
		got[idx] = k_event_wait_safe(&ev, want, false, K_FOREVER);
		break;
	default:
		got[idx] = k_event_wait(&ev, want, false, K_MSEC(20));
		break;
	}
	order[done++] = idx;
}

ZTEST(kernel_event, test_waiters_any_all)
{
	kz_spawn(0, waiter, (void *)0, (void *)0x1, (void *)0, 5, 0); /* any of 0x1 */
	kz_spawn(1, waiter, (void *)1, (void *)0x3, (void *)1, 3, 0); /* all of 0x3 */
	kz_spawn(2, waiter, (void *)2, (void *)0x6, (void *)0, 4, 0); /* any of 0x6 */
	k_msleep(1);
	zassert_equal(done, 0);
	k_event_post(&ev, 0x1); /* satisfies 0 only */
	k_msleep(1);
	zassert_equal(done, 1);
	zassert_equal(got[0], 0x1);
	k_event_post(&ev, 0x2); /* now 0x3: satisfies 1 (all) and 2 (any) */
	k_msleep(1);
	kz_join(3);
	zassert_equal(got[1], 0x3);
	zassert_equal(got[2], 0x2);
	zassert_equal(order[1], 1); /* priority 3 before 4 */
	zassert_equal(order[2], 2);
}

ZTEST(kernel_event, test_safe_consumes)
{
	/* Two safe waiters on the same bit: one posting serves only the first. */
	kz_spawn(0, waiter, (void *)0, (void *)0x8, (void *)2, 3, 0);
	kz_spawn(1, waiter, (void *)1, (void *)0x8, (void *)2, 4, 0);
	k_msleep(1);
	k_event_post(&ev, 0x8);
	k_msleep(1);
	zassert_equal(done, 1);
	zassert_equal(order[0], 0);
	zassert_equal(got[0], 0x8);
	zassert_equal(k_event_test(&ev, 0x8), 0); /* consumed */
	k_event_post(&ev, 0x8);
	kz_join(2);
	zassert_equal(got[1], 0x8);
	/* A plain wait does not consume. */
	zassert_equal(k_event_wait(&ev, 0x8, false, K_NO_WAIT), 0);
	k_event_post(&ev, 0x8);
	zassert_equal(k_event_wait(&ev, 0x8, false, K_NO_WAIT), 0x8);
	zassert_equal(k_event_wait_safe(&ev, 0x8, false, K_NO_WAIT), 0x8);
	zassert_equal(k_event_test(&ev, 0x8), 0);
}

ZTEST(kernel_event, test_timeout_in_thread)
{
	kz_spawn(0, waiter, (void *)0, (void *)0x40, (void *)3, 3, 0);
	k_msleep(10);
	zassert_equal(done, 0);
	k_msleep(15);
	zassert_equal(done, 1);
	zassert_equal(got[0], 0);
	kz_join(1);
}

static void isr_post(const void *arg)
{
	k_event_post(&ev, (uint32_t)(uintptr_t)arg);
}

ZTEST(kernel_event, test_isr)
{
	kz_spawn(0, waiter, (void *)0, (void *)0x100, (void *)0, -1, 0);
	k_msleep(1);
	irq_offload(isr_post, (void *)0x100);
	zassert_equal(done, 1); /* cooperative waiter ran as the ISR returned */
	zassert_equal(got[0], 0x100);
	kz_join(1);
}

static void user_fn(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	zexpect_equal(k_event_post(&ev, 0x2), 0);
	zexpect_equal(k_event_wait(&ev, 0x2, false, K_MSEC(1)), 0x2);
	zexpect_equal(k_event_wait_all(&ev, 0x6, false, K_MSEC(1)), 0);
	done = 1;
}

ZTEST(kernel_event, test_user_mode)
{
	/* As on Zephyr, a user thread uses only objects it was granted. */
	k_object_access_grant(&ev, k_current_get());
	kz_spawn(0, user_fn, NULL, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(1);
	zassert_equal(done, 1);
}

/* A user thread's post wakes a supervisor waiter whose wait record is on its own stack (closed
 * to the user thread): the kernel reads it with the supervisor view, as Zephyr's does. */
static void user_poster(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_event_post(&ev, 0x10);
}

ZTEST(kernel_event, test_user_post_wakes_supervisor_waiter)
{
	kz_faults = 0;
	kz_spawn(0, waiter, (void *)0, (void *)(uintptr_t)0x10, (void *)0, 3, 0);
	k_msleep(1);
	k_object_access_grant(&ev, k_current_get());
	kz_spawn(1, user_poster, NULL, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(2);
	zassert_equal(kz_faults, 0, "the user thread faulted on the waiter's stack");
	zassert_equal(got[0], 0x10);
}
