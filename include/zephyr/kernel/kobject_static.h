/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Records of the kernel objects the defining macros make (K_SEM_DEFINE and the others).
 *
 * Zephyr's build generates a table of every kernel object in static memory, and
 * k_object_access_check() answers -EBADF for memory that is in none. zmem has no such build
 * step: each defining macro leaves a pointer to its object in section zmem_kobj_static (the
 * linker gathers them; kernel/kobject_registry.c reads them), and an object set up at run time
 * in static memory registers itself in its k_*_init() call.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_KOBJECT_STATIC_H_
#define ZEPHYR_INCLUDE_KERNEL_KOBJECT_STATIC_H_

#include <zephyr/toolchain.h>

#if defined(__linux__)
/**
 * @brief Record the kernel object @p name just defined. Always file- or block-local, whatever
 * storage class precedes the defining macro; the object itself must be static (file scope, or
 * `static` at block scope), as Zephyr's defining macros require.
 */
#define Z_KOBJ_STATIC_RECORD(name)                                                                 \
	static const void *const _CONCAT(z_kobj_static_, name)                                     \
	    __attribute__((used, section("zmem_kobj_static"), aligned(sizeof(void *)))) = &(name)
#else
/* Bare-metal boards have no user mode: nothing asks which memory is a kernel object. */
#define Z_KOBJ_STATIC_RECORD(name) extern const void *const z_kobj_static_none
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_KOBJECT_STATIC_H_ */
