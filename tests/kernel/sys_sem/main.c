/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * sys_sem (<zephyr/sys/sem.h>): Zephyr's answers (-EINVAL limits, -EAGAIN at the limit,
 * -ETIMEDOUT for a take that cannot be satisfied), waiters woken by priority, and user threads:
 * usable without a grant in a partition of their domain, -EACCES outside it. Built twice, as
 * Zephyr's answer at the limit depends on user mode: with CONFIG_USERSPACE (a futex: -EAGAIN)
 * and without (k_sem_give(): 0, the count stays at the limit).
 */
#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/kernel.h>
#include <zephyr/sys/sem.h>
#include <zephyr/ztest.h>

#define STACK_SIZE 4096

K_APPMEM_PARTITION_DEFINE(sem_part);
K_APP_DMEM(sem_part) SYS_SEM_DEFINE(shared_sem, 1, 2);
K_APP_BMEM(sem_part) volatile int user_results[5];
static SYS_SEM_DEFINE(outside_sem, 1, 1);

#ifdef CONFIG_USERSPACE
static struct k_mem_domain domain;
#endif
static K_THREAD_STACK_DEFINE(stack, STACK_SIZE);
static struct k_thread thread;

ZTEST(sys_sem, test_answers)
{
	static struct sys_sem s;

	zassert_equal(sys_sem_init(NULL, 0, 1), -EINVAL);
	zassert_equal(sys_sem_init(&s, 0, 0), -EINVAL, "limit 0");
	zassert_equal(sys_sem_init(&s, 2, 1), -EINVAL, "initial over the limit");
	zassert_equal(sys_sem_init(&s, 1, UINT_MAX), -EINVAL, "limit over INT_MAX");
	zassert_ok(sys_sem_init(&s, 1, 2));
	zassert_equal(sys_sem_count_get(&s), 1);
	zassert_ok(sys_sem_give(&s));
	zassert_equal(sys_sem_give(&s), IS_ENABLED(CONFIG_USERSPACE) ? -EAGAIN : 0, "at the limit");
	zassert_equal(sys_sem_count_get(&s), 2);
	zassert_ok(sys_sem_take(&s, K_NO_WAIT));
	zassert_ok(sys_sem_take(&s, K_NO_WAIT));
	zassert_equal(sys_sem_take(&s, K_NO_WAIT), -ETIMEDOUT);
	zassert_equal(sys_sem_take(&s, K_MSEC(20)), -ETIMEDOUT);
	zassert_equal(sys_sem_give(NULL), -EINVAL);
	zassert_equal(sys_sem_take(NULL, K_NO_WAIT), -EINVAL);
}

static void taker(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	user_results[0] = sys_sem_take(p1, K_FOREVER);
}

/* A give at the limit with a waiter hands the unit over: no -EAGAIN then. */
ZTEST(sys_sem, test_give_to_waiter)
{
	static struct sys_sem s;

	zassert_ok(sys_sem_init(&s, 0, 1));
	user_results[0] = -1;
	k_thread_create(&thread, stack, STACK_SIZE, taker, &s, NULL, NULL, K_PRIO_PREEMPT(1), 0,
			K_NO_WAIT);
	k_sleep(K_MSEC(10));
	zassert_ok(sys_sem_give(&s));
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	zassert_equal(user_results[0], 0);
	zassert_equal(sys_sem_count_get(&s), 0);
}

#ifdef CONFIG_USERSPACE
static void user_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	user_results[0] = sys_sem_take(&shared_sem, K_NO_WAIT);
	user_results[1] = sys_sem_give(&shared_sem);
	user_results[2] = sys_sem_take(&outside_sem, K_NO_WAIT);
	user_results[3] = sys_sem_give(&outside_sem);
	user_results[4] = (int)sys_sem_count_get(&shared_sem);
}
#endif

ZTEST(sys_sem, test_user_thread)
{
#ifndef CONFIG_USERSPACE
	ztest_test_skip();
#else
	struct k_mem_partition *parts[] = {&sem_part, &ztest_mem_partition};

	zassert_ok(k_mem_domain_init(&domain, ARRAY_SIZE(parts), parts));
	k_thread_create(&thread, stack, STACK_SIZE, user_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1),
			K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&domain, &thread));
	k_thread_start(&thread);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
	zassert_equal(user_results[0], 0, "no grant needed in its domain");
	zassert_equal(user_results[1], 0);
	zassert_equal(user_results[2], -EACCES, "outside its domain");
	zassert_equal(user_results[3], -EACCES);
	zassert_equal(user_results[4], 1);
	zassert_equal(sys_sem_count_get(&outside_sem), 1, "untouched");
#endif
}

ZTEST_SUITE(sys_sem, NULL, NULL, NULL, NULL, NULL);
