/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_queue (and so k_fifo and k_lifo): items linked through their first word on an sflist.
 *
 * A producer first looks for a waiting consumer and hands it the item directly (through
 * swap_data), so an item never sits in the queue while a thread waits for it, and the
 * allocating forms need no node in that case. Otherwise the item is linked in, or, for the
 * alloc forms, a node from the caller's resource pool that points at it (flag bit 0 set);
 * k_queue_get() and k_queue_remove() free that node again, after releasing the queue's lock
 * (the free may wake threads waiting on the pool).
 *
 * A node is taken from the pool with k_heap_alloc() and records its heap itself, rather than
 * going through z_thread_malloc(), whose 16-byte k_free() header would make each node 40 bytes
 * instead of 32 on a 64-bit host (Zephyr's own node costs 32 there): a thread's pool then
 * holds as many queued items as on Zephyr. Only the kernel ever frees a node.
 */
#include <errno.h>

#include <zephyr/kernel.h>

#include "kernel_internal.h"
#include "kobj_fast_lock.h"
#include "kobj_poll.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

/* A node from the resource pool standing in for an item the kernel must not write. */
struct alloc_node {
	sys_sfnode_t node;
	void *data;
	struct k_heap *heap; /* the pool it came from, which gets it back */
};

#define NODE_ALLOCATED 0x1U

void k_queue_init(struct k_queue *queue)
{
	Z_OBJ_USER_CHECK(queue);
	z_object_init(queue);
	sys_sflist_init(&queue->data_q);
	queue->lock = (struct k_spinlock){0};
	z_waitq_init(&queue->wait_q);
	sys_dlist_init(&queue->poll_events);
}

/* The item a queued node stands for. */
static inline void *node_data(sys_sfnode_t *node)
{
	if (node == NULL) {
		return NULL;
	}
	if ((sys_sfnode_flags_get(node) & NODE_ALLOCATED) != 0U) {
		return CONTAINER_OF(node, struct alloc_node, node)->data;
	}
	return node;
}

/* A node for @p data from the caller's resource pool, or NULL (no pool, or it is full). */
static struct alloc_node *node_alloc(void *data)
{
	struct k_heap *heap = z_thread_resource_pool();
	struct alloc_node *anode;

	if (heap == NULL) {
		return NULL;
	}
	anode = k_heap_alloc(heap, sizeof(*anode), K_NO_WAIT);
	if (anode != NULL) {
		anode->data = data;
		anode->heap = heap;
		sys_sfnode_init(&anode->node, NODE_ALLOCATED);
	}
	return anode;
}

/* Give the node behind @p node back to its pool, if it is one (call without the queue lock). */
static void node_free(sys_sfnode_t *node)
{
	if ((sys_sfnode_flags_get(node) & NODE_ALLOCATED) != 0U) {
		struct alloc_node *anode = CONTAINER_OF(node, struct alloc_node, node);

		k_heap_free(anode->heap, anode);
	}
}

/* Hand @p data to the first waiter, if any (lock held). */
static bool give_to_waiter(struct k_queue *queue, void *data)
{
	struct k_thread *t;

	if (z_waitq_is_empty(&queue->wait_q)) {
		return false;
	}
	t = z_unpend_first_thread(&queue->wait_q);
	z_thread_return_value_set_with_data(t, 0, data);
	z_ready_thread(t);
	return true;
}

/*
 * Insert @p data after @p prev (append: at the tail; NULL prev otherwise: at the head), or
 * give it to a waiter. Called with the lock held; releases it (and may reschedule).
 */
static int32_t insert_locked(struct k_queue *queue, k_spinlock_key_t key, void *prev, void *data,
			     bool alloc, bool append)
{
	sys_sfnode_t *node;

	if (give_to_waiter(queue, data)) {
		z_reschedule(&queue->lock, key);
		return 0;
	}
	if (alloc) {
		/* K_NO_WAIT allocation with the heap's own lock inside ours; it never blocks. */
		struct alloc_node *anode = node_alloc(data);

		if (anode == NULL) {
			k_spin_unlock(&queue->lock, key);
			return -ENOMEM;
		}
		node = &anode->node;
	} else {
		node = data;
		sys_sfnode_init(node, 0);
	}
	if (append) {
		prev = sys_sflist_peek_tail(&queue->data_q);
	}
	sys_sflist_insert(&queue->data_q, prev, node);
	if (z_obj_poll_signal(&queue->poll_events, K_POLL_STATE_DATA_AVAILABLE)) {
		z_reschedule(&queue->lock, key);
	} else {
		/* Nobody was made ready: no scheduling point (as Zephyr's msgq does). */
		k_spin_unlock(&queue->lock, key);
	}
	return 0;
}

static int32_t queue_insert(struct k_queue *queue, void *prev, void *data, bool alloc, bool append)
{
	return insert_locked(queue, k_spin_lock(&queue->lock), prev, data, alloc, append);
}

void k_queue_cancel_wait(struct k_queue *queue)
{
	Z_OBJ_USER_CHECK(queue);
	k_spinlock_key_t key = k_spin_lock(&queue->lock);

	(void)give_to_waiter(queue, NULL);
	z_obj_poll_signal(&queue->poll_events, K_POLL_STATE_CANCELLED);
	z_reschedule(&queue->lock, key);
}

void k_queue_append(struct k_queue *queue, void *data)
{
	k_spinlock_key_t key;

	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	/* Fast path: nobody waiting or polling, so no hand-over and no scheduling decision. */
	key = Z_KOBJ_FAST_LOCK(&queue->lock);
	if (z_waitq_is_empty(&queue->wait_q) && sys_dlist_is_empty(&queue->poll_events)) {
		sys_sfnode_init(data, 0);
		sys_sflist_append(&queue->data_q, data);
		Z_KOBJ_FAST_UNLOCK(&queue->lock, key);
		return;
	}
	Z_KOBJ_FAST_UNLOCK(&queue->lock, key);
	(void)queue_insert(queue, NULL, data, false, true);
}

void k_queue_prepend(struct k_queue *queue, void *data)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	(void)queue_insert(queue, NULL, data, false, false);
}

