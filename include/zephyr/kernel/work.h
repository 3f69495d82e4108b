/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Work items and work queues: k_work, k_work_delayable, k_work_q, the system work queue.
 *
 * Zephyr's work API and state rules: a work item is queued at most once at a time; submitting
 * it while its handler runs queues it again on the queue running it; cancelling marks it
 * CANCELING until its running handler returns, during which submissions fail with -EBUSY; a
 * flush waits for the instance queued or running now. The handler runs in the work queue's
 * thread. The system work queue (k_sys_work_q) starts on its first use on the host (see
 * docs/kernel_objects.md).
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_WORK_H_
#define ZEPHYR_INCLUDE_KERNEL_WORK_H_

#include <stdbool.h>
#include <stdint.h>
#include <errno.h>
#include <zephyr/kernel/poll.h>
#include <zephyr/kernel/queue.h>
#include <zephyr/kernel/sync.h>
#include <zephyr/kernel/thread.h>
#include <zephyr/sys/atomic.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/sys/slist.h>
#include <zephyr/sys/util.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

struct k_work;
struct k_work_q;

/** @brief A work item's handler, run in the work queue's thread. */
typedef void (*k_work_handler_t)(struct k_work *work);

/** @brief A work item (kernel-private fields). */
struct k_work {
	sys_snode_t node;         /**< In the queue's pending list. */
	k_work_handler_t handler; /**< The handler. */
	struct k_work_q *queue;   /**< Queue it was last submitted to. */
	uint32_t flags;           /**< K_WORK_* state bits (and K_WORK_DELAYABLE). */
	/**
	 * Unused; a member, not padding, so that every byte of an item is defined: one made by
	 * K_WORK_DEFINE / K_WORK_DELAYABLE_DEFINE on the stack compares equal, byte for byte, to
	 * one made by k_work_init / k_work_init_delayable (Zephyr's tests memcmp them).
	 */
	uint32_t _reserved;
};

/** @brief The handler is running. */
#define K_WORK_RUNNING BIT(0)
/** @brief Being cancelled: submissions fail until the running handler returns. */
#define K_WORK_CANCELING BIT(1)
/** @brief Queued, waiting for the queue's thread. */
#define K_WORK_QUEUED BIT(2)
/** @brief A delayable item whose delay is running. */
#define K_WORK_DELAYED BIT(3)
/** @brief A flush waits for it (internal barrier). */
#define K_WORK_FLUSHING BIT(4)
/** @brief Every busy bit. */
#define K_WORK_MASK                                                                                \
	(K_WORK_DELAYED | K_WORK_QUEUED | K_WORK_RUNNING | K_WORK_CANCELING | K_WORK_FLUSHING)
/** @brief The item is the work of a k_work_delayable. */
#define K_WORK_DELAYABLE BIT(8)

/** @brief Static initializer of a work item with @p work_handler. */
#define Z_WORK_INITIALIZER(work_handler)                                                           \
	{                                                                                          \
		.node = {NULL}, .handler = (work_handler), .queue = NULL, .flags = 0               \
	}

/** @brief Define and initialize a work item (a `static` prefix works). */
#define K_WORK_DEFINE(work, work_handler) struct k_work work = Z_WORK_INITIALIZER(work_handler)

/** @brief A work item submitted after a delay. */
struct k_work_delayable {
	struct k_work work;      /**< The work item itself. */
	struct _timeout timeout; /**< The delay. */
	struct k_work_q *queue;  /**< Queue to submit to when the delay ends. */
};

/** @brief Static initializer of a delayable work item with @p work_handler. */
#define Z_WORK_DELAYABLE_INITIALIZER(work_handler)                                                 \
	{                                                                                          \
		.work = {.node = {NULL},                                                           \
			 .handler = (work_handler),                                                \
			 .queue = NULL,                                                            \
			 .flags = K_WORK_DELAYABLE},                                               \
		.timeout = {.node = {NULL, NULL}, .deadline = 0, .fn = NULL}, .queue = NULL        \
	}

