/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The scheduler interface kernel/mem_slab.c needs, for a fuzz target running on one plain
 * thread (the fuzzer's): nothing ever waits (the targets use K_NO_WAIT; a wait is an oracle
 * failure), nobody else runs, the clock stands still. It plays the role of
 * arch/cortex_m/kernel_single.c on the host.
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/kernel.h>

#include "fuzz_util.h"
#include "ksched.h"

static struct k_thread fuzz_thread;

int64_t sys_clock_tick_get(void)
{
	return 0;
}

unsigned int irq_lock(void)
{
	return 0;
}

void irq_unlock(unsigned int key)
{
	(void)key;
}

bool k_is_in_isr(void)
{
	return false;
}

k_tid_t k_current_get(void)
{
	return &fuzz_thread;
}

int z_pend_curr_desc(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		     k_timeout_t timeout, const char *what)
{
	(void)lock;
	(void)key;
	(void)wq;
	(void)what;
	FUZZ_CHECK(K_TIMEOUT_EQ(timeout, K_NO_WAIT)); /* the targets never wait */
	return -EAGAIN;
}

int z_pend_curr(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq, k_timeout_t timeout)
{
	return z_pend_curr_desc(lock, key, wq, timeout, NULL);
}

struct k_thread *z_unpend_first_thread(_wait_q_t *wq)
{
	(void)wq;
	return NULL;
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
