/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Permission sets of kernel objects, the k_object_access_* calls, and the check of a
 * user thread's kernel calls.
 *
 * What Zephyr keeps for every kernel object, zmem keeps for the ones it allocates itself
 * (k_object_alloc() objects, k_thread_stack_alloc() stacks; kernel/include/kobject_perms.h)
 * from the start, and for any other object (static ones: K_SEM_DEFINE, a struct k_queue in
 * .bss) from the first grant, in one of CONFIG_ZMEM_STATIC_KOBJ_RECORDS records here: a bit
 * per thread index. An object without a record has an empty set, as a static object on Zephyr
 * before any grant. A thread receives an index the first time it gets access to an object, and
 * gives it back when it ends, leaving every set; a k_object_alloc() object whose set becomes
 * empty (its holders ended, revoked or released it) is freed, as Zephyr frees dynamic objects
 * nobody can reach any more. A static object's record stays (reused once its set is empty).
 *
 * Kernel calls that are system calls on Zephyr check a user caller's access to their object
 * (Z_OBJ_USER_CHECK, z_perm_user_call()). The lists are short (objects granted or allocated),
 * so each lookup walks them: O(objects) under one spinlock, and only for user threads.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/kobject.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(kobject, CONFIG_LOG_DEFAULT_LEVEL);

#define PERM_THREADS (CONFIG_MAX_THREAD_BYTES * 8)

static sys_dlist_t tracked = SYS_DLIST_STATIC_INIT(&tracked);
/* Records of objects zmem did not allocate, made by their first grant (linked when in use). */
static struct z_perm_obj static_recs[CONFIG_ZMEM_STATIC_KOBJ_RECORDS];
static bool recs_warned;

bool z_user_threads_seen;
static uint8_t index_used[CONFIG_MAX_THREAD_BYTES];
static struct k_thread *index_owner[PERM_THREADS]; /* the thread object holding each index */
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

/*
 * The thread's index, given one if it has none and @p alloc; -1 if it has (or gets) none (lock
 * held). The index is kept in the thread object and in index_owner[]: a thread object granted
 * something before k_thread_create() (which zeroes it) finds its index again there, as Zephyr
 * keeps a static thread's in its object table, and an index field never written by zmem
 * (a k_thread in memory not yet zeroed) is not taken for one.
 */
