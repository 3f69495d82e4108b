/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Scheduling and thread life cycle, under virtual time (--no-rt). */
#include <string.h>
#include <zephyr/arch/host/host.h>
#include <zephyr/kernel.h>

#include "rt_test.h"
#include "kswap.h" /* z_swap_unlocked(): Zephyr's kernel tests call it */

#define NT 4
#define STACK 8192
K_THREAD_STACK_ARRAY_DEFINE(stacks, NT, STACK);
static struct k_thread th[NT];
static struct trace tr;

/* ---- K_THREAD_DEFINE: a cooperative one runs before main, a delayed one later ---- */
static int64_t boot_thread_ran_at = -1;
static int64_t delayed_thread_ran_at = -1;
static void boot_entry(void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	CHECK(a == (void *)0x1234);
	boot_thread_ran_at = k_uptime_get();
}
static void delayed_entry(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	delayed_thread_ran_at = k_uptime_get();
}
K_THREAD_DEFINE(boot_thread, 4096, boot_entry, 0x1234, NULL, NULL, -1, 0, 0);
K_THREAD_DEFINE(delayed_thread, 4096, delayed_entry, NULL, NULL, NULL, 5, 0, 20);

static void rec_entry(void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	trace_add(&tr, (int)(intptr_t)a);
}

static k_tid_t spawn(int i, k_thread_entry_t fn, int id, int prio, k_timeout_t delay)
{
	return k_thread_create(&th[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), fn,
			       (void *)(intptr_t)id, NULL, NULL, prio, 0, delay);
}

static void join_all(int n)
{
	for (int i = 0; i < n; i++) {
		CHECK_EQ(k_thread_join(&th[i], K_FOREVER), 0);
	}
}

static void test_static_threads(void)
{
	CHECK_EQ(boot_thread_ran_at, 0);
	CHECK_EQ(delayed_thread_ran_at, -1);
	CHECK(strcmp(k_thread_name_get(boot_thread), "boot_thread") == 0);
	CHECK_EQ(k_thread_join(delayed_thread, K_FOREVER), 0);
	CHECK_EQ(delayed_thread_ran_at, 20);
	CHECK(strcmp(k_thread_name_get(k_current_get()), "main") == 0);
	CHECK_EQ(k_thread_priority_get(k_current_get()), 0);
}

static void test_priority_order(void)
{
	spawn(0, rec_entry, 5, 5, K_NO_WAIT);
	spawn(1, rec_entry, 3, 3, K_NO_WAIT);
	spawn(2, rec_entry, 4, 4, K_NO_WAIT);
	/* All are lower priority than main (0): none ran yet. */
	CHECK_EQ(tr.n, 0);
	join_all(3);
	CHECK_TRACE(&tr, 3, 4, 5);
}

static void test_fifo_equal_priority(void)
{
	spawn(0, rec_entry, 1, 5, K_NO_WAIT);
	spawn(1, rec_entry, 2, 5, K_NO_WAIT);
	spawn(2, rec_entry, 3, 5, K_NO_WAIT);
	join_all(3);
	CHECK_TRACE(&tr, 1, 2, 3);
}

static void test_preempt_on_create(void)
{
	k_thread_priority_set(k_current_get(), 5);
	trace_add(&tr, 0);
	spawn(0, rec_entry, 1, 2, K_NO_WAIT); /* higher: runs at once */
	trace_add(&tr, 2);
	spawn(1, rec_entry, 9, 5, K_NO_WAIT); /* equal: waits for main to block */
	trace_add(&tr, 3);
	join_all(2);
	CHECK_TRACE(&tr, 0, 1, 2, 3, 9);
	k_thread_priority_set(k_current_get(), 0);
}

static void test_coop_not_preempted(void)
{
	k_thread_priority_set(k_current_get(), K_PRIO_COOP(10));
	spawn(0, rec_entry, 1, K_PRIO_COOP(2), K_NO_WAIT); /* higher, but main is cooperative */
	trace_add(&tr, 0);
	k_busy_wait(100); /* a kernel call that would preempt a preemptible thread */
	trace_add(&tr, 2);
	k_yield();
	trace_add(&tr, 3);
	CHECK_TRACE(&tr, 0, 2, 1, 3);
	join_all(1);
	k_thread_priority_set(k_current_get(), 0);
}

