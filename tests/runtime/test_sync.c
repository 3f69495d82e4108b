/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Semaphores, mutexes (incl. priority inheritance) and spinlocks, under virtual time. */
#include <zephyr/kernel.h>

#include "rt_test.h"

#define NT 4
K_THREAD_STACK_ARRAY_DEFINE(stacks, NT, 8192);
static struct k_thread th[NT];
static struct trace tr;

K_SEM_DEFINE(static_sem, 2, 3);
K_MUTEX_DEFINE(static_mutex);

static k_tid_t spawn(int i, k_thread_entry_t fn, void *arg, int id, int prio)
{
	return k_thread_create(&th[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), fn, arg,
			       (void *)(intptr_t)id, NULL, prio, 0, K_NO_WAIT);
}

static void join_all(int n)
{
	for (int i = 0; i < n; i++) {
		CHECK_EQ(k_thread_join(&th[i], K_FOREVER), 0);
	}
}

static void test_sem_basics(void)
{
	struct k_sem s;
	int64_t t0;

	CHECK_EQ(k_sem_count_get(&static_sem), 2);
	CHECK_EQ(k_sem_take(&static_sem, K_NO_WAIT), 0);
	k_sem_give(&static_sem);
	k_sem_give(&static_sem);
	k_sem_give(&static_sem); /* over the limit: stays at 3 */
	CHECK_EQ(k_sem_count_get(&static_sem), 3);

	CHECK_EQ(k_sem_init(&s, 2, 1), -EINVAL);
	CHECK_EQ(k_sem_init(&s, 0, 0), -EINVAL);
	CHECK_EQ(k_sem_init(&s, 1, 1), 0);
	CHECK_EQ(k_sem_take(&s, K_NO_WAIT), 0);
	CHECK_EQ(k_sem_take(&s, K_NO_WAIT), -EBUSY);
	t0 = k_uptime_get();
	CHECK_EQ(k_sem_take(&s, K_MSEC(30)), -EAGAIN);
	CHECK_EQ(k_uptime_get() - t0, 30);
	k_sem_give(&s);
	k_sem_reset(&s);
	CHECK_EQ(k_sem_count_get(&s), 0);
}

static struct k_sem wsem;
static void sem_taker(void *a, void *b, void *c)
{
	(void)c;
	int r = k_sem_take((struct k_sem *)a, K_FOREVER);

	trace_add(&tr, r == 0 ? (int)(intptr_t)b : -(int)(intptr_t)b);
}

static void test_sem_waiter_order(void)
{
	k_sem_init(&wsem, 0, 10);
	/* Priorities 7, 5, 6, 5: served 5 (first), 5 (second), 6, 7. */
	spawn(0, sem_taker, &wsem, 7, 7);
	spawn(1, sem_taker, &wsem, 51, 5);
	spawn(2, sem_taker, &wsem, 6, 6);
	spawn(3, sem_taker, &wsem, 52, 5);
	k_msleep(1);
	k_thread_priority_set(k_current_get(), 9); /* below every waiter */
	for (int i = 0; i < 4; i++) {
		k_sem_give(&wsem); /* each give runs the woken, higher-priority waiter at once */
	}
	CHECK_TRACE(&tr, 51, 52, 6, 7);
	k_thread_priority_set(k_current_get(), 0);
	join_all(4);

	/* Reset makes waiters fail with -EAGAIN. */
	spawn(0, sem_taker, &wsem, 1, 1);
	k_msleep(1);
	k_sem_reset(&wsem);
	join_all(1);
	CHECK_TRACE(&tr, -1);
}

static void sem_timeout_taker(void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	int64_t t0 = k_uptime_get();
	int r = k_sem_take((struct k_sem *)a, K_MSEC(100));

	trace_add(&tr, r);
	trace_add(&tr, (int)(k_uptime_get() - t0));
}

static void joiner(void *a, void *b, void *c)
{
	(void)c;
	CHECK_EQ(k_thread_join(*(struct k_thread **)a, K_FOREVER), 0);
	trace_add(&tr, (int)(intptr_t)b);
}

