/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The host's memory fault handler: SIGSEGV and SIGBUS, taken on an alternate signal
 * stack, become Zephyr fatal errors for the running thread.
 *
 * A fault in a live thread's guard page (or with the stack pointer run below the stack) is a
 * stack overflow, K_ERR_STACK_CHK_FAIL. Any other fault is K_ERR_CPU_EXCEPTION; the report
 * names the thread, the address, the access (read, write or execute, from the x86-64 page-fault
 * error code) and the protected region the address belongs to. The handler then hands over to
 * arch_host_fault(), which leaves the faulting context and runs the fatal path.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include <zephyr/kernel.h>

#include "kernel_internal.h"
#include "mem_protect.h"

/* From the host arch layer: leaves the signal context and runs the fatal path. */
void arch_host_fault(unsigned int reason, const struct arch_esf *esf);

#define ALT_STACK_SIZE (64U * 1024U)
/* How far below its stack a thread's stack pointer may land and still count as an overflow. */
#define OVERFLOW_SLACK (64U * 1024U)

static volatile sig_atomic_t handler_installed;
static __thread bool alt_stack_ready;
static __thread volatile sig_atomic_t in_handler;
/* One fault is handled at a time (one thread runs at a time): the report is built here. */
static char report[768];

static const char *access_str(enum arch_host_access a)
{
	switch (a) {
	case ARCH_HOST_ACCESS_READ:
		return "reading";
	case ARCH_HOST_ACCESS_WRITE:
		return "writing";
	case ARCH_HOST_ACCESS_EXEC:
		return "executing";
	default:
		return "accessing";
	}
}

static const char *thread_name(const struct k_thread *t)
{
	return (t != NULL && t->name[0] != '\0') ? t->name : "unnamed";
}

/* Fault report line in the log's format, written without stdio (we are in a signal handler). */
static void report_line(const char *text)
{
	uint64_t us = z_host_uptime_us();
	unsigned int h = (unsigned int)(us / 3600000000ULL);
	unsigned int m = (unsigned int)(us / 60000000ULL % 60U);
	unsigned int s = (unsigned int)(us / 1000000ULL % 60U);
	unsigned int ms = (unsigned int)(us / 1000U % 1000U);
	unsigned int usr = (unsigned int)(us % 1000U);
	int n = snprintf(report, sizeof(report), "[%02u:%02u:%02u.%03u,%03u] <err> os: %s\n", h, m,
			 s, ms, usr, text);

	if (n > 0) {
		size_t len = (size_t)n < sizeof(report) ? (size_t)n : sizeof(report) - 1U;
		ssize_t w = write(STDOUT_FILENO, report, len);

		(void)w;
	}
}

const char *z_host_fault_describe(const struct arch_esf *esf, char *buf, size_t len)
{
	const struct k_thread *cur = k_current_get();
	struct z_prot_lookup where;

	z_prot_lookup(esf->fault_addr, &where);
	const char *mode = z_prot_is_user(cur) ? "User" : "Supervisor";

	if (where.in_guard) {
		snprintf(buf, len, "%s thread %p (%s) %s address %p: guard page of thread %p (%s)",
			 mode, (void *)cur, thread_name(cur), access_str(esf->access),
			 (void *)esf->fault_addr, (void *)where.owner, thread_name(where.owner));
	} else if (where.in_region && where.kind == Z_PROT_STACK) {
		snprintf(buf, len, "%s thread %p (%s) %s address %p: stack of thread %p (%s)", mode,
			 (void *)cur, thread_name(cur), access_str(esf->access),
			 (void *)esf->fault_addr, (void *)where.owner, thread_name(where.owner));
	} else if (where.in_region) {
		const char *why = where.prot == PROT_NONE ? "not in the thread's memory domain"
			: (esf->access == ARCH_HOST_ACCESS_WRITE ? "read-only for the thread"
								  : "not allowed to the thread");
		snprintf(buf, len,
			 "%s thread %p (%s) %s address %p: partition %p+0x%zx (attr 0x%x), %s", mode,
			 (void *)cur, thread_name(cur), access_str(esf->access),
			 (void *)esf->fault_addr, (void *)where.start, where.size,
			 (unsigned int)where.attr, why);
	} else {
		snprintf(buf, len, "%s thread %p (%s) %s address %p: not a valid address", mode,
			 (void *)cur, thread_name(cur), access_str(esf->access),
			 (void *)esf->fault_addr);
	}
	return buf;
}

