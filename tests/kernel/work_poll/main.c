/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Triggered work (k_work_poll): submitted when one of its poll events holds, at exact virtual
 * times (--no-rt); poll_result 0 or -EAGAIN (timeout, K_NO_WAIT); events already holding at
 * submission; cancel and its return codes; -EADDRINUSE on another queue; resubmission from
 * the handler; a semaphore's event. Work queues run in the caller's thread
 * (k_work_queue_run) and stopped; an essential queue cannot be stopped (-ENOTSUP); a handler
 * running past its queue's work_timeout_ms ends the queue's thread
 * (CONFIG_WORKQUEUE_WORK_TIMEOUT).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#define Q_PRIO 5
K_THREAD_STACK_DEFINE(q_stack, 16384);
K_THREAD_STACK_DEFINE(q2_stack, 16384);
static struct k_work_q q, q2;

struct item {
	struct k_work_poll work;
	struct k_poll_signal sig;
	struct k_poll_event ev;
	int runs;
	int result;
	int64_t ran_at;
	k_tid_t ran_on;
	bool resubmit;
};

static struct item it[3];

static void handler(struct k_work *work)
{
	struct k_work_poll *pw = CONTAINER_OF(work, struct k_work_poll, work);
	struct item *i = CONTAINER_OF(pw, struct item, work);

	i->runs++;
	i->result = pw->poll_result;
	i->ran_at = k_uptime_ticks();
	i->ran_on = k_current_get();
	if (i->resubmit) {
		i->resubmit = false;
		k_poll_signal_reset(&i->sig);
		zexpect_equal(k_work_poll_submit_to_queue(&q, pw, &i->ev, 1, K_FOREVER), 0);
	}
}

static void reset(void)
{
	for (int n = 0; n < 3; n++) {
		memset(&it[n], 0, sizeof(it[n]));
		k_work_poll_init(&it[n].work, handler);
		k_poll_signal_init(&it[n].sig);
		k_poll_event_init(&it[n].ev, K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY,
				  &it[n].sig);
		it[n].result = 1;
	}
}

ZTEST(work_poll, test_signal_submits)
{
	reset();
	k_usleep(1);
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_work_poll_submit_to_queue(&q, &it[0].work, &it[0].ev, 1, K_FOREVER), 0);
	zexpect_equal(it[0].work.poll_result, -EINPROGRESS);
	k_msleep(5);
	zexpect_equal(it[0].runs, 0); /* nothing holds: it waits */
	zexpect_equal(k_poll_signal_raise(&it[0].sig, 7), 0);
	k_msleep(1);
	zexpect_equal(it[0].runs, 1);
	zexpect_equal(it[0].result, 0);
	zexpect_equal(it[0].ran_at, t0 + K_MSEC(5).ticks); /* as soon as the signal came */
	zexpect_true(it[0].ran_on == k_work_queue_thread_get(&q));
	zexpect_true((it[0].ev.state & K_POLL_STATE_SIGNALED) != 0U);
	/* Done: a second raise does nothing. */
	k_poll_signal_reset(&it[0].sig);
	zexpect_equal(k_poll_signal_raise(&it[0].sig, 1), 0);
	k_msleep(1);
	zexpect_equal(it[0].runs, 1);
}

ZTEST(work_poll, test_already_holds_and_no_wait)
{
	reset();
	/* Raised before the submission: submitted at once, result 0. */
	k_poll_signal_raise(&it[0].sig, 1);
	zassert_equal(k_work_poll_submit_to_queue(&q, &it[0].work, &it[0].ev, 1, K_FOREVER), 0);
	/* K_NO_WAIT and nothing holds: submitted at once, result -EAGAIN. */
	zassert_equal(k_work_poll_submit_to_queue(&q, &it[1].work, &it[1].ev, 1, K_NO_WAIT), 0);
	k_msleep(1);
	zexpect_equal(it[0].runs, 1);
	zexpect_equal(it[0].result, 0);
	zexpect_equal(it[1].runs, 1);
	zexpect_equal(it[1].result, -EAGAIN);
}

