/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_timer: one-shot and periodic expiry at exact virtual times (no drift), expiry functions in
 * interrupt context, stop functions, status_get / status_sync (expiry, stop, not running),
 * remaining and expiry ticks, restart, K_NO_WAIT and K_FOREVER durations, starting and stopping
 * from an ISR, waking a thread from the expiry function, user data, user mode; expiries at
 * their own deadlines while a thread busy-waits; absolute timeouts (K_TIMEOUT_ABS_*).
 * Runs under virtual time (--no-rt).
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>
#include <zephyr/random/rand32.h> /* Zephyr 3.x's name of <zephyr/random/random.h> */
#include <zephyr/types.h>

#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

#define MAX_EXP 64
static int64_t exp_at[MAX_EXP];
static int n_exp;
static int n_stop;
static bool exp_in_isr = true;

static void on_expiry(struct k_timer *t)
{
	(void)t;
	exp_in_isr = exp_in_isr && k_is_in_isr();
	if (n_exp < MAX_EXP) {
		exp_at[n_exp] = k_uptime_ticks();
	}
	n_exp++;
}

static void on_stop(struct k_timer *t)
{
	(void)t;
	n_stop++;
}

static K_TIMER_DEFINE(tm, on_expiry, on_stop); /* static prefix accepted */
K_TIMER_DEFINE(bare, NULL, NULL);

static void reset(void)
{
	n_exp = 0;
	n_stop = 0;
	exp_in_isr = true;
}

ZTEST(kernel_timer, test_one_shot)
{
	reset();
	int64_t t0 = k_uptime_ticks();

	k_timer_start(&tm, K_MSEC(10), K_NO_WAIT);
	zexpect_equal(k_timer_remaining_ticks(&tm), K_MSEC(10).ticks);
	zexpect_equal(k_timer_remaining_get(&tm), 10);
	zexpect_equal(k_timer_expires_ticks(&tm), t0 + K_MSEC(10).ticks);
	zexpect_equal(k_timer_status_get(&tm), 0);
	k_msleep(5);
	zexpect_equal(n_exp, 0);
	zexpect_equal(k_timer_remaining_get(&tm), 5);
	k_msleep(10);
	zexpect_equal(n_exp, 1);
	zexpect_equal(exp_at[0], t0 + K_MSEC(10).ticks);
	zexpect_true(exp_in_isr);
	zexpect_equal(k_timer_status_get(&tm), 1);
	zexpect_equal(k_timer_status_get(&tm), 0); /* reset by reading */
	zexpect_equal(k_timer_remaining_ticks(&tm), 0);
	zexpect_equal(k_timer_expires_ticks(&tm), k_uptime_ticks());
	k_timer_stop(&tm); /* not running: the stop function does not run */
	zexpect_equal(n_stop, 0);
}

ZTEST(kernel_timer, test_periodic)
{
	reset();
	int64_t t0 = k_uptime_ticks();

	k_timer_start(&tm, K_MSEC(5), K_MSEC(10));
	k_msleep(3);
	k_busy_wait(1234); /* the clock leaves the tick grid: periods keep their phase */
	k_msleep(54);
	zexpect_equal(n_exp, 6); /* 5, 15, 25, 35, 45, 55 ms */
	for (int i = 0; i < 6; i++) {
		zexpect_equal(exp_at[i], t0 + K_MSEC(5).ticks + i * K_MSEC(10).ticks);
	}
	zexpect_equal(k_timer_status_get(&tm), 6);
	k_timer_stop(&tm);
	zexpect_equal(n_stop, 1);
	k_msleep(50);
	zexpect_equal(n_exp, 6); /* stopped for good */
	zexpect_equal(k_timer_status_get(&tm), 0);
	k_timer_stop(&tm);
	zexpect_equal(n_stop, 1);
}

