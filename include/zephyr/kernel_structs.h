/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Kernel structures kernel objects embed: wait queues and timeouts.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_STRUCTS_H_
#define ZEPHYR_INCLUDE_KERNEL_STRUCTS_H_

#include <stdint.h>
#include <zephyr/sys/dlist.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Bits of a thread's base.thread_state. Public, as in Zephyr's kernel_structs.h: Zephyr's tests
 * compare a thread's state with them (`thread_state == _THREAD_PENDING` while it waits forever).
 * The values are zmem's own.
 */
#define _THREAD_PRESTART  (1U << 0) /**< Created, not started yet. */
#define _THREAD_PENDING   (1U << 1) /**< On a wait queue. */
#define _THREAD_SLEEPING  (1U << 2) /**< In k_sleep(). */
#define _THREAD_SUSPENDED (1U << 3) /**< k_thread_suspend(). */
#define _THREAD_DEAD      (1U << 4) /**< Ended. */
#define _THREAD_QUEUED    (1U << 5) /**< In the ready queue. */

/** @brief A wait queue: threads pended on a kernel object, highest priority first. */
typedef struct {
	sys_dlist_t waitq; /**< Pended threads, by priority then arrival. */
} _wait_q_t;

/** @brief Static initializer of the wait queue @p wait_q (a pointer to it). */
#define Z_WAIT_Q_INIT(wait_q) {SYS_DLIST_STATIC_INIT(&(wait_q)->waitq)}

struct k_thread;
/** @brief The running thread (NULL before the kernel starts); Zephyr's `_current`. */
extern struct k_thread *_current_thread;
#ifndef _current
#define _current _current_thread
#endif

struct _timeout;
/** @brief Function run when a timeout expires. */
typedef void (*_timeout_func_t)(struct _timeout *t);

/** @brief A pending timeout (one per thread; kernel objects may embed more). */
struct _timeout {
	sys_dnode_t node;       /**< In the runtime's timeout list, by deadline. */
	int64_t deadline;       /**< Absolute tick at which it expires. */
	_timeout_func_t fn;     /**< Called on expiry, in the kernel. */
};

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_STRUCTS_H_ */