/** @brief Define and initialize a delayable work item (a `static` prefix works). */
#define K_WORK_DELAYABLE_DEFINE(work, work_handler)                                                \
	struct k_work_delayable work = Z_WORK_DELAYABLE_INITIALIZER(work_handler)

/** @brief Internal: a barrier queued behind a work item by a flush. */
struct z_work_flusher {
	struct k_work work; /**< Queued right after the flushed item. */
	struct k_sem sem;   /**< Given when the barrier runs. */
};

/** @brief Internal: a thread waiting for a cancelled item's handler to return. */
struct z_work_canceller {
	sys_snode_t node;    /**< In the list of waiting cancellers. */
	struct k_work *work; /**< The item. */
	struct k_sem sem;    /**< Given when its handler returned. */
};

/** @brief Storage a synchronous flush or cancel needs (on the caller's stack). */
struct k_work_sync {
	union {
		struct z_work_flusher flusher;     /**< For a flush. */
		struct z_work_canceller canceller; /**< For a cancel. */
	};
};

/** @brief Options of k_work_queue_start(). */
struct k_work_queue_config {
	const char *name;         /**< Thread name, or NULL. */
	bool no_yield;            /**< Do not yield after each handler. */
	bool essential;           /**< Mark the queue's thread essential. */
	uint32_t work_timeout_ms; /**< CONFIG_WORKQUEUE_WORK_TIMEOUT: a handler running longer
				   *  ends the queue's thread (0: no limit). */
};

/**
 * @brief A work queue's state bits (k_work_q.flags), with Zephyr's names and values: code reads
 * them to see whether a queue was started, is draining or plugged, or does not yield.
 */
enum {
	K_WORK_QUEUE_STARTED_BIT = 0,                      /**< Bit of K_WORK_QUEUE_STARTED. */
	K_WORK_QUEUE_STARTED = BIT(K_WORK_QUEUE_STARTED_BIT), /**< k_work_queue_start() ran. */
	K_WORK_QUEUE_BUSY_BIT = 1,                         /**< Bit of K_WORK_QUEUE_BUSY. */
	K_WORK_QUEUE_BUSY = BIT(K_WORK_QUEUE_BUSY_BIT),    /**< A handler is running. */
	K_WORK_QUEUE_DRAIN_BIT = 2,                        /**< Bit of K_WORK_QUEUE_DRAIN. */
	K_WORK_QUEUE_DRAIN = BIT(K_WORK_QUEUE_DRAIN_BIT),  /**< k_work_queue_drain() waits. */
	K_WORK_QUEUE_PLUGGED_BIT = 3,                      /**< Bit of K_WORK_QUEUE_PLUGGED. */
	K_WORK_QUEUE_PLUGGED = BIT(K_WORK_QUEUE_PLUGGED_BIT), /**< Refuses new work. */
	K_WORK_QUEUE_STOP_BIT = 4,                         /**< Bit of K_WORK_QUEUE_STOP. */
	K_WORK_QUEUE_STOP = BIT(K_WORK_QUEUE_STOP_BIT),    /**< k_work_queue_stop() asked. */
	K_WORK_QUEUE_NO_YIELD_BIT = 8,                     /**< Bit of K_WORK_QUEUE_NO_YIELD. */
	K_WORK_QUEUE_NO_YIELD = BIT(K_WORK_QUEUE_NO_YIELD_BIT), /**< No yield between items. */
};

