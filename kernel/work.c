/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Work queues: a thread per queue runs the handlers of the items on its pending list, one at a
 * time, in submission order. Item state is the K_WORK_* bits, changed only under work_lock:
 *
 *   idle --submit--> QUEUED --thread takes it--> RUNNING --handler returns--> idle
 *   DELAYED (delayable items): the delay runs; when it ends, the item is submitted.
 *   CANCELING: set by a cancel while the handler runs; submissions fail with -EBUSY until the
 *   handler returns, then threads in k_work_cancel_sync() are released.
 *
 * A flush queues a barrier item right behind the flushed one (or at the head when the item is
 * running), so it returns once the instance present at the call has finished even if the item
 * is submitted again meanwhile.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(k_work, CONFIG_LOG_DEFAULT_LEVEL);

#ifndef CONFIG_SYSTEM_WORKQUEUE_STACK_SIZE
#define CONFIG_SYSTEM_WORKQUEUE_STACK_SIZE 1024
#endif
#ifndef CONFIG_SYSTEM_WORKQUEUE_PRIORITY
#define CONFIG_SYSTEM_WORKQUEUE_PRIORITY -1
#endif

/* Queue flags (Zephyr's public K_WORK_QUEUE_* bits). */
#define Q_STARTED  K_WORK_QUEUE_STARTED
#define Q_BUSY     K_WORK_QUEUE_BUSY
#define Q_DRAIN    K_WORK_QUEUE_DRAIN
#define Q_PLUGGED  K_WORK_QUEUE_PLUGGED
#define Q_NO_YIELD K_WORK_QUEUE_NO_YIELD
#define Q_STOP     K_WORK_QUEUE_STOP

/* What an idle work queue thread waits on: thread.c does not count such threads as blocked
 * when deciding that nothing can run any more (they wait for work, as Zephyr's idle does). */
const char z_work_q_idle_desc[] = "k_work_q (idle)";

static struct k_spinlock work_lock;
/* Threads in k_work_cancel_sync() waiting for a running handler to return. */
static sys_slist_t pending_cancels = SYS_SLIST_STATIC_INIT(&pending_cancels);

struct k_work_q k_sys_work_q;
K_THREAD_STACK_DEFINE(z_sys_work_q_stack, CONFIG_SYSTEM_WORKQUEUE_STACK_SIZE);

void z_sys_work_q_ensure(struct k_work_q *queue)
{
	if (queue == &k_sys_work_q && (k_sys_work_q.flags & Q_STARTED) == 0U) {
		struct k_work_queue_config cfg = {
		    .name = "sysworkq",
		    .no_yield = IS_ENABLED(CONFIG_SYSTEM_WORKQUEUE_NO_YIELD),
		    .essential = true,
		};

		k_work_queue_init(&k_sys_work_q);
		k_work_queue_start(&k_sys_work_q, z_sys_work_q_stack,
				   K_THREAD_STACK_SIZEOF(z_sys_work_q_stack),
				   CONFIG_SYSTEM_WORKQUEUE_PRIORITY, &cfg);
	}
}

void k_work_init(struct k_work *work, k_work_handler_t handler)
{
	memset(work, 0, sizeof(*work));
	work->handler = handler;
}

static inline int busy_locked(const struct k_work *work)
{
	return (int)(work->flags & K_WORK_MASK);
}

int k_work_busy_get(const struct k_work *work)
{
	return busy_locked(work);
}

/* Wake the queue's thread if it waits for work (lock held). */
static void notify_queue_locked(struct k_work_q *queue)
{
	(void)z_wake_one(&queue->notifyq, 0);
}

static int queue_submit_locked(struct k_work_q *queue, struct k_work *work)
{
	bool chained;

	if (queue == NULL) {
		return -EINVAL;
	}
	chained = (_current == queue->thread_id) && !k_is_in_isr();
	if ((queue->flags & Q_STARTED) == 0U) {
		return -ENODEV;
	}
	if ((queue->flags & Q_DRAIN) != 0U && !chained) {
		return -EBUSY;
	}
	if ((queue->flags & Q_PLUGGED) != 0U && (queue->flags & Q_DRAIN) == 0U) {
		return -EBUSY;
	}
	sys_slist_append(&queue->pending, &work->node);
	notify_queue_locked(queue);
	return 1;
}

