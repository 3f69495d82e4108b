/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_stack: LIFO order, full (-ENOMEM) and empty (-EBUSY, -EAGAIN after the timeout), waiters
 * served by priority then arrival, ISR use, k_stack_alloc_init from the resource pool (cleanup
 * with waiters -EAGAIN, -ENOMEM, figures back to the start), user mode.
 * Runs under virtual time (--no-rt).
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/irq_offload.h>
#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#include "../common/kobj_ztest.h"

#define N 4
static K_STACK_DEFINE(st, N); /* static prefix accepted */
K_HEAP_DEFINE(pool, 1024);

ZTEST(kernel_stack, test_lifo)
{
	stack_data_t v;
	stack_data_t buf[3];
	struct k_stack ls;

	for (stack_data_t i = 0; i < N; i++) {
		zexpect_equal(k_stack_push(&st, i + 10), 0);
	}
	zexpect_equal(k_stack_push(&st, 99), -ENOMEM);
	for (int i = N - 1; i >= 0; i--) {
		zexpect_equal(k_stack_pop(&st, &v, K_NO_WAIT), 0);
		zexpect_equal(v, (stack_data_t)i + 10);
	}
	int64_t t0 = k_uptime_ticks();

	zexpect_equal(k_stack_pop(&st, &v, K_NO_WAIT), -EBUSY);
	zexpect_equal(k_uptime_ticks(), t0);
	zexpect_equal(k_stack_pop(&st, &v, K_MSEC(10)), -EAGAIN);
	zexpect_true(k_uptime_ticks() - t0 >= K_MSEC(10).ticks);

	k_stack_init(&ls, buf, 3);
	zexpect_equal(k_stack_push(&ls, (stack_data_t)&ls), 0); /* pointers fit */
	zexpect_equal(k_stack_pop(&ls, &v, K_FOREVER), 0);
	zexpect_true(v == (stack_data_t)&ls);
	zexpect_equal(k_stack_cleanup(&ls), 0); /* not allocated: nothing to free */
}

static int result[KZ_THREADS];
static stack_data_t got[KZ_THREADS];
static int done;

static void popper(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;

	result[idx] = k_stack_pop(p1, &got[idx], kz_timeout_ms(p2));
	done++;
}

ZTEST(kernel_stack, test_waiters)
{
	done = 0;
	kz_spawn_waiters(popper, &st);
	for (stack_data_t i = 0; i < KZ_THREADS; i++) {
		zexpect_equal(k_stack_push(&st, i), 0);
	}
	kz_join(KZ_THREADS);
	zexpect_equal(got[1], 0);
	zexpect_equal(got[2], 1);
	zexpect_equal(got[3], 2);
	zexpect_equal(got[0], 3);
	for (int i = 0; i < KZ_THREADS; i++) {
		zexpect_equal(result[i], 0);
	}
	stack_data_t v;

	zexpect_equal(k_stack_pop(&st, &v, K_NO_WAIT), -EBUSY); /* all handed over */

	done = 0;
	kz_wait_out(popper, &st, &done);
	zexpect_equal(result[0], -EAGAIN);
}

static int isr_ret;
static stack_data_t isr_val;

static void isr_push(const void *arg)
{
	isr_ret = k_stack_push(&st, (stack_data_t)arg);
}

static void isr_pop(const void *arg)
{
	isr_ret = k_stack_pop(&st, &isr_val, arg != NULL ? K_FOREVER : K_NO_WAIT);
}

ZTEST(kernel_stack, test_isr)
{
	irq_offload(isr_push, (void *)7);
	zexpect_equal(isr_ret, 0);
	irq_offload(isr_pop, NULL);
	zexpect_equal(isr_ret, 0);
	zexpect_equal(isr_val, 7);
	irq_offload(isr_pop, NULL);
	zexpect_equal(isr_ret, -EBUSY);
	irq_offload(isr_pop, (void *)1); /* waiting refused in an ISR */
	zexpect_equal(isr_ret, -EAGAIN);
}

static struct k_stack ast;

ZTEST(kernel_stack, test_alloc_init)
{
	struct k_thread *self = k_current_get();
	size_t start;
	stack_data_t v;

	k_thread_heap_assign(self, NULL);
	zexpect_equal(k_stack_alloc_init(&ast, 4), -ENOMEM);
	k_thread_heap_assign(self, &pool);
	start = kz_allocated(&pool);
	zexpect_equal(k_stack_alloc_init(&ast, 4096), -ENOMEM);
	/* 4 G entries: more than any heap holds on 64-bit, a size that overflows on 32-bit. */
	zexpect_equal(k_stack_alloc_init(&ast, UINT32_MAX),
		      sizeof(size_t) > sizeof(uint32_t) ? -ENOMEM : -EINVAL);
	zexpect_equal(kz_allocated(&pool), start);
	zexpect_equal(k_stack_alloc_init(&ast, 8), 0);
	zexpect_true(kz_allocated(&pool) >= start + 8 * sizeof(stack_data_t));
	for (stack_data_t i = 0; i < 8; i++) {
		zexpect_equal(k_stack_push(&ast, i), 0);
	}
	zexpect_equal(k_stack_push(&ast, 8), -ENOMEM);
	for (int i = 0; i < 8; i++) {
		zexpect_equal(k_stack_pop(&ast, &v, K_NO_WAIT), 0);
	}
	done = 0;
	kz_spawn(0, popper, &ast, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	zexpect_equal(k_stack_cleanup(&ast), -EAGAIN); /* a thread waits */
	zexpect_equal(k_stack_push(&ast, 42), 0);
	kz_join(1);
	zexpect_equal(got[0], 42);
	zexpect_equal(k_stack_cleanup(&ast), 0);
	zexpect_equal(kz_allocated(&pool), start);
	k_thread_heap_assign(self, NULL);
}

static int user_step;

static void user_fn(void *p1, void *p2, void *p3)
{
	stack_data_t v;

	(void)p1;
	(void)p2;
	(void)p3;
	zexpect_equal(k_stack_alloc_init(&ast, 2), 0);
	zexpect_equal(k_stack_push(&ast, 1), 0);
	zexpect_equal(k_stack_pop(&ast, &v, K_MSEC(1)), 0);
	zexpect_equal(k_stack_cleanup(&ast), 0);
	user_step = 1;
	ztest_set_fault_valid(true);
	k_stack_init(&ast, NULL, 0); /* not a system call on Zephyr */
	user_step = 2;
}

ZTEST(kernel_stack, test_user_mode)
{
	k_thread_heap_assign(k_current_get(), &pool);
	size_t start = kz_allocated(&pool);

	kz_faults = 0;
	/* As on Zephyr, a user thread uses only objects it was granted. */
	k_object_access_grant(&ast, k_current_get());
	kz_spawn(0, user_fn, NULL, NULL, NULL, 3, K_USER | K_INHERIT_PERMS);
	kz_join(1);
	zexpect_equal(user_step, 1);
	zexpect_equal(kz_faults, 1);
	zexpect_equal(kz_allocated(&pool), start);
	k_thread_heap_assign(k_current_get(), NULL);
}

ZTEST_SUITE(kernel_stack, NULL, NULL, NULL, NULL, NULL);