/*
 * z_swap_unlocked() (kswap.h) switches where Zephyr's ready-queue cache would: a cooperative
 * caller keeps the CPU even with a higher-priority thread ready (the cache stays on it), and so
 * does a preemptible one holding the scheduler lock; a caller that is not ready gives way.
 */
static void test_swap_unlocked(void)
{
	k_thread_priority_set(k_current_get(), K_PRIO_COOP(10));
	spawn(0, rec_entry, 1, K_PRIO_COOP(2), K_NO_WAIT);
	trace_add(&tr, 0);
	z_swap_unlocked(); /* cooperative: no switch */
	trace_add(&tr, 2);
	k_yield(); /* an explicit yield lets the higher one run */
	trace_add(&tr, 3);
	join_all(1);
	CHECK_TRACE(&tr, 0, 2, 1, 3);

	tr.n = 0;
	k_thread_priority_set(k_current_get(), K_PRIO_PREEMPT(5));
	k_sched_lock();
	spawn(0, rec_entry, 4, K_PRIO_PREEMPT(2), K_NO_WAIT);
	z_swap_unlocked(); /* the scheduler lock holds it */
	trace_add(&tr, 5);
	k_sched_unlock(); /* a preemption point: the higher thread runs now */
	trace_add(&tr, 6);
	join_all(1);
	CHECK_TRACE(&tr, 5, 4, 6);
	k_thread_priority_set(k_current_get(), 0);
}

static void yield_entry(void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	for (int i = 0; i < 3; i++) {
		trace_add(&tr, (int)(intptr_t)a);
		k_yield();
	}
}

static void test_yield_round_robin(void)
{
	spawn(0, yield_entry, 1, 5, K_NO_WAIT);
	spawn(1, yield_entry, 2, 5, K_NO_WAIT);
	/* Yield never gives the CPU to a lower priority thread. */
	k_yield();
	CHECK_EQ(tr.n, 0);
	join_all(2);
	CHECK_TRACE(&tr, 1, 2, 1, 2, 1, 2);
}

static void test_priority_set_preempts(void)
{
	spawn(0, rec_entry, 1, 3, K_NO_WAIT);
	trace_add(&tr, 0);
	k_thread_priority_set(k_current_get(), 4); /* now below the ready thread */
	trace_add(&tr, 2);
	CHECK_TRACE(&tr, 0, 1, 2);
	k_thread_priority_set(k_current_get(), 0);
	join_all(1);
}

static void test_sleep_virtual_time(void)
{
	int64_t t0 = k_uptime_get();

	CHECK_EQ(k_msleep(100), 0);
	CHECK_EQ(k_uptime_get() - t0, 100);
	t0 = k_uptime_ticks();
	CHECK_EQ(k_sleep(K_TICKS(7)), 0);
	CHECK_EQ(k_uptime_ticks() - t0, 7);
	t0 = k_uptime_ticks();
	CHECK_EQ(k_usleep(1), 0); /* at least one tick */
	CHECK_EQ(k_uptime_ticks() - t0, 1);
	t0 = k_uptime_get();
	CHECK_EQ(k_sleep(K_SECONDS(2)), 0);
	CHECK_EQ(k_uptime_get() - t0, 2000);
	/* k_busy_wait moves virtual time exactly, and a sleep starts at the next tick. */
	t0 = k_cycle_get_64();
	k_busy_wait(250);
	CHECK_EQ(k_cycle_get_64() - (uint64_t)t0, 250000);
	CHECK_EQ(k_sleep(K_NO_WAIT), 0);
}

static int32_t wakeup_left;
static void sleeper_entry(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	wakeup_left = k_msleep(1000);
}

static void test_wakeup(void)
{
	int64_t t0 = k_uptime_get();

	spawn(0, sleeper_entry, 0, 1, K_NO_WAIT);
	k_msleep(300);
	k_wakeup(&th[0]);
	join_all(1);
	CHECK_EQ(wakeup_left, 700);
	CHECK_EQ(k_uptime_get() - t0, 300);
	/* Waking a thread that does not sleep does nothing. */
	k_wakeup(k_current_get());
}

