/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_mbox: messages handed from a sender to a receiver that name each other (or K_ANY).
 *
 * A mailbox holds no data, only two wait queues. A waiting sender leaves its message
 * descriptor in base.swap_data (z_pend_curr_data), a waiting receiver its own, so the thread
 * that arrives second finds a partner by walking the other queue in its order (priority, then
 * arrival: the first compatible one wins) and exchanges the descriptors' fields at once.
 *
 * A synchronous sender is released only when its message has been consumed: its data copied by
 * the receiver (k_mbox_get with a buffer, or k_mbox_data_get later) or discarded. Until then it
 * stays blocked, off every wait queue and without a timeout (its timeout bounded only the wait
 * for a receiver), with _THREAD_PENDING set so that nothing else can make it ready; the receiver
 * finds it through the descriptor's _syncing_thread.
 *
 * An asynchronous send takes one of CONFIG_NUM_MBOX_ASYNC_MSGS descriptors, the blocks of a
 * memory slab shared by every mailbox: a copy of the message plus a stand-in thread object that
 * never runs and only waits on the mailbox's sender queue in the sender's place, at the
 * sender's priority, as Zephyr's dummy thread does. Consuming such a message frees the
 * descriptor and gives the send's semaphore.
 *
 * Mailboxes are for threads (Zephyr's rule): calls from an ISR are refused with a log message.
 * They are no system calls on Zephyr, so a user thread calling them ends in a kernel oops.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(mbox, CONFIG_LOG_DEFAULT_LEVEL);

/* What a blocked thread waits for, in deadlock reports. */
static const char send_desc[] = "k_mbox (send: no receiver yet)";
static const char recv_desc[] = "k_mbox (receive)";
static const char held_desc[] = "k_mbox (send: received, data not taken yet)";

/* Serializes the release of a sender (k_mbox_data_get runs with no mailbox at hand). */
static struct k_spinlock release_lock;

#if (Z_MBOX_ASYNC_MSGS > 0)

/* An asynchronous message: its copy of the descriptor and the thread object standing in for
 * the sender on the mailbox's sender queue. */
struct mbox_async {
	struct k_thread stand_in;
	struct k_mbox_msg tx_msg;
};

/* The descriptors of every mailbox; k_mbox_async_put() waits for one while all are in flight,
 * as Zephyr's K_FOREVER pop of its descriptor stack does. */
K_MEM_SLAB_DEFINE_STATIC(async_slab, sizeof(struct mbox_async), Z_MBOX_ASYNC_MSGS,
			 _Alignof(struct mbox_async));
static const char async_desc[] = "k_mbox (async message)";

static inline bool is_stand_in(const struct k_thread *t)
{
	/* Stand-ins live in the slab's blocks, threads never do. */
	return (const char *)t >= async_slab.buffer && (const char *)t < async_slab.end;
}

#else

static inline bool is_stand_in(const struct k_thread *t)
{
	ARG_UNUSED(t);
	return false;
}

#endif /* Z_MBOX_ASYNC_MSGS > 0 */

/* Mailboxes are for threads: refuse an ISR (and a user thread, with the oops). */
static bool refuse_caller(const char *call)
{
	if (z_prot_refuse_user_call(call)) {
		return true;
	}
	if (k_is_in_isr()) {
		LOG_ERR("%s: mailboxes exchange messages between threads, not from an ISR", call);
		return true;
	}
	return false;
}

void k_mbox_init(struct k_mbox *mbox)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	z_waitq_init(&mbox->tx_msg_queue);
	z_waitq_init(&mbox->rx_msg_queue);
	mbox->lock = (struct k_spinlock){0};
}

/*
 * If @p tx and @p rx are compatible (each one's wanted partner is K_ANY or the other's thread),
 * complete the exchange of their fields, as on Zephyr: each learns the other's thread and info,
 * the receiver gets min(sizes), the sender's data pointer and the sending (or stand-in) thread.
 */