ZTEST(kernel_timer, test_catch_up)
{
	/* The CPU is held past several periods by a busy wait: as on a board, where the timer
	 * interrupt fires while a thread spins, each period is delivered at its own deadline (the
	 * expiry function sees that uptime), not all at once when the wait ends. */
	reset();
	k_usleep(1); /* on a tick boundary */
	int64_t t0 = k_uptime_ticks();

	k_timer_start(&tm, K_MSEC(1), K_MSEC(1));
	k_busy_wait(5500);
	zexpect_equal(k_uptime_ticks(), t0 + K_USEC(5500).ticks);
	zexpect_equal(n_exp, 5);
	for (int i = 0; i < 5; i++) {
		zexpect_equal(exp_at[i], t0 + (i + 1) * K_MSEC(1).ticks, "expiry %d at %lld", i,
			      (long long)exp_at[i]);
	}
	zexpect_true(exp_in_isr);
	k_timer_stop(&tm);
	zexpect_equal(k_timer_status_get(&tm), 5); /* a stop does not reset the status */
}

static int64_t sleeper_woke_at;

static void sleeper(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	k_msleep((int32_t)(intptr_t)p1);
	sleeper_woke_at = k_uptime_ticks();
}

ZTEST(kernel_timer, test_busy_wait_preempted)
{
	/* A higher-priority thread whose sleep ends during another thread's busy wait runs at
	 * that time; the spinning thread then goes on to the end it was given. */
	k_usleep(1);
	int64_t t0 = k_uptime_ticks();

	sleeper_woke_at = -1;
	kz_spawn(0, sleeper, (void *)(intptr_t)2, NULL, NULL, -1, 0);
	zexpect_equal(sleeper_woke_at, -1);
	k_busy_wait(5000);
	zexpect_equal(sleeper_woke_at, t0 + K_MSEC(2).ticks);
	zexpect_equal(k_uptime_ticks(), t0 + K_MSEC(5).ticks);
	kz_join(1);
}

/* The kernel's internal call, as Zephyr's tests/kernel/timer/timer_error_case declares it. */
extern k_ticks_t z_add_timeout(struct _timeout *to, _timeout_func_t fn, k_timeout_t timeout);
extern int z_abort_timeout(struct _timeout *to);
static int raw_fired;

static void raw_expired(struct _timeout *t)
{
	(void)t;
	raw_fired++;
}

ZTEST(kernel_timer, test_add_timeout_returns_deadline)
{
	struct _timeout to = {0};

	k_usleep(1);
	int64_t t0 = k_uptime_ticks();

	raw_fired = 0;
	/* Zephyr returns the absolute tick the timeout expires at; 0 for K_FOREVER. */
	zexpect_equal(z_add_timeout(&to, raw_expired, K_FOREVER), 0);
	zexpect_equal(z_add_timeout(&to, raw_expired, K_TICKS(7)), t0 + 7);
	k_sleep(K_TICKS(7));
	zexpect_equal(raw_fired, 1);
	zexpect_equal(z_add_timeout(&to, raw_expired, K_TIMEOUT_ABS_TICKS(t0 + 20)), t0 + 20);
	zexpect_equal(z_abort_timeout(&to), 0);
	k_sleep(K_TICKS(20));
	zexpect_equal(raw_fired, 1);
	/* CONFIG_TIMEOUT_USE_MIN_HEAP (prj.conf) is Zephyr's and accepted; it changes nothing. */
	zexpect_true(IS_ENABLED(CONFIG_TIMEOUT_USE_MIN_HEAP));
}

ZTEST(kernel_timer, test_timeout_iteration)
{
	struct k_timer a, b;
	struct _timeout *t;
	int seen = 0;
	bool a_first = false;

	k_timer_init(&a, NULL, NULL);
	k_timer_init(&b, NULL, NULL);
	k_timer_start(&b, K_MSEC(30), K_NO_WAIT);
	k_timer_start(&a, K_MSEC(20), K_NO_WAIT);
	/* In expiry order: a (20 ms) comes before b (30 ms), whatever the start order. */
	for (t = k_get_next_timeout(NULL); t != NULL; t = k_get_next_timeout(t)) {
		if (t == &a.timeout) {
			a_first = seen == 0;
			seen |= 1;
		} else if (t == &b.timeout) {
			seen |= 2;
		}
	}
	zexpect_equal(seen, 3);
	zexpect_true(a_first);
	k_timer_stop(&a);
	zexpect_is_null(k_get_next_timeout(&a.timeout)); /* not pending any more */
	t = k_get_next_timeout(NULL);
	while (t != NULL && t != &b.timeout) {
		t = k_get_next_timeout(t);
	}
	zexpect_true(t == &b.timeout);
	k_timer_stop(&b);
}