/* Zephyr's submission rules (see k_work_submit_to_queue's return values). */
static int submit_locked(struct k_work *work, struct k_work_q *queue)
{
	int ret;

	if ((work->flags & K_WORK_CANCELING) != 0U) {
		return -EBUSY;
	}
	if ((work->flags & K_WORK_QUEUED) != 0U) {
		return 0;
	}
	ret = 1;
	if (queue == NULL) {
		queue = work->queue;
	}
	if ((work->flags & K_WORK_RUNNING) != 0U) {
		/* Again on the queue running it, so that one item never runs twice at once. */
		queue = work->queue;
		ret = 2;
	}
	int rc = queue_submit_locked(queue, work);

	if (rc < 0) {
		return rc;
	}
	work->flags |= K_WORK_QUEUED;
	work->queue = queue;
	return ret;
}

int k_work_submit_to_queue(struct k_work_q *queue, struct k_work *work)
{
	int ret;

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	z_sys_work_q_ensure(queue);
	ret = z_work_submit_no_resched(queue, work);
	if (ret > 0) {
		z_reschedule_unlocked();
	}
	return ret;
}

int z_work_submit_no_resched(struct k_work_q *queue, struct k_work *work)
{
	k_spinlock_key_t key = k_spin_lock(&work_lock);
	int ret = submit_locked(work, queue);

	k_spin_unlock(&work_lock, key);
	return ret;
}

int k_work_submit(struct k_work *work)
{
	return k_work_submit_to_queue(&k_sys_work_q, work);
}

/* ---- Flush and cancel ---- */

/* Stop a running delay (lock held); true if there was one. */
static bool unschedule_locked(struct k_work_delayable *dwork)
{
	if ((dwork->work.flags & K_WORK_DELAYED) == 0U) {
		return false;
	}
	dwork->work.flags &= ~K_WORK_DELAYED;
	return z_abort_timeout(&dwork->timeout) == 0;
}

/* The barrier's handler does nothing: the queue gives its semaphore once the barrier is no
 * longer touched (K_WORK_FLUSHING marks it), so the flusher's stack frame may go at once. */
static void flusher_handler(struct k_work *work)
{
	ARG_UNUSED(work);
}

/* Queue a barrier behind @p work if it is queued or running (lock held). */
static bool flush_locked(struct k_work *work, struct z_work_flusher *flusher)
{
	struct k_work_q *queue = work->queue;
	sys_snode_t *node;
	bool queued = false;

	if ((work->flags & (K_WORK_QUEUED | K_WORK_RUNNING)) == 0U || queue == NULL) {
		return false;
	}
	k_work_init(&flusher->work, flusher_handler);
	k_sem_init(&flusher->sem, 0, 1);
	flusher->work.flags = K_WORK_QUEUED | K_WORK_FLUSHING;
	flusher->work.queue = queue;
	SYS_SLIST_FOR_EACH_NODE (&queue->pending, node) {
		if (node == &work->node) {
			queued = true;
			break;
		}
	}
	/* Right behind the item; when it is running and not queued again, first in line. */
	sys_slist_insert(&queue->pending, queued ? &work->node : NULL, &flusher->work.node);
	notify_queue_locked(queue);
	return true;
}

static bool refuse_wait(const char *call, const struct k_work *work)
{
	if (k_is_in_isr()) {
		LOG_ERR("%s() called from an ISR", call);
		return true;
	}
	if (work->queue != NULL && _current == work->queue->thread_id) {
		LOG_ERR("%s() called from the queue that runs the item: it would wait forever",
			call);
		return true;
	}
	return false;
}

/*
 * k_work_flush() and k_work_flush_delayable() (@p call): a delayable item (@p dwork, NULL for a
 * plain one) whose delay runs is submitted at once, then flushed like a plain item.
 */
static bool flush(const char *call, struct k_work *work, struct k_work_delayable *dwork,
		  struct k_work_sync *sync)
{
	k_spinlock_key_t key;
	bool need;

