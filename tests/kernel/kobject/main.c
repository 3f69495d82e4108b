/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Kernel object permission calls as Zephyr code writes them (<zephyr/sys/kobject.h>): they
 * record nothing on the host and always succeed, but each form compiles, evaluates its
 * arguments once, and a user thread created afterwards uses the objects.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define STACK_SIZE 4096

static K_SEM_DEFINE(sem, 0, 1);
static K_MUTEX_DEFINE(mutex);
static K_THREAD_STACK_DEFINE(stack, STACK_SIZE);
static struct k_thread thread;
static struct k_msgq msgq;
static char msgq_buf[4 * sizeof(int)];

K_THREAD_ACCESS_GRANT(no_thread_needed, &sem, &mutex);

static int evaluations;

static struct k_thread *current_counted(void)
{
	evaluations++;
	return k_current_get();
}

ZTEST_SUITE(kernel_kobject, NULL, NULL, NULL, NULL, NULL);

ZTEST(kernel_kobject, test_grant_forms)
{
	evaluations = 0;
	/* One object, several objects of different kinds (a stack, a thread), as Zephyr's
	 * tests grant them in their setup.
	 */
	k_thread_access_grant(current_counted(), &sem);
	zassert_equal(evaluations, 1, "the thread argument is evaluated once");
	k_thread_access_grant(current_counted(), &sem, &mutex, &stack, &thread, &msgq);
	zassert_equal(evaluations, 2);

	k_object_access_grant(&sem, k_current_get());
	k_object_access_revoke(&sem, k_current_get());
	k_object_access_all_grant(&mutex);
	k_object_release(&mutex);
	/* A statement in an if without braces, as a macro call must allow. */
	if (evaluations == 2)
		k_thread_access_grant(k_current_get(), &sem);
	else
		ztest_test_fail();
}

static void user_entry(void *p1, void *p2, void *p3)
{
	int v = 7;

	(void)p1;
	(void)p2;
	(void)p3;
	zassert_ok(k_msgq_put(&msgq, &v, K_NO_WAIT));
	k_sem_give(&sem);
}

ZTEST(kernel_kobject, test_granted_user_thread_uses_objects)
{
	int v = 0;

	k_msgq_init(&msgq, msgq_buf, sizeof(int), 4);
	k_thread_create(&thread, stack, STACK_SIZE, user_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1),
			K_USER, K_FOREVER);
	k_thread_access_grant(&thread, &sem, &msgq);
	k_thread_start(&thread);
	zassert_ok(k_sem_take(&sem, K_SECONDS(1)));
	zassert_ok(k_msgq_get(&msgq, &v, K_NO_WAIT));
	zassert_equal(v, 7);
	zassert_ok(k_thread_join(&thread, K_FOREVER));
}
