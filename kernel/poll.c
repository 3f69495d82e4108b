/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_poll(): each event whose condition does not hold yet is put on its object's list of
 * poll events (by the polling thread's priority, so the highest-priority poller is told
 * first); the caller then pends on a wait queue of its own. An object whose state changes
 * takes the first event off its list and signals it (z_handle_obj_poll_events), which wakes
 * that event's poller; the poller takes its remaining events off their lists.
 *
 * A user thread's events are copied into memory from its resource pool for the duration of
 * the call, as Zephyr's system call copies them into kernel memory: the allocation shows in
 * the pool's statistics and a full pool gives -ENOMEM.
 *
 * Triggered work (k_work_poll) registers its events the same way, with a poller of its own
 * (struct z_poller in the item, mode Z_POLLER_TRIGGERED): the first event that holds submits
 * the item to its work queue instead of waking a thread; the handler's wrapper takes the
 * remaining events off their lists before the application's handler runs.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobj_poll.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(k_poll, CONFIG_LOG_DEFAULT_LEVEL);

static struct k_spinlock poll_lock;

void k_poll_event_init(struct k_poll_event *event, uint32_t type, int mode, void *obj)
{
	sys_dnode_init(&event->_node);
	event->poller = NULL;
	event->tag = 0;
	event->type = type;
	event->state = K_POLL_STATE_NOT_READY;
	event->mode = (uint32_t)mode;
	event->unused = 0;
	event->obj = obj;
}

/* The object's list of poll events, or NULL for an unknown type. */
static sys_dlist_t *events_of(struct k_poll_event *e)
{
	switch (e->type) {
	case K_POLL_TYPE_SIGNAL:
		return &e->signal->poll_events;
	case K_POLL_TYPE_SEM_AVAILABLE:
		return &e->sem->poll_events;
	case K_POLL_TYPE_DATA_AVAILABLE:
		return &e->queue->poll_events;
	case K_POLL_TYPE_MSGQ_DATA_AVAILABLE:
		return &e->msgq->poll_events;
	case K_POLL_TYPE_PIPE_DATA_AVAILABLE:
		return &e->pipe->poll_events;
	default:
		return NULL;
	}
}

/* The state @p e is in now (0: its condition does not hold). */
static uint32_t condition(struct k_poll_event *e)
{
	switch (e->type) {
	case K_POLL_TYPE_SIGNAL:
		return e->signal->signaled != 0U ? K_POLL_STATE_SIGNALED : 0U;
	case K_POLL_TYPE_SEM_AVAILABLE:
		return k_sem_count_get(e->sem) > 0U ? K_POLL_STATE_SEM_AVAILABLE : 0U;
	case K_POLL_TYPE_DATA_AVAILABLE:
		return !k_queue_is_empty(e->queue) ? K_POLL_STATE_DATA_AVAILABLE : 0U;
	case K_POLL_TYPE_MSGQ_DATA_AVAILABLE:
		return k_msgq_num_used_get(e->msgq) > 0U ? K_POLL_STATE_MSGQ_DATA_AVAILABLE : 0U;
	case K_POLL_TYPE_PIPE_DATA_AVAILABLE:
		return z_pipe_has_data(e->pipe) ? K_POLL_STATE_PIPE_DATA_AVAILABLE : 0U;
	default:
		return 0U;
	}
}

/* Put @p e on @p list behind every event of a poller of the same or higher priority. */
static void register_event(sys_dlist_t *list, struct k_poll_event *e, struct z_poller *poller)
{
	sys_dnode_t *node;

	e->poller = poller;
	SYS_DLIST_FOR_EACH_NODE (list, node) {
		struct k_poll_event *other = CONTAINER_OF(node, struct k_poll_event, _node);

		if (other->poller != NULL &&
		    other->poller->thread->base.prio > poller->thread->base.prio) {
			sys_dlist_insert(node, &e->_node);
			return;
		}
	}
	sys_dlist_append(list, &e->_node);
}

static void clear_registrations(struct k_poll_event *events, int n)
{
	for (int i = 0; i < n; i++) {
		if (sys_dnode_is_linked(&events[i]._node)) {
			sys_dlist_remove(&events[i]._node);
		}
		events[i].poller = NULL;
	}
}

