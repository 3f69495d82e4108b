/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Opt-in (CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP): the C library's malloc family served by the
 * system heap, so that an application's whole memory use shows in the heap statistics, as the
 * seed chapter presents malloc.
 *
 * Scope, and why: on the host, glibc and the runtime's own host threads call malloc too, from
 * any host thread and before main(). Those callers must not eat the application's small system
 * heap, and the system heap's lock only serializes k_threads. So a request is served by the
 * system heap when it comes from application code, recognized by running on the current
 * k_thread's stack (main() and every thread it creates); everything else (glibc start-up, the
 * runtime's threads, logging, which formats on the runtime's stack) keeps glibc's allocator.
 * free(), realloc() and malloc_usable_size() route by address, so a pointer always goes back
 * to the allocator it came from. Limitation: freeing a system-heap block from a host thread
 * that is not a k_thread is not serialized with the k_threads (the runtime never does it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>

#include "kheap_internal.h"

#if defined(CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP) && CONFIG_HEAP_MEM_POOL_SIZE > 0 &&             \
	defined(__GLIBC__)

#include <dlfcn.h>

/* glibc's own allocator, under its exported internal names. */
extern void *__libc_malloc(size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_calloc(size_t nmemb, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t align, size_t size);

/* malloc(3) alignment: what glibc guarantees on this target. */
#define MALLOC_ALIGN (2 * sizeof(void *) > _Alignof(max_align_t) ? 2 * sizeof(void *)          \
							      : _Alignof(max_align_t))

static bool from_application(void)
{
	struct k_thread *self = k_current_get();

	if (self == NULL || self->stack_info.size == 0) {
		return false;
	}

	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);

	return sp - self->stack_info.start < self->stack_info.size;
}

static bool in_system_heap(const void *ptr)
{
	const struct sys_heap *h = &k_system_heap_get()->heap;
	uintptr_t off = (uintptr_t)ptr - (uintptr_t)h->init_mem;

	return off < h->init_bytes;
}

void *malloc(size_t size)
{
	if (!from_application()) {
		return __libc_malloc(size);
	}

	void *mem = z_heap_aligned_alloc(k_system_heap_get(), MALLOC_ALIGN, size);

	if (mem == NULL) {
		errno = ENOMEM;
	}
	return mem;
}

void free(void *ptr)
{
	if (ptr == NULL) {
		return;
	}
	if (in_system_heap(ptr)) {
		k_free(ptr);
	} else {
		__libc_free(ptr);
	}
}

void *calloc(size_t nmemb, size_t size)
{
	if (!from_application()) {
		return __libc_calloc(nmemb, size);
	}

	size_t bytes;

	if (__builtin_mul_overflow(nmemb, size, &bytes)) {
		errno = ENOMEM;
		return NULL;
	}

	void *mem = malloc(bytes);

	if (mem != NULL) {
		memset(mem, 0, bytes);
	}
	return mem;
}

void *realloc(void *ptr, size_t size)
{
	if (ptr == NULL) {
		return malloc(size);
	}
	if (!in_system_heap(ptr)) {
		return __libc_realloc(ptr, size);
	}
	if (size == 0) {
		k_free(ptr);
		return NULL;
	}

	void *mem = k_realloc(ptr, size);

	if (mem == NULL) {
		errno = ENOMEM;
	}
	return mem;
}

void *reallocarray(void *ptr, size_t nmemb, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(nmemb, size, &bytes)) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(ptr, bytes);
}

static void *aligned(size_t align, size_t size)
{
	if (!from_application()) {
		return __libc_memalign(align, size);
	}
	if (align < MALLOC_ALIGN) {
		align = MALLOC_ALIGN;
	}

	void *mem = z_heap_aligned_alloc(k_system_heap_get(), align, size);

	if (mem == NULL) {
		errno = ENOMEM;
	}
	return mem;
}

void *aligned_alloc(size_t align, size_t size)
{
	if (align == 0 || (align & (align - 1)) != 0) {
		errno = EINVAL;
		return NULL;
	}
	return aligned(align, size);
}

void *memalign(size_t align, size_t size)
{
	return aligned_alloc(align, size);
}

int posix_memalign(void **memptr, size_t align, size_t size)
{
	if (align == 0 || (align & (align - 1)) != 0 || align % sizeof(void *) != 0) {
		return EINVAL;
	}

	void *mem = aligned(align, size);

	if (mem == NULL) {
		return ENOMEM;
	}
	*memptr = mem;
	return 0;
}

void *valloc(size_t size)
{
	return aligned(4096, size);
}

void *pvalloc(size_t size)
{
	size_t rounded;

	if (__builtin_add_overflow(size, (size_t)4095, &rounded)) {
		errno = ENOMEM;
		return NULL;
	}
	return aligned(4096, rounded & ~(size_t)4095);
}

size_t malloc_usable_size(void *ptr)
{
	if (ptr == NULL) {
		return 0;
	}
	if (in_system_heap(ptr)) {
		return k_malloc_usable_size(ptr);
	}

	/* glibc's own, looked up once (dlsym may itself allocate: that goes to glibc). */
	static size_t (*libc_usable)(void *);

	if (libc_usable == NULL) {
		libc_usable = (size_t (*)(void *))dlsym(RTLD_NEXT, "malloc_usable_size");
	}
	return libc_usable != NULL ? libc_usable(ptr) : 0;
}

#endif /* CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP */
