/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_heap: a sys_heap behind a spinlock, with Zephyr's blocking semantics. Heap listeners are
 * notified by sys_heap itself (CONFIG_SYS_HEAP_LISTENER), once per event, as in Zephyr.
 *
 * Waiting: a failed attempt pends on the heap's wait queue for the rest of the timeout. Every
 * free wakes all waiters; the scheduler runs them in priority order and each one retries. When
 * the timeout expires the waiter tries once more before giving up.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/heap_listener.h>

#include <ksched.h>
#include <wait_q.h>

#include "kheap_internal.h"
#include "kobj_fast_lock.h"

LOG_MODULE_REGISTER(k_heap, CONFIG_LOG_DEFAULT_LEVEL);

void k_heap_init(struct k_heap *h, void *mem, size_t bytes)
{
	z_waitq_init(&h->wait_q);
	h->lock = (struct k_spinlock){0};
	sys_heap_init(&h->heap, mem, bytes);
}

void z_k_heap_static_init(struct k_heap *h)
{
	/* The system heap may have been started early by a C library call (see libc_malloc.c). */
	if (h->heap.heap == NULL) {
		k_heap_init(h, h->heap.init_mem, h->heap.init_bytes);
	}
}

static bool may_wait_here(const struct k_heap *h, k_timeout_t timeout, const char *fn)
{
	if (!K_TIMEOUT_EQ(timeout, K_NO_WAIT) && k_is_in_isr()) {
		LOG_ERR("%s(%p): cannot wait in an ISR; use K_NO_WAIT", fn, (const void *)h);
		return false;
	}
	return true;
}

/*
 * The first attempt failed and the caller may wait: pend for frees and retry until success or
 * the end of the timeout, with one last attempt at expiry. Called and returns with the lock
 * held; *key is updated across waits.
 */
static __attribute__((noinline)) void *wait_and_retry(struct k_heap *h, k_spinlock_key_t *key,
						      void *ptr, size_t align, size_t bytes,
						      k_timeout_t timeout)
{
	k_timepoint_t end = sys_timepoint_calc(timeout);

	for (;;) {
		k_timeout_t left = sys_timepoint_timeout(end);

		if (K_TIMEOUT_EQ(left, K_NO_WAIT)) {
			return NULL; /* the attempt just made was the last, at expiry */
		}
		(void)z_pend_curr_desc(&h->lock, *key, &h->wait_q, left, "k_heap");
		*key = k_spin_lock(&h->lock);

		if (ptr != NULL && sys_heap_usable_size(&h->heap, ptr) == 0) {
			/* Another thread freed the block while we waited (misuse): stop. */
			return NULL;
		}

		void *ret = ptr == NULL ? sys_heap_aligned_alloc(&h->heap, align, bytes)
					: sys_heap_aligned_realloc(&h->heap, ptr, align, bytes);

		if (ret != NULL) {
			return ret;
		}
	}
}

/* Wake every waiter so that each retries; releases the lock. */
static inline __attribute__((always_inline)) void wake_all_and_unlock(struct k_heap *h,
								      k_spinlock_key_t key)
{
	if (likely(z_waitq_is_empty(&h->wait_q)) || !z_unpend_all(&h->wait_q)) {
		k_spin_unlock(&h->lock, key);
	} else {
		z_reschedule(&h->lock, key);
	}
}

/* The fast attempt failed: K_NO_WAIT gives up, else wait for frees (under the lock). */
static __attribute__((noinline)) void *alloc_slow(struct k_heap *h, size_t align, size_t bytes,
						  k_timeout_t timeout)
{
	if (bytes == 0 || K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		return NULL;
	}

	k_spinlock_key_t key = k_spin_lock(&h->lock);
	void *ret = Z_KOBJ_FAST_LOCKLESS ? NULL : sys_heap_aligned_alloc(&h->heap, align, bytes);

	if (ret == NULL) {
		ret = wait_and_retry(h, &key, NULL, align, bytes, timeout);
	}
	k_spin_unlock(&h->lock, key);
	return ret;
}

/* k_heap_alloc() and k_heap_aligned_alloc(); inlined into both so that the natural-alignment
 * case calls sys_heap_alloc() directly. */
static inline __attribute__((always_inline)) void *heap_alloc(struct k_heap *h, size_t align,
							      size_t bytes, k_timeout_t timeout)
{
	if (unlikely((align & (align - 1u)) != 0u)) {
		/* Not a power of two (3, say): sys_heap reports it, and asserts with CONFIG_ASSERT
		 * as Zephyr does; it touches nothing and the caller never waits for it. */
		return sys_heap_aligned_alloc(&h->heap, align, bytes);
	}
	if (unlikely(!K_TIMEOUT_EQ(timeout, K_NO_WAIT)) &&
	    !may_wait_here(h, timeout, "k_heap_alloc")) {
		return NULL;
	}

	k_spinlock_key_t key = Z_KOBJ_FAST_LOCK(&h->lock);
	void *ret = align <= sizeof(void *) ? sys_heap_alloc(&h->heap, bytes)
					    : sys_heap_aligned_alloc(&h->heap, align, bytes);

	if (likely(ret != NULL)) {
		Z_KOBJ_FAST_UNLOCK(&h->lock, key);
		return ret;
	}
	Z_KOBJ_FAST_UNLOCK(&h->lock, key);
	return alloc_slow(h, align, bytes, timeout);
}

