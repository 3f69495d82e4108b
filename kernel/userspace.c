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
#include <stdarg.h>
#include <stdint.h>

#include <zephyr/internal/syscall_handler.h>
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

/* ---- application system calls (<zephyr/internal/syscall_handler.h>) ---- */

void z_syscall_enter(struct z_syscall_frame *frame)
{
	struct k_thread *cur = k_current_get();

	frame->thread = cur;
	frame->from_user = z_prot_is_user(cur);
	if (frame->from_user) {
		/* Inside the call the thread is in supervisor mode, as in Zephyr's system calls:
		 * kernel calls made by the handler are not refused and see the supervisor view;
		 * arch_buffer_validate() still judges for the caller (syscall_user). */
		cur->syscall_user++;
		cur->base.user_options &= ~K_USER;
		z_prot_apply(cur);
	}
}

void z_syscall_exit(struct z_syscall_frame *frame)
{
	struct k_thread *cur = frame->thread;

	if (frame->from_user) {
		cur->syscall_user--;
		cur->base.user_options |= K_USER;
		z_prot_apply(cur);
	}
}

void z_syscall_oops(const char *call)
{
	struct k_thread *cur = k_current_get();

	LOG_ERR("system call %s refused for thread %p (%s)", call, (void *)cur,
		cur->name[0] != '\0' ? cur->name : "unnamed");
	z_except_reason(K_ERR_KERNEL_OOPS);
}

int z_syscall_verify(bool ok, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	if (ok) {
		return 0;
	}
	va_start(ap, fmt);
	vsnprintk(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	LOG_ERR("system call check failed: %s", msg);
	return 1;
}

int z_syscall_memory(const void *ptr, size_t size, bool write)
{
	if (arch_buffer_validate(ptr, size, write ? 1 : 0) == 0) {
		return 0;
	}
	LOG_ERR("memory [%p, +%zu) is not %s by the calling thread", ptr, size,
		write ? "writable" : "readable");
	return 1;
}

int z_syscall_memory_array(const void *ptr, size_t nmemb, size_t size, bool write)
{
	if (size != 0U && nmemb > SIZE_MAX / size) {
		LOG_ERR("array of %zu x %zu bytes at %p overflows", nmemb, size, ptr);
		return 1;
	}
	return z_syscall_memory(ptr, nmemb * size, write);
}

int z_syscall_obj(const void *obj, int otype)
{
	struct k_thread *cur = k_current_get();
	int ret;

	ARG_UNUSED(otype);
	if (!(z_prot_is_user(cur) || cur->syscall_user != 0U)) {
		return 0;
	}
	ret = z_perm_access_check(obj, cur);
	if (ret == 0) {
		return 0;
	}
	LOG_ERR("thread %p has no access to kernel object %p (%d)", (void *)cur, obj, ret);
	return 1;
}

/*
 * Whether user thread @p t may write [@p a, @p a + @p n): its own stack area, or a partition of
 * its domain that lets users write. Memory in no partition does not count, although the host
 * leaves it open: Zephyr's system call refuses it, and Zephyr's tests expect -EACCES for it.
 */
bool z_user_may_write(const struct k_thread *t, const void *addr, size_t n)
{
	uintptr_t a = (uintptr_t)addr;
	const struct k_mem_domain *d = t->mem_domain_info.mem_domain;

	if (a >= t->stack_info.start && n <= t->stack_info.size &&
	    a - t->stack_info.start <= t->stack_info.size - n) {
		return true;
	}
	for (size_t i = 0; d != NULL && i < CONFIG_MAX_DOMAIN_PARTITIONS; i++) {
		const struct k_mem_partition *p = &d->partitions[i];

		if (p->size != 0U && (p->attr & Z_MEM_ATTR_U_W) != 0U && a >= p->start &&
		    n <= p->size && a - p->start <= p->size - n) {
			return true;
		}
	}
	return false;
}