ZTEST(work_poll, test_timeout)
{
	reset();
	k_usleep(1);
	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_work_poll_submit_to_queue(&q, &it[0].work, &it[0].ev, 1, K_MSEC(20)), 0);
	k_msleep(19);
	zexpect_equal(it[0].runs, 0);
	k_msleep(2);
	zexpect_equal(it[0].runs, 1);
	zexpect_equal(it[0].result, -EAGAIN);
	zexpect_equal(it[0].ran_at, t0 + K_MSEC(20).ticks);
	/* The signal after the timeout does not run it again. */
	k_poll_signal_raise(&it[0].sig, 1);
	k_msleep(1);
	zexpect_equal(it[0].runs, 1);
	/* A signal before the timeout cancels it. */
	k_poll_signal_reset(&it[1].sig);
	zassert_equal(k_work_poll_submit_to_queue(&q, &it[1].work, &it[1].ev, 1, K_MSEC(20)), 0);
	k_msleep(3);
	k_poll_signal_raise(&it[1].sig, 1);
	k_msleep(30);
	zexpect_equal(it[1].runs, 1);
	zexpect_equal(it[1].result, 0);
}

ZTEST(work_poll, test_cancel_and_queues)
{
	reset();
	zexpect_equal(k_work_poll_cancel(NULL), -EINVAL);
	zexpect_equal(k_work_poll_cancel(&it[0].work), -EINVAL); /* never submitted */
	zassert_equal(k_work_poll_submit_to_queue(&q, &it[0].work, &it[0].ev, 1, K_MSEC(10)), 0);
	/* Waiting on q: another queue is refused, the same one resubmits. */
	zexpect_equal(k_work_poll_submit_to_queue(&q2, &it[0].work, &it[0].ev, 1, K_FOREVER),
		      -EADDRINUSE);
	zexpect_equal(k_work_poll_submit_to_queue(&q, &it[0].work, &it[0].ev, 1, K_FOREVER), 0);
	zexpect_equal(k_work_poll_cancel(&it[0].work), 0);
	zexpect_equal(k_work_poll_cancel(&it[0].work), -EINVAL);
	k_poll_signal_raise(&it[0].sig, 1);
	k_msleep(20); /* neither the signal nor the first timeout runs it */
	zexpect_equal(it[0].runs, 0);
	/* Free again: another queue takes it. */
	zassert_equal(k_work_poll_submit_to_queue(&q2, &it[0].work, &it[0].ev, 1, K_FOREVER), 0);
	k_msleep(1);
	zexpect_equal(it[0].runs, 1);
	zexpect_true(it[0].ran_on == k_work_queue_thread_get(&q2));
	/* Queued but not yet run: too late to cancel. */
	k_poll_signal_reset(&it[1].sig);
	k_poll_signal_raise(&it[1].sig, 1);
	zassert_equal(k_work_poll_submit_to_queue(&q, &it[1].work, &it[1].ev, 1, K_FOREVER), 0);
	zexpect_equal(k_work_poll_cancel(&it[1].work), -EINVAL);
	k_msleep(1);
	zexpect_equal(it[1].runs, 1);
}

ZTEST(work_poll, test_resubmit_and_sem)
{
	struct k_sem sem;
	struct k_poll_event sev;

	reset();
	it[0].resubmit = true;
	zassert_equal(k_work_poll_submit_to_queue(&q, &it[0].work, &it[0].ev, 1, K_FOREVER), 0);
	k_poll_signal_raise(&it[0].sig, 1);
	k_msleep(1);
	zexpect_equal(it[0].runs, 1); /* submitted itself again from the handler */
	k_poll_signal_raise(&it[0].sig, 1);
	k_msleep(1);
	zexpect_equal(it[0].runs, 2);

	/* A semaphore's event: the give submits it (the count stays for the handler). */
	k_sem_init(&sem, 0, 1);
	k_poll_event_init(&sev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &sem);
	zassert_equal(k_work_poll_submit_to_queue(&q, &it[1].work, &sev, 1, K_FOREVER), 0);
	k_sem_give(&sem);
	k_msleep(1);
	zexpect_equal(it[1].runs, 1);
	zexpect_equal(it[1].result, 0);
	zexpect_equal(k_sem_count_get(&sem), 1);
}

/* ---- k_work_queue_run, stop, essential queues, work timeout ---- */

static struct k_work_q runq;
static int run_returned;
static int plain_runs;

static void plain_handler(struct k_work *w)
{
	(void)w;
	plain_runs++;
}

static void runner(void *p1, void *p2, void *p3)
{
	struct k_work_queue_config cfg = {.name = "runq", .no_yield = true};

	(void)p1;
	(void)p2;
	(void)p3;
	k_work_queue_run(&runq, &cfg); /* returns when the queue is stopped */
	run_returned = 1;
}

