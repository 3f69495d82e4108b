/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The timeout list, sorted by deadline (absolute ticks). Entries with equal deadlines fire in
 * the order they were armed, which keeps wakeups FIFO like Zephyr's delta list.
 */
#include <errno.h>

#include "kernel_internal.h"

static sys_dlist_t timeout_list = SYS_DLIST_STATIC_INIT(&timeout_list);

k_ticks_t z_add_timeout(struct _timeout *to, _timeout_func_t fn, k_timeout_t timeout)
{
	int64_t now = z_host_now_ticks();

	if (K_TIMEOUT_EQ(timeout, K_FOREVER)) {
		return 0;
	}
	if (!Z_IS_TIMEOUT_RELATIVE(timeout)) {
		/* An absolute tick, kept as given: one already past fires at the next announce. */
		z_add_timeout_abs(to, fn, Z_TICK_ABS(timeout.ticks));
		return Z_TICK_ABS(timeout.ticks);
	}
	/* Time between ticks has partly elapsed: count from the next tick boundary, so that the
	 * wait is never shorter than asked (Zephyr adds one tick for the same reason). In virtual
	 * time "now" sits on a boundary already, unless k_busy_wait moved it. */
	if (z_host_uptime_ns() > (uint64_t)now * 1000000000ULL / z_host_ticks_per_sec) {
		now++;
	}
	z_add_timeout_abs(to, fn, now + (timeout.ticks > 0 ? timeout.ticks : 0));
	return to->deadline;
}

void z_add_timeout_abs(struct _timeout *to, _timeout_func_t fn, int64_t deadline)
{
	sys_dnode_t *node;

	to->fn = fn;
	to->deadline = deadline;

	SYS_DLIST_FOR_EACH_NODE(&timeout_list, node) {
		struct _timeout *other = CONTAINER_OF(node, struct _timeout, node);

		if (other->deadline > to->deadline) {
			sys_dlist_insert(node, &to->node);
			return;
		}
	}
	sys_dlist_append(&timeout_list, &to->node);
}

int z_abort_timeout(struct _timeout *to)
{
	if (!sys_dnode_is_linked(&to->node)) {
		return -EINVAL;
	}
	sys_dlist_remove(&to->node);
	return 0;
}

int64_t z_timeout_remaining(const struct _timeout *to)
{
	int64_t left;

	if (!sys_dnode_is_linked(&to->node)) {
		return 0;
	}
	left = to->deadline - z_host_now_ticks();
	return left > 0 ? left : 0;
}

k_ticks_t z_timeout_expires(const struct _timeout *to)
{
	return z_is_timeout_active(to) ? to->deadline : z_host_now_ticks();
}

void z_timeout_announce(void)
{
	int64_t now = z_host_now_ticks();
	sys_dnode_t *node;

	while ((node = sys_dlist_peek_head(&timeout_list)) != NULL) {
		struct _timeout *to = CONTAINER_OF(node, struct _timeout, node);

		if (to->deadline > now) {
			break;
		}
		sys_dlist_remove(node);
		to->fn(to);
	}
}

int64_t z_timeout_next_deadline(void)
{
	sys_dnode_t *node = sys_dlist_peek_head(&timeout_list);

	return node == NULL ? -1 : CONTAINER_OF(node, struct _timeout, node)->deadline;
}

struct _timeout *k_get_next_timeout(struct _timeout *prev)
{
	sys_dnode_t *node;

	if (prev == NULL) {
		node = sys_dlist_peek_head(&timeout_list);
	} else if (!sys_dnode_is_linked(&prev->node)) {
		return NULL;
	} else {
		node = sys_dlist_peek_next(&timeout_list, &prev->node);
	}
	return node == NULL ? NULL : CONTAINER_OF(node, struct _timeout, node);
}
