/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Default (empty) hooks for the stacks and protection layer, which overrides them with strong
 * definitions. Applications link the whole zmem archive (zmem_app_runtime), so an overriding
 * object is always part of the link.
 */
#include <zephyr/arch/host/host.h>

#include "kernel_internal.h"

__weak void z_host_thread_switched_in(struct k_thread *t)
{
	(void)t;
}

__weak void z_host_thread_created(struct k_thread *t)
{
	(void)t;
}

__weak void z_host_thread_exited(struct k_thread *t)
{
	(void)t;
}

__weak void z_host_thread_switching_out(struct k_thread *t)
{
	(void)t;
}

__weak bool z_host_app_option(const char *opt)
{
	(void)opt;
	return false;
}

__weak const char *z_host_app_options_help(void)
{
	return "";
}
