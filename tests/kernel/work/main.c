/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_work, k_work_delayable, work queues: submission return codes and states, order, a handler
 * resubmitting itself, cancel (queued, running, sync), flush, delayable schedule / reschedule /
 * cancel / flush at exact virtual times, drain / plug / unplug / stop, ISR and timer-expiry
 * submissions, the system work queue (started on first use, idle at exit), user mode.
 * Runs under virtual time (--no-rt).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

#define Q_PRIO 5
K_THREAD_STACK_DEFINE(q_stack, 16384);
static struct k_work_q q;
static const struct k_work_queue_config q_cfg = {.name = "testq"};

static int runs[8];
static int run_log[32];
static int n_log;
static k_tid_t ran_on;
static struct k_sem gate;
static int64_t ran_at;

struct item {
	struct k_work work;
	int id;
	bool block;
};

static void handler(struct k_work *work)
{
	struct item *it = CONTAINER_OF(work, struct item, work);

	runs[it->id]++;
	if (n_log < 32) {
		run_log[n_log++] = it->id;
	}
	ran_on = k_current_get();
	ran_at = k_uptime_ticks();
	if (it->block) {
		(void)k_sem_take(&gate, K_FOREVER);
	}
}

static struct item items[4];

/* Helper thread: give the gate after p1 milliseconds. */
static void gate_later(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	k_msleep((int32_t)(intptr_t)p1);
	k_sem_give(&gate);
}
static int static_runs;

static void static_handler(struct k_work *work)
{
	(void)work;
	static_runs++;
	ran_on = k_current_get();
}

static K_WORK_DEFINE(static_work, static_handler); /* static prefix accepted */

static void reset(void)
{
	for (int i = 0; i < 4; i++) {
		k_work_init(&items[i].work, handler);
		items[i].id = i;
		items[i].block = false;
		runs[i] = 0;
	}
	n_log = 0;
	k_sem_init(&gate, 0, 10);
}

ZTEST(kernel_work, test_system_queue)
{
	reset();
	zexpect_equal(k_work_busy_get(&items[0].work), 0);
	zexpect_equal(k_work_submit(&items[0].work), 1);
	/* The system queue's thread is cooperative (-1): it ran at once. */
	zexpect_equal(runs[0], 1);
	zexpect_true(ran_on == k_work_queue_thread_get(&k_sys_work_q));
	zexpect_equal(strcmp(k_thread_name_get(ran_on), "sysworkq"), 0);
	zexpect_equal(k_work_busy_get(&items[0].work), 0);
	zexpect_true(!k_work_is_pending(&items[0].work));
}

