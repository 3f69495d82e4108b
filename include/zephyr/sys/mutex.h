/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's sys_mutex: a mutex that lives in the application's memory.
 *
 * On Zephyr, a sys_mutex is the mutex user threads share through a memory partition: whoever can
 * write the sys_mutex's memory may lock it, with no kernel object grant (Zephyr keeps the kernel
 * mutex behind it in its object table). zmem's sys_mutex holds a k_mutex and calls it without the
 * kernel object permission check, so the rule is the same: access to the memory is the access
 * to the mutex (docs/kernel_objects.md): a user thread gets -EACCES for a sys_mutex outside its
 * stack and its domain's writable partitions, as from Zephyr's system-call check, although the
 * host would let it read and write memory in no partition. Recursive, with priority
 * inheritance, as k_mutex.
 */
#ifndef ZEPHYR_INCLUDE_SYS_MUTEX_H_
#define ZEPHYR_INCLUDE_SYS_MUTEX_H_

#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What sys_mutex_init() and SYS_MUTEX_DEFINE() write to z_tag. */
#define Z_SYS_MUTEX_TAG 0x5359534dU

/** @brief A mutex in application memory. */
struct sys_mutex {
	struct k_mutex kernel_mutex; /**< The kernel mutex behind it. */
	uint32_t z_tag;              /**< Z_SYS_MUTEX_TAG once initialized. */
};

/** @brief Define and initialize a sys_mutex (a storage class before it applies to it). */
#define SYS_MUTEX_DEFINE(name)                                                                     \
	struct sys_mutex name = {.kernel_mutex = Z_MUTEX_INITIALIZER(name.kernel_mutex),           \
				 .z_tag = Z_SYS_MUTEX_TAG};                                        \
	Z_KOBJ_STATIC_RECORD(name)

/**
 * @brief Initialize @p mutex (unlocked). User threads may call it on memory they can write.
 * @param mutex The mutex.
 */
void sys_mutex_init(struct sys_mutex *mutex);

/**
 * @brief Lock @p mutex, waiting up to @p timeout; the owner may lock it again.
 * @param mutex The mutex.
 * @param timeout How long to wait: K_NO_WAIT, K_FOREVER or a time.
 * @return 0; -EBUSY when locked and K_NO_WAIT; -EAGAIN when the timeout expired; -EPERM in
 * an interrupt; -EINVAL when @p mutex is NULL or not an initialized sys_mutex; -EACCES when the
 * caller is a user thread that may not write it (it is not on the thread's stack nor in a
 * writable partition of its domain), as Zephyr answers.
 */
int sys_mutex_lock(struct sys_mutex *mutex, k_timeout_t timeout);

/**
 * @brief Unlock @p mutex once (the last unlock hands it to the best waiter).
 * @param mutex The mutex.
 * @return 0; -EINVAL when it is not locked (or NULL, or not a sys_mutex); -EPERM when the
 * caller is not the owner; -EACCES as sys_mutex_lock().
 */
int sys_mutex_unlock(struct sys_mutex *mutex);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_MUTEX_H_ */
