/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Shared by kheap.c, mempool.c and libc_malloc.c: configuration defaults and the listener
 * switch.
 */
#ifndef ZMEM_KERNEL_KHEAP_INTERNAL_H_
#define ZMEM_KERNEL_KHEAP_INTERNAL_H_

#include <stdbool.h>
#include <stddef.h>
#include <zephyr/sys/heap_listener.h>

struct k_heap;

/* k_heap_realloc() with an alignment, never waiting (for k_realloc and the libc realloc). */
void *z_k_heap_aligned_realloc(struct k_heap *h, void *ptr, size_t align, size_t bytes);

/* With no configuration header at all (CONFIG_HEAP_MEM_POOL_SIZE, an int, is then missing too)
 * the defaults of kernel/Kconfig apply. */
#ifndef CONFIG_HEAP_MEM_POOL_SIZE
#define CONFIG_HEAP_MEM_POOL_SIZE 16384
#ifndef CONFIG_SYS_HEAP_LISTENER
#define CONFIG_SYS_HEAP_LISTENER 1
#endif
#endif

/* AddressSanitizer owns malloc and friends: zmem then leaves the C library's allocator alone
 * (CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP has no effect in sanitized builds). */
#if defined(__SANITIZE_ADDRESS__)
#define Z_KHEAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define Z_KHEAP_ASAN 1
#endif
#endif
#ifndef Z_KHEAP_ASAN
#define Z_KHEAP_ASAN 0
#endif

/* True when some heap listener is registered, so notifications are worth their cost. */
static inline bool z_kheap_listeners_on(void)
{
#ifdef CONFIG_SYS_HEAP_LISTENER
	return z_heap_listener_count != 0U;
#else
	return false;
#endif
}

#endif /* ZMEM_KERNEL_KHEAP_INTERNAL_H_ */