/*
 * Stop a waiting k_work_poll item and submit it with @p result: 0 when an event holds, -EAGAIN
 * when its timeout ran out. Nothing when it no longer waits (an earlier event or its timeout
 * submitted it). Its work queue is set: a waiting item (mode Z_POLLER_TRIGGERED, is_polling)
 * loses it only in its handler or triggered_work_cancel_locked(), and neither leaves it
 * waiting. Lock held, no switch; true if a thread was readied.
 */
static bool triggered_work_submit(struct k_work_poll *twork, int result)
{
	if (!twork->poller.is_polling) {
		return false;
	}
	twork->poller.is_polling = false;
	(void)z_abort_timeout(&twork->timeout); /* the event's case: the timeout is still armed */
	twork->poll_result = result;
	return z_work_submit_no_resched(twork->workq, &twork->work) > 0;
}

/* Mark @p e with @p state and tell its poller; true if a thread was readied. */
static bool signal_event(struct k_poll_event *e, uint32_t state)
{
	struct z_poller *poller = e->poller;
	bool readied = false;

	e->poller = NULL;
	e->state |= state;
	if (poller != NULL && poller->mode == Z_POLLER_TRIGGERED) {
		readied =
		    triggered_work_submit(CONTAINER_OF(poller, struct k_work_poll, poller), 0);
	} else if (poller != NULL) {
		struct k_thread *t = poller->thread;

		/* Z_POLLER_NONE: a k_work_poll item still registering sees that an event held. */
		poller->is_polling = false;
		if (poller->mode == Z_POLLER_THREAD && z_is_thread_pending(t) &&
		    t->base.pended_on == &poller->wait_q) {
			z_unpend_thread(t);
			z_thread_return_value_set(t, state == K_POLL_STATE_CANCELLED ? -EINTR : 0);
			z_ready_thread(t);
			readied = true;
		}
	}
	return readied;
}

bool z_handle_obj_poll_events(sys_dlist_t *events, uint32_t state)
{
	/* The event, its neighbours on the list and its poller's record may lie on other
	 * threads' stacks, which a user caller's view closes: supervisor view, as on Zephyr. */
	const struct k_thread *lifted = z_prot_kernel_enter();
	sys_dnode_t *node = sys_dlist_get(events);
	bool readied = false;

	if (node != NULL) {
		readied = signal_event(CONTAINER_OF(node, struct k_poll_event, _node), state);
	}
	z_prot_kernel_exit(lifted);
	return readied;
}

/*
 * Check each of @p events and register those whose condition does not hold with @p poller,
 * until one holds (then poller->is_polling turns false and the rest are only reset). Lock
 * held, supervisor view. 0, or -EINVAL (nothing left registered) for a bad event.
 */
static int register_events(struct k_poll_event *events, int n, struct z_poller *poller)
{
	for (int i = 0; i < n; i++) {
		struct k_poll_event *e = &events[i];

		sys_dnode_init(&e->_node);
		e->poller = NULL;
		e->state = K_POLL_STATE_NOT_READY;
		if (e->type == K_POLL_TYPE_IGNORE) {
			continue;
		}
		sys_dlist_t *list = events_of(e);

		if (list == NULL || e->mode != K_POLL_MODE_NOTIFY_ONLY || e->obj == NULL) {
			clear_registrations(events, i);
			LOG_ERR("k_poll: event %d has an unknown type %u, mode %u or no object", i,
				(unsigned int)e->type, (unsigned int)e->mode);
			return -EINVAL;
		}
		uint32_t state = condition(e);

		if (state != 0U) {
			e->state = state;
			poller->is_polling = false;
		} else if (poller->is_polling) {
			register_event(list, e, poller);
		}
	}
	return 0;
}

