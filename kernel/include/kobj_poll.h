/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief How kernel objects tell k_poll() they changed (kernel/poll.c).
 */
#ifndef ZMEM_KERNEL_INCLUDE_KOBJ_POLL_H_
#define ZMEM_KERNEL_INCLUDE_KOBJ_POLL_H_

#include <zephyr/kernel.h>

/**
 * @brief An object's state changed to @p state (a K_POLL_STATE_* bit): the first k_poll()
 * event registered on @p events is taken off the list and signalled (its poller wakes).
 * Call with the object's lock held; the caller reschedules when this returns true (a thread
 * was made ready).
 */
bool z_handle_obj_poll_events(sys_dlist_t *events, uint32_t state);

/** @brief z_handle_obj_poll_events() when some k_poll() event is registered (inline test). */
static inline bool z_obj_poll_signal(sys_dlist_t *events, uint32_t state)
{
	return !sys_dlist_is_empty(events) && z_handle_obj_poll_events(events, state);
}

/** @brief True if @p pipe holds data (kernel/pipe.c, for k_poll). */
bool z_pipe_has_data(struct k_pipe *pipe);

#endif /* ZMEM_KERNEL_INCLUDE_KOBJ_POLL_H_ */
