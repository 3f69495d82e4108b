/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_msgq: a ring of fixed-size messages.
 *
 * One wait queue serves both directions: receivers wait only while the ring is empty and
 * senders only while it is full, so both kinds never wait at once (a ring of 0 messages has
 * no room and no message: its receivers and senders meet directly). A waiting receiver's
 * buffer, or a waiting sender's message, is reachable by the other side through swap_data
 * (z_pend_curr_data), so the waker copies and the woken thread has nothing left to do. Both
 * may lie on the waiting thread's stack, which a user caller's view closes: the copy runs with
 * the supervisor view (z_prot_kernel_enter*), as Zephyr's kernel copies in supervisor mode.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobj_fast_lock.h"
#include "kobj_poll.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(msgq, CONFIG_LOG_DEFAULT_LEVEL);

/* What a waiting sender leaves in swap_data: its message, and whether it goes to the front. */
struct pending_send {
	const void *data;
	bool front;
};

/* Waiters are receivers when the wait queue's threads wait for a message. A zero-capacity
 * ring never holds one: its senders and receivers are told apart by this tag. */
static const char recv_desc[] = "k_msgq (receive)";
static const char send_desc[] = "k_msgq (send)";

void k_msgq_init(struct k_msgq *msgq, char *buffer, size_t msg_size, uint32_t max_msgs)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	z_object_init(msgq);
	z_waitq_init(&msgq->wait_q);
	msgq->lock = (struct k_spinlock){0};
	msgq->msg_size = msg_size;
	msgq->max_msgs = max_msgs;
	msgq->buffer_start = buffer;
	msgq->buffer_end = buffer + (size_t)max_msgs * msg_size;
	msgq->read_ptr = buffer;
	msgq->write_ptr = buffer;
	msgq->used_msgs = 0;
	sys_dlist_init(&msgq->poll_events);
	msgq->flags = 0;
}

int k_msgq_alloc_init(struct k_msgq *msgq, size_t msg_size, uint32_t max_msgs)
{
	Z_OBJ_USER_CHECK(msgq);
	size_t total;
	char *buffer;

	if (__builtin_mul_overflow(msg_size, (size_t)max_msgs, &total)) {
		LOG_ERR("k_msgq_alloc_init(%p): %zu messages of %zu bytes overflow", (void *)msgq,
			(size_t)max_msgs, msg_size);
		return -EINVAL;
	}
	buffer = z_thread_malloc(total);
	if (buffer == NULL) {
		return -ENOMEM;
	}
	z_object_init(msgq);
	z_waitq_init(&msgq->wait_q);
	msgq->lock = (struct k_spinlock){0};
	msgq->msg_size = msg_size;
	msgq->max_msgs = max_msgs;
	msgq->buffer_start = buffer;
	msgq->buffer_end = buffer + total;
	msgq->read_ptr = buffer;
	msgq->write_ptr = buffer;
	msgq->used_msgs = 0;
	sys_dlist_init(&msgq->poll_events);
	msgq->flags = K_MSGQ_FLAG_ALLOC;
	return 0;
}

int k_msgq_cleanup(struct k_msgq *msgq)
{
	k_spinlock_key_t key = k_spin_lock(&msgq->lock);
	char *buffer = NULL;

	if (!z_waitq_is_empty(&msgq->wait_q)) {
		k_spin_unlock(&msgq->lock, key);
		return -EBUSY;
	}
	if ((msgq->flags & K_MSGQ_FLAG_ALLOC) != 0U) {
		buffer = msgq->buffer_start;
		msgq->flags &= (uint8_t)~K_MSGQ_FLAG_ALLOC;
		/* The queue holds nothing from now on: no stale pointer into freed memory. */
		msgq->buffer_start = NULL;
		msgq->buffer_end = NULL;
		msgq->read_ptr = NULL;
		msgq->write_ptr = NULL;
		msgq->max_msgs = 0;
		msgq->used_msgs = 0;
	}
	k_spin_unlock(&msgq->lock, key);
	if (buffer != NULL) {
		k_free(buffer);
	}
	return 0;
}