ZTEST(kernel_work, test_user_queue_states)
{
	struct k_work_q never;
	struct k_work fresh;

	reset();
	k_work_queue_init(&never);
	k_work_init(&fresh, handler);
	zexpect_equal(k_work_submit_to_queue(&never, &fresh), -ENODEV);
	zexpect_equal(k_work_submit_to_queue(NULL, &fresh), -EINVAL);
	zexpect_equal(k_work_busy_get(&fresh), 0);

	/* q was started by the suite's setup. */
	zexpect_equal(strcmp(k_thread_name_get(k_work_queue_thread_get(&q)), "testq"), 0);

	zexpect_equal(k_work_submit_to_queue(&q, &items[0].work), 1);
	zexpect_equal(k_work_submit_to_queue(&q, &items[0].work), 0); /* already queued */
	zexpect_equal(k_work_busy_get(&items[0].work), K_WORK_QUEUED);
	zexpect_equal(k_work_submit_to_queue(&q, &items[1].work), 1);
	zexpect_equal(k_work_submit_to_queue(&q, &items[2].work), 1);
	zexpect_equal(runs[0], 0); /* lower priority than main */
	k_msleep(1);
	zexpect_equal(runs[0], 1);
	zexpect_equal(runs[1], 1);
	zexpect_equal(runs[2], 1);
	zexpect_equal(run_log[0], 0);
	zexpect_equal(run_log[1], 1);
	zexpect_equal(run_log[2], 2);
	zexpect_true(ran_on == &q.thread);

	/* Submitting a running item queues it again on the queue running it: 2. */
	items[3].block = true;
	zexpect_equal(k_work_submit_to_queue(&q, &items[3].work), 1);
	k_msleep(1);
	zexpect_equal(k_work_busy_get(&items[3].work), K_WORK_RUNNING);
	zexpect_equal(k_work_submit_to_queue(&q, &items[3].work), 2);
	zexpect_equal(k_work_busy_get(&items[3].work), K_WORK_RUNNING | K_WORK_QUEUED);
	zexpect_equal(k_work_submit(&items[3].work), 0); /* queued: the queue does not change */
	k_sem_give(&gate);
	k_msleep(1);
	zexpect_equal(runs[3], 2);
	k_sem_give(&gate);
	k_msleep(1);
	zexpect_equal(k_work_busy_get(&items[3].work), 0);
	/* Submitted to another queue later, it goes there (queue NULL: the last one). */
	items[3].block = false;
	zexpect_equal(k_work_submit_to_queue(NULL, &items[3].work), 1);
	k_msleep(1);
	zexpect_true(ran_on == &q.thread);
	int before_runs = static_runs; /* test_delayable's static item counts here too */

	zexpect_equal(k_work_submit(&static_work), 1);
	zexpect_true(ran_on == &k_sys_work_q.thread);
	zexpect_equal(static_runs, before_runs + 1);
}

ZTEST(kernel_work, test_cancel)
{
	struct k_work_sync sync;

	reset();
	/* Queued: taken off, never runs. */
	zexpect_equal(k_work_submit_to_queue(&q, &items[0].work), 1);
	zexpect_equal(k_work_cancel(&items[0].work), 0);
	k_msleep(1);
	zexpect_equal(runs[0], 0);
	zexpect_true(!k_work_cancel_sync(&items[0].work, &sync)); /* idle: false */

	/* Running: CANCELING until the handler returns; submissions refused meanwhile. */
	items[1].block = true;
	zexpect_equal(k_work_submit_to_queue(&q, &items[1].work), 1);
	k_msleep(1);
	zexpect_equal(k_work_cancel(&items[1].work), K_WORK_RUNNING | K_WORK_CANCELING);
	zexpect_equal(k_work_submit_to_queue(&q, &items[1].work), -EBUSY);
	k_sem_give(&gate);
	k_msleep(1);
	zexpect_equal(k_work_busy_get(&items[1].work), 0);
	zexpect_equal(k_work_submit_to_queue(&q, &items[1].work), 1); /* accepted again */
	k_msleep(1);
	k_sem_give(&gate);
	k_msleep(1);
	zexpect_equal(runs[1], 2);

	/* cancel_sync waits for the running handler (released 5 ms later by a helper). */
	zexpect_equal(k_work_submit_to_queue(&q, &items[1].work), 1);
	k_msleep(1);
	int64_t t0 = k_uptime_ticks();

	kz_spawn(0, gate_later, (void *)5, NULL, NULL, 1, 0);
	zexpect_true(k_work_cancel_sync(&items[1].work, &sync));
	zexpect_equal(k_uptime_ticks() - t0, K_MSEC(5).ticks);
	zexpect_equal(k_work_busy_get(&items[1].work), 0);
	kz_join(1);
	zexpect_equal(runs[1], 3);
	items[1].block = false;
}

