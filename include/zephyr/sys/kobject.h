/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Kernel object permissions for user threads (Zephyr's calls).
 *
 * On Zephyr a user thread may only use a kernel object it was granted (k_object_access_grant,
 * K_THREAD_ACCESS_GRANT, inherited with K_INHERIT_PERMS), and the system-call layer checks
 * every call. zmem has no system-call layer (kernel calls are plain function calls) and no
 * generated table of static objects; it keeps Zephyr's permission sets all the same: objects
 * it allocates at run time (k_object_alloc() objects, k_thread_stack_alloc() stacks) have one
 * from the start, any other object from the first time it is granted (until then nobody has
 * access, as on Zephyr). Zephyr's rules: the allocating thread has access, K_INHERIT_PERMS
 * copies the creator's, a thread has access to itself, and a k_object_alloc() object is freed
 * when the last thread with access ends, releases or loses it. A user thread's call on an
 * object it has no access to ends it with a kernel oops, for the calls that are system calls on
 * Zephyr (k_sem, k_mutex, k_condvar, k_queue and k_fifo/k_lifo, k_msgq, k_stack, k_pipe,
 * k_event, k_poll and its signals, k_timer; k_object_access_grant, k_thread_stack_free).
 * What the host also enforces for user threads: their memory domain (page protection) and the
 * refusal of calls that are not system calls on Zephyr (k_queue_append, k_msgq_init,
 * k_work_submit... end the calling user thread with a kernel oops). See
 * docs/kernel_objects.md.
 */
#ifndef ZEPHYR_INCLUDE_SYS_KOBJECT_H_
#define ZEPHYR_INCLUDE_SYS_KOBJECT_H_

#include <stddef.h>

#include <zephyr/kernel/thread.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Kernel object types, for k_object_alloc() (Zephyr generates this list from its
 * kernel and driver headers; these are the kernel's own).
 */
enum k_objects {
	K_OBJ_ANY,                  /**< Not an allocatable type (k_object_alloc refuses it). */
	K_OBJ_CONDVAR,              /**< struct k_condvar */
	K_OBJ_EVENT,                /**< struct k_event */
	K_OBJ_MEM_SLAB,             /**< struct k_mem_slab */
	K_OBJ_MSGQ,                 /**< struct k_msgq */
	K_OBJ_MUTEX,                /**< struct k_mutex */
	K_OBJ_PIPE,                 /**< struct k_pipe */
	K_OBJ_QUEUE,                /**< struct k_queue (also k_fifo, k_lifo) */
	K_OBJ_POLL_SIGNAL,          /**< struct k_poll_signal */
	K_OBJ_SEM,                  /**< struct k_sem */
	K_OBJ_STACK,                /**< struct k_stack */
	K_OBJ_THREAD,               /**< struct k_thread */
	K_OBJ_TIMER,                /**< struct k_timer */
	K_OBJ_THREAD_STACK_ELEMENT, /**< a thread stack object (k_object_alloc_size: its size) */
	K_OBJ_LAST                  /**< Number of types; not a type. */
};

/**
 * @brief Allocate a kernel object of type @p otype at run time (CONFIG_DYNAMIC_OBJECTS), from
 * the calling thread's resource pool as on Zephyr; the object is not initialized (call its
 * init function). The caller has access to it; it is freed when no thread has access any
 * more (the holders ended, k_object_release(), k_object_access_revoke()) or by
 * k_object_free().
 * @return the object, or NULL: no memory in the pool, K_OBJ_ANY or an unknown type, or
 * CONFIG_DYNAMIC_OBJECTS is not set (as on Zephyr)
 */
void *k_object_alloc(enum k_objects otype);

/**
 * @brief k_object_alloc() with a size: for K_OBJ_THREAD_STACK_ELEMENT a thread stack of @p size
 * usable bytes (pass it to k_thread_create() with that size); for other types at least the
 * type's size.
 */
void *k_object_alloc_size(enum k_objects otype, size_t size);

/**
 * @brief Free an object from k_object_alloc() or k_object_alloc_size() (NULL: nothing). A
 * pointer that is not such an object is reported and ignored, as k_free() does.
 */
void k_object_free(void *obj);

/**
 * @brief Grant @p thread access to kernel object @p object. A static object's first grant gives
 * it its permission set (one of CONFIG_ZMEM_STATIC_KOBJ_RECORDS; past them the grant is refused
 * with a log message). A user thread may only grant an object it has access to itself, to a
 * thread it has access to (itself included), neither NULL; otherwise its call ends in a kernel
 * oops, as Zephyr's system call checks. @p thread may be a thread object not yet created: the
 * thread holds the grant once k_thread_create() has made it, as on Zephyr.
 */
void k_object_access_grant(const void *object, struct k_thread *thread);

/**
 * @brief Revoke @p thread's access to @p object. A k_object_alloc() object nobody has access to
 * any more is freed, as on Zephyr.
 */
void k_object_access_revoke(const void *object, struct k_thread *thread);

/**
 * @brief Whether the calling thread may use kernel object @p object.
 *
 * Kernel objects are, as on Zephyr: those of the defining macros (K_SEM_DEFINE...), thread
 * stacks of K_THREAD_STACK_DEFINE, objects in static memory set up at run time (their k_*_init()
 * call, k_thread_create()), objects k_object_alloc() or k_thread_stack_alloc() handed out, and
 * anything a thread was granted. An object set up on a thread's stack or in a heap block is none,
 * as on Zephyr, whose table lists variables only. Without CONFIG_USERSPACE nothing is tracked
 * and any memory but NULL counts as an object.
 * @retval 0 it was granted access (or the object is public, or is the calling thread itself)
 * @retval -EPERM a kernel object the caller has no access to
 * @retval -EBADF @p object is NULL or no kernel object
 */
int k_object_access_check(const void *object);

/** @brief Drop the caller's own access to @p object (k_object_access_revoke() of itself). */
void k_object_release(const void *object);

/**
 * @brief Grant every thread access to @p object. A user thread may only open an object it has
 * access to itself.
 */
void k_object_access_all_grant(const void *object);

/**
 * @brief Grant @p thread access to each kernel object listed after it (one or more), as
 * Zephyr's macro does by calling k_object_access_grant() for each. Every argument is evaluated
 * once, and each must be an object pointer.
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

/** @brief Grants of a K_THREAD_DEFINE thread (K_THREAD_ACCESS_GRANT; kernel-internal). */
struct _static_thread_grants {
	struct k_thread *thread;            /**< The K_THREAD_DEFINE thread. */
	const void *const *objects;         /**< Objects it is granted, NULL-terminated. */
	struct _static_thread_grants *next; /**< Registration list. */
};

/** @brief Register the grants of a K_THREAD_DEFINE thread (called before main). */
void z_static_thread_grants_register(struct _static_thread_grants *grants);

/**
 * @brief Grant the thread K_THREAD_DEFINE(@p name_, ...) defines access to the objects listed,
 * before it starts, as Zephyr does at build time. @p name_ must be such a thread.
 */
#define K_THREAD_ACCESS_GRANT(name_, ...)                                                          \
	extern struct k_thread _k_thread_obj_##name_;                                              \
	static const void *const _k_thread_access_##name_[] = {__VA_ARGS__, NULL};                 \
	static struct _static_thread_grants _k_thread_grants_##name_ = {                           \
	    .thread = &_k_thread_obj_##name_,                                                      \
	    .objects = _k_thread_access_##name_,                                                   \
	    .next = NULL,                                                                          \
	};                                                                                         \
	__attribute__((constructor)) static void _k_thread_grants_register_##name_(void)           \
	{                                                                                          \
		z_static_thread_grants_register(&_k_thread_grants_##name_);                        \
	}                                                                                          \
	static struct _static_thread_grants *const _k_thread_grants_ptr_##name_ __unused =         \
	    &_k_thread_grants_##name_

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_KOBJECT_H_ */