/* Store @p data in the ring, at the back or the front (lock held, room known). */
static void ring_store(struct k_msgq *msgq, const void *data, bool front)
{
	if (front) {
		if (msgq->read_ptr == msgq->buffer_start) {
			msgq->read_ptr = msgq->buffer_end;
		}
		msgq->read_ptr -= msgq->msg_size;
		memcpy(msgq->read_ptr, data, msgq->msg_size);
	} else {
		memcpy(msgq->write_ptr, data, msgq->msg_size);
		msgq->write_ptr += msgq->msg_size;
		if (msgq->write_ptr == msgq->buffer_end) {
			msgq->write_ptr = msgq->buffer_start;
		}
	}
	msgq->used_msgs++;
}

/* True if the threads waiting on @p msgq (if any) are receivers. */
static inline bool receivers_wait(struct k_msgq *msgq)
{
	struct k_thread *head;

	if (z_waitq_is_empty(&msgq->wait_q)) {
		return false;
	}
	head = z_waitq_head(&msgq->wait_q);
	return head->base.pend_desc == recv_desc;
}

static int msgq_put(struct k_msgq *msgq, const void *data, k_timeout_t timeout, bool front)
{
	k_spinlock_key_t key;
	struct pending_send me;

	/* Fast path: room, nobody waiting or polling; no scheduling decision to make. */
	key = Z_KOBJ_FAST_LOCK(&msgq->lock);
	if (msgq->used_msgs < msgq->max_msgs && z_waitq_is_empty(&msgq->wait_q) &&
	    sys_dlist_is_empty(&msgq->poll_events)) {
		ring_store(msgq, data, front);
		Z_KOBJ_FAST_UNLOCK(&msgq->lock, key);
		return 0;
	}
	Z_KOBJ_FAST_UNLOCK(&msgq->lock, key);

	key = k_spin_lock(&msgq->lock);

	if (receivers_wait(msgq)) {
		/* Only possible when the ring is empty: the message goes straight across. */
		struct k_thread *t = z_unpend_first_thread(&msgq->wait_q);
		const struct k_thread *lifted =
		    z_prot_kernel_enter_checked(data, msgq->msg_size, false);

		memcpy(t->base.swap_data, data, msgq->msg_size);
		z_prot_kernel_exit(lifted);
		z_thread_return_value_set(t, 0);
		z_ready_thread(t);
		z_reschedule(&msgq->lock, key);
		return 0;
	}
	if (msgq->used_msgs < msgq->max_msgs) {
		ring_store(msgq, data, front);
		if (z_obj_poll_signal(&msgq->poll_events, K_POLL_STATE_MSGQ_DATA_AVAILABLE)) {
			z_reschedule(&msgq->lock, key);
		} else {
			k_spin_unlock(&msgq->lock, key);
		}
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&msgq->lock, key);
		return -ENOMSG;
	}
	me.data = data;
	me.front = front;
	return z_pend_curr_data(&msgq->lock, key, &msgq->wait_q, timeout, send_desc, &me);
}

