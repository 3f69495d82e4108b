/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The scheduler interface (kernel/include/ksched.h) for a build with exactly one thread and
 * nothing that could ever wake it: nobody else runs, so no thread is ever on a wait queue,
 * waking finds no one and rescheduling only releases the lock.
 *
 * Two builds run the kernel objects this way: the Cortex-M target
 * (arch/cortex_m/kernel_single.c) and the host fuzz targets (tests/fuzz/support/kernel_stub.c).
 * Each of them defines z_pend_curr_desc() (what a wait forever does differs: the board reports
 * a deadlock, a fuzz target fails its oracle), irq_lock()/irq_unlock() and k_is_in_isr(); this
 * file holds the rest, the same for both, with the tick clock: virtual, it advances only while
 * the thread waits, and a finite wait, which nothing can end early, sleeps through its whole
 * timeout (z_single_sleep_through()).
 */
#include <zephyr/kernel.h>

#include "ksched.h"

/* Virtual time: advances only while the thread "waits". */
static int64_t ticks_now;

int64_t sys_clock_tick_get(void)
{
	return ticks_now;
}

void z_single_sleep_through(k_timeout_t timeout)
{
	if (!Z_IS_TIMEOUT_RELATIVE(timeout)) {
		if (Z_TICK_ABS(timeout.ticks) > (k_ticks_t)ticks_now) {
			ticks_now = Z_TICK_ABS(timeout.ticks);
		}
	} else if (timeout.ticks > 0) {
		ticks_now += timeout.ticks;
	}
}

/* The one thread: the program's main thread (the fuzzer's on the host). */
static struct k_thread single_thread;

k_tid_t k_current_get(void)
{
	return &single_thread;
}

int z_pend_curr(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq, k_timeout_t timeout)
{
	return z_pend_curr_desc(lock, key, wq, timeout, NULL);
}

struct k_thread *z_unpend_first_thread(_wait_q_t *wq)
{
	(void)wq;
	return NULL; /* nobody ever pends */
}

bool z_unpend_all(_wait_q_t *wq)
{
	(void)wq;
	return false;
}

void z_ready_thread(struct k_thread *thread)
{
	(void)thread;
}

void z_reschedule(struct k_spinlock *lock, k_spinlock_key_t key)
{
	k_spin_unlock(lock, key);
}

void z_reschedule_unlocked(void)
{
}

void z_thread_return_value_set_with_data(struct k_thread *thread, int value, void *data)
{
	thread->base.swap_retval = value;
	thread->base.swap_data = data;
}