static int poll_events(struct k_poll_event *events, int n, k_timeout_t timeout)
{
	struct z_poller poller = {.thread = _current, .is_polling = true, .mode = Z_POLLER_THREAD};
	const struct k_thread *lifted;
	k_spinlock_key_t key;
	int ret;

	z_waitq_init(&poller.wait_q);
	key = k_spin_lock(&poll_lock);
	/* Registering links the events among those of other pollers (on their stacks). */
	lifted = z_prot_kernel_enter();
	ret = register_events(events, n, &poller);
	if (ret < 0) {
		z_prot_kernel_exit(lifted);
		k_spin_unlock(&poll_lock, key);
		return ret;
	}
	if (!poller.is_polling) {
		clear_registrations(events, n);
		z_prot_kernel_exit(lifted);
		k_spin_unlock(&poll_lock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		clear_registrations(events, n);
		z_prot_kernel_exit(lifted);
		k_spin_unlock(&poll_lock, key);
		return -EAGAIN;
	}
	z_prot_kernel_exit(lifted);
	ret = z_pend_curr_desc(&poll_lock, key, &poller.wait_q, timeout, "k_poll");
	key = k_spin_lock(&poll_lock);
	lifted = z_prot_kernel_enter();
	clear_registrations(events, n);
	z_prot_kernel_exit(lifted);
	k_spin_unlock(&poll_lock, key);
	return ret;
}

int k_poll(struct k_poll_event *events, int num_events, k_timeout_t timeout)
{
	struct k_poll_event *copy;
	size_t bytes;
	int ret;

	if (num_events < 0) {
		return -EINVAL;
	}
	if (!k_is_user_context()) {
		return poll_events(events, num_events, timeout);
	}
	/* User mode: each event's object must be one the caller has access to, as Zephyr's
	 * system call checks; the kernel works on its own copy, from the caller's resource pool.
	 */
	for (int i = 0; i < num_events; i++) {
		if (events[i].type != K_POLL_TYPE_IGNORE) {
			Z_OBJ_USER_CHECK(events[i].obj);
		}
	}
	if (__builtin_mul_overflow((size_t)num_events, sizeof(*events), &bytes)) {
		return -EINVAL;
	}
	copy = z_thread_malloc(bytes);
	if (copy == NULL) {
		return -ENOMEM;
	}
	memcpy(copy, events, bytes);
	ret = poll_events(copy, num_events, timeout);
	for (int i = 0; i < num_events; i++) {
		events[i].state = copy[i].state;
	}
	k_free(copy);
	return ret;
}

void k_poll_signal_init(struct k_poll_signal *sig)
{
	Z_OBJ_USER_CHECK(sig);
	z_object_init(sig);
	sys_dlist_init(&sig->poll_events);
	sig->signaled = 0;
	sig->result = 0;
}

void k_poll_signal_reset(struct k_poll_signal *sig)
{
	Z_OBJ_USER_CHECK(sig);
	sig->signaled = 0;
}

void k_poll_signal_check(struct k_poll_signal *sig, unsigned int *signaled, int *result)
{
	Z_OBJ_USER_CHECK(sig);
	*signaled = sig->signaled;
	*result = sig->result;
}

int k_poll_signal_raise(struct k_poll_signal *sig, int result)
{
	Z_OBJ_USER_CHECK(sig);
	k_spinlock_key_t key = k_spin_lock(&poll_lock);

	sig->result = result;
	sig->signaled = 1;
	if (z_handle_obj_poll_events(&sig->poll_events, K_POLL_STATE_SIGNALED)) {
		z_reschedule(&poll_lock, key);
	} else {
		k_spin_unlock(&poll_lock, key);
	}
	return 0;
}

/* ---- Triggered work (k_work_poll) ---- */

/* The item's handler: take the remaining events off their lists, then run the real one. */
static void triggered_work_handler(struct k_work *work)
{
	struct k_work_poll *twork = CONTAINER_OF(work, struct k_work_poll, work);

	if (twork->poller.mode != Z_POLLER_NONE) {
		/* Registered in triggered mode (the submission did not clear them itself). */
		k_spinlock_key_t key = k_spin_lock(&poll_lock);
		const struct k_thread *lifted = z_prot_kernel_enter();

		clear_registrations(twork->events, twork->num_events);
		z_prot_kernel_exit(lifted);
		k_spin_unlock(&poll_lock, key);
	}
	/* Free again (the handler may submit it anew), then the application's handler. */
	twork->workq = NULL;
	twork->real_handler(work);
}

/* The submission's timeout ran out before any event held (timeout context). */
static void triggered_work_expired(struct _timeout *t)
{
	struct k_work_poll *twork = CONTAINER_OF(t, struct k_work_poll, timeout);
	k_spinlock_key_t key = k_spin_lock(&poll_lock);

	(void)triggered_work_submit(twork, -EAGAIN); /* the announcing context reschedules */
	k_spin_unlock(&poll_lock, key);
}

void k_work_poll_init(struct k_work_poll *work, k_work_handler_t handler)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	memset(work, 0, sizeof(*work));
	k_work_init(&work->work, triggered_work_handler);
	work->real_handler = handler;
	sys_dnode_init(&work->timeout.node);
}

