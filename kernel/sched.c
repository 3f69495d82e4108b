/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The scheduler: ready queue, wait queues, pending with timeouts, rescheduling.
 *
 * Exactly one k_thread runs at a time, so kernel state needs no host lock: it is only touched
 * by the running thread (the handoff in arch/host orders memory). The running thread is not
 * in the ready queue; it is put back when preempted or yielding.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kswap.h"

LOG_MODULE_DECLARE(os, CONFIG_LOG_DEFAULT_LEVEL);

struct k_thread *_current_thread;

/* Ready threads, by priority then arrival. */
static sys_dlist_t ready_q = SYS_DLIST_STATIC_INIT(&ready_q);

/* Interrupt lock nesting of the running thread and "interrupt" nesting (irq_offload). */
static unsigned int irq_nesting;
static unsigned int isr_nesting;

unsigned int irq_lock(void)
{
	return irq_nesting++;
}

void irq_unlock(unsigned int key)
{
	irq_nesting = key;
}

bool k_is_in_isr(void)
{
	return isr_nesting > 0U;
}

/* Insert @p t into @p list: after every thread of priority <= its own (FIFO among equals),
 * or, with @p ahead, before threads of its own priority (a preempted thread keeps its turn). */
static void prio_insert(sys_dlist_t *list, struct k_thread *t, bool ahead)
{
	sys_dnode_t *node;

	SYS_DLIST_FOR_EACH_NODE(list, node) {
		struct k_thread *other = CONTAINER_OF(node, struct k_thread, base.qnode_dlist);

		if (other->base.prio > t->base.prio || (ahead && other->base.prio == t->base.prio)) {
			sys_dlist_insert(node, &t->base.qnode_dlist);
			return;
		}
	}
	sys_dlist_append(list, &t->base.qnode_dlist);
}

static void queue_ready(struct k_thread *t, bool ahead)
{
	if ((t->base.thread_state & _THREAD_QUEUED) == 0U) {
		prio_insert(&ready_q, t, ahead);
		t->base.thread_state |= _THREAD_QUEUED;
	}
}

static void dequeue_ready(struct k_thread *t)
{
	if ((t->base.thread_state & _THREAD_QUEUED) != 0U) {
		sys_dlist_remove(&t->base.qnode_dlist);
		t->base.thread_state &= ~_THREAD_QUEUED;
	}
}

void z_ready_thread(struct k_thread *thread)
{
	if (z_is_thread_ready(thread)) {
		queue_ready(thread, false);
	}
}

/* Remove @p t from every scheduler queue (before it ends). */
void z_sched_forget(struct k_thread *t)
{
	dequeue_ready(t);
	if (t->base.pended_on != NULL) {
		sys_dlist_remove(&t->base.qnode_dlist);
		t->base.pended_on = NULL;
	}
	(void)z_abort_timeout(&t->base.timeout);
}

struct k_thread *z_waitq_head(_wait_q_t *w)
{
	sys_dnode_t *node = sys_dlist_peek_head(&w->waitq);

	return node == NULL ? NULL : CONTAINER_OF(node, struct k_thread, base.qnode_dlist);
}

void z_unpend_thread(struct k_thread *thread)
{
	if (thread->base.pended_on != NULL) {
		sys_dlist_remove(&thread->base.qnode_dlist);
		thread->base.pended_on = NULL;
	}
	thread->base.thread_state &= ~_THREAD_PENDING;
	thread->base.pend_desc = NULL;
	(void)z_abort_timeout(&thread->base.timeout);
}

struct k_thread *z_unpend_first_thread(_wait_q_t *wq)
{
	struct k_thread *t = z_waitq_head(wq);

	if (t != NULL) {
		z_unpend_thread(t);
		t->base.swap_retval = 0;
	}
	return t;
}

bool z_unpend_all(_wait_q_t *wq)
{
	struct k_thread *t;
	bool any = false;

	while ((t = z_unpend_first_thread(wq)) != NULL) {
		z_ready_thread(t);
		any = true;
	}
	return any;
}

void z_thread_return_value_set_with_data(struct k_thread *thread, int value, void *data)
{
	thread->base.swap_retval = value;
	thread->base.swap_data = data;
}

