/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief What an application's own system call handlers use (z_vrfy_ functions): entering and
 * leaving the call, and Zephyr's checks of a user caller's arguments.
 *
 * On the host a system call is a function call (scripts/gen_app_syscalls.py writes the
 * wrappers). A user thread's call runs its z_vrfy_ function between z_syscall_enter() and
 * z_syscall_exit(): meanwhile the thread is in supervisor mode (k_is_user_context() is false,
 * the supervisor page view is in place), as inside a Zephyr system call, and the checks below
 * judge the arguments against the calling thread's user permissions. A failed K_OOPS() ends
 * the calling thread with a kernel oops (K_ERR_KERNEL_OOPS), as on Zephyr.
 * docs/protection.md, "Application system calls".
 */
#ifndef ZEPHYR_INCLUDE_INTERNAL_SYSCALL_HANDLER_H_
#define ZEPHYR_INCLUDE_INTERNAL_SYSCALL_HANDLER_H_

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <zephyr/kernel.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What z_syscall_exit() needs to put back. */
struct z_syscall_frame {
	struct k_thread *thread; /**< The calling thread. */
	bool from_user;          /**< It was in user mode: leave the call in user mode again. */
};

/** @brief Enter a system call: a user caller runs in supervisor mode until z_syscall_exit(). */
void z_syscall_enter(struct z_syscall_frame *frame);
/** @brief Leave a system call entered with z_syscall_enter(). */
void z_syscall_exit(struct z_syscall_frame *frame);

/** @brief End the calling thread with a kernel oops (a check of a system call failed). */
void z_syscall_oops(const char *call);

/** @brief 0 if @p ok; else log @p fmt (a check of a system call failed) and return 1. */
int z_syscall_verify(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * @brief 0 if the calling thread may access [@p ptr, @p ptr + @p size) (write too if
 * @p write), as arch_buffer_validate() judges; else log it and return 1.
 */
int z_syscall_memory(const void *ptr, size_t size, bool write);

/** @brief z_syscall_memory() for @p nmemb elements of @p size bytes (1 on overflow). */
int z_syscall_memory_array(const void *ptr, size_t nmemb, size_t size, bool write);

/**
 * @brief 0 if the calling thread may use kernel object @p obj (k_object_access_check()); else
 * log it and return 1. The object's type is not checked: zmem keeps no type for static objects.
 */
int z_syscall_obj(const void *obj, int otype);

/** @brief Run @p expr; if it is nonzero, the calling thread ends with a kernel oops. */
#define K_OOPS(expr)                                                                               \
	do {                                                                                       \
		if (expr) {                                                                        \
			z_syscall_oops(__func__);                                                  \
		}                                                                                  \
	} while (false)

/** @brief 0 if @p expr holds; else log the printf-style message after it and return 1. */
#define K_SYSCALL_VERIFY_MSG(expr, ...) z_syscall_verify((expr), __VA_ARGS__)
/** @brief 0 if @p expr holds; else log it and return 1. */
#define K_SYSCALL_VERIFY(expr) z_syscall_verify((expr), "%s", #expr)

/** @brief 0 if the caller may read (or with @p write, write) [@p ptr, @p ptr + @p size). */
#define K_SYSCALL_MEMORY(ptr, size, write) z_syscall_memory((const void *)(ptr), (size), (write))
/** @brief 0 if the caller may read [@p ptr, @p ptr + @p size). */
#define K_SYSCALL_MEMORY_READ(ptr, size) K_SYSCALL_MEMORY(ptr, size, false)
/** @brief 0 if the caller may write [@p ptr, @p ptr + @p size). */
#define K_SYSCALL_MEMORY_WRITE(ptr, size) K_SYSCALL_MEMORY(ptr, size, true)
/** @brief 0 if the caller may read @p nmemb elements of @p size bytes at @p ptr. */
#define K_SYSCALL_MEMORY_ARRAY_READ(ptr, nmemb, size)                                              \
	z_syscall_memory_array((const void *)(ptr), (nmemb), (size), false)
/** @brief 0 if the caller may write @p nmemb elements of @p size bytes at @p ptr. */
#define K_SYSCALL_MEMORY_ARRAY_WRITE(ptr, nmemb, size)                                             \
	z_syscall_memory_array((const void *)(ptr), (nmemb), (size), true)
/** @brief 0 if the caller may use kernel object @p ptr (of type @p type). */
#define K_SYSCALL_OBJ(ptr, type) z_syscall_obj((const void *)(ptr), (int)(type))
/** @brief K_SYSCALL_OBJ() for a call that initializes the object. */
#define K_SYSCALL_OBJ_INIT(ptr, type) K_SYSCALL_OBJ(ptr, type)
/** @brief K_SYSCALL_OBJ() for a call on an object that must not be initialized yet. */
#define K_SYSCALL_OBJ_NEVER_INIT(ptr, type) K_SYSCALL_OBJ(ptr, type)

/**
 * @brief Copy @p size bytes from the caller's @p src to kernel memory @p dst, after checking
 * the caller may read them. 0, or -EFAULT.
 */
static inline int k_usermode_from_copy(void *dst, const void *src, size_t size)
{
	if (z_syscall_memory(src, size, false) != 0) {
		return -EFAULT;
	}
	memcpy(dst, src, size);
	return 0;
}

/**
 * @brief Copy @p size bytes from kernel memory @p src to the caller's @p dst, after checking the
 * caller may write them. 0, or -EFAULT.
 */
static inline int k_usermode_to_copy(void *dst, const void *src, size_t size)
{
	if (z_syscall_memory(dst, size, true) != 0) {
		return -EFAULT;
	}
	memcpy(dst, src, size);
	return 0;
}

/* The names before Zephyr 3.5. */
#define Z_OOPS                       K_OOPS
#define Z_SYSCALL_VERIFY_MSG         K_SYSCALL_VERIFY_MSG
#define Z_SYSCALL_VERIFY             K_SYSCALL_VERIFY
#define Z_SYSCALL_MEMORY             K_SYSCALL_MEMORY
#define Z_SYSCALL_MEMORY_READ        K_SYSCALL_MEMORY_READ
#define Z_SYSCALL_MEMORY_WRITE       K_SYSCALL_MEMORY_WRITE
#define Z_SYSCALL_MEMORY_ARRAY_READ  K_SYSCALL_MEMORY_ARRAY_READ
#define Z_SYSCALL_MEMORY_ARRAY_WRITE K_SYSCALL_MEMORY_ARRAY_WRITE
#define Z_SYSCALL_OBJ                K_SYSCALL_OBJ
#define Z_SYSCALL_OBJ_INIT           K_SYSCALL_OBJ_INIT
#define Z_SYSCALL_OBJ_NEVER_INIT     K_SYSCALL_OBJ_NEVER_INIT
#define z_user_from_copy             k_usermode_from_copy
#define z_user_to_copy               k_usermode_to_copy

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_INTERNAL_SYSCALL_HANDLER_H_ */
