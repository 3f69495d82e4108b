/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Which memory holds a kernel object (kernel-internal), for k_object_access_check().
 *
 * Zephyr answers this from a table its build generates of every kernel object in static memory
 * (and its list of objects allocated at run time): memory in neither is no kernel object, and
 * k_object_access_check() gives -EBADF for it. zmem knows the same objects from three sources:
 * - the records the defining macros leave (K_SEM_DEFINE...; <zephyr/kernel/kobject_static.h>)
 *   and K_THREAD_STACK_DEFINE's stack records;
 * - objects in static memory (the program's and its libraries' writable segments) that a
 *   k_*_init() call or k_thread_create() set up: z_object_init();
 * - objects zmem allocated (k_object_alloc(), k_thread_stack_alloc()), which carry a permission
 *   record (kernel/include/kobject_perms.h).
 * As on Zephyr, an object on a thread's stack or in a heap block that was set up with its
 * k_*_init() call is none. Kept only with user mode (CONFIG_USERSPACE) on the host.
 */
#ifndef ZMEM_KERNEL_INCLUDE_KOBJECT_REGISTRY_H_
#define ZMEM_KERNEL_INCLUDE_KOBJECT_REGISTRY_H_

#include <stdbool.h>

#include "kobject_perms.h"

#if Z_PERM_TRACKING && defined(__linux__)
#define Z_KOBJ_REGISTRY 1
/**
 * @brief @p obj, a kernel object, is being set up at run time (its k_*_init() call, or
 * k_thread_create() for a thread object): remember it if it lies in static memory.
 */
void z_object_init(const void *obj);

/**
 * @brief Whether @p obj is a kernel object zmem knows of: defined by a defining macro, a stack
 * object of K_THREAD_STACK_DEFINE, or set up at run time in static memory (z_object_init()).
 * Objects zmem allocated are told by their permission record (z_perm_find()), not here.
 */
bool z_object_is_known(const void *obj);
#else
#define Z_KOBJ_REGISTRY 0
static inline void z_object_init(const void *obj)
{
	(void)obj;
}
static inline bool z_object_is_known(const void *obj)
{
	(void)obj;
	return false;
}
#endif

#endif /* ZMEM_KERNEL_INCLUDE_KOBJECT_REGISTRY_H_ */
