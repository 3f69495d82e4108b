/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Boot: the main thread runs the boot banner, starts the K_THREAD_DEFINE threads and then the
 * application's main() (Zephyr's bg_thread_main), on a stack of CONFIG_MAIN_STACK_SIZE bytes at
 * CONFIG_MAIN_THREAD_PRIORITY (arch/host/main_thread_config.c).
 */
#include <stdio.h>

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

static void boot_banner(void)
{
#ifdef Z_HAVE_LOG_BANNER
	z_boot_banner(); /* subsys/logging: printk, CONFIG_BOOT_BANNER */
#else
	fputs("*** Booting zmem " ZMEM_VERSION_STRING " ***\n", stdout);
#endif
}

static void bg_thread_main(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	boot_banner();
	z_init_static_threads();
	/* Static threads of higher priority than main run before it. */
	z_reschedule_unlocked();
	z_main_status = app_main();
	z_main_returned = true;
}

FUNC_NORETURN void z_cstart(int (*main_fn)(void))
{
	app_main = main_fn;
	k_thread_create(&z_main_thread, z_main_stack, z_main_stack_size, bg_thread_main, NULL, NULL,
			NULL, z_main_thread_prio, 0, K_NO_WAIT);
	k_thread_name_set(&z_main_thread, "main");
	z_sched_start();
}
