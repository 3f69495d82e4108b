/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_timer on the runtime's timeout list. Expiry runs where the runtime announces timeouts (a
 * kernel call or a scheduling point after the deadline), wrapped as an interrupt: the
 * expiry function sees k_is_in_isr() and the supervisor memory view, whatever thread happened
 * to be running.
 */
#include <errno.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(k_timer, CONFIG_LOG_DEFAULT_LEVEL);

static struct k_spinlock timer_lock;

static inline bool is_periodic(k_timeout_t period)
{
	return !K_TIMEOUT_EQ(period, K_NO_WAIT) && !K_TIMEOUT_EQ(period, K_FOREVER);
}

static void run_expiry(void *arg)
{
	struct k_timer *timer = arg;
	const struct k_thread *lifted = z_prot_kernel_enter();

	timer->expiry_fn(timer);
	z_prot_kernel_exit(lifted);
}

static void timer_expired(struct _timeout *to)
{
	struct k_timer *timer = CONTAINER_OF(to, struct k_timer, timeout);
	k_spinlock_key_t key = k_spin_lock(&timer_lock);

	if (is_periodic(timer->period)) {
		/*
		 * From the previous deadline, not from now: the period does not drift. An absolute
		 * period (K_TIMEOUT_ABS_*) means no length: every tick, as Zephyr's clamp gives it
		 * (its encoded ticks, added, would set a deadline already past, again and again).
		 */
		z_add_timeout_abs(&timer->timeout, timer_expired,
				  to->deadline + (Z_IS_TIMEOUT_RELATIVE(timer->period)
							  ? timer->period.ticks
							  : 1));
	}
	timer->status++;
	k_spin_unlock(&timer_lock, key);

	if (timer->expiry_fn != NULL) {
		z_run_as_isr(run_expiry, timer);
	}

	key = k_spin_lock(&timer_lock);
	(void)z_wake_one(&timer->wait_q, 0);
	/* The announcing context reschedules. */
	k_spin_unlock(&timer_lock, key);
}

void k_timer_init(struct k_timer *timer, k_timer_expiry_t expiry_fn, k_timer_stop_t stop_fn)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	z_object_init(timer);
	sys_dnode_init(&timer->timeout.node);
	timer->timeout.deadline = 0;
	timer->timeout.fn = NULL;
	z_waitq_init(&timer->wait_q);
	timer->expiry_fn = expiry_fn;
	timer->stop_fn = stop_fn;
	timer->period = K_NO_WAIT;
	timer->status = 0;
	timer->user_data = NULL;
}

void k_timer_start(struct k_timer *timer, k_timeout_t duration, k_timeout_t period)
{
	Z_OBJ_USER_CHECK(timer);
	k_spinlock_key_t key;

	if (K_TIMEOUT_EQ(duration, K_FOREVER)) {
		return;
	}
	key = k_spin_lock(&timer_lock);
	(void)z_abort_timeout(&timer->timeout);
	timer->period = period;
	timer->status = 0;
	z_add_timeout(&timer->timeout, timer_expired, duration);
	k_spin_unlock(&timer_lock, key);
}

void k_timer_stop(struct k_timer *timer)
{
	Z_OBJ_USER_CHECK(timer);
	k_spinlock_key_t key = k_spin_lock(&timer_lock);

	if (z_abort_timeout(&timer->timeout) != 0) {
		/* Not running: nothing to stop. */
		k_spin_unlock(&timer_lock, key);
		return;
	}
	k_spin_unlock(&timer_lock, key);
	if (timer->stop_fn != NULL) {
		timer->stop_fn(timer);
	}
	key = k_spin_lock(&timer_lock);
	if (z_wake_one(&timer->wait_q, 0)) {
		z_reschedule(&timer_lock, key);
		return;
	}
	k_spin_unlock(&timer_lock, key);
}

uint32_t k_timer_status_get(struct k_timer *timer)
{
	Z_OBJ_USER_CHECK(timer);
	k_spinlock_key_t key = k_spin_lock(&timer_lock);
	uint32_t status = timer->status;

	timer->status = 0;
	k_spin_unlock(&timer_lock, key);
	return status;
}

uint32_t k_timer_status_sync(struct k_timer *timer)
{
	Z_OBJ_USER_CHECK(timer);
	k_spinlock_key_t key = k_spin_lock(&timer_lock);
	uint32_t status = timer->status;

	if (status == 0U && z_is_timeout_active(&timer->timeout)) {
		if (k_is_in_isr()) {
			LOG_ERR("k_timer_status_sync(%p) called from an ISR", (void *)timer);
			k_spin_unlock(&timer_lock, key);
			return 0;
		}
		(void)z_pend_curr_desc(&timer_lock, key, &timer->wait_q, K_FOREVER, "k_timer");
		key = k_spin_lock(&timer_lock);
		status = timer->status;
	}
	timer->status = 0;
	k_spin_unlock(&timer_lock, key);
	return status;
}

void k_timer_user_data_set(struct k_timer *timer, void *user_data)
{
	Z_OBJ_USER_CHECK(timer);
	timer->user_data = user_data;
}

void *k_timer_user_data_get(const struct k_timer *timer)
{
	Z_OBJ_USER_CHECK(timer);
	return timer->user_data;
}

k_ticks_t k_timer_expires_ticks(const struct k_timer *timer)
{
	Z_OBJ_USER_CHECK(timer);
	return z_timeout_expires(&timer->timeout);
}

k_ticks_t k_timer_remaining_ticks(const struct k_timer *timer)
{
	Z_OBJ_USER_CHECK(timer);
	return z_timeout_remaining(&timer->timeout);
}

uint32_t k_timer_remaining_get(struct k_timer *timer)
{
	return (uint32_t)k_ticks_to_ms_floor64((uint64_t)k_timer_remaining_ticks(timer));
}
