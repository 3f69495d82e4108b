/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Counting semaphores on the scheduler's wait queues. */
#include <errno.h>

#include "kernel_internal.h"
#include "kobj_poll.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"
#include <zephyr/sys/sem.h>

static struct k_spinlock sem_lock;

int k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit)
{
	Z_OBJ_USER_CHECK(sem);
	z_object_init(sem);
	if (limit == 0U || initial_count > limit) {
		return -EINVAL;
	}
	z_waitq_init(&sem->wait_q);
	sem->count = initial_count;
	sem->limit = limit;
	sys_dlist_init(&sem->poll_events);
	return 0;
}

static inline int k_sem_take_impl(struct k_sem *sem, k_timeout_t timeout)
{
	k_spinlock_key_t key = k_spin_lock(&sem_lock);

	if (sem->count > 0U) {
		sem->count--;
		k_spin_unlock(&sem_lock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&sem_lock, key);
		return -EBUSY;
	}
	/* The giver hands the unit over directly (0), a timeout or reset gives -EAGAIN. */
	return z_pend_curr_desc(&sem_lock, key, &sem->wait_q, timeout, "k_sem");
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline int k_sem_take_user(struct k_sem *sem, k_timeout_t timeout)
{
	z_perm_user_call(sem, "k_sem_take");
	return k_sem_take_impl(sem, timeout);
}

int k_sem_take(struct k_sem *sem, k_timeout_t timeout)
{
	if (Z_OBJ_USER_GATE()) {
		return k_sem_take_user(sem, timeout);
	}
	return k_sem_take_impl(sem, timeout);
}

/*
 * Give @p sem: the best waiter takes it, else the count grows up to its limit. With @p refuse
 * (sys_sem_give() with user mode built, as Zephyr's futex-based give), a give with no waiter at
 * the limit changes nothing and is -EAGAIN: tested and done under one hold of the lock.
 */
static inline int sem_give(struct k_sem *sem, bool refuse)
{
	k_spinlock_key_t key = k_spin_lock(&sem_lock);

	if (!z_wake_one(&sem->wait_q, 0)) {
		if (sem->count < sem->limit) {
			sem->count++;
		} else if (refuse) {
			k_spin_unlock(&sem_lock, key);
			return -EAGAIN;
		}
		/* k_poll() callers waiting for the semaphore (the first one, by priority). */
		(void)z_obj_poll_signal(&sem->poll_events, K_POLL_STATE_SEM_AVAILABLE);
	}
	z_reschedule(&sem_lock, key);
	return 0;
}

static inline void k_sem_give_impl(struct k_sem *sem)
{
	(void)sem_give(sem, false);
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline void k_sem_give_user(struct k_sem *sem)
{
	z_perm_user_call(sem, "k_sem_give");
	k_sem_give_impl(sem);
}

void k_sem_give(struct k_sem *sem)
{
	if (Z_OBJ_USER_GATE()) {
		k_sem_give_user(sem);
		return;
	}
	k_sem_give_impl(sem);
}

void k_sem_reset(struct k_sem *sem)
{
	Z_OBJ_USER_CHECK(sem);
	k_spinlock_key_t key = k_spin_lock(&sem_lock);

	while (z_wake_one(&sem->wait_q, -EAGAIN)) {
		/* every waiter: its k_sem_take() returns -EAGAIN */
	}
	sem->count = 0;
	z_reschedule(&sem_lock, key);
}

unsigned int k_sem_count_get(struct k_sem *sem)
{
	Z_OBJ_USER_CHECK(sem);
	return sem->count;
}

/*
 * sys_sem (<zephyr/sys/sem.h>): the same semaphore without the kernel object permission check,
 * reached through memory as on Zephyr; a user thread must be able to write that memory.
 */
static int sys_sem_check(const struct sys_sem *sem)
{
	if (sem == NULL) {
		return -EINVAL;
	}
	if (z_prot_is_user(_current) && !z_user_may_write(_current, sem, sizeof(*sem))) {
		return -EACCES;
	}
	return 0;
}

int sys_sem_init(struct sys_sem *sem, unsigned int initial_count, unsigned int limit)
{
	int ret = sys_sem_check(sem);

	if (ret != 0) {
		return ret;
	}
	if (limit == 0U || limit > (unsigned int)INT_MAX || initial_count > limit) {
		return -EINVAL;
	}
	z_waitq_init(&sem->kernel_sem.wait_q);
	sem->kernel_sem.count = initial_count;
	sem->kernel_sem.limit = limit;
	sys_dlist_init(&sem->kernel_sem.poll_events);
	return 0;
}

int sys_sem_give(struct sys_sem *sem)
{
	int ret = sys_sem_check(sem);

	if (ret != 0) {
		return ret;
	}
	/*
	 * No waiter and the count at its limit: with user mode built Zephyr's sys_sem is a futex
	 * and its give refuses (-EAGAIN); without, it is k_sem_give(), which returns 0.
	 */
	return sem_give(&sem->kernel_sem, IS_ENABLED(CONFIG_USERSPACE));
}

int sys_sem_take(struct sys_sem *sem, k_timeout_t timeout)
{
	int ret = sys_sem_check(sem);

	if (ret != 0) {
		return ret;
	}
	ret = k_sem_take_impl(&sem->kernel_sem, timeout);
	return (ret == -EBUSY || ret == -EAGAIN) ? -ETIMEDOUT : ret;
}

unsigned int sys_sem_count_get(struct sys_sem *sem)
{
	return sys_sem_check(sem) == 0 ? sem->kernel_sem.count : 0U;
}
