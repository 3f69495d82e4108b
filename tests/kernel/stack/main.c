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

#include "../common/kobj_helpers.h"

#define N 4
static K_STACK_DEFINE(st, N); /* static prefix accepted */
K_HEAP_DEFINE(pool, 1024);

static void test_lifo(void)
{
	stack_data_t v;
	stack_data_t buf[3];
	struct k_stack ls;

	for (stack_data_t i = 0; i < N; i++) {
		CHECK_EQ(k_stack_push(&st, i + 10), 0);
	}
	CHECK_EQ(k_stack_push(&st, 99), -ENOMEM);
	for (int i = N - 1; i >= 0; i--) {
		CHECK_EQ(k_stack_pop(&st, &v, K_NO_WAIT), 0);
		CHECK_EQ(v, (stack_data_t)i + 10);
	}
	int64_t t0 = k_uptime_ticks();

	CHECK_EQ(k_stack_pop(&st, &v, K_NO_WAIT), -EBUSY);
	CHECK_EQ(k_uptime_ticks(), t0);
	CHECK_EQ(k_stack_pop(&st, &v, K_MSEC(10)), -EAGAIN);
	CHECK(k_uptime_ticks() - t0 >= K_MSEC(10).ticks);

	k_stack_init(&ls, buf, 3);
	CHECK_EQ(k_stack_push(&ls, (stack_data_t)&ls), 0); /* pointers fit */
	CHECK_EQ(k_stack_pop(&ls, &v, K_FOREVER), 0);
	CHECK(v == (stack_data_t)&ls);
	CHECK_EQ(k_stack_cleanup(&ls), 0); /* not allocated: nothing to free */
}

static int result[KH_THREADS];
static stack_data_t got[KH_THREADS];
static int done;

static void popper(void *p1, void *p2, void *p3)
{
	int idx = (int)(intptr_t)p3;
	int ms = (int)(intptr_t)p2;

	result[idx] = k_stack_pop(p1, &got[idx], ms < 0 ? K_FOREVER : K_MSEC(ms));
	done++;
}

static void test_waiters(void)
{
	int prios[KH_THREADS] = {5, 3, 3, 4};

	done = 0;
	for (int i = 0; i < KH_THREADS; i++) {
		kh_spawn(i, popper, &st, (void *)(intptr_t)-1, (void *)(intptr_t)i, prios[i], 0);
		k_msleep(1);
	}
	for (stack_data_t i = 0; i < KH_THREADS; i++) {
		CHECK_EQ(k_stack_push(&st, i), 0);
	}
	kh_join(KH_THREADS);
	CHECK_EQ(got[1], 0);
	CHECK_EQ(got[2], 1);
	CHECK_EQ(got[3], 2);
	CHECK_EQ(got[0], 3);
	for (int i = 0; i < KH_THREADS; i++) {
		CHECK_EQ(result[i], 0);
	}
	stack_data_t v;

	CHECK_EQ(k_stack_pop(&st, &v, K_NO_WAIT), -EBUSY); /* all handed over */

	done = 0;
	kh_spawn(0, popper, &st, (void *)(intptr_t)10, (void *)0, 3, 0);
	k_msleep(5);
	CHECK_EQ(done, 0);
	k_msleep(10);
	CHECK_EQ(done, 1);
	CHECK_EQ(result[0], -EAGAIN);
	kh_join(1);
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

static void test_isr(void)
{
	irq_offload(isr_push, (void *)7);
	CHECK_EQ(isr_ret, 0);
	irq_offload(isr_pop, NULL);
	CHECK_EQ(isr_ret, 0);
	CHECK_EQ(isr_val, 7);
	irq_offload(isr_pop, NULL);
	CHECK_EQ(isr_ret, -EBUSY);
	irq_offload(isr_pop, (void *)1); /* waiting refused in an ISR */
	CHECK_EQ(isr_ret, -EAGAIN);
}

static struct k_stack ast;

static void test_alloc_init(void)
{
	struct k_thread *self = k_current_get();
	size_t start;
	stack_data_t v;

	k_thread_heap_assign(self, NULL);
	CHECK_EQ(k_stack_alloc_init(&ast, 4), -ENOMEM);
	k_thread_heap_assign(self, &pool);
	start = kh_allocated(&pool);
	CHECK_EQ(k_stack_alloc_init(&ast, 4096), -ENOMEM);
	CHECK_EQ(k_stack_alloc_init(&ast, UINT32_MAX), -ENOMEM);
	CHECK_EQ(kh_allocated(&pool), start);
	CHECK_EQ(k_stack_alloc_init(&ast, 8), 0);
	CHECK(kh_allocated(&pool) >= start + 8 * sizeof(stack_data_t));
	for (stack_data_t i = 0; i < 8; i++) {
		CHECK_EQ(k_stack_push(&ast, i), 0);
	}
	CHECK_EQ(k_stack_push(&ast, 8), -ENOMEM);
	for (int i = 0; i < 8; i++) {
		CHECK_EQ(k_stack_pop(&ast, &v, K_NO_WAIT), 0);
	}
	done = 0;
	kh_spawn(0, popper, &ast, (void *)(intptr_t)-1, (void *)0, 3, 0);
	k_msleep(1);
	CHECK_EQ(k_stack_cleanup(&ast), -EAGAIN); /* a thread waits */
	CHECK_EQ(k_stack_push(&ast, 42), 0);
	kh_join(1);
	CHECK_EQ(got[0], 42);
	CHECK_EQ(k_stack_cleanup(&ast), 0);
	CHECK_EQ(kh_allocated(&pool), start);
	k_thread_heap_assign(self, NULL);
}

static int user_step;

static void user_fn(void *p1, void *p2, void *p3)
{
	stack_data_t v;

	(void)p1;
	(void)p2;
	(void)p3;
	CHECK_EQ(k_stack_alloc_init(&ast, 2), 0);
	CHECK_EQ(k_stack_push(&ast, 1), 0);
	CHECK_EQ(k_stack_pop(&ast, &v, K_MSEC(1)), 0);
	CHECK_EQ(k_stack_cleanup(&ast), 0);
	user_step = 1;
	k_stack_init(&ast, NULL, 0); /* not a system call on Zephyr */
	user_step = 2;
}

static void test_user_mode(void)
{
	k_thread_heap_assign(k_current_get(), &pool);
	size_t start = kh_allocated(&pool);

	kh_fault.count = 0;
	kh_spawn(0, user_fn, NULL, NULL, NULL, 3, K_USER);
	kh_join(1);
	CHECK_EQ(user_step, 1);
	CHECK_EQ(kh_fault.count, 1);
	CHECK_EQ(kh_allocated(&pool), start);
	k_thread_heap_assign(k_current_get(), NULL);
}

int main(void)
{
	RUN_TEST(test_lifo);
	RUN_TEST(test_waiters);
	RUN_TEST(test_isr);
	RUN_TEST(test_alloc_init);
	RUN_TEST(test_user_mode);
	return KTEST_RESULT();
}