ZTEST(kernel_work, test_flush)
{
	struct k_work_sync sync;

	reset();
	zexpect_true(!k_work_flush(&items[0].work, &sync)); /* idle */
	/* Queued behind a blocked item: the flush returns once it has run. */
	items[0].block = true;
	zexpect_equal(k_work_submit_to_queue(&q, &items[0].work), 1);
	zexpect_equal(k_work_submit_to_queue(&q, &items[1].work), 1);
	zexpect_equal(k_work_submit_to_queue(&q, &items[2].work), 1);
	int64_t t0 = k_uptime_ticks();

	kz_spawn(0, gate_later, (void *)3, NULL, NULL, 1, 0);
	zexpect_true(k_work_flush(&items[1].work, &sync));
	zexpect_equal(k_uptime_ticks() - t0, K_MSEC(3).ticks);
	zexpect_equal(runs[0], 1);
	zexpect_equal(runs[1], 1);
	kz_join(1);
	k_msleep(1);
	zexpect_equal(runs[2], 1);

	/* Running: waits for that instance. */
	zexpect_equal(k_work_submit_to_queue(&q, &items[0].work), 1);
	k_msleep(1);
	kz_spawn(0, gate_later, (void *)2, NULL, NULL, 1, 0);
	t0 = k_uptime_ticks();
	zexpect_true(k_work_flush(&items[0].work, &sync));
	zexpect_equal(k_uptime_ticks() - t0, K_MSEC(2).ticks);
	zexpect_equal(k_work_busy_get(&items[0].work), 0);
	kz_join(1);
	items[0].block = false;
}

static struct k_work_delayable dw;
static K_WORK_DELAYABLE_DEFINE(static_dw, static_handler);

static void dw_handler(struct k_work *work)
{
	struct k_work_delayable *d = k_work_delayable_from_work(work);

	zexpect_true(d == &dw);
	runs[7]++;
	ran_at = k_uptime_ticks();
	ran_on = k_current_get();
}

ZTEST(kernel_work, test_delayable)
{
	struct k_work_sync sync;
	int64_t t0;

	reset();
	runs[7] = 0;
	k_work_init_delayable(&dw, dw_handler);
	zexpect_equal(k_work_delayable_busy_get(&dw), 0);
	t0 = k_uptime_ticks();
	zexpect_equal(k_work_schedule(&dw, K_MSEC(10)), 1);
	zexpect_equal(k_work_delayable_busy_get(&dw), K_WORK_DELAYED);
	zexpect_true(k_work_delayable_is_pending(&dw));
	zexpect_equal(k_work_delayable_remaining_get(&dw), K_MSEC(10).ticks);
	zexpect_equal(k_work_delayable_expires_get(&dw), t0 + K_MSEC(10).ticks);
	zexpect_equal(k_work_schedule(&dw, K_MSEC(2)), 0); /* already delayed: unchanged */
	k_msleep(5);
	zexpect_equal(runs[7], 0);
	k_msleep(10);
	zexpect_equal(runs[7], 1);
	zexpect_equal(ran_at, t0 + K_MSEC(10).ticks);
	zexpect_true(ran_on == &k_sys_work_q.thread);
	zexpect_equal(k_work_delayable_remaining_get(&dw), 0);

	/* reschedule replaces the delay. */
	t0 = k_uptime_ticks();
	zexpect_equal(k_work_schedule_for_queue(&q, &dw, K_MSEC(10)), 1);
	zexpect_equal(k_work_reschedule_for_queue(&q, &dw, K_MSEC(3)), 1);
	k_msleep(20);
	zexpect_equal(runs[7], 2);
	zexpect_equal(ran_at, t0 + K_MSEC(3).ticks);
	zexpect_true(ran_on == &q.thread);
	t0 = k_uptime_ticks();
	zexpect_equal(k_work_reschedule(&dw, K_MSEC(4)), 1);
	zexpect_equal(k_work_reschedule(&dw, K_MSEC(6)), 1);
	k_msleep(10);
	zexpect_equal(runs[7], 3);
	zexpect_equal(ran_at, t0 + K_MSEC(6).ticks);

	/* K_NO_WAIT submits now. */
	zexpect_equal(k_work_schedule(&dw, K_NO_WAIT), 1);
	zexpect_equal(runs[7], 4);

	/* Cancel a delayed item: it never runs. */
	zexpect_equal(k_work_schedule(&dw, K_MSEC(5)), 1);
	zexpect_equal(k_work_cancel_delayable(&dw), 0);
	k_msleep(10);
	zexpect_equal(runs[7], 4);
	zexpect_equal(k_work_schedule(&dw, K_MSEC(5)), 1);
	zexpect_true(k_work_cancel_delayable_sync(&dw, &sync));
	zexpect_true(!k_work_cancel_delayable_sync(&dw, &sync));
	k_msleep(10);
	zexpect_equal(runs[7], 4);

	/* flush_delayable ends the delay at once and waits for the handler. */
	t0 = k_uptime_ticks();
	zexpect_equal(k_work_schedule_for_queue(&q, &dw, K_MSEC(50)), 1);
	zexpect_true(k_work_flush_delayable(&dw, &sync));
	zexpect_equal(runs[7], 5);
	zexpect_equal(ran_at, t0);
	zexpect_true(!k_work_flush_delayable(&dw, &sync));

	/* The static definition. */
	zexpect_equal(k_work_schedule(&static_dw, K_MSEC(1)), 1);
	k_msleep(2);
	zexpect_equal(k_work_delayable_busy_get(&static_dw), 0);
}

