/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_condvar: condition variables used with a k_mutex.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_CONDVAR_H_
#define ZEPHYR_INCLUDE_KERNEL_CONDVAR_H_

#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel/sync.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A condition variable. */
struct k_condvar {
	_wait_q_t wait_q; /**< Threads in k_condvar_wait(). */
};

/** @brief Static initializer of condition variable @p obj. */
#define Z_CONDVAR_INITIALIZER(obj)                                                                 \
	{                                                                                          \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q)                                             \
	}

/** @brief Define and initialize a condition variable (a `static` prefix works). */
#define K_CONDVAR_DEFINE(name)                                                                     \
	struct k_condvar name = Z_CONDVAR_INITIALIZER(name);                                       \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p condvar. Always 0. */
int k_condvar_init(struct k_condvar *condvar);

/** @brief Wake the first waiter (highest priority, then longest waiting). Always 0. */
int k_condvar_signal(struct k_condvar *condvar);

/** @brief Wake every waiter. @return how many were woken */
int k_condvar_broadcast(struct k_condvar *condvar);

/**
 * @brief Unlock @p mutex and wait for a signal, atomically; lock @p mutex again before
 * returning (also after a timeout). Not from an ISR.
 * @retval 0 signalled
 * @retval -EAGAIN the timeout expired
 */
int k_condvar_wait(struct k_condvar *condvar, struct k_mutex *mutex, k_timeout_t timeout);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_CONDVAR_H_ */
