/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Host memory for the runtime's own bookkeeping (host-thread records, signal stacks).
 *
 * With CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP the application's malloc() is the system heap; the
 * runtime's internal allocations must not land there (they would use up the application's
 * heap and be freed from host threads the heap's lock does not serialize). These always use
 * the C library's own allocator. Implemented in kernel/libc_malloc.c.
 */
#ifndef ZMEM_KERNEL_INCLUDE_ZMEM_HOST_MALLOC_H_
#define ZMEM_KERNEL_INCLUDE_ZMEM_HOST_MALLOC_H_

#include <stddef.h>

/** @brief malloc() from the C library's allocator, never the system heap. */
void *z_host_malloc(size_t size);
/** @brief calloc() from the C library's allocator, never the system heap. */
void *z_host_calloc(size_t nmemb, size_t size);
/** @brief free() for memory from z_host_malloc() / z_host_calloc(). */
void z_host_free(void *ptr);

#endif /* ZMEM_KERNEL_INCLUDE_ZMEM_HOST_MALLOC_H_ */
