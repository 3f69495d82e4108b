/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Thread stack objects on the host.
 *
 * A stack object is page aligned: one guard page (K_THREAD_STACK_RESERVED bytes), then the
 * slack, then the declared area, whose top is page aligned. The declared area is the size the
 * application asked for, rounded up to ARCH_STACK_PTR_ALIGN as on native_sim (8 bytes on
 * 64-bit hosts, 4 on 32-bit): K_THREAD_STACK_DEFINE(s, 2048) runs its thread on exactly 2048
 * bytes. The slack pads the declared area up to whole pages so that page protection can cover
 * both ends; it is painted at thread creation and checked at every switch and at exit, so it
 * acts as a finer-grained part of the guard (docs/protection.md).
 *
 *     object start (page aligned)                                   object top (page aligned)
 *     | guard page (PROT_NONE) | slack (painted, checked) | declared area (the thread's stack) |
 *
 * K_THREAD_STACK_SIZEOF() gives the declared size back: the object carries a tail of
 * (declared % page) unused bytes above its top, from which the size is recovered at compile
 * time. Elements of K_THREAD_STACK_ARRAY_DEFINE must stay page aligned, so they carry no tail
 * and their K_THREAD_STACK_SIZEOF() is the declared size rounded up to whole pages.
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

/** @brief Alignment of stack sizes and stack pointers (as native_sim's ARCH_STACK_PTR_ALIGN). */
#define ARCH_STACK_PTR_ALIGN __SIZEOF_POINTER__
/** @brief Bytes reserved below the slack and declared area of every stack (the guard page). */
#define K_THREAD_STACK_RESERVED ((size_t)Z_HOST_PAGE_SIZE)
/** @brief Alignment of stack objects. */
#define Z_THREAD_STACK_OBJ_ALIGN Z_HOST_PAGE_SIZE
/** @brief The declared area of a stack asked as @p size bytes (as Zephyr: pointer aligned). */
#define Z_THREAD_STACK_SIZE_ADJUST(size) ROUND_UP((size), ARCH_STACK_PTR_ALIGN)
/** @brief Slack between the guard page and a declared area of @p size bytes. */
#define Z_THREAD_STACK_SLACK(size)                                                                 \
	(ROUND_UP(Z_THREAD_STACK_SIZE_ADJUST(size), Z_HOST_PAGE_SIZE) -                            \
	 Z_THREAD_STACK_SIZE_ADJUST(size))
/** @brief Bytes of a page-multiple stack object (guard, slack, declared area). */
#define Z_THREAD_STACK_OBJ_LEN(size)                                                               \
	(ROUND_UP(Z_THREAD_STACK_SIZE_ADJUST(size), Z_HOST_PAGE_SIZE) + K_THREAD_STACK_RESERVED)
/**
 * @brief Bytes of a stack object of @p size declared bytes: the page-multiple object plus a
 * tail of (declared % page) bytes that lets K_THREAD_STACK_SIZEOF() recover the declared size.
 */
#define K_THREAD_STACK_LEN(size)                                                                   \
	(Z_THREAD_STACK_OBJ_LEN(size) + Z_THREAD_STACK_SIZE_ADJUST(size) % Z_HOST_PAGE_SIZE)
#define K_KERNEL_STACK_LEN(size) K_THREAD_STACK_LEN(size)
/* Declared size of a stack object of @p len bytes (the inverse of K_THREAD_STACK_LEN). */
#define Z_THREAD_STACK_LEN_TO_SIZE(len)                                                            \
	(((len) - K_THREAD_STACK_RESERVED) % Z_HOST_PAGE_SIZE == 0U                                \
		 ? (len) - K_THREAD_STACK_RESERVED                                                 \
		 : (len) - K_THREAD_STACK_RESERVED - Z_HOST_PAGE_SIZE)

/** @brief Define a thread stack @p sym with @p size declared bytes. */
#define K_THREAD_STACK_DEFINE(sym, size)                                                           \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN)                          \
		sym[K_THREAD_STACK_LEN(size)]
/**
 * @brief Define an array of @p nmemb thread stacks of @p size bytes each. Elements are whole
 * pages: K_THREAD_STACK_SIZEOF(sym[i]) is @p size rounded up to whole pages; pass @p size
 * itself to k_thread_create() to get exactly the declared area.
 */
#define K_THREAD_STACK_ARRAY_DEFINE(sym, nmemb, size)                                              \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN)                          \
		sym[nmemb][Z_THREAD_STACK_OBJ_LEN(size)]
/** @brief Declare a stack defined elsewhere. */
#define K_THREAD_STACK_EXTERN(sym) extern k_thread_stack_t sym[]
/**
 * @brief Declare a stack that K_THREAD_STACK_DEFINE(@p sym, @p size) defines elsewhere, with its
 * size, so K_THREAD_STACK_SIZEOF() works on the declaration too (Zephyr 3.5 and later).
 */
#define K_THREAD_STACK_DECLARE(sym, size)                                                          \
	extern struct z_thread_stack_element sym[K_THREAD_STACK_LEN(size)]
/** @brief Declare an array of stacks that K_THREAD_STACK_ARRAY_DEFINE() defines elsewhere. */
#define K_THREAD_STACK_ARRAY_DECLARE(sym, nmemb, size)                                             \
	extern struct z_thread_stack_element sym[nmemb][Z_THREAD_STACK_OBJ_LEN(size)]
/** @brief A stack embedded in a structure. */
#define K_THREAD_STACK_MEMBER(sym, size)                                                           \
	struct z_thread_stack_element __aligned(Z_THREAD_STACK_OBJ_ALIGN)                          \
		sym[K_THREAD_STACK_LEN(size)]
/** @brief Declared bytes of the stack object @p sym (guard page and slack excluded). */
#define K_THREAD_STACK_SIZEOF(sym) Z_THREAD_STACK_LEN_TO_SIZE(sizeof(sym))
/** @brief The declared area of the stack object @p sym (above the guard page and slack). */
#define K_THREAD_STACK_BUFFER(sym)                                                                 \
	((char *)(sym) + K_THREAD_STACK_RESERVED + Z_THREAD_STACK_SLACK(K_THREAD_STACK_SIZEOF(sym)))

#define K_KERNEL_STACK_DEFINE(sym, size)              K_THREAD_STACK_DEFINE(sym, size)
#define K_KERNEL_STACK_ARRAY_DEFINE(sym, nmemb, size) K_THREAD_STACK_ARRAY_DEFINE(sym, nmemb, size)
#define K_KERNEL_STACK_MEMBER(sym, size)              K_THREAD_STACK_MEMBER(sym, size)
#define K_KERNEL_STACK_EXTERN(sym)                    K_THREAD_STACK_EXTERN(sym)
#define K_KERNEL_STACK_DECLARE(sym, size)             K_THREAD_STACK_DECLARE(sym, size)
#define K_KERNEL_STACK_ARRAY_DECLARE(sym, nmemb, size)                                             \
	K_THREAD_STACK_ARRAY_DECLARE(sym, nmemb, size)
#define K_KERNEL_STACK_SIZEOF(sym)                    K_THREAD_STACK_SIZEOF(sym)
#define K_KERNEL_STACK_BUFFER(sym)                    K_THREAD_STACK_BUFFER(sym)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_THREAD_STACK_H_ */
