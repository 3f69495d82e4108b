/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Semaphores and mutexes.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_SYNC_H_
#define ZEPHYR_INCLUDE_KERNEL_SYNC_H_

#include <stdint.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel/thread.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Largest semaphore limit. */
#define K_SEM_MAX_LIMIT UINT32_MAX

/** @brief A counting semaphore. */
struct k_sem {
	_wait_q_t wait_q;        /**< Threads waiting in k_sem_take(). */
	unsigned int count;      /**< Current count. */
	unsigned int limit;      /**< Maximum count. */
	sys_dlist_t poll_events; /**< k_poll() events waiting for the semaphore. */
};

/** @brief Static initializer of semaphore @p obj. */
#define Z_SEM_INITIALIZER(obj, initial_count, count_limit)                                         \
	{.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q),                                                   \
	 .count = (initial_count),                                                                 \
	 .limit = (count_limit),                                                                   \
	 .poll_events = SYS_DLIST_STATIC_INIT(&(obj).poll_events)}

/**
 * @brief Define and initialize a semaphore. A storage class may precede it
 * (`static K_SEM_DEFINE(...)`), so the limit check comes after the definition.
 */
#define K_SEM_DEFINE(name, initial_count, count_limit)                                             \
	struct k_sem name = Z_SEM_INITIALIZER(name, initial_count, count_limit);                   \
	BUILD_ASSERT(((count_limit) != 0) && ((initial_count) <= (count_limit)),                   \
		     "bad semaphore limits");                                                      \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p sem. 0, or -EINVAL if @p limit is 0 or @p initial_count > @p limit. */
int k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit);
/**
 * @brief Take @p sem, waiting up to @p timeout.
 * @return 0; -EBUSY when not available with K_NO_WAIT; -EAGAIN when the timeout expired or the
 * semaphore was reset while waiting.
 */
int k_sem_take(struct k_sem *sem, k_timeout_t timeout);
/** @brief Give @p sem: wakes the highest-priority waiter, else increments (up to the limit). */
void k_sem_give(struct k_sem *sem);
/** @brief Set the count to 0; waiters get -EAGAIN. */
void k_sem_reset(struct k_sem *sem);
/** @brief Current count of @p sem. */
unsigned int k_sem_count_get(struct k_sem *sem);

/** @brief A mutex: recursive, owned, with priority inheritance. */
struct k_mutex {
	_wait_q_t wait_q;         /**< Threads waiting in k_mutex_lock(). */
	struct k_thread *owner;   /**< Owner, or NULL. */
	uint32_t lock_count;      /**< Recursive lock depth. */
	int owner_orig_prio;      /**< Owner's priority before inheritance. */
};

/** @brief Static initializer of mutex @p obj. */
#define Z_MUTEX_INITIALIZER(obj)                                                                   \
	{.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .owner = NULL, .lock_count = 0,                   \
	 .owner_orig_prio = K_LOWEST_APPLICATION_THREAD_PRIO}

/** @brief Define and initialize a mutex. */
#define K_MUTEX_DEFINE(name)                                                                       \
	struct k_mutex name = Z_MUTEX_INITIALIZER(name);                                           \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p mutex (unlocked). Always 0. */
int k_mutex_init(struct k_mutex *mutex);
/**
 * @brief Lock @p mutex, waiting up to @p timeout. The owner may lock again (recursively).
 * While a higher-priority thread waits, the owner runs at that priority.
 * @return 0; -EBUSY when locked and K_NO_WAIT; -EAGAIN when the timeout expired.
 */
int k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout);
/**
 * @brief Unlock @p mutex once.
 * @return 0; -EINVAL if not locked; -EPERM if the caller is not the owner.
 */
int k_mutex_unlock(struct k_mutex *mutex);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_SYNC_H_ */