static bool mbox_match(struct k_mbox_msg *tx, struct k_mbox_msg *rx)
{
	uint32_t info;

	if ((tx->tx_target_thread != K_ANY && tx->tx_target_thread != rx->tx_target_thread) ||
	    (rx->rx_source_thread != K_ANY && rx->rx_source_thread != tx->rx_source_thread)) {
		return false;
	}
	rx->rx_source_thread = tx->rx_source_thread;
	tx->tx_target_thread = rx->tx_target_thread;
	info = rx->info;
	rx->info = tx->info;
	tx->info = info;
	if (rx->size > tx->size) {
		rx->size = tx->size;
	}
	rx->tx_data = tx->tx_data;
	rx->_syncing_thread = tx->_syncing_thread;
	return true;
}

/*
 * The first thread on @p wq (in its order) whose message is compatible with @p msg, taken off
 * the queue (its timeout cancelled) with the exchange done; NULL if none. @p msg is a sender's
 * message when @p msg_is_tx, else a receiver's.
 */
static struct k_thread *mbox_take_partner(_wait_q_t *wq, struct k_mbox_msg *msg, bool msg_is_tx)
{
	sys_dnode_t *node;

	SYS_DLIST_FOR_EACH_NODE (&wq->waitq, node) {
		struct k_thread *t = CONTAINER_OF(node, struct k_thread, base.qnode_dlist);
		struct k_mbox_msg *other = t->base.swap_data;

		if (msg_is_tx ? mbox_match(msg, other) : mbox_match(other, msg)) {
			z_unpend_thread(t);
			return t;
		}
	}
	return NULL;
}

/*
 * Keep @p t, a synchronous sender whose message a receiver has just taken, blocked until the
 * message is consumed: pending (so nothing else readies it) but on no queue, with no timeout.
 */
static inline void hold_sender(struct k_thread *t)
{
	t->base.thread_state |= _THREAD_PENDING;
	t->base.pend_desc = held_desc;
}

/*
 * The receiver is done with @p rx_msg's data (copied or discarded): tell the sender how many
 * bytes were taken and release it: a synchronous sender returns 0 from k_mbox_put(); an
 * asynchronous message frees its descriptor and gives its semaphore.
 */
static void mbox_dispose(struct k_mbox_msg *rx_msg)
{
	struct k_thread *sender = rx_msg->_syncing_thread;
	struct k_mbox_msg *tx_msg;
	k_spinlock_key_t key;

	if (sender == NULL) {
		return; /* no message, or already consumed */
	}
	rx_msg->_syncing_thread = NULL;
#if (Z_MBOX_ASYNC_MSGS > 0)
	if (is_stand_in(sender)) {
		struct mbox_async *a = CONTAINER_OF(sender, struct mbox_async, stand_in);
		struct k_sem *sem = a->tx_msg._async_sem;

		/* As on Zephyr: a thread given the freed descriptor runs now if it outranks this
		 * one, before the semaphore is given. */
		k_mem_slab_free(&async_slab, a);
		if (sem != NULL) {
			k_sem_give(sem);
		}
		return;
	}
#endif
	key = k_spin_lock(&release_lock);
	if (z_is_thread_dead(sender)) {
		/* Aborted while its message was out: nobody to tell (its stack is gone). */
		k_spin_unlock(&release_lock, key);
		return;
	}
	tx_msg = sender->base.swap_data;
	tx_msg->size = rx_msg->size;
	z_unpend_thread(sender);
	z_thread_return_value_set(sender, 0);
	z_ready_thread(sender);
	z_reschedule(&release_lock, key);
}

/* Copy the data now if the receiver gave a buffer, release an empty message, else keep it for
 * k_mbox_data_get(). */
static int mbox_data_check(struct k_mbox_msg *rx_msg, void *buffer)
{
	if (buffer != NULL) {
		k_mbox_data_get(rx_msg, buffer);
	} else if (rx_msg->size == 0U) {
		mbox_dispose(rx_msg);
	}
	return 0;
}

/*
 * Send @p tx_msg, whose _syncing_thread is the calling thread (synchronous) or a stand-in
 * (asynchronous, @p timeout K_FOREVER): hand it to the first compatible waiting receiver, or
 * wait on the sender queue.
 */