ZTEST(kernel_timer, test_absolute_timeouts)
{
	struct k_sem sem;
	int64_t t0;

	/* Zephyr's encoding: tick t is stored as -2 - t; every unit rounds up to a tick. */
	zexpect_equal(K_TIMEOUT_ABS_TICKS(0).ticks, -2);
	zexpect_equal(K_TIMEOUT_ABS_TICKS(100).ticks, -102);
	zexpect_equal(K_TIMEOUT_ABS_TICKS(-5).ticks, -2); /* before boot: tick 0 */
	zexpect_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_MS(7), K_TIMEOUT_ABS_TICKS(K_MSEC(7).ticks)));
	zexpect_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_US(250), K_TIMEOUT_ABS_TICKS(K_USEC(250).ticks)));
	zexpect_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_NS(150001), K_TIMEOUT_ABS_TICKS(2)));
	zexpect_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_CYC(k_ms_to_cyc_ceil64(3)), K_TIMEOUT_ABS_MS(3)));
	zexpect_true(K_TIMEOUT_EQ(K_TIMEOUT_ABS_SEC(2), K_TIMEOUT_ABS_MS(2000)));
	zexpect_true(Z_IS_TIMEOUT_RELATIVE(K_NO_WAIT));
	zexpect_true(Z_IS_TIMEOUT_RELATIVE(K_FOREVER));
	zexpect_true(Z_IS_TIMEOUT_RELATIVE(K_MSEC(5)));
	zexpect_false(Z_IS_TIMEOUT_RELATIVE(K_TIMEOUT_ABS_TICKS(0)));

	/* A sleep ends at the tick given, however long the thread ran before. */
	k_usleep(1);
	t0 = k_uptime_ticks();
	k_busy_wait(1234);
	zexpect_equal(k_sleep(K_TIMEOUT_ABS_TICKS(t0 + 50)), 0);
	zexpect_equal(k_uptime_ticks(), t0 + 50);

	/* A timer's first expiry at an absolute tick, then its period. */
	reset();
	t0 = k_uptime_ticks();
	k_timer_start(&tm, K_TIMEOUT_ABS_TICKS(t0 + 30), K_TICKS(20));
	zexpect_equal(k_timer_expires_ticks(&tm), t0 + 30);
	zexpect_equal(k_timer_remaining_ticks(&tm), 30);
	k_sleep(K_TICKS(75));
	k_timer_stop(&tm);
	zexpect_equal(n_exp, 3);
	zexpect_equal(exp_at[0], t0 + 30);
	zexpect_equal(exp_at[2], t0 + 70);

	/* An absolute period has no length: one expiry per tick (it used to expire without end
	 * inside one announcement and hang the kernel). */
	reset();
	t0 = k_uptime_ticks();
	k_timer_start(&tm, K_TICKS(5), K_TIMEOUT_ABS_TICKS(1000));
	k_sleep(K_TICKS(9));
	k_timer_stop(&tm);
	zexpect_equal(n_exp, 5, "expiries at t0 + 5 .. t0 + 9");
	zexpect_equal(exp_at[0], t0 + 5);
	zexpect_equal(exp_at[4], t0 + 9);

	/* A tick already past: the timer expires at the next kernel call. */
	reset();
	k_timer_start(&tm, K_TIMEOUT_ABS_TICKS(t0), K_NO_WAIT);
	k_yield();
	zexpect_equal(n_exp, 1);

	/* Any call taking a timeout takes one: a semaphore wait ends at that tick. */
	k_sem_init(&sem, 0, 1);
	t0 = k_uptime_ticks();
	zexpect_equal(k_sem_take(&sem, K_TIMEOUT_ABS_MS(k_ticks_to_ms_floor64(t0) + 3)), -EAGAIN);
	zexpect_equal(k_uptime_ticks(), K_MSEC(k_ticks_to_ms_floor64(t0) + 3).ticks);
	/* One in the past does not wait. */
	t0 = k_uptime_ticks();
	zexpect_equal(k_sem_take(&sem, K_TIMEOUT_ABS_TICKS(t0 - 10)), -EAGAIN);
	zexpect_equal(k_uptime_ticks(), t0);

	/* sys_timepoint_calc() keeps the tick. */
	zexpect_equal(sys_timepoint_calc(K_TIMEOUT_ABS_TICKS(t0 + 9)).tick, (uint64_t)t0 + 9);
	/* <zephyr/random/rand32.h> is <zephyr/random/random.h>. */
	zexpect_true(sys_rand32_get() != sys_rand32_get() || sys_rand32_get() != sys_rand32_get());
}