void k_queue_insert(struct k_queue *queue, void *prev, void *data)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	(void)queue_insert(queue, prev, data, false, false);
}

int32_t k_queue_alloc_append(struct k_queue *queue, void *data)
{
	Z_OBJ_USER_CHECK(queue);
	return queue_insert(queue, NULL, data, true, true);
}

int32_t k_queue_alloc_prepend(struct k_queue *queue, void *data)
{
	Z_OBJ_USER_CHECK(queue);
	return queue_insert(queue, NULL, data, true, false);
}

int k_queue_append_list(struct k_queue *queue, void *head, void *tail)
{
	k_spinlock_key_t key;

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (head == NULL || tail == NULL) {
		return -EINVAL;
	}
	key = k_spin_lock(&queue->lock);
	/* Waiters take items from the head of the chain, one each. */
	while (head != NULL && !z_waitq_is_empty(&queue->wait_q)) {
		void *next = (head == tail) ? NULL : *(void **)head;

		(void)give_to_waiter(queue, head);
		head = next;
	}
	if (head != NULL) {
		sys_sflist_append_list(&queue->data_q, head, tail);
		z_obj_poll_signal(&queue->poll_events, K_POLL_STATE_DATA_AVAILABLE);
	}
	z_reschedule(&queue->lock, key);
	return 0;
}

int k_queue_merge_slist(struct k_queue *queue, sys_slist_t *list)
{
	int ret;

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (list == NULL || sys_slist_is_empty(list)) {
		return -EINVAL;
	}
	ret = k_queue_append_list(queue, list->head, list->tail);
	if (ret == 0) {
		sys_slist_init(list);
	}
	return ret;
}

static inline void *k_queue_get_impl(struct k_queue *queue, k_timeout_t timeout)
{
	k_spinlock_key_t key;
	sys_sfnode_t *node;
	void *data;
	int ret;

	/* Fast path: a plain item (nothing to free, nobody to wake). */
	key = Z_KOBJ_FAST_LOCK(&queue->lock);
	node = sys_sflist_peek_head(&queue->data_q);
	if (node != NULL && (sys_sfnode_flags_get(node) & NODE_ALLOCATED) == 0U) {
		(void)sys_sflist_get_not_empty(&queue->data_q);
		Z_KOBJ_FAST_UNLOCK(&queue->lock, key);
		return node;
	}
	Z_KOBJ_FAST_UNLOCK(&queue->lock, key);

	key = k_spin_lock(&queue->lock);
	if (!sys_sflist_is_empty(&queue->data_q)) {
		node = sys_sflist_get_not_empty(&queue->data_q);
		data = node_data(node);
		k_spin_unlock(&queue->lock, key);
		node_free(node);
		return data;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&queue->lock, key);
		return NULL;
	}
	ret = z_pend_curr_desc(&queue->lock, key, &queue->wait_q, timeout, "k_queue");
	return ret == 0 ? _current->base.swap_data : NULL;
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline void *k_queue_get_user(struct k_queue *queue, k_timeout_t timeout)
{
	z_perm_user_call(queue, "k_queue_get");
	return k_queue_get_impl(queue, timeout);
}

void *k_queue_get(struct k_queue *queue, k_timeout_t timeout)
{
	if (Z_OBJ_USER_GATE()) {
		return k_queue_get_user(queue, timeout);
	}
	return k_queue_get_impl(queue, timeout);
}

bool k_queue_remove(struct k_queue *queue, void *data)
{
	k_spinlock_key_t key;
	sys_sfnode_t *prev = NULL;
	sys_sfnode_t *node;
	bool found = false;

	if (z_prot_refuse_user_call(__func__)) {
		return false;
	}
	key = k_spin_lock(&queue->lock);
	/* By the item, not the node: an item of the alloc forms is found too, as on Zephyr. */
	SYS_SFLIST_FOR_EACH_NODE(&queue->data_q, node)
	{
		if (node_data(node) == data) {
			sys_sflist_remove(&queue->data_q, prev, node);
			found = true;
			break;
		}
		prev = node;
	}
	k_spin_unlock(&queue->lock, key);
	if (found) {
		node_free(node);
	}
	return found;
}

bool k_queue_unique_append(struct k_queue *queue, void *data)
{
	k_spinlock_key_t key;
	sys_sfnode_t *node;

	if (z_prot_refuse_user_call(__func__)) {
		return false;
	}
	key = k_spin_lock(&queue->lock);
	SYS_SFLIST_FOR_EACH_NODE(&queue->data_q, node)
	{
		if (node_data(node) == data) {
			k_spin_unlock(&queue->lock, key);
			return false;
		}
	}
	(void)insert_locked(queue, key, NULL, data, false, true);
	return true;
}

int k_queue_is_empty(struct k_queue *queue)
{
	Z_OBJ_USER_CHECK(queue);
	return (int)sys_sflist_is_empty(&queue->data_q);
}

void *k_queue_peek_head(struct k_queue *queue)
{
	Z_OBJ_USER_CHECK(queue);
	return node_data(sys_sflist_peek_head(&queue->data_q));
}

void *k_queue_peek_tail(struct k_queue *queue)
{
	Z_OBJ_USER_CHECK(queue);
	return node_data(sys_sflist_peek_tail(&queue->data_q));
}
