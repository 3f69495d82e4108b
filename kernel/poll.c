/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* k_poll(): registration of events on kernel objects and their signalling. */
#include <zephyr/kernel.h>

#include "kernel_internal.h"
#include "kobj_poll.h"

bool z_handle_obj_poll_events(sys_dlist_t *events, uint32_t state)
{
	(void)events;
	(void)state;
	return false;
}
