/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A thread whose k_thread object goes out of scope while the thread still exists, waiting
 * forever on an object that went out of scope with it (Zephyr's work_queue test does this with
 * an essential work queue on the test thread's stack). On Zephyr nothing touches it again; the
 * kernel must not write into the reused memory when other threads come and go, nor read it
 * at exit (the process ends with main's status, 0, not a fault).
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define FRAME_BYTES 4096

static K_THREAD_STACK_DEFINE(waiter_stack, 8192);
static K_THREAD_STACK_DEFINE(passer_stack, 8192);
static struct k_thread passer;

static void wait_forever(void *sem, void *p2, void *p3)
{
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	k_sem_take(sem, K_FOREVER);
}

static void pass_by(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* Starts a thread whose object and semaphore live in this frame; it blocks at once and this
 * function returns, leaving both behind. */
static __noinline void leave_waiter_behind(void)
{
	struct k_thread waiter;
	struct k_sem sem;

	k_sem_init(&sem, 0, 1);
	k_thread_create(&waiter, waiter_stack, K_THREAD_STACK_SIZEOF(waiter_stack), wait_forever,
			&sem, NULL, NULL, K_PRIO_COOP(1), 0, K_NO_WAIT);
	zassert_true(k_thread_join(&waiter, K_NO_WAIT) == -EBUSY, "the waiter ended");
}

/* Reuses that stack memory, then lets another thread begin and end meanwhile: the memory must
 * come out as it was written. */
static __noinline bool frame_survives_other_threads(void)
{
	volatile uint8_t frame[FRAME_BYTES];

	memset((void *)frame, 0xa5, sizeof(frame));
	k_thread_create(&passer, passer_stack, K_THREAD_STACK_SIZEOF(passer_stack), pass_by, NULL,
			NULL, NULL, K_PRIO_COOP(1), 0, K_NO_WAIT);
	k_thread_join(&passer, K_FOREVER);
	for (size_t i = 0; i < sizeof(frame); i++) {
		if (frame[i] != 0xa5) {
			TC_PRINT("byte %zu of the reused frame became 0x%02x\n", i, frame[i]);
			return false;
		}
	}
	return true;
}

ZTEST(thread_scope, test_object_out_of_scope_while_thread_waits)
{
	leave_waiter_behind();
	zassert_true(frame_survives_other_threads(),
		     "the kernel wrote into a k_thread object that went out of scope");
}

ZTEST_SUITE(thread_scope, NULL, NULL, NULL, NULL, NULL);