ZTEST(kernel_work, test_drain_plug_stop)
{
	reset();
	items[0].block = true;
	zexpect_equal(k_work_queue_drain(&q, false), 0); /* idle */
	zexpect_equal(k_work_submit_to_queue(&q, &items[0].work), 1);
	zexpect_equal(k_work_submit_to_queue(&q, &items[1].work), 1);
	kz_spawn(0, gate_later, (void *)4, NULL, NULL, 1, 0);
	int64_t t0 = k_uptime_ticks();

	zexpect_equal(k_work_queue_drain(&q, true), 1);
	zexpect_equal(k_uptime_ticks() - t0, K_MSEC(4).ticks);
	zexpect_equal(runs[0], 1);
	zexpect_equal(runs[1], 1);
	kz_join(1);
	zexpect_equal(k_work_submit_to_queue(&q, &items[2].work), -EBUSY); /* plugged */
	zexpect_equal(k_work_queue_unplug(&q), 0);
	zexpect_equal(k_work_queue_unplug(&q), -EALREADY);
	zexpect_equal(k_work_submit_to_queue(&q, &items[2].work), 1);
	k_msleep(1);
	zexpect_equal(runs[2], 1);

	zexpect_equal(k_work_queue_stop(&q, K_MSEC(10)), -EBUSY); /* not plugged */
	zexpect_equal(k_work_queue_drain(&q, true), 1);
	zexpect_equal(k_work_queue_stop(&q, K_MSEC(10)), 0);
	zexpect_equal(k_work_queue_stop(&q, K_MSEC(10)), -EALREADY);
	zexpect_equal(k_work_submit_to_queue(&q, &items[2].work), -ENODEV);
	items[0].block = false;
	/* Started again on the same object. */
	k_work_queue_start(&q, q_stack, K_THREAD_STACK_SIZEOF(q_stack), Q_PRIO, &q_cfg);
	zexpect_equal(k_work_submit_to_queue(&q, &items[2].work), 1);
	k_msleep(1);
	zexpect_equal(runs[2], 2);
}

K_THREAD_STACK_DEFINE(q2_stack, 8192);

