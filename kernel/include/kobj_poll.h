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
 * Call with the object's lock held; the caller reschedules.
 */
void z_handle_obj_poll_events(sys_dlist_t *events, uint32_t state);

#endif /* ZMEM_KERNEL_INCLUDE_KOBJ_POLL_H_ */