void *k_heap_aligned_alloc(struct k_heap *h, size_t align, size_t bytes, k_timeout_t timeout)
{
	return heap_alloc(h, align, bytes, timeout);
}

void *k_heap_alloc(struct k_heap *h, size_t bytes, k_timeout_t timeout)
{
	return heap_alloc(h, 0, bytes, timeout);
}

void *k_heap_calloc(struct k_heap *h, size_t num, size_t size, k_timeout_t timeout)
{
	size_t bytes;

	if (__builtin_mul_overflow(num, size, &bytes)) {
		return NULL;
	}

	void *ret = k_heap_alloc(h, bytes, timeout);

	if (ret != NULL) {
		memset(ret, 0, bytes);
	}
	return ret;
}

/* Resize with an alignment; k_heap_realloc() and k_realloc() share it. */
static void *heap_realloc(struct k_heap *h, void *ptr, size_t align, size_t bytes,
			  k_timeout_t timeout)
{
	if (ptr == NULL) {
		return k_heap_aligned_alloc(h, align, bytes, timeout);
	}
	if (bytes == 0) {
		/* Free exactly once: never retry on a pointer that is already gone. */
		k_heap_free(h, ptr);
		return NULL;
	}
	if (unlikely(h == NULL || !may_wait_here(h, timeout, "k_heap_realloc"))) {
		return NULL;
	}

	k_spinlock_key_t key = k_spin_lock(&h->lock);
	/* Validate before anything can wait: a foreign or freed pointer fails at once (reported
	 * once, by sys_heap's error hook) instead of waiting for frees that cannot help it. */
	size_t old_bytes = sys_heap_usable_size(&h->heap, ptr);

	if (old_bytes == 0) {
		k_spin_unlock(&h->lock, key);
		return NULL;
	}

	void *ret = sys_heap_aligned_realloc(&h->heap, ptr, align, bytes);

	if (ret == NULL && !K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		ret = wait_and_retry(h, &key, ptr, align, bytes, timeout);
	}

	if (ret == NULL) {
		k_spin_unlock(&h->lock, key);
		return NULL;
	}
	/* A block that shrank or moved left free space behind it. */
	wake_all_and_unlock(h, key);
	return ret;
}

void *k_heap_realloc(struct k_heap *h, void *ptr, size_t bytes, k_timeout_t timeout)
{
	return heap_realloc(h, ptr, 0, bytes, timeout);
}

void *z_k_heap_aligned_realloc(struct k_heap *h, void *ptr, size_t align, size_t bytes)
{
	return heap_realloc(h, ptr, align, bytes, K_NO_WAIT);
}

/* k_heap_free() with listeners registered: announce only frees the heap accepts. */
static __attribute__((noinline)) void free_notify(struct k_heap *h, void *mem, k_spinlock_key_t key)
{
	/* usable_size validates the block (reporting a bad one through the error hook). */
	size_t bytes = mem != NULL ? sys_heap_usable_size(&h->heap, mem) : 0;

	if (bytes != 0) {
		sys_heap_free(&h->heap, mem); /* notifies the listeners */
	}
	wake_all_and_unlock(h, key);
}

/* Threads wait: wake them all so that each retries. */
static __attribute__((noinline)) void wake_waiters(struct k_heap *h)
{
	wake_all_and_unlock(h, k_spin_lock(&h->lock));
}

void k_heap_free(struct k_heap *h, void *mem)
{
	if (unlikely(z_kheap_listeners_on())) {
		free_notify(h, mem, k_spin_lock(&h->lock));
		return;
	}

	k_spinlock_key_t key = Z_KOBJ_FAST_LOCK(&h->lock);

	sys_heap_free(&h->heap, mem); /* NULL is a no-op there */
	if (likely(z_waitq_is_empty(&h->wait_q))) {
		Z_KOBJ_FAST_UNLOCK(&h->lock, key);
		return;
	}
	if (Z_KOBJ_FAST_LOCKLESS) {
		wake_waiters(h);
	} else {
		wake_all_and_unlock(h, key);
	}
}

int k_heap_runtime_stats_get(struct k_heap *h, struct sys_memory_stats *stats)
{
	if (h == NULL || stats == NULL) {
		return -EINVAL;
	}

	k_spinlock_key_t key = k_spin_lock(&h->lock);
	int ret = sys_heap_runtime_stats_get(&h->heap, stats);

	k_spin_unlock(&h->lock, key);
	return ret;
}

int k_heap_runtime_stats_reset_max(struct k_heap *h)
{
	if (h == NULL) {
		return -EINVAL;
	}

	k_spinlock_key_t key = k_spin_lock(&h->lock);
	int ret = sys_heap_runtime_stats_reset_max(&h->heap);

	k_spin_unlock(&h->lock, key);
	return ret;
}

/* Provided by the linker for the section K_HEAP_DEFINE places heaps in; weak, so that a
 * program without any such heap still links. */
extern struct k_heap __start_zmem_k_heap[] __attribute__((weak));
extern struct k_heap __stop_zmem_k_heap[] __attribute__((weak));

int k_heap_array_get(struct k_heap **heap)
{
	struct k_heap *first = &__start_zmem_k_heap[0];
	struct k_heap *last = &__stop_zmem_k_heap[0];

	if (first == NULL || first == last) {
		if (heap != NULL) {
			*heap = NULL;
		}
		return 0;
	}
	if (heap != NULL) {
		*heap = first;
	}
	return (int)(last - first);
}