/** @brief A work queue: a thread running the handlers of submitted items in order. */
struct k_work_q {
	struct k_thread thread; /**< The queue's thread (k_work_queue_start). */
	k_tid_t thread_id;      /**< The thread running the queue: &thread, or k_work_queue_run's. */
	struct _timeout work_timeout; /**< CONFIG_WORKQUEUE_WORK_TIMEOUT: the running handler's. */
	uint32_t work_timeout_ms;     /**< k_work_queue_config.work_timeout_ms (0: none). */
	sys_slist_t pending;    /**< Queued items. */
	_wait_q_t notifyq;      /**< The thread waits here for work. */
	_wait_q_t drainq;       /**< Threads in k_work_queue_drain(). */
	uint32_t flags;         /**< Queue state: K_WORK_QUEUE_* bits. */
};

/** @brief The system work queue (started on its first use on the host). */
extern struct k_work_q k_sys_work_q;

/* ---- Work items ---- */

/** @brief Initialize @p work with @p handler (not queued). */
void k_work_init(struct k_work *work, k_work_handler_t handler);

/** @brief The item's busy state: K_WORK_* bits (0 when idle). */
int k_work_busy_get(const struct k_work *work);

/** @brief True if the item is queued, running or being cancelled. */
static inline bool k_work_is_pending(const struct k_work *work)
{
	return k_work_busy_get(work) != 0;
}

/**
 * @brief Submit @p work to @p queue. ISR-safe.
 * @retval 0 already queued (nothing changed)
 * @retval 1 queued
 * @retval 2 queued on the queue that is running it now (which may differ from @p queue)
 * @retval -EBUSY being cancelled, or the queue is draining or plugged
 * @retval -EINVAL @p queue is NULL and the item was never submitted
 * @retval -ENODEV the queue has not been started
 */
int k_work_submit_to_queue(struct k_work_q *queue, struct k_work *work);

/** @brief k_work_submit_to_queue() on the system work queue. */
int k_work_submit(struct k_work *work);

/**
 * @brief Wait until the instance of @p work queued or running now has finished. Not from an
 * ISR, nor from @p work's own queue thread.
 * @return true if the caller had to wait
 */
bool k_work_flush(struct k_work *work, struct k_work_sync *sync);

/**
 * @brief Take @p work off its queue if queued; a running handler is not stopped, the item
 * stays CANCELING until it returns. ISR-safe.
 * @return the busy state afterwards (0: idle)
 */
int k_work_cancel(struct k_work *work);

/**
 * @brief Cancel @p work and wait for a running handler to return. Not from an ISR.
 * @return true if the item was busy
 */
bool k_work_cancel_sync(struct k_work *work, struct k_work_sync *sync);

/* ---- Work queues ---- */

/** @brief Initialize @p queue before k_work_queue_start(). */
void k_work_queue_init(struct k_work_q *queue);

/**
 * @brief Start @p queue's thread on @p stack at @p prio (@p cfg may be NULL).
 */
void k_work_queue_start(struct k_work_q *queue, k_thread_stack_t *stack, size_t stack_size,
			int prio, const struct k_work_queue_config *cfg);

/** @cond INTERNAL_HIDDEN */
/* K_WORK_QUEUE_DEFINE's optional arguments, in order; the first member only lets the list be
 * empty. */
struct z_work_q_static_opts {
	int z_first;
	bool no_yield;
	uint32_t work_timeout_ms;
};

/* A K_WORK_QUEUE_DEFINE queue, started by the kernel before POST_KERNEL (kernel/init.c). */
struct z_work_q_static {
	struct k_work_q *queue;
	k_thread_stack_t *stack;
	size_t stack_size;
	int prio;
	const char *qname;
	struct z_work_q_static_opts opts;
};
/** @endcond */

/**
 * @brief Define work queue @p name with a stack of @p stack_size_ bytes, whose thread the
 * kernel starts at @p prio_ once it is up, before the POST_KERNEL init functions (SYS_INIT), so
 * that they and everything later can submit work to it.
 *
 * The thread is essential (k_work_queue_stop() answers -ENOTSUP) and named @p name. The
 * optional arguments after @p prio_ are, in order, `no_yield` and `work_timeout_ms` of
 * struct k_work_queue_config (default false and 0). Zephyr's own definition was not
 * available when this was written; its behaviour is taken from Zephyr's test of it
 * (tests/kernel/workq/work_queue/src/static_define.c) and the change that added it, and the
 * meaning of the optional arguments is inferred from that test's use (`true, 0` for one queue,
 * `false` for the one named `_yield`).
 */