static int32_t forever_ret;
static void sleep_forever_entry(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	forever_ret = k_sleep(K_FOREVER);
}

/* k_sleep(K_FOREVER) suspends its caller, as on Zephyr, and k_wakeup() ends it, returning
 * K_TICKS_FOREVER (Zephyr's tests/kernel/sleep test_sleep_forever); it stayed asleep before. */
static void test_wakeup_forever(void)
{
	forever_ret = 0;
	spawn(0, sleep_forever_entry, 0, 1, K_NO_WAIT);
	k_msleep(10);
	CHECK((th[0].base.thread_state & _THREAD_SUSPENDED) != 0U);
	k_wakeup(&th[0]);
	CHECK_EQ(k_thread_join(&th[0], K_MSEC(100)), 0);
	CHECK_EQ(forever_ret, (int32_t)K_TICKS_FOREVER);
}

static void test_delayed_start(void)
{
	int64_t t0 = k_uptime_get();

	spawn(0, rec_entry, 1, 1, K_MSEC(50));
	spawn(1, rec_entry, 2, 1, K_FOREVER);
	k_msleep(49);
	CHECK_EQ(tr.n, 0);
	k_msleep(2);
	CHECK_TRACE(&tr, 1);
	CHECK_EQ(k_uptime_get() - t0, 51);
	k_msleep(1000);
	CHECK_EQ(tr.n, 0); /* K_FOREVER: never started by itself */
	k_thread_start(&th[1]);
	join_all(2);
	CHECK_TRACE(&tr, 2);
}

static void test_suspend_resume(void)
{
	spawn(0, rec_entry, 1, 1, K_NO_WAIT);
	k_thread_suspend(&th[0]);
	k_msleep(10);
	CHECK_EQ(tr.n, 0);
	CHECK_EQ(k_thread_join(&th[0], K_MSEC(10)), -EAGAIN);
	k_thread_resume(&th[0]);
	k_msleep(1);
	CHECK_TRACE(&tr, 1);
	join_all(1);

	/* Suspending a sleeping thread cancels its sleep (Zephyr's behaviour). */
	spawn(0, sleeper_entry, 0, 1, K_NO_WAIT);
	k_msleep(10);
	k_thread_suspend(&th[0]);
	k_msleep(2000);
	CHECK_EQ(k_thread_join(&th[0], K_NO_WAIT), -EBUSY);
	wakeup_left = -1;
	int64_t t0 = k_uptime_get();

	k_thread_resume(&th[0]);
	join_all(1);
	CHECK_EQ(k_uptime_get(), t0);   /* it did not go back to sleep */
	CHECK_EQ(wakeup_left, 0);       /* its sleep time had passed */
}

static void forever_entry(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	for (;;) {
		k_msleep(10);
		trace_add(&tr, 1);
	}
}

static void self_abort_entry(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	trace_add(&tr, 1);
	k_thread_abort(k_current_get());
	trace_add(&tr, 99);
}

static void test_join_abort(void)
{
	spawn(0, forever_entry, 0, 1, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&th[0], K_NO_WAIT), -EBUSY);
	CHECK_EQ(k_thread_join(&th[0], K_MSEC(25)), -EAGAIN);
	CHECK_TRACE(&tr, 1, 1);
	CHECK_EQ(k_thread_join(k_current_get(), K_FOREVER), -EDEADLK);
	k_thread_abort(&th[0]);
	CHECK_EQ(k_thread_join(&th[0], K_NO_WAIT), 0);
	k_msleep(100);
	CHECK_EQ(tr.n, 0);
	k_thread_abort(&th[0]); /* aborting a dead thread is harmless */

	spawn(0, self_abort_entry, 0, 1, K_NO_WAIT);
	join_all(1);
	CHECK_TRACE(&tr, 1);

	/* A thread object and stack can be reused once the thread ended. */
	for (int i = 0; i < 50; i++) {
		spawn(0, rec_entry, i, 1, K_NO_WAIT);
		join_all(1);
	}
	CHECK_EQ(tr.n, 50);
	tr.n = 0;
}

static struct k_thread *joiner_target;
static int joiner_result;
static void joiner_entry(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	joiner_result = k_thread_join(joiner_target, K_FOREVER);
	trace_add(&tr, 2);
}