K_THREAD_STACK_DEFINE(run_stack, 16384);
static struct k_thread run_thread;

ZTEST(work_poll, test_queue_run_and_stop)
{
	struct k_work w;

	plain_runs = 0;
	k_thread_create(&run_thread, run_stack, K_THREAD_STACK_SIZEOF(run_stack), runner, NULL,
			NULL, NULL, 3, 0, K_NO_WAIT);
	k_msleep(1);
	zexpect_true(k_work_queue_thread_get(&runq) == &run_thread);
	zexpect_true(runq.thread_id == &run_thread);
	zexpect_str_equal(k_thread_name_get(&run_thread), "runq");
	k_work_init(&w, plain_handler);
	zexpect_equal(k_work_submit_to_queue(&runq, &w), 1);
	k_msleep(1);
	zexpect_equal(plain_runs, 1);
	zexpect_equal(k_work_queue_stop(&runq, K_FOREVER), -EBUSY); /* not plugged */
	zexpect_true(k_work_queue_drain(&runq, true) >= 0);
	zexpect_equal(k_work_queue_stop(&runq, K_FOREVER), 0);
	zexpect_equal(run_returned, 1); /* the caller got its thread back, then ended */
	zexpect_equal(k_work_submit_to_queue(&runq, &w), -ENODEV);
}

K_THREAD_STACK_DEFINE(ess_stack, 16384);

ZTEST(work_poll, test_essential_queue_not_stopped)
{
	static struct k_work_q ess;
	struct k_work_queue_config cfg = {.name = "ess", .essential = true};

	k_work_queue_start(&ess, ess_stack, K_THREAD_STACK_SIZEOF(ess_stack), Q_PRIO, &cfg);
	zexpect_true(k_work_queue_drain(&ess, true) >= 0);
	zexpect_equal(k_work_queue_stop(&ess, K_FOREVER), -ENOTSUP);
	zexpect_equal(k_work_queue_unplug(&ess), 0);
	/* Stopping the system work queue is refused the same way. */
	struct k_work w;

	k_work_init(&w, plain_handler);
	zexpect_equal(k_work_submit(&w), 1);
	zexpect_true(k_work_queue_drain(&k_sys_work_q, true) >= 0);
	zexpect_equal(k_work_queue_stop(&k_sys_work_q, K_FOREVER), -ENOTSUP);
	zexpect_equal(k_work_queue_unplug(&k_sys_work_q), 0);
}

K_THREAD_STACK_DEFINE(to_stack, 16384);

static void slow_handler(struct k_work *w)
{
	(void)w;
	k_msleep(30);
}

static void stuck_handler(struct k_work *w)
{
	(void)w;
	k_sleep(K_FOREVER);
}

ZTEST(work_poll, test_work_timeout)
{
	static struct k_work_q toq;
	struct k_work_queue_config cfg = {.name = "toq", .work_timeout_ms = 50};
	struct k_work a, b, stuck;

	k_work_queue_start(&toq, to_stack, K_THREAD_STACK_SIZEOF(to_stack), Q_PRIO, &cfg);
	k_work_init(&a, slow_handler);
	k_work_init(&b, slow_handler);
	k_work_init(&stuck, stuck_handler);
	/* Each handler under the limit: 60 ms of work in all, the thread lives on. */
	zexpect_equal(k_work_submit_to_queue(&toq, &a), 1);
	zexpect_equal(k_work_submit_to_queue(&toq, &b), 1);
	zexpect_equal(k_thread_join(toq.thread_id, K_MSEC(100)), -EAGAIN);
	/* One past it: the queue's thread is ended 50 ms after the handler started. */
	k_usleep(1);
	int64_t t0 = k_uptime_ticks();

	zexpect_equal(k_work_submit_to_queue(&toq, &stuck), 1);
	zexpect_equal(k_thread_join(toq.thread_id, K_MSEC(200)), 0);
	zexpect_equal(k_uptime_ticks() - t0, K_MSEC(50).ticks);
}

static void *setup(void)
{
	struct k_work_queue_config cfg = {.name = "q"};

	k_work_queue_start(&q, q_stack, K_THREAD_STACK_SIZEOF(q_stack), Q_PRIO, &cfg);
	k_work_queue_start(&q2, q2_stack, K_THREAD_STACK_SIZEOF(q2_stack), Q_PRIO, NULL);
	return NULL;
}

ZTEST_SUITE(work_poll, NULL, setup, NULL, NULL, NULL);
