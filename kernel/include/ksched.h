/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The scheduler interface kernel objects build on (Zephyr's ksched.h names).
 *
 * Usage pattern of a blocking kernel object (as in Zephyr):
 *   k_spinlock_key_t key = k_spin_lock(&obj->lock);
 *   if (available) { take; k_spin_unlock(&obj->lock, key); return 0; }
 *   if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) { k_spin_unlock(...); return -EBUSY; }
 *   return z_pend_curr(&obj->lock, key, &obj->wait_q, timeout);  // 0 / value set / -EAGAIN
 * and on the waking side:
 *   struct k_thread *t = z_unpend_first_thread(&obj->wait_q);
 *   if (t != NULL) { z_thread_return_value_set_with_data(t, 0, data); z_ready_thread(t); }
 *   z_reschedule(&obj->lock, key);
 */
#ifndef ZMEM_KERNEL_INCLUDE_KSCHED_H_
#define ZMEM_KERNEL_INCLUDE_KSCHED_H_

#include <zephyr/kernel.h>

#include "kthread.h"
#include "wait_q.h"

/**
 * @brief Release @p lock and block the current thread on @p wq until woken or until @p timeout.
 * @return The value the waker set (0 by default), or -EAGAIN on timeout (also with K_NO_WAIT,
 * and, with an error message, when called from an ISR).
 */
int z_pend_curr(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		k_timeout_t timeout);

/** @brief As z_pend_curr(); @p what names the awaited object in deadlock reports ("k_sem"). */
int z_pend_curr_desc(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		     k_timeout_t timeout, const char *what);

/**
 * @brief As z_pend_curr_desc(), with base.swap_data set to @p data while the thread waits, so
 * that a waker can reach the waiter's buffer (k_msgq copies messages straight to and from it).
 */
int z_pend_curr_data(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		     k_timeout_t timeout, const char *what, void *data);

/**
 * @brief Put @p thread on @p wq (after every waiter of its priority or higher) and mark it
 * pending, with no timeout and no switch: what z_pend_curr_data() does before it arms the
 * timeout, and how k_mbox parks an asynchronous message's stand-in thread, which never runs.
 * @p what names the awaited object in deadlock reports.
 */
void z_pend_thread_no_timeout(struct k_thread *thread, _wait_q_t *wq, const char *what);

/**
 * @brief Take the highest-priority (then longest-waiting) thread off @p wq and cancel its
 * timeout; NULL when none waits. The thread is not ready yet: call z_ready_thread().
 */
struct k_thread *z_unpend_first_thread(_wait_q_t *wq);

/** @brief Take @p thread off the wait queue it pends on and cancel its timeout. */
void z_unpend_thread(struct k_thread *thread);

/**
 * @brief Switch away from the current thread, which the caller has already marked blocked
 * (e.g. _THREAD_PENDING with no wait queue: k_mbox holds a sender whose message a receiver
 * took until it is consumed). Returns when another thread has made it ready again.
 */
void z_block_current(void);

/** @brief Make @p thread ready (unless suspended); it runs when the scheduler picks it. */
void z_ready_thread(struct k_thread *thread);

/** @brief Ready every waiter of @p wq (their z_pend_curr() returns 0); true if there was one. */
bool z_unpend_all(_wait_q_t *wq);

/** @brief Release @p lock and let a higher-priority ready thread run (no-op in an ISR). */
void z_reschedule(struct k_spinlock *lock, k_spinlock_key_t key);

/** @brief Let a higher-priority ready thread run (no lock held). */
void z_reschedule_unlocked(void);

/** @brief The woken thread's z_pend_curr() returns @p value; base.swap_data becomes @p data. */
void z_thread_return_value_set_with_data(struct k_thread *thread, int value, void *data);

/** @brief The woken thread's z_pend_curr() returns @p value. */
static inline void z_thread_return_value_set(struct k_thread *thread, int value)
{
	thread->base.swap_retval = value;
}

/**
 * @brief Wake the first waiter of @p wq (highest priority, then longest waiting), if any: take it
 * off the queue, make its z_pend_curr() return @p value and make it ready. The caller
 * reschedules (z_reschedule()) or, in an ISR-like context, lets the announcing context do it.
 * @return true if a thread was woken, false if none waited.
 */
static inline bool z_wake_one(_wait_q_t *wq, int value)
{
	struct k_thread *t = z_unpend_first_thread(wq);

	if (t == NULL) {
		return false;
	}
	z_thread_return_value_set(t, value);
	z_ready_thread(t);
	return true;
}

/** @brief Change @p thread's priority, re-sorting the queue it is in; no rescheduling. */
void z_thread_priority_set_internal(struct k_thread *thread, int prio);

/**
 * @brief Run @p fn(@p arg) in interrupt context (k_is_in_isr() true, blocking calls refused),
 * as a timer interrupt would: k_timer expiry functions. No rescheduling here: the caller
 * announcing timeouts runs the scheduler afterwards.
 */
void z_run_as_isr(void (*fn)(void *arg), void *arg);

/**
 * @brief One-thread builds (kernel/sched_single.c): a finite wait, which nothing can end early,
 * moves the virtual tick clock to its end, as if the thread had slept through it.
 */
void z_single_sleep_through(k_timeout_t timeout);

/** @brief The running thread (NULL before the kernel starts). */
extern struct k_thread *_current_thread;
#ifndef _current
#define _current _current_thread
#endif

#endif /* ZMEM_KERNEL_INCLUDE_KSCHED_H_ */
