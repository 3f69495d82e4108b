/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The system heap (k_malloc and friends) and thread resource pools (z_thread_malloc).
 *
 * Each block carries a 16-byte header right before the pointer handed out: the owning k_heap,
 * the distance back to the start of the sys_heap block ("front") with the log2 of the
 * alignment asked for, and a check word over the three and the pointer itself. So k_free()
 * needs no heap argument, k_malloc(0) still returns a distinct freeable pointer, and k_free()
 * of a foreign or already-freed pointer is recognized and refused instead of corrupting a heap.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/heap_listener.h>

#include "kheap_internal.h"

LOG_MODULE_REGISTER(mempool, CONFIG_LOG_DEFAULT_LEVEL);

#if CONFIG_HEAP_MEM_POOL_SIZE > 0
K_HEAP_DEFINE(_system_heap, CONFIG_HEAP_MEM_POOL_SIZE);
#define SYSTEM_HEAP (&_system_heap)
#else
#define SYSTEM_HEAP ((struct k_heap *)NULL)
#endif

#if defined(CONFIG_ZMEM_LIBC_MALLOC_SYSTEM_HEAP) && CONFIG_HEAP_MEM_POOL_SIZE > 0 && !Z_KHEAP_ASAN
__attribute__((constructor)) static void libc_heap_id_set(void)
{
	z_heap_listener_libc_id = HEAP_ID_FROM_POINTER(&_system_heap.heap);
}
#endif

struct k_heap *k_system_heap_get(void)
{
	return SYSTEM_HEAP;
}

struct malloc_hdr {
	struct k_heap *heap;
	uint32_t front_align; /* bytes back to the sys_heap block | log2(align) << 24 */
	uint32_t check;
};

#define HDR_SIZE   16U
#define FRONT_MASK 0x00FFFFFFU
#define MAX_ALIGN  ((size_t)1 << 23)
_Static_assert(sizeof(struct malloc_hdr) <= HDR_SIZE, "malloc header must fit 16 bytes");

static uint32_t hdr_check(const struct k_heap *heap, const void *mem, uint32_t front_align)
{
	uint64_t v = (uint64_t)(uintptr_t)heap * 0x9E3779B97F4A7C15ULL;

	v ^= (uint64_t)(uintptr_t)mem * 0xC2B2AE3D27D4EB4FULL;
	v ^= front_align;
	return (uint32_t)(v >> 32) ^ (uint32_t)v ^ 0x6B3A9C51U;
}

static inline struct malloc_hdr *hdr_of(void *mem)
{
	return (struct malloc_hdr *)((char *)mem - HDR_SIZE);
}

static void hdr_set(void *mem, struct k_heap *heap, uint32_t front_align)
{
	struct malloc_hdr *hdr = hdr_of(mem);

	hdr->heap = heap;
	hdr->front_align = front_align;
	hdr->check = hdr_check(heap, mem, front_align);
}

/*
 * Heaps whose blocks k_free() may be given: every K_HEAP_DEFINE heap (k_heap_array_get(), the
 * system heap included) and the others z_heap_aligned_alloc() has served (thread resource
 * pools set up with k_heap_init()), recorded here on their first allocation. k_free() reads
 * the 16 bytes before a pointer only once it knows they lie inside one of these heaps, so a
 * foreign pointer (a global, a stack variable, the first byte of a mapping) is never read
 * outside its own object. Heaps must outlive their blocks, as on Zephyr.
 */
#ifndef CONFIG_ZMEM_KMALLOC_HEAPS_MAX
#define CONFIG_ZMEM_KMALLOC_HEAPS_MAX 8
#endif
static struct k_heap *other_heaps[CONFIG_ZMEM_KMALLOC_HEAPS_MAX];

static bool heap_is_defined(const struct k_heap *heap)
{
	struct k_heap *first;
	int n = k_heap_array_get(&first);

	return n > 0 && (uintptr_t)heap - (uintptr_t)first < (size_t)n * sizeof(*first);
}

