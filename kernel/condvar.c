/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_condvar: unlocking the mutex and pending must be one step, or a signal sent in between
 * (by a thread the unlock woke and that preempts us) would be lost. The scheduler is locked
 * across both, so nothing runs until this thread has pended.
 */
#include <errno.h>

#include <zephyr/kernel.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobject_registry.h"

static struct k_spinlock condvar_lock;

int k_condvar_init(struct k_condvar *condvar)
{
	Z_OBJ_USER_CHECK(condvar);
	z_object_init(condvar);
	z_waitq_init(&condvar->wait_q);
	return 0;
}

int k_condvar_signal(struct k_condvar *condvar)
{
	Z_OBJ_USER_CHECK(condvar);
	k_spinlock_key_t key = k_spin_lock(&condvar_lock);

	if (z_wake_one(&condvar->wait_q, 0)) {
		z_reschedule(&condvar_lock, key);
	} else {
		k_spin_unlock(&condvar_lock, key);
	}
	return 0;
}

int k_condvar_broadcast(struct k_condvar *condvar)
{
	Z_OBJ_USER_CHECK(condvar);
	k_spinlock_key_t key = k_spin_lock(&condvar_lock);
	int woken = 0;

	while (z_wake_one(&condvar->wait_q, 0)) {
		woken++;
	}
	z_reschedule(&condvar_lock, key);
	return woken;
}

int k_condvar_wait(struct k_condvar *condvar, struct k_mutex *mutex, k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(condvar);
	k_spinlock_key_t key;
	int ret;

	if (k_is_in_isr()) {
		return -EAGAIN; /* refused, as a blocking call from an ISR */
	}
	k_sched_lock();
	(void)k_mutex_unlock(mutex);
	key = k_spin_lock(&condvar_lock);
	ret = z_pend_curr_desc(&condvar_lock, key, &condvar->wait_q, timeout, "k_condvar");
	k_sched_unlock();
	(void)k_mutex_lock(mutex, K_FOREVER);
	return ret;
}
