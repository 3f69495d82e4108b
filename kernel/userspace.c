/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief User mode: entering it, and refusing kernel calls a user thread may not make.
 *
 * On Zephyr these calls are not system calls, so a user thread cannot reach them; on the host
 * it can call any function, so each of them checks its caller and turns a user caller into a
 * kernel oops of that thread, as Zephyr's system-call checks do.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kobject_perms.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(userspace, CONFIG_LOG_DEFAULT_LEVEL);

bool z_prot_refuse_user_call(const char *call)
{
	struct k_thread *cur = k_current_get();

	if (!z_prot_is_user(cur)) {
		return false;
	}
	LOG_ERR("%s() refused: thread %p (%s) runs in user mode", call, (void *)cur,
		cur->name[0] != '\0' ? cur->name : "unnamed");
	z_except_reason(K_ERR_KERNEL_OOPS);
	/* Not reached for the current thread; kept for a fatal path that returns. */
	return true;
}

bool k_is_user_context(void)
{
	return z_prot_is_user(k_current_get());
}

FUNC_NORETURN void k_thread_user_mode_enter(k_thread_entry_t entry, void *p1, void *p2, void *p3)
{
	struct k_thread *cur = k_current_get();

	if (Z_PROT_USERSPACE) {
		z_perm_user_thread_seen(); /* kernel calls check permissions from now on */
		cur->base.user_options |= K_USER;
		/* From here on the thread sees only its stack and its domain. */
		z_prot_apply(cur);
	}
	entry(p1, p2, p3);
	k_thread_abort(cur);
	CODE_UNREACHABLE;
}