/* Make sure k_free() will find @p heap; false when it cannot (the table is full). */
static bool heap_known(struct k_heap *heap)
{
	if (likely(heap == SYSTEM_HEAP) || heap_is_defined(heap)) {
		return true;
	}
	for (size_t i = 0; i < CONFIG_ZMEM_KMALLOC_HEAPS_MAX; i++) {
		if (other_heaps[i] == heap) {
			return true;
		}
		if (other_heaps[i] == NULL) {
			other_heaps[i] = heap;
			return true;
		}
	}
	LOG_ERR("k_heap %p: more than CONFIG_ZMEM_KMALLOC_HEAPS_MAX (%d) heaps serve k_malloc-style "
		"blocks; allocation refused",
		(void *)heap, CONFIG_ZMEM_KMALLOC_HEAPS_MAX);
	return false;
}

/* True when the header and pointer [mem - HDR_SIZE, mem] lie inside @p heap's buffer. */
static inline bool hdr_inside(const struct k_heap *heap, const void *mem)
{
	uintptr_t off = (uintptr_t)mem - (uintptr_t)heap->heap.init_mem;

	return heap->heap.init_mem != NULL && off >= HDR_SIZE && off < heap->heap.init_bytes;
}

/* The heap whose buffer holds @p mem's header, or NULL. */
static struct k_heap *heap_holding(const void *mem)
{
#if CONFIG_HEAP_MEM_POOL_SIZE > 0
	if (likely(hdr_inside(SYSTEM_HEAP, mem))) {
		return SYSTEM_HEAP;
	}
#endif
	struct k_heap *first;
	int n = k_heap_array_get(&first);

	for (int i = 0; i < n; i++) {
		if (hdr_inside(&first[i], mem)) {
			return &first[i];
		}
	}
	for (size_t i = 0; i < CONFIG_ZMEM_KMALLOC_HEAPS_MAX && other_heaps[i] != NULL; i++) {
		if (hdr_inside(other_heaps[i], mem)) {
			return other_heaps[i];
		}
	}
	return NULL;
}

/* The header of @p mem when it is a live block of ours, else NULL (and a log line). Nothing
 * outside a known heap is read. */
static struct malloc_hdr *hdr_get(void *mem, const char *fn)
{
	struct k_heap *heap = ((uintptr_t)mem % sizeof(void *)) == 0 ? heap_holding(mem) : NULL;
	struct malloc_hdr *hdr = heap != NULL ? hdr_of(mem) : NULL;

	if (hdr == NULL || hdr->heap != heap ||
	    hdr->check != hdr_check(hdr->heap, mem, hdr->front_align)) {
		LOG_ERR("%s(%p): not a live block from k_malloc and friends "
			"(foreign pointer or already freed); ignored",
			fn, mem);
		return NULL;
	}
	return hdr;
}

static unsigned int log2_of(size_t pow2)
{
	return (unsigned int)__builtin_ctzll((unsigned long long)pow2);
}

void *z_heap_aligned_alloc(struct k_heap *heap, size_t align, size_t size)
{
	if (heap == NULL || !heap_known(heap)) {
		return NULL;
	}
	/* Checked before the alignment is raised to the pointer size, which would hide a 3 or a 6
	 * (an 8-aligned block is not 6-aligned). */
	if ((align & (align - 1)) != 0 || align > MAX_ALIGN) {
		LOG_ERR("aligned allocation: alignment %zu is not a power of two up to %zu", align,
			MAX_ALIGN);
		return NULL;
	}
	if (align < sizeof(void *)) {
		align = sizeof(void *);
	}

	/* The header sits just below the returned pointer; with a large alignment the pointer is
	 * `align` bytes into an `align`-aligned block. */
	size_t front = align > HDR_SIZE ? align : HDR_SIZE;
	size_t total;

	if (__builtin_add_overflow(size, front, &total)) {
		return NULL;
	}

	char *blk =
	    k_heap_aligned_alloc(heap, align > sizeof(void *) ? align : 0, total, K_NO_WAIT);

	if (blk == NULL) {
		return NULL;
	}

	char *mem = blk + front;

	hdr_set(mem, heap, (uint32_t)front | (log2_of(align) << 24));
	return mem;
}

void *k_malloc(size_t size)
{
	return z_heap_aligned_alloc(SYSTEM_HEAP, sizeof(void *), size);
}

