/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * An application fatal error handler that returns: only the faulting thread is aborted and
 * the system runs on (k_oops, k_panic, a failed __ASSERT, a host SIGSEGV).
 */
#include <zephyr/kernel.h>

#include "rt_test.h"

K_THREAD_STACK_DEFINE(stack, 8192);
static struct k_thread thread;

static unsigned int last_reason = 999;
static struct arch_esf last_esf;
static bool had_esf;
static int handler_calls;
static k_tid_t handler_thread;
static volatile bool reached_after_fault;

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	last_reason = reason;
	had_esf = esf != NULL;
	if (esf != NULL) {
		last_esf = *esf;
	}
	handler_calls++;
	handler_thread = k_current_get();
}

static int target;
/* Computed at run time so the compiler cannot see the bad address. */
static volatile uintptr_t bad_addr_base = 8;

static void faulty(void *a, void *b, void *c)
{
	int kind = (int)(intptr_t)a;

	(void)b;
	(void)c;
	k_msleep(1);
	switch (kind) {
	case 0:
		k_oops();
		break;
	case 1:
		k_panic();
		break;
	case 2:
		__ASSERT(kind == 99, "kind is %d", kind);
		break;
	case 3:
		*(volatile int *)(bad_addr_base * 2) = 1;
		break;
	case 4:
		target = *(volatile int *)(bad_addr_base * 3);
		break;
	case 6:
		/* A fault inside printk's formatting, on the runtime stack, holding stdout. */
		printk("bad string %s\n", (const char *)(bad_addr_base * 2));
		break;
	case 7:
		/* The same in printf on the thread's own stack. */
		printf("bad string %s\n", (const char *)(bad_addr_base * 2));
		break;
	case 5:
		/* Invalid arguments: the creating thread gets a kernel oops. */
		k_thread_create(&thread, NULL, 0, NULL, NULL, NULL, NULL, 0, 0, K_NO_WAIT);
		break;
	}
	reached_after_fault = true;
}

static void run_faulty(int kind, unsigned int want_reason)
{
	int calls = handler_calls;

	reached_after_fault = false;
	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), faulty, (void *)(intptr_t)kind,
			NULL, NULL, 5, 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_SECONDS(1)), 0);
	CHECK_EQ(handler_calls, calls + 1);
	CHECK_EQ(last_reason, want_reason);
	CHECK(handler_thread == &thread);
	CHECK(!reached_after_fault);
	/* The system runs on. */
	int64_t t0 = k_uptime_get();

	CHECK_EQ(k_msleep(10), 0);
	CHECK_EQ(k_uptime_get() - t0, 10);
}

int main(void)
{
	run_faulty(0, K_ERR_KERNEL_OOPS);
	CHECK(!had_esf);
	run_faulty(1, K_ERR_KERNEL_PANIC);
	run_faulty(2, K_ERR_KERNEL_PANIC);
	run_faulty(3, K_ERR_CPU_EXCEPTION);
	CHECK(had_esf);
	CHECK_EQ(last_esf.fault_addr, 16);
	CHECK_EQ(last_esf.access, ARCH_HOST_ACCESS_WRITE);
	run_faulty(4, K_ERR_CPU_EXCEPTION);
	CHECK_EQ(last_esf.fault_addr, 24);
	CHECK_EQ(last_esf.access, ARCH_HOST_ACCESS_READ);
	run_faulty(5, K_ERR_KERNEL_OOPS);
	run_faulty(6, K_ERR_CPU_EXCEPTION);
	printk("printk works after a fault inside printk\n");
	run_faulty(7, K_ERR_CPU_EXCEPTION);
	printf("printf works after a fault inside printf\n");
	fflush(stdout);
	/* Many faults in a row do not leak host resources that would stop the run. */
	for (int i = 0; i < 100; i++) {
		run_faulty(3, K_ERR_CPU_EXCEPTION);
	}
	printf("test_fatal_recover: all passed\n");
	return 0;
}