void z_thread_priority_set_internal(struct k_thread *thread, int prio)
{
	if (thread->base.prio == prio) {
		return;
	}
	thread->base.prio = prio;
	if ((thread->base.thread_state & _THREAD_QUEUED) != 0U) {
		dequeue_ready(thread);
		queue_ready(thread, false);
	} else if (thread->base.pended_on != NULL) {
		_wait_q_t *wq = thread->base.pended_on;

		sys_dlist_remove(&thread->base.qnode_dlist);
		prio_insert(&wq->waitq, thread, false);
	}
}

/* A timeout of a thread expired: it was sleeping, pending, or waiting to start. */
static void thread_timeout_expired(struct _timeout *to)
{
	struct k_thread *t = CONTAINER_OF(to, struct k_thread, base.timeout);

	if (z_is_thread_pending(t)) {
		z_unpend_thread(t);
		t->base.swap_retval = -EAGAIN;
	}
	t->base.thread_state &= ~(_THREAD_SLEEPING | _THREAD_PRESTART);
	z_ready_thread(t);
}

void z_thread_timeout_add(struct k_thread *t, k_timeout_t timeout)
{
	z_add_timeout(&t->base.timeout, thread_timeout_expired, timeout);
}

/*
 * End @p t's timed state @p state before its timeout: _THREAD_SLEEPING for k_wakeup(),
 * _THREAD_PRESTART for k_thread_start(). Nothing when @p t is not in that state; otherwise the
 * timeout z_thread_timeout_add() armed is cancelled, the state cleared, and @p t made ready and
 * given the CPU if it should have it.
 */
void z_thread_end_timed_state(struct k_thread *t, uint32_t state)
{
	if ((t->base.thread_state & state) == 0U) {
		return;
	}
	(void)z_abort_timeout(&t->base.timeout);
	t->base.thread_state &= ~state;
	z_ready_thread(t);
	z_reschedule_unlocked();
}

#ifdef CONFIG_TIMESLICING
/*
 * Time slicing, with Zephyr's rules: the running thread gets a slice when it is switched in
 * (its length from slice_size()); the slice's end is an ordinary timeout that only marks the
 * slice as used up, because a timeout runs in interrupt context where no thread can be moved
 * off the CPU. The next scheduling point of the running thread (z_reschedule_unlocked(), which
 * k_busy_wait() calls at each timeout's deadline and most kernel calls reach) ends the slice:
 * the per-thread callback runs, the thread goes to the back of its priority and the head of the
 * ready queue runs. That is where Zephyr's timer interrupt ends it (z_time_slice() after the
 * tick's timeouts), except that the host has no interrupt to stop a thread that never enters
 * the kernel.
 */
static int32_t slice_ticks_all =
	(int32_t)(((uint64_t)CONFIG_TIMESLICE_SIZE * CONFIG_SYS_CLOCK_TICKS_PER_SEC + 999U) / 1000U);
static int slice_max_prio = CONFIG_TIMESLICE_PRIORITY;
static struct _timeout slice_timeout;
static bool slice_expired;

/* Ticks of slice @p t gets when switched in; 0: it is not sliced. */
static int32_t slice_size(const struct k_thread *t)
{
	if (!z_is_thread_ready(t)) {
		return 0;
	}
#ifdef CONFIG_TIMESLICE_PER_THREAD
	/* A slice of its own applies at any priority, as on Zephyr. */
	if (t->base.slice_ticks > 0) {
		return t->base.slice_ticks;
	}
#endif
	if (slice_ticks_all <= 0 || z_is_coop_prio(t->base.prio) || t->base.sched_locked > 0U ||
	    t->base.prio < slice_max_prio) {
		return 0;
	}
	return slice_ticks_all;
}

static void slice_timeout_expired(struct _timeout *to)
{
	(void)to;
	slice_expired = true;
}

/*
 * Start a new slice for @p t, the thread that runs (or is about to). The slice ends @p size
 * ticks after the current tick began, as Zephyr counts it (its timeout of size - 1 ticks plus
 * the tick in progress), so a thread switched in on a tick boundary runs exactly size ticks.
 */
