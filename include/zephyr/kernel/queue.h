/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_queue and the FIFO and LIFO built on it (k_fifo, k_lifo).
 *
 * A queue links the caller's data items through their first word, which the kernel owns while
 * the item is queued (items must be at least 4-byte aligned: the link word's two low bits are
 * flags). The `alloc` forms do not touch the item: they take a small node from the calling
 * thread's resource pool (z_thread_malloc), which k_queue_get() gives back, so user threads
 * can pass memory they cannot let the kernel write into.
 *
 * A producer hands its item straight to the first waiting consumer (highest priority, then the
 * longest waiting), so no other thread can take it in between and no node is allocated.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_QUEUE_H_
#define ZEPHYR_INCLUDE_KERNEL_QUEUE_H_

#include <stdbool.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys/dlist.h>
#include <zephyr/sys/sflist.h>
#include <zephyr/sys/slist.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A queue of data items (kernel-private fields). */
struct k_queue {
	sys_sflist_t data_q;     /**< Queued items (or allocated nodes, flag bit 0). */
	struct k_spinlock lock;  /**< Serializes the queue. */
	_wait_q_t wait_q;        /**< Threads in k_queue_get(). */
	sys_dlist_t poll_events; /**< k_poll() events waiting for data. */
};

/** @brief Static initializer of queue @p obj. */
#define Z_QUEUE_INITIALIZER(obj)                                                                   \
	{                                                                                          \
		.data_q = SYS_SFLIST_STATIC_INIT(&(obj).data_q), .lock = {0},                      \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q),                                            \
		.poll_events = SYS_DLIST_STATIC_INIT(&(obj).poll_events)                           \
	}

/** @brief Define and initialize a queue (a `static` prefix works). */
#define K_QUEUE_DEFINE(name)                                                                       \
	struct k_queue name = Z_QUEUE_INITIALIZER(name);                                           \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p queue (empty, nobody waiting). */
void k_queue_init(struct k_queue *queue);

/**
 * @brief Wake the first thread waiting in k_queue_get() on @p queue: it returns NULL. k_poll()
 * callers waiting for data see K_POLL_STATE_CANCELLED. ISR-safe.
 */
void k_queue_cancel_wait(struct k_queue *queue);

/** @brief Add @p data (first word reserved) at the end. ISR-safe. Supervisor only. */
void k_queue_append(struct k_queue *queue, void *data);

/**
 * @brief Add @p data at the end without touching it: a node comes from the caller's resource
 * pool (none is needed when a thread waits). ISR-safe (an ISR uses the system heap).
 * @retval 0 queued (or handed to a waiter)
 * @retval -ENOMEM no resource pool, or it is full
 */
int32_t k_queue_alloc_append(struct k_queue *queue, void *data);

/** @brief Add @p data (first word reserved) at the front. ISR-safe. Supervisor only. */
void k_queue_prepend(struct k_queue *queue, void *data);

/** @brief As k_queue_alloc_append(), at the front. */
int32_t k_queue_alloc_prepend(struct k_queue *queue, void *data);

/**
 * @brief Insert @p data after the queued item @p prev (NULL: at the front). ISR-safe.
 * Supervisor only.
 */
void k_queue_insert(struct k_queue *queue, void *prev, void *data);

/**
 * @brief Append the chain @p head .. @p tail, linked through their first words. Waiting
 * threads take items from its head first. ISR-safe. Supervisor only.
 * @retval 0 done
 * @retval -EINVAL @p head or @p tail is NULL
 */
int k_queue_append_list(struct k_queue *queue, void *head, void *tail);

/**
 * @brief Move every node of @p list to the end of @p queue; @p list becomes empty. ISR-safe.
 * Supervisor only.
 * @retval 0 done
 * @retval -EINVAL @p list is empty
 */
int k_queue_merge_slist(struct k_queue *queue, sys_slist_t *list);

/**
 * @brief Take the first item, waiting up to @p timeout for one.
 * From an ISR only K_NO_WAIT is allowed.
 * @return the item, or NULL (empty with K_NO_WAIT, timeout expired, or k_queue_cancel_wait())
 */
void *k_queue_get(struct k_queue *queue, k_timeout_t timeout);

/**
 * @brief Remove @p data from wherever it is in @p queue (O(n)). An item queued with the alloc
 * forms is found too, and its node goes back to its pool. Supervisor only.
 * @return true if it was queued
 */
