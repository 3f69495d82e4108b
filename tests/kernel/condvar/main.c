/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_condvar: wait releases the mutex and takes it back (also on timeout), signal wakes the
 * highest-priority waiter, broadcast all (and counts them), no lost wakeup when the signaller
 * is woken by the unlock itself, every timeout kind.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

static K_CONDVAR_DEFINE(cv); /* static prefix accepted */
static K_MUTEX_DEFINE(mtx);
static int shared;
static int results[KZ_THREADS];
static int order[KZ_THREADS];
static int done;

static void before(void *f)
{
	(void)f;
	k_condvar_init(&cv);
	shared = 0;
	done = 0;
}

ZTEST_SUITE(kernel_condvar, NULL, NULL, before, NULL, NULL);

static void waiter(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p1;

	(void)p3;
	k_mutex_lock(&mtx, K_FOREVER);
	/* p2 -2: K_TICKS(K_TICKS_FOREVER), which is K_FOREVER as on Zephyr. */
	results[idx] = k_condvar_wait(
	    &cv, &mtx, (intptr_t)p2 == -2 ? K_TICKS(K_TICKS_FOREVER) : kz_timeout_ms(p2));
	/* The mutex is held again here. */
	zexpect_true(mtx.owner == k_current_get());
	order[done++] = idx;
	k_mutex_unlock(&mtx);
}

ZTEST(kernel_condvar, test_no_waiters)
{
	zassert_equal(k_condvar_signal(&cv), 0);
	zassert_equal(k_condvar_broadcast(&cv), 0);
	k_mutex_lock(&mtx, K_FOREVER);
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_condvar_wait(&cv, &mtx, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_condvar_wait(&cv, &mtx, K_MSEC(5)), -EAGAIN);
	zassert_true(k_uptime_ticks() - t0 >= K_MSEC(5).ticks);
	zassert_true(mtx.owner == k_current_get());
	k_mutex_unlock(&mtx);
}

ZTEST(kernel_condvar, test_signal_order_and_broadcast)
{
	kz_spawn(0, waiter, (void *)0, (void *)-1, NULL, 5, 0);
	kz_spawn(1, waiter, (void *)1, (void *)-1, NULL, 3, 0);
	kz_spawn(2, waiter, (void *)2, (void *)-1, NULL, 4, 0);
	k_msleep(1);
	zassert_equal(done, 0);
	zassert_is_null(mtx.owner); /* every waiter released it */
	zassert_equal(k_condvar_signal(&cv), 0);
	k_msleep(1);
	zassert_equal(done, 1);
	zassert_equal(order[0], 1);
	zassert_equal(k_condvar_broadcast(&cv), 2);
	kz_join(3);
	zassert_equal(order[1], 2);
	zassert_equal(order[2], 0);
	for (int i = 0; i < 3; i++) {
		zassert_equal(results[i], 0);
	}
}

ZTEST(kernel_condvar, test_timeout_keeps_mutex_rule)
{
	kz_spawn(0, waiter, (void *)0, (void *)10, NULL, 3, 0);
	k_msleep(5);
	k_mutex_lock(&mtx, K_FOREVER); /* the waiter must wait for it after its timeout */
	k_msleep(10);
	zassert_equal(done, 0);
	k_mutex_unlock(&mtx);
	kz_join(1);
	zassert_equal(results[0], -EAGAIN);
}

/* Zephyr's condvar suite waits with K_TICKS(K_TICKS_FOREVER): that waits until signalled. */
ZTEST(kernel_condvar, test_ticks_forever_waits)
{
	kz_spawn(0, waiter, (void *)0, (void *)-2, NULL, 3, 0);
	k_msleep(50);
	zassert_equal(done, 0, "K_TICKS(K_TICKS_FOREVER) did not wait");
	zassert_equal(k_condvar_signal(&cv), 0);
	kz_join(1);
	zassert_equal(done, 1);
	zassert_equal(results[0], 0);
}

/* A signaller of higher priority woken by the waiter's own unlock: no lost wakeup. */
static void eager_signaller(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_mutex_lock(&mtx, K_FOREVER);
	shared = 1;
	k_condvar_signal(&cv);
	k_mutex_unlock(&mtx);
}

ZTEST(kernel_condvar, test_no_lost_wakeup)
{
	k_mutex_lock(&mtx, K_FOREVER);
	kz_spawn(0, eager_signaller, NULL, NULL, NULL, -2, 0); /* blocks on the mutex */
	zassert_equal(shared, 0);
	int ret = k_condvar_wait(&cv, &mtx, K_MSEC(100));

	zassert_equal(ret, 0, "the signal sent right after the unlock was lost");
	zassert_equal(shared, 1);
	k_mutex_unlock(&mtx);
	kz_join(1);
}
