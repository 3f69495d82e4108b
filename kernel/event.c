/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_event: a waiter leaves what it waits for in swap_data (a struct on its stack, read with
 * the supervisor view when a user thread changes the bits); every
 * change of the bits walks the wait queue, in priority order, and wakes each waiter whose
 * condition holds, handing it the bits it was woken with (consuming them for the _safe waits,
 * so a later waiter in the walk no longer sees them).
 */
#include <errno.h>

#include <zephyr/kernel.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

#define WAIT_ALL  0x1U
#define WAIT_SAFE 0x2U

struct event_wait {
	uint32_t desired;
	unsigned int options;
	uint32_t received;
};

static bool satisfied(uint32_t desired, uint32_t current, unsigned int options)
{
	uint32_t match = desired & current;

	return (options & WAIT_ALL) != 0U ? match == desired : match != 0U;
}

void k_event_init(struct k_event *event)
{
	Z_OBJ_USER_CHECK(event);
	z_object_init(event);
	z_waitq_init(&event->wait_q);
	event->events = 0;
	event->lock = (struct k_spinlock){0};
}

/*
 * Bits of @p mask become those of @p events; wake whoever is satisfied now. Returns the bits of
 * @p mask as they were before, as Zephyr's k_event_post_internal() does (post: the posted bits
 * that were already set; set: every bit; clear: the cleared bits that were set).
 */
static uint32_t event_change(struct k_event *event, uint32_t events, uint32_t mask)
{
	k_spinlock_key_t key = k_spin_lock(&event->lock);
	uint32_t previous = event->events;
	sys_dnode_t *node;
	sys_dnode_t *next;
	bool woke = false;

	/* Each waiter's record is on its stack, which a user caller's view closes. */
	const struct k_thread *lifted = z_prot_kernel_enter();

	event->events = (previous & ~mask) | (events & mask);
	SYS_DLIST_FOR_EACH_NODE_SAFE(&event->wait_q.waitq, node, next)
	{
		struct k_thread *t = CONTAINER_OF(node, struct k_thread, base.qnode_dlist);
		struct event_wait *w = t->base.swap_data;

		if (!satisfied(w->desired, event->events, w->options)) {
			continue;
		}
		w->received = event->events & w->desired;
		if ((w->options & WAIT_SAFE) != 0U) {
			event->events &= ~w->received;
		}
		z_unpend_thread(t);
		z_thread_return_value_set(t, 0);
		z_ready_thread(t);
		woke = true;
	}
	z_prot_kernel_exit(lifted);
	if (woke) {
		z_reschedule(&event->lock, key);
	} else {
		k_spin_unlock(&event->lock, key);
	}
	return previous & mask;
}

uint32_t k_event_post(struct k_event *event, uint32_t events)
{
	Z_OBJ_USER_CHECK(event);
	return event_change(event, events, events);
}

uint32_t k_event_set(struct k_event *event, uint32_t events)
{
	Z_OBJ_USER_CHECK(event);
	return event_change(event, events, UINT32_MAX);
}

uint32_t k_event_set_masked(struct k_event *event, uint32_t events, uint32_t events_mask)
{
	Z_OBJ_USER_CHECK(event);
	return event_change(event, events, events_mask);
}

uint32_t k_event_clear(struct k_event *event, uint32_t events)
{
	Z_OBJ_USER_CHECK(event);
	return event_change(event, 0, events);
}

static uint32_t event_wait(struct k_event *event, uint32_t events, bool reset, k_timeout_t timeout,
			   unsigned int options)
{
	struct event_wait w = {.desired = events, .options = options, .received = 0};
	k_spinlock_key_t key;
	uint32_t got;

	if (events == 0U) {
		return 0;
	}
	key = k_spin_lock(&event->lock);
	if (reset) {
		event->events = 0;
	}
	if (satisfied(events, event->events, options)) {
		got = event->events & events;
		if ((options & WAIT_SAFE) != 0U) {
			event->events &= ~got;
		}
		k_spin_unlock(&event->lock, key);
		return got;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&event->lock, key);
		return 0;
	}
	if (z_pend_curr_data(&event->lock, key, &event->wait_q, timeout, "k_event", &w) != 0) {
		return 0;
	}
	return w.received;
}

uint32_t k_event_wait(struct k_event *event, uint32_t events, bool reset, k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(event);
	return event_wait(event, events, reset, timeout, 0);
}

uint32_t k_event_wait_all(struct k_event *event, uint32_t events, bool reset, k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(event);
	return event_wait(event, events, reset, timeout, WAIT_ALL);
}

uint32_t k_event_wait_safe(struct k_event *event, uint32_t events, bool reset, k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(event);
	return event_wait(event, events, reset, timeout, WAIT_SAFE);
}

uint32_t k_event_wait_all_safe(struct k_event *event, uint32_t events, bool reset,
			       k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(event);
	return event_wait(event, events, reset, timeout, WAIT_ALL | WAIT_SAFE);
}