static void test_join_wakes_on_abort(void)
{
	joiner_target = spawn(0, forever_entry, 0, 5, K_NO_WAIT);
	spawn(1, joiner_entry, 0, 1, K_NO_WAIT);
	k_msleep(5);
	trace_add(&tr, 1);
	k_thread_abort(&th[0]); /* the joiner (priority 1) is not above main (0): no preemption */
	trace_add(&tr, 3);
	join_all(2);
	CHECK_TRACE(&tr, 1, 3, 2);
	CHECK_EQ(joiner_result, 0);
}

static struct k_sem isr_sem;
static bool isr_flag;
static void isr_fn(const void *arg)
{
	CHECK(arg == &isr_sem);
	isr_flag = k_is_in_isr();
	k_sem_give(&isr_sem);
	trace_add(&tr, 1); /* the woken thread must not run inside the ISR */
}

static void sem_waiter_entry(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	CHECK_EQ(k_sem_take(&isr_sem, K_FOREVER), 0);
	trace_add(&tr, 2);
}

static void test_irq_offload(void)
{
	k_sem_init(&isr_sem, 0, 1);
	CHECK(!k_is_in_isr());
	k_thread_priority_set(k_current_get(), 5);
	spawn(0, sem_waiter_entry, 0, 2, K_NO_WAIT);
	irq_offload(isr_fn, &isr_sem);
	trace_add(&tr, 3);
	CHECK(isr_flag);
	CHECK(!k_is_in_isr());
	CHECK_TRACE(&tr, 1, 2, 3);
	k_thread_priority_set(k_current_get(), 0);
	join_all(1);
}

static void abort_self_isr(const void *arg)
{
	(void)arg;
	k_thread_abort(k_current_get());
	trace_add(&tr, 1); /* the ISR itself completes */
}

static void suspend_self_isr(const void *arg)
{
	(void)arg;
	k_thread_suspend(k_current_get());
	trace_add(&tr, 3);
}

static void isr_victim_entry(void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	if (a == NULL) {
		irq_offload(abort_self_isr, NULL);
		trace_add(&tr, 99); /* never: aborted when the ISR returned */
	} else {
		irq_offload(suspend_self_isr, NULL);
		trace_add(&tr, 4); /* after k_thread_resume */
	}
}

static void test_isr_aborts_or_suspends_current(void)
{
	spawn(0, isr_victim_entry, 0, 1, K_NO_WAIT);
	join_all(1);
	CHECK_TRACE(&tr, 1);
	k_thread_create(&th[0], stacks[0], K_THREAD_STACK_SIZEOF(stacks[0]), isr_victim_entry,
			(void *)1, NULL, NULL, 1, 0, K_NO_WAIT);
	k_msleep(5);
	CHECK_TRACE(&tr, 3);
	k_thread_resume(&th[0]);
	join_all(1);
	CHECK_TRACE(&tr, 4);
}

static void test_sched_lock(void)
{
	CHECK(k_is_preempt_thread());
	CHECK(k_can_yield());
	CHECK(!k_is_pre_kernel());
	k_sched_lock();
	CHECK(!k_is_preempt_thread());
	k_sched_unlock();
	k_thread_priority_set(k_current_get(), 5);
	k_sched_lock();
	spawn(0, rec_entry, 1, 2, K_NO_WAIT); /* higher, but the scheduler is locked */
	trace_add(&tr, 0);
	k_sched_unlock();                     /* now it preempts */
	trace_add(&tr, 2);
	CHECK_TRACE(&tr, 0, 1, 2);
	k_thread_priority_set(k_current_get(), 0);
	join_all(1);
	/* Out-of-range priorities are refused (with an error message). */
	k_thread_priority_set(k_current_get(), K_LOWEST_APPLICATION_THREAD_PRIO + 1);
	CHECK_EQ(k_thread_priority_get(k_current_get()), 0);
	k_thread_priority_set(k_current_get(), K_HIGHEST_THREAD_PRIO - 1);
	CHECK_EQ(k_thread_priority_get(k_current_get()), 0);
}

static void count_cb(const struct k_thread *t, void *data)
{
	(void)t;
	(*(int *)data)++;
}

