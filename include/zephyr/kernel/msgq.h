/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_msgq: a ring buffer of fixed-size messages, copied in and out.
 *
 * Senders wait while it is full, receivers while it is empty (one wait queue: both never wait
 * at once). A sender that finds a receiver waiting copies its message straight into the
 * receiver's buffer; a receiver that frees a slot while senders wait takes the first sender's
 * message into the ring at once, so waiting threads are served highest priority first, then
 * longest waiting, and nobody can overtake them.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_MSGQ_H_
#define ZEPHYR_INCLUDE_KERNEL_MSGQ_H_

#include <stddef.h>
#include <stdint.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys/dlist.h>
#include <zephyr/sys/util.h>
#include <zephyr/sys_clock.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A message queue (kernel-private fields, as in Zephyr). */
struct k_msgq {
	_wait_q_t wait_q;        /**< Senders (full) or receivers (empty) waiting. */
	struct k_spinlock lock;  /**< Serializes the queue. */
	size_t msg_size;         /**< Bytes per message. */
	uint32_t max_msgs;       /**< Capacity in messages. */
	char *buffer_start;      /**< Ring buffer. */
	char *buffer_end;        /**< One past its end. */
	char *read_ptr;          /**< Next message to receive. */
	char *write_ptr;         /**< Where the next message goes. */
	uint32_t used_msgs;      /**< Messages queued. */
	sys_dlist_t poll_events; /**< k_poll() events waiting for a message. */
	uint8_t flags;           /**< K_MSGQ_FLAG_ALLOC. */
};

/** @brief The ring buffer came from k_msgq_alloc_init() (k_msgq_cleanup() frees it). */
#define K_MSGQ_FLAG_ALLOC BIT(0)

/** @brief Attributes of a message queue (k_msgq_get_attrs). */
struct k_msgq_attrs {
	size_t msg_size;    /**< Bytes per message. */
	uint32_t max_msgs;  /**< Capacity in messages. */
	uint32_t used_msgs; /**< Messages queued. */
};

/** @brief Static initializer of message queue @p obj over @p q_buffer (a char pointer). */
#define Z_MSGQ_INITIALIZER(obj, q_buffer, q_msg_size, q_max_msgs)                                  \
	{                                                                                          \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .lock = {0}, .msg_size = (q_msg_size),     \
		.max_msgs = (q_max_msgs), .buffer_start = (q_buffer),                              \
		.buffer_end = (q_buffer) + ((size_t)(q_max_msgs) * (q_msg_size)),                  \
		.read_ptr = (q_buffer), .write_ptr = (q_buffer), .used_msgs = 0,                   \
		.poll_events = SYS_DLIST_STATIC_INIT(&(obj).poll_events), .flags = 0               \
	}

/*
 * The ring buffer is declared in the same declaration as the queue (an array of the same
 * base type, big enough), so that `static K_MSGQ_DEFINE(...)` makes both static and the
 * macro works at file and block scope.
 */
#define Z_MSGQ_BUF_ELEMS(bytes) (((bytes) + sizeof(struct k_msgq) - 1) / sizeof(struct k_msgq))

/**
 * @brief Define and initialize a message queue of @p q_max_msgs messages of @p q_msg_size
 * bytes, its ring buffer aligned to @p q_align (a power of two). A `static` prefix works.
 */
#define K_MSGQ_DEFINE(q_name, q_msg_size, q_max_msgs, q_align)                                     \
	struct k_msgq                                                                              \
	    _k_msgq_buf_##q_name[Z_MSGQ_BUF_ELEMS((size_t)(q_max_msgs) * (q_msg_size))] __aligned( \
		MAX((q_align), __alignof__(struct k_msgq))),                                       \
	    q_name = Z_MSGQ_INITIALIZER(q_name, (char *)_k_msgq_buf_##q_name, (q_msg_size),        \
					(q_max_msgs));                                             \
	Z_KOBJ_STATIC_RECORD(q_name)

/** @brief K_MSGQ_DEFINE() of a queue (and ring) local to the file. */
#define K_MSGQ_DEFINE_STATIC(q_name, q_msg_size, q_max_msgs, q_align)                              \
	static K_MSGQ_DEFINE(q_name, q_msg_size, q_max_msgs, q_align)

/**
 * @brief Define a message queue of @p q_max_msgs messages of type @p q_msg_type: the message
 * size is its size and the ring is aligned as the type.
 */