ZTEST(kernel_work, test_queue_flags_and_name)
{
	/* Zephyr's public state bits of a queue, read in k_work_q.flags. */
	static struct k_work_q q2;
	struct k_work_queue_config cfg = {.name = NULL, .no_yield = true};

	k_work_queue_init(&q2);
	zexpect_equal(q2.flags, 0);
	zexpect_equal(k_work_queue_drain(&q2, false), 0); /* never started: nothing to drain */
	zexpect_equal(k_work_queue_unplug(&q2), -EALREADY);
	k_work_queue_start(&q2, q2_stack, K_THREAD_STACK_SIZEOF(q2_stack), Q_PRIO, &cfg);
	zexpect_equal(q2.flags, K_WORK_QUEUE_STARTED | K_WORK_QUEUE_NO_YIELD);
	/* No name in the configuration: the thread has none (""), as on Zephyr. */
	zexpect_not_null(k_thread_name_get(&q2.thread));
	zexpect_str_equal(k_thread_name_get(&q2.thread), "");

	reset();
	items[0].block = true;
	zexpect_equal(k_work_submit_to_queue(&q2, &items[0].work), 1);
	k_msleep(1);
	zexpect_equal(q2.flags, K_WORK_QUEUE_STARTED | K_WORK_QUEUE_NO_YIELD | K_WORK_QUEUE_BUSY);
	kz_spawn(0, gate_later, (void *)2, NULL, NULL, 1, 0);
	zexpect_equal(k_work_queue_drain(&q2, true), 1);
	kz_join(1);
	zexpect_equal(q2.flags,
		      K_WORK_QUEUE_STARTED | K_WORK_QUEUE_NO_YIELD | K_WORK_QUEUE_PLUGGED);
	zexpect_equal(k_work_queue_stop(&q2, K_MSEC(10)), 0);
	zexpect_equal(q2.flags & (K_WORK_QUEUE_STARTED | K_WORK_QUEUE_PLUGGED), 0);
	/* The bits are Zephyr's. */
	zexpect_equal(K_WORK_QUEUE_STARTED, BIT(0));
	zexpect_equal(K_WORK_QUEUE_BUSY, BIT(1));
	zexpect_equal(K_WORK_QUEUE_DRAIN, BIT(2));
	zexpect_equal(K_WORK_QUEUE_PLUGGED, BIT(3));
	zexpect_equal(K_WORK_QUEUE_NO_YIELD, BIT(8));
}

static int isr_ret;

static void isr_submit(const void *arg)
{
	isr_ret = k_work_submit((struct k_work *)arg);
}

static void isr_schedule(const void *arg)
{
	isr_ret = k_work_schedule((struct k_work_delayable *)arg, K_MSEC(2));
}

static void timer_submits(struct k_timer *t)
{
	isr_ret = k_work_submit_to_queue(&q, k_timer_user_data_get(t));
}

ZTEST(kernel_work, test_isr_and_timer)
{
	struct k_timer tm;

	reset();
	runs[7] = 0;
	irq_offload(isr_submit, &items[0].work);
	zexpect_equal(isr_ret, 1);
	zexpect_equal(runs[0], 1); /* the cooperative queue ran as the ISR returned */
	irq_offload(isr_schedule, &dw);
	zexpect_equal(isr_ret, 1);
	k_msleep(3);
	zexpect_equal(runs[7], 1);

	k_timer_init(&tm, timer_submits, NULL);
	k_timer_user_data_set(&tm, &items[1].work);
	k_timer_start(&tm, K_MSEC(2), K_MSEC(2));
	k_msleep(9);
	k_timer_stop(&tm);
	k_msleep(1);
	zexpect_equal(runs[1], 4);
	zexpect_equal(isr_ret, 1);
}

static int user_step;

static void user_fn(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	zexpect_true(!k_work_is_pending(p1)); /* inline read: allowed */
	user_step = 1;
	ztest_set_fault_valid(true);
	(void)k_work_submit(p1); /* not a system call on Zephyr */
	user_step = 2;
}

ZTEST(kernel_work, test_user_mode)
{
	reset();
	kz_faults = 0;
	kz_spawn(0, user_fn, &items[0].work, NULL, NULL, 3, K_USER);
	kz_join(1);
	zexpect_equal(user_step, 1);
	zexpect_equal(kz_faults, 1);
	zexpect_equal(runs[0], 0);
}

/* User-mode work queues (k_work_user): started, fed and run in user mode. */
K_THREAD_STACK_DEFINE(uwq_stack, 16384);
static struct k_work_user_q uwq;
static struct k_work_user uw[3];
static struct k_work_user uw_filler;
static int uw_log[8];
static int uw_n;
static bool uw_all_user = true;
static int uw_resubmit_rc = 1;
K_HEAP_DEFINE(uw_pool, 256);