#define K_WORK_QUEUE_DEFINE(name, stack_size_, prio_, ...)                                         \
	K_KERNEL_STACK_DEFINE(z_work_q_stack_##name, stack_size_);                                 \
	struct k_work_q name;                                                                      \
	static const struct z_work_q_static z_work_q_static_##name = {                             \
	    .queue = &name,                                                                        \
	    .stack = z_work_q_stack_##name,                                                        \
	    .stack_size = K_KERNEL_STACK_SIZEOF(z_work_q_stack_##name),                            \
	    .prio = (prio_),                                                                       \
	    .qname = #name,                                                                        \
	    .opts = {0, __VA_ARGS__},                                                              \
	};                                                                                         \
	static const struct z_work_q_static *const z_work_q_static_ptr_##name                     \
	    __attribute__((section("zmem_work_q_static"), used, aligned(sizeof(void *)))) =        \
		&z_work_q_static_##name

/**
 * @brief Run @p queue in the calling thread (instead of a thread of its own): the caller
 * becomes the queue's thread (named after @p cfg, which may be NULL) and returns only when
 * k_work_queue_stop() ends the queue. Supervisor only.
 */
void k_work_queue_run(struct k_work_q *queue, const struct k_work_queue_config *cfg);

/** @brief The thread of @p queue. */
static inline k_tid_t k_work_queue_thread_get(struct k_work_q *queue)
{
	return queue->thread_id != NULL ? queue->thread_id : &queue->thread;
}

/**
 * @brief Wait until @p queue has run everything queued; submissions from other threads fail
 * with -EBUSY meanwhile. With @p plug they keep failing until k_work_queue_unplug().
 * @return 1 if the caller waited, 0 if the queue was idle already
 */
int k_work_queue_drain(struct k_work_q *queue, bool plug);

/** @brief Accept submissions again: 0, or -EALREADY if the queue was not plugged. */
int k_work_queue_unplug(struct k_work_q *queue);

/**
 * @brief Stop a drained, plugged @p queue's thread, waiting up to @p timeout.
 * @retval 0 stopped
 * @retval -EALREADY not started
 * @retval -EBUSY not plugged (drain it with plug first)
 * @retval -ETIMEDOUT the thread did not end in time
 */
int k_work_queue_stop(struct k_work_q *queue, k_timeout_t timeout);

/* ---- Delayable work ---- */

/** @brief Initialize @p dwork with @p handler (idle). */
void k_work_init_delayable(struct k_work_delayable *dwork, k_work_handler_t handler);

/** @brief The delayable item a handler receives its k_work from. */
static inline struct k_work_delayable *k_work_delayable_from_work(struct k_work *work)
{
	return CONTAINER_OF(work, struct k_work_delayable, work);
}

/** @brief Busy state of @p dwork (K_WORK_DELAYED included). */
int k_work_delayable_busy_get(const struct k_work_delayable *dwork);

/** @brief True if @p dwork is delayed, queued, running or being cancelled. */
static inline bool k_work_delayable_is_pending(const struct k_work_delayable *dwork)
{
	return k_work_delayable_busy_get(dwork) != 0;
}

/** @brief Absolute tick at which the delay ends (the current tick when not delayed). */
k_ticks_t k_work_delayable_expires_get(const struct k_work_delayable *dwork);

/** @brief Ticks until the delay ends (0 when not delayed). */
k_ticks_t k_work_delayable_remaining_get(const struct k_work_delayable *dwork);

/**
 * @brief Submit @p dwork to @p queue after @p delay, unless it is already delayed or queued
 * (K_NO_WAIT: submit now). ISR-safe.
 * @retval 0 already delayed or queued: nothing changed
 * @retval 1 delayed, or queued (K_NO_WAIT)
 * @retval 2 queued on the queue running it (K_NO_WAIT)
 * @retval -EBUSY being cancelled, or the queue refused it
 */
int k_work_schedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
			      k_timeout_t delay);

