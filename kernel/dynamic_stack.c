/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Thread stacks allocated at run time (k_thread_stack_alloc / k_thread_stack_free).
 *
 * Each stack is its own anonymous mapping laid out like a static stack object (guard page,
 * slack, then the declared area ending on a page boundary; no tail is needed, the size is
 * passed to k_thread_create), so guard pages, the slack check and domains treat it the same
 * way, and freeing it gives the memory back to the host.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(dynamic_stack, CONFIG_LOG_DEFAULT_LEVEL);

struct dyn_stack {
	k_thread_stack_t *obj;
	size_t obj_size;
	struct dyn_stack *next;
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
	a->mem = mmap(NULL, a->obj_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		      0);
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

k_thread_stack_t *k_thread_stack_alloc(size_t size, int flags)
{
	(void)flags; /* K_USER: user and kernel stacks have the same layout on the host. */
	if (!Z_PROT_DYNAMIC_THREAD) {
		LOG_ERR("k_thread_stack_alloc: CONFIG_DYNAMIC_THREAD is not set");
		return NULL;
	}
	if (size == 0U || size > SIZE_MAX / 2U) {
		LOG_ERR("k_thread_stack_alloc: invalid size %zu", size);
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

int k_thread_stack_free(k_thread_stack_t *stack)
{
	if (!Z_PROT_DYNAMIC_THREAD) {
		/* As Zephyr without dynamic threads. */
		return -ENOSYS;
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
	z_host_run_on_runtime_stack(host_free, rec);
	return 0;
}
