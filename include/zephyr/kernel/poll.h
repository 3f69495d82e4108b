/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_poll(): wait for any of several kernel objects; k_poll_signal.
 *
 * Zephyr's types, states and rules: an event names an object and a condition (semaphore
 * available, queue/FIFO not empty, message queue not empty, pipe not empty, signal raised);
 * k_poll() returns as soon as one holds, with each event's state telling which. Polling only
 * notifies: the caller still takes the semaphore or the item itself, and may find it gone if
 * another thread was faster (as on Zephyr).
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_POLL_H_
#define ZEPHYR_INCLUDE_KERNEL_POLL_H_

#include <stdint.h>
#include <stdbool.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/sys/dlist.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Event state: nothing happened yet. */
#define K_POLL_STATE_NOT_READY 0U
/** @brief Event state: the k_poll_signal was raised. */
#define K_POLL_STATE_SIGNALED (1U << 0)
/** @brief Event state: the semaphore is available. */
#define K_POLL_STATE_SEM_AVAILABLE (1U << 1)
/** @brief Event state: the queue / FIFO / LIFO holds data. */
#define K_POLL_STATE_DATA_AVAILABLE (1U << 2)
/** @brief Event state: the wait was cancelled (k_queue_cancel_wait). */
#define K_POLL_STATE_CANCELLED (1U << 3)
/** @brief Event state: the message queue holds a message. */
#define K_POLL_STATE_MSGQ_DATA_AVAILABLE (1U << 4)
/** @brief Event state: the pipe holds data. */
#define K_POLL_STATE_PIPE_DATA_AVAILABLE (1U << 5)
/** @brief Same as K_POLL_STATE_DATA_AVAILABLE. */
#define K_POLL_STATE_FIFO_DATA_AVAILABLE K_POLL_STATE_DATA_AVAILABLE

/** @brief Event type: ignored (a placeholder in an array). */
#define K_POLL_TYPE_IGNORE 0U
/** @brief Event type: a k_poll_signal is raised. */
#define K_POLL_TYPE_SIGNAL (1U << 0)
/** @brief Event type: a k_sem is available. */
#define K_POLL_TYPE_SEM_AVAILABLE (1U << 1)
/** @brief Event type: a k_queue (k_fifo, k_lifo) holds data. */
#define K_POLL_TYPE_DATA_AVAILABLE (1U << 2)
/** @brief Same as K_POLL_TYPE_DATA_AVAILABLE. */
#define K_POLL_TYPE_FIFO_DATA_AVAILABLE K_POLL_TYPE_DATA_AVAILABLE
/** @brief Event type: a k_msgq holds a message. */
#define K_POLL_TYPE_MSGQ_DATA_AVAILABLE (1U << 3)
/** @brief Event type: a k_pipe holds data. */
#define K_POLL_TYPE_PIPE_DATA_AVAILABLE (1U << 4)

/** @brief Polling modes (only one: notify). */
enum k_poll_modes {
	K_POLL_MODE_NOTIFY_ONLY = 0, /**< Report the condition; the caller acts on it. */
	K_POLL_NUM_MODES
};

/** @brief A signal threads can poll for. */
struct k_poll_signal {
	sys_dlist_t poll_events; /**< Events polling it. */
	unsigned int signaled;   /**< Non-zero once raised (until reset). */
	int result;              /**< Value given to k_poll_signal_raise(). */
};

/** @brief Static initializer of signal @p obj. */
#define K_POLL_SIGNAL_INITIALIZER(obj)                                                             \
	{                                                                                          \
		.poll_events = SYS_DLIST_STATIC_INIT(&(obj).poll_events), .signaled = 0,           \
		.result = 0                                                                        \
	}

struct k_sem;
struct k_queue;
struct k_fifo;
struct k_msgq;
struct k_pipe;
struct k_thread;

/** @cond INTERNAL_HIDDEN */
/* Who is told when a registered event's condition holds. */
enum {
	Z_POLLER_NONE,      /* registering (k_work_poll_submit): nobody yet */
	Z_POLLER_THREAD,    /* a thread in k_poll(), woken */
	Z_POLLER_TRIGGERED, /* a k_work_poll item, submitted to its work queue */
};

