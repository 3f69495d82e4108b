/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * An application's own system calls (`__syscall` in its header, z_impl_/z_vrfy_ here, the
 * generated <syscalls/...> files) as Zephyr's tests write them (tests/kernel/threads/
 * thread_stack, tests/kernel/mem_protect/mem_protect): a supervisor caller runs the
 * implementation directly; a user caller runs the verification in supervisor mode, where
 * K_SYSCALL_MEMORY_* judges its buffers with arch_buffer_validate() and a failed K_OOPS()
 * ends it with a kernel oops; and arch_buffer_validate() answers for the thread's own stack, its
 * slack and guard page, other threads' stacks, its domain's partitions and other memory.
 */
#include <zephyr/internal/syscall_handler.h>
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#include "app_syscalls.h"

#define STACK_SIZE 2048
#define PAGE       4096

static K_THREAD_STACK_DEFINE(user_stack, STACK_SIZE);
static struct k_thread user_thread;

/* Read-only for the user thread (a partition of its domain). */
static uint8_t __aligned(PAGE) ro_buf[PAGE];
K_MEM_PARTITION_DEFINE(ro_part, ro_buf, sizeof(ro_buf), K_MEM_PARTITION_P_RW_U_RO);
/* A partition of another domain only: closed to the user thread. */
static volatile int __aligned(PAGE) privileged[PAGE / sizeof(int)];
K_MEM_PARTITION_DEFINE(priv_part, privileged, sizeof(privileged), K_MEM_PARTITION_P_RW_U_RW);

static struct k_mem_domain user_domain;
static struct k_mem_domain other_domain;

/* Memory in no partition: open to every thread on the host (docs/protection.md). */
static int plain_global;

/* What the fatal hook saw (written on the fatal path; plain memory). */
static volatile unsigned int fault_reason = 0xffffffffU;
static volatile int faults;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	fault_reason = reason;
	faults++;
}

/* ---- the system calls ---- */

int z_impl_probe_access(const void *addr, size_t size, int write)
{
	return arch_buffer_validate(addr, size, write);
}

bool z_impl_probe_in_user_mode(void)
{
	return k_is_user_context();
}

int z_impl_copy_out(int *dst, int value)
{
	*dst = value;
	return 0;
}

void z_impl_store_privileged(int value)
{
	privileged[0] = value;
}

#ifdef CONFIG_USERSPACE
static inline int z_vrfy_probe_access(const void *addr, size_t size, int write)
{
	return z_impl_probe_access(addr, size, write);
}
#include <syscalls/probe_access_mrsh.c>

static inline bool z_vrfy_probe_in_user_mode(void)
{
	return z_impl_probe_in_user_mode();
}
#include <syscalls/probe_in_user_mode_mrsh.c>

static inline int z_vrfy_copy_out(int *dst, int value)
{
	K_OOPS(K_SYSCALL_MEMORY_WRITE(dst, sizeof(*dst)));
	return z_impl_copy_out(dst, value);
}
#include <syscalls/copy_out_mrsh.c>

static inline void z_vrfy_store_privileged(int value)
{
	z_impl_store_privileged(value);
}
#include <syscalls/store_privileged_mrsh.c>
#endif

/* ---- helpers ---- */

static void run_user(k_thread_entry_t entry, void *p1)
{
	k_thread_create(&user_thread, user_stack, STACK_SIZE, entry, p1, NULL, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&user_domain, &user_thread));
	k_thread_start(&user_thread);
	zassert_ok(k_thread_join(&user_thread, K_FOREVER));
}

static void *setup(void)
{
	struct k_mem_partition *user_parts[] = {&ro_part, &ztest_mem_partition};
	struct k_mem_partition *other_parts[] = {&priv_part};

	zassert_ok(k_mem_domain_init(&user_domain, ARRAY_SIZE(user_parts), user_parts));
	zassert_ok(k_mem_domain_init(&other_domain, ARRAY_SIZE(other_parts), other_parts));
	return NULL;
}

static void before(void *f)
{
	ARG_UNUSED(f);
	fault_reason = 0xffffffffU;
	faults = 0;
}

ZTEST_SUITE(protection_syscalls, NULL, setup, before, NULL, NULL);

/* ---- tests ---- */

/* A supervisor caller runs the implementation directly, and may access everything. */
ZTEST(protection_syscalls, test_supervisor_caller)
{
	int x = 0;

	zassert_false(probe_in_user_mode());
	zassert_ok(copy_out(&x, 5));
	zassert_equal(x, 5);
	zassert_ok(arch_buffer_validate(&x, sizeof(x), 1));
	zassert_ok(arch_buffer_validate((const void *)privileged, sizeof(privileged), 1));
	zassert_ok(arch_buffer_validate(user_stack, sizeof(user_stack), 1));
}

