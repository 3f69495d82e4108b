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
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobj_poll.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(k_poll, CONFIG_LOG_DEFAULT_LEVEL);

/* One k_poll() call in progress. */
struct z_poller {
	struct k_thread *thread;
	bool is_polling;
	_wait_q_t wait_q;
};

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

/* Mark @p e with @p state and wake its poller if it is waiting; true if a thread was readied. */
static bool signal_event(struct k_poll_event *e, uint32_t state)
{
	struct z_poller *poller = e->poller;
	bool readied = false;

	e->poller = NULL;
	e->state |= state;
	if (poller != NULL) {
		struct k_thread *t = poller->thread;

		poller->is_polling = false;
		if (z_is_thread_pending(t) && t->base.pended_on == &poller->wait_q) {
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

static int poll_events(struct k_poll_event *events, int n, k_timeout_t timeout)
{
	struct z_poller poller = {.thread = _current, .is_polling = true};
	const struct k_thread *lifted;
	k_spinlock_key_t key;
	int ret;

	z_waitq_init(&poller.wait_q);
	key = k_spin_lock(&poll_lock);
	/* Registering links the events among those of other pollers (on their stacks). */
	lifted = z_prot_kernel_enter();
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
			z_prot_kernel_exit(lifted);
			k_spin_unlock(&poll_lock, key);
			LOG_ERR("k_poll: event %d has an unknown type %u, mode %u or no object", i,
				(unsigned int)e->type, (unsigned int)e->mode);
			return -EINVAL;
		}
		uint32_t state = condition(e);

		if (state != 0U) {
			e->state = state;
			poller.is_polling = false;
		} else if (poller.is_polling) {
			register_event(list, e, &poller);
		}
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