static void slice_reset(struct k_thread *t)
{
	int32_t size = (t == NULL) ? 0 : slice_size(t);

	(void)z_abort_timeout(&slice_timeout);
	slice_expired = false;
	if (size > 0) {
		z_add_timeout_abs(&slice_timeout, slice_timeout_expired, z_host_now_ticks() + size);
	}
}

#ifdef CONFIG_TIMESLICE_PER_THREAD
/* Run the per-thread callback as an interrupt handler would (z_run_as_isr() takes one pointer). */
static void slice_cb_isr(void *arg)
{
	struct k_thread *t = arg;

	t->base.slice_expired(t, t->base.slice_data);
}
#endif

/*
 * The running thread's slice has been used up: true when the caller must switch away (the
 * thread was put at the back of its priority, or the callback made it unready). The slice
 * restarts either way, as the timer interrupt restarts it on Zephyr; a switch to another thread
 * restarts it again for that one.
 */
static bool slice_end(void)
{
	struct k_thread *cur = _current;
	sys_dnode_t *node;

	if (!slice_expired) {
		return false;
	}
	if (slice_size(cur) == 0) {
		/* Locked or made cooperative meanwhile: the slice ends at the first scheduling point
		 * where it is sliceable again (Zephyr: the first timer interrupt after that). */
		return false;
	}
#ifdef CONFIG_TIMESLICE_PER_THREAD
	if (cur->base.slice_ticks > 0 && cur->base.slice_expired != NULL) {
		z_run_as_isr(slice_cb_isr, cur);
	}
#endif
	slice_reset(cur);
	if (!z_is_thread_ready(cur)) {
		return true;
	}
	/* Nobody of its priority (or, for a cooperative thread with a slice of its own, of a
	 * higher one) is waiting: it goes on with the new slice without a switch. */
	node = sys_dlist_peek_head(&ready_q);
	if (node == NULL ||
	    CONTAINER_OF(node, struct k_thread, base.qnode_dlist)->base.prio > cur->base.prio) {
		return false;
	}
	queue_ready(cur, false);
	return true;
}

void k_sched_time_slice_set(int32_t slice, int prio)
{
	slice_ticks_all = slice > 0 ? (int32_t)k_ms_to_ticks_ceil32((uint32_t)slice) : 0;
	slice_max_prio = prio;
	slice_reset(_current);
}

#ifdef CONFIG_TIMESLICE_PER_THREAD
void k_thread_time_slice_set(struct k_thread *th, int32_t slice_ticks,
			     k_thread_timeslice_fn_t expired, void *data)
{
	th->base.slice_ticks = slice_ticks > 0 ? slice_ticks : 0;
	th->base.slice_expired = expired;
	th->base.slice_data = data;
	if (th == _current) {
		slice_reset(th);
	}
}
#endif

/* A switch from @p old to @p next is decided (@p old blocked: it did not keep the CPU). */
static void slice_switch(struct k_thread *old, struct k_thread *next, bool old_blocked)
{
	if (next != old || old_blocked) {
		slice_reset(next);
	}
}

/* @p old stops running without being queued: no slice may end while nothing runs. */
static void slice_stop(void)
{
	(void)z_abort_timeout(&slice_timeout);
	slice_expired = false;
}
#else
static inline bool slice_end(void)
{
	return false;
}
static inline void slice_switch(struct k_thread *old, struct k_thread *next, bool old_blocked)
{
	(void)old;
	(void)next;
	(void)old_blocked;
}
static inline void slice_stop(void)
{
}
#endif /* CONFIG_TIMESLICING */

/* Nothing is ready and no timeout is armed: nothing can ever run again. */
extern void z_no_thread_can_run(void);

/* The next thread to run, waiting for timeouts while nothing is ready. */
static struct k_thread *next_up(void)
{
	for (;;) {
		sys_dnode_t *node;

		z_timeout_announce();
		node = sys_dlist_peek_head(&ready_q);
		if (node != NULL) {
			struct k_thread *t = CONTAINER_OF(node, struct k_thread, base.qnode_dlist);

			dequeue_ready(t);
			return t;
		}
		if (z_timeout_next_deadline() < 0) {
			z_no_thread_can_run();
		}
		z_host_idle_until(z_timeout_next_deadline());
	}
}

