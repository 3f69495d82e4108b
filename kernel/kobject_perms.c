/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Permission sets of run-time kernel objects and the k_object_access_* calls.
 *
 * What Zephyr keeps for every kernel object, zmem keeps for the ones it allocates itself
 * (k_object_alloc() objects, k_thread_stack_alloc() stacks; kernel/include/kobject_perms.h):
 * a bit per thread index. A thread receives an index the first time it gets access to such an
 * object, and gives it back when it ends, leaving every set; a k_object_alloc() object whose
 * set becomes empty (its holders ended, revoked or released it) is freed, as Zephyr frees
 * dynamic objects nobody can reach any more. Static objects are not tracked: the calls accept
 * them and record nothing, and nothing checks them.
 *
 * The lists are short (objects allocated at run time and alive), so every call walks them:
 * O(objects) under one spinlock, as Zephyr's own walk of its dynamic objects.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/kobject.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(kobject, CONFIG_LOG_DEFAULT_LEVEL);

#define PERM_THREADS (CONFIG_MAX_THREAD_BYTES * 8)

static sys_dlist_t tracked = SYS_DLIST_STATIC_INIT(&tracked);
static uint8_t index_used[CONFIG_MAX_THREAD_BYTES];
static struct k_spinlock perm_lock;
static bool index_warned;

static inline bool bit_test(const uint8_t *bits, int i)
{
	return (bits[i / 8] & (1U << (i % 8))) != 0U;
}

static inline void bit_set(uint8_t *bits, int i)
{
	bits[i / 8] |= (uint8_t)(1U << (i % 8));
}

static inline void bit_clear(uint8_t *bits, int i)
{
	bits[i / 8] &= (uint8_t) ~(1U << (i % 8));
}

static bool bits_empty(const uint8_t *bits)
{
	for (int i = 0; i < CONFIG_MAX_THREAD_BYTES; i++) {
		if (bits[i] != 0U) {
			return false;
		}
	}
	return true;
}

/* The thread's index, given one if it has none and @p alloc; -1 if it has (or gets) none. */
static int thread_index(struct k_thread *t, bool alloc)
{
	if (t == NULL) {
		return -1;
	}
	if (t->perm_index != 0U) {
		return (int)t->perm_index - 1;
	}
	if (!alloc) {
		return -1;
	}
	for (int i = 0; i < PERM_THREADS; i++) {
		if (!bit_test(index_used, i)) {
			bit_set(index_used, i);
			t->perm_index = (uint16_t)(i + 1);
			return i;
		}
	}
	if (!index_warned) {
		index_warned = true;
		LOG_ERR(
		    "more than %d threads hold access to run-time kernel objects; thread %p gets "
		    "none (raise CONFIG_MAX_THREAD_BYTES)",
		    PERM_THREADS, (void *)t);
	}
	return -1;
}

static inline struct z_perm_obj *perm_of(sys_dnode_t *node)
{
	return CONTAINER_OF(node, struct z_perm_obj, node);
}

static struct z_perm_obj *find_locked(const void *obj)
{
	sys_dnode_t *node;

	SYS_DLIST_FOR_EACH_NODE (&tracked, node) {
		if (perm_of(node)->obj == obj) {
			return perm_of(node);
		}
	}
	return NULL;
}

/*
 * Clear @p idx from @p po (lock held); if that leaves an auto-released object without a holder,
 * move it to @p released, to be freed once the lock is dropped.
 */
static void drop_locked(struct z_perm_obj *po, int idx, sys_dlist_t *released)
{
	if (idx < 0 || !bit_test(po->perms, idx)) {
		return;
	}
	bit_clear(po->perms, idx);
	if (po->auto_release && bits_empty(po->perms)) {
		sys_dlist_remove(&po->node);
		sys_dlist_append(released, &po->node);
	}
}

static void release_all(sys_dlist_t *released)
{
	sys_dnode_t *node;

	while ((node = sys_dlist_get(released)) != NULL) {
		struct z_perm_obj *po = perm_of(node);

		LOG_DBG("object %p: no thread has access any more, freed", po->obj);
		z_dynamic_object_release(po);
	}
}