/* One k_poll() call in progress, or a k_work_poll item waiting for its events. */
struct z_poller {
	struct k_thread *thread; /* the poller (a k_work_poll: its queue's thread), for priority */
	bool is_polling;         /* no event has been ready yet */
	uint8_t mode;            /* Z_POLLER_* */
	_wait_q_t wait_q;        /* where a k_poll() caller pends */
};
/** @endcond */

/** @brief One condition k_poll() waits for. */
struct k_poll_event {
	sys_dnode_t _node;       /**< On the object's list while registered. */
	struct z_poller *poller; /**< The k_poll() call it belongs to, while registered. */
	uint32_t tag : 8;        /**< Free for the application. */
	uint32_t type : 6;       /**< K_POLL_TYPE_*. */
	uint32_t state : 7;      /**< K_POLL_STATE_* bits, set by k_poll(). */
	uint32_t mode : 1;       /**< K_POLL_MODE_NOTIFY_ONLY. */
	uint32_t unused : 10;    /**< Padding. */
	union {
		void *obj;                    /**< The object. */
		struct k_poll_signal *signal; /**< K_POLL_TYPE_SIGNAL. */
		struct k_sem *sem;            /**< K_POLL_TYPE_SEM_AVAILABLE. */
		struct k_fifo *fifo;          /**< K_POLL_TYPE_FIFO_DATA_AVAILABLE. */
		struct k_queue *queue;        /**< K_POLL_TYPE_DATA_AVAILABLE. */
		struct k_msgq *msgq;          /**< K_POLL_TYPE_MSGQ_DATA_AVAILABLE. */
		struct k_pipe *pipe;          /**< K_POLL_TYPE_PIPE_DATA_AVAILABLE. */
	};
};

/** @brief Initializer of an event of @p _event_type on @p _event_obj. */
#define K_POLL_EVENT_INITIALIZER(_event_type, _event_mode, _event_obj)                             \
	{                                                                                          \
		.poller = NULL, .tag = 0, .type = (_event_type), .state = K_POLL_STATE_NOT_READY,  \
		.mode = (_event_mode), .unused = 0,                                                \
		{                                                                                  \
			.obj = (void *)(_event_obj)                                                \
		}                                                                                  \
	}

/** @brief As K_POLL_EVENT_INITIALIZER, with a tag. */
#define K_POLL_EVENT_STATIC_INITIALIZER(_event_type, _event_mode, _event_obj, event_tag)           \
	{                                                                                          \
		.poller = NULL, .tag = (event_tag), .type = (_event_type),                         \
		.state = K_POLL_STATE_NOT_READY, .mode = (_event_mode), .unused = 0,               \
		{                                                                                  \
			.obj = (void *)(_event_obj)                                                \
		}                                                                                  \
	}

/** @brief Initialize @p event: condition @p type on @p obj, mode K_POLL_MODE_NOTIFY_ONLY. */
void k_poll_event_init(struct k_poll_event *event, uint32_t type, int mode, void *obj);

/**
 * @brief Wait until at least one of @p events holds, or @p timeout. Each event's state says
 * what happened. From an ISR only K_NO_WAIT.
 * @retval 0 at least one event is ready
 * @retval -EAGAIN none before the timeout (K_NO_WAIT: none now)
 * @retval -EINTR a polled queue's wait was cancelled (k_queue_cancel_wait)
 * @retval -ENOMEM user mode: no room in the caller's resource pool for the kernel's copy of
 * the events (as Zephyr's system call)
 * @retval -EINVAL @p num_events negative, an event of unknown type or mode
 */
int k_poll(struct k_poll_event *events, int num_events, k_timeout_t timeout);

/** @brief Initialize @p sig (not raised). */
void k_poll_signal_init(struct k_poll_signal *sig);

/** @brief Mark @p sig not raised. */
void k_poll_signal_reset(struct k_poll_signal *sig);

/** @brief Whether @p sig is raised, and its result. */
void k_poll_signal_check(struct k_poll_signal *sig, unsigned int *signaled, int *result);

/**
 * @brief Raise @p sig with @p result: the first thread polling it (highest priority) wakes.
 * ISR-safe. Always 0.
 */
int k_poll_signal_raise(struct k_poll_signal *sig, int result);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_POLL_H_ */
