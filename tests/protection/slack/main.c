/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Stacks are as large as declared: a thread that goes past its declared size into the slack
 * between the declared area and the guard page (the page rounding) overflows. It is reported
 * as K_ERR_STACK_CHK_FAIL for that thread at its next switch, or when it ends, and the figures
 * of a thread that stays inside agree with a probe of known depth.
 */
#include <string.h>
#include <zephyr/kernel.h>

#include "../common/ptest.h"

#define DECLARED 2048

K_THREAD_STACK_DEFINE(stack_2048, DECLARED);
K_THREAD_STACK_DEFINE(stack_1000, 1000);

static struct k_thread thread;
static volatile size_t probe_bytes;
static volatile bool reached_end;

/* Touches probe_bytes bytes of stack below its caller's frame, every one of them. */
static __attribute__((noinline)) void probe(size_t n)
{
	volatile uint8_t *buf = __builtin_alloca(n);

	for (size_t i = 0; i < n; i++) {
		buf[i] = (uint8_t)i;
	}
}

/* Uses probe_bytes of stack, then yields (a switch) or returns (the end). */
static void probe_then_yield(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	probe(probe_bytes);
	if (p1 != NULL) {
		k_yield();
	}
	reached_end = true;
}

static struct k_thread other;

static void other_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
}

/* Run a thread on @p obj that uses @p bytes of stack; @p switch_first: yield after it. */
static void run_probe(const char *what, k_thread_stack_t *obj, size_t declared, size_t bytes,
		      bool switch_first)
{
	ptest_fault_reset();
	reached_end = false;
	probe_bytes = bytes;
	k_thread_create(&thread, obj, declared, probe_then_yield, switch_first ? &thread : NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_FOREVER);
	k_thread_name_set(&thread, "probe");
	k_thread_start(&thread);
	/* Someone to yield to (queued behind the probe), so that the yield really switches. */
	k_thread_create(&other, stack_1000, 1000, other_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1),
			0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_MSEC(5000)), 0);
	CHECK_EQ(k_thread_join(&other, K_MSEC(5000)), 0);
	printk("%s: probe of %zu bytes on a %zu-byte stack: fault count %d reason %u%s\n", what,
	       bytes, declared, ptest_last_fault.count, ptest_last_fault.reason,
	       reached_end ? ", ran to the end" : "");
}

static size_t used_by(const struct k_thread *t)
{
	size_t unused = 0;

	CHECK_EQ(k_thread_stack_space_get(t, &unused), 0);
	return k_thread_stack_size_get(t) - unused;
}

int main(void)
{
	/* Inside the declared size: no fault, and the figure covers the probe. */
	run_probe("inside", stack_2048, DECLARED, 1500, true);
	CHECK_EQ(ptest_last_fault.count, 0);
	CHECK(reached_end);
	CHECK_EQ(k_thread_stack_size_get(&thread), DECLARED);
	size_t used = used_by(&thread);

	printk("inside: used %zu of %zu bytes\n", used, k_thread_stack_size_get(&thread));
	CHECK(used >= 1500U);
	CHECK(used < DECLARED);
	if (PTEST_NATIVE_FRAMES) {
		CHECK(used < 1500U + 400U);
	}

	/* 2288 bytes of a declared 2048: an overflow, reported at the next switch. */
	run_probe("slack at switch", stack_2048, DECLARED, 2288, true);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK_EQ(ptest_last_fault.reason, K_ERR_STACK_CHK_FAIL);
	CHECK(ptest_last_fault.thread == &thread);
	CHECK_EQ(ptest_last_fault.addr, 0); /* found by the check, not by a page fault */
	CHECK(!reached_end);
	/* Its whole declared area counts as used. */
	CHECK_EQ(used_by(&thread), DECLARED);

	/* The same without a switch: reported when the thread ends. */
	run_probe("slack at exit", stack_2048, DECLARED, 2288, false);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK_EQ(ptest_last_fault.reason, K_ERR_STACK_CHK_FAIL);
	CHECK(ptest_last_fault.thread == &thread);

	/* A dynamic stack of 1000 bytes is 1000 bytes, too. */
	k_thread_stack_t *dyn = k_thread_stack_alloc(1000, 0);

	CHECK(dyn != NULL);
	if (dyn != NULL) {
		run_probe("dynamic inside", dyn, 1000, 600, true);
		CHECK_EQ(ptest_last_fault.count, 0);
		CHECK_EQ(k_thread_stack_size_get(&thread), 1000);
		run_probe("dynamic slack", dyn, 1000, 1400, true);
		CHECK_EQ(ptest_last_fault.count, 1);
		CHECK_EQ(ptest_last_fault.reason, K_ERR_STACK_CHK_FAIL);
		CHECK_EQ(k_thread_stack_free(dyn), 0);
	}

	/* Past the slack, the guard page catches it as before (at once, not at a switch). */
	run_probe("guard page", stack_2048, DECLARED, 4096 + 512, true);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK_EQ(ptest_last_fault.reason, K_ERR_STACK_CHK_FAIL);
	CHECK(ptest_last_fault.addr != 0U);

	/* And the stack is fine for the next thread. */
	run_probe("after", stack_2048, DECLARED, 1000, true);
	CHECK_EQ(ptest_last_fault.count, 0);
	return ptest_result("protection.slack");
}