/* On the runtime stack: hand the CPU to the next thread; return when the caller runs again. */
static void do_swap(void *arg)
{
	struct k_thread *old = _current;
	struct k_thread *next;
	unsigned int saved_irq = irq_nesting;

	bool blocked = !z_is_thread_ready(old);

	(void)arg;
	if (blocked) {
		slice_stop();
	}
	next = next_up();
	slice_switch(old, next, blocked);
	if (next == old) {
		return;
	}
	_current = next;
	z_host_switch(old, next);
	/* Running again: restore this thread's interrupt lock state. */
	irq_nesting = saved_irq;
	z_host_thread_switched_in(old);
}

/* Switch away from the current thread, which has been queued or blocked by the caller. */
static void z_swap(void)
{
	z_host_thread_switching_out(_current);
	z_host_run_on_runtime_stack(do_swap, NULL);
}

/*
 * The common start of the scheduling points z_reschedule_unlocked() and k_yield(): false in an
 * ISR or before any thread runs (nothing to do there); otherwise the caller is checked to be a
 * k_thread, --stop_at is checked, and expired timeouts are processed (readying their threads)
 * before the caller decides whether to switch.
 */
static bool sched_point_enter(void)
{
	if (k_is_in_isr() || _current == NULL) {
		return false;
	}
	z_host_check_caller();
	z_host_check_stop();
	z_timeout_announce();
	return true;
}

/* True if the ready queue's head should take the CPU from the running thread. */
static bool should_preempt(void)
{
	sys_dnode_t *node = sys_dlist_peek_head(&ready_q);
	struct k_thread *head;

	if (node == NULL) {
		return false;
	}
	if (_current == NULL || !z_is_thread_ready(_current)) {
		return true;
	}
	if (z_is_coop_prio(_current->base.prio) || _current->base.sched_locked > 0U) {
		return false;
	}
	head = CONTAINER_OF(node, struct k_thread, base.qnode_dlist);
	return head->base.prio < _current->base.prio;
}

void z_reschedule_unlocked(void)
{
	if (!sched_point_enter()) {
		return;
	}
	/* A used-up time slice first: its callback may end or suspend the thread. */
	bool sliced = slice_end();

	if (z_is_thread_dead(_current)) {
		/* Aborted by an ISR that has now returned. */
		z_thread_self_exit();
	}
	if (!z_is_thread_ready(_current)) {
		/* Suspended by an ISR: switch away without queueing it. */
		z_swap();
	} else if (sliced) {
		/* Its time slice is over: it was queued behind its equals. */
		z_swap();
	} else if (should_preempt()) {
		queue_ready(_current, true);
		z_swap();
	}
}

/*
 * Zephyr's z_swap_unlocked() switches to the thread its ready-queue cache names. Readying a
 * thread leaves that cache on a running thread that is cooperative or holds the scheduler lock
 * (update_cache() without preempt_ok), so for a caller that is still ready the switch happens
 * exactly where a preemption point would switch: the same rule as z_reschedule_unlocked().
 */
void z_swap_unlocked(void)
{
	z_reschedule_unlocked();
}

void z_reschedule(struct k_spinlock *lock, k_spinlock_key_t key)
{
	k_spin_unlock(lock, key);
	z_reschedule_unlocked();
}

void z_pend_thread_no_timeout(struct k_thread *thread, _wait_q_t *wq, const char *what)
{
	thread->base.thread_state |= _THREAD_PENDING;
	thread->base.pended_on = wq;
	thread->base.pend_desc = what;
	prio_insert(&wq->waitq, thread, false);
}

int z_pend_curr_desc(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		     k_timeout_t timeout, const char *what)
{
	return z_pend_curr_data(lock, key, wq, timeout, what, NULL);
}

int z_pend_curr_data(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		     k_timeout_t timeout, const char *what, void *data)
{
	struct k_thread *cur = _current;

	k_spin_unlock(lock, key);
	z_host_check_caller();
	if (k_is_in_isr() || cur == NULL) {
		LOG_ERR("a blocking kernel call was made from an ISR or before the kernel started");
		return -EAGAIN;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		return -EAGAIN;
	}
	cur->base.swap_retval = -EAGAIN;
	cur->base.swap_data = data;
	z_pend_thread_no_timeout(cur, wq, what);
	z_thread_timeout_add(cur, timeout);
	z_swap();
	return cur->base.swap_retval;
}