	if (z_prot_refuse_user_call(call) || refuse_wait(call, work)) {
		return false;
	}
	key = k_spin_lock(&work_lock);
	if (dwork != NULL && unschedule_locked(dwork)) {
		(void)submit_locked(work, dwork->queue);
	}
	need = flush_locked(work, &sync->flusher);
	k_spin_unlock(&work_lock, key);
	if (need) {
		(void)k_sem_take(&sync->flusher.sem, K_FOREVER);
	}
	return need;
}

bool k_work_flush(struct k_work *work, struct k_work_sync *sync)
{
	return flush(__func__, work, NULL, sync);
}

/* Take @p work off its queue; a running one becomes CANCELING (lock held). */
static int cancel_async_locked(struct k_work *work)
{
	if ((work->flags & K_WORK_CANCELING) == 0U && (work->flags & K_WORK_QUEUED) != 0U) {
		work->flags &= ~K_WORK_QUEUED;
		(void)sys_slist_find_and_remove(&work->queue->pending, &work->node);
	}
	if (busy_locked(work) != 0) {
		work->flags |= K_WORK_CANCELING;
	}
	return busy_locked(work);
}

/* Register a waiter for a CANCELING item (lock held); false if there is nothing to wait for. */
static bool cancel_sync_locked(struct k_work *work, struct z_work_canceller *canceller)
{
	if ((work->flags & K_WORK_CANCELING) == 0U) {
		return false;
	}
	canceller->work = work;
	k_sem_init(&canceller->sem, 0, 1);
	sys_slist_append(&pending_cancels, &canceller->node);
	return true;
}

/* The handler of a CANCELING item returned: it is idle; its cancellers move to @p release
 * (lock held), whose semaphores are given after the lock is released. */
static void finalize_cancel_locked(struct k_work *work, sys_slist_t *release)
{
	sys_snode_t *node;
	sys_snode_t *next;
	sys_snode_t *prev = NULL;

	work->flags &= ~K_WORK_CANCELING;
	SYS_SLIST_FOR_EACH_NODE_SAFE(&pending_cancels, node, next)
	{
		struct z_work_canceller *c = CONTAINER_OF(node, struct z_work_canceller, node);

		if (c->work == work) {
			sys_slist_remove(&pending_cancels, prev, node);
			sys_slist_append(release, node);
		} else {
			prev = node;
		}
	}
}

/*
 * k_work_cancel() and k_work_cancel_delayable() (@p call): a delayable item (@p dwork, NULL for
 * a plain one) has its delay stopped, then is cancelled like a plain item.
 */
static int cancel(const char *call, struct k_work *work, struct k_work_delayable *dwork)
{
	k_spinlock_key_t key;
	int ret;

	if (z_prot_refuse_user_call(call)) {
		return -EPERM;
	}
	key = k_spin_lock(&work_lock);
	if (dwork != NULL) {
		(void)unschedule_locked(dwork);
	}
	ret = cancel_async_locked(work);
	k_spin_unlock(&work_lock, key);
	return ret;
}

int k_work_cancel(struct k_work *work)
{
	return cancel(__func__, work, NULL);
}

/* k_work_cancel_sync() and k_work_cancel_delayable_sync(), as cancel() does for the async ones. */
static bool cancel_sync(const char *call, struct k_work *work, struct k_work_delayable *dwork,
			struct k_work_sync *sync)
{
	k_spinlock_key_t key;
	bool pending;
	bool wait = false;

	if (z_prot_refuse_user_call(call) || refuse_wait(call, work)) {
		return false;
	}
	key = k_spin_lock(&work_lock);
	pending = busy_locked(work) != 0;
	if (pending) {
		if (dwork != NULL) {
			(void)unschedule_locked(dwork);
		}
		(void)cancel_async_locked(work);
		wait = cancel_sync_locked(work, &sync->canceller);
	}
	k_spin_unlock(&work_lock, key);
	if (wait) {
		(void)k_sem_take(&sync->canceller.sem, K_FOREVER);
	}
	return pending;
}

bool k_work_cancel_sync(struct k_work *work, struct k_work_sync *sync)
{
	return cancel_sync(__func__, work, NULL, sync);
}

/* ---- The queue's thread ---- */

