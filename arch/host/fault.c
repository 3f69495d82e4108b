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
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "host_thread.h"
#include "kernel_internal.h"
#include "valgrind_requests.h"
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

#ifdef __GLIBC__
/* glibc's stdio lock (sysdeps/nptl/stdio-lock.h), unchanged since NPTL: recursive, owned. */
struct z_glibc_io_lock {
	int lock;
	int cnt;
	void *owner;
};

/* Release @p f if the faulting host thread holds it: the fault abandoned the frames that
 * would have unlocked it, and every other thread would block on it forever. */
static void release_abandoned_stdio_lock(FILE *f)
{
	struct z_glibc_io_lock *l = (struct z_glibc_io_lock *)f->_lock;

	if (l != NULL && l->owner == (void *)pthread_self()) {
		for (int n = l->cnt; n > 0; n--) {
			funlockfile(f);
		}
	}
}
#else
static void release_abandoned_stdio_lock(FILE *f)
{
	(void)f;
}
#endif

/* Entry of the fault context: the fatal path, which ends the thread or the process. */
static void fault_entry(void)
{
	Z_ASAN_FINISH_SWITCH(NULL);
	z_host_in_fault_handler = false;
	release_abandoned_stdio_lock(stdout);
	release_abandoned_stdio_lock(stderr);
	z_fatal_error(fault_reason, &fault_esf);
	/* z_fatal_error() only returns from ISRs, where faults halt first. */
	_exit(ZMEM_EXIT_FATAL);
}

/** @brief Classify a host fault; the stacks layer overrides it to report stack overflows. */
__weak unsigned int z_host_fault_reason(const struct arch_esf *esf)
{
	(void)esf;
	return K_ERR_CPU_EXCEPTION;
}

/* "<prefix> (signal S at 0xADDR, pc 0xPC), halting\n" without stdio (async-signal-safe). */
static void z_host_format_fault(char *buf, size_t size, const char *prefix,
				const struct arch_esf *esf)
{
	size_t n = 0;
	const uintptr_t vals[2] = {esf->fault_addr, esf->pc};
	const char *const names[2] = {" at 0x", ", pc 0x"};

#define PUT(c)                                                                                     \
	do {                                                                                       \
		if (n + 1U < size) {                                                               \
			buf[n++] = (c);                                                            \
		}                                                                                  \
	} while (0)
	for (const char *p = prefix; *p != '\0'; p++) {
		PUT(*p);
	}
	PUT(' ');
	PUT('(');
	PUT('s');
	PUT('i');
	PUT('g');
	PUT(' ');
	PUT((char)('0' + (esf->signo / 10) % 10));
	PUT((char)('0' + esf->signo % 10));
	for (int i = 0; i < 2; i++) {
		for (const char *p = names[i]; *p != '\0'; p++) {
			PUT(*p);
		}
		for (int shift = (int)(sizeof(uintptr_t) * 8U) - 4; shift >= 0; shift -= 4) {
			PUT("0123456789abcdef"[(vals[i] >> shift) & 0xFU]);
		}
	}
	for (const char *p = "), halting\n"; *p != '\0'; p++) {
		PUT(*p);
	}
#undef PUT
	buf[n] = '\0';
}

/* Faults being handled by this host thread: a fault in the fatal path itself ends the run. */
static __thread int fault_depth;

void arch_host_fault(unsigned int reason, const struct arch_esf *esf)
{
	struct z_host_thread *h = z_host_self;

	if (fault_depth++ > 0) {
		char msg[128];

		/* No stdio here: it may be what faulted. */
		z_host_format_fault(msg, sizeof(msg), "zmem: fault while handling a fault", esf);
		z_host_raw_write(msg);
		_exit(ZMEM_EXIT_FATAL);
	}
	if (h == NULL || h->thread == NULL || !h->rt_ctx_valid) {
		/* Boot, or a thread before its entry ran: there is no request loop to resume.
		 * Report (on this signal stack) and halt. */
		fault_reason = reason;
		fault_esf = *esf;
		z_host_raw_write("zmem: fatal host fault outside any thread's code, halting\n");
		z_fatal_error(reason, esf);
		_exit(ZMEM_EXIT_FATAL);
	}
	/* On the application stack, or on the runtime stack inside a request the application made
	 * (printk of a bad pointer): either way the request loop's context in host_thread_main is
	 * intact below the faulting frames, so resuming it abandons all of them. */
	fault_reason = reason;
	fault_esf = *esf;
	h->on_app = false;
	/* A fresh context on the runtime stack below the request loop's frame: everything from
	 * there down (a request, or nothing) is abandoned. Resuming rt_ctx instead would depend
	 * on frames that a request may have overwritten (interposed swapcontext wrappers have
	 * some). */
	if (getcontext(&h->fault_ctx) != 0) {
		_exit(ZMEM_EXIT_FATAL);
	}
	h->fault_ctx.uc_stack.ss_sp = (char *)h->rt_stack_bottom + Z_HOST_PAGE_SIZE;
	h->fault_ctx.uc_stack.ss_size =
		h->rt_free_top - (uintptr_t)h->rt_stack_bottom - Z_HOST_PAGE_SIZE;
	h->fault_ctx.uc_link = NULL;
	sigemptyset(&h->fault_ctx.uc_sigmask);
	Z_VG_UNDEFINED(h->fault_ctx.uc_stack.ss_sp, h->fault_ctx.uc_stack.ss_size);
	makecontext(&h->fault_ctx, fault_entry, 0);
	Z_ASAN_START_SWITCH(NULL, h->rt_stack_bottom, h->rt_stack_size);
	setcontext(&h->fault_ctx);
	_exit(ZMEM_EXIT_FATAL);
}

static void fault_handler(int signo, siginfo_t *info, void *ucontext)
{
	struct arch_esf esf;
	ucontext_t *uc = ucontext;

	/* The C library's printf family must not switch stacks from here (libc_format.c). */
	z_host_in_fault_handler = true;
	memset(&esf, 0, sizeof(esf));
	esf.signo = signo;
	esf.si_code = info->si_code;
	esf.fault_addr = (uintptr_t)info->si_addr;
#if defined(__x86_64__) || defined(__i386__)
	/* (32-bit x86, as Zephyr's native_sim builds by default: the same frame, other names.) */
#if defined(__x86_64__)
	esf.pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#else
	esf.pc = (uintptr_t)uc->uc_mcontext.gregs[REG_EIP];
#endif
	if (signo == SIGSEGV) {
		/* Page fault error code: bit 1 write, bit 4 instruction fetch. */
		unsigned long err = (unsigned long)uc->uc_mcontext.gregs[REG_ERR];

		/*
		 * A fault at the faulting instruction's own address is a fetch too: emulators
		 * (qemu-i386 running 32-bit programs where the kernel cannot) leave bit 4 clear.
		 */
		esf.access = (err & 0x10U) || esf.fault_addr == esf.pc ? ARCH_HOST_ACCESS_EXEC
			     : (err & 0x2U)                            ? ARCH_HOST_ACCESS_WRITE
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