void z_perm_track(struct z_perm_obj *po, const void *obj, enum k_objects type, bool auto_release)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	int idx = thread_index(k_current_get(), true);

	*po = (struct z_perm_obj){.obj = obj, .type = (uint8_t)type, .auto_release = auto_release};
	sys_dnode_init(&po->node);
	if (idx >= 0) {
		bit_set(po->perms, idx);
	}
	sys_dlist_append(&tracked, &po->node);
	k_spin_unlock(&perm_lock, key);
}

void z_perm_untrack(struct z_perm_obj *po)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);

	if (sys_dnode_is_linked(&po->node)) {
		sys_dlist_remove(&po->node);
	}
	k_spin_unlock(&perm_lock, key);
}

struct z_perm_obj *z_perm_find(const void *obj)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *po = find_locked(obj);

	k_spin_unlock(&perm_lock, key);
	return po;
}

bool z_perm_allowed(const void *obj, const struct k_thread *thread)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *po = find_locked(obj);
	bool ok = po == NULL || po->public_access ||
		  (thread != NULL && thread->perm_index != 0U &&
		   bit_test(po->perms, (int)thread->perm_index - 1));

	k_spin_unlock(&perm_lock, key);
	return ok;
}

void z_perm_thread_created(struct k_thread *thread, struct k_thread *parent, bool inherit)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *self = find_locked(thread);
	int pidx = inherit ? thread_index(parent, false) : -1;
	sys_dnode_t *node;
	int idx;

	if (self == NULL && pidx < 0) {
		k_spin_unlock(&perm_lock, key);
		return;
	}
	idx = thread_index(thread, true);
	if (idx >= 0 && self != NULL) {
		/* Any thread has access to itself. */
		bit_set(self->perms, idx);
	}
	if (idx >= 0 && pidx >= 0) {
		SYS_DLIST_FOR_EACH_NODE (&tracked, node) {
			if (bit_test(perm_of(node)->perms, pidx)) {
				bit_set(perm_of(node)->perms, idx);
			}
		}
	}
	k_spin_unlock(&perm_lock, key);
}

void z_perm_thread_exited(struct k_thread *thread)
{
	sys_dlist_t released = SYS_DLIST_STATIC_INIT(&released);
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	int idx = thread_index(thread, false);
	sys_dnode_t *node;
	sys_dnode_t *next;

	if (idx < 0) {
		k_spin_unlock(&perm_lock, key);
		return;
	}
	SYS_DLIST_FOR_EACH_NODE_SAFE(&tracked, node, next)
	{
		drop_locked(perm_of(node), idx, &released);
	}
	bit_clear(index_used, idx);
	thread->perm_index = 0U;
	k_spin_unlock(&perm_lock, key);
	release_all(&released);
}

void k_object_access_grant(const void *object, struct k_thread *thread)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *po = find_locked(object);
	struct k_thread *cur = k_current_get();

	if (po == NULL || thread == NULL) {
		/* A static object (or none): nothing is recorded or checked on the host. */
		k_spin_unlock(&perm_lock, key);
		return;
	}
	if (z_prot_is_user(cur) && !po->public_access &&
	    (cur->perm_index == 0U || !bit_test(po->perms, (int)cur->perm_index - 1))) {
		/* As Zephyr's system call: a user thread grants only what it has itself. */
		k_spin_unlock(&perm_lock, key);
		LOG_ERR("k_object_access_grant: thread %p has no access to object %p", (void *)cur,
			object);
		z_except_reason(K_ERR_KERNEL_OOPS);
		return;
	}
	int idx = thread_index(thread, true);

	if (idx >= 0) {
		bit_set(po->perms, idx);
	}
	k_spin_unlock(&perm_lock, key);
}

void k_object_access_revoke(const void *object, struct k_thread *thread)
{
	sys_dlist_t released = SYS_DLIST_STATIC_INIT(&released);
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *po = find_locked(object);

	if (po != NULL) {
		drop_locked(po, thread_index(thread, false), &released);
	}
	k_spin_unlock(&perm_lock, key);
	release_all(&released);
}

void k_object_release(const void *object)
{
	k_object_access_revoke(object, k_current_get());
}

void k_object_access_all_grant(const void *object)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *po = find_locked(object);

	if (po != NULL) {
		po->public_access = true;
	}
	k_spin_unlock(&perm_lock, key);
}