static void test_foreach_and_names(void)
{
	int n = 0;
	char buf[8];

	k_thread_foreach(count_cb, &n);
	CHECK_EQ(n, 1); /* only main is alive */
	spawn(0, forever_entry, 0, 1, K_FOREVER);
	CHECK_EQ(k_thread_name_set(&th[0], "a-rather-long-thread-name-that-is-cut-at-31"), 0);
	CHECK_EQ(strlen(k_thread_name_get(&th[0])), CONFIG_THREAD_MAX_NAME_LEN - 1);
	CHECK_EQ(k_thread_name_copy(&th[0], buf, sizeof(buf)), -ENOSPC);
	CHECK_EQ(k_thread_name_set(&th[0], "w"), 0);
	CHECK_EQ(k_thread_name_copy(&th[0], buf, sizeof(buf)), 0);
	CHECK(strcmp(buf, "w") == 0);
	n = 0;
	k_thread_foreach(count_cb, &n);
	CHECK_EQ(n, 2);
	k_thread_abort(&th[0]);
	k_thread_custom_data_set(&n);
	CHECK(k_thread_custom_data_get() == &n);
}

/* ---- stack layout and the runtime stack ---- */
static uintptr_t fmt_local_addr;
static char fmt_buf[64];
static void format_on_runtime(void *arg)
{
	char local[512];

	fmt_local_addr = (uintptr_t)local;
	snprintf(local, sizeof(local), "%.1f", *(double *)arg);
	strcpy(fmt_buf, local);
}

static uintptr_t entry_local_addr;
static void stack_entry(void *a, void *b, void *c)
{
	double v = 2.25;
	int local = 0;

	(void)a;
	(void)b;
	(void)c;
	entry_local_addr = (uintptr_t)&local;
	z_host_run_on_runtime_stack(format_on_runtime, &v);
}

K_THREAD_STACK_DEFINE(small_stack, 2048);
static struct k_thread small_thread;

static void test_stack_layout(void)
{
	struct k_thread *t = &small_thread;

	CHECK_EQ((uintptr_t)small_stack % 4096, 0);
	/* The declared size; the object adds a guard page and the page rounding (docs/protection.md). */
	CHECK_EQ(K_THREAD_STACK_SIZEOF(small_stack), 2048);
	CHECK_EQ(sizeof(small_stack), K_THREAD_STACK_LEN(2048));
	k_thread_create(t, small_stack, 2048, stack_entry, NULL, NULL, NULL, 1, 0, K_NO_WAIT);
	/* The declared area ends on the object's page-aligned top. */
	CHECK_EQ(t->stack_info.start, (uintptr_t)small_stack + K_THREAD_STACK_RESERVED + 2048);
	CHECK_EQ(t->stack_info.size, 2048);
	CHECK_EQ(t->stack_info.delta, 0);
	CHECK_EQ(k_thread_join(t, K_FOREVER), 0);
	/* The entry ran on the stack object; the formatting did not. */
	CHECK(entry_local_addr >= t->stack_info.start &&
	      entry_local_addr < t->stack_info.start + t->stack_info.size);
	CHECK(fmt_local_addr < t->stack_info.start ||
	      fmt_local_addr >= t->stack_info.start + t->stack_info.size);
	CHECK(strcmp(fmt_buf, "2.2") == 0 || strcmp(fmt_buf, "2.3") == 0);
}

int main(void)
{
	RUN(test_static_threads);
	RUN(test_priority_order);
	RUN(test_fifo_equal_priority);
	RUN(test_preempt_on_create);
	RUN(test_coop_not_preempted);
	RUN(test_swap_unlocked);
	RUN(test_yield_round_robin);
	RUN(test_priority_set_preempts);
	RUN(test_sleep_virtual_time);
	RUN(test_wakeup);
	RUN(test_wakeup_forever);
	RUN(test_delayed_start);
	RUN(test_suspend_resume);
	RUN(test_join_abort);
	RUN(test_join_wakes_on_abort);
	RUN(test_irq_offload);
	RUN(test_isr_aborts_or_suspends_current);
	RUN(test_sched_lock);
	RUN(test_foreach_and_names);
	RUN(test_stack_layout);
	printf("test_sched: all passed\n");
	return 0;
}