static void user_mode_entry(void *p1, void *p2, void *p3)
{
	int local = 0;

	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	zassert_true(k_is_user_context());
	/* Inside the call the thread is in supervisor mode, as in Zephyr's system calls... */
	zassert_false(probe_in_user_mode());
	/* ...and back in user mode after it. */
	zassert_true(k_is_user_context());
	/* A buffer of its own passes the check. */
	zassert_ok(copy_out(&local, 42));
	zassert_equal(local, 42);
	/* The implementation runs with the supervisor view: memory closed to the caller. */
	store_privileged(7);
}

ZTEST(protection_syscalls, test_user_caller_runs_in_supervisor_mode)
{
	privileged[0] = 0;
	run_user(user_mode_entry, NULL);
	zassert_equal(faults, 0, "the user thread faulted");
	zassert_equal(privileged[0], 7, "the system call's implementation did not run");
}

static void user_probe_entry(void *p1, void *p2, void *p3)
{
	const int *other_stack = p1;
	const struct k_thread *self = k_current_get();
	const char *start = (const char *)self->stack_info.start;
	int local = 0;

	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	/* Its own stack area, all of it. */
	zassert_ok(probe_access(&local, sizeof(local), 1));
	zassert_ok(probe_access(start, self->stack_info.size, 1));
	/* Not the slack below it, not the guard page, not past the top. */
	zassert_not_equal(probe_access(start - 1, 1, 0), 0, "slack below the stack area");
	zassert_not_equal(probe_access(start - STACK_SIZE - 1, 1, 0), 0, "guard page");
	zassert_not_equal(probe_access(start, self->stack_info.size + 1, 0), 0,
			  "past the stack's top");
	/* Another thread's stack. */
	zassert_not_equal(probe_access(other_stack, sizeof(*other_stack), 0), 0,
			  "main's stack was readable");
	/* Its domain's read-only partition: read, not write. */
	zassert_ok(probe_access(ro_buf, sizeof(ro_buf), 0));
	zassert_not_equal(probe_access(ro_buf, 1, 1), 0, "write to a U_RO partition");
	/* A partition of another domain. */
	zassert_not_equal(probe_access((const void *)&privileged[1], 1, 0), 0,
			  "partition of another domain");
	/* Memory in no partition, open on the host. */
	zassert_ok(probe_access(&plain_global, sizeof(plain_global), 1));
	/* A range that wraps around. */
	zassert_not_equal(probe_access((const void *)(UINTPTR_MAX - 3U), 8, 0), 0, "wrap-around");
	/* Size 0 asks for nothing. */
	zassert_ok(probe_access(NULL, 0, 1));
}

ZTEST(protection_syscalls, test_arch_buffer_validate)
{
	int on_main_stack = 1;

	run_user(user_probe_entry, &on_main_stack);
	zassert_equal(faults, 0, "the user thread faulted");
}

static void user_bad_buffer_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	ztest_set_fault_valid(true);
	/* main's stack is closed to this thread: K_OOPS ends it with a kernel oops. */
	(void)copy_out(p1, 99);
	zassert_unreachable("copy_out() to another thread's stack returned");
}

ZTEST(protection_syscalls, test_failed_check_is_a_kernel_oops)
{
	int on_main_stack = 1;

	run_user(user_bad_buffer_entry, &on_main_stack);
	zassert_equal(faults, 1);
	zassert_equal(fault_reason, K_ERR_KERNEL_OOPS, "reason %u", fault_reason);
	zassert_equal(on_main_stack, 1, "the refused call wrote the buffer");
	/* The thread left the call dead, not half in supervisor mode: the next one runs as usual.
	 */
	run_user(user_mode_entry, NULL);
	zassert_equal(faults, 1);
}

static void user_reads_privileged_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	store_privileged(3);
	ztest_set_fault_valid(true);
	(void)privileged[0];
	zassert_unreachable("a user thread read a partition of another domain");
}

/* The view after a call is the user thread's again: the partition it closes still faults. */
ZTEST(protection_syscalls, test_view_restored_after_call)
{
	run_user(user_reads_privileged_entry, NULL);
	zassert_equal(faults, 1);
	zassert_equal(fault_reason, K_ERR_CPU_EXCEPTION, "reason %u", fault_reason);
}
