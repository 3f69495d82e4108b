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

/* base.thread_state bits. A thread is ready when none of the blocking bits is set. */
#define _THREAD_PRESTART  (1U << 0) /**< Created, not started yet. */
#define _THREAD_PENDING   (1U << 1) /**< On a wait queue. */
#define _THREAD_SLEEPING  (1U << 2) /**< In k_sleep(). */
#define _THREAD_SUSPENDED (1U << 3) /**< k_thread_suspend(). */
#define _THREAD_DEAD      (1U << 4) /**< Ended. */
#define _THREAD_QUEUED    (1U << 5) /**< In the ready queue. */

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
