/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's sys_sem: a counting semaphore that lives in the application's memory.
 *
 * As sys_mutex (<zephyr/sys/mutex.h>): whoever may write the sys_sem's memory may use it, with
 * no kernel object grant, as on Zephyr (a futex in a partition there). A user thread gets
 * -EACCES for one outside its stack and its domain's writable partitions (memory in no partition
 * included, which the host would let it write). zmem's holds a k_sem and calls it without the
 * permission check; Zephyr's sys_sem answers: sys_sem_give() at the limit is -EAGAIN (with CONFIG_USERSPACE), a take
 * that cannot be satisfied is -ETIMEDOUT (k_sem_take's -EBUSY and -EAGAIN).
 */
#ifndef ZEPHYR_INCLUDE_SYS_SEM_H_
#define ZEPHYR_INCLUDE_SYS_SEM_H_

#include <zephyr/kernel.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A counting semaphore in application memory. */
struct sys_sem {
	struct k_sem kernel_sem; /**< The kernel semaphore behind it. */
};

/**
 * @brief Define and initialize a sys_sem with @p initial_count of at most @p count_limit (a
 * storage class before it applies to it).
 */
#define SYS_SEM_DEFINE(name, initial_count, count_limit)                                           \
	struct sys_sem name = {                                                                    \
	    .kernel_sem = Z_SEM_INITIALIZER(name.kernel_sem, initial_count, count_limit)};         \
	BUILD_ASSERT(((count_limit) != 0) && ((initial_count) <= (count_limit)) &&                 \
			 ((count_limit) <= INT_MAX),                                               \
		     "bad sys_sem limits")

/**
 * @brief Initialize @p sem with @p initial_count, at most @p limit.
 * @return 0; -EINVAL for a NULL @p sem, a @p limit of 0 or over INT_MAX (Zephyr's futex counts
 * are ints), or @p initial_count over @p limit; -EACCES for a user thread that may not write
 * @p sem.
 */
int sys_sem_init(struct sys_sem *sem, unsigned int initial_count, unsigned int limit);

/**
 * @brief Give @p sem: the best waiter takes it, else the count grows.
 * @return 0; -EAGAIN when no thread waits and the count is at its limit already (with
 * CONFIG_USERSPACE, as Zephyr's; without it the give is k_sem_give()'s and returns 0); -EINVAL
 * for NULL; -EACCES as sys_sem_init().
 */
int sys_sem_give(struct sys_sem *sem);

/**
 * @brief Take @p sem, waiting up to @p timeout.
 * @return 0; -ETIMEDOUT when it could not be taken in time (K_NO_WAIT included); -EINVAL for
 * NULL; -EACCES as sys_sem_init().
 */
int sys_sem_take(struct sys_sem *sem, k_timeout_t timeout);

/** @brief The count of @p sem (0 for NULL). */
unsigned int sys_sem_count_get(struct sys_sem *sem);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_SEM_H_ */
