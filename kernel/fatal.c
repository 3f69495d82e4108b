/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Zephyr's fatal error path. The report goes through LOG_ERR when logging is built, else to
 * stderr; either way it is formatted on the runtime stack (the faulting thread's stack may be
 * exhausted or protected).
 */
#include <stdarg.h>
#include <stdio.h>

#include "kernel_internal.h"

#include <zephyr/logging/log.h>

/* The kernel's log module, as on Zephyr ("os"). */
LOG_MODULE_REGISTER(os, CONFIG_LOG_DEFAULT_LEVEL);

#if defined(CONFIG_LOG) && CONFIG_LOG
#define FATAL_PRINT(...) LOG_ERR(__VA_ARGS__)
#else
#define FATAL_PRINT(...)                                                                           \
	do {                                                                                       \
		fprintf(stderr, __VA_ARGS__);                                                      \
		fputc('\n', stderr);                                                               \
	} while (0)
#endif

const char *z_fatal_error_reason_str(unsigned int reason)
{
	switch (reason) {
	case K_ERR_CPU_EXCEPTION:
		return "CPU exception";
	case K_ERR_SPURIOUS_IRQ:
		return "Unhandled interrupt";
	case K_ERR_STACK_CHK_FAIL:
		return "Stack overflow";
	case K_ERR_KERNEL_OOPS:
		return "Kernel oops";
	case K_ERR_KERNEL_PANIC:
		return "Kernel panic";
	default:
		return "Unknown error";
	}
}

FUNC_NORETURN void k_fatal_halt(unsigned int reason)
{
	fflush(stdout);
	fprintf(stderr, "zmem: system halted (fatal error %u)\n", reason);
	z_host_exit(ZMEM_EXIT_FATAL);
}

#if defined(CONFIG_ZTEST) && CONFIG_ZTEST
/* ztest (subsys/testsuite): true when the error happened in a test, which then fails. */
bool z_ztest_fatal_error(unsigned int reason);
#endif

__weak void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
#if defined(CONFIG_ZTEST) && CONFIG_ZTEST
	/* Under ztest a fault fails the running test and only its thread ends; the run goes on. */
	if (z_ztest_fatal_error(reason)) {
		return;
	}
#endif
	k_fatal_halt(reason);
}

struct fatal_args {
	unsigned int reason;
	const struct arch_esf *esf;
};

static void fatal_on_runtime_stack(void *arg)
{
	struct fatal_args *a = arg;
	struct k_thread *cur = _current;
	bool in_isr = k_is_in_isr();

	fflush(stdout);
	FATAL_PRINT(">>> ZEPHYR FATAL ERROR %u: %s on CPU 0", a->reason,
		    z_fatal_error_reason_str(a->reason));
	if (a->esf != NULL && a->esf->signo != 0) {
		FATAL_PRINT("Faulting %s access at address %p (host signal %d)",
			    a->esf->access == ARCH_HOST_ACCESS_WRITE ? "write"
			    : a->esf->access == ARCH_HOST_ACCESS_READ ? "read"
			    : a->esf->access == ARCH_HOST_ACCESS_EXEC ? "execute"
								       : "memory",
			    (void *)a->esf->fault_addr, a->esf->signo);
	}
	FATAL_PRINT("Current thread: %p (%s)", (void *)cur,
		    cur != NULL && cur->name[0] != '\0' ? cur->name : "unknown");

	k_sys_fatal_error_handler(a->reason, a->esf);

	/* The application's handler returned: only the faulting thread dies (as in Zephyr, even
	 * for k_panic), unless there is no thread to blame (ISR, boot). */
	if (cur == NULL || in_isr) {
		FATAL_PRINT("Attempted to recover from a fatal error in %s: halting",
			    cur == NULL ? "boot" : "an ISR");
		k_fatal_halt(a->reason);
	}
	cur->base.user_options &= ~K_ESSENTIAL;
	z_thread_self_exit();
}

void z_fatal_error(unsigned int reason, const struct arch_esf *esf)
{
	struct fatal_args a = {reason, esf};

	z_host_run_on_runtime_stack(fatal_on_runtime_stack, &a);
}

struct assert_print_args {
	const char *fmt;
	va_list *ap;
};

static void assert_vprint(void *arg)
{
	struct assert_print_args *a = arg;

	vfprintf(stderr, a->fmt, *a->ap);
}

void assert_print(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	/* vfprintf on unbuffered stderr takes an 8 KB buffer: not on an application stack. */
	struct assert_print_args a = {fmt, &ap};

	z_host_run_on_runtime_stack(assert_vprint, &a);
	va_end(ap);
}

/* Weak, as on Zephyr: ztest's assert hook (CONFIG_ZTEST_ASSERT_HOOK) replaces it. */
__weak void assert_post_action(const char *file, unsigned int line)
{
	(void)file;
	(void)line;
	k_panic();
}
