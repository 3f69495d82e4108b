/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Running off the end of a stack of each kind is caught by its guard page and becomes fatal
 * error K_ERR_STACK_CHK_FAIL for that thread only; the test's handler returns, so main goes on
 * to the next kind. (main's own stack: see main_overflow.c.)
 */
#include <zephyr/kernel.h>

#include "../common/ptest.h"

K_THREAD_STACK_DEFINE(static_stack, 4096);
K_THREAD_STACK_ARRAY_DEFINE(array_stacks, 2, 8192);
K_KERNEL_STACK_DEFINE(kernel_stack, 4096);
static struct {
	int before;
	K_THREAD_STACK_MEMBER(stack, 4096);
} holder;

static struct k_thread thread;
static volatile int depth_limit = 1 << 30;
static volatile int deepest;

static __attribute__((noinline)) int recurse(int n)
{
	volatile char buf[256];

	buf[0] = (char)n;
	deepest = n;
	if (n >= depth_limit) {
		return buf[0];
	}
	return recurse(n + 1) + buf[0];
}

static void overflow_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	recurse(0);
	printk("FAIL: recursion returned\n");
}

static void overflow_on(const char *kind, k_thread_stack_t *stack, size_t size)
{
	ptest_fault_reset();
	k_thread_create(&thread, stack, size, overflow_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1),
			0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_MSEC(5000)), 0);
	printk("%s: fault count %d reason %u after %d frames\n", kind, ptest_last_fault.count,
	       ptest_last_fault.reason, deepest);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK_EQ(ptest_last_fault.reason, K_ERR_STACK_CHK_FAIL);
	CHECK(ptest_last_fault.thread == &thread);
	/* It ran until its own stack was full: about size / frame size frames deep. */
	CHECK((size_t)deepest * 256U >= size / 2U);
}

static struct k_thread idle_owner;

static void peek(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	volatile char c = *(volatile char *)p1;

	(void)c;
}

static void never_runs(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
}

/* A live thread's guard page is closed to everybody, and given back when the thread ends. */
static void test_guard_lifetime(void)
{
	k_thread_create(&idle_owner, static_stack, K_THREAD_STACK_SIZEOF(static_stack), never_runs,
			NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_FOREVER);
	k_thread_name_set(&idle_owner, "owner");
	ptest_fault_reset();
	k_thread_create(&thread, kernel_stack, K_KERNEL_STACK_SIZEOF(kernel_stack), peek,
			(void *)&static_stack[100], NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_name_set(&thread, "peeker");
	CHECK_EQ(k_thread_join(&thread, K_MSEC(5000)), 0);
	CHECK_EQ(ptest_last_fault.count, 1);
	/* Someone else's guard page: a plain CPU exception, not an overflow of the peeker. */
	CHECK_EQ(ptest_last_fault.reason, K_ERR_CPU_EXCEPTION);
	CHECK_EQ(ptest_last_fault.addr, (uintptr_t)&static_stack[100]);
	k_thread_abort(&idle_owner);
	/* Static stacks live in .bss: once the thread is gone the page is ordinary memory. */
	((volatile char *)static_stack)[100] = 1;
	CHECK_EQ(static_stack[100].data, 1);
	ptest_fault_reset();
}

int main(void)
{
	test_guard_lifetime();
	overflow_on("static", static_stack, K_THREAD_STACK_SIZEOF(static_stack));
	overflow_on("array member", array_stacks[1], K_THREAD_STACK_SIZEOF(array_stacks[1]));
	overflow_on("array member 0", array_stacks[0], K_THREAD_STACK_SIZEOF(array_stacks[0]));
	overflow_on("kernel", kernel_stack, K_KERNEL_STACK_SIZEOF(kernel_stack));
	overflow_on("struct member", holder.stack, K_THREAD_STACK_SIZEOF(holder.stack));

	k_thread_stack_t *dyn = k_thread_stack_alloc(6000, 0);

	CHECK(dyn != NULL);
	if (dyn != NULL) {
		overflow_on("dynamic", dyn, 6000);
		CHECK_EQ(k_thread_stack_free(dyn), 0);
	}
	/* The stacks are usable again: a well-behaved thread runs on one. */
	depth_limit = 4;
	ptest_fault_reset();
	k_thread_create(&thread, static_stack, K_THREAD_STACK_SIZEOF(static_stack), overflow_entry,
			NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_FOREVER), 0);
	CHECK_EQ(ptest_last_fault.count, 0);
	return ptest_result("protection.overflow");
}