ZTEST(kernel_timer, test_restart_and_special_durations)
{
	reset();
	k_timer_start(&tm, K_MSEC(10), K_NO_WAIT);
	k_msleep(5);
	k_timer_start(&tm, K_MSEC(10), K_NO_WAIT); /* restart: 10 ms from now */
	k_msleep(7);
	zexpect_equal(n_exp, 0);
	k_msleep(5);
	zexpect_equal(n_exp, 1);

	reset();
	k_timer_start(&tm, K_FOREVER, K_MSEC(1)); /* does nothing */
	k_msleep(5);
	zexpect_equal(n_exp, 0);
	zexpect_equal(k_timer_remaining_ticks(&tm), 0);

	k_timer_start(&tm, K_NO_WAIT, K_NO_WAIT); /* expires at the next kernel call */
	k_yield();
	zexpect_equal(n_exp, 1);
	zexpect_equal(k_timer_status_get(&tm), 1);

	/* Restarting resets the status. */
	k_timer_start(&bare, K_MSEC(1), K_NO_WAIT);
	k_msleep(2);
	k_timer_start(&bare, K_MSEC(1), K_NO_WAIT);
	zexpect_equal(k_timer_status_get(&bare), 0);
	k_timer_stop(&bare);
}

static uint32_t sync_result;
static int sync_done;

static void syncer(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	sync_result = k_timer_status_sync(p1);
	sync_done++;
}

ZTEST(kernel_timer, test_status_sync)
{
	int64_t t0 = k_uptime_ticks();

	/* Waits for the expiry. */
	k_timer_start(&bare, K_MSEC(20), K_NO_WAIT);
	zexpect_equal(k_timer_status_sync(&bare), 1);
	zexpect_equal(k_uptime_ticks(), t0 + K_MSEC(20).ticks);
	/* Not running: at once, 0. */
	t0 = k_uptime_ticks();
	zexpect_equal(k_timer_status_sync(&bare), 0);
	zexpect_equal(k_uptime_ticks(), t0);
	/* Status already set: at once. */
	k_timer_start(&bare, K_MSEC(1), K_MSEC(1));
	k_msleep(3);
	zexpect_equal(k_timer_status_sync(&bare), 3);
	k_timer_stop(&bare);
	/* A stop wakes the first waiter (by priority) with the status, 0 here. */
	sync_done = 0;
	k_timer_start(&bare, K_MSEC(100), K_NO_WAIT);
	kz_spawn(0, syncer, &bare, NULL, NULL, 3, 0);
	kz_spawn(1, syncer, &bare, NULL, NULL, 2, 0);
	k_msleep(1);
	zexpect_equal(sync_done, 0);
	k_timer_stop(&bare);
	k_msleep(1);
	zexpect_equal(sync_done, 1);
	zexpect_equal(sync_result, 0);
	zexpect_equal(k_thread_join(&kz_threads[1], K_NO_WAIT), 0);
	/* The other one waits for the next expiry. */
	k_timer_start(&bare, K_MSEC(2), K_NO_WAIT);
	kz_join(1);
	zexpect_equal(sync_done, 2);
	zexpect_equal(sync_result, 1);
}

static struct k_sem wake_sem;
static int woken_at_ms;

static void on_expiry_give(struct k_timer *t)
{
	k_sem_give(k_timer_user_data_get(t));
}

static void sem_waiter(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	zexpect_equal(k_sem_take(p1, K_FOREVER), 0);
	woken_at_ms = (int)k_uptime_get();
}