void *k_aligned_alloc(size_t align, size_t size)
{
	return z_heap_aligned_alloc(SYSTEM_HEAP, align, size);
}

void *k_calloc(size_t nmemb, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(nmemb, size, &bytes)) {
		return NULL;
	}

	void *mem = k_malloc(bytes);

	if (mem != NULL) {
		memset(mem, 0, bytes);
	}
	return mem;
}

void k_free(void *ptr)
{
	if (ptr == NULL) {
		return;
	}

	struct malloc_hdr *hdr = hdr_get(ptr, __func__);

	if (hdr == NULL) {
		return;
	}

	struct k_heap *heap = hdr->heap;
	size_t front = hdr->front_align & FRONT_MASK;

	/* A second k_free() of this pointer must not pass the check. */
	hdr->check = ~hdr->check;
	k_heap_free(heap, (char *)ptr - front);
}

size_t k_malloc_usable_size(void *ptr)
{
	if (ptr == NULL) {
		return 0;
	}

	struct malloc_hdr *hdr = hdr_get(ptr, __func__);

	if (hdr == NULL) {
		return 0;
	}

	size_t front = hdr->front_align & FRONT_MASK;
	size_t usable = sys_heap_usable_size(&hdr->heap->heap, (char *)ptr - front);

	return usable > front ? usable - front : 0;
}

void *k_realloc(void *ptr, size_t size)
{
	/* 0 bytes first, as Zephyr orders them: k_realloc(NULL, 0) is NULL, not k_malloc(0). */
	if (size == 0) {
		k_free(ptr);
		return NULL;
	}
	if (ptr == NULL) {
		return k_malloc(size);
	}

	struct malloc_hdr *hdr = hdr_get(ptr, __func__);

	if (hdr == NULL) {
		return NULL;
	}

	struct k_heap *heap = hdr->heap;
	uint32_t front_align = hdr->front_align;
	size_t front = front_align & FRONT_MASK;
	size_t align = (size_t)1 << (front_align >> 24);

	if (front == HDR_SIZE) {
		/* Header at the block start: resize the block itself, in place when possible. */
		size_t total;

		if (__builtin_add_overflow(size, (size_t)HDR_SIZE, &total)) {
			return NULL;
		}

		/*
		 * The block may move, and the bytes of its old header may stay where they are,
		 * inside the new block or another one (a block that grows down into its free left
		 * neighbour leaves them in its own tail). They must not pass the check there: a
		 * later k_free() of the stale pointer would take them for a live header and write
		 * into that block. So the header is invalidated first and written again below,
		 * whatever the outcome (a failed realloc leaves the block where it was).
		 */
		hdr->check = ~hdr->check;

		char *blk = z_k_heap_aligned_realloc(heap, (char *)ptr - HDR_SIZE,
						     align > sizeof(void *) ? align : 0, total);

		if (blk == NULL) {
			hdr->check = ~hdr->check;
			return NULL;
		}
		hdr_set(blk + HDR_SIZE, heap, front_align);
		return blk + HDR_SIZE;
	}

	/* Large alignment: a fresh block keeps it. */
	void *fresh = z_heap_aligned_alloc(heap, align, size);

	if (fresh != NULL) {
		size_t old = k_malloc_usable_size(ptr);

		memcpy(fresh, ptr, old < size ? old : size);
		k_free(ptr);
	}
	return fresh;
}

void k_thread_heap_assign(struct k_thread *thread, struct k_heap *heap)
{
	if (thread != NULL) {
		thread->resource_pool = heap;
	}
}

void k_thread_system_pool_assign(struct k_thread *thread)
{
	k_thread_heap_assign(thread, SYSTEM_HEAP);
}

struct k_heap *z_thread_resource_pool(void)
{
	if (k_is_in_isr()) {
		return SYSTEM_HEAP;
	}

	struct k_thread *self = k_current_get();

	return self != NULL ? self->resource_pool : NULL;
}

void *z_thread_aligned_alloc(size_t align, size_t size)
{
	return z_heap_aligned_alloc(z_thread_resource_pool(), align, size);
}

void *z_thread_malloc(size_t size)
{
	return z_thread_aligned_alloc(sizeof(void *), size);
}