static int mbox_put(struct k_mbox *mbox, struct k_mbox_msg *tx_msg, k_timeout_t timeout)
{
	struct k_thread *sender = tx_msg->_syncing_thread;
	struct k_thread *cur = _current;
	struct k_thread *rx_thread;
	k_spinlock_key_t key;

	tx_msg->rx_source_thread = cur;
	key = k_spin_lock(&mbox->lock);
	rx_thread = mbox_take_partner(&mbox->rx_msg_queue, tx_msg, true);
	if (rx_thread != NULL) {
		z_thread_return_value_set(rx_thread, 0);
		z_ready_thread(rx_thread);
		if (sender != cur) {
			/* Asynchronous: the receiver runs first only if it has priority. */
			z_reschedule(&mbox->lock, key);
			return 0;
		}
		/* Synchronous: wait (no timeout any more) until the receiver consumes it. */
		cur->base.swap_data = tx_msg;
		cur->base.swap_retval = 0;
		hold_sender(cur);
		k_spin_unlock(&mbox->lock, key);
		z_block_current();
		return cur->base.swap_retval;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&mbox->lock, key);
		return -ENOMSG;
	}
#if (Z_MBOX_ASYNC_MSGS > 0)
	if (sender != cur) {
		/* The stand-in waits for its receiver forever, at its sender's priority. */
		z_pend_thread_no_timeout(sender, &mbox->tx_msg_queue, async_desc);
		k_spin_unlock(&mbox->lock, key);
		return 0;
	}
#endif
	return z_pend_curr_data(&mbox->lock, key, &mbox->tx_msg_queue, timeout, send_desc, tx_msg);
}

int k_mbox_put(struct k_mbox *mbox, struct k_mbox_msg *tx_msg, k_timeout_t timeout)
{
	if (refuse_caller(__func__)) {
		return -EINVAL;
	}
	tx_msg->_syncing_thread = _current;
	return mbox_put(mbox, tx_msg, timeout);
}

#if (Z_MBOX_ASYNC_MSGS > 0)
void k_mbox_async_put(struct k_mbox *mbox, struct k_mbox_msg *tx_msg, struct k_sem *sem)
{
	struct mbox_async *a;
	void *block;

	if (refuse_caller(__func__) || k_mem_slab_alloc(&async_slab, &block, K_FOREVER) != 0) {
		return;
	}
	a = block;
	/* A freed block holds the slab's link in its first bytes: the stand-in starts afresh. */
	memset(&a->stand_in, 0, sizeof(a->stand_in));
	a->stand_in.base.prio = _current->base.prio;
	a->stand_in.base.swap_data = &a->tx_msg;
	a->tx_msg = *tx_msg;
	a->tx_msg._syncing_thread = &a->stand_in;
	a->tx_msg._async_sem = sem;
	(void)mbox_put(mbox, &a->tx_msg, K_FOREVER);
}
#endif

void k_mbox_data_get(struct k_mbox_msg *rx_msg, void *buffer)
{
	if (buffer == NULL) {
		/* Discarded: the sender learns that nothing was taken. */
		rx_msg->size = 0;
	} else if (rx_msg->tx_data != NULL && rx_msg->size > 0U) {
		memcpy(buffer, rx_msg->tx_data, rx_msg->size);
	}
	mbox_dispose(rx_msg);
}

int k_mbox_get(struct k_mbox *mbox, struct k_mbox_msg *rx_msg, void *buffer, k_timeout_t timeout)
{
	struct k_thread *tx_thread;
	k_spinlock_key_t key;
	int ret;

	if (refuse_caller(__func__)) {
		return -EINVAL;
	}
	rx_msg->tx_target_thread = _current;
	key = k_spin_lock(&mbox->lock);
	tx_thread = mbox_take_partner(&mbox->tx_msg_queue, rx_msg, false);
	if (tx_thread != NULL) {
		/* A real sender stays blocked until its message is consumed. */
		if (!is_stand_in(tx_thread)) {
			hold_sender(tx_thread);
		}
		k_spin_unlock(&mbox->lock, key);
		return mbox_data_check(rx_msg, buffer);
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&mbox->lock, key);
		return -ENOMSG;
	}
	ret = z_pend_curr_data(&mbox->lock, key, &mbox->rx_msg_queue, timeout, recv_desc, rx_msg);
	if (ret == 0) {
		ret = mbox_data_check(rx_msg, buffer);
	}
	return ret;
}