static void fault_handler(int sig, siginfo_t *si, void *uctx_v)
{
	ucontext_t *uctx = uctx_v;
	struct k_thread *cur = k_current_get();
	uintptr_t sp = 0;
	struct arch_esf esf = {
		.signo = sig,
		.si_code = si->si_code,
		.fault_addr = (uintptr_t)si->si_addr,
		.access = ARCH_HOST_ACCESS_UNKNOWN,
	};

	if (in_handler || cur == NULL) {
		/* A fault while reporting a fault, or outside any thread: let the host crash. */
		signal(sig, SIG_DFL);
		return;
	}
	in_handler = 1;
#if defined(__x86_64__)
	{
		greg_t err = uctx->uc_mcontext.gregs[REG_ERR];

		esf.pc = (uintptr_t)uctx->uc_mcontext.gregs[REG_RIP];
		sp = (uintptr_t)uctx->uc_mcontext.gregs[REG_RSP];
		if (sig == SIGSEGV) {
			esf.access = (err & 0x10) ? ARCH_HOST_ACCESS_EXEC
				     : (err & 0x2) ? ARCH_HOST_ACCESS_WRITE
						   : ARCH_HOST_ACCESS_READ;
		}
	}
#elif defined(__aarch64__)
	esf.pc = (uintptr_t)uctx->uc_mcontext.pc;
	sp = (uintptr_t)uctx->uc_mcontext.sp;
#else
	(void)uctx;
#endif
	struct z_prot_lookup where;

	z_prot_lookup(esf.fault_addr, &where);
	uintptr_t low = cur->stack_obj != NULL ? (uintptr_t)cur->stack_obj : cur->stack_info.start;
	bool sp_overflow = sp != 0U && sp < cur->stack_info.start && sp + OVERFLOW_SLACK >= low;
	bool overflow = (where.in_guard && where.owner == cur) || sp_overflow;
	char line[512];

	/* The fatal path runs as the kernel does: with the supervisor's view of memory. */
	z_prot_apply(NULL);
	if (overflow) {
		snprintf(line, sizeof(line),
			 "***** Stack overflow: thread %p (%s), stack %p..%p, address %p, sp %p",
			 (void *)cur, thread_name(cur), (void *)cur->stack_info.start,
			 (void *)(cur->stack_info.start + cur->stack_info.size),
			 (void *)esf.fault_addr, (void *)sp);
		report_line(line);
	} else {
		report_line(sig == SIGBUS ? "***** Bus error *****" : "***** Memory protection fault *****");
		report_line(z_host_fault_describe(&esf, line, sizeof(line)));
	}
	in_handler = 0;
	arch_host_fault(overflow ? K_ERR_STACK_CHK_FAIL : K_ERR_CPU_EXCEPTION, &esf);
}

void z_host_fault_init_thread(void)
{
	if (!handler_installed) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = fault_handler;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGSEGV, &sa, NULL);
		sigaction(SIGBUS, &sa, NULL);
		handler_installed = 1;
	}
	if (!alt_stack_ready) {
		stack_t old;

		/* The runtime may have given this host thread a signal stack already. */
		if (sigaltstack(NULL, &old) == 0 && (old.ss_flags & SS_DISABLE) == 0) {
			alt_stack_ready = true;
			return;
		}
		void *mem = mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (mem != MAP_FAILED) {
			stack_t ss = {.ss_sp = mem, .ss_size = ALT_STACK_SIZE, .ss_flags = 0};

			if (sigaltstack(&ss, NULL) == 0) {
				alt_stack_ready = true;
			} else {
				munmap(mem, ALT_STACK_SIZE);
			}
		}
	}
}
