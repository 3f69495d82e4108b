/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Thread calls from user mode, checked as Zephyr's system calls check them: a user thread may
 * act on itself and on threads it was granted; a NULL or ungranted thread ends it with a kernel
 * oops (k_thread_start, suspend, resume, priority_get/set, k_wakeup, the timeout queries,
 * k_float_disable); it creates only user threads, never essential ones or ones above its own
 * priority. k_thread_timeout_remaining_ticks / _expires_ticks, k_float_disable (-ENOTSUP).
 * Runs under virtual time (--no-rt).
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

K_THREAD_STACK_DEFINE(child_stack, 8192);
K_THREAD_STACK_DEFINE(other_stack, 8192);
static struct k_thread child;
static struct k_thread other; /* never granted to the user thread */
static int step;
static int op;

static void nothing(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
}

static void sleeper(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_msleep(50);
}

/* Run in user mode: what is allowed, then the refused call numbered op. */
static void user_fn(void *p1, void *p2, void *p3)
{
	struct k_thread *self = k_current_get();

	(void)p1;
	(void)p2;
	(void)p3;
	zexpect_equal(k_thread_priority_get(self), 3);
	k_thread_priority_set(self, 4); /* itself: allowed */
	zexpect_equal(k_thread_priority_get(self), 4);
	zexpect_equal(k_float_disable(self), -ENOTSUP);
	zexpect_equal(k_thread_timeout_remaining_ticks(self), 0);
	step = 1;
	ztest_set_fault_valid(true);
	switch (op) {
	case 0:
		(void)k_thread_priority_get(&other);
		break;
	case 1:
		k_thread_suspend(NULL);
		break;
	case 2:
		k_wakeup(&other);
		break;
	case 3:
		(void)k_thread_timeout_expires_ticks(NULL);
		break;
	case 4: /* a supervisor thread */
		k_thread_create(&child, child_stack, 8192, nothing, NULL, NULL, NULL, 5,
				K_INHERIT_PERMS, K_NO_WAIT);
		break;
	case 5: /* an essential one */
		k_thread_create(&child, child_stack, 8192, nothing, NULL, NULL, NULL, 5,
				K_USER | K_ESSENTIAL, K_NO_WAIT);
		break;
	case 6: /* above its own priority (4 now) */
		k_thread_create(&child, child_stack, 8192, nothing, NULL, NULL, NULL, 2, K_USER,
				K_NO_WAIT);
		break;
	default: /* allowed: a user thread of its priority or lower, granted objects */
		ztest_set_fault_valid(false);
		k_thread_create(&child, child_stack, 8192, nothing, NULL, NULL, NULL, 6,
				K_USER | K_INHERIT_PERMS, K_NO_WAIT);
		zexpect_equal(k_thread_join(&child, K_FOREVER), 0);
		break;
	}
	step = 2;
}

ZTEST(thread_user, test_refused_and_allowed)
{
	k_thread_create(&other, other_stack, 8192, nothing, NULL, NULL, NULL, 5, 0, K_FOREVER);
	k_thread_access_grant(k_current_get(), &child, child_stack);
	for (op = 0; op <= 7; op++) {
		step = 0;
		kz_faults = 0;
		kz_spawn(0, user_fn, NULL, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
		kz_join(1);
		if (op < 7) {
			zexpect_equal(step, 1, "op %d", op);
			zexpect_equal(kz_faults, 1, "op %d", op);
			zexpect_equal(kz_fault_reason, K_ERR_KERNEL_OOPS, "op %d", op);
		} else {
			zexpect_equal(step, 2);
			zexpect_equal(kz_faults, 0);
		}
	}
	k_thread_abort(&other);
}

ZTEST(thread_user, test_timeout_queries)
{
	struct k_thread *t;

	k_usleep(1);
	int64_t t0 = k_uptime_ticks();

	t = k_thread_create(&child, child_stack, 8192, sleeper, NULL, NULL, NULL, -1, 0, K_NO_WAIT);
	/* It ran (higher priority) and now sleeps 50 ms. */
	zexpect_equal(k_thread_timeout_expires_ticks(t), t0 + K_MSEC(50).ticks);
	k_msleep(20);
	zexpect_equal(k_thread_timeout_remaining_ticks(t), K_MSEC(30).ticks);
	zexpect_equal(k_thread_join(t, K_FOREVER), 0);
	zexpect_equal(k_thread_timeout_remaining_ticks(t), 0);
	zexpect_equal(k_thread_timeout_expires_ticks(t), k_uptime_ticks());
	zexpect_equal(k_float_disable(k_current_get()), -ENOTSUP);
	zexpect_equal(k_float_enable(k_current_get(), 0), -ENOTSUP);
}

ZTEST_SUITE(thread_user, NULL, NULL, NULL, NULL, NULL);
