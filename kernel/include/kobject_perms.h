/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Permission sets of kernel objects (kernel-internal).
 *
 * zmem has no system-call layer and no generated table of static kernel objects. The objects
 * it allocates itself carry a permission set from the start, as Zephyr's do: k_object_alloc()
 * objects and k_thread_stack_alloc() stacks. Any other object gets one (a record of
 * kernel/kobject_perms.c) the first time a thread is granted access to it; before that its set
 * is empty, as a static object's is on Zephyr until a grant. Each set holds a bit per thread
 * index (CONFIG_MAX_THREAD_BYTES
 * bytes of them, as on Zephyr); a thread gets an index the first time it is given access to
 * one of them and gives it back when it ends. A k_object_alloc() object whose last holder ends
 * or lets go is freed, as on Zephyr; stacks are freed only by k_thread_stack_free().
 */
#ifndef ZMEM_KERNEL_INCLUDE_KOBJECT_PERMS_H_
#define ZMEM_KERNEL_INCLUDE_KOBJECT_PERMS_H_

#include <stdbool.h>
#include <stdint.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/dlist.h>

#include "mem_protect.h"

#ifndef CONFIG_MAX_THREAD_BYTES
#define CONFIG_MAX_THREAD_BYTES 2
#endif

#ifndef CONFIG_ZMEM_STATIC_KOBJ_RECORDS
#define CONFIG_ZMEM_STATIC_KOBJ_RECORDS 64
#endif

/* Permission sets exist with user mode (as on Zephyr: objects have none without it). */
#define Z_PERM_TRACKING Z_PROT_USERSPACE

/**
 * @brief True once a user thread has existed (created with K_USER, or a thread entered user
 * mode). Until then no kernel call looks at permissions: a program that never runs a user
 * thread pays one load and branch per call.
 */
extern bool z_user_threads_seen;

/** @brief A thread in user mode exists from now on (kernel/thread.c, kernel/userspace.c). */
static inline void z_perm_user_thread_seen(void)
{
	z_user_threads_seen = true;
}

/**
 * @brief A kernel call @p call on kernel object @p obj: if the calling thread runs in user
 * mode and has no access to @p obj, log it and end the thread with a kernel oops, as Zephyr's
 * system call refuses it (K_SYSCALL_OBJ). Objects zmem did not allocate have access only for
 * the threads they were granted to (k_object_access_grant...), none before the first grant.
 * Nothing is checked in an ISR or for supervisor threads.
 */
void z_perm_user_call(const void *obj, const char *call);

/*
 * Z_OBJ_USER_GATE(): true once a user thread has existed. The hottest calls (k_msgq_put/get,
 * k_queue_get, k_sem_take/give, k_mutex_lock/unlock, k_stack_push/pop) branch on it to a
 * separate function that checks and then does the work, so their usual path saves no registers
 * for a call it never makes.
 */

/**
 * @brief z_perm_user_call() for the calling function when a user thread calls: free until a
 * user thread exists, then a test of the running thread's options for supervisor threads.
 */
extern struct k_thread *_current_thread;
#if Z_PERM_TRACKING
#define Z_OBJ_USER_CHECK(obj)                                                                      \
	do {                                                                                       \
		if (unlikely(z_user_threads_seen) && z_prot_is_user(_current_thread)) {            \
			z_perm_user_call((obj), __func__);                                         \
		}                                                                                  \
	} while (false)
#define Z_OBJ_USER_GATE() unlikely(z_user_threads_seen)
#else
#define Z_OBJ_USER_CHECK(obj) ((void)(obj))
#define Z_OBJ_USER_GATE()     false
#endif

/**
 * @brief The bookkeeping of one tracked object: kept by whoever allocated the object, or one of
 * kernel/kobject_perms.c's records for static objects (made by the first grant).
 */
struct z_perm_obj {
	sys_dnode_t node;                       /**< In the list of tracked objects. */
	const void *obj;                        /**< The object. */
	uint8_t perms[CONFIG_MAX_THREAD_BYTES]; /**< Bit i: the thread of index i has access. */
	uint8_t type;                           /**< Its enum k_objects type. */
	bool auto_release;                      /**< Freed when the last holder goes. */
	bool public_access;                     /**< k_object_access_all_grant(): every thread. */
};

/**
 * @brief Track @p obj from now on, with access for the calling thread only (as Zephyr grants
 * the allocating thread). @p auto_release: z_dynamic_object_release() is called when no
 * thread has access any more.
 */
void z_perm_track(struct z_perm_obj *po, const void *obj, enum k_objects type, bool auto_release);

/** @brief Stop tracking @p po (the object is being freed explicitly). */
void z_perm_untrack(struct z_perm_obj *po);

/** @brief The tracking record of @p obj, or NULL if zmem did not allocate it. */
struct z_perm_obj *z_perm_find(const void *obj);

/**
 * @brief True if @p thread may free the run-time object @p obj (k_thread_stack_free): it is in
 * its permission set, or @p obj is not a run-time object (the caller refuses those itself).
 */
bool z_perm_allowed(const void *obj, const struct k_thread *thread);

/**
 * @brief Whether @p thread may use kernel object @p obj: 0 if it was granted it (or the object
 * is public, or is @p thread itself), -EPERM if not, -EBADF for NULL and for memory that holds
 * no kernel object (kernel/include/kobject_registry.h).
 */
int z_perm_access_check(const void *obj, const struct k_thread *thread);

/**
 * @brief A new thread: access to itself if its thread object is tracked (as on Zephyr), and,
 * with @p inherit (K_INHERIT_PERMS), to every tracked object @p parent has access to.
 */
void z_perm_thread_created(struct k_thread *thread, struct k_thread *parent, bool inherit);

/**
 * @brief @p thread ends: it leaves every permission set and gives its index back; objects left
 * without a holder are released. Safe to call twice.
 */
void z_perm_thread_exited(struct k_thread *thread);

/**
 * @brief Free a k_object_alloc() object no thread has access to any more (its msgq or stack
 * buffer too, as Zephyr's release does). Called without locks held.
 */
void z_dynamic_object_release(struct z_perm_obj *po);

#endif /* ZMEM_KERNEL_INCLUDE_KOBJECT_PERMS_H_ */