#ifdef CONFIG_WORKQUEUE_WORK_TIMEOUT
/*
 * A handler ran longer than the queue's work_timeout_ms (timeout context): as Zephyr does, the
 * queue's thread is aborted, so that a stuck handler shows as a dead queue rather than a queue
 * that silently stops taking work.
 */
static void work_timed_out(struct _timeout *t)
{
	struct k_work_q *queue = CONTAINER_OF(t, struct k_work_q, work_timeout);

	LOG_ERR("work queue %p (%s): a work item ran longer than %u ms; aborting its thread",
		(void *)queue,
		k_thread_name_get(queue->thread_id) != NULL ? k_thread_name_get(queue->thread_id)
							    : "",
		(unsigned int)queue->work_timeout_ms);
	k_thread_abort(queue->thread_id);
}
#endif

static void work_queue_main(void *p1, void *p2, void *p3)
{
	struct k_work_q *queue = p1;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	for (;;) {
		k_spinlock_key_t key = k_spin_lock(&work_lock);
		sys_snode_t *node = sys_slist_get(&queue->pending);
		struct k_work *work;
		k_work_handler_t handler;

		if (node == NULL) {
			if ((queue->flags & Q_DRAIN) != 0U) {
				/* Idle while draining: the drain is complete. */
				queue->flags &= ~Q_DRAIN;
				(void)z_unpend_all(&queue->drainq);
			}
			if ((queue->flags & Q_STOP) != 0U) {
				queue->flags &= ~(Q_STARTED | Q_STOP | Q_PLUGGED);
				k_spin_unlock(&work_lock, key);
				return;
			}
			(void)z_pend_curr_desc(&work_lock, key, &queue->notifyq, K_FOREVER,
					       z_work_q_idle_desc);
			continue;
		}
		work = CONTAINER_OF(node, struct k_work, node);
		queue->flags |= Q_BUSY;
		work->flags = (work->flags & ~K_WORK_QUEUED) | K_WORK_RUNNING;
		handler = work->handler;
#ifdef CONFIG_WORKQUEUE_WORK_TIMEOUT
		if (queue->work_timeout_ms != 0U) {
			(void)z_add_timeout(&queue->work_timeout, work_timed_out,
					    K_MSEC(queue->work_timeout_ms));
		}
#endif
		k_spin_unlock(&work_lock, key);

		handler(work);

		struct k_sem *flushed = NULL;
		sys_slist_t release;

		sys_slist_init(&release);
		key = k_spin_lock(&work_lock);
#ifdef CONFIG_WORKQUEUE_WORK_TIMEOUT
		(void)z_abort_timeout(&queue->work_timeout);
#endif
		work->flags &= ~K_WORK_RUNNING;
		if ((work->flags & K_WORK_FLUSHING) != 0U) {
			/* A flush barrier: its owner waits on the semaphore until given below. */
			work->flags &= ~K_WORK_FLUSHING;
			flushed = &CONTAINER_OF(work, struct z_work_flusher, work)->sem;
		}
		if ((work->flags & K_WORK_CANCELING) != 0U) {
			finalize_cancel_locked(work, &release);
		}
		queue->flags &= ~Q_BUSY;
		bool yield = (queue->flags & Q_NO_YIELD) == 0U;

		k_spin_unlock(&work_lock, key);
		/* Last touches of memory on other threads' stacks: each waits until given. */
		if (flushed != NULL) {
			k_sem_give(flushed);
		}
		while ((node = sys_slist_get(&release)) != NULL) {
			k_sem_give(&CONTAINER_OF(node, struct z_work_canceller, node)->sem);
		}
		if (yield) {
			k_yield();
		}
	}
}

void k_work_queue_init(struct k_work_q *queue)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	memset(queue, 0, sizeof(*queue));
	sys_slist_init(&queue->pending);
	z_waitq_init(&queue->notifyq);
	z_waitq_init(&queue->drainq);
}