int z_pend_curr(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq, k_timeout_t timeout)
{
	return z_pend_curr_desc(lock, key, wq, timeout, NULL);
}

/* Block the current thread (its state bits are already set by the caller). */
void z_block_current(void)
{
	z_swap();
}

void k_yield(void)
{
	if (!sched_point_enter()) {
		return;
	}
	if (!sys_dlist_is_empty(&ready_q)) {
		queue_ready(_current, false);
		z_swap();
	}
}

bool k_is_preempt_thread(void)
{
	return !k_is_in_isr() && _current != NULL && !z_is_coop_prio(_current->base.prio) &&
	       _current->base.sched_locked == 0U;
}

bool k_can_yield(void)
{
	return !k_is_in_isr() && _current != NULL;
}

bool k_is_pre_kernel(void)
{
	return _current == NULL;
}

void k_sched_lock(void)
{
	if (_current != NULL) {
		_current->base.sched_locked++;
	}
}

void k_sched_unlock(void)
{
	if (_current != NULL && _current->base.sched_locked > 0U) {
		_current->base.sched_locked--;
		if (_current->base.sched_locked == 0U) {
			z_reschedule_unlocked();
		}
	}
}

int32_t k_sleep(k_timeout_t timeout)
{
	struct k_thread *cur = _current;
	int64_t left;

	z_host_check_caller();
	if (k_is_in_isr()) {
		LOG_ERR("k_sleep() called from an ISR");
		return 0;
	}
	if (cur == NULL) {
		LOG_ERR("k_sleep() called before the kernel started (no thread to put to sleep; "
			"k_busy_wait() waits there)");
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_yield();
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_FOREVER)) {
		k_thread_suspend(cur);
		return (int32_t)K_TICKS_FOREVER;
	}
	cur->base.thread_state |= _THREAD_SLEEPING;
	z_thread_timeout_add(cur, timeout);
	z_swap();
	left = cur->base.timeout.deadline - z_host_now_ticks();
	if (left <= 0) {
		return 0;
	}
	return (int32_t)((left * 1000 + z_host_ticks_per_sec - 1) / z_host_ticks_per_sec);
}

int32_t k_msleep(int32_t ms)
{
	return k_sleep(K_MSEC(ms));
}

int32_t k_usleep(int32_t us)
{
	k_timeout_t t = K_USEC(us);

	/* Zephyr sleeps at least one tick. */
	if (t.ticks == 0) {
		t.ticks = 1;
	}
	return k_sleep(t);
}

void k_wakeup(k_tid_t thread)
{
	Z_OBJ_USER_CHECK(thread); /* a system call on Zephyr: NULL or no access: oops */
	uint32_t state = thread->base.thread_state;

	if ((state & _THREAD_SLEEPING) != 0U) {
		z_thread_end_timed_state(thread, _THREAD_SLEEPING);
		return;
	}
	/*
	 * k_sleep(K_FOREVER) suspends the caller, as on Zephyr, and as on Zephyr k_wakeup() ends
	 * it: a thread that is only suspended (not pending on an object, not waiting to start, not
	 * dead) is resumed. Zephyr cannot tell it from a thread k_thread_suspend() stopped, nor can
	 * zmem: both resume.
	 */
	if ((state & ~_THREAD_QUEUED) == _THREAD_SUSPENDED) {
		k_thread_resume(thread);
	}
}

void k_thread_suspend(k_tid_t thread)
{
	Z_OBJ_USER_CHECK(thread); /* a system call on Zephyr: NULL or no access: oops */
	if ((thread->base.thread_state & (_THREAD_SUSPENDED | _THREAD_DEAD)) != 0U) {
		return;
	}
	/* As in Zephyr, a suspended thread's timeout is cancelled: resuming does not resume a
	 * sleep, and a pending thread only wakes through its object. */
	(void)z_abort_timeout(&thread->base.timeout);
	thread->base.thread_state &= ~_THREAD_SLEEPING;
	dequeue_ready(thread);
	thread->base.thread_state |= _THREAD_SUSPENDED;
	if (thread == _current && !k_is_in_isr()) {
		z_swap();
	}
}