/** @brief k_work_schedule_for_queue() on the system work queue. */
int k_work_schedule(struct k_work_delayable *dwork, k_timeout_t delay);

/**
 * @brief Like k_work_schedule_for_queue(), but a running delay is replaced by @p delay (an item
 * already queued stays queued). ISR-safe. Returns as k_work_schedule_for_queue().
 */
int k_work_reschedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
				k_timeout_t delay);

/** @brief k_work_reschedule_for_queue() on the system work queue. */
int k_work_reschedule(struct k_work_delayable *dwork, k_timeout_t delay);

/**
 * @brief Submit a delayed @p dwork at once and wait until it has run (and any instance queued
 * or running). Not from an ISR. @return true if the caller had to wait
 */
bool k_work_flush_delayable(struct k_work_delayable *dwork, struct k_work_sync *sync);

/** @brief Stop the delay and cancel as k_work_cancel(). ISR-safe. @return the busy state */
int k_work_cancel_delayable(struct k_work_delayable *dwork);

/**
 * @brief Cancel @p dwork and wait for a running handler to return. Not from an ISR.
 * @return true if it was busy
 */
bool k_work_cancel_delayable_sync(struct k_work_delayable *dwork, struct k_work_sync *sync);

/* ---- User-mode work queues (Zephyr's k_work_user) ---- */

/*
 * A work queue whose thread runs in user mode, for handlers that must not have the kernel's
 * rights. Unlike k_work_q it is built on a k_queue, so it can be started and fed from user mode
 * (the caller needs access to the queue's thread and k_queue objects); there is no delayable
 * form, no cancel and no flush. A submission from user mode allocates the queue's link from the
 * caller's resource pool (k_queue_alloc_append), so it fails with -ENOMEM when that is empty.
 */

struct k_work_user;

/** @brief Handler of a user work item; runs on the queue's user-mode thread. */
typedef void (*k_work_user_handler_t)(struct k_work_user *work);

/** @brief A user-mode work queue: a k_queue of items and the user thread that runs them. */
struct k_work_user_q {
	struct k_queue queue;   /**< Submitted items. */
	struct k_thread thread; /**< The queue's thread (user mode). */
};

/** @brief Bit numbers of k_work_user.flags. */
enum {
	K_WORK_USER_STATE_PENDING, /**< Submitted and not yet taken by the queue's thread. */
};

/** @brief A user work item. */
struct k_work_user {
	void *_reserved;               /**< The k_queue's link (first word, as k_queue needs). */
	k_work_user_handler_t handler; /**< What the queue's thread calls. */
	atomic_t flags;                /**< K_WORK_USER_STATE_* bits. */
};

/** @brief Static initializer of a user work item running @p work_handler. */
#define Z_WORK_USER_INITIALIZER(work_handler)                                                      \
	{                                                                                          \
		._reserved = NULL, .handler = (work_handler), .flags = 0                           \
	}

/** @brief Define user work item @p work running @p work_handler. */
#define K_WORK_USER_DEFINE(work, work_handler)                                                     \
	struct k_work_user work = Z_WORK_USER_INITIALIZER(work_handler)

/** @brief Initialize @p work to run @p handler (not pending). User mode may call it. */
static inline void k_work_user_init(struct k_work_user *work, k_work_user_handler_t handler)
{
	*work = (struct k_work_user)Z_WORK_USER_INITIALIZER(handler);
}

/** @brief True while @p work is submitted and its handler has not started. */
static inline bool k_work_user_is_pending(struct k_work_user *work)
{
	return atomic_test_bit(&work->flags, K_WORK_USER_STATE_PENDING);
}