/* The queue's state for a start or a run (its thread is set by the caller). */
static void queue_setup(struct k_work_q *queue, const struct k_work_queue_config *cfg)
{
	sys_slist_init(&queue->pending);
	z_waitq_init(&queue->notifyq);
	z_waitq_init(&queue->drainq);
	sys_dnode_init(&queue->work_timeout.node);
	queue->work_timeout_ms = cfg != NULL ? cfg->work_timeout_ms : 0U;
	queue->flags = Q_STARTED;
	if (cfg != NULL && cfg->no_yield) {
		queue->flags |= Q_NO_YIELD;
	}
}

void k_work_queue_run(struct k_work_q *queue, const struct k_work_queue_config *cfg)
{
	k_spinlock_key_t key;

	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	key = k_spin_lock(&work_lock);
	if ((queue->flags & Q_STARTED) != 0U) {
		k_spin_unlock(&work_lock, key);
		LOG_ERR("k_work_queue_run(%p): already started", (void *)queue);
		return;
	}
	queue_setup(queue, cfg);
	queue->thread_id = _current;
	k_spin_unlock(&work_lock, key);
	if (cfg != NULL && cfg->name != NULL) {
		k_thread_name_set(_current, cfg->name);
	}
	/* Returns when k_work_queue_stop() has ended the queue. */
	work_queue_main(queue, NULL, NULL);
}

void k_work_queue_start(struct k_work_q *queue, k_thread_stack_t *stack, size_t stack_size,
			int prio, const struct k_work_queue_config *cfg)
{
	uint32_t options = 0;

	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	if ((queue->flags & Q_STARTED) != 0U) {
		LOG_ERR("k_work_queue_start(%p): already started", (void *)queue);
		return;
	}
	queue_setup(queue, cfg);
	queue->thread_id = &queue->thread;
	if (cfg != NULL && cfg->essential) {
		options |= K_ESSENTIAL;
	}
	/* Supervisor thread, whatever the caller's options: handlers are kernel context. */
	k_thread_create(&queue->thread, stack, stack_size, work_queue_main, queue, NULL, NULL, prio,
			options, K_FOREVER);
	/* Without a name in the configuration the thread keeps none (""), as on Zephyr. */
	if (cfg != NULL && cfg->name != NULL) {
		k_thread_name_set(&queue->thread, cfg->name);
	}
	k_thread_start(&queue->thread);
}

int k_work_queue_drain(struct k_work_q *queue, bool plug)
{
	k_spinlock_key_t key;

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	key = k_spin_lock(&work_lock);
	if ((queue->flags & (Q_BUSY | Q_DRAIN)) != 0U || plug ||
	    !sys_slist_is_empty(&queue->pending)) {
		queue->flags |= Q_DRAIN;
		if (plug) {
			queue->flags |= Q_PLUGGED;
		}
		notify_queue_locked(queue);
		(void)z_pend_curr_desc(&work_lock, key, &queue->drainq, K_FOREVER,
				       "k_work_queue_drain");
		return 1;
	}
	k_spin_unlock(&work_lock, key);
	return 0;
}

int k_work_queue_unplug(struct k_work_q *queue)
{
	k_spinlock_key_t key = k_spin_lock(&work_lock);
	int ret = -EALREADY;

	if ((queue->flags & Q_PLUGGED) != 0U) {
		queue->flags &= ~Q_PLUGGED;
		ret = 0;
	}
	k_spin_unlock(&work_lock, key);
	return ret;
}

int k_work_queue_stop(struct k_work_q *queue, k_timeout_t timeout)
{
	k_spinlock_key_t key;

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	key = k_spin_lock(&work_lock);
	if ((queue->flags & Q_STARTED) == 0U) {
		k_spin_unlock(&work_lock, key);
		return -EALREADY;
	}
	if (queue->thread_id != NULL && (queue->thread_id->base.user_options & K_ESSENTIAL) != 0U) {
		/* Ending an essential thread would be a fatal error (the system work queue's). */
		k_spin_unlock(&work_lock, key);
		return -ENOTSUP;
	}
	if ((queue->flags & Q_PLUGGED) == 0U) {
		k_spin_unlock(&work_lock, key);
		return -EBUSY;
	}
	queue->flags |= Q_STOP;
	notify_queue_locked(queue);
	k_spin_unlock(&work_lock, key);
	if (k_thread_join(queue->thread_id, timeout) != 0) {
		return -ETIMEDOUT;
	}
	return 0;
}

