/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * CONFIG_STACK_SENTINEL: the lowest word of every stack holds 0xF0F0F0F0; a thread that
 * overwrites it (an overflow small enough to miss the guard page) takes K_ERR_STACK_CHK_FAIL at
 * its next context switch, and only that thread ends.
 */
#include <zephyr/kernel.h>

#include "../common/ptest.h"

K_THREAD_STACK_DEFINE(stack, 4096);
K_THREAD_STACK_DEFINE(other_stack, 4096);
static struct k_thread thread;
static struct k_thread other;

/* A thread of the same priority, so that k_yield() really switches away and back. */
static void yielder(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	for (int i = 0; i < 5; i++) {
		k_yield();
	}
}
static volatile int after_switch;

static void clobber(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	struct k_thread *self = k_current_get();

	CHECK_EQ(*(volatile uint32_t *)self->stack_info.start, 0xF0F0F0F0U);
	*(volatile uint32_t *)self->stack_info.start = 0x12345678U;
	k_yield(); /* the check runs when this thread is switched back in */
	after_switch = 1;
}

static void fine(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_yield();
	k_yield();
	after_switch = 2;
}

int main(void)
{
	k_thread_create(&other, other_stack, K_THREAD_STACK_SIZEOF(other_stack), yielder, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), fine, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_FOREVER), 0);
	CHECK_EQ(after_switch, 2);
	CHECK_EQ(ptest_last_fault.count, 0);
	size_t unused = 0;

	/* The intact sentinel counts as unused space. */
	CHECK_EQ(k_thread_stack_space_get(&thread, &unused), 0);
	CHECK(unused > 0U);

	CHECK_EQ(k_thread_join(&other, K_FOREVER), 0);

	after_switch = 0;
	k_thread_create(&other, other_stack, K_THREAD_STACK_SIZEOF(other_stack), yielder, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), clobber, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_FOREVER), 0);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK_EQ(ptest_last_fault.reason, K_ERR_STACK_CHK_FAIL);
	CHECK(ptest_last_fault.thread == &thread);
	CHECK_EQ(after_switch, 0);
	CHECK_EQ(k_thread_join(&other, K_FOREVER), 0);
	return ptest_result("protection.sentinel");
}