#define K_MSGQ_DEFINE_TYPE(q_name, q_msg_type, q_max_msgs)                                         \
	K_MSGQ_DEFINE(q_name, sizeof(q_msg_type), q_max_msgs, __alignof__(q_msg_type))

/** @brief K_MSGQ_DEFINE_TYPE() of a queue (and ring) local to the file. */
#define K_MSGQ_DEFINE_STATIC_TYPE(q_name, q_msg_type, q_max_msgs)                                  \
	static K_MSGQ_DEFINE_TYPE(q_name, q_msg_type, q_max_msgs)

/**
 * @brief Initialize @p msgq over @p buffer (@p max_msgs * @p msg_size bytes, any alignment).
 * Supervisor only.
 */
void k_msgq_init(struct k_msgq *msgq, char *buffer, size_t msg_size, uint32_t max_msgs);

/**
 * @brief Initialize @p msgq with a ring buffer from the calling thread's resource pool
 * (freed by k_msgq_cleanup()).
 * @retval 0 done
 * @retval -ENOMEM no resource pool or not enough memory in it
 * @retval -EINVAL @p msg_size * @p max_msgs overflows
 */
int k_msgq_alloc_init(struct k_msgq *msgq, size_t msg_size, uint32_t max_msgs);

/**
 * @brief Free the ring buffer k_msgq_alloc_init() allocated (nothing for other queues).
 * @retval 0 done
 * @retval -EBUSY threads are waiting on the queue
 */
int k_msgq_cleanup(struct k_msgq *msgq);

/**
 * @brief Copy the message at @p data to the back of @p msgq, waiting up to @p timeout for
 * room. ISR-safe with K_NO_WAIT.
 * @retval 0 sent
 * @retval -ENOMSG full with K_NO_WAIT, or the queue was purged while waiting
 * @retval -EAGAIN the timeout expired
 */
int k_msgq_put(struct k_msgq *msgq, const void *data, k_timeout_t timeout);

/**
 * @brief Copy the message at @p data to the front of @p msgq: it is received before every
 * message already queued, waiting up to @p timeout for room. ISR-safe with K_NO_WAIT.
 *
 * Zephyr has had two signatures: (msgq, data), which never waits, and this one, with a
 * timeout. Both compile: called with two arguments, it is called with K_NO_WAIT.
 * @retval 0 sent (to a waiting receiver directly, if there is one)
 * @retval -ENOMSG full with K_NO_WAIT, or the queue was purged while waiting
 * @retval -EAGAIN the timeout expired
 */
int k_msgq_put_front(struct k_msgq *msgq, const void *data, k_timeout_t timeout);

/* k_msgq_put_front(msgq, data): Zephyr 4.1's form, which never waits. */
#define Z_MSGQ_PUT_FRONT_2(msgq, data)          k_msgq_put_front(msgq, data, K_NO_WAIT)
#define Z_MSGQ_PUT_FRONT_3(msgq, data, timeout) k_msgq_put_front(msgq, data, timeout)
#define k_msgq_put_front(...)                                                                      \
	UTIL_CAT(Z_MSGQ_PUT_FRONT_, NUM_VA_ARGS(__VA_ARGS__))(__VA_ARGS__)

/**
 * @brief Receive the oldest message into @p data, waiting up to @p timeout.
 * From an ISR only K_NO_WAIT is allowed.
 * @retval 0 received
 * @retval -ENOMSG empty with K_NO_WAIT (or purged while waiting)
 * @retval -EAGAIN the timeout expired
 */
int k_msgq_get(struct k_msgq *msgq, void *data, k_timeout_t timeout);

/** @brief Copy the oldest message to @p data, leaving it queued: 0 or -ENOMSG (empty). */
int k_msgq_peek(struct k_msgq *msgq, void *data);

/**
 * @brief Copy the message at position @p idx (0: the oldest) to @p data, leaving it queued.
 * @retval 0 copied
 * @retval -ENOMSG fewer than @p idx + 1 messages are queued
 */
int k_msgq_peek_at(struct k_msgq *msgq, void *data, uint32_t idx);

/** @brief Drop every queued message; waiting threads return -ENOMSG. */
void k_msgq_purge(struct k_msgq *msgq);

/** @brief Free message slots. */
uint32_t k_msgq_num_free_get(struct k_msgq *msgq);

/** @brief Queued messages. */
uint32_t k_msgq_num_used_get(struct k_msgq *msgq);

/** @brief Copy the queue's message size, capacity and fill level to @p attrs. */
void k_msgq_get_attrs(struct k_msgq *msgq, struct k_msgq_attrs *attrs);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_MSGQ_H_ */