static void test_sem_give_before_timeout(void)
{
	k_sem_init(&wsem, 0, 1);
	spawn(0, sem_timeout_taker, &wsem, 0, 1);
	k_msleep(40);
	k_sem_give(&wsem);
	join_all(1);
	CHECK_TRACE(&tr, 0, 40);
	spawn(0, sem_timeout_taker, &wsem, 0, 1);
	join_all(1);
	CHECK_TRACE(&tr, -EAGAIN, 100);
}

static void test_mutex_basics(void)
{
	struct k_mutex m;

	CHECK_EQ(k_mutex_init(&m), 0);
	CHECK_EQ(k_mutex_unlock(&m), -EINVAL);
	CHECK_EQ(k_mutex_lock(&m, K_NO_WAIT), 0);
	CHECK_EQ(k_mutex_lock(&m, K_FOREVER), 0); /* recursive */
	CHECK_EQ(k_mutex_unlock(&m), 0);
	CHECK_EQ(k_mutex_unlock(&m), 0);
	CHECK_EQ(k_mutex_unlock(&m), -EINVAL);
	CHECK_EQ(k_mutex_lock(&static_mutex, K_NO_WAIT), 0);
	CHECK_EQ(k_mutex_unlock(&static_mutex), 0);
}

static struct k_mutex mtx;
static void mutex_holder(void *a, void *b, void *c)
{
	(void)a;
	(void)c;
	CHECK_EQ(k_mutex_lock(&mtx, K_NO_WAIT), 0);
	trace_add(&tr, (int)(intptr_t)b);
	k_msleep(50);
	CHECK_EQ(k_mutex_unlock(&mtx), 0);
}

static void mutex_waiter(void *a, void *b, void *c)
{
	(void)c;
	int64_t t0 = k_uptime_get();
	int r = k_mutex_lock(&mtx, K_MSEC((intptr_t)a));

	trace_add(&tr, r);
	trace_add(&tr, (int)(k_uptime_get() - t0));
	if (r == 0) {
		CHECK_EQ(k_mutex_unlock(&mtx), 0);
	}
	(void)b;
}

static void test_mutex_timeout_and_owner(void)
{
	k_mutex_init(&mtx);
	spawn(0, mutex_holder, NULL, 1, 1);
	k_msleep(1);
	CHECK_EQ(k_mutex_lock(&mtx, K_NO_WAIT), -EBUSY);
	CHECK_EQ(k_mutex_unlock(&mtx), -EPERM);
	spawn(1, mutex_waiter, (void *)10, 0, 2); /* gives up after 10 ms */
	spawn(2, mutex_waiter, (void *)500, 0, 3); /* gets it when the holder unlocks */
	join_all(3);
	CHECK_TRACE(&tr, 1, -EAGAIN, 10, 0, 49);
}

/* Priority inheritance: low holds, high waits: low runs at high's priority, so a medium
 * thread that is ready does not run before low unlocks. */
static int observed_prio;
static void pi_low(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	CHECK_EQ(k_mutex_lock(&mtx, K_FOREVER), 0);
	trace_add(&tr, 1);
	/* Stay runnable for 20 ms: high (t=5) and medium (t=10) wake meanwhile. Each busy wait is
	 * a kernel call where medium would preempt low without inheritance. */
	for (int i = 0; i < 20; i++) {
		k_busy_wait(1000);
	}
	observed_prio = k_thread_priority_get(k_current_get());
	trace_add(&tr, 2);
	CHECK_EQ(k_mutex_unlock(&mtx), 0);
	trace_add(&tr, 5);
}

static void pi_high(void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	k_msleep(5);
	CHECK_EQ(k_mutex_lock(&mtx, K_MSEC((intptr_t)a)), 0);
	trace_add(&tr, 3);
	CHECK_EQ(k_mutex_unlock(&mtx), 0);
}

static void pi_medium(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	k_msleep(10);
	trace_add(&tr, 4);
}

