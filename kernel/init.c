/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Boot, in Zephyr's order: z_cstart() runs the EARLY, PRE_KERNEL_1 and PRE_KERNEL_2 init
 * entries (SYS_INIT, <zephyr/init.h>) with no thread yet, creates the main thread and starts
 * the scheduler. The main thread (Zephyr's bg_thread_main) runs POST_KERNEL, the boot banner,
 * APPLICATION, starts the K_THREAD_DEFINE threads, runs PRE_MAIN (SMP) and then the
 * application's main(), on a stack of CONFIG_MAIN_STACK_SIZE bytes at
 * CONFIG_MAIN_THREAD_PRIORITY (arch/host/main_thread_config.c).
 */
#include <stdio.h>

#include <zephyr/init.h>

#include "kernel_internal.h"

#if __has_include(<zephyr/logging/log_ctrl.h>)
#include <zephyr/logging/log_ctrl.h>
#define Z_HAVE_LOG_BANNER 1
#endif

#ifndef ZMEM_VERSION_STRING
#define ZMEM_VERSION_STRING "0.0.0"
#endif

extern k_thread_stack_t z_main_stack[];
extern const size_t z_main_stack_size;
extern const int z_main_thread_prio;
extern int z_main_status;
extern bool z_main_returned;
extern void z_init_static_threads(void);
extern FUNC_NORETURN void z_sched_start(void);

/* The main thread, under Zephyr's name (kernel_internal.h), which tests read. */
struct k_thread z_main_thread;

/* The application's main, handed over by the process entry (arch/host/process_main.c). Only
 * that file names __real_main, so executables linked without --wrap=main (plain tests of lib/
 * code, which never boot the kernel) still link. */
static int (*app_main)(void);

/* The K_WORK_QUEUE_DEFINE queues (<zephyr/kernel/work.h>), gathered the same way. */
extern const struct z_work_q_static *const __start_zmem_work_q_static[] __attribute__((weak));
extern const struct z_work_q_static *const __stop_zmem_work_q_static[] __attribute__((weak));

/* Zephyr starts them from a kernel post-init hook, after the kernel is up and before the
 * POST_KERNEL level, so that init functions there can submit work to them. */
static void start_static_work_queues(void)
{
	const struct z_work_q_static *const *p = __start_zmem_work_q_static;

	for (; p != NULL && p < __stop_zmem_work_q_static; p++) {
		const struct z_work_q_static *s = *p;
		const struct k_work_queue_config cfg = {
			.name = s->qname,
			.no_yield = s->opts.no_yield,
			.essential = true,
			.work_timeout_ms = s->opts.work_timeout_ms,
		};

		k_work_queue_init(s->queue);
		k_work_queue_start(s->queue, s->stack, s->stack_size, s->prio, &cfg);
	}
}

static void boot_banner(void)
{
#ifdef Z_HAVE_LOG_BANNER
	z_boot_banner(); /* subsys/logging: printk, CONFIG_BOOT_BANNER */
#else
	fputs("*** Booting zmem " ZMEM_VERSION_STRING " ***\n", stdout);
#endif
}

/*
 * What runs on main's thread before main(). Out of line, so that its frame (the work queues'
 * configuration) is gone when main() starts: main's stack is the application's, and a small one
 * (Zephyr's stackprot test gives it 640 bytes) must not lose bytes to the kernel's start.
 */
static __attribute__((noinline)) void bg_thread_init(void)
{
	/* The kernel is up: init functions may create threads and block from here on. */
	start_static_work_queues();
	z_sys_init_run_level(Z_INIT_ORD_POST_KERNEL);
	boot_banner();
	z_sys_init_run_level(Z_INIT_ORD_APPLICATION);
	z_init_static_threads();
	/* Static threads of higher priority than main run before it. */
	z_reschedule_unlocked();
	/* Zephyr's last level, PRE_MAIN (SMP is its older name): the static threads exist. */
	z_sys_init_run_level(Z_INIT_ORD_PRE_MAIN);
}

static void bg_thread_main(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	bg_thread_init();
	z_main_status = app_main();
	z_main_returned = true;
}

FUNC_NORETURN void z_cstart(int (*main_fn)(void))
{
	app_main = main_fn;
	/*
	 * Before any thread exists: no scheduler, k_is_pre_kernel() is true, and nothing may
	 * block, as on Zephyr: a wait fails at once (-EAGAIN) and a sleep returns at once, each
	 * logging an error; calls that do not block (a give, a K_NO_WAIT take) work. EARLY runs
	 * after the host runtime set up its clock and fault handlers (process_main.c): host
	 * setup that Zephyr's EARLY has no counterpart of.
	 */
	z_sys_init_run_level(Z_INIT_ORD_EARLY);
	z_sys_init_run_level(Z_INIT_ORD_PRE_KERNEL_1);
	z_sys_init_run_level(Z_INIT_ORD_PRE_KERNEL_2);
	k_thread_create(&z_main_thread, z_main_stack, z_main_stack_size, bg_thread_main, NULL, NULL,
			NULL, z_main_thread_prio, 0, K_NO_WAIT);
	k_thread_name_set(&z_main_thread, "main");
	z_sched_start();
}
