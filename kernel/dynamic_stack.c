/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Thread stacks allocated at run time (k_thread_stack_alloc / k_thread_stack_free).
 *
 * Two sources, as on Zephyr: a pool of CONFIG_DYNAMIC_THREAD_POOL_SIZE static stacks of
 * CONFIG_DYNAMIC_THREAD_STACK_SIZE bytes (a bit per stack), and, with
 * CONFIG_DYNAMIC_THREAD_ALLOC, allocated stacks of any size; CONFIG_DYNAMIC_THREAD_PREFER_*
 * says which is tried first, the other is the fallback.
 *
 * Each allocated stack is its own anonymous mapping laid out like a static stack object (guard
 * page, slack, then the declared area ending on a page boundary; no tail is needed, the size is
 * passed to k_thread_create), so guard pages, the slack check and domains treat it the same
 * way, and freeing it gives the memory back to the host. Pool stacks are static stack objects.
 *
 * With user mode each handed-out stack has a permission set (kernel/include/kobject_perms.h):
 * the allocating thread has access, others get it by grant or K_INHERIT_PERMS, and a user
 * thread may free only a stack it has access to (otherwise its k_thread_stack_free() ends in a
 * kernel oops, as Zephyr's system call check). Stacks are never freed automatically.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(dynamic_stack, CONFIG_LOG_DEFAULT_LEVEL);

struct dyn_stack {
	k_thread_stack_t *obj;
	size_t obj_size;
	struct dyn_stack *next;
	struct z_perm_obj perm; /* who may free it (user mode) */
};

static struct dyn_stack *dyn_stacks;
static struct k_spinlock dyn_lock;

/*
 * The host's allocator and mmap need more stack than an application thread should pay for
 * (glibc's first malloc alone takes ~2 KB): they run on the runtime's stack.
 */
struct host_alloc {
	size_t obj_size;
	struct dyn_stack *rec;
	void *mem;
};

static void host_alloc(void *arg)
{
	struct host_alloc *a = arg;

	a->rec = malloc(sizeof(*a->rec));
	if (a->rec == NULL) {
		return;
	}
	a->mem =
	    mmap(NULL, a->obj_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (a->mem == MAP_FAILED) {
		free(a->rec);
		a->rec = NULL;
	}
}

static void host_free(void *arg)
{
	struct dyn_stack *rec = arg;

	munmap(rec->obj, rec->obj_size);
	free(rec);
}

#if defined(CONFIG_DYNAMIC_THREAD_POOL_SIZE) && CONFIG_DYNAMIC_THREAD_POOL_SIZE > 0
#define POOL_STACKS     CONFIG_DYNAMIC_THREAD_POOL_SIZE
#define POOL_STACK_SIZE CONFIG_DYNAMIC_THREAD_STACK_SIZE
static K_THREAD_STACK_ARRAY_DEFINE(pool_stacks, POOL_STACKS, POOL_STACK_SIZE);
static uint32_t pool_used[(POOL_STACKS + 31) / 32]; /* bit i: pool_stacks[i] handed out */
static struct z_perm_obj pool_perm[POOL_STACKS];
#else
#define POOL_STACKS     0
#define POOL_STACK_SIZE 0
static k_thread_stack_t pool_stacks[1][1];
static uint32_t pool_used[1];
static struct z_perm_obj pool_perm[1];
#endif

/* Variables, not macros, in the comparisons: a pool of 0 stacks must not make them constant. */
static const size_t pool_count = POOL_STACKS;
static const size_t pool_stack_size = POOL_STACK_SIZE;

#if defined(CONFIG_DYNAMIC_THREAD_PREFER_ALLOC) ||                                                 \
    (Z_PROT_NO_AUTOCONF && !defined(CONFIG_DYNAMIC_THREAD_PREFER_POOL))
#define PREFER_ALLOC 1
#else
#define PREFER_ALLOC 0
#endif
#if defined(CONFIG_DYNAMIC_THREAD_ALLOC) || Z_PROT_NO_AUTOCONF
#define ALLOC_ENABLED 1
#else
#define ALLOC_ENABLED 0
#endif

/* A free pool stack, for sizes up to the pool's stack size; NULL otherwise. */
static k_thread_stack_t *pool_alloc(size_t size)
{
	k_thread_stack_t *stack = NULL;

	if (pool_count == 0U || size > pool_stack_size) {
		return NULL;
	}
	k_spinlock_key_t key = k_spin_lock(&dyn_lock);

	for (size_t i = 0; i < pool_count; i++) {
		if ((pool_used[i / 32] & (1U << (i % 32))) == 0U) {
			pool_used[i / 32] |= 1U << (i % 32);
			stack = pool_stacks[i];
			break;
		}
	}
	k_spin_unlock(&dyn_lock, key);
	return stack;
}

/* Index of @p stack in the pool, or -1 if it is not one of the pool's stack objects. */
static long pool_index(const k_thread_stack_t *stack)
{
	uintptr_t base = (uintptr_t)pool_stacks[0];
	uintptr_t p = (uintptr_t)stack;
	size_t each = sizeof(pool_stacks[0]);

	if (pool_count == 0U || p < base || p >= base + pool_count * each ||
	    (p - base) % each != 0U) {
		return -1;
	}
	return (long)((p - base) / each);
}

static k_thread_stack_t *mapped_alloc(size_t size)
{
	if (!ALLOC_ENABLED || size > SIZE_MAX / 2U) {
		return NULL;
	}
	struct host_alloc a = {.obj_size = Z_THREAD_STACK_OBJ_LEN(size)};

	z_host_run_on_runtime_stack(host_alloc, &a);
	if (a.rec == NULL) {
		LOG_ERR("k_thread_stack_alloc: no memory for %zu bytes", a.obj_size);
		return NULL;
	}
	struct dyn_stack *rec = a.rec;

	rec->obj = a.mem;
	rec->obj_size = a.obj_size;

	k_spinlock_key_t key = k_spin_lock(&dyn_lock);

	rec->next = dyn_stacks;
	dyn_stacks = rec;
	k_spin_unlock(&dyn_lock, key);
	return rec->obj;
}

/* The permission record of @p stack, a stack handed out and not yet freed. */
static struct z_perm_obj *stack_perm(const k_thread_stack_t *stack)
{
	long idx = pool_index(stack);
	struct z_perm_obj *perm = NULL;

	if (idx >= 0) {
		return &pool_perm[idx];
	}
	k_spinlock_key_t key = k_spin_lock(&dyn_lock);

	for (struct dyn_stack *rec = dyn_stacks; rec != NULL; rec = rec->next) {
		if (rec->obj == stack) {
			perm = &rec->perm;
			break;
		}
	}
	k_spin_unlock(&dyn_lock, key);
	return perm;
}

k_thread_stack_t *k_thread_stack_alloc(size_t size, int flags)
{
	k_thread_stack_t *stack;

	(void)flags; /* K_USER: user and kernel stacks have the same layout on the host. */
	if (!Z_PROT_DYNAMIC_THREAD) {
		LOG_ERR("k_thread_stack_alloc: CONFIG_DYNAMIC_THREAD is not set");
		return NULL;
	}
	if (size == 0U || size > SIZE_MAX / 2U) {
		LOG_ERR("k_thread_stack_alloc: invalid size %zu", size);
		return NULL;
	}
	if (PREFER_ALLOC) {
		stack = mapped_alloc(size);
		if (stack == NULL) {
			stack = pool_alloc(size);
		}
	} else {
		stack = pool_alloc(size);
		if (stack == NULL) {
			stack = mapped_alloc(size);
		}
	}
	if (stack == NULL) {
		LOG_DBG("k_thread_stack_alloc: no stack of %zu bytes (pool %d x %d bytes, "
			"allocation %s)",
			size, POOL_STACKS, POOL_STACK_SIZE, ALLOC_ENABLED ? "failed" : "disabled");
	} else if (Z_PERM_TRACKING) {
		/* The caller has access to it, as on Zephyr. */
		z_perm_track(stack_perm(stack), stack, K_OBJ_THREAD_STACK_ELEMENT, false);
	}
	return stack;
}

bool z_thread_stack_is_dynamic(const k_thread_stack_t *stack)
{
	long idx = pool_index(stack);
	bool found = false;
	k_spinlock_key_t key = k_spin_lock(&dyn_lock);

	if (idx >= 0) {
		found = (pool_used[idx / 32] & (1U << (idx % 32))) != 0U;
	} else {
		for (struct dyn_stack *rec = dyn_stacks; rec != NULL && !found; rec = rec->next) {
			found = rec->obj == stack;
		}
	}
	k_spin_unlock(&dyn_lock, key);
	return found;
}

int k_thread_stack_free(k_thread_stack_t *stack)
{
	if (!Z_PROT_DYNAMIC_THREAD) {
		/* As Zephyr without dynamic threads. */
		return -ENOSYS;
	}
	if (Z_PERM_TRACKING && z_prot_is_user(k_current_get()) &&
	    !z_perm_allowed(stack, k_current_get())) {
		/* Zephyr's system call checks the caller's access to the stack object. */
		LOG_ERR("k_thread_stack_free: thread %p has no access to stack %p",
			(void *)k_current_get(), (void *)stack);
		z_except_reason(K_ERR_KERNEL_OOPS);
		return -EPERM;
	}
	long idx = pool_index(stack);

	if (idx >= 0) {
		k_spinlock_key_t key = k_spin_lock(&dyn_lock);
		uint32_t bit = 1U << (idx % 32);

		if ((pool_used[idx / 32] & bit) == 0U) {
			k_spin_unlock(&dyn_lock, key);
			LOG_ERR("k_thread_stack_free: pool stack %p is not allocated",
				(void *)stack);
			return -EINVAL;
		}
		if (z_prot_stack_in_use((uintptr_t)stack, sizeof(pool_stacks[0]))) {
			k_spin_unlock(&dyn_lock, key);
			LOG_ERR("k_thread_stack_free: a live thread still uses stack %p",
				(void *)stack);
			return -EBUSY;
		}
		pool_used[idx / 32] &= ~bit;
		k_spin_unlock(&dyn_lock, key);
		if (Z_PERM_TRACKING) {
			z_perm_untrack(&pool_perm[idx]);
		}
		return 0;
	}

	k_spinlock_key_t key = k_spin_lock(&dyn_lock);
	struct dyn_stack **link = &dyn_stacks;

	while (*link != NULL && (*link)->obj != stack) {
		link = &(*link)->next;
	}
	struct dyn_stack *rec = *link;

	if (rec == NULL) {
		k_spin_unlock(&dyn_lock, key);
		LOG_ERR("k_thread_stack_free: %p is not a stack from k_thread_stack_alloc()",
			(void *)stack);
		return -EINVAL;
	}
	if (z_prot_stack_in_use((uintptr_t)rec->obj, rec->obj_size)) {
		k_spin_unlock(&dyn_lock, key);
		LOG_ERR("k_thread_stack_free: a live thread still uses stack %p", (void *)stack);
		return -EBUSY;
	}
	*link = rec->next;
	k_spin_unlock(&dyn_lock, key);
	if (Z_PERM_TRACKING) {
		z_perm_untrack(&rec->perm);
	}
	z_host_run_on_runtime_stack(host_free, rec);
	return 0;
}