/* ---- Delayable work ---- */

void k_work_init_delayable(struct k_work_delayable *dwork, k_work_handler_t handler)
{
	memset(dwork, 0, sizeof(*dwork));
	dwork->work.handler = handler;
	dwork->work.flags = K_WORK_DELAYABLE;
	sys_dnode_init(&dwork->timeout.node);
}

int k_work_delayable_busy_get(const struct k_work_delayable *dwork)
{
	return busy_locked(&dwork->work);
}

k_ticks_t k_work_delayable_expires_get(const struct k_work_delayable *dwork)
{
	return z_timeout_expires(&dwork->timeout);
}

k_ticks_t k_work_delayable_remaining_get(const struct k_work_delayable *dwork)
{
	return z_timeout_remaining(&dwork->timeout);
}

/* The delay ended (timer interrupt context): submit. */
static void work_timeout(struct _timeout *to)
{
	struct k_work_delayable *dwork = CONTAINER_OF(to, struct k_work_delayable, timeout);
	k_spinlock_key_t key = k_spin_lock(&work_lock);

	if ((dwork->work.flags & K_WORK_DELAYED) != 0U) {
		dwork->work.flags &= ~K_WORK_DELAYED;
		(void)submit_locked(&dwork->work, dwork->queue);
	}
	/* The announcing context reschedules. */
	k_spin_unlock(&work_lock, key);
}

static int schedule_locked(struct k_work_q *queue, struct k_work_delayable *dwork,
			   k_timeout_t delay)
{
	if (K_TIMEOUT_EQ(delay, K_NO_WAIT)) {
		return submit_locked(&dwork->work, queue);
	}
	if ((dwork->work.flags & K_WORK_CANCELING) != 0U) {
		return -EBUSY;
	}
	dwork->work.flags |= K_WORK_DELAYED;
	dwork->queue = queue;
	z_add_timeout(&dwork->timeout, work_timeout, delay);
	return 1;
}

/*
 * k_work_schedule_for_queue() and k_work_reschedule_for_queue() (@p call): schedule only an item
 * that is idle or merely running (0 otherwise), or, with @p replace, stop any running delay and
 * schedule anyway.
 */
static int schedule(const char *call, struct k_work_q *queue, struct k_work_delayable *dwork,
		    k_timeout_t delay, bool replace)
{
	k_spinlock_key_t key;
	int ret = 0;

	if (z_prot_refuse_user_call(call)) {
		return -EPERM;
	}
	z_sys_work_q_ensure(queue);
	key = k_spin_lock(&work_lock);
	if (replace) {
		(void)unschedule_locked(dwork);
		ret = schedule_locked(queue, dwork, delay);
	} else if ((busy_locked(&dwork->work) & ~K_WORK_RUNNING) == 0) {
		ret = schedule_locked(queue, dwork, delay);
	}
	k_spin_unlock(&work_lock, key);
	if (ret > 0) {
		z_reschedule_unlocked();
	}
	return ret;
}

int k_work_schedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
			      k_timeout_t delay)
{
	return schedule(__func__, queue, dwork, delay, false);
}

int k_work_schedule(struct k_work_delayable *dwork, k_timeout_t delay)
{
	return k_work_schedule_for_queue(&k_sys_work_q, dwork, delay);
}

int k_work_reschedule_for_queue(struct k_work_q *queue, struct k_work_delayable *dwork,
				k_timeout_t delay)
{
	return schedule(__func__, queue, dwork, delay, true);
}

int k_work_reschedule(struct k_work_delayable *dwork, k_timeout_t delay)
{
	return k_work_reschedule_for_queue(&k_sys_work_q, dwork, delay);
}

bool k_work_flush_delayable(struct k_work_delayable *dwork, struct k_work_sync *sync)
{
	return flush(__func__, &dwork->work, dwork, sync);
}

int k_work_cancel_delayable(struct k_work_delayable *dwork)
{
	return cancel(__func__, &dwork->work, dwork);
}

bool k_work_cancel_delayable_sync(struct k_work_delayable *dwork, struct k_work_sync *sync)
{
	return cancel_sync(__func__, &dwork->work, dwork, sync);
}
