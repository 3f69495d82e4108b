/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Permission sets of the kernel objects zmem allocates at run time (kernel-internal).
 *
 * zmem has no system-call layer and no table of static kernel objects, so only the objects it
 * allocates itself carry a permission set, as Zephyr's do: k_object_alloc() objects and
 * k_thread_stack_alloc() stacks. Each holds a bit per thread index (CONFIG_MAX_THREAD_BYTES
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

/* Permission sets exist with user mode (as on Zephyr: objects have none without it). */
#define Z_PERM_TRACKING Z_PROT_USERSPACE

/** @brief The bookkeeping of one tracked object (kept by whoever allocated the object). */
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
 * @brief True if @p thread may use @p obj: the object is not tracked (static objects are not
 * checked on the host) or @p thread is in its permission set.
 */
bool z_perm_allowed(const void *obj, const struct k_thread *thread);

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