ZTEST(kernel_timer, test_expiry_wakes_thread)
{
	struct k_timer lt;
	int start_ms = (int)k_uptime_get();

	k_sem_init(&wake_sem, 0, 1);
	k_timer_init(&lt, on_expiry_give, NULL);
	k_timer_user_data_set(&lt, &wake_sem);
	zexpect_true(k_timer_user_data_get(&lt) == &wake_sem);
	kz_spawn(0, sem_waiter, &wake_sem, NULL, NULL, -1, 0);
	k_timer_start(&lt, K_MSEC(7), K_NO_WAIT);
	kz_join(1);
	zexpect_equal(woken_at_ms - start_ms, 7);
}

static void isr_start(const void *arg)
{
	k_timer_start((struct k_timer *)arg, K_MSEC(3), K_NO_WAIT);
}

static void isr_stop(const void *arg)
{
	k_timer_stop((struct k_timer *)arg);
}

static void isr_sync(const void *arg)
{
	sync_result = k_timer_status_sync((struct k_timer *)arg);
}

ZTEST(kernel_timer, test_isr)
{
	reset();
	irq_offload(isr_start, &tm);
	k_msleep(4);
	zexpect_equal(n_exp, 1);
	irq_offload(isr_start, &tm);
	irq_offload(isr_sync, &tm); /* refused: returns 0 without waiting */
	zexpect_equal(sync_result, 0);
	irq_offload(isr_stop, &tm);
	zexpect_equal(n_stop, 1);
	k_msleep(4);
	zexpect_equal(n_exp, 1);
}

static int user_step;

static void user_fn(void *p1, void *p2, void *p3)
{
	struct k_timer *t = p1;

	(void)p2;
	(void)p3;
	k_timer_start(t, K_MSEC(2), K_NO_WAIT);
	zexpect_equal(k_timer_status_sync(t), 1);
	k_timer_start(t, K_MSEC(2), K_MSEC(2));
	k_msleep(5);
	zexpect_equal(k_timer_status_get(t), 2);
	k_timer_stop(t);
	user_step = 1;
	ztest_set_fault_valid(true);
	k_timer_init(t, NULL, NULL); /* not a system call on Zephyr */
	user_step = 2;
}

ZTEST(kernel_timer, test_user_mode)
{
	reset();
	kz_faults = 0;
	/* As on Zephyr, a user thread uses only objects it was granted. */
	k_object_access_grant(&tm, k_current_get());
	kz_spawn(0, user_fn, &tm, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(1);
	zexpect_equal(user_step, 1);
	zexpect_equal(kz_faults, 1);
	zexpect_equal(n_exp, 3);
	zexpect_true(exp_in_isr);
	zexpect_equal(n_stop, 1);
}

static struct k_timer ud_timer;
static int ud_step;

static void user_data_fn(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	/* Granted: set and get work (system calls on Zephyr). */
	k_timer_user_data_set(&ud_timer, (void *)0x5a);
	zexpect_true(k_timer_user_data_get(&ud_timer) == (void *)0x5a);
	ud_step = 1;
	ztest_set_fault_valid(true);
	/* Not a timer it may use (NULL here): the call ends it, as Zephyr's system call does. */
	(void)k_timer_user_data_get(p1);
	ud_step = 2;
}

ZTEST(kernel_timer, test_user_data_user_mode)
{
	k_timer_init(&ud_timer, NULL, NULL);
	k_object_access_grant(&ud_timer, k_current_get());
	for (int i = 0; i < 2; i++) {
		/* A NULL timer, then one the thread was never granted. */
		ud_step = 0;
		kz_faults = 0;
		kz_spawn(0, user_data_fn, i == 0 ? NULL : &bare, NULL, NULL, 3,
			 K_USER | K_INHERIT_PERMS);
		kz_join(1);
		zexpect_equal(ud_step, 1);
		zexpect_equal(kz_faults, 1);
	}
	zexpect_true(k_timer_user_data_get(&ud_timer) == (void *)0x5a);
}

ZTEST_SUITE(kernel_timer, NULL, NULL, NULL, NULL, NULL);
