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
 * system heap when it is made by code of the executable (the application, zmem) running on the
 * current k_thread's stack (main() and every thread it creates). Everything else keeps glibc's
 * allocator: glibc start-up, the runtime's host threads, logging (which formats on the
 * runtime's stack), and allocations the C library makes internally even when called from a
 * thread (pthread_create's TLS, stdio buffers, strdup).
 * free(), realloc() and malloc_usable_size() route by address, so a pointer always goes back
 * to the allocator it came from. Not with AddressSanitizer, which owns malloc itself. Limitation:
 * freeing a system-heap block from a host thread that is not a k_thread is not serialized with the
 * k_threads (the runtime never does it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>

#include "kheap_internal.h"
#include "zmem_host_malloc.h"

#if defined(CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP) && CONFIG_HEAP_MEM_POOL_SIZE > 0 &&               \
    defined(__GLIBC__) && !Z_KHEAP_ASAN

#include <dlfcn.h>

/* glibc's own allocator, under its exported internal names. */
extern void *__libc_malloc(size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_calloc(size_t nmemb, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t align, size_t size);

/* malloc(3) alignment: what glibc guarantees on this target. */
#define MALLOC_ALIGN                                                                               \
	(2 * sizeof(void *) > _Alignof(max_align_t) ? 2 * sizeof(void *) : _Alignof(max_align_t))

/* Start and end of the executable's code (GNU ld / lld provide them, also for PIE). */
extern const char __executable_start[];
extern const char etext[];

/*
 * True when the call comes from application (or zmem) code running on the current k_thread's
 * stack. Calls made inside the C library (pthread_create's thread-local storage, stdio
 * buffers, strdup...) return into libc, not into the executable, and keep glibc's allocator:
 * otherwise a k_thread_create() would leave part of the new thread's TLS in the system heap.
 */
static bool from_application(const void *caller)
{
	if ((const char *)caller < __executable_start || (const char *)caller >= etext) {
		return false;
	}

	struct k_thread *self = k_current_get();

	if (self == NULL || self->stack_info.size == 0) {
		return false;
	}

	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);

	return sp - self->stack_info.start < self->stack_info.size;
}

#define FROM_APPLICATION() from_application(__builtin_return_address(0))

static bool in_system_heap(const void *ptr)
{
	const struct sys_heap *h = &k_system_heap_get()->heap;
	uintptr_t off = (uintptr_t)ptr - (uintptr_t)h->init_mem;

	return off < h->init_bytes;
}

/* Application request: from the system heap, errno set on failure. */
static void *sys_malloc(size_t align, size_t size)
{
	void *mem = z_heap_aligned_alloc(k_system_heap_get(), align, size);

	if (mem == NULL) {
		errno = ENOMEM;
	}
	return mem;
}

void *malloc(size_t size)
{
	if (!FROM_APPLICATION()) {
		return __libc_malloc(size);
	}

	return sys_malloc(MALLOC_ALIGN, size);
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
	if (!FROM_APPLICATION()) {
		return __libc_calloc(nmemb, size);
	}

	size_t bytes;

	if (__builtin_mul_overflow(nmemb, size, &bytes)) {
		errno = ENOMEM;
		return NULL;
	}

	/* Not malloc() + memset(): the compiler would fold that back into a call to calloc(). */
	void *mem = z_heap_aligned_alloc(k_system_heap_get(), MALLOC_ALIGN, bytes);

	if (mem == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	memset(mem, 0, bytes);
	return mem;
}

void *realloc(void *ptr, size_t size)
{
	if (ptr == NULL) {
		if (!FROM_APPLICATION()) {
			return __libc_malloc(size);
		}
		return sys_malloc(MALLOC_ALIGN, size);
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

/* @p caller: the return address of the public entry point. */
static void *aligned(const void *caller, size_t align, size_t size)
{
	if (!from_application(caller)) {
		return __libc_memalign(align, size);
	}
	return sys_malloc(align < MALLOC_ALIGN ? MALLOC_ALIGN : align, size);
}

void *aligned_alloc(size_t align, size_t size)
{
	if (align == 0 || (align & (align - 1)) != 0) {
		errno = EINVAL;
		return NULL;
	}
	return aligned(__builtin_return_address(0), align, size);
}

void *memalign(size_t align, size_t size)
{
	if (align == 0 || (align & (align - 1)) != 0) {
		errno = EINVAL;
		return NULL;
	}
	return aligned(__builtin_return_address(0), align, size);
}

int posix_memalign(void **memptr, size_t align, size_t size)
{
	if (align == 0 || (align & (align - 1)) != 0 || align % sizeof(void *) != 0) {
		return EINVAL;
	}

	void *mem = aligned(__builtin_return_address(0), align, size);

	if (mem == NULL) {
		return ENOMEM;
	}
	*memptr = mem;
	return 0;
}

void *valloc(size_t size)
{
	return aligned(__builtin_return_address(0), 4096, size);
}

void *pvalloc(size_t size)
{
	size_t rounded;

	if (__builtin_add_overflow(size, (size_t)4095, &rounded)) {
		errno = ENOMEM;
		return NULL;
	}
	return aligned(__builtin_return_address(0), 4096, rounded & ~(size_t)4095);
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
		libc_usable = (size_t(*)(void *))dlsym(RTLD_NEXT, "malloc_usable_size");
	}
	return libc_usable != NULL ? libc_usable(ptr) : 0;
}

void *z_host_malloc(size_t size)
{
	return __libc_malloc(size);
}

void *z_host_calloc(size_t nmemb, size_t size)
{
	return __libc_calloc(nmemb, size);
}

void z_host_free(void *ptr)
{
	__libc_free(ptr);
}

#else /* !CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP: malloc is the C library's own */

#include <stdlib.h>

void *z_host_malloc(size_t size)
{
	return malloc(size);
}

void *z_host_calloc(size_t nmemb, size_t size)
{
	return calloc(nmemb, size);
}

void z_host_free(void *ptr)
{
	free(ptr);
}

#endif /* CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP */
