/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * SYS_INIT and SYS_INIT_NAMED (<zephyr/init.h>): every entry of this file, second.c and a
 * static library (lib_init.c) runs once, by level in boot order and by priority within a
 * level; PRE_KERNEL before any thread exists, where nothing blocks; POST_KERNEL and later in
 * the main thread before main(), where threads can be created and calls can block; a failing
 * entry does not stop the others.
 */
#include <zephyr/init.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#include "sys_init_test.h"

/* Zephyr's name of the main thread (kernel_internal.h), as Zephyr's own tests use it. */
extern struct k_thread z_main_thread;

#define MAX_RECORDS 32

struct record {
	int ev;
	bool pre_kernel;
	k_tid_t thread;
};

static struct record records[MAX_RECORDS];
static int n_records;

void sys_init_record(int ev)
{
	if (n_records < MAX_RECORDS) {
		records[n_records].ev = ev;
		records[n_records].pre_kernel = k_is_pre_kernel();
		records[n_records].thread = k_current_get();
	}
	n_records++;
}

static K_SEM_DEFINE(pk_sem, 0, 1);
static K_SEM_DEFINE(never_sem, 0, 1);
static int pk2_take_now = 1;     /* k_sem_take(K_NO_WAIT) of what PRE_KERNEL_1 gave */
static int pk2_take_wait = 1;    /* a take that would block, before the scheduler runs */
static int32_t pk2_sleep_left = -1; /* k_msleep() before the kernel: returns at once */
static int64_t pk2_sleep_ticks = -1; /* the uptime it took */
static int64_t post_sleep_before = -1;
static int64_t post_sleep_after = -1;

static int early_50(void)
{
	sys_init_record(EV_EARLY_50);
	return 0;
}

static int pk_alias_7(void)
{
	sys_init_record(EV_PK_ALIAS_7);
	return 0;
}

static int pk1_10(void)
{
	sys_init_record(EV_PK1_10);
	k_sem_give(&pk_sem); /* does not block: allowed before the kernel runs */
	return 0;
}

static int pk2_0(void)
{
	sys_init_record(EV_PK2_0);
	pk2_take_now = k_sem_take(&pk_sem, K_NO_WAIT);
	pk2_take_wait = k_sem_take(&never_sem, K_MSEC(10));
	int64_t before = k_uptime_ticks();

	pk2_sleep_left = k_msleep(1000);
	pk2_sleep_ticks = k_uptime_ticks() - before;
	return 0;
}

/* Registered twice: it fails the first time, and the second registration runs anyway. */
static int post_99(void)
{
	static bool failed_once;

	if (!failed_once) {
		failed_once = true;
		sys_init_record(EV_POST_99_FAILS);
		/* The scheduler runs: this thread can sleep. */
		post_sleep_before = k_uptime_ticks();
		k_msleep(5);
		post_sleep_after = k_uptime_ticks();
		return -EIO;
	}
	sys_init_record(EV_POST_99_AGAIN);
	return 0;
}

#define APP_PRIO 3 /* a symbolic priority, as Zephyr allows */

static int app_3(void)
{
	sys_init_record(EV_APP_3);
	return 0;
}

static int smp_0(void)
{
	sys_init_record(EV_SMP_0);
	return 0;
}

static int pre_main_1(void)
{
	sys_init_record(EV_PRE_MAIN_1);
	return 0;
}

static void static_thread_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	sys_init_record(EV_STATIC_THREAD);
}

/* Cooperative, so it runs as soon as the static threads start, before main's PRE_MAIN. */
K_THREAD_DEFINE(static_thread, 4096, static_thread_entry, NULL, NULL, NULL, K_PRIO_COOP(2), 0,
		0);

/* Registered out of order on purpose: the kernel sorts them. */
SYS_INIT(pre_main_1, PRE_MAIN, 1);
SYS_INIT(smp_0, SMP, 0);
SYS_INIT_NAMED(post_99_again, post_99, POST_KERNEL, 99);
SYS_INIT(app_3, APPLICATION, APP_PRIO);
SYS_INIT(pk2_0, PRE_KERNEL_2, 0);
SYS_INIT(pk1_10, PRE_KERNEL_1, 10);
SYS_INIT(early_50, EARLY, 50);
SYS_INIT(pk_alias_7, PRE_KERNEL, 7);
SYS_INIT(post_99, POST_KERNEL, 99);

static const int expected[] = {
	EV_EARLY_0,     EV_EARLY_50,      EV_PK1_5,         EV_PK_ALIAS_7,  EV_PK1_10,
	EV_PK2_0,       EV_POST_1,        EV_POST_THREAD,   EV_POST_1_DONE, EV_POST_99_FAILS,
	EV_POST_99_AGAIN, EV_APP_0,       EV_APP_3,         EV_STATIC_THREAD, EV_SMP_0,
	EV_PRE_MAIN_1,
};

static const struct record *find(int ev)
{
	for (int i = 0; i < n_records && i < MAX_RECORDS; i++) {
		if (records[i].ev == ev) {
			return &records[i];
		}
	}
	return NULL;
}

ZTEST(sys_init, test_order_across_levels_files_and_priorities)
{
	zassert_equal(n_records, ARRAY_SIZE(expected), "%d init records, expected %zu",
		      n_records, ARRAY_SIZE(expected));
	for (size_t i = 0; i < ARRAY_SIZE(expected); i++) {
		zassert_equal(records[i].ev, expected[i], "record %zu is event %d, expected %d", i,
			      records[i].ev, expected[i]);
	}
}

ZTEST(sys_init, test_pre_kernel_runs_before_any_thread)
{
	static const int pre[] = {EV_EARLY_0, EV_EARLY_50, EV_PK1_5, EV_PK_ALIAS_7, EV_PK1_10,
				  EV_PK2_0};

	for (size_t i = 0; i < ARRAY_SIZE(pre); i++) {
		const struct record *r = find(pre[i]);

		zassert_not_null(r, "event %d never ran", pre[i]);
		zassert_true(r->pre_kernel, "event %d: k_is_pre_kernel() false", pre[i]);
		zassert_is_null(r->thread, "event %d ran in thread %p", pre[i], (void *)r->thread);
	}
	/* Calls that do not block work; one that would block fails at once. */
	zassert_equal(pk2_take_now, 0, "K_NO_WAIT take of a given semaphore: %d", pk2_take_now);
	zassert_equal(pk2_take_wait, -EAGAIN, "a waiting take before the kernel: %d",
		      pk2_take_wait);
	/* A sleep returns at once (an error is logged): there is no thread to put to sleep. */
	zassert_equal(pk2_sleep_left, 0, "k_msleep(1000) before the kernel returned %d",
		      (int)pk2_sleep_left);
	zassert_true(pk2_sleep_ticks >= 0 && pk2_sleep_ticks < (int64_t)k_ms_to_ticks_ceil64(500),
		     "k_msleep(1000) before the kernel took %lld ticks", (long long)pk2_sleep_ticks);
}

ZTEST(sys_init, test_post_kernel_and_later_run_in_main_thread)
{
	static const int post[] = {EV_POST_1,        EV_POST_1_DONE, EV_POST_99_FAILS,
				   EV_POST_99_AGAIN, EV_APP_0,       EV_APP_3,
				   EV_SMP_0,         EV_PRE_MAIN_1};

	for (size_t i = 0; i < ARRAY_SIZE(post); i++) {
		const struct record *r = find(post[i]);

		zassert_not_null(r, "event %d never ran", post[i]);
		zassert_false(r->pre_kernel, "event %d: k_is_pre_kernel() true", post[i]);
		zassert_equal_ptr(r->thread, &z_main_thread, "event %d ran in thread %p", post[i],
				  (void *)r->thread);
	}
	/* A POST_KERNEL function can sleep, and a thread it creates runs at once. */
	zassert_true(post_sleep_before >= 0 && post_sleep_after > post_sleep_before,
		     "k_msleep in POST_KERNEL: uptime %lld -> %lld", (long long)post_sleep_before,
		     (long long)post_sleep_after);
	zassert_not_null(find(EV_POST_THREAD)->thread);
	zassert_not_equal(find(EV_POST_THREAD)->thread, &z_main_thread);
	zassert_equal_ptr(find(EV_STATIC_THREAD)->thread, static_thread);
}

/* A K_WORK_QUEUE_DEFINE queue runs before POST_KERNEL: work submitted there is processed. */
K_WORK_QUEUE_DEFINE(boot_work_q, 4096, K_PRIO_PREEMPT(3), true, 0);
K_WORK_QUEUE_DEFINE(boot_work_q_plain, 4096, K_PRIO_PREEMPT(4));

static K_SEM_DEFINE(boot_work_done, 0, 1);
static int boot_submit_rc = -1;

static void boot_work_handler(struct k_work *work)
{
	ARG_UNUSED(work);
	k_sem_give(&boot_work_done);
}

static K_WORK_DEFINE(boot_work, boot_work_handler);

static int submit_at_post_kernel_0(void)
{
	boot_submit_rc = k_work_submit_to_queue(&boot_work_q, &boot_work);
	return 0;
}

SYS_INIT(submit_at_post_kernel_0, POST_KERNEL, 0);

ZTEST(sys_init, test_static_work_queue_started_before_post_kernel)
{
	k_tid_t tid = k_work_queue_thread_get(&boot_work_q);

	zassert_equal(boot_submit_rc, 1, "submit from POST_KERNEL: %d", boot_submit_rc);
	zassert_ok(k_sem_take(&boot_work_done, K_MSEC(100)));
	zassert_not_null(tid);
	zassert_equal(k_thread_priority_get(tid), K_PRIO_PREEMPT(3));
	zassert_true((boot_work_q.flags & K_WORK_QUEUE_NO_YIELD) != 0U, "no_yield not applied");
	zassert_true((boot_work_q_plain.flags & K_WORK_QUEUE_NO_YIELD) == 0U);
	zassert_str_equal(k_thread_name_get(tid), "boot_work_q");
	/* Essential: it cannot be stopped. */
	zassert_true(k_work_queue_drain(&boot_work_q_plain, true) >= 0);
	zassert_equal(k_work_queue_stop(&boot_work_q_plain, K_FOREVER), -ENOTSUP);
	zassert_ok(k_work_queue_unplug(&boot_work_q_plain));
}

ZTEST_SUITE(sys_init, NULL, NULL, NULL, NULL, NULL);
