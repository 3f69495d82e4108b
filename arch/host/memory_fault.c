/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief What a memory fault means: the runtime's signal handler (arch/host/fault.c, on the
 * alternate signal stack) asks z_host_fault_reason() which fatal error a fault is.
 *
 * A fault in the running thread's own guard page is a stack overflow, K_ERR_STACK_CHK_FAIL.
 * Any other fault is K_ERR_CPU_EXCEPTION, and the report names the thread, the address, the
 * access (read, write or execute, from the x86-64 page-fault error code) and the protected
 * region the address belongs to (a partition outside the thread's domain, a read-only one,
 * another thread's stack or guard page). The runtime's fatal path then adds Zephyr's
 * ">>> ZEPHYR FATAL ERROR" lines and aborts the thread.
 *
 * This runs in a signal handler: the report is written with write(2), never through stdio.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <zephyr/kernel.h>

#include "kernel_internal.h"
#include "mem_protect.h"

/** @brief Called by the host fault handler (arch/host/fault.c) to classify a fault. */
unsigned int z_host_fault_reason(const struct arch_esf *esf);

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

/*
 * Why the host refused an access outside every region zmem manages: the address is mapped
 * (SEGV_ACCERR) but the host's own page protection forbids the access (code and constant data
 * are never writable, data, stacks and heaps never executable), or nothing is mapped there.
 */
static const char *host_protection_str(const struct arch_esf *esf)
{
	if (esf->signo != SIGSEGV || esf->si_code != SEGV_ACCERR) {
		return "not a valid address";
	}
	switch (esf->access) {
	case ARCH_HOST_ACCESS_WRITE:
		return "read-only memory (code or constant data)";
	case ARCH_HOST_ACCESS_EXEC:
		return "memory that is not executable";
	default:
		return "memory the host protects";
	}
}

static const char *thread_name(const struct k_thread *t)
{
	return (t != NULL && t->name[0] != '\0') ? t->name : "unnamed";
}

/* Fault report line in the log's format, written with write(2) (we are in a signal handler). */
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

	/*
	 * What the application printed before the fault comes first, as the fatal path that
	 * follows does too (fflush on the faulting host thread; stdio's lock is recursive).
	 */
	fflush(stdout);
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
		/* A thread's own stack faults only when executed: say so, not just whose it is. */
		snprintf(buf, len, "%s thread %p (%s) %s address %p: stack of thread %p (%s)%s",
			 mode, (void *)cur, thread_name(cur), access_str(esf->access),
			 (void *)esf->fault_addr, (void *)where.owner, thread_name(where.owner),
			 esf->access == ARCH_HOST_ACCESS_EXEC ? ", not executable" : "");
	} else if (where.in_region) {
		k_mem_partition_attr_t attr = 0;
		bool mine = z_prot_is_user(cur) && cur->mem_domain_info.mem_domain != NULL &&
			    z_mem_domain_has(cur->mem_domain_info.mem_domain, where.start,
					     where.size, &attr);
		const char *why = !mine ? "not in the thread's memory domain"
				  : (esf->access == ARCH_HOST_ACCESS_WRITE &&
				     (attr & Z_MEM_ATTR_U_W) == 0U)
				      ? "read-only for the thread"
				      : "not allowed to the thread";

		snprintf(buf, len,
			 "%s thread %p (%s) %s address %p: partition %p+0x%zx (attr 0x%x), %s", mode,
			 (void *)cur, thread_name(cur), access_str(esf->access),
			 (void *)esf->fault_addr, (void *)where.start, where.size,
			 (unsigned int)where.attr, why);
	} else {
		snprintf(buf, len, "%s thread %p (%s) %s address %p: %s", mode, (void *)cur,
			 thread_name(cur), access_str(esf->access), (void *)esf->fault_addr,
			 host_protection_str(esf));
	}
	return buf;
}

unsigned int z_host_fault_reason(const struct arch_esf *esf)
{
	struct k_thread *cur = k_current_get();
	struct z_prot_lookup where;
	char line[512];

	if (cur == NULL || (esf->signo != SIGSEGV && esf->signo != SIGBUS)) {
		return K_ERR_CPU_EXCEPTION;
	}
	z_prot_lookup(esf->fault_addr, &where);
	/* The fatal path runs as the kernel does: with the supervisor's view of memory. */
	z_prot_apply(NULL);
	if (where.in_guard && where.owner == cur) {
		snprintf(line, sizeof(line),
			 "***** Stack overflow: thread %p (%s), stack %p..%p, address %p",
			 (void *)cur, thread_name(cur), (void *)cur->stack_info.start,
			 (void *)(cur->stack_info.start + cur->stack_info.size),
			 (void *)esf->fault_addr);
		report_line(line);
		return K_ERR_STACK_CHK_FAIL;
	}
	report_line(esf->signo == SIGBUS ? "***** Bus error *****"
					 : "***** Memory protection fault *****");
	report_line(z_host_fault_describe(esf, line, sizeof(line)));
	return K_ERR_CPU_EXCEPTION;
}