/**
 * @brief Submit @p work to @p work_q. Callable from user mode and ISRs.
 * @retval 0 Queued.
 * @retval -EBUSY Already pending (it runs once).
 * @retval -ENOMEM No memory for the queue's link in the caller's resource pool.
 */
static inline int k_work_user_submit_to_queue(struct k_work_user_q *work_q,
					      struct k_work_user *work)
{
	int ret = -EBUSY;

	if (!atomic_test_and_set_bit(&work->flags, K_WORK_USER_STATE_PENDING)) {
		ret = (int)k_queue_alloc_append(&work_q->queue, work);
		if (ret != 0) {
			/* Not queued: it may be submitted again. */
			atomic_clear_bit(&work->flags, K_WORK_USER_STATE_PENDING);
		}
	}
	return ret;
}

/**
 * @brief Start @p work_q's thread in user mode, at priority @p prio, named @p name (or not
 * named when NULL). It inherits the caller's object permissions and memory domain and is given
 * access to its k_queue. Callable from user mode (with access to the thread, its stack and the
 * queue objects).
 */
void k_work_user_queue_start(struct k_work_user_q *work_q, k_thread_stack_t *stack,
			     size_t stack_size, int prio, const char *name);

/** @brief The thread of @p work_q (to grant it the objects its handlers use). */
static inline k_tid_t k_work_user_queue_thread_get(struct k_work_user_q *work_q)
{
	return &work_q->thread;
}

/* ---- Triggered work (Zephyr's k_work_poll) ---- */

/**
 * @brief A work item submitted to its queue when one of a set of poll events holds (or when a
 * timeout runs out). Its handler reads poll_result: 0 an event is ready (see the events'
 * states), -EAGAIN the timeout ran out first.
 */
struct k_work_poll {
	struct k_work work;            /**< The item the queue runs. */
	struct k_work_q *workq;        /**< Its queue while submitted, NULL when free. */
	struct z_poller poller;        /**< The events' registration. */
	struct k_poll_event *events;   /**< The events it waits for (the caller's memory). */
	int num_events;                /**< How many. */
	k_work_handler_t real_handler; /**< The application's handler. */
	struct _timeout timeout;       /**< The submission's timeout. */
	int poll_result;               /**< 0, -EAGAIN (timed out), -EINPROGRESS (waiting). */
};

/** @brief Initialize @p work to run @p handler (not submitted). Supervisor only. */
void k_work_poll_init(struct k_work_poll *work, k_work_handler_t handler);

/**
 * @brief Submit @p work to @p work_q once one of @p events holds (every event's condition is
 * watched, as k_poll() watches it), or when @p timeout runs out (K_NO_WAIT: at once, with
 * poll_result -EAGAIN unless an event holds already; K_FOREVER: no timeout). The events stay
 * registered until the handler runs or the item is cancelled, so they must outlive it. An item
 * still waiting on the same queue is cancelled and submitted again. Supervisor only.
 * @retval 0 Waiting, or submitted.
 * @retval -EADDRINUSE Waiting on another queue.
 * @retval -EINVAL A bad argument, an event of unknown type or mode, or an item that can no
 * longer be cancelled (queued or running).
 */
int k_work_poll_submit_to_queue(struct k_work_q *work_q, struct k_work_poll *work,
				struct k_poll_event *events, int num_events, k_timeout_t timeout);

/** @brief k_work_poll_submit_to_queue() on the system work queue. */
int k_work_poll_submit(struct k_work_poll *work, struct k_poll_event *events, int num_events,
		       k_timeout_t timeout);

/**
 * @brief Stop @p work waiting for its events (its handler will not run).
 * @retval 0 Cancelled.
 * @retval -EINVAL NULL, not submitted, or already queued or running (too late).
 */
int k_work_poll_cancel(struct k_work_poll *work);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_WORK_H_ */
