/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Host faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE) become Zephyr fatal errors. The handler runs
 * on a per-host-thread alternate stack (the faulting stack may be exhausted or protected),
 * leaves the faulting context by resuming the thread's runtime context, and runs the fatal
 * path there.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "host_thread.h"
#include "kernel_internal.h"
#include "zmem_host_malloc.h"

#define Z_HOST_ALTSTACK_SIZE (64 * 1024)

void *z_host_altstack_install(void)
{
	stack_t ss;
	void *mem = z_host_malloc(Z_HOST_ALTSTACK_SIZE);

	if (mem == NULL) {
		return NULL;
	}
	ss.ss_sp = mem;
	ss.ss_size = Z_HOST_ALTSTACK_SIZE;
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL) != 0) {
		z_host_free(mem);
		return NULL;
	}
	return mem;
}

void z_host_altstack_free(void *altstack)
{
	stack_t ss = {.ss_flags = SS_DISABLE};

	if (altstack != NULL) {
		(void)sigaltstack(&ss, NULL);
		z_host_free(altstack);
	}
}

/* The fault being handled, per host thread (handed from the signal stack to the runtime one). */
static __thread struct arch_esf fault_esf;
static __thread unsigned int fault_reason;

static void fault_on_runtime_stack(void *arg)
{
	(void)arg;
	z_fatal_error(fault_reason, &fault_esf);
}

/** @brief Classify a host fault; the stacks layer overrides it to report stack overflows. */
__weak unsigned int z_host_fault_reason(const struct arch_esf *esf)
{
	(void)esf;
	return K_ERR_CPU_EXCEPTION;
}

void arch_host_fault(unsigned int reason, const struct arch_esf *esf)
{
	struct z_host_thread *h = z_host_self;

	if (h == NULL || h->thread == NULL || !h->on_app) {
		/* Not on an application stack (boot, or the runtime itself): no context to leave
		 * that could be resumed safely. Report and halt. */
		z_host_raw_write("zmem: fatal host fault outside application code, halting\n");
		fault_reason = reason;
		fault_esf = *esf;
		z_fatal_error(reason, esf);
		_exit(ZMEM_EXIT_FATAL);
	}
	fault_reason = reason;
	fault_esf = *esf;
	h->req_fn = fault_on_runtime_stack;
	h->req_arg = NULL;
	h->on_app = false;
	/* Abandon the faulting context: resume the runtime context, which runs the request. */
	Z_ASAN_START_SWITCH(NULL, h->rt_stack_bottom, h->rt_stack_size);
	setcontext(&h->rt_ctx);
	_exit(ZMEM_EXIT_FATAL);
}

static void fault_handler(int signo, siginfo_t *info, void *ucontext)
{
	struct arch_esf esf;
	ucontext_t *uc = ucontext;

	memset(&esf, 0, sizeof(esf));
	esf.signo = signo;
	esf.si_code = info->si_code;
	esf.fault_addr = (uintptr_t)info->si_addr;
#if defined(__x86_64__)
	esf.pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	if (signo == SIGSEGV) {
		/* Page fault error code: bit 1 write, bit 4 instruction fetch. */
		unsigned long err = (unsigned long)uc->uc_mcontext.gregs[REG_ERR];

		esf.access = (err & 0x10U) ? ARCH_HOST_ACCESS_EXEC
			     : (err & 0x2U) ? ARCH_HOST_ACCESS_WRITE
					    : ARCH_HOST_ACCESS_READ;
	}
#else
	(void)uc;
#endif
	arch_host_fault(z_host_fault_reason(&esf), &esf);
}

void z_host_faults_init(void)
{
	static const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		sigaction(signals[i], &sa, NULL);
	}
}
