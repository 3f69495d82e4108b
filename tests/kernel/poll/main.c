/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_poll: conditions already true (no wait), each object type waking a poller (semaphore,
 * FIFO, message queue, signal, pipe), several pollers served by priority, cancellation
 * (-EINTR), timeouts, bad events (-EINVAL), registrations removed after every return, ISR
 * raise, and user mode: the kernel's copy of the events comes from the caller's resource pool
 * (-ENOMEM without one; the pool back to its starting figure after every call).
 */
#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

static K_SEM_DEFINE(sem, 0, 1);
static K_FIFO_DEFINE(fifo);
static K_MSGQ_DEFINE(mq, sizeof(int), 2, 4);
static K_PIPE_DEFINE(pipe, 16, 4);
static struct k_poll_signal sig = K_POLL_SIGNAL_INITIALIZER(sig);
K_HEAP_DEFINE(pool, 2048);

struct item {
	void *reserved;
	int v;
};
static struct item item;

static struct k_poll_event events[5];
static int poll_ret[KZ_THREADS];
static int done;

static void init_events(struct k_poll_event *ev)
{
	k_poll_event_init(&ev[0], K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &sem);
	k_poll_event_init(&ev[1], K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &fifo);
	k_poll_event_init(&ev[2], K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &mq);
	k_poll_event_init(&ev[3], K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, &sig);
	k_poll_event_init(&ev[4], K_POLL_TYPE_PIPE_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &pipe);
}

static bool none_registered(void)
{
	return sys_dlist_is_empty(&sem.poll_events) &&
	       sys_dlist_is_empty(&fifo._queue.poll_events) &&
	       sys_dlist_is_empty(&mq.poll_events) && sys_dlist_is_empty(&sig.poll_events) &&
	       sys_dlist_is_empty(&pipe.poll_events);
}

static void before(void *f)
{
	(void)f;
	k_sem_reset(&sem);
	while (k_fifo_get(&fifo, K_NO_WAIT) != NULL) {
	}
	k_msgq_purge(&mq);
	k_pipe_reset(&pipe);
	k_poll_signal_init(&sig);
	init_events(events);
	done = 0;
}

ZTEST_SUITE(kernel_poll, NULL, NULL, before, NULL, NULL);