bool k_queue_remove(struct k_queue *queue, void *data);

/**
 * @brief Append @p data unless it is already queued (O(n); an item queued with the alloc forms
 * counts). Supervisor only.
 * @return true if appended, false if it was already there
 */
bool k_queue_unique_append(struct k_queue *queue, void *data);

/** @brief Non-zero if @p queue holds no item. */
int k_queue_is_empty(struct k_queue *queue);

/** @brief The first item without taking it, or NULL. */
void *k_queue_peek_head(struct k_queue *queue);

/** @brief The last item without taking it, or NULL. */
void *k_queue_peek_tail(struct k_queue *queue);

/* ---- k_fifo: first in, first out ---- */

/** @brief A FIFO (a k_queue used from one end). */
struct k_fifo {
	struct k_queue _queue; /**< The queue underneath. */
};

/** @brief Static initializer of FIFO @p obj. */
#define Z_FIFO_INITIALIZER(obj)                                                                    \
	{                                                                                          \
		._queue = Z_QUEUE_INITIALIZER((obj)._queue)                                        \
	}
/** @brief Define and initialize a FIFO (a `static` prefix works). */
#define K_FIFO_DEFINE(name)                                                                        \
	struct k_fifo name = Z_FIFO_INITIALIZER(name);                                             \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize a FIFO. */
#define k_fifo_init(fifo) k_queue_init(&(fifo)->_queue)
/** @brief Wake the first waiter of k_fifo_get() with NULL. */
#define k_fifo_cancel_wait(fifo) k_queue_cancel_wait(&(fifo)->_queue)
/** @brief Add @p data (first word reserved) at the end. */
#define k_fifo_put(fifo, data) k_queue_append(&(fifo)->_queue, (data))
/** @brief Add @p data at the end with a node from the resource pool: 0 or -ENOMEM. */
#define k_fifo_alloc_put(fifo, data) k_queue_alloc_append(&(fifo)->_queue, (data))
/** @brief Add the chain @p head .. @p tail: 0 or -EINVAL. */
#define k_fifo_put_list(fifo, head, tail) k_queue_append_list(&(fifo)->_queue, (head), (tail))
/** @brief Move a sys_slist_t to the end of the FIFO: 0 or -EINVAL. */
#define k_fifo_put_slist(fifo, list) k_queue_merge_slist(&(fifo)->_queue, (list))
/** @brief Take the first item, waiting up to @p timeout; NULL if none. */
#define k_fifo_get(fifo, timeout) k_queue_get(&(fifo)->_queue, (timeout))
/** @brief Non-zero if the FIFO is empty. */
#define k_fifo_is_empty(fifo) k_queue_is_empty(&(fifo)->_queue)
/** @brief First item without taking it, or NULL. */
#define k_fifo_peek_head(fifo) k_queue_peek_head(&(fifo)->_queue)
/** @brief Last item without taking it, or NULL. */
#define k_fifo_peek_tail(fifo) k_queue_peek_tail(&(fifo)->_queue)

/* ---- k_lifo: last in, first out ---- */

/** @brief A LIFO (a k_queue used from the front). */
struct k_lifo {
	struct k_queue _queue; /**< The queue underneath. */
};

/** @brief Static initializer of LIFO @p obj. */
#define Z_LIFO_INITIALIZER(obj)                                                                    \
	{                                                                                          \
		._queue = Z_QUEUE_INITIALIZER((obj)._queue)                                        \
	}
/** @brief Define and initialize a LIFO (a `static` prefix works). */
#define K_LIFO_DEFINE(name)                                                                        \
	struct k_lifo name = Z_LIFO_INITIALIZER(name);                                             \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize a LIFO. */
#define k_lifo_init(lifo) k_queue_init(&(lifo)->_queue)
/** @brief Add @p data (first word reserved) on top. */
#define k_lifo_put(lifo, data) k_queue_prepend(&(lifo)->_queue, (data))
/** @brief Add @p data on top with a node from the resource pool: 0 or -ENOMEM. */
#define k_lifo_alloc_put(lifo, data) k_queue_alloc_prepend(&(lifo)->_queue, (data))
/** @brief Take the top item, waiting up to @p timeout; NULL if none. */
#define k_lifo_get(lifo, timeout) k_queue_get(&(lifo)->_queue, (timeout))

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_QUEUE_H_ */
