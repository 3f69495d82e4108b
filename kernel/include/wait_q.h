/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Wait queues: where threads pend on kernel objects (modelled on Zephyr's wait_q.h).
 */
#ifndef ZMEM_KERNEL_INCLUDE_WAIT_Q_H_
#define ZMEM_KERNEL_INCLUDE_WAIT_Q_H_

#include <zephyr/kernel.h>

/** @brief Make @p w an empty wait queue. */
static inline void z_waitq_init(_wait_q_t *w)
{
	sys_dlist_init(&w->waitq);
}

/** @brief The thread z_unpend_first_thread() would return, without unpending it (or NULL). */
struct k_thread *z_waitq_head(_wait_q_t *w);

/** @brief True if no thread waits on @p w. */
static inline bool z_waitq_is_empty(_wait_q_t *w)
{
	return sys_dlist_is_empty(&w->waitq);
}

#endif /* ZMEM_KERNEL_INCLUDE_WAIT_Q_H_ */