ZTEST(kernel_poll, test_ready_now_and_timeouts)
{
	/* Zephyr's symbol for k_poll exists (prj.conf sets it, as Zephyr's applications do). */
	zexpect_true(IS_ENABLED(CONFIG_POLL));

	int64_t t0 = k_uptime_ticks();

	zassert_equal(k_poll(events, 5, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_uptime_ticks(), t0);
	zassert_equal(k_poll(events, 5, K_MSEC(10)), -EAGAIN);
	zassert_true(k_uptime_ticks() - t0 >= K_MSEC(10).ticks);
	zassert_true(none_registered());
	for (int i = 0; i < 5; i++) {
		zassert_equal(events[i].state, K_POLL_STATE_NOT_READY);
	}

	k_sem_give(&sem);
	int v = 7;

	zassert_equal(k_msgq_put(&mq, &v, K_NO_WAIT), 0);
	zassert_equal(k_poll(events, 5, K_FOREVER), 0); /* ready: no wait */
	zassert_equal(events[0].state, K_POLL_STATE_SEM_AVAILABLE);
	zassert_equal(events[1].state, K_POLL_STATE_NOT_READY);
	zassert_equal(events[2].state, K_POLL_STATE_MSGQ_DATA_AVAILABLE);
	zassert_true(none_registered());
	/* Notify only: the objects are untouched. */
	zassert_equal(k_sem_count_get(&sem), 1);
	zassert_equal(k_msgq_num_used_get(&mq), 1);

	/* Ignored events and no events. */
	struct k_poll_event ign =
	    K_POLL_EVENT_INITIALIZER(K_POLL_TYPE_IGNORE, K_POLL_MODE_NOTIFY_ONLY, NULL);

	zassert_equal(k_poll(&ign, 1, K_NO_WAIT), -EAGAIN);
	zassert_equal(k_poll(events, 0, K_MSEC(1)), -EAGAIN);
	zassert_equal(k_poll(events, -1, K_NO_WAIT), -EINVAL);
	struct k_poll_event bad = K_POLL_EVENT_INITIALIZER(0x20, K_POLL_MODE_NOTIFY_ONLY, &sem);

	zassert_equal(k_poll(&bad, 1, K_NO_WAIT), -EINVAL);
}

static void poller(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p1;

	(void)p2;
	(void)p3;
	poll_ret[idx] = k_poll(p2 != NULL ? p2 : events, p2 != NULL ? 1 : 5, K_MSEC(500));
	done++;
}

ZTEST(kernel_poll, test_each_object_wakes)
{
	int v = 1;
	uint8_t byte = 9;

	for (int which = 0; which < 5; which++) {
		before(NULL);
		kz_spawn(0, poller, (void *)0, NULL, NULL, 3, 0);
		k_msleep(1);
		zassert_equal(done, 0);
		zassert_false(none_registered());
		switch (which) {
		case 0:
			k_sem_give(&sem);
			break;
		case 1:
			k_fifo_put(&fifo, &item);
			break;
		case 2:
			zassert_equal(k_msgq_put(&mq, &v, K_NO_WAIT), 0);
			break;
		case 3:
			zassert_equal(k_poll_signal_raise(&sig, 42), 0);
			break;
		default:
			zassert_equal(k_pipe_write(&pipe, &byte, 1, K_NO_WAIT), 1);
			break;
		}
		kz_join(1);
		zassert_equal(poll_ret[0], 0, "object %d", which);
		zassert_not_equal(events[which].state, K_POLL_STATE_NOT_READY, "object %d", which);
		zassert_true(none_registered(), "object %d", which);
	}
	unsigned int signaled;
	int result;

	k_poll_signal_check(&sig, &signaled, &result);
	zassert_equal(signaled, 0); /* the last round's before() initialized it */
	zassert_equal(k_poll_signal_raise(&sig, 42), 0);
	k_poll_signal_check(&sig, &signaled, &result);
	zassert_equal(signaled, 1);
	zassert_equal(result, 42);
	k_poll_signal_reset(&sig);
	k_poll_signal_check(&sig, &signaled, &result);
	zassert_equal(signaled, 0);
}

ZTEST(kernel_poll, test_pollers_by_priority)
{
	static struct k_poll_event e1[1], e2[1];

	k_poll_event_init(&e1[0], K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, &sig);
	k_poll_event_init(&e2[0], K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, &sig);
	kz_spawn(0, poller, (void *)0, e1, NULL, 5, 0);
	kz_spawn(1, poller, (void *)1, e2, NULL, 3, 0);
	k_msleep(1);
	k_poll_signal_raise(&sig, 1); /* the first poller, by priority: thread 1 */
	k_msleep(1);
	zassert_equal(done, 1);
	zassert_equal(e2[0].state, K_POLL_STATE_SIGNALED);
	zassert_equal(e1[0].state, K_POLL_STATE_NOT_READY);
	kz_join(2); /* thread 0 times out */
	zassert_equal(poll_ret[0], -EAGAIN);
	zassert_true(none_registered());
}

ZTEST(kernel_poll, test_cancel)
{
	kz_spawn(0, poller, (void *)0, NULL, NULL, 3, 0);
	k_msleep(1);
	k_fifo_cancel_wait(&fifo);
	kz_join(1);
	zassert_equal(poll_ret[0], -EINTR);
	zassert_equal(events[1].state, K_POLL_STATE_CANCELLED);
	zassert_true(none_registered());
}

static void isr_raise(const void *arg)
{
	(void)arg;
	k_poll_signal_raise(&sig, 5);
}

ZTEST(kernel_poll, test_isr)
{
	kz_spawn(0, poller, (void *)0, NULL, NULL, -1, 0);
	k_msleep(1);
	irq_offload(isr_raise, NULL);
	zassert_equal(done, 1);
	zassert_equal(poll_ret[0], 0);
	zassert_equal(events[3].state, K_POLL_STATE_SIGNALED);
	kz_join(1);
}

static void user_poller(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	poll_ret[0] = k_poll(events, 5, K_MSEC(100));
	poll_ret[1] = (int)kz_allocated(p1); /* the copy is held while waiting: checked below */
	done++;
}

ZTEST(kernel_poll, test_user_mode_allocation)
{
	struct k_thread *self = k_current_get();
	struct k_heap *saved = self->resource_pool;

	k_thread_heap_assign(self, NULL);
	/* As on Zephyr, a user thread polls only objects it was granted. */
	k_thread_access_grant(self, &sem, &fifo, &mq, &sig, &pipe);
	kz_spawn(0, user_poller, &pool, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(1);
	zassert_equal(poll_ret[0], -ENOMEM); /* no pool: no kernel copy */
	zassert_true(none_registered());

	k_thread_heap_assign(self, &pool);
	size_t start = kz_allocated(&pool);

	done = 0;
	kz_spawn(0, user_poller, &pool, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	k_msleep(1);
	zassert_true(kz_allocated(&pool) >= start + 5 * sizeof(struct k_poll_event));
	k_sem_give(&sem);
	kz_join(1);
	zassert_equal(poll_ret[0], 0);
	zassert_equal(events[0].state, K_POLL_STATE_SEM_AVAILABLE); /* copied back */
	zassert_equal(kz_allocated(&pool), start);
	zassert_true(none_registered());
	k_thread_heap_assign(self, saved);
}

/* A user thread's k_sem_give signals a supervisor poller whose events (and wait record) are on
 * its own stack, closed to the user thread: the kernel updates them with the supervisor view,
 * as Zephyr's does. */
static void stack_poller(void *p1, void *p2, void *p3)
{
	struct k_poll_event ev;

	(void)p1;
	(void)p2;
	(void)p3;
	k_poll_event_init(&ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, &sem);
	poll_ret[0] = k_poll(&ev, 1, K_FOREVER);
	poll_ret[1] = (int)ev.state;
	done++;
}

static void user_giver(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_sem_give(&sem);
}

ZTEST(kernel_poll, test_user_signals_supervisor_poller)
{
	kz_faults = 0;
	kz_spawn(0, stack_poller, NULL, NULL, NULL, 3, 0);
	k_msleep(1);
	k_object_access_grant(&sem, k_current_get());
	kz_spawn(1, user_giver, NULL, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(2);
	zassert_equal(kz_faults, 0, "the user thread faulted on the poller's stack");
	zassert_equal(poll_ret[0], 0);
	zassert_equal(poll_ret[1], K_POLL_STATE_SEM_AVAILABLE);
}