static int thread_index(struct k_thread *t, bool alloc)
{
	unsigned int held;

	if (t == NULL) {
		return -1;
	}
	held = (unsigned int)t->perm_index - 1U;
	if (held < PERM_THREADS && index_owner[held] == t) {
		return (int)held;
	}
	for (int i = 0; i < PERM_THREADS; i++) {
		if (index_owner[i] == t) {
			t->perm_index = (uint16_t)(i + 1);
			return i;
		}
	}
	if (!alloc) {
		return -1;
	}
	for (int i = 0; i < PERM_THREADS; i++) {
		if (!bit_test(index_used, i)) {
			bit_set(index_used, i);
			index_owner[i] = t;
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
 * The record of @p obj, made now if it has none (lock held): a free static record, or one whose
 * set is empty and not public. NULL (logged once) when every record holds a set.
 */
static struct z_perm_obj *record_locked(const void *obj)
{
	struct z_perm_obj *po = find_locked(obj);
	struct z_perm_obj *spare = NULL;

	if (po != NULL) {
		return po;
	}
	for (size_t i = 0; i < ARRAY_SIZE(static_recs); i++) {
		struct z_perm_obj *r = &static_recs[i];

		if (!sys_dnode_is_linked(&r->node) && r->obj == NULL) {
			spare = r;
			break;
		}
		if (spare == NULL && !r->public_access && bits_empty(r->perms)) {
			spare = r;
		}
	}
	if (spare == NULL) {
		if (!recs_warned) {
			recs_warned = true;
			LOG_ERR(
			    "more than %d static kernel objects hold permissions; object %p gets "
			    "none (raise CONFIG_ZMEM_STATIC_KOBJ_RECORDS)",
			    CONFIG_ZMEM_STATIC_KOBJ_RECORDS, obj);
		}
		return NULL;
	}
	if (sys_dnode_is_linked(&spare->node)) {
		sys_dlist_remove(&spare->node);
	}
	*spare = (struct z_perm_obj){.obj = obj, .type = (uint8_t)K_OBJ_ANY};
	sys_dnode_init(&spare->node);
	sys_dlist_append(&tracked, &spare->node);
	return spare;
}

static bool has_access_locked(const struct z_perm_obj *po, const struct k_thread *thread)
{
	return po != NULL &&
	       (po->public_access || (thread != NULL && thread->perm_index != 0U &&
				      bit_test(po->perms, (int)thread->perm_index - 1)));
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
	bool ok = po == NULL || has_access_locked(po, thread);

	k_spin_unlock(&perm_lock, key);
	return ok;
}

void z_perm_user_call(const void *obj, const char *call)
{
	struct k_thread *cur = k_current_get();
	k_spinlock_key_t key;
	bool ok;

	if (!z_prot_is_user(cur) || k_is_in_isr()) {
		return;
	}
	if (obj == (const void *)cur) {
		return; /* a thread always has access to itself (as z_perm_access_check says) */
	}
	key = k_spin_lock(&perm_lock);
	ok = has_access_locked(find_locked(obj), cur);
	k_spin_unlock(&perm_lock, key);
	if (!ok) {
		LOG_ERR("%s: thread %p has no access to kernel object %p", call, (void *)cur, obj);
		z_except_reason(K_ERR_KERNEL_OOPS);
	}
}

void z_perm_thread_created(struct k_thread *thread, struct k_thread *parent, bool inherit)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *self = find_locked(thread);
	int pidx = inherit ? thread_index(parent, false) : -1;
	sys_dnode_t *node;
	int idx;

	/* An index granted to the object before k_thread_create() zeroed it is taken up again. */
	(void)thread_index(thread, false);
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
	index_owner[idx] = NULL;
	thread->perm_index = 0U;
	k_spin_unlock(&perm_lock, key);
	release_all(&released);
}

void k_object_access_grant(const void *object, struct k_thread *thread)
{
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *po = find_locked(object);
	struct k_thread *cur = k_current_get();

	if (z_prot_is_user(cur) &&
	    (!has_access_locked(po, cur) || thread == NULL ||
	     (thread != cur && !has_access_locked(find_locked(thread), cur)))) {
		/* As Zephyr's system call: a user thread grants only what it has itself, and only to
		 * a thread it has access to (NULL for either ends it too). */
		k_spin_unlock(&perm_lock, key);
		LOG_ERR("k_object_access_grant: thread %p has no access to object %p or thread %p",
			(void *)cur, object, (void *)thread);
		z_except_reason(K_ERR_KERNEL_OOPS);
		return;
	}
	if (object == NULL || thread == NULL) {
		k_spin_unlock(&perm_lock, key);
		return;
	}
	po = record_locked(object); /* a static object's first grant gives it its set */
	int idx = po != NULL ? thread_index(thread, true) : -1;

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
	struct k_thread *cur = k_current_get();
	k_spinlock_key_t key = k_spin_lock(&perm_lock);
	struct z_perm_obj *po;

	if (z_prot_is_user(cur) && !has_access_locked(find_locked(object), cur)) {
		/* As Zephyr's system call: only an object the caller has access to (not NULL). */
		k_spin_unlock(&perm_lock, key);
		LOG_ERR("k_object_access_all_grant: thread %p has no access to object %p",
			(void *)cur, object);
		z_except_reason(K_ERR_KERNEL_OOPS);
		return;
	}
	if (object == NULL) {
		k_spin_unlock(&perm_lock, key);
		return;
	}
	po = record_locked(object);
	if (po != NULL) {
		po->public_access = true;
	}
	k_spin_unlock(&perm_lock, key);
}

int z_perm_access_check(const void *obj, const struct k_thread *thread)
{
	k_spinlock_key_t key;
	struct z_perm_obj *po;
	bool ok;

	if (obj == NULL) {
		return -EBADF;
	}
	if (obj == (const void *)thread) {
		return 0; /* a thread always has access to itself */
	}
	key = k_spin_lock(&perm_lock);
	po = find_locked(obj);
	ok = has_access_locked(po, thread);
	k_spin_unlock(&perm_lock, key);
	if (ok) {
		return 0;
	}
	/* Without a permission record: a kernel object nobody was granted, or none at all. */
	return po != NULL || !Z_KOBJ_REGISTRY || z_object_is_known(obj) ? -EPERM : -EBADF;
}

int k_object_access_check(const void *object)
{
	return z_perm_access_check(object, k_current_get());
}
