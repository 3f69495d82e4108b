/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Thread stack objects on the host.
 *
 * A stack object is page aligned: one guard page (K_THREAD_STACK_RESERVED bytes) followed by
 * the usable area, rounded up to whole pages so that page protection can cover both ends.
 * The thread's entry runs on exactly that usable area.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_THREAD_STACK_H_
#define ZEPHYR_INCLUDE_KERNEL_THREAD_STACK_H_

#include <stddef.h>
#include <zephyr/sys/util.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Host page size the stack layout assumes. */
#define Z_HOST_PAGE_SIZE 4096

/** @brief One element of a stack object; stacks are arrays of it. */
struct z_thread_stack_element {
	char data; /**< One byte. */
};
/** @brief A thread stack object (pass the symbol a K_THREAD_STACK_DEFINE gave). */
typedef struct z_thread_stack_element k_thread_stack_t;

/** @brief Bytes reserved below the usable area of every stack (the guard page). */
#define K_THREAD_STACK_RESERVED ((size_t)Z_HOST_PAGE_SIZE)
/** @brief Alignment of stack objects. */
#define Z_THREAD_STACK_OBJ_ALIGN Z_HOST_PAGE_SIZE
/** @brief Usable size of a stack asked as @p size bytes (whole pages). */
#define Z_THREAD_STACK_SIZE_ADJUST(size) ROUND_UP((size), Z_HOST_PAGE_SIZE)
/** @brief Bytes of a stack object with @p size usable bytes (guard included). */
#define K_THREAD_STACK_LEN(size) (Z_THREAD_STACK_SIZE_ADJUST(size) + K_THREAD_STACK_RESERVED)
#define K_KERNEL_STACK_LEN(size) K_THREAD_STACK_LEN(size)

/** @brief Define a thread stack @p sym with at least @p size usable bytes. */
#define K_THREAD_STACK_DEFINE(sym, size)                                                           \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN)                          \
		sym[K_THREAD_STACK_LEN(size)]
/** @brief Define an array of @p nmemb thread stacks of @p size usable bytes each. */
#define K_THREAD_STACK_ARRAY_DEFINE(sym, nmemb, size)                                              \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN)                          \
		sym[nmemb][K_THREAD_STACK_LEN(size)]
/** @brief Declare a stack defined elsewhere. */
#define K_THREAD_STACK_EXTERN(sym) extern k_thread_stack_t sym[]
/** @brief A stack embedded in a structure. */
#define K_THREAD_STACK_MEMBER(sym, size)                                                           \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN)                          \
		sym[K_THREAD_STACK_LEN(size)]
/** @brief Usable bytes of the stack object @p sym (guard page excluded). */
#define K_THREAD_STACK_SIZEOF(sym) (sizeof(sym) - K_THREAD_STACK_RESERVED)
/** @brief The usable area of the stack object @p sym. */
#define K_THREAD_STACK_BUFFER(sym) ((char *)(sym) + K_THREAD_STACK_RESERVED)

#define K_KERNEL_STACK_DEFINE(sym, size)              K_THREAD_STACK_DEFINE(sym, size)
#define K_KERNEL_STACK_ARRAY_DEFINE(sym, nmemb, size) K_THREAD_STACK_ARRAY_DEFINE(sym, nmemb, size)
#define K_KERNEL_STACK_MEMBER(sym, size)              K_THREAD_STACK_MEMBER(sym, size)
#define K_KERNEL_STACK_EXTERN(sym)                    K_THREAD_STACK_EXTERN(sym)
#define K_KERNEL_STACK_SIZEOF(sym)                    K_THREAD_STACK_SIZEOF(sym)
#define K_KERNEL_STACK_BUFFER(sym)                    K_THREAD_STACK_BUFFER(sym)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_THREAD_STACK_H_ */