static inline int k_msgq_put_impl(struct k_msgq *msgq, const void *data, k_timeout_t timeout)
{
	return msgq_put(msgq, data, timeout, false);
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline int k_msgq_put_user(struct k_msgq *msgq, const void *data, k_timeout_t timeout)
{
	z_perm_user_call(msgq, "k_msgq_put");
	return k_msgq_put_impl(msgq, data, timeout);
}

int k_msgq_put(struct k_msgq *msgq, const void *data, k_timeout_t timeout)
{
	if (Z_OBJ_USER_GATE()) {
		return k_msgq_put_user(msgq, data, timeout);
	}
	return k_msgq_put_impl(msgq, data, timeout);
}

/* (The name in parentheses: <zephyr/kernel/msgq.h> also defines it as a macro.) */
int(k_msgq_put_front)(struct k_msgq *msgq, const void *data, k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(msgq);
	return msgq_put(msgq, data, timeout, true);
}

/* Take the oldest message out of the ring (lock held, a message known to be there). */
static inline void ring_take(struct k_msgq *msgq, void *data)
{
	memcpy(data, msgq->read_ptr, msgq->msg_size);
	msgq->read_ptr += msgq->msg_size;
	if (msgq->read_ptr == msgq->buffer_end) {
		msgq->read_ptr = msgq->buffer_start;
	}
	msgq->used_msgs--;
}

static inline int k_msgq_get_impl(struct k_msgq *msgq, void *data, k_timeout_t timeout)
{
	k_spinlock_key_t key;
	struct k_thread *t;

	/* Fast path: a message and no waiting sender to let in. */
	key = Z_KOBJ_FAST_LOCK(&msgq->lock);
	if (msgq->used_msgs > 0U && z_waitq_is_empty(&msgq->wait_q)) {
		ring_take(msgq, data);
		Z_KOBJ_FAST_UNLOCK(&msgq->lock, key);
		return 0;
	}
	Z_KOBJ_FAST_UNLOCK(&msgq->lock, key);

	key = k_spin_lock(&msgq->lock);
	if (msgq->used_msgs > 0U) {
		ring_take(msgq, data);
		/* A slot is free: the first waiting sender's message takes it now. */
		t = z_unpend_first_thread(&msgq->wait_q);
		if (t != NULL) {
			const struct k_thread *lifted = z_prot_kernel_enter();
			const struct pending_send *ps = t->base.swap_data;

			ring_store(msgq, ps->data, ps->front);
			z_prot_kernel_exit(lifted);
			z_thread_return_value_set(t, 0);
			z_ready_thread(t);
			z_reschedule(&msgq->lock, key);
			return 0;
		}
		k_spin_unlock(&msgq->lock, key);
		return 0;
	}
	if (!z_waitq_is_empty(&msgq->wait_q) && !receivers_wait(msgq)) {
		/* Zero-capacity queue: take the waiting sender's message directly. */
		const struct k_thread *lifted =
		    z_prot_kernel_enter_checked(data, msgq->msg_size, true);
		const struct pending_send *ps;

		t = z_unpend_first_thread(&msgq->wait_q);
		ps = t->base.swap_data;
		memcpy(data, ps->data, msgq->msg_size);
		z_prot_kernel_exit(lifted);
		z_thread_return_value_set(t, 0);
		z_ready_thread(t);
		z_reschedule(&msgq->lock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&msgq->lock, key);
		return -ENOMSG;
	}
	return z_pend_curr_data(&msgq->lock, key, &msgq->wait_q, timeout, recv_desc, data);
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline int k_msgq_get_user(struct k_msgq *msgq, void *data, k_timeout_t timeout)
{
	z_perm_user_call(msgq, "k_msgq_get");
	return k_msgq_get_impl(msgq, data, timeout);
}

int k_msgq_get(struct k_msgq *msgq, void *data, k_timeout_t timeout)
{
	if (Z_OBJ_USER_GATE()) {
		return k_msgq_get_user(msgq, data, timeout);
	}
	return k_msgq_get_impl(msgq, data, timeout);
}

int k_msgq_peek(struct k_msgq *msgq, void *data)
{
	return k_msgq_peek_at(msgq, data, 0);
}

int k_msgq_peek_at(struct k_msgq *msgq, void *data, uint32_t idx)
{
	Z_OBJ_USER_CHECK(msgq);
	k_spinlock_key_t key = k_spin_lock(&msgq->lock);
	size_t before_end;
	size_t offset;

	if (idx >= msgq->used_msgs) {
		k_spin_unlock(&msgq->lock, key);
		return -ENOMSG;
	}
	offset = (size_t)idx * msgq->msg_size;
	before_end = (size_t)(msgq->buffer_end - msgq->read_ptr);
	if (offset >= before_end) {
		memcpy(data, msgq->buffer_start + (offset - before_end), msgq->msg_size);
	} else {
		memcpy(data, msgq->read_ptr + offset, msgq->msg_size);
	}
	k_spin_unlock(&msgq->lock, key);
	return 0;
}

void k_msgq_purge(struct k_msgq *msgq)
{
	Z_OBJ_USER_CHECK(msgq);
	k_spinlock_key_t key = k_spin_lock(&msgq->lock);

	while (z_wake_one(&msgq->wait_q, -ENOMSG)) {
		/* every waiter: its call returns -ENOMSG */
	}
	msgq->used_msgs = 0;
	msgq->read_ptr = msgq->write_ptr;
	z_reschedule(&msgq->lock, key);
}

uint32_t k_msgq_num_free_get(struct k_msgq *msgq)
{
	Z_OBJ_USER_CHECK(msgq);
	return msgq->max_msgs - msgq->used_msgs;
}

uint32_t k_msgq_num_used_get(struct k_msgq *msgq)
{
	Z_OBJ_USER_CHECK(msgq);
	return msgq->used_msgs;
}

void k_msgq_get_attrs(struct k_msgq *msgq, struct k_msgq_attrs *attrs)
{
	Z_OBJ_USER_CHECK(msgq);
	attrs->msg_size = msgq->msg_size;
	attrs->max_msgs = msgq->max_msgs;
	attrs->used_msgs = msgq->used_msgs;
}