static void test_mutex_priority_inheritance(void)
{
	k_mutex_init(&mtx);
	k_thread_priority_set(k_current_get(), 1);
	spawn(0, pi_low, NULL, 0, 10);
	spawn(1, pi_high, (void *)1000, 0, 3);
	spawn(2, pi_medium, NULL, 0, 6);
	k_thread_priority_set(k_current_get(), 11); /* let them all run first */
	join_all(3);
	k_thread_priority_set(k_current_get(), 0);
	CHECK_EQ(observed_prio, 3);
	CHECK_EQ(k_thread_priority_get(&th[0]), 10);
	CHECK_TRACE(&tr, 1, 2, 3, 4, 5);
}

static void pi_high_gives_up(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	CHECK_EQ(k_mutex_lock(&mtx, K_MSEC(5)), -EAGAIN);
	trace_add(&tr, 7);
}

static void pi_low2(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	CHECK_EQ(k_mutex_lock(&mtx, K_FOREVER), 0);
	k_msleep(2);
	trace_add(&tr, k_thread_priority_get(k_current_get())); /* boosted to 3 */
	k_msleep(20);
	trace_add(&tr, k_thread_priority_get(k_current_get())); /* back to 10 */
	CHECK_EQ(k_mutex_unlock(&mtx), 0);
}

static void test_mutex_inheritance_undone_on_timeout(void)
{
	k_mutex_init(&mtx);
	spawn(0, pi_low2, NULL, 0, 10);
	k_msleep(1);
	spawn(1, pi_high_gives_up, NULL, 0, 3);
	join_all(2);
	CHECK_TRACE(&tr, 3, 7, 10);
}

static void test_abort_pending_waiter(void)
{
	/* An aborted waiter leaves the wait queue: the next give counts up instead. */
	k_sem_init(&wsem, 0, 5);
	spawn(0, sem_taker, &wsem, 1, 1);
	spawn(1, sem_taker, &wsem, 2, 1);
	k_msleep(1);
	k_thread_abort(&th[0]);
	k_sem_give(&wsem); /* wakes the second waiter */
	k_sem_give(&wsem); /* nobody waits: count 1 */
	join_all(2);
	CHECK_TRACE(&tr, 2);
	CHECK_EQ(k_sem_count_get(&wsem), 1);

	/* Several joiners of one thread all wake when it ends. */
	k_sem_init(&wsem, 0, 1);
	spawn(0, sem_taker, &wsem, 9, 1);
	static struct k_thread *target;
	target = &th[0];
	for (int i = 1; i < NT; i++) {
		k_thread_create(&th[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), joiner,
				&target, (void *)(intptr_t)(10 + i), NULL, 2, 0, K_NO_WAIT);
	}
	k_msleep(1);
	k_sem_give(&wsem);
	for (int i = 1; i < NT; i++) {
		CHECK_EQ(k_thread_join(&th[i], K_FOREVER), 0);
	}
	CHECK_TRACE(&tr, 9, 11, 12, 13);
}

static struct k_spinlock lock;
static void test_spinlock(void)
{
	k_spinlock_key_t key = k_spin_lock(&lock);

	CHECK_EQ(lock.locked, 1);
	k_spin_unlock(&lock, key);
	CHECK_EQ(lock.locked, 0);
	K_SPINLOCK(&lock) {
		CHECK_EQ(lock.locked, 1);
	}
	CHECK_EQ(lock.locked, 0);
	unsigned int k = irq_lock();
	irq_unlock(k);
}

int main(void)
{
	RUN(test_sem_basics);
	RUN(test_sem_waiter_order);
	RUN(test_sem_give_before_timeout);
	RUN(test_mutex_basics);
	RUN(test_mutex_timeout_and_owner);
	RUN(test_mutex_priority_inheritance);
	RUN(test_mutex_inheritance_undone_on_timeout);
	RUN(test_abort_pending_waiter);
	RUN(test_spinlock);
	printf("test_sync: all passed\n");
	return 0;
}