/* Stop a waiting item (lock held): 0, or -EINVAL when it no longer waits. */
static int triggered_work_cancel_locked(struct k_work_poll *work)
{
	if (work->poller.is_polling && work->poller.mode != Z_POLLER_NONE) {
		const struct k_thread *lifted = z_prot_kernel_enter();

		(void)z_abort_timeout(&work->timeout);
		/* No event may submit it while its registrations go. */
		work->poller.mode = Z_POLLER_NONE;
		clear_registrations(work->events, work->num_events);
		z_prot_kernel_exit(lifted);
		work->workq = NULL;
		return 0;
	}
	/* Queued or running (or being registered): too late, as on Zephyr. */
	return -EINVAL;
}

int k_work_poll_submit_to_queue(struct k_work_q *work_q, struct k_work_poll *work,
				struct k_poll_event *events, int num_events, k_timeout_t timeout)
{
	const struct k_thread *lifted;
	k_spinlock_key_t key;
	int ret;

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (work_q == NULL || work == NULL || num_events < 0 ||
	    (events == NULL && num_events > 0)) {
		return -EINVAL;
	}
	z_sys_work_q_ensure(work_q); /* an event may submit to it from any context later */
	key = k_spin_lock(&poll_lock);
	if (work->workq != NULL) {
		if (work->workq != work_q) {
			k_spin_unlock(&poll_lock, key);
			return -EADDRINUSE;
		}
		ret = triggered_work_cancel_locked(work);
		if (ret < 0) {
			k_spin_unlock(&poll_lock, key);
			return ret;
		}
	}
	work->poller.thread = &work_q->thread; /* its events rank by the queue's priority */
	work->poller.is_polling = true;
	work->poller.mode = Z_POLLER_NONE;
	work->workq = work_q;
	work->events = events;
	work->num_events = num_events;
	work->poll_result = -EINPROGRESS;

	lifted = z_prot_kernel_enter();
	ret = register_events(events, num_events, &work->poller);
	if (ret < 0) {
		work->workq = NULL;
		z_prot_kernel_exit(lifted);
		k_spin_unlock(&poll_lock, key);
		return ret;
	}
	if (work->poller.is_polling && !K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		/* Nothing holds yet: from now on the first event (or the timeout) submits it. */
		if (!K_TIMEOUT_EQ(timeout, K_FOREVER)) {
			(void)z_add_timeout(&work->timeout, triggered_work_expired, timeout);
		}
		work->poller.mode = Z_POLLER_TRIGGERED;
		z_prot_kernel_exit(lifted);
		k_spin_unlock(&poll_lock, key);
		return 0;
	}
	/* An event held already, or K_NO_WAIT: submit now. */
	if (work->poller.is_polling) {
		work->poller.is_polling = false;
		work->poll_result = -EAGAIN;
	} else {
		work->poll_result = 0;
	}
	clear_registrations(events, num_events);
	z_prot_kernel_exit(lifted);
	k_spin_unlock(&poll_lock, key);
	(void)k_work_submit_to_queue(work_q, &work->work);
	return 0;
}

int k_work_poll_submit(struct k_work_poll *work, struct k_poll_event *events, int num_events,
		       k_timeout_t timeout)
{
	return k_work_poll_submit_to_queue(&k_sys_work_q, work, events, num_events, timeout);
}

int k_work_poll_cancel(struct k_work_poll *work)
{
	k_spinlock_key_t key;
	int ret;

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (work == NULL || work->workq == NULL) {
		return -EINVAL;
	}
	key = k_spin_lock(&poll_lock);
	ret = triggered_work_cancel_locked(work);
	k_spin_unlock(&poll_lock, key);
	return ret;
}