static void uw_handler(struct k_work_user *w)
{
	int id = (int)(w - uw);

	uw_all_user = uw_all_user && k_is_user_context();
	if (uw_n < 8) {
		uw_log[uw_n++] = id;
	}
	if (id == 2 && uw_n == 3) { /* its first run */
		/* Not pending any more while its handler runs: it may be submitted again. */
		uw_resubmit_rc = k_work_user_submit_to_queue(&uwq, w);
	}
}

static K_WORK_USER_DEFINE(uw_static, uw_handler);

static int uw_rc[6];

static void uw_user_fn(void *p1, void *p2, void *p3)
{
	int rc;

	(void)p1;
	(void)p2;
	(void)p3;
	k_work_user_queue_start(&uwq, uwq_stack, K_THREAD_STACK_SIZEOF(uwq_stack), 4, "uwq");
	for (int i = 0; i < 3; i++) {
		k_work_user_init(&uw[i], uw_handler);
		zexpect_false(k_work_user_is_pending(&uw[i]));
		uw_rc[i] = k_work_user_submit_to_queue(&uwq, &uw[i]);
		zexpect_true(k_work_user_is_pending(&uw[i]));
	}
	uw_rc[3] = k_work_user_submit_to_queue(&uwq, &uw[0]); /* pending: runs once */
	k_msleep(1); /* the queue (priority 4) runs */

	/* A submission from user mode takes its link from the caller's resource pool. */
	k_work_user_init(&uw_filler, uw_handler);
	do {
		rc = k_queue_alloc_append(&uwq.queue, &uw_filler); /* not pending: skipped */
	} while (rc == 0);
	zexpect_equal(rc, -ENOMEM);
	uw_rc[4] = k_work_user_submit_to_queue(&uwq, &uw[0]);
	zexpect_false(k_work_user_is_pending(&uw[0]));
	k_msleep(1); /* the queue takes the fillers off (and frees their links) */
	uw_rc[5] = k_work_user_submit_to_queue(&uwq, &uw[1]);
	k_msleep(1);
}

ZTEST(kernel_work, test_user_work_queue)
{
	zexpect_true(uw_static.handler == uw_handler);
	zexpect_equal(uw_static.flags, 0);
	zexpect_false(k_work_user_is_pending(&uw_static));

	k_thread_access_grant(k_current_get(), &uwq.thread, &uwq.queue, uwq_stack);
	kz_spawn(0, uw_user_fn, NULL, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	k_thread_heap_assign(&kz_threads[0], &uw_pool);
	kz_join(1);

	zexpect_equal(uw_rc[0], 0);
	zexpect_equal(uw_rc[1], 0);
	zexpect_equal(uw_rc[2], 0);
	zexpect_equal(uw_rc[3], -EBUSY);
	zexpect_equal(uw_rc[4], -ENOMEM);
	zexpect_equal(uw_rc[5], 0);
	zexpect_equal(uw_resubmit_rc, 0);
	/* In submission order; 2 ran twice (it submitted itself); the fillers never ran. */
	zexpect_equal(uw_n, 5);
	zexpect_equal(uw_log[0], 0);
	zexpect_equal(uw_log[1], 1);
	zexpect_equal(uw_log[2], 2);
	zexpect_equal(uw_log[3], 2);
	zexpect_equal(uw_log[4], 1);
	zexpect_true(uw_all_user);
	zexpect_true(k_work_user_queue_thread_get(&uwq) == &uwq.thread);
	zexpect_true((uwq.thread.base.user_options & K_USER) != 0U);
	zexpect_str_equal(k_thread_name_get(&uwq.thread), "uwq");
}

/* The user work queue every test uses (tests run in name order). */
static void *setup(void)
{
	k_work_queue_init(&q);
	k_work_queue_start(&q, q_stack, K_THREAD_STACK_SIZEOF(q_stack), Q_PRIO, &q_cfg);
	return NULL;
}

ZTEST_SUITE(kernel_work, NULL, setup, NULL, NULL, NULL);
