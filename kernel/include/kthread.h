/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Thread state bits and thread helpers private to the kernel.
 */
#ifndef ZMEM_KERNEL_INCLUDE_KTHREAD_H_
#define ZMEM_KERNEL_INCLUDE_KTHREAD_H_

#include <zephyr/kernel.h>

/* base.thread_state bits (_THREAD_PENDING...) are in <zephyr/kernel_structs.h>, public as on
 * Zephyr. A thread is ready when none of the blocking bits is set. */

#define Z_THREAD_BLOCKING_BITS                                                                     \
	(_THREAD_PRESTART | _THREAD_PENDING | _THREAD_SLEEPING | _THREAD_SUSPENDED | _THREAD_DEAD)

/** @brief True if @p t has no blocking state bit (it may be running or queued). */
static inline bool z_is_thread_ready(const struct k_thread *t)
{
	return (t->base.thread_state & Z_THREAD_BLOCKING_BITS) == 0U;
}

/** @brief True if @p t is pended on a wait queue. */
static inline bool z_is_thread_pending(const struct k_thread *t)
{
	return (t->base.thread_state & _THREAD_PENDING) != 0U;
}

/** @brief True if @p t has ended. */
static inline bool z_is_thread_dead(const struct k_thread *t)
{
	return (t->base.thread_state & _THREAD_DEAD) != 0U;
}

/** @brief True if @p t runs at a cooperative (negative) priority. */
static inline bool z_is_coop_prio(int prio)
{
	return prio < 0;
}

#endif /* ZMEM_KERNEL_INCLUDE_KTHREAD_H_ */
