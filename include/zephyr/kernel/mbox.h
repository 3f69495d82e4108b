/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_mbox: a mailbox, where threads exchange messages of any size, synchronously or
 * asynchronously, sender and receiver naming each other (or K_ANY).
 *
 * Nothing is buffered in the mailbox: a message stays with its sender (the sender's thread
 * waiting on the mailbox, or an asynchronous descriptor standing in for it) until a compatible
 * receiver takes it, and the data is copied once, from the sender's buffer into the receiver's.
 * Senders and receivers each wait on their own queue, highest priority first, then the longest
 * waiting, as Zephyr's wait queues order them. Threads only, as on Zephyr (not from an ISR).
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_MBOX_H_
#define ZEPHYR_INCLUDE_KERNEL_MBOX_H_

#include <stddef.h>
#include <stdint.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/kernel/thread.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys_clock.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

struct k_sem;

/* Asynchronous descriptors: the configured number (Kconfig), Zephyr's default 10 without a
 * configuration. */
#ifdef CONFIG_NUM_MBOX_ASYNC_MSGS
#define Z_MBOX_ASYNC_MSGS CONFIG_NUM_MBOX_ASYNC_MSGS
#else
#define Z_MBOX_ASYNC_MSGS 10
#endif

/** @brief Any thread: a sender's target or a receiver's source that matches every thread. */
#ifndef K_ANY
#define K_ANY NULL
#endif

/**
 * @brief A message descriptor (Zephyr's public fields). The sender fills in size, info,
 * tx_data and tx_target_thread; the receiver size (its buffer's capacity), info and
 * rx_source_thread. The exchange updates both, as on Zephyr.
 */
struct k_mbox_msg {
	/** Bytes of data: the sender's message size; the receiver's capacity, then what it gets. */
	size_t size;
	/** Application value, swapped between sender and receiver when they match. */
	uint32_t info;
	/** The sender's data (receiver: where the data is, until k_mbox_data_get()). */
	void *tx_data;
	/** Receiver: the sender wanted (K_ANY: any), then the actual sender. */
	k_tid_t rx_source_thread;
	/** Sender: the receiver wanted (K_ANY: any), then the actual receiver. */
	k_tid_t tx_target_thread;
	/** Internal: the sending thread, or the stand-in of an asynchronous send. */
	k_tid_t _syncing_thread;
#if (Z_MBOX_ASYNC_MSGS > 0)
	/** Internal: the semaphore of an asynchronous send, given when the message is consumed. */
	struct k_sem *_async_sem;
#endif
};

/** @brief A mailbox (kernel-private fields, as in Zephyr). */
struct k_mbox {
	_wait_q_t tx_msg_queue; /**< Senders (and asynchronous messages) waiting for a receiver. */
	_wait_q_t rx_msg_queue; /**< Receivers waiting for a sender. */
	struct k_spinlock lock; /**< Serializes the mailbox. */
};

/** @brief Static initializer of mailbox @p obj. */
#define Z_MBOX_INITIALIZER(obj)                                                                    \
	{                                                                                          \
		.tx_msg_queue = Z_WAIT_Q_INIT(&(obj).tx_msg_queue),                                \
		.rx_msg_queue = Z_WAIT_Q_INIT(&(obj).rx_msg_queue), .lock = {                      \
			0                                                                          \
		}                                                                                  \
	}

/**
 * @brief Define and initialize mailbox @p name (file or block scope; a `static` prefix works).
 * Elsewhere: `extern struct k_mbox name;`.
 */
#define K_MBOX_DEFINE(name) struct k_mbox name = Z_MBOX_INITIALIZER(name)

/** @brief Initialize @p mbox (no waiting thread may be using it). */
void k_mbox_init(struct k_mbox *mbox);

/**
 * @brief Send @p tx_msg and wait until a receiver has consumed it (its data copied or
 * discarded).
 *
 * @p timeout bounds the wait for a compatible receiver only; once one has taken the message,
 * the sender waits until it is consumed, as on Zephyr. On return tx_msg->size is the number of
 * bytes the receiver took, tx_msg->info the receiver's info and tx_msg->tx_target_thread the
 * receiver.
 * @retval 0 the message was received and consumed
 * @retval -ENOMSG K_NO_WAIT and no compatible receiver waits
 * @retval -EAGAIN no compatible receiver came within @p timeout
 */
int k_mbox_put(struct k_mbox *mbox, struct k_mbox_msg *tx_msg, k_timeout_t timeout);

/**
 * @brief Send a copy of @p tx_msg without waiting for a receiver; @p sem (may be NULL) is
 * given once a receiver has consumed the message. The data at tx_msg->tx_data must stay valid
 * until then. Uses one of CONFIG_NUM_MBOX_ASYNC_MSGS descriptors (shared by every mailbox);
 * when all are in flight, the caller waits for one. Defined when CONFIG_NUM_MBOX_ASYNC_MSGS > 0.
 */
void k_mbox_async_put(struct k_mbox *mbox, struct k_mbox_msg *tx_msg, struct k_sem *sem);

/**
 * @brief Receive a message from @p mbox into @p rx_msg, waiting up to @p timeout for a
 * compatible sender.
 *
 * rx_msg->size is the most the receiver takes (a longer message is truncated to it) and
 * rx_msg->rx_source_thread the sender wanted (K_ANY: any). With a @p buffer the data (rx_msg->
 * size bytes after the exchange) is copied there and the sender released at once; with NULL the
 * message is kept until k_mbox_data_get() (an empty message is released at once).
 * @retval 0 a message was received (rx_msg->info, size, rx_source_thread updated)
 * @retval -ENOMSG K_NO_WAIT and no compatible sender waits
 * @retval -EAGAIN no compatible sender came within @p timeout
 */
int k_mbox_get(struct k_mbox *mbox, struct k_mbox_msg *rx_msg, void *buffer, k_timeout_t timeout);

/**
 * @brief Copy the data of a message k_mbox_get() kept (rx_msg->size bytes) to @p buffer and
 * release its sender; with @p buffer NULL the data is discarded (the sender sees size 0).
 */
void k_mbox_data_get(struct k_mbox_msg *rx_msg, void *buffer);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_MBOX_H_ */
