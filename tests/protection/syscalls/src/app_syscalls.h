/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The application's own system calls, declared the Zephyr way: the build generates
 * <syscalls/app_syscalls.h> and the <syscalls/NAME_mrsh.c> files from these lines. */
#ifndef APP_SYSCALLS_H_
#define APP_SYSCALLS_H_

#include <stdbool.h>
#include <stddef.h>

/* arch_buffer_validate() of the caller, asked from inside a system call. */
__syscall int probe_access(const void *addr, size_t size, int write);

/* k_is_user_context() inside the call. */
__syscall bool probe_in_user_mode(void);

/* Write @p value to the caller's @p dst, after K_SYSCALL_MEMORY_WRITE (K_OOPS on failure). */
__syscall int copy_out(int *dst, int value);

/* Store @p value in memory the caller's own view closes (done by the kernel side). */
__syscall void store_privileged(int value);

#include <syscalls/app_syscalls.h>

#endif /* APP_SYSCALLS_H_ */
