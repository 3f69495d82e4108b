/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Mutexes: recursive, owned, with priority inheritance. While a higher-priority thread waits,
 * the owner runs at the waiter's priority; when the waiter gives up (timeout) the owner drops
 * to the highest priority still needed; on unlock it returns to its own priority.
 */
#include <errno.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"
#include <zephyr/sys/mutex.h>

static struct k_spinlock mutex_lock;

static void mutex_init_impl(struct k_mutex *mutex)
{
	z_object_init(mutex);
	z_waitq_init(&mutex->wait_q);
	mutex->owner = NULL;
	mutex->lock_count = 0;
	mutex->owner_orig_prio = K_LOWEST_APPLICATION_THREAD_PRIO;
}

int k_mutex_init(struct k_mutex *mutex)
{
	Z_OBJ_USER_CHECK(mutex);
	mutex_init_impl(mutex);
	return 0;
}

/* Priority the owner needs: its own, or the best waiter's if higher. */
static int needed_prio(struct k_mutex *mutex)
{
	struct k_thread *head = z_waitq_head(&mutex->wait_q);
	int prio = mutex->owner_orig_prio;

	if (head != NULL && head->base.prio < prio) {
		prio = head->base.prio;
	}
	return prio;
}

static inline int k_mutex_lock_impl(struct k_mutex *mutex, k_timeout_t timeout)
{
	k_spinlock_key_t key = k_spin_lock(&mutex_lock);
	int ret;

	if (k_is_in_isr()) {
		k_spin_unlock(&mutex_lock, key);
		return -EPERM;
	}
	if (mutex->lock_count == 0U || mutex->owner == _current) {
		if (mutex->lock_count == 0U) {
			mutex->owner_orig_prio = _current->base.prio;
		}
		mutex->lock_count++;
		mutex->owner = _current;
		k_spin_unlock(&mutex_lock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&mutex_lock, key);
		return -EBUSY;
	}
	if (_current->base.prio < mutex->owner->base.prio) {
		z_thread_priority_set_internal(mutex->owner, _current->base.prio);
	}
	ret = z_pend_curr_desc(&mutex_lock, key, &mutex->wait_q, timeout, "k_mutex");
	if (ret == 0) {
		/* The unlocker made us the owner. */
		return 0;
	}
	/* Timed out: the owner may no longer need our priority. */
	key = k_spin_lock(&mutex_lock);
	if (mutex->owner != NULL) {
		z_thread_priority_set_internal(mutex->owner, needed_prio(mutex));
	}
	z_reschedule(&mutex_lock, key);
	return -EAGAIN;
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline int k_mutex_lock_user(struct k_mutex *mutex, k_timeout_t timeout)
{
	z_perm_user_call(mutex, "k_mutex_lock");
	return k_mutex_lock_impl(mutex, timeout);
}

int k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout)
{
	if (Z_OBJ_USER_GATE()) {
		return k_mutex_lock_user(mutex, timeout);
	}
	return k_mutex_lock_impl(mutex, timeout);
}

static inline int k_mutex_unlock_impl(struct k_mutex *mutex)
{
	k_spinlock_key_t key;
	struct k_thread *next;

	if (mutex->owner == NULL) {
		return -EINVAL;
	}
	if (mutex->owner != _current) {
		return -EPERM;
	}
	key = k_spin_lock(&mutex_lock);
	if (mutex->lock_count > 1U) {
		mutex->lock_count--;
		k_spin_unlock(&mutex_lock, key);
		return 0;
	}
	z_thread_priority_set_internal(_current, mutex->owner_orig_prio);
	next = z_unpend_first_thread(&mutex->wait_q);
	if (next != NULL) {
		mutex->owner = next;
		mutex->lock_count = 1;
		mutex->owner_orig_prio = next->base.prio;
		/* Still-waiting threads may need the new owner to run at their priority. */
		z_thread_priority_set_internal(next, needed_prio(mutex));
		z_thread_return_value_set(next, 0);
		z_ready_thread(next);
	} else {
		mutex->owner = NULL;
		mutex->lock_count = 0;
	}
	z_reschedule(&mutex_lock, key);
	return 0;
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline int k_mutex_unlock_user(struct k_mutex *mutex)
{
	z_perm_user_call(mutex, "k_mutex_unlock");
	return k_mutex_unlock_impl(mutex);
}

int k_mutex_unlock(struct k_mutex *mutex)
{
	if (Z_OBJ_USER_GATE()) {
		return k_mutex_unlock_user(mutex);
	}
	return k_mutex_unlock_impl(mutex);
}

/*
 * sys_mutex (<zephyr/sys/mutex.h>): the same mutex without the kernel object permission check,
 * because on Zephyr a sys_mutex is reached through memory (any thread that can write it may use
 * it), not through a grant. A user thread still needs write access to the memory it lives in.
 */
void sys_mutex_init(struct sys_mutex *mutex)
{
	mutex_init_impl(&mutex->kernel_mutex);
	mutex->z_tag = Z_SYS_MUTEX_TAG;
}

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		if (b[i] != 0U) {
			return false;
		}
	}
	return true;
}

/*
 * The answers Zephyr's system call gives before it reaches the mutex: 0 to go on. The tag tells
 * a sys_mutex from other memory (Zephyr asks its object table). An all-zero sys_mutex is an
 * unlocked one, as on Zephyr, where one in a partition's bss (K_APP_BMEM, ZTEST_BMEM) starts
 * zeroed: it is set up at its first use.
 */
static int sys_mutex_check(struct sys_mutex *mutex)
{
	if (mutex == NULL) {
		return -EINVAL;
	}
	if (z_prot_is_user(_current) &&
	    !z_user_may_write(_current, mutex, sizeof(*mutex))) {
		return -EACCES;
	}
	if (mutex->z_tag == Z_SYS_MUTEX_TAG) {
		return 0;
	}
	k_spinlock_key_t key = k_spin_lock(&mutex_lock);
	int ret = 0;

	if (mutex->z_tag != Z_SYS_MUTEX_TAG) {
		if (all_zero(mutex, sizeof(*mutex))) {
			mutex_init_impl(&mutex->kernel_mutex);
			mutex->z_tag = Z_SYS_MUTEX_TAG;
		} else {
			ret = -EINVAL;
		}
	}
	k_spin_unlock(&mutex_lock, key);
	return ret;
}

int sys_mutex_lock(struct sys_mutex *mutex, k_timeout_t timeout)
{
	int ret = sys_mutex_check(mutex);

	return ret != 0 ? ret : k_mutex_lock_impl(&mutex->kernel_mutex, timeout);
}

int sys_mutex_unlock(struct sys_mutex *mutex)
{
	int ret = sys_mutex_check(mutex);

	return ret != 0 ? ret : k_mutex_unlock_impl(&mutex->kernel_mutex);
}
