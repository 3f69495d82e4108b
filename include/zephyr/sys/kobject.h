/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Kernel object permissions for user threads (Zephyr's calls; not enforced on the host).
 *
 * On Zephyr a user thread may only use a kernel object it was granted (k_object_access_grant,
 * K_THREAD_ACCESS_GRANT, inherited with K_INHERIT_PERMS), and the system-call layer checks
 * every call. zmem has no system-call layer: kernel calls are plain function calls and kernel
 * objects do not carry permission sets, so these calls only record nothing and always succeed.
 * Applications written for Zephyr keep them and build unchanged. What the host does enforce
 * for user threads: their memory domain (page protection) and the refusal of calls that are
 * not system calls on Zephyr (k_queue_append, k_msgq_init, k_work_submit... end the calling
 * user thread with a kernel oops). See docs/kernel_objects.md.
 */
#ifndef ZEPHYR_INCLUDE_SYS_KOBJECT_H_
#define ZEPHYR_INCLUDE_SYS_KOBJECT_H_

#include <zephyr/kernel/thread.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Grant @p thread access to kernel object @p object (recorded nowhere on the host). */
static inline void k_object_access_grant(const void *object, struct k_thread *thread)
{
	ARG_UNUSED(object);
	ARG_UNUSED(thread);
}

/** @brief Revoke @p thread's access to @p object (no effect on the host). */
static inline void k_object_access_revoke(const void *object, struct k_thread *thread)
{
	ARG_UNUSED(object);
	ARG_UNUSED(thread);
}

/** @brief Drop the caller's access to @p object (no effect on the host). */
static inline void k_object_release(const void *object)
{
	ARG_UNUSED(object);
}

/** @brief Grant every thread access to @p object (no effect on the host). */
static inline void k_object_access_all_grant(const void *object)
{
	ARG_UNUSED(object);
}

/**
 * @brief Grant @p thread access to each kernel object listed after it (one or more), as
 * Zephyr's macro does by calling k_object_access_grant() for each; recorded nowhere on the
 * host. Every argument is still evaluated once, and each must be an object pointer.
 */
#define k_thread_access_grant(thread, ...)                                                         \
	do {                                                                                       \
		struct k_thread *_zmem_grantee = (thread);                                         \
		const void *const _zmem_granted[] = {__VA_ARGS__};                                 \
                                                                                                   \
		for (size_t _zmem_i = 0; _zmem_i < sizeof(_zmem_granted) / sizeof(void *);         \
		     _zmem_i++) {                                                                  \
			k_object_access_grant(_zmem_granted[_zmem_i], _zmem_grantee);              \
		}                                                                                  \
	} while (0)

/**
 * @brief Grant thread @p name_ access to the objects listed (at build time on Zephyr). On the
 * host the list is only checked to name existing objects.
 */
#define K_THREAD_ACCESS_GRANT(name_, ...)                                                          \
	static const void *const _k_thread_access_##name_[] __unused = {__VA_ARGS__, NULL}

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_KOBJECT_H_ */