void k_thread_resume(k_tid_t thread)
{
	Z_OBJ_USER_CHECK(thread); /* a system call on Zephyr: NULL or no access: oops */
	if ((thread->base.thread_state & _THREAD_SUSPENDED) == 0U) {
		return;
	}
	thread->base.thread_state &= ~_THREAD_SUSPENDED;
	z_ready_thread(thread);
	z_reschedule_unlocked();
}

int k_thread_priority_get(k_tid_t thread)
{
	Z_OBJ_USER_CHECK(thread); /* a system call on Zephyr: NULL or no access: oops */
	return thread->base.prio;
}

void k_thread_priority_set(k_tid_t thread, int prio)
{
	Z_OBJ_USER_CHECK(thread); /* a system call on Zephyr: NULL or no access: oops */
	bool user = Z_OBJ_USER_GATE() && _current != NULL && z_prot_is_user(_current) &&
		    !k_is_in_isr();

	if (prio < K_HIGHEST_THREAD_PRIO || prio > K_LOWEST_APPLICATION_THREAD_PRIO) {
		LOG_ERR("k_thread_priority_set: priority %d out of range [%d, %d]", prio,
			K_HIGHEST_THREAD_PRIO, K_LOWEST_APPLICATION_THREAD_PRIO);
		if (user) {
			/* Zephyr's system call verification ends a user caller with an oops. */
			z_except_reason(K_ERR_KERNEL_OOPS);
		}
		return;
	}
	if (user && prio < thread->base.prio) {
		/* As Zephyr's system call: user mode may only lower a priority. */
		LOG_ERR("k_thread_priority_set: thread %p (%s) in user mode may not raise a "
			"priority (%d < %d)", (void *)_current, _current->name, prio,
			thread->base.prio);
		z_except_reason(K_ERR_KERNEL_OOPS);
		return;
	}
	thread->orig_prio = prio;
	z_thread_priority_set_internal(thread, prio);
	z_reschedule_unlocked();
}

void z_run_as_isr(void (*fn)(void *arg), void *arg)
{
	isr_nesting++;
	fn(arg);
	isr_nesting--;
}

void irq_offload(irq_offload_routine_t routine, const void *parameter)
{
	isr_nesting++;
	routine(parameter);
	isr_nesting--;
	if (isr_nesting == 0U) {
		z_reschedule_unlocked();
	}
}

/*
 * Spin for usec_to_wait microseconds. On a board the timer interrupt keeps firing while a
 * thread spins: each timeout runs at its own deadline (a timer's expiry function sees that
 * uptime) and may preempt the spinning thread, which goes on spinning, when it runs again,
 * until the end it was given. So the clock moves deadline by deadline, announcing each, and
 * not in one step with every expiry run late at the end. In an ISR, or before threads run,
 * nothing is announced until the wait is over (the interrupt cannot nest here).
 */
void k_busy_wait(uint32_t usec_to_wait)
{
	uint64_t end = z_host_uptime_ns() + (uint64_t)usec_to_wait * 1000U;

	while (!k_is_in_isr() && _current != NULL) {
		int64_t next = z_timeout_next_deadline();

		if (next < 0 || z_host_tick_ns(next) >= end) {
			break;
		}
		z_host_busy_wait_until(z_host_tick_ns(next));
		z_reschedule_unlocked();
		if (z_timeout_next_deadline() == next && next <= z_host_now_ticks()) {
			break; /* not announced (interrupts off for this caller): wait in one step */
		}
	}
	z_host_busy_wait_until(end);
	z_reschedule_unlocked();
}

/* Start scheduling from the boot context: never returns. */
FUNC_NORETURN void z_sched_start(void)
{
	struct k_thread *next = next_up();

	slice_switch(NULL, next, true);
	_current = next;
	z_host_switch(NULL, next);
	CODE_UNREACHABLE;
}

/* The current thread ended (state already DEAD): run the next one, end this host thread. */
FUNC_NORETURN void z_sched_exit_current(void)
{
	struct k_thread *next;

	irq_nesting = 0;
	slice_stop();
	next = next_up();
	slice_switch(NULL, next, true);
	_current = next;
	z_host_exit_switch(next);
}
